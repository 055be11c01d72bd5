"""Promise: a wrong passphrase, a hundred times over, changes nothing: not the journal file, not
its -wal or -shm, and no other file appears beside it."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from journal.cli import main
from journal.core.crypto import FAST_PARAMS
from journal.core.errors import WrongPassphraseError
from journal.core.store import Journal

from .conftest import PASS, fill

SIDE = ("", "-wal", "-shm")


def _snapshot(path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(path.parent.iterdir())}


def _leave_wal(path: Path) -> None:
    """Write in a child that exits without closing (as after a crash): -wal and -shm stay."""
    script = textwrap.dedent(f"""
        import os
        from journal.core.models import EntryDraft
        from journal.core.store import Journal
        j = Journal.open({str(path)!r}, {PASS!r})
        for i in range(20):
            j.add_entry(EntryDraft(kind="note", summary=f"not yet checkpointed {{i}}"))
        os._exit(0)
    """)
    subprocess.run([sys.executable, "-c", script], check=True, timeout=120)


@pytest.mark.parametrize("with_wal", [False, True], ids=["closed", "with-wal"])
def test_hundred_wrong_passphrases_change_nothing(tmp_path: Path, with_wal: bool,
                                                  capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "j.ijournal"
    with Journal.create(path, PASS, kdf=FAST_PARAMS) as j:
        fill(j, n_notes=30)
    if with_wal:
        _leave_wal(path)
        assert Path(str(path) + "-wal").stat().st_size > 0
    before = _snapshot(path)
    attempts = 0
    # the whole path a user takes: Argon2id from a wrong passphrase, then the key check
    for wrong in ("", "wrong", PASS + " ", PASS.upper(), "promise passphrase 承诺 43",
                  "promise passphrase 承諾 42", "\x00" + PASS, PASS[:-1], "密码" * 50):
        with pytest.raises(WrongPassphraseError):
            Journal.open(path, wrong)
        attempts += 1
    # through the command line (exit 3, a clear message)
    for wrong in ("not it at all", "promise passphrase"):
        monkeypatch.setenv("JOURNAL_PASSPHRASE", wrong)
        for args in (["list"], ["add", "note", "--summary", "x"], ["verify"]):
            assert main(["--journal", str(path), *args]) == 3
            err = capsys.readouterr().err
            assert "passphrase" in err.lower() or "口令" in err or "密码" in err, err
            attempts += 1
    # the rest with random wrong keys: what Argon2id of any other passphrase gives (skipping the
    # deliberately slow derivation keeps this test fast)
    while attempts < 100:
        with pytest.raises(WrongPassphraseError):
            Journal.open_with_key(path, os.urandom(32))
        attempts += 1
    assert _snapshot(path) == before
    # and the right passphrase still opens it, with everything there
    with Journal.open(path, PASS) as j:
        assert j.verify().ok
        assert j.count_entries() >= 38
