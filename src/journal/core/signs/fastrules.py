"""The twelve rules of :mod:`.rules`, answered from the stored facts' columns.

:mod:`.rules` is the reference: it walks one Python object per live entry. Here every condition
a rule asks of one entry alone (its kind, its wording bits, whether the user gave) is handed to
the store as a :class:`Match`, which SQLite answers over the facts' covering index; Python then
touches only the candidate rows, and what a rule asks across entries (a person's first entry,
their channels over time, their counts) comes from per-person aggregates. The results are the
reference's, evidence for evidence and in the same order (tests/core/test_sign_facts.py).

The rows and what the rules share are in :mod:`.factrows`. No Qt, no store.
"""

from __future__ import annotations

import gc
from bisect import bisect_right
from collections.abc import Iterable
from datetime import timedelta
from decimal import Decimal

from journal.core.models import Person
from journal.core.signs import facts as sf
from journal.core.signs import rules
from journal.core.signs import vocab as v
from journal.core.signs.factrows import (
    FLAGS,
    ID,
    ME_FIRST,
    OCC,
    PERSONS,
    FactRows,
    Found,
    Match,
    Row,
    RowPool,
    Table,
    as_row,
    hits_of,
    ids_result,
    in_order,
    result,
)
from journal.core.signs.rules import POSSIBLE, PRESENT

_MONTH = timedelta(days=30) // timedelta(microseconds=1)
_M = sf.has_mask
_PAID = ("received", "promised")
_CMN = ("contact", "meeting", "note")
_RCMN = ("request", *_CMN)


# --- WS-FAST-INTIMACY ------------------------------------------------------------------------
def fast_intimacy(fx: FactRows) -> Found:
    strong_bit, weak_bit = _M(v.INTIMACY_STRONG), _M(v.INTIMACY_WEAK)
    rows = fx.table.rows(Match(not_kinds=("report",), any_of=(strong_bit | weak_bit,)),
                         extra=("hits",))
    people = fx.everyone - fx.family
    groups: list[tuple[Row, list[Row]]] = []
    if people:
        by_person: dict[str, list[Row]] = {}
        for r in rows:
            for p in fx.split(r[PERSONS]):
                if p in people:
                    by_person.setdefault(p, []).append(r)
        groups = [(as_row(fx.first_of_person[p]), by_person[p]) for p in sorted(by_person)]
    elif "" in fx.first_of_value and rows:  # no counterpart at all: the whole journal
        groups = [(as_row(min(fx.first_of_value.values(), key=lambda f: f[2:5])), rows)]
    strong: list[Row] = []
    weak: list[Row] = []
    for first, docs in groups:
        fast: list[Row] = []
        fast_weak: list[Row] = []
        fast_weak_terms: set[str] = set()
        slow: list[Row] = []
        for r in docs:
            days = (r[OCC] - first[OCC]) / 1_000_000 / 86400  # as timedelta.total_seconds()
            if r[FLAGS] & strong_bit:
                if days <= rules.FAST_DAYS:
                    fast.append(r)
                elif days <= rules.SLOW_DAYS:
                    slow.append(r)
            elif days <= rules.FAST_DAYS:  # (the weak wording: the row was matched by it)
                fast_weak.append(r)
                fast_weak_terms.update(hits_of(r, v.INTIMACY_WEAK, 6))
        if fast or len(fast_weak_terms) >= 2:
            strong += [first, *fast, *fast_weak]
        elif fast_weak or slow:
            weak += [first, *fast_weak, *slow]
    return result(strong, weak)


