"""The counterparts of the overview: each person in the selected entries with what they claimed,
their handles and apps, first and last contact, counts and money received; the other side first,
family and teachers after."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from journal.core.money import stored_decimal as decimal
from journal.core.overview import query
from journal.core.overview.model import Counterpart
from journal.core.overview.money import add_money, order_currencies
from journal.core.overview.query import RefMaker, Refs, Selection
from journal.core.overview.reading import person_money_aggregated


def counterparts(journal: Any, f: Selection, lang: str, ref: RefMaker,
                  money: dict[str, dict[str, Decimal]] | None = None,
                  gifts: dict[str, dict[str, Decimal]] | None = None) -> list[Counterpart]:
    """Each person in the selected entries (the other side first: not family, not a teacher).
    Read from entry_persons joined to the (id, time, kind, channel) index: no entry rows."""
    from journal.core.signs import rules

    persons = {p.id: p for p in journal.list_persons()}
    trusted = rules.trusted_ids(persons.values())
    join = "FROM entry_persons ep JOIN entries e INDEXED BY entries_overview ON e.id = ep.entry_id"
    # per person and app: entries, requests, and the first entry (bare id of the min() row)
    stats: dict[str, list[Any]] = {}  # pid -> [entries, requests, first time, first id]
    channels: dict[str, list[tuple[str, str]]] = {}
    for pid, channel, n, requests, utc, eid in query.rows(
            journal, "SELECT ep.person_id, e.channel, count(*), sum(e.kind = 'request'), "
                     f"min(e.occurred_utc), e.id {join}" + f.sql()
                     + " GROUP BY ep.person_id, e.channel", f.params):
        st = stats.setdefault(pid, [0, 0, utc, eid])
        st[0] += int(n)
        st[1] += int(requests or 0)
        if utc < st[2]:
            st[2], st[3] = utc, eid
        seen = channels.setdefault(pid, [])
        name = (channel or "").strip()
        if name and all(x.lower() != name.lower() for _u, x in seen):
            seen.append((utc, name))
    # first and last contact: the user's own report entries do not count as contact
    lasts = {r[0]: r[2] for r in query.rows(
        journal, f"SELECT ep.person_id, max(e.occurred_utc), e.id {join}"
                 + f.sql("e.kind != 'report'") + " GROUP BY ep.person_id", f.params)}
    if money is None:
        money = {}
    out: list[Counterpart] = []
    for pid, row in stats.items():
        p = persons.get(pid)
        if p is None:
            continue
        grouped: dict[str, list[str]] = {}
        for h in p.handles:
            grouped.setdefault(h.kind, []).append(h.value)
        claim_parts = [x for x in (p.role, p.organisation) if x]
        claims = ("，".join(claim_parts) if lang == "zh" else ", ".join(claim_parts))
        sums = money.get(pid, {})
        valued = (gifts or {}).get(pid, {})
        last = lasts.get(pid)
        out.append(Counterpart(
            pid, p.name, claims, list(grouped.items()),
            [n for _u, n in sorted(channels.get(pid, []))], ref(row[3]),
            ref(last) if last else None, int(row[0]), int(row[1]),
            {c: sums[c] for c in order_currencies(sums)}, pid in trusted,
            {c: valued[c] for c in order_currencies(valued)}))
    out.sort(key=lambda c: (c.trusted, stats[c.id][2]))
    return out


def overview_people(journal: Any, lang: str = "en") -> list[Counterpart]:
    """The counterparts of the whole journal (what ``overview_data(..., people=True)`` lists)."""
    from journal.core.i18n import normalise_lang

    lang = normalise_lang(lang)
    f = Selection(None)
    refs = Refs()
    money: dict[str, dict[str, Decimal]] = {}
    gifts: dict[str, dict[str, Decimal]] = {}
    if journal.overview_aggregates_current():
        person_money_aggregated(journal, money, gifts)
    else:
        sql = ("SELECT e.kind, e.amount, e.value, e.currency, (SELECT group_concat(ep.person_id, "
               "' ') FROM entry_persons ep WHERE ep.entry_id = e.id) FROM entries e"
               + f.sql("((e.kind = 'payment' AND e.direction = 'received') OR e.kind = 'gift')"))
        for kind, amount, value, currency, pids in query.rows(journal, sql, f.params):
            amt = decimal(amount if kind == "payment" else value)
            if amt is not None:
                add_money(gifts if kind == "gift" else money, (pids or "").split(),
                          (currency or "CNY").upper(), amt)
    persons = counterparts(journal, f, lang, refs.ref, money, gifts)
    refs.fill(journal)
    return persons
