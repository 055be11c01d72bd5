"""The Warning signs page: a calm checklist of the recruitment patterns the journal's entries show.

Present signs first, then possible ones; each with its explanation, what to do, and the entries
that show it (click one to open it). At the bottom, always: how to report. The signs are computed
by :mod:`journal.core.signs` on every refresh and never stored.
"""

from __future__ import annotations

import html
import logging
import threading
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from journal.core import signs as core_signs
from journal.core.errors import JournalError
from journal.core.models import Entry
from journal.core.signs import POSSIBLE, PRESENT, SignResult
from journal.gui import qtsetup

if TYPE_CHECKING:
    from journal.core.store import Journal

log = logging.getLogger(__name__)
SYNC_LIMIT = 1000  # entries evaluated on the UI thread; more go to a background thread
EVIDENCE_SHOWN = 20  # evidence entries listed on a card; the rest are counted

_SUMMARY_MAX = 90
# Calm colours: amber for "present", slate for "possible" — never alarm red.
_CARD_STYLE = {
    PRESENT: "QFrame#signCard { border: 1px solid #e0b25c; border-left: 5px solid #d08a00;"
             " border-radius: 6px; background: #fffaf0; }",
    POSSIBLE: "QFrame#signCard { border: 1px solid #c5ccd6; border-left: 5px solid #8593a6;"
              " border-radius: 6px; background: #f7f9fb; }",
}
_CHIP_STYLE = {
    PRESENT: "QLabel { background: #f3d9a4; color: #5c3d00; border-radius: 8px; padding: 1px 8px; }",
    POSSIBLE: "QLabel { background: #dde3ea; color: #34404f; border-radius: 8px; padding: 1px 8px; }",
}
_EVIDENCE_STYLE = (
    "QPushButton#evidenceButton { text-align: left; border: none; padding: 2px 4px;"
    " color: palette(link); background: transparent; }"
    "QPushButton#evidenceButton:hover { text-decoration: underline; }"
    "QPushButton#evidenceButton:focus { outline: 1px dotted palette(link); }"
)
_REPORT_STYLE = ("QFrame#reportBox { border: 1px solid #9cc3a5; border-radius: 6px;"
                 " background: #f2f9f3; }")


def _wrap(text: str = "", *, bold: bool = False, selectable: bool = True) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


def _bullets(items: list[str]) -> QLabel:
    """A selectable label with a real bulleted list (wrapped lines keep their indent)."""
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    _set_bullets(label, items)
    return label


def _set_bullets(label: QLabel, items: list[str]) -> None:
    rows = "".join(f"<li>{html.escape(i)}</li>" for i in items)
    label.setText(f'<ul style="margin-top:0; margin-bottom:0; margin-left:0; -qt-list-indent:1;">'
                  f"{rows}</ul>")


def _entry_line(entry: Entry) -> str:
    when = entry.occurred_at
    date = when.strftime("%Y-%m") if entry.precision == "month" else when.strftime("%Y-%m-%d")
    if entry.precision == "approximate":
        date = "~" + date
    summary = " ".join(entry.summary.split())
    if len(summary) > _SUMMARY_MAX:
        summary = summary[: _SUMMARY_MAX - 1] + "…"
    return f"{date}  ·  {summary}"


def _evaluate(journal: Journal) -> tuple[list[SignResult], dict[str, Entry]]:
    """The signs and the evidence entries the cards show (at most EVIDENCE_SHOWN per sign)."""
    try:
        results = core_signs.evaluate_journal(journal)
        ids = list(dict.fromkeys(i for r in results for i in r.evidence[:EVIDENCE_SHOWN]))
        return results, ({e.id: e for e in journal.get_entries(ids)} if ids else {})
    except JournalError:
        log.warning("warning signs could not be evaluated", exc_info=True)
        return [], {}