# --- WS-JOB-OFFER ----------------------------------------------------------------------------
def job_offer(fx: FactRows, disproportionate: list[Row]) -> Found:
    me_first = _M(v.ME_FIRST)
    solicited = {p for p, f in fx.first_of_person.items() if f[6] == "me"}
    solicited |= {p for value, n in fx.counts.items() if n[ME_FIRST] for p in fx.split(value)}
    job = _M(v.JOB)
    # not offers: the user's own approach, and entries whose persons are all family or were all
    # approached by the user first
    skip = tuple(x for x in fx.first_of_value
                 if x and (fx.family_only(x) or set(fx.split(x)) <= solicited))
    theirs = Match(not_values=(("initiated_by", ("me",)),))
    pay_pool = RowPool(fx, disproportionate)
    high, simple, pay_words = _M(v.HIGH_PAY), _M(v.SIMPLE_TASK), _M(v.PAY_WORDS)
    strong_when = [Match(any_of=(high,)), Match(any_of=(simple, pay_words)),
                   Match(any_of=(simple,), not_values=(("amount", (None,)),))]
    if pay_pool.unlinked:  # a disproportionate payment without persons: related to every offer
        strong_when.append(Match())
    else:  # (RowPool.has_related)
        strong_when.append(Match(values=(("persons", tuple(
            x for x in fx.first_of_value if any(p in pay_pool.by_person for p in fx.split(x)))),)))
        if pay_pool.rows:
            strong_when.append(Match(values=(("persons", ("",)),)))
    strong, weak = fx.table.ids(
        Match(kinds=("request",), all_of=job, none_of=me_first).also(theirs),
        Match(kinds=_CMN, all_of=job, none_of=me_first,
              any_of=(_M(v.ASKED, v.PAY_WORDS, v.HIGH_PAY),)).also(theirs),
        groups=[strong_when, [Match()]], skip_persons=skip)
    if strong or weak:
        return ids_result(strong, weak)
    recruiters = {pid for pid, p in fx.persons.items()
                  if v.RECRUITER.find(f"{p.platform}\n{p.role}\n{p.organisation}\n{p.notes}")}
    if recruiters:
        weak_rows = [r for r in fx.table.rows(Match(kinds=("request",)), extra=("amount",))
                     if r[6] is not None and set(fx.split(r[PERSONS])) & recruiters]
        return result([], weak_rows, ordered=True)
    return None, []


# --- WS-PHOTO-TASK ---------------------------------------------------------------------------
def photo_task(fx: FactRows) -> Found:
    asked_bits, docs_bit = _M(v.ASKED, v.JOB), _M(v.PHOTO_OF_DOCS)
    target_bits = _M(v.SENSITIVE, v.HARMLESS_TARGET)
    place_bits = _M(v.HARMLESS_TARGET, v.SENSITIVE, v.SENSITIVE_WEAK, v.PLACE)
    trusted = _M(v.TRUSTED_ASKS)
    request, target = Match(kinds=("request",)), Match(values=(("has_target", (1,)),))
    asked = (request, Match(any_of=(asked_bits,)))
    place = (target, Match(any_of=(place_bits,)))
    _papers, strong, weak = fx.ids_not_family(
        Match(kinds=_RCMN, any_of=(_M(v.PHOTO),)),
        groups=[[Match(any_of=(docs_bit,), none_of=target_bits)],  # papers: WS-INFO-GATHERING
                [a.also(b).also(Match(none_of=trusted)) for a in asked for b in place],
                [request]])
    return ids_result(strong, weak)


# --- WS-ESCALATION ---------------------------------------------------------------------------
# the marks of a task's row (row[3]): its sensitivity and a harmless target
_SENSITIVE, _SENSITIVE_WEAK, _HARMLESS = 1, 2, 4


def _sensitivity(r: Row) -> int:
    mask = r[3]
    return 2 if mask & _SENSITIVE else 1 if mask & _SENSITIVE_WEAK else 0


def _tasks(fx: FactRows) -> list[Row]:
    """The tasks (:func:`rules._tasks`) that have any sensitivity or a harmless target: the
    only ones escalation and pay rising with sensitivity look at; as marked rows."""
    marked = _M(v.SENSITIVE, v.SENSITIVE_WEAK, v.HARMLESS_TARGET)
    return fx.marked_not_family(
        Match(kinds=("request",), any_of=(marked,)),
        Match(kinds=_CMN, any_of=(marked, _M(v.PHOTO, v.INFO_STRONG), _M(v.ASKED, v.JOB))),
        marks=[[Match(any_of=(_M(v.SENSITIVE),))], [Match(any_of=(_M(v.SENSITIVE_WEAK),))],
               [Match(any_of=(_M(v.HARMLESS_TARGET),))]])


