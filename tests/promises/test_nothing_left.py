"""Promise (issue 12, nothing leaked): after lock, nothing to find — no core dumps, no secret
left on the clipboard or in the X11 selection, no desktop "recently used" list, no list of
messages shown; and the command line never lets journal text drive the terminal."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from journal.core.crypto import FAST_PARAMS
from journal.core.models import EntryDraft
from journal.core.store import Journal

from .conftest import PASS

CLI = str(Path(sys.executable).parent / "journal-cli")
CST = timezone(timedelta(hours=8))

_PROBE = """
import resource, sys
from journal.core.hardening import is_dumpable
soft, hard = resource.getrlimit(resource.RLIMIT_CORE)
resource.setrlimit(resource.RLIMIT_CORE, (hard, hard))  # as a system that allows core files
from {module} import main
try:
    main(["--version"])
except SystemExit:
    pass
print(resource.getrlimit(resource.RLIMIT_CORE)[0], is_dumpable())
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux's")
@pytest.mark.parametrize("module", ["journal.cli", "journal.gui.app"])
def test_cli_and_window_start_without_core_dumps_and_not_dumpable(module: str) -> None:
    out = subprocess.run([sys.executable, "-c", _PROBE.format(module=module)], check=True,
                         capture_output=True, text=True, timeout=120,
                         env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert out.stdout.split()[-2:] == ["0", "False"], out.stdout


def test_hardening_never_fails_where_a_call_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    from journal.core import hardening

    monkeypatch.setattr(hardening.sys, "platform", "win32")  # no prctl, as on Windows
    assert "not-dumpable" not in hardening.harden_process()
    assert hardening.is_dumpable() is None


def test_copied_text_is_marked_secret_for_clipboard_managers(qapp: Any) -> None:
    from journal.gui.lock import SECRET_HINT, ClipboardGuard

    guard = ClipboardGuard(seconds=0)
    guard.copy_text("小敏的微信 xm_harbour2024")
    mime = qapp.clipboard().mimeData()
    assert mime.text() == "小敏的微信 xm_harbour2024"
    assert bytes(mime.data(SECRET_HINT)) == b"secret"
    guard.clear_on_lock()
    assert qapp.clipboard().text() == ""


def test_a_copy_made_in_one_of_our_text_fields_is_marked_secret(qapp: Any, qtbot: Any) -> None:
    from PySide6.QtWidgets import QLineEdit

    from journal.gui.lock import SECRET_HINT, ClipboardGuard

    guard = ClipboardGuard(seconds=0)
    field = QLineEdit("小敏 xm_harbour2024")
    qtbot.addWidget(field)
    field.show()
    field.activateWindow()
    field.setFocus()
    qtbot.waitUntil(lambda: qapp.focusWindow() is not None)
    field.selectAll()
    field.copy()  # what Ctrl+C does
    qtbot.waitUntil(lambda: qapp.clipboard().mimeData().hasFormat(SECRET_HINT))
    assert qapp.clipboard().text() == "小敏 xm_harbour2024"
    guard.clear_on_lock()
    assert qapp.clipboard().text() == ""


_COPY_AND_EXIT = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
import journal.gui
from PySide6.QtWidgets import QApplication
from journal.gui.lock import ClipboardGuard
app = QApplication([])
guard = ClipboardGuard(0)
guard.copy_text("copied and left there")
print(app.clipboard().text())
"""


def test_the_app_ends_cleanly_with_marked_text_still_on_the_clipboard() -> None:
    # PySide6 crashes at shutdown while a QMimeData made in Python is on the clipboard; the
    # guard takes its secret copy off the clipboard at exit.
    out = subprocess.run([sys.executable, "-c", _COPY_AND_EXIT], check=False,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, (out.returncode, out.stderr[-2000:])
    assert out.stdout.strip() == "copied and left there"


class _X11Clipboard:
    """The parts of QClipboard the guard uses, as on X11 where there is a primary selection
    (the offscreen platform has none)."""

    def __init__(self, owns: bool) -> None:
        from PySide6.QtGui import QClipboard

        self.modes = QClipboard.Mode
        self.owns = owns
        self.texts = {self.modes.Clipboard: "", self.modes.Selection: "selected 秘密 text"}

    def supportsSelection(self) -> bool:
        return True

    def ownsSelection(self) -> bool:
        return self.owns

    def text(self, mode: Any = None) -> str:
        return self.texts[mode or self.modes.Clipboard]

    def clear(self, mode: Any = None) -> None:
        self.texts[mode or self.modes.Clipboard] = ""


@pytest.mark.parametrize("owns", [True, False])
def test_lock_clears_the_primary_selection_this_app_owns(qapp: Any, owns: bool) -> None:
    from journal.gui.lock import ClipboardGuard

    guard = ClipboardGuard(seconds=0)
    x11 = _X11Clipboard(owns)
    guard._clipboard = x11  # type: ignore[assignment]
    guard.clear_on_lock()
    # text selected in our window is gone; another program's selection is left alone
    assert x11.texts[x11.modes.Selection] == ("" if owns else "selected 秘密 text")


def test_file_dialogs_are_qt_own_and_remember_nothing(qapp: Any, qtbot: Any,
                                                      tmp_path: Path) -> None:
    from PySide6.QtCore import QDir, QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog

    from journal.gui import dialogs

    seen: dict[str, Any] = {}

    def answer() -> None:
        dlg = QApplication.activeModalWidget()
        assert isinstance(dlg, QFileDialog)
        seen["native"] = not dlg.testOption(QFileDialog.Option.DontUseNativeDialog)
        seen["dialog"] = dlg
        dlg.reject()

    for run in (lambda: dialogs.open_file(None, "Attach", directory=str(tmp_path)),
                lambda: dialogs.open_files(None, "Attach", directory=str(tmp_path)),
                lambda: dialogs.save_file(None, "Save", str(tmp_path / "report.pdf")),
                lambda: dialogs.choose_directory(None, "Folder", str(tmp_path))):
        QTimer.singleShot(0, answer)
        assert not run()
        assert seen.pop("native") is False
        dlg = seen.pop("dialog")
        # what Qt saves of it (history, last folder) is the home folder, nothing chosen
        home = QDir.homePath()
        assert dlg.history() == [home] and dlg.directory().absolutePath() == home


def test_dialogs_keep_no_message_text(qapp: Any) -> None:
    from journal.gui import dialogs

    dialogs.observe(None)
    dialogs.set_next_answer(None)
    dialogs.inform(None, "Journal", "小敏 asked for photos of ship 42")
    dialogs.set_next_answer(False)
    dialogs.ask(None, "Journal", "Delete the entry about ship 42?")
    kept = repr({k: v for k, v in vars(dialogs).items() if not k.startswith("__")})
    assert "ship 42" not in kept


def _cli(path: Path, *args: str) -> str:
    env = dict(os.environ, JOURNAL_PASSPHRASE=PASS)
    result = subprocess.run([CLI, "--journal", str(path), *args], check=False,
                            capture_output=True, text=True, env=env, timeout=120,
                            stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stderr
    return result.stdout


HOSTILE = ("invoice \u202eexe.txt", "\x1b[2J\x1b]0;pwned\x07 cleared", "Min\u2066x\u2069",
           "bell\x85next", "arabic\u061cmark \u200fRTL")
RAW = ["\u202e", "\x1b", "\x07", "\u2066", "\u2069", "\x85", "\u061c", "\u200f"]


def test_cli_shows_control_and_direction_characters_escaped(tmp_path: Path) -> None:
    path = tmp_path / "j.ijournal"
    with Journal.create(path, PASS, kdf=FAST_PARAMS) as j:
        p = j.add_person(HOSTILE[2])
        e = j.add_entry(EntryDraft(kind="note", summary="ship " + HOSTILE[0],
                                   details="\n".join(HOSTILE) + "\n\tindented",
                                   persons=[p.id], tags=[HOSTILE[3]],
                                   occurred_at=datetime(2024, 3, 5, tzinfo=CST),
                                   precision="day"))
    outputs = {
        "list": _cli(path, "list"),
        "show": _cli(path, "show", e.id),
        "search": _cli(path, "search", "ship"),
        "person list": _cli(path, "person", "list"),
    }
    for name, out in outputs.items():
        for ch in RAW:
            assert ch not in out, (name, repr(ch))
    assert "invoice \\u202eexe.txt" in outputs["list"]
    assert "Min\\u2066x\\u2069" in outputs["person list"]
    show = outputs["show"]
    assert "\\x1b[2J\\x1b]0;pwned\\x07 cleared" in show
    assert "\n    \tindented" in show  # line ends and tabs are kept as they are
    # JSON: the same characters as \u escapes, decoding to the exact text
    for args in (("list", "--json"), ("show", e.id, "--json"), ("search", "ship", "--json")):
        raw = _cli(path, *args)
        for ch in RAW:
            assert ch not in raw, (args, repr(ch))
        data = json.loads(raw)
        first = data[0] if isinstance(data, list) else data
        assert first["summary"] == "ship " + HOSTILE[0]