class SignCard(QFrame):
    """One sign: title and level, explanation, what to do, evidence entries."""

    entryActivated = Signal(str)

    def __init__(self, result: SignResult, entries: dict[str, Entry], lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result = result
        self.setObjectName("signCard")
        self.setProperty("signId", result.id)
        self.setStyleSheet(_CARD_STYLE[result.level] + _EVIDENCE_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.setSpacing(6)

        head = QHBoxLayout()
        self.title = _wrap(result.title(lang), bold=True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.title.setObjectName("signTitle")
        self.chip = QLabel(self.tr("Present") if result.level == PRESENT else self.tr("Possible"))
        self.chip.setObjectName("signLevel")
        self.chip.setStyleSheet(_CHIP_STYLE[result.level])
        self.chip.setToolTip(
            self.tr("Your entries clearly show this pattern.") if result.level == PRESENT
            else self.tr("Your entries only hint at this pattern."))
        head.addWidget(self.title, 1)
        head.addWidget(self.chip, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(head)

        self.explanation = _wrap(result.explanation(lang))
        self.explanation.setObjectName("signExplanation")
        layout.addWidget(self.explanation)

        layout.addWidget(_wrap(self.tr("What to do"), bold=True, selectable=False))
        self.advice = _bullets(result.advice_steps(lang))
        self.advice.setObjectName("signAdvice")
        layout.addWidget(self.advice)

        layout.addWidget(_wrap(self.tr("Entries that show it:"), bold=True, selectable=False))
        self.evidence_buttons: list[QPushButton] = []
        for entry_id in result.evidence[:EVIDENCE_SHOWN]:
            entry = entries.get(entry_id)
            if entry is None:
                continue
            button = QPushButton(_entry_line(entry))
            button.setObjectName("evidenceButton")
            button.setProperty("entryId", entry_id)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setFlat(True)
            button.setToolTip(self.tr("Open this entry"))
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _c=False, i=entry_id: self.entryActivated.emit(i))
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
            self.evidence_buttons.append(button)
        hidden = len(result.evidence) - EVIDENCE_SHOWN
        if hidden > 0:
            more = _wrap(self.tr("… and %1 more entries (the PDF report lists them all).")
                         .replace("%1", str(hidden)), selectable=False)
            more.setObjectName("moreEvidence")
            layout.addWidget(more)


_MARKS = {PRESENT: "●", POSSIBLE: "●", None: "○"}


class ChecklistOverview(QFrame):
    """All twelve patterns at a glance: shown, hinted at, or not seen. Click one to go to it."""

    signClicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signsOverview")
        self.setStyleSheet("QFrame#signsOverview { border: 1px solid palette(mid); border-radius: 6px; }"
                           "QPushButton { text-align: left; border: none; padding: 1px 2px;"
                           " background: transparent; }")
        grid = QGridLayout(self)
        grid.setContentsMargins(12, 8, 12, 8)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(2)
        self.buttons: dict[str, QPushButton] = {}
        half = (len(core_signs.SIGN_IDS) + 1) // 2
        for n, sign_id in enumerate(core_signs.SIGN_IDS):
            b = QPushButton()
            b.setObjectName("overviewItem")
            b.setProperty("signId", sign_id)
            b.setFlat(True)
            b.clicked.connect(lambda _c=False, i=sign_id: self.signClicked.emit(i))
            grid.addWidget(b, n % half, n // half)
            self.buttons[sign_id] = b
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setContentsMargins(0, 6, 0, 0)
        grid.addWidget(self.legend, half, 0, 1, 2)

    def update_levels(self, levels: dict[str, str], lang: str) -> None:
        for sign_id, b in self.buttons.items():
            level = levels.get(sign_id)
            b.setText(f"{_MARKS[level]}  {core_signs.sign_title(sign_id, lang)}")
            b.setEnabled(level is not None)
            b.setProperty("level", level or "")
            font = b.font()
            font.setBold(level == PRESENT)
            b.setFont(font)
            colour = {PRESENT: "#9a6400", POSSIBLE: "#56657a"}.get(level or "", "#8a8f96")
            b.setStyleSheet(f"QPushButton {{ color: {colour}; }}")
            b.setCursor(Qt.CursorShape.PointingHandCursor if level else Qt.CursorShape.ArrowCursor)
        parts = (("#9a6400", "●", self.tr("shown by your entries")),
                 ("#56657a", "●", self.tr("hinted at")),
                 ("#8a8f96", "○", self.tr("not seen so far")))
        self.legend.setText("&nbsp;&nbsp;&nbsp;".join(
            f'<span style="color:{c}">{m}</span> <span style="color:#6b7280">{html.escape(t)}</span>'
            for c, m, t in parts))


class ReportBox(QFrame):
    """How to report — always shown, also when no sign was found."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportBox")
        self.setStyleSheet(_REPORT_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.setSpacing(6)
        self.heading = _wrap(bold=True, selectable=False)
        self.general = _wrap()
        self.steps = _bullets([])
        self.steps.setObjectName("reportSteps")
        layout.addWidget(self.heading)
        layout.addWidget(self.general)
        layout.addWidget(self.steps)
        self.retranslate()

    def retranslate(self) -> None:
        lang = qtsetup.current_lang()
        self.heading.setText(self.tr("How to report"))
        self.general.setText(self.tr(
            "If something worries you: stop the tasks quietly, do not confront the person, do not "
            "delete chats, keep the evidence, accept no more money or gifts, and talk to a teacher. "
            "Reporting is safe, and a teacher can go with you."))
        _set_bullets(self.steps, core_signs.how_to_report(lang))


class SignsView(QWidget):
    """The Warning signs page. ``set_journal(j)``; ``None`` (on lock) clears everything.

    A journal of up to SYNC_LIMIT entries is evaluated at once (well under a second); a larger
    one in a background thread, so the window never freezes (100,000 entries take ~30 s).
    """

    entryActivated = Signal(str)
    signsChanged = Signal(int)
    _evaluated = Signal(int, object)  # (generation, (results, entries) or None), worker → UI

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._journal: Journal | None = None
        self._generation = 0
        self.busy = False
        self._evaluated.connect(self._on_evaluated, Qt.ConnectionType.QueuedConnection)
        self.results: list[SignResult] = []
        self.cards: list[SignCard] = []
        self._entries: dict[str, Entry] = {}

        self.heading = _wrap(bold=True, selectable=False)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.heading.setFont(font)
        self.intro = _wrap(selectable=False)
        self.intro.setObjectName("signsIntro")
        self.summary = _wrap(selectable=False)
        self.summary.setObjectName("signsSummary")
        self.empty = _wrap(selectable=False)
        self.empty.setObjectName("signsEmpty")
        font = self.empty.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.empty.setFont(font)
        self.overview = ChecklistOverview()
        self.overview.signClicked.connect(self.scroll_to_sign)
        self.present_heading = _wrap(bold=True, selectable=False)
        self.possible_heading = _wrap(bold=True, selectable=False)
        self.report_box = ReportBox()

        self._cards_box = QWidget()
        self._cards_layout = QVBoxLayout(self._cards_box)
        self._cards_layout.setContentsMargins(0, 0, 0, 0)
        self._cards_layout.setSpacing(10)

        content = QWidget()
        content.setObjectName("signsContent")
        col = QVBoxLayout(content)
        col.setContentsMargins(20, 16, 20, 20)
        col.setSpacing(10)
        col.addWidget(self.heading)
        col.addWidget(self.intro)
        col.addWidget(self.summary)
        col.addWidget(self.empty)
        col.addWidget(self.overview)
        col.addWidget(self._cards_box)
        col.addWidget(self.report_box)
        col.addStretch(1)

        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)
        self._retranslate()
        self._rebuild()

    # public -------------------------------------------------------------------------------
    def set_journal(self, journal: Journal | None) -> None:
        self._journal = journal
        self.refresh()

    def refresh(self) -> None:
        """Re-evaluate the journal's entries (signs are computed, never stored)."""
        self._generation += 1
        journal = self._journal
        if journal is None:
            self.busy = False
            self._show([], {})
            return
        try:
            large = journal.count_entries() > SYNC_LIMIT
        except JournalError:
            large = False
        if not large:
            self.busy = False
            self._show(*_evaluate(journal))
            return
        self.busy = True
        self.summary.setText(self.tr("Checking your entries for warning signs…"))
        self.summary.setVisible(True)
        generation = self._generation
        threading.Thread(target=self._work, args=(journal, generation), daemon=True,
                         name="warning-signs").start()

    def _work(self, journal: Journal, generation: int) -> None:
        try:
            outcome: object = _evaluate(journal)
        except Exception:  # noqa: BLE001 - e.g. locked meanwhile; the stack trace goes to the log
            log.warning("warning signs: background evaluation stopped", exc_info=True)
            outcome = None
        self._evaluated.emit(generation, outcome)

    def _on_evaluated(self, generation: int, outcome: object) -> None:
        if generation != self._generation or self._journal is None:
            return  # a newer refresh, or the journal was locked meanwhile: drop it
        self.busy = False
        if outcome is None:
            self._show([], {})
            return
        results, entries = cast("tuple[list[SignResult], dict[str, Entry]]", outcome)
        self._show(results, entries)

    def _show(self, results: list[SignResult], entries: dict[str, Entry]) -> None:
        self.results = results
        self._entries = entries
        self._rebuild()
        self.signsChanged.emit(len(results))

    def scroll_to_sign(self, sign_id: str) -> None:
        for card in self.cards:
            if card.result.id == sign_id:
                content = self.scroll_area.widget()
                if content is None:
                    return
                y = card.mapTo(content, card.rect().topLeft()).y()
                self.scroll_area.verticalScrollBar().setValue(max(0, y - 8))
                return

    def evidence_buttons(self) -> list[QPushButton]:
        return [b for c in self.cards for b in c.evidence_buttons]

    # internals ----------------------------------------------------------------------------
    def _clear_cards(self) -> None:
        while self._cards_layout.count():
            item = self._cards_layout.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.hide()
                w.setParent(None)
                w.deleteLater()
        self.cards = []

    def _rebuild(self) -> None:
        self._clear_cards()
        lang = qtsetup.current_lang()
        entries = self._entries
        present = [r for r in self.results if r.level == PRESENT]
        possible = [r for r in self.results if r.level == POSSIBLE]
        has_journal = self._journal is not None
        self.empty.setVisible(has_journal and not self.results)
        self.summary.setVisible(bool(self.results))
        self.overview.setVisible(has_journal)
        self.overview.update_levels({r.id: r.level for r in self.results}, lang)
        if present and possible:
            text = self.tr("%1 shown by your entries, %2 hinted at.")
        elif present:
            text = self.tr("%1 shown by your entries.")
        else:
            text = self.tr("None clearly shown; %2 hinted at.")
        self.summary.setText(text.replace("%1", str(len(present))).replace("%2", str(len(possible))))
        for heading, group in ((self.present_heading, present), (self.possible_heading, possible)):
            if not group:
                continue
            label = _wrap(heading.text(), bold=True, selectable=False)
            label.setObjectName("presentHeading" if group is present else "possibleHeading")
            self._cards_layout.addWidget(label)
            for result in group:
                card = SignCard(result, entries, lang)
                card.entryActivated.connect(self.entryActivated)
                self._cards_layout.addWidget(card)
                self.cards.append(card)
        self._cards_box.setVisible(bool(self.cards))

    def _retranslate(self) -> None:
        self.heading.setText(self.tr("Warning signs"))
        self.intro.setText(self.tr(
            "This is a checklist of known recruitment patterns, compared with your own entries. "
            "It is not a verdict about anyone: it shows what to look at and what you can do."))
        self.empty.setText(self.tr("No warning signs found in your entries so far."))
        self.present_heading.setText(self.tr("Shown by your entries"))
        self.possible_heading.setText(self.tr("Hinted at — worth keeping an eye on"))
        self.report_box.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self._rebuild()
        super().changeEvent(event)
