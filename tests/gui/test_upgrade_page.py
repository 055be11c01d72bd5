"""The first open after an update of the program (issue 17): the journal is brought up to date in
the background while the upgrade page shows its steps; the window keeps responding; closing the
window during it leaves a journal that the next open finishes; a failure is said in the user's
language. Real widgets, a real v1 journal file (tests/data/journal-v1.ijournal), real migrations.

To hold an upgrade at a known point without sleeping, a test registers one more schema step (as
tests/promises/test_migrations.py does) or wraps the overview's rebuild; that step waits on an
event the test sets once it has seen what it checks."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer

from journal.core import schema
from journal.core.store import Journal, upgrade
from journal.core.store import overview_index as overview_index_mod

DATA = Path(__file__).resolve().parent.parent / "data"
V1_FILE = DATA / "journal-v1.ijournal"
V1_PASSPHRASE = "v1 journal 第一版 passphrase"  # the passphrase make_v1_journal.py used
V1_ENTRIES = 11


@pytest.fixture
def v1_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the v1 journal; backups go to the test's own folder (JOURNAL_HOME)."""
    monkeypatch.setenv("JOURNAL_HOME", str(tmp_path / "home"))
    path = tmp_path / "old.ijournal"
    shutil.copyfile(V1_FILE, path)
    return path


class Gate:
    """A point inside the upgrade's worker thread that waits until the test opens it."""

    def __init__(self) -> None:
        self.reached = threading.Event()
        self.opened = threading.Event()
        self.threads: list[str] = []

    def hold(self) -> None:
        self.threads.append(threading.current_thread().name)
        self.reached.set()
        if not self.opened.wait(60):  # (only if the test failed before opening it)
            raise RuntimeError("the test never opened the gate")


@pytest.fixture
def held_schema_step(monkeypatch: pytest.MonkeyPatch) -> Iterator[Gate]:
    """One more schema step after the real ones, that adds a column and waits at the gate."""
    gate = Gate()
    version = schema.CURRENT_VERSION

    def next_step(conn: Any) -> None:
        conn.execute("ALTER TABLE entries ADD COLUMN mood TEXT")
        conn.execute("UPDATE entries SET mood = 'calm'")
        gate.hold()

    monkeypatch.setattr(schema, "CURRENT_VERSION", version + 1)
    monkeypatch.setitem(schema.MIGRATIONS, version + 1, next_step)
    yield gate
    gate.opened.set()


def _unlock(window: Any, path: Path) -> None:
    window.welcome.show_unlock(path)
    window.welcome.unlock.passphrase.setText(V1_PASSPHRASE)
    window.welcome.unlock.submit.click()


def _on_upgrade_page(window: Any) -> Callable[[], bool]:
    return lambda: (window.welcome.stack.currentWidget() is window.welcome.upgrade_page
                    and window.welcome.upgrade_page.step is not None
                    and window.welcome.upgrade_page.step.key == upgrade.SCHEMA)


def test_an_old_journal_is_brought_up_to_date_off_the_window_thread_while_a_timer_keeps_ticking(
        make_window: Callable[..., Any], qtbot: Any, v1_path: Path, held_schema_step: Gate) -> None:
    window = make_window()
    _unlock(window, v1_path)
    qtbot.waitUntil(_on_upgrade_page(window), timeout=30000)
    # (the page names the schema step as it starts; the held step is the last of its migrations)
    qtbot.waitUntil(held_schema_step.reached.is_set, timeout=30000)
    page = window.welcome.upgrade_page
    assert page.isVisible()
    # backup, schema, search index, overview: the v1 file needs them all
    assert page.step_label.text() == "Step 2 of 4: updating how the journal is stored"
    assert page.title.text() == "Updating your journal to this version"
    assert "A backup of the journal as it was is kept first" in page.explain.text()
    assert page.bar.maximum() == 0  # (a step with no figures: the bar moves to and fro)
    # the event loop runs while the upgrade waits in its thread
    ticks: list[int] = []
    timer = QTimer(window)
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    with qtbot.waitSignal(timer.timeout, timeout=5000):
        pass
    with qtbot.waitSignal(timer.timeout, timeout=5000):
        pass
    timer.stop()
    assert len(ticks) >= 2 and not held_schema_step.opened.is_set()
    assert window.journal is None
    assert held_schema_step.threads and held_schema_step.threads[0] != threading.main_thread().name

    with qtbot.waitSignal(window.unlocked, timeout=30000):
        held_schema_step.opened.set()
    journal = window.journal
    assert journal.schema_version() == schema.CURRENT_VERSION
    assert journal.count_entries() == V1_ENTRIES - 1  # (one of them is in the trash)
    assert journal.db.one("SELECT count(*) FROM entries WHERE mood = 'calm'")[0] == V1_ENTRIES
    assert journal.search("军舰") and journal.overview_aggregates_current()
    assert window.workspace is not None and window.stack.currentWidget() is window.workspace
    assert window.welcome.stack.currentWidget() is window.welcome.unlock  # for the next lock


