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

from journal import __version__, clihelp
from journal.clitext import entries_table, entry_details, persons_table, t
from journal.core import fields, paths
from journal.core.entryfields import check_kind
from journal.core.errors import InputError, JournalError, NotAJournalError
from journal.core.i18n import normalise_lang
from journal.core.models import EntryDraft, Handle

log = logging.getLogger("journal.cli")

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_PASSPHRASE, EXIT_DAMAGED, EXIT_INTEGRITY = 0, 1, 2, 3, 4, 5


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse's own exit code 2 = usage
        self.print_usage(sys.stderr)
        lang = getattr(self, "lang", "en")
        if lang == "zh":
            self.exit(EXIT_USAGE, f"{self.prog}：错误：{clihelp.error_text(message, lang)}\n")
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


# ---------------------------------------------------------------------------- argument parsing
def _choice_help(spec: fields.Field, lang: str) -> str:
    return ("；" if lang == "zh" else "; ").join(f"{c.id} = {c.en} = {c.zh}" for c in spec.choices)


def _entry_options(p: argparse.ArgumentParser, *, edit: bool, lang: str) -> None:
    """The options of ``add`` and ``edit``: one per field of journal.core.fields, help in ``lang``."""
    for spec in fields.FIELD_TABLE:
        if spec.cli is None:
            continue
        text = spec.help(lang)
        if not spec.common:
            kinds = "、".join if lang == "zh" else ", ".join
            text += f" [{kinds(fields.kind_label(k, lang) for k in spec.kinds)}]"
        if spec.type == fields.CHOICE:
            text += ("：" if lang == "zh" else " — ") + _choice_help(spec, lang)
        repeat = spec.type in (fields.LIST, fields.PERSONS)
        p.add_argument(spec.cli, dest=spec.name, action="append" if repeat else "store",
                       metavar=spec.cli[2:].upper().replace("-", "_"), help=text.replace("%", "%%"))
    p.add_argument("--attach", action="append", metavar="FILE",
                   help="附加一个文件；可重复" if lang == "zh" else "attach a file; repeatable")
    if edit:
        p.add_argument("--kind", help=("改为另一种类型：" if lang == "zh" else "change the kind: ")
                       + ("；" if lang == "zh" else ", ").join(f"{k.id} = {k.en} = {k.zh}" for k in fields.KIND_TABLE))


