"""Masking of contact details and identity numbers for a copy shown to someone who does not
need them.

Masked: every handle value of every person (wherever it appears, in fields or in free text,
with or without a leading ``@``); e-mail addresses (non-ASCII local parts and a full-width ＠
included); @handles nobody registered; messenger links (t.me/…, wa.me/…); an id written after
an app name (“WeChat: xm_2024”, “QQ号 12345678”, “微信号 abc123”, “V信 …”, “扣扣 …”); 18-digit
resident ID numbers; bank card numbers (16–19 digits) and anything that looks like a phone
number, whatever separates its digits (spaces, hyphens of any width, dashes, dots, slashes,
underscores). Phone numbers keep their first three and last four digits (``138****5678``),
card numbers their first and last four; everything else becomes ``•••``.

Text is matched in its NFKC form (full-width digits, letters and ＠ become their plain forms)
but the masks are put into the original text, so the rest keeps its own punctuation.

Every pattern is matched in one pass over the text with bounded look-around, so masking costs
time in proportion to the length of the text (a 200,000-character entry takes milliseconds).
Callers cut texts to length only after masking, so no half of an address survives a cut.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable

from journal.core.models import Person

MASK = "•••"
_BLANK = "\x00"  # stands for text already dealt with, so that no later pattern crosses it

_LOCAL_CHARS = re.compile(r"[\w.%+\-]")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# "@" and a domain; the local part is found by looking back from the "@" (bounded).
_EMAIL_AT = re.compile(r"@[A-Za-z0-9\-]{1,63}(?:\.[A-Za-z0-9\-]{1,63})+")
_LOCAL_MAX = 64
_LINK = re.compile(
    r"(?i)(?<![\w.\-])(?:https?://)?(?:www\.)?"
    r"(t\.me|telegram\.me|telegram\.dog|wa\.me|chat\.whatsapp\.com|api\.whatsapp\.com"
    r"|signal\.me|line\.me|qm\.qq\.com|u\.wechat\.com|weixin\.qq\.com)"
    r"/[A-Za-z0-9_\-./?=&%#+~]{1,300}"
)
# An id after an app name. Strong labels always name an id; after a weak one ("WeChat", "QQ")
# only a word with a digit or an underscore is taken for one ("WeChat Pay" is not an id).
_STRONG = (
    r"微信号码|微信号|微信id|微信帐号|微信账号|v信号?|vx号?|wx号|weixin\s?id|wechat\s?id"
    r"|qq号码|qq号|扣扣号?|企鹅号|tg号|telegram\s?id|whatsapp\s?id|line\s?id|skype\s?id"
)
_WEAK = r"wechat|weixin|微信|wx|qq|telegram|tg|whatsapp|signal|line|skype|instagram|ins|twitter"
_APP_ID = re.compile(
    rf"(?i)(?<![A-Za-z0-9])({_STRONG}|{_WEAK})"
    r"(\s{0,3}(?:号|账号|帐号|id|account|handle|number|is|是|为)?\s{0,3}[:：]?\s{0,3}@?)"
    r"([A-Za-z0-9][A-Za-z0-9_\-.]{2,39})(?![A-Za-z0-9_\-])"
)
_STRONG_RE = re.compile(rf"(?i)^(?:{_STRONG})$")
_HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z_][A-Za-z0-9_.]{2,31}(?![A-Za-z0-9_])")
_RESIDENT_ID = re.compile(
    r"(?<![0-9A-Za-z])\d{6}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]"
    r"(?![0-9A-Za-z])"
)
_DATE = re.compile(
    r"(?<!\d)(?:(?:19|20|21)\d{2}[-./](?:1[0-2]|0?[1-9])[-./](?:3[01]|[12]\d|0?[1-9])"
    r"|\d{1,2}[-./]\d{1,2}[-./](?:19|20|21)\d{2})(?!\d)"
)
# A phone or card number: a digit, then digits and separators, then a digit; 7 to 19 digits.
_NUMBER = re.compile(
    r"(?<![0-9A-Za-z])\+?\(?\d[\d \t\-\u2010-\u2015\u2212./_()]{5,34}\d(?![0-9A-Za-z])"
)


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def mask_phone(text: str) -> str:
    digits = _digits(unicodedata.normalize("NFKC", text))
    if len(digits) >= 11:
        last = digits[-11:]  # without a country code such as 86
        return last[:3] + "****" + last[-4:]
    if len(digits) >= 8:
        return digits[:2] + "****" + digits[-2:]
    return MASK


def _normalise(text: str) -> tuple[str, list[int]]:
    """The NFKC form of ``text`` character by character, and for each of its characters the
    index of the original character it came from."""
    if text.isascii():
        return text, list(range(len(text)))
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        n = unicodedata.normalize("NFKC", ch) if ord(ch) > 127 else ch
        out.append(n)
        origin.extend([i] * len(n))
    return "".join(out), origin


class _Spans:
    """Masks found in the normalised text, as (start, end, replacement) in its positions."""

    def __init__(self, work: str) -> None:
        self.work = work
        self.found: list[tuple[int, int, str | None]] = []  # None: keep the original text

    def take(self, pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str | None],
             group: int = 0) -> None:
        """Every match of ``pattern`` not crossing earlier ones; ``replace`` returns its mask,
        None to keep it as it is (it still blocks later patterns), or "" to pass it by."""
        taken: list[tuple[int, int]] = []
        for m in pattern.finditer(self.work):
            value = replace(m)
            if value == "":
                continue
            start, end = m.span(group)
            self.found.append((start, end, value))
            taken.append((start, end))
        self.blank(taken)

    def add(self, start: int, end: int, value: str) -> None:
        self.found.append((start, end, value))
        self.blank([(start, end)])

    def blank(self, taken: list[tuple[int, int]]) -> None:
        """Blank out ``taken`` spans of the work text so later patterns cannot match across them."""
        if not taken:
            return
        parts: list[str] = []
        at = 0
        for start, end in taken:
            parts.append(self.work[at:start])
            parts.append(_BLANK * (end - start))
            at = end
        parts.append(self.work[at:])
        self.work = "".join(parts)


class Redactor:
    """Masks contact details in text; a disabled redactor returns text unchanged."""

    def __init__(self, persons: Iterable[Person], enabled: bool = True) -> None:
        self.enabled = enabled
        values: set[str] = set()
        for person in persons:
            for handle in person.handles:
                value = unicodedata.normalize("NFKC", (handle.value or "").strip())
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
        work, origin = _normalise(text)
        spans = _Spans(work)
        if self._handles is not None:
            spans.take(self._handles, lambda m: MASK)
        spans.take(_LINK, lambda m: m.group(1) + "/" + MASK)
        self._emails(spans)
        spans.take(_APP_ID, self._app_id, group=3)
        spans.take(_RESIDENT_ID, lambda m: MASK)
        # Dates (2024-03-05) are set aside so that they are never taken for phone numbers,
        # nor glued to a real number next to them.
        spans.take(_DATE, lambda m: None)
        spans.take(_HANDLE, lambda m: MASK)
        spans.take(_NUMBER, self._number)
        return _apply(text, origin, spans.found)

    def handle(self, kind: str, value: str) -> str:
        """Mask a handle value shown in a field."""
        if not self.enabled:
            return value
        if kind == "phone":
            return mask_phone(value) if len(_digits(value)) >= 7 else MASK
        return MASK

    @staticmethod
    def _emails(spans: _Spans) -> None:
        work = spans.work
        found: list[tuple[int, int]] = []
        last_end = 0
        for m in _EMAIL_AT.finditer(work):
            at = m.start()
            # the local part: letters, digits and . % + - before the "@"; if it is made of
            # Latin-script characters, Chinese characters before it are words, not the address
            start = at
            floor = max(last_end, at - _LOCAL_MAX)
            while start > floor and _LOCAL_CHARS.match(work[start - 1]):
                start -= 1
            if start == at:
                continue
            local = work[start:at]
            if not _CJK.match(local[-1]):
                while _CJK.match(work[start]):
                    start += 1
            found.append((start, m.end()))
            last_end = m.end()
        for start, end in found:
            spans.found.append((start, end, MASK))
        spans.blank(found)

    @staticmethod
    def _number(match: re.Match[str]) -> str:
        found = match.group(0)
        digits = _digits(found)
        if len(digits) < 7:
            return ""
        if len(digits) > 15:  # longer than any phone number: a card or account number
            return digits[:4] + "****" + digits[-4:]
        return mask_phone(found)

    @staticmethod
    def _app_id(match: re.Match[str]) -> str:
        ident = match.group(3)
        # After a weak label only ids that look like ids (a digit or an underscore), not
        # ordinary words ("WeChat Pay", "QQ group").
        if not _STRONG_RE.match(match.group(1)) and not re.search(r"[\d_]", ident):
            return ""
        return MASK


def _apply(text: str, origin: list[int], found: list[tuple[int, int, str | None]]) -> str:
    """Put the masks into the original text (spans in normalised positions, never overlapping)."""
    if not found:
        return text
    parts: list[str] = []
    at = 0
    for start, end, value in sorted(found, key=lambda s: s[0]):
        o_start = origin[start]
        o_end = origin[end - 1] + 1
        if o_start < at:  # two spans from one original character
            continue
        parts.append(text[at:o_start])
        parts.append(text[o_start:o_end] if value is None else value)
        at = o_end
    parts.append(text[at:])
    return "".join(parts)
