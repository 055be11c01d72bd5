"""Correct one line of a screenshot's recognised transcript: its time, speaker or text.

The picture stays the evidence and what was read stays in the history: saving calls
:func:`journal.core.ocr.corrections.correct_line` (a sealed revision of the line and a new
revision of the entry). A refusal is shown in the dialog, which stays open.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from journal.core.errors import JournalError
from journal.core.ocr.corrections import TranscriptLine, correct_line
from journal.gui.qtsetup import current_lang

if TYPE_CHECKING:
    from journal.core.store import Journal


class CorrectLineDialog(QDialog):
    """``CorrectLineDialog(journal, line, speakers, parent, picture)``; Accepted once the
    correction was saved (``.saved`` is then True). ``picture``: the screenshot the line was read
    from, shown beside the fields to check against."""

    def __init__(self, journal: Journal, line: TranscriptLine, speakers: list[str],
                 parent: QWidget | None = None, picture: QPixmap | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.line = line
        self.saved = False
        self.setWindowTitle(self.tr("Correct a recognised line"))
        self.setMinimumWidth(460)
        intro = QLabel(self.tr(
            "Correct what the computer read, as the picture shows it. The picture stays the "
            "evidence; what was read is kept in the entry's history."))
        intro.setWordWrap(True)
        read = line.original
        self.read_label = QLabel(self.tr("Read from the picture: %1 %2: %3")
                                 .replace("%1", f"{read['sent_at']:%H:%M}")
                                 .replace("%2", str(read["sender"]))
                                 .replace("%3", str(read["text"])))
        self.read_label.setTextFormat(Qt.TextFormat.PlainText)
        self.read_label.setWordWrap(True)
        self.read_label.setStyleSheet("color: palette(dark);")
        self.time_edit = QLineEdit(f"{line.sent_at:%H:%M}")
        self.time_edit.setPlaceholderText(self.tr("14:35, or a date and time"))
        self.sender_combo = QComboBox()
        self.sender_combo.setEditable(True)
        self.sender_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.sender_combo.addItems(list(dict.fromkeys([line.sender, *speakers])))
        self.sender_combo.setCurrentText(line.sender)
        self.text_edit = QPlainTextEdit(line.text)
        self.text_edit.setTabChangesFocus(True)
        self.error_label = QLabel()
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #a40000;")
        self.error_label.hide()
        form = QFormLayout()
        form.addRow(self.tr("Time:"), self.time_edit)
        form.addRow(self.tr("Who:"), self.sender_combo)
        form.addRow(self.tr("Text:"), self.text_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        fields = QVBoxLayout()
        fields.addWidget(intro)
        fields.addWidget(self.read_label)
        fields.addLayout(form)
        fields.addWidget(self.error_label)
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        if picture is not None and not picture.isNull():
            self.picture.setPixmap(picture)
        else:
            self.picture.hide()
        beside = QHBoxLayout()
        beside.addWidget(self.picture)
        beside.addLayout(fields, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(beside, 1)
        layout.addWidget(buttons)
        self.text_edit.setFocus()

    def save(self) -> None:
        try:
            correct_line(self.journal, self.line.message_id, time=self.time_edit.text(),
                         sender=self.sender_combo.currentText(),
                         text=self.text_edit.toPlainText(), lang=current_lang())
        except JournalError as exc:
            self.error_label.setText(exc.message(current_lang()))
            self.error_label.show()
            return
        self.saved = True
        self.accept()
