"""The twelve rules. Each reads the prepared journal and returns a level and its evidence.

Rules look at structured fields first (kind, request status and target, payment method, direction
and amount, gift item, channels of a person's entries over time, dates) and at wording second
(:mod:`journal.core.signs.vocab`). ``present`` means the entries clearly show the pattern;
``possible`` means it is only hinted at (one weak word, or structure without wording).
"""

from __future__ import annotations

import logging
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from functools import cached_property
from typing import Protocol

from journal.core.models import Entry, Person
from journal.core.signs import meaning
from journal.core.signs import vocab as v
from journal.core.signs.vocab import Vocab, tokenize

log = logging.getLogger(__name__)

PRESENT = "present"
POSSIBLE = "possible"

FAST_DAYS = 14  # intimacy within this many days of the first entry with a person: present
SLOW_DAYS = 30  # ... within this many days: possible
SIMPLE_TASK_PAY_CNY = Decimal(200)  # a single simple task paid this much or more is out of proportion
BIG_GIFT_CNY = Decimal(1000)

# Rough conversion to CNY, only to compare amounts with a threshold (never shown to the user).
_TO_CNY: dict[str, Decimal] = {
    "CNY": Decimal(1), "RMB": Decimal(1), "USD": Decimal("7.2"), "EUR": Decimal("7.8"),
    "GBP": Decimal("9.1"), "HKD": Decimal("0.92"), "MOP": Decimal("0.9"), "TWD": Decimal("0.22"),
    "JPY": Decimal("0.048"), "KRW": Decimal("0.0052"), "AUD": Decimal("4.7"),
    "CAD": Decimal("5.2"), "SGD": Decimal("5.3"), "CHF": Decimal("8.1"), "NZD": Decimal("4.3"),
    "INR": Decimal("0.086"), "THB": Decimal("0.2"), "MYR": Decimal("1.55"), "RUB": Decimal("0.08"),
}


def to_cny(amount: Decimal | None, currency: str | None) -> Decimal | None:
    if amount is None:
        return None
    rate = _TO_CNY.get((currency or "CNY").upper())
    return amount * rate if rate is not None else None


def _aware(dt: datetime | None) -> datetime:
    if dt is None:
        return datetime.min.replace(tzinfo=UTC)
    return dt if dt.tzinfo is not None else dt.replace(tzinfo=UTC)


