"""Warning signs: which known recruitment patterns a journal's own entries show (DESIGN §4).

A checklist, never a verdict. What each entry contributes to the rules (its *facts*, :mod:`.facts`)
is stored when the entry is written, so that a whole journal is evaluated from compact facts
rather than from every entry's text; which signs show and on which entries is kept in the journal
after an evaluation, for the next one to read while nothing the rules read has changed
(:mod:`journal.core.store.signresults`).

    results = evaluate(entries, persons)       # pure, the reference: reads every entry's text
    results = evaluate_journal(journal)        # the same results, from the journal's stored facts
    results[0].first_reasons()                 # why, in plain words, for the first 20 entries
    results[0].reasons_for(entry_ids)          # ... for these evidence entries
    signs_to_json(results, "en")               # [{"id", "title", "level", "evidence"}] (contract)
    all_signs("zh")                            # the catalogue of all twelve, for help and the PDF

A result holds every evidence entry's id, not every reason: at 100,000 entries a journal's signs
may rest on 190,000 evidence entries while the window shows twenty per sign. Reasons are worded
when asked for (:meth:`SignResult.reasons_for`, :meth:`SignResult.first_reasons`); the
evaluation reads in advance the quotes of the first :data:`REASONS_LISTED` evidence entries of
each sign (what the window, the CLI and the JSON show), and any other entry's when its reasons are
asked for, from the open journal.

No Qt here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from journal.core import i18n
from journal.core.models import Entry, Person
from journal.core.signs import fastrules, rules
from journal.core.signs import texts as _texts  # noqa: F401 - registers the messages
from journal.core.signs.dismissals import Dismissal, dismiss, dismissals, undismiss
from journal.core.signs.facts import FactDoc
from journal.core.signs.ids import SIGN_IDS
from journal.core.signs.kept import Kept
from journal.core.signs.reasons import (
    PERSON_REASON_SIGNS,
    Reason,
    Wording,
    entry_reasons,
    organisation_reasons,
    person_reasons,
)
from journal.core.signs.rules import POSSIBLE, PRESENT

if TYPE_CHECKING:  # pragma: no cover
    from journal.core.store import Journal

log = logging.getLogger(__name__)

LEVELS: tuple[str, ...] = (PRESENT, POSSIBLE)
# Evidence entries whose reasons are listed by default (the window's cards, `journal-cli signs`,
# its JSON); every one on request (`--all-reasons`, the report's selection).
REASONS_LISTED = 20

__all__ = [
    "LEVELS",
    "POSSIBLE",
    "PRESENT",
    "REASONS_LISTED",
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


@dataclass(eq=False)
class SignResult:
    """One sign the journal shows: ``level`` is "present" or "possible"; ``evidence`` entry ids,
    oldest first.

    Why it shows, in plain words, is worked out on request for the entries asked for
    (:meth:`reasons_for`, :meth:`first_reasons`, :meth:`all_reasons`), never kept for every
    evidence entry. Two results are equal when their sign, level, evidence, dismissal and every
    reason are.
    """

    id: str
    level: str
    evidence: Sequence[str] = field(default_factory=list)
    dismissed: Dismissal | None = None  # set aside by the user as "not this", with a reason
    # what the reasons are worded from: the evidence as the rules saw it (in evidence order),
    # the reasons from the persons' own records (few), and the persons' names
    _docs: list[rules.Doc] = field(default_factory=list, repr=False)
    _person_reasons: list[Reason] = field(default_factory=list, repr=False)
    _wording: Wording | None = field(default=None, repr=False)
    # from the stored facts: the evidence docs are read when their reasons are asked for
    # (``_docs`` then stays empty); ``load(ids)`` gives the docs of those ids in their order
    _load: Callable[[list[str]], list[rules.Doc]] | None = field(default=None, repr=False)

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

    # why it shows --------------------------------------------------------------------------
    def _reasons(self, docs: list[rules.Doc]) -> list[Reason]:
        worded = entry_reasons(self.id, self._wording, docs) \
            if docs and self._wording is not None else []
        return worded + self._person_reasons

    def _evidence_docs(self, ids: Sequence[str]) -> list[rules.Doc]:
        """The docs of these evidence ids (in evidence order)."""
        if self._load is not None:
            return self._load(list(ids))
        wanted = set(ids)
        return [d for d in self._docs if d.id in wanted]

    def reasons_for(self, entry_ids: Iterable[str]) -> list[Reason]:
        """The reasons of these evidence entries (in evidence order; ids that are not evidence
        are ignored), then those from the persons' own records (``entry_id`` None)."""
        wanted = set(entry_ids)
        return self._reasons(self._evidence_docs([i for i in self.evidence if i in wanted]))

    def first_reasons(self, n: int = REASONS_LISTED) -> list[Reason]:
        """The reasons of the first ``n`` evidence entries (the oldest), then the persons'."""
        return self._reasons(self._evidence_docs(self.evidence[:n]))

    def all_reasons(self) -> list[Reason]:
        """Every reason: one or two per evidence entry, then the persons' (costly when the sign
        rests on tens of thousands of entries)."""
        return self._reasons(self._evidence_docs(self.evidence))

    def reasons_not_listed(self, n: int = REASONS_LISTED) -> int:
        """How many evidence entries :meth:`first_reasons` (n) leaves without their reason."""
        return max(0, len(self.evidence) - n)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SignResult):
            return NotImplemented
        return (self.id, self.level, self.evidence, self.dismissed) == \
            (other.id, other.level, other.evidence, other.dismissed) \
            and self.all_reasons() == other.all_reasons()

    __hash__ = None  # type: ignore[assignment]  # mutable, compared by value


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
    ctx = rules.prepare(entries, persons)
    return _evaluate(ctx, Wording(ctx.persons, ctx.family))


