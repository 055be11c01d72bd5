"""The Warning signs page: a calm checklist of the recruitment patterns the journal's entries show.

Present signs first, then possible ones; each with its explanation, why it shows (the words and
fields of the entries, in plain words), what to do, and the entries that show it (click one to
open it). The user can set a sign aside as "not this" with a short reason: it moves, greyed and
with the reason, to the end ("Count it again" undoes it). At the bottom, always: how to report.
The signs are computed by :mod:`journal.core.signs` on every refresh; only the user's dismissals
are stored (in the journal, audited).
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, Signal, Slot
from PySide6.QtGui import QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QVBoxLayout,
    QWidget,
)

from journal.core import signs as core_signs
from journal.core.errors import JournalError
from journal.core.models import Entry
from journal.core.signs import POSSIBLE, PRESENT, SignResult
from journal.core.timeparse import show_when
from journal.gui import dialogs, qtsetup
from journal.gui.fit import ScrolledPage
from journal.gui.signs.held import hold
from journal.gui.worker import BackgroundTask, Progress, run_in_background

if TYPE_CHECKING:
    from journal.core.store import Journal

log = logging.getLogger(__name__)
SYNC_LIMIT = 1000  # entries evaluated on the UI thread; more go to a background thread
EVIDENCE_SHOWN = core_signs.REASONS_LISTED  # evidence entries (and reasons) a card lists;
# the rest are counted

_SUMMARY_MAX = 90
# Calm colours: amber for "present", slate for "possible" — never alarm red.
_CARD_STYLE = {
    PRESENT: "QFrame#signCard { border: 1px solid #e0b25c; border-left: 5px solid #d08a00;"
             " border-radius: 6px; background: #fffaf0; }",
    POSSIBLE: "QFrame#signCard { border: 1px solid #c5ccd6; border-left: 5px solid #8593a6;"
              " border-radius: 6px; background: #f7f9fb; }",
}
_DISMISSED_CARD_STYLE = ("QFrame#signCard { border: 1px dashed #c9ced6; border-radius: 6px;"
                         " background: #f4f5f7; } QLabel { color: #6b7280; }")
_DISMISSED_CHIP_STYLE = ("QLabel { background: #e5e7eb; color: #4b5563; border-radius: 8px;"
                         " padding: 1px 8px; }")
_ERROR_STYLE = "QLabel { color: #a61b1b; }"
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


def _entry_line(entry: Entry, lang: str) -> str:
    date = show_when(entry.occurred_at, entry.precision or "exact", lang)  # the one display rule
    summary = " ".join(entry.summary.split())
    if len(summary) > _SUMMARY_MAX:
        summary = summary[: _SUMMARY_MAX - 1] + "…"
    return f"{date}  ·  {summary}"


class EvidenceButton(QPushButton):
    """An evidence entry's date and summary, as a link-like button. On a narrow window (800×600)
    the line is elided at the card's edge instead of making the page wider than the window: the
    whole line stays the button's text (read by screen readers) and is its tooltip when cut."""

    MIN_EM = 12  # the least width asked for: the date and the start of the summary

    def __init__(self, text: str, tooltip: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._tooltip = tooltip
        self.setToolTip(tooltip)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        least = self.fontMetrics().horizontalAdvance("M") * self.MIN_EM
        return QSize(min(hint.width(), least), hint.height())

    def _text_room(self) -> int:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        return self.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option,
                                           self).width()

    def is_elided(self) -> bool:
        return self.fontMetrics().horizontalAdvance(self.text()) > self._text_room()

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt's name
        super().resizeEvent(event)
        self.setToolTip(f"{self.text()}\n{self._tooltip}" if self.is_elided() else self._tooltip)

    def paintEvent(self, event: QPaintEvent) -> None:  # Qt's name
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight,
                                                    self._text_room())
        QStylePainter(self).drawControl(QStyle.ControlElement.CE_PushButton, option)


Evaluation = tuple[list[SignResult], dict[str, Entry]]


