"""What an evaluation of the rules keeps in the journal (:mod:`journal.core.store.signresults`
stores it): enough to give the same results again without running the rules. No Qt, no store."""

from __future__ import annotations

from dataclasses import dataclass

# per sign: its level ("present", "possible", or None when the sign does not show) and its
# evidence entry ids, oldest first
Found = dict[str, tuple[str | None, list[str]]]


@dataclass(frozen=True)
class Kept:
    """``found``: every sign id with its level and evidence ids (what
    :func:`journal.core.signs.fastrules.evidence_ids` gives); ``persons``: for the signs whose
    reasons also come from the persons' own records
    (:data:`journal.core.signs.reasons.PERSON_REASON_SIGNS`), the ids of the persons of their
    evidence, in the evidence's order."""

    found: Found
    persons: dict[str, list[str]]
