"""Rules of the warning-signs engine, on plain dataclasses: paraphrases, levels, structure, order."""

from __future__ import annotations

import itertools
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest

from journal.core import i18n
from journal.core.models import Entry, Person
from journal.core.signs import (
    POSSIBLE,
    PRESENT,
    SIGN_IDS,
    SignResult,
    advice_steps,
    all_signs,
    evaluate,
    how_to_report,
    sign_title,
    signs_to_json,
)
from journal.core.signs.vocab import DELETE_CHATS, PHOTO, SENSITIVE, tokenize

T0 = datetime(2024, 5, 1, 10, 0, tzinfo=timezone(timedelta(hours=8)))
_n = itertools.count()


def ent(kind: str, summary: str, day: float = 0, persons: tuple[str, ...] = ("p",),
        **fields: Any) -> Entry:
    when = T0 + timedelta(days=day)
    return Entry(id=f"e{next(_n):03d}", kind=kind, occurred_at=when, recorded_at=when,
                 summary=summary, persons=list(persons), **fields)


P = [Person(id="p", name="Someone")]


def signs(entries: list[Entry], persons: list[Person] | None = None) -> dict[str, SignResult]:
    return {r.id: r for r in evaluate(entries, P if persons is None else persons)}


def level(sign: str, entries: list[Entry], persons: list[Person] | None = None) -> str | None:
    r = signs(entries, persons).get(sign)
    return r.level if r else None


# ----------------------------------------------------------------------------- vocabulary
def test_english_matches_word_stems_case_insensitively() -> None:
    for text in ("photographing the pier", "two Photos", "Photograph it", "PHOTO"):
        assert PHOTO.find(text), text
    assert not PHOTO.find("he phoned me")
    assert tokenize("Don't tell") == ["dont", "tell"]


def test_chinese_matches_substrings_and_skips_false_friends() -> None:
    assert PHOTO.find("帮我拍一下码头")
    assert PHOTO.find("去海边拍风景")
    assert not PHOTO.find("参加了一场拍卖会")
    assert not PHOTO.find("买了新球拍")
    assert SENSITIVE.find("军港附近") and SENSITIVE.find("拍摄驱逐舰")


def test_phrases_allow_words_in_between() -> None:
    assert DELETE_CHATS.find("please delete all of our chats")
    assert DELETE_CHATS.find("删掉我们的聊天记录")
    assert DELETE_CHATS.find("聊天记录看完就删")
    assert not DELETE_CHATS.find("I deleted a typo")


def test_chinese_says_is_raises_the_identity_sign_with_an_organisation_or_job_not_with_a_reason() -> None:
    # new-user finding 5: the Chinese raised nothing while the English raised the sign
    zh = [ent("contact", "张总加我微信，说是海洋调查公司的")]
    en = [ent("contact", "Mr Zhang added me on WeChat, says he works for a marine survey company")]
    assert level("WS-VAGUE-IDENTITY", zh) == level("WS-VAGUE-IDENTITY", en) == POSSIBLE
    for text in ("说是一家咨询公司的经理，想招兼职", "她说是杂志社记者", "说他在一家研究所工作",
                 "说是猎头，问我要简历"):
        assert level("WS-VAGUE-IDENTITY", [ent("contact", text)]) == POSSIBLE, text
    # the Wang case: 说是 + why the photos are wanted; and other reasons given with 说是
    for text in ("说是海洋环境调查要用的照片。", "他说是海洋环境调查,给的钱很多。", "说是公司的要求",
                 "说是拍风景照片的稿费。", "老板说是公司安排的", "说是员工福利", "说是工作需要"):
        assert level("WS-VAGUE-IDENTITY", [ent("request", "去海边拍游艇", details=text)]) is None, text


# ----------------------------------------------------------------------------- paraphrases
PARAPHRASES: dict[str, list[list[Entry]]] = {}


def _para(sign: str, *journals: list[Entry]) -> None:
    PARAPHRASES.setdefault(sign, []).extend(journals)


