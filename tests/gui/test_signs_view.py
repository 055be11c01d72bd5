"""The Warning signs page, offscreen, over a real journal holding the Liu case of the article."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from journal.core import signs as core_signs
from journal.core.signs import PRESENT, sign_title
from journal.gui import qtsetup
from journal.gui.signs.view import SignCard, SignsView


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
def view(qtbot: Any) -> SignsView:
    qtsetup.install_translators(QApplication.instance(), "en")  # type: ignore[arg-type]
    v = SignsView()
    qtbot.addWidget(v)
    v.resize(820, 700)
    return v


def _texts(widget: Any) -> str:
    return "\n".join(lbl.text() for lbl in widget.findChildren(QLabel) if lbl.isVisibleTo(widget))


def test_liu_case_lists_the_expected_signs(qtbot: Any, view: SignsView, journal: Any) -> None:
    cases = _cases()
    ids = cases.build_in_journal(journal, cases.LIU)
    key_of = {v: k for k, v in ids.items()}
    with qtbot.waitSignal(view.signsChanged) as blocker:
        view.set_journal(journal)
    assert blocker.args == [len(view.results)]
    present = [c.result.id for c in view.cards if c.result.level == PRESENT]
    assert present == list(cases.LIU.present)  # present first, in DESIGN order
    assert [c.result.level for c in view.cards] == sorted(
        (c.result.level for c in view.cards), key=lambda lv: lv != PRESENT)
    for card in view.cards:
        if card.result.level == PRESENT:
            shown = [key_of[b.property("entryId")] for b in card.evidence_buttons]
            assert shown == cases.LIU.present[card.result.id]
    text = _texts(view)
    assert sign_title("WS-PAID-HOUSING") in text
    assert "not a verdict" in text
    assert "12339" in text and "WeChat" in text
    # an evidence line shows the date and the summary
    gift = next(b for b in view.evidence_buttons() if b.property("entryId") == ids["L09"])
    assert gift.text().startswith("2024-03-21") and "phone" in gift.text()


def test_clicking_evidence_opens_that_entry(qtbot: Any, view: SignsView, journal: Any) -> None:
    cases = _cases()
    ids = cases.build_in_journal(journal, cases.LIU)
    view.set_journal(journal)
    view.show()
    button = next(b for b in view.evidence_buttons() if b.property("entryId") == ids["L07"])
    view.scroll_area.ensureWidgetVisible(button)
    with qtbot.waitSignal(view.entryActivated) as blocker:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert blocker.args == [ids["L07"]]


def test_set_journal_none_clears_everything(qtbot: Any, view: SignsView, journal: Any) -> None:
    cases = _cases()
    cases.build_in_journal(journal, cases.LIU)
    view.set_journal(journal)
    assert view.cards
    with qtbot.waitSignal(view.signsChanged) as blocker:
        view.set_journal(None)
    assert blocker.args == [0]
    QApplication.processEvents()
    assert view.cards == [] and view.results == [] and view.evidence_buttons() == []
    assert not view.findChildren(SignCard)
    text = _texts(view)
    assert "Xiao Min" not in text and "Telegram" not in text
    assert not view.overview.isVisibleTo(view)
    assert "12339" in text  # how to report stays: it holds no journal content


def test_empty_state_and_refresh(qtbot: Any, view: SignsView, journal: Any) -> None:
    view.set_journal(journal)
    assert view.empty.isVisibleTo(view)
    assert "No warning signs found" in view.empty.text()
    assert "12339" in _texts(view.report_box)
    cases = _cases()
    cases.build_in_journal(journal, cases.WANG)
    with qtbot.waitSignal(view.signsChanged) as blocker:
        view.refresh()
    assert blocker.args[0] >= len(cases.WANG.present)
    assert not view.empty.isVisibleTo(view)


def test_innocent_journal_shows_no_present_sign(view: SignsView, journal: Any) -> None:
    cases = _cases()
    cases.build_in_journal(journal, cases.TUTORING)
    view.set_journal(journal)
    assert not [c for c in view.cards if c.result.level == PRESENT]


def test_chinese(qtbot: Any, view: SignsView, journal: Any) -> None:
    app = QApplication.instance()
    cases = _cases()
    cases.build_in_journal(journal, cases.LIU)
    try:
        view.set_journal(journal)
        qtsetup.install_translators(app, "zh")  # type: ignore[arg-type]
        QApplication.processEvents()  # LanguageChange: the view retranslates and rebuilds
        text = _texts(view)
        assert "警示信号" in text and "不是对任何人的定论" in text
        assert sign_title("WS-SECRECY", "zh") in text
        assert "12339" in text and "微信公众号" in text
        assert "What to do" not in text
    finally:
        qtsetup.install_translators(app, "en")  # type: ignore[arg-type]


def test_overview_click_scrolls_to_the_card(qtbot: Any, view: SignsView, journal: Any) -> None:
    cases = _cases()
    cases.build_in_journal(journal, cases.LIU)
    view.set_journal(journal)
    view.show()
    qtbot.waitExposed(view)
    button = view.overview.buttons["WS-PAID-HOUSING"]
    assert button.isEnabled()
    assert not view.overview.buttons["WS-PRESSURE"].isEnabled()  # not seen
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert view.scroll_area.verticalScrollBar().value() > 0


def test_in_the_main_window_badge_and_evidence_open_the_timeline(
        open_window: Any, journal: Any, qtbot: Any) -> None:
    cases = _cases()
    ids = cases.build_in_journal(journal, cases.WANG)
    open_window.refresh_views()
    view = open_window.views["signs"]
    assert isinstance(view, SignsView)
    n = len(view.results)
    assert n >= len(cases.WANG.present)
    row = open_window._nav_keys.index("signs")
    assert open_window.nav.item(row).text().endswith(f"({n})")
    open_window.show_view("signs")
    button = next(b for b in view.evidence_buttons() if b.property("entryId") == ids["W05"])
    view.scroll_area.ensureWidgetVisible(button)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert open_window.nav.currentRow() == open_window._nav_keys.index("timeline")
    open_window.lock(show_unlock=False)
    assert view.cards == [] and view.results == []


def test_large_journal_is_checked_in_the_background(qtbot: Any, view: SignsView, journal: Any,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from journal.gui.signs import view as view_module

    cases = _cases()
    cases.build_in_journal(journal, cases.LIU)
    monkeypatch.setattr(view_module, "SYNC_LIMIT", 0)  # every journal counts as large here
    monkeypatch.setattr(view_module, "EVIDENCE_SHOWN", 1)
    with qtbot.waitSignal(view.signsChanged, timeout=20000) as blocker:
        view.set_journal(journal)
        assert view.busy and "Checking" in view.summary.text()  # the window is not blocked
    assert not view.busy and blocker.args == [len(view.results)]
    present = [c.result.id for c in view.cards if c.result.level == PRESENT]
    assert present == list(cases.LIU.present)
    for card in view.cards:  # one evidence row per card, the rest counted
        assert len(card.evidence_buttons) <= 1
        more = card.findChild(QLabel, "moreEvidence")
        assert (more is not None) == (len(card.result.evidence) > 1)


def _hold_evaluation(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Keep the background evaluation from finishing until the returned event is set (reading
    the stored facts is fast enough to finish before the test could lock the window)."""
    import threading

    from journal.gui.signs import view as view_module

    release = threading.Event()
    real = view_module._evaluate

    def held(journal: Any, progress: Any = None) -> Any:
        release.wait(20)
        return real(journal, progress)

    monkeypatch.setattr(view_module, "_evaluate", held)
    return release


