"""Promise: automatic encrypted backups (journal.core.backup) keep the newest N, never leak
plaintext, never clobber another journal's backups, and restoring one loses nothing."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from journal.cli import main
from journal.core import backup as backups
from journal.core import settings as settings_mod
from journal.core.crypto import FAST_PARAMS
from journal.core.errors import InputError, NotAJournalError, WrongPassphraseError
from journal.core.models import EntryDraft
from journal.core.store import Journal

from .conftest import PASS, fill

MARK = "BACKUP-MARK-备份-9c1e"


def _new(path: Path) -> Journal:
    return Journal.create(path, PASS, kdf=FAST_PARAMS)


def _age(paths: list[Path]) -> None:
    """Give successive backups distinct, increasing times (they may be made within one second)."""
    now = time.time()
    seen: set[Path] = set()  # a pruned backup's name may be used again: the newest use counts
    for i, p in enumerate(reversed(paths)):
        if p.exists() and p not in seen:
            seen.add(p)
            os.utime(p, (now - 100 * (i + 1), now - 100 * (i + 1)))


def test_make_list_prune_keeps_newest(tmp_path: Path) -> None:
    folder = tmp_path / "my backups"
    made = []
    with _new(tmp_path / "j.ijournal") as j:
        for i in range(7):
            j.add_entry(EntryDraft(kind="note", summary=f"{MARK} {i}"))
            made.append(backups.make_backup(j, folder, reason="close", keep=3))
            _age(made)
    listed = backups.list_backups(folder, "j")
    assert len(listed) == 3
    assert listed == [made[-1], made[-2], made[-3]], "newest first, oldest pruned"
    assert all(p.suffix == ".ijbackup" and "close" in p.name for p in listed)
    assert oct(folder.stat().st_mode & 0o777) == "0o700"
    for p in listed:
        raw = p.read_bytes()
        assert MARK.encode() not in raw and MARK.encode("utf-16-le") not in raw
        assert oct(p.stat().st_mode & 0o777) == "0o600"
    with Journal.open(listed[0], PASS) as b:
        assert b.verify().ok
        assert b.count_entries() == 7


def test_prune_spares_another_journal_with_the_same_name(tmp_path: Path) -> None:
    """Found by this suite: two journals called journal.ijournal (e.g. one on a USB stick) backed
    up into the same folder pruned each other's backups."""
    folder = tmp_path / "backups"
    a_dir, b_dir = tmp_path / "a", tmp_path / "b"
    a_dir.mkdir()
    b_dir.mkdir()
    made_a: list[Path] = []
    with _new(a_dir / "journal.ijournal") as a:
        for _ in range(3):
            made_a.append(backups.make_backup(a, folder, reason="close", keep=2))
            _age(made_a)
    with _new(b_dir / "journal.ijournal") as b:
        for _ in range(3):
            backups.make_backup(b, folder, reason="close", keep=2)
    everything = backups.list_backups(folder, "journal")
    assert len(everything) == 4, [p.name for p in everything]
    header_a = (a_dir / "journal.ijournal").read_bytes()[:16]
    assert sum(1 for p in everything if p.read_bytes()[:16] == header_a) == 2


def test_settings_choose_folder_and_count(tmp_path: Path) -> None:
    s = settings_mod.Settings(backup_dir=str(tmp_path / "chosen"), backup_keep=2)
    settings_mod.save(s)
    loaded = settings_mod.load()
    assert loaded.effective_backup_dir() == tmp_path / "chosen" and loaded.backup_keep == 2
    assert backups.default_dir() == tmp_path / "chosen"
    with _new(tmp_path / "j.ijournal") as j:
        for _ in range(4):
            backups.make_backup(j, reason="close", keep=loaded.backup_keep)
    assert len(backups.list_backups(stem="j")) == 2
    assert settings_mod.Settings().backup_keep == 5