_para("WS-FAST-INTIMACY",
      [ent("contact", "first chat"), ent("contact", "She says she loves me", day=4)],
      [ent("contact", "认识了"), ent("contact", "他向我表白了", day=2)],
      [ent("contact", "met on Tinder"), ent("contact", "we are a couple now, she is my girlfriend", day=9)],
      [ent("contact", "加了好友"), ent("contact", "她说我是她特别的人,很想你", day=1)])
_para("WS-JOB-OFFER",
      [ent("contact", "He offered me a part-time job, generous pay", initiated_by="them")],
      [ent("contact", "有人私信我介绍兼职,日结,报酬丰厚")],
      [ent("contact", "A gig taking pictures of the waterfront, 300 yuan per photo set")],
      [ent("note", "对方说有个好工作,轻松赚钱,只要拍几张照片")])
_para("WS-PHOTO-TASK",
      [ent("request", "Take pictures of the harbour entrance", status="asked")],
      [ent("request", "Film the ships leaving the dock")],
      [ent("request", "拍一下码头停着的船")],
      [ent("request", "去机场外面录视频", target="机场")],
      [ent("contact", "She asked me to snap a few shots of the bridge")])
_para("WS-ESCALATION",
      [ent("request", "photos of tourists on the beach"),
       ent("request", "photos of the navy destroyers", day=5)],
      [ent("request", "拍游艇"), ent("request", "拍军舰进出港", day=10)],
      [ent("request", "fill in a questionnaire about the city"),
       ent("request", "film the government compound gate", day=3)],
      [ent("request", "拍海边风景"), ent("request", "去雷达站附近拍几张", day=7)])
_para("WS-INFO-GATHERING",
      [ent("request", "Send him internal documents from my internship")],
      [ent("request", "帮他收集一些单位的资料")],
      [ent("request", "Hand out a survey to classmates and send back the answers")],
      [ent("contact", "She asked about my dad's workplace and what his unit works on")],
      [ent("request", "提供实验室的人员名单")])
_para("WS-CHANNEL-SWITCH",
      [ent("contact", "He asked me to switch to Telegram")],
      [ent("contact", "让我下载一个境外聊天软件再联系")],
      [ent("contact", "She told me to install WhatsApp and delete WeChat")],
      [ent("contact", "他让我注册一个新账号,只用来跟他联系")],
      [ent("contact", "wants to move our conversation over to Signal app")])
_para("WS-SECRECY",
      [ent("contact", "We must use code words from now on")],
      [ent("contact", "她说这件事要保密")],
      [ent("contact", "Don't tell your parents or teachers about this")],
      [ent("contact", "不要告诉任何人")],
      [ent("contact", "Remember to delete the chat history every night")])
_para("WS-DEVICE-GIFT",
      [ent("gift", "a present", item="iPhone 15")],
      [ent("gift", "收到礼物", item="一架无人机")],
      [ent("gift", "gift", item="electric scooter")],
      [ent("contact", "He sent me a new camera with a telephoto lens")],
      [ent("note", "她给我买了一部新手机")],
      [ent("gift", "a package", item="two SIM cards")])
_para("WS-UNUSUAL-PAYMENT",
      [ent("payment", "paid in USDT", amount=Decimal(100), currency="USD", method="crypto",
           direction="received")],
      [ent("request", "拍几张港口照片", amount=Decimal(600))],
      [ent("payment", "Money came from a stranger's account, not his", amount=Decimal(50),
           direction="received")],
      [ent("payment", "给了丰厚的报酬", amount=Decimal(150), direction="received")])
_para("WS-PAID-HOUSING",
      [ent("payment", "She paid my rent", amount=Decimal(2000), direction="received")],
      [ent("contact", "他帮我付了房租")],
      [ent("gift", "a month in a hotel near the naval port", item="hotel stay")],
      [ent("contact", "He covered train tickets to the city with the air base nearby")],
      [ent("payment", "房租", amount=Decimal(1500), direction="received")])
