"""Forms that forgive: Enter in a single-line field moves on instead of saving a half-filled
dialog; Ctrl+Enter saves. Errors shown beside a field go away once the field is edited."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class EnterMovesOn(QObject):
    """Event filter for line edits: Enter goes to the next field, Ctrl+Enter calls ``submit``."""

    def __init__(self, parent: QWidget, submit: Callable[[], None]) -> None:
        super().__init__(parent)
        self._submit = submit

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in _ENTER and isinstance(watched, QWidget):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self._submit()
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
