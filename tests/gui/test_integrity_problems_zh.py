"""Issue 17: Check integrity… in the Chinese window names the problem it found in Chinese (the
finding's code rendered by core/verifytext), not in English."""

from __future__ import annotations

from typing import Any

from journal.core.models import EntryDraft


def test_check_integrity_in_chinese_names_a_changed_entry_in_chinese(
        open_window: Any, journal: Any, gui_app: Any, qtbot: Any) -> None:
    from journal.gui import qtsetup
    from journal.gui.maintenance import IntegrityDialog

    qtsetup.install_translators(gui_app, "zh")
    e = journal.add_entry(EntryDraft(kind="note", summary="见面"))
    journal.db.conn.execute("UPDATE entries SET summary = '改过' WHERE id = ?", (e.id,))
    dlg = IntegrityDialog(journal, open_window)
    dlg.show()
    qtbot.waitUntil(lambda: dlg.result is not None, timeout=30000)
    assert dlg.title.text() == "完整性校验发现了问题"
    text = dlg.text.text()
    assert f"发现的第一个问题：记录 {e.id} 在本软件之外被改动过" in text
    assert "outside the app" not in text
