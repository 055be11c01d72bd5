"""The welcome screen's list of recent journals: the user's own first, never the demo, with
when each was last opened, and "forget this one"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt


def _journal_file(path: Path, passphrase: str) -> str:
    from journal.core.crypto import FAST_PARAMS
    from journal.core.store import Journal

    Journal.create(path, passphrase, kdf=FAST_PARAMS).close()
    return str(path)


def _unlock(window: Any, qtbot: Any, path: str, passphrase: str) -> None:
    window.welcome.show_unlock(Path(path))
    window.welcome.unlock.passphrase.setText(passphrase)
    qtbot.keyClick(window.welcome.unlock.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.journal is not None, timeout=30000)
    window.lock()


def test_recent_journals_are_listed_last_opened_first_without_the_demo(
        window: Any, settings: Any, tmp_path: Path, passphrase: str, qtbot: Any) -> None:
    from journal.core import demo, paths
    from journal.core.crypto import FAST_PARAMS

    work = _journal_file(tmp_path / "work.ijournal", passphrase)
    own = _journal_file(tmp_path / "mine.ijournal", passphrase)
    paths.ensure_private_dir(paths.demo_journal_path().parent)
    demo.build_demo(paths.demo_journal_path(), kdf=FAST_PARAMS).close()
    _unlock(window, qtbot, work, passphrase)
    _unlock(window, qtbot, str(paths.demo_journal_path()), demo.DEMO_PASSPHRASE)
    _unlock(window, qtbot, own, passphrase)
    qtbot.mouseClick(window.welcome.unlock.recent_link, Qt.MouseButton.LeftButton)
    start = window.welcome.start
    assert window.welcome.current_page() is start
    assert start.recent_paths() == [own, work]
    first = start.recent.topLevelItem(0)
    assert (first.text(0), first.text(1)) == ("mine.ijournal", str(tmp_path))
    assert first.text(2)[:2] == "20"  # when it was last opened, e.g. 2026-12-02 00:10
    start.recent.setCurrentItem(start.recent.topLevelItem(1))
    qtbot.mouseClick(start.recent_open, Qt.MouseButton.LeftButton)
    assert window.welcome.current_page() is window.welcome.unlock
    assert window.welcome.current_path() == Path(work)


def test_forget_this_one_takes_it_off_the_list_and_keeps_the_file(
        window: Any, settings: Any, tmp_path: Path, passphrase: str, qtbot: Any) -> None:
    from journal.core import settings as settings_mod

    work = _journal_file(tmp_path / "work.ijournal", passphrase)
    own = _journal_file(tmp_path / "mine.ijournal", passphrase)
    _unlock(window, qtbot, work, passphrase)
    _unlock(window, qtbot, own, passphrase)
    window.welcome.show_start()
    start = window.welcome.start
    assert start.recent_paths() == [own, work]
    qtbot.mouseClick(start.recent_forget, Qt.MouseButton.LeftButton)  # the first is chosen
    assert start.recent_paths() == [work]
    assert Path(own).is_file()
    assert own not in settings.recent_journals and settings.last_journal == ""
    assert own not in settings_mod.load().recent_journals  # saved, not only in memory


def test_recent_list_in_chinese(window: Any, settings: Any, tmp_path: Path, passphrase: str,
                                gui_app: Any, qtbot: Any) -> None:
    from journal.gui import qtsetup

    own = _journal_file(tmp_path / "mine.ijournal", passphrase)
    _unlock(window, qtbot, own, passphrase)
    qtsetup.install_translators(gui_app, "zh")
    window.welcome.retranslate()
    window.welcome.show_start()
    start = window.welcome.start
    assert start.recent_label.text() == "最近打开的日志（&R）"
    assert start.recent.headerItem().text(2) == "上次打开"
    assert "年" in start.recent.topLevelItem(0).text(2)


def test_settings_from_an_older_version_without_opening_times_still_list_the_journals(
        make_window: Any, settings: Any, tmp_path: Path, passphrase: str) -> None:
    own = _journal_file(tmp_path / "mine.ijournal", passphrase)
    settings.recent_journals = [own, str(tmp_path / "gone.ijournal")]
    window = make_window()
    window.welcome.show_start()
    assert window.welcome.start.recent_paths() == [own]
    assert window.welcome.start.recent.topLevelItem(0).text(2) == "—"
