"""The import dialog with payment bills and QQ chats, offscreen, on a real journal, en and zh."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from journal.gui import dialogs

DATA = Path(__file__).resolve().parent.parent / "data" / "imports"
WAIT = 15000


@pytest.fixture(autouse=True)
def clean_dialogs() -> Iterator[None]:
    dialogs.reset()
    yield
    dialogs.reset()


@pytest.fixture(params=["en"])
def lang(qapp: Any, request: Any) -> Iterator[str]:
    from journal.gui import qtsetup

    qtsetup.install_translators(qapp, request.param)
    yield request.param
    qtsetup.install_translators(qapp, "en")


@pytest.fixture
def chinese(qapp: Any) -> Iterator[None]:
    from journal.gui import qtsetup

    qtsetup.install_translators(qapp, "zh")
    yield
    qtsetup.install_translators(qapp, "en")


def state(journal: Any) -> tuple[int, str, int]:
    return journal.count_entries(include_deleted=True), journal.head_hash(), len(journal.list_persons())


def open_file(qtbot: Any, journal: Any, path: Path, kind: str | None = None) -> Any:
    from journal.gui.importer.dialog import ImportDialog

    dlg = ImportDialog(journal)
    qtbot.addWidget(dlg)
    if kind is not None:
        dlg.kind_combo.setCurrentIndex(dlg.kind_combo.findData(kind))
    dialogs.set_next_file(str(path))
    dlg.choose_button.click()
    qtbot.waitUntil(lambda: not dlg.busy(), timeout=WAIT)
    return dlg


def do_import(qtbot: Any, dlg: Any) -> None:
    dlg.import_button.click()
    qtbot.waitUntil(lambda: dlg.pages.currentIndex() == dlg.PAGE_DONE, timeout=WAIT)


def test_bill_preview_ticks_transfer_counterparts_and_writes_nothing(qtbot: Any, journal: Any,
                                                                     lang: str) -> None:
    before = state(journal)
    dlg = open_file(qtbot, journal, DATA / "bills/wechatpay.csv")
    assert dlg.pages.currentIndex() == dlg.PAGE_BILL
    preview = dlg.bill_preview
    assert preview.format_label.text() == "WeChat Pay bill (CSV)"
    assert preview.account_label.text() == "小刘"
    assert preview.counterparts.count() == 3
    assert preview.ticked() == ["张经理", "王老师"]
    assert preview.chosen() is None
    assert preview.table.rowCount() == 3
    assert [preview.table.item(r, 4).text() for r in range(3)] == ["2,000.00", "200.00", "100.00"]
    assert preview.table_title.text() == "3 transactions will be recorded as payments:"
    assert dlg.import_button.isEnabled()
    assert state(journal) == before


def test_bill_default_import_from_the_window_records_transfers_only(qtbot: Any, journal: Any,
                                                                    lang: str) -> None:
    dlg = open_file(qtbot, journal, DATA / "bills/wechatpay.csv")
    do_import(qtbot, dlg)
    assert dlg.result is not None and dlg.result.bill and dlg.result.messages == 3
    entries = journal.get_entries(dlg.result.entry_ids)
    assert [(e.amount, e.method, e.direction) for e in entries] == [
        (Decimal("2000.00"), "wechat", "received"), (Decimal("200.00"), "wechat", "received"),
        (Decimal("100.00"), "wechat", "sent")]
    assert dlg.done_title.text() == "The bill was imported"
    assert dlg.result.original_attachment_id is not None


def test_unticking_a_counterpart_records_all_rows_of_the_ticked_ones(qtbot: Any, journal: Any,
                                                                     lang: str) -> None:
    dlg = open_file(qtbot, journal, DATA / "bills/wechatpay.xlsx")
    preview = dlg.bill_preview
    with qtbot.waitSignal(preview.changed, timeout=WAIT):
        preview.set_checked("王老师", False)
    assert preview.chosen() == ["张经理"]
    assert preview.table.rowCount() == 3  # now 张经理's purchase too
    assert preview.table.item(2, 1).text() == "扫二维码付款"
    do_import(qtbot, dlg)
    entries = journal.get_entries(dlg.result.entry_ids)
    assert [e.amount for e in entries] == [Decimal("2000.00"), Decimal("200.00"), Decimal("30.00")]
    assert [p.name for p in journal.list_persons()] == ["张经理"]


def test_nothing_ticked_shows_the_error_and_changes_nothing(qtbot: Any, journal: Any,
                                                            lang: str) -> None:
    dlg = open_file(qtbot, journal, DATA / "bills/alipay.csv")
    preview = dlg.bill_preview
    preview.set_checked("李先生", False)
    assert preview.table.rowCount() == 0
    before = state(journal)
    dialogs.set_next_answer(None)
    dlg.import_button.click()
    qtbot.waitUntil(lambda: not dlg.busy() and dlg.pages.currentIndex() == dlg.PAGE_BILL,
                    timeout=WAIT)
    assert "No transaction of “alipay.csv” was chosen" in preview.status.text()
    assert state(journal) == before and dlg.result is None


def test_the_same_bill_twice_says_so_in_the_window(qtbot: Any, journal: Any, lang: str) -> None:
    do_import(qtbot, open_file(qtbot, journal, DATA / "bills/alipay.csv"))
    before = state(journal)
    dlg = open_file(qtbot, journal, DATA / "bills/alipay.csv")
    do_import(qtbot, dlg)
    assert dlg.result.duplicate and dlg.done_title.text() == "This bill was imported before"
    assert state(journal) == before


def test_bill_preview_and_errors_in_chinese(qtbot: Any, journal: Any, chinese: None) -> None:
    dlg = open_file(qtbot, journal, DATA / "bills/wechatpay.csv")
    preview = dlg.bill_preview
    assert preview.format_label.text() == "微信支付账单（CSV）"
    assert preview.count_label.text() == "5 笔交易，3 个交易对方"
    assert preview.table.horizontalHeaderItem(3).text() == "收/支"
    assert preview.table.item(0, 3).text() == "收入"
    before = state(journal)
    wrong = open_file(qtbot, journal, DATA / "bills/wechatpay.csv", kind="alipay")
    assert wrong.pages.currentIndex() == wrong.PAGE_CHOOSE
    assert wrong.choose_status.text().startswith("“wechatpay.csv”不是支付宝账单。")
    assert state(journal) == before


def test_qq_chat_preview_in_chinese_then_import_without_the_user(qtbot: Any, journal: Any,
                                                                 chinese: None) -> None:
    dlg = open_file(qtbot, journal, DATA / "qq/message_manager_gb18030.txt")
    assert dlg.pages.currentIndex() == dlg.PAGE_PREVIEW
    assert dlg.chat_preview.format_label.text() == "QQ 消息管理器导出（文本，2 个会话）"
    assert dlg.chat_preview.table.rowCount() == 5 and dlg.chat_preview.table.item(0, 1).text() == "张经理"
    assert not dlg.chat_preview.table.isColumnHidden(3)  # two conversations: the chat column shows
    dlg.select_me("小刘")
    do_import(qtbot, dlg)
    assert dlg.result.messages == 5
    assert sorted(p.name for p in journal.list_persons()) == ["张经理", "王老师"]


def test_qq_json_preview_knows_the_user(qtbot: Any, journal: Any, lang: str) -> None:
    dlg = open_file(qtbot, journal, DATA / "qq/qce_v5.json")
    assert dlg.me() == "小刘"
    assert dlg.chat_preview.person_combo.isVisibleTo(dlg)  # one other person: the name can be changed


def test_bill_times_stay_beijing_time_on_a_computer_elsewhere(qtbot: Any, journal: Any, lang: str,
                                                              monkeypatch: Any) -> None:
    monkeypatch.setenv("TZ", "Europe/London")
    dlg = open_file(qtbot, journal, DATA / "bills/wechatpay.csv")
    do_import(qtbot, dlg)
    first = journal.get_entries(dlg.result.entry_ids)[0]
    assert first.occurred_at.isoformat() == "2024-03-05T14:33:20+08:00"
