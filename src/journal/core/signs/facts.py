"""What each entry contributes to the warning-sign rules, worked out once when it is written.

The rules (:mod:`.rules`) ask of every entry the same questions: which wording it holds (on its
affirmed text, and on its whole text), whether it names a device, whether the user gave, whether
the money is ordinary; the reasons (:mod:`.reasons`) quote the first clause holding a sign's
wording. :func:`compute` answers all of them for one entry; the store keeps the answers (the
*facts*) in the encrypted journal beside the entry, written in the same transaction, so that
evaluating the signs of a whole journal reads compact facts instead of every entry's text.

:class:`FactDoc` is the rules' view of one stored row: it answers exactly as a
:class:`~journal.core.signs.rules.TextDoc` of the same entry would. :data:`STAMP` changes whenever
the wording or the code that works out the facts changes; stored facts of another stamp are
rebuilt. No Qt, no store: the store part is :mod:`journal.core.store.signfacts`.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any, cast

from journal.core.codec import parse_iso
from journal.core.models import Entry
from journal.core.signs import meaning, rules
from journal.core.signs import vocab as v
from journal.core.signs.ids import SIGN_IDS
from journal.core.signs.reasons import QUOTED_VOCABS, SIGN_VOCABS
from journal.core.signs.rules import Doc
from journal.core.signs.vocab import Vocab

# Raise when what compute() stores changes without a change of wording (the stamp then changes).
FACTS_CODE_VERSION = 3  # 3: the rules read the table through its covering indexes
# Raise when what the rules find from the facts changes (fastrules, factrows, rules, the facts'
# reads): results kept in a journal by other rules are then never read (store/signresults.py;
# where the program runs from its sources, their text is part of that stamp as well).
RULES_VERSION = 1

# Yes/no questions on the affirmed text: one bit each, in this order.
HAS_VOCABS: tuple[Vocab, ...] = (
    v.INTIMACY_STRONG, v.INTIMACY_WEAK, v.JOB, v.ME_FIRST, v.ASKED, v.PAY_WORDS, v.HIGH_PAY,
    v.SIMPLE_TASK, v.PHOTO, v.PHOTO_OF_DOCS, v.SENSITIVE, v.SENSITIVE_WEAK, v.HARMLESS_TARGET,
    v.PLACE, v.TRUSTED_ASKS, v.INFO_STRONG, v.INFO_WEAK, v.OVERSEAS_APP, v.NEW_ACCOUNT, v.SWITCH,
    v.SECRECY_STRONG, v.DELETE_CHATS, v.SECRECY_WEAK, v.HOUSING, v.TRAVEL, v.GIVE_ME,
    v.CASH_CRYPTO, v.PAID_VERB, v.SELF_PAID, v.NEAR, v.VAGUE_ID_STRONG, v.VAGUE_ID_WEAK,
    v.PRESSURE_STRONG, v.PRESSURE_WEAK,
)
# Yes/no questions on the whole text (refusals included).
FULL_VOCABS: tuple[Vocab, ...] = (v.NOT_DELETING, v.REFUSAL)
# Questions whose answer is the list of terms found (on the affirmed text).
HIT_VOCABS: tuple[Vocab, ...] = (v.INTIMACY_WEAK, v.PRESSURE_WEAK, v.CASH_CRYPTO)

_HAS_BIT = {x.name: 1 << i for i, x in enumerate(HAS_VOCABS)}
_FULL_BIT = {x.name: 1 << (len(HAS_VOCABS) + i) for i, x in enumerate(FULL_VOCABS)}
_BASE = len(HAS_VOCABS) + len(FULL_VOCABS)
DEVICE_BIT = 1 << _BASE
GIVES_BIT = 1 << (_BASE + 1)
ORDINARY_BIT = 1 << (_BASE + 2)
assert _BASE + 3 < 63, "the flags must fit one SQLite integer"
assert len(_HAS_BIT) == len(HAS_VOCABS) and len(_FULL_BIT) == len(FULL_VOCABS), "names repeat"


def has_mask(*vocabs: Vocab) -> int:
    """The flag bits of "the affirmed text holds a term of any of ``vocabs``"."""
    return sum(_HAS_BIT[x.name] for x in dict.fromkeys(vocabs))


def full_mask(*vocabs: Vocab) -> int:
    """The flag bits of "the whole text holds a term of any of ``vocabs``"."""
    return sum(_FULL_BIT[x.name] for x in dict.fromkeys(vocabs))


def hit_terms(flags: int, hits_raw: str | None, vocab: Vocab) -> list[str]:
    """The terms of ``vocab`` (one of :data:`HIT_VOCABS`) found, from a row's flags and hits."""
    if vocab.name not in _HIT_NAMES:
        raise KeyError(f"the facts keep no terms of {vocab.name}")
    if not flags & _HAS_BIT[vocab.name] or not hits_raw:
        return []
    return list(json.loads(hits_raw).get(vocab.name, []))

