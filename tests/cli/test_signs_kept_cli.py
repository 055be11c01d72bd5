"""journal-cli signs / export text keep the warning signs' result in the journal when they had
to evaluate and nobody else writes it; the next command reads it and prints the same."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from test_cli import PASS, jpath, ok, run  # noqa: F401 - jpath is a fixture

from journal.core.models import EntryDraft
from journal.core.store import READ, WRITE, Journal

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
from test_signs_cases import LIU, build_in_journal


def _kept_row(path: Path) -> tuple[object, ...] | None:
    with Journal.open(path, PASS, mode=READ) as j:
        row = j.db.one("SELECT generation, data FROM sign_results")
        return None if row is None else tuple(row)


def _current(path: Path) -> bool:
    with Journal.open(path, PASS, mode=READ) as j:
        return j.sign_results_current()


def test_signs_keeps_the_result_it_evaluated_and_the_next_command_reads_it(jpath: Path) -> None:  # noqa: F811
    with Journal.open(jpath, PASS) as j:
        ids = build_in_journal(j, LIU)
    assert not _current(jpath)
    first = ok(run("signs", "--json", journal=jpath))
    assert '"WS-FAST-INTIMACY"' in first
    assert _current(jpath)
    kept = _kept_row(jpath)
    assert ok(run("signs", "--json", journal=jpath)) == first
    assert _kept_row(jpath) == kept  # read, not evaluated and written again
    # a change: the summary evaluates again, keeps the new result, and prints the same as after
    with Journal.open(jpath, PASS) as j:
        j.delete_entry(ids["L02"])
    assert not _current(jpath)
    summary = ok(run("export", "text", "-", "--lang", "zh", journal=jpath))
    assert _current(jpath) and _kept_row(jpath) != kept
    assert ok(run("export", "text", "-", "--lang", "zh", journal=jpath)) == summary


def test_beside_a_writer_elsewhere_signs_evaluates_and_keeps_nothing(jpath: Path) -> None:  # noqa: F811
    with Journal.open(jpath, PASS) as j:
        build_in_journal(j, LIU)
    with Journal.open(jpath, PASS, mode=WRITE) as writer:  # (this process writes it)
        out = ok(run("signs", "--json", journal=jpath))
        assert '"WS-FAST-INTIMACY"' in out
        assert not writer.sign_results_current()
        writer.add_entry(EntryDraft(kind="note", summary="图书馆自习"))
    assert not _current(jpath)


def test_signs_and_export_derive_the_key_beside_their_imports_and_a_wrong_one_still_exits_3(
        jpath: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],  # noqa: F811
        tmp_path: Path) -> None:
    import threading

    from journal.cli import main
    from journal.core import crypto

    with Journal.open(jpath, PASS) as j:
        build_in_journal(j, LIU)
    threads: list[str] = []
    real = crypto.derive_key

    def derive(passphrase: str, header: bytes) -> bytes:
        threads.append(threading.current_thread().name)
        return real(passphrase, header)

    monkeypatch.setattr(crypto, "derive_key", derive)
    monkeypatch.setenv("JOURNAL_PASSPHRASE", PASS)
    assert main(["--journal", str(jpath), "export", "text", "-", "--lang", "en"]) == 0
    assert "Warning signs" in capsys.readouterr().out
    passphrase_file = tmp_path / "pass.txt"
    passphrase_file.write_text(PASS + "\n", encoding="utf-8")
    monkeypatch.delenv("JOURNAL_PASSPHRASE")
    assert main(["--journal", str(jpath), "--passphrase-file", str(passphrase_file),
                 "signs", "--json"]) == 0
    assert '"WS-FAST-INTIMACY"' in capsys.readouterr().out
    assert threads == ["key-derivation", "key-derivation"]
    monkeypatch.setenv("JOURNAL_PASSPHRASE", "not the passphrase")
    before = jpath.read_bytes()
    assert main(["--journal", str(jpath), "signs"]) == 3
    assert "passphrase is not correct" in capsys.readouterr().err
    assert jpath.read_bytes() == before
    assert main(["--journal", str(jpath), "list"]) == 3  # (other commands: as before)
    assert threads[-1] == "MainThread"
