"""The people in the entries: what they claim to be, their accounts, first and last contact."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether

from journal.core.report.layout import OnceWrapped, markup
from journal.core.report.sections.base import SectionBase
from journal.core.report.texts import handle_name


class PeopleSection(SectionBase):
    def people(self) -> list[Flowable]:
        out: list[Flowable] = [self.heading("report.section.people")]
        if not self.d.persons:
            return out + [self.p(self.t("report.people.none"), redact=False)]
        for person in self.d.persons:
            span = self.d.spans.get(person.id)
            rows: list[tuple[str, str]] = []
            if person.aliases:
                rows.append(
                    (self.t("report.people.aliases"), self.r(self.sep().join(person.aliases)))
                )
            if person.role or person.organisation:
                if person.role and person.organisation:
                    claim = self.t(
                        "report.people.claims_value",
                        role=person.role,
                        organisation=person.organisation,
                    )
                else:
                    claim = person.role or person.organisation
                rows.append((self.t("report.people.claims"), self.r(claim)))
            if person.platform:
                rows.append((self.t("report.people.platform"), self.r(person.platform)))
            if person.handles:
                # one line per app, its accounts side by side (masked when redacting)
                by_app: dict[str, list[str]] = {}
                for h in person.handles:
                    by_app.setdefault(h.kind, []).append(self.r.handle(h.kind, h.value))
                handles = "\n".join(
                    f"{handle_name(kind, self.lang)}{self.colon}{self.sep().join(values)}"
                    for kind, values in by_app.items()
                )
                rows.append((self.t("report.people.handles"), handles))
            if span and span.first and span.last:
                rows.append(
                    (
                        self.t("report.people.first"),
                        self.when(span.first) + self.paren(self.ref(span.first)),
                    )
                )
                rows.append(
                    (
                        self.t("report.people.last"),
                        self.when(span.last) + self.paren(self.ref(span.last)),
                    )
                )
                rows.append((self.t("report.people.entries"), str(span.count)))
            if person.notes:
                rows.append((self.t("report.people.notes"), self.r(person.notes)))
            name = OnceWrapped(markup(self.r(person.name)), self.s.for_text(self.s.h2, person.name))
            block: list[Flowable] = [name]
            if rows:
                # the values are already masked where needed
                block.append(self.kv_table(rows, redact=False))
            out.append(KeepTogether(block))
        return out
