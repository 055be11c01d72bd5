"""Promise: one writer at a time. While another process has the journal open (a real second
process, as the window would be), a second writer is refused (exit 1, nothing changed), re-key,
restore from a backup and migrations are refused even while only a reader has it open, and the
reading commands still work and see what was committed."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from journal.cli import main
from journal.core import schema
from journal.core.crypto import FAST_PARAMS
from journal.core.models import EntryDraft
from journal.core.store import READ, Journal
from journal.core.store.filelock import JournalBusyError, lock_paths

from .conftest import PASS, fill
from .test_migrations import V1_FILE, V1_PASSPHRASE

WORKER = Path(__file__).with_name("holder_worker.py")
BUSY = {"en": "open in another window or program", "zh": "已在另一个窗口或程序中打开"}
IN_USE = {"en": "open in another window or program", "zh": "正在另一个窗口或程序中打开"}


class Holder:
    """A second process holding the journal open until ``close()``."""

    def __init__(self, path: Path, mode: str, summary: str = "", passphrase: str = PASS) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(WORKER), str(path), passphrase, mode, summary],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout is not None
        self.first_line = self.proc.stdout.readline().strip()  # blocks until it is open

    def close(self) -> None:
        if self.proc.poll() is None:
            assert self.proc.stdin is not None and self.proc.stdout is not None
            self.proc.stdin.write("\n")
            self.proc.stdin.flush()
            assert self.proc.stdout.readline().strip() == "closed"
        self.proc.wait(timeout=60)


@pytest.fixture
def holders() -> Iterator[list[Holder]]:
    started: list[Holder] = []
    yield started
    for h in started:
        if h.proc.poll() is None:
            h.proc.kill()
            h.proc.wait()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _cli(path: Path, *args: str) -> int:
    return main(["--journal", str(path), *args])


@pytest.fixture
def journal_file(tmp_path: Path) -> Path:
    path = tmp_path / "j.ijournal"
    with Journal.create(path, PASS, kdf=FAST_PARAMS) as j:
        fill(j)
    return path


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_second_writer_is_refused_while_another_process_writes_and_readers_see_its_commits(
        journal_file: Path, holders: list[Holder], tmp_path: Path, lang: str,
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8" if lang == "zh" else "en_US.UTF-8")
    monkeypatch.setenv("JOURNAL_PASSPHRASE", PASS)
    holder = Holder(journal_file, "write", summary="saved by the window 窗口保存")
    holders.append(holder)
    assert holder.first_line == "ready"
    with Journal.open(journal_file, PASS, mode=READ) as j:
        count_before = j.count_entries()
        head_before = j.head_hash()

    # writers: refused with a clear message in the user's language, exit 1
    for args in (["add", "note", "--summary", "second writer"], ["delete", "0000"],
                 ["person", "add", "Someone"], ["import", "csv", str(tmp_path / "x.csv")]):
        assert _cli(journal_file, *args) == 1, args
        err = capsys.readouterr().err
        assert BUSY[lang] in err, err
    with pytest.raises(JournalBusyError):
        Journal.open(journal_file, PASS)

    # readers: work next to the writer and see what it committed
    assert _cli(journal_file, "list", "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert "saved by the window 窗口保存" in [e["summary"] for e in listed]
    entry_id = next(e["id"] for e in listed if e["summary"] == "saved by the window 窗口保存")
    assert _cli(journal_file, "show", entry_id, "--json") == 0
    assert json.loads(capsys.readouterr().out)["summary"] == "saved by the window 窗口保存"
    assert _cli(journal_file, "search", "窗口保存", "--json") == 0
    assert [e["id"] for e in json.loads(capsys.readouterr().out)] == [entry_id]
    assert _cli(journal_file, "signs", "--json") == 0
    assert json.loads(capsys.readouterr().out)
    assert _cli(journal_file, "verify", "--json") == 0
    assert json.loads(capsys.readouterr().out)["ok"] is True
    assert _cli(journal_file, "export", "text", "-") == 0
    assert capsys.readouterr().out.strip()
    assert _cli(journal_file, "export", "pdf", str(tmp_path / "r.pdf")) == 0
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    capsys.readouterr()

    holder.close()
    # nothing the refused writers tried landed; the window's own save did
    with Journal.open(journal_file, PASS, mode=READ) as j:
        assert j.count_entries() == count_before
        assert j.head_hash() == head_before
        assert j.verify().ok
    # and once the other process is gone, writing works again
    assert _cli(journal_file, "add", "note", "--summary", "after the window closed") == 0


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_rekey_and_restore_are_refused_while_only_a_reader_has_the_journal_open(
        journal_file: Path, holders: list[Holder], tmp_path: Path, lang: str,
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8" if lang == "zh" else "en_US.UTF-8")
    monkeypatch.setenv("JOURNAL_PASSPHRASE", PASS)
    monkeypatch.setenv("JOURNAL_NEW_PASSPHRASE", "a brand new passphrase 新密码 7")
    backup = tmp_path / "copy.ijbackup"
    assert _cli(journal_file, "backup", str(backup)) == 0
    assert _cli(journal_file, "add", "note", "--summary", "after the backup") == 0
    capsys.readouterr()
    before = {p.name: _digest(p) for p in tmp_path.iterdir() if p.is_file()}

    holder = Holder(journal_file, "read")
    holders.append(holder)
    assert holder.first_line == "ready"
    assert _cli(journal_file, "rekey") == 1
    assert IN_USE[lang] in capsys.readouterr().err
    assert _cli(journal_file, "restore", str(backup)) == 1
    assert IN_USE[lang] in capsys.readouterr().err
    holder.close()

    assert {p.name: _digest(p) for p in tmp_path.iterdir() if p.is_file()} == before
    with Journal.open(journal_file, PASS) as j:  # the old passphrase still opens it, all there
        assert j.search("after the backup")
    # with nobody else there, both work
    assert _cli(journal_file, "restore", str(backup)) == 0
    assert _cli(journal_file, "rekey") == 0


def test_migration_is_refused_while_another_process_has_the_old_file_open(
        tmp_path: Path, holders: list[Holder]) -> None:
    old = tmp_path / "old.ijournal"
    shutil.copyfile(V1_FILE, old)
    before = _digest(old)
    # a process that has the v1 file open without migrating it: it holds the shared open lock
    # (as an older version of this program, or any reader, would while it is open)
    from journal.core.store import filelock

    lease = filelock.acquire(old, write=False)
    try:
        holder = Holder(old, "write", passphrase=V1_PASSPHRASE)
        holders.append(holder)
        assert holder.first_line == "error error.journal_in_use"
        holder.proc.wait(timeout=60)
    finally:
        lease.release()
    assert _digest(old) == before
    with Journal.open(old, V1_PASSPHRASE, mode=READ) as j:  # nobody else: it migrates
        assert j.schema_version() == schema.CURRENT_VERSION


def test_lock_files_hold_no_content_and_are_gone_after_the_last_close(
        journal_file: Path, holders: list[Holder]) -> None:
    holder = Holder(journal_file, "write", summary="秘密 marker 9f3c")
    holders.append(holder)
    assert holder.first_line == "ready"
    open_lock, writer_lock = lock_paths(journal_file)
    assert open_lock.name == "j.ijournal.lock" and open_lock.exists() and writer_lock.exists()
    assert open_lock.read_bytes() == b"" and writer_lock.read_bytes() == b""
    with Journal.open(journal_file, PASS, mode=READ) as j:  # a reader beside the writer
        j.add_listener(lambda *_: None)
    assert open_lock.exists()  # still held by the writer
    holder.close()
    assert not open_lock.exists() and not writer_lock.exists()


def test_a_second_journal_object_in_the_same_process_shares_the_lock(journal_file: Path) -> None:
    with Journal.open(journal_file, PASS) as a, Journal.open(journal_file, PASS) as b:
        a.add_entry(EntryDraft(kind="note", summary="from a"))
        assert b.search("from a")
        with pytest.raises(JournalBusyError):  # the other one would point at the old file
            b.rekey("another passphrase 另一个 1", kdf=FAST_PARAMS)
