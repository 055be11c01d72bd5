from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest

from journal.core.errors import InputError
from journal.core.money import CURRENCIES, check_currency, format_amount, parse_amount
from journal.core.timeparse import format_when, parse_date_bound, parse_when


@pytest.mark.parametrize("text,expected", [
    ("300", Decimal("300")), ("1,200.50", Decimal("1200.50")), ("0", Decimal("0")),
    ("３００", Decimal("300")), ("  42.5 ", Decimal("42.5")),
])
def test_amounts(text: str, expected: Decimal) -> None:
    assert parse_amount(text) == expected


@pytest.mark.parametrize("text", ["", "-5", "abc", "1e5", "NaN", "inf", "1.2.3", "5元", "0.00001"])
def test_bad_amounts(text: str) -> None:
    with pytest.raises(InputError) as info:
        parse_amount(text)
    assert info.value.field == "amount"
    assert "amount" in info.value.message("en") and "金额" in info.value.message("zh")


def test_currencies() -> None:
    assert CURRENCIES[0] == "CNY"
    assert check_currency("usd") == "USD"
    assert check_currency("RMB") == "CNY"
    assert check_currency("人民币") == "CNY"
    for bad in ("", "XYZ", "US", "dollars"):
        with pytest.raises(InputError):
            check_currency(bad)
    assert format_amount(Decimal("1200.5"), "CNY") == "1,200.50 CNY"


def test_when_forms() -> None:
    dt, p = parse_when("2024-03-05")
    assert (dt.year, dt.month, dt.day, p) == (2024, 3, 5, "day") and dt.tzinfo is not None
    dt, p = parse_when("2024-03")
    assert (dt.month, p) == (3, "month")
    dt, p = parse_when("2024-03-05 14:30")
    assert (dt.hour, dt.minute, p) == (14, 30, "exact")
    dt, p = parse_when("2024-03-05T14:30:00+08:00")
    assert dt.utcoffset() == timedelta(hours=8)
    dt, p = parse_when("2024-03-05T06:30Z")
    assert dt.utcoffset() == timedelta(0)
    assert parse_when("~2024-03-05")[1] == "approximate"
    assert parse_when("约2024-03-05")[1] == "approximate"
    dt, p = parse_when("2024年3月5日")
    assert (dt.day, p) == (5, "day")
    assert parse_when("2024/3/5 9:05")[0].hour == 9


@pytest.mark.parametrize("text", ["", "yesterday", "2024-13-01", "2024-02-30", "5/3/2024", "0001-01-01"])
def test_bad_dates(text: str) -> None:
    with pytest.raises(InputError):
        parse_when(text)


def test_bounds_and_formatting() -> None:
    end = parse_date_bound("2024-03-05", end=True)
    assert (end.hour, end.minute) == (23, 59)
    end_month = parse_date_bound("2024-02", end=True)
    assert (end_month.month, end_month.day) == (2, 29)
    dt = datetime(2024, 3, 5, 14, 30, tzinfo=timezone.utc)
    assert format_when(dt, "day", "zh") == "2024年3月5日"
    assert format_when(dt, "approximate", "en") == "approx. 2024-03-05"
    assert format_when(dt, "month", "en") == "2024-03"
