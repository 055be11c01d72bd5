"""The demo journal in the window: never the journal opened at start, its banner, its passphrase."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt


def _build_demo(lang: str = "en") -> Path:
    from journal.core import demo, paths
    from journal.core.crypto import FAST_PARAMS

    path = paths.demo_journal_path(lang)
    paths.ensure_private_dir(path.parent)
    demo.build_demo(path, kdf=FAST_PARAMS, lang=lang).close()
    return path


def _unlock_demo(window: Any, qtbot: Any) -> None:
    window.welcome.show_start()
    qtbot.mouseClick(window.welcome.start.demo_button, Qt.MouseButton.LeftButton)
    unlock = window.welcome.unlock
    qtbot.waitUntil(lambda: unlock.passphrase.isEnabled() and not window.welcome.is_busy(),
                    timeout=60000)
    qtbot.mouseClick(unlock.submit, Qt.MouseButton.LeftButton)  # nothing typed: it is filled in
    qtbot.waitUntil(lambda: window.journal is not None, timeout=30000)


def test_demo_unlocks_with_its_passphrase_already_filled_in(window: Any, qtbot: Any) -> None:
    from journal.core import demo

    _build_demo()
    window.welcome.show_start()
    qtbot.mouseClick(window.welcome.start.demo_button, Qt.MouseButton.LeftButton)
    assert window.welcome.unlock.passphrase.text() == demo.DEMO_PASSPHRASE
    _unlock_demo(window, qtbot)
    assert window.view("timeline").model.rowCount() > 0


def test_demo_is_never_the_journal_opened_at_the_next_start(
        make_window: Any, settings: Any, journal: Any, passphrase: str, qtbot: Any) -> None:
    own = str(journal.path)
    journal.close()
    settings.last_journal = own
    settings.recent_journals = [own]
    demo_path = _build_demo()
    first = make_window()
    _unlock_demo(first, qtbot)
    first.lock()
    assert settings.last_journal == own
    assert str(demo_path) not in settings.recent_journals
    # the next start shows the user's own journal, and their passphrase opens it
    second = make_window()
    assert second.welcome.current_path() == Path(own)
    unlock = second.welcome.unlock
    assert unlock.passphrase.text() == ""
    unlock.passphrase.setText(passphrase)
    qtbot.keyClick(unlock.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: second.journal is not None, timeout=30000)
    assert str(second.journal.path) == own


def test_an_older_settings_file_pointing_at_the_demo_does_not_open_it(
        make_window: Any, settings: Any) -> None:
    settings.last_journal = str(_build_demo())
    window = make_window()
    assert window.welcome.current_page() is window.welcome.start


def test_demo_banner_shows_only_while_the_demo_is_open(
        window: Any, journal: Any, qtbot: Any) -> None:
    _build_demo()
    _unlock_demo(window, qtbot)
    assert window.demo_banner.isVisible()
    assert "Demo journal" in window.demo_banner.text()
    window.lock()
    assert not window.demo_banner.isVisible()
    window.open_journal(journal)
    assert not window.demo_banner.isVisible()


def test_demo_banner_is_in_chinese_for_a_chinese_interface(
        window: Any, gui_app: Any, qtbot: Any) -> None:
    from journal.gui import qtsetup

    _build_demo("zh")
    qtsetup.install_translators(gui_app, "zh")
    _unlock_demo(window, qtbot)
    assert window.demo_banner.isVisible()
    assert "示例日志" in window.demo_banner.text()
    assert {p.name for p in window.journal.list_persons()} == {"小敏", "张总", "王老师"}


def test_an_english_interface_builds_and_opens_the_english_demo(window: Any, qtbot: Any) -> None:
    from journal.core import paths

    _unlock_demo(window, qtbot)  # not built yet: the window builds it, in English
    assert window.journal.path == paths.demo_journal_path("en")
    assert {p.name for p in window.journal.list_persons()} == {"Xiao Min", "Director Zhang",
                                                               "Ms Wang"}
    assert window.demo_banner.isVisible()
