"""A whole user session, run by test_no_plaintext.py in a fresh process.

The process's HOME, XDG dirs and TMPDIR point into a temporary tree (set by the test). Under an
audit hook that records every socket event, it types marker strings into the journal through the
command line and through the window (entry editor, people editor, an unsaved draft), attaches
files holding markers, imports a chat, exports a password-protected PDF, locks and quits.
Prints one line ``RESULT <json>`` at the end.

Run as: python session_script.py MARKERS_JSON INPUTS_DIR PDF_OUT
"""

from __future__ import annotations

import sys

SOCKET_EVENTS = ("socket.__new__", "socket.connect", "socket.getaddrinfo", "socket.gethostbyname",
                 "socket.gethostbyaddr", "socket.bind", "socket.sendto", "socket.sendmsg")
events: list[str] = []
writes: list[str] = []  # every file Python code opened for writing, even if deleted afterwards
_WRITE_FLAGS = 0o1 | 0o2 | 0o100  # O_WRONLY | O_RDWR | O_CREAT (Linux)


def _hook(event: str, args: tuple[object, ...]) -> None:
    if event in SOCKET_EVENTS:
        events.append(f"{event} {args!r}"[:300])
    elif event == "open" and args and isinstance(args[0], (str, bytes)):
        mode, flags = (args + (None, None))[1:3]
        writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
            isinstance(flags, int) and flags & _WRITE_FLAGS)
        if writing:
            path = args[0].decode("utf-8", "replace") if isinstance(args[0], bytes) else args[0]
            if path not in writes:
                writes.append(path)


sys.addaudithook(_hook)  # first thing: nothing below may open a socket unseen

import functools
import json
import os
import time
from pathlib import Path


