"""Render the welcome screens and the main window with a sample journal, in both languages, to PNG
files under the test's temporary folder (printed; set SCREENSHOT_DIR to keep them elsewhere), and
check what each one must show: a real picture (not blank), the window's words in the chosen
language and font, section names that fit, the entry, search result or hint that the state asks
for, and nothing of the journal once locked.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from conftest import add_sample
from PySide6.QtGui import QFontMetrics, QImage
from PySide6.QtWidgets import QApplication, QWidget


def _distinct_colours(image: QImage) -> int:
    small = image.scaled(120, 80)
    return len({small.pixel(x, y) for x in range(small.width()) for y in range(small.height())})


def _save(widget: QWidget, folder: Path, name: str) -> QImage:
    for _ in range(3):  # let queued shows and layout requests run, as the event loop would
        QApplication.processEvents()
    path = folder / f"{name}.png"
    assert widget.grab().save(str(path))
    image = QImage(str(path))
    assert image.width() > 300 and image.height() > 100
    assert _distinct_colours(image) > 8, f"{name} is (nearly) blank"
    return image


def _is_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_screenshots_show_each_screen_in_its_language(lang: str, make_window: Any, journal: Any,
                                                      qtbot: Any, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    from journal.core.errors import WrongPassphraseError
    from journal.core.settings import Settings
    from journal.gui import dialogs, qtsetup

    folder = Path(os.environ.get("SCREENSHOT_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    window = make_window(settings=Settings(language=lang))
    window.set_language(lang)
    assert qtsetup.current_lang() == lang
    window.resize(1180, 760)
    assert _is_chinese(window.windowTitle()) == (lang == "zh")
    _save(window, folder, f"{lang}-1-welcome")
    window.welcome._intro_done()
    _save(window, folder, f"{lang}-2-start")
    window.welcome.show_create()
    window.welcome.create_page.passphrase.setText("short")
    _save(window, folder, f"{lang}-3-create")
    window.welcome.show_unlock(journal.path)
    error = WrongPassphraseError().message(lang)
    window.welcome.unlock.show_error(error)
    _save(window, folder, f"{lang}-4-unlock-wrong")
    assert window.welcome.unlock.error.text() == error
    assert _is_chinese(error) == (lang == "zh")

    sample = add_sample(journal)
    window.open_journal(journal)
    window.build_all_views()
    assert window.current_view() == "overview"  # the case at a glance comes first
    window.show_view("timeline")
    timeline = window.views["timeline"]
    timeline.select_entry(sample["entries"]["request"])
    timeline_image = _save(window, folder, f"{lang}-5-timeline")
    assert "Asked to photograph yachts at the port" in timeline.detail.labels_text()

    # the section names: in the chosen language, drawn by a font that has their characters,
    # and not clipped by the section list
    metrics = QFontMetrics(window.nav.font())
    room = window.nav.viewport().width() - window.nav.iconSize().width() - 2 * 10
    for row in range(window.nav.count()):
        text = window.nav.item(row).text()
        assert _is_chinese(text) == (lang == "zh"), text
        assert all(metrics.inFontUcs4(ord(ch)) for ch in text if not ch.isspace()), text
        assert metrics.horizontalAdvance(text) < room, f"{text!r} is clipped"

    query = "军港" if lang == "zh" else "yacht"
    timeline.select_entry(sample["entries"]["zhang"])
    timeline.search.setText(query)
    timeline.reload()
    _save(window, folder, f"{lang}-6-search")
    assert timeline.model.rowCount() == len(journal.search(query)) >= 1
    timeline.reset_filters()
    timeline.search.setText("nothing like this")
    timeline.reload()
    _save(window, folder, f"{lang}-7-no-match")
    assert timeline.model.rowCount() == 0 and timeline.empty_hint.isVisible()
    assert _is_chinese(timeline.empty_hint.text()) == (lang == "zh")
    timeline.reset_filters()
    for key in [k for k in window._nav_keys if k != "timeline"]:
        window.show_view(key)
        _save(window, folder, f"{lang}-8-view-{key}")
        assert window.pages.currentWidget() is window.views[key]
        assert not window.nav.horizontalScrollBar().isVisible()  # every name fits
    from journal.gui.settings_dialog import SettingsDialog

    dlg = SettingsDialog(window.settings, window)
    qtbot.addWidget(dlg)
    dlg.adjustSize()
    _save(dlg, folder, f"{lang}-9-settings")
    assert _is_chinese(dlg.windowTitle()) == (lang == "zh")
    dialogs.reset()
    window.lock()
    locked_image = _save(window, folder, f"{lang}-10-locked")
    assert locked_image != timeline_image
    assert window.stack.currentWidget() is window.welcome
    with capsys.disabled():
        print(f"\nscreenshots ({lang}): {folder}  [{len(list(folder.glob('*.png')))} files]")
    assert len(list(folder.glob(f"{lang}-*.png"))) == 14
