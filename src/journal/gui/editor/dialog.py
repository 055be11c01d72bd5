"""The entry editor: one form whose fields follow the chosen kind, with encrypted drafts.

Drafts: while the user types, the form's state is saved every few seconds into the journal
(``journal.save_draft("editor:new" | "editor:<entry id>", state)`` — encrypted, never a file), and
on close or lock. Saving the entry, or cancelling and agreeing to throw the text away, discards the
draft. After an unlock the shell lists :func:`pending_drafts` and reopens one with
:meth:`EntryEditorDialog.from_draft`. Before locking it calls :meth:`save_draft_now` (or
:meth:`close_for_lock`, which saves, clears every field and closes).

The parts of the dialog: :mod:`.kinds` (the kind-specific field groups), :mod:`.draft_state`
(the form to and from a draft), :mod:`.attachments` (files held for a new entry, drop and paste)
and :mod:`.validation` (where problems are shown).
"""

from __future__ import annotations

import logging
import uuid
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from journal.core import timeparse
from journal.core.errors import InputError, JournalError, NotFoundError
from journal.core.models import KINDS, Entry, EntryDraft
from journal.core.money import check_currency, parse_amount
from journal.gui import dialogs
from journal.gui.attachments.strip import AttachmentStrip
from journal.gui.editor import labels
from journal.gui.editor.attachments import EditorAttachments, store_held
from journal.gui.editor.draft_state import (  # noqa: F401 - re-exported: the editor's draft API
    DRAFT_PREFIX,
    NEW_DRAFT_KEY,
    STATE_VERSION,
    EditorDraftState,
    pending_drafts,
)
from journal.gui.editor.kinds import CHOICE_FIELDS, TEXT_FIELDS, EditorKindFields, kind_icon
from journal.gui.editor.validation import EditorValidationDisplay
from journal.gui.editor.widgets import PersonPicker, WhenEdit, field_box, split_list
from journal.gui.fit import fit_to_screen
from journal.gui.forms import FieldError, enter_never_submits
from journal.gui.qtsetup import current_lang

if TYPE_CHECKING:
    from journal.core.store import Journal

log = logging.getLogger(__name__)

FUTURE_SLACK = timedelta(minutes=10)