def escalation(tasks: list[Row], fx: FactRows) -> Found:
    marks = _SENSITIVE | _SENSITIVE_WEAK | _HARMLESS
    harmless = [r for r in tasks if r[3] & marks == _HARMLESS]  # (no sensitivity)
    if not harmless:
        return None, []
    pool = RowPool(fx, harmless)
    earliest: dict[str, Row | None] = {}  # per persons value (the pool is complete)
    for level in (2, 1):
        later = []
        # (the tasks of this sensitivity: _sensitivity(r) == level)
        for r in (r for r in tasks if r[3] & _SENSITIVE) if level == 2 else \
                (r for r in tasks if r[3] & (_SENSITIVE | _SENSITIVE_WEAK) == _SENSITIVE_WEAK):
            try:
                first = earliest[r[PERSONS]]
            except KeyError:
                first = earliest[r[PERSONS]] = pool.earliest(r)
            if first is not None and first[OCC] < r[OCC]:
                later.append(r)
        if later:
            first_sensitive = later[0][OCC]
            later_persons = {p for r in later for p in fx.split(r[PERSONS])}
            any_unlinked = any(not r[PERSONS] for r in later)
            before = [h for h in harmless if h[OCC] < first_sensitive and (
                any_unlinked or not h[PERSONS] or later_persons & set(fx.split(h[PERSONS])))]
            # (every row of both is a task: their ids in the tasks' order)
            return (PRESENT if level == 2 else POSSIBLE), in_order(tasks, before + later)
    return None, []


# --- WS-INFO-GATHERING -----------------------------------------------------------------------
def info_gathering(fx: FactRows) -> Found:
    strong_bit, weak_bit = _M(v.INFO_STRONG), _M(v.INFO_WEAK)
    asked, trusted, photo, sensitive = _M(v.ASKED), _M(v.TRUSTED_ASKS), _M(v.PHOTO), \
        _M(v.SENSITIVE)
    strong, weak = fx.ids_not_family(
        Match(kinds=_RCMN, any_of=(strong_bit | weak_bit,)),
        groups=[[Match(kinds=("request",), any_of=(strong_bit,), none_of=trusted),
                 Match(any_of=(strong_bit, asked), none_of=trusted),
                 Match(kinds=("request",), any_of=(sensitive,), none_of=strong_bit | photo
                       | trusted)],
                [Match(any_of=(strong_bit,)), Match(kinds=("request",), none_of=photo)]])
    return ids_result(strong, weak)


# --- WS-CHANNEL-SWITCH -----------------------------------------------------------------------
def _moved(fx: FactRows) -> list[Row]:
    """A person's entries moving to an overseas or encrypted channel (rules.channel_switch):
    only the first entry of each stored persons value on each channel can be a move."""
    by_person: dict[str, list[Row]] = {}
    for f in fx.channel_firsts:
        for p in fx.split(f[0]):
            if p not in fx.family:
                by_person.setdefault(p, []).append(f)
    overseas: dict[str, bool] = {}

    def is_overseas(ch: str) -> bool:
        out = overseas.get(ch)
        if out is None:
            out = overseas[ch] = rules.overseas_channel(ch)
        return out

    moved: list[Row] = []
    for pid in sorted(by_person):
        seen: list[str] = []
        for f in sorted(by_person[pid], key=lambda f: f[2:5]):
            ch = rules.norm_channel(f[1])
            if not ch:
                continue
            if seen and ch not in seen and is_overseas(f[1]) \
                    and not all(is_overseas(s) for s in seen):
                moved.append(as_row(f))
            if ch not in seen:
                seen.append(ch)
    return moved


def channel_switch(fx: FactRows) -> Found:
    app_bit, account_bit = _M(v.OVERSEAS_APP), _M(v.NEW_ACCOUNT)
    switch, asked = _M(v.SWITCH), _M(v.ASKED)
    base = Match(not_kinds=("report",), any_of=(app_bit | account_bit,))
    moved = _moved(fx)
    # (the moves are read with the rows, so that every id comes in the rules' order)
    strong, weak, every = fx.ids_not_family(
        base, *([Match(ids=tuple(r[ID] for r in moved), at=tuple(r[OCC] for r in moved))]
                if moved else []),
        groups=[[base.also(m) for m in (Match(any_of=(switch,)), Match(any_of=(account_bit, asked)),
                                        Match(kinds=("gift",), any_of=(account_bit,)))],
                [base]], every=True)
    if moved and (strong or weak):
        return PRESENT, every  # the rows and the moves
    if strong:
        return PRESENT, strong
    return ids_result([], weak or every)  # (no rows: every is the moves)


