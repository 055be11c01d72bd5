"""Masking of handles, phone numbers and email addresses for a copy shown to someone who does
not need them.

Masked: every handle value of every person (wherever it appears, in fields or in free text,
with or without a leading ``@``), anything that looks like a phone number, any email address,
and an id written after an app name (“WeChat: xm_2024”, “QQ 12345678”, “微信号 abc123”).
Phone numbers keep their first three and last four digits (``138****5678``); everything else
becomes ``•••``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from journal.core.models import Person

MASK = "•••"

_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
# Phone-like: optional +, a digit, then 6+ more digits with spaces, dashes, dots or brackets in
# between; 7 to 15 digits in all. Not part of a longer alphanumeric token.
_PHONE = re.compile(r"(?<![A-Za-z0-9_.])\+?\(?\d(?:[\d\s\-().]{5,20})\d(?![A-Za-z0-9_])")
_DATE = re.compile(r"(?:19|20|21)\d{2}[-./]\d{1,2}[-./]\d{1,2}(?!\d)")
# An id after an app name: "WeChat: xm_sea2024", "QQ号 12345678", "微信 abc123", "vx:abc_1".
_APP_ID = re.compile(
    r"(?i)(wechat|weixin|微信|vx|wx|qq|telegram|tg|whatsapp|signal|line|skype|instagram|ins)"
    r"(\s*(?:号|账号|帐号|id|ID|account|handle|number|is|是|为)?\s*[:：]?\s*@?)"
    r"([A-Za-z0-9_\-.]{4,40})"
)


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def mask_phone(text: str) -> str:
    digits = _digits(text)
    if len(digits) >= 11:
        last = digits[-11:]  # without a country code such as 86
        return last[:3] + "****" + last[-4:]
    if len(digits) >= 8:
        return digits[:2] + "****" + digits[-2:]
    return MASK


class Redactor:
    """Masks contact details in text; a disabled redactor returns text unchanged."""

    def __init__(self, persons: Iterable[Person], enabled: bool = True) -> None:
        self.enabled = enabled
        values: set[str] = set()
        for person in persons:
            for handle in person.handles:
                value = (handle.value or "").strip()
                if len(value) >= 3:
                    values.add(value)
                    if value.startswith("@") and len(value) > 3:
                        values.add(value[1:])
        # Longest first so that a value containing another one is masked whole.
        ordered = sorted(values, key=len, reverse=True)
        self._handles = (
            re.compile("|".join(re.escape(v) for v in ordered), re.IGNORECASE) if ordered else None
        )

    def __call__(self, text: str | None) -> str:
        return self.text(text)

    def text(self, text: str | None) -> str:
        if not text:
            return ""
        if not self.enabled:
            return text
        out = text
        if self._handles is not None:
            out = self._handles.sub(MASK, out)
        out = _EMAIL.sub(MASK, out)
        out = _APP_ID.sub(self._app_id, out)
        # Dates (2024-03-05) are set aside so that they are never taken for phone numbers,
        # nor glued to a real number next to them.
        dates: list[str] = []

        def keep(m: re.Match[str]) -> str:
            dates.append(m.group(0))
            return f"\x00{len(dates) - 1}\x00"

        out = _DATE.sub(keep, out)
        out = _PHONE.sub(self._phone, out)
        if dates:
            out = re.sub("\x00(\\d+)\x00", lambda m: dates[int(m.group(1))], out)
        return out

    def handle(self, kind: str, value: str) -> str:
        """Mask a handle value shown in a field."""
        if not self.enabled:
            return value
        if kind == "phone":
            return mask_phone(value) if len(_digits(value)) >= 7 else MASK
        return MASK

    @staticmethod
    def _phone(match: re.Match[str]) -> str:
        found = match.group(0)
        digits = _digits(found)
        if len(digits) < 7:
            return found
        if len(digits) > 15:  # longer than any phone number: an account or card number
            return digits[:4] + "****" + digits[-4:]
        return mask_phone(found)

    @staticmethod
    def _app_id(match: re.Match[str]) -> str:
        ident = match.group(3)
        # Only ids that look like ids (a digit or an underscore), not ordinary words
        # ("WeChat Pay", "QQ group").
        if not re.search(r"[\d_]", ident):
            return match.group(0)
        return match.group(1) + match.group(2) + MASK
