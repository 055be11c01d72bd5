"""The entry editor's drafts: the form saved to and restored from a JSON-able dict, kept
encrypted in the journal (``journal.save_draft``), and the form filled from an entry or an
:class:`EntryDraft`."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import TYPE_CHECKING, Any

from journal.core import timeparse
from journal.core.errors import JournalError
from journal.core.models import KINDS, Entry, EntryDraft
from journal.core.money import DEFAULT_CURRENCY
from journal.gui.editor.attachments import held_to_state
from journal.gui.editor.base import EditorBase
from journal.gui.editor.kinds import CHOICE_FIELDS, TEXT_FIELDS

if TYPE_CHECKING:
    from journal.core.store import Journal

log = logging.getLogger(__name__)

DRAFT_PREFIX = "editor:"
NEW_DRAFT_KEY = "editor:new"
STATE_VERSION = 1


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


class EditorDraftState(EditorBase):
    # ------------------------------------------------------------------ filling
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
        for name in TEXT_FIELDS:
            value = getattr(src, name)
            if value:
                getattr(self, name).setText(value)
        for name in CHOICE_FIELDS:
            value = getattr(src, name)
            if value:
                getattr(self, name).set_value(value)
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
            **{name: getattr(self, name).text() for name in TEXT_FIELDS},
            **{name: getattr(self, name).value() or "" for name in CHOICE_FIELDS},
            "source_entry_id": self._source_entry_id,
            "attachments": held_to_state(self.strip.pending()),
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
            for name in ("channel", "location", "witnesses", "tags", "amount", *TEXT_FIELDS):
                getattr(self, name).setText(str(data.get(name, "")))
            self.currency.set_currency(str(data.get("currency") or DEFAULT_CURRENCY))
            for name in CHOICE_FIELDS:
                if data.get(name):
                    getattr(self, name).set_value(str(data[name]))
            self._source_entry_id = data.get("source_entry_id")
            self._restore_held(data.get("attachments", []))
            self._apply_kind()
        finally:
            self._loading = blocked

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