# --- WS-SECRECY ------------------------------------------------------------------------------
def secrecy(fx: FactRows) -> Found:
    strong_bit, delete_bit, weak_bit = _M(v.SECRECY_STRONG), _M(v.DELETE_CHATS), \
        _M(v.SECRECY_WEAK)
    not_deleting, asked_bit = sf.full_mask(v.NOT_DELETING), _M(v.ASKED)
    deleting = Match(any_of=(delete_bit,), none_of=not_deleting)
    strong, weak = fx.ids_not_family(
        Match(not_kinds=("report",), any_of=(strong_bit | delete_bit | weak_bit,)),
        groups=[[Match(any_of=(strong_bit,)), deleting.also(Match(any_of=(asked_bit,))),
                 deleting.also(Match(kinds=("contact", "meeting", "request", "threat"),
                                     not_values=(("persons", ("",)),)))],
                [deleting, Match(any_of=(weak_bit,))]])
    return ids_result(strong, weak)


# --- WS-DEVICE-GIFT --------------------------------------------------------------------------
def device_gift(fx: FactRows) -> Found:
    where = (Match(kinds=("gift",), none_of=sf.GIVES_BIT),
             Match(kinds=(*_CMN, "payment"), all_of=sf.DEVICE_BIT | _M(v.GIVE_ME),
                   none_of=sf.GIVES_BIT))
    strong, = fx.ids_not_family(*where, groups=[[Match(not_kinds=("gift",)),
                                                 Match(any_of=(sf.DEVICE_BIT,))]])
    if strong:
        return PRESENT, strong
    # no device: big gifts other than housing or travel (their value in yuan: read here)
    housing = _M(v.HOUSING, v.TRAVEL)
    weak: list[Row] = []
    for r in fx.not_family(Match(kinds=("gift",), none_of=sf.GIVES_BIT | sf.DEVICE_BIT | housing),
                           extra=("value", "currency")):
        value = rules.to_cny(None if r[6] is None else Decimal(r[6]), r[7])
        if value is not None and value >= rules.BIG_GIFT_CNY:
            weak.append(r)
    return result([], weak, ordered=True)


# --- WS-UNUSUAL-PAYMENT ----------------------------------------------------------------------
_AMOUNT, _CURRENCY = 5, 6  # the extra columns of a pay's row
# the marks of a pay's row (row[3])
_CRYPTO, _CASH, _ORDINARY, _HIGH, _OWN_TASK, _SIMPLE, _A_REQUEST = (1 << n for n in range(7))


def _pays(fx: FactRows) -> list[Row]:
    """Money paid or offered to the user for work (:func:`rules._paid_to_me`), family aside, as
    marked rows with their amount and currency."""
    simple = _M(v.SIMPLE_TASK, v.PHOTO, v.HARMLESS_TARGET)
    outside = _M(v.HOUSING, v.TRAVEL) | sf.GIVES_BIT
    return fx.marked_not_family(
        Match(kinds=("payment",), none_of=outside, values=(("direction", (None, *_PAID)),)),
        Match(kinds=("request",), none_of=outside, not_values=(("amount", (None,)),)),
        marks=[[Match(values=(("method", ("crypto",)),)),  # _CRYPTO: or its terms but cash
                Match(hits_except=((v.CASH_CRYPTO, ("cash", "现金")),))],
               [Match(values=(("method", ("cash", "other")),)),  # _CASH
                Match(any_of=(_M(v.CASH_CRYPTO),))],
               [Match(any_of=(sf.ORDINARY_BIT,))],  # _ORDINARY
               [Match(any_of=(_M(v.HIGH_PAY),))],  # _HIGH
               [Match(any_of=(_M(v.SIMPLE_TASK, v.PHOTO),))],  # _OWN_TASK
               [Match(any_of=(simple,))],  # _SIMPLE
               [Match(kinds=("request",))]],  # _A_REQUEST
        extra=("amount", "currency"))


class _Yuan:
    """Amounts in yuan (:func:`rules.to_cny`), each stored amount and currency converted once."""

    def __init__(self) -> None:
        self._known: dict[tuple[str | None, str | None], Decimal | None] = {}

    def __call__(self, r: Row) -> Decimal | None:
        key = (r[_AMOUNT], r[_CURRENCY])
        try:
            return self._known[key]
        except KeyError:
            out = self._known[key] = rules.to_cny(
                None if key[0] is None else Decimal(key[0]), key[1])
            return out


