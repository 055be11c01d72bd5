"""The argument parser of ``journal-cli``: built with English names, then localised."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn

from journal import __version__, clihelp
from journal.cli.common import EXIT_USAGE
from journal.core import fields


class _Parser(argparse.ArgumentParser):
    """argparse's parser, its own messages in the parser's language (``lang``, set by
    :func:`journal.clihelp.localise`)."""

    def parse_known_args(self, args: Sequence[str] | None = None,  # type: ignore[override]
                         namespace: argparse.Namespace | None = None
                         ) -> tuple[argparse.Namespace, list[str]]:
        with clihelp.argparse_language(getattr(self, "lang", "en")):
            return super().parse_known_args(args, namespace)

    def parse_args(self, args: Sequence[str] | None = None,  # type: ignore[override]
                   namespace: argparse.Namespace | None = None) -> argparse.Namespace:
        with clihelp.argparse_language(getattr(self, "lang", "en")):  # "unrecognized arguments"
            return super().parse_args(args, namespace)

    def error(self, message: str) -> NoReturn:  # argparse's own exit code 2 = usage
        self.print_usage(sys.stderr)
        if getattr(self, "lang", "en") == "zh":
            self.exit(EXIT_USAGE, f"{self.prog}：错误：{message}\n"
                                  f"运行“{self.prog} --help”可以查看用法。\n")
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _choice_help(spec: fields.Field, lang: str) -> str:
    return _id_labels(spec.choices, lang)


def _id_labels(choices: Sequence[fields.Choice] | Sequence[fields.Kind], lang: str) -> str:
    """``id = label`` of each choice: in Chinese its Chinese label, in English both labels (either
    may be typed)."""
    if lang == "zh":
        return "；".join(f"{c.id} = {c.zh}" for c in choices)
    return "; ".join(f"{c.id} = {c.en} = {c.zh}" for c in choices)


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
                       metavar=spec.zh if lang == "zh" else spec.cli[2:].upper().replace("-", "_"), help=text.replace("%", "%%"))
    p.add_argument("--attach", action="append", metavar="FILE",
                   help="附加一个文件；可重复" if lang == "zh" else "attach a file; repeatable")
    if edit:
        p.add_argument("--kind", help=("改为另一种类型：" if lang == "zh" else "change the kind: ")
                       + _id_labels(fields.KIND_TABLE, lang))


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
    add.add_argument("kind", metavar="KIND", help=_id_labels(fields.KIND_TABLE, lang))
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
    transcript = sub.add_parser("transcript")
    transcript.add_argument("id")
    transcript.add_argument("--json", action="store_true")
    correct = sub.add_parser("correct")
    correct.add_argument("id")
    correct.add_argument("line", type=int, metavar="LINE")
    correct.add_argument("--time")
    correct.add_argument("--speaker")
    correct.add_argument("--text")
    search = sub.add_parser("search")
    search.add_argument("text")
    search.add_argument("--json", action="store_true")
    signs = sub.add_parser("signs", help="warning signs; set one aside as 'not this'")
    signs.add_argument("--json", action="store_true")
    signs.add_argument("--all-reasons", action="store_true")
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
    verify.add_argument("--deep", action="store_true")

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

