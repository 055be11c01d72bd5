"""Parsing and showing when something happened.

``occurred_at`` is an aware datetime plus a precision: exact (date and time), day (date only),
month, approximate (around that date). Input without an offset is local time.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta

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
    return datetime.now(UTC)


def parse_when(text: str | None, field: str = "when",
               reference: datetime | None = None) -> tuple[datetime, str]:
    """Parse user text: ``2024-03-05``, ``2024-03``, ``2024-03-05 14:30``, ISO 8601 with or without
    offset (``Z``, ``+08:00``), optionally prefixed by ``~`` / "about" / 约 for approximate.
    Chinese forms ``2024年3月5日`` and ``2024/3/5`` are accepted too, and the way people say it:
    ``3月1日 晚上8点``, ``昨天下午3点``, ``上周二``, ``yesterday 3pm``, ``last Tuesday 20:15``
    (relative to ``reference``, default now; a month and day without a year is the latest such
    day that is not in the future).
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
    spoken = _spoken(body, reference or now(), field, raw)
    if spoken is not None:
        return spoken[0], "approximate" if approx else spoken[1]
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
        if iso.endswith(("Z", "z")):
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


_ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}
_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6,
             "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
             "sunday": 6, "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3,
             "thurs": 3, "fri": 4, "sat": 5, "sun": 6}
_RELATIVE_DAYS = {"大前天": -3, "前天": -2, "昨天": -1, "昨日": -1, "昨晚": -1, "今天": 0, "今日": 0,
                  "今晚": 0, "yesterday": -1, "today": 0, "tonight": 0}
# words that can only mean a day still to come: understood, and refused as such
_FUTURE_DAYS = {"大后天": 3, "后天": 2, "明天": 1, "明日": 1, "明晚": 1, "day after tomorrow": 2,
                "the day after tomorrow": 2, "tomorrow": 1}
# time-of-day words: (word, hours added to 1-11, hour meant by 12)
_DAY_PARTS_ZH = (("凌晨", 0, 0), ("早上", 0, 12), ("早晨", 0, 12), ("上午", 0, 12), ("中午", 12, 12),
                 ("下午", 12, 12), ("傍晚", 12, 12), ("晚上", 12, 0), ("夜里", 12, 0),
                 ("晚", 12, 0))


def _zh_number(text: str) -> int | None:
    """1-59 written in digits or in Chinese numerals (八, 十二, 二十五, 三十)."""
    if text.isdigit():
        return int(text)
    if not text or any(c not in _ZH_DIGITS and c != "十" for c in text):
        return None
    if "十" not in text:
        return _ZH_DIGITS[text] if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    t = _ZH_DIGITS.get(tens, -1) if tens else 1
    o = _ZH_DIGITS.get(ones, -1) if ones else 0
    return None if t < 0 or o < 0 else t * 10 + o


_NUM = r"[0-9零〇一二两三四五六七八九十]{1,3}"
_ZH_TIME = re.compile(rf"^(?P<part>凌晨|早上|早晨|上午|中午|下午|傍晚|晚上|夜里|晚)?\s*(?P<h>{_NUM})\s*[点點时時]"
                      rf"(?:\s*(?P<half>半)|\s*(?P<m>{_NUM})\s*分?)?$")
_CLOCK = re.compile(r"^(?P<part>凌晨|早上|早晨|上午|中午|下午|傍晚|晚上|夜里|晚)?\s*(?P<h>\d{1,2}):(?P<m>\d{2})"
                    r"(?::(?P<s>\d{2}))?\s*(?P<ampm>am|pm|a\.m\.|p\.m\.)?$", re.IGNORECASE)
_EN_HOUR = re.compile(r"^(?:at\s+)?(?P<h>\d{1,2})\s*(?P<ampm>am|pm|a\.m\.|p\.m\.)$", re.IGNORECASE)


def _spoken_time(text: str) -> tuple[int, int, int] | None:
    """(hour, minute, second) of a time of day as people write it, or None if it is not one."""
    text = text.strip()
    m = _ZH_TIME.match(text) or _CLOCK.match(text) or _EN_HOUR.match(text)
    if not m:
        return None
    groups = m.groupdict()
    hour = _zh_number(groups["h"])
    minute = 30 if groups.get("half") else (_zh_number(groups["m"]) if groups.get("m") else 0)
    second = int(groups["s"]) if groups.get("s") else 0
    if hour is None or minute is None:
        return None
    part, ampm = groups.get("part"), (groups.get("ampm") or "").lower().replace(".", "")
    if part:
        add, twelve = next((a, t) for w, a, t in _DAY_PARTS_ZH if w == part)
        if not 1 <= hour <= 12:
            return None
        hour = twelve if hour == 12 else (hour + add if hour + add < 24 else hour)
        if part == "中午" and hour > 14:
            return None
    elif ampm:
        if not 1 <= hour <= 12:
            return None
        hour = (0 if hour == 12 else hour) + (12 if ampm == "pm" else 0)
    if not (0 <= hour <= 23 and 0 <= minute <= 59 and 0 <= second <= 59):
        return None
    return hour, minute, second


