"""The plain-text summary for an online report form, and the masking of contact details."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.core.errors import InputError
from journal.core.models import EntryDraft, Handle, Person
from journal.core.report import ReportOptions, build_text
from journal.core.report.redact import MASK, Redactor, mask_phone
from journal.core.timeparse import show_when

TZ = timezone(timedelta(hours=8))
START = datetime(2024, 2, 19, 20, 0, tzinfo=TZ)


def fill(journal: Any, lang: str = "en") -> None:
    zh = lang == "zh"
    p = journal.add_person(
        "小敏" if zh else "Xiao Min",
        role="编辑" if zh else "Editor",
        organisation="旅游杂志" if zh else "Travel magazine",
        platform="交友软件" if zh else "Dating app",
        handles=[Handle("wechat", "xm_harbour2024"), Handle("phone", "13812345678")],
    )
    journal.add_entry(
        EntryDraft(kind="contact", summary="first chat", occurred_at=START, persons=[p.id])
    )
    journal.add_entry(
        EntryDraft(
            kind="request",
            summary="ships",
            occurred_at=START + timedelta(days=9),
            persons=[p.id],
            task="拍军舰" if zh else "Photograph navy ships",
            target="北码头" if zh else "north pier",
            status="refused",
            amount=Decimal(2000),
            currency="CNY",
        )
    )
    journal.add_entry(
        EntryDraft(
            kind="payment",
            summary="paid",
            occurred_at=START + timedelta(days=3),
            persons=[p.id],
            amount=Decimal("300.50"),
            currency="CNY",
            method="wechat",
            direction="received",
        )
    )
    journal.add_entry(
        EntryDraft(
            kind="payment",
            summary="bonus",
            occurred_at=START + timedelta(days=4),
            persons=[p.id],
            amount=Decimal(100),
            currency="USD",
            method="other",
            direction="received",
        )
    )
    journal.add_entry(
        EntryDraft(
            kind="gift",
            summary="phone",
            occurred_at=START + timedelta(days=5),
            persons=[p.id],
            item="手机" if zh else "Mobile phone",
            value=Decimal(3299),
            currency="CNY",
        )
    )


def test_summary_in_english(journal: Any) -> None:
    fill(journal, "en")
    text = build_text(journal, ReportOptions(lang="en"))
    assert len(text) <= 2000
    assert text.startswith("Summary of suspicious contacts")
    assert "Xiao Min (Editor, Travel magazine, Dating app)" in text
    # times as recorded (+08:00), the zone named unless it is this computer's (timeparse.show_when)
    first, last = (show_when(d, "exact", "en") for d in (START, START + timedelta(days=9)))
    assert first.startswith("2024-02-19 20:00") and last.startswith("2024-02-28 20:00")
    assert f"Contact from {first} to {last} (5 recorded events)." in text
    assert "Photograph navy ships — north pier (2,000.00 CNY) [I refused]" in text
    assert "300.50 CNY" in text and "100.00 USD" in text and "3,299.00 CNY" in text
    assert "Mobile phone" in text
    assert "5 entries" in text and "full PDF report" in text
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in text)  # English only


def test_summary_in_chinese(journal: Any) -> None:
    fill(journal, "zh")
    text = build_text(journal, ReportOptions(lang="zh"))
    assert text.startswith("可疑接触情况摘要")
    assert "小敏（旅游杂志 编辑，交友软件）" in text
    assert "拍军舰——北码头（报酬 2,000.00 CNY）（已拒绝）" in text
    assert "已收到的钱款 300.50 CNY, 100.00 USD" in text
    assert "PDF 报告" in text
    for english in ("Summary", "Who", "Money", "evidence"):
        assert english not in text


def test_summary_is_masked_on_request(journal: Any) -> None:
    fill(journal)
    journal.add_entry(
        EntryDraft(kind="note", summary="her number", occurred_at=START, details="13812345678")
    )
    text = build_text(journal, ReportOptions(lang="en", redact=True))
    assert "13812345678" not in text and "xm_harbour2024" not in text


def test_summary_of_empty_journal(journal: Any) -> None:
    assert "Nothing has been recorded yet." in build_text(journal, ReportOptions(lang="en"))
    assert "还没有任何记录" in build_text(journal, ReportOptions(lang="zh"))


def test_summary_never_exceeds_2000_characters(journal: Any) -> None:
    people = [
        journal.add_person(
            f"Person {i} " + "x" * 150, role="Director " * 10, organisation="Company " * 20
        )
        for i in range(30)
    ]
    with journal.transaction():
        for i in range(200):
            journal.add_entry(
                EntryDraft(
                    kind="request",
                    summary=f"request {i}",
                    task="Photograph " + "ships " * 100,
                    target="pier " * 50,
                    status="asked",
                    amount=Decimal(i + 1),
                    currency="CNY",
                    occurred_at=START + timedelta(hours=i),
                    persons=[people[i % 30].id],
                )
            )
            journal.add_entry(
                EntryDraft(
                    kind="gift",
                    summary=f"gift {i}",
                    item="gadget " * 30,
                    value=Decimal(10),
                    currency=["CNY", "USD", "EUR"][i % 3],
                    occurred_at=START + timedelta(hours=i),
                )
            )
    for lang in ("en", "zh"):
        text = build_text(journal, ReportOptions(lang=lang))
        assert len(text) <= 2000
        assert (
            ("400 entries" in text) if lang == "en" else ("400 条记录" in text)
        )  # evidence line kept


def test_bad_options_refused(journal: Any) -> None:
    with pytest.raises(InputError):
        build_text(journal, ReportOptions(kinds=["gossip"]))


# --------------------------------------------------------------------------------------------
# masking
def test_mask_phone_numbers() -> None:
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("+86 138-1234-5678") == "138****5678"
    assert mask_phone("021-12345678") == "021****5678"
    assert mask_phone("6123 4567") == "61****67"
    r = Redactor([])
    for phone in (
        "13812345678",
        "+86 138 1234 5678",
        "(021) 6123 4567",
        "+1-202-555-0143",
        "电话18600001111。",
        "2024-03-05 13812345678",
        "13812345678 2024-03-05",
    ):
        digits = "".join(c for c in phone if c.isdigit())
        assert digits not in "".join(c for c in r(phone) if c.isdigit()), phone
    # not phone numbers
    for keep in (
        "2024-03-05 14:30",
        "paid 1,200.50 CNY",
        "2024.03.05",
        "room 12",
        "#1 2024-02-19 20:15 · Contact",
        "on 2024-3-5 19:00 and 2024-03-06",
    ):
        assert r(keep) == keep


def test_mask_emails_handles_and_app_ids() -> None:
    person = Person(
        id="p",
        name="Xiao Min",
        handles=[Handle("wechat", "xm_harbour2024"), Handle("telegram", "@seabird_min")],
    )
    r = Redactor([person])
    text = (
        "Add xm_harbour2024 on WeChat, or Telegram @seabird_min / seabird_min; "
        "mail minmin.sea@example.com; QQ号 12345678; 微信号:abc_987; vx: qwe12345"
    )
    masked = r(text)
    for secret in (
        "xm_harbour2024",
        "seabird_min",
        "minmin.sea@example.com",
        "12345678",
        "abc_987",
        "qwe12345",
    ):
        assert secret not in masked, secret
    assert MASK in masked
    assert r("WeChat Pay transfer") == "WeChat Pay transfer"  # an ordinary word is not an id
    assert r.handle("phone", "13812345678") == "138****5678"
    assert r.handle("wechat", "xm_harbour2024") == MASK
    off = Redactor([person], enabled=False)
    assert off(text) == text and off.handle("wechat", "x") == "x"


@settings(max_examples=200, deadline=None)
@given(st.from_regex(r"1[3-9]\d{9}", fullmatch=True), st.text(max_size=20), st.text(max_size=20))
def test_any_mobile_number_in_any_text_is_masked(phone: str, before: str, after: str) -> None:
    r = Redactor([])
    text = before + " " + phone + " " + after
    assert phone not in r(text)


def test_summary_names_the_other_side_not_the_teacher(journal) -> None:  # type: ignore[no-untyped-def]
    from journal.core.models import EntryDraft
    from journal.core.report import ReportOptions, build_text

    min_ = journal.add_person("小敏", platform="交友App")
    teacher = journal.add_person("王老师", role="辅导员")
    helper = journal.add_person("Li Wei")  # only in my own report entry
    journal.add_entry(EntryDraft(kind="request", summary="让我去港口拍游艇", persons=[min_.id]))
    journal.add_entry(EntryDraft(kind="report", summary="和王老师一起拨打12339",
                                 persons=[teacher.id, helper.id], reported_to="hotline_12339"))
    for lang in ("zh", "en"):
        text = build_text(journal, ReportOptions(lang=lang))
        who = next(line for line in text.splitlines() if "小敏" in line)
        assert "王老师" not in who and "Li Wei" not in who
