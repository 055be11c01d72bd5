"""The entry editor: one form whose fields follow the chosen kind, with encrypted drafts.

Drafts: while the user types, the form's state is saved every few seconds into the journal
(``journal.save_draft("editor:new" | "editor:<entry id>", state)`` — encrypted, never a file), and
on close or lock. Saving the entry, or cancelling and agreeing to throw the text away, discards the
draft. After an unlock the shell lists :func:`pending_drafts` and reopens one with
:meth:`EntryEditorDialog.from_draft`. Before locking it calls :meth:`save_draft_now` (or
:meth:`close_for_lock`, which saves, clears every field and closes).
"""

from __future__ import annotations

import base64
import logging
import uuid
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QIcon,
    QKeyEvent,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QApplication,
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

from journal.core import paths, timeparse
from journal.core.errors import InputError, JournalError, NotFoundError
from journal.core.models import ANY_KIND_FIELDS, KIND_FIELDS, KINDS, Entry, EntryDraft
from journal.core.money import DEFAULT_CURRENCY, check_currency, parse_amount
from journal.gui import dialogs
from journal.gui.attachments.strip import AttachmentStrip, PendingAttachment
from journal.gui.editor import labels
from journal.gui.editor.widgets import (
    ChoiceCombo,
    CurrencyCombo,
    ErrorLabel,
    PersonPicker,
    WhenEdit,
    field_box,
    split_list,
)
from journal.gui.qtsetup import current_lang

if TYPE_CHECKING:
    from journal.core.store import Journal

log = logging.getLogger(__name__)

DRAFT_PREFIX = "editor:"
NEW_DRAFT_KEY = "editor:new"
STATE_VERSION = 1
FUTURE_SLACK = timedelta(minutes=10)

# Kind-specific rows of the form (the money row serves amount, pay offered and a gift's value).
_KIND_ROWS = ("task", "target", "status", "money", "method", "direction", "item", "medium",
              "initiated_by", "reported_to", "reference", "officer")
_TEXT_FIELDS = ("task", "target", "item", "reference", "officer")
_CHOICE_FIELDS = ("status", "method", "direction", "medium", "initiated_by")
# Where an InputError's field is shown.
_ERROR_ROW = {"precision": "occurred_at", "when": "occurred_at", "person": "persons",
              "amount": "money", "value": "money", "currency": "money", "kind": "kind"}


def pending_drafts(journal: Journal) -> list[dict[str, Any]]:
    """The editor drafts kept in ``journal``, newest first: ``key``, ``saved_at`` (aware UTC),
    ``entry_id`` (None for a new entry), ``kind`` and ``summary`` (for the shell to offer them)."""
    out: list[dict[str, Any]] = []
    for key, saved_at in journal.list_drafts():
        if not key.startswith(DRAFT_PREFIX):
            continue
        data = journal.load_draft(key) or {}
        out.append({"key": key, "saved_at": saved_at, "entry_id": data.get("entry_id"),
                    "kind": data.get("kind", ""), "summary": data.get("summary", "")})
    return out


def _kind_icon(kind: str) -> QIcon:
    path = paths.resources_dir() / "icons" / "kinds" / f"{kind}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()


