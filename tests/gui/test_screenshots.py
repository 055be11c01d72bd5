"""Render the welcome screens and the main window with a sample journal, in both languages, to PNG.

The files go to ``test-output/screenshots/`` (git-ignored); the folder is printed. Look at them:
clipped text, boxes instead of Chinese, cramped layouts and English left in the Chinese window
are the things to catch.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import add_sample
from PySide6.QtGui import QImage

OUT = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"


def _save(widget: Any, name: str) -> Path:
    from PySide6.QtWidgets import QApplication

    for _ in range(3):  # let queued shows and layout requests run, as the event loop would
        QApplication.processEvents()
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}.png"
    assert widget.grab().save(str(path))
    image = QImage(str(path))
    assert image.width() > 300 and image.height() > 100
    return path


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_screenshots(lang: str, make_window: Any, journal: Any, qtbot: Any,
                     capsys: pytest.CaptureFixture[str]) -> None:
    from journal.core.settings import Settings
    from journal.gui import dialogs, qtsetup

    window = make_window(settings=Settings(language=lang))
    window.set_language(lang)
    assert qtsetup.current_lang() == lang
    window.resize(1180, 760)
    qtbot.wait(20)
    written = [_save(window, f"{lang}-1-welcome")]
    window.welcome._intro_done()
    written.append(_save(window, f"{lang}-2-start"))
    window.welcome.show_create()
    window.welcome.create_page.passphrase.setText("short")
    written.append(_save(window, f"{lang}-3-create"))
    window.welcome.show_unlock(journal.path)
    window.welcome.unlock.show_error(
        __import__("journal.core.errors", fromlist=["x"]).WrongPassphraseError().message(lang))
    written.append(_save(window, f"{lang}-4-unlock-wrong"))

    sample = add_sample(journal)
    window.open_journal(journal)
    timeline = window.views["timeline"]
    timeline.select_entry(sample["entries"]["request"])
    qtbot.wait(50)
    written.append(_save(window, f"{lang}-5-timeline"))
    timeline.select_entry(sample["entries"]["zhang"])
    timeline.search.setText("军港" if lang == "zh" else "yacht")
    timeline.reload()
    written.append(_save(window, f"{lang}-6-search"))
    timeline.reset_filters()
    timeline.search.setText("nothing like this")
    timeline.reload()
    written.append(_save(window, f"{lang}-7-no-match"))
    timeline.reset_filters()
    for key in [k for k in window._nav_keys if k != "timeline"]:
        window.show_view(key)
        qtbot.wait(30)
        written.append(_save(window, f"{lang}-8-view-{key}"))
    from journal.gui.settings_dialog import SettingsDialog

    dlg = SettingsDialog(window.settings, window)
    qtbot.addWidget(dlg)
    dlg.adjustSize()
    written.append(_save(dlg, f"{lang}-9-settings"))
    dialogs.reset()
    window.lock()
    written.append(_save(window, f"{lang}-10-locked"))
    with capsys.disabled():
        print(f"\nscreenshots ({lang}): {OUT}  [{len(written)} files]")
    assert all(p.is_file() for p in written)
