"""Render the editor (payment, request), the person page and the history dialog in English and
Chinese to PNG, for a person to look at. The folder is printed (``pytest -s`` shows it); set
``JOURNAL_SCREENSHOTS_DIR`` to choose it. Checks that the images are not blank and that no
English is left in the Chinese labels.
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from journal.core.models import EntryDraft, Handle
from journal.gui import qtsetup
from journal.gui.attachments.strip import image_to_png
from journal.gui.editor.dialog import EntryEditorDialog
from journal.gui.history.dialogs import HistoryDialog
from journal.gui.people.view import PeopleView

TEXT = {
    "en": {"name": "Xiao Min", "alias": "Min", "role": "editor", "org": "a travel magazine",
           "platform": "a dating app", "pay": "Paid for photos of yachts at the port",
           "req": "Asked me to photograph warships at the naval pier",
           "task": "photograph ships arriving and leaving", "target": "naval pier, east harbour",
           "details": "She said the magazine needs “real” pictures and I should not tell anyone.",
           "channel": "Telegram", "gift": "New phone for the “work”"},
    "zh": {"name": "小敏", "alias": "敏敏", "role": "编辑", "org": "一家旅游杂志",
           "platform": "交友软件", "pay": "拍港口游艇的照片，收到报酬",
           "req": "要求我去军港码头拍军舰",
           "task": "拍摄军舰进出港", "target": "东港军用码头",
           "details": "她说杂志需要“真实”的照片，还让我不要告诉任何人。",
           "channel": "Telegram", "gift": "为“工作”送的新手机"},
}


@pytest.fixture
def shots_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    chosen = os.environ.get("JOURNAL_SCREENSHOTS_DIR")
    path = Path(chosen) if chosen else tmp_path_factory.mktemp("editor-screenshots")
    path.mkdir(parents=True, exist_ok=True)
    print(f"\neditor screenshots: {path}")
    return path


@pytest.fixture
def lang_app(qapp):  # type: ignore[no-untyped-def]
    qtsetup.apply_default_font(qapp)
    yield qapp
    qtsetup.install_translators(qapp, "en")


def _story(journal, t: dict[str, str]):  # type: ignore[no-untyped-def]
    p = journal.add_person(t["name"], aliases=[t["alias"]], role=t["role"], organisation=t["org"],
                           platform=t["platform"], handles=[Handle("wechat", "xm_2024"),
                                                           Handle("telegram", "@xiaomin")])
    base = datetime(2024, 3, 2, 20, 15).astimezone()
    pay = journal.add_entry(EntryDraft(kind="payment", summary=t["pay"], persons=[p.id],
                                       occurred_at=base, amount=Decimal(300), currency="CNY",
                                       method="wechat", direction="received", channel="WeChat",
                                       details=t["details"], tags=["yacht", "port"]))
    journal.add_entry(EntryDraft(kind="payment", summary=t["pay"], persons=[p.id],
                                 occurred_at=base + timedelta(days=5), amount=Decimal(80),
                                 currency="USD", direction="promised"))
    journal.add_entry(EntryDraft(kind="gift", summary=t["gift"], persons=[p.id],
                                 occurred_at=base + timedelta(days=9), item="phone",
                                 value=Decimal(2999), currency="CNY"))
    req = journal.add_entry(EntryDraft(kind="request", summary=t["req"], persons=[p.id],
                                       occurred_at=base + timedelta(days=12), precision="day",
                                       task=t["task"], target=t["target"], status="refused",
                                       amount=Decimal(2000), currency="CNY", channel=t["channel"],
                                       details=t["details"]))
    image = QImage(900, 600, QImage.Format.Format_RGB32)
    image.fill(0x5B8DB8)
    journal.add_attachment(entry_id=pay.id, data=image_to_png(image), filename="wechat-transfer.png",
                           caption="transfer")
    journal.add_attachment(entry_id=pay.id, data=b"chat log\n", filename="chat.txt")
    journal.edit_entry(req.id, EntryDraft(status="refused", summary=t["req"] + " (2)"))
    return p, pay, req


def _grab(widget: QWidget, path: Path) -> QImage:
    widget.show()
    QApplication.processEvents()
    pixmap = widget.grab()
    assert pixmap.save(str(path))
    widget.hide()
    return pixmap.toImage()


def _not_blank(image: QImage) -> None:
    colours = {image.pixel(x, y) for x in range(0, image.width(), 23) for y in range(0, image.height(), 23)}
    assert len(colours) > 5


def _latin_labels(widget: QWidget) -> list[str]:
    """Visible label texts written only in Latin letters (English left in the Chinese UI)."""
    allowed = {"CNY", "USD", "SHA-256", "Telegram", "WeChat", "QQ", "Ctrl+V", "Ctrl+S"}
    found = []
    for label in widget.findChildren(QLabel):
        text = label.text().replace("&", "").strip()
        if not text or not label.isVisibleTo(widget) or text in allowed:
            continue
        if any("\u4e00" <= ch <= "\u9fff" for ch in text):
            continue
        if sum(ch.isalpha() for ch in text) >= 3 and not any(ch.isdigit() for ch in text):
            found.append(text)
    return found


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_screenshots(qtbot, journal, lang_app, shots_dir: Path, lang: str) -> None:  # type: ignore[no-untyped-def]
    qtsetup.install_translators(lang_app, lang)
    t = TEXT[lang]
    person, pay, req = _story(journal, t)

    editor = EntryEditorDialog(journal, entry_id=pay.id)
    qtbot.addWidget(editor)
    editor.resize(800, 1000)
    _not_blank(_grab(editor, shots_dir / f"editor-payment-{lang}.png"))
    if lang == "zh":
        assert _latin_labels(editor) == []

    new = EntryEditorDialog(journal, kind="request")
    qtbot.addWidget(new)
    new.resize(800, 1000)
    new.summary.setText(t["req"])
    new.task.setText(t["task"])
    new.amount.setText("abc")
    new.persons.name_edit.setText(t["name"])
    new.persons.add_typed()
    new.persons.name_edit.setText("Director Zhang" if lang == "en" else "张总")
    new.persons.add_typed()
    new.summary.clear()
    new.save()  # shows the messages beside the fields
    _not_blank(_grab(new, shots_dir / f"editor-request-{lang}.png"))
    if lang == "zh":
        assert _latin_labels(new) == []
        assert "请用一句话" in new.errors["summary"].text()

    view = PeopleView()
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.set_journal(journal)
    view.select_person(person.id)
    _not_blank(_grab(view, shots_dir / f"person-page-{lang}.png"))
    if lang == "zh":
        assert _latin_labels(view) == []

    history = HistoryDialog(journal, req.id)
    qtbot.addWidget(history)
    _not_blank(_grab(history, shots_dir / f"history-{lang}.png"))
    new.set_journal(None)
    editor.set_journal(None)
    view.set_journal(None)
