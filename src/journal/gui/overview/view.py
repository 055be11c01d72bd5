"""The Overview page, the first page after unlocking: the picture of what happened, the people
involved, and the short narrative (the text of ``journal-cli export text``) with "Copy".

Every text comes from the core's catalog (``overview.*``), in the window's language. On lock
(``set_journal(None)``) the data, the picture, the people and the narrative are all dropped.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from journal.core.errors import JournalError
from journal.core.overview import Counterpart, OverviewData, overview_data, overview_people
from journal.core.overview.labels import short_amount
from journal.core.overview.texts import t
from journal.core.report.texts import handle_name
from journal.gui import qtsetup
from journal.gui.overview.picture import OverviewPicture
from journal.gui.worker import BackgroundTask

if TYPE_CHECKING:
    from journal.core.store import Journal

log = logging.getLogger(__name__)

SYNC_LIMIT = 1000  # larger journals get their people and narrative from a background thread
PICTURE_MIN_H = 430


def _label(text: str = "", *, bold: bool = False, scale: float = 1.0) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if bold or scale != 1.0:
        font = label.font()
        font.setBold(bold)
        if scale != 1.0:
            font.setPointSizeF(font.pointSizeF() * scale)
        label.setFont(font)
    return label


def person_lines(c: Counterpart, lang: str) -> list[str]:
    """What the window shows about one person, line by line."""
    colon = "：" if lang == "zh" else ": "
    sep = "，" if lang == "zh" else ", "
    lines: list[str] = []
    if c.claims:
        lines.append(c.claims)
    if c.handles:
        for kind, values in c.handles:
            lines.append(handle_name(kind, lang) + colon + sep.join(values))
    else:
        lines.append(t("overview.people.no_handles", lang))
    if c.channels:
        lines.append(t("overview.people.channels", lang, channels=sep.join(c.channels)))
    if c.first is not None:
        last = c.last or c.first
        lines.append(t("overview.people.first_last", lang, first=c.first.shown(lang, "day"), last=last.shown(lang, "day")))
    lines.append(t("overview.people.totals", lang, entries=c.entries, requests=c.requests))
    if c.received:
        lines.append(t("overview.people.received", lang,
                       amounts=sep.join(short_amount(a, cur) for cur, a in c.received.items())))
    if c.gifts:
        lines.append(t("overview.people.gifts", lang,
                       amounts=sep.join(short_amount(a, cur) for cur, a in c.gifts.items())))
    return lines


class PersonCard(QFrame):
    def __init__(self, c: Counterpart, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overviewPerson")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.person_id = c.id
        col = QVBoxLayout(self)
        col.setContentsMargins(10, 8, 10, 8)
        col.setSpacing(2)
        name = c.name + (" " + t("overview.people.trusted", lang) if c.trusted else "")
        self.name = _label(name, bold=True)
        col.addWidget(self.name)
        self.details = _label("\n".join(person_lines(c, lang)))
        col.addWidget(self.details)


class OverviewView(QWidget):
    entryActivated = Signal(str)
    copyText = Signal(str)  # the window's clipboard guard copies (and clears it later)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._journal: Journal | None = None
        self._signs: list[Any] | None = None
        self._large: bool | None = None  # decided from the picture's count on each refresh
        self._people: list[Counterpart] | None = None  # a large journal's, read in a thread
        self._generation = 0
        self.data: OverviewData | None = None
        self.narrative_busy = False
        self._narrative_has_signs = False  # a large journal's narrative made with the signs

        self.heading = _label(bold=True, scale=1.4)
        self.hint = _label()
        self.hint.setObjectName("overviewHint")
        self.picture = OverviewPicture()
        self.picture.entryActivated.connect(self.entryActivated)
        self.picture.painted.connect(self._picture_painted)
        self._start_narrative: Callable[[], None] | None = None
        self.people_heading = _label(bold=True, scale=1.15)
        self.people_box = QWidget()
        self.people_layout = QVBoxLayout(self.people_box)
        self.people_layout.setContentsMargins(0, 0, 0, 0)
        self.people_layout.setSpacing(6)
        self.people_empty = _label()
        self.cards: list[PersonCard] = []
        self.narrative_heading = _label(bold=True, scale=1.15)
        self.narrative = QPlainTextEdit()
        self.narrative.setObjectName("overviewNarrative")
        self.narrative.setReadOnly(True)
        self.narrative.setMinimumHeight(140)
        self.copy_button = QPushButton()
        self.copy_button.setObjectName("overviewCopy")
        self.copy_button.clicked.connect(self.copy_narrative)
        self.copied = _label()
        self.copied.setObjectName("overviewCopied")

        lower = QHBoxLayout()
        lower.setSpacing(16)
        people_col = QVBoxLayout()
        people_col.addWidget(self.people_heading)
        people_col.addWidget(self.people_empty)
        people_col.addWidget(self.people_box)
        people_col.addStretch(1)
        text_col = QVBoxLayout()
        head_row = QHBoxLayout()
        head_row.addWidget(self.narrative_heading, 1)
        head_row.addWidget(self.copy_button)
        text_col.addLayout(head_row)
        text_col.addWidget(self.narrative, 1)
        text_col.addWidget(self.copied)
        lower.addLayout(people_col, 1)
        lower.addLayout(text_col, 1)

        content = QWidget()
        content.setObjectName("overviewContent")
        col = QVBoxLayout(content)
        col.setContentsMargins(16, 12, 16, 16)
        col.setSpacing(8)
        col.addWidget(self.heading)
        col.addWidget(self.hint)
        col.addWidget(self.picture, 1)
        col.addLayout(lower)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)
        self._retranslate()
        self._show_nothing()

    # public -------------------------------------------------------------------------------
    def set_journal(self, journal: Journal | None) -> None:
        self._journal = journal
        self._signs = None
        self._people = None
        self.refresh()

    def set_signs(self, results: list[Any] | None) -> None:
        """The warning signs the signs page evaluated (it does so in the background for large
        journals); the picture then marks where each first shows."""
        if self._journal is None:
            return
        self._signs = list(results or [])
        self._load_data()
        if self._large and self._start_narrative is None and not self.narrative_busy \
                and not self._narrative_has_signs:  # a large journal's narrative: now with them
            self._narrate_in_background(self._generation)

    def forget_signs(self) -> None:
        """Let go of the signs handed over (the window evaluated newer ones while another page
        was shown, and hands those over when this page is shown again): a page out of sight
        keeps no second evaluation alive. What is on the page stays as it is until then."""
        self._signs = None

    def refresh(self) -> None:
        self._generation += 1
        if self._journal is None:
            self._show_nothing()
            return
        self._large = None
        self._people = None
        self._load_data()
        self._load_narrative()

    def copy_narrative(self) -> None:
        text = self.narrative.toPlainText()
        if text:
            self.copyText.emit(text)
            self.copied.setText(t("overview.copied", self._lang()))

    # internals ----------------------------------------------------------------------------
    @staticmethod
    def _lang() -> str:
        return qtsetup.current_lang()

    def _show_nothing(self) -> None:
        self.data = None
        self._narrative_has_signs = False
        self.narrative_busy = False
        self.picture.set_data(None)
        self.narrative.clear()
        self.copied.clear()
        self.people_empty.setText(t("overview.people.none", self._lang()))
        self._set_people([])

    def _load_data(self) -> None:
        journal = self._journal
        if journal is None:
            return
        lang = self._lang()
        try:
            # signs=None would evaluate them here; the signs page hands them over instead
            signs = self._signs if self._signs is not None else []
            data = overview_data(journal, lang, signs=signs, people=False)
            data.signs_pending = self._signs is None and not data.empty
            if self._large is None:
                self._large = data.total > SYNC_LIMIT
            if not self._large and self._people is None:
                self._people = overview_people(journal, lang)
            # a large journal's picture comes first: its people follow from a thread
            data.counterparts = list(self._people or [])
        except JournalError:
            log.warning("overview could not be read", exc_info=True)
            self._show_nothing()
            return
        self.data = data
        self.picture.set_data(data)
        if self._people is not None:
            self._set_people(data.counterparts)

    def _set_people(self, people: list[Counterpart]) -> None:
        for card in self.cards:
            self.people_layout.removeWidget(card)
            card.hide()
            # deleteLater() waits for the event loop: empty the texts now (lock drops content)
            card.name.clear()
            card.details.clear()
            card.deleteLater()
        self.cards = []
        lang = self._lang()
        for c in people:
            card = PersonCard(c, lang)
            self.people_layout.addWidget(card)
            self.cards.append(card)
        self.people_empty.setVisible(not people and self._journal is not None)

    def _load_narrative(self) -> None:
        journal = self._journal
        if journal is None:
            return
        generation = self._generation
        lang = self._lang()
        self.copied.clear()
        self._narrative_has_signs = False
        if not self._large:
            self._on_narrated(generation, _narrative(journal, lang))
            return
        # A large journal: the people, then the entries for the narrative, are read in threads
        # that start once the picture is on screen; the narrative without the warning signs (the
        # signs page evaluates them; set_signs adds them to the narrative).
        self.narrative_busy = True
        self.narrative.setPlainText("…")
        self.people_empty.setText("…")
        self.people_empty.setVisible(True)

        def start() -> None:
            if generation != self._generation or self._journal is not journal:
                return
            # (gui/worker.py: a result for a locked or deleted page is dropped)
            BackgroundTask(lambda _progress: _read_people(journal, lang), self,
                           done=lambda people: self._on_people(generation, people),
                           name="overview-people").start()
            self._narrate_in_background(generation)

        self._start_narrative = start
        if not self.picture.isVisible():  # not on screen (another page is shown): start now
            QTimer.singleShot(0, start)

    def _picture_painted(self) -> None:
        start, self._start_narrative = self._start_narrative, None
        if start is not None:
            start()

    def _on_people(self, generation: int, people: list[Counterpart] | None) -> None:
        if generation != self._generation or self._journal is None:
            return  # a newer refresh, or locked meanwhile: drop it
        self._people = list(people or [])
        if self.data is not None:
            self.data.counterparts = list(self._people)
        self.people_empty.setText(t("overview.people.none", self._lang()))
        self._set_people(self._people)

    def _narrate_in_background(self, generation: int) -> None:
        """A large journal's narrative (the streamed ``export text``) in a thread, with the
        signs the window evaluated when they are there (never evaluated a second time here)."""
        journal = self._journal
        if journal is None or generation != self._generation:
            return
        lang = self._lang()
        with_signs = self._signs is not None
        signs = list(self._signs or [])  # none yet: the narrative without them, for now
        self.narrative_busy = True
        BackgroundTask(lambda _progress: _narrative(journal, lang, signs), self,
                       done=lambda text: self._on_narrated(generation, text, with_signs),
                       name="overview-narrative").start()

    def _on_narrated(self, generation: int, outcome: object, with_signs: bool = True) -> None:
        if generation != self._generation or self._journal is None:
            return  # a newer refresh, or locked meanwhile: drop it
        self.narrative_busy = False
        self._narrative_has_signs = with_signs
        text = str(outcome) if outcome else None
        self.narrative.setPlainText(text or "")
        self.copy_button.setEnabled(bool(text))
        if not with_signs and self._signs is not None:  # the signs came while it was made
            self._narrate_in_background(generation)

    def _retranslate(self) -> None:
        lang = self._lang()
        self.heading.setText(t("overview.heading", lang))
        self.hint.setText(t("overview.open_hint", lang))
        self.people_heading.setText(t("overview.people", lang))
        self.people_empty.setText(t("overview.people.none", lang))
        self.narrative_heading.setText(t("overview.narrative", lang))
        self.copy_button.setText(t("overview.copy", lang))

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt's name
        # the picture takes most of the visible height; people and narrative follow below
        self.picture.set_height(max(PICTURE_MIN_H, int(self.height() * 0.82) - 60))
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def _read_people(journal: Journal, lang: str) -> list[Counterpart] | None:
    try:
        return overview_people(journal, lang)
    except JournalError as exc:  # e.g. locked meanwhile: nothing to show any more
        log.info("overview: people not read (%s)", exc.key)
        return None
    except Exception:  # the stack trace goes to the log
        log.warning("overview: the people could not be read", exc_info=True)
        return None


def _narrative(journal: Journal, lang: str, signs: list[Any] | None = None) -> str | None:
    from journal.core.report.options import ReportOptions
    from journal.core.report.text import build_text

    try:
        return build_text(journal, ReportOptions(lang=lang), signs)
    except JournalError as exc:  # e.g. locked meanwhile: nothing to show any more
        log.info("overview: narrative not made (%s)", exc.key)
        return None
    except Exception:  # the stack trace goes to the log
        log.warning("overview: the narrative could not be made", exc_info=True)
        return None
