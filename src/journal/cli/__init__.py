"""``journal-cli``: the scriptable face of the journal (DESIGN §6 is its contract).

Exit codes: 0 done; 1 bad input or refused (nothing changed); 2 usage; 3 wrong passphrase;
4 not a journal or damaged; 5 integrity check failed.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence

from journal.cli.common import (
    EXIT_DAMAGED,
    EXIT_INPUT,
    EXIT_INTEGRITY,
    EXIT_OK,
    EXIT_PASSPHRASE,
    EXIT_USAGE,
    UsageError,
    _handles,
    _journal_path,
    _lang,
    derive_key_early,
    say,
)
from journal.cli.demo import cmd_demo
from journal.cli.entries import cmd_add, cmd_delete, cmd_edit, cmd_init, cmd_person
from journal.cli.exporting import cmd_export
from journal.cli.importing import cmd_import
from journal.cli.maintenance import (
    cmd_backup,
    cmd_rekey,
    cmd_restore,
    cmd_verify,
    cmd_verify_package,
)
from journal.cli.parser import build_parser
from journal.cli.reading import cmd_list, cmd_search, cmd_show, cmd_signs
from journal.cli.transcripts import cmd_correct, cmd_transcript
from journal.clitext import t
from journal.core.errors import JournalError, NotAJournalError

log = logging.getLogger("journal.cli")

__all__ = [
    "COMMANDS", "EXIT_DAMAGED", "EXIT_INPUT", "EXIT_INTEGRITY", "EXIT_OK", "EXIT_PASSPHRASE",
    "EXIT_USAGE", "UsageError", "_handles", "build_parser", "main", "say",
]

COMMANDS: dict[str, Callable[[argparse.Namespace, str], int]] = {
    "init": cmd_init, "person": cmd_person, "add": cmd_add, "edit": cmd_edit,
    "delete": cmd_delete, "restore": cmd_restore, "list": cmd_list, "show": cmd_show,
    "search": cmd_search, "transcript": cmd_transcript, "correct": cmd_correct,
    "signs": cmd_signs, "verify": cmd_verify, "export": cmd_export,
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
        derive_key_early(args, lang)  # (signs, export: beside their imports)
        return COMMANDS[args.command](args, lang)
    except JournalError as exc:
        say(exc.message(lang), file=sys.stderr)
        log.info("refused: %s", exc.key)
        return exc.exit_code
    except KeyboardInterrupt:
        say(t("cli.interrupted", lang), file=sys.stderr)
        return 130
    except BrokenPipeError:
        # whoever read the output stopped (`journal-cli list --json | head`): nothing is wrong;
        # point standard output at nothing so that closing it at exit raises no second error
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):  # not a real file (tests)
            pass
        log.info("output closed by its reader")
        return EXIT_OK
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