def _evaluate(ctx: rules.Ctx, wording: Wording) -> list[SignResult]:
    """The rules over ``ctx`` (the reference, from the entries' text). The results keep their
    evidence docs and ``wording`` (not ``ctx``) to word their reasons when asked; the persons'
    own reasons are worked out now."""
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
    results = []
    for sign_id in SIGN_IDS:
        level, docs = found[sign_id]
        if level is not None:
            results.append(SignResult(sign_id, level, [d.id for d in docs], None, list(docs),
                                      person_reasons(sign_id, ctx.persons, docs), wording))
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

    When the journal keeps the result of an earlier evaluation of the same data by the same
    rules (:mod:`journal.core.store.signresults`), which signs show and on which entries is read
    from it instead of running the rules; a writable journal keeps what the rules found when
    they had to run. The output is the same either way.

    The quotes of the first :data:`REASONS_LISTED` evidence entries of each sign are read now;
    those of any other evidence entry when its reasons are asked for, from ``journal`` (which
    must then still be open).
    """
    if not journal.sign_facts_current() and journal.writable:
        journal.rebuild_sign_facts(progress)
    # (read before what the rules read: a change from now on makes this result describe no
    # state of the journal, and it is not kept)
    generation = journal.sign_results_generation()
    persons = journal.list_persons()
    if journal.sign_facts_current():
        kept = journal.kept_sign_results()
        if kept is None:
            with journal.sign_fact_table() as table:
                rows = fastrules.find(table, persons)
                # the persons of the evidence of the signs whose reasons also come from the
                # persons' own records (an unverifiable organisation), in the evidence's order
                kept = Kept(fastrules.evidence_ids(rows),
                            {sign_id: fastrules.evidence_persons(table, rows[sign_id][1])
                             for sign_id in PERSON_REASON_SIGNS if rows[sign_id][0] is not None})
            del rows
            if generation is not None and journal.writable:
                journal.keep_sign_results(kept, generation)
        found = kept.found
        # the evidence entries' facts (without their quotes) are read when their reasons are
        # asked for: now for the first 20 of each sign, later for any other; one doc per entry
        # whichever signs it is evidence of
        docs: dict[str, rules.Doc] = {}

        def load(ids: list[str]) -> list[rules.Doc]:
            missing = [i for i in ids if i not in docs]
            if missing:
                docs.update(journal.sign_fact_docs_of(missing, words=False))
            # (an entry trashed since the evaluation has no facts to read any more)
            return [docs[i] for i in ids if i in docs]

        def load_words(evidence: list[rules.Doc]) -> list[rules.Doc]:
            unread = [d for d in evidence if isinstance(d, FactDoc) and not d.words_loaded]
            if unread:  # (the first entries' were read with the evaluation: no journal needed)
                journal.load_sign_words(unread)
            # an entry trashed since the evaluation has no quotes to read any more
            return [d for d in evidence if not isinstance(d, FactDoc) or d.words_loaded]

        ctx = rules.context([], persons)  # (the persons and who is family: no entry needed)
        wording = Wording(ctx.persons, ctx.family, load_words)
        del ctx
        load_words(load(list(dict.fromkeys(i for level, ids in found.values()
                                           if level is not None for i in ids[:REASONS_LISTED]))))
        results = []
        for sign_id in SIGN_IDS:
            level, ids = found[sign_id]
            if level is not None:
                # the persons' own records speak for one sign only (an unverifiable
                # organisation): its evidence's persons, kept with the evidence
                own = organisation_reasons(sign_id, wording.persons, kept.persons[sign_id]) \
                    if sign_id in PERSON_REASON_SIGNS else []
                results.append(SignResult(sign_id, level, ids, None, [], own, wording, load))
    else:
        log.info("warning signs: stored facts out of date on a read-only journal; reading text")
        results = evaluate(journal.list_entries(include_deleted=False, newest_first=False),
                           persons)
    set_aside = dismissals(journal)
    for r in results:
        r.dismissed = set_aside.get(r.id)
    return results


def counterpart_ids(entries: list[Entry], persons: list[Person]) -> set[str]:
    """The persons who are the other side of what happened: not family, not a teacher or
    counsellor by role, and not someone who only appears in the user's own report entries."""
    trusted = rules.trusted_ids(persons)
    in_events = {pid for e in entries if e.kind != "report" and e.deleted_at is None
                 for pid in e.persons}
    return {p.id for p in persons if p.id not in trusted and p.id in in_events}


