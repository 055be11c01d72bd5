"""Sums of money in the overview: amounts read as exact decimals, totals per person and
currency, currencies in the order they are shown (CNY first)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from journal.core.money import CURRENCIES


def order_currencies(sums: dict[str, Decimal]) -> list[str]:
    """CNY first, then the others by amount (largest first), then by the known order."""
    known = list(CURRENCIES)
    return sorted(sums, key=lambda c: (c != "CNY", -sums[c],
                                       known.index(c) if c in known else len(known), c))


def add_money(money: dict[str, dict[str, Decimal]], pids: Sequence[str], cur: str,
              amt: Decimal) -> None:
    """Add ``amt`` in ``cur`` to the totals of each person in ``pids``."""
    for pid in pids:
        mine = money.setdefault(pid, {})
        mine[cur] = mine.get(cur, Decimal(0)) + amt
