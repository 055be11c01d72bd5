"""Promise: a damaged or foreign file gives a clear message (exit 4), never a traceback, and
nothing the app does overwrites it: its bytes are identical afterwards."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from journal.cli import main
from journal.core.crypto import HEADER_SIZE
from journal.core.errors import NotAJournalError
from journal.core.store import Journal

from .conftest import PASS

PAGE = 4096
READ_COMMANDS = [["verify"], ["list", "--json", "--include-deleted"], ["search", "港口"],
                 ["person", "list"], ["signs", "--json"]]


def _flip(data: bytes, offset: int) -> bytes:
    out = bytearray(data)
    out[offset] ^= 0x5A
    return bytes(out)


def _run(capsys: pytest.CaptureFixture[str], path: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--journal", str(path), *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "Traceback" not in out
    return code, out, err


def _damage_cases(original: bytes, rnd: random.Random) -> list[tuple[str, bytes]]:
    pages = len(original) // PAGE
    cases = [(f"header byte {i}", _flip(original, i)) for i in (0, 2, 3, 7, 15)]
    cases.append(("page 1 after the header", _flip(original, rnd.randrange(HEADER_SIZE, PAGE))))
    for pgno in sorted(rnd.sample(range(2, pages + 1), 5)):
        cases.append((f"page {pgno}", _flip(original, (pgno - 1) * PAGE + rnd.randrange(PAGE))))
    cases.append(("cut in the middle of a page", original[: len(original) // 2 + 1234]))
    cases.append(("cut at a page boundary", original[: (pages // 3) * PAGE]))
    cases.append(("only the header", original[:HEADER_SIZE]))
    return cases


@pytest.mark.usefixtures("cached_derive")
def test_damaged_journal_exit_4_and_untouched(filled: tuple[Path, dict[str, str]],
                                             capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    path, ids = filled
    monkeypatch.setenv("JOURNAL_PASSPHRASE", PASS)
    original = path.read_bytes()
    assert len(original) // PAGE > 20
    rnd = random.Random(20240305)
    for name, damaged in _damage_cases(original, rnd):
        path.write_bytes(damaged)
        codes = {}
        for args in READ_COMMANDS + [["show", ids["request"]], ["export", "text", str(path) + ".txt"]]:
            code, _out, err = _run(capsys, path, *args)
            codes[args[0]] = code
            assert code in (0, 4), (name, args, code, err)
            if code == 4:
                assert "damaged" in err or "损坏" in err, err
            assert path.read_bytes() == damaged, f"{name}: {args} changed the damaged file"
            assert not Path(str(path) + "-wal").exists() or Path(str(path) + "-wal").stat().st_size == 0
        # verify reads every page: it must notice every kind of damage
        assert codes["verify"] in (4, 5), (name, codes)
        # a change on a damaged file: refused (4) with the file untouched, or (when the damage is
        # in a page it never reads) done; never a traceback
        code, _out, err = _run(capsys, path, "add", "note", "--summary", "after damage")
        assert code in (0, 4), (name, code, err)
        if code == 4:
            assert path.read_bytes() == damaged
        for suffix in (".txt",):
            Path(str(path) + suffix).unlink(missing_ok=True)
    path.write_bytes(original)
    code, _out, _err = _run(capsys, path, "verify")
    assert code == 0


@pytest.mark.parametrize("kind", ["empty", "random", "plain-sqlite", "text", "directory"])
def test_foreign_files_exit_4(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                              monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    monkeypatch.setenv("JOURNAL_PASSPHRASE", PASS)
    path = tmp_path / "foreign.ijournal"
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "random":
        path.write_bytes(os.urandom(3 * PAGE + 17))
    elif kind == "text":
        path.write_text("这不是日记 not a journal\n" * 100, encoding="utf-8")
    elif kind == "directory":
        path.mkdir()
    else:
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE entries(x)")
        conn.execute("INSERT INTO entries VALUES ('plain')")
        conn.commit()
        conn.close()
    before = None if kind == "directory" else path.read_bytes()
    for args in (["verify"], ["list"], ["add", "note", "--summary", "x"], ["rekey"]):
        code, _out, err = _run(capsys, path, *args)
        assert code == 4, (kind, args, code, err)
        assert err.strip(), "a clear message is expected"
        if before is not None:
            assert path.read_bytes() == before
    with pytest.raises(NotAJournalError):
        Journal.open(path, PASS)
    if before is not None:
        assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["foreign.ijournal"]


def test_cli_process_damaged_page_no_traceback(filled: tuple[Path, dict[str, str]]) -> None:
    """The installed entry point, as a user runs it: a damaged inner page → exit 4, one message."""
    path, _ids = filled
    original = path.read_bytes()
    damaged = _flip(original, 9 * PAGE + 500)
    path.write_bytes(damaged)
    cli = str(Path(sys.executable).parent / "journal-cli")
    env = dict(os.environ, JOURNAL_PASSPHRASE=PASS)
    result = subprocess.run([cli, "--journal", str(path), "verify"], check=False,
                            capture_output=True, text=True, env=env, timeout=120, stdin=subprocess.DEVNULL)
    assert result.returncode in (4, 5), result.stderr
    assert "Traceback" not in result.stderr and result.stderr.strip()
    assert len(result.stderr.strip().splitlines()) <= 25
    assert path.read_bytes() == damaged


def test_damaged_first_page_is_not_called_wrong_passphrase(
        filled: tuple[Path, dict[str, str]], capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    path, _ids = filled
    damaged = _flip(path.read_bytes(), 2000)
    path.write_bytes(damaged)
    monkeypatch.setenv("JOURNAL_PASSPHRASE", PASS)
    assert _run(capsys, path, "list")[0] == 4
    monkeypatch.setenv("JOURNAL_PASSPHRASE", "not the passphrase")
    assert _run(capsys, path, "list")[0] == 3
    assert path.read_bytes() == damaged




@pytest.mark.parametrize("keep", [HEADER_SIZE, 1000, PAGE - 1])
def test_file_cut_inside_page_1_is_damage_not_wrong_passphrase(
        filled: tuple[Path, dict[str, str]], keep: int) -> None:
    """Found by this suite: a file cut to its header used to be reported as a wrong passphrase,
    which sends a frightened user hunting for a passphrase that was right all along."""
    path, _ids = filled
    cut = path.read_bytes()[:keep]
    path.write_bytes(cut)
    with pytest.raises(NotAJournalError):
        Journal.open(path, PASS)
    assert path.read_bytes() == cut


@pytest.mark.parametrize(("memory_log2", "iterations", "lanes"),
                         [(21, 64, 4), (18, 4, 4), (17, 13, 4), (17, 4, 8)])
def test_header_asking_for_more_kdf_work_than_the_app_makes_is_damaged_at_once(
        journal_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        memory_log2: int, iterations: int, lanes: int) -> None:
    """A header with a valid check but parameters the app never creates (2 GiB, t = 64 …) is
    'damaged' (exit 4) before any key derivation, not a minutes-long hang and 'wrong passphrase'."""
    import hashlib
    import time

    Journal.create(journal_path, PASS, kdf=crypto_fast()).close()
    data = bytearray(journal_path.read_bytes())
    data[3], data[4], data[5] = memory_log2, iterations, lanes
    data[14:16] = hashlib.sha256(bytes(data[:14])).digest()[:2]
    journal_path.write_bytes(bytes(data))
    monkeypatch.setenv("JOURNAL_PASSPHRASE", PASS)
    start = time.monotonic()
    code, _out, err = _run(capsys, journal_path, "list")
    assert time.monotonic() - start < 1.0
    assert code == 4, err
    with pytest.raises(NotAJournalError):
        Journal.open(journal_path, PASS)
    assert journal_path.read_bytes() == bytes(data)


def crypto_fast():  # type: ignore[no-untyped-def]
    from journal.core.crypto import FAST_PARAMS

    return FAST_PARAMS
