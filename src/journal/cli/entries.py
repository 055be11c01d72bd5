"""Commands that write entries and persons: init, person, add, edit, delete, restore ID."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from journal.cli.common import (
    EXIT_OK,
    _handles,
    _journal_path,
    _new_passphrase,
    _open,
    _passphrase,
    _print_json,
    say,
)
from journal.clitext import persons_table, t
from journal.core import fields
from journal.core.entryfields import check_kind
from journal.core.errors import InputError
from journal.core.models import EntryDraft


def _draft(j: Any, args: argparse.Namespace, kind: str | None) -> EntryDraft:
    """The options given to ``add``/``edit`` as an EntryDraft (``None``: not given)."""
    from journal.core.money import parse_amount
    from journal.core.timeparse import parse_when

    draft = EntryDraft(kind=kind)
    for spec in fields.FIELD_TABLE:
        value = getattr(args, spec.name, None) if spec.cli else None
        if value is None:
            continue
        if spec.type == fields.WHEN:
            draft.occurred_at, draft.precision = parse_when(value, field="when")
        elif spec.type == fields.PERSONS:
            draft.persons = [j.person_for_name(name).id for name in value]
        elif spec.type == fields.DECIMAL:
            setattr(draft, spec.name, parse_amount(value, field=spec.name))
        elif spec.type == fields.CHOICE:
            setattr(draft, spec.name, fields.parse_choice(spec.name, value) or "")
        else:
            setattr(draft, spec.name, value)
    return draft


def cmd_init(args: argparse.Namespace, lang: str) -> int:
    from journal.core.store import Journal

    path = _journal_path(args)
    if path.exists():
        raise InputError("error.file_exists", path=str(path))
    # a new passphrase: JOURNAL_NEW_PASSPHRASE / --new-passphrase-file, else the ordinary
    # passphrase sources (a script may set only JOURNAL_PASSPHRASE), else a prompt asked twice
    if args.new_passphrase_file or os.environ.get("JOURNAL_NEW_PASSPHRASE") is not None:
        passphrase = _new_passphrase(args, lang)
    elif args.passphrase_file or os.environ.get("JOURNAL_PASSPHRASE") is not None:
        passphrase = _passphrase(args, lang)
    else:
        passphrase = _new_passphrase(args, lang)
    Journal.create(path, passphrase).close()
    say(t("cli.created", lang, path=path))
    return EXIT_OK


def cmd_person(args: argparse.Namespace, lang: str) -> int:
    with _open(args, lang, write=args.person_command == "add") as j:
        if args.person_command == "add":
            p = j.add_person(args.name, aliases=args.alias or [], role=args.role or "",
                             organisation=args.organisation or "", platform=args.platform or "",
                             handles=_handles(args.handle), notes=args.notes or "")
            say(p.id)
            say(t("cli.person_added", lang, name=p.name, id=p.id), file=sys.stderr)
        else:
            from journal.core.codec import person_to_json

            persons = j.list_persons()
            if args.json:
                _print_json([person_to_json(p) for p in persons])
            else:
                say(persons_table(persons, lang) if persons else t("cli.no_persons", lang))
    return EXIT_OK


def cmd_add(args: argparse.Namespace, lang: str) -> int:
    kind = check_kind(args.kind)
    if args.summary is None:
        raise InputError("error.summary_required", field="summary")
    with _open(args, lang) as j:
        with j.transaction():  # the entry, new persons and attachments together or not at all
            entry = j.add_entry(_draft(j, args, kind))
            for f in args.attach or []:
                j.add_attachment(entry_id=entry.id, path=f)
        say(entry.id)
    return EXIT_OK


def cmd_edit(args: argparse.Namespace, lang: str) -> int:
    with _open(args, lang) as j:
        eid = j.resolve_entry_id(args.id)
        with j.transaction():
            entry = j.edit_entry(eid, _draft(j, args, check_kind(args.kind) if args.kind else None))
            for f in args.attach or []:
                j.add_attachment(entry_id=eid, path=f)
        entry = j.get_entry(eid)
        say(t("cli.edited", lang, id=eid, rev=entry.revision))
    return EXIT_OK


def cmd_delete(args: argparse.Namespace, lang: str) -> int:
    with _open(args, lang) as j:
        eid = j.resolve_entry_id(args.id)
        j.delete_entry(eid)
        say(t("cli.deleted", lang, id=eid))
    return EXIT_OK


def cmd_restore_entry(args: argparse.Namespace, lang: str) -> int:
    with _open(args, lang) as j:
        eid = j.resolve_entry_id(args.id)
        j.restore_entry(eid)
        say(t("cli.restored", lang, id=eid))
    return EXIT_OK