class _ReportedToCombo(QComboBox):
    """Report channels as choices, free text allowed (the store keeps any text)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItem("", "")
        for value, text in labels.choices("reported_to"):
            self.addItem(text, value)

    def value(self) -> str:
        text = self.currentText().strip()
        index = self.findText(text)
        if index >= 0:
            return str(self.itemData(index) or "")
        return text

    def set_value(self, value: str | None) -> None:
        index = self.findData(value or "")
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setEditText(value or "")


class EntryEditorDialog(QDialog):
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
        self.resize(780, 860)
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
        self.errors: dict[str, ErrorLabel] = {}
        self._rows: dict[str, QWidget] = {}
        self._row_labels: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.form = form

        def row(key: str, text: str, widget: QWidget, buddy: QWidget | None = None) -> None:
            error = ErrorLabel()
            error.setAccessibleName(self.tr("Problem with this field"))
            self.errors[key] = error
            label = QLabel(text)
            label.setBuddy(buddy or widget)
            if not widget.accessibleName():
                widget.setAccessibleName(text.replace("&", ""))
            box = field_box(widget, error)
            self._rows[key] = box
            self._row_labels[key] = label
            form.addRow(label, box)

        self.kind = QComboBox()
        for k in KINDS:
            self.kind.addItem(_kind_icon(k), labels.kind_label(k), k)
        row("kind", self.tr("&Kind"), self.kind)
        self.summary = QLineEdit()
        self.summary.setPlaceholderText(self.tr("One line: what happened"))
        row("summary", self.tr("&Summary"), self.summary)
        self.when = WhenEdit()
        row("occurred_at", self.tr("&When"), self.when, self.when.edit)
        self.persons = PersonPicker()
        row("persons", self.tr("&People"), self.persons, self.persons.name_edit)

        self.task = QLineEdit()
        self.task.setPlaceholderText(self.tr("What they asked you to do"))
        row("task", self.tr("T&ask asked"), self.task)
        self.target = QLineEdit()
        self.target.setPlaceholderText(self.tr("What or where: a port, ships, a base, a document…"))
        row("target", self.tr("Targ&et or place"), self.target)
        self.status = ChoiceCombo(labels.choices("status"))
        row("status", self.tr("Stat&us"), self.status)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("e.g. 500 or 1200.50"))
        self.amount.setAccessibleName(self.tr("Amount"))
        self.currency = CurrencyCombo()
        self.currency.setAccessibleName(self.tr("Currency"))
        money = QWidget()
        money_lay = QHBoxLayout(money)
        money_lay.setContentsMargins(0, 0, 0, 0)
        self.amount.setMaximumWidth(self.fontMetrics().horizontalAdvance("0") * 24)
        money_lay.addWidget(self.amount, 1)
        money_lay.addWidget(self.currency)
        money_lay.addStretch(1)
        row("money", self.tr("A&mount"), money, self.amount)
        self.method = ChoiceCombo(labels.choices("method"), blank=self.tr("(not known)"))
        row("method", self.tr("Paid &by"), self.method)
        self.direction = ChoiceCombo(labels.choices("direction"))
        row("direction", self.tr("&Direction"), self.direction)
        self.item = QLineEdit()
        self.item.setPlaceholderText(self.tr("e.g. a phone, a camera, a scooter"))
        row("item", self.tr("&Item"), self.item)
        self.medium = ChoiceCombo(labels.choices("medium"), blank=self.tr("(not known)"))
        row("medium", self.tr("M&edium"), self.medium)
        self.initiated_by = ChoiceCombo(labels.choices("initiated_by"), blank=self.tr("(not known)"))
        row("initiated_by", self.tr("Who sta&rted it"), self.initiated_by)
        self.reported_to = _ReportedToCombo()
        row("reported_to", self.tr("&Reported to"), self.reported_to)
        self.reference = QLineEdit()
        self.reference.setPlaceholderText(self.tr("Case or reference number, if you were given one"))
        row("reference", self.tr("Re&ference"), self.reference)
        self.officer = QLineEdit()
        self.officer.setPlaceholderText(self.tr("Name of the officer or teacher you spoke to"))
        row("officer", self.tr("&Officer or teacher"), self.officer)

        self.channel = QLineEdit()
        self.channel.setPlaceholderText(self.tr("App or medium, e.g. WeChat, Telegram, a job site"))
        row("channel", self.tr("&Channel"), self.channel)
        self.location = QLineEdit()
        self.location.setPlaceholderText(self.tr("Where it happened, if it matters"))
        row("location", self.tr("P&lace"), self.location)
        self.details = QPlainTextEdit()
        self.details.setTabChangesFocus(True)
        self.details.setPlaceholderText(self.tr("What was said or done, in your own words. "
                                                "Write down exact words where you can."))
        self.details.setMinimumHeight(self.fontMetrics().height() * 6)
        row("details", self.tr("De&tails"), self.details)
        self.witnesses = QLineEdit()
        self.witnesses.setPlaceholderText(self.tr("Who else saw or heard it, separated by commas"))
        row("witnesses", self.tr("Wit&nesses"), self.witnesses)
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("Words to find it again, separated by commas"))
        row("tags", self.tr("Ta&gs"), self.tags)

        self.strip = AttachmentStrip()
        self.errors["attachments"] = ErrorLabel()

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

        self.general_error = ErrorLabel()
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

        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        for edit in (self.summary, self.task, self.target, self.amount, self.item, self.reference,
                     self.officer, self.channel, self.location, self.witnesses, self.tags):
            edit.textChanged.connect(self._changed)
        self.details.textChanged.connect(self._changed)
        for combo in (self.status, self.method, self.direction, self.medium, self.initiated_by):
            combo.currentIndexChanged.connect(self._changed)
        self.currency.currentTextChanged.connect(self._changed)
        self.reported_to.currentTextChanged.connect(self._changed)
        self.when.changed.connect(self._changed)
        self.persons.changed.connect(self._changed)
        self.persons.newPersonRequested.connect(self._new_person)
        self.strip.changed.connect(self._changed)
        for w in self.findChildren(QLineEdit) + self.findChildren(QPlainTextEdit):
            w.installEventFilter(self)

    # ------------------------------------------------------------------ kind
    def current_kind(self) -> str:
        return str(self.kind.currentData())

    def _set_kind(self, kind: str) -> None:
        self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))
        self._apply_kind()

    def _on_kind_changed(self, _index: int) -> None:
        self._apply_kind()
        self._changed()

    def _visible_kind_rows(self, kind: str) -> set[str]:
        fields = set(KIND_FIELDS.get(kind, ()))
        rows = {f for f in fields if f in _KIND_ROWS}
        if {"amount", "value"} & fields:
            rows.add("money")
        if kind == "report" or any(self._report_values().values()):
            rows.update(ANY_KIND_FIELDS)
        return rows

    def _report_values(self) -> dict[str, str]:
        return {"reported_to": self.reported_to.value(), "reference": self.reference.text().strip(),
                "officer": self.officer.text().strip()}

    def _apply_kind(self) -> None:
        kind = self.current_kind()
        visible = self._visible_kind_rows(kind)
        for key in _KIND_ROWS:
            self.form.setRowVisible(self._rows[key], key in visible)
        money_label = {"request": self.tr("Pa&y offered"), "gift": self.tr("Estimated &value")}.get(
            kind, self.tr("A&mount"))
        self._row_labels["money"].setText(money_label)
        self.amount.setAccessibleName(money_label.replace("&", ""))
        self.setWindowTitle((self.tr("Edit entry") if self.entry_id else self.tr("New entry"))
                            + " — " + labels.kind_label(kind))

    # ------------------------------------------------------------------ filling
    def _reload_persons(self) -> None:
        if self._journal is not None:
            self.persons.set_persons_source(self._journal.list_persons())

    def _fill_common(self, src: Entry | EntryDraft) -> None:
        if src.summary is not None:
            self.summary.setText(src.summary)
        if src.occurred_at is not None:
            self.when.set_value(src.occurred_at, src.precision or "exact")
        for name, widget in (("details", self.details),):
            value = getattr(src, name)
            if value is not None:
                widget.setPlainText(value)
        for name in ("channel", "location"):
            value = getattr(src, name)
            if value is not None:
                getattr(self, name).setText(value)
        if src.witnesses is not None:
            self.witnesses.setText(", ".join(src.witnesses))
        if src.tags is not None:
            self.tags.setText(", ".join(src.tags))
        if src.persons is not None:
            self.persons.set_chosen(list(src.persons))
        for name in _TEXT_FIELDS:
            value = getattr(src, name)
            if value:
                getattr(self, name).setText(value)
        for name in _CHOICE_FIELDS:
            value = getattr(src, name)
            if value:
                getattr(self, name).set_value(value)
        if src.reported_to:
            self.reported_to.set_value(src.reported_to)
        money = src.value if src.kind == "gift" else src.amount
        if money is None:
            money = src.amount if src.amount is not None else src.value
        if money is not None:
            self.amount.setText(str(money))
        if src.currency:
            self.currency.set_currency(src.currency)

    def _fill_from_entry(self, entry: Entry) -> None:
        self._set_kind(entry.kind)
        self._fill_common(entry)
        self._apply_kind()

    def _fill_from_entry_draft(self, draft: EntryDraft) -> None:
        if draft.kind in KINDS:
            self._set_kind(draft.kind)
        self._fill_common(draft)
        self._source_entry_id = draft.source_entry_id
        self._apply_kind()

    # ------------------------------------------------------------------ draft state
    def state(self) -> dict[str, Any]:
        """Everything typed, as JSON-able data (amount kept as typed, even if not valid yet)."""
        when, precision = self.when.value()
        return {
            "v": STATE_VERSION,
            "key": self.draft_key,
            "entry_id": self.entry_id,
            "kind": self.current_kind(),
            "summary": self.summary.text(),
            "occurred_at": when.isoformat(),
            "precision": precision,
            "persons": self.persons.person_ids(),
            "new_persons": self.persons.new_names(),
            "details": self.details.toPlainText(),
            "channel": self.channel.text(),
            "location": self.location.text(),
            "witnesses": self.witnesses.text(),
            "tags": self.tags.text(),
            "amount": self.amount.text(),
            "currency": self.currency.currency(),
            **{name: getattr(self, name).text() for name in _TEXT_FIELDS},
            **{name: getattr(self, name).value() or "" for name in _CHOICE_FIELDS},
            "reported_to": self.reported_to.value(),
            "source_entry_id": self._source_entry_id,
            "attachments": [
                {"filename": p.filename, "caption": p.caption,
                 "data": base64.b64encode(p.data).decode("ascii")}
                for p in self.strip.pending()
            ],
            "saved_at": timeparse.utc_now().isoformat(),
        }

    def restore_state(self, data: dict[str, Any]) -> None:
        blocked = self._loading
        self._loading = True
        try:
            kind = data.get("kind")
            if kind in KINDS:
                self._set_kind(kind)
            self.summary.setText(str(data.get("summary", "")))
            try:
                when = datetime.fromisoformat(str(data.get("occurred_at")))
                self.when.set_value(when, str(data.get("precision") or "exact"))
            except ValueError:
                log.info("draft without a usable date; keeping the form's date")
            known = {p.id for p in (self._journal.list_persons() if self._journal else [])}
            ids = [pid for pid in data.get("persons", []) if pid in known]
            self.persons.set_chosen(ids, list(data.get("new_persons", [])))
            self.details.setPlainText(str(data.get("details", "")))
            for name in ("channel", "location", "witnesses", "tags", "amount", *_TEXT_FIELDS):
                getattr(self, name).setText(str(data.get(name, "")))
            self.currency.set_currency(str(data.get("currency") or DEFAULT_CURRENCY))
            for name in _CHOICE_FIELDS:
                if data.get(name):
                    getattr(self, name).set_value(str(data[name]))
            self.reported_to.set_value(str(data.get("reported_to") or ""))
            self._source_entry_id = data.get("source_entry_id")
            pending = []
            for item in data.get("attachments", []):
                try:
                    pending.append(PendingAttachment(str(item["filename"]),
                                                     base64.b64decode(item["data"]),
                                                     str(item.get("caption", ""))))
                except (KeyError, ValueError, TypeError):
                    log.warning("a held attachment in the draft could not be read")
            if pending and self.entry_id is None:
                self.strip.set_pending(pending)
            elif pending and self._journal is not None and self.entry_id is not None:
                for p in pending:  # an entry's draft never holds files, but never drop them
                    self.strip.add_bytes(p.data, p.filename)
            self._apply_kind()
        finally:
            self._loading = blocked

    def _changed(self, *_: Any) -> None:
        if self._loading:
            return
        self._unsaved = True
        self._draft_stale = True

    def has_unsaved_changes(self) -> bool:
        return self._unsaved

    def _autosave(self) -> None:
        if self._draft_stale:
            self.save_draft_now()

    def save_draft_now(self) -> bool:
        """Store the typed state in the journal now (the shell calls this before locking)."""
        if self._journal is None or not self._unsaved:
            return False
        try:
            self._journal.save_draft(self.draft_key, self.state())
        except JournalError as exc:
            log.warning("draft could not be saved: %s", exc.key)
            return False
        self._draft_stale = False
        self._update_status(saved=True)
        return True

    def discard_draft(self) -> None:
        if self._journal is None:
            return
        try:
            self._journal.discard_draft(self.draft_key)
        except JournalError as exc:
            log.warning("draft could not be discarded: %s", exc.key)

    def _update_status(self, saved: bool = False) -> None:
        if saved:
            self.status_label.setText(self.tr("Draft kept safely in the journal at %1")
                                      .replace("%1", datetime.now().strftime("%H:%M:%S")))
        elif self._unsaved and not self._loading:
            self.status_label.setText(self.tr("Restored from a draft. Save to keep it in the journal."))
        else:
            self.status_label.setText("")

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
    def _clear_errors(self) -> None:
        for error in self.errors.values():
            error.clear_message()
        self.general_error.clear_message()

    def show_field_error(self, field: str | None, text: str) -> None:
        key = _ERROR_ROW.get(field or "", field or "")
        label = self.errors.get(key)
        if label is None:
            label = self.general_error
        label.show_message(text)
        row = self._rows.get(key)
        if row is not None:
            self.scroll_area.ensureWidgetVisible(row)

    def build_draft(self) -> tuple[EntryDraft, dict[str, str]]:
        """The form as an EntryDraft (persons not resolved yet) and the problems found
        (``{field: message}``, in the user's language)."""
        lang = current_lang()
        problems: dict[str, str] = {}
        kind = self.current_kind()
        fields = KIND_FIELDS[kind]
        d = EntryDraft(kind=kind)
        d.summary = self.summary.text().strip()
        if not d.summary:
            problems["summary"] = InputError("error.summary_required", field="summary").message(lang)
        d.occurred_at, d.precision = self.when.value()
        if d.occurred_at > timeparse.now() + FUTURE_SLACK:
            problems["occurred_at"] = self.tr(
                "This date is in the future. Check the date and time of what happened.")
        d.details = self.details.toPlainText()
        d.channel = self.channel.text().strip()
        d.location = self.location.text().strip()
        d.witnesses = split_list(self.witnesses.text())
        d.tags = split_list(self.tags.text())
        editing = self.entry_id is not None
        if {"amount", "value"} & set(fields):
            money_field = "value" if kind == "gift" else "amount"
            text = self.amount.text().strip()
            stored = None
            if editing and self._entry is not None:
                stored = self._entry.value if self._entry.kind == "gift" else self._entry.amount
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
        for name in _TEXT_FIELDS:
            if name in fields:
                setattr(d, name, getattr(self, name).text().strip())
        for name in _CHOICE_FIELDS:
            if name in fields:
                value = getattr(self, name).value()
                setattr(d, name, value if value else ("" if editing else None))
        if kind == "report" or any(self._report_values().values()):
            d.reported_to = self.reported_to.value()
            d.reference = self.reference.text().strip()
            d.officer = self.officer.text().strip()
        d.source_entry_id = self._source_entry_id if not editing else None
        return d, problems

    def save(self) -> bool:
        """Validate and store; on success the draft is discarded and the dialog accepted."""
        if self._journal is None:
            return False
        self._clear_errors()
        draft, problems = self.build_draft()
        if problems:
            for field, text in problems.items():
                self.show_field_error(field, text)
            first = next(k for k in ("summary", "occurred_at", "money") if k in problems)
            {"summary": self.summary, "occurred_at": self.when.edit, "money": self.amount}[first].setFocus()
            return False
        journal = self._journal
        pending = self.strip.pending() if self.entry_id is None else []
        try:
            with journal.transaction():
                draft.persons = self._resolve_persons(journal)
                if self.entry_id is None:
                    entry = journal.add_entry(draft)
                    for p in pending:
                        journal.add_attachment(entry_id=entry.id, data=p.data,
                                               filename=p.filename, caption=p.caption)
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

    # ------------------------------------------------------------------ drop and paste anywhere
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.strip.dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self.strip.dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.strip.dropEvent(event)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        """Ctrl+V with an image (and no text) on the clipboard adds it as an attachment, even
        while the cursor is in a text field."""
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and \
                isinstance(event, QKeyEvent) and event.matches(QKeySequence.StandardKey.Paste):
            mime = QApplication.clipboard().mimeData()
            if mime is not None and mime.hasImage() and not mime.hasText():
                if event.type() == QEvent.Type.KeyPress:
                    self.strip.paste_from_clipboard()
                event.accept()
                return True
        return super().eventFilter(obj, event)
