"""Promise: every acknowledged save survives kill -9; the file then opens and checks clean.

A child process changes the journal in a loop and prints each change after the store call has
returned. We SIGKILL it at random moments, then open the journal and check that everything it
acknowledged is there, that ``verify`` passes and that SQLite's own integrity check passes.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from journal.core.crypto import FAST_PARAMS
from journal.core.errors import WrongPassphraseError
from journal.core.store import Journal

PASS = "crash test passphrase 崩溃"
WORKER = Path(__file__).with_name("crash_worker.py")
KILLS = 32
BUDGET_S = 150.0  # about 20 s on an idle 2-core machine; generous for a loaded one


def _lines(raw: bytes) -> list[list[str]]:
    """Complete lines only: a line cut by the kill was never acknowledged."""
    text = raw.decode("utf-8", errors="replace")
    complete = text[: text.rfind("\n") + 1] if "\n" in text else ""
    return [line.split(" ") for line in complete.splitlines() if line]


def _check(path: Path, key: bytes, acks: list[list[str]], drafts: dict[int, int]) -> None:
    with Journal.open_with_key(path, key) as j:
        rows = j.db.conn.execute("PRAGMA integrity_check").fetchall()
        assert [tuple(r) for r in rows] == [("ok",)], rows
        result = j.verify()
        assert result.ok, result.problems
        for ack in acks:
            tag = ack[0]
            if tag == "ADD":
                entry = j.get_entry(ack[1])
                revs = {r.revision: r for r in j.history(ack[1])}
                assert revs[int(ack[2])].data["summary"] == ack[3]
                assert entry.recorded_at is not None
            elif tag == "EDIT":
                revs = {r.revision: r for r in j.history(ack[1])}
                assert int(ack[2]) in revs, f"acknowledged edit lost: {ack}"
                assert revs[int(ack[2])].data["summary"] == ack[3]
            elif tag in ("DEL", "RES"):
                revs = {r.revision: r for r in j.history(ack[1])}
                assert revs[int(ack[2])].action == {"DEL": "delete", "RES": "restore"}[tag]
            elif tag == "ATT":
                att = j.get_attachment(ack[2])
                assert att.entry_id == ack[1] and att.sha256 == ack[3]
                assert hashlib.sha256(j.attachment_data(ack[2])).hexdigest() == ack[3]
            elif tag == "PERSON":
                assert j.get_person(ack[1]).name == ack[2]
        for seed, n in drafts.items():
            draft = j.load_draft("editor:new")
            assert draft is not None and draft["seed"] == seed and draft["n"] >= n


@pytest.mark.slow
def test_acknowledged_changes_survive_sigkill(tmp_path: Path) -> None:
    path = tmp_path / "crash.ijournal"
    Journal.create(path, PASS, kdf=FAST_PARAMS).close()
    key = Journal.derive(path, PASS)
    rnd = random.Random(int(os.environ.get("CRASH_SEED", "7")))
    all_acks: list[list[str]] = []
    start = time.monotonic()
    kills = 0
    changes = 0
    env = dict(os.environ, PYTHONUNBUFFERED="1", CRASH_KEY=key.hex())
    while kills < KILLS:
        assert time.monotonic() - start < BUDGET_S, f"only {kills} kills within the time budget"
        seed = kills + 1
        child = subprocess.Popen([sys.executable, str(WORKER), str(path), str(seed)],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        # wait until the journal is open (so that most kills hit writes), then a random delay
        assert child.stdout is not None
        first = child.stdout.readline()
        if first != b"OPEN\n":
            child.kill()
            _, err = child.communicate()
            pytest.fail(f"worker did not start: {first!r} {err.decode(errors='replace')[-2000:]}")
        time.sleep(rnd.uniform(0.0, 0.3))
        os.kill(child.pid, signal.SIGKILL)
        out, _err = child.communicate(timeout=30)
        assert child.returncode == -signal.SIGKILL
        kills += 1
        acks = _lines(out)
        changes += len(acks)
        acked_drafts = [int(a[2]) for a in acks if a[0] == "DRAFT"]
        drafts = {seed: acked_drafts[-1]} if acked_drafts else {}
        # acknowledged changes of every earlier run must still be there too
        all_acks.extend(a for a in acks if a[0] != "DRAFT")
        _check(path, key, all_acks, drafts)
    assert changes > KILLS, f"the worker acknowledged only {changes} changes in {kills} runs"
    # no temporary or stray files left beside the journal but SQLite's own -wal/-shm
    names = {p.name for p in tmp_path.iterdir()}
    assert names <= {"crash.ijournal", "crash.ijournal-wal", "crash.ijournal-shm"}, names


REKEY_WORKER = Path(__file__).with_name("rekey_worker.py")
REKEY_PASSES = {"A": "rekey passphrase AAAA 甲", "B": "rekey passphrase BBBB 乙"}


@pytest.mark.slow
def test_interrupted_rekey_and_backup_leave_a_journal_one_passphrase_opens(tmp_path: Path) -> None:
    """DESIGN §3: an interrupted re-key leaves a file that one of the two passphrases opens; an
    interrupted backup leaves the journal and the finished backups intact."""
    path = tmp_path / "rk.ijournal"
    folder = tmp_path / "backups"
    Journal.create(path, REKEY_PASSES["A"], kdf=FAST_PARAMS).close()
    rnd = random.Random(11)
    current = "A"
    added: list[str] = []
    total_rekeys = 0
    backups_acked: list[Path] = []
    from journal.core import backup as backups

    for run in range(8):
        child = subprocess.Popen([sys.executable, str(REKEY_WORKER), str(path), str(folder), current],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert child.stdout is not None
        first = child.stdout.readline()
        assert first == b"OPEN\n", child.communicate()[1].decode(errors="replace")[-2000:]
        seen = b""
        if run == 0:  # the first run is killed after a re-key finished, however busy the machine
            while not seen.splitlines()[-1:] or not seen.splitlines()[-1].startswith(b"REKEY"):
                line = child.stdout.readline()
                assert line, child.communicate()[1].decode(errors="replace")[-2000:]
                seen += line
        time.sleep(rnd.uniform(0.1, 1.6))  # a re-key takes a few tenths of a second
        os.kill(child.pid, signal.SIGKILL)
        out, _ = child.communicate(timeout=30)
        out = seen + out
        acks = _lines(out)
        rekeys = [a[2] for a in acks if a[0] == "REKEY"]
        added += [a[1] for a in acks if a[0] == "ADD"]
        backups_acked += [Path(a[1]) for a in acks if a[0] == "BACKUP"]
        total_rekeys += len(rekeys)
        # the acknowledged passphrase opens it, or the next one if a re-key finished unacknowledged
        last = rekeys[-1] if rekeys else current
        opened = None
        for name in (last, "B" if last == "A" else "A"):
            try:
                opened = Journal.open(path, REKEY_PASSES[name])
            except WrongPassphraseError:
                continue
            current = name
            break
        assert opened is not None, "neither passphrase opens the journal"
        with opened as j:
            assert j.verify().ok
            rows = j.db.conn.execute("PRAGMA integrity_check").fetchall()
            assert [tuple(r) for r in rows] == [("ok",)]
            for eid in added:
                j.get_entry(eid)
        # the newest acknowledged backups are whole and open with one of the passphrases
        kept = set(backups.list_backups(folder, "rk"))
        for b in [b for b in backups_acked if b in kept][-2:]:
            for secret in REKEY_PASSES.values():
                try:
                    with Journal.open(b, secret) as bj:
                        assert bj.verify().ok
                    break
                except WrongPassphraseError:
                    continue
            else:
                pytest.fail(f"backup {b.name} opens with neither passphrase")
    assert total_rekeys > 0, "no re-key finished: the kills came too early to test anything"
    # leftovers of an interrupted copy are temporary files, never taken for a backup or journal
    for stray in list(tmp_path.glob(".*.tmp")) + list(folder.glob(".*.tmp")):
        assert stray not in backups.list_backups(folder)