def build_parser(lang: str = "en") -> argparse.ArgumentParser:
    parser = _Parser(prog="journal-cli", description="Incident Journal: an offline, encrypted journal.")
    parser.add_argument("--version", action="version", version=f"journal-cli {__version__}")
    parser.add_argument("--journal", metavar="PATH")
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
    add.add_argument("kind", metavar="KIND", help=("；" if lang == "zh" else "; ").join(f"{k.id} = {k.en} = {k.zh}"
                                                          for k in fields.KIND_TABLE))
    _entry_options(add, edit=False, lang=lang)
    edit = sub.add_parser("edit", help="edit an entry (a new revision)")
    edit.add_argument("id")
    _entry_options(edit, edit=True, lang=lang)
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
    dismiss.add_argument("--reason", required=True)
    ssub.add_parser("undismiss", help="count a sign set aside again").add_argument(
        "sign", metavar="WS-ID")
    verify = sub.add_parser("verify")
    verify.add_argument("--json", action="store_true")
    verify.add_argument("--expect-head", metavar="HASH")

    export = sub.add_parser("export")
    esub = export.add_subparsers(dest="export_command", metavar="{pdf,text,package,overview}",
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
    text.add_argument("out", help="the file to write, or - for standard output")
    text.add_argument("--lang", choices=("zh", "en"))
    text.add_argument("--redact", action="store_true")
    package = esub.add_parser("package", help="a signed evidence package (zipped BagIt bag)")
    package.add_argument("out", metavar="OUT.zip")
    package.add_argument("--lang", choices=("zh", "en"))
    package.add_argument("--since")
    package.add_argument("--until")
    package.add_argument("--redact", action="store_true")
    package.add_argument("--prepared-by")
    vpkg = sub.add_parser("verify-package",
                          help="check an evidence package (no journal or passphrase needed)")
    vpkg.add_argument("package", metavar="PACKAGE.zip")
    vpkg.add_argument("--expect-key", metavar="FINGERPRINT",
                      help="the signing key fingerprint the package must have")
    overview = esub.add_parser("overview")
    overview.add_argument("out", help="OUT.svg or OUT.png")
    overview.add_argument("--lang", choices=("zh", "en"))

    imp = sub.add_parser("import")
    isub = imp.add_subparsers(
        dest="import_command", parser_class=_Parser,
        metavar="{auto,telegram,whatsapp,csv,qq,wechat,email,wechatpay,alipay,screenshots}")
    isub.required = True
    kinds: dict[str, argparse.ArgumentParser] = {}
    for kind in ("auto", "telegram", "whatsapp", "csv", "qq", "wechat", "email", "wechatpay",
                 "alipay"):
        kp = isub.add_parser(kind)
        kp.add_argument("file")
        kp.add_argument("--tz", help="time zone of the export's times (default: this computer's)")
        kinds[kind] = kp
    for kind in ("auto", "telegram", "whatsapp", "qq", "wechat", "email"):
        kinds[kind].add_argument("--person", help="record the other person under this name")
    for kind in ("auto", "whatsapp", "qq", "wechat", "email"):
        kinds[kind].add_argument("--me", help="your own name in the chat")
    for kind in ("auto", "wechatpay", "alipay"):
        kinds[kind].add_argument(
            "--counterpart", action="append", metavar="NAME",
            help="record every row with this counterpart (repeatable); default: every "
                 "transfer and red packet, no shop purchases")
    shots = isub.add_parser("screenshots")
    shots.add_argument("files", nargs="+", metavar="FILE")
    shots.add_argument("--person", help="the name the other side has in the journal")
    shots.add_argument("--me", help="your own name in the transcript")
    shots.add_argument("--dry-run", action="store_true", help="show what was read; save nothing")

    sub.add_parser("backup").add_argument("out")
    sub.add_parser("restore", help="restore ID (an entry from the trash) or BACKUP (a backup file)"
                   ).add_argument("backup", metavar="ID_OR_BACKUP")
    rekey = sub.add_parser("rekey")
    rekey.add_argument("--delete-old-backups", action="store_true")
    sub.add_parser("demo").add_argument("out")
    clihelp.localise(parser, lang)
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


def _open(args: argparse.Namespace, lang: str, write: bool = True) -> Any:
    """Open the journal: for writing (refused while another process writes it, exit 1), or with
    ``write=False`` for reading only (works next to a writer elsewhere and on read-only files)."""
    from journal.core.store import READ, WRITE, Journal

    path = _journal_path(args)
    from journal.core import crypto

    crypto.read_header(path)  # a missing or foreign file is reported before asking a passphrase
    journal = Journal.open(path, _passphrase(args, lang), mode=WRITE if write else READ)
    warning = journal.rollback_check()
    if warning is not None:
        print(t("warning.rollback", lang, seen=warning.seen_seq, seq=warning.seq),
              file=sys.stderr)
    return journal


def say(*parts: object, file: Any = None) -> None:
    """print() for people: control and direction characters in journal text are shown escaped."""
    from journal.clitext import escape_controls

    print(escape_controls(" ".join(str(p) for p in parts)), file=file)


def _print_json(value: Any) -> None:
    from journal.clitext import escape_json

    print(escape_json(json.dumps(value, ensure_ascii=False, indent=2)))


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
            say(t("cli.restore_done", lang, path=target, kept=kept[-1] if kept else "?"))
        else:
            say(t("cli.restore_done_new", lang, path=target))
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
    kinds = [check_kind(k) for k in args.kind] if args.kind else None
    with _open(args, lang, write=False) as j:
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
            say(entries_table(entries, lang) if entries else t("cli.no_entries", lang))
    return EXIT_OK


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
                    say(f"  {r.revision:>3}  {r.saved_at:%Y-%m-%d %H:%M:%S} UTC  {r.action}  "
                          f"{r.data.get('summary', '')}")
    return EXIT_OK


def cmd_search(args: argparse.Namespace, lang: str) -> int:
    from journal.core.codec import entry_to_json

    with _open(args, lang, write=False) as j:
        entries = j.get_entries(j.search(args.text))
        if args.json:
            _print_json([entry_to_json(e) for e in entries])
        else:
            say(entries_table(entries, lang) if entries else t("cli.no_matches", lang, text=args.text))
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
    with _open(args, lang, write=False) as j:
        results = signs.evaluate_journal(j)
        if args.json:
            _print_json(signs.signs_to_json(results, lang))
            return EXIT_OK
        if not results:
            say(t("cli.no_signs", lang))
            return EXIT_OK
        entries = {e.id: e for e in j.get_entries(sorted({i for r in results for i in r.evidence}))}
        for r in results:
            level = {"present": "●", "possible": "○"}[r.level]
            if r.dismissed is not None:
                level = "–"
            say(f"{level} {r.id}  {r.title(lang)}  [{r.level_label(lang)}]")
            if r.dismissed is not None:
                say("    " + t("cli.sign_set_aside", lang, reason=r.dismissed.reason))
            for reason in r.reasons:
                say("    " + t("cli.sign_why", lang, text=reason.text(lang)))
            for eid in r.evidence:
                e = entries.get(eid)
                if e:
                    say(f"    {eid}  {e.occurred_at:%Y-%m-%d}  {e.summary}")
        say("\n" + t("cli.signs_footer", lang))
    return EXIT_OK


def cmd_verify(args: argparse.Namespace, lang: str) -> int:
    with _open(args, lang, write=False) as j:
        result = j.verify(expect_head=args.expect_head)
    if args.json:
        _print_json({"ok": result.ok, "records": result.records, "attachments": result.attachments,
                     "revisions": result.revisions, "head_hash": result.head_hash,
                     "problems": result.problems, "first_break_seq": result.first_break_seq,
                     "expected_head": result.expected_head, "expected_seq": result.expected_seq,
                     "records_after": result.records_after,
                     "not_covered": list(result.not_covered)})
        return EXIT_OK if result.ok else EXIT_INTEGRITY
    if result.expected_head is not None:
        if result.expected_seq is None:
            print(t("cli.expect_head_missing", lang, head=result.expected_head), file=sys.stderr)
        else:
            print(t("cli.expect_head_found", lang, head=result.expected_head,
                    seq=result.expected_seq, after=result.records_after))
    problems = list(result.problems)
    if result.expected_head is not None and result.expected_seq is None:
        problems = problems[1:]  # that one was said above, in the user's language
    if not problems:
        say(t("cli.verify_ok", lang, records=result.records, attachments=result.attachments,
                head=result.head_hash))
        print(t("cli.verify_scope", lang, revisions=result.revisions))
    else:
        say(t("cli.verify_bad", lang, first=problems[0]), file=sys.stderr)
        for p in problems[1:20]:
            say("  " + p, file=sys.stderr)
    return EXIT_OK if result.ok else EXIT_INTEGRITY


def cmd_export(args: argparse.Namespace, lang: str) -> int:
    from journal.core.outpath import check_output_path
    from journal.core.report import ReportOptions, build_pdf, build_text

    out_lang = args.lang or lang
    to_stdout = args.export_command == "text" and args.out == "-"
    out = Path(args.out).expanduser()
    if not to_stdout:  # the journal, its files, any journal or backup, the backups folder: refused
        check_output_path(out, [_journal_path(args)])
    if args.export_command == "package":
        return _export_package(args, lang, out_lang, out)
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
        with _open(args, lang, write=False) as j:
            build_pdf(j, out, options)
    elif args.export_command == "overview":
        from journal.core.overview.export import check_target, export_overview

        check_target(None, out)  # a wrong name is refused before the passphrase is asked
        with _open(args, lang, write=False) as j:
            export_overview(j, out, out_lang, png_renderer=_png_renderer)
    else:
        with _open(args, lang, write=False) as j:
            text = build_text(j, ReportOptions(lang=out_lang, redact=args.redact))
        if to_stdout:
            sys.stdout.write(text if text.endswith("\n") else text + "\n")
            sys.stdout.flush()
            return EXIT_OK
        from journal.core.fileout import write_text_atomic

        check_output_path(out, [_journal_path(args)])
        write_text_atomic(out, text)
    say(t("cli.exported", lang, path=out))
    return EXIT_OK


def _export_package(args: argparse.Namespace, lang: str, out_lang: str, out: Path) -> int:
    from journal.core.package import SIZE_NOTICE_BYTES, build_package, estimate_size
    from journal.core.package.texts import size_text
    from journal.core.report import ReportOptions

    since, until = _bounds(args)
    options = ReportOptions(lang=out_lang, since=since.date() if since else None,
                            until=until.date() if until else None, redact=args.redact,
                            prepared_by=args.prepared_by or "")
    with _open(args, lang, write=False) as j:
        from journal.core.package import check_out_path

        check_out_path(j, out)  # refused before any work
        size = estimate_size(j, options)
        if size > SIZE_NOTICE_BYTES:
            print(t("package.size_notice", lang, size=size_text(size, lang)), file=sys.stderr)
        stats = build_package(j, out, options)
    print(t("package.exported", lang, path=out, entries=stats.entries, files=stats.originals,
            size=size_text(stats.bytes, lang), fingerprint=stats.fingerprint))
    if stats.redacted:
        print(t("package.exported_redacted", lang))
    return EXIT_OK


def cmd_verify_package(args: argparse.Namespace, lang: str) -> int:
    from journal.core.package import verify_package

    result = verify_package(args.package, expect_key=args.expect_key)
    if result.ok:
        print(t("package.verify_ok", lang, files=result.files, fingerprint=result.fingerprint,
                head=result.head_hash, records=result.records))
        return EXIT_OK
    print(t("package.verify_bad", lang, n=len(result.problems)), file=sys.stderr)
    for problem in result.problems:
        print("  " + problem.message(lang), file=sys.stderr)
    return EXIT_INTEGRITY


def _png_renderer(data: Any) -> bytes:
    """PNG through Qt's painter (the same painting as the window), loaded only for PNG."""
    import journal.gui  # noqa: F401 - the PySide6-on-3.11 workaround before any Qt call
    from journal.gui.overview.render import png_bytes

    return png_bytes(data)


def cmd_import(args: argparse.Namespace, lang: str) -> int:
    from journal.core.importers.apply import import_file

    if args.import_command == "screenshots":
        return cmd_import_screenshots(args, lang)
    with _open(args, lang) as j:
        result = import_file(j, args.import_command, Path(args.file).expanduser(), tz=args.tz,
                             person=getattr(args, "person", None), me=getattr(args, "me", None),
                             counterparts=getattr(args, "counterpart", None), lang=lang)
    if result.duplicate:
        say(t("cli.import_duplicate", lang))
    elif result.bill:
        say(t("cli.imported_bill", lang, rows=result.messages, persons=len(result.persons)))
    else:
        say(t("cli.imported", lang, messages=result.messages, days=result.days,
              attachments=result.attachments, entries=len(result.entry_ids)))
    return EXIT_OK


def cmd_import_screenshots(args: argparse.Namespace, lang: str) -> int:
    from journal.core.i18n import message
    from journal.core.ocr.screenshots import import_screenshots, read_screenshots

    def progress(done: int, total: int) -> None:
        if done < total:
            say(t("cli.ocr_reading", lang, n=done + 1, total=total), file=sys.stderr)

    files: list[Path | str] = [Path(f).expanduser() for f in args.files]
    with _open(args, lang) as j:
        batch = read_screenshots(files, journal=j, lang=lang, me=args.me, progress=progress)
        for pic in batch.pictures:
            if pic.duplicate:
                say(t("cli.ocr_seen", lang, name=pic.path.name))
                continue
            say(t("cli.ocr_preview", lang, name=pic.path.name,
                    conversation=pic.conversation or message("ocr.other_side", lang),
                    source=message(f"ocr.time_{pic.time_source}", lang)))
            for m in pic.messages:
                say(f"  {m.sent_at:%Y-%m-%d %H:%M} {m.sender}: {m.text}")
        if args.dry_run:
            say(t("cli.ocr_dry_run", lang))
            return EXIT_OK
        result = import_screenshots(j, batch, lang=lang, person=args.person)
    say(t("cli.ocr_imported", lang, pictures=result.pictures, messages=result.messages,
            entries=len(result.entry_ids), duplicates=result.duplicates))
    return EXIT_OK


def cmd_backup(args: argparse.Namespace, lang: str) -> int:
    from journal.core.outpath import check_output_path

    out = check_output_path(Path(args.out), [_journal_path(args)])
    if out.exists():
        raise InputError("error.file_exists", path=str(out))
    with _open(args, lang, write=False) as j:
        j.backup(out)
    say(t("cli.backup_done", lang, path=out))
    return EXIT_OK


def cmd_rekey(args: argparse.Namespace, lang: str) -> int:
    from journal.core import crypto, passchange, settings

    with _open(args, lang) as j:
        new = _new_passphrase(args, lang)
        crypto.check_new_passphrase(new)
        # earlier copies: the backups folder and the journal's own folder (kept before a restore)
        folders = passchange.copy_folders(j, settings.load())
        result = j.rekey(new, copies_in=folders, delete_copies=args.delete_old_backups)
    say(t("cli.rekey_done", lang))
    if result.reencrypted:
        print(t("cli.rekey_copies_reencrypted", lang, n=len(result.reencrypted)))
    if result.deleted:
        print(t("cli.rekey_copies_deleted", lang, n=len(result.deleted)))
    if not result.reencrypted and not result.deleted and not result.failed:
        print(t("cli.rekey_no_copies", lang))
    if result.failed:
        say(t("cli.rekey_copies_failed", lang, n=len(result.failed),
            paths=", ".join(str(p) for p in result.failed)), file=sys.stderr)
    return EXIT_OK


def cmd_demo(args: argparse.Namespace, lang: str) -> int:
    from journal.core.demo import DEMO_PASSPHRASE, build_demo
    from journal.core.outpath import check_output_path

    out = check_output_path(Path(args.out), [_journal_path(args)])
    if out.exists():
        raise InputError("error.file_exists", path=str(out))
    build_demo(out, lang=lang).close()  # the story in the user's language
    say(t("cli.demo_done", lang, path=out, passphrase=DEMO_PASSPHRASE))
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace, str], int]] = {
    "init": cmd_init, "person": cmd_person, "add": cmd_add, "edit": cmd_edit,
    "delete": cmd_delete, "restore": cmd_restore, "list": cmd_list, "show": cmd_show,
    "search": cmd_search, "signs": cmd_signs, "verify": cmd_verify, "export": cmd_export,
    "import": cmd_import, "backup": cmd_backup, "verify-package": cmd_verify_package, "rekey": cmd_rekey, "demo": cmd_demo,
}