_para("WS-VAGUE-IDENTITY",
      [ent("note", "I can't find the company anywhere online")],
      [ent("contact", "他总是不肯视频")],
      [ent("contact", "She refuses to meet in person")],
      [ent("note", "查不到这家公司的任何信息")],
      [ent("note", "His story is inconsistent: first Shenzhen, now Hong Kong")])
_para("WS-PRESSURE",
      [ent("threat", "He says something bad will happen")],
      [ent("contact", "他威胁要把聊天记录发给我的学校")],
      [ent("contact", "She said she would tell your school everything, or else")],
      [ent("request", "photos of the base", status="refused"),
       ent("contact", "He keeps pushing me to continue", day=1)],
      [ent("contact", "不干就后果自负")])


@pytest.mark.parametrize(
    ("sign", "entries"),
    [(s, j) for s, journals in PARAPHRASES.items() for j in journals],
    ids=[f"{s}-{i}" for s, journals in PARAPHRASES.items() for i in range(len(journals))],
)
def test_paraphrases_are_present(sign: str, entries: list[Entry]) -> None:
    result = signs(entries)
    assert sign in result and result[sign].level == PRESENT, [
        (r.id, r.level) for r in result.values()]


def test_every_sign_has_paraphrases() -> None:
    assert set(PARAPHRASES) == set(SIGN_IDS)
    assert all(len(j) >= 4 for j in PARAPHRASES.values())


# ----------------------------------------------------------------------------- levels and structure
def test_fast_intimacy_depends_on_time() -> None:
    first = ent("contact", "hello")
    assert level("WS-FAST-INTIMACY", [first, ent("contact", "I love you", day=13)]) == PRESENT
    assert level("WS-FAST-INTIMACY", [first, ent("contact", "I love you", day=20)]) == POSSIBLE
    assert level("WS-FAST-INTIMACY", [first, ent("contact", "I love you", day=90)]) is None
    # a single weak word within days is only a hint
    assert level("WS-FAST-INTIMACY", [first, ent("contact", "you are special", day=2)]) == POSSIBLE


def test_fast_intimacy_is_measured_per_person() -> None:
    persons = P + [Person(id="q", name="Other")]
    old = ent("contact", "met p long ago", day=-100)
    new_q = ent("contact", "first chat with q", day=0, persons=("q",))
    love_q = ent("contact", "q says she loves me", day=3, persons=("q",))
    r = signs([old, new_q, love_q], persons)["WS-FAST-INTIMACY"]
    assert (r.level, r.evidence) == (PRESENT, [new_q.id, love_q.id])


def test_escalation_needs_the_harmless_task_first() -> None:
    a = ent("request", "photograph warships")
    b = ent("request", "photograph yachts", day=3)
    assert level("WS-ESCALATION", [a, b]) is None
    c = ent("request", "photograph the airfield", day=5)  # ambiguous target: a hint
    assert level("WS-ESCALATION", [ent("request", "photos of yachts"), c]) == POSSIBLE


def test_channel_switch_structure_without_wording_is_possible() -> None:
    a = ent("contact", "chat", channel="WeChat")
    b = ent("contact", "chat again", channel="Telegram", day=2)
    r = signs([a, b])["WS-CHANNEL-SWITCH"]
    assert (r.level, r.evidence) == (POSSIBLE, [b.id])
    # a friend who has always been on WhatsApp has not switched
    assert "WS-CHANNEL-SWITCH" not in signs([ent("contact", "hi", channel="WhatsApp"),
                                             ent("contact", "hi", channel="WhatsApp", day=1)])


def test_pay_out_of_proportion_and_rising() -> None:
    cheap = ent("request", "photos of the beach", amount=Decimal(50))
    assert "WS-UNUSUAL-PAYMENT" not in signs([cheap])
    later = ent("request", "photos of the naval base", amount=Decimal(150), day=5)
    r = signs([cheap, later])["WS-UNUSUAL-PAYMENT"]
    assert (r.level, r.evidence) == (PRESENT, [later.id])  # pay rose with sensitivity
    cash = ent("payment", "tutoring", amount=Decimal(100), method="cash", direction="received")
    assert level("WS-UNUSUAL-PAYMENT", [cash]) == POSSIBLE