def _evaluate(journal: Journal, progress: Progress | None = None) -> Evaluation:
    """The signs and the evidence entries the cards show (at most EVIDENCE_SHOWN per sign).
    ``progress`` follows a rebuild of the stored facts (after an update of the rules)."""
    results = hold(core_signs.evaluate_journal(journal, progress))  # (its memory let go)
    ids = list(dict.fromkeys(i for r in results for i in r.evidence[:EVIDENCE_SHOWN]))
    return results, ({e.id: e for e in journal.get_entries(ids)} if ids else {})


def evaluate(journal: Journal, progress: Progress | None = None) -> Evaluation:
    """What the page shows, evaluated by the window once for its section list, the Overview and
    this page (:mod:`journal.gui.shell.signs`)."""
    return _evaluate(journal, progress)


def _wipe(widget: QWidget) -> None:
    """Empty every text a detached card shows."""
    for label in widget.findChildren(QLabel):
        label.clear()
        label.setToolTip("")
    for button in widget.findChildren(QAbstractButton):
        button.setText("")
        button.setToolTip("")
    for edit in widget.findChildren(QLineEdit):
        edit.clear()


class SignCard(QFrame):
    """One sign: title and level, explanation, why (reasons), what to do, evidence entries, and
    the user's "not this" (or, once set aside: greyed, the reason, and "Count it again")."""

    entryActivated = Signal(str)
    dismissRequested = Signal(str, str)  # sign id, reason
    undismissRequested = Signal(str)  # sign id

    def __init__(self, result: SignResult, entries: dict[str, Entry], lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result = result
        dismissed = result.dismissed is not None
        self.setObjectName("signCard")
        self.setProperty("signId", result.id)
        self.setProperty("dismissed", dismissed)
        self.setStyleSheet((_DISMISSED_CARD_STYLE if dismissed else _CARD_STYLE[result.level])
                           + _EVIDENCE_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.setSpacing(6)

        head = QHBoxLayout()
        self.title = _wrap(result.title(lang), bold=True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.title.setObjectName("signTitle")
        if dismissed:
            self.chip = QLabel(self.tr("Set aside by you"))
            self.chip.setStyleSheet(_DISMISSED_CHIP_STYLE)
            self.chip.setToolTip(self.tr("You judged that this does not fit your situation. It is "
                                         "not counted and the PDF report lists it apart."))
        else:
            self.chip = QLabel(self.tr("Present") if result.level == PRESENT else self.tr("Possible"))
            self.chip.setStyleSheet(_CHIP_STYLE[result.level])
            self.chip.setToolTip(
                self.tr("Your entries clearly show this pattern.") if result.level == PRESENT
                else self.tr("Your entries only hint at this pattern."))
        self.chip.setObjectName("signLevel")
        head.addWidget(self.title, 1)
        head.addWidget(self.chip, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(head)

        self.dismissed_label: QLabel | None = None
        if result.dismissed is not None:
            self.dismissed_label = _wrap(self.tr("You set this aside: “%1”")
                                         .replace("%1", result.dismissed.reason))
            self.dismissed_label.setObjectName("dismissedReason")
            layout.addWidget(self.dismissed_label)

        self.explanation = _wrap(result.explanation(lang))
        self.explanation.setObjectName("signExplanation")
        layout.addWidget(self.explanation)

        self.reasons: QLabel | None = None
        # worded for the entries the card lists alone (a sign may rest on tens of thousands)
        reasons = result.first_reasons(EVIDENCE_SHOWN)[:EVIDENCE_SHOWN]
        if reasons:
            layout.addWidget(_wrap(self.tr("Why it shows"), bold=True, selectable=False))
            self.reasons = _bullets([r.text(lang) for r in reasons])
            self.reasons.setObjectName("signReasons")
            layout.addWidget(self.reasons)

        if not dismissed:
            layout.addWidget(_wrap(self.tr("What to do"), bold=True, selectable=False))
        self.advice = _bullets(result.advice_steps(lang))
        self.advice.setObjectName("signAdvice")
        self.advice.setVisible(not dismissed)
        layout.addWidget(self.advice)

        layout.addWidget(_wrap(self.tr("Entries that show it:"), bold=True, selectable=False))
        self.evidence_buttons: list[QPushButton] = []
        for entry_id in result.evidence[:EVIDENCE_SHOWN]:
            entry = entries.get(entry_id)
            if entry is None:
                continue
            button = EvidenceButton(_entry_line(entry, lang), self.tr("Open this entry"))
            button.setObjectName("evidenceButton")
            button.setProperty("entryId", entry_id)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setFlat(True)
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
        layout.addLayout(self._judgement_row(dismissed))

    def _judgement_row(self, dismissed: bool) -> QVBoxLayout:
        """"Not this…" with an inline reason box, or "Count it again" once set aside."""
        box = QVBoxLayout()
        box.setSpacing(4)
        row = QHBoxLayout()
        if dismissed:
            self.undismiss_button = QPushButton(self.tr("Count it again"))
            self.undismiss_button.setObjectName("undismissButton")
            self.undismiss_button.clicked.connect(
                lambda: self.undismissRequested.emit(self.result.id))
            row.addWidget(self.undismiss_button)
            row.addStretch(1)
            box.addLayout(row)
            return box
        self.dismiss_button = QPushButton(self.tr("Not this…"))
        self.dismiss_button.setObjectName("dismissButton")
        self.dismiss_button.setToolTip(self.tr(
            "If you are sure this does not fit your situation, set it aside with a short reason."))
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("dismissReason")
        self.reason_edit.setPlaceholderText(self.tr("Why does this not fit? (a few words)"))
        self.reason_edit.setMaxLength(400)
        self.confirm_button = QPushButton(self.tr("Set aside"))
        self.confirm_button.setObjectName("confirmDismiss")
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancelDismiss")
        for w in (self.reason_edit, self.confirm_button, self.cancel_button):
            w.setVisible(False)
        self.dismiss_error = _wrap(selectable=False)
        self.dismiss_error.setObjectName("dismissError")
        self.dismiss_error.setStyleSheet(_ERROR_STYLE)
        self.dismiss_error.setVisible(False)
        self.dismiss_button.clicked.connect(lambda: self._editing(True))
        self.cancel_button.clicked.connect(lambda: self._editing(False))
        self.confirm_button.clicked.connect(self._confirm)
        self.reason_edit.returnPressed.connect(self._confirm)
        row.addWidget(self.dismiss_button)
        row.addWidget(self.reason_edit, 1)
        row.addWidget(self.confirm_button)
        row.addWidget(self.cancel_button)
        row.addStretch(1)
        box.addLayout(row)
        box.addWidget(self.dismiss_error)
        return box

    def _editing(self, on: bool) -> None:
        self.dismiss_button.setVisible(not on)
        for w in (self.reason_edit, self.confirm_button, self.cancel_button):
            w.setVisible(on)
        self.dismiss_error.setVisible(False)
        if on:
            self.reason_edit.setFocus()
        else:
            self.reason_edit.clear()

    def _confirm(self) -> None:
        self.dismissRequested.emit(self.result.id, self.reason_edit.text())

    def show_error(self, text: str) -> None:
        self.dismiss_error.setText(text)
        self.dismiss_error.setVisible(True)

    def set_read_only(self, read_only: bool) -> None:
        """A journal that may only be read: the judgement buttons are off (their tooltip says
        why) and an open "Not this…" editor is closed."""
        why = self.tr("This journal is open read-only, so nothing can be set aside or counted "
                      "again here.") if read_only else ""
        if hasattr(self, "undismiss_button"):
            self.undismiss_button.setEnabled(not read_only)
            self.undismiss_button.setToolTip(why)
            return
        if read_only:
            self._editing(False)
        self.dismiss_button.setEnabled(not read_only)
        self.dismiss_button.setToolTip(why or self.tr(
            "If you are sure this does not fit your situation, set it aside with a short reason."))
        for w in (self.reason_edit, self.confirm_button):
            w.setEnabled(not read_only)


_MARKS = {PRESENT: "●", POSSIBLE: "●", None: "○", "dismissed": "–"}


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
        self._grid = grid
        self.columns = 2
        self.buttons: dict[str, QPushButton] = {}
        for sign_id in core_signs.SIGN_IDS:
            b = QPushButton()
            b.setObjectName("overviewItem")
            b.setProperty("signId", sign_id)
            b.setFlat(True)
            # long titles must not make the page wider than the window (the tooltip has it all)
            b.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            b.setMinimumWidth(160)
            b.clicked.connect(lambda _c=False, i=sign_id: self.signClicked.emit(i))
            self.buttons[sign_id] = b
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setContentsMargins(0, 6, 0, 0)
        self._place(2)

    def _place(self, columns: int) -> None:
        """The twelve titles in ``columns`` columns (one when two would cut the titles off)."""
        self.columns = columns
        for b in self.buttons.values():
            self._grid.removeWidget(b)
        self._grid.removeWidget(self.legend)
        rows = (len(self.buttons) + columns - 1) // columns
        for n, b in enumerate(self.buttons.values()):
            self._grid.addWidget(b, n % rows, n // rows)
        self._grid.addWidget(self.legend, rows, 0, 1, columns)

    def _columns_that_fit(self, width: int) -> int:
        margins = self._grid.contentsMargins()
        widest = max(b.sizeHint().width() for b in self.buttons.values())
        two = 2 * widest + self._grid.horizontalSpacing() + margins.left() + margins.right()
        return 2 if width >= two else 1

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt's name
        super().resizeEvent(event)
        columns = self._columns_that_fit(event.size().width())
        if columns != self.columns:
            self._place(columns)

    def update_levels(self, levels: dict[str, str], lang: str) -> None:
        for sign_id, b in self.buttons.items():
            level = levels.get(sign_id)
            b.setText(f"{_MARKS[level]}  {core_signs.sign_title(sign_id, lang)}")
            b.setToolTip(core_signs.sign_title(sign_id, lang))
            b.setEnabled(level is not None)
            b.setProperty("level", level or "")
            font = b.font()
            font.setBold(level == PRESENT)
            b.setFont(font)
            colour = {PRESENT: "#9a6400", POSSIBLE: "#56657a", "dismissed": "#a0a6ae"}.get(
                level or "", "#8a8f96")
            b.setStyleSheet(f"QPushButton {{ color: {colour}; }}")
            b.setCursor(Qt.CursorShape.PointingHandCursor if level else Qt.CursorShape.ArrowCursor)
        if self.width() > 0:  # longer titles (another language) may need one column
            columns = self._columns_that_fit(self.width())
            if columns != self.columns:
                self._place(columns)
        parts = [("#9a6400", "●", self.tr("shown by your entries")),
                 ("#56657a", "●", self.tr("hinted at")),
                 ("#8a8f96", "○", self.tr("not seen so far"))]
        if "dismissed" in levels.values():
            parts.append(("#a0a6ae", "–", self.tr("set aside by you")))
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
    one in a background task (:mod:`journal.gui.worker`), so the window never freezes. The
    evaluation reads the facts stored with each entry; when they must first be rebuilt (after an
    update of the rules: minutes at 100,000 entries) that runs in the background too, with its
    progress in the summary line. A result that arrives after a newer refresh, a lock or the
    view's deletion is dropped.
    """

    entryActivated = Signal(str)
    signsChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._journal: Journal | None = None
        self._evaluated_elsewhere = False
        self.task: BackgroundTask | None = None  # the evaluation running in the background
        self.results: list[SignResult] = []
        self.cards: list[SignCard] = []
        self._entries: dict[str, Entry] = {}
        self._read_only = False

        self.heading = _wrap(bold=True, selectable=False)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.heading.setFont(font)
        self.intro = _wrap(selectable=False)
        self.intro.setObjectName("signsIntro")
        self.summary = _wrap(selectable=False)
        self.summary.setObjectName("signsSummary")
        self.read_only_note = _wrap(selectable=False)  # why the judgement buttons are off
        self.read_only_note.setObjectName("signsReadOnly")
        self.read_only_note.setStyleSheet("QLabel { background: #fff4ce; color: #3b2f00;"
                                          " border: 1px solid #e0c56b; padding: 6px 10px; }")
        self.read_only_note.setVisible(False)
        self.empty = _wrap(selectable=False)
        self.empty.setObjectName("signsEmpty")
        font = self.empty.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.empty.setFont(font)
        self.overview = ChecklistOverview()
        self.overview.signClicked.connect(self.scroll_to_sign)
        self.present_heading = _wrap(bold=True, selectable=False)
        self.possible_heading = _wrap(bold=True, selectable=False)
        self.set_aside_heading = _wrap(bold=True, selectable=False)
        self.report_box = ReportBox()

        self._cards_box = QWidget()
        self._cards_layout = QVBoxLayout(self._cards_box)
        self._cards_layout.setContentsMargins(0, 0, 0, 0)
        self._cards_layout.setSpacing(10)

        content = ScrolledPage()  # ends at the last card, not a screen of blank space later
        content.setObjectName("signsContent")
        col = QVBoxLayout(content)
        col.setContentsMargins(20, 16, 20, 20)
        col.setSpacing(10)
        col.addWidget(self.heading)
        col.addWidget(self.intro)
        col.addWidget(self.summary)
        col.addWidget(self.read_only_note)
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
        self._evaluated_elsewhere = False
        self.refresh()

    def show_evaluation(self, journal: Journal | None, outcome: Evaluation | None) -> None:
        """Show signs evaluated elsewhere (the window evaluates them once for its section list,
        the Overview and this page); ``None``: being evaluated. After the user sets a sign aside
        the window evaluates again and hands the result here."""
        if self.task is not None:
            self.task.cancel()
            self.task = None
        self._journal = journal
        self._evaluated_elsewhere = journal is not None
        if journal is None or outcome is None:
            if journal is None:
                self._show([], {})
            else:
                self.summary.setText(self.tr("Checking your entries for warning signs…"))
                self.summary.setVisible(True)
            return
        self._show(*outcome)

    def show_rebuilding(self, done: int, total: int) -> None:
        """Progress of the window's evaluation while it rebuilds the stored facts."""
        self._rebuilding(done, total)

    def evidence_entries(self) -> dict[str, Entry]:
        """The evidence entries the cards show (by id)."""
        return dict(self._entries)

    def set_read_only(self, read_only: bool) -> None:
        """The window found the journal read-only (or damaged): the signs can be read, not set
        aside or counted again; the page says why."""
        self._read_only = read_only
        self._apply_read_only()

    def _apply_read_only(self) -> None:
        journal = self._journal
        read_only = journal is not None and (
            self._read_only or not bool(getattr(journal, "writable", True)))
        self.read_only_note.setVisible(read_only and bool(self.cards))
        for card in self.cards:
            card.set_read_only(read_only)

    @property
    def busy(self) -> bool:
        return self.task is not None

    def refresh(self) -> None:
        """Re-evaluate the journal's entries (signs are computed, never stored)."""
        if self.task is not None:
            self.task.cancel()  # its result is dropped; the newest refresh wins
            self.task = None
        journal = self._journal
        if journal is None:
            self._show([], {})
            return
        try:
            rebuild = journal.writable and not journal.sign_facts_current()
            if not rebuild and journal.count_entries() <= SYNC_LIMIT:
                self._show(*_evaluate(journal))
                return
        except JournalError as exc:
            self._failed(exc)
            return
        self.summary.setText(self.tr("Checking your entries for warning signs…"))
        self.summary.setVisible(True)
        self.task = run_in_background(lambda progress: _evaluate(journal, progress), self,
                                      done=self._evaluated, failed=self._failed,
                                      name="warning-signs")
        self.task.progressed.connect(self._rebuilding)

    @Slot(int, int)
    def _rebuilding(self, done: int, total: int) -> None:
        """Progress of the rebuild of the stored facts (only after an update of the rules)."""
        self.summary.setText(
            self.tr("Updating what each entry contributes to the warning signs (once, after an "
                    "update of the program): %1 of %2 entries…")
            .replace("%1", f"{done:,}").replace("%2", f"{total:,}"))
        self.summary.setVisible(True)

    def _evaluated(self, outcome: Evaluation) -> None:
        self.task = None
        self._show(*outcome)

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self._show([], {})
        dialogs.show_error(self, exc)

    def _show(self, results: list[SignResult], entries: dict[str, Entry]) -> None:
        self.results = results
        self._entries = entries
        self._rebuild()
        self.signsChanged.emit(sum(r.dismissed is None for r in results))

    def _dismiss(self, sign_id: str, reason: str) -> None:
        self._judge(sign_id, lambda j: core_signs.dismiss(j, sign_id, reason))

    def _undismiss(self, sign_id: str) -> None:
        self._judge(sign_id, lambda j: core_signs.undismiss(j, sign_id))

    def _judge(self, sign_id: str, change: Callable[[Journal], object]) -> None:
        """Store the user's judgement, then show the signs again; a refusal is shown on the card."""
        journal = self._journal
        if journal is None:
            return
        try:
            change(journal)
        except JournalError as exc:
            for card in self.cards:
                if card.result.id == sign_id and hasattr(card, "dismiss_error"):
                    card.show_error(exc.message(qtsetup.current_lang()))
            log.info("warning-sign judgement refused: %s", exc.key)
            return
        if not self._evaluated_elsewhere:  # (else the window evaluates after the change)
            self.refresh()

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
                _wipe(w)  # until it is deleted it holds no entry summaries, quotes or reasons
                w.setParent(None)
                w.deleteLater()
        self.cards = []

    def _rebuild(self) -> None:
        self._clear_cards()
        lang = qtsetup.current_lang()
        entries = self._entries
        counted = [r for r in self.results if r.dismissed is None]
        present = [r for r in counted if r.level == PRESENT]
        possible = [r for r in counted if r.level == POSSIBLE]
        set_aside = [r for r in self.results if r.dismissed is not None]
        has_journal = self._journal is not None
        self.empty.setVisible(has_journal and not counted)
        self.summary.setVisible(bool(counted))
        self.overview.setVisible(has_journal)
        self.overview.update_levels(
            {r.id: (r.level if r.dismissed is None else "dismissed") for r in self.results}, lang)
        if present and possible:
            text = self.tr("%1 shown by your entries, %2 hinted at.")
        elif present:
            text = self.tr("%1 shown by your entries.")
        else:
            text = self.tr("None clearly shown; %2 hinted at.")
        self.summary.setText(text.replace("%1", str(len(present))).replace("%2", str(len(possible))))
        for heading, group, name in ((self.present_heading, present, "presentHeading"),
                                     (self.possible_heading, possible, "possibleHeading"),
                                     (self.set_aside_heading, set_aside, "setAsideHeading")):
            if not group:
                continue
            label = _wrap(heading.text(), bold=True, selectable=False)
            label.setObjectName(name)
            self._cards_layout.addWidget(label)
            for result in group:
                card = SignCard(result, entries, lang)
                card.entryActivated.connect(self.entryActivated)
                card.dismissRequested.connect(self._dismiss)
                card.undismissRequested.connect(self._undismiss)
                self._cards_layout.addWidget(card)
                self.cards.append(card)
        self._cards_box.setVisible(bool(self.cards))
        self._apply_read_only()

    def _retranslate(self) -> None:
        self.heading.setText(self.tr("Warning signs"))
        self.intro.setText(self.tr(
            "This is a checklist of known recruitment patterns, compared with your own entries. "
            "It is not a verdict about anyone: it shows what to look at and what you can do."))
        self.empty.setText(self.tr("No warning signs found in your entries so far."))
        self.present_heading.setText(self.tr("Shown by your entries"))
        self.possible_heading.setText(self.tr("Hinted at — worth keeping an eye on"))
        self.set_aside_heading.setText(self.tr("Set aside by you — not counted"))
        self.read_only_note.setText(self.tr(
            "This journal is open read-only: you can read the signs, but not set one aside or "
            "count it again. The bar at the top of the window says why."))
        self.report_box.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self._rebuild()
        super().changeEvent(event)
