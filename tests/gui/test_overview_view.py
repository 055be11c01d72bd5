"""The Overview page, offscreen, over a real journal holding the Liu case of the article: the
first page after unlocking, hover and click on the picture, the people, the narrative with Copy,
both languages, and nothing left after locking."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QToolTip

from journal.core.models import Handle
from journal.gui import qtsetup
from journal.gui.overview.picture import hover_text
from journal.gui.overview.view import OverviewView


def _cases() -> Any:
    name = "signs_cases_for_gui"
    if name in sys.modules:
        return sys.modules[name]
    path = Path(__file__).resolve().parent.parent / "core" / "test_signs_cases.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def liu(journal: Any) -> dict[str, str]:
    cases = _cases()
    ids = cases.build_in_journal(journal, cases.LIU)
    journal.update_person(ids["xm"], handles=[Handle("wechat", "xm_sea_2024"),
                                              Handle("telegram", "@harbour_xm")])
    return ids


@pytest.fixture
def view(gui_app: Any, qtbot: Any) -> OverviewView:
    v = OverviewView()
    qtbot.addWidget(v)
    v.resize(1100, 760)
    v.show()
    return v


def _centre(hit: Any) -> QPoint:
    return QPoint(round(hit.x + hit.w / 2), round(hit.y + hit.h / 2))


def test_unlocking_shows_the_overview_first_with_signs_evaluated_by_the_window(
        window: Any, journal: Any, liu: dict[str, str], qtbot: Any) -> None:
    window.open_journal(journal)
    assert window.current_view() == "overview"
    assert window.nav.item(0).text() == "Overview"
    view = window.views["overview"]
    assert view.data is not None and view.data.total == 11
    qtbot.waitUntil(lambda: bool(view.data.signs))  # once the pre-write check has passed
    assert "signs" not in window.views  # evaluated by the window, not by the signs page
    assert {m.sign_id for m in view.data.signs} >= {"WS-FAST-INTIMACY", "WS-CHANNEL-SWITCH"}
    assert not view.data.signs_pending


def test_clicking_a_mark_opens_the_entry_in_the_timeline(
        open_window: Any, liu: dict[str, str], qtbot: Any) -> None:
    window = open_window
    window.refresh_views()
    window.show_view("overview")
    view = window.views["overview"]
    picture = view.picture
    scene = picture.scene()
    assert scene is not None
    hit = next(h for h in scene.hits  # (a column of several days names them after this)
               if h.entry.id == liu["L06"]
               and h.what.startswith("Requests · military or government"))
    qtbot.mouseClick(picture, Qt.MouseButton.LeftButton, pos=_centre(hit))
    assert window.current_view() == "timeline"
    assert window.views["timeline"].detail.entry_id == liu["L06"]


def test_hover_text_has_the_date_and_summary_of_the_entry(view: OverviewView, journal: Any,
                                                          liu: dict[str, str]) -> None:
    view.set_journal(journal)
    view.set_signs([])
    scene = view.picture.scene()
    assert scene is not None
    hit = next(h for h in scene.hits if h.entry.id == liu["L07"] and h.what == "→ Telegram")
    assert hover_text(hit, "en") == (
        "→ Telegram\n2024-03-14 09:00 (UTC+8) · She asked me to move our chats to Telegram")
    assert view.picture.hit_at(_centre(hit).x(), _centre(hit).y()) is hit


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_legend_item_shows_the_whole_sign_title_in_its_tooltip(
        gui_app: Any, qtbot: Any, journal: Any, liu: dict[str, str], lang: str) -> None:
    from journal.core.signs import evaluate_journal

    qtsetup.install_translators(gui_app, lang)
    view = OverviewView()
    qtbot.addWidget(view)
    view.resize(560, 600)  # the picture's width in a window of 800 × 600
    view.show()
    view.set_journal(journal)
    view.set_signs(evaluate_journal(journal))
    picture = view.picture
    scene = picture.scene()
    assert scene is not None and view.data is not None
    legend = [h for h in scene.hits if h.legend]
    assert [h.what for h in legend] == [m.title for m in view.data.signs] and len(legend) > 3
    for hit in legend:
        centre = _centre(hit)
        view.scroll_area.ensureVisible(picture.mapTo(view.scroll_area.widget(), centre).x(),
                                       picture.mapTo(view.scroll_area.widget(), centre).y())
        qtbot.mouseMove(picture, centre)
        qtbot.waitUntil(lambda h=hit: QToolTip.isVisible()
                        and QToolTip.text() == hover_text(h, lang))
        assert QToolTip.text().splitlines()[0] == hit.what


def test_people_show_handles_grouped_by_app_and_first_and_last_contact(
        view: OverviewView, journal: Any, liu: dict[str, str]) -> None:
    view.set_journal(journal)
    assert [c.name.text() for c in view.cards] == ["Xiao Min"]
    details = view.cards[0].details.text().split("\n")
    assert "WeChat: xm_sea_2024" in details
    assert "Telegram: @harbour_xm" in details
    assert "first contact 2024-03-01, last 2024-03-28" in details
    assert "10 entries, 2 requests" in details
    assert "money received 5,600 CNY" in details and "gifts worth 6,500 CNY" in details


def test_copy_hands_the_narrative_to_the_clipboard_guard(view: OverviewView, journal: Any,
                                                         liu: dict[str, str], qtbot: Any) -> None:
    view.set_journal(journal)
    text = view.narrative.toPlainText()
    assert "Xiao Min" in text and "What I was asked to do" in text
    with qtbot.waitSignal(view.copyText, timeout=2000) as blocker:
        qtbot.mouseClick(view.copy_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [text]
    assert view.copied.text().startswith("Copied.")


def test_chinese_interface_gives_chinese_picture_people_and_narrative(
        gui_app: Any, qtbot: Any, journal: Any, liu: dict[str, str]) -> None:
    qtsetup.install_translators(QApplication.instance(), "zh")  # type: ignore[arg-type]
    v = OverviewView()
    qtbot.addWidget(v)
    v.resize(800, 600)
    v.set_journal(journal)
    assert v.heading.text() == "事情经过一览"
    assert v.copy_button.text() == "复制"
    scene = v.picture.scene()
    assert scene is not None and {"联系", "要求", "钱款与礼物"} <= set(scene.texts())
    assert "微信：xm_sea_2024" in v.cards[0].details.text()
    assert "对方" in v.narrative.toPlainText()


def test_lock_drops_the_picture_the_people_and_the_narrative(
        open_window: Any, liu: dict[str, str], qtbot: Any) -> None:
    window = open_window
    window.refresh_views()
    window.show_view("overview")  # (re-read when shown)
    view = window.views["overview"]
    assert view.data is not None and view.cards and view.narrative.toPlainText()
    window.lock(show_unlock=False)
    assert view.data is None
    assert view.picture.data is None and view.picture.scene() is None
    assert view.cards == []
    assert view.narrative.toPlainText() == ""


def test_empty_journal_says_how_the_picture_comes(view: OverviewView, journal: Any) -> None:
    view.set_journal(journal)
    scene = view.picture.scene()
    assert scene is not None
    assert scene.texts() == ["Nothing recorded yet: the picture appears with the first entry."]
    assert view.people_empty.isVisibleTo(view)


def test_large_journal_narrative_comes_from_a_thread_and_takes_the_signs_later(
        view: OverviewView, journal: Any, liu: dict[str, str], qtbot: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from journal.core.report import data as report_data
    from journal.core.signs import evaluate_journal
    from journal.gui.overview import view as view_module

    monkeypatch.setattr(view_module, "SYNC_LIMIT", 5)  # the Liu case counts as large here
    signs = evaluate_journal(journal)

    def no_whole_journal(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("the narrative read every entry or evaluated the signs again")

    # the narrative is the streamed summary: it never collects every entry (a 100,000-entry
    # journal's entries take most of a gigabyte) and takes the window's signs as they are
    monkeypatch.setattr(report_data, "collect", no_whole_journal)
    monkeypatch.setattr(report_data, "evaluate_journal", no_whole_journal)
    view.set_journal(journal)
    assert view.narrative_busy and view.data is not None  # the picture is there at once
    qtbot.waitUntil(lambda: not view.narrative_busy, timeout=10000)
    text = view.narrative.toPlainText()
    assert "What I was asked to do" in text and "Warning signs noticed" not in text
    view.set_signs(signs)
    qtbot.waitUntil(lambda: "Warning signs noticed" in view.narrative.toPlainText(),
                    timeout=10000)
    assert not view.narrative_busy


def test_a_narrative_finished_after_locking_is_dropped(
        view: OverviewView, journal: Any, liu: dict[str, str], qtbot: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from journal.gui.overview import view as view_module

    monkeypatch.setattr(view_module, "SYNC_LIMIT", 5)
    view.set_journal(journal)
    assert view.narrative_busy
    generation = view._generation
    view.set_journal(None)
    view._on_narrated(generation, "a late narrative")  # what a thread finishing now delivers
    assert view.narrative.toPlainText() == "" and view.data is None


def test_large_journal_people_come_from_a_thread_after_the_picture(
        view: OverviewView, journal: Any, liu: dict[str, str], qtbot: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from journal.gui.overview import view as view_module

    monkeypatch.setattr(view_module, "SYNC_LIMIT", 5)  # the Liu case counts as large here
    view.set_journal(journal)
    assert view.data is not None and view.data.total == 11  # the picture at once
    assert view.cards == [] and view.people_empty.text() == "…"
    qtbot.waitUntil(lambda: bool(view.cards), timeout=10000)
    names = [c.name.text() for c in view.cards]
    assert names == ["Xiao Min"] and len(view.data.counterparts) == 1
    details = view.cards[0].details.text().split("\n")
    assert "WeChat: xm_sea_2024" in details and "money received 5,600 CNY" in details
    view.set_signs([])  # the picture made again keeps the people read before
    assert [c.name for c in view.data.counterparts] == ["Xiao Min"]
    assert [c.name.text() for c in view.cards] == names


def test_people_read_after_locking_are_dropped(
        view: OverviewView, journal: Any, liu: dict[str, str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from journal.core.overview import overview_people
    from journal.gui.overview import view as view_module

    monkeypatch.setattr(view_module, "SYNC_LIMIT", 5)
    view.set_journal(journal)
    generation = view._generation
    late = overview_people(journal, "en")
    view.set_journal(None)
    view._on_people(generation, late)  # what a thread finishing now delivers
    assert view.cards == [] and not view.people_empty.isVisibleTo(view)


@pytest.mark.parametrize(("lang", "money", "gifts"), [
    ("en", "money received 800 CNY", "gifts worth 3,000 CNY"),
    ("zh", "收到钱款800 CNY", "礼物价值3,000 CNY")])
def test_the_people_box_names_money_received_and_the_gifts_value_apart(
        gui_app: Any, journal: Any, lang: str, money: str, gifts: str) -> None:
    from decimal import Decimal

    from journal.core.models import EntryDraft
    from journal.core.overview import overview_people
    from journal.gui.overview.view import person_lines

    zhang = journal.add_person("张总")
    journal.add_entry(EntryDraft(kind="payment", summary="paid", persons=[zhang.id],
                                 amount=Decimal(800), currency="CNY", method="wechat",
                                 direction="received"))
    journal.add_entry(EntryDraft(kind="gift", summary="a phone", persons=[zhang.id],
                                 item="phone", value=Decimal(3000), currency="CNY"))
    lines = person_lines(overview_people(journal, lang)[0], lang)
    assert money in lines and gifts in lines
    assert not any("3,800" in line for line in lines)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_sign_markers_never_stand_before_their_day_at_any_window_width(
        gui_app: Any, qtbot: Any, tmp_path: Path, lang: str) -> None:
    # the demo at the widths the picture has in windows of 800 to 1366 pixels: three signs
    # first show on 6 March, and the third of them was drawn left of that day at 1200
    from journal.core.crypto import FAST_PARAMS
    from journal.core.demo import build_demo
    from journal.core.overview import overview_data
    from journal.gui.overview.picture import OverviewPicture

    with build_demo(tmp_path / "demo.ijournal", "demo pass", kdf=FAST_PARAMS, lang=lang) as j:
        data = overview_data(j, lang, people=False)
    days = [m.entry.day for m in data.signs]
    assert days.count("2024-03-06") == 3
    picture = OverviewPicture()
    qtbot.addWidget(picture)
    picture.set_data(data)
    for width in range(560, 1160, 8):
        picture.resize(width, 480)
        scene = picture.scene()
        assert scene is not None
        marks = [s for s in scene.shapes if s.kind == "marker" and s.shape == "circle" and s.label
                 ][:len(days)]  # the lane's markers come before the legend's
        assert [s.label for s in marks] == [str(n) for n in range(1, len(days) + 1)]
        before = [(s.label, round(s.x), round(scene.day_x[day])) for s, day in zip(marks, days)
                  if s.x < scene.day_x[day] - 0.01]
        assert before == [], width
        xs = sorted((round(s.x, 3), round(s.y, 3)) for s in marks)
        assert len(set(xs)) == len(xs), width  # and never one over another


def test_a_narrative_of_a_journal_locked_meanwhile_is_dropped_without_a_warning(
        journal: Any, liu: dict[str, str], caplog: pytest.LogCaptureFixture) -> None:
    from journal.gui.overview.view import _narrative

    path = journal.path
    journal.close()  # what locking does while the thread words the narrative
    with caplog.at_level("INFO", logger="journal.gui.overview.view"):
        assert _narrative(journal, "en") is None
    assert [r.levelname for r in caplog.records] == ["INFO"]
    assert "error.locked" in caplog.records[0].getMessage()
    assert caplog.records[0].exc_info is None and path.exists()
