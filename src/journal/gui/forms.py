"""Forms that forgive: Enter in a single-line field moves on instead of saving a half-filled
dialog; Ctrl+Enter saves. Errors shown beside a field go away once the field is edited."""

from __future__ import annotations

import inspect
import weakref
from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class EnterMovesOn(QObject):
    """Event filter for line edits: Enter goes to the next field, Ctrl+Enter calls ``submit``."""

    def __init__(self, parent: QWidget, submit: Callable[[], None]) -> None:
        super().__init__(parent)
        self._submit: Callable[[], Callable[[], None] | None] = (
            weakref.WeakMethod(submit) if inspect.ismethod(submit) else (lambda: submit))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in _ENTER and isinstance(watched, QWidget):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                submit = self._submit()
                if submit is not None:
                    submit()
            else:
                watched.focusNextChild()
            return True
        return super().eventFilter(watched, event)


def enter_moves_on(dialog: QWidget, submit: Callable[[], None],
                   fields: Iterable[QLineEdit] | None = None) -> EnterMovesOn:
    """Install :class:`EnterMovesOn` on ``fields`` (default: every line edit in ``dialog``)."""
    keeper = EnterMovesOn(dialog, submit)
    for field in (fields if fields is not None else dialog.findChildren(QLineEdit)):
        field.installEventFilter(keeper)
    return keeper


def error_label() -> QLabel:
    """A red line under a field; hidden while empty."""
    label = QLabel()
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    label.setStyleSheet("color: #b03a2e;")
    label.hide()
    return label


def show_error(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def clear_error_when_edited(field: QLineEdit, label: QLabel) -> None:
    """The error beside ``field`` disappears as soon as the person changes the field."""
    field.textEdited.connect(lambda _t: show_error(label, ""))


def clear_on_change(widget: QWidget, clear: Callable[[], None]) -> None:
    """Call ``clear`` (take an error away) as soon as the person changes ``widget`` or any field
    inside it: typing in a line or text box, or choosing in a list."""
    from PySide6.QtWidgets import QComboBox, QPlainTextEdit, QTextEdit

    fields: list[QWidget] = [widget, *widget.findChildren(QWidget)]
    for field in fields:
        if isinstance(field, QLineEdit):
            field.textEdited.connect(lambda _t: clear())
        elif isinstance(field, QPlainTextEdit | QTextEdit):
            field.textChanged.connect(clear)
        elif isinstance(field, QComboBox):
            field.activated.connect(lambda _i: clear())


class _DialogEnterGuard(QObject):
    """On the dialog itself: an Enter that no field used (a line edit passes it on) moves to the
    next field instead of reaching QDialog, which would press the default button (a
    QDialogButtonBox makes its first accept button the default when shown). Ctrl+Enter submits.
    It keeps no reference to the dialog (a weak one to ``submit``): Qt owns it as the dialog's
    child and deletes it with the dialog."""

    def __init__(self, dialog: QWidget, submit: Callable[[], object]) -> None:
        super().__init__(dialog)
        self._submit: Callable[[], Callable[[], object] | None] = (
            weakref.WeakMethod(submit) if inspect.ismethod(submit) else (lambda: submit))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in _ENTER and isinstance(watched, QWidget) and watched.isWindow():
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                submit = self._submit()
                if submit is not None:
                    submit()
            else:
                watched.focusNextChild()
            return True
        return super().eventFilter(watched, event)


def enter_never_submits(dialog: QWidget, submit: Callable[[], object]) -> None:
    """Enter in a single-line field never saves a half-filled ``dialog``; Ctrl+Enter calls
    ``submit``. Multi-line fields and pickers that use Enter themselves keep it."""
    dialog.installEventFilter(_DialogEnterGuard(dialog, submit))
