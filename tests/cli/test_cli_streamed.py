"""Issue 17: `list` and `search` write entries as they are read (a batch at a time, the first
entry out before the last batch is loaded), with the same text as before; `verify` names each
problem in the user's language and gives its code in JSON."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from journal.cli import main
from journal.clitext import entries_table, escape_json
from journal.core.codec import entry_to_json
from journal.core.crypto import FAST_PARAMS
from journal.core.models import EntryDraft, Handle
from journal.core.store import Journal
from journal.core.store.reader import EntryReader

PASS = "streamed cli passphrase 密码"
TZ = timezone(timedelta(hours=8))


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("streamed") / "big.ijournal"
    with Journal.create(path, PASS, kdf=FAST_PARAMS) as j:
        p = j.add_person("张总", handles=[Handle("wechat", "zhang\u2028ocean")])
        start = datetime(2023, 1, 1, 9, tzinfo=TZ)
        with j.db.transaction():
            for i in range(1200):
                j.add_entry(EntryDraft(
                    kind="note", summary=f"港口 harbour {i}", persons=[p.id] if i % 2 else [],
                    details=f"line one\nline two \u2028 \x85 \u202e {i}",
                    occurred_at=start + timedelta(hours=i)))
    return path


class _Log:
    """What happened, in order: each batch the reader loaded, each write to standard output."""

    def __init__(self) -> None:
        self.events: list[tuple[str, int]] = []
        self.text = io.StringIO()

    def write(self, s: str) -> int:
        self.events.append(("write", len(s)))
        return self.text.write(s)

    def flush(self) -> None:
        pass


@pytest.fixture
def watched(monkeypatch: pytest.MonkeyPatch) -> Iterator[_Log]:
    log = _Log()
    real_load = EntryReader.load

    def load(self: EntryReader, ids: list[str]) -> Any:
        log.events.append(("load", len(ids)))
        return real_load(self, ids)

    monkeypatch.setattr(EntryReader, "load", load)
    monkeypatch.setenv("JOURNAL_PASSPHRASE", PASS)
    yield log


def _run(log: _Log, *args: str) -> int:
    """journal-cli with its standard output going to ``log`` (set here: pytest sets its own
    capture again between the fixtures and the test)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("sys.stdout", log)
        return main(list(args))


def _first_write_before_last_load(log: _Log) -> bool:
    kinds = [k for k, _ in log.events]
    last_load = len(kinds) - 1 - kinds[::-1].index("load")
    return kinds.index("write") < last_load


def test_list_json_of_1200_entries_is_written_while_read_in_batches_of_500(
        big: Path, watched: _Log) -> None:
    assert _run(watched, "--journal", str(big), "list", "--json") == 0
    loads = [n for k, n in watched.events if k == "load"]
    assert loads == [500, 500, 200]
    assert _first_write_before_last_load(watched)
    with Journal.open(big, PASS) as j:
        expected = escape_json(json.dumps([entry_to_json(e) for e in j.list_entries()],
                                          ensure_ascii=False, indent=2)) + "\n"
    assert watched.text.getvalue() == expected
    assert len(json.loads(watched.text.getvalue())) == 1200


def test_list_as_a_table_of_1200_entries_is_the_same_table_written_while_read(
        big: Path, watched: _Log, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    assert _run(watched, "--journal", str(big), "list") == 0
    assert _first_write_before_last_load(watched)
    assert max(n for k, n in watched.events if k == "load") == 500
    with Journal.open(big, PASS) as j:
        expected = entries_table(j.list_entries(), "zh")
    from journal.clitext import escape_controls

    assert watched.text.getvalue() == escape_controls(expected) + "\n"


def test_search_json_is_written_while_read_and_an_empty_one_is_an_empty_list(
        big: Path, watched: _Log) -> None:
    assert _run(watched, "--journal", str(big), "search", "港口", "--json") == 0
    assert _first_write_before_last_load(watched)
    assert len(json.loads(watched.text.getvalue())) == 1200
    nothing = _Log()
    assert _run(nothing, "--journal", str(big), "search", "军舰", "--json") == 0
    assert nothing.text.getvalue() == "[]\n"


def _tampered(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "tampered.ijournal"
    with Journal.create(path, PASS, kdf=FAST_PARAMS) as j:
        e = j.add_entry(EntryDraft(kind="note", summary="见面"))
        j.db.conn.execute("UPDATE entries SET recorded_at = '2020-01-01T00:00:00+00:00'"
                          " WHERE id = ?", (e.id,))  # a column the search index does not hold
    return path, e.id


def test_verify_in_chinese_names_the_changed_entry_in_chinese(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    path, entry_id = _tampered(tmp_path)
    monkeypatch.setenv("JOURNAL_PASSPHRASE", PASS)
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    assert main(["--journal", str(path), "verify"]) == 5
    err = capsys.readouterr().err
    assert f"完整性校验未通过。第一个问题：记录 {entry_id} 在本软件之外被改动过" in err
    assert "outside the app" not in err


def test_verify_json_keeps_the_english_problems_and_adds_their_codes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    path, entry_id = _tampered(tmp_path)
    monkeypatch.setenv("JOURNAL_PASSPHRASE", PASS)
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    assert main(["--journal", str(path), "verify", "--json"]) == 5
    data = json.loads(capsys.readouterr().out)
    assert data["problems"] == [f"entry {entry_id} was changed outside the app"]
    assert data["issues"] == [{"code": "object_changed",
                               "params": {"object_type": "entry", "object_id": entry_id}}]



def test_list_json_into_a_reader_that_stops_after_one_line_ends_quietly(big: Path) -> None:
    env = dict(os.environ, JOURNAL_PASSPHRASE=PASS)
    proc = subprocess.Popen([sys.executable, "-m", "journal.cli", "--journal", str(big), "list",
                             "--json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.readline() == b"[\n"
    proc.stdout.close()  # as `| head -1` does
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 0
    assert err == ""