def test_payment_in_another_currency_is_converted() -> None:
    usd = ent("request", "take photos of ships", amount=Decimal(50), currency="USD")  # ~360 CNY
    assert level("WS-UNUSUAL-PAYMENT", [usd]) == PRESENT
    odd = ent("request", "take photos of ships", amount=Decimal(50), currency="XAU")
    assert level("WS-UNUSUAL-PAYMENT", [odd]) is None  # unknown currency: no guess


def test_sent_payments_are_not_pay() -> None:
    sent = ent("payment", "I paid for the photo printing", amount=Decimal(500), direction="sent")
    assert "WS-UNUSUAL-PAYMENT" not in signs([sent])


def test_photo_wording_without_place_is_only_possible() -> None:
    assert level("WS-PHOTO-TASK", [ent("request", "send a photo of your ID card")]) == POSSIBLE
    # taking photos together on a walk is not a task
    assert "WS-PHOTO-TASK" not in signs([ent("meeting", "we took photos of the sunset at the beach")])


def test_a_phone_from_the_users_mother_is_no_device_gift_sign() -> None:
    mum = [Person(id="m", name="Mum", role="mother")]
    gift = ent("gift", "parcel", persons=("m",), item="new phone")
    assert level("WS-DEVICE-GIFT", [gift], mum) is None
    stranger = [Person(id="m", name="Lily", role="met online")]
    assert level("WS-DEVICE-GIFT", [gift], stranger) == PRESENT


def test_refusal_then_new_request_is_possible_pressure() -> None:
    a = ent("request", "film the dock", status="refused")
    b = ent("request", "film the dock from the hill", day=2)
    r = signs([a, b])["WS-PRESSURE"]
    assert (r.level, r.evidence) == (POSSIBLE, [a.id, b.id])


def test_report_entries_are_not_evidence_of_the_pattern() -> None:
    rep = ent("report", "Reported via 12339: he asked me to photograph warships and use code words")
    assert evaluate([rep], P) == []


def test_deleted_entries_and_empty_journal() -> None:
    gift = ent("gift", "a drone", item="drone")
    gift.deleted_at = T0
    assert evaluate([gift], P) == []
    assert evaluate([], []) == []


def test_evidence_is_chronological_and_order_follows_design() -> None:
    late = ent("contact", "use code words", day=9)
    early = ent("contact", "keep this secret, tell nobody", day=1)
    results = evaluate([late, early, ent("gift", "x", item="camera", day=3)], P)
    assert [r.id for r in results] == ["WS-SECRECY", "WS-DEVICE-GIFT"]
    assert results[0].evidence == [early.id, late.id]


def test_naive_datetimes_do_not_crash() -> None:
    a = ent("request", "photos of yachts")
    b = Entry(id="naive", kind="request", occurred_at=datetime(2024, 6, 1), recorded_at=datetime(2024, 6, 1),
              summary="photos of military aircraft", persons=["p"])
    assert level("WS-ESCALATION", [a, b]) == PRESENT


@pytest.mark.parametrize(("kind", "text"), [
    ("note", "Went hiking to the base of the mountain with friends"),
    ("contact", "My friend asked me to take photos at her graduation on campus"),
    ("note", "Part-time job at the café, 25 yuan per hour, I applied online"),
    ("note", "The teacher asked us to fill in a survey about the canteen"),
    ("note", "老师让我们填写一份关于食堂的问卷"),
    ("note", "I deleted the old photos from my phone to free space"),
    ("note", "Paid my own rent this month"),
    ("note", "我自己交了这个月的房租"),
    ("note", "The hotel near the airport was nice"),
    ("contact", "He gave me a ride to the airport"),
    ("note", "We took a video at the beach for her birthday"),
    ("note", "I love taking pictures of sunsets"),
    ("contact", "同学请我帮忙拍一下毕业照"),
    ("note", "Working part-time at the library, the pay is ok"),
    ("auction", "参加了一场拍卖会"),
])
def test_ordinary_sentences_are_not_present_signs(kind: str, text: str) -> None:
    kind = "note" if kind == "auction" else kind
    assert not [r for r in evaluate([ent(kind, text)], P) if r.level == PRESENT]


