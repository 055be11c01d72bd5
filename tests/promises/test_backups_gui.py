"""The window's side of the backup promise: the backups list with "Restore this backup…", the
offer of the newest backup when a journal is damaged, backups made on lock/quit, the settings."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from journal.core import backup as backups
from journal.core import settings as settings_mod
from journal.core.crypto import FAST_PARAMS
from journal.core.errors import WrongPassphraseError
from journal.core.models import EntryDraft
from journal.core.store import Journal

from .conftest import PASS

SHOTS = Path(os.environ.get("PROMISE_SHOTS", "/tmp/promise-shots"))


@pytest.fixture
def app(qapp: Any) -> Iterator[Any]:
    from journal.gui import backups as gui_backups
    from journal.gui import dialogs, qtsetup

    qtsetup.apply_default_font(qapp)
    qtsetup.install_translators(qapp, "en")
    dialogs.reset()
    gui_backups.dialog._passphrases.clear()
    yield qapp
    dialogs.reset()
    gui_backups.dialog._passphrases.clear()
    qtsetup.install_translators(qapp, "en")


@pytest.fixture
def journal_with_backups(tmp_path: Path) -> tuple[Path, list[Path], list[str]]:
    path = tmp_path / "diary.ijournal"
    made: list[Path] = []
    summaries = []
    with Journal.create(path, PASS, kdf=FAST_PARAMS) as j:
        for i in range(3):
            summaries.append(j.add_entry(EntryDraft(kind="note", summary=f"state {i} 状态")).summary)
            made.append(backups.make_backup(j, reason="close", keep=5))
            now = time.time()
            for n, p in enumerate(reversed(made)):
                os.utime(p, (now - 60 * (n + 1), now - 60 * (n + 1)))
        j.add_entry(EntryDraft(kind="note", summary="after the last backup"))
    return path, made, summaries


def _wait_closed(window: Any) -> None:
    """The window may back up and close the journal in a background thread after locking."""
    window.wait_for_close(30)


def _shot(widget: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / name))


def test_backups_dialog_lists_and_restores(app: Any, qtbot: Any,
                                           journal_with_backups: tuple[Path, list[Path], list[str]]
                                           ) -> None:
    from journal.gui import dialogs
    from journal.gui.backups import BackupsDialog, set_next_passphrase

    path, made, summaries = journal_with_backups
    dlg = BackupsDialog(None, path)
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.backups()[0] == made[-1] and len(dlg.backups()) == 3
    assert dlg.table.rowCount() == 3 and dlg.table.item(0, 2).text() == "on close"
    assert "KB" in dlg.table.item(0, 1).text()
    _shot(dlg, "backups-en.png")
    # choose the oldest; a wrong passphrase first (asked again), then the right one; confirm
    dlg.table.selectRow(2)
    before = path.read_bytes()
    set_next_passphrase("wrong passphrase!")
    set_next_passphrase(None)  # the user gives up: nothing happens
    assert not dlg.restore_selected()
    assert path.read_bytes() == before and not dlg.restored
    set_next_passphrase("wrong passphrase!")
    set_next_passphrase(PASS)
    dialogs.set_next_answer(False)  # "Restore this backup?" → No
    assert not dlg.restore_selected()
    assert path.read_bytes() == before
    set_next_passphrase(PASS)
    dialogs.set_next_answer(True)  # Yes
    dialogs.set_next_answer(None)  # the "restored" message
    assert dlg.restore_selected() and dlg.restored
    kept = list(path.parent.glob("diary.ijournal.before-restore-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == before
    with Journal.open(path, PASS) as j:
        assert [e.summary for e in j.list_entries()] == [summaries[0]]
        assert j.verify().ok


def test_backups_dialog_without_backups(app: Any, qtbot: Any, tmp_path: Path) -> None:
    from journal.gui.backups import BackupsDialog

    dlg = BackupsDialog(None, tmp_path / "nothing.ijournal")
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.backups() == [] and not dlg.restore_button.isEnabled()
    assert dlg.empty.isVisible()


def test_damaged_journal_offers_newest_backup(app: Any, qtbot: Any,
                                              journal_with_backups: tuple[Path, list[Path], list[str]]
                                              ) -> None:
    from journal.gui import dialogs
    from journal.gui.backups import offer_backup_for_damaged, set_next_passphrase

    path, made, summaries = journal_with_backups
    damaged = bytearray(path.read_bytes())
    damaged[5000] ^= 0xFF
    damaged[0] ^= 0xFF
    path.write_bytes(bytes(damaged))
    dialogs.set_next_answer(False)  # "Restore it?" → No: nothing changes
    assert not offer_backup_for_damaged(None, path)
    assert path.read_bytes() == bytes(damaged)
    assert "damaged" in dialogs.shown[-1][1]
    newest = backups.backup_info(made[-1])[0]
    assert f"{newest:%Y-%m-%d %H:%M}" in dialogs.shown[-1][1]
    dialogs.set_next_answer(True)
    set_next_passphrase(PASS)
    dialogs.set_next_answer(None)
    assert offer_backup_for_damaged(None, path)
    with Journal.open(path, PASS) as j:
        assert [e.summary for e in j.list_entries()] == list(reversed(summaries))
    kept = next(path.parent.glob("diary.ijournal.before-restore-*"))
    assert kept.read_bytes() == bytes(damaged), "the damaged file is kept, not overwritten"
    # no backup at all: nothing is offered, nothing shown
    dialogs.reset()
    assert not offer_backup_for_damaged(None, path.with_name("other.ijournal"))
    assert dialogs.shown == []


def test_unlock_screen_offers_backup_of_damaged_file(app: Any, qtbot: Any,
                                                     journal_with_backups: tuple[Path, list[Path], list[str]]
                                                     ) -> None:
    """The whole path: unlock a damaged journal in the window → the offer → restored → unlock."""
    from journal.gui import dialogs
    from journal.gui.backups import set_next_passphrase
    from journal.gui.main_window import MainWindow

    path, _made, summaries = journal_with_backups
    data = bytearray(path.read_bytes())
    data[100] ^= 0xFF  # page 1 damaged: the passphrase is right, the file is not
    path.write_bytes(bytes(data))
    settings = settings_mod.Settings(language="en", first_run_done=True)
    window = MainWindow(settings=settings, kdf=FAST_PARAMS, journal_path=path)
    window.offer_drafts_on_unlock = False
    qtbot.addWidget(window)
    window.show()
    dialogs.set_next_answer(True)  # restore the newest backup
    set_next_passphrase(PASS)
    dialogs.set_next_answer(None)  # "restored"
    window.welcome.unlock.passphrase.setText(PASS)
    window.welcome.unlock.submit.click()
    qtbot.waitUntil(lambda: any("damaged" in text for _k, text in dialogs.shown), timeout=20000)
    qtbot.waitUntil(lambda: window.welcome.unlock.passphrase.isEnabled(), timeout=20000)
    # the restored backup is older than what this journal held, but restoring it was the user's
    # own choice: no rollback warning once unlocked
    shown_before = len(dialogs.shown)
    window.welcome.unlock.passphrase.setText(PASS)
    window.welcome.unlock.submit.click()
    qtbot.waitUntil(lambda: window.journal is not None, timeout=20000)
    assert not [k for k, _t in dialogs.shown[shown_before:] if k == "warning"]
    assert window.journal.list_entries()[0].summary == summaries[-1]
    # the unlock screen's "Restore from a backup…" link exists and is labelled
    assert window.welcome.unlock.restore_backup.text()
    window.welcome.wait_idle()
    window._quitting = True
    window.lock(show_unlock=False)


def test_lock_and_quit_make_rotating_backups(app: Any, qtbot: Any, tmp_path: Path) -> None:
    from journal.gui.main_window import MainWindow

    path = tmp_path / "w.ijournal"
    Journal.create(path, PASS, kdf=FAST_PARAMS).close()
    folder = tmp_path / "chosen backups"
    settings = settings_mod.Settings(language="en", first_run_done=True, backup_dir=str(folder),
                                     backup_keep=2)
    window = MainWindow(settings=settings, kdf=FAST_PARAMS, journal_path=path)
    window.offer_drafts_on_unlock = False
    qtbot.addWidget(window)
    window.show()
    for i in range(3):
        window.open_journal(Journal.open(path, PASS))
        window.journal.add_entry(EntryDraft(kind="note", summary=f"session {i}"))
        window.lock()
        _wait_closed(window)
        listed = backups.list_backups(folder, "w")
        assert len(listed) == min(i + 1, 2)
        now = time.time()
        for n, p in enumerate(listed):  # newest first: distinct times, as if made minutes apart
            os.utime(p, (now - 60 * (n + 1), now - 60 * (n + 1)))
    newest = backups.list_backups(folder, "w")[0]
    with Journal.open(newest, PASS) as b:
        assert [e.summary for e in b.list_entries()] == ["session 2", "session 1", "session 0"]
    # quitting backs up too; switched off, it does not
    window.open_journal(Journal.open(path, PASS))
    window.close()
    assert len(backups.list_backups(folder, "w")) == 2
    settings.backup_on_close = False
    window2 = MainWindow(settings=settings, kdf=FAST_PARAMS, journal_path=path)
    qtbot.addWidget(window2)
    window2.offer_drafts_on_unlock = False
    names = {p.name for p in backups.list_backups(folder, "w")}
    window2.open_journal(Journal.open(path, PASS))
    window2._quitting = True
    window2.lock(show_unlock=False)
    _wait_closed(window2)
    assert {p.name for p in backups.list_backups(folder, "w")} == names


def test_settings_dialog_backup_fields(app: Any, qtbot: Any, tmp_path: Path) -> None:
    from journal.gui import dialogs
    from journal.gui.settings_dialog import SettingsDialog

    s = settings_mod.Settings(language="en")
    dlg = SettingsDialog(s, None)
    qtbot.addWidget(dlg)
    dlg.show()
    from journal.core import paths

    assert dlg.backup_dir.text() == str(paths.default_backup_dir())
    assert dlg.backup_keep.value() == 5 and dlg.backup_on_close.isChecked()
    _shot(dlg, "settings-backups-en.png")
    dialogs.set_next_file(str(tmp_path / "usb"))
    dlg.backup_choose.click()
    dlg.backup_keep.setValue(3)
    dlg.backup_on_close.setChecked(False)
    out = dlg.result_settings()
    assert (out.backup_dir, out.backup_keep, out.backup_on_close) == (str(tmp_path / "usb"), 3, False)
    assert s.backup_keep == 5, "the dialog edits a copy"


def test_screens_in_chinese(app: Any, qtbot: Any,
                            journal_with_backups: tuple[Path, list[Path], list[str]]) -> None:
    from journal.gui import qtsetup
    from journal.gui.backups import BackupsDialog, PassphrasePrompt
    from journal.gui.settings_dialog import SettingsDialog

    qtsetup.install_translators(app, "zh")
    path, made, _ = journal_with_backups
    dlg = BackupsDialog(None, path)
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.windowTitle() == "这本日志的备份" and dlg.table.item(0, 2).text() == "关闭时"
    assert "年" in dlg.table.item(0, 0).text()
    _shot(dlg, "backups-zh.png")
    prompt = PassphrasePrompt(None, made[-1])
    qtbot.addWidget(prompt)
    prompt.show_error(WrongPassphraseError().message("zh"))
    prompt.show()
    assert "密码" in prompt.text.text()
    _shot(prompt, "backup-passphrase-zh.png")
    sdlg = SettingsDialog(settings_mod.Settings(language="zh"), None)
    qtbot.addWidget(sdlg)
    sdlg.show()
    assert sdlg.backup_choose.text() == "选择…"
    _shot(sdlg, "settings-backups-zh.png")


def test_unlocking_an_older_copy_put_in_place_warns_of_a_rollback(
        app: Any, qtbot: Any, journal_with_backups: tuple[Path, list[Path], list[str]],
        tmp_path: Path) -> None:
    """An older copy put over the journal behind the app's back (no restore): the window warns,
    in the interface language, once unlocked."""
    import shutil

    from journal.gui import dialogs, qtsetup
    from journal.gui.main_window import MainWindow

    qtsetup.install_translators(app, "zh")
    path, made, _summaries = journal_with_backups
    with Journal.open(path, PASS) as j:  # this computer has seen the whole chain
        j.rollback_check()
    shutil.copyfile(made[0], path)  # the oldest backup, copied over without the app
    settings = settings_mod.Settings(language="zh", first_run_done=True)
    window = MainWindow(settings=settings, kdf=FAST_PARAMS, journal_path=path)
    window.offer_drafts_on_unlock = False
    qtbot.addWidget(window)
    window.show()
    dialogs.set_next_answer(None)  # the warning (unanswered, a real message box would wait)
    window.welcome.unlock.passphrase.setText(PASS)
    window.welcome.unlock.submit.click()
    qtbot.waitUntil(lambda: window.journal is not None, timeout=20000)
    warnings = [text for kind, text in dialogs.shown if kind == "warning"]
    assert warnings and "它可能被替换成了较旧的副本" in warnings[-1]
    window.welcome.wait_idle()
    window._quitting = True
    window.lock(show_unlock=False)
    _wait_closed(window)
