"""A plain-text summary (at most 2,000 characters) to paste into an online report form."""

from __future__ import annotations

from typing import Any

from journal.core import fields
from journal.core.money import format_amount
from journal.core.report.data import ReportData, collect
from journal.core.report.options import ReportOptions
from journal.core.report.texts import tr
from journal.core.signs import counterpart_ids
from journal.core.timeparse import format_when, show_when

MAX_CHARS = 2000


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _limited(items: list[str], budget: int, lang: str, sep: str) -> str:
    """Join as many items as fit in ``budget`` characters, then "and n more"."""
    shown: list[str] = []
    used = 0
    for i, item in enumerate(items):
        more = tr("report.text.more", lang, n=len(items) - i)
        if used + len(item) + len(sep) + len(more) + 2 > budget and shown:
            shown.append(more)
            break
        shown.append(item)
        used += len(item) + len(sep)
    return sep.join(shown)


def summary_from(data: ReportData) -> str:
    lang = data.lang
    r = data.redactor
    zh = lang == "zh"
    sep = "；" if zh else "; "
    colon = "：" if zh else ": "
    lines: list[str] = [tr("report.text.header", lang, date=format_when(data.made_at, "day", lang))]
    if data.empty:
        lines.append(tr("report.text.nothing", lang))
        return "\n".join(lines)

    who: list[str] = []
    others = counterpart_ids(data.entries, data.persons)  # not the teacher who helped, not family
    for p in data.persons:
        if p.id not in others:
            continue
        bits = [r(p.name)]
        claim = (
            " ".join(x for x in (p.organisation, p.role) if x)
            if zh
            else ", ".join(x for x in (p.role, p.organisation) if x)
        )
        extra = [x for x in (r(claim), r(p.platform)) if x]
        if extra:
            bits.append(("（" + "，".join(extra) + "）") if zh else (" (" + ", ".join(extra) + ")"))
        who.append("".join(bits))
    if who:
        lines.append(tr("report.text.who", lang) + colon + _limited(who, 350, lang, sep))
    first, last = data.entries[0], data.entries[-1]
    lines.append(
        tr(
            "report.text.since",
            lang,
            first=show_when(first.occurred_at, first.precision, lang),
            last=show_when(last.occurred_at, last.precision, lang),
            n=len(data.entries),
        )
    )

    asked: list[str] = []
    for e in data.entries:
        if e.kind != "request":
            continue
        what = e.task or e.summary
        if e.target:
            what += (" — " if not zh else "——") + e.target
        if e.amount is not None:
            what += (
                f" ({format_amount(e.amount, e.currency or '')})"
                if not zh
                else f"（报酬 {format_amount(e.amount, e.currency or '')}）"
            )
        if e.status:
            status = fields.choice_label("status", e.status, lang)
            what += f"（{status}）" if zh else f" [{status}]"
        asked.append(_clip(r(what), 160))
    if asked:
        lines.append(tr("report.text.asked", lang) + colon + _limited(asked, 520, lang, sep))

    money: list[str] = []
    for group in (b for b in fields.BUCKET_IDS if b != "offered"):
        sums = data.totals.get(group) or {}
        if sums:
            money.append(
                fields.bucket_label(group, lang)
                + " "
                + ", ".join(format_amount(v, c) for c, v in sums.items())
            )
    items = [r(e.item or e.summary) for e in data.entries if e.kind == "gift"]
    if items:
        money.append(
            tr(
                "report.text.gift_items",
                lang,
                items=_limited([_clip(i, 40) for i in items], 200, lang, "、" if zh else ", "),
            )
        )
    if money:
        lines.append(tr("report.text.paid", lang) + colon + sep.join(money))

    counted = [s for s in data.signs or [] if s.dismissed is None]  # not those set aside
    if counted:
        titles = [s.title for s in counted if s.level == "present"] or [s.title for s in counted]
        lines.append(tr("report.text.signs", lang) + colon + _limited(titles, 380, lang, sep))
    lines.append(
        tr("report.text.evidence", lang, entries=len(data.entries), files=len(data.attachments))
    )
    text = "\n".join(lines)
    if len(text) > MAX_CHARS:
        # keep the evidence line whole; shorten what is before it
        tail = "\n" + lines[-1]
        text = text[: MAX_CHARS - len(tail) - 1].rstrip() + "…" + tail
    return text


def build_text(journal: Any, options: ReportOptions) -> str:
    """The summary for an online report form, in ``options.lang`` (≤ 2,000 characters)."""
    options = options.validated()
    return summary_from(collect(journal, options))
