"""Windows and dialogs that fit the screen they open on (1366×768 and 1280×720 laptops, 800×600).

A dialog asks for the size it would like; :func:`fit_to_screen` gives it that size or less, leaving
room for the title bar and the task bar, and keeps its frame on the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# room for the window's title bar and frame, and for a task bar or dock
FRAME_ALLOWANCE = QSize(16, 40)


def available(widget: QWidget | None = None) -> QRect:
    """The usable area of the screen ``widget`` (or its parent) is on, else the primary screen."""
    screen = None
    while widget is not None and screen is None:
        screen = widget.screen() if widget.isWindow() or widget.parentWidget() is None else None
        widget = widget.parentWidget() if screen is None else widget
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 768)


def fitted(widget: QWidget, width: int, height: int) -> QSize:
    """``width`` × ``height``, made smaller where the screen is smaller."""
    area = available(widget)
    return QSize(max(200, min(width, area.width() - FRAME_ALLOWANCE.width())),
                 max(150, min(height, area.height() - FRAME_ALLOWANCE.height())))


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize ``widget`` to the size it would like, or to what the screen has room for."""
    size = fitted(widget, width, height)
    widget.resize(size)
    minimum = widget.minimumSize()
    if minimum.width() > size.width() or minimum.height() > size.height():
        widget.setMinimumSize(min(minimum.width(), size.width()), min(minimum.height(), size.height()))


def keep_on_screen(widget: QWidget) -> None:
    """Move a shown window so that its whole frame is on its screen."""
    area = available(widget)
    frame = widget.frameGeometry()
    x = min(max(frame.x(), area.x()), area.right() - frame.width() + 1)
    y = min(max(frame.y(), area.y()), area.bottom() - frame.height() + 1)
    if (x, y) != (frame.x(), frame.y()):
        widget.move(max(x, area.x()), max(y, area.y()))


class ScrolledPage(QWidget):
    """The content of a resizable QScrollArea that holds wrapped text.

    A wrapped label's minimum height is measured at its narrowest width, so a page of them asks
    the scroll area for far more height than it needs at the actual width: a screen of blank
    space after the last card. This page reports no minimum height of its own when its layout
    can say how tall it is for a width, so the scroll area makes it exactly that tall.
    """

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth():
            return QSize(hint.width(), 0)
        return hint