def _spoken(body: str, reference: datetime, field: str, raw: str) -> tuple[datetime, str] | None:
    """Relative and spoken forms (昨天下午3点, 上周二, 3月1日 晚上8点, yesterday 3pm), or None when the
    text is not of that kind (the ISO forms are then tried)."""
    text = body.strip()
    lowered = text.lower()
    ref_day = reference.astimezone().date()
    for word, offset in sorted(_FUTURE_DAYS.items(), key=lambda kv: -len(kv[0])):
        if lowered.startswith(word):
            raise InputError("error.future_day", field=field, text=raw,
                             date=(ref_day + timedelta(days=offset)).isoformat())
    day: date | None = None
    rest = text
    for word, offset in sorted(_RELATIVE_DAYS.items(), key=lambda kv: -len(kv[0])):
        if lowered.startswith(word):
            day = ref_day + timedelta(days=offset)
            rest = text[len(word):]
            if word in ("昨晚", "今晚", "tonight") and rest.strip() and not rest.strip()[0] in "凌早上中下傍晚夜":
                rest = "晚上" + rest.strip()
            break
    if day is None:
        m = re.match(r"^(上上|上|这|本|下)?\s*(?:周|星期|礼拜)([一二三四五六日天])", text)
        m_en = re.match(r"^(last|this)?\s*(monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                        r"mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)\b\.?", lowered)
        if m:
            weekday = _WEEKDAYS[m[2]]
            monday = ref_day - timedelta(days=ref_day.weekday())
            weeks = {"上上": -2, "上": -1, "这": 0, "本": 0, "下": 1}.get(m[1] or "", None)
            if weeks is None:  # a bare 周二: the latest Tuesday, today included
                day = ref_day - timedelta(days=(ref_day.weekday() - weekday) % 7)
            else:
                day = monday + timedelta(weeks=weeks, days=weekday)
            rest = text[m.end():]
        elif m_en:
            weekday = _WEEKDAYS[m_en[2]]
            if m_en[1] == "last":
                day = ref_day - timedelta(days=(ref_day.weekday() - weekday) % 7 or 7)
            else:
                day = ref_day - timedelta(days=(ref_day.weekday() - weekday) % 7)
            rest = text[m_en.end():]
        else:
            m_md = re.match(r"^(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]", text)
            # a full date followed by a spoken time (2024年3月1日 晚上8点, 2024/3/1 下午3点)
            m_ymd = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})\s+", text)
            if m_ymd and _spoken_time(text[m_ymd.end():].strip()) is not None:
                _check_year(int(m_ymd[1]), field, raw)
                try:
                    day = date(int(m_ymd[1]), int(m_ymd[2]), int(m_ymd[3]))
                except ValueError:
                    raise InputError("error.bad_date", field=field, text=raw) from None
                rest = text[m_ymd.end():]
            elif m_md:
                month, dom = int(m_md[1]), int(m_md[2])
                try:
                    day = date(ref_day.year, month, dom)
                    if day > ref_day:
                        day = date(ref_day.year - 1, month, dom)
                except ValueError:
                    raise InputError("error.bad_date", field=field, text=raw) from None
                rest = text[m_md.end():]
    rest = rest.strip().lstrip(",，").strip()
    if day is None:
        # a time alone (20:15, 晚上8点, 3pm) is today at that time
        if re.fullmatch(r"\d{1,2}:\d{2}(:\d{2})?", text) is None and _spoken_time(text) is None:
            return None
        if re.match(r"^\d{4}", text):
            return None
        day, rest = ref_day, text
    if not rest:
        return local_aware(datetime.combine(day, time())), "day"
    clock = _spoken_time(rest)
    if clock is None:
        raise InputError("error.bad_date", field=field, text=raw)
    return local_aware(datetime.combine(day, time(*clock))), "exact"


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


def zone_name(offset: timedelta, lang: str = "en") -> str:
    """A UTC offset named for people: ``UTC+8`` / ``UTC-3:30``; in Chinese +08:00 is 北京时间."""
    minutes = int(offset.total_seconds() // 60)
    if lang.startswith("zh") and minutes == 8 * 60:
        return "北京时间"
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def is_local_offset(dt: datetime) -> bool:
    """Whether ``dt``'s offset is the one this computer's own zone has at that moment."""
    if dt.tzinfo is None:
        return True
    return dt.utcoffset() == dt.astimezone().utcoffset()


def show_when(dt: datetime, precision: str = "exact", lang: str = "en") -> str:
    """THE rule for showing when something happened, everywhere: the time as it was recorded (in
    the zone it was recorded in, never converted), with that zone named when it is not the
    computer's own — "2024-03-01 21:40 (UTC+8)" / "2024年3月1日 21:40（北京时间）"."""
    text = format_when(dt, precision, lang)
    if precision == "exact" and dt.tzinfo is not None and not is_local_offset(dt):
        offset = dt.utcoffset() or timedelta(0)
        name = zone_name(offset, lang)
        text += f"（{name}）" if lang.startswith("zh") else f" ({name})"
    return text


_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAYS_ZH = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")


def weekday_name(dt: datetime, lang: str = "en") -> str:
    return (_WEEKDAYS_ZH if lang.startswith("zh") else _WEEKDAYS_EN)[dt.weekday()]


def input_text(dt: datetime, precision: str) -> str:
    """How a stored moment is written back into a time field (parse_when reads it the same)."""
    if precision == "month":
        return f"{dt:%Y-%m}"
    if precision in ("day", "approximate"):
        return f"{dt:%Y-%m-%d}"
    text = f"{dt:%Y-%m-%d %H:%M}"
    if dt.tzinfo is not None and not is_local_offset(dt):
        text += dt.strftime("%z")[:3] + ":" + dt.strftime("%z")[3:]
    return text
