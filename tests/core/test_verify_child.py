"""Issue 17: verify's second process (the pages, the attachment bytes, the search index) finds
what the check in one process finds; it receives the key only through its pipe; a child that
gives no valid answer never lets verify pass, and a cancelled check leaves no child running."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from journal.cli import main
from journal.core.models import EntryDraft
from journal.core.store import Journal, integrity, search_index, verifychild
from journal.core.store.verifychild import VerifyChild
from tests.conftest import PASSPHRASE

PAGE = 4096


class Cancelled(Exception):
    pass


@pytest.fixture
def children(monkeypatch: pytest.MonkeyPatch) -> list[VerifyChild]:
    """Every verify of the test uses a second process, whatever the file's size; the children
    started are listed."""
    monkeypatch.setattr(verifychild, "MIN_BYTES", 0)
    started: list[VerifyChild] = []
    real = VerifyChild.start

    def start() -> VerifyChild | None:
        child = real()
        assert child is not None
        started.append(child)
        return child

    monkeypatch.setattr(VerifyChild, "start", staticmethod(start))
    return started


@pytest.fixture
def nothing_checked_here(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What this process checked of the pages, bytes and index (the child should do it all)."""
    here: list[str] = []
    real_pages = integrity.check_pages_and_bytes
    real_index = search_index.SearchIndex.check

    def pages(*args: Any) -> Any:
        here.append("pages")
        return real_pages(*args)

    def index(self: Any, *args: Any) -> Any:
        here.append("index")
        return real_index(self, *args)

    monkeypatch.setattr(integrity, "check_pages_and_bytes", pages)
    monkeypatch.setattr(search_index.SearchIndex, "check", index)
    return here


def _tamper(journal: Journal) -> dict[str, str]:
    """An index row changed without its digest and an attachment's stored bytes replaced (both
    with the key): what only the pages-and-index side of verify finds."""
    entry = journal.add_entry(EntryDraft(kind="request", summary="拍军港的照片 photograph harbour"))
    att = journal.add_attachment(entry_id=entry.id, data=b"\x89PNG original bytes",
                                 filename="harbour.png")
    conn = journal.db.conn
    seq = conn.execute("SELECT seq FROM entries WHERE id = ?", (entry.id,)).fetchone()[0]
    conn.execute("UPDATE entry_fts SET body = 'nothing here' WHERE rowid = ?", (seq,))
    conn.execute("UPDATE blob_store SET data = ? WHERE sha256 = ?",
                 (b"\x89PNG swapped bytes!", att.sha256))
    conn.commit()
    return {"entry": entry.id, "attachment": att.id}


def test_changed_index_row_and_attachment_bytes_are_found_by_the_second_process(
        journal: Journal, children: list[VerifyChild], nothing_checked_here: list[str]) -> None:
    ids = _tamper(journal)
    result = journal.verify()
    assert [(p.code, p.params) for p in result.issues] == [
        ("attachment_mismatch", {"id": ids["attachment"]}),
        ("index_entry_changed", {"id": ids["entry"]})]
    assert len(children) == 1 and nothing_checked_here == []


def test_a_child_without_a_valid_answer_leaves_the_check_to_this_process(
        journal: Journal, children: list[VerifyChild], nothing_checked_here: list[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    ids = _tamper(journal)
    monkeypatch.setattr(verifychild, "_command", lambda: [
        sys.executable, "-c", "import sys; sys.stdin.readline(); print('{\"damage\": 1')"])
    result = journal.verify()
    assert [(p.code, p.params) for p in result.issues] == [
        ("attachment_mismatch", {"id": ids["attachment"]}),
        ("index_entry_changed", {"id": ids["entry"]})]
    assert len(children) == 1 and nothing_checked_here == ["pages", "index"]


def test_the_key_reaches_the_child_only_through_its_pipe(
        journal: Journal, children: list[VerifyChild], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOURNAL_PASSPHRASE", PASSPHRASE)
    seen: list[tuple[list[str], dict[str, str]]] = []
    real = subprocess.Popen

    def popen(args: list[str], **kwargs: Any) -> Any:
        seen.append((list(args), dict(kwargs.get("env") or os.environ)))
        return real(args, **kwargs)

    monkeypatch.setattr(verifychild.subprocess, "Popen", popen)
    assert journal.verify().ok
    key = journal._integrity._keys.key.hex()
    assert len(seen) == 1
    args, env = seen[0]
    for secret in (key, key.upper(), PASSPHRASE):
        assert all(secret not in a for a in args)
        assert all(secret not in v for v in env.values())
    assert "JOURNAL_PASSPHRASE" not in env


def test_a_cancelled_check_ends_its_second_process(
        journal: Journal, children: list[VerifyChild], monkeypatch: pytest.MonkeyPatch) -> None:
    journal.add_entry(EntryDraft(kind="note", summary="one"))
    # a child that would take a minute: the cancelled check must not wait for it
    monkeypatch.setattr(verifychild, "_command", lambda: [
        sys.executable, "-c", "import sys, time; sys.stdin.readline(); time.sleep(60)"])

    def progress(done: int, total: int) -> None:
        raise Cancelled

    with pytest.raises(Cancelled):
        journal.verify(progress)
    assert len(children) == 1
    assert children[0]._proc.poll() is not None  # ended, not left running


def _flip(path: Path, pgno: int) -> None:
    data = bytearray(path.read_bytes())
    data[(pgno - 1) * PAGE + 1000] ^= 0x5A
    path.write_bytes(bytes(data))


def test_cli_verify_starts_its_second_process_before_the_key_and_it_finds_a_damaged_page(
        journal_path: Path, children: list[VerifyChild], nothing_checked_here: list[str],
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from journal.core.crypto import FAST_PARAMS

    with Journal.create(journal_path, PASSPHRASE, kdf=FAST_PARAMS) as j:
        entry = j.add_entry(EntryDraft(kind="note", summary="a picture"))
        j.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        pages_before = journal_path.stat().st_size // PAGE
        j.add_attachment(entry_id=entry.id, data=os.urandom(300_000), filename="big.jpg")
    # the 300 KB are ~74 pages appended after the file's earlier end: one in their middle is read
    # only by the page check and the hashing of the attachment bytes
    assert journal_path.stat().st_size // PAGE > pages_before + 70
    monkeypatch.setenv("JOURNAL_PASSPHRASE", PASSPHRASE)
    started_before_key: list[int] = []
    real_derive = Journal.derive

    def derive(path: Path, passphrase: str) -> Any:
        started_before_key.append(len(children))
        return real_derive(path, passphrase)

    monkeypatch.setattr(Journal, "derive", staticmethod(derive))
    assert main(["--journal", str(journal_path), "verify", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["ok"] is True
    assert started_before_key == [1] and nothing_checked_here == []
    _flip(journal_path, pages_before + 35)
    assert main(["--journal", str(journal_path), "verify"]) == 4
    err = capsys.readouterr().err
    assert "damaged" in err
    assert len(children) == 2 and nothing_checked_here == []


def test_the_childs_answer_asked_twice_is_the_same_and_the_child_is_gone(
        journal: Journal) -> None:
    """A failed record read asks for the page check's findings after they were taken: the same
    answer, no error from the closed pipe."""
    journal.add_entry(EntryDraft(kind="note", summary="one"))
    child = VerifyChild.start()
    assert child is not None
    assert child.ask(journal.path, journal._integrity._keys, deep=False, index=True)
    first = child.answer()
    assert first is not None and first[0].damage == [] and first[1] == []
    assert child.answer() is first
    assert child._proc.poll() == 0
