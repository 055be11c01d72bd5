"""Whole journals for the warning-signs engine, built through the real store.

The two cases of the public article (Liu: a dating-app romance that turned into paid harbour
photography; Wang: a job-hunting app and a "Director Zhang"), retold in our own words, three
variations, and three innocent journals. Each case lists the signs a careful reader would name as
present, with the entries that show them; innocent journals must show no present sign.

The GUI test loads this module by path (``load_case`` / ``build_in_journal``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest

from journal.core.models import Entry, EntryDraft, Person
from journal.core.signs import PRESENT, SIGN_IDS, evaluate, evaluate_journal, signs_to_json

CST = timezone(timedelta(hours=8))
START = datetime(2024, 3, 1, 9, 0, tzinfo=CST)


@dataclass
class Case:
    name: str
    persons: dict[str, dict[str, Any]]
    entries: list[dict[str, Any]]
    present: dict[str, list[str]]  # sign id -> entry keys, oldest first
    possible_ok: set[str] = field(default_factory=set)  # signs that may show as "possible"


def E(key: str, day: float, kind: str, summary: str, **fields: Any) -> dict[str, Any]:
    return {"key": key, "day": day, "kind": kind, "summary": summary, **fields}


# --------------------------------------------------------------------- the article: Liu (English)
LIU = Case(
    "liu",
    persons={"xm": {"name": "Xiao Min", "platform": "Momo (social app)"}},
    entries=[
        E("L01", 0, "contact", "Started chatting with Xiao Min on Momo", channel="Momo",
          medium="chat", initiated_by="them", persons=["xm"],
          details="She wrote first. Says she studies design and does odd jobs for a travel magazine."),
        E("L02", 3, "contact", "Only three days in and she calls me her boyfriend", channel="Momo",
          medium="chat", persons=["xm"],
          details="Our relationship escalated very quickly; she says I am special to her."),
        E("L03", 5, "contact", "Xiao Min introduced a part-time job for her magazine",
          channel="Momo", medium="chat", persons=["xm"],
          details="Photographing tourists and yachts at the harbour, a few hundred yuan per shift."),
        E("L04", 6, "request", "First shift: photos of the seaside and yachts at the marina",
          task="Photograph tourists and yachts in the scenic area", target="Marina, scenic area",
          status="done", amount=Decimal(300), channel="Momo", persons=["xm"]),
        E("L05", 7, "payment", "Got the 300 yuan for the yacht photos, on time",
          amount=Decimal(300), currency="CNY", method="wechat", direction="received",
          persons=["xm"]),
        E("L06", 12, "request", "Now she wants pictures of warships arriving and leaving",
          task="Photograph military ships coming in and out", target="A spot she marked by the naval port",
          status="done", amount=Decimal(800), channel="Momo", persons=["xm"]),
        E("L07", 13, "contact", "She asked me to move our chats to Telegram", channel="Telegram",
          medium="chat", persons=["xm"],
          details="From now on we must use code words: the ships are 'fish', the port is 'the market'."),
        E("L08", 14, "payment", "800 yuan for the pictures from the naval port",
          amount=Decimal(800), currency="CNY", method="alipay", direction="received",
          channel="Telegram", persons=["xm"]),
        E("L09", 20, "gift", "Xiao Min bought me a phone and an electric scooter",
          item="Phone and electric scooter", value=Decimal(6500), currency="CNY",
          channel="Telegram", persons=["xm"],
          details="She said they are for the photography work."),
        E("L10", 27, "payment", "She covered three months' rent for a flat near the military base",
          amount=Decimal(4500), currency="CNY", method="bank", direction="received",
          channel="Telegram", persons=["xm"]),
        E("L11", 30, "note", "Writing this down because I doubt she is who she says she is"),
    ],
    present={
        "WS-FAST-INTIMACY": ["L01", "L02"],
        "WS-JOB-OFFER": ["L03"],
        "WS-PHOTO-TASK": ["L03", "L04", "L06"],
        "WS-ESCALATION": ["L03", "L04", "L06"],
        "WS-CHANNEL-SWITCH": ["L07"],
        "WS-SECRECY": ["L07"],
        "WS-DEVICE-GIFT": ["L09"],
        "WS-UNUSUAL-PAYMENT": ["L04", "L05", "L06", "L08"],
        "WS-PAID-HOUSING": ["L10"],
    },
    possible_ok={"WS-VAGUE-IDENTITY"},
)

# --------------------------------------------------------------------- the article: Wang (Chinese)
WANG = Case(
    "wang",
    persons={"zhang": {"name": "张主任", "role": "主任", "organisation": "一家调查公司",
                           "platform": "手机求职App"}},
    entries=[
        E("W01", 0, "note", "快毕业了,在手机求职App上发布了我的求职信息", channel="求职App"),
        E("W02", 2, "contact", "一位“张主任”通过求职App联系我", channel="求职App", medium="chat",
          initiated_by="them", persons=["zhang"],
          details="他自称在一家调查公司工作,正在做海洋环境调查,问我想不想做兼职,报酬丰厚。"),
        E("W03", 4, "request", "张主任让我去海边拍游艇和船只", task="拍摄海上的游艇和各类船只",
          target="近海海域", status="done", amount=Decimal(500), channel="求职App",
          persons=["zhang"], details="说是海洋环境调查要用的照片。"),
        E("W04", 5, "payment", "收到张主任转来的拍照报酬 500 元", amount=Decimal(500),
          currency="CNY", method="wechat", direction="received", persons=["zhang"]),
        E("W05", 15, "request", "他开始引导我去军事敏感区域拍军用飞机和军舰",
          task="拍摄军用飞机和军舰", target="军用机场和军港附近", status="refused",
          amount=Decimal(2000), persons=["zhang"]),
        E("W06", 15.2, "note", "这个要求让我起了疑心,我马上停止了和他的联系"),
        E("W07", 16, "report", "在辅导员陪同下拨打 12339 举报", reported_to="hotline_12339",
          officer="辅导员李老师", witnesses=["李老师"]),
    ],
    present={
        "WS-JOB-OFFER": ["W02"],
        "WS-PHOTO-TASK": ["W03", "W05"],
        "WS-ESCALATION": ["W03", "W05"],
        "WS-UNUSUAL-PAYMENT": ["W03", "W04", "W05"],
    },
    possible_ok={"WS-VAGUE-IDENTITY"},
)

# --------------------------------------------------------------------- variation 1: Chinese only
LIU_ZH = Case(
    "romance-zh-airfield",
    persons={"ling": {"name": "小琳", "platform": "探探"}},
    entries=[
        E("Z01", 0, "contact", "在探探上认识了小琳", channel="探探", medium="chat",
          initiated_by="them", persons=["ling"]),
        E("Z02", 2, "contact", "才聊了两天,她就说喜欢我,想做我女朋友", channel="微信",
          medium="chat", persons=["ling"]),
        E("Z03", 6, "request", "她让我帮一个旅游公众号拍海边的风景和日落", task="拍海边风景",
          target="海滨公园", status="done", amount=Decimal(400), channel="微信", persons=["ling"]),
        E("Z04", 7, "payment", "收到 400 元", amount=Decimal(400), method="wechat",
          direction="received", persons=["ling"], details="说是拍风景照片的稿费。"),
        E("Z05", 15, "request", "又让我去机场跑道尽头拍战斗机起降", task="拍摄战斗机起降",
          target="军用机场跑道尽头", status="done", amount=Decimal(1500), persons=["ling"]),
        E("Z06", 16, "contact", "她让我下载WhatsApp,以后都在上面聊", channel="WhatsApp",
          medium="chat", persons=["ling"], details="还让我每次聊完删掉聊天记录,不要告诉家人和老师。"),
        E("Z07", 20, "gift", "她寄给我一架无人机和一张手机卡", item="无人机、SIM卡",
          value=Decimal(5000), persons=["ling"]),
        E("Z08", 24, "contact", "她帮我付了机场附近宾馆一周的住宿费", channel="WhatsApp",
          medium="chat", persons=["ling"]),
    ],
    present={
        "WS-FAST-INTIMACY": ["Z01", "Z02"],
        "WS-PHOTO-TASK": ["Z03", "Z05"],
        "WS-ESCALATION": ["Z03", "Z05"],
        "WS-CHANNEL-SWITCH": ["Z06"],
        "WS-SECRECY": ["Z06"],
        "WS-DEVICE-GIFT": ["Z07"],
        "WS-UNUSUAL-PAYMENT": ["Z03", "Z04", "Z05"],
        "WS-PAID-HOUSING": ["Z08"],
    },
    possible_ok={"WS-VAGUE-IDENTITY"},
)

# --------------------------------------------------------------------- variation 2: English only
RECRUITER_EN = Case(
    "recruiter-en-institute",
    persons={"kevin": {"name": "Kevin Liao", "role": "Project manager",
                           "organisation": "an overseas consulting firm", "platform": "LinkedIn"}},
    entries=[
        E("R01", 0, "contact", "Kevin from a consulting firm messaged me on LinkedIn",
          channel="LinkedIn", medium="chat", initiated_by="them", persons=["kevin"],
          details="He offered a freelance research job: easy work, 200 USD per short report."),
        E("R02", 3, "request", "Write a short report on the city's shopping streets",
          task="Pictures and notes on shopping streets downtown", target="Downtown streets",
          status="done", amount=Decimal(200), currency="USD", persons=["kevin"]),
        E("R03", 4, "payment", "200 USDT arrived in a crypto wallet he told me to open",
          amount=Decimal(200), currency="USD", method="crypto", direction="received",
          persons=["kevin"]),
        E("R04", 10, "request", "Now he wants the internal staff list of the research institute where my aunt works",
          task="Get the staff list and photograph the gate of the research institute",
          target="Provincial research institute", status="asked", amount=Decimal(1000),
          currency="USD", persons=["kevin"]),
        E("R05", 11, "contact", "He wants me to install Signal app and keep talking there",
          channel="LinkedIn", medium="chat", persons=["kevin"],
          details="I searched for his company: it has no website and he always refuses video calls."),
        E("R06", 12, "note", "Told him I refuse to do the institute task"),
        E("R07", 13, "threat", "He says he will send our chats to my university if I stop",
          channel="Signal", persons=["kevin"]),
    ],
    present={
        "WS-JOB-OFFER": ["R01"],
        "WS-PHOTO-TASK": ["R02", "R04"],
        "WS-ESCALATION": ["R02", "R04"],
        "WS-INFO-GATHERING": ["R04"],
        "WS-CHANNEL-SWITCH": ["R05", "R07"],
        "WS-UNUSUAL-PAYMENT": ["R02", "R03", "R04"],
        "WS-VAGUE-IDENTITY": ["R05"],
        "WS-PRESSURE": ["R07"],
    },
)

# --------------------------------------------------------------------- variation 3: mixed languages
SURVEY_MIXED = Case(
    "survey-mixed-lab",
    persons={"amy": {"name": "Amy 王", "platform": "QQ兼职群"}},
    entries=[
        E("M01", 0, "contact", "QQ群里的 Amy 私聊我,说有个 part-time 兼职:帮她发问卷",
          channel="QQ", medium="chat", initiated_by="them", persons=["amy"],
          details="每份问卷 50 元,很轻松。"),
        E("M02", 2, "request", "Hand out a questionnaire to classmates about campus life",
          task="发放校园生活问卷", status="done", amount=Decimal(50), persons=["amy"]),
        E("M03", 9, "request", "她想要我导师实验室的内部资料 and the list of students",
          task="拷贝实验室的内部资料", target="导师的实验室", status="refused", persons=["amy"]),
        E("M04", 10, "contact", "I said no, but she keeps pushing me to continue",
          channel="QQ", medium="chat", persons=["amy"],
          details="She says I must finish it and wants me to add her on a new account 小号."),
    ],
    present={
        "WS-JOB-OFFER": ["M01"],
        "WS-INFO-GATHERING": ["M02", "M03"],
        "WS-CHANNEL-SWITCH": ["M04"],
        "WS-PRESSURE": ["M03", "M04"],
    },
    possible_ok={"WS-UNUSUAL-PAYMENT", "WS-ESCALATION", "WS-VAGUE-IDENTITY"},
)

# --------------------------------------------------------------------- innocent journals
TUTORING = Case(
    "innocent-tutoring",
    persons={"li": {"name": "Ms Li", "role": "parent", "platform": "university career centre"}},
    entries=[
        E("T01", 0, "note", "I applied for a tutoring job posted at the career centre"),
        E("T02", 2, "meeting", "Met Ms Li and her son at their home to agree the lessons",
          medium="in_person", initiated_by="me", persons=["li"]),
        E("T03", 3, "request", "Tutor her son in maths twice a week, 120 yuan per hour",
          task="Maths tutoring", status="done", amount=Decimal(120), persons=["li"]),
        E("T04", 4, "request", "She asked for a photo of my student card for her records",
          task="Send a photo of my student card", status="done", persons=["li"]),
        E("T05", 31, "payment", "Tutoring fee for March, 8 lessons", amount=Decimal(960),
          method="bank", direction="received", persons=["li"]),
        E("T06", 60, "payment", "April lessons, paid in cash", amount=Decimal(960),
          method="cash", direction="received", persons=["li"]),
    ],
    present={},
    possible_ok=set(SIGN_IDS),
)

FRIENDSHIP = Case(
    "innocent-friendship",
    persons={"chen": {"name": "陈雨 Chen Yu", "platform": "library study group"}},
    entries=[
        E("F01", 0, "meeting", "Met Chen Yu at the library study group", medium="in_person",
          persons=["chen"]),
        E("F02", 10, "meeting", "Coffee after class, talked about exams and our home towns",
          medium="in_person", persons=["chen"]),
        E("F03", 25, "meeting", "周末和陈雨还有两个同学去海边徒步,拍了日落的照片",
          medium="in_person", persons=["chen"]),
        E("F04", 40, "gift", "Chen Yu gave me a novel for my birthday", item="a novel",
          value=Decimal(45), persons=["chen"]),
        E("F05", 60, "contact", "She is going abroad for an exchange term; we will keep in touch on WhatsApp",
          channel="WeChat", medium="chat", persons=["chen"]),
    ],
    present={},
    possible_ok=set(SIGN_IDS),
)

PARCEL = Case(
    "innocent-parcel",
    persons={"mum": {"name": "妈妈", "role": "mother"}},
    entries=[
        E("P01", 0, "contact", "妈妈打电话说给我寄了包裹", medium="call", initiated_by="them",
          persons=["mum"]),
        E("P02", 3, "gift", "Parcel from Mum: a winter coat, snacks and a new phone",
          item="winter coat, snacks, phone", value=Decimal(3200), persons=["mum"],
          details="My old phone's screen was cracked."),
        E("P03", 3, "payment", "Mum sent this month's living money", amount=Decimal(1500),
          method="alipay", direction="received", persons=["mum"]),
    ],
    present={},
    possible_ok=set(SIGN_IDS),
)

CASES = [LIU, WANG, LIU_ZH, RECRUITER_EN, SURVEY_MIXED, TUTORING, FRIENDSHIP, PARCEL]
BY_NAME = {c.name: c for c in CASES}


# --------------------------------------------------------------------- builders
_ENTRY_FIELDS = ("summary", "details", "channel", "location", "witnesses", "tags", "amount",
                 "currency", "method", "direction", "item", "value", "task", "target", "status",
                 "medium", "initiated_by", "reported_to", "reference", "officer")


def build_in_journal(journal: Any, case: Case) -> dict[str, str]:
    """Add the case's persons and entries to a real journal; return {key: entry or person id}."""
    ids: dict[str, str] = {}
    for key, p in case.persons.items():
        ids[key] = journal.add_person(**p).id
    for spec in case.entries:
        draft = EntryDraft(kind=spec["kind"], occurred_at=START + timedelta(days=spec["day"]),
                           precision="exact", persons=[ids[k] for k in spec.get("persons", [])],
                           **{f: spec[f] for f in _ENTRY_FIELDS if f in spec})
        ids[spec["key"]] = journal.add_entry(draft).id
    return ids