_HIT_NAMES = frozenset(x.name for x in HIT_VOCABS)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICRO = timedelta(microseconds=1)
_RS, _US = "\x1e", "\x1f"  # record and unit separators of the stored quotes
_SIGN_INDEX = {sid: 3 + i for i, sid in enumerate(SIGN_IDS)}
# one string object per field name, however many reasons quote it
_FIELD_NAMES = {name: name for name in rules.QUOTED_FIELDS}


def _stamp() -> str:
    """A hash of everything the facts depend on: the wording of every vocabulary, the patterns
    of :mod:`.meaning`, which questions are stored, and :data:`FACTS_CODE_VERSION`."""
    h = hashlib.sha256(f"facts {FACTS_CODE_VERSION} {rules.MAX_QUOTE} {rules.QUOTED_FIELDS}"
                       .encode())
    for module in (v, meaning):
        for name, value in sorted(vars(module).items()):
            if isinstance(value, Vocab):
                h.update(f"\n{name} {value.name} {value.zh!r} {value.en!r}".encode())
            elif isinstance(value, re.Pattern):
                h.update(f"\n{name} {value.pattern!r} {value.flags}".encode())
            elif isinstance(value, (str, int, tuple)) and name.isupper():
                h.update(f"\n{name} {value!r}".encode())
    for group in (HAS_VOCABS, FULL_VOCABS, HIT_VOCABS, QUOTED_VOCABS):
        h.update(("\n" + " ".join(x.name for x in group)).encode())
    for sign_id, vocabs in SIGN_VOCABS.items():
        h.update(f"\n{sign_id} {' '.join(x.name for x in vocabs)}".encode())
    return h.hexdigest()[:32]


STAMP = _stamp()


def micros(dt: datetime) -> int:
    """An instant as whole microseconds since 1970 (UTC; a naive time is taken as UTC)."""
    return ((dt if dt.tzinfo is not None else dt.replace(tzinfo=UTC)) - _EPOCH) // _MICRO


@dataclass(frozen=True)
class Facts:
    """What one entry contributes to the rules (one row of the store's ``sign_facts``)."""

    flags: int
    hits: dict[str, list[str]]  # HIT_VOCABS name → terms found (only those with terms)
    quotes: dict[str, tuple[str, str]]  # sign id → what its reason quotes (field, clause)
    summary: str  # clipped
    offer: str  # the task or summary, clipped
    item: str | None  # the item, clipped; None when there is none

    def words_text(self) -> str:
        """The quotes in one string: summary, offer, item, then one part per sign (in
        SIGN_IDS order; "" for none, else field US quote), parts separated by RS. Clipped text
        never holds RS or US (clip() folds every whitespace, these included): reading it back
        is one split, far cheaper than JSON for the many entries a sign may rest on."""
        parts = [self.summary, self.offer, _US if self.item is None else self.item]
        parts += [f"{q[0]}{_US}{q[1]}" if (q := self.quotes.get(sid)) else "" for sid in SIGN_IDS]
        return _RS.join(parts)

    def hits_json(self) -> str | None:
        return json.dumps(self.hits, ensure_ascii=False, separators=(",", ":")) \
            if self.hits else None


def compute(entry: Entry) -> Facts:
    """Ask of ``entry`` every question the rules and the reasons ask (reads its text once)."""
    doc = rules.text_doc(entry)
    flags = 0
    for x in HAS_VOCABS:
        if doc.has(x):
            flags |= _HAS_BIT[x.name]
    for x in FULL_VOCABS:
        if doc.has_full(x):
            flags |= _FULL_BIT[x.name]
    if doc.device:
        flags |= DEVICE_BIT
    if doc.user_gives:
        flags |= GIVES_BIT
    if doc.ordinary_pay:
        flags |= ORDINARY_BIT
    hits = {x.name: found for x in HIT_VOCABS if (found := doc.hits(x))}
    by_vocab = rules.first_quotes(entry, QUOTED_VOCABS)
    quotes = {sign_id: q for sign_id, vocabs in SIGN_VOCABS.items()
              if (q := rules.sign_quote(by_vocab, vocabs)) is not None}
    return Facts(flags, hits, quotes, doc.summary_clip, doc.offer_clip, doc.item_clip)