class EntryFields(Protocol):
    """What the rules read of an entry besides its wording: its structured fields."""

    @property
    def id(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def occurred_at(self) -> datetime: ...
    @property
    def persons(self) -> Sequence[str]: ...
    @property
    def amount(self) -> Decimal | None: ...
    @property
    def currency(self) -> str | None: ...
    @property
    def value(self) -> Decimal | None: ...
    @property
    def direction(self) -> str | None: ...
    @property
    def method(self) -> str | None: ...
    @property
    def initiated_by(self) -> str | None: ...
    @property
    def status(self) -> str | None: ...
    @property
    def channel(self) -> str: ...
    @property
    def medium(self) -> str | None: ...
    @property
    def target(self) -> str | None: ...


class AnyOf:
    """Vocabularies a rule needs at least one of before it looks at an entry any further: the
    entries without any are passed over in one test (on stored facts, one AND of the flags)."""

    __slots__ = ("mask", "vocabs")

    def __init__(self, *vocabs: Vocab) -> None:
        self.vocabs = vocabs
        self.mask: int | None = None  # the facts' flag bits, worked out by FactDoc when asked


class Doc:
    """One entry as the rules see it: its fields, its place in time and which wording it holds.

    Two kinds: :class:`TextDoc` reads the entry's text (the full evaluation, the reference) and
    :class:`journal.core.signs.facts.FactDoc` reads the facts stored when the entry was written.
    Both answer every question the rules and the reasons ask with the same result.
    """

    __slots__ = ()
    entry: EntryFields
    seq: int  # position in chronological order
    when: datetime  # occurred_at, aware

    @property
    def id(self) -> str:
        return self.entry.id

    @property
    def kind(self) -> str:
        return self.entry.kind

    def hits(self, vocab: Vocab) -> list[str]:
        """The terms of ``vocab`` the affirmed text holds."""
        raise NotImplementedError

    def has(self, vocab: Vocab) -> bool:
        """Whether the affirmed text holds a term of ``vocab``."""
        raise NotImplementedError

    def has_full(self, vocab: Vocab) -> bool:
        """Whether the whole text (refusals included) holds a term of ``vocab``."""
        raise NotImplementedError

    @property
    def device(self) -> bool:
        """A device is named, not just an accessory (a phone case is not a phone)."""
        raise NotImplementedError

    @property
    def user_gives(self) -> bool:
        raise NotImplementedError

    @property
    def ordinary_pay(self) -> bool:
        raise NotImplementedError

    def has_any(self, any_of: AnyOf) -> bool:
        """Whether the affirmed text holds a term of any of ``any_of``'s vocabularies."""
        return any(self.has(x) for x in any_of.vocabs)

    # what the reasons quote (reasons.py)
    def sign_quote(self, sign_id: str, vocabs: tuple[Vocab, ...]) -> tuple[str, str] | None:
        """What a reason of ``sign_id`` quotes: for the first of its ``vocabs`` (strongest
        first) that has one, the first clause, field by field, holding one of its terms and
        not discounted, as (field, clipped clause)."""
        raise NotImplementedError

    @property
    def summary_clip(self) -> str:
        raise NotImplementedError

    @property
    def offer_clip(self) -> str:
        """The request's task (or summary), clipped: what pay is offered for."""
        raise NotImplementedError

    @property
    def item_clip(self) -> str | None:
        """The gift's item, clipped (None when the entry names none)."""
        raise NotImplementedError


MAX_QUOTE = 60  # characters of a quoted clause
QUOTED_FIELDS = ("summary", "details", "task", "target", "item", "location")


def clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_QUOTE else text[:MAX_QUOTE - 1].rstrip() + "…"


def first_quotes(entry: Entry, vocabs: Iterable[Vocab]) -> dict[str, tuple[str, str]]:
    """For each of ``vocabs``: the first affirmed clause of ``entry``, field by field, holding
    one of its terms, as (field, clipped clause); vocabularies without one are left out.

    Each field's words and clauses are split once for all vocabularies; a field is looked into
    only if the vocabulary matches it as a whole (a clause holds a term only if its field does).
    """
    wanted = list(vocabs)
    out: dict[str, tuple[str, str]] = {}
    for name in QUOTED_FIELDS:
        value = getattr(entry, name) or ""
        if not value or len(out) == len(wanted):
            continue
        tokens = " ".join(tokenize(value))
        parts: list[tuple[str, str]] | None = None
        for vocab in wanted:
            if vocab.name in out or not vocab.matches(value, tokens):
                continue
            if parts is None:
                parts = [(c, " ".join(tokenize(c))) for c in meaning.clauses(value)
                         if not meaning.discounted(c)]
            for c, ctokens in parts:
                if vocab.matches(c, ctokens):
                    out[vocab.name] = (name, clip(c.strip()))
                    break
    return out


def sign_quote(quotes: dict[str, tuple[str, str]],
               vocabs: tuple[Vocab, ...]) -> tuple[str, str] | None:
    """The quote of the first of ``vocabs`` (strongest first) found in ``quotes``."""
    for vocab in vocabs:
        found = quotes.get(vocab.name)
        if found is not None:
            return found
    return None


@dataclass(eq=False)
class TextDoc(Doc):
    """One entry prepared for the rules from its text: tokens and cached vocabulary hits."""

    entry: Entry
    text: str  # what the entry affirms: refusals, negations and passed-on advice taken out
    tokens: str  # the Latin words of the text, lower case, joined by spaces
    seq: int = 0
    when: datetime = field(default_factory=lambda: _aware(None))
    _hits: dict[str, list[str]] = field(default_factory=dict)

    def hits(self, vocab: Vocab) -> list[str]:
        found = self._hits.get(vocab.name)
        if found is None:
            found = vocab.find(self.text, self.tokens)
            self._hits[vocab.name] = found
        return found

    def has(self, vocab: Vocab) -> bool:
        found = self._hits.get(vocab.name)
        if found is not None:
            return bool(found)
        key = "?" + vocab.name  # the yes/no answer alone is far cheaper than the list of terms
        answer = self._hits.get(key)
        if answer is None:
            answer = ["y"] if vocab.matches(self.text, self.tokens) else []
            self._hits[key] = answer
        return bool(answer)

    @cached_property
    def full(self) -> str:
        """The whole text, refusals included (to notice the refusals themselves)."""
        return _entry_text(self.entry)

    def has_full(self, vocab: Vocab) -> bool:
        return bool(vocab.find(self.full))

    @cached_property
    def device(self) -> bool:
        return bool(v.DEVICE.find(meaning.without_accessories(self.text)))

    @cached_property
    def user_gives(self) -> bool:
        return meaning.user_gives(self.entry)

    @cached_property
    def ordinary_pay(self) -> bool:
        return meaning.ordinary_pay(self.entry, self.text)

    def sign_quote(self, sign_id: str, vocabs: tuple[Vocab, ...]) -> tuple[str, str] | None:
        return sign_quote(first_quotes(self.entry, vocabs), vocabs)

    @property
    def summary_clip(self) -> str:
        return clip(self.entry.summary)

    @property
    def offer_clip(self) -> str:
        return clip(self.entry.task or self.entry.summary)

    @property
    def item_clip(self) -> str | None:
        return clip(self.entry.item) if self.entry.item else None


def text_doc(entry: Entry, seq: int = 0) -> TextDoc:
    """An entry prepared for the rules from its text."""
    text = meaning.affirmed(_entry_text(entry))
    return TextDoc(entry, text, " ".join(tokenize(text)), seq, _aware(entry.occurred_at))


class Pool:
    """Docs indexed by person, for "entries of the same person" questions in linear time."""

    def __init__(self, docs: Iterable[Doc] = ()) -> None:
        self.docs: list[Doc] = []
        self.unlinked: list[Doc] = []
        self.by_person: dict[str, list[Doc]] = {}
        for d in docs:
            self.add(d)

    def add(self, d: Doc) -> None:
        self.docs.append(d)
        if not d.entry.persons:
            self.unlinked.append(d)
        for pid in dict.fromkeys(d.entry.persons):
            self.by_person.setdefault(pid, []).append(d)

    def __bool__(self) -> bool:
        return bool(self.docs)

    def has_related(self, d: Doc) -> bool:
        """Whether the pool holds a doc related to ``d`` (sharing a person, or either has none)."""
        if not d.entry.persons:
            return bool(self.docs)
        return bool(self.unlinked) or any(p in self.by_person for p in d.entry.persons)

    def earliest(self, d: Doc) -> Doc | None:
        """The oldest doc of the pool related to ``d``."""
        if not d.entry.persons:
            return self.docs[0] if self.docs else None
        heads = [self.unlinked[0]] if self.unlinked else []
        heads += [self.by_person[p][0] for p in d.entry.persons if p in self.by_person]
        return min(heads, key=lambda x: x.seq) if heads else None


class RelatedCollector:
    """Collects the pool's docs related to ``d`` (sharing a person) for many ``d`` without re-reading what was already taken.

    The pool's lists only grow, so the union of the related docs at each call is, per person
    list (and the unlinked and whole lists), the longest prefix seen: a watermark per list keeps
    the total work linear where collecting them anew every time was quadratic.
    """

    def __init__(self, pool: Pool) -> None:
        self.pool = pool
        self.marks: dict[str, int] = {}
        self.out: list[Doc] = []

    def _take(self, key: str, docs: list[Doc]) -> None:
        start = self.marks.get(key, 0)
        if start < len(docs):
            self.out.extend(docs[start:])
            self.marks[key] = len(docs)

    def add_related(self, d: Doc) -> None:
        if not d.entry.persons:
            self._take("*all", self.pool.docs)
            return
        self._take("*unlinked", self.pool.unlinked)
        for pid in d.entry.persons:
            self._take(pid, self.pool.by_person.get(pid, []))


def _entry_text(e: Entry) -> str:
    # The channel is structure (compared across entries), not wording.
    parts = [e.summary, e.details, e.task or "", e.target or "", e.item or "", e.location,
             " ".join(e.tags)]
    return "\n".join(p for p in parts if p)


@dataclass
class Ctx:
    docs: list[Doc]  # chronological, not deleted
    persons: dict[str, Person]
    family: set[str]  # ids of persons who are family, or teachers/counsellors by role
    by_person: dict[str, list[Doc]] = field(default_factory=dict)  # chronological

    @cached_property
    def active(self) -> list[Doc]:
        """Entries that describe what happened (a report entry describes the reporting)."""
        return [d for d in self.docs if d.kind != "report"]

    @cached_property
    def requests_by_person(self) -> dict[str, tuple[list[datetime], list[Doc]]]:
        """Request docs per person (key "" = all requests), with their times, oldest first."""
        out: dict[str, tuple[list[datetime], list[Doc]]] = {"": ([], [])}
        for d in self.docs:
            if d.kind != "request":
                continue
            for key in ("", *dict.fromkeys(d.entry.persons)):
                whens, docs = out.setdefault(key, ([], []))
                whens.append(d.when)
                docs.append(d)
        return out

    def active_with(self, any_of: AnyOf) -> list[Doc]:
        """The active docs holding a term of any of ``any_of`` (in order): what a rule that
        needs one of these wordings has to look at; the others could add nothing."""
        return [d for d in self.active if d.has_any(any_of)]

    def of_person(self, pid: str) -> list[Doc]:
        return self.by_person.get(pid, [])

    @cached_property
    def _family_only(self) -> set[int]:
        """The docs (by seq) whose persons are all family or trusted by role."""
        family = self.family
        return {d.seq for d in self.docs
                if d.entry.persons and all(p in family for p in d.entry.persons)}

    def from_family_only(self, d: Doc) -> bool:
        return d.seq in self._family_only


def trusted_ids(persons: Iterable[Person]) -> set[str]:
    """People the user knows by a recorded role (see :func:`meaning.trusted_person`)."""
    return {p.id for p in persons if meaning.trusted_person(p)}


def prepare(entries: Iterable[Entry], persons: Iterable[Person]) -> Ctx:
    """The reference: every entry's text read and matched now."""
    live = [e for e in entries if e.deleted_at is None]
    live.sort(key=lambda e: (_aware(e.occurred_at), _aware(e.recorded_at), e.id))
    docs: list[Doc] = [text_doc(e, n) for n, e in enumerate(live)]
    return context(docs, persons)


def context(docs: list[Doc], persons: Iterable[Person]) -> Ctx:
    """The rules' view of ``docs`` (chronological, not deleted, ``seq`` their position)."""
    pmap = {p.id: p for p in persons if not p.deleted}
    # Family (and teachers or counsellors by their role) are not a recruitment pattern by
    # themselves: their gifts, requests and surveys are at most a hint.
    family = trusted_ids(pmap.values())
    by_person: dict[str, list[Doc]] = {}
    for d in docs:
        for pid in dict.fromkeys(d.entry.persons):
            by_person.setdefault(pid, []).append(d)
    return Ctx(docs, pmap, family, by_person)


_ASKED = v.ASKED
Result = tuple[str | None, list[Doc]]
NONE: Result = (None, [])


def _result(strong: list[Doc], weak: list[Doc]) -> Result:
    if strong:  # the hints are not repeated as evidence once the sign is clearly there
        return PRESENT, _uniq(strong)
    if weak:
        return POSSIBLE, _uniq(weak)
    return NONE


def _uniq(docs: list[Doc]) -> list[Doc]:
    seen: set[str] = set()
    out = []
    for d in sorted(docs, key=lambda d: d.seq):
        if d.id not in seen:
            seen.add(d.id)
            out.append(d)
    return out


# --- WS-FAST-INTIMACY ------------------------------------------------------------------------
def fast_intimacy(ctx: Ctx) -> Result:
    strong: list[Doc] = []
    weak: list[Doc] = []
    people = {p for d in ctx.docs for p in d.entry.persons} - ctx.family
    groups: list[list[Doc]] = [ctx.of_person(p) for p in sorted(people)]
    unlinked = [d for d in ctx.docs if not d.entry.persons]
    if unlinked and not people:
        groups.append(ctx.docs)
    for docs in groups:
        if not docs:
            continue
        first = docs[0]
        fast: list[Doc] = []
        fast_weak_terms: set[str] = set()
        fast_weak: list[Doc] = []
        slow: list[Doc] = []
        for d in docs:
            if d.kind == "report":
                continue
            days = (d.when - first.when).total_seconds() / 86400
            if d.has(v.INTIMACY_STRONG):
                if days <= FAST_DAYS:
                    fast.append(d)
                elif days <= SLOW_DAYS:
                    slow.append(d)
            elif d.has(v.INTIMACY_WEAK) and days <= FAST_DAYS:
                fast_weak.append(d)
                fast_weak_terms.update(d.hits(v.INTIMACY_WEAK))
        if fast or len(fast_weak_terms) >= 2:
            strong += [first, *fast, *fast_weak]
        elif fast_weak or slow:
            weak += [first, *fast_weak, *slow]
    return _result(strong, weak)


# --- WS-JOB-OFFER ----------------------------------------------------------------------------
def _unsolicited(d: Doc) -> bool:
    return d.entry.initiated_by != "me" and not d.has(v.ME_FIRST)


def _solicited_persons(ctx: Ctx) -> set[str]:
    """Persons the user approached first (applied to their advert, started the contact)."""
    out: set[str] = set()
    for pid in {p for d in ctx.docs for p in d.entry.persons}:
        docs = ctx.of_person(pid)
        if docs and (docs[0].entry.initiated_by == "me" or any(d.has(v.ME_FIRST) for d in docs)):
            out.add(pid)
    return out


def job_offer(ctx: Ctx, disproportionate: list[Doc]) -> Result:
    solicited = _solicited_persons(ctx)
    pay_pool = Pool(disproportionate)
    jobs = [d for d in ctx.active
            if d.kind in ("contact", "meeting", "request", "note") and d.has(v.JOB)
            and _unsolicited(d) and not ctx.from_family_only(d)
            and not (d.entry.persons and set(d.entry.persons) <= solicited)
            # offered to the user, not just someone mentioning their own job
            and (d.kind == "request" or d.has(_ASKED) or d.has(v.PAY_WORDS) or d.has(v.HIGH_PAY))]
    strong: list[Doc] = []
    weak: list[Doc] = []
    for d in jobs:
        high = d.has(v.HIGH_PAY)
        simple_paid = d.has(v.SIMPLE_TASK) and (d.has(v.PAY_WORDS) or d.entry.amount is not None)
        linked_pay = pay_pool.has_related(d)
        (strong if (high or simple_paid or linked_pay) else weak).append(d)
    if not jobs:
        # Structure without wording: a recruiter (by platform or role) who offers paid requests.
        recruiters = {pid for pid, p in ctx.persons.items()
                      if v.RECRUITER.find(f"{p.platform}\n{p.role}\n{p.organisation}\n{p.notes}")}
        weak = [d for d in ctx.active if d.kind == "request" and d.entry.amount is not None
                and set(d.entry.persons) & recruiters]
    return _result(strong, weak)




# --- WS-PHOTO-TASK ---------------------------------------------------------------------------
def _is_place(d: Doc) -> bool:
    return bool(d.entry.target) or any(
        d.has(x) for x in (v.HARMLESS_TARGET, v.SENSITIVE, v.SENSITIVE_WEAK, v.PLACE))


_PHOTO_ANY = AnyOf(v.PHOTO)


def photo_task(ctx: Ctx) -> Result:
    strong: list[Doc] = []
    weak: list[Doc] = []
    for d in ctx.active_with(_PHOTO_ANY):
        if d.kind not in ("request", "contact", "meeting", "note") or ctx.from_family_only(d):
            continue
        # A request entry is a request; elsewhere the wording must say they asked or offered it
        # ("we took photos of the sunset" on a walk is not a task).
        asked = d.kind == "request" or d.has(_ASKED) or d.has(v.JOB)
        if d.has(v.PHOTO_OF_DOCS) and not (d.has(v.SENSITIVE) or d.has(v.HARMLESS_TARGET)):
            continue  # photographing papers: WS-INFO-GATHERING
        if asked and _is_place(d) and not d.has(v.TRUSTED_ASKS):
            strong.append(d)
        elif d.kind == "request":
            weak.append(d)
    return _result(strong, weak)


# --- WS-ESCALATION ---------------------------------------------------------------------------
def _tasks(ctx: Ctx) -> list[Doc]:
    return [d for d in ctx.active
            if not ctx.from_family_only(d) and (
                d.kind == "request"
                or (d.kind in ("contact", "meeting", "note")
                    and (d.has(v.PHOTO) or d.has(v.INFO_STRONG))
                    and (d.has(_ASKED) or d.has(v.JOB))))]


def _sensitivity(d: Doc) -> int:
    """2 = military/government/research wording, 1 = ambiguous (a base, an airfield), 0 = none."""
    if d.has(v.SENSITIVE):
        return 2
    if d.has(v.SENSITIVE_WEAK):
        return 1
    return 0


def _after_harmless(ctx: Ctx, d: Doc, harmless: Pool) -> bool:
    first = harmless.earliest(d)
    return first is not None and first.when < d.when


def escalation(ctx: Ctx) -> Result:
    tasks = _tasks(ctx)
    harmless = [d for d in tasks if _sensitivity(d) == 0 and d.has(v.HARMLESS_TARGET)]
    if not harmless:
        return NONE
    pool = Pool(harmless)
    for level in (2, 1):
        later = [d for d in tasks if _sensitivity(d) == level and _after_harmless(ctx, d, pool)]
        if later:
            first_sensitive = later[0].when
            later_persons = {p for d in later for p in d.entry.persons}
            any_unlinked = any(not d.entry.persons for d in later)
            before = [h for h in harmless if h.when < first_sensitive and (
                any_unlinked or not h.entry.persons or later_persons & set(h.entry.persons))]
            return (PRESENT if level == 2 else POSSIBLE), _uniq(before + later)
    return NONE


# --- WS-INFO-GATHERING -----------------------------------------------------------------------
_INFO_ANY = AnyOf(v.INFO_STRONG, v.INFO_WEAK)


def info_gathering(ctx: Ctx) -> Result:
    strong: list[Doc] = []
    weak: list[Doc] = []
    for d in ctx.active_with(_INFO_ANY):
        if d.kind not in ("request", "contact", "meeting", "note") or ctx.from_family_only(d):
            continue
        if d.has(v.INFO_STRONG):
            # a teacher handing out the canteen survey is not this pattern
            if (d.kind == "request" or d.has(_ASKED)) and not d.has(v.TRUSTED_ASKS):
                strong.append(d)
            else:
                weak.append(d)
        elif d.kind == "request" and d.has(v.INFO_WEAK) and not d.has(v.PHOTO):
            # information about military or government matters, asked for as a task
            (strong if d.has(v.SENSITIVE) and not d.has(v.TRUSTED_ASKS) else weak).append(d)
    return _result(strong, weak)


# --- WS-CHANNEL-SWITCH -----------------------------------------------------------------------
def norm_channel(ch: str) -> str:
    return "".join(ch.lower().split())


def overseas_channel(ch: str) -> bool:
    n = norm_channel(ch)
    return bool(n) and (any(n == c or n.startswith(c) for c in v.OVERSEAS_CHANNELS)
                        or bool(v.OVERSEAS_APP.find(ch)))


_CHANNEL_ANY = AnyOf(v.OVERSEAS_APP, v.NEW_ACCOUNT)


def channel_switch(ctx: Ctx) -> Result:
    strong: list[Doc] = []
    weak: list[Doc] = []
    # Structure: a person's entries move from one channel to an overseas/encrypted one.
    moved: list[Doc] = []
    for pid in sorted({p for d in ctx.docs for p in d.entry.persons} - ctx.family):
        seen: list[str] = []
        for d in ctx.of_person(pid):
            ch = norm_channel(d.entry.channel)
            if not ch:
                continue
            if seen and ch not in seen and overseas_channel(d.entry.channel) \
                    and not all(overseas_channel(s) for s in seen):
                moved.append(d)
            if ch not in seen:
                seen.append(ch)
    for d in ctx.active_with(_CHANNEL_ANY):  # a switch alone (no app, no account) adds nothing
        if ctx.from_family_only(d):
            continue
        app = d.has(v.OVERSEAS_APP)
        new_account = d.has(v.NEW_ACCOUNT)
        switch = d.has(v.SWITCH)
        # "she wants us to move to Signal", "he asked me to open a new account just for this"
        # a second phone or SIM card sent as a gift is the new channel itself
        if (switch and (app or new_account)) or (new_account and (d.has(_ASKED)
                                                                  or d.kind == "gift")):
            strong.append(d)
        elif app or new_account:
            weak.append(d)
    if moved and (strong or weak):
        strong += weak + moved
    else:
        weak += moved
    return _result(strong, weak)


# --- WS-SECRECY ------------------------------------------------------------------------------
_SECRECY_ANY = AnyOf(v.SECRECY_STRONG, v.DELETE_CHATS, v.SECRECY_WEAK)


def secrecy(ctx: Ctx) -> Result:
    strong: list[Doc] = []
    weak: list[Doc] = []
    for d in ctx.active_with(_SECRECY_ANY):
        if ctx.from_family_only(d):
            continue
        if d.has(v.SECRECY_STRONG):
            strong.append(d)
        elif d.has(v.DELETE_CHATS) and not d.has_full(v.NOT_DELETING):
            # "she told me to delete the chats" vs "I deleted old photos to free space"
            asked = d.has(_ASKED) or bool(d.entry.persons) and d.kind in ("contact", "meeting",
                                                                          "request", "threat")
            (strong if asked else weak).append(d)
        elif d.has(v.SECRECY_WEAK):
            weak.append(d)
    return _result(strong, weak)


# --- WS-DEVICE-GIFT --------------------------------------------------------------------------
def device_gift(ctx: Ctx) -> Result:
    strong: list[Doc] = []
    weak: list[Doc] = []
    for d in ctx.active:
        # a gift the user gave, or one from family, a teacher, a classmate: not this pattern
        if d.user_gives or ctx.from_family_only(d):
            continue
        if d.kind == "gift":
            value = to_cny(d.entry.value, d.entry.currency)
            if d.device:
                strong.append(d)
            elif value is not None and value >= BIG_GIFT_CNY \
                    and not (d.has(v.HOUSING) or d.has(v.TRAVEL)):
                weak.append(d)
        elif d.kind in ("contact", "meeting", "note", "payment") and d.device and d.has(v.GIVE_ME):
            strong.append(d)
    return _result(strong, weak)


# --- WS-UNUSUAL-PAYMENT ----------------------------------------------------------------------
def _paid_to_me(d: Doc) -> bool:
    """Money paid or offered to the user for work (housing and travel: WS-PAID-HOUSING)."""
    if d.has(v.HOUSING) or d.has(v.TRAVEL) or d.user_gives:
        return False
    if d.kind == "payment":
        return d.entry.direction in (None, "received", "promised")
    return d.kind == "request" and d.entry.amount is not None


def _task_for(ctx: Ctx, pay: Doc) -> Doc | None:
    """The request a payment pays for: itself if it names a task, else the last request before it
    (within 30 days, of the same person when the payment names persons)."""
    if pay.kind == "request" or pay.has(v.SIMPLE_TASK) or pay.has(v.PHOTO):
        return pay
    best: Doc | None = None
    for key in (pay.entry.persons or [""]):
        whens, docs = ctx.requests_by_person.get(key, ([], []))
        i = bisect_right(whens, pay.when)  # requests at or before the payment
        if (i and pay.when - whens[i - 1] <= timedelta(days=30)
                and (best is None or docs[i - 1].when > best.when)):
            best = docs[i - 1]
    return best


def _simple(d: Doc) -> bool:
    return d.has(v.SIMPLE_TASK) or d.has(v.PHOTO) or d.has(v.HARMLESS_TARGET)


def disproportionate_pay(ctx: Ctx) -> list[Doc]:
    out = []
    for d in ctx.active:
        if not _paid_to_me(d) or ctx.from_family_only(d):
            continue
        cny = to_cny(d.entry.amount, d.entry.currency)
        task = _task_for(ctx, d)
        if cny is not None and task is not None and _simple(task) and cny >= SIMPLE_TASK_PAY_CNY \
                and not d.ordinary_pay:
            out.append(d)
    return out


def unusual_payment(ctx: Ctx) -> tuple[Result, list[Doc]]:
    disproportionate = disproportionate_pay(ctx)
    strong = list(disproportionate)
    weak: list[Doc] = []
    pays = [d for d in ctx.active if _paid_to_me(d) and not ctx.from_family_only(d)]
    for d in pays:
        terms = [t for t in d.hits(v.CASH_CRYPTO) if t not in ("cash", "现金")]
        if d.entry.method == "crypto" or terms:
            strong.append(d)
        elif (d.entry.method in ("cash", "other") or d.has(v.CASH_CRYPTO)) and not d.ordinary_pay:
            weak.append(d)  # cash alone is common (tutoring, small jobs): a hint only
        if d.has(v.HIGH_PAY) and not d.ordinary_pay:
            strong.append(d)
    # Pay rising with sensitivity: more after the first sensitive task than ever before it.
    tasks = _tasks(ctx)
    sensitive = [t for t in tasks if _sensitivity(t) == 2]
    if sensitive:
        turn = sensitive[0].when
        before = [to_cny(d.entry.amount, d.entry.currency) or Decimal(0)
                  for d in pays if d.when < turn]
        if before:
            highest = max(before)
            strong += [d for d in pays if d.when >= turn
                       and (to_cny(d.entry.amount, d.entry.currency) or Decimal(0)) > highest]
    return _result(strong, weak), disproportionate


# --- WS-PAID-HOUSING -------------------------------------------------------------------------
_HOUSING_ANY = AnyOf(v.HOUSING, v.TRAVEL)


def paid_housing(ctx: Ctx) -> Result:
    strong: list[Doc] = []
    weak: list[Doc] = []
    for d in ctx.active_with(_HOUSING_ANY):
        if ctx.from_family_only(d):
            continue
        housing = d.has(v.HOUSING)
        travel = d.has(v.TRAVEL)
        if not (housing or travel):
            continue
        if d.user_gives:
            continue  # the user paid their own (or someone else's) ticket or rent
        paid = (d.kind == "payment" and d.entry.direction in (None, "received", "promised")) \
            or d.kind == "gift" or (d.has(v.PAID_VERB) and not d.has(v.SELF_PAID))
        near_site = d.has(v.SENSITIVE) or (d.has(v.SENSITIVE_WEAK) and d.has(v.NEAR))
        if housing and paid or travel and paid and near_site:
            strong.append(d)
        elif paid or near_site:
            weak.append(d)
    return _result(strong, weak)


# --- WS-VAGUE-IDENTITY -----------------------------------------------------------------------
_VAGUE_STRONG_ANY = AnyOf(v.VAGUE_ID_STRONG)
_VAGUE_WEAK_ANY = AnyOf(v.VAGUE_ID_WEAK)


def vague_identity(ctx: Ctx) -> Result:
    strong = [d for d in ctx.active_with(_VAGUE_STRONG_ANY) if not ctx.from_family_only(d)]
    weak = [d for d in ctx.active_with(_VAGUE_WEAK_ANY) if not ctx.from_family_only(d)]
    for pid, p in ctx.persons.items():
        if pid in ctx.family:
            continue
        docs = [d for d in ctx.of_person(pid) if d.kind != "report"]
        if not docs:
            continue
        if v.VAGUE_ID_STRONG.find(p.notes):
            strong.append(docs[0])
            continue
        claimed = bool(p.organisation) and bool(v.VAGUE_ORG.find(p.organisation))
        if not claimed and v.VAGUE_ID_WEAK.find(p.notes):
            claimed = True
        # Only ever chats, never a call, video or meeting, while asking for things.
        asks = any(d.kind in ("request", "payment", "gift") for d in docs)
        chat_only = (len(docs) >= 5 and asks and not any(
            d.kind == "meeting" or d.entry.medium in ("video", "call", "in_person") for d in docs))
        if claimed or chat_only:
            weak.append(docs[0])
    return _result(strong, weak)


# --- WS-PRESSURE -----------------------------------------------------------------------------
def pressure(ctx: Ctx) -> Result:
    strong: list[Doc] = []
    weak: list[Doc] = []
    refused = Pool()
    strong_refusals, weak_refusals = RelatedCollector(refused), RelatedCollector(refused)
    for d in ctx.active:
        if ctx.from_family_only(d):
            continue
        if d.kind == "threat" or d.has(v.PRESSURE_STRONG):
            strong.append(d)
            continue
        # refused holds only earlier entries: pressure after a refusal of the same person
        if refused.has_related(d) and d.kind in ("request", "contact", "meeting", "note"):
            if d.has(v.PRESSURE_WEAK):
                strong_refusals.add_related(d)
                strong.append(d)
            elif d.kind == "request":
                weak_refusals.add_related(d)
                weak.append(d)
        elif len(d.hits(v.PRESSURE_WEAK)) >= 2 and d.kind in ("request", "contact", "meeting"):
            weak.append(d)  # one "must" alone is ordinary speech; two pushes are a hint
        if d.kind == "request" and d.entry.status == "refused" or (
                d.kind in ("contact", "meeting", "note") and d.has_full(v.REFUSAL)):
            refused.add(d)
    return _result(strong + strong_refusals.out, weak + weak_refusals.out)