def build_dataclasses(case: Case) -> tuple[list[Entry], list[Person]]:
    """The same journal as plain dataclasses (ids = keys), for pure rule tests."""
    persons = [Person(id=k, **p) for k, p in case.persons.items()]
    entries = []
    for spec in case.entries:
        when = START + timedelta(days=spec["day"])
        entries.append(Entry(id=spec["key"], kind=spec["kind"], occurred_at=when, recorded_at=when,
                             persons=list(spec.get("persons", [])),
                             **{f: spec[f] for f in _ENTRY_FIELDS if f in spec}))
    return entries, persons


def _check(case: Case, results: list[Any], key_of: dict[str, str]) -> None:
    present = {r.id: [key_of[e] for e in r.evidence] for r in results if r.level == PRESENT}
    assert present == case.present, case.name
    others = {r.id for r in results if r.level != PRESENT}
    assert others <= case.possible_ok, (case.name, others - case.possible_ok)


# --------------------------------------------------------------------- tests
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_case_pure(case: Case) -> None:
    entries, persons = build_dataclasses(case)
    results = evaluate(entries, persons)
    _check(case, results, {e.id: e.id for e in entries})


@pytest.mark.parametrize("case", [LIU, WANG, RECRUITER_EN, TUTORING], ids=lambda c: c.name)
def test_case_through_store(journal: Any, case: Case) -> None:
    ids = build_in_journal(journal, case)
    results = evaluate_journal(journal)
    _check(case, results, {v: k for k, v in ids.items()})


