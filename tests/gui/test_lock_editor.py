"""Locking with the entry editor open: the half-typed entry survives as an encrypted draft and
is offered back after unlocking."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt


def test_lock_with_editor_open_keeps_a_draft_and_offers_it(open_window: Any, journal: Any,
                                                           qtbot: Any, passphrase: str) -> None:
    from journal.gui import dialogs
    from journal.gui.editor.dialog import EntryEditorDialog, pending_drafts

    window = open_window
    editor = EntryEditorDialog(journal, window, kind="note")
    editor.show()
    qtbot.keyClicks(editor.summary, "half typed note about the port")
    assert editor.isVisible()
    window.lock()
    assert not editor.isVisible()
    assert journal.closed
    assert editor.summary.text() == ""  # typed text dropped from the widget

    unlock = window.welcome.unlock
    unlock.passphrase.setText(passphrase)
    window.offer_drafts_on_unlock = True
    dialogs.set_next_answer(False)  # "continue writing now?" → not now
    qtbot.mouseClick(unlock.submit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.journal is not None, timeout=20000)
    qtbot.waitUntil(lambda: any(k == "question" for k, _ in dialogs.shown), timeout=3000)
    question = [t for k, t in dialogs.shown if k == "question"][-1]
    assert "half typed note about the port" in question
    assert len(pending_drafts(window.journal)) == 1  # kept for next time
    window.lock()


def test_editor_opened_from_the_timeline_closes_on_auto_lock(open_window: Any, journal: Any,
                                                             qtbot: Any) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from journal.gui.editor.dialog import EntryEditorDialog, pending_drafts

    window = open_window
    window.idle.set_timeout_ms(2000)
    seen: list[bool] = []

    def type_then_wait() -> None:
        editors = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, EntryEditorDialog) and w.isVisible()]
        seen.append(bool(editors))
        if editors:
            editors[0].summary.setText("typed before the auto-lock")
            editors[0]._changed()

    QTimer.singleShot(300, type_then_wait)
    window.new_entry("request")  # modal: returns when the auto-lock closes it
    assert seen == [True]
    assert window.journal is None
    assert journal.closed
    from journal.core.store import Journal

    reopened = Journal.open(journal.path, "correct horse 电池 staple")
    try:
        drafts = pending_drafts(reopened)
        assert [d["summary"] for d in drafts] == ["typed before the auto-lock"]
    finally:
        reopened.close()
