"""What every command shares: exit codes, the passphrase, opening the journal, printing."""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import sys
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from journal.clitext import t
from journal.core import paths
from journal.core.errors import InputError, JournalError
from journal.core.i18n import normalise_lang
from journal.core.models import Handle

log = logging.getLogger("journal.cli")

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_PASSPHRASE, EXIT_DAMAGED, EXIT_INTEGRITY = 0, 1, 2, 3, 4, 5


class UsageError(Exception):
    pass


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


class _KeyDerivation:
    """The key derived in a thread of its own while the command's modules are imported (key
    derivation, ≈ 0.9 s, lets go of the GIL; the imports of `export text` take ≈ 0.4 s)."""

    def __init__(self, path: Path, passphrase: str) -> None:
        from journal.core import crypto

        header = crypto.read_header(path)
        self.path = path
        self._key: bytes | None = None
        self._error: BaseException | None = None

        def run() -> None:
            try:
                self._key = crypto.derive_key(passphrase, header)
            except BaseException as exc:  # noqa: BLE001 - raised where the key is asked for
                self._error = exc

        self._thread = threading.Thread(target=run, name="key-derivation", daemon=True)
        self._thread.start()

    def key(self) -> bytes:
        self._thread.join()
        key, self._key = self._key, None
        if self._error is not None:
            raise self._error
        assert key is not None
        return key


_derivation: dict[str, _KeyDerivation] = {}


# the commands whose work before opening the journal is worth doing beside the key derivation
EARLY_KEY_COMMANDS = frozenset({"signs", "export"})


def derive_key_early(args: argparse.Namespace, lang: str) -> None:
    """For the commands of :data:`EARLY_KEY_COMMANDS`: start deriving the journal's key now when
    the passphrase is given without a question (a file or ``JOURNAL_PASSPHRASE``) and the
    journal is there; :func:`_open` takes that key. Anything wrong is left for :func:`_open` to
    say, in its order. (A key derived for an earlier command of this process is forgotten.)"""
    _derivation.clear()
    if args.command not in EARLY_KEY_COMMANDS:
        return
    if not args.passphrase_file and os.environ.get("JOURNAL_PASSPHRASE") is None:
        return  # (a question is asked only after the command's own checks)
    path = _journal_path(args)
    try:
        if not path.is_file():
            return
        passphrase = _passphrase(args, lang)
        _derivation[str(path)] = _KeyDerivation(path, passphrase)
    except (JournalError, OSError):
        return


def _open(args: argparse.Namespace, lang: str, write: bool = True, signs: bool = False) -> Any:
    """Open the journal: for writing (refused while another process writes it, exit 1), or with
    ``write=False`` for reading only (works next to a writer elsewhere and on read-only files).

    ``signs``: the command evaluates the warning signs. When the result kept in the journal is
    out of date and no other process writes the journal, it is opened for writing instead, so
    that the evaluation keeps its result for the next command; the pre-write check then runs
    beside the evaluation, and the result is written when the command closes the journal."""
    from journal.core.store import READ, WRITE, Journal

    path = _journal_path(args)
    from journal.core import crypto

    if not path.exists() and not path.is_symlink():  # no journal here yet: how to make one
        raise InputError("cli.no_journal", path=str(path))
    crypto.read_header(path)  # a missing or foreign file is reported before asking a passphrase
    early = _derivation.pop(str(path), None)
    key = early.key() if early is not None else Journal.derive(path, _passphrase(args, lang))
    journal = Journal.open_with_key(path, key, mode=WRITE if write else READ,
                                    on_upgrade=_upgrade_progress(lang))
    if not write and not journal.sign_facts_current() and journal.read_only_reason == "reader":
        # the warning-sign facts were made by other rules: rebuild them now if nobody else
        # writes the journal (else the signs are read from the entries' text, slower)
        journal.close()
        try:
            Journal.open_with_key(path, key, mode=WRITE, on_upgrade=_upgrade_progress(lang)).close()
        except JournalError as exc:
            log.info("warning-sign facts not rebuilt now: %s", exc.key)
        journal = Journal.open_with_key(path, key, mode=READ)
    if signs and journal.read_only_reason == "reader" and journal.sign_facts_current() \
            and not journal.sign_results_current():
        try:
            writer = Journal.open_with_key(path, key, mode=WRITE)
        except JournalError as exc:  # (another process writes it: it keeps them itself)
            log.info("warning-sign results not kept now: %s", exc.key)
        else:
            journal.close()
            journal = writer
            journal.defer_keeping_signs()
            journal.start_precheck()
    del key
    warning = journal.rollback_check()
    if warning is not None:
        print(t("warning.rollback", lang, seen=warning.seen_seq, seq=warning.seq),
              file=sys.stderr)
    return journal


def _upgrade_progress(lang: str) -> Callable[[Any], None]:
    """The first open after an update of the program (an older schema, or an index or the
    warning-sign facts made by another version), on stderr: a line saying what happens, one per
    step ("Step 2 of 4: …"), and the step's figures about every tenth."""
    shown: list[Any] = [None, -1]  # the step shown, the tenth of it shown

    def progress(step: Any) -> None:
        if step.number != shown[0]:
            if shown[0] is None:
                say(t("cli.upgrade_start" if step.backup_kept else "cli.upgrade_start_derived",
                      lang), file=sys.stderr)
            shown[:] = [step.number, -1]
            say(step.title(lang) + ("…" if lang != "zh" else "……"), file=sys.stderr)
        if step.total > 0:
            tenth = step.done * 10 // step.total
            if tenth != shown[1]:
                shown[1] = tenth
                say("  " + step.figures(lang), file=sys.stderr)

    return progress


def say(*parts: object, file: Any = None) -> None:
    """print() for people: control and direction characters in journal text are shown escaped."""
    from journal.clitext import escape_controls

    print(escape_controls(" ".join(str(p) for p in parts)), file=file)


def _print_json(value: Any) -> None:
    from journal.clitext import escape_json

    print(escape_json(json.dumps(value, ensure_ascii=False, indent=2)))


def _print_json_list(items: Iterable[Any]) -> None:
    """The same text as ``_print_json(list(items))``, written item by item as they come: a
    command listing 100,000 entries holds one batch, not all of them. (Inside an item's JSON
    every line break is structure: line breaks in strings are escaped, so indenting each line
    by two spaces nests it as json.dumps would.)"""
    from journal.clitext import escape_json

    out = sys.stdout
    first = True
    for item in items:
        text = json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        out.write(("[\n  " if first else ",\n  ") + escape_json(text))
        first = False
    out.write("[]\n" if first else "\n]\n")
    out.flush()


def _handles(values: Sequence[str] | None) -> list[Handle]:
    from journal.core.models import HANDLE_KINDS

    out = []
    for raw in values or []:
        kind, sep, value = raw.partition(":")
        if not sep or not value.strip() or kind.strip().lower() not in HANDLE_KINDS:
            raise InputError("error.bad_handle", field="handle", text=raw, kinds=", ".join(HANDLE_KINDS))
        out.append(Handle(kind.strip().lower(), value.strip()))
    return out


def _bounds(args: argparse.Namespace) -> tuple[Any, Any]:
    from journal.core.timeparse import parse_date_bound

    since = parse_date_bound(args.since, field="since") if getattr(args, "since", None) else None
    until = parse_date_bound(args.until, end=True, field="until") if getattr(args, "until", None) else None
    return since, until

