"""How the overview reads the journal: the selection as a WHERE clause, the one way queries are
run (narrow, aggregated; through the store's database), and the entries a marker stands for
filled in at the end with their date and summary."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, time
from typing import TYPE_CHECKING, Any

from journal.core.codec import utc_iso
from journal.core.overview.model import EntryRef

if TYPE_CHECKING:  # pragma: no cover
    from journal.core.report.options import ReportOptions


class Selection:
    """The WHERE clause of a selection (deleted entries are never shown)."""

    def __init__(self, selection: ReportOptions | None) -> None:
        self.where = ["e.deleted_at IS NULL"]
        self.params: list[Any] = []
        if selection is None:
            return
        if selection.since:
            self.where.append("e.occurred_utc >= ?")
            self.params.append(utc_iso(datetime.combine(selection.since, time(0)).astimezone()))
        if selection.until:
            end = datetime.combine(selection.until, time(23, 59, 59, 999999)).astimezone()
            self.where.append("e.occurred_utc <= ?")
            self.params.append(utc_iso(end))
        if selection.kinds is not None:
            kinds = list(selection.kinds) or ["-"]
            self.where.append(f"e.kind IN ({','.join('?' * len(kinds))})")
            self.params += kinds
        if selection.person_ids:
            ids = list(selection.person_ids)
            self.where.append("e.id IN (SELECT entry_id FROM entry_persons WHERE person_id IN "
                              f"({','.join('?' * len(ids))}))")
            self.params += ids

    @property
    def whole(self) -> bool:
        """Every live entry (no date, kind or person filter)."""
        return len(self.where) == 1

    def sql(self, extra: str = "") -> str:
        return " WHERE " + " AND ".join(self.where + ([extra] if extra else []))


def rows(journal: Any, sql: str, params: Sequence[Any] = ()) -> list[Any]:
    # The store's database (one lock, one connection); narrow aggregated queries only.
    return list(journal.db.rows(sql, params))


class Refs:
    """The entries markers stand for, by id: made empty when a marker needs one, given their
    date and summary by :meth:`fill` at the end, in a few queries."""

    def __init__(self) -> None:
        self.by_id: dict[str, EntryRef] = {}

    def ref(self, entry_id: str) -> EntryRef:
        r = self.by_id.get(entry_id)
        if r is None:
            r = self.by_id[entry_id] = EntryRef(entry_id, "", "")
        return r

    def fill(self, journal: Any) -> None:
        """Give every entry a marker stands for its date (as recorded) and summary."""
        ids = list(self.by_id)
        for chunk in range(0, len(ids), 500):
            part = ids[chunk:chunk + 500]
            sql = (f"SELECT id, occurred_at, summary, precision FROM entries WHERE id IN "
                   f"({','.join('?' * len(part))})")
            for eid, when, summary, precision in rows(journal, sql, part):
                r = self.by_id[eid]
                r.when, r.summary, r.precision = when, summary, precision or "exact"


RefMaker = Callable[[str], EntryRef]
