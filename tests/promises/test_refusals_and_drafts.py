"""Promises: a malformed import or an oversized attachment is refused with a clear message and
nothing in the journal is lost or half-written; a half-typed entry survives a crash (kill -9) as
an encrypted draft that the editor offers back."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from journal.cli import main
from journal.core.crypto import FAST_PARAMS
from journal.core.store import MAX_ATTACHMENT_BYTES, Journal

from .conftest import PASS, fill


def _state(path: Path) -> tuple[bytes, str, int, int]:
    with Journal.open(path, PASS) as j:
        head, count = j.head_hash(), j.count_entries(include_deleted=True)
        persons = len(j.list_persons())
    return path.read_bytes(), head, count, persons


@pytest.mark.usefixtures("cached_derive")
def test_refused_inputs_change_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "j.ijournal"
    with Journal.create(path, PASS, kdf=FAST_PARAMS) as j:
        ids = fill(j)
    monkeypatch.setenv("JOURNAL_PASSPHRASE", PASS)
    big = tmp_path / "huge video.mp4"
    with open(big, "wb") as fh:  # sparse: 1 byte over the limit, no disk used
        fh.truncate(MAX_ATTACHMENT_BYTES + 1)
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    bad_tg = tmp_path / "result.json"
    bad_tg.write_text('{"name": "x", "messages": [{"id": 1, "date": ', encoding="utf-8")
    bad_wa = tmp_path / "chat.txt"
    bad_wa.write_bytes(os.urandom(4000))
    bad_csv = tmp_path / "chat.csv"
    bad_csv.write_text("no,header,we,know\n1,2,3,4\n", encoding="utf-8")
    not_there = tmp_path / "missing.json"
    before = _state(path)
    refused = [
        ["add", "note", "--summary", "with a huge file", "--person", "New Person 新人",
         "--attach", str(tmp_path / "ok.txt"), "--attach", str(big)],
        ["add", "note", "--summary", "with an empty file", "--attach", str(empty)],
        ["edit", ids["note"], "--summary", "edited", "--attach", str(big)],
        ["import", "telegram", str(bad_tg)],
        ["import", "whatsapp", str(bad_wa)],
        ["import", "csv", str(bad_csv)],
        ["import", "telegram", str(not_there)],
        ["add", "payment", "--summary", "bad money", "--amount", "12,3.4.5"],
        ["add", "payment", "--summary", "bad currency", "--amount", "5", "--currency", "XYZ"],
        ["add", "note", "--summary", "bad date", "--when", "2024-02-30"],
        ["person", "add", "Bad Handle", "--handle", "pager:123"],
    ]
    (tmp_path / "ok.txt").write_text("fine\n", encoding="utf-8")
    for args in refused:
        code = main(["--journal", str(path), *args])
        err = capsys.readouterr().err
        assert code == 1, (args, err)
        assert err.strip() and "Traceback" not in err, args
        assert _state(path) == before, f"{args[0]} {args[1]} changed the journal"
    code = main(["--journal", str(path), "add", "note", "--summary", "with a huge file",
                 "--attach", str(big)])
    assert code == 1 and "200" in capsys.readouterr().err  # says what the limit is


DRAFT_CHILD = textwrap.dedent("""
    import os, signal, sys, time
    from journal.core.store import Journal
    from journal.gui.app import create_application
    from journal.gui.editor.dialog import EntryEditorDialog
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = create_application(["journal"])
    j = Journal.open(sys.argv[1], sys.argv[2])
    EntryEditorDialog.DRAFT_INTERVAL_MS = 150
    dlg = EntryEditorDialog(j, None, kind="request")
    dlg.show()
    QTest.keyClicks(dlg.summary, "Asked me to photograph ")
    ev = QInputMethodEvent()
    ev.setCommitString("军舰")
    QApplication.sendEvent(dlg.summary, ev)
    QTest.keyClicks(dlg.task, "photos of the port")
    end = time.monotonic() + 20
    while time.monotonic() < end and not j.list_drafts():
        app.processEvents()
        time.sleep(0.02)
    print("DRAFTED" if j.list_drafts() else "NO DRAFT", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)  # a crash: nothing is closed or flushed
""")


@pytest.mark.slow
def test_half_typed_entry_survives_a_crash(tmp_path: Path, qapp: Any, qtbot: Any) -> None:
    path = tmp_path / "j.ijournal"
    Journal.create(path, PASS, kdf=FAST_PARAMS).close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", DRAFT_CHILD, str(path), PASS], check=False,
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == -signal.SIGKILL, result.stderr[-3000:]
    assert "DRAFTED" in result.stdout, result.stderr[-3000:]
    # the draft is inside the encrypted journal, not in any file beside it
    assert b"photograph" not in path.read_bytes()
    from journal.gui.editor.dialog import EntryEditorDialog, pending_drafts

    with Journal.open(path, PASS) as j:
        drafts = pending_drafts(j)
        assert len(drafts) == 1 and drafts[0]["summary"] == "Asked me to photograph 军舰"
        dlg = EntryEditorDialog.from_draft(j, drafts[0]["key"])
        qtbot.addWidget(dlg)
        assert dlg.summary.text() == "Asked me to photograph 军舰"
        assert dlg.current_kind() == "request" and dlg.task.text() == "photos of the port"
        assert dlg.save()
        entry = j.get_entry(dlg.saved_entry_id)
        assert entry.summary == "Asked me to photograph 军舰" and entry.task == "photos of the port"
        assert pending_drafts(j) == [] and j.verify().ok
