"""How strong a new passphrase is, as one widget under the field (welcome screen's new journal,
Journal ▸ Change passphrase…): a bar and a hint in plain words, updated as the person types."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QProgressBar, QVBoxLayout, QWidget

from journal.core.crypto import MIN_PASSPHRASE_CHARS, passphrase_strength

_COLOURS = ["#b03a2e", "#b03a2e", "#c77c02", "#2e7d4f", "#2e7d4f"]


class PassphraseStrength(QWidget):
    """The bar (``bar``) and the hint (``hint``) for the passphrase typed into ``field``."""

    def __init__(self, field: QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._field = field
        self.bar = QProgressBar()
        self.bar.setObjectName("strengthBar")
        self.bar.setRange(0, 4)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(8)
        self.hint = QLabel()
        self.hint.setObjectName("strengthHint")
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.hint)
        field.textChanged.connect(self.update_hint)
        self.update_hint()

    def value(self) -> int:
        return self.bar.value()

    def update_hint(self, _text: str = "") -> None:
        text = self._field.text()
        score = passphrase_strength(text)
        self.bar.setValue(score)
        self.bar.setStyleSheet(f"QProgressBar::chunk {{ background: {_COLOURS[score]}; }}")
        self.bar.setAccessibleName(self.tr("Passphrase strength"))
        if not text:
            hint = self.tr("Use at least {n} characters. A short sentence only you know is "
                           "strong and easy to remember.").format(n=MIN_PASSPHRASE_CHARS)
        elif len(text) < MIN_PASSPHRASE_CHARS:
            hint = self.tr("Too short: at least {n} characters.").format(n=MIN_PASSPHRASE_CHARS)
        elif score <= 1:
            hint = self.tr("Weak. Add more words.")
        elif score == 2:
            hint = self.tr("Fair. A few more words make it much stronger.")
        elif score == 3:
            hint = self.tr("Good.")
        else:
            hint = self.tr("Strong.")
        self.hint.setText(hint)

    def changeEvent(self, event: QEvent) -> None:  # Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.update_hint()
        super().changeEvent(event)
