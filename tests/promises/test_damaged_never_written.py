"""Promise: a damaged journal is never written. The page HMACs are checked before the first write
after opening; a page that fails refuses every write (exit 4, the file byte for byte as it was),
while reading still works so that the person can export what is left."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from journal.cli import main
from journal.core.crypto import FAST_PARAMS
from journal.core.errors import NotAJournalError
from journal.core.models import EntryDraft
from journal.core.store import Journal

from .conftest import PASS

DAMAGED = {"en": "The journal file is damaged", "zh": "日志文件已损坏"}


def _make_damaged(path: Path) -> tuple[bytes, str]:
    """A journal of some pages, closed cleanly, then one byte flipped in a page in the middle
    (page 1 intact, so the passphrase is accepted and the file opens)."""
    with Journal.create(path, PASS, kdf=FAST_PARAMS) as j:
        for i in range(150):
            j.add_entry(EntryDraft(kind="note", summary=f"note {i}", details="细节 details " * 60))
        entry_id = j.list_entries(limit=1)[0].id
    data = bytearray(path.read_bytes())
    pages = len(data) // 4096
    assert pages > 20
    data[4096 * (pages // 2) + 1234] ^= 0x55
    path.write_bytes(bytes(data))
    return bytes(data), entry_id


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_write_to_a_damaged_journal_is_refused_with_exit_4_and_reading_still_works(
        tmp_path: Path, lang: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8" if lang == "zh" else "en_US.UTF-8")
    monkeypatch.setenv("JOURNAL_PASSPHRASE", PASS)
    monkeypatch.setenv("JOURNAL_NEW_PASSPHRASE", "a brand new passphrase 新密码 7")
    path = tmp_path / "d.ijournal"
    damaged, entry_id = _make_damaged(path)
    attach = tmp_path / "a.txt"
    attach.write_text("evidence", encoding="utf-8")
    csv = tmp_path / "chat.csv"
    csv.write_text("time,sender,text\n2024-03-05 10:00,Zhang,hello\n", encoding="utf-8")
    for args in (["add", "note", "--summary", "must not land", "--attach", str(attach)],
                 ["edit", entry_id, "--summary", "changed"], ["delete", entry_id],
                 ["person", "add", "Someone"], ["import", "csv", str(csv)], ["rekey"]):
        assert main(["--journal", str(path), *args]) == 4, args
        err = capsys.readouterr().err
        assert DAMAGED[lang] in err, (args, err)
        assert path.read_bytes() == damaged, args
    # reading still works: what is left can be listed and exported
    assert main(["--journal", str(path), "list", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 150
    assert main(["--journal", str(path), "export", "text", str(tmp_path / "left.txt")]) == 0
    assert path.read_bytes() == damaged
    assert hashlib.sha256(path.read_bytes()).hexdigest() == hashlib.sha256(damaged).hexdigest()


def test_the_check_runs_in_the_background_and_a_write_waits_for_it(tmp_path: Path) -> None:
    path = tmp_path / "d.ijournal"
    damaged, _ = _make_damaged(path)
    with Journal.open(path, PASS) as j:
        assert j.writable  # not known yet: the check has not run
        j.start_precheck()
        with pytest.raises(NotAJournalError) as info:  # waits for the check, then refuses
            j.add_entry(EntryDraft(kind="note", summary="must not land"))
        assert info.value.key == "error.damaged"
        assert not j.writable and j.read_only_reason == "damaged"
        assert j.precheck_ms is not None
        assert j.count_entries() == 150  # reading goes on
    assert path.read_bytes() == damaged


def test_an_intact_journal_passes_the_check_and_accepts_writes(tmp_path: Path) -> None:
    path = tmp_path / "ok.ijournal"
    with Journal.create(path, PASS, kdf=FAST_PARAMS) as j:
        for i in range(50):
            j.add_entry(EntryDraft(kind="note", summary=f"note {i}", details="x" * 800))
    with Journal.open(path, PASS) as j:
        assert j.wait_precheck(timeout=60)
        assert j.writable and j.read_only_reason == ""
        j.add_entry(EntryDraft(kind="note", summary="lands"))
    with Journal.open(path, PASS) as j:
        assert j.search("lands")
