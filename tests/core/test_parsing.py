from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from journal.core.errors import InputError
from journal.core.money import CURRENCIES, check_currency, format_amount, parse_amount
from journal.core.timeparse import format_when, parse_date_bound, parse_when


@pytest.mark.parametrize("text,expected", [
    ("300", Decimal(300)), ("1,200.50", Decimal("1200.50")), ("0", Decimal(0)),
    ("３００", Decimal(300)), ("  42.5 ", Decimal("42.5")),
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


@pytest.mark.parametrize("text", ["", "2024-13-01", "2024-02-30", "5/3/2024", "0001-01-01", "3月32日",
                                  "昨天 blah", "晚上25点", "下午13点", "13pm", "yesterday at noonish",
                                  "上周八"])
def test_bad_dates(text: str) -> None:
    with pytest.raises(InputError):
        parse_when(text)


def test_bounds_and_formatting() -> None:
    end = parse_date_bound("2024-03-05", end=True)
    assert (end.hour, end.minute) == (23, 59)
    end_month = parse_date_bound("2024-02", end=True)
    assert (end_month.month, end_month.day) == (2, 29)
    dt = datetime(2024, 3, 5, 14, 30, tzinfo=UTC)
    assert format_when(dt, "day", "zh") == "2024年3月5日"
    assert format_when(dt, "approximate", "en") == "approx. 2024-03-05"
    assert format_when(dt, "month", "en") == "2024-03"


# Thursday 7 March 2024, 10:00 local time: the reference for the spoken forms below.
_REF = datetime(2024, 3, 7, 10, 0).astimezone()


@pytest.mark.parametrize(("text", "expected", "precision"), [
    ("2024-03-01 20:15", (2024, 3, 1, 20, 15), "exact"),   # never 2024-12-03 01:20
    ("2024/3/1 20:15", (2024, 3, 1, 20, 15), "exact"),
    ("3月1日 晚上8点", (2024, 3, 1, 20, 0), "exact"),
    ("3月1日", (2024, 3, 1, 0, 0), "day"),
    ("12月24日", (2023, 12, 24, 0, 0), "day"),               # no year: the latest such day, not the future
    ("昨天下午3点", (2024, 3, 6, 15, 0), "exact"),
    ("昨晚10点", (2024, 3, 6, 22, 0), "exact"),
    ("前天", (2024, 3, 5, 0, 0), "day"),
    ("上周二", (2024, 2, 27, 0, 0), "day"),                   # Tuesday of the week before this one
    ("周二", (2024, 3, 5, 0, 0), "day"),                      # the latest Tuesday
    ("星期四", (2024, 3, 7, 0, 0), "day"),
    ("上星期五 下午三点十五分", (2024, 3, 1, 15, 15), "exact"),
    ("晚上8点半", (2024, 3, 7, 20, 30), "exact"),
    ("凌晨2点", (2024, 3, 7, 2, 0), "exact"),
    ("中午12点", (2024, 3, 7, 12, 0), "exact"),
    ("20:15", (2024, 3, 7, 20, 15), "exact"),
    ("yesterday 3pm", (2024, 3, 6, 15, 0), "exact"),
    ("Yesterday", (2024, 3, 6, 0, 0), "day"),
    ("today 21:40", (2024, 3, 7, 21, 40), "exact"),
    ("last Tuesday 20:15", (2024, 3, 5, 20, 15), "exact"),
])
def test_spoken_and_relative_forms_are_understood(text: str, expected: tuple[int, ...],
                                                  precision: str) -> None:
    dt, p = parse_when(text, reference=_REF)
    assert (dt.year, dt.month, dt.day, dt.hour, dt.minute) == expected
    assert p == precision
    assert dt.tzinfo is not None


def test_spoken_form_can_be_approximate() -> None:
    assert parse_when("大约昨天下午3点", reference=_REF)[1] == "approximate"


@pytest.mark.parametrize(("text", "day"), [("明天", "2024-03-06"), ("明天下午3点", "2024-03-06"),
                                           ("后天", "2024-03-07"), ("tomorrow", "2024-03-06"),
                                           ("Tomorrow 3pm", "2024-03-06")])
def test_a_word_for_a_day_still_to_come_is_understood_and_refused_as_the_future(
        text: str, day: str) -> None:
    reference = datetime(2024, 3, 5, 12, 0).astimezone()
    with pytest.raises(InputError) as err:
        parse_when(text, reference=reference)
    assert err.value.key == "error.future_day"
    assert f"is a day still to come ({day})" in err.value.message("en")
    assert f"是还没到的日子（{day}）" in err.value.message("zh")