def wait_until(app, condition, timeout: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError("the window did not get there in time")
        app.processEvents()
        time.sleep(0.01)


def type_text(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type like a user: Latin through key presses, Chinese through the input method."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    widget.setFocus()
    chunk = ""
    for ch in text + "\0":
        if ch != "\0" and ch.isascii() == (chunk[:1].isascii() if chunk else ch.isascii()):
            chunk += ch
            continue
        if chunk:
            if chunk.isascii():
                QTest.keyClicks(widget, chunk)
            else:
                event = QInputMethodEvent()
                event.setCommitString(chunk)
                QApplication.sendEvent(widget, event)
        chunk = ch if ch != "\0" else ""


def cli(*args: str) -> int:
    from journal.cli import main

    code = main(list(args))
    if code != 0:
        raise SystemExit(f"journal-cli {args[0]} exited {code}")
    return code


def main() -> None:
    markers: dict[str, str] = json.loads(sys.argv[1])
    inputs = Path(sys.argv[2])
    pdf_out = Path(sys.argv[3])
    gui_pdf = pdf_out.with_name("report-from-window.pdf")
    passphrase = os.environ["JOURNAL_PASSPHRASE"]

    from journal.core import crypto, paths

    # Argon2id is a pure function: remember results in memory so the many openings stay fast
    crypto.derive_key = functools.lru_cache(maxsize=8)(crypto.derive_key)  # type: ignore[assignment]
    from journal.core.crypto import FAST_PARAMS
    from journal.core.store import Journal

    path = paths.default_journal_path()
    paths.ensure_private_dir(path.parent)
    Journal.create(path, passphrase, kdf=FAST_PARAMS).close()

    # ---------------------------------------------------------------- the command line
    m = markers
    cli("person", "add", m["cli_person"], "--alias", m["cli_alias"], "--role", m["cli_role"],
        "--organisation", m["cli_org"], "--handle", f"wechat:{m['cli_handle']}",
        "--handle", f"phone:{m['cli_phone']}", "--notes", m["cli_notes"])
    cli("add", "request", "--summary", m["cli_summary"], "--details", m["cli_details"],
        "--person", m["cli_person"], "--task", m["cli_task"], "--target", m["cli_target"],
        "--amount", "500", "--tag", m["cli_tag"], "--attach", str(inputs / "evidence.txt"),
        "--attach", str(inputs / "screenshot.png"), "--when", "2024-03-05 14:30")
    cli("add", "payment", "--summary", m["cli_payment"], "--amount", "1200", "--currency", "CNY",
        "--method", "wechat", "--direction", "received", "--person", m["cli_person"])
    with Journal.open(path, passphrase) as j:
        eid = j.search(m["cli_summary"])[0]
    cli("edit", eid, "--details", m["cli_edit"], "--location", m["cli_location"])
    cli("search", m["cli_summary"])
    cli("show", eid, "--history", "--json")
    cli("list", "--json")
    cli("signs")
    cli("signs", "dismiss", "WS-UNUSUAL-PAYMENT", "--reason", m["cli_dismiss"])
    cli("verify")
    cli("import", "csv", str(inputs / "chat.csv"), "--tz", "Asia/Shanghai")
    cli("import", "whatsapp", str(inputs / "chat.txt"), "--me", "Me", "--tz", "Asia/Shanghai")
    cli("--passphrase-file", str(inputs / "passphrase.txt"), "export", "pdf", str(pdf_out),
        "--lang", "zh", "--password-file", str(inputs / "pdf-password.txt"))
    cli("backup", str(paths.data_dir() / "manual-copy.ijbackup"))
    cli("delete", eid)
    cli("restore", eid)

    # ---------------------------------------------------------------- the window
    from journal.gui.app import create_application, setup_logging

    setup_logging()
    app = create_application(["journal"])
    from journal.core import settings as settings_mod
    from journal.gui import dialogs
    from journal.gui.main_window import MainWindow

    settings = settings_mod.load()
    settings.language = "zh"
    settings.first_run_done = True
    settings_mod.save(settings)
    window = MainWindow(settings=settings, kdf=FAST_PARAMS, journal_path=path)
    window.offer_drafts_on_unlock = False
    window.show()
    app.processEvents()

    def unlock() -> None:
        page = window.welcome.unlock
        type_text(page.passphrase, passphrase)
        page.submit.click()
        wait_until(app, lambda: window.journal is not None)

    unlock()
    j = window.journal
    from journal.gui.editor.dialog import EntryEditorDialog

    dlg = EntryEditorDialog(j, window, kind="meeting")
    dlg.show()
    type_text(dlg.summary, m["gui_summary"])
    type_text(dlg.details, m["gui_details"])
    type_text(dlg.location, m["gui_location"])
    type_text(dlg.persons.name_edit, m["gui_person"])
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    QTest.keyClick(dlg.persons.name_edit, Qt.Key.Key_Return)
    dlg.strip.add_bytes((inputs / "screenshot.png").read_bytes(), "gui-shot.png")
    dlg.strip.add_bytes(m["gui_attachment"].encode("utf-8"), "gui-note.txt")
    dlg._autosave()  # the draft timer, as after 3 s of typing (the draft lives in the journal)
    assert dlg.save(), "the editor did not save"
    gui_entry = dlg.saved_entry_id

    from journal.gui.people.editor import PersonEditorDialog

    pdlg = PersonEditorDialog(j, window)
    pdlg.show()
    type_text(pdlg.name, m["gui_pname"])
    type_text(pdlg.aliases, m["gui_palias"])
    type_text(pdlg.notes, m["gui_pnotes"])
    pdlg.handles.add_row("wechat", m["gui_phandle"])
    assert pdlg.save(), "the person editor did not save"

    # search through the window, look at the entry, copy its text
    window.show_view("timeline")
    window.focus_search()
    focused = app.focusWidget()
    if focused is not None and hasattr(focused, "setText"):
        type_text(focused, m["gui_summary"][:12])
        QTest.keyClick(focused, Qt.Key.Key_Return)
    app.processEvents()
    window.show_entry(gui_entry)
    from journal.gui.shell.views import VIEWS

    for key in [spec.key for spec in VIEWS]:  # every section, each built on its first visit
        window.show_view(key)
        app.processEvents()
    window.clipboard_guard.copy_text(m["gui_clipboard"])

    # import a chat through the window (parsing and importing run off the UI thread)
    from journal.gui.importer.dialog import ImportDialog

    imp = ImportDialog(j, window)
    imp.show()
    imp.load(inputs / "chat-gui.csv", kind="csv")
    wait_until(app, lambda: imp.parsed is not None)
    imp.start_import()
    wait_until(app, lambda: imp.result is not None and not imp.busy())
    imp.close()
    app.processEvents()

    # a password-protected PDF through the report page
    report_view = window.view("report")  # built on its first visit
    window.show_view("report")
    app.processEvents()
    type_text(report_view.prepared_edit, m["gui_prepared"])
    report_view.password_check.setChecked(True)
    type_text(report_view.password_edit, "gui pdf password 99")
    type_text(report_view.password_again, "gui pdf password 99")
    dialogs.set_next_file(str(gui_pdf))
    report_view.export_pdf()
    wait_until(app, lambda: not report_view.is_busy() and report_view.last_path is not None)
    report_view.copy_summary()

    # a half-typed entry when the journal locks: kept as an encrypted draft
    draft = EntryEditorDialog(j, window, kind="note")
    draft.show()
    type_text(draft.summary, m["gui_draft"])
    window.lock()
    app.processEvents()
    assert window.journal is None
    unlock()
    assert any(m["gui_draft"] in json.dumps(window.journal.load_draft(k), ensure_ascii=False)
               for k, _ in window.journal.list_drafts()), "the draft was not kept"
    # quit (Ctrl+Q): locks, backs up if set so, closes
    dialogs.reset()
    window.close()
    app.processEvents()
    app.quit()

    socket_fds = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:"):
            socket_fds.append(target)
    print("RESULT " + json.dumps({"events": events, "socket_fds": socket_fds, "writes": writes,
                                  "journal": str(path), "gui_pdf": str(gui_pdf),
                                  "backup_dir": str(settings.effective_backup_dir())}), flush=True)


if __name__ == "__main__":
    main()
