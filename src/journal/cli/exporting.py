"""``export``: pdf, text, package, overview."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from journal.cli.common import EXIT_OK, _bounds, _journal_path, _open, _read_secret_file, say
from journal.clitext import t
from journal.core.errors import InputError


def cmd_export(args: argparse.Namespace, lang: str) -> int:
    from journal.core.outpath import check_output_path
    from journal.core.report import ReportOptions, build_text

    out_lang = args.lang or lang
    to_stdout = args.export_command == "text" and args.out == "-"
    out = Path(args.out).expanduser()
    if not to_stdout:  # the journal, its files, any journal or backup, the backups folder: refused
        check_output_path(out, [_journal_path(args)])
    if args.export_command == "package":
        return _export_package(args, lang, out_lang, out)
    if args.export_command == "pdf":
        from journal.core.report import build_pdf  # (reportlab: not for the text summary)

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
        with _open(args, lang, write=False, signs=True) as j:
            build_pdf(j, out, options)
    elif args.export_command == "overview":
        from journal.core.overview.export import check_target, export_overview

        check_target(None, out)  # a wrong name is refused before the passphrase is asked
        with _open(args, lang, write=False) as j:
            export_overview(j, out, out_lang, png_renderer=_png_renderer)
    else:
        with _open(args, lang, write=False, signs=True) as j:
            text = build_text(j, ReportOptions(lang=out_lang, redact=args.redact))
        if not text.endswith("\n"):  # a text file ends its last line (cat, editors, diff)
            text += "\n"
        if to_stdout:
            sys.stdout.write(text)
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


def _png_renderer(data: Any) -> bytes:
    """PNG through Qt's painter (the same painting as the window), loaded only for PNG."""
    import journal.gui  # noqa: F401 - the PySide6-on-3.11 workaround before any Qt call
    from journal.gui.overview.render import png_bytes

    return png_bytes(data)

