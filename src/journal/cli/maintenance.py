"""Keeping the journal safe: verify, verify-package, backup, restore, rekey."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from journal.cli.common import (
    EXIT_INTEGRITY,
    EXIT_OK,
    _journal_path,
    _new_passphrase,
    _open,
    _passphrase,
    _print_json,
    say,
)
from journal.cli.entries import cmd_restore_entry
from journal.clitext import t
from journal.core.errors import InputError


def cmd_verify(args: argparse.Namespace, lang: str) -> int:
    from journal.core.store.verifychild import VerifyChild, worth_a_child
    from journal.core.verifytext import problem_text

    # a large journal's second process starts now: its interpreter starts while the key is derived
    child = VerifyChild.start() if worth_a_child(_journal_path(args)) else None
    try:
        with _open(args, lang, write=False) as j:
            result = j.verify(expect_head=args.expect_head, deep=args.deep, child=child)
    finally:
        if child is not None:
            child.close()
    if args.json:
        _print_json({"ok": result.ok, "records": result.records, "attachments": result.attachments,
                     "revisions": result.revisions, "head_hash": result.head_hash,
                     "problems": result.problems, "first_break_seq": result.first_break_seq,
                     "expected_head": result.expected_head, "expected_seq": result.expected_seq,
                     "records_after": result.records_after,
                     "not_covered": list(result.not_covered),
                     # the same findings, in the order of "problems", as codes with parameters
                     "issues": [{"code": p.code, "params": p.params} for p in result.issues]})
        return EXIT_OK if result.ok else EXIT_INTEGRITY
    if result.expected_head is not None:
        if result.expected_seq is None:
            print(t("cli.expect_head_missing", lang, head=result.expected_head), file=sys.stderr)
        else:
            print(t("cli.expect_head_found", lang, head=result.expected_head,
                    seq=result.expected_seq, after=result.records_after))
    problems = [p for p in result.issues if p.code != "expected_head_missing"]  # said above
    if not problems:
        say(t("cli.verify_ok", lang, records=result.records, attachments=result.attachments,
                head=result.head_hash))
        print(t("cli.verify_scope", lang, revisions=result.revisions))
    else:
        say(t("cli.verify_bad", lang, first=problem_text(problems[0], lang)), file=sys.stderr)
        for p in problems[1:20]:
            say("  " + problem_text(p, lang), file=sys.stderr)
    return EXIT_OK if result.ok else EXIT_INTEGRITY


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


def cmd_backup(args: argparse.Namespace, lang: str) -> int:
    from journal.core.outpath import check_output_path

    out = check_output_path(Path(args.out), [_journal_path(args)])
    if out.exists():
        raise InputError("error.file_exists", path=str(out))
    with _open(args, lang, write=False) as j:
        j.backup(out)
    say(t("cli.backup_done", lang, path=out))
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

