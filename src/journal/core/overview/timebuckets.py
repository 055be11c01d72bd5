"""The picture's time axis: days, weeks or months by the span, and the buckets that cover it, in
the viewer's local days."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from journal.core.overview.model import Bucket

DAY_SPAN_MAX = 62  # spans up to about two months are drawn day by day
WEEK_SPAN_MAX = 731  # up to two years week by week; longer spans month by month


def choose_unit(first: date, last: date) -> str:
    span = (last - first).days
    if span <= DAY_SPAN_MAX:
        return "day"
    if span <= WEEK_SPAN_MAX:
        return "week"
    return "month"


def floor_day(day: date, unit: str) -> date:
    if unit == "week":
        return day - timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    return day


def next_start(day: date, unit: str) -> date:
    if unit == "week":
        return day + timedelta(days=7)
    if unit == "month":
        return (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    return day + timedelta(days=1)


def make_buckets(first: date, last: date, unit: str) -> list[Bucket]:
    out: list[Bucket] = []
    day = floor_day(first, unit)
    while day <= last:
        nxt = next_start(day, unit)
        out.append(Bucket(day, nxt))
        day = nxt
    return out


def local_day(utc_text: str) -> date:
    """The viewer's local date of a UTC time stamp ("2024-03-01T13", or a whole day at noon)."""
    if len(utc_text) == 7:  # a month
        utc_text += "-01"
    if len(utc_text) == 10:
        utc_text += "T12"
    return datetime.fromisoformat(utc_text[:13] + ":00:00+00:00").astimezone().date()
