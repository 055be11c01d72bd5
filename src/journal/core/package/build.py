"""Making an evidence package: a zipped, signed BagIt 1.0 bag (RFC 8493).

The zip holds one folder (named like the zip without ``.zip``, as RFC 8493 §4.2 asks of a
serialised bag); unzipped, that folder is the bag that ``bagit.py --validate``, ``sha256sum -c``
and ``openssl pkeyutl -verify`` check. The zip is written to a temporary name in the target folder
and linked into place only when complete, so the target is either absent or whole, and an
existing file is never replaced.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
import time
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from journal import __version__
from journal.core import fsutil, signing
from journal.core.codec import entry_to_json, person_to_json
from journal.core.errors import ExportError, InputError, JournalError
from journal.core.models import Attachment, Entry
from journal.core.outpath import check_output_path
from journal.core.package import texts
from journal.core.package.check import TAG_FILES
from journal.core.report.data import collect
from journal.core.report.options import ReportOptions
from journal.core.report.pdf import render
from journal.core.report.redact import Redactor

log = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int], None]

SIZE_NOTICE_BYTES = 100 * 1024 * 1024  # above this the size is shown before writing
FORMAT = "incident-journal-package/1"
_STEPS = 1000  # progress is reported in thousandths: the PDF first, then the originals
_PDF_SHARE = 600

# Fields of the JSON form that hold no free text (ids, times, choices, hashes): never masked.
_STRUCTURAL = {
    "id", "kind", "occurred_at", "precision", "recorded_at", "saved_at", "person_ids", "amount",
    "currency", "method", "direction", "value", "status", "medium", "initiated_by", "reported_to",
    "source_entry_id", "revision", "deleted", "sha256", "size", "media_type", "entry", "person",
    "file", "action", "added_at", "import", "seq", "at", "object_type", "object_id", "digest",
    "prev_hash", "hash", "head_hash", "records",
}


@dataclass
class PackageStats:
    path: Path | None = None
    bag: str = ""
    entries: int = 0
    originals: int = 0
    files: int = 0  # payload files
    bytes: int = 0  # size of the zip
    fingerprint: str = ""
    head_hash: str = ""
    records: int = 0
    redacted: bool = False
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------- output path
def check_out_path(journal: Any, out_path: os.PathLike[str] | str) -> Path:
    """Refuse what the one output-path check refuses (the journal and its own files, any journal
    file, the backups folder), then a folder and an existing file."""
    out = check_output_path(Path(out_path).expanduser(), [journal.path])
    if out.exists():
        raise InputError("error.file_exists", field="path", path=str(out))
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir() or not os.access(folder, os.W_OK | os.X_OK):
        raise InputError("error.not_writable", field="path", path=str(out))
    return out


def bag_name(out: Path) -> str:
    """The bag folder inside the zip: the zip's name without ``.zip``, made safe."""
    stem = out.name[:-4] if out.name.lower().endswith(".zip") else out.name
    return safe_name(stem) or "evidence-package"


_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*%]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)),
             *(f"LPT{i}" for i in range(10))}


def safe_name(name: str, limit: int = 80) -> str:
    """A file name that is safe in a zip, on Windows, macOS and Linux, and in a BagIt manifest
    (no separators, control characters, ``%``, reserved device names or leading dots)."""
    text = unicodedata.normalize("NFC", name)
    text = _UNSAFE.sub("_", text).strip().strip(".").strip()
    text = re.sub(r"\s+", " ", re.sub(r"\.{2,}", ".", text))
    if text.split(".")[0].upper() in _RESERVED:
        text = "_" + text
    if len(text) > limit:
        stem, dot, ext = text.rpartition(".")
        if dot and 0 < len(ext) <= 10:
            text = stem[: limit - len(ext) - 1] + "." + ext
        else:
            text = text[:limit]
    return text


