"""The shell: program options, welcome, create / unlock through the dialogs, settings, language."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from journal.core.crypto import FAST_PARAMS
from journal.core.settings import Settings


def test_version_option(capsys: pytest.CaptureFixture[str]) -> None:
    import journal
    from journal.gui.app import main

    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert journal.__version__ in capsys.readouterr().out


def test_self_test_option_returns_the_code_of_selftest_run(monkeypatch: pytest.MonkeyPatch) -> None:
    from journal import selftest
    from journal.gui.app import main

    monkeypatch.setattr(selftest, "run", lambda: 7)
    assert main(["--self-test"]) == 7


def test_logging_goes_to_the_log_dir() -> None:
    import logging

    from journal.core import paths
    from journal.gui.app import setup_logging

    path = setup_logging()
    logging.getLogger("journal.test").info("event-name-only")
    for h in logging.getLogger().handlers:
        h.flush()
    assert path == paths.log_dir() / "journal.log"
    assert "event-name-only" in path.read_text(encoding="utf-8")


def test_first_run_welcome_then_create_a_journal(make_window: Any, qtbot: Any,
                                                 tmp_path: Path) -> None:
    from journal.core import settings as settings_mod

    window = make_window(settings=Settings(language="en"))
    welcome = window.welcome
    assert welcome.current_page() is welcome.intro
    assert "encrypted" in " ".join(p.text() for p in welcome.intro.points)
    assert "recover" in welcome.intro.points[2].text()
    assert not window.toolbar.isVisible()
    qtbot.mouseClick(welcome.intro.start, Qt.MouseButton.LeftButton)
    assert welcome.current_page() is welcome.start
    qtbot.mouseClick(welcome.start.create_button, Qt.MouseButton.LeftButton)
    create = welcome.create_page
    assert welcome.current_page() is create
    assert create.location.text().endswith("journal.ijournal")  # the sensible default
    assert "recover" in create.warning.text()
    target = tmp_path / "mine.ijournal"
    create.location.setText(str(target))
    qtbot.keyClicks(create.passphrase, "a long and secret sentence")
    assert create.strength.value() >= 2
    qtbot.keyClicks(create.repeat, "a long and secret sentence")
    qtbot.mouseClick(create.submit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.journal is not None, timeout=20000)
    assert target.is_file()
    assert window.toolbar.isVisible()
    assert window.view("timeline").model.rowCount() == 0
    assert create.passphrase.text() == "" and create.repeat.text() == ""
    stored = settings_mod.load()
    assert stored.last_journal == str(target)
    assert stored.first_run_done


@pytest.mark.parametrize(("passphrase", "repeat", "expected", "red"), [
    ("short", "short", "at least", False),  # said once, under the strength meter
    ("a long enough passphrase", "a different one here", "differ", True),
])
def test_create_refuses_bad_passphrases(window: Any, qtbot: Any, tmp_path: Path, passphrase: str,
                                        repeat: str, expected: str, red: bool) -> None:
    window.welcome.show_create()
    create = window.welcome.create_page
    create.location.setText(str(tmp_path / "x.ijournal"))
    create.passphrase.setText(passphrase)
    create.repeat.setText(repeat)
    qtbot.mouseClick(create.submit, Qt.MouseButton.LeftButton)
    assert create.error.isVisible() == red
    assert expected in (create.error.text() if red else create.strength.hint.text())
    assert window.journal is None
    assert not (tmp_path / "x.ijournal").exists()


def test_create_refuses_an_existing_file(window: Any, qtbot: Any, tmp_path: Path) -> None:
    existing = tmp_path / "taken.ijournal"
    existing.write_bytes(b"something precious")
    window.welcome.show_create()
    create = window.welcome.create_page
    create.location.setText(str(existing))
    create.passphrase.setText("a long enough passphrase")
    create.repeat.setText("a long enough passphrase")
    qtbot.mouseClick(create.submit, Qt.MouseButton.LeftButton)
    assert "already exists" in create.error.text()
    assert existing.read_bytes() == b"something precious"


def _journal_file(path: Path, passphrase: str) -> Path:
    from journal.core.store import Journal

    Journal.create(path, passphrase, kdf=FAST_PARAMS).close()
    return path


def test_wrong_passphrase_shows_message_and_allows_retry(make_window: Any, qtbot: Any,
                                                         tmp_path: Path, passphrase: str) -> None:
    path = _journal_file(tmp_path / "j.ijournal", passphrase)
    window = make_window(settings=Settings(language="en", first_run_done=True,
                                           last_journal=str(path)))
    unlock = window.welcome.unlock
    assert window.welcome.current_page() is unlock  # the last journal is offered straight away
    assert str(path) in unlock.file_label.text()
    qtbot.keyClicks(unlock.passphrase, "not the passphrase")
    qtbot.keyClick(unlock.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: unlock.error.isVisible(), timeout=20000)
    assert "not correct" in unlock.error.text()
    assert unlock.passphrase.text() == ""
    assert unlock.passphrase.isEnabled()
    assert window.journal is None
    qtbot.keyClicks(unlock.passphrase, "c")  # (QTest types ASCII only)
    assert not unlock.error.isVisible()  # typing again hides the old message
    unlock.passphrase.setText(passphrase)
    qtbot.mouseClick(unlock.submit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.journal is not None, timeout=20000)
    assert window.stack.currentWidget() is window.workspace


def test_empty_passphrase_is_refused_without_work(window: Any, qtbot: Any, tmp_path: Path,
                                                  passphrase: str) -> None:
    path = _journal_file(tmp_path / "j.ijournal", passphrase)
    window.welcome.show_unlock(path)
    qtbot.mouseClick(window.welcome.unlock.submit, Qt.MouseButton.LeftButton)
    assert "No passphrase" in window.welcome.unlock.error.text()
    assert not window.welcome.is_busy()


def test_not_a_journal_without_backups_says_the_file_cannot_be_opened(window: Any, qtbot: Any,
                                                                     tmp_path: Path) -> None:
    from journal.gui import dialogs

    bogus = tmp_path / "photo.jpg"
    bogus.write_bytes(b"\xff\xd8\xff" + b"\x00" * 4000)
    window.welcome.show_unlock(bogus)
    dialogs.set_next_answer(True)
    qtbot.keyClicks(window.welcome.unlock.passphrase, "whatever it is")
    qtbot.mouseClick(window.welcome.unlock.submit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialogs.shown), timeout=10000)
    kind, text = dialogs.shown[-1]
    assert kind == "warning" and "not an Incident Journal" in text
    assert bogus.read_bytes().startswith(b"\xff\xd8\xff")


def test_damaged_journal_with_a_backup_offers_that_backup_on_the_unlock_screen(
        window: Any, qtbot: Any, tmp_path: Path, passphrase: str) -> None:
    from journal.core import backup
    from journal.core.store import Journal
    from journal.gui import dialogs

    path = _journal_file(tmp_path / "diary.ijournal", passphrase)
    with Journal.open(path, passphrase) as j:
        made = backup.make_backup(j, reason="close")
    damaged = bytearray(path.read_bytes())
    damaged[0] ^= 0xFF
    damaged[5000] ^= 0xFF
    path.write_bytes(bytes(damaged))
    window.welcome.show_unlock(path)
    dialogs.set_next_answer(False)  # "Restore it?" → No: nothing changes
    window.welcome.unlock.passphrase.setText(passphrase)
    qtbot.mouseClick(window.welcome.unlock.submit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialogs.shown), timeout=10000)
    kind, text = dialogs.shown[-1]
    assert kind == "question"
    assert "diary.ijournal" in text and "most recent backup" in text
    assert len(dialogs.shown) == 1  # the offer replaces the plain "cannot be opened" message
    assert path.read_bytes() == bytes(damaged) and made.is_file()


def test_open_existing_journal_through_the_file_dialog(window: Any, qtbot: Any, tmp_path: Path,
                                                       passphrase: str) -> None:
    from journal.gui import dialogs

    path = _journal_file(tmp_path / "other.ijournal", passphrase)
    window.welcome.show_start()
    dialogs.set_next_file(str(path))
    qtbot.mouseClick(window.welcome.start.open_button, Qt.MouseButton.LeftButton)
    assert window.welcome.current_page() is window.welcome.unlock
    assert str(path) in window.welcome.unlock.file_label.text()


def test_language_chosen_on_the_welcome_switches_live(make_window: Any, qtbot: Any) -> None:
    from journal.core import settings as settings_mod
    from journal.gui import qtsetup

    window = make_window(settings=Settings(language="system"))
    intro = window.welcome.intro
    english_title = intro.title.text()
    qtbot.mouseClick(intro.zh_button, Qt.MouseButton.LeftButton)
    assert qtsetup.current_lang() == "zh"
    assert intro.title.text() != english_title
    assert "事件日志" in intro.title.text()
    assert intro.zh_button.isChecked() and not intro.en_button.isChecked()
    assert settings_mod.load().language == "zh"
    assert window.menu_journal.title().startswith("日志")
    qtbot.mouseClick(intro.en_button, Qt.MouseButton.LeftButton)
    assert intro.title.text() == english_title


def test_settings_apply_language_lock_and_clipboard(open_window: Any, qtbot: Any) -> None:
    from journal.core import settings as settings_mod
    from journal.gui.settings_dialog import SettingsDialog

    window = open_window
    dlg = SettingsDialog(window.settings, window)
    qtbot.addWidget(dlg)
    dlg.language.setCurrentIndex(dlg.language.findData("zh"))
    dlg.autolock.setValue(12)
    dlg.clipboard.setValue(45)
    new = dlg.result_settings()
    assert window.settings.autolock_minutes == 5  # the dialog edits a copy
    window.apply_settings(new)
    assert window.idle.timeout_ms == 12 * 60 * 1000
    assert window.clipboard_guard._delay_ms == 45 * 1000
    stored = settings_mod.load()
    assert (stored.language, stored.autolock_minutes, stored.clipboard_clear_seconds) == ("zh", 12, 45)
    nav = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert nav[window._nav_keys.index("timeline")] == "时间线"
    assert nav[0] == "概览"  # the Overview comes first
    timeline = window.views["timeline"]
    assert timeline.kind_filter.itemText(0) == "全部类型"
    assert window.act_lock.text().startswith("锁定")
    assert window.journal is not None  # the journal stays open through the switch
    window.apply_settings(Settings(language="en", autolock_minutes=12, clipboard_clear_seconds=45))
    assert window.nav.item(window._nav_keys.index("timeline")).text() == "Timeline"
    assert window.nav.item(0).text() == "Overview"


def test_keyboard_shortcuts_exist(open_window: Any) -> None:
    window = open_window
    shortcuts = {a.shortcut().toString() for a in window.actions()}
    assert {"Ctrl+L", "Ctrl+F", "F1", "Ctrl+N", "Ctrl+I"} <= shortcuts
    assert {f"Ctrl+{n}" for n in range(1, 9)} <= shortcuts
    assert {f"Alt+{n}" for n in range(1, 6)} <= shortcuts  # one per section


def test_ctrl_f_focuses_the_search_box(open_window: Any, qtbot: Any) -> None:
    window = open_window
    window.activateWindow()
    window.act_find.trigger()
    assert window.current_view() == "timeline"
    assert window.views["timeline"].search.hasFocus() or \
        window.focusWidget() is window.views["timeline"].search


def test_controls_have_accessible_names(open_window: Any) -> None:
    timeline = open_window.views["timeline"]
    for w in (timeline.search, timeline.kind_filter, timeline.person_filter, timeline.since,
              timeline.until, timeline.table):
        assert w.accessibleName(), w.objectName()


def test_demo_journal_is_built_and_its_passphrase_shown(window: Any, qtbot: Any) -> None:
    from journal.core import demo, paths

    window.welcome.show_start()
    qtbot.mouseClick(window.welcome.start.demo_button, Qt.MouseButton.LeftButton)
    unlock = window.welcome.unlock
    qtbot.waitUntil(lambda: unlock.passphrase.isEnabled() and not window.welcome.is_busy(),
                    timeout=60000)
    assert paths.demo_journal_path("en").is_file()  # an English interface: the English story
    assert demo.DEMO_PASSPHRASE in unlock.demo_passphrase.text()
    unlock.passphrase.setText(demo.DEMO_PASSPHRASE)
    qtbot.keyClick(unlock.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.journal is not None, timeout=30000)
    assert window.view("timeline").model.rowCount() > 0


def test_f1_shows_help_even_while_locked(window: Any, qtbot: Any) -> None:
    from PySide6.QtWidgets import QApplication, QDialog

    window.act_help.trigger()
    helps = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, QDialog) and w.objectName() == "helpWindow" and w.isVisible()]
    assert helps
    helps[0].close()


def test_f1_opens_the_help_section_when_unlocked(open_window: Any) -> None:
    open_window.act_help.trigger()
    assert open_window.current_view() == "help"


def test_cold_start_imports_no_store_or_features() -> None:
    """The unlock screen must come up fast: no SQLCipher, no feature views before unlock."""
    import subprocess
    import sys

    code = (
        "import sys, journal.gui.main_window as mw\n"
        "mw.prewarm_imports = lambda: None\n"
        "from journal.gui.app import create_application\n"
        "app = create_application()\n"
        "w = mw.MainWindow(); w.show(); app.processEvents()\n"
        "heavy = [m for m in ('journal.core.store', 'sqlcipher3', 'reportlab',"
        " 'journal.gui.editor.dialog', 'journal.core.signs') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True,
                         timeout=60).stdout
    assert "HEAVY []" in out, out


def test_backups_action_is_enabled_while_locked(window: Any) -> None:
    assert window.act_backups.isEnabled()  # locked: backups can be restored


def test_backups_action_is_disabled_while_unlocked(open_window: Any) -> None:
    assert not open_window.act_backups.isEnabled()


def test_uncaught_exception_is_logged_without_its_message_and_shown(window: Any) -> None:
    import logging
    import sys

    from journal.gui import dialogs
    from journal.gui.app import _excepthook, setup_logging

    log_path = setup_logging()
    dialogs.set_next_answer(True)  # answers the error dialog
    typed = "secret " + "content typed by the user"
    try:
        raise ValueError(typed)
    except ValueError:
        _excepthook(*sys.exc_info())  # type: ignore[arg-type]
    for h in logging.getLogger().handlers:
        h.flush()
    text = log_path.read_text(encoding="utf-8")  # type: ignore[union-attr]
    assert "uncaught ValueError" in text
    assert "secret content" not in text
    assert dialogs.shown and dialogs.shown[-1][0] == "warning"
    assert "Nothing was changed" in dialogs.shown[-1][1]


def test_journal_option_opens_the_unlock_screen_for_that_file(make_window: Any, tmp_path: Path,
                                                              passphrase: str) -> None:
    from journal.gui.app import _parse

    path = _journal_file(tmp_path / "given.ijournal", passphrase)
    args = _parse(["--journal", str(path)])
    window = make_window(journal_path=Path(args.journal))
    assert window.welcome.current_page() is window.welcome.unlock
    assert window.welcome.current_path() == path


def test_a_view_that_cannot_be_imported_stops_the_unlock_with_the_error(
        window: Any, journal: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """No view is silently left out: the import error reaches the caller (and so the log and the
    error dialog of the application)."""
    import sys

    monkeypatch.delitem(sys.modules, "journal.gui.shell.views", raising=False)
    monkeypatch.setitem(sys.modules, "journal.gui.signs.view", None)  # as if it failed to import
    with pytest.raises(ImportError):
        window.open_journal(journal)
    assert window.views == {}


def test_sections_follow_the_table_of_views(open_window: Any) -> None:
    from journal.gui.shell.views import VIEWS

    assert open_window._nav_keys == [spec.key for spec in VIEWS]
    for row, spec in enumerate(VIEWS):
        assert isinstance(open_window.views[spec.key], spec.cls)
        assert open_window.nav.item(row).text().startswith(spec.title())
        assert not open_window.nav.item(row).icon().isNull()
    assert [a.text() for a in open_window.view_actions.values()] == [
        open_window.nav.item(row).text() for row in range(open_window.nav.count())]
