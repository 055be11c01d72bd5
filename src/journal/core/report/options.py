"""What the user chose for a report, and what came out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from journal.core.errors import InputError
from journal.core.i18n import normalise_lang
from journal.core.models import KINDS

ProgressCallback = Callable[[int, int], None]


@dataclass
class ReportOptions:
    lang: str = "en"  # "en" or "zh"
    since: date | None = None  # first day included (local time)
    until: date | None = None  # last day included (local time)
    kinds: list[str] | None = None  # None = every kind
    person_ids: list[str] | None = None  # None = everyone
    include_attachments: bool = True  # draw pictures (files are listed either way)
    redact: bool = False  # mask handles, phone numbers and email addresses
    password: str | None = None  # AES-256 protection; "" is refused
    prepared_by: str = ""

    def validated(self) -> ReportOptions:
        """Check the options; raise InputError with a field name on a bad one."""
        self.lang = normalise_lang(self.lang)
        if self.password is not None and self.password == "":
            raise InputError("report.error.password_empty", field="password")
        if self.kinds is not None:
            for kind in self.kinds:
                if kind not in KINDS:
                    raise InputError("report.error.bad_kind", field="kinds", kind=kind)
        if self.since and self.until and self.since > self.until:
            raise InputError("report.error.bad_range", field="since")
        return self


@dataclass
class ReportStats:
    pages: int = 0
    entries: int = 0
    persons: int = 0
    attachments: int = 0  # files listed
    images: int = 0  # pictures drawn
    signs: int = 0  # warning signs shown in the report
    bytes: int = 0  # size of the PDF written
    seconds: float = 0.0
    encrypted: bool = False
    warnings: list[str] = field(default_factory=list)  # attachment names that could not be drawn
