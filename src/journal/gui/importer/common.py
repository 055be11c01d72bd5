"""What the two import dialogs (chats and bills, screenshots) share: wrapped plain-text labels, a
step's heading, and the row of buttons under the steps with Enter and Ctrl+Enter handled."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton

from journal.gui.forms import enter_never_submits, press_first_shown


def plain(label: QLabel) -> QLabel:
    """``label`` shows plain text (never rich text from a file) and wraps."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def heading(label: QLabel) -> QLabel:
    """``label`` as a step's heading: plain, bold, a little larger."""
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.2)
    label.setFont(font)
    return plain(label)


class ImportButtons(QHBoxLayout):
    """[Back] … Cancel, Import, Close under an import dialog's steps (each step shows the ones it
    offers). Made once the dialog holds its pages: Enter in a field (a name, a zone) moves on,
    Ctrl+Enter presses Import, or Close once done. Close accepts the dialog."""

    def __init__(self, dialog: QDialog, *, start: Callable[[], None],
                 cancel: Callable[[], None], back: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.back_button: QPushButton | None = None
        if back is not None:
            self.back_button = QPushButton(self.tr("Back"))
            self.back_button.clicked.connect(back)
            self.addWidget(self.back_button)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.close_button = QPushButton(self.tr("Close"))
        self.import_button.clicked.connect(start)
        self.cancel_button.clicked.connect(cancel)
        self.close_button.clicked.connect(dialog.accept)
        self.addStretch(1)
        self.addWidget(self.cancel_button)
        self.addWidget(self.import_button)
        self.addWidget(self.close_button)
        enter_never_submits(dialog, press_first_shown(dialog, self.import_button,
                                                      self.close_button))
