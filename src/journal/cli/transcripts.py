"""``transcript`` and ``correct``: the lines of an imported transcript, and correcting a line
read from a screenshot (its time, speaker or text) as a new revision."""

from __future__ import annotations

import argparse

from journal.cli.common import EXIT_OK, _open, _print_json, say
from journal.clitext import t


def cmd_transcript(args: argparse.Namespace, lang: str) -> int:
    from journal.core.ocr.corrections import transcript, transcript_to_json

    with _open(args, lang, write=False) as j:
        lines = transcript(j, j.resolve_entry_id(args.id))
    if args.json:
        _print_json(transcript_to_json(lines))
        return EXIT_OK
    if not lines:
        say(t("cli.no_transcript", lang))
        return EXIT_OK
    for number, line in enumerate(lines, 1):
        mark = "  " + t("cli.line_corrected_mark", lang) if line.corrections else ""
        say(f"{number:>3}  {line.sent_at:%Y-%m-%d %H:%M} {line.sender}: {line.text}{mark}")
    if any(line.recognised for line in lines):
        say("")
        say(t("cli.transcript_hint", lang))
    return EXIT_OK


def cmd_correct(args: argparse.Namespace, lang: str) -> int:
    from journal.core.ocr.corrections import correct_line, line_message_id, line_text, transcript

    with _open(args, lang) as j:
        entry_id = j.resolve_entry_id(args.id)
        message_id = line_message_id(j, entry_id, args.line)
        correct_line(j, message_id, time=args.time, sender=args.speaker, text=args.text,
                     lang=lang)
        line = transcript(j, entry_id)[args.line - 1]
    say(t("cli.line_corrected", lang, n=args.line, line=line_text(line)))
    return EXIT_OK