def test_restore_keeps_current_file_and_loses_nothing(tmp_path: Path) -> None:
    path = tmp_path / "j.ijournal"
    with _new(path) as j:
        ids = fill(j)
        snap = backups.make_backup(j, tmp_path / "bk", reason="close", keep=5)
        later = j.add_entry(EntryDraft(kind="note", summary="after the backup")).id
    current = path.read_bytes()
    # wrong passphrase or a damaged backup: nothing changes
    with pytest.raises(WrongPassphraseError):
        backups.restore(snap, path, passphrase="not the passphrase")
    junk = tmp_path / "junk.ijbackup"
    junk.write_bytes(os.urandom(9000))
    with pytest.raises(NotAJournalError):
        backups.restore(junk, path, passphrase=PASS)
    assert path.read_bytes() == current
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bk", "j.ijournal", "junk.ijbackup"]
    backups.restore(snap, path, passphrase=PASS)
    kept = list(tmp_path.glob("j.ijournal.before-restore-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == current
    with Journal.open(path, PASS) as j:
        assert j.verify().ok
        assert j.get_entry(ids["payment"]).amount is not None
        assert j.attachment_data(ids["attachment"])
        with pytest.raises(InputError):
            j.get_entry(later)
    with Journal.open(kept[0], PASS) as old:
        assert old.get_entry(later).summary == "after the backup"
    assert not list(tmp_path.glob(".*.tmp")), "no temporary file left"


def test_restore_with_leftover_wal_keeps_it_with_the_old_file(tmp_path: Path) -> None:
    import subprocess
    import sys
    import textwrap

    path = tmp_path / "j.ijournal"
    with _new(path) as j:
        snap = backups.make_backup(j, tmp_path / "bk")
    script = textwrap.dedent(f"""
        import os
        from journal.core.models import EntryDraft
        from journal.core.store import Journal
        j = Journal.open({str(path)!r}, {PASS!r})
        j.add_entry(EntryDraft(kind="note", summary="only in the wal"))
        os._exit(0)
    """)
    subprocess.run([sys.executable, "-c", script], check=True, timeout=120)
    assert Path(str(path) + "-wal").exists()
    backups.restore(snap, path, passphrase=PASS)
    assert not Path(str(path) + "-wal").exists()
    kept = next(tmp_path.glob("j.ijournal.before-restore-*[0-9]"))
    with Journal.open(kept, PASS) as old:
        assert [e.summary for e in old.list_entries()] == ["only in the wal"]
    with Journal.open(path, PASS) as j:
        assert j.count_entries() == 0 and j.verify().ok


def test_cli_restore_backup(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                            monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "j.ijournal"
    with _new(path) as j:
        eid = j.add_entry(EntryDraft(kind="note", summary="in the backup")).id
        snap = backups.make_backup(j, tmp_path / "bk")
        j.delete_entry(eid)
    monkeypatch.setenv("JOURNAL_PASSPHRASE", "wrong passphrase!")
    before = path.read_bytes()
    assert main(["--journal", str(path), "restore", str(snap)]) == 3
    assert path.read_bytes() == before
    monkeypatch.setenv("JOURNAL_PASSPHRASE", PASS)
    assert main(["--journal", str(path), "restore", str(snap)]) == 0
    out = capsys.readouterr().out
    assert "before-restore" in out
    with Journal.open(path, PASS) as j:
        assert not j.get_entry(eid).deleted


def test_concurrent_backups_of_the_same_file_all_succeed(tmp_path: Path) -> None:
    """Found by this suite: two backups at once (the window backs up on lock in a background
    thread; lock, unlock, lock again) shared one temporary file name, deleted each other's copy
    and both failed."""
    import threading

    path = tmp_path / "j.ijournal"
    with _new(path) as j:
        fill(j)
    folder = tmp_path / "bk"
    journals = [Journal.open(path, PASS) for _ in range(3)]
    barrier = threading.Barrier(len(journals))
    made: list[Path] = []
    errors: list[BaseException] = []

    def run(j: Journal) -> None:
        try:
            for _ in range(3):
                barrier.wait()
                made.append(backups.make_backup(j, folder, reason="close", keep=100))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(j,)) for j in journals]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    for j in journals:
        j.close()
    assert errors == []
    assert len(made) == 9 and len(set(made)) == 9
    assert sorted(backups.list_backups(folder, "j")) == sorted(made)
    assert not list(folder.glob(".*.tmp"))
    for b in made[:3]:
        with Journal.open(b, PASS) as bj:
            assert bj.verify().ok
