"""Checking an evidence package without a journal or a passphrase (``verify-package``).

Nothing is unpacked to disk: every member is hashed as it is read from the zip. The zip must
hold one bag (at its root or in one top-level folder); names that could point outside it are
refused before anything is read. The check is what the README's commands do — both manifests,
the signature over the tag manifest — plus files that no manifest lists, the payload size in
bag-info.txt and the audit chain in data/audit.jsonl up to the head hash in bag-info.txt.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from journal.core import audit, signing
from journal.core.errors import InputError, NotAJournalError
from journal.core.package import texts  # noqa: F401 - registers the messages used below

# the tag files the signed tag manifest must cover
TAG_FILES = ("bagit.txt", "bag-info.txt", "manifest-sha256.txt", "README.txt", "signing-key.pem")
SIG = "tagmanifest-sha256.txt.sig"
TAGMANIFEST = "tagmanifest-sha256.txt"
MANIFEST = "manifest-sha256.txt"
KEY = "signing-key.pem"
_LINE = re.compile(r"([0-9a-fA-F]{64})[ \t]+\*?(.+)")
_CHUNK = 1 << 20


class PackageFormatError(NotAJournalError):
    """Not a package at all (not a zip, no bag, unsafe names): exit 4 like a damaged file."""

    key = "package.error.not_bag"


@dataclass
class Problem:
    kind: str  # changed, missing, added, not_covered, bad_signature, bad_key, wrong_key, …
    name: str
    params: dict[str, str] = field(default_factory=dict)

    def message(self, lang: str) -> str:
        from journal.core.i18n import message

        return message(f"package.problem.{self.kind}", lang, name=self.name, **self.params)


@dataclass
class PackageCheck:
    ok: bool
    files: int = 0
    fingerprint: str = ""
    head_hash: str = ""
    records: int = 0
    bag: str = ""
    problems: list[Problem] = field(default_factory=list)


def _safe_member(name: str) -> bool:
    if not name or "\x00" in name or "\\" in name or name.startswith("/"):
        return False
    if re.match(r"^[A-Za-z]:", name):
        return False
    return all(part not in ("..", ".") for part in name.rstrip("/").split("/"))


def _decode_path(text: str) -> str:
    """BagIt manifests percent-encode CR, LF and % in paths (RFC 8493 §2.1.3)."""
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def _parse_manifest(data: bytes, name: str, problems: list[Problem]) -> dict[str, str]:
    listed: dict[str, str] = {}
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        problems.append(Problem("bad_line", name))
        return listed
    for line in text.splitlines():
        if not line.strip():
            continue
        m = _LINE.fullmatch(line.rstrip("\r"))
        if m is None:
            problems.append(Problem("bad_line", name))
            continue
        listed[_decode_path(m.group(2))] = m.group(1).lower()
    return listed


def _bag_info(data: bytes | None) -> dict[str, str]:
    info: dict[str, str] = {}
    if data is None:
        return info
    for line in data.decode("utf-8", errors="replace").splitlines():
        key, sep, value = line.partition(":")
        if sep and not line[:1].isspace():
            info[key.strip()] = value.strip()
    return info


def _chain(data: bytes | None, head: str) -> tuple[bool, int]:
    """Whether data/audit.jsonl is an unbroken hash chain ending at ``head``; and its length."""
    if data is None:
        return False, 0
    prev = audit.GENESIS
    count = 0
    try:
        lines = [json.loads(line) for line in data.decode("utf-8").splitlines() if line.strip()]
        *records, last = lines
        for r in records:
            if r["prev_hash"] != prev or r["seq"] != count + 1:
                return False, count
            h = audit.record_hash(r["prev_hash"], r["seq"], r["at"], r["action"],
                                  r["object_type"], r["object_id"], r["digest"])
            if h != r["hash"]:
                return False, count
            prev = h
            count += 1
        return last.get("head_hash") == prev == head and last.get("records") == count, count
    except (ValueError, KeyError, TypeError, AttributeError):
        return False, count


def verify_package(path: os.PathLike[str] | str, expect_key: str | None = None) -> PackageCheck:
    """Check the package at ``path``. Raises InputError (exit 1) for a missing file or a bad
    fingerprint, PackageFormatError (exit 4) for something that is not a package; any
    difference in a package is a Problem in the result (``ok`` False, exit 5)."""
    expected = signing.normalise_fingerprint(expect_key) if expect_key is not None else None
    path = Path(path).expanduser()
    if not path.exists():
        raise InputError("error.file_missing", field="path", path=str(path))
    if path.is_dir():
        raise PackageFormatError("package.error.not_zip", path=str(path))
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zlib.error, ValueError, EOFError):
        raise PackageFormatError("package.error.not_zip", path=str(path)) from None
    except PermissionError:
        raise InputError("error.file_unreadable", field="path", path=str(path)) from None
    except OSError:
        raise PackageFormatError("package.error.not_zip", path=str(path)) from None
    with zf:
        return _check(zf, path, expected)


def _check(zf: zipfile.ZipFile, path: Path, expected: str | None) -> PackageCheck:
    members: dict[str, zipfile.ZipInfo] = {}
    for info in zf.infolist():
        if not _safe_member(info.filename):
            raise PackageFormatError("package.error.unsafe_name", name=info.filename)
        if info.is_dir():
            continue
        if info.filename in members:
            raise PackageFormatError("package.error.duplicate_name", name=info.filename)
        members[info.filename] = info
    if "bagit.txt" in members:
        root = ""
    else:
        tops = {name.split("/", 1)[0] for name in members if "/" in name}
        candidates = [t for t in tops if f"{t}/bagit.txt" in members]
        if len(candidates) != 1:
            raise PackageFormatError("package.error.not_bag", path=str(path))
        root = candidates[0] + "/"
    problems: list[Problem] = []
    files = {name[len(root):]: info for name, info in members.items() if name.startswith(root)}
    outside = sorted(name for name in members if not name.startswith(root))
    problems += [Problem("added", name) for name in outside]

    def read(name: str) -> bytes | None:
        info = files.get(name)
        if info is None:
            return None
        try:
            return zf.read(info)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError):
            problems.append(Problem("changed", name))
            return None

    def digest(name: str) -> str | None:
        info = files.get(name)
        if info is None:
            return None
        h = hashlib.sha256()
        try:
            with zf.open(info) as fh:
                while chunk := fh.read(_CHUNK):
                    h.update(chunk)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError):
            return "unreadable"
        return h.hexdigest()

    result = PackageCheck(ok=False, bag=root.rstrip("/"))
    # 1. the signature over the tag manifest, and the key
    tag_bytes = read(TAGMANIFEST)
    pem = read(KEY)
    sig = read(SIG)
    public: bytes | None = None
    for name, content in ((TAGMANIFEST, tag_bytes), (KEY, pem), (SIG, sig)):
        if content is None and name not in {p.name for p in problems}:
            problems.append(Problem("missing", name))
    if pem is not None:
        try:
            public = signing.load_public_pem(pem)
            result.fingerprint = signing.fingerprint(public)
        except (ValueError, TypeError):
            problems.append(Problem("bad_key", KEY))
    if (public is not None and sig is not None and tag_bytes is not None
            and not signing.signature_holds(public, sig, tag_bytes)):
        problems.append(Problem("bad_signature", SIG))
    if (expected is not None and public is not None
            and signing.fingerprint_hex(public) != expected):
        problems.append(Problem("wrong_key", KEY, {
                "found": result.fingerprint, "expected": signing.readable(expected)}))
    # 2. the tag manifest: every tag file it lists, and every tag file it must list
    tag_listed = _parse_manifest(tag_bytes, TAGMANIFEST, problems) if tag_bytes else {}
    for name, want in sorted(tag_listed.items()):
        got = digest(name)
        if got is None:
            problems.append(Problem("missing", name))
        elif got != want:
            problems.append(Problem("changed", name))
    if tag_bytes is not None:
        problems += [Problem("not_covered", name) for name in TAG_FILES
                     if name not in tag_listed]
    # 3. the payload manifest
    manifest = read(MANIFEST)
    if manifest is None and MANIFEST not in {p.name for p in problems}:
        problems.append(Problem("missing", MANIFEST))
    listed = _parse_manifest(manifest, MANIFEST, problems) if manifest else {}
    for name, want in sorted(listed.items()):
        if not name.startswith("data/"):
            problems.append(Problem("bad_line", MANIFEST))
            continue
        got = digest(name)
        if got is None:
            problems.append(Problem("missing", name))
        elif got != want:
            problems.append(Problem("changed", name))
    known = set(listed) | set(tag_listed) | {TAGMANIFEST, SIG}
    problems += [Problem("added", name) for name in sorted(files) if name not in known]
    # 4. bag-info: the payload size and the audit chain's head
    bag_info = _bag_info(read("bag-info.txt"))
    payload = [n for n in files if n.startswith("data/")]
    oxum = f"{sum(files[n].file_size for n in payload)}.{len(payload)}"
    if bag_info.get("Payload-Oxum") != oxum and "bag-info.txt" in files:
        problems.append(Problem("oxum", "bag-info.txt"))
    result.head_hash = bag_info.get("Audit-Head-Hash", "")
    chain_ok, result.records = _chain(read("data/audit.jsonl"), result.head_hash)
    if not chain_ok and "data/audit.jsonl" in files:
        problems.append(Problem("chain", "data/audit.jsonl"))
    # one line per file and kind, in a stable order
    unique: dict[tuple[str, str], Problem] = {}
    for p in problems:
        unique.setdefault((p.kind, p.name), p)
    result.problems = list(unique.values())
    result.files = len(files)
    result.ok = not result.problems
    return result
