"""Attachment strip (paste, drop, add, caption, remove) and the in-app viewer."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from conftest import drag_enter_event
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QImage
from PySide6.QtWidgets import QApplication

from journal.core.models import EntryDraft
from journal.gui import dialogs
from journal.gui.attachments import strip as strip_module
from journal.gui.attachments.strip import AttachmentStrip
from journal.gui.attachments.viewer import AttachmentViewer


@pytest.fixture(autouse=True)
def _clean_dialogs():  # type: ignore[no-untyped-def]
    dialogs.reset()
    yield
    dialogs.reset()


@pytest.fixture
def entry_id(journal) -> str:  # type: ignore[no-untyped-def]
    return journal.add_entry(EntryDraft(kind="contact", summary="chat with Xiao Min")).id


@pytest.fixture
def strip(qtbot, journal, entry_id):  # type: ignore[no-untyped-def]
    widget = AttachmentStrip()
    qtbot.addWidget(widget)
    widget.set_entry(journal, entry_id)
    widget.show()
    return widget


def _png(color: int = 0xCC3333, w: int = 64, h: int = 48) -> QImage:
    image = QImage(w, h, QImage.Format.Format_RGB32)
    image.fill(color)
    return image


def test_paste_screenshot_from_clipboard(qtbot, journal, entry_id, strip) -> None:  # type: ignore[no-untyped-def]
    QApplication.clipboard().setImage(_png())
    strip.list.setFocus()
    qtbot.keyClick(strip.list, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    (att,) = journal.list_attachments(entry_id=entry_id)
    assert att.filename.startswith("screenshot-") and att.filename.endswith(".png")
    data = journal.attachment_data(att.id)
    assert data.startswith(b"\x89PNG") and att.sha256 == hashlib.sha256(data).hexdigest()
    assert QImage.fromData(data).pixelColor(3, 3).rgb() & 0xFFFFFF == 0xCC3333
    assert strip.list.count() == 1
    assert not strip.list.item(0).icon().isNull()  # thumbnail made in memory


def test_paste_without_image_says_so(qtbot, journal, entry_id, strip) -> None:  # type: ignore[no-untyped-def]
    QApplication.clipboard().setText("just text")
    dialogs.set_next_answer(True)
    assert not strip.paste_from_clipboard()
    assert dialogs.shown[-1][0] == "info"
    assert journal.list_attachments(entry_id=entry_id) == []


def test_drop_files(qtbot, journal, entry_id, strip, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc = tmp_path / "报告.txt"
    doc.write_bytes("要求拍摄军舰\n".encode())
    pic = tmp_path / "photo.png"
    _png(0x00AA00).save(str(pic))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(doc)), QUrl.fromLocalFile(str(pic))])
    enter = drag_enter_event(mime)
    QApplication.sendEvent(strip, enter)
    assert enter.isAccepted()
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(strip, event)
    atts = journal.list_attachments(entry_id=entry_id)
    assert sorted(a.filename for a in atts) == ["photo.png", "报告.txt"]
    by_name = {a.filename: a for a in atts}
    assert journal.attachment_data(by_name["报告.txt"].id) == doc.read_bytes()
    assert journal.attachment_data(by_name["photo.png"].id) == pic.read_bytes()
    assert strip.list.count() == 2


def test_add_by_dialog_caption_and_remove(qtbot, journal, entry_id, strip, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "transfer.pdf"
    f.write_bytes(b"%PDF-1.4 fake transfer receipt")
    dialogs.set_next_file(str(f))
    strip.add_button.click()
    (att,) = journal.list_attachments(entry_id=entry_id)
    strip.list.setCurrentRow(0)
    strip.set_caption("bank receipt for the 300 yuan")
    assert journal.get_attachment(att.id).caption == "bank receipt for the 300 yuan"
    dialogs.set_next_answer(True)
    strip.remove_button.click()
    assert journal.list_attachments(entry_id=entry_id) == []
    assert journal.attachment_data(att.id) == f.read_bytes()  # hidden, kept for the audit
    assert strip.list.count() == 0


def test_errors_are_shown_not_raised(qtbot, journal, entry_id, strip, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    big = tmp_path / "big.bin"
    big.write_bytes(b"x" * 2048)
    monkeypatch.setattr(strip_module, "MAX_ATTACHMENT_BYTES", 1024)
    for _ in range(3):
        dialogs.set_next_answer(True)
    assert strip.add_files([str(empty), str(big), str(tmp_path / "missing.png")]) == 0
    texts = [t for kind, t in dialogs.shown if kind == "warning"]
    assert len(texts) == 3
    assert "empty" in texts[0] and "big.bin" in texts[1] and "missing.png" in texts[2]
    assert journal.list_attachments(entry_id=entry_id) == []


def test_pending_attachments_for_unsaved_entry(qtbot, journal) -> None:  # type: ignore[no-untyped-def]
    widget = AttachmentStrip()
    qtbot.addWidget(widget)
    widget.set_entry(journal, None)
    assert widget.add_bytes(b"hello", "a.txt")
    assert journal.list_attachments() == []
    eid = journal.add_entry(EntryDraft(kind="note", summary="n")).id
    assert widget.commit_pending(eid) == []
    (att,) = journal.list_attachments(entry_id=eid)
    assert journal.attachment_data(att.id) == b"hello" and widget.entry_id() == eid
    widget.set_entry(None, None)  # lock
    assert widget.list.count() == 0 and widget.pending() == []


def test_viewer_save_a_copy_writes_the_original_bytes(qtbot, journal, entry_id, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    original = bytes(range(256)) * 40 + b"\x00tail"
    att = journal.add_attachment(entry_id=entry_id, data=original, filename="blob.bin")
    viewer = AttachmentViewer(journal, att.id, None)
    qtbot.addWidget(viewer)
    assert viewer.sha256 == hashlib.sha256(original).hexdigest()
    assert viewer.image_label is None and viewer.text_view is None
    out = tmp_path / "copy.bin"
    dialogs.set_next_file(str(out))
    assert viewer.save_copy()
    assert out.read_bytes() == original
    dialogs.set_next_file("")  # cancelled: nothing written
    assert not viewer.save_copy()
    dialogs.set_next_answer(True)
    dialogs.set_next_file(str(tmp_path / "no-such-dir" / "x.bin"))
    assert not viewer.save_copy()
    assert dialogs.shown[-1][0] == "warning"


def test_viewer_image_zoom_and_text(qtbot, journal, entry_id) -> None:  # type: ignore[no-untyped-def]
    from journal.gui.attachments.strip import image_to_png

    png = image_to_png(_png(w=1600, h=1200))
    att = journal.add_attachment(entry_id=entry_id, data=png, filename="shot.png")
    viewer = AttachmentViewer(journal, att.id, None)
    qtbot.addWidget(viewer)
    viewer.show()
    assert viewer.image_label is not None
    fitted = viewer.image_label.pixmap().width()
    assert fitted < 1600
    viewer.set_zoom(1.0)
    assert viewer.image_label.pixmap().width() == 1600
    viewer.zoom_out_button.click()
    assert viewer.image_label.pixmap().width() < 1600
    text = journal.add_attachment(entry_id=entry_id, data="他说：别告诉老师\n".encode(), filename="chat.txt")
    tv = AttachmentViewer(journal, text.id, None)
    qtbot.addWidget(tv)
    assert tv.text_view is not None and "别告诉老师" in tv.text_view.toPlainText()


def test_viewer_drops_content_on_lock(qtbot, journal, entry_id) -> None:  # type: ignore[no-untyped-def]
    att = journal.add_attachment(entry_id=entry_id, data=b"secret text", filename="a.txt")
    viewer = AttachmentViewer(journal, att.id, None)
    qtbot.addWidget(viewer)
    viewer.show()
    viewer.set_journal(None)
    assert not viewer.isVisible() and viewer.data() == b""
    assert viewer.text_view is not None and viewer.text_view.toPlainText() == ""
