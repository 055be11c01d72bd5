"""The one table of entry kinds and fields (journal.core.fields), checked through a real journal."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

import pytest

from journal.core import fields
from journal.core.codec import ENTRY_COLUMNS, entry_to_json
from journal.core.errors import InputError
from journal.core.models import KINDS, Entry, EntryDraft, Kind


def test_table_kinds_are_the_contract_kinds_in_order() -> None:
    assert fields.KIND_IDS == tuple(k.value for k in Kind) == KINDS
    assert fields.KIND_IDS == ("contact", "request", "payment", "gift", "meeting", "threat",
                               "report", "note")


def test_every_table_field_is_a_column_an_entry_attribute_and_a_draft_attribute() -> None:
    entry_attrs = {f.name for f in dataclasses.fields(Entry)}
    draft_attrs = {f.name for f in dataclasses.fields(EntryDraft)}
    for spec in fields.FIELD_TABLE:
        assert spec.name in draft_attrs, spec.name
        assert spec.name in entry_attrs, spec.name
        if spec.type not in (fields.PERSONS,):
            assert spec.name in ENTRY_COLUMNS, spec.name


def test_every_choice_word_names_exactly_one_value_of_its_field() -> None:
    for spec in fields.FIELD_TABLE:
        seen: dict[str, str] = {}
        for c in spec.choices:
            for word in (c.id, c.en, c.zh, *c.aliases):
                key = fields.fold(word)
                assert seen.setdefault(key, c.id) == c.id, (spec.name, word)


@pytest.mark.parametrize(("field", "words", "expected"), [
    ("method", ("wechat", "WeChat Pay", "微信支付", "wechat_pay", "WECHAT-PAY"), "wechat"),
    ("method", ("alipay", "Alipay", "支付宝"), "alipay"),
    ("method", ("bank", "Bank transfer", "银行转账"), "bank"),
    ("method", ("cash", "Cash", "现金"), "cash"),
    ("direction", ("received", "Received", "收到"), "received"),
    ("direction", ("promised", "承诺"), "promised"),
    ("status", ("refused", "I refused", "已拒绝"), "refused"),
    ("medium", ("in_person", "In person", "当面", "in person"), "in_person"),
    ("initiated_by", ("them", "They did", "对方"), "them"),
    ("reported_to", ("hotline_12339", "12339 hotline", "12339 举报电话", "12339"), "hotline_12339"),
])
def test_a_choice_is_accepted_by_id_english_label_chinese_label_or_alias(
        journal: Any, field: str, words: tuple[str, ...], expected: str) -> None:
    kind = next(k for k in fields.KIND_IDS if field in fields.KIND_FIELDS[k])
    for word in words:
        e = journal.add_entry(EntryDraft(kind=kind, summary=f"{field} {word}", **{field: word}))
        assert getattr(journal.get_entry(e.id), field) == expected, word


@pytest.mark.parametrize("field", ["method", "direction", "status"])
def test_in_person_is_refused_outside_medium_and_nothing_is_stored(journal: Any, field: str) -> None:
    kind = "payment" if field in ("method", "direction") else "request"
    with pytest.raises(InputError) as info:
        journal.add_entry(EntryDraft(kind=kind, summary="x", **{field: "in_person"}))
    assert info.value.field == field
    assert journal.count_entries() == 0


def test_a_refused_choice_lists_the_allowed_values_in_the_users_language(journal: Any) -> None:
    with pytest.raises(InputError) as info:
        journal.add_entry(EntryDraft(kind="payment", summary="x", method="paypal"))
    en, zh = info.value.message("en"), info.value.message("zh")
    assert en == ("“paypal” is not allowed for Paid by. Use one of: wechat (WeChat Pay), "
                  "alipay (Alipay), bank (Bank transfer), cash (Cash), crypto (Cryptocurrency), "
                  "other (Other).")
    assert zh == ("支付方式不能是“paypal”。可选：微信支付（wechat）、支付宝（alipay）、银行转账（bank）、"
                  "现金（cash）、加密货币（crypto）、其他（other）。")


def test_a_field_of_another_kind_is_refused_with_its_label_in_both_languages(journal: Any) -> None:
    with pytest.raises(InputError) as info:
        journal.add_entry(EntryDraft(kind="note", summary="x", method="cash"))
    assert info.value.message("en") == "Paid by does not belong to an entry of kind “Note”."
    assert info.value.message("zh") == "支付方式不属于“备注”类型的记录。"


def test_report_fields_are_taken_on_any_kind_and_free_text_is_kept_for_reported_to(
        journal: Any) -> None:
    e = journal.add_entry(EntryDraft(kind="threat", summary="x", reported_to="辅导员王老师",
                                     reference="R-1"))
    got = journal.get_entry(e.id)
    assert (got.reported_to, got.reference) == ("辅导员王老师", "R-1")


def test_kind_rows_give_labels_and_choice_labels_of_the_table(journal: Any) -> None:
    e = journal.add_entry(EntryDraft(kind="request", summary="x", task="拍照", status="partly",
                                     amount=Decimal(2000), currency="CNY"))
    got = journal.get_entry(e.id)
    assert fields.kind_rows(got, "en") == [("Task asked", "拍照"), ("Status", "I did part of it"),
                                           ("Pay offered", "2,000.00 CNY")]
    assert fields.kind_rows(got, "zh") == [("要求的任务", "拍照"), ("状态", "部分完成"),
                                           ("对方给出的报酬", "2,000.00 CNY")]


def test_json_keeps_the_contract_keys_and_stores_ids(journal: Any) -> None:
    e = journal.add_entry(EntryDraft(kind="payment", summary="x", amount=Decimal(5),
                                     method="微信支付", direction="收到"))
    data = entry_to_json(journal.get_entry(e.id))
    for key in ("id", "kind", "occurred_at", "recorded_at", "summary", "details", "persons",
                "channel", "location", "tags", "amount", "currency", "method", "direction", "item",
                "value", "task", "target", "status", "attachments", "deleted"):
        assert key in data, key
    assert (data["kind"], data["method"], data["direction"], data["amount"]) == \
        ("payment", "wechat", "received", "5")


def test_totals_go_to_the_buckets_of_the_table(journal: Any) -> None:
    for kind, extra in (("payment", {"amount": Decimal(300), "direction": "received"}),
                        ("payment", {"amount": Decimal(50), "direction": "sent"}),
                        ("gift", {"value": Decimal(999)}),
                        ("request", {"amount": Decimal(2000)})):
        journal.add_entry(EntryDraft(kind=kind, summary="x", currency="CNY", **extra))
    totals = journal.totals()
    assert set(totals) == set(fields.BUCKET_IDS)
    assert {b: totals[b].get("CNY") for b in fields.BUCKET_IDS} == {
        "received": Decimal(300), "promised": None, "sent": Decimal(50), "gifts": Decimal(999),
        "offered": Decimal(2000)}
    assert fields.bucket_label("offered", "zh") == "任务报酬（对方提出）"


def test_a_too_long_summary_is_named_by_its_label_in_both_languages(journal: Any) -> None:
    with pytest.raises(InputError) as info:
        journal.add_entry(EntryDraft(kind="note", summary="长" * 501))
    assert info.value.message("en") == ("Summary is too long: 501 characters, at most 500. Keep one "
                                        "sentence here and move the rest into “Details”.")
    assert info.value.message("zh") == ("概要太长：共 501 个字符，最多 500 个。这里只留一句话，"
                                        "其余内容请移到“详细经过”里。")
