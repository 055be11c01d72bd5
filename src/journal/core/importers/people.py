"""Who an import's senders and counterparts are in the journal: found by name or alias, or
made (with the handles the file shows), inside the import's transaction."""

from __future__ import annotations

import re
from typing import Any

from journal.core.errors import InputError
from journal.core.models import Handle, Person

from .common import APP_NAMES

MAX_NAME = 200
_PHONE_RE = re.compile(r"^\+?[\d ()\-.]{7,24}$")


class ImportPersons:
    """Sender name → person id, creating people as needed (inside the import's transaction)."""

    def __init__(self, journal: Any, app: str, mapping: dict[str, str],
                 handles: dict[str, list[tuple[str, str]]] | None = None) -> None:
        self.journal = journal
        self.app = app
        self.mapping = mapping  # sender → person name or id given by the user
        self.handles = handles or {}  # sender → handles the file shows (for new persons)
        self.cache: dict[str, str] = {}

    def id_for(self, sender: str, platform: str | None = None) -> str:
        if sender in self.cache:
            return self.cache[sender]
        target = self.mapping.get(sender, sender)[:MAX_NAME].strip() or "?"
        person: Person | None = None
        try:
            person = self.journal.find_person(target)
        except InputError:  # ambiguous name: make a new person rather than guess
            person = None
        if person is None:
            handles = []
            if self.app in ("whatsapp", "telegram") and _PHONE_RE.match(sender):
                handles.append(Handle(kind="phone", value=sender))
            handles += [Handle(kind=k, value=v) for k, v in self.handles.get(sender, [])]
            person = self.journal.add_person(
                target, handles=handles,
                platform=platform if platform is not None else APP_NAMES.get(self.app, ""))
        if sender != person.name and sender not in person.aliases and sender[:MAX_NAME] == sender:
            self.journal.update_person(person.id, aliases=[*person.aliases, sender])
        self.cache[sender] = person.id
        return person.id
