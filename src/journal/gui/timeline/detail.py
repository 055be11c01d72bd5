"""The detail pane: every field of one entry, its attachments, transcript and actions."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from journal.core import fields
from journal.core.models import Entry
from journal.gui.attachments.strip import AttachmentStrip
from journal.gui.importer.transcript import TranscriptView
from journal.gui.qtsetup import current_lang
from journal.gui.timeline import labels
from journal.gui.timeline.model import format_when

log = logging.getLogger(__name__)

def entry_fields(entry: Entry) -> list[tuple[str, str]]:
    """(label, text) for every filled field of the entry, in reading order (journal.core.fields)."""
    from journal.core.timeparse import show_when

    lang = current_lang()
    rows: list[tuple[str, str]] = [
        (labels.field_label("kind"), labels.kind_label(entry.kind)),
        (labels.field_label("occurred_at"), format_when(entry)),
    ]

    def add(name: str) -> None:
        text = fields.display(fields.FIELDS[name], getattr(entry, name), lang)
        if text:
            rows.append((fields.field_label(name, lang), text))

    rows += [(fields.field_label("persons", lang), text) for text in
             [fields.display(fields.FIELDS["persons"], entry.person_names, lang)] if text]
    add("channel")
    add("location")
    rows += fields.kind_rows(entry, lang)
    add("witnesses")
    add("tags")
    rows.append((labels.field_label("recorded_at"),
                 show_when(entry.recorded_at.astimezone(), "exact", lang)))
    return rows


def entry_as_text(entry: Entry) -> str:
    """A plain-text rendering for the Copy action."""
    lines = [entry.summary, ""]
    colon = "：" if current_lang() == "zh" else ": "
    lines += [f"{label}{colon}{text}" for label, text in entry_fields(entry)]
    if entry.details:
        lines += ["", entry.details]
    if entry.attachments:
        lines += ["", labels.field_label("attachments") + colon.rstrip()]
        lines += [f"  {a.filename}" for a in entry.attachments]
    return "\n".join(lines)


def _wipe(body: QWidget) -> None:
    """Empty every text a detached body shows (its entry's decrypted fields)."""
    for label in body.findChildren(QLabel):
        label.clear()
        label.setToolTip("")
        label.setAccessibleName("")
    for button in body.findChildren(QAbstractButton):
        button.setText("")
        button.setToolTip("")
    for edit in body.findChildren(QLineEdit):  # an open dialog's fields (correcting a line)
        edit.clear()
    for text in body.findChildren(QPlainTextEdit):
        text.clear()
    for dialog in body.findChildren(QDialog):
        dialog.hide()
    for tree in body.findChildren(QTreeWidget):  # a transcript's lines
        tree.clear()


class EntryDetail(QScrollArea):
    """Shows one entry. ``set_entry(None, None)`` clears it (on lock or when nothing is selected)."""

    editRequested = Signal(str)
    historyRequested = Signal(str)
    deleteRequested = Signal(str)
    copyRequested = Signal(str)
    makeEntryRequested = Signal(object)  # an EntryDraft from the transcript

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName(self.tr("Entry details"))
        self._entry: Entry | None = None
        self._journal: Any = None
        self._body: QWidget | None = None
        self._show_empty()

    @property
    def entry_id(self) -> str | None:
        return self._entry.id if self._entry else None

    def is_empty(self) -> bool:
        return self._entry is None

    def set_entry(self, journal: Any, entry_id: str | None) -> None:
        self._journal = journal
        entry = None
        if journal is not None and entry_id:
            try:
                entry = journal.get_entry(entry_id)
            except Exception as exc:  # noqa: BLE001 - deleted meanwhile, locked…
                log.info("detail: entry could not be read (%s)", type(exc).__name__)
                entry = None
        self._entry = entry
        if entry is None:
            self._show_empty()
        else:
            self._show(entry)

    def clear(self) -> None:
        self.set_entry(None, None)

    def labels_text(self) -> list[str]:
        """Every text shown (tests check that locking leaves nothing)."""
        if self._body is None:
            return []
        return [w.text() for w in self._body.findChildren(QLabel) if w.text()]

    # --- building ------------------------------------------------------------------------
    def _replace_body(self) -> QVBoxLayout:
        """A new, not yet installed body; :meth:`_install` puts it in place once it is filled
        (children added to an already visible widget would only appear after a queued show)."""
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        self._body = body
        return layout

    def _install(self) -> None:
        old = self.takeWidget()
        if old is not None:
            old.hide()
            _wipe(old)  # deleted on a later turn of the loop: hold no content until then
            old.deleteLater()
        if self._body is not None:
            self.setWidget(self._body)
            self._body.show()

    def _show_empty(self) -> None:
        layout = self._replace_body()
        # (the list is on the left of a wide window, above this pane on a narrow one)
        hint = QLabel(self.tr("Choose an entry in the list to see everything recorded about it."))
        hint.setObjectName("detailHint")
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setStyleSheet("color: palette(dark);")
        layout.addStretch(1)
        layout.addWidget(hint)
        layout.addStretch(2)
        self._install()

    def _show(self, entry: Entry) -> None:
        layout = self._replace_body()
        head = QHBoxLayout()
        icon = QLabel()
        icon.setPixmap(labels.kind_icon(entry.kind).pixmap(32, 32))
        icon.setAccessibleName(labels.kind_label(entry.kind))
        head.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        title = QLabel(entry.summary)
        title.setWordWrap(True)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        title.setFont(font)
        title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                      | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        title.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        head.addWidget(title, 1)
        layout.addLayout(head)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        for label, text in entry_fields(entry):
            value = QLabel(text)
            value.setWordWrap(True)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
            name = QLabel(label + ("：" if current_lang() == "zh" else ":"))
            name.setBuddy(value)
            form.addRow(name, value)
        layout.addLayout(form)

        if entry.details:
            heading = QLabel(labels.field_label("details"))
            heading.setStyleSheet("font-weight: bold")
            layout.addWidget(heading)
            details = QLabel(entry.details)
            details.setWordWrap(True)
            details.setTextFormat(Qt.TextFormat.PlainText)
            details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                            | Qt.TextInteractionFlag.TextSelectableByKeyboard)
            details.setAccessibleName(labels.field_label("details"))
            layout.addWidget(details)

        self._add_attachments(layout, entry)
        self._add_transcript(layout, entry)
        layout.addWidget(self._buttons(entry))
        layout.addStretch(1)
        self._install()

    def _add_attachments(self, layout: QVBoxLayout, entry: Entry) -> None:
        strip = AttachmentStrip(self._body)  # (with its own heading and buttons)
        strip.set_entry(self._journal, entry.id)
        layout.addWidget(strip)

    def _add_transcript(self, layout: QVBoxLayout, entry: Entry) -> None:
        if entry.kind != "contact" or not entry.import_id:
            return
        view = TranscriptView(self._body)
        view.set_entry(self._journal, entry.id)
        view.makeEntryRequested.connect(self.makeEntryRequested)
        # a corrected screenshot line changed the entry (details, time): show it as saved
        view.entryChanged.connect(lambda entry_id: self.set_entry(self._journal, entry_id))
        view.setMinimumHeight(420 if view.picture_box.isVisibleTo(view) else 240)
        layout.addWidget(view, 1)

    def _writable(self) -> bool:
        """False for a journal open read-only (or found damaged): no editing buttons then."""
        return bool(getattr(self._journal, "writable", True))

    def _buttons(self, entry: Entry) -> QWidget:
        """Two calm rows: change it (edit, history) / take it out (copy, trash)."""
        box = QWidget()
        rows = QVBoxLayout(box)
        rows.setContentsMargins(0, 8, 0, 0)
        rows.setSpacing(6)
        first, second = QHBoxLayout(), QHBoxLayout()
        rows.addLayout(first)
        rows.addLayout(second)
        edit = QPushButton(self.tr("&Edit…"))
        edit.setObjectName("detailEdit")
        edit.setToolTip(self.tr("Change this entry (the earlier version is kept in its history)"))
        edit.clicked.connect(lambda: self.editRequested.emit(entry.id))
        edit.setEnabled(self._writable())
        first.addWidget(edit)
        history = QPushButton(self.tr("&History…"))
        history.setObjectName("detailHistory")
        history.setToolTip(self.tr("Every earlier version of this entry"))
        history.clicked.connect(lambda: self.historyRequested.emit(entry.id))
        first.addWidget(history)
        first.addStretch(1)
        copy = QPushButton(self.tr("&Copy text"))
        copy.setObjectName("detailCopy")
        copy.setToolTip(self.tr("Copy this entry as text; the clipboard is cleared again soon"))
        copy.clicked.connect(lambda: self.copyRequested.emit(entry_as_text(entry)))
        second.addWidget(copy)
        second.addStretch(1)
        delete = QPushButton(self.tr("Move to &trash"))
        delete.setObjectName("detailDelete")
        delete.setToolTip(self.tr("Move this entry to the trash; it can be restored"))
        delete.clicked.connect(lambda: self.deleteRequested.emit(entry.id))
        delete.setEnabled(self._writable())
        second.addWidget(delete)
        return box