def signs_to_json(results: list[SignResult], lang: str = "en",
                  all_reasons: bool = False) -> list[dict[str, Any]]:
    """``journal-cli signs --json`` (DESIGN §6 contract): ``[{"id","title","level","evidence"}]``
    with every evidence entry, and beside them ``reasons``: ``[{"entry", "field", "quote",
    "text"}]`` in plain words for the first :data:`REASONS_LISTED` evidence entries and from the
    persons' own records, ``reasons_not_listed``: how many evidence entries have no reason listed
    (0 when a sign rests on 20 entries or fewer), and ``dismissed``: null, or ``{"reason",
    "at"}`` when the user set the sign aside. ``all_reasons``: the reasons of every evidence
    entry, without ``reasons_not_listed`` (``--all-reasons``: the output before the reasons were
    bounded)."""
    return list(iter_signs_json(results, lang, all_reasons))


def iter_signs_json(results: list[SignResult], lang: str = "en",
                    all_reasons: bool = False) -> Iterator[dict[str, Any]]:
    """The items of :func:`signs_to_json` one sign at a time, for a caller that writes each as
    it comes (with ``all_reasons``, a sign may rest on tens of thousands of reasons)."""
    zh = i18n.normalise_lang(lang) == "zh"
    for r in results:
        item: dict[str, Any] = {"id": r.id, "title": r.title(lang), "level": r.level,
                                "evidence": list(r.evidence)}
        if all_reasons:
            item["reasons"] = [x.json_in(zh) for x in r.all_reasons()]
        else:
            item["reasons"] = [x.json_in(zh) for x in r.first_reasons()]
            item["reasons_not_listed"] = r.reasons_not_listed()
        item["dismissed"] = None if r.dismissed is None else {
            "reason": r.dismissed.reason, "at": r.dismissed.dismissed_at.isoformat()}
        yield item
