"""Where each warning sign first shows on the picture: the signs evaluated elsewhere (or here,
for a small journal), their evidence within the selection, and the entry at which each pattern
completes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from journal.core.overview import query
from journal.core.overview.model import EntryRef, SignLike, SignMark
from journal.core.overview.query import RefMaker, Selection

SIGNS_SYNC_LIMIT = 5000  # above this many entries the signs are not evaluated here (pass them in)


def sign_marks(journal: Any, lang: str, signs: Sequence[SignLike] | None, total: int, f: Selection,
                escalation: list[tuple[int, EntryRef]],
                ref: RefMaker) -> tuple[list[SignMark], bool]:
    from journal.core.signs import evaluate_journal, sign_title

    if signs is None:
        if total > SIGNS_SYNC_LIMIT:
            return [], True
        signs = evaluate_journal(journal)
    if not signs:
        return [], False
    # a sign the user set aside as "not this" is no marker on the picture either
    set_aside = {d[0] for d in journal.sign_dismissals()}
    wanted = [s for s in signs if s.evidence and s.id not in set_aside]
    ids = list(dict.fromkeys(i for s in wanted for i in s.evidence))
    selected: set[str] = set()
    for chunk in range(0, len(ids), 500):  # evidence within the selection only
        part = ids[chunk:chunk + 500]
        sql = "SELECT e.id FROM entries e" + f.sql(f"e.id IN ({','.join('?' * len(part))})")
        selected.update(r[0] for r in query.rows(journal, sql, f.params + part))
    sensitive_after = {r.id for level, r in escalation if level >= 2}
    marks: list[SignMark] = []
    for s in wanted:
        evidence = [i for i in s.evidence if i in selected]
        if evidence:
            marks.append(SignMark(s.id, s.level, sign_title(s.id, lang),
                                  ref(_appearance(s.id, evidence, sensitive_after))))
    return marks, False


def _appearance(sign_id: str, evidence: list[str], sensitive: set[str]) -> str:
    """The entry at which the sign first shows. Evidence is oldest first; two rules list the
    reference point before the entry that completes the pattern: the first contact before the
    first intimate one, and the harmless tasks before the first sensitive one."""
    if sign_id == "WS-FAST-INTIMACY" and len(evidence) > 1:
        return evidence[1]
    if sign_id == "WS-ESCALATION":
        later = [e for e in evidence if e in sensitive]
        return later[0] if later else evidence[-1]
    return evidence[0]
