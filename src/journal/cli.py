"""``journal-cli``: the scriptable face of the journal (DESIGN §6 is its contract).

Exit codes: 0 done; 1 bad input or refused (nothing changed); 2 usage; 3 wrong passphrase;
4 not a journal or damaged; 5 integrity check failed.
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from journal import __version__
from journal.clitext import entries_table, entry_details, persons_table, t
from journal.core import paths
from journal.core.errors import InputError, JournalError, NotAJournalError
from journal.core.i18n import normalise_lang
from journal.core.models import KINDS, EntryDraft, Handle

log = logging.getLogger("journal.cli")

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_PASSPHRASE, EXIT_DAMAGED, EXIT_INTEGRITY = 0, 1, 2, 3, 4, 5


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse's own exit code 2 = usage
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


# ---------------------------------------------------------------------------- argument parsing
def _entry_options(p: argparse.ArgumentParser, *, edit: bool) -> None:
    p.add_argument("--summary", help="one-line summary")
    p.add_argument("--when", help="when it happened: 2024-03-05, 2024-03-05 14:30, ISO 8601; "
                                  "~ prefix for approximate (default: now)")
    p.add_argument("--details", help="free text")
    p.add_argument("--person", action="append", metavar="NAME_OR_ID",
                   help="a person involved (created if the name is new); repeatable")
    p.add_argument("--channel", help="app or medium, e.g. WeChat, Telegram")
    p.add_argument("--location")
    p.add_argument("--tag", action="append")
    p.add_argument("--attach", action="append", metavar="FILE")
    p.add_argument("--amount", help="payment amount, or pay offered for a request")
    p.add_argument("--currency", help="ISO 4217 code (default CNY)")
    p.add_argument("--method", help="wechat, alipay, bank, cash, crypto, other")
    p.add_argument("--direction", help="received, sent, promised")
    p.add_argument("--item", help="gift item")
    p.add_argument("--value", help="gift's estimated value")
    p.add_argument("--task", help="task asked")
    p.add_argument("--target", help="target or place")
    p.add_argument("--status", help="asked, refused, done, partly")
    p.add_argument("--medium", help="chat, call, video, in_person")
    p.add_argument("--initiated-by", help="them or me")
    p.add_argument("--reported-to", metavar="CHANNEL",
                   help="hotline_12339, online_platform, wechat_account, local_office, school, other")
    p.add_argument("--reference")
    p.add_argument("--officer", help="officer or teacher spoken to")
    p.add_argument("--witness", action="append")
    if edit:
        p.add_argument("--kind", choices=KINDS, help="change the kind")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="journal-cli", description="Incident Journal: an offline, encrypted journal.")
    parser.add_argument("--version", action="version", version=f"journal-cli {__version__}")
    parser.add_argument("--journal", metavar="PATH", help="journal file (default: the user data dir's journal)")
    parser.add_argument("--passphrase-file", metavar="F")
    parser.add_argument("--new-passphrase-file", metavar="F")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    sub.add_parser("init", help="create a new journal")

    person = sub.add_parser("person", help="persons (counterparts)")
    psub = person.add_subparsers(dest="person_command", metavar="{add,list}", parser_class=_Parser)
    psub.required = True
    padd = psub.add_parser("add")
    padd.add_argument("name")
    padd.add_argument("--alias", action="append")
    padd.add_argument("--role")
    padd.add_argument("--organisation", "--organization")
    padd.add_argument("--platform")
    padd.add_argument("--handle", action="append", metavar="KIND:VALUE")
    padd.add_argument("--notes")
    plist = psub.add_parser("list")
    plist.add_argument("--json", action="store_true")

    add = sub.add_parser("add", help="record an entry")
    add.add_argument("kind", metavar="KIND", help="one of: " + ", ".join(KINDS))
    _entry_options(add, edit=False)
    edit = sub.add_parser("edit", help="edit an entry (a new revision)")
    edit.add_argument("id")
    _entry_options(edit, edit=True)
    sub.add_parser("delete", help="move an entry to the trash").add_argument("id")

    lst = sub.add_parser("list")
    lst.add_argument("--kind", action="append")
    lst.add_argument("--person")
    lst.add_argument("--since")
    lst.add_argument("--until")
    lst.add_argument("--include-deleted", action="store_true")
    lst.add_argument("--json", action="store_true")
    show = sub.add_parser("show")
    show.add_argument("id")
    show.add_argument("--history", action="store_true")
    show.add_argument("--json", action="store_true")
    search = sub.add_parser("search")
    search.add_argument("text")
    search.add_argument("--json", action="store_true")
    signs = sub.add_parser("signs", help="warning signs; set one aside as 'not this'")
    signs.add_argument("--json", action="store_true")
    ssub = signs.add_subparsers(dest="signs_command", metavar="{dismiss,undismiss}",
                                parser_class=_Parser)
    dismiss = ssub.add_parser("dismiss", help="set a sign aside as 'not this', with a reason")
    dismiss.add_argument("sign", metavar="WS-ID")
    dismiss.add_argument("--reason", required=True, help="why it does not fit (a few words)")
    ssub.add_parser("undismiss", help="count a sign set aside again").add_argument(
        "sign", metavar="WS-ID")
    sub.add_parser("verify").add_argument("--json", action="store_true")

    export = sub.add_parser("export")
    esub = export.add_subparsers(dest="export_command", metavar="{pdf,text,overview}",
                                 parser_class=_Parser)
    esub.required = True
    pdf = esub.add_parser("pdf")
    pdf.add_argument("out")
    pdf.add_argument("--lang", choices=("zh", "en"))
    pdf.add_argument("--since")
    pdf.add_argument("--until")
    pdf.add_argument("--no-attachments", action="store_true")
    pdf.add_argument("--redact", action="store_true")
    pdf.add_argument("--password-file", metavar="F")
    pdf.add_argument("--prepared-by")
    text = esub.add_parser("text")
    text.add_argument("out")
    text.add_argument("--lang", choices=("zh", "en"))
    overview = esub.add_parser("overview")
    overview.add_argument("out", help="OUT.svg or OUT.png")
    overview.add_argument("--lang", choices=("zh", "en"))

    imp = sub.add_parser("import")
    isub = imp.add_subparsers(dest="import_command", metavar="{telegram,whatsapp,csv}", parser_class=_Parser)
    isub.required = True
    tg = isub.add_parser("telegram")
    tg.add_argument("file")
    tg.add_argument("--person")
    wa = isub.add_parser("whatsapp")
    wa.add_argument("file")
    wa.add_argument("--me")
    wa.add_argument("--person")
    cs = isub.add_parser("csv")
    cs.add_argument("file")
    for p in (tg, wa, cs):
        p.add_argument("--tz", help="time zone of the export's times (default: this computer's)")

    sub.add_parser("backup").add_argument("out")
    sub.add_parser("restore", help="restore ID (an entry from the trash) or BACKUP (a backup file)"
                   ).add_argument("backup", metavar="ID_OR_BACKUP")
    sub.add_parser("rekey")
    sub.add_parser("demo").add_argument("out")
    return parser


# ---------------------------------------------------------------------------- helpers
def _lang() -> str:
    from journal.core.settings import load

    try:
        return normalise_lang(load().effective_language())
    except Exception:  # noqa: BLE001 - never fail on preferences
        return "en"


def _read_secret_file(path: str) -> str:
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except FileNotFoundError:
        raise InputError("error.file_missing", path=path) from None
    except (OSError, UnicodeDecodeError):
        raise InputError("error.file_unreadable", path=path) from None
    return text.splitlines()[0] if text.splitlines() else ""


def _prompt(prompt: str) -> str:
    if not sys.stdin or not sys.stdin.isatty():
        raise InputError("error.passphrase_empty")
    try:
        return getpass.getpass(prompt)
    except EOFError:
        raise InputError("error.passphrase_empty") from None


def _passphrase(args: argparse.Namespace, lang: str) -> str:
    if args.passphrase_file:
        value = _read_secret_file(args.passphrase_file)
    elif os.environ.get("JOURNAL_PASSPHRASE") is not None:
        value = os.environ["JOURNAL_PASSPHRASE"]
    else:
        value = _prompt(t("cli.passphrase_prompt", lang))
    if not value:
        raise InputError("error.passphrase_empty")
    return value


def _new_passphrase(args: argparse.Namespace, lang: str) -> str:
    if args.new_passphrase_file:
        return _read_secret_file(args.new_passphrase_file)
    if os.environ.get("JOURNAL_NEW_PASSPHRASE") is not None:
        return os.environ["JOURNAL_NEW_PASSPHRASE"]
    first = _prompt(t("cli.new_passphrase_prompt", lang))
    if first != _prompt(t("cli.repeat_prompt", lang)):
        raise InputError("error.passphrase_mismatch")
    return first


def _journal_path(args: argparse.Namespace) -> Path:
    return Path(args.journal).expanduser() if args.journal else paths.default_journal_path()


def _open(args: argparse.Namespace, lang: str) -> Any:
    from journal.core.store import Journal

    path = _journal_path(args)
    from journal.core import crypto

    crypto.read_header(path)  # a missing or foreign file is reported before asking a passphrase
    return Journal.open(path, _passphrase(args, lang))


def _print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


def _handles(values: Sequence[str] | None) -> list[Handle]:
    from journal.core.models import HANDLE_KINDS

    out = []
    for raw in values or []:
        kind, sep, value = raw.partition(":")
        if not sep or not value.strip() or kind.strip().lower() not in HANDLE_KINDS:
            raise InputError("error.bad_handle", field="handle", text=raw, kinds=", ".join(HANDLE_KINDS))
        out.append(Handle(kind.strip().lower(), value.strip()))
    return out


def _draft(j: Any, args: argparse.Namespace, kind: str | None) -> EntryDraft:
    from journal.core.timeparse import parse_when

    draft = EntryDraft(kind=kind)
    if args.when is not None:
        draft.occurred_at, draft.precision = parse_when(args.when, field="when")
    for name in ("summary", "details", "channel", "location", "method", "direction", "item",
                 "task", "target", "status", "medium", "initiated_by", "reported_to",
                 "reference", "officer", "currency"):
        setattr(draft, name, getattr(args, name))
    if args.amount is not None:
        from journal.core.money import parse_amount

        draft.amount = parse_amount(args.amount, field="amount")
    if args.value is not None:
        from journal.core.money import parse_amount

        draft.value = parse_amount(args.value, field="value")
    if args.tag is not None:
        draft.tags = args.tag
    if args.witness is not None:
        draft.witnesses = args.witness
    if args.person is not None:
        draft.persons = [j.person_for_name(name).id for name in args.person]
    return draft


# ---------------------------------------------------------------------------- commands
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
    print(t("cli.created", lang, path=path))
    return EXIT_OK


def cmd_person(args: argparse.Namespace, lang: str) -> int:
    with _open(args, lang) as j:
        if args.person_command == "add":
            p = j.add_person(args.name, aliases=args.alias or [], role=args.role or "",
                             organisation=args.organisation or "", platform=args.platform or "",
                             handles=_handles(args.handle), notes=args.notes or "")
            print(p.id)
            print(t("cli.person_added", lang, name=p.name, id=p.id), file=sys.stderr)
        else:
            from journal.core.codec import person_to_json

            persons = j.list_persons()
            if args.json:
                _print_json([person_to_json(p) for p in persons])
            else:
                print(persons_table(persons, lang) if persons else t("cli.no_persons", lang))
    return EXIT_OK


def cmd_add(args: argparse.Namespace, lang: str) -> int:
    kind = args.kind.strip().lower()
    if kind not in KINDS:
        raise InputError("error.unknown_kind", field="kind", kind=args.kind, kinds=", ".join(KINDS))
    if args.summary is None:
        raise InputError("error.summary_required", field="summary")
    with _open(args, lang) as j:
        with j.transaction():  # the entry, new persons and attachments together or not at all
            entry = j.add_entry(_draft(j, args, kind))
            for f in args.attach or []:
                j.add_attachment(entry_id=entry.id, path=f)
        print(entry.id)
    return EXIT_OK


def cmd_edit(args: argparse.Namespace, lang: str) -> int:
    with _open(args, lang) as j:
        eid = j.resolve_entry_id(args.id)
        with j.transaction():
            entry = j.edit_entry(eid, _draft(j, args, args.kind))
            for f in args.attach or []:
                j.add_attachment(entry_id=eid, path=f)
        entry = j.get_entry(eid)
        print(t("cli.edited", lang, id=eid, rev=entry.revision))
    return EXIT_OK


def cmd_delete(args: argparse.Namespace, lang: str) -> int:
    with _open(args, lang) as j:
        eid = j.resolve_entry_id(args.id)
        j.delete_entry(eid)
        print(t("cli.deleted", lang, id=eid))
    return EXIT_OK


def cmd_restore_entry(args: argparse.Namespace, lang: str) -> int:
    with _open(args, lang) as j:
        eid = j.resolve_entry_id(args.id)
        j.restore_entry(eid)
        print(t("cli.restored", lang, id=eid))
    return EXIT_OK


def cmd_restore(args: argparse.Namespace, lang: str) -> int:
    """``restore ID`` (an entry from the trash) or ``restore BACKUP`` (a backup file)."""
    value = args.backup
    if Path(value).expanduser().is_file():
        from journal.core import backup as backups

        target = _journal_path(args)
        existed = target.exists()
        src = Path(value).expanduser()
        backups.restore(src, target, passphrase=_passphrase(args, lang))
        if existed:
            kept = sorted(target.parent.glob(target.name + ".before-restore-*"))
            print(t("cli.restore_done", lang, path=target, kept=kept[-1] if kept else "?"))
        else:
            print(t("cli.restore_done_new", lang, path=target))
        return EXIT_OK
    args.id = value
    return cmd_restore_entry(args, lang)


def _bounds(args: argparse.Namespace) -> tuple[Any, Any]:
    from journal.core.timeparse import parse_date_bound

    since = parse_date_bound(args.since, field="since") if getattr(args, "since", None) else None
    until = parse_date_bound(args.until, end=True, field="until") if getattr(args, "until", None) else None
    return since, until


def cmd_list(args: argparse.Namespace, lang: str) -> int:
    from journal.core.codec import entry_to_json

    since, until = _bounds(args)
    kinds = [k.strip().lower() for k in args.kind] if args.kind else None
    with _open(args, lang) as j:
        person_id = None
        if args.person:
            person = j.find_person(args.person)
            if person is None:
                raise InputError("error.not_found", field="person", what=t("what.person", lang), ref=args.person)
            person_id = person.id
        entries = j.list_entries(kinds=kinds, person_id=person_id, since=since, until=until,
                                 include_deleted=args.include_deleted)
        if args.json:
            _print_json([entry_to_json(e) for e in entries])
        else:
            print(entries_table(entries, lang) if entries else t("cli.no_entries", lang))
    return EXIT_OK


def cmd_show(args: argparse.Namespace, lang: str) -> int:
    from journal.core.codec import entry_to_json

    with _open(args, lang) as j:
        entry = j.get_entry(j.resolve_entry_id(args.id))
        history = j.history(entry.id) if args.history else None
        if args.json:
            data = entry_to_json(entry)
            if history is not None:
                data["history"] = [{"revision": r.revision, "saved_at": r.saved_at.isoformat(),
                                    "action": r.action, "data": r.data} for r in history]
            _print_json(data)
        else:
            print(entry_details(entry, lang))
            if history is not None:
                print(f"\n{t('cli.history', lang)}:")
                for r in history:
                    print(f"  {r.revision:>3}  {r.saved_at:%Y-%m-%d %H:%M:%S} UTC  {r.action}  "
                          f"{r.data.get('summary', '')}")
    return EXIT_OK


def cmd_search(args: argparse.Namespace, lang: str) -> int:
    from journal.core.codec import entry_to_json

    with _open(args, lang) as j:
        entries = j.get_entries(j.search(args.text))
        if args.json:
            _print_json([entry_to_json(e) for e in entries])
        else:
            print(entries_table(entries, lang) if entries else t("cli.no_matches", lang, text=args.text))
    return EXIT_OK


def cmd_signs(args: argparse.Namespace, lang: str) -> int:
    from journal.core import signs

    if args.signs_command == "dismiss":
        with _open(args, lang) as j:
            d = signs.dismiss(j, args.sign, args.reason)
        print(t("cli.sign_dismissed", lang, id=d.sign_id))
        return EXIT_OK
    if args.signs_command == "undismiss":
        with _open(args, lang) as j:
            signs.undismiss(j, args.sign)
        print(t("cli.sign_undismissed", lang, id=args.sign.strip().upper()))
        return EXIT_OK
    with _open(args, lang) as j:
        results = signs.evaluate_journal(j)
        if args.json:
            _print_json(signs.signs_to_json(results, lang))
            return EXIT_OK
        if not results:
            print(t("cli.no_signs", lang))
            return EXIT_OK
        entries = {e.id: e for e in j.get_entries(sorted({i for r in results for i in r.evidence}))}
        for r in results:
            level = {"present": "●", "possible": "○"}[r.level]
            if r.dismissed is not None:
                level = "–"
            print(f"{level} {r.id}  {r.title(lang)}  [{r.level_label(lang)}]")
            if r.dismissed is not None:
                print("    " + t("cli.sign_set_aside", lang, reason=r.dismissed.reason))
            for reason in r.reasons:
                print("    " + t("cli.sign_why", lang, text=reason.text(lang)))
            for eid in r.evidence:
                e = entries.get(eid)
                if e:
                    print(f"    {eid}  {e.occurred_at:%Y-%m-%d}  {e.summary}")
        print("\n" + t("cli.signs_footer", lang))
    return EXIT_OK


def cmd_verify(args: argparse.Namespace, lang: str) -> int:
    with _open(args, lang) as j:
        result = j.verify()
    if args.json:
        _print_json({"ok": result.ok, "records": result.records, "attachments": result.attachments,
                     "head_hash": result.head_hash, "problems": result.problems,
                     "first_break_seq": result.first_break_seq})
    elif result.ok:
        print(t("cli.verify_ok", lang, records=result.records, attachments=result.attachments,
                head=result.head_hash))
    else:
        print(t("cli.verify_bad", lang, first=result.problems[0]), file=sys.stderr)
        for p in result.problems[1:20]:
            print("  " + p, file=sys.stderr)
    return EXIT_OK if result.ok else EXIT_INTEGRITY


def cmd_export(args: argparse.Namespace, lang: str) -> int:
    from journal.core.report import ReportOptions, build_pdf, build_text

    out_lang = args.lang or lang
    out = Path(args.out).expanduser()
    if args.export_command == "pdf":
        password = None
        if args.password_file:
            password = _read_secret_file(args.password_file)
            if not password:
                raise InputError("error.passphrase_empty", field="password")
        since, until = _bounds(args)
        options = ReportOptions(lang=out_lang, since=since.date() if since else None,
                                until=until.date() if until else None,
                                include_attachments=not args.no_attachments, redact=args.redact,
                                password=password, prepared_by=args.prepared_by or "")
        with _open(args, lang) as j:
            build_pdf(j, out, options)
    elif args.export_command == "overview":
        from journal.core.overview.export import check_target, export_overview

        check_target(None, out)  # a wrong name is refused before the passphrase is asked
        with _open(args, lang) as j:
            export_overview(j, out, out_lang, png_renderer=_png_renderer)
    else:
        with _open(args, lang) as j:
            text = build_text(j, ReportOptions(lang=out_lang))
        from journal.core.fileout import write_text_atomic

        write_text_atomic(out, text)
    print(t("cli.exported", lang, path=out))
    return EXIT_OK


def _png_renderer(data: Any) -> bytes:
    """PNG through Qt's painter (the same painting as the window), loaded only for PNG."""
    import journal.gui  # noqa: F401 - the PySide6-on-3.11 workaround before any Qt call
    from journal.gui.overview.render import png_bytes

    return png_bytes(data)


