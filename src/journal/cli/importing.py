"""``import``: chat exports, bills, screenshots."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from journal.cli.common import EXIT_OK, _open, say
from journal.clitext import t
from journal.core.timeparse import show_when


def cmd_import(args: argparse.Namespace, lang: str) -> int:
    from journal.core.importers.apply import import_file
    from journal.core.ocr.screenshots import looks_like_picture

    if args.import_command == "screenshots":
        return cmd_import_screenshots(args, lang)
    if args.import_command == "auto" and looks_like_picture(Path(args.file).expanduser()):
        args.files, args.dry_run = [args.file], False  # a picture: read as a chat screenshot
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
                colon = "：" if lang == "zh" else ": "
                say(f"  {show_when(m.sent_at, 'exact', lang)} {m.sender}{colon}{m.text}")
        if args.dry_run:
            say(t("cli.ocr_dry_run", lang))
            return EXIT_OK
        result = import_screenshots(j, batch, lang=lang, person=args.person)
    say(t("cli.ocr_imported", lang, pictures=result.pictures, messages=result.messages,
            entries=len(result.entry_ids), duplicates=result.duplicates))
    return EXIT_OK

