"""Warning signs: which known recruitment patterns a journal's own entries show (DESIGN §4).

A checklist, never a verdict. The results are never stored; what each entry contributes to the
rules (its *facts*, :mod:`.facts`) is, when the entry is written, so that a whole journal is
evaluated from compact facts rather than from every entry's text.

    results = evaluate(entries, persons)       # pure, the reference: reads every entry's text
    results = evaluate_journal(journal)        # the same results, from the journal's stored facts
    signs_to_json(results, "en")               # [{"id", "title", "level", "evidence"}] (contract)
    all_signs("zh")                            # the catalogue of all twelve, for help and the PDF

No Qt here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from journal.core import i18n
from journal.core.models import Entry, Person
from journal.core.signs import fastrules, rules
from journal.core.signs import texts as _texts  # noqa: F401 - registers the messages
from journal.core.signs.dismissals import Dismissal, dismiss, dismissals, undismiss
from journal.core.signs.ids import SIGN_IDS
from journal.core.signs.reasons import Reason, reasons_for
from journal.core.signs.rules import POSSIBLE, PRESENT

if TYPE_CHECKING:  # pragma: no cover
    from journal.core.store import Journal

log = logging.getLogger(__name__)

LEVELS: tuple[str, ...] = (PRESENT, POSSIBLE)

__all__ = [
    "LEVELS",
    "POSSIBLE",
    "PRESENT",
    "SIGN_IDS",
    "Dismissal",
    "Reason",
    "SignInfo",
    "SignResult",
    "advice_steps",
    "all_signs",
    "dismiss",
    "dismissals",
    "evaluate",
    "evaluate_journal",
    "how_to_report",
    "iter_signs_json",
    "level_label",
    "sign_advice",
    "sign_explanation",
    "sign_title",
    "signs_to_json",
    "undismiss",
]


def _check_id(sign_id: str) -> None:
    if sign_id not in SIGN_IDS:
        raise ValueError(f"unknown warning sign {sign_id!r}")


def sign_title(sign_id: str, lang: str = "en") -> str:
    _check_id(sign_id)
    return i18n.message(f"signs.{sign_id}.title", lang)


def sign_explanation(sign_id: str, lang: str = "en") -> str:
    """One plain paragraph: what the pattern is and why it matters."""
    _check_id(sign_id)
    return i18n.message(f"signs.{sign_id}.explanation", lang)


def advice_steps(sign_id: str, lang: str = "en") -> list[str]:
    """The concrete steps of the advice, one per item."""
    _check_id(sign_id)
    return [s for s in i18n.message(f"signs.{sign_id}.advice", lang).split("\n") if s.strip()]


def sign_advice(sign_id: str, lang: str = "en") -> str:
    """The advice as one paragraph (steps joined into sentences)."""
    sep = "" if i18n.normalise_lang(lang) == "zh" else " "
    return sep.join(advice_steps(sign_id, lang))


def level_label(level: str, lang: str = "en") -> str:
    return i18n.message(f"signs.level.{level}", lang)


def how_to_report(lang: str = "en") -> list[str]:
    """Where and how to report (12339 hotline, online platform, WeChat account, local office)."""
    return [s for s in i18n.message("signs.report.steps", lang).split("\n") if s.strip()]


@dataclass
class SignResult:
    """One sign the journal shows: ``level`` is "present" or "possible"; ``evidence`` entry ids,
    oldest first."""

    id: str
    level: str
    evidence: list[str] = field(default_factory=list)
    reasons: list[Reason] = field(default_factory=list)  # why, in plain words (see reasons.py)
    dismissed: Dismissal | None = None  # set aside by the user as "not this", with a reason

    def title(self, lang: str = "en") -> str:
        return sign_title(self.id, lang)

    def explanation(self, lang: str = "en") -> str:
        return sign_explanation(self.id, lang)

    def advice(self, lang: str = "en") -> str:
        return sign_advice(self.id, lang)

    def advice_steps(self, lang: str = "en") -> list[str]:
        return advice_steps(self.id, lang)

    def level_label(self, lang: str = "en") -> str:
        return level_label(self.level, lang)


@dataclass(frozen=True)
class SignInfo:
    """A catalogue row: every sign, whether or not the journal shows it."""

    id: str
    title: str
    explanation: str
    advice: str


def all_signs(lang: str = "en") -> list[SignInfo]:
    return [SignInfo(i, sign_title(i, lang), sign_explanation(i, lang), sign_advice(i, lang))
            for i in SIGN_IDS]


def evaluate(entries: list[Entry], persons: list[Person]) -> list[SignResult]:
    """The signs that are present or possible in these entries, in DESIGN §4 order.

    Deleted entries (and deleted persons) are ignored. Pure: reads the dataclasses only.
    """
    return _evaluate(rules.prepare(entries, persons))


def _evaluate(ctx: rules.Ctx,
              before_reasons: Callable[[list[rules.Doc]], None] | None = None) -> list[SignResult]:
    """The rules over ``ctx``; ``before_reasons(docs)`` is called with every doc a sign rests on
    before their reasons are worked out (to read what they quote)."""
    payment_result, disproportionate = rules.unusual_payment(ctx)
    found: dict[str, rules.Result] = {
        "WS-FAST-INTIMACY": rules.fast_intimacy(ctx),
        "WS-JOB-OFFER": rules.job_offer(ctx, disproportionate),
        "WS-PHOTO-TASK": rules.photo_task(ctx),
        "WS-ESCALATION": rules.escalation(ctx),
        "WS-INFO-GATHERING": rules.info_gathering(ctx),
        "WS-CHANNEL-SWITCH": rules.channel_switch(ctx),
        "WS-SECRECY": rules.secrecy(ctx),
        "WS-DEVICE-GIFT": rules.device_gift(ctx),
        "WS-UNUSUAL-PAYMENT": payment_result,
        "WS-PAID-HOUSING": rules.paid_housing(ctx),
        "WS-VAGUE-IDENTITY": rules.vague_identity(ctx),
        "WS-PRESSURE": rules.pressure(ctx),
    }
    if before_reasons is not None:
        before_reasons(list({d.id: d for _, docs in found.values() for d in docs}.values()))
    results = []
    for sign_id in SIGN_IDS:
        level, docs = found[sign_id]
        if level is not None:
            results.append(SignResult(sign_id, level, [d.id for d in docs],
                                      reasons_for(sign_id, ctx, docs)))
    log.debug("warning signs: %d present, %d possible",
              sum(r.level == PRESENT for r in results), sum(r.level == POSSIBLE for r in results))
    return results


def evaluate_journal(journal: Journal,
                     progress: Callable[[int, int], None] | None = None) -> list[SignResult]:
    """Evaluate the journal's non-deleted entries and persons; signs the user set aside carry
    their dismissal (they are still listed).

    Reads the stored facts. When they were made by other rules (a journal opened read-only
    after the wording changed), a writable journal rebuilds them first (``progress(done,
    total)`` follows the rebuild); a read-only one is evaluated from the entries' text instead.
    The results are the same either way.
    """
    persons = journal.list_persons()
    if not journal.sign_facts_current() and journal.writable:
        journal.rebuild_sign_facts(progress)
    if journal.sign_facts_current():
        with journal.sign_fact_table() as table:
            found = fastrules.evidence_ids(fastrules.find(table, persons))
        shown = list(dict.fromkeys(i for _, ids in found.values() for i in ids))
        docs = journal.sign_fact_docs_of(shown)
        ctx = rules.context([docs[i] for i in shown], persons)
        results = [SignResult(sign_id, level, ids,
                              reasons_for(sign_id, ctx, [docs[i] for i in ids]))
                   for sign_id in SIGN_IDS for level, ids in [found[sign_id]] if level is not None]
    else:
        log.info("warning signs: stored facts out of date on a read-only journal; reading text")
        results = evaluate(journal.list_entries(include_deleted=False, newest_first=False),
                           persons)
    kept = dismissals(journal)
    for r in results:
        r.dismissed = kept.get(r.id)
    return results


def counterpart_ids(entries: list[Entry], persons: list[Person]) -> set[str]:
    """The persons who are the other side of what happened: not family, not a teacher or
    counsellor by role, and not someone who only appears in the user's own report entries."""
    trusted = rules.trusted_ids(persons)
    in_events = {pid for e in entries if e.kind != "report" and e.deleted_at is None
                 for pid in e.persons}
    return {p.id for p in persons if p.id not in trusted and p.id in in_events}


def signs_to_json(results: list[SignResult], lang: str = "en") -> list[dict[str, Any]]:
    """``journal-cli signs --json`` (DESIGN §6 contract): ``[{"id","title","level","evidence"}]``,
    and beside them ``reasons``: ``[{"entry", "field", "quote", "text"}]`` in plain words, and
    ``dismissed``: null, or ``{"reason", "at"}`` when the user set the sign aside."""
    return list(iter_signs_json(results, lang))


def iter_signs_json(results: list[SignResult], lang: str = "en") -> Iterator[dict[str, Any]]:
    """The items of :func:`signs_to_json` one sign at a time, for a caller that writes each as
    it comes (a sign may rest on tens of thousands of entries, each with its reason)."""
    zh = i18n.normalise_lang(lang) == "zh"
    for r in results:
        yield {"id": r.id, "title": r.title(lang), "level": r.level, "evidence": list(r.evidence),
               "reasons": [x.json_in(zh) for x in r.reasons],
               "dismissed": None if r.dismissed is None else {
                   "reason": r.dismissed.reason, "at": r.dismissed.dismissed_at.isoformat()}}