def cmd_import(args: argparse.Namespace, lang: str) -> int:
    from journal.core.importers.apply import import_file

    with _open(args, lang) as j:
        result = import_file(j, args.import_command, Path(args.file).expanduser(), tz=args.tz,
                             person=getattr(args, "person", None), me=getattr(args, "me", None))
    if result.duplicate:
        print(t("cli.import_duplicate", lang))
    else:
        print(t("cli.imported", lang, messages=result.messages, days=result.days,
                attachments=result.attachments, entries=len(result.entry_ids)))
    return EXIT_OK


def cmd_backup(args: argparse.Namespace, lang: str) -> int:
    out = Path(args.out).expanduser()
    if out.exists():
        raise InputError("error.file_exists", path=str(out))
    with _open(args, lang) as j:
        j.backup(out)
    print(t("cli.backup_done", lang, path=out))
    return EXIT_OK


def cmd_rekey(args: argparse.Namespace, lang: str) -> int:
    from journal.core import crypto

    with _open(args, lang) as j:
        new = _new_passphrase(args, lang)
        crypto.check_new_passphrase(new)
        j.rekey(new)
    print(t("cli.rekey_done", lang))
    return EXIT_OK


def cmd_demo(args: argparse.Namespace, lang: str) -> int:
    from journal.core.demo import DEMO_PASSPHRASE, build_demo

    out = Path(args.out).expanduser()
    if out.exists():
        raise InputError("error.file_exists", path=str(out))
    build_demo(out).close()
    print(t("cli.demo_done", lang, path=out, passphrase=DEMO_PASSPHRASE))
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace, str], int]] = {
    "init": cmd_init, "person": cmd_person, "add": cmd_add, "edit": cmd_edit,
    "delete": cmd_delete, "restore": cmd_restore, "list": cmd_list, "show": cmd_show,
    "search": cmd_search, "signs": cmd_signs, "verify": cmd_verify, "export": cmd_export,
    "import": cmd_import, "backup": cmd_backup, "rekey": cmd_rekey, "demo": cmd_demo,
}


def main(argv: Sequence[str] | None = None) -> int:
    from journal.core.logsetup import setup_logging

    log_file = setup_logging("journal-cli")
    lang = _lang()
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args, lang)
    except JournalError as exc:
        print(exc.message(lang), file=sys.stderr)
        log.info("refused: %s", exc.key)
        return exc.exit_code
    except KeyboardInterrupt:
        print(t("cli.interrupted", lang), file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the stack trace goes to the log, not the screen
        import sqlcipher3

        from journal.core.logsetup import describe_exception

        if isinstance(exc, sqlcipher3.DatabaseError):
            log.error("database error: %s", describe_exception(exc))
            print(NotAJournalError().message(lang), file=sys.stderr)
            return EXIT_DAMAGED
        log.error("unexpected error: %s", describe_exception(exc))  # never the message: content
        print(t("cli.unexpected", lang, log=log_file), file=sys.stderr)
        return EXIT_INPUT


if __name__ == "__main__":
    sys.exit(main())
