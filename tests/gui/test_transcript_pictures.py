"""A screenshot's transcript in the entry's detail pane: beside the picture it was read from, with
the picture's capture metadata, and corrected line by line (real journal, real widgets offscreen).

The entry is imported from a batch as the recognition leaves it (reading itself is tested in
tests/core/test_ocr.py and test_screenshot_import.py).
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QStyle

from journal.core.importers.common import read_export
from journal.core.ocr.sample import Bubble, render_chat
from journal.core.ocr.screenshots import (
    Screenshot,
    ScreenshotBatch,
    ScreenshotMessage,
    import_screenshots,
)

SHOTS = Path("/work/shots/evidence18")
T = datetime(2024, 3, 5, 14, 32).astimezone()


def _photo_with_gps(tmp_path: Path) -> Path:
    sample = render_chat("wechat", "张经理", (
        Bubble("time", "2024年3月5日 14:32"),
        Bubble("other", "每周去港口拍几张军舰的照片，报酬¥2000"),
        Bubble("me", "What for?"),
    ))
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "Huawei", "P40"
    exif.get_ifd(0x8825).update({1: "N", 2: (31.0, 12.0, 0.0), 3: "E", 4: (121.0, 30.0, 0.0)})
    out = io.BytesIO()
    Image.open(io.BytesIO(sample.data)).convert("RGB").save(out, "JPEG", exif=exif, quality=92)
    path = tmp_path / "wechat-shot.jpg"
    path.write_bytes(out.getvalue())
    return path


def _screenshot_entry(journal: Any, tmp_path: Path, lang: str,
                      first: str = "每周去港口拍几张军舰的照片，报酬¥200") -> str:
    path = _photo_with_gps(tmp_path)
    _, _, sha = read_export(path)
    me = "我" if lang == "zh" else "Me"
    pic = Screenshot(path=path, sha256=sha, conversation="张经理", time_source="picture",
                     exif={"device": "Huawei P40"}, messages=[
                         ScreenshotMessage(T, "张经理", "other", first),
                         ScreenshotMessage(T, me, "me", "What for?"),
                     ])
    return import_screenshots(journal, ScreenshotBatch([pic]), lang=lang).entry_ids[0]


@pytest.fixture
def detail(gui_app: Any, qtbot: Any) -> Any:
    from journal.gui.timeline.detail import EntryDetail

    pane = EntryDetail()
    pane.resize(900, 900)
    qtbot.addWidget(pane)
    pane.show()
    return pane


def _view(detail: Any) -> Any:
    from journal.gui.importer.transcript import TranscriptView

    views = detail.findChildren(TranscriptView)
    assert len(views) == 1
    return views[0]


def test_the_transcript_is_shown_beside_its_picture_with_the_capture_metadata(
        detail: Any, journal: Any, tmp_path: Path) -> None:
    entry_id = _screenshot_entry(journal, tmp_path, "en")
    detail.set_entry(journal, entry_id)
    view = _view(detail)
    picture_id = journal.list_attachments(entry_id=entry_id)[0].id
    assert view.picture_box.isVisible() and view.shown_picture() == picture_id
    assert not view.picture.pixmap().isNull()
    caption = view.picture_caption.text()
    assert "Device: Huawei P40" in caption
    assert "GPS position in the picture: 31.20000, 121.50000 (kept in the original file only)" \
        in caption
    assert view.correct_button.isVisible() and not view.correct_button.isEnabled()
    detail.grab().save(str(SHOTS / "detail-transcript-en.png"))


LONG_LINE = ("每周去港口拍几张军舰的照片，越清楚越好，拍完发到我的Telegram账号上，报酬¥2000，"
             "不要告诉你的老师和家人，聊天记录看完就删掉")


def _wrapped_height(tree: Any, text: str) -> int:
    """The height of ``text`` wrapped in the tree's message column, as the style lays it out."""
    margin = 2 * (tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, tree) + 1)
    return QFontMetrics(tree.font()).boundingRect(
        QRect(0, 0, tree.columnWidth(2) - margin, 100_000),
        int(Qt.TextFlag.TextWordWrap), text).height()


def test_a_long_line_wraps_whole_in_a_narrow_pane_and_keeps_its_tooltip(
        detail: Any, journal: Any, tmp_path: Path, qtbot: Any) -> None:
    entry_id = _screenshot_entry(journal, tmp_path, "zh", first=LONG_LINE)
    detail.resize(560, 900)
    detail.set_entry(journal, entry_id)
    tree = _view(detail).tree
    item, short = tree.topLevelItem(0), tree.topLevelItem(1)
    assert item.text(2) == LONG_LINE and item.toolTip(2) == LONG_LINE
    one_line = tree.visualItemRect(short).height()
    assert _wrapped_height(tree, LONG_LINE) > 2 * QFontMetrics(tree.font()).height()
    # the row holds every wrapped line of the text
    qtbot.waitUntil(lambda: tree.visualItemRect(item).height() >= _wrapped_height(tree, LONG_LINE))
    assert tree.visualItemRect(item).height() > 2 * one_line
    detail.grab().save(str(tmp_path / "narrow.png"))
    # a wider pane: the rows are laid out again, the line takes fewer rows of text
    narrow = tree.visualItemRect(item).height()
    detail.resize(1600, 900)
    qtbot.waitUntil(lambda: tree.visualItemRect(item).height() < narrow)
    assert tree.visualItemRect(item).height() >= _wrapped_height(tree, LONG_LINE)