def main(argv: Sequence[str] | None = None) -> int:
    from journal.core.hardening import harden_process
    from journal.core.logsetup import setup_logging

    harden_process()  # before any passphrase or key exists in this process

    log_file = setup_logging("journal-cli")
    lang = _lang()
    args = build_parser(lang).parse_args(argv)
    try:
        return COMMANDS[args.command](args, lang)
    except JournalError as exc:
        say(exc.message(lang), file=sys.stderr)
        log.info("refused: %s", exc.key)
        return exc.exit_code
    except KeyboardInterrupt:
        say(t("cli.interrupted", lang), file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the stack trace goes to the log, not the screen
        import sqlcipher3

        from journal.core.logsetup import describe_exception
        from journal.core.store.storage_errors import classify

        honest = classify(exc, _journal_path(args)) if isinstance(exc, (sqlcipher3.Error, OSError)) else None
        if honest is not None:  # a full disk, a read-only file, no permission: never "damaged"
            log.warning("refused: %s (%s)", honest.key, type(exc).__name__)
            print(honest.message(lang), file=sys.stderr)
            return honest.exit_code
        if isinstance(exc, sqlcipher3.DatabaseError):
            log.error("database error: %s", describe_exception(exc))
            say(NotAJournalError().message(lang), file=sys.stderr)
            return EXIT_DAMAGED
        log.error("unexpected error: %s", describe_exception(exc))  # never the message: content
        say(t("cli.unexpected", lang, log=log_file), file=sys.stderr)
        return EXIT_INPUT


if __name__ == "__main__":
    sys.exit(main())
