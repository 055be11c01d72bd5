"""Commands that only read: list, show, search, signs (and setting a sign aside)."""

from __future__ import annotations

import argparse
from typing import Any

from journal.cli.common import EXIT_OK, _bounds, _open, _print_json, _print_json_list, say
from journal.clitext import entries_table_lines, entry_details, t
from journal.core.entryfields import check_kind
from journal.core.errors import InputError
from journal.core.timeparse import show_when


def cmd_list(args: argparse.Namespace, lang: str) -> int:
    since, until = _bounds(args)
    kinds = [check_kind(k) for k in args.kind] if args.kind else None
    with _open(args, lang, write=False) as j:
        person_id = None
        if args.person:
            person = j.find_person(args.person)
            if person is None:
                raise InputError("error.not_found", field="person", what=t("what.person", lang), ref=args.person)
            person_id = person.id
        ids = j.entry_ids(kinds=kinds, person_id=person_id, since=since, until=until,
                          include_deleted=args.include_deleted)
        _print_entries(j, ids, args.json, lang, t("cli.no_entries", lang))
    return EXIT_OK


def _print_entries(j: Any, ids: list[str], as_json: bool, lang: str, none: str) -> None:
    """Entries of ``ids`` as JSON or as a table, streamed: loaded a batch at a time and written
    as they come, whatever their number (the ids alone are held)."""
    from journal.core.codec import entry_to_json

    if as_json:
        _print_json_list(entry_to_json(e) for e in j.iter_entries(ids))
    elif not ids:
        say(none)
    else:
        for line in entries_table_lines(lambda: j.iter_entries(ids), lang):
            say(line)


def cmd_show(args: argparse.Namespace, lang: str) -> int:
    from journal.core.codec import entry_to_json

    with _open(args, lang, write=False) as j:
        entry = j.get_entry(j.resolve_entry_id(args.id))
        history = j.history(entry.id) if args.history else None
        if args.json:
            data = entry_to_json(entry)
            if history is not None:
                data["history"] = [{"revision": r.revision, "saved_at": r.saved_at.isoformat(),
                                    "action": r.action, "data": r.data} for r in history]
            _print_json(data)
        else:
            say(entry_details(entry, lang))
            if history is not None:
                say(f"\n{t('cli.history', lang)}:")
                for r in history:
                    saved = show_when(r.saved_at.astimezone(), "exact", lang)
                    say(f"  {r.revision:>3}  {saved}  {r.action}  "
                          f"{r.data.get('summary', '')}")
    return EXIT_OK


def cmd_search(args: argparse.Namespace, lang: str) -> int:
    with _open(args, lang, write=False) as j:
        _print_entries(j, j.search(args.text), args.json, lang,
                       t("cli.no_matches", lang, text=args.text))
    return EXIT_OK


def cmd_signs(args: argparse.Namespace, lang: str) -> int:
    from journal.core import signs

    if args.signs_command == "dismiss":
        with _open(args, lang) as j:
            d = signs.dismiss(j, args.sign, args.reason)
        say(t("cli.sign_dismissed", lang, id=d.sign_id))
        return EXIT_OK
    if args.signs_command == "undismiss":
        with _open(args, lang) as j:
            signs.undismiss(j, args.sign)
        say(t("cli.sign_undismissed", lang, id=args.sign.strip().upper()))
        return EXIT_OK
    with _open(args, lang, write=False, signs=True) as j:
        results = signs.evaluate_journal(j)
        if args.json:  # sign by sign; reasons of the first 20 evidence entries unless all asked
            _print_json_list(signs.iter_signs_json(results, lang, args.all_reasons))
            return EXIT_OK
        if not results:
            say(t("cli.no_signs", lang))
            return EXIT_OK
        # the first REASONS_LISTED evidence entries of each sign are listed (every one with
        # --all-reasons): a sign resting on tens of thousands of entries is read on a screen,
        # not scrolled; --json gives every id. Each listed entry's line is read once (an entry
        # may show several signs), a batch of entries at a time: the lines are kept, not the
        # entries
        listed = {r.id: r.evidence if args.all_reasons else r.evidence[:signs.REASONS_LISTED]
                  for r in results}
        lines = {e.id: f"    {e.id}  {show_when(e.occurred_at, e.precision, lang)}  {e.summary}"
                 for e in j.iter_entries(list(dict.fromkeys(i for ids in listed.values()
                                                            for i in ids)))}
        for r in results:
            level = {"present": "●", "possible": "○"}[r.level]
            if r.dismissed is not None:
                level = "–"
            say(f"{level} {r.id}  {r.title(lang)}  [{r.level_label(lang)}]")
            if r.dismissed is not None:
                say("    " + t("cli.sign_set_aside", lang, reason=r.dismissed.reason))
            for reason in r.all_reasons() if args.all_reasons else r.first_reasons():
                say("    " + t("cli.sign_why", lang, text=reason.text(lang)))
            for eid in listed[r.id]:
                if eid in lines:
                    say(lines[eid])
            if not args.all_reasons and r.reasons_not_listed():
                say("    " + t("cli.signs_more_entries", lang, n=r.reasons_not_listed()))
        say("\n" + t("cli.signs_footer", lang))
    return EXIT_OK
