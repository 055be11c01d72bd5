"""GUI fixtures: the application set up like the real one (bundled font, English unless asked),
a main window with cheap key derivation, helpers to fill a journal through the core."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest


@pytest.fixture
def gui_app(qapp: Any) -> Iterator[Any]:
    """The QApplication with the bundled font and English translators; language reset after."""
    from journal.gui import dialogs, qtsetup

    qtsetup.apply_default_font(qapp)
    qtsetup.install_translators(qapp, "en")
    dialogs.reset()
    yield qapp
    dialogs.reset()
    qtsetup.install_translators(qapp, "en")


@pytest.fixture
def settings() -> Any:
    from journal.core.settings import Settings

    # (no automatic backup on every lock: tests of that feature turn it on themselves)
    return Settings(language="en", first_run_done=True, backup_on_close=False)


@pytest.fixture
def make_window(gui_app: Any, qtbot: Any, settings: Any) -> Iterator[Callable[..., Any]]:
    """Build a MainWindow (fast KDF for journals created through its dialogs)."""
    from journal.core.crypto import FAST_PARAMS
    from journal.gui.main_window import MainWindow

    windows: list[Any] = []

    def make(**kwargs: Any) -> Any:
        kwargs.setdefault("settings", settings)
        kwargs.setdefault("kdf", FAST_PARAMS)
        window = MainWindow(**kwargs)
        window.offer_drafts_on_unlock = False
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.welcome.wait_idle()
        window._quitting = True
        window.lock(show_unlock=False)
        window.wait_for_close()


@pytest.fixture
def window(make_window: Callable[..., Any]) -> Any:
    return make_window()


@pytest.fixture
def open_window(window: Any, journal: Any) -> Any:
    """A window showing the (empty) ``journal`` fixture's timeline, as after unlocking and visiting
    every section (every view built, with the journal)."""
    window.open_journal(journal)
    window.build_all_views()
    window.show_view("timeline")
    return window


def wait_until(qtbot: Any, condition: Callable[[], bool], timeout: int = 10000) -> None:
    qtbot.waitUntil(condition, timeout=timeout)


def add_sample(journal: Any) -> dict[str, Any]:
    """A small case like the published ones, in English and Chinese."""
    from journal.core.models import EntryDraft

    min_ = journal.add_person("Xiao Min", aliases=["小敏"], platform="social app")
    zhang = journal.add_person("张总", aliases=["Director Zhang"], role="Director",
                               organisation="marine survey company")
    base = datetime(2024, 3, 1, 20, 15).astimezone()
    ids = {}
    ids["contact"] = journal.add_entry(EntryDraft(
        kind="contact", summary="First chat with Xiao Min on the social app", occurred_at=base,
        persons=[min_.id], medium="chat", initiated_by="them", channel="social app")).id
    ids["request"] = journal.add_entry(EntryDraft(
        kind="request", summary="Asked to photograph yachts at the port", precision="day",
        occurred_at=base + timedelta(days=4), persons=[min_.id], task="photos of yachts",
        target="the port", status="done", amount=Decimal(300), currency="CNY")).id
    ids["payment"] = journal.add_entry(EntryDraft(
        kind="payment", summary="Paid for the yacht photos", occurred_at=base + timedelta(days=5),
        persons=[min_.id], amount=Decimal(300), currency="CNY", method="wechat",
        direction="received")).id
    ids["gift"] = journal.add_entry(EntryDraft(
        kind="gift", summary="送了一部手机和一辆电动车", precision="approximate",
        occurred_at=base + timedelta(days=20), persons=[min_.id], item="手机、电动车",
        value=Decimal(4500), currency="CNY")).id
    ids["zhang"] = journal.add_entry(EntryDraft(
        kind="request", summary="张总让我去拍军港的舰船", occurred_at=base + timedelta(days=30),
        persons=[zhang.id], task="拍摄舰船", target="军港", status="refused",
        details="他说是海洋环境调查,给的钱很多。")).id
    ids["report"] = journal.add_entry(EntryDraft(
        kind="report", summary="Called the 12339 hotline with my teacher",
        occurred_at=base + timedelta(days=32), reported_to="hotline_12339",
        officer="Ms Li (teacher)")).id
    return {"persons": {"min": min_.id, "zhang": zhang.id}, "entries": ids}


def fill(journal: Any, n: int) -> None:
    """``n`` plain entries, quickly, in one transaction."""
    from journal.core.models import EntryDraft

    base = datetime(2020, 1, 1, 9, 0).astimezone()
    with journal.transaction():
        for i in range(n):
            journal.add_entry(EntryDraft(kind="note", summary=f"note number {i}",
                                         occurred_at=base + timedelta(minutes=i)))


def process(qtbot: Any, ms: int = 50) -> None:
    qtbot.wait(ms)


def now() -> float:
    return time.perf_counter()


def drag_enter_event(mime: Any) -> Any:
    """A QDragEnterEvent carrying ``mime``: PySide6 6.11 takes a QPoint position, 6.12 a QPointF
    (both are allowed by the pins in pyproject.toml)."""
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QDragEnterEvent

    for pos in (QPoint(5, 5), QPointF(5, 5)):
        try:
            return QDragEnterEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                   Qt.KeyboardModifier.NoModifier)
        except TypeError:
            continue
    raise TypeError("QDragEnterEvent takes neither a QPoint nor a QPointF")
