"""Forms that forgive: Enter in a single-line field moves on instead of saving a half-filled
dialog; Ctrl+Enter saves. Errors shown beside a field go away once the field is edited."""

from __future__ import annotations

import inspect
import weakref
from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class EnterMovesOn(QObject):
    """Event filter for line edits: Enter goes to the next field, Ctrl+Enter calls ``submit``."""

    def __init__(self, parent: QWidget, submit: Callable[[], object]) -> None:
        super().__init__(parent)
        self._submit: Callable[[], Callable[[], object] | None] = (
            weakref.WeakMethod(submit) if inspect.ismethod(submit) else (lambda: submit))

    def _watches(self, widget: QWidget) -> bool:
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in _ENTER and isinstance(watched, QWidget) \
                and self._watches(watched):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                submit = self._submit()
                if submit is not None:
                    submit()
            else:
                watched.focusNextChild()
            return True
        return super().eventFilter(watched, event)


def enter_moves_on(dialog: QWidget, submit: Callable[[], object],
                   fields: Iterable[QLineEdit] | None = None) -> EnterMovesOn:
    """Install :class:`EnterMovesOn` on ``fields`` (default: every line edit in ``dialog``)."""
    keeper = EnterMovesOn(dialog, submit)
    for field in (fields if fields is not None else dialog.findChildren(QLineEdit)):
        field.installEventFilter(keeper)
    return keeper


ERROR_STYLE = "color: #b00020;"


class FieldError(QLabel):
    """THE error beside a field, in every form and dialog: a red message under the field,
    hidden while empty, that goes away as soon as the person changes a field it watches
    (:meth:`clear_when_changed`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldError")
        self.setAccessibleName("error")
        self.setStyleSheet(ERROR_STYLE)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        self.setText("")
        self.hide()

    def clear_when_changed(self, *widgets: QWidget) -> FieldError:
        """Go away as soon as the person changes any of ``widgets`` (or a field inside one)."""
        for widget in widgets:
            clear_on_change(widget, self.clear_message)
        return self


def show_error(label: QLabel, text: str) -> None:
    if isinstance(label, FieldError):
        label.show_message(text)
        return
    label.setText(text)
    label.setVisible(bool(text))


def clear_on_change(widget: QWidget, clear: Callable[[], None]) -> None:
    """Call ``clear`` (take an error away) as soon as the person changes ``widget`` or any field
    inside it: typing in a line or text box, choosing in a list, ticking a box, a date."""
    from PySide6.QtWidgets import (
        QComboBox,
        QDateEdit,
        QListWidget,
        QPlainTextEdit,
        QTextEdit,
    )

    fields: list[QWidget] = [widget, *widget.findChildren(QWidget)]
    for field in fields:
        if isinstance(field, QLineEdit):
            field.textEdited.connect(lambda _t: clear())
        elif isinstance(field, QPlainTextEdit | QTextEdit):
            field.textChanged.connect(clear)
        elif isinstance(field, QComboBox):
            field.activated.connect(lambda _i: clear())
        elif isinstance(field, QAbstractButton) and field.isCheckable():
            field.toggled.connect(lambda _on: clear())
        elif isinstance(field, QListWidget):
            field.itemChanged.connect(lambda _item: clear())
        elif isinstance(field, QDateEdit):
            field.dateChanged.connect(lambda _d: clear())


class _DialogEnterGuard(EnterMovesOn):
    """On the dialog itself: an Enter that no field used (a line edit passes it on) moves to the
    next field instead of reaching QDialog, which would press the default button (a
    QDialogButtonBox makes its first accept button the default when shown). Ctrl+Enter submits.
    It keeps no reference to the dialog (a weak one to ``submit``): Qt owns it as the dialog's
    child and deletes it with the dialog."""

    def _watches(self, widget: QWidget) -> bool:
        return widget.isWindow()


def enter_never_submits(dialog: QWidget, submit: Callable[[], object]) -> None:
    """Enter in a single-line field never saves a half-filled ``dialog``; Ctrl+Enter calls
    ``submit`` (for a dialog with steps: :func:`press_first_shown`). Multi-line fields and
    pickers that use Enter themselves keep it. The typing field of an editable list (a name, a
    time zone) keeps Enter for itself and would not pass it on: there Enter moves on too
    (leaving the field commits what was typed) and Ctrl+Enter submits."""
    from PySide6.QtWidgets import QComboBox

    dialog.installEventFilter(_DialogEnterGuard(dialog, submit))
    typed = [c.lineEdit() for c in dialog.findChildren(QComboBox) if c.isEditable()]
    enter_moves_on(dialog, submit, [f for f in typed if f is not None])


def press_first_shown(dialog: QWidget, *buttons: QAbstractButton) -> Callable[[], None]:
    """For Ctrl+Enter in a dialog with steps: press the first of ``buttons`` that the step
    shown offers (visible and enabled), e.g. Import, then Close. (Not "the default button":
    a focused button becomes the default for a while, and that may be Cancel.)"""
    return _PressFirst(dialog, buttons).press


class _PressFirst(QObject):
    """The dialog's child (Qt keeps it as long as the dialog; the Enter guards hold ``press``
    weakly). It refers to the buttons, never to the dialog."""

    def __init__(self, dialog: QWidget, buttons: tuple[QAbstractButton, ...]) -> None:
        super().__init__(dialog)
        self._buttons = buttons

    def press(self) -> None:
        for button in self._buttons:
            if button.isVisible() and button.isEnabled():
                button.click()
                return
