"""The stored facts' rows as the fast rules (:mod:`.fastrules`) read them.

A row is a plain tuple: ``(occurred_us, recorded_us, entry_id, kind, persons, flags, *extra)``,
in chronological order (the reference's: occurred, recorded, id); ``persons`` is the stored
space-separated ids. A marked row (:meth:`Table.marked`) has, instead of kind and flags, one
small mask of what its rule asks of it alone, worked out in SQL: ``(occurred_us, recorded_us,
entry_id, mask, persons, *extra)``. A rule that needs no more than the evidence of one read
gets only its ids (:meth:`Table.ids`), one string per group, not one object per row. :class:`Match` says which rows a rule looks at (the store answers it in
SQL), :class:`Table` is what the store provides, :class:`FactRows` one evaluation's view with
what several rules share (per-person firsts and counts, family), and :class:`RowPool` is
:class:`.rules.Pool` over rows.
No Qt, no store.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any, Protocol

from journal.core.models import Person
from journal.core.signs import facts as sf
from journal.core.signs import rules
from journal.core.signs import vocab as v
from journal.core.signs.rules import POSSIBLE, PRESENT

Row = tuple[Any, ...]
OCC, REC, ID, KIND, PERSONS, FLAGS = range(6)  # the positions of every candidate row
Found = tuple[str | None, list[str]]  # a level (None: not shown) and its evidence ids

_M = sf.has_mask


@dataclass(frozen=True)
class Match:
    """Which live rows a rule looks at: every listed condition holds. ``any_of``: for each mask,
    at least one of its flag bits; ``all_of``: every bit; ``none_of``: no bit."""

    kinds: tuple[str, ...] = ()
    not_kinds: tuple[str, ...] = ()
    any_of: tuple[int, ...] = ()
    all_of: int = 0
    none_of: int = 0
    mediums: tuple[str, ...] = ()
    # (column, values): the column (one a rule reads, or "persons") holds one of the values
    # (None: no value); ``not_values``: none of them
    values: tuple[tuple[str, tuple[Any, ...]], ...] = ()
    not_values: tuple[tuple[str, tuple[Any, ...]], ...] = ()
    ids: tuple[str, ...] | None = None  # the entry is one of these
    # (vocabulary, n): at least n terms of the vocabulary (one of facts.HIT_VOCABS) were found
    hits: tuple[tuple[v.Vocab, int], ...] = ()
    # (vocabulary, terms): a term of the vocabulary other than these was found
    hits_except: tuple[tuple[v.Vocab, tuple[str, ...]], ...] = ()
    # with ``ids``: when those entries occurred (occurred_us, any order): a first test that is
    # much cheaper than looking every row's id up in the list
    at: tuple[int, ...] = ()

    def also(self, other: Match) -> Match:
        """Both this and ``other`` hold."""
        if self.kinds and other.kinds:
            kinds = tuple(k for k in self.kinds if k in other.kinds) or ("",)  # ("": none)
        else:
            kinds = self.kinds or other.kinds
        if self.ids is not None and other.ids is not None:
            ids: tuple[str, ...] | None = tuple(i for i in self.ids if i in set(other.ids))
        else:
            ids = self.ids if other.ids is None else other.ids
        # (the times of either list hold those of the ids both have)
        if self.at and other.at:
            other_at = set(other.at)
            at = tuple(t for t in self.at if t in other_at)
        else:
            at = self.at or other.at
        return Match(kinds, tuple(dict.fromkeys(self.not_kinds + other.not_kinds)),
                     self.any_of + other.any_of, self.all_of | other.all_of,
                     self.none_of | other.none_of,
                     tuple(m for m in self.mediums if m in other.mediums)
                     if self.mediums and other.mediums else self.mediums or other.mediums,
                     self.values + other.values, self.not_values + other.not_values, ids,
                     self.hits + other.hits, self.hits_except + other.hits_except, at)


class Table(Protocol):
    """The live facts, as the store reads them (core/store/signfacts.py)."""

    def rows(self, *where: Match, extra: tuple[str, ...] = (),
             skip_persons: tuple[str, ...] = ()) -> list[Row]:
        """The rows matching any of ``where``, chronological: the six columns, then ``extra``;
        none whose stored persons value is one of ``skip_persons``."""
        ...

    def ids(self, *where: Match, groups: Sequence[Sequence[Match]],
            skip_persons: tuple[str, ...] = (), every: bool = False,
            keep_persons: bool = False) -> list[list[str]]:
        """The ids of the rows matching any of ``where`` (none whose persons value is one of
        ``skip_persons``), chronological, split by ``groups``: a row goes to the first group
        any of whose matches it meets, none if it meets none; with ``every``, then the ids of
        all of them (in a group or not). One read of the table; only the ids reach Python.
        ``keep_persons`` (with ``every``): the table also keeps the stored persons value of each
        of these rows for :meth:`persons_of`."""
        ...

    def persons_of(self, ids: Sequence[str]) -> dict[str, str]:
        """The stored persons value of each of these live entries (those kept by :meth:`ids`
        without a read)."""
        ...

    def marked(self, *where: Match, marks: Sequence[Sequence[Match]],
               skip_persons: tuple[str, ...] = (), extra: tuple[str, ...] = ()) -> list[Row]:
        """The rows matching any of ``where`` (none whose persons value is one of
        ``skip_persons``), chronological, as ``(occurred_us, recorded_us, entry_id, mask,
        persons, *extra)``: bit ``1 << i`` of ``mask`` is set when the row meets any of
        ``marks[i]``."""
        ...

    def firsts(self, by_channel: bool, active: bool,
               persons: Sequence[str] | None = None) -> list[Row]:
        """Per stored persons value (and channel when ``by_channel``), its chronologically first
        row (of the kinds other than report when ``active``): ``(persons, channel or None,
        occurred_us, recorded_us, entry_id, kind, initiated_by)``; only of the persons values
        ``persons`` when given."""
        ...

    def counts(self, *conditions: Sequence[Match]) -> dict[str, tuple[int, ...]]:
        """Per stored persons value, how many rows match each condition (any of its matches)."""
        ...


# What is counted per stored persons value (one GROUP BY for every rule that asks): entries
# other than reports; of them requests, payments and gifts ("asks"); meetings, calls or video
# ("met"); entries of any kind where the user says they approached first.
PERSON_COUNTS = (
    [Match(not_kinds=("report",))],
    [Match(kinds=("request", "payment", "gift"))],
    [Match(kinds=("meeting",)), Match(not_kinds=("report",), mediums=("video", "call", "in_person"))],
    [Match(any_of=(_M(v.ME_FIRST),))],
)
ME_FIRST = 3


class FactRows:
    """One evaluation: the table, the persons and what is worked out once for several rules."""

    def __init__(self, table: Table, persons: Iterable[Person]) -> None:
        self.table = table
        self.persons = {p.id: p for p in persons if not p.deleted}
        self.family = rules.trusted_ids(self.persons.values())
        self._split: dict[str, tuple[str, ...]] = {}
        self._family_only: dict[str, bool] = {}
        firsts = table.firsts(by_channel=True, active=False)
        self.channel_firsts = firsts
        first_any: dict[str, Row] = {}
        for f in firsts:
            if f[0] not in first_any or f[2:5] < first_any[f[0]][2:5]:
                first_any[f[0]] = f
        self.first_of_value = first_any  # per stored persons value
        self.everyone = {p for value in first_any for p in self.split(value)}
        self._first_of_person: dict[str, Row] | None = None
        self._family_values: tuple[str, ...] | None = None
        self._counts: dict[str, tuple[int, ...]] | None = None

    @property
    def counts(self) -> dict[str, tuple[int, ...]]:
        """Per stored persons value, the numbers of :data:`PERSON_COUNTS`."""
        if self._counts is None:
            self._counts = self.table.counts(*PERSON_COUNTS)
        return self._counts

    def split(self, persons: str) -> tuple[str, ...]:
        out = self._split.get(persons)
        if out is None:
            out = self._split[persons] = tuple(dict.fromkeys(persons.split()))
        return out

    def family_only(self, persons: str) -> bool:
        out = self._family_only.get(persons)
        if out is None:
            ids = self.split(persons)
            out = self._family_only[persons] = bool(ids) and all(p in self.family for p in ids)
        return out

    def first_of(self, firsts: Iterable[Row]) -> dict[str, Row]:
        """Per person, the earliest of the per-persons-value ``firsts`` that names them."""
        out: dict[str, Row] = {}
        for f in firsts:
            for p in self.split(f[0]):
                if p not in out or f[2:5] < out[p][2:5]:
                    out[p] = f
        return out

    def first_active_of_value(self) -> list[Row]:
        """Per stored persons value, its first row of a kind other than report (as
        :meth:`Table.firsts` with ``active``): the first row of all when it is not a report, so
        that only the values whose first row is a report are read again."""
        out = [f for f in self.first_of_value.values() if f[5] != "report"]
        again = [x for x, f in self.first_of_value.items() if f[5] == "report"]
        if again:
            out += self.table.firsts(by_channel=False, active=True, persons=again)
        return out

    @property
    def first_of_person(self) -> dict[str, Row]:
        if self._first_of_person is None:
            self._first_of_person = self.first_of(self.first_of_value.values())
        return self._first_of_person

    @property
    def family_values(self) -> tuple[str, ...]:
        """The stored persons values whose persons are all family or trusted."""
        if self._family_values is None:
            self._family_values = tuple(x for x in self.first_of_value if self.family_only(x))
        return self._family_values

    def not_family(self, *where: Match, extra: tuple[str, ...] = ()) -> list[Row]:
        """:meth:`Table.rows` without the rows whose persons are all family or trusted."""
        return self.table.rows(*where, extra=extra, skip_persons=self.family_values)

    def marked_not_family(self, *where: Match, marks: Sequence[Sequence[Match]],
                          extra: tuple[str, ...] = ()) -> list[Row]:
        """:meth:`Table.marked` without the rows whose persons are all family or trusted."""
        return self.table.marked(*where, marks=marks, skip_persons=self.family_values,
                                 extra=extra)

    def ids_not_family(self, *where: Match, groups: Sequence[Sequence[Match]],
                       every: bool = False, keep_persons: bool = False) -> list[list[str]]:
        """:meth:`Table.ids` without the rows whose persons are all family or trusted."""
        return self.table.ids(*where, groups=groups, skip_persons=self.family_values,
                              every=every, keep_persons=keep_persons)


def as_row(first: Row) -> Row:
    """A row of :meth:`Table.firsts` as a candidate row (evidence)."""
    return (first[2], first[3], first[4], first[5], first[0], 0)


ORDER = itemgetter(OCC, REC, ID)  # the rules' chronological order


def uniq(rows: Iterable[Row]) -> list[Row]:
    out: dict[str, Row] = {}
    for r in sorted(rows, key=ORDER):
        out.setdefault(r[ID], r)
    return list(out.values())


def in_order(read: list[Row], chosen: Iterable[Row]) -> list[str]:
    """The ids of the ``chosen`` rows, each once, in the rules' order: as :func:`uniq` gives
    them, when every chosen row was taken from ``read`` (one chronological read, no repeats),
    without a sort."""
    wanted = {r[ID] for r in chosen}
    return [r[ID] for r in read if r[ID] in wanted] if wanted else []


def ids_result(strong: list[str], weak: list[str]) -> Found:
    """:func:`result` of lists of ids, each chronological (no repeats)."""
    if strong:
        return PRESENT, strong
    if weak:
        return POSSIBLE, weak
    return None, []


def result(strong: list[Row], weak: list[Row], ordered: bool = False) -> Found:
    """The level and evidence ids of these rows. ``ordered``: each list was taken in order from
    one chronological read (no repeats)."""
    if strong:
        return PRESENT, [r[ID] for r in (strong if ordered else uniq(strong))]
    if weak:
        return POSSIBLE, [r[ID] for r in (weak if ordered else uniq(weak))]
    return None, []


def hits_of(r: Row, vocab: v.Vocab, at: int) -> list[str]:
    return sf.hit_terms(r[FLAGS], r[at], vocab)


class RowPool:
    """:class:`rules.Pool` over rows: by person, for "related entries" in linear time."""

    def __init__(self, facts: FactRows, rows: Iterable[Row] = ()) -> None:
        self.facts = facts
        self.rows: list[Row] = []
        self.unlinked: list[Row] = []
        self.by_person: dict[str, list[Row]] = {}
        split, unlinked, by_person = facts.split, self.unlinked, self.by_person
        for r in rows:  # (add, written out)
            self.rows.append(r)
            ids = split(r[PERSONS])
            if not ids:
                unlinked.append(r)
            for p in ids:
                if p in by_person:
                    by_person[p].append(r)
                else:
                    by_person[p] = [r]

    def add(self, r: Row) -> None:
        self.rows.append(r)
        ids = self.facts.split(r[PERSONS])
        if not ids:
            self.unlinked.append(r)
        for p in ids:
            self.by_person.setdefault(p, []).append(r)

    def has_related(self, r: Row) -> bool:
        ids = self.facts.split(r[PERSONS])
        if not ids:
            return bool(self.rows)
        return bool(self.unlinked) or any(p in self.by_person for p in ids)

    def earliest(self, r: Row) -> Row | None:
        ids = self.facts.split(r[PERSONS])
        if not ids:
            return self.rows[0] if self.rows else None
        heads = [self.unlinked[0]] if self.unlinked else []
        heads += [self.by_person[p][0] for p in ids if p in self.by_person]
        return min(heads, key=ORDER) if heads else None