def _disproportionate(fx: FactRows, pays: list[Row], every_request: list[Row],
                      cny: _Yuan) -> list[Row]:
    requests: dict[str, tuple[list[int], list[Row]]] | None = None
    out = []
    for r in pays:
        mask = r[3]
        value = cny(r)
        if value is None or value < rules.SIMPLE_TASK_PAY_CNY or mask & _ORDINARY:
            continue
        task: Row | None = r
        if not mask & (_A_REQUEST | _OWN_TASK):  # the request the payment is for
            if requests is None:
                requests = _requests_by_person(fx, every_request)
            task = None
            for key in (fx.split(r[PERSONS]) or ("",)):
                whens, docs = requests.get(key, ([], []))
                i = bisect_right(whens, r[OCC])
                if (i and r[OCC] - whens[i - 1] <= _MONTH
                        and (task is None or docs[i - 1][OCC] > task[OCC])):
                    task = docs[i - 1]
        if task is not None and task[3] & _SIMPLE:
            out.append(r)
    return out


def _requests_by_person(fx: FactRows, every_request: list[Row]
                        ) -> dict[str, tuple[list[int], list[Row]]]:
    """Every request (family's too; marked rows, of which only _SIMPLE is asked), by person."""
    every_when: list[int] = []
    out: dict[str, tuple[list[int], list[Row]]] = {"": (every_when, every_request)}
    split = fx.split
    for r in every_request:
        occurred = r[OCC]
        every_when.append(occurred)
        for key in split(r[PERSONS]):
            of_key = out.get(key)
            if of_key is None:
                of_key = out[key] = ([], [])
            of_key[0].append(occurred)
            of_key[1].append(r)
    return out


def unusual_payment(fx: FactRows, tasks: list[Row], every_request: list[Row]
                    ) -> tuple[Found, list[Row]]:
    pays = _pays(fx)
    cny = _Yuan()
    disproportionate = _disproportionate(fx, pays, every_request, cny)
    strong = list(disproportionate)
    weak: list[Row] = []
    for r in pays:
        mask = r[3]
        if mask & _CRYPTO:
            strong.append(r)
        elif mask & _CASH and not mask & _ORDINARY:
            weak.append(r)
        if mask & _HIGH and not mask & _ORDINARY:
            strong.append(r)
    first_sensitive = next((t for t in tasks if _sensitivity(t) == 2), None)
    if first_sensitive is not None:
        turn = first_sensitive[OCC]
        before = [cny(r) or Decimal(0) for r in pays if r[OCC] < turn]
        if before:
            highest = max(before)
            strong += [r for r in pays if r[OCC] >= turn and (cny(r) or Decimal(0)) > highest]
    if strong:  # (every row of both is a pay: their ids in the pays' order)
        return (PRESENT, in_order(pays, strong)), disproportionate
    return result([], weak, ordered=True), disproportionate  # (taken in order, each once)


# --- WS-PAID-HOUSING -------------------------------------------------------------------------
def paid_housing(fx: FactRows) -> Found:
    housing_bit, travel_bit = _M(v.HOUSING), _M(v.TRAVEL)
    paid_verb, self_paid, sensitive, weak_site, near = (
        _M(v.PAID_VERB), _M(v.SELF_PAID), _M(v.SENSITIVE), _M(v.SENSITIVE_WEAK), _M(v.NEAR))
    paid = (Match(kinds=("payment",), values=(("direction", (None, *_PAID)),)),
            Match(kinds=("gift",)), Match(any_of=(paid_verb,), none_of=self_paid))
    near_site = (Match(any_of=(sensitive,)), Match(any_of=(weak_site, near)))
    housing, travel = Match(any_of=(housing_bit,)), Match(any_of=(travel_bit,))
    strong, weak = fx.ids_not_family(
        Match(not_kinds=("report",), any_of=(housing_bit | travel_bit,), none_of=sf.GIVES_BIT),
        groups=[[*(p.also(housing) for p in paid),
                 *(p.also(travel).also(n) for p in paid for n in near_site)],
                [*paid, *near_site]])
    return ids_result(strong, weak)


