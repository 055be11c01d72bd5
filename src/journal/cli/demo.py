"""``demo``: write the demonstration journal."""

from __future__ import annotations

import argparse
from pathlib import Path

from journal.cli.common import EXIT_OK, _journal_path, say
from journal.clitext import t
from journal.core.errors import InputError


def cmd_demo(args: argparse.Namespace, lang: str) -> int:
    from journal.core.demo import DEMO_PASSPHRASE, build_demo
    from journal.core.outpath import check_output_path

    out = check_output_path(Path(args.out), [_journal_path(args)])
    if out.exists():
        raise InputError("error.file_exists", path=str(out))
    build_demo(out, lang=lang).close()  # the story in the user's language
    say(t("cli.demo_done", lang, path=out, passphrase=DEMO_PASSPHRASE))
    return EXIT_OK

