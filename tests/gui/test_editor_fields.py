"""The entry editor's rows come from the field table of journal.core.fields."""

from __future__ import annotations

from typing import Any

import pytest

from journal.core import fields
from journal.gui import qtsetup
from journal.gui.editor.dialog import EntryEditorDialog

# What each kind shows between the people and the channel rows ("money" = amount/value + currency).
EXPECTED_ROWS = {
    "contact": {"medium", "initiated_by"},
    "meeting": {"medium", "initiated_by"},
    "request": {"task", "target", "status", "money"},
    "payment": {"money", "method", "direction"},
    "gift": {"item", "money"},
    "threat": set(),
    "report": {"reported_to", "reference", "officer"},
    "note": set(),
}


def visible_kind_rows(dlg: EntryEditorDialog) -> set[str]:
    from journal.gui.editor.kinds import KIND_ROWS

    return {key for key in KIND_ROWS if dlg.form.isRowVisible(dlg._rows[key])}


def plain(text: str) -> str:
    """A row label without its Alt+letter mark."""
    return text.replace("&", "").split("（")[0]


@pytest.mark.parametrize("kind", fields.KIND_IDS)
def test_each_kind_shows_the_rows_of_its_table_fields(qtbot: Any, journal: Any, kind: str) -> None:
    dlg = EntryEditorDialog(journal, kind=kind)
    qtbot.addWidget(dlg)
    assert visible_kind_rows(dlg) == EXPECTED_ROWS[kind]


@pytest.mark.parametrize(("lang", "kind", "row", "label"), [
    ("en", "request", "money", "Pay offered"),
    ("en", "gift", "money", "Estimated value"),
    ("en", "payment", "method", "Paid by"),
    ("zh", "request", "money", "对方给出的报酬"),
    ("zh", "payment", "method", "支付方式"),
    ("zh", "report", "reported_to", "举报渠道"),
    ("zh", "note", "details", "详细经过"),
])
def test_row_labels_are_the_table_labels_in_the_window_language(
        qtbot: Any, journal: Any, gui_app: Any, lang: str, kind: str, row: str, label: str) -> None:
    qtsetup.install_translators(gui_app, lang)
    dlg = EntryEditorDialog(journal, kind=kind)
    qtbot.addWidget(dlg)
    assert plain(dlg._row_labels[row].text()) == label
    assert "&" in dlg._row_labels[row].text()  # every visible row has an Alt+letter


def test_visible_rows_have_distinct_alt_letters(qtbot: Any, journal: Any) -> None:
    dlg = EntryEditorDialog(journal, kind="request")
    qtbot.addWidget(dlg)
    letters = [label.text().split("&")[1][0].lower() for key, label in dlg._row_labels.items()
               if dlg.form.isRowVisible(dlg._rows[key]) and "&" in label.text()]
    assert len(letters) == len(set(letters)), letters


def test_choice_rows_offer_the_table_values_with_their_labels(
        qtbot: Any, journal: Any, gui_app: Any) -> None:
    qtsetup.install_translators(gui_app, "zh")
    dlg = EntryEditorDialog(journal, kind="payment")
    qtbot.addWidget(dlg)
    offered = [(dlg.method.itemData(i), dlg.method.itemText(i)) for i in range(dlg.method.count())]
    assert offered[1:] == [("wechat", "微信支付"), ("alipay", "支付宝"), ("bank", "银行转账"),
                           ("cash", "现金"), ("crypto", "加密货币"), ("other", "其他")]
    assert dlg.direction.value() == "received"  # the table's default for a new entry
    dlg.summary.setText("收到定金")
    dlg.amount.setText("5")
    dlg.method.setCurrentIndex(dlg.method.findData("alipay"))
    assert dlg.save()
    entry = journal.get_entry(dlg.saved_entry_id)
    assert (entry.method, entry.direction) == ("alipay", "received")