# --- WS-VAGUE-IDENTITY -----------------------------------------------------------------------
def vague_identity(fx: FactRows) -> Found:
    strong_bit, weak_bit = _M(v.VAGUE_ID_STRONG), _M(v.VAGUE_ID_WEAK)
    per_person: dict[str, list[int]] = {}
    for value, numbers in fx.counts.items():
        for pid in fx.split(value):
            total = per_person.setdefault(pid, [0, 0, 0])
            for i, n in enumerate(numbers[:ME_FIRST]):
                total[i] += n
    first_active: dict[str, Row] | None = None
    strong_firsts: set[str] = set()  # the persons' first entries, by the persons' records
    weak_firsts: set[str] = set()
    firsts_at: set[int] = set()  # when they occurred
    for pid, p in fx.persons.items():
        if pid in fx.family or not per_person.get(pid, (0,))[0]:
            continue
        n, asks, met = per_person[pid]
        strong_note = bool(v.VAGUE_ID_STRONG.find(p.notes))
        claimed = bool(p.organisation) and bool(v.VAGUE_ORG.find(p.organisation))
        if not claimed and v.VAGUE_ID_WEAK.find(p.notes):
            claimed = True
        if strong_note or claimed or (n >= 5 and asks and not met):
            if first_active is None:
                first_active = fx.first_of(fx.first_active_of_value())
            (strong_firsts if strong_note else weak_firsts).add(first_active[pid][4])
            firsts_at.add(first_active[pid][2])
    firsts = (Match(ids=tuple(strong_firsts | weak_firsts), at=tuple(firsts_at)),) \
        if strong_firsts or weak_firsts else ()
    # (a first entry read with the rows, so that every id comes in the rules' order; an entry
    # of both goes to the strong group, and the weak one counts only when there is no strong)
    # (the persons of every row are kept: the evidence's, evidence_persons, need no read)
    strong, weak, every = fx.ids_not_family(
        Match(not_kinds=("report",), any_of=(strong_bit | weak_bit,)), *firsts,
        groups=[[Match(not_kinds=("report",), any_of=(strong_bit,))],
                [Match(not_kinds=("report",), any_of=(weak_bit,))]], every=True,
        keep_persons=True)
    if strong_firsts:
        chosen = set(strong) | strong_firsts
        return PRESENT, [i for i in every if i in chosen]
    if strong:
        return PRESENT, strong
    if weak_firsts:
        chosen = set(weak) | weak_firsts
        return POSSIBLE, [i for i in every if i in chosen]
    return ids_result([], weak)


# --- WS-PRESSURE -----------------------------------------------------------------------------
_STRONG, _WEAK, _REQUEST, _REFUSAL, _INSISTS = 1, 2, 4, 8, 16  # the marks of pressure's rows


_SIMPLE_REQUEST, _FAMILY = 32, 64  # (_SIMPLE_REQUEST is a pay's _SIMPLE: the same condition)


def _pressure_and_requests(fx: FactRows) -> tuple[list[Row], list[Row]]:
    """Pressure's rows (family aside) and every request (family's too, for
    :func:`_requests_by_person`), from one read: every request not of the family is one of
    pressure's rows anyway. Each row with what the rules ask of it alone as the bits of its
    mask (row[3])."""
    strong_bit, weak_bit, refusal = _M(v.PRESSURE_STRONG), _M(v.PRESSURE_WEAK), \
        sf.full_mask(v.REFUSAL)
    request = Match(kinds=("request",))
    family = Match(values=(("persons", fx.family_values),)) if fx.family_values else None
    rows = fx.table.marked(
        Match(kinds=("threat", "request")),
        Match(not_kinds=("report",), any_of=(strong_bit,)),
        Match(kinds=_RCMN, any_of=(weak_bit,)),
        Match(kinds=_CMN, any_of=(refusal,)),
        marks=[[Match(kinds=("threat",)), Match(any_of=(strong_bit,))],  # _STRONG
               [Match(any_of=(weak_bit,))],  # _WEAK
               [request],  # _REQUEST
               [request.also(Match(values=(("status", ("refused",)),))),  # _REFUSAL
                Match(not_kinds=("request",), any_of=(refusal,))],
               [Match(not_kinds=("note",), hits=((v.PRESSURE_WEAK, 2),))],  # _INSISTS
               [Match(any_of=(_M(v.SIMPLE_TASK, v.PHOTO, v.HARMLESS_TARGET),))],  # _SIMPLE_...
               [family] if family is not None else []])  # _FAMILY: its persons all family
    every_request = [r for r in rows if r[3] & _REQUEST]
    if family is not None:
        rows = [r for r in rows if not r[3] & _FAMILY]
    return rows, every_request