def test_innocent_wording_gives_no_present_sign() -> None:
    entries = [
        ent("meeting", "Study group in the library; she is friendly", medium="in_person"),
        ent("contact", "Asked me to proofread her essay about the port city's history", day=2),
        ent("gift", "Mooncakes for the festival", item="mooncakes", day=20),
        ent("payment", "Paid back the 30 yuan for lunch", amount=Decimal(30), direction="received", day=21),
    ]
    assert not [r for r in evaluate(entries, P) if r.level == PRESENT]


# ----------------------------------------------------------------------------- texts
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_texts_exist_for_every_sign(lang: str) -> None:
    cat = all_signs(lang)
    assert [s.id for s in cat] == list(SIGN_IDS)
    for s in cat:
        assert s.title and s.explanation and s.advice
        assert not s.title.startswith("signs.")
        assert len(advice_steps(s.id, lang)) >= 3
    if lang == "zh":
        assert all(any("\u4e00" <= ch <= "\u9fff" for ch in s.title) for s in cat)
    joined = " ".join(how_to_report(lang))
    assert "12339" in joined


def test_advice_is_concrete() -> None:
    text = " ".join(advice_steps(s, "en")[0] + " " + " ".join(advice_steps(s, "en")) for s in SIGN_IDS)
    for words in ("Do not confront", "delete", "teacher", "report", "money", "gifts"):
        assert words.lower() in text.lower(), words
    steps = " ".join(how_to_report("en"))
    for words in ("12339", "online", "WeChat", "local national security office", "teacher"):
        assert words in steps


def test_unknown_sign_id_is_an_error() -> None:
    with pytest.raises(ValueError):
        sign_title("WS-NOPE")


def test_signs_to_json_shape() -> None:
    r = [SignResult("WS-SECRECY", PRESENT, ["a", "b"])]
    assert signs_to_json(r, "en") == [{"id": "WS-SECRECY", "title": sign_title("WS-SECRECY"),
                                       "level": "present", "evidence": ["a", "b"],
                                       "reasons": [], "reasons_not_listed": 0,
                                       "dismissed": None}]
    assert signs_to_json(r, "zh")[0]["title"] == i18n.message("signs.WS-SECRECY.title", "zh")


def test_core_signs_import_no_qt() -> None:
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] == 'PySide6':\n"
        "            raise ImportError('Qt is blocked')\n"
        "sys.meta_path.insert(0, Block())\n"
        "import journal.core.signs as s\n"
        "print(len(s.all_signs('zh')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "12"


def test_deciding_not_to_delete_is_not_secrecy() -> None:
    for text in ("决定停下:不回消息,不删聊天记录", "I will not delete the chats, the teacher said to keep them"):
        assert "WS-SECRECY" not in signs([ent("note", text, persons=())]), text
    told = ent("contact", "她让我聊完就删记录")
    assert level("WS-SECRECY", [told]) == PRESENT


def test_paid_rent_is_housing_not_a_device_gift() -> None:
    rent = ent("gift", "她替我交了三个月的房租", item="房租", value=Decimal(4500))
    result = signs([rent])
    assert result["WS-PAID-HOUSING"].level == PRESENT
    assert "WS-DEVICE-GIFT" not in result


def test_present_sign_lists_only_clear_evidence() -> None:
    hint = ent("contact", "she talks about secrets a lot")
    clear = ent("contact", "we must use code words", day=1)
    r = signs([hint, clear])["WS-SECRECY"]
    assert (r.level, r.evidence) == (PRESENT, [clear.id])


# ----------------------------------------------------------------------------- meaning (issue 19)
def test_an_accessory_is_not_a_device_even_from_a_stranger() -> None:
    stranger = [Person(id="p", name="Lily", platform="a dating app")]
    case = ent("gift", "Lily sent a phone case and a scarf", item="phone case, scarf")
    assert "WS-DEVICE-GIFT" not in signs([case], stranger)
    zh = ent("gift", "她寄来一个手机壳和充电线", item="手机壳、充电线")
    assert "WS-DEVICE-GIFT" not in signs([zh], stranger)
    phone = ent("gift", "Lily sent a new phone", item="phone")
    assert level("WS-DEVICE-GIFT", [phone], stranger) == PRESENT