def test_a_chat_export_transcript_has_no_picture_and_no_correct_button(
        detail: Any, journal: Any, tmp_path: Path) -> None:
    from journal.core.importers import import_file

    path = tmp_path / "chat.txt"
    path.write_text("05/03/2024, 14:32 - Zhang: hello there\n", encoding="utf-8")
    entry_id = import_file(journal, "whatsapp", path, me="Liu", tz="Asia/Shanghai").entry_ids[0]
    detail.set_entry(journal, entry_id)
    view = _view(detail)
    assert not view.picture_box.isVisible() and not view.correct_button.isVisible()


def test_correcting_a_line_in_the_detail_pane_saves_a_revision_and_shows_it(
        detail: Any, journal: Any, tmp_path: Path, qtbot: Any) -> None:
    entry_id = _screenshot_entry(journal, tmp_path, "en")
    detail.set_entry(journal, entry_id)
    view = _view(detail)
    first = view.message_ids()[0]
    view.select_message(first)
    assert view.correct_button.isEnabled()
    dialog = view.correct_selected()
    assert dialog is not None and dialog.isVisible()
    assert "每周去港口拍几张军舰的照片，报酬¥200" in dialog.read_label.text()
    dialog.text_edit.setPlainText("每周去港口拍几张军舰的照片，报酬¥2000")
    dialog.time_edit.setText("14:31")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    entry = journal.get_entry(entry_id)
    assert entry.details.startswith("14:31 张经理: 每周去港口拍几张军舰的照片，报酬¥2000")
    assert len(journal.history(entry_id)) == 2
    view = _view(detail)  # the pane shows the entry as saved
    item = view.tree.topLevelItem(0)
    assert (item.text(0), item.text(2)) == ("14:31", "每周去港口拍几张军舰的照片，报酬¥2000")
    assert item.font(2).italic() and "Read from the picture: 14:32" in item.toolTip(2)
    assert any("14:31 张经理: 每周去港口拍几张军舰的照片，报酬¥2000" in t
               for t in detail.labels_text())
    assert journal.search("¥2000") == [entry_id]
    view.tree.setCurrentItem(item)
    detail.grab().save(str(SHOTS / "detail-corrected-en.png"))


def test_a_refused_correction_is_shown_in_the_dialog_and_nothing_changes(
        detail: Any, journal: Any, tmp_path: Path) -> None:
    entry_id = _screenshot_entry(journal, tmp_path, "en")
    detail.set_entry(journal, entry_id)
    view = _view(detail)
    view.select_message(view.message_ids()[1])
    dialog = view.correct_selected()
    head = journal.head_hash()
    dialog.sender_combo.setCurrentText("  ")
    dialog.save_button.click()
    assert dialog.isVisible() and dialog.error_label.isVisible()
    assert dialog.error_label.text() == ("The speaker of a line cannot be empty. Type it as the "
                                         "picture shows it. Nothing was changed.")
    assert journal.head_hash() == head
    dialog.reject()


def test_in_chinese_the_picture_facts_and_the_correction_dialog_are_chinese(
        detail: Any, journal: Any, tmp_path: Path, gui_app: Any) -> None:
    from journal.gui import qtsetup

    qtsetup.install_translators(gui_app, "zh")
    entry_id = _screenshot_entry(journal, tmp_path, "zh")
    detail.set_entry(journal, entry_id)
    view = _view(detail)
    assert view.correct_button.text() == "更正这一行…"
    assert "设备：Huawei P40" in view.picture_caption.text()
    assert "图片中的 GPS 位置：31.20000，121.50000（只保存在原始文件中）" in view.picture_caption.text()
    detail.grab().save(str(SHOTS / "detail-transcript-zh.png"))
    view.select_message(view.message_ids()[0])
    dialog = view.correct_selected()
    assert dialog.windowTitle() == "更正识别出的一行"
    assert dialog.picture.isVisible() and not dialog.picture.pixmap().isNull()
    dialog.grab().save(str(SHOTS / "correct-dialog-zh.png"))
    dialog.sender_combo.setCurrentText("")
    dialog.save_button.click()
    assert dialog.error_label.text() == "一行的说话人不能为空。请按图片上的内容输入。没有任何改动。"
    dialog.reject()


def test_locking_clears_the_picture_and_the_lines(detail: Any, journal: Any,
                                                 tmp_path: Path) -> None:
    entry_id = _screenshot_entry(journal, tmp_path, "en")
    detail.set_entry(journal, entry_id)
    view = _view(detail)
    view.set_journal(None)
    assert view.picture.pixmap().isNull() and view.picture_caption.text() == ""
    assert view.tree.topLevelItemCount() == 0 and view.shown_picture() is None


def test_clearing_the_pane_closes_an_open_correction_and_empties_its_fields(
        detail: Any, journal: Any, tmp_path: Path) -> None:
    entry_id = _screenshot_entry(journal, tmp_path, "en")
    detail.set_entry(journal, entry_id)
    view = _view(detail)
    view.select_message(view.message_ids()[0])
    dialog = view.correct_selected()
    assert dialog.isVisible() and "军舰" in dialog.text_edit.toPlainText()
    detail.set_entry(None, None)  # what locking does
    assert not dialog.isVisible()
    assert dialog.text_edit.toPlainText() == "" and dialog.sender_combo.currentText() == ""
    assert dialog.read_label.text() == ""