def test_the_upgrade_page_speaks_chinese_with_the_glossary_words(
        make_window: Callable[..., Any], qtbot: Any, v1_path: Path, held_schema_step: Gate,
        gui_app: Any) -> None:
    from journal.gui import qtsetup

    qtsetup.install_translators(gui_app, "zh")
    window = make_window()
    _unlock(window, v1_path)
    qtbot.waitUntil(_on_upgrade_page(window), timeout=30000)
    page = window.welcome.upgrade_page
    assert page.title.text() == "正在把你的日志升级到这个版本"
    assert page.step_label.text() == "第 2 步（共 4 步）：更新日志的存储结构"
    assert "备份" in page.explain.text() and "关闭窗口" in page.explain.text()
    with qtbot.waitSignal(window.unlocked, timeout=30000):
        held_schema_step.opened.set()


def test_closing_the_window_during_the_upgrade_undoes_the_step_under_way_and_the_next_open_finishes(
        make_window: Callable[..., Any], qtbot: Any, v1_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The overview's rebuild (the last step) holds; the window is closed; the worker stops at
    the rebuild's next step of progress, which is undone. The next open does only that step."""
    gate = Gate()
    real_rebuild = overview_index_mod.OverviewIndex._rebuild

    def held_rebuild(self: Any, progress: Any = None) -> None:
        def holding(done: int, total: int) -> None:
            if not gate.reached.is_set():
                gate.hold()
            if progress is not None:
                progress(done, total)

        real_rebuild(self, holding)

    monkeypatch.setattr(overview_index_mod.OverviewIndex, "_rebuild", held_rebuild)
    window = make_window()
    _unlock(window, v1_path)
    qtbot.waitUntil(gate.reached.is_set, timeout=30000)
    qtbot.waitUntil(lambda: window.welcome.upgrade_page.step is not None
                    and window.welcome.upgrade_page.step.key == upgrade.OVERVIEW, timeout=5000)
    task = window.welcome._worker
    assert task is not None and task.is_running()

    # closing asks the upgrade to stop; the gate opens only then, so the worker's next step of
    # progress is the one that stops it
    cancel = task.cancel

    def cancel_then_open() -> None:
        cancel()
        gate.opened.set()

    task.cancel = cancel_then_open  # type: ignore[method-assign]
    window.close()
    assert not task.is_running()
    assert window.journal is None and not window.isVisible()
    monkeypatch.undo()

    seen: list[str] = []
    key = Journal.derive(v1_path, V1_PASSPHRASE)
    with Journal.open_with_key(v1_path, key, on_upgrade=lambda s: seen.append(s.key)) as j:
        assert j.schema_version() == schema.CURRENT_VERSION
        assert j.overview_aggregates_current()
        assert j.count_entries() == V1_ENTRIES - 1
    # the backup, the schema and the search index were done before the close: kept
    assert list(dict.fromkeys(seen)) == [upgrade.OVERVIEW, upgrade.SIGN_FACTS]


def test_a_failed_upgrade_says_so_in_chinese_on_the_unlock_page_and_leaves_the_file_as_it_was(
        make_window: Callable[..., Any], qtbot: Any, v1_path: Path, gui_app: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from journal.gui import qtsetup

    def failing_step(conn: Any) -> None:
        conn.execute("UPDATE entries SET summary = 'overwritten'")
        raise RuntimeError("a step that fails half-way")

    version = schema.CURRENT_VERSION
    monkeypatch.setattr(schema, "CURRENT_VERSION", version + 1)
    monkeypatch.setitem(schema.MIGRATIONS, version + 1, failing_step)
    qtsetup.install_translators(gui_app, "zh")
    window = make_window()
    before = v1_path.read_bytes()
    _unlock(window, v1_path)
    error = window.welcome.unlock.error
    qtbot.waitUntil(lambda: error.isVisible() and bool(error.text()), timeout=30000)
    assert error.text().startswith("这个日志（结构版本 1）无法升级。文件保持原样未被改动")
    assert window.welcome.stack.currentWidget() is window.welcome.unlock
    assert window.journal is None
    assert v1_path.read_bytes() == before


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_upgrade_page_promises_a_backup_only_when_this_open_keeps_one(
        qtbot: Any, qapp: Any, lang: str) -> None:
    from journal.core.i18n import message
    from journal.gui import qtsetup
    from journal.gui.welcome.pages import UpgradePage

    qtsetup.install_translators(qapp, lang)
    try:
        page = UpgradePage()
        qtbot.addWidget(page)
        plan = upgrade.UpgradePlan([upgrade.OVERVIEW], page.show_step)  # derived data only
        plan.start(upgrade.OVERVIEW)
        assert page.explain.text() == message("upgrade.explain.derived", lang)
        assert "备份" not in page.explain.text() and "backup" not in page.explain.text()
        plan = upgrade.UpgradePlan([upgrade.BACKUP, upgrade.SCHEMA], page.show_step)
        plan.start(upgrade.SCHEMA)
        assert page.explain.text() == message("upgrade.explain", lang)
    finally:
        qtsetup.install_translators(qapp, "en")
