"""The warning signs the entries show, each with the entries it rests on, why, and advice.

Signs the user set aside as "not this" are left out of the present signs and listed after them,
each with a line saying that the user set it aside and why.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from journal.core import i18n
from journal.core.models import Entry
from journal.core.report.data import SignView
from journal.core.report.layout import OnceWrapped, clip, markup, para
from journal.core.report.sections.base import SectionBase
from journal.core.report.texts import kind_name

i18n.register({
    "report.signs.reasons": {"en": "What in the entries shows it",
                             "zh": "记录中的具体依据"},
    "report.signs.set_aside": {"en": "Signs the user set aside",
                               "zh": "用户认为不适用的信号"},
    "report.signs.set_aside.intro": {
        "en": "The user read these signs and judged that they do not fit their situation. They "
              "are not counted above; the user's reason is given with each.",
        "zh": "用户看过以下信号，认为它们不符合自己的情况，因此没有计入上面的信号。每一条都附有用户的理由。"},
    "report.signs.set_aside.line": {
        "en": "{title} ({level}): set aside by the user as not fitting. The user's reason: "
              "“{reason}”",
        "zh": "{title}（{level}）：用户认为这一条不适用。用户的理由：“{reason}”"},
})


# A sign of up to KEEP_WHOLE flowables never splits over two pages. A longer one (hundreds of
# evidence lines in a long journal) cannot fit on a page anyway: kept together whole, it left the
# page before it empty and was measured again and again; only its head and first lines are kept.
KEEP_WHOLE = 14
KEEP_HEAD = 6


class SignsSection(SectionBase):
    _evidence_lines: dict[str, str]  # entry id → its evidence line (Builder sets it empty)

    def signs(self) -> list[Flowable]:
        out: list[Flowable] = [
            self.heading("report.section.signs"),
            self.p(self.t("report.signs.intro"), self.s.small, redact=False),
        ]
        signs = self.d.signs or []
        counted = [s for s in signs if s.dismissed is None]
        set_aside = [s for s in signs if s.dismissed is not None]
        self.stats.signs = len(counted)
        if not counted:
            out.append(self.p(self.t("report.signs.none"), redact=False))
        for sign in counted:
            block = self._block(sign)
            if len(block) <= KEEP_WHOLE:
                out.append(KeepTogether(block))
            else:  # a sign with a long list of evidence: its head and first lines stay together
                out.append(KeepTogether(block[:KEEP_HEAD]))
                out.extend(block[KEEP_HEAD:])
        if set_aside:
            out.append(self.heading("report.signs.set_aside", self.s.h2))
            out.append(self.p(self.t("report.signs.set_aside.intro"), self.s.small, redact=False))
            for sign in set_aside:
                line = self.t("report.signs.set_aside.line", title=sign.title,
                              level=self.t(f"report.signs.level.{sign.level}"),
                              reason=self.r(sign.dismissed or ""))
                out.append(OnceWrapped(f'<font color="#5f6b7a">{markup(line)}</font>',
                                     self.s.for_text(self.s.fields, line), bulletText="–"))
        return out

    def evidence_line(self, entry: Entry) -> str:
        """One entry a sign rests on: its number, date, kind and summary (masked, then cut);
        made once per entry (an entry is evidence of several signs)."""
        line = self._evidence_lines.get(entry.id)
        if line is None:
            line = self._evidence_lines[entry.id] = (
                f"{self.ref(entry)} {self.when(entry)} · {kind_name(entry.kind, self.lang)} · "
                f"{clip(self.r(entry.summary), 120)}")
        return line

    def _block(self, sign: SignView) -> list[Flowable]:
        level = self.t(f"report.signs.level.{sign.level}")
        colour = "#a61b1b" if sign.level == "present" else "#b26a00"
        # rule ids belong to the JSON and the command line; the Chinese report names signs only
        code = "" if self.lang == "zh" else (
            f'  <font size="7.5" color="#5f6b7a">{markup(sign.id)}</font>')
        head = OnceWrapped(
            f'<font color="{colour}">■ {markup(level)}</font>  {markup(sign.title)}{code}',
            self.s.for_text(self.s.h3, sign.title),
        )
        block: list[Flowable] = [head]
        if sign.explanation:
            block.append(self.p(sign.explanation, self.s.details, redact=False))
        if sign.reasons:
            block.append(self.p(self.t("report.signs.reasons") + self.colon.rstrip(),
                                self.s.fields, redact=False))
            for reason in sign.reasons:
                text = self.r(reason)
                block.append(para(self.s, text, self.s.evidence, "–"))
        evidence = []
        for eid in sign.evidence:
            entry = self.d.entry(eid)
            if entry:
                evidence.append(self.evidence_line(entry))
        if evidence:
            block.append(self.p(self.t("report.signs.evidence") + self.colon.rstrip(),
                                self.s.fields, redact=False))
            for line in evidence:
                block.append(para(self.s, line, self.s.evidence, "–"))
        if sign.advice:
            block.append(
                self.p(
                    self.t("report.signs.advice") + self.colon + sign.advice,
                    self.s.fields,
                    redact=False,
                )
            )
        block.append(Spacer(1, 3 * mm))
        return block
