"""Journal ▸ Change passphrase… and Journal ▸ Check integrity… in the window, on real journals."""

from __future__ import annotations

import subprocess
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

NEW = "a brand new 口令 for the journal"


def _passphrase_dialog(window: Any, journal: Any, settings: Any) -> Any:
    from journal.gui.maintenance import ChangePassphraseDialog

    dlg = ChangePassphraseDialog(journal, settings, window)
    dlg.show()
    return dlg


def _fill(dlg: Any, old: str, new: str, repeat: str) -> None:
    dlg.old.setText(old)
    dlg.new.setText(new)
    dlg.repeat.setText(repeat)


def _backup(journal: Any, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return Path(journal.backup_into(folder))


def _opens_with(path: Path, passphrase: str) -> bool:
    from journal.core.errors import WrongPassphraseError
    from journal.core.store import Journal

    try:
        Journal.open(path, passphrase).close()
    except WrongPassphraseError:
        return False
    return True


def test_change_passphrase_reencrypts_earlier_backups_and_says_so(
        open_window: Any, journal: Any, settings: Any, passphrase: str, tmp_path: Path,
        qtbot: Any) -> None:
    settings.backup_dir = str(tmp_path / "backups")
    copy = _backup(journal, tmp_path / "backups")
    dlg = _passphrase_dialog(open_window, journal, settings)
    _fill(dlg, passphrase, NEW, NEW)
    qtbot.mouseClick(dlg.change_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dlg.outcome), timeout=30000)
    assert "1 earlier backup of this journal was re-encrypted" in dlg.result_label.text()
    assert dlg.old.text() == dlg.new.text() == dlg.repeat.text() == ""
    assert _opens_with(journal.path, NEW)
    assert not _opens_with(journal.path, passphrase)
    assert _opens_with(copy, NEW)
    assert not _opens_with(copy, passphrase)
    assert journal.verify().ok  # the open journal goes on working under the new key


def test_change_passphrase_can_delete_earlier_backups_instead(
        open_window: Any, journal: Any, settings: Any, passphrase: str, tmp_path: Path,
        qtbot: Any) -> None:
    settings.backup_dir = str(tmp_path / "backups")
    copy = _backup(journal, tmp_path / "backups")
    dlg = _passphrase_dialog(open_window, journal, settings)
    _fill(dlg, passphrase, NEW, NEW)
    dlg.delete_copies.setChecked(True)
    qtbot.mouseClick(dlg.change_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dlg.outcome), timeout=30000)
    assert not copy.exists()
    assert "1 earlier backup of this journal was deleted." in dlg.result_label.text()


def test_change_passphrase_says_what_happened_in_chinese(
        open_window: Any, journal: Any, settings: Any, passphrase: str, tmp_path: Path,
        gui_app: Any, qtbot: Any) -> None:
    from journal.gui import qtsetup

    qtsetup.install_translators(gui_app, "zh")
    settings.backup_dir = str(tmp_path / "empty")
    dlg = _passphrase_dialog(open_window, journal, settings)
    assert dlg.windowTitle() == "更改密码"
    _fill(dlg, passphrase, NEW, NEW)
    qtbot.mouseClick(dlg.change_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dlg.outcome), timeout=30000)
    assert dlg.result_label.text() == "密码已更改。现在只有新密码能打开这个日志。\n没有找到这个日志的旧备份。"


def test_a_wrong_current_passphrase_changes_nothing_and_is_said_beside_that_field(
        open_window: Any, journal: Any, settings: Any, passphrase: str, gui_app: Any,
        qtbot: Any) -> None:
    from journal.gui import qtsetup

    qtsetup.install_translators(gui_app, "zh")
    dlg = _passphrase_dialog(open_window, journal, settings)
    _fill(dlg, "not the passphrase", NEW, NEW)
    with qtbot.waitSignal(dlg.change_button.clicked):
        qtbot.mouseClick(dlg.change_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.old_error.isVisible(), timeout=30000)
    assert dlg.old_error.text() == "密码不正确。日志没有任何改动，请重试。"
    assert dlg.outcome == []
    assert _opens_with(journal.path, passphrase)
    qtbot.keyClicks(dlg.old, "x")  # fixing the field takes the error away at once
    assert not dlg.old_error.isVisible()


@pytest.mark.parametrize(("new", "repeat", "field", "text"), [
    ("short", "short", "new_error", "The passphrase must be at least 8 characters long."),
    (NEW, NEW + "!", "repeat_error", "The two passphrases differ."),
    ("correct horse 电池 staple", "correct horse 电池 staple", "new_error",
     "The new passphrase is the same as the current one. Choose a different one."),
])
def test_bad_new_passphrases_are_refused_beside_their_field(
        open_window: Any, journal: Any, settings: Any, passphrase: str, new: str, repeat: str,
        field: str, text: str) -> None:
    dlg = _passphrase_dialog(open_window, journal, settings)
    _fill(dlg, passphrase, new, repeat)
    dlg.submit()
    assert dlg.task is None  # refused before any work
    assert getattr(dlg, field).isVisible()
    assert getattr(dlg, field).text() == text
    assert _opens_with(journal.path, passphrase)