def pressure(fx: FactRows, rows: list[Row]) -> Found:
    # per row, whether it is evidence: bit 1 of the strong list, 2 of the weak (every row of
    # both is one of the rows: their ids in the rows' order, without a sort)
    chosen = bytearray(len(rows))
    # the refusals so far, as positions in the rows (rules.Pool and rules.RelatedCollector
    # written out: this loop sees every row)
    refused: list[int] = []
    unlinked: list[int] = []
    by_person: dict[str, list[int]] = {}
    taken: tuple[dict[str, int], dict[str, int]] = ({}, {})  # per list, how much was taken

    def take_from(marks: dict[str, int], key: str, rows_of: list[int], bit: int) -> None:
        start = marks.get(key, 0)
        if start < len(rows_of):
            for i in rows_of[start:]:
                chosen[i] |= bit
            marks[key] = len(rows_of)

    def take(which: int, ids: tuple[str, ...], bit: int) -> None:
        """The refusals related to a row of persons ``ids`` not taken yet for this list."""
        marks = taken[which]
        if not ids:
            take_from(marks, "*all", refused, bit)
            return
        if unlinked:
            take_from(marks, "*unlinked", unlinked, bit)
        for p in ids:
            of_p = by_person.get(p)
            if of_p is not None:
                take_from(marks, p, of_p, bit)

    split = fx.split
    anyone = by_person.keys()
    for n, r in enumerate(rows):
        mask = r[3]
        if mask & _STRONG:
            chosen[n] |= 1
            continue
        ids = split(r[PERSONS])
        # (related: a refusal of one of the persons, or one without persons, came before)
        if (bool(unlinked) or not anyone.isdisjoint(ids)) if ids else bool(refused):
            # (every row here but threats is a request, contact, meeting or note)
            if mask & _WEAK:
                take(0, ids, 1)
                chosen[n] |= 1
            elif mask & _REQUEST:
                take(1, ids, 2)
                chosen[n] |= 2
        elif mask & _INSISTS:
            chosen[n] |= 2
        if mask & _REFUSAL:
            refused.append(n)
            if not ids:
                unlinked.append(n)
            for p in ids:
                by_person.setdefault(p, []).append(n)
    strong = [r[ID] for r, c in zip(rows, chosen, strict=True) if c & 1]
    return ids_result(strong, [] if strong else
                      [r[ID] for r, c in zip(rows, chosen, strict=True) if c & 2])


def find(table: Table, persons: Iterable[Person]) -> dict[str, Found]:
    """Every sign's level and evidence ids (chronological), as :func:`rules` would find them."""
    # The rules make some 200,000 short-lived tuples (rows) and lists and no cycles: the
    # cyclic garbage collector, started again and again by so many allocations, would only walk
    # them (≈ 3 % of the time at 100,000 entries). It waits until they are done.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _find(table, persons)
    finally:
        if collecting:
            gc.enable()


def _find(table: Table, persons: Iterable[Person]) -> dict[str, Found]:
    fx = FactRows(table, persons)
    tasks = _tasks(fx)
    pressing, every_request = _pressure_and_requests(fx)
    payment_result, disproportionate = unusual_payment(fx, tasks, every_request)
    return {
        "WS-FAST-INTIMACY": fast_intimacy(fx),
        "WS-JOB-OFFER": job_offer(fx, disproportionate),
        "WS-PHOTO-TASK": photo_task(fx),
        "WS-ESCALATION": escalation(tasks, fx),
        "WS-INFO-GATHERING": info_gathering(fx),
        "WS-CHANNEL-SWITCH": channel_switch(fx),
        "WS-SECRECY": secrecy(fx),
        "WS-DEVICE-GIFT": device_gift(fx),
        "WS-UNUSUAL-PAYMENT": payment_result,
        "WS-PAID-HOUSING": paid_housing(fx),
        "WS-VAGUE-IDENTITY": vague_identity(fx),
        "WS-PRESSURE": pressure(fx, pressing),
    }


def evidence_persons(table: Table, ids: list[str]) -> list[str]:
    """The persons of these evidence entries, in the evidence's order, each once."""
    persons = table.persons_of(ids)
    return list(dict.fromkeys(p for i in ids for p in persons.get(i, "").split()))


def evidence_ids(found: dict[str, Found]) -> dict[str, tuple[str | None, list[str]]]:
    """Every sign's level and evidence ids (as :func:`find` gives them)."""
    return dict(found)


__all__ = ["Found", "Match", "Table", "evidence_ids", "evidence_persons", "find"]
