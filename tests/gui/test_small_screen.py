"""The window on a small laptop screen (the offscreen screen is 800×600): every page fits the
window's width, so nothing is cut off at the right edge or hidden behind a horizontal scroll bar,
in English and Chinese. (``test_layout`` probes every dialog on screens of several sizes; these
tests look at what it does not: the content of scrolled pages.)"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest
from conftest import add_sample, wait_until
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QScrollArea

SMALL = (784, 560)  # an 800×600 screen less the window's frame and a task bar

LONG_SUMMARY = "Xiao Min wants photos of warships entering the naval port, with the times they sail"


def _add_long_request(journal: Any, persons: dict[str, str]) -> str:
    from journal.core.models import EntryDraft

    return journal.add_entry(EntryDraft(
        kind="request", summary=LONG_SUMMARY, persons=[persons["min"]],
        occurred_at=datetime(2024, 3, 20, 22, 0).astimezone() + timedelta(minutes=1),
        task="photograph warships", target="naval port", status="done", amount=Decimal(800),
        currency="CNY")).id


def _settle() -> None:
    """Let queued layout requests run, as the event loop would before painting."""
    for _ in range(3):
        QApplication.processEvents()


def _small_window(make_window: Any, journal: Any, lang: str) -> Any:
    from journal.core.settings import Settings

    window = make_window(settings=Settings(language=lang, first_run_done=True,
                                           backup_on_close=False))
    window.set_language(lang)
    window.resize(*SMALL)
    window.open_journal(journal)
    return window


def _page_fits(area: QScrollArea) -> None:
    content = area.widget()
    assert content is not None
    assert content.width() <= area.viewport().width(), (content.width(), area.viewport().width())
    assert area.horizontalScrollBar().maximum() == 0


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_warning_signs_page_is_no_wider_than_a_small_window(lang: str, make_window: Any,
                                                            journal: Any, qtbot: Any) -> None:
    sample = add_sample(journal)
    long_id = _add_long_request(journal, sample["persons"])
    window = _small_window(make_window, journal, lang)
    window.show_view("signs")
    page = window.views["signs"]
    wait_until(qtbot, lambda: any(b.property("entryId") == long_id
                                  for b in page.evidence_buttons()))
    _settle()
    _page_fits(page.scroll_area)
    for card in page.cards:
        assert card.geometry().right() < page.scroll_area.viewport().width()
        for button in card.evidence_buttons:
            assert button.geometry().right() <= card.contentsRect().right()
    long_buttons = [b for b in page.evidence_buttons() if b.property("entryId") == long_id]
    for button in long_buttons:
        assert button.text().endswith(LONG_SUMMARY)  # the text is whole; only its painting is cut
        assert button.is_elided()
        assert LONG_SUMMARY in button.toolTip()  # the whole line, where it is cut


def test_report_page_is_no_wider_than_a_small_window(make_window: Any, journal: Any) -> None:
    """(English: its labels and options are the longer ones; the Chinese page fitted already)"""
    add_sample(journal)
    window = _small_window(make_window, journal, "en")
    window.show_view("report")
    page = window.views["report"]
    _settle()
    area = page.findChild(QScrollArea)
    _page_fits(area)
    for box in (page.content_box, page.protect_box, page.package_box):
        assert box.geometry().right() < area.viewport().width()
    for check in (page.redact_check, *page.kind_checks.values()):
        assert check.mapTo(page, check.rect().topRight()).x() < area.viewport().width()
        assert check.width() >= check.sizeHint().width()  # its words whole


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_timeline_on_a_small_window_shows_every_date_whole(lang: str, make_window: Any,
                                                           journal: Any) -> None:
    """When the list is too narrow for every column, the date stays readable: People, then Kind
    (its icon and tooltip stay) give way before When, which keeps at least the whole date."""
    from journal.core.timeparse import show_when
    from journal.gui.timeline import labels
    from journal.gui.timeline.model import COL_KIND, COL_SUMMARY, COL_WHEN

    add_sample(journal)
    window = _small_window(make_window, journal, lang)
    window.show_view("timeline")
    timeline = window.views["timeline"]
    _settle()
    table, model = timeline.table, timeline.model
    assert timeline.width() < timeline.NARROW_WIDTH  # the list above, the entry under it
    assert table.horizontalScrollBar().maximum() == 0
    fm = table.fontMetrics()
    room = table.columnWidth(COL_WHEN) - fm.horizontalAdvance("M")  # the cell's margins
    exact = [r for r in range(model.rowCount()) if model.entry(r).precision in (None, "exact")]
    assert len(exact) >= 4
    for row in exact:
        entry = model.entry(row)
        date = show_when(entry.occurred_at, "day", lang)
        shown = fm.elidedText(model.index(row, COL_WHEN).data(), Qt.TextElideMode.ElideRight, room)
        assert shown.startswith(date), (shown, date)
        assert model.index(row, COL_KIND).data(Qt.ItemDataRole.ToolTipRole) == \
            labels.kind_label(entry.kind)
    assert table.columnWidth(COL_SUMMARY) >= fm.horizontalAdvance("M") * 12


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_on_a_small_window_the_entry_pane_under_the_list_does_not_point_left(
        lang: str, make_window: Any, journal: Any) -> None:
    from PySide6.QtWidgets import QLabel

    add_sample(journal)
    window = _small_window(make_window, journal, lang)
    window.show_view("timeline")
    timeline = window.views["timeline"]
    _settle()
    assert timeline.splitter.orientation() == Qt.Orientation.Vertical  # the pane under the list
    assert timeline.detail.is_empty()
    shown = [label.text() for label in timeline.detail.findChildren(QLabel)
             if label.isVisibleTo(window) and label.text()]
    assert len(shown) == 1
    said = shown[0]
    assert ("在列表中" if lang == "zh" else "in the list") in said
    assert not any(side in said for side in ("left", "左"))


def test_overview_picture_legend_stays_inside_a_small_window(make_window: Any, journal: Any,
                                                             qtbot: Any) -> None:
    """At 800×600 the English request levels of the legend do not fit on one line: they go on
    to a second one (the picture grows by it) instead of running off the picture's right edge."""
    from PySide6.QtGui import QFont, QFontMetricsF

    from journal.core.overview.scene import SENSITIVITY
    from journal.core.overview.texts import t

    add_sample(journal)
    window = _small_window(make_window, journal, "en")
    window.show_view("overview")
    picture = window.views["overview"].picture
    wait_until(qtbot, lambda: picture.scene() is not None and bool(picture.scene().shapes))
    _settle()
    scene = picture.scene()
    assert scene.width < 600  # (the picture of an 800×600 window)
    levels = {t(f"overview.level.{name}", "en") for name in SENSITIVITY}
    shown = [s for s in scene.shapes if s.kind == "text" and s.anchor == "start"
             and s.text in levels]
    assert {s.text for s in shown} == levels
    for shape in shown:
        font = QFont(picture.font())
        font.setPixelSize(max(6, round(shape.size)))
        right = shape.x + QFontMetricsF(font).horizontalAdvance(shape.text)
        assert right <= scene.width, (shape.text, right, scene.width)
    assert len({s.y for s in shown}) == 2  # on two lines


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_people_page_on_a_small_window_leaves_the_entries_summary_readable(
        lang: str, make_window: Any, journal: Any) -> None:
    """The person's entry list: When (down to its whole date) and Kind give way, so that the
    summary keeps at least 12 "M"s and no horizontal scroll bar is needed."""
    from journal.core.models import EntryDraft
    from journal.core.timeparse import show_when

    sample = add_sample(journal)
    # times recorded in another zone than this computer's are shown with the zone named
    # ("2024-03-21 23:30 (UTC+8)"), as in the demo: the widest When texts
    local = datetime(2024, 3, 21).astimezone().utcoffset()
    hours = 8 if local != timedelta(hours=8) else 9
    for day in range(3):
        journal.add_entry(EntryDraft(
            kind="threat", summary=f"She said she would tell my school, day {day}",
            persons=[sample["persons"]["min"]],
            occurred_at=datetime(2024, 3, 21 + day, 23, 30, tzinfo=timezone(timedelta(hours=hours)))))
    window = _small_window(make_window, journal, lang)
    window.show_view("people")
    people = window.views["people"]
    assert people.select_person(sample["persons"]["min"])
    _settle()
    tree = people.page.entries
    assert tree.topLevelItemCount() >= 4
    fm = tree.fontMetrics()
    em = fm.horizontalAdvance("M")
    assert tree.columnWidth(2) >= em * 12
    assert tree.horizontalScrollBar().maximum() == 0
    for entry in journal.list_entries(person_id=sample["persons"]["min"]):
        item = next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
                    if tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) == entry.id)
        shown = fm.elidedText(item.text(0), Qt.TextElideMode.ElideRight, tree.columnWidth(0) - em)
        if entry.precision in (None, "exact"):
            assert shown.startswith(show_when(entry.occurred_at, "day", lang)), shown
        for column in range(3):
            assert item.toolTip(column) == item.text(column)  # whole, where it is cut
