"""verify's second process: the file's pages, the attachment bytes and the search index, checked
beside the calling process (which walks the audit chain, the revisions and the entry states), so
that both cores work without sharing one interpreter's lock.

The parent may start it before the key is derived (its interpreter starts meanwhile), then hands it
the path and the key through its standard input (a pipe: never a file, an argument or the
environment) and reads one JSON answer from its standard output: the damage found, the SHA-256 of
every stored copy whose bytes do not match, and the search index's findings. No journal text
crosses the pipe: page numbers, hashes, entry ids and problem codes only. Anything else from the
child (a crash, no answer, an answer that is not this JSON) makes the parent do the same checks
itself: the child can make verify slower, never let it pass.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import sqlcipher3

from journal.core.childproc import NO_CONSOLE
from journal.core.errors import JournalError
from journal.core.models import VerifyProblem
from journal.core.ocr.runner import SECRET_VARIABLES
from journal.core.pagecheck import damaged_pages
from journal.core.store.connection import KeyMaterial, connect

log = logging.getLogger(__name__)

CHILD_FLAG = "--journal-verify-child"  # the frozen app runs the child when given this
# smaller files are checked in the calling process: a second interpreter (about 0.4 s of CPU to
# start) costs more than it saves below a few hundred MB (at 10,000 entries, 69 MB, it made the
# command 0.4 s CPU dearer)
MIN_BYTES = 200 * 2**20


class FileFindings:
    """What the page check found: damage (the file's, exit 4) and stored copies whose bytes do
    not match their SHA-256."""

    def __init__(self, damage: list[str], bad_blobs: set[str]) -> None:
        self.damage = damage
        self.bad_blobs = bad_blobs


def check_pages_and_bytes(conn: Any, path: Path, keys: KeyMaterial, deep: bool) -> FileFindings:
    """The HMAC of every page of the file (:func:`journal.core.pagecheck.damaged_pages`, the
    check SQLCipher's ``cipher_integrity_check`` makes, at two thirds of its cost; with ``deep``
    SQLCipher's own check too, and SQLite's structure check); when the file is sound, the SHA-256
    of every stored copy of attachment bytes (each stored once)."""
    try:
        try:
            damage = [f"page authentication: HMAC verification failed for page {n}"
                      for n in damaged_pages(path, keys.key, keys.header, limit=None)]
        except OSError as exc:
            log.warning("verify: the file could not be read (%s)", type(exc).__name__)
            return FileFindings(["unreadable"], set())
        if deep and not damage:  # SQLCipher's own check of the same pages, as a second opinion
            damage = [f"page authentication: {row[0]}"
                      for row in conn.execute("PRAGMA cipher_integrity_check").fetchall()]
        if deep:
            damage += [f"database structure: {r}" for (r,) in
                       conn.execute("PRAGMA integrity_check").fetchall() if r != "ok"]
        bad: set[str] = set()
        if damage:
            return FileFindings(damage, bad)
        cur = conn.cursor()
        cur.row_factory = None
        # one at a time; hashlib lets the other threads run while it hashes
        for sha, data in cur.execute("SELECT sha256, data FROM blob_store"):
            if hashlib.sha256(data).hexdigest() != sha:
                bad.add(sha)
        return FileFindings(damage, bad)
    except sqlcipher3.DatabaseError as exc:
        log.warning("verify: the file could not be read (%s)", type(exc).__name__)
        return FileFindings(["unreadable"], set())


def worth_a_child(path: Path) -> bool:
    """Whether the file is large enough for a second process to pay for its start."""
    try:
        return os.path.getsize(path) >= MIN_BYTES
    except OSError:
        return False


def _command() -> list[str]:
    if getattr(sys, "frozen", False):
        return [sys.executable, CHILD_FLAG]
    return [sys.executable, "-c",
            ("import sys; from journal.core.store.verifychild import child_main;"
             " sys.exit(child_main())")]


class VerifyChild:
    """One check in a second process: :meth:`start` (before the key is known, if wanted),
    :meth:`ask`, the caller's own work, then :meth:`answer`; :meth:`close` in every case."""

    def __init__(self, proc: subprocess.Popen[bytes]) -> None:
        self._proc = proc
        self.index = False  # whether the search index was asked for
        self._answered = False
        self._answer: tuple[FileFindings, list[VerifyProblem]] | None = None

    @classmethod
    def start(cls) -> VerifyChild | None:
        """A child waiting for its question; None when none can be started (then the caller
        checks everything itself)."""
        env = {k: v for k, v in os.environ.items() if k not in SECRET_VARIABLES}
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        try:
            proc = subprocess.Popen(_command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                    stderr=subprocess.DEVNULL, env=env, close_fds=True,
                                    creationflags=NO_CONSOLE)
        except OSError as exc:
            log.info("verify: no second process (%s); checking in this one",
                     type(exc).__name__)
            return None
        return cls(proc)

    def ask(self, path: Path, keys: KeyMaterial, deep: bool, index: bool) -> bool:
        """Hand over the question (and the key) through the pipe; False when the child is gone."""
        self.index = index
        request = json.dumps({"path": str(Path(path).absolute()), "key": keys.key.hex(),
                              "header": keys.header.hex(), "deep": deep, "index": index})
        stdin = self._proc.stdin
        assert stdin is not None
        try:
            stdin.write(request.encode("ascii") + b"\n")
            stdin.close()
        except OSError:
            log.info("verify: the second process ended before its question")
            self.close()
            return False
        return True

    def answer(self) -> tuple[FileFindings, list[VerifyProblem]] | None:
        """The child's findings (it is waited for), or None when it gave no valid answer; the
        same again when asked again."""
        if not self._answered:
            self._answered = True
            self._answer = self._read_answer()
        return self._answer

    def _read_answer(self) -> tuple[FileFindings, list[VerifyProblem]] | None:
        stdout = self._proc.stdout
        assert stdout is not None
        try:
            raw = stdout.read()
            code = self._proc.wait()
        except (OSError, ValueError):  # ValueError: the pipe was closed (the child was ended)
            code, raw = -1, b""
        finally:
            self.close()
        try:
            doc = json.loads(raw.decode("utf-8")) if code == 0 and raw else None
            if not isinstance(doc, dict):
                raise TypeError("no answer")
            findings = FileFindings([str(d) for d in doc["damage"]],
                                    {str(s) for s in doc["bad_blobs"]})
            problems = [VerifyProblem(str(c), {str(k): v for k, v in dict(p).items()})
                        for c, p in doc["index"]]
        except (UnicodeDecodeError, ValueError, KeyError, TypeError, RecursionError):
            log.warning("verify: the second process gave no valid answer (exit %s); checking"
                        " in this one", code)
            return None
        return findings, problems

    def close(self) -> None:
        """End the child if it still runs (a cancelled or failed check) and release its pipes."""
        proc = self._proc
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        for pipe in (proc.stdin, proc.stdout):
            if pipe is not None and not pipe.closed:
                pipe.close()


def _check(path: Path, keys: KeyMaterial, deep: bool, index: bool) -> dict[str, Any]:
    from journal.core.store.search_index import check_rows

    try:
        conn = connect(path, keys.key, keys.header, read_only=True, wal=False)
    except JournalError:
        return {"damage": ["unreadable"], "bad_blobs": [], "index": []}
    try:
        conn.execute("PRAGMA cache_size = -2000")  # one pass over every page
        found = check_pages_and_bytes(conn, path, keys, deep)
        problems: list[VerifyProblem] = []
        if index and not found.damage:
            try:
                problems = check_rows(conn)
            except sqlcipher3.DatabaseError as exc:
                log.warning("verify: the index could not be read (%s)", type(exc).__name__)
                found.damage.append("unreadable")
    finally:
        conn.close()
    return {"damage": found.damage, "bad_blobs": sorted(found.bad_blobs),
            "index": [[p.code, p.params] for p in problems]}


def child_main() -> int:
    """The child: one question on standard input, one JSON answer on standard output."""
    line = sys.stdin.buffer.readline()
    if not line:
        return 0  # the parent needed no check after all
    request = json.loads(line)
    keys = KeyMaterial(bytes.fromhex(request["key"]), bytes.fromhex(request["header"]))
    answer = _check(Path(request["path"]), keys, bool(request["deep"]), bool(request["index"]))
    keys.wipe()
    sys.stdout.write(json.dumps(answer))
    sys.stdout.flush()
    return 0
