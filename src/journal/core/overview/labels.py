"""The overview's texts fitted to their room: widths measured (or estimated without a font),
counts and amounts written short, dates on the axis, and a long text wrapped onto lines."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

Measure = Callable[[str, float], float]


def approx_width(text: str, size: float) -> float:
    """A text's width without a font at hand: CJK and full-width characters one em, others half."""
    return sum(size if ord(c) >= 0x2E80 else size * 0.56 for c in text)


def short_count(n: int, lang: str) -> str:
    """A count that fits under a marker: 12, 950, 1.2k (1.2千), 12k (1.2万)."""
    if n < 1000:
        return str(n)
    if lang == "zh":
        return f"{n / 10000:.1f}万".replace(".0万", "万") if n >= 10000 else \
            f"{n / 1000:.1f}千".replace(".0千", "千")
    return f"{n / 1000:.1f}k".replace(".0k", "k") if n < 10000 else f"{round(n / 1000)}k"


def short_amount(value: Decimal, currency: str) -> str:
    q = value.quantize(Decimal(1)) if value == value.to_integral_value() else value
    return f"{q:,} {currency}"


def wrap_text(text: str, width: float, size: float, measure: Measure, max_lines: int) -> list[str]:
    """``text`` in lines no wider than ``width``: broken at a space or before a full-width
    bracket where the line has one, otherwise between characters (as Chinese is); the last line
    allowed ends in "…" when text is left over."""
    lines: list[str] = []
    rest = text
    while rest and len(lines) < max_lines:
        if measure(rest, size) <= width:
            lines.append(rest)
            return lines
        n = 1  # the longest start that fits (at least one character)
        while n < len(rest) and measure(rest[:n + 1], size) <= width:
            n += 1
        space = rest.rfind(" ", 0, n + 1)
        aside = rest.rfind("（", 1, n + 1)  # a Chinese aside (the date) starts its own line
        if aside > space:
            lines.append(rest[:aside])
            rest = rest[aside:]
        elif space > 0:
            lines.append(rest[:space])
            rest = rest[space + 1:]
        else:
            lines.append(rest[:n])
            rest = rest[n:]
    if rest and lines:
        last = lines[-1]
        while last and measure(last + "…", size) > width:
            last = last[:-1]
        lines[-1] = last.rstrip() + "…"
    return lines


def sign_label(title: str, day: str, lang: str) -> str:
    when = tick_label(date.fromisoformat(day), "day", lang, True)
    return f"{title}（{when}）" if lang == "zh" else f"{title} ({when})"


def tick_label(day: date, unit: str, lang: str, full: bool) -> str:
    if unit == "month":
        return f"{day.year}年{day.month}月" if lang == "zh" else f"{day.year}-{day.month:02d}"
    if lang == "zh":
        return f"{day.year}年{day.month}月{day.day}日" if full else f"{day.month}月{day.day}日"
    return day.isoformat() if full else f"{day.month:02d}-{day.day:02d}"