def test_what_the_user_gives_or_pays_is_not_the_other_sides_lure() -> None:
    assert "WS-DEVICE-GIFT" not in signs([ent("gift", "I gave Lily my old phone", item="phone")])
    assert "WS-DEVICE-GIFT" not in signs([ent("gift", "我送了她一部手机", item="手机")])
    half = ent("payment", "我给她转了一半的机票钱", amount=Decimal(650), currency="CNY",
               method="wechat", direction="sent")
    assert "WS-PAID-HOUSING" not in signs([half])
    paid_for_me = ent("payment", "她给我转了机票钱", amount=Decimal(650), currency="CNY",
                      method="wechat", direction="received")
    assert "WS-PAID-HOUSING" in signs([paid_for_me])
    for text in ("我帮她付了去看她的机票钱", "I paid for her flight ticket to visit me"):
        assert "WS-PAID-HOUSING" not in signs([ent("note", text)]), text
    assert "WS-PAID-HOUSING" in signs([ent("note", "她帮我付了机票钱")])


def test_a_prize_salary_or_refund_is_not_an_unusual_payment() -> None:
    for summary in ("Prize money for my sunset photos", "拍照比赛二等奖奖金 500 元",
                    "Refund for the photo printing", "拍摄助理第一个月的工资"):
        pay = ent("payment", summary, amount=Decimal(500), currency="CNY", method="bank",
                  direction="received")
        assert level("WS-UNUSUAL-PAYMENT", [pay]) is None, summary
    pay = ent("payment", "Money for my sunset photos", amount=Decimal(500), currency="CNY",
              method="bank", direction="received")
    assert level("WS-UNUSUAL-PAYMENT", [pay]) == PRESENT
    refund = ent("payment", "退款 199 元到账", amount=Decimal(199), currency="CNY", method="other",
                 direction="received")
    assert level("WS-UNUSUAL-PAYMENT", [refund]) is None
    unexplained = ent("payment", "199 元到账", amount=Decimal(199), currency="CNY", method="other",
                      direction="received")
    assert level("WS-UNUSUAL-PAYMENT", [unexplained]) == POSSIBLE


def test_trust_comes_from_the_recorded_role_not_from_a_title_in_the_name() -> None:
    ask = ent("request", "帮我找部队家属填问卷", persons=("t",))
    counsellor = [Person(id="t", name="刘老师", role="辅导员", organisation="本校学工处")]
    assert "WS-INFO-GATHERING" not in signs([ask], counsellor)
    stranger = [Person(id="t", name="孙老师", organisation="某调查公司", platform="兼职群")]
    assert level("WS-INFO-GATHERING", [ask], stranger) == PRESENT
    classmate = [Person(id="t", name="小敏", role="同班同学")]
    assert "WS-INFO-GATHERING" not in signs([ask], classmate)
    career = [Person(id="t", name="Ms. Ho", role="manager",
                     organisation="Haiyun Logistics (placement through the university career office)")]
    photos = ent("request", "photos of the new cargo ships at the dock", persons=("t",))
    assert "WS-PHOTO-TASK" not in signs([photos], career)
    assert level("WS-PHOTO-TASK", [photos], [Person(id="t", name="Ms. Ho")]) == PRESENT


def test_a_partner_known_in_person_is_trusted_an_online_one_is_not() -> None:
    gift = ent("gift", "a new phone from her", item="phone")
    known = [Person(id="p", name="Amy", role="girlfriend", notes="we met in high school")]
    assert "WS-DEVICE-GIFT" not in signs([gift], known)
    online = [Person(id="p", name="Amy", role="girlfriend", notes="matched on a dating app")]
    assert level("WS-DEVICE-GIFT", [gift], online) == PRESENT