def test_enter_in_a_passphrase_field_moves_on_and_ctrl_enter_changes(
        open_window: Any, journal: Any, settings: Any, passphrase: str, qtbot: Any) -> None:
    dlg = _passphrase_dialog(open_window, journal, settings)
    dlg.old.setFocus()
    dlg.old.setText(passphrase)
    qtbot.keyClick(dlg.old, Qt.Key.Key_Return)
    assert dlg.isVisible() and dlg.task is None
    assert dlg.focusWidget() is dlg.new
    dlg.new.setText(NEW)
    qtbot.keyClick(dlg.new, Qt.Key.Key_Enter)
    assert dlg.focusWidget() is dlg.repeat and dlg.task is None
    dlg.repeat.setText(NEW)
    qtbot.keyClick(dlg.repeat, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(dlg.outcome), timeout=30000)
    assert _opens_with(journal.path, NEW)


def test_journal_menu_offers_both_tools_only_while_a_journal_is_open(open_window: Any) -> None:
    menu = open_window.menu_journal.actions()
    assert open_window.act_passphrase in menu and open_window.act_integrity in menu
    assert open_window.act_passphrase.isEnabled() and open_window.act_integrity.isEnabled()
    open_window.lock()
    assert not open_window.act_passphrase.isEnabled()
    assert not open_window.act_integrity.isEnabled()


# ---------------------------------------------------------------------- check integrity
def _integrity(window: Any, journal: Any, qtbot: Any) -> Any:
    from journal.gui.maintenance import IntegrityDialog

    dlg = IntegrityDialog(journal, window)
    dlg.show()
    qtbot.waitUntil(lambda: dlg.result is not None, timeout=30000)
    return dlg


def test_check_integrity_says_intact_what_was_checked_and_gives_the_head_to_copy(
        open_window: Any, journal: Any, qtbot: Any) -> None:
    from PySide6.QtGui import QGuiApplication

    from tests.gui.conftest import add_sample

    add_sample(journal)
    dlg = _integrity(open_window, journal, qtbot)
    assert dlg.title.text() == "The journal is intact"
    text = dlg.text.text()
    assert "Nothing recorded in this journal has been removed or changed" in text
    assert "the audit chain (" in text and "Not covered: unsaved editor drafts" in text
    assert dlg.head.text() == journal.head_hash()
    qtbot.mouseClick(dlg.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == journal.head_hash()


def test_check_integrity_in_chinese(open_window: Any, journal: Any, gui_app: Any,
                                    qtbot: Any) -> None:
    from journal.gui import qtsetup

    qtsetup.install_translators(gui_app, "zh")
    dlg = _integrity(open_window, journal, qtbot)
    assert dlg.windowTitle() == "校验完整性"
    assert dlg.title.text() == "日志完好"
    assert "不在校验范围内" in dlg.text.text()
    assert dlg.head_label.text() == "审计链末端哈希值（&H）"


def test_check_integrity_reports_a_tampered_entry(open_window: Any, journal: Any,
                                                  qtbot: Any) -> None:
    from journal.core.models import EntryDraft

    e = journal.add_entry(EntryDraft(kind="payment", summary="paid", amount=300, currency="CNY",
                                     occurred_at=datetime(2024, 3, 1, 20, 15).astimezone(),
                                     method="wechat", direction="received"))
    journal.db.conn.execute("UPDATE entries SET amount = '30' WHERE id = ?", (e.id,))
    dlg = _integrity(open_window, journal, qtbot)
    assert dlg.title.text() == "The integrity check found a problem"
    assert "Keep this file as it is" in dlg.text.text()


def test_pdf_integrity_page_points_to_the_check_integrity_menu(journal: Any,
                                                               tmp_path: Path) -> None:
    from journal.core.report import ReportOptions, build_pdf

    for lang, words in (("en", "choose “Check integrity…” in its Journal menu"),
                        ("zh", "在“日志”菜单中选择“校验完整性…”")):
        out = tmp_path / f"report-{lang}.pdf"
        build_pdf(journal, out, ReportOptions(lang=lang))
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                              check=True).stdout
        flat = " ".join(text.split())
        assert words in (flat if lang == "en" else flat.replace(" ", "")), lang


def test_check_integrity_of_a_large_journal_uses_the_second_process_and_shows_its_findings(
        open_window: Any, journal: Any, qtbot: Any, monkeypatch: Any) -> None:
    """A journal above verifychild.MIN_BYTES (here every journal): the dialog's check runs the
    pages, attachment bytes and index in a second process, and the changed bytes it finds are
    shown like any other finding."""
    from journal.core.models import EntryDraft
    from journal.core.store import verifychild

    monkeypatch.setattr(verifychild, "MIN_BYTES", 0)
    started: list[Any] = []
    real_start = verifychild.VerifyChild.start

    def start() -> Any:
        child = real_start()
        started.append(child)
        return child

    monkeypatch.setattr(verifychild.VerifyChild, "start", staticmethod(start))
    entry = journal.add_entry(EntryDraft(kind="note", summary="a picture"))
    att = journal.add_attachment(entry_id=entry.id, data=b"\x89PNG original", filename="a.png")
    journal.db.conn.execute("UPDATE blob_store SET data = ? WHERE sha256 = ?",
                            (b"\x89PNG swapped!", att.sha256))
    journal.db.conn.commit()
    dlg = _integrity(open_window, journal, qtbot)
    assert len(started) == 1 and started[0]._proc.poll() is not None
    assert [p.code for p in dlg.result.issues] == ["attachment_mismatch"]
    assert dlg.title.text() == "The integrity check found a problem"
    assert "does not match its SHA-256" in dlg.text.text()
