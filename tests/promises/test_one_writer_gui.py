"""Promise, through the window: while another process writes the journal, unlocking offers to open
it read-only (editing actions off, a banner); the window gives the lock up when it locks and takes
it again on unlock; a journal whose pages fail their check opens read-only with the backup offer.
Screenshots go to $PROMISE_SHOTS (default /tmp/promise-shots)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3
from PySide6.QtWidgets import QApplication

from journal.core import backup as backups
from journal.core import settings as settings_mod
from journal.core.crypto import FAST_PARAMS
from journal.core.errors import JournalError
from journal.core.models import EntryDraft
from journal.core.store import Journal
from journal.core.store.filelock import JournalBusyError

from .conftest import PASS
from .test_one_writer import Holder

SHOTS = Path(os.environ.get("PROMISE_SHOTS", "/tmp/promise-shots"))
BANNER = {
    "reader": {"en": "open in another window or program", "zh": "已在另一个窗口或程序中打开"},
    "damaged": {"en": "damaged", "zh": "已损坏"},
}


SHOWN: list[tuple[str, str]] = []  # (kind, text) of the messages the window showed in a test


@pytest.fixture
def app(qapp: Any) -> Iterator[Any]:
    from journal.gui import dialogs, qtsetup

    qtsetup.apply_default_font(qapp)
    qtsetup.install_translators(qapp, "en")
    dialogs.reset()
    SHOWN.clear()
    dialogs.observe(lambda kind, text: SHOWN.append((kind, text)))
    yield qapp
    dialogs.observe(None)
    SHOWN.clear()
    dialogs.reset()
    qtsetup.install_translators(qapp, "en")


@pytest.fixture
def holders() -> Iterator[list[Holder]]:
    started: list[Holder] = []
    yield started
    for h in started:
        if h.proc.poll() is None:
            h.proc.kill()
            h.proc.wait()


def _window(qtbot: Any, path: Path, lang: str) -> Any:
    from journal.gui import qtsetup
    from journal.gui.main_window import MainWindow

    qtsetup.install_translators(QApplication.instance(), lang)
    settings = settings_mod.Settings(language=lang, first_run_done=True, backup_on_close=False)
    window = MainWindow(settings=settings, kdf=FAST_PARAMS, journal_path=path)
    window.offer_drafts_on_unlock = False
    qtbot.addWidget(window)
    window.show()
    return window


def _unlock(qtbot: Any, window: Any) -> None:
    window.welcome.unlock.passphrase.setText(PASS)
    window.welcome.unlock.submit.click()
    qtbot.waitUntil(lambda: window.journal is not None, timeout=20000)


def _close(window: Any) -> None:
    window.welcome.wait_idle()
    window._quitting = True
    window.lock(show_unlock=False)
    window.wait_for_close()


def _editing_enabled(window: Any) -> list[bool]:
    """Whether each editing control is enabled: the window's actions, for the entry shown the
    detail pane's Edit, Move to trash and Add files buttons, and the People view's New person."""
    window.build_all_views()
    from PySide6.QtWidgets import QPushButton

    timeline = window.view("timeline")
    timeline.table.selectRow(0)
    detail = timeline.detail
    buttons = [detail.findChild(QPushButton, name) for name in ("detailEdit", "detailDelete")]
    assert all(b is not None for b in buttons)
    strip_add = [b for b in detail.findChildren(QPushButton) if b.text() in ("Add files…", "添加文件…")]
    assert strip_add
    people = window.views["people"]
    return [window.act_new.isEnabled(), window.act_import.isEnabled(),
            window.new_button.isEnabled(), *(a.isEnabled() for a in window.kind_actions.values()),
            *(b.isEnabled() for b in buttons), *(b.isEnabled() for b in strip_add),
            people.new_button.isEnabled()]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_window_opens_read_only_beside_a_writer_in_another_process(
        app: Any, qtbot: Any, tmp_path: Path, holders: list[Holder], lang: str) -> None:
    from journal.gui import dialogs

    path = tmp_path / "diary.ijournal"
    with Journal.create(path, PASS, kdf=FAST_PARAMS) as j:
        j.add_entry(EntryDraft(kind="note", summary="before"))
    holder = Holder(path, "write", summary="written by the other program 另一个程序")
    holders.append(holder)
    assert holder.first_line == "ready"
    window = _window(qtbot, path, lang)
    dialogs.set_next_answer(True)  # "open it read-only?" yes
    _unlock(qtbot, window)
    assert SHOWN[-1][0] == "question"
    assert window.is_read_only()
    assert window.journal.read_only_reason == "reader"
    qtbot.waitUntil(lambda: window.view("timeline").model.rowCount() == 2, timeout=10000)
    assert not any(_editing_enabled(window))
    assert window.read_only_bar.isVisible()
    assert BANNER["reader"][lang] in window.read_only_banner.text()
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SHOTS / f"read-only-beside-writer-{lang}.png"))
    with pytest.raises(Exception) as info:  # a save that slips through is refused by the core
        window.journal.add_entry(EntryDraft(kind="note", summary="must not land"))
    assert getattr(info.value, "key", "") == "error.journal_read_only"
    _close(window)
    holder.close()
    with Journal.open(path, PASS) as j:
        assert not j.search("must not land") and j.count_entries() == 2


def test_window_declining_read_only_leaves_it_locked(app: Any, qtbot: Any, tmp_path: Path,
                                                     holders: list[Holder]) -> None:
    from journal.gui import dialogs

    path = tmp_path / "diary.ijournal"
    Journal.create(path, PASS, kdf=FAST_PARAMS).close()
    holder = Holder(path, "write")
    holders.append(holder)
    window = _window(qtbot, path, "en")
    dialogs.set_next_answer(False)
    window.welcome.unlock.passphrase.setText(PASS)
    window.welcome.unlock.submit.click()
    qtbot.waitUntil(lambda: any(k == "question" for k, _t in SHOWN), timeout=20000)
    qtbot.waitUntil(lambda: "another window or program" in window.welcome.unlock.error.text(),
                    timeout=20000)
    assert window.journal is None
    _close(window)


def test_window_gives_the_lock_up_when_it_locks_and_takes_it_again_on_unlock(
        app: Any, qtbot: Any, tmp_path: Path) -> None:
    path = tmp_path / "diary.ijournal"
    with Journal.create(path, PASS, kdf=FAST_PARAMS) as j:
        j.add_entry(EntryDraft(kind="note", summary="one"))
    window = _window(qtbot, path, "en")
    _unlock(qtbot, window)
    assert not window.is_read_only()
    assert not window.read_only_bar.isVisible()
    qtbot.waitUntil(lambda: window.view("timeline").model.rowCount() == 1, timeout=10000)
    assert all(_editing_enabled(window))  # a writable journal: every editing control on
    probe = (f"from journal.core.store import Journal\n"
             f"Journal.open({str(path)!r}, {PASS!r}).close()\n")
    import subprocess
    import sys

    def other_writer() -> int:
        return subprocess.run([sys.executable, "-c", probe], capture_output=True, check=False,
                              timeout=120).returncode

    assert other_writer() != 0  # the window writes: another writer is refused
    window.lock()
    window.wait_for_close()
    assert other_writer() == 0  # locked: the lock is free
    _unlock(qtbot, window)
    assert other_writer() != 0  # unlocked again: held again
    _close(window)


def _damage_a_content_page(path: Path) -> bytes:
    """Flip a byte in one page from the middle of the file that the timeline's first screen does
    not read (which page holds what depends on the schema): the window must then still show the
    entries it can read, read-only, while the background check finds the damage."""
    original = path.read_bytes()
    pages = len(original) // 4096
    for page in range(pages // 2, pages - 1):
        data = bytearray(original)
        data[4096 * page + 700] ^= 0xFF
        path.write_bytes(bytes(data))
        try:
            with Journal.open(path, PASS, mode="read") as j:
                j.get_entries(j.entry_ids()[:50])
        except (sqlcipher3.DatabaseError, JournalError):  # the first screen reads this page
            pass
        else:
            return bytes(data)
    raise AssertionError("no page found whose damage spares the timeline's first screen")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_window_opens_a_damaged_journal_read_only_and_offers_the_backup(
        app: Any, qtbot: Any, tmp_path: Path, lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from journal.gui import dialogs

    folder = tmp_path / "backups"
    monkeypatch.setattr(settings_mod.Settings, "effective_backup_dir", lambda _self: folder)
    path = tmp_path / "diary.ijournal"
    with Journal.create(path, PASS, kdf=FAST_PARAMS) as j:
        for i in range(200):
            j.add_entry(EntryDraft(kind="note", summary=f"note {i}", details="细节 " * 100))
        backups.make_backup(j, reason="close", keep=5)
    damaged = _damage_a_content_page(path)

    window = _window(qtbot, path, lang)
    dialogs.set_next_answer(False)  # "restore the newest backup?" not now
    _unlock(qtbot, window)
    qtbot.waitUntil(window.read_only_bar.isVisible, timeout=20000)  # the check ran in the background
    assert window.is_read_only()
    assert window.journal.read_only_reason == "damaged"
    assert not any(_editing_enabled(window))
    assert BANNER["damaged"][lang] in window.read_only_banner.text()
    assert SHOWN[-1][0] == "question"
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SHOTS / f"damaged-read-only-{lang}.png"))
    with pytest.raises(Exception) as info:
        window.journal.add_entry(EntryDraft(kind="note", summary="must not land"))
    assert getattr(info.value, "key", "") == "error.damaged"
    _close(window)
    assert path.read_bytes() == damaged


def test_core_refuses_a_second_writer_in_another_process(tmp_path: Path,
                                                          holders: list[Holder]) -> None:
    path = tmp_path / "diary.ijournal"
    Journal.create(path, PASS, kdf=FAST_PARAMS).close()
    holder = Holder(path, "write")
    holders.append(holder)
    with pytest.raises(JournalBusyError):
        Journal.open(path, PASS)