class EntryEditorDialog(EditorKindFields, EditorDraftState, EditorAttachments,
                        EditorValidationDisplay, QDialog):
    """Create (``entry_id=None``) or edit an entry. ``kind`` pre-selects the kind of a new entry;
    ``draft`` pre-fills the form: an :class:`EntryDraft` (e.g. made from an imported message) or a
    saved draft state (a dict, see :meth:`from_draft`). After ``accept``, ``saved_entry_id``."""

    DRAFT_INTERVAL_MS = 3000

    def __init__(self, journal: Journal, parent: QWidget | None = None,
                 entry_id: str | None = None, kind: str | None = None,
                 draft: EntryDraft | dict[str, Any] | None = None) -> None:
        super().__init__(parent)
        self._journal: Journal | None = journal
        self.entry_id = entry_id
        self.saved_entry_id: str | None = None
        self._entry: Entry | None = None
        self._unsaved = False  # differs from what is stored
        self._draft_stale = False  # changed since the draft was last saved
        self._loading = True
        self._closing = False
        self._source_entry_id: str | None = None
        self.setWindowTitle(self.tr("Edit entry") if entry_id else self.tr("New entry"))
        fit_to_screen(self, 780, 860)
        self.setAcceptDrops(True)  # files dropped anywhere on the form become attachments
        self._build()

        if isinstance(draft, dict) and draft.get("key"):
            self.draft_key = str(draft["key"])
        elif entry_id:
            self.draft_key = DRAFT_PREFIX + entry_id
        else:
            keys = {k for k, _ in journal.list_drafts()}
            self.draft_key = NEW_DRAFT_KEY if NEW_DRAFT_KEY not in keys else \
                f"{NEW_DRAFT_KEY}-{uuid.uuid4().hex[:8]}"

        self._reload_persons()
        if entry_id:
            self._entry = journal.get_entry(entry_id)
            self._fill_from_entry(self._entry)
            self.strip.set_entry(journal, entry_id)
        else:
            self._set_kind(kind if kind in KINDS else "contact")
            self.strip.set_entry(journal, None)
        if isinstance(draft, EntryDraft):
            self._fill_from_entry_draft(draft)
        elif isinstance(draft, dict):
            self.restore_state(draft)
        self._loading = False
        self._unsaved = draft is not None
        self._draft_stale = False
        self._update_status()

        self._timer = QTimer(self)
        self._timer.setInterval(self.DRAFT_INTERVAL_MS)
        self._timer.timeout.connect(self._autosave)
        self._timer.start()
        self.summary.setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        self.errors: dict[str, FieldError] = {}
        self._rows: dict[str, QWidget] = {}
        self._row_labels: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.form = form

        self.kind = QComboBox()
        for k in KINDS:
            self.kind.addItem(kind_icon(k), labels.kind_label(k), k)
        self._add_row("kind", self.tr("&Kind"), self.kind)
        self.summary = QLineEdit()
        self.summary.setPlaceholderText(self.tr("One line: what happened"))
        self._add_row("summary", self._field_text("summary"), self.summary)
        self.when = WhenEdit()
        self._add_row("occurred_at", self._field_text("occurred_at"), self.when, self.when.edit)
        self.when.use_error_label(self.errors["occurred_at"])
        self.persons = PersonPicker()
        self._add_row("persons", self._field_text("persons"), self.persons, self.persons.name_edit)
        self._build_kind_rows()

        self.channel = QLineEdit()
        self.channel.setPlaceholderText(self.tr("App or medium, e.g. WeChat, Telegram, a job site"))
        self._add_row("channel", self._field_text("channel"), self.channel)
        self.location = QLineEdit()
        self.location.setPlaceholderText(self.tr("Where it happened, if it matters"))
        self._add_row("location", self._field_text("location"), self.location)
        self.details = QPlainTextEdit()
        self.details.setTabChangesFocus(True)
        self.details.setPlaceholderText(self.tr("What was said or done, in your own words. "
                                                "Write down exact words where you can."))
        self.details.setMinimumHeight(self.fontMetrics().height() * 6)
        self._add_row("details", self._field_text("details"), self.details)
        self.witnesses = QLineEdit()
        self.witnesses.setPlaceholderText(self.tr("Who else saw or heard it, separated by commas"))
        self._add_row("witnesses", self._field_text("witnesses"), self.witnesses)
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("Words to find it again, separated by commas"))
        self._add_row("tags", self._field_text("tags"), self.tags)

        self.strip = AttachmentStrip()
        self.errors["attachments"] = FieldError()

        content = QWidget()
        content_lay = QVBoxLayout(content)
        content_lay.addLayout(form)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        content_lay.addWidget(line)
        content_lay.addWidget(self.strip)
        content_lay.addWidget(self.errors["attachments"])
        content_lay.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        self.scroll_area = scroll

        self.general_error = FieldError()
        self.status_label = QLabel()
        self.status_label.setStyleSheet("color: palette(mid);")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save_button.setToolTip(self.tr("Save the entry (Ctrl+S)"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        for b in self.buttons.buttons():
            if isinstance(b, QPushButton):  # Enter in a field must not save half a form
                b.setAutoDefault(False)
                b.setDefault(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.buttons)
        lay = QVBoxLayout(self)
        lay.addWidget(scroll, 1)
        lay.addWidget(self.general_error)
        lay.addLayout(bottom)
        for b in self.findChildren(QPushButton):
            b.setAutoDefault(False)

        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        enter_never_submits(self, self.save)  # Enter alone never saves a half-filled form

        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        for edit in (self.summary, self.channel, self.location, self.witnesses, self.tags):
            edit.textChanged.connect(self._changed)  # the kind rows connect themselves
        self.details.textChanged.connect(self._changed)
        self.when.changed.connect(self._changed)
        self.persons.changed.connect(self._changed)
        self.persons.newPersonRequested.connect(self._new_person)
        self.strip.changed.connect(self._changed)
        for w in self.findChildren(QLineEdit) + self.findChildren(QPlainTextEdit):
            w.installEventFilter(self)

    def _add_row(self, key: str, text: str, widget: QWidget, buddy: QWidget | None = None) -> None:
        """A labelled row of the form, with the place for its problem under the field."""
        error = FieldError()
        error.setAccessibleName(self.tr("Problem with this field"))
        self.errors[key] = error
        label = QLabel(text)
        label.setBuddy(buddy or widget)
        if not widget.accessibleName():
            widget.setAccessibleName(text.replace("&", ""))
        box = field_box(widget, error)
        if key != "occurred_at":  # the time field says itself whether it understood the text
            error.clear_when_changed(widget)  # an error goes once the field is fixed
        self._rows[key] = box
        self._row_labels[key] = label
        self.form.addRow(label, box)

    # ------------------------------------------------------------------ changes and drafts
    def _changed(self, *_: Any) -> None:
        if self._loading:
            return
        self._unsaved = True
        self._draft_stale = True

    def has_unsaved_changes(self) -> bool:
        return self._unsaved

    @classmethod
    def from_draft(cls, journal: Journal, key: str, parent: QWidget | None = None) -> EntryEditorDialog:
        """Reopen the editor with the draft stored under ``key`` (see :func:`pending_drafts`)."""
        data = journal.load_draft(key)
        if data is None:
            raise NotFoundError(what="entry", ref=key)
        data = dict(data, key=key)
        entry_id = data.get("entry_id")
        if entry_id:
            try:
                journal.get_entry(entry_id)
            except NotFoundError:
                log.info("the draft's entry is gone; reopening it as a new entry")
                entry_id = None
                data["entry_id"] = None
        return cls(journal, parent, entry_id=entry_id, draft=data)

    # ------------------------------------------------------------------ people
    def _reload_persons(self) -> None:
        if self._journal is not None:
            self.persons.set_persons_source(self._journal.list_persons())

    def _new_person(self, name: str) -> None:
        if self._journal is None:
            return
        from journal.gui.people.editor import PersonEditorDialog

        dialog = PersonEditorDialog(self._journal, self, name=name)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved_person_id:
            self._reload_persons()
            self.persons.add_person_id(dialog.saved_person_id)
            self.persons.name_edit.clear()
        dialog.deleteLater()

    # ------------------------------------------------------------------ validation and save
    def build_draft(self) -> tuple[EntryDraft, dict[str, str]]:
        """The form as an EntryDraft (persons not resolved yet) and the problems found
        (``{field: message}``, in the user's language)."""
        lang = current_lang()
        problems: dict[str, str] = {}
        kind = self.current_kind()
        shown = self.shown_fields(kind)
        d = EntryDraft(kind=kind)
        d.summary = self.summary.text().strip()
        if not d.summary:
            problems["summary"] = InputError("error.summary_required", field="summary").message(lang)
        d.occurred_at, d.precision = self.when.value()
        if self.when.problem():
            problems["occurred_at"] = self.when.problem()
        elif d.occurred_at > timeparse.now() + FUTURE_SLACK:
            problems["occurred_at"] = self.tr(
                "This date is in the future. Check the date and time of what happened.")
        d.details = self.details.toPlainText()
        d.channel = self.channel.text().strip()
        d.location = self.location.text().strip()
        d.witnesses = split_list(self.witnesses.text())
        d.tags = split_list(self.tags.text())
        editing = self.entry_id is not None
        if {"amount", "value"} & shown:
            money_field = "value" if "value" in shown else "amount"
            text = self.amount.text().strip()
            stored = None
            if editing and self._entry is not None:
                stored = getattr(self._entry, money_field)
            if not text and stored is not None and self._entry is not None \
                    and self._entry.kind == kind:
                problems["money"] = self.tr("An amount that was recorded cannot be left empty "
                                            "(the history keeps it). Write 0 if nothing was paid.")
            if text:
                try:
                    setattr(d, money_field, parse_amount(text, field=money_field))
                except InputError as exc:
                    problems["money"] = exc.message(lang)
                try:
                    d.currency = check_currency(self.currency.currency())
                except InputError as exc:
                    problems.setdefault("money", exc.message(lang))
        for name in (*TEXT_FIELDS, *CHOICE_FIELDS):  # the rows of journal.core.fields
            if name in shown:
                value = self.field_value(name)
                setattr(d, name, value if value or name in TEXT_FIELDS else
                        ("" if editing else None))
        d.source_entry_id = self._source_entry_id if not editing else None
        return d, problems

    def save(self) -> bool:
        """Validate and store; on success the draft is discarded and the dialog accepted."""
        if self._journal is None:
            return False
        self._clear_errors()
        draft, problems = self.build_draft()
        if problems:
            self.show_problems(problems)
            return False
        journal = self._journal
        pending = self.strip.pending() if self.entry_id is None else []
        try:
            with journal.transaction():
                draft.persons = self._resolve_persons(journal)
                if self.entry_id is None:
                    entry = journal.add_entry(draft)
                    store_held(journal, entry.id, pending)
                else:
                    entry = journal.edit_entry(self.entry_id, draft)
        except InputError as exc:
            self.show_field_error(exc.field, exc.message(current_lang()))
            return False
        except JournalError as exc:
            dialogs.show_error(self, exc)
            return False
        self.saved_entry_id = entry.id
        self.discard_draft()
        self._unsaved = False
        self._draft_stale = False
        self._timer.stop()
        self.accept()
        return True

    def _resolve_persons(self, journal: Journal) -> list[str]:
        ids = self.persons.person_ids()
        for name in self.persons.new_names():
            person = journal.person_for_name(name)
            if person.id not in ids:
                ids.append(person.id)
        return ids

    # ------------------------------------------------------------------ closing
    def reject(self) -> None:
        """Esc / Cancel: asks before throwing typed text away; closing the window keeps a draft."""
        if self._closing or self._journal is None:
            super().reject()
            return
        if self._unsaved and not dialogs.ask(
                self, self.tr("Discard changes?"),
                self.tr("Close the editor and throw away what you typed? Choose No to keep editing.")):
            return
        self.discard_draft()
        self._unsaved = False
        self._timer.stop()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        """The window's close button: keep the typed text as a draft and close without asking."""
        self.save_draft_now()
        self._timer.stop()
        self._closing = True
        try:
            super().closeEvent(event)
        finally:
            self._closing = False

    def close_for_lock(self) -> None:
        """Save the draft, drop every typed text from the widgets and close (on lock)."""
        self.save_draft_now()
        self.set_journal(None)

    def set_journal(self, journal: Journal | None) -> None:
        """Only ``None`` is meaningful here: clear everything and close (the view protocol)."""
        if journal is not None:
            return
        self._timer.stop()
        self._loading = True
        for w in self.findChildren(QLineEdit):
            w.clear()
        for text in self.findChildren(QPlainTextEdit):
            text.clear()
        self.persons.clear_all()
        self.strip.set_entry(None, None)
        self._journal = None
        self._entry = None
        self._unsaved = False
        QDialog.done(self, QDialog.DialogCode.Rejected)
