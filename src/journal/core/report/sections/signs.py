"""The warning signs the entries show, each with the entries it rests on and advice."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from journal.core.report.layout import clip, markup
from journal.core.report.sections.base import SectionBase
from journal.core.report.texts import kind_name


class SignsSection(SectionBase):
    def signs(self) -> list[Flowable]:
        out: list[Flowable] = [
            self.heading("report.section.signs"),
            self.p(self.t("report.signs.intro"), self.s.small, redact=False),
        ]
        signs = self.d.signs or []
        self.stats.signs = len(signs)
        if not signs:
            return out + [self.p(self.t("report.signs.none"), redact=False)]
        for sign in signs:
            level = self.t(f"report.signs.level.{sign.level}")
            colour = "#a61b1b" if sign.level == "present" else "#b26a00"
            head = Paragraph(
                f'<font color="{colour}">■ {markup(level)}</font>  {markup(sign.title)}'
                f'  <font size="7.5" color="#5f6b7a">{markup(sign.id)}</font>',
                self.s.for_text(self.s.h3, sign.title),
            )
            block: list[Flowable] = [head]
            if sign.explanation:
                block.append(self.p(sign.explanation, self.s.details, redact=False))
            evidence = []
            for eid in sign.evidence:
                entry = self.d.entry(eid)
                if entry:
                    evidence.append(
                        f"{self.ref(entry)} {self.when(entry)} · {kind_name(entry.kind, self.lang)} · "
                        f"{self.r(clip(entry.summary, 120))}"
                    )
            if evidence:
                block.append(
                    self.p(
                        self.t("report.signs.evidence") + ("：" if self.lang == "zh" else ":"),
                        self.s.fields,
                        redact=False,
                    )
                )
                for line in evidence:
                    block.append(
                        Paragraph(
                            markup(line), self.s.for_text(self.s.evidence, line), bulletText="–"
                        )
                    )
            if sign.advice:
                block.append(
                    self.p(
                        self.t("report.signs.advice") + self.colon + sign.advice,
                        self.s.fields,
                        redact=False,
                    )
                )
            block.append(Spacer(1, 3 * mm))
            out.append(KeepTogether(block))
        return out
