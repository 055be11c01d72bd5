"""Load the labelled journals of ``tests/data/signs/`` and score the warning-sign rules on them.

Used by ``test_signs_corpus.py`` (and by other tests that want one of these journals in a real
store). Standard library only: the corpus is plain JSON.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

from journal.core.models import Entry, EntryDraft, Person
from journal.core.signs import PRESENT, SIGN_IDS

DATA = Path(__file__).resolve().parents[1] / "data" / "signs"
DAY0 = datetime(2025, 3, 1, 9, 0, tzinfo=timezone(timedelta(hours=8)))
_SHORT = {"s": "summary", "x": "details"}
_DECIMALS = ("amount", "value")
LEVELS = ("present", "possible")


@dataclass
class Journal:
    name: str
    lang: str
    concerning: bool
    persons: dict[str, dict[str, Any]]
    entries: list[dict[str, Any]]
    expect: dict[str, str]


def load(split: str) -> list[Journal]:
    raw = json.loads((DATA / f"{split}.json").read_text(encoding="utf-8"))
    out = []
    for j in raw:
        for sign, level in j["expect"].items():
            if sign not in SIGN_IDS or level not in LEVELS:
                raise ValueError(f"{j['name']}: bad expectation {sign}={level}")
        out.append(Journal(j["name"], j["lang"], j["concerning"], j["persons"], j["entries"],
                           j["expect"]))
    return out


def _fields(spec: dict[str, Any]) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for key, value in spec.items():
        if key in ("d", "k", "p"):
            continue
        name = _SHORT.get(key, key)
        fields[name] = Decimal(value) if name in _DECIMALS else value
    return fields


def dataclasses(j: Journal) -> tuple[list[Entry], list[Person]]:
    persons = [Person(id=k, **p) for k, p in j.persons.items()]
    entries = []
    for n, spec in enumerate(j.entries):
        when = DAY0 + timedelta(days=spec["d"], minutes=n)
        entries.append(Entry(id=f"{j.name}#{n}", kind=spec["k"], occurred_at=when,
                             recorded_at=when, persons=list(spec.get("p", [])), **_fields(spec)))
    return entries, persons


def build_in_journal(store: Any, j: Journal) -> list[str]:
    """Add the journal's persons and entries to a real journal; the new entry ids in order."""
    pid = {k: store.add_person(**p).id for k, p in j.persons.items()}
    ids = []
    for n, spec in enumerate(j.entries):
        draft = EntryDraft(kind=spec["k"], occurred_at=DAY0 + timedelta(days=spec["d"], minutes=n),
                           precision="exact", persons=[pid[k] for k in spec.get("p", [])],
                           **_fields(spec))
        ids.append(store.add_entry(draft).id)
    return ids


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def score(journals: list[Journal], found: dict[str, dict[str, str]]) -> dict[str, Score]:
    """Precision and recall of "present", per sign and overall ("ALL").

    ``found``: journal name -> {sign id: level} as the rules gave it.
    """
    table = {s: Score() for s in (*SIGN_IDS, "ALL")}
    for j in journals:
        got = found[j.name]
        for sign in SIGN_IDS:
            want_present = j.expect.get(sign) == PRESENT
            got_present = got.get(sign) == PRESENT
            for key in (sign, "ALL"):
                if want_present and got_present:
                    table[key].tp += 1
                elif got_present:
                    table[key].fp += 1
                elif want_present:
                    table[key].fn += 1
    return table


def format_table(title: str, table: dict[str, Score]) -> str:
    lines = [title, f"{'sign':<20} {'TP':>3} {'FP':>3} {'FN':>3} {'precision':>9} {'recall':>7}"]
    for sign, s in table.items():
        lines.append(f"{sign:<20} {s.tp:>3} {s.fp:>3} {s.fn:>3} {s.precision:>9.0%} {s.recall:>7.0%}")
    return "\n".join(lines)