def test_all_cases_in_one_journal_store(journal: Any) -> None:
    """Everything at once through the store: the signs of each story stay separate enough."""
    for case in (LIU, WANG, LIU_ZH, SURVEY_MIXED, FRIENDSHIP, PARCEL):
        build_in_journal(journal, case)
    results = evaluate_journal(journal)
    ids = [r.id for r in results]
    assert ids == [s for s in SIGN_IDS if s in ids]  # DESIGN order
    assert {r.id for r in results if r.level == PRESENT} >= set(LIU.present) | set(WANG.present)


def test_deleted_entries_are_ignored(journal: Any) -> None:
    ids = build_in_journal(journal, LIU)
    journal.delete_entry(ids["L09"])  # the gifted phone and scooter
    results = {r.id: r for r in evaluate_journal(journal)}
    assert "WS-DEVICE-GIFT" not in results
    journal.restore_entry(ids["L09"])
    results = {r.id: r for r in evaluate_journal(journal)}
    assert results["WS-DEVICE-GIFT"].evidence == [ids["L09"]]


def test_signs_to_json_for_the_article_cases(journal: Any) -> None:
    ids = build_in_journal(journal, LIU)
    data = signs_to_json(evaluate_journal(journal), "en")
    # the contract's keys, and beside them the reasons (of the first 20 evidence entries; how
    # many have none listed) and the user's dismissal
    assert all(set(d) == {"id", "title", "level", "evidence", "reasons", "reasons_not_listed",
                          "dismissed"} for d in data)
    by_id = {d["id"]: d for d in data}
    assert by_id["WS-DEVICE-GIFT"] == {
        "id": "WS-DEVICE-GIFT", "title": "Gifts of phones, cameras, vehicles or other equipment",
        "level": "present", "evidence": [ids["L09"]], "dismissed": None, "reasons_not_listed": 0,
        "reasons": [{"entry": ids["L09"], "field": "item", "quote": "Phone and electric scooter",
                     "text": "'Phone and electric scooter' given by Xiao Min (entry of 21 March 2024)"}]}
    zh = signs_to_json(evaluate_journal(journal), "zh")
    assert {d["id"]: d["title"] for d in zh}["WS-SECRECY"] == "使用暗号、要求保密或删除聊天记录"
