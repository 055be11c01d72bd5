"""Parsing and showing when something happened.

``occurred_at`` is an aware datetime plus a precision: exact (date and time), day (date only),
month, approximate (around that date). Input without an offset is local time.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone

from journal.core.errors import InputError
from journal.core.models import PRECISIONS

MIN_YEAR, MAX_YEAR = 1900, 2200
_APPROX_PREFIXES = ("~", "about ", "approx ", "approx. ", "circa ", "ca. ", "约", "大约", "大概")


def local_aware(naive: datetime) -> datetime:
    """Interpret a naive datetime as local time (with the offset valid on that date)."""
    return naive.astimezone()


def now() -> datetime:
    return datetime.now().astimezone()


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def parse_when(text: str | None, field: str = "when") -> tuple[datetime, str]:
    """Parse user text: ``2024-03-05``, ``2024-03``, ``2024-03-05 14:30``, ISO 8601 with or without
    offset (``Z``, ``+08:00``), optionally prefixed by ``~`` / "about" / 约 for approximate.
    Chinese forms ``2024年3月5日`` and ``2024/3/5`` are accepted too.
    """
    raw = (text or "").strip()
    if not raw:
        raise InputError("error.bad_date", field=field, text=raw)
    approx = False
    body = raw
    lowered = body.lower()
    for prefix in _APPROX_PREFIXES:
        if lowered.startswith(prefix):
            approx = True
            body = body[len(prefix):].strip()
            break
    body = _normalise(body)
    try:
        if re.fullmatch(r"\d{4}-\d{1,2}", body):
            y, m = (int(x) for x in body.split("-"))
            _check_year(y, field, raw)
            dt = local_aware(datetime(y, m, 1))
            return dt, "approximate" if approx else "month"
        if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", body):
            y, m, d = (int(x) for x in body.split("-"))
            _check_year(y, field, raw)
            dt = local_aware(datetime(y, m, d))
            return dt, "approximate" if approx else "day"
        iso = body.replace(" ", "T", 1) if re.match(r"\d{4}-\d{1,2}-\d{1,2} \d", body) else body
        iso = re.sub(r"^(\d{4})-(\d{1,2})-(\d{1,2})", lambda mm: f"{mm[1]}-{int(mm[2]):02d}-{int(mm[3]):02d}", iso)
        iso = re.sub(r"T(\d):", r"T0\1:", iso)
        if iso.endswith("Z") or iso.endswith("z"):
            iso = iso[:-1] + "+00:00"
        dt = datetime.fromisoformat(iso)
    except ValueError:
        raise InputError("error.bad_date", field=field, text=raw) from None
    _check_year(dt.year, field, raw)
    if dt.tzinfo is None:
        dt = local_aware(dt)
    return dt, "approximate" if approx else "exact"


def _check_year(year: int, field: str, raw: str) -> None:
    # every form, date-only and month too: year 9999 overflowed later (end of month, UTC offset)
    if year < MIN_YEAR or year > MAX_YEAR:
        raise InputError("error.bad_date", field=field, text=raw)


def _normalise(body: str) -> str:
    body = body.translate(str.maketrans("０１２３４５６７８９：", "0123456789:"))
    m = re.fullmatch(r"(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?\s*(.*)", body)
    if m:
        y, mo, d, rest = m.groups()
        body = f"{y}-{mo}" + (f"-{d}" if d else "") + (f" {rest.strip()}" if rest.strip() else "")
    m = re.fullmatch(r"(\d{4})[/.](\d{1,2})(?:[/.](\d{1,2}))?(.*)", body)
    if m:
        y, mo, d, rest = m.groups()
        body = f"{y}-{mo}" + (f"-{d}" if d else "") + rest
    return body.strip()


def check_precision(value: str | None) -> str:
    value = value or "exact"
    if value not in PRECISIONS:
        raise InputError("error.bad_choice", field="precision", text=value, what="precision",
                         choices=", ".join(PRECISIONS))
    return value


def parse_date_bound(text: str, *, end: bool = False, field: str = "date") -> datetime:
    """A --since/--until bound: a date (start or end of that day, local) or a datetime."""
    dt, precision = parse_when(text, field=field)
    if precision in ("day", "approximate") and end:
        return local_aware(datetime.combine(dt.date(), time(23, 59, 59, 999999)))
    if precision == "month" and end:
        y, m = dt.year + (dt.month // 12), dt.month % 12 + 1
        return local_aware(datetime(y, m, 1) - timedelta(microseconds=1))
    return dt


def format_when(dt: datetime, precision: str, lang: str = "en", *, with_zone: bool = False) -> str:
    """Show a date honouring its precision, in the user's language."""
    local = dt
    zh = lang.startswith("zh")
    if precision == "month":
        text = f"{local.year}年{local.month}月" if zh else local.strftime("%Y-%m")
    elif precision in ("day", "approximate"):
        text = f"{local.year}年{local.month}月{local.day}日" if zh else local.strftime("%Y-%m-%d")
        if precision == "approximate":
            text = ("约 " + text) if zh else ("approx. " + text)
    else:
        text = (f"{local.year}年{local.month}月{local.day}日 {local:%H:%M}" if zh
                else local.strftime("%Y-%m-%d %H:%M"))
        if with_zone:
            text += " " + local.strftime("%z")[:3] + ":" + local.strftime("%z")[3:]
    return text


def to_date(dt: datetime) -> date:
    return dt.date()
