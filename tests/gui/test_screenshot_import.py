"""Import screenshots… in the window: real dialog offscreen, real engine, real journal."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from journal.core.ocr.sample import Bubble, render_chat
from journal.gui import dialogs

WAIT = 120_000  # reading a picture takes seconds on a busy machine
CHAT = (
    Bubble("time", "2024年3月5日 14:32"),
    Bubble("other", "每周去港口拍几张军舰的照片，报酬¥2000"),
    Bubble("me", "What for?"),
)


@pytest.fixture(autouse=True)
def clean_dialogs(gui_app: Any) -> Iterator[None]:
    dialogs.reset()
    yield
    dialogs.reset()


def _shot(folder: Path, name: str, style: str = "wechat") -> Path:
    path = folder / name
    path.write_bytes(render_chat(style, "张经理", CHAT).data)
    return path


def test_screenshots_are_read_previewed_beside_the_picture_and_imported_in_chinese(
        qtbot: Any, journal: Any, tmp_path: Path, gui_app: Any) -> None:
    from journal.gui import qtsetup
    from journal.gui.importer.screenshots import ScreenshotImportDialog

    shot = _shot(tmp_path, "微信截图.png")
    qtsetup.install_translators(gui_app, "zh")
    try:
        dlg = ScreenshotImportDialog(journal)
        qtbot.addWidget(dlg)
        dlg.show()
        assert dlg.windowTitle() == "导入聊天截图"
        assert dlg.choose_button.text() == "选择截图…"
        dialogs.set_next_file(str(shot))
        dlg.choose_button.click()
        qtbot.waitUntil(lambda: dlg.pages.currentIndex() == dlg.PAGE_PREVIEW, timeout=WAIT)
        assert dialogs.shown == []
        assert journal.count_entries() == 0  # nothing saved before "Import"
        rows = dlg.shown_rows()
        assert [(r[0], r[1]) for r in rows] == [("2024年3月5日 14:32", "张经理"),
                                                ("2024年3月5日 14:32", "我")]
        assert "军舰" in rows[0][2] and rows[1][2] == "What for?"
        assert not dlg.picture_label.pixmap().isNull()
        assert "时间读自截图" in dlg.source_label.text()
        assert dlg.person_edit.text() == "张经理"
        assert dlg.import_button.isVisible() and dlg.import_button.isEnabled()
        dlg.grab().save("/tmp/ocr-gui-preview-zh.png")
        dlg.person_edit.setFocus()
        qtbot.keyClick(dlg.person_edit, Qt.Key.Key_Return)  # Enter in the name never imports
        assert dlg.pages.currentIndex() == dlg.PAGE_PREVIEW and journal.count_entries() == 0
        # Ctrl+Enter imports: saved off the UI thread, with the shared progress page
        qtbot.keyClick(dlg.person_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert dlg.pages.currentIndex() == dlg.PAGE_READING and not dlg.cancel_button.isEnabled()
        qtbot.waitUntil(lambda: dlg.pages.currentIndex() == dlg.PAGE_DONE, timeout=WAIT)
        assert dlg.done_label.text().startswith("已导入 1 张截图：2 条消息，生成 1 条记录。")
        assert journal.search("军舰") == dlg.result.entry_ids
    finally:
        qtsetup.install_translators(gui_app, "en")


def test_a_corrupt_picture_shows_the_refusal_and_returns_to_the_start(
        qtbot: Any, journal: Any, tmp_path: Path) -> None:
    from journal.gui.importer.screenshots import ScreenshotImportDialog

    bad = tmp_path / "broken.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 64)
    dlg = ScreenshotImportDialog(journal)
    qtbot.addWidget(dlg)
    dialogs.set_next_answer(True)  # the message box is answered
    dlg.read([bad])
    qtbot.waitUntil(lambda: dlg.pages.currentIndex() == dlg.PAGE_CHOOSE, timeout=WAIT)
    assert dialogs.shown == [("warning", ("“broken.jpg” is not a picture that can be read (it "
                                          "may be damaged or cut short). Choose the screenshot "
                                          "file itself. Nothing was added to the journal."))]
    assert journal.count_entries() == 0


def test_cancel_while_reading_stops_and_saves_nothing(
        qtbot: Any, journal: Any, tmp_path: Path) -> None:
    from journal.gui.importer.screenshots import ScreenshotImportDialog

    shots = [_shot(tmp_path, f"s{i}.png") for i in range(3)]
    dlg = ScreenshotImportDialog(journal)
    qtbot.addWidget(dlg)
    dlg.read(shots)
    assert dlg.pages.currentIndex() == dlg.PAGE_READING
    dlg.cancel_button.click()
    qtbot.waitUntil(lambda: dlg.pages.currentIndex() == dlg.PAGE_CHOOSE, timeout=WAIT)
    assert dialogs.shown == []  # a cancel is no error
    assert dlg.batch is None and journal.count_entries() == 0


def test_the_window_offers_import_screenshots_in_the_journal_menu(open_window: Any) -> None:
    action = open_window.act_import_screenshots
    assert action.isVisible() and action.isEnabled()
    assert action.text() == "Import &screenshots…"
    assert action in open_window.menu_journal.actions()


def test_the_preview_shows_the_camera_and_gps_position_of_a_photo(
        qtbot: Any, journal: Any, tmp_path: Path) -> None:
    import io

    from PIL import Image

    from journal.gui.importer.screenshots import ScreenshotImportDialog

    exif = Image.Exif()
    exif[0x010F] = "Huawei"
    exif[0x0110] = "P40"
    exif.get_ifd(0x8825).update({1: "N", 2: (31.0, 12.0, 0.0), 3: "E", 4: (121.0, 30.0, 0.0)})
    out = io.BytesIO()
    Image.open(io.BytesIO(render_chat("qq", "张经理", CHAT).data)).convert("RGB").save(
        out, "JPEG", quality=90, exif=exif)
    photo = tmp_path / "IMG_2024.jpg"
    photo.write_bytes(out.getvalue())
    dlg = ScreenshotImportDialog(journal)
    qtbot.addWidget(dlg)
    dlg.read([photo])
    qtbot.waitUntil(lambda: dlg.pages.currentIndex() == dlg.PAGE_PREVIEW, timeout=WAIT)
    text = dlg.source_label.text()
    assert "Huawei P40" in text
    assert "GPS position in the picture: 31.20000, 121.50000 (kept in the original file only)" \
        in text


def test_the_import_dialog_recognises_a_picture_and_imports_it_as_a_screenshot(
        qtbot: Any, journal: Any, tmp_path: Path) -> None:
    from journal.gui.importer.dialog import ImportDialog

    shot = _shot(tmp_path, "IMG_2024.jpg.png")  # a PNG whatever its name says
    dlg = ImportDialog(journal)
    qtbot.addWidget(dlg)
    dlg.show()
    dialogs.set_next_file(str(shot))
    dlg.choose_button.click()  # "Recognise automatically"
    screenshots = dlg.screenshot_dialog
    assert screenshots is not None and screenshots.isVisible()
    qtbot.waitUntil(lambda: screenshots.pages.currentIndex() == screenshots.PAGE_PREVIEW,
                    timeout=WAIT)
    assert journal.count_entries() == 0  # nothing saved before "Import"
    screenshots.import_button.click()
    qtbot.waitUntil(lambda: screenshots.pages.currentIndex() == screenshots.PAGE_DONE,
                    timeout=WAIT)
    with qtbot.waitSignal(dlg.accepted):
        screenshots.close_button.click()
    assert dlg.screenshot_result is not None and dlg.screenshot_result.pictures == 1
    assert journal.search("军舰") == dlg.screenshot_result.entry_ids
    assert dialogs.shown == []
