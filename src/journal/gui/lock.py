"""Idle auto-lock and clipboard clearing.

- :class:`IdleLock` watches every input event of the application (an application-wide event
  filter) and emits ``idle`` when nothing happened for the configured time.
- :class:`ClipboardGuard` clears text that *this app* put on the clipboard after a delay, but only
  if the clipboard still holds exactly that text (never wipes what the user copied elsewhere).
"""

from __future__ import annotations

import atexit
import logging
import time

from PySide6.QtCore import QByteArray, QEvent, QMimeData, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QClipboard, QGuiApplication

log = logging.getLogger(__name__)

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.InputMethod,
        QEvent.Type.Shortcut,
    }
)


class IdleLock(QObject):
    """Emit :attr:`idle` after ``timeout_ms`` without user input (0 = never).

    Input only records a time stamp (cheap, even for mouse moves); a timer checks it.
    """

    idle = Signal()

    def __init__(self, timeout_ms: int = 5 * 60 * 1000, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timeout_ms = 0
        self._last_input = time.monotonic()
        self._active = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._check)
        app = QGuiApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.set_timeout_ms(timeout_ms)

    @property
    def timeout_ms(self) -> int:
        return self._timeout_ms

    def set_timeout_ms(self, timeout_ms: int) -> None:
        self._timeout_ms = max(0, int(timeout_ms))
        if self._active:
            self._arm(self._timeout_ms)

    def set_minutes(self, minutes: int) -> None:
        self.set_timeout_ms(int(minutes) * 60 * 1000)

    def start(self) -> None:
        """Start watching (after unlock)."""
        self._active = True
        self.reset()

    def stop(self) -> None:
        """Stop watching (while locked)."""
        self._active = False
        self._timer.stop()

    @property
    def active(self) -> bool:
        return self._active

    def reset(self) -> None:
        self._last_input = time.monotonic()
        if self._active:
            self._arm(self._timeout_ms)

    def _arm(self, ms: int) -> None:
        if ms <= 0:
            self._timer.stop()
            return
        self._timer.start(max(1, ms))

    def _check(self) -> None:
        if not self._active or self._timeout_ms <= 0:
            return
        idle_ms = (time.monotonic() - self._last_input) * 1000
        remaining = self._timeout_ms - idle_ms
        if remaining > 5:
            self._arm(int(remaining))
            return
        log.info("auto-lock: idle timeout")
        self._active = False
        self.idle.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS:
            self._last_input = time.monotonic()
        return False


SECRET_HINT = "x-kde-passwordManagerHint"
_release_registered = False


def _release_clipboard() -> None:
    """At exit: take our marked data off the clipboard. It is secret anyway, and PySide6 6.12
    crashes while shutting down when a QMimeData made in Python is still on the clipboard."""
    app = QGuiApplication.instance()
    if app is None:
        return
    try:
        clipboard = QGuiApplication.clipboard()
        mime = clipboard.mimeData()
        if mime is not None and mime.hasFormat(SECRET_HINT):
            clipboard.clear()
    except RuntimeError:
        pass


def _register_release() -> None:
    global _release_registered
    if not _release_registered:
        atexit.register(_release_clipboard)  # a run without an event loop (scripts, tests)
        app = QGuiApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(_release_clipboard)  # before the window's objects go
        _release_registered = True


class ClipboardGuard(QObject):
    """Clear text we copied after ``seconds`` if the clipboard still holds it (0 = never).

    Use :meth:`copy_text` for the app's own copy actions. Copies made with Ctrl+C inside the
    app's text fields are noticed too (the clipboard reports that this application owns it).
    """

    cleared = Signal()

    def __init__(self, seconds: int = 30, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._delay_ms = max(0, int(seconds)) * 1000
        self._ours: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear_if_ours)
        self._clipboard: QClipboard = QGuiApplication.clipboard()
        self._clipboard.dataChanged.connect(self._on_changed)
        self._setting = False

    def set_seconds(self, seconds: int) -> None:
        self.set_delay_ms(max(0, int(seconds)) * 1000)

    def set_delay_ms(self, ms: int) -> None:
        self._delay_ms = max(0, int(ms))

    def copy_text(self, text: str) -> None:
        """Put ``text`` on the clipboard marked as secret, so that clipboard managers (KDE's
        Klipper and those that honour the same hint) keep it out of their history."""
        mime = QMimeData()
        mime.setText(text)
        mime.setData(SECRET_HINT, QByteArray(b"secret"))
        _register_release()
        self._setting = True
        try:
            self._clipboard.setMimeData(mime)
        finally:
            self._setting = False
        self._track(text)

    def _mark_secret(self) -> None:
        """Add the clipboard managers' "secret" hint to a copy made inside one of our widgets
        (same formats, same content)."""
        current = self._clipboard.mimeData()
        if current is None or current.hasFormat(SECRET_HINT):
            return
        formats = [(fmt, current.data(fmt).data()) for fmt in current.formats()]
        del current  # Qt deletes it when the new data is set
        mime = QMimeData()
        for fmt, data in formats:
            mime.setData(fmt, QByteArray(data))
        mime.setData(SECRET_HINT, QByteArray(b"secret"))
        _register_release()
        self._setting = True
        try:
            self._clipboard.setMimeData(mime)
        finally:
            self._setting = False

    def clear_on_lock(self) -> None:
        """At lock: the clipboard if it holds our text, and the X11 primary selection (text
        selected with the mouse in one of our windows) whenever this app owns it."""
        self.clear_if_ours()
        try:
            if self._clipboard.supportsSelection() and self._clipboard.ownsSelection():
                self._setting = True
                self._clipboard.clear(QClipboard.Mode.Selection)
                log.info("selection cleared")
        except RuntimeError:  # clipboard gone at shutdown
            pass
        finally:
            self._setting = False

    def _track(self, text: str) -> None:
        self._ours = text
        if self._delay_ms > 0:
            self._timer.start(self._delay_ms)
        else:
            self._timer.stop()

    def _on_changed(self) -> None:
        if self._setting:
            return
        try:
            # X11 tells us who owns the clipboard; elsewhere a change while our window has the
            # focus was made by us (the user cannot copy in another app while ours is active).
            owns = self._clipboard.ownsClipboard() or (
                QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive
                and QGuiApplication.focusWindow() is not None
            )
        except RuntimeError:  # clipboard gone at shutdown
            return
        text = self._clipboard.text()
        if owns and text:
            # not from inside the clipboard's own signal: Qt is still handling the copy
            QTimer.singleShot(0, self, self._mark_secret)
            self._track(text)  # a Ctrl+C inside one of our widgets
        elif self._ours is not None and text != self._ours:
            self._ours = None  # the user copied something else: leave it alone
            self._timer.stop()

    def clear_if_ours(self) -> bool:
        """Clear the clipboard now if it still holds our text; return True if it did."""
        self._timer.stop()
        if self._ours is None:
            return False
        ours, self._ours = self._ours, None
        try:
            if self._clipboard.text() != ours:
                return False
            self._setting = True
            self._clipboard.clear()
            # Some platforms keep the selection buffer separately.
            if self._clipboard.supportsSelection() and \
                    self._clipboard.text(QClipboard.Mode.Selection) == ours:
                self._clipboard.clear(QClipboard.Mode.Selection)
        except RuntimeError:
            return False
        finally:
            self._setting = False
        log.info("clipboard cleared")
        self.cleared.emit()
        return True