# ---------------------------------------------------------------------------- what goes in
def _originals(journal: Any, entries: list[Entry], persons: list[Any]) -> list[Attachment]:
    """Every attachment of the selected entries and shown people, and the chat exports kept by
    imports that made any selected entry (even when their first entry is outside the period)."""
    seen: dict[str, Attachment] = {}
    for entry in entries:
        for att in entry.attachments:
            seen.setdefault(att.id, att)
    for person in persons:
        for att in journal.list_attachments(person_id=person.id):
            seen.setdefault(att.id, att)
    import_ids = {e.import_id for e in entries if getattr(e, "import_id", None)}
    if import_ids:
        for row in journal.list_imports():
            att_id = row.get("attachment_id")
            if row["id"] in import_ids and att_id and att_id not in seen:
                with contextlib.suppress(JournalError):
                    seen[att_id] = journal.get_attachment(att_id)
    return list(seen.values())


def estimate_size(journal: Any, options: ReportOptions) -> int:
    """About how big the package will be (the originals dominate), before anything is made."""
    options = options.validated()
    data = collect(journal, options, with_signs=False)
    total = 200_000 + 2_000 * len(data.entries)
    if not options.redact:
        total += sum(a.size for a in _originals(journal, data.entries, data.persons))
    return total


def _mask(value: Any, redactor: Redactor, key: str = "") -> Any:
    if isinstance(value, dict):
        return {k: _mask(v, redactor, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_mask(v, redactor, key) for v in value]
    if isinstance(value, str) and key not in _STRUCTURAL:
        return redactor.text(value)
    return value


def _iso(value: datetime) -> str:
    return value.isoformat()


def _journal_json(journal: Any, data: Any, originals: list[Attachment], names: dict[str, str],
                  fingerprint: str, head: str, records: int, redacted: bool) -> bytes:
    redactor: Redactor = data.redactor
    entries = []
    for entry in data.entries:
        item = entry_to_json(entry)
        item["history"] = [
            {"revision": r.revision, "saved_at": _iso(r.saved_at), "action": r.action,
             "data": r.data}
            for r in journal.history(entry.id)
        ]
        entries.append(item)
    persons = []
    for person in data.persons:
        item = person_to_json(person)
        if redacted:
            item["handles"] = [{"kind": h.kind, "value": redactor.handle(h.kind, h.value)}
                               for h in person.handles]
        persons.append(item)
    attachments = [
        {"id": a.id, "filename": a.filename, "media_type": a.media_type, "size": a.size,
         "sha256": a.sha256, "entry": a.entry_id, "person": a.person_id,
         "added_at": _iso(a.added_at), "caption": a.caption,
         "file": None if redacted else f"originals/{names[a.id]}"}
        for a in originals
    ]
    doc = {
        "format": FORMAT,
        "made_at": _iso(data.made_at),
        "made_with": f"Incident Journal {__version__}",
        "lang": data.lang,
        "period": {"since": data.options.since.isoformat() if data.options.since else None,
                   "until": data.options.until.isoformat() if data.options.until else None},
        "redacted": redacted,
        "originals_included": not redacted,
        "signing_key_fingerprint": fingerprint,
        "audit_head_hash": head,
        "audit_records": records,
        "entries": [_mask(e, redactor) for e in entries] if redacted else entries,
        "persons": [_mask(p, redactor) for p in persons] if redacted else persons,
        "attachments": [_mask(a, redactor) for a in attachments] if redacted else attachments,
    }
    return (json.dumps(doc, ensure_ascii=False, indent=2, default=str) + "\n").encode("utf-8")


def _audit_jsonl(journal: Any, redactor: Redactor, redacted: bool) -> tuple[bytes, str, int]:
    """Every audit record as the store wrote it (the hash covers that exact text), then a last
    line with the head hash and the count. Anyone can recompute the chain from this file."""
    head = "0" * 64
    items = []
    for r in journal.db.rows("SELECT * FROM audit ORDER BY seq"):
        items.append({"seq": r["seq"], "at": r["at"], "action": r["action"],
                      "object_type": r["object_type"], "object_id": r["object_id"],
                      "digest": r["digest"], "prev_hash": r["prev_hash"], "hash": r["hash"]})
        head = r["hash"]
    if redacted:  # audit records hold ids and hashes only; masked like the PDF all the same
        items = [_mask(item, redactor) for item in items]
    out = [json.dumps(item, ensure_ascii=False, sort_keys=True) for item in items]
    out.append(json.dumps({"head_hash": head, "records": len(items)}, sort_keys=True))
    return ("\n".join(out) + "\n").encode("utf-8"), head, len(items)


def _period_text(data: Any) -> str:
    if data.entries:
        first = data.entries[0].occurred_at.date().isoformat()
        last = data.entries[-1].occurred_at.date().isoformat()
    else:
        first = last = "—"
    since = data.options.since.isoformat() if data.options.since else first
    until = data.options.until.isoformat() if data.options.until else last
    return f"{since} – {until}"


# ---------------------------------------------------------------------------- writing
class _BagWriter:
    """Adds files to the zip under the bag folder and remembers their SHA-256."""

    def __init__(self, zf: zipfile.ZipFile, bag: str) -> None:
        self.zf = zf
        self.bag = bag
        self.sums: dict[str, str] = {}
        self.sizes: dict[str, int] = {}

    def add(self, name: str, data: bytes, compress: bool = True) -> None:
        info = zipfile.ZipInfo(f"{self.bag}/{name}", date_time=time.localtime()[:6])
        info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
        info.external_attr = 0o644 << 16
        self.zf.writestr(info, data)
        self.sums[name] = hashlib.sha256(data).hexdigest()
        self.sizes[name] = len(data)

    def manifest(self, names: list[str]) -> bytes:
        return "".join(f"{self.sums[n]}  {n}\n" for n in names).encode("utf-8")


def _publish(tmp: Path, out: Path) -> None:
    """Put the finished temporary file at ``out`` without ever replacing an existing file."""
    try:
        os.link(tmp, out)
    except FileExistsError:
        raise InputError("error.file_exists", field="path", path=str(out)) from None
    except OSError:  # a file system without hard links (FAT, some network drives)
        if out.exists():
            raise InputError("error.file_exists", field="path", path=str(out)) from None
        os.replace(tmp, out)
        return
    os.unlink(tmp)
    fsutil.fsync_dir(out.parent)


def build_package(journal: Any, out_path: os.PathLike[str] | str, options: ReportOptions,
                  progress: ProgressCallback | None = None) -> PackageStats:
    """Write the evidence package for ``options`` (period, kinds, people, language, redact) to
    ``out_path``. Raises InputError for a refused path, ExportError when it cannot be made."""
    started = time.perf_counter()
    options = options.validated()
    if options.password is not None:
        options.password = None  # the package is checked by anyone; only the PDF has a password
    out = check_out_path(journal, out_path)
    bag = bag_name(out)
    redacted = options.redact

    def report(done: int) -> None:
        if progress is not None:
            progress(min(done, _STEPS), _STEPS)

    report(0)
    tmp: Path | None = fsutil.temp_path_for(out, "package")
    assert tmp is not None
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        with os.fdopen(fd, "wb") as fh:
            stats = _write(journal, fh, bag, options, report)
            fh.flush()
            os.fsync(fh.fileno())
        _publish(tmp, out)
        tmp = None
    except JournalError:
        raise
    except OSError as exc:
        log.warning("package could not be written: %s", type(exc).__name__)
        raise InputError("error.not_writable", field="path", path=str(out)) from exc
    except Exception as exc:  # a failure must leave no half file and show no raw trace
        log.error("package failed: %s", type(exc).__name__)
        raise ExportError("package.error.export", detail=type(exc).__name__) from exc
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    stats.path = out
    stats.bag = bag
    stats.redacted = redacted
    stats.bytes = out.stat().st_size
    stats.seconds = time.perf_counter() - started
    report(_STEPS)
    log.info("evidence package written: %d entries, %d originals, %d bytes, %.2f s",
             stats.entries, stats.originals, stats.bytes, stats.seconds)
    return stats


def _write(journal: Any, target: BinaryIO, bag: str, options: ReportOptions,
           report: Callable[[int], None]) -> PackageStats:
    redacted = options.redact
    fingerprint = journal.signing_fingerprint()
    public = journal.signing_public_key()

    def pdf_progress(done: int, total: int) -> None:
        report(_PDF_SHARE * done // max(1, total))

    pdf = render(journal, options, pdf_progress)
    data = collect(journal, options, with_signs=False)
    listed = _originals(journal, data.entries, data.persons)  # named in journal.json either way
    originals = [] if redacted else listed
    names: dict[str, str] = {}
    used: set[str] = set()
    for n, att in enumerate(originals, 1):
        name = f"{n:03d}-{safe_name(att.filename) or 'file'}"
        while name.lower() in used:  # case-insensitive file systems
            name = f"{n:03d}-{len(used)}-{safe_name(att.filename) or 'file'}"
        used.add(name.lower())
        names[att.id] = name
    audit_bytes, head, records = _audit_jsonl(journal, data.redactor, redacted)
    stats = PackageStats(entries=len(data.entries), originals=len(originals),
                         fingerprint=fingerprint, head_hash=head, records=records)
    with zipfile.ZipFile(target, "w", allowZip64=True) as zf:
        w = _BagWriter(zf, bag)
        payload: list[str] = []

        def put(name: str, content: bytes, compress: bool = True) -> None:
            w.add(name, content, compress)
            payload.append(name)

        put("data/report.pdf", pdf, compress=False)
        put("data/journal.json", _journal_json(journal, data, listed, names, fingerprint,
                                               head, records, redacted))
        put("data/audit.jsonl", audit_bytes)
        for n, att in enumerate(originals, 1):
            content = journal.attachment_data(att.id)
            if hashlib.sha256(content).hexdigest() != att.sha256:
                stats.warnings.append(att.filename)  # kept as it is; verify tells the story
            put(f"data/originals/{names[att.id]}", content, compress=_compressible(att))
            report(_PDF_SHARE + (_STEPS - _PDF_SHARE - 10) * n // max(1, len(originals)))
        stats.files = len(payload)
        oxum = f"{sum(w.sizes[n] for n in payload)}.{len(payload)}"
        made = datetime.now(UTC)
        w.add("bagit.txt", b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n")
        w.add("manifest-sha256.txt", w.manifest(payload))
        w.add("bag-info.txt", _bag_info(made, oxum, fingerprint, head, records, redacted,
                                        options.prepared_by, len(data.entries)))
        w.add("README.txt", texts.readme(
            bag=bag, made_at=made.strftime("%Y-%m-%d %H:%M UTC"), made_by=options.prepared_by,
            fingerprint=fingerprint, head=head, records=records, entries=len(data.entries),
            originals=len(originals), redacted=redacted, period=_period_text(data),
            version=__version__).encode("utf-8"))
        w.add("signing-key.pem", signing.public_pem(public))
        tag_manifest = w.manifest(list(TAG_FILES))
        w.add("tagmanifest-sha256.txt", tag_manifest)
        w.add("tagmanifest-sha256.txt.sig", journal.sign(tag_manifest), compress=False)
    return stats


def _compressible(att: Attachment) -> bool:
    """Text shrinks; pictures, videos, archives and unknown binaries are stored as they are
    (deflating them costs seconds per 100 MB for nothing)."""
    kind = att.media_type.lower()
    return kind.startswith("text/") or kind in {"application/json", "application/xml",
                                                "message/rfc822", "application/mbox"}


def _bag_info(made: datetime, oxum: str, fingerprint: str, head: str, records: int,
              redacted: bool, prepared_by: str, entries: int) -> bytes:
    lines = [
        ("Bagging-Date", made.date().isoformat()),
        ("Bagging-Time", made.strftime("%H:%M:%SZ")),
        ("Bag-Software-Agent", f"Incident Journal {__version__}"),
        ("Payload-Oxum", oxum),
        ("External-Description", ("Evidence package exported from an Incident Journal; see "
                                  "README.txt (Chinese and English) for how to check it.")),
        ("Signing-Key-Fingerprint", fingerprint),
        ("Signing-Key-Algorithm", "Ed25519 (signing-key.pem, tagmanifest-sha256.txt.sig)"),
        ("Audit-Head-Hash", head),
        ("Audit-Record-Count", str(records)),
        ("Entry-Count", str(entries)),
        ("Redacted", "yes" if redacted else "no"),
        ("Originals-Included", "no (masked copy: original files left out)" if redacted
         else "yes"),
    ]
    if prepared_by:
        lines.append(("Contact-Name", " ".join(prepared_by.split())))
    return "".join(f"{k}: {v}\n" for k, v in lines).encode("utf-8")
