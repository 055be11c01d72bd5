"""Locking: on demand, after idle time, on quit; clipboard clearing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import add_sample
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QDialog, QWidget

SECRETS = ("Xiao Min", "小敏", "yacht", "军港", "张总", "12339 hotline with my teacher", "手机、电动车")
# every getter of a widget that may hold text a user typed or the journal holds
_TEXT_GETTERS = ("text", "toPlainText", "toHtml", "windowTitle", "toolTip", "statusTip",
                 "whatsThis", "placeholderText", "accessibleName", "accessibleDescription",
                 "currentText", "title", "labelText", "windowIconText")


def _has_children(model: Any, index: QModelIndex) -> bool:
    try:
        return bool(model.hasChildren(index))
    except TypeError:  # flat models of the item widgets hide hasChildren: no children
        return False


def _model_texts(view: QAbstractItemView, parent: QModelIndex | None = None) -> list[str]:
    model = view.model()
    if model is None:
        return []
    parent = parent if parent is not None else QModelIndex()
    out: list[str] = []
    try:
        columns = model.columnCount(parent)
    except TypeError:  # a flat list model (QListWidget's) hides columnCount
        columns = 1
    for row in range(min(model.rowCount(parent), 5000)):
        for col in range(columns):
            index = model.index(row, col, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                         Qt.ItemDataRole.AccessibleTextRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    out.append(value)
        if _has_children(model, model.index(row, 0, parent)):
            out.extend(_model_texts(view, model.index(row, 0, parent)))
    return out


def widget_texts(widget: QWidget) -> list[str]:
    """Every text a widget holds: its own properties, combo box items, item-view models."""
    out: list[str] = []
    for name in _TEXT_GETTERS:
        getter = getattr(widget, name, None)
        if not callable(getter):
            continue
        try:
            value = getter()
        except TypeError:  # a getter of that name that needs arguments (not a text property)
            continue
        if isinstance(value, str):
            out.append(value)
    if isinstance(widget, QComboBox):
        out.extend(widget.itemText(i) for i in range(widget.count()))
    if isinstance(widget, QAbstractItemView):
        out.extend(_model_texts(widget))
    return out


def decrypted_text_left() -> list[tuple[str, str]]:
    """(widget class and name, secret) for every secret found in any live widget, top-level and
    parentless ones included."""
    found = []
    for widget in QApplication.allWidgets():
        texts = "\n".join(widget_texts(widget))
        for secret in SECRETS:
            if secret in texts:
                chain = []
                w = widget
                while w is not None:  # the widget and its parents, for the failure message
                    chain.append(f"{type(w).__name__}#{w.objectName()}")
                    w = w.parentWidget()
                found.append(("/".join(chain), secret))
    return found


def _assert_locked(window: Any, journal: Any, timeline: Any) -> None:
    assert window.journal is None
    assert journal.closed
    assert timeline.model.rowCount() == 0
    assert timeline.model.cached_pages() == []
    assert timeline.detail.is_empty()
    assert timeline.detail.labels_text() == [] or all(
        "Xiao Min" not in t and "yacht" not in t for t in timeline.detail.labels_text())
    assert timeline.person_filter.count() == 1
    assert window.views == {}
    assert window.workspace is None
    assert window.stack.currentWidget() is window.welcome
    assert window.welcome.current_page() is window.welcome.unlock
    assert not window.toolbar.isVisible()
    # nothing decrypted is left in any widget of the application, top-level and parentless
    # ones included (the views that were torn down may still await their deferred deletion)
    left = decrypted_text_left()
    assert left == [], "\n".join(f"{w}: {s}" for w, s in left)


def test_lock_button_and_ctrl_l_lock_at_once(open_window: Any, journal: Any, qtbot: Any) -> None:
    sample = add_sample(journal)
    window = open_window
    timeline = window.views["timeline"]
    timeline.refresh()
    timeline.select_entry(sample["entries"]["payment"])
    timeline.search.setText("yacht")
    assert timeline.model.rowCount() > 0 and not timeline.detail.is_empty()
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    _assert_locked(window, journal, timeline)
    assert timeline.search.text() == ""
    assert str(journal.path) in window.welcome.unlock.file_label.text()  # same file offered


def test_lock_action_closes_open_dialogs(open_window: Any, journal: Any) -> None:
    window = open_window
    dialog = QDialog(window)
    dialog.setWindowTitle("something open")
    dialog.show()
    assert dialog.isVisible()
    window.act_lock.trigger()
    assert not dialog.isVisible()
    assert journal.closed


def test_unlock_again_after_locking(open_window: Any, journal: Any, qtbot: Any,
                                    passphrase: str) -> None:
    add_sample(journal)
    window = open_window
    window.lock()
    unlock = window.welcome.unlock
    unlock.passphrase.setText(passphrase)
    qtbot.mouseClick(unlock.submit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.journal is not None, timeout=20000)
    assert window.view("timeline").model.rowCount() == 6
    second = window.journal
    window.lock()
    assert second.closed


def test_auto_lock_after_idle_time(open_window: Any, journal: Any, qtbot: Any) -> None:
    add_sample(journal)
    window = open_window
    timeline = window.views["timeline"]
    timeline.refresh()
    assert window.idle.timeout_ms == 5 * 60 * 1000  # default from Settings
    window.idle.set_timeout_ms(300)
    with qtbot.waitSignal(window.locked, timeout=5000):
        pass
    _assert_locked(window, journal, timeline)


def test_input_postpones_auto_lock(open_window: Any, qtbot: Any) -> None:
    window = open_window
    window.idle.set_timeout_ms(400)
    search = window.views["timeline"].search
    for _ in range(6):  # 6 × 150 ms of typing > 400 ms, but never idle for 400 ms
        qtbot.keyClick(search, Qt.Key.Key_A)
        qtbot.wait(150)
    assert window.journal is not None
    qtbot.waitUntil(lambda: window.journal is None, timeout=3000)


def test_auto_lock_can_be_turned_off(open_window: Any, qtbot: Any) -> None:
    window = open_window
    window.idle.set_timeout_ms(0)
    qtbot.wait(300)
    assert window.journal is not None


def test_clipboard_is_cleared_after_a_while_if_still_ours(open_window: Any, qtbot: Any) -> None:
    window = open_window
    clipboard = QApplication.clipboard()
    guard = window.clipboard_guard
    guard.set_delay_ms(200)
    guard.copy_text("secret details 秘密")
    assert clipboard.text() == "secret details 秘密"
    with qtbot.waitSignal(guard.cleared, timeout=3000):
        pass
    assert clipboard.text() == ""


def test_clipboard_left_alone_when_the_user_copied_something_else(open_window: Any,
                                                                  qtbot: Any) -> None:
    window = open_window
    clipboard = QApplication.clipboard()
    guard = window.clipboard_guard
    guard.set_delay_ms(200)
    guard.copy_text("our text")
    window.hide()  # the user works in another program now
    QApplication.processEvents()
    guard._setting = True  # as if another application had set it
    clipboard.setText("the user's own text")
    guard._setting = False
    qtbot.wait(400)
    assert clipboard.text() == "the user's own text"


def test_lock_clears_our_clipboard_text(open_window: Any) -> None:
    window = open_window
    window.clipboard_guard.set_delay_ms(60000)
    window.clipboard_guard.copy_text("copied entry")
    window.lock()
    assert QApplication.clipboard().text() == ""


def test_closing_the_window_locks(open_window: Any, journal: Any) -> None:
    window = open_window
    window.close()
    assert journal.closed
    assert window.journal is None


def test_nothing_typed_reaches_the_log(open_window: Any, journal: Any, qtbot: Any) -> None:
    from journal.core import paths
    from journal.gui.app import setup_logging

    log_path = setup_logging()
    add_sample(journal)
    window = open_window
    timeline = window.views["timeline"]
    timeline.refresh()
    timeline.search.setText("yacht")
    timeline.reload()
    window.lock()
    import logging

    for h in logging.getLogger().handlers:
        h.flush()
    assert isinstance(log_path, Path) and log_path.parent == paths.log_dir()
    text = log_path.read_text(encoding="utf-8")
    assert "locking" in text
    for secret in ("yacht", "Xiao Min", "军港"):
        assert secret not in text


def test_backup_on_lock_runs_in_the_background_and_closes(make_window: Any, journal: Any,
                                                          qtbot: Any) -> None:
    from journal.core.settings import Settings

    backup_dir = Path(journal.path).parent / "backups"
    window = make_window(settings=Settings(language="en", first_run_done=True,
                                           backup_on_close=True, backup_dir=str(backup_dir)))
    window.open_journal(journal)
    add_sample(journal)
    window.lock()
    assert window.journal is None  # the window is locked at once
    assert window.stack.currentWidget() is window.welcome
    window.wait_for_close(30)
    assert journal.closed
    assert any(backup_dir.iterdir())


def test_lock_leaves_no_decrypted_text_in_parentless_windows(open_window: Any, journal: Any,
                                                              qtbot: Any) -> None:
    """Windows of their own (an entry's history, opened without a parent) are emptied too."""
    from journal.gui.history.dialogs import HistoryDialog

    sample = add_sample(journal)
    history = HistoryDialog(journal, sample["entries"]["zhang"], None)
    history.show()
    qtbot.waitExposed(history)
    assert history.parent() is None
    assert any("张总" in t for t in widget_texts(history) + [
        t for w in history.findChildren(QWidget) for t in widget_texts(w)])
    open_window.lock()
    left = decrypted_text_left()
    assert left == [], "\n".join(f"{w}: {s}" for w, s in left)
    assert not history.isVisible()
