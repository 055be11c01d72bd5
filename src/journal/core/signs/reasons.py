"""Why a sign shows: for each entry it rests on, the words or the fields that made it.

A reason quotes the clause of the entry that matched ("帮我拍几张港口的照片"), or states the
structured fact (received 2,000.00 CNY by WeChat Pay from 陈经理), with the entry's date:

    'help me take a few photos of the port' in the entry of 5 March 2025
    2025年3月5日的记录中写道：“帮我拍几张港口的照片”

Reasons are worked out from the same prepared entries the rules read, only for the entries they
are asked for (:class:`Wording` keeps what that needs): a journal's signs may rest on tens of
thousands of entries while a card shows twenty. No Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from functools import cache, lru_cache
from typing import Any

from journal.core import fields, i18n
from journal.core.models import Person
from journal.core.money import format_amount
from journal.core.signs import vocab as v
from journal.core.signs.rules import Ctx, Doc, clip

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")

# The words each sign looks for, strongest first.
SIGN_VOCABS: dict[str, tuple[v.Vocab, ...]] = {
    "WS-FAST-INTIMACY": (v.INTIMACY_STRONG, v.INTIMACY_WEAK),
    "WS-JOB-OFFER": (v.HIGH_PAY, v.JOB, v.PAY_WORDS),
    "WS-PHOTO-TASK": (v.PHOTO,),
    "WS-ESCALATION": (v.SENSITIVE, v.SENSITIVE_WEAK, v.HARMLESS_TARGET),
    "WS-INFO-GATHERING": (v.INFO_STRONG, v.INFO_WEAK),
    "WS-CHANNEL-SWITCH": (v.OVERSEAS_APP, v.NEW_ACCOUNT, v.SWITCH),
    "WS-SECRECY": (v.SECRECY_STRONG, v.DELETE_CHATS, v.SECRECY_WEAK),
    "WS-DEVICE-GIFT": (v.DEVICE,),
    "WS-UNUSUAL-PAYMENT": (v.CASH_CRYPTO, v.HIGH_PAY),
    "WS-PAID-HOUSING": (v.HOUSING, v.TRAVEL),
    "WS-VAGUE-IDENTITY": (v.VAGUE_ID_STRONG, v.VAGUE_ID_WEAK),
    "WS-PRESSURE": (v.PRESSURE_STRONG, v.PRESSURE_WEAK, v.REFUSAL),
}
# Every vocabulary a reason may quote, in no particular order (the stored facts keep a quote
# for each: journal.core.signs.facts).
QUOTED_VOCABS: tuple[v.Vocab, ...] = tuple(
    {x.name: x for vocabs in SIGN_VOCABS.values() for x in vocabs}.values())

i18n.register({
    "signs.reason.quote": {"en": "'{quote}' in the entry of {date}",
                           "zh": "{date}的记录中写道：“{quote}”"},
    "signs.reason.received": {"en": "received {amount}{method}{person} (entry of {date})",
                              "zh": "{date}的记录：{method}收到{person}{amount}"},
    "signs.reason.received.method": {"en": " by {method}", "zh": "通过{method}"},
    "signs.reason.received.person": {"en": " from {person}", "zh": "{person}付的 "},
    "signs.reason.gift": {"en": "'{item}' given by {person} (entry of {date})",
                          "zh": "{date}的记录：{person}送的“{item}”"},
    "signs.reason.channel": {"en": "the conversation moved to {channel} (entry of {date})",
                             "zh": "{date}的记录：联系改到了{channel}上"},
    "signs.reason.organisation": {"en": "{person} says they are from '{organisation}'",
                                  "zh": "{person}自称来自“{organisation}”"},
    "signs.reason.offered": {"en": "{amount} offered for '{quote}' (entry of {date})",
                             "zh": "{date}的记录：为“{quote}”开价 {amount}"},
    "signs.reason.someone": {"en": "someone", "zh": "对方"},
})


_TEMPLATE_KEYS = ("quote", "received", "received.method", "received.person", "gift", "channel",
                  "organisation", "offered", "someone")


@cache
def _templates(zh: bool) -> dict[str, str]:
    """The reason wordings of one language, looked up once (not once per reason): a journal's
    signs may rest on a great many entries."""
    lang = "zh" if zh else "en"
    return {k: i18n.template(f"signs.reason.{k}", lang) for k in _TEMPLATE_KEYS}


@cache
def _method_label(method: str, zh: bool) -> str:
    return fields.choice_label("method", method, "zh" if zh else "en")


@dataclass(frozen=True, slots=True)
class Reason:
    """One plain-words reason: what in which entry (or which person's record) made a sign."""

    entry_id: str | None  # None: a person's record, not an entry
    when: datetime | None
    field: str  # summary, details, task, target, item, location, amount, channel, organisation
    quote: str = ""  # the words quoted from the entry or person (as the user wrote them)
    person: str = ""  # the other person's name, for facts that are theirs
    amount: str = ""  # formatted, e.g. "2,000.00 CNY"
    method: str | None = None  # payment method id

    def text(self, lang: str = "en") -> str:
        return self._text(i18n.normalise_lang(lang) == "zh")

    def _text(self, zh: bool) -> str:
        t = _templates(zh)
        date = _format_day(self.when.year, self.when.month, self.when.day, zh) \
            if self.when else ""
        field = self.field
        if field == "amount":
            method = ""
            if self.method and self.method != "other":
                # the choice field's label (what the report shows); importing the report
                # package for it would load the PDF machinery into every `signs` command
                method = t["received.method"].format(method=_method_label(self.method, zh))
            who = t["received.person"].format(person=self.person) if self.person else ""
            text = t["received"].format(amount=self.amount, method=method, person=who,
                                        date=date)
            return text.replace("  ", " ") if zh else text
        if field == "offered":
            return t["offered"].format(amount=self.amount, quote=self.quote, date=date)
        person = self.person or t["someone"]
        if field == "item":
            return t["gift"].format(item=self.quote, person=person, date=date)
        if field == "channel":
            return t["channel"].format(channel=self.quote, date=date)
        if field == "organisation":
            return t["organisation"].format(person=person, organisation=self.quote)
        return t["quote"].format(quote=self.quote, date=date)

    def to_json(self, lang: str = "en") -> dict[str, Any]:
        return self.json_in(i18n.normalise_lang(lang) == "zh")

    def json_in(self, zh: bool) -> dict[str, Any]:
        return {"entry": self.entry_id, "field": self.field, "quote": self.quote or self.amount,
                "text": self._text(zh)}


def format_date(when: datetime, lang: str) -> str:
    return _format_day(when.year, when.month, when.day, i18n.normalise_lang(lang) == "zh")


@lru_cache(maxsize=8192)
def _format_day(year: int, month: int, day: int, zh: bool) -> str:
    if zh:
        return f"{year}年{month}月{day}日"
    return f"{day} {_MONTHS[month - 1]} {year}"


class Wording:
    """What one evaluation keeps to word the reasons of its signs later, on request: the persons
    (names, who is family) and how to read what an evidence entry quotes. Not the entries' text:
    the quotes of an entry stored with its facts are read only when its reasons are asked for.

    ``load_words(docs)`` reads the quotes of ``docs`` not read yet and returns the docs that can
    be worded (an entry trashed since the evaluation has none left); None: the docs hold their
    text (the full evaluation).
    """

    __slots__ = ("family", "load_words", "persons")

    def __init__(self, persons: dict[str, Person], family: set[str],
                 load_words: Callable[[list[Doc]], list[Doc]] | None = None) -> None:
        self.persons = persons
        self.family = family
        self.load_words = load_words


def _names(wording: Wording, d: Doc, known: dict[tuple[str, ...], str]) -> str:
    """The other persons of ``d`` by name; ``known`` keeps them per persons tuple (the facts
    share one tuple per set of persons), so that each name string is made once."""
    persons = tuple(d.entry.persons)
    names = known.get(persons)
    if names is None:
        names = known[persons] = "、".join(
            wording.persons[p].name for p in persons
            if p in wording.persons and p not in wording.family)
    return names


@lru_cache(maxsize=4096)
def _amount(amount: Decimal, currency: str) -> str:
    return format_amount(amount, currency)


_FACT_SIGNS = frozenset(("WS-UNUSUAL-PAYMENT", "WS-PAID-HOUSING", "WS-DEVICE-GIFT"))  # see _fact


def _fact(sign_id: str, wording: Wording, d: Doc,
          known: dict[tuple[str, ...], str]) -> Reason | None:
    """The structured field that says it, for the signs where fields speak louder than words."""
    e = d.entry
    if e.amount is not None and e.kind == "payment" \
            and sign_id in ("WS-UNUSUAL-PAYMENT", "WS-PAID-HOUSING"):
        return Reason(e.id, e.occurred_at, "amount", person=_names(wording, d, known),
                      amount=_amount(e.amount, e.currency or "CNY"), method=e.method)
    if sign_id == "WS-UNUSUAL-PAYMENT" and e.kind == "request" and e.amount is not None:
        return Reason(e.id, e.occurred_at, "offered", quote=d.offer_clip,
                      amount=_amount(e.amount, e.currency or "CNY"))
    if sign_id == "WS-DEVICE-GIFT" and e.kind == "gift" and d.item_clip is not None:
        return Reason(e.id, e.occurred_at, "item", quote=d.item_clip,
                      person=_names(wording, d, known))
    return None


def entry_reasons(sign_id: str, wording: Wording, docs: list[Doc]) -> list[Reason]:
    """The reasons of the entries ``docs`` (evidence of ``sign_id``, oldest first): one or two
    per entry (a payment's amount and its words), in their order. Reads the quotes of these
    entries alone (``wording.load_words``)."""
    if wording.load_words is not None:
        docs = wording.load_words(docs)
    out: list[Reason] = []
    vocabs = SIGN_VOCABS[sign_id]
    known: dict[tuple[str, ...], str] = {}
    facts = sign_id in _FACT_SIGNS
    for d in docs:
        fact = _fact(sign_id, wording, d, known) if facts else None
        found = d.sign_quote(sign_id, vocabs)
        if fact is not None:
            out.append(fact)
        if found is not None and not (fact is not None and fact.field in ("item", "offered")):
            out.append(Reason(d.id, d.entry.occurred_at, found[0], quote=found[1]))
        elif fact is None and sign_id == "WS-CHANNEL-SWITCH" and d.entry.channel:
            out.append(Reason(d.id, d.entry.occurred_at, "channel", quote=d.entry.channel))
        elif fact is None:  # the entry counts by its kind or its place in time: its summary
            out.append(Reason(d.id, d.entry.occurred_at, "summary", quote=d.summary_clip))
    return out


PERSON_REASON_SIGNS = frozenset({"WS-VAGUE-IDENTITY"})  # the signs person_reasons words


def person_reasons(sign_id: str, persons: dict[str, Person], docs: list[Doc]) -> list[Reason]:
    """The reasons from the persons' own records (``entry_id`` None): an organisation that
    cannot be checked, for each person of the evidence ``docs``. Few: one per person at most.
    Only the signs of :data:`PERSON_REASON_SIGNS` have any."""
    return organisation_reasons(sign_id, persons, (p for d in docs for p in d.entry.persons))


def organisation_reasons(sign_id: str, persons: dict[str, Person],
                         person_ids: Iterable[str]) -> list[Reason]:
    """:func:`person_reasons` from the persons of the evidence (their ids in the evidence's
    order, repeats allowed) rather than from its docs."""
    out: list[Reason] = []
    if sign_id in PERSON_REASON_SIGNS:
        for pid in dict.fromkeys(person_ids):
            person = persons.get(pid)
            if person and person.organisation and v.VAGUE_ORG.find(person.organisation):
                out.append(Reason(None, None, "organisation", quote=clip(person.organisation),
                                  person=person.name))
    return out


def reasons_for(sign_id: str, ctx: Ctx, docs: list[Doc]) -> list[Reason]:
    """Every reason of a sign at once: one per entry the sign rests on (oldest first, two for a
    payment that also says it in words), then the persons' own records where they say something
    (an organisation that cannot be checked)."""
    wording = Wording(ctx.persons, ctx.family)
    return entry_reasons(sign_id, wording, docs) + person_reasons(sign_id, ctx.persons, docs)