class FactEntry:
    """The structured fields of an entry, as the rules read them (from a stored row)."""

    __slots__ = ("_occurred", "amount", "channel", "currency", "direction", "id",
                 "initiated_by", "kind", "medium", "method", "persons", "status", "target",
                 "value")
    id: str
    kind: str
    currency: str | None
    direction: str | None
    method: str | None
    initiated_by: str | None
    status: str | None
    channel: str
    medium: str | None
    target: str | None

    def __init__(self, row: tuple[Any, ...], strings: dict[Any, Any] | None = None) -> None:
        """``strings``: one dict shared by the rows of one read, so that the values repeated
        over a journal (kinds, channels, person ids…) are held once, not once per entry."""
        shared = strings if strings is not None else {}
        one = shared.setdefault
        (self.id, occurred, kind, persons, amount, currency, value, direction, method,
         initiated_by, status, channel, medium, target) = row
        (self.kind, self.currency, self.direction, self.method, self.initiated_by, self.status,
         self.channel, self.medium, self.target) = cast("Iterator[Any]", map(
            one, plain := (kind, currency, direction, method, initiated_by, status, channel,
                           medium, target), plain))
        self._occurred: str | datetime = occurred
        # made only the first time a value is met (the tuple and the Decimal cost more than
        # the look-up)
        self.persons: tuple[str, ...] = () if not persons else (
            shared.get(("P", persons)) or one(("P", persons), tuple(one(x, x) for x in persons.split())))
        self.amount: Decimal | None = None if amount is None else (
            shared.get(("D", amount)) or one(("D", amount), Decimal(amount)))
        self.value: Decimal | None = None if value is None else (
            shared.get(("D", value)) or one(("D", value), Decimal(value)))

    @property
    def occurred_at(self) -> datetime:
        if isinstance(self._occurred, str):
            parsed = parse_iso(self._occurred)
            assert parsed is not None
            self._occurred = parsed
        return self._occurred


class FactDoc(Doc):
    """One entry as the rules see it, read from its stored facts (answers as a TextDoc would)."""

    # id and kind as plain slots, not Doc's properties: the rules ask them of every entry
    __slots__ = ("_hits", "_hits_raw", "_words_raw", "entry", "flags", "id", "kind", "seq", "when")

    def __init__(self, entry: FactEntry, seq: int, when_us: int, flags: int,
                 hits_raw: str | None, words_raw: str | None = None) -> None:
        self.entry = entry
        self.id: str = entry.id
        self.kind: str = entry.kind
        self.seq = seq
        self.when = _EPOCH + timedelta(microseconds=when_us)
        self.flags = flags
        self._hits_raw = hits_raw
        self._hits: dict[str, list[str]] | None = None
        self._words_raw: str | None = words_raw

    def has(self, vocab: Vocab) -> bool:
        return bool(self.flags & _HAS_BIT[vocab.name])

    def has_full(self, vocab: Vocab) -> bool:
        return bool(self.flags & _FULL_BIT[vocab.name])

    def has_any(self, any_of: rules.AnyOf) -> bool:
        mask = any_of.mask
        if mask is None:
            mask = any_of.mask = sum(_HAS_BIT[x.name] for x in any_of.vocabs)
        return bool(self.flags & mask)

    def hits(self, vocab: Vocab) -> list[str]:
        if not self.flags & _HAS_BIT[vocab.name]:
            return []
        if self._hits is None:
            self._hits = json.loads(self._hits_raw) if self._hits_raw else {}
        if vocab.name not in _HIT_NAMES:
            raise KeyError(f"the facts keep no terms of {vocab.name}")
        return list(self._hits.get(vocab.name, []))

    @property
    def device(self) -> bool:
        return bool(self.flags & DEVICE_BIT)

    @property
    def user_gives(self) -> bool:
        return bool(self.flags & GIVES_BIT)

    @property
    def ordinary_pay(self) -> bool:
        return bool(self.flags & ORDINARY_BIT)

    def _part(self, index: int) -> str:
        """One part of the stored quotes. The raw string is kept as it is (one object per
        entry, not one per part): a journal's signs may rest on most of its entries."""
        raw = self._words_raw
        if raw is None:
            raise LookupError("the quotes of this entry were not loaded (load_words)")
        return raw.split(_RS, index + 1)[index]

    @property
    def words_loaded(self) -> bool:
        return self._words_raw is not None

    def set_words(self, raw: str) -> None:
        """Hand over the stored quotes (read only for the entries a sign rests on)."""
        self._words_raw = raw

    def sign_quote(self, sign_id: str, vocabs: tuple[Vocab, ...]) -> tuple[str, str] | None:
        part = self._part(_SIGN_INDEX[sign_id])
        if not part:
            return None
        field, _, quote = part.partition(_US)
        return _FIELD_NAMES.get(field, field), quote

    @property
    def summary_clip(self) -> str:
        return self._part(0)

    @property
    def offer_clip(self) -> str:
        return self._part(1)

    @property
    def item_clip(self) -> str | None:
        item = self._part(2)
        return None if item == _US else item