def test_lock_during_background_check_drops_its_result(qtbot: Any, view: SignsView, journal: Any,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from journal.gui import dialogs
    from journal.gui.signs import view as view_module

    cases = _cases()
    cases.build_in_journal(journal, cases.LIU)
    monkeypatch.setattr(view_module, "SYNC_LIMIT", 0)
    release = _hold_evaluation(monkeypatch)
    dialogs.reset()
    changes: list[int] = []
    view.set_journal(journal)
    view.signsChanged.connect(changes.append)
    task = view.task
    assert task is not None and task.is_running()
    with qtbot.waitSignal(task.finished, timeout=20000):
        view.set_journal(None)  # locked before the worker answers
        release.set()
    assert task.dropped and task.error is None and not task.is_running()
    assert view.results == [] and view.cards == [] and not view.busy
    assert changes == [0]  # only the lock's own "no signs"; the late result was not shown
    assert dialogs.shown == []


def test_locking_the_window_during_a_background_check_drops_the_result_quietly(
        open_window: Any, journal: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The view is deleted by the lock while its evaluation runs: the late result is dropped
    (no "Signal source has been deleted", no dialog, no card anywhere)."""
    import threading

    from journal.gui import dialogs
    from journal.gui.signs import view as view_module

    thread_errors: list[BaseException | None] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: thread_errors.append(args.exc_value))
    cases = _cases()
    cases.build_in_journal(journal, cases.LIU)
    monkeypatch.setattr(view_module, "SYNC_LIMIT", 0)
    release = _hold_evaluation(monkeypatch)
    open_window.show_view("signs")
    signs = open_window.views["signs"]
    signs.refresh()
    task = signs.task
    assert task is not None and task.is_running()
    dialogs.reset()
    with qtbot.waitSignal(task.finished, timeout=20000):
        open_window.lock()
        release.set()
    assert task.dropped
    qtbot.waitUntil(lambda: not any(isinstance(w, SignCard) for w in QApplication.allWidgets()))
    assert thread_errors == []
    assert dialogs.shown == []
    assert open_window.stack.currentWidget() is open_window.welcome



def test_facts_of_other_rules_are_rebuilt_in_the_background_with_progress_in_both_languages(
        qtbot: Any, journal_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """After an update of the rules the window opens at once and the signs page rebuilds the
    stored facts off the UI thread, saying how far it is, then shows the same signs."""
    from journal.core.crypto import FAST_PARAMS
    from journal.core.signs import evaluate
    from journal.core.signs import facts as sign_facts
    from journal.core.store import AUTO, Journal

    cases = _cases()
    j = Journal.create(journal_path, "correct horse 电池 staple", kdf=FAST_PARAMS)
    cases.build_in_journal(j, cases.LIU)
    expected = evaluate(j.list_entries(include_deleted=False), j.list_persons())
    key = Journal.derive(journal_path, "correct horse 电池 staple")
    j.close()
    for lang, words in (("en", "entries…"), ("zh", "条记录……")):
        monkeypatch.setattr(sign_facts, "STAMP", f"rules of another version ({lang})")
        qtsetup.install_translators(QApplication.instance(), lang)  # type: ignore[arg-type]
        j = Journal.open_with_key(journal_path, key, mode=AUTO, rebuild_sign_facts=False)
        assert not j.sign_facts_current()  # opening did not rebuild them on the UI thread
        v = SignsView()
        qtbot.addWidget(v)
        shown: list[str] = []
        v.set_journal(j)
        task = v.task
        assert task is not None  # a small journal too: the rebuild never runs on the UI thread
        task.progressed.connect(lambda *_, v=v, shown=shown: shown.append(v.summary.text()))
        with qtbot.waitSignal(v.signsChanged, timeout=20000):
            pass
        total = j.count_entries()
        assert shown and shown[-1].endswith(words) and f"{total}" in shown[-1]
        assert j.sign_facts_current()
        assert [(r.id, r.level, r.evidence) for r in v.results] == \
            [(r.id, r.level, r.evidence) for r in expected]
        v.set_journal(None)
        j.close()
    qtsetup.install_translators(QApplication.instance(), "en")  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_read_only_journal_disables_setting_signs_aside_and_says_why(
        make_window: Any, journal: Any, passphrase: str, gui_app: Any, qtbot: Any,
        lang: str) -> None:
    from datetime import datetime

    from journal.core.models import EntryDraft
    from journal.core.store import Journal

    journal.add_entry(EntryDraft(kind="request", summary="Asked me to photograph the warships",
                                 task="photograph the warships", target="naval port",
                                 occurred_at=datetime(2024, 3, 1, 20, 15).astimezone()))
    journal.add_entry(EntryDraft(kind="request", summary="He said to delete our chats and keep it "
                                 "secret from my teacher",
                                 occurred_at=datetime(2024, 3, 2, 20, 15).astimezone()))
    core_signs.dismiss(journal, "WS-SECRECY", "my own test")
    path = journal.path
    journal.close()
    qtsetup.install_translators(gui_app, lang)
    reader = Journal.open(path, passphrase, mode="read")
    window = make_window()
    window.open_journal(reader)
    window.build_all_views()
    window.show_view("signs")
    view = window.views["signs"]
    qtbot.waitUntil(lambda: bool(view.cards))
    counted = [c for c in view.cards if c.result.dismissed is None]
    set_aside = [c for c in view.cards if c.result.dismissed is not None]
    assert counted and set_aside
    for card in counted:
        assert not card.dismiss_button.isEnabled()
        assert not card.confirm_button.isEnabled() and not card.reason_edit.isEnabled()
    for card in set_aside:
        assert not card.undismiss_button.isEnabled()
    assert view.read_only_note.isVisible()
    words = {"en": "open read-only", "zh": "以只读方式打开"}[lang]
    assert words in view.read_only_note.text()
    assert words in counted[0].dismiss_button.toolTip()
    assert words in set_aside[0].undismiss_button.toolTip()


@pytest.mark.parametrize(("width", "columns"), [(1300, 2), (560, 1)])
def test_checklist_titles_are_never_cut_off_one_column_when_two_do_not_fit(
        qtbot: Any, view: SignsView, journal: Any, width: int, columns: int) -> None:
    view.set_journal(journal)
    view.resize(width, 700)
    view.show()
    qtbot.waitUntil(lambda: view.overview.isVisible())
    QApplication.processEvents()
    assert view.overview.columns == columns
    for b in view.overview.buttons.values():
        assert b.width() >= b.sizeHint().width(), b.text()
