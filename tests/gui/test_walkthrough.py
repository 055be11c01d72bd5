"""The new-user walkthrough of issue 14, end to end on the real window at 1366×768, in Chinese
and in English: try the demo, create an own journal, record a week of contacts with dates typed
as people type them, lock, reopen the own journal, change the passphrase, check integrity and
export the report PDF, read back. Every step is saved as a screenshot (1366×768 and 800×600) to
$UX_SHOTS (default /work/shots/ux14; nothing is written inside the repository)."""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from journal.core import timeparse

SHOTS = Path(os.environ.get("UX_SHOTS", "/work/shots/ux14"))
OWN_PASS = {"en": "my own quiet harbour sentence", "zh": "我自己的一句安静的港口长句子"}
NEW_PASS = {"en": "a different harbour sentence now", "zh": "现在换成另一句港口的长句子"}
# English words allowed in the Chinese report (names of apps, formats, currencies, the journal's
# own command line and file names)
ZH_ALLOWED = {"PDF", "CNY", "UTC", "SHA", "WeChat", "QQ", "Telegram", "journal", "cli", "verify",
              "expect", "head", "ijournal", "mine", "Incident", "Journal", "Ed25519", "SHA256",
              "AES", "hotline", "www", "gov", "cn", "jubao", "Python"}
RAW_IDS = ("occurred_at", "recorded_at", "initiated_by", "reported_to", "summary", "medium",
           "precision", "contact_", "persons")


def _typed(today: date) -> list[tuple[str, dict[str, str], datetime, str]]:
    """(what is typed, summary, the moment meant, its precision) for a week of contacts."""
    march_first = date(today.year if today >= date(today.year, 3, 2) else today.year - 1, 3, 1)
    yesterday = today - timedelta(days=1)
    last_tuesday = today - timedelta(days=today.weekday() + 6)
    return [
        ("2024/3/1 20:15", {"en": "first chat", "zh": "第一次聊天"},
         datetime(2024, 3, 1, 20, 15), "exact"),
        ("3月1日 晚上8点", {"en": "asked about my school", "zh": "问我的学校"},
         datetime(march_first.year, 3, 1, 20, 0), "exact"),
        ("昨天下午3点", {"en": "offered paid photo work", "zh": "说有拍照兼职"},
         datetime(yesterday.year, yesterday.month, yesterday.day, 15, 0), "exact"),
        ("上周二", {"en": "wanted to move to another app", "zh": "让我换个软件聊"},
         datetime(last_tuesday.year, last_tuesday.month, last_tuesday.day), "day"),
    ]


class Shots:
    def __init__(self, lang: str, window: QWidget) -> None:
        self.lang, self.window, self.n = lang, window, 0
        SHOTS.mkdir(parents=True, exist_ok=True)

    def take(self, name: str, widget: QWidget | None = None) -> None:
        """The window (or a dialog) at 1366×768 and at 800×600 (a dialog keeps its own size,
        capped to the screen)."""
        self.n += 1
        target = widget or self.window
        for w, h in ((1366, 768), (800, 600)):
            if widget is None:
                self.window.resize(w, h)
            else:
                size = target.size()
                target.resize(min(size.width(), w), min(size.height(), h))
            QApplication.processEvents()
            target.grab().save(str(SHOTS / f"{self.lang}-{w}x{h}-{self.n:02d}-{name}.png"))
        if widget is None:
            self.window.resize(1366, 768)
        QApplication.processEvents()


def _modal(qtbot: Any, open_it: Callable[[], None], work: Callable[[Any], None]) -> None:
    """Open a modal dialog through the window and run ``work(dialog)`` while it is open."""
    seen: list[Any] = []

    def inside() -> None:
        dlg = QApplication.activeModalWidget()
        if dlg is None:
            QTimer.singleShot(20, inside)
            return
        seen.append(dlg)
        try:
            work(dlg)
        finally:
            if dlg.isVisible():
                dlg.close()

    QTimer.singleShot(0, inside)
    open_it()
    assert seen, "no dialog opened"


def _type(qtbot: Any, field: Any, text: str) -> None:
    """Type into a line edit: key by key where QTest can (ASCII), else as an input method
    commits text (QLineEdit.insert emits textEdited as typing does)."""
    if text.isascii():
        qtbot.keyClicks(field, text)
    else:
        field.insert(text)


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_new_user_walks_from_the_demo_to_an_exported_report(
        make_window: Any, settings: Any, gui_app: Any, qtbot: Any, tmp_path: Path,
        lang: str) -> None:
    from journal.core import demo
    from journal.gui import dialogs, qtsetup
    from journal.gui.editor.dialog import EntryEditorDialog

    zh = lang == "zh"
    settings.language = lang
    qtsetup.install_translators(gui_app, lang)
    window = make_window()
    window.resize(1366, 768)
    shots = Shots(lang, window)
    welcome = window.welcome
    welcome.show_start()
    shots.take("start")

    # 1. try the demo: the passphrase is filled in, the banner shows, the story is in my language
    qtbot.mouseClick(welcome.start.demo_button, Qt.MouseButton.LeftButton)
    unlock = welcome.unlock
    qtbot.waitUntil(lambda: unlock.passphrase.isEnabled() and not welcome.is_busy(),
                    timeout=60000)
    assert unlock.passphrase.text() == demo.DEMO_PASSPHRASE
    assert unlock.demo_passphrase.isVisible()
    shots.take("demo-unlock")
    qtbot.mouseClick(unlock.submit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.journal is not None, timeout=30000)
    assert window.demo_banner.isVisible()
    assert ("示例日志" if zh else "Demo journal") in window.demo_banner.text()
    names = {p.name for p in window.journal.list_persons()}
    assert ("小敏" in names) if zh else ("Xiao Min" in names)
    shots.take("demo-open")
    window.lock()

    # 2. create my own journal
    welcome.show_start()
    qtbot.mouseClick(welcome.start.create_button, Qt.MouseButton.LeftButton)
    create = welcome.create_page
    own = tmp_path / "mine.ijournal"
    create.location.setText(str(own))
    _type(qtbot, create.passphrase, OWN_PASS[lang])
    _type(qtbot, create.repeat, OWN_PASS[lang])
    shots.take("create")
    qtbot.mouseClick(create.submit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.journal is not None, timeout=60000)
    assert Path(window.journal.path) == own
    assert not window.demo_banner.isVisible()
    window.build_all_views()
    window.show_view("timeline")
    timeline = window.views["timeline"]

    # 3. a week of contacts, the dates typed as people type them
    cases = _typed(timeparse.now().date())
    for i, (typed, summaries, _meant, _precision) in enumerate(cases):
        def fill(dlg: Any, typed: str = typed, summary: str = summaries[lang], i: int = i) -> None:
            assert isinstance(dlg, EntryEditorDialog)
            _type(qtbot, dlg.summary, summary)
            qtbot.keyClick(dlg.summary, Qt.Key.Key_Return)  # Enter moves on, never saves
            assert dlg.isVisible()
            dlg.when.edit.selectAll()
            _type(qtbot, dlg.when.edit, typed)
            assert dlg.when.problem() == ""
            assert dlg.when.understood.isVisible()
            understood = dlg.when.understood.text()
            assert understood.startswith("理解为：" if zh else "Understood as: ")
            if i == 0:
                dlg.resize(dlg.width(), min(dlg.height(), 740))
                shots.take("editor", dlg)
            qtbot.keyClick(dlg.when.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

        _modal(qtbot, lambda: window.new_entry("contact"), fill)
    model = timeline.model
    qtbot.waitUntil(lambda: model.rowCount() == len(cases))
    shown = {model.data(model.index(r, c), Qt.ItemDataRole.DisplayRole)
             for r in range(model.rowCount()) for c in range(model.columnCount())}
    expected = [timeparse.show_when(meant.astimezone(), precision, lang)
                for _t, _s, meant, precision in cases]
    for text in expected:
        assert text in shown
    assert ("2024年3月1日 20:15" if zh else "2024-03-01 20:15") in shown  # the time typed
    shots.take("timeline")

    # 4. lock; the next unlock screen is my own journal, not the demo
    window.lock()
    assert welcome.current_path() == own
    assert unlock.passphrase.text() == ""
    assert not unlock.demo_passphrase.isVisible()
    shots.take("locked")
    _type(qtbot, unlock.passphrase, OWN_PASS[lang])
    qtbot.keyClick(unlock.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.journal is not None, timeout=30000)
    assert Path(window.journal.path) == own
    window.build_all_views()

    # 5. change the passphrase from the Journal menu
    def change(dlg: Any) -> None:
        dlg.show()
        _type(qtbot, dlg.old, OWN_PASS[lang])
        qtbot.keyClick(dlg.old, Qt.Key.Key_Return)
        _type(qtbot, dlg.new, NEW_PASS[lang])
        qtbot.keyClick(dlg.new, Qt.Key.Key_Return)
        _type(qtbot, dlg.repeat, NEW_PASS[lang])
        assert dlg.task is None  # nothing happened on Enter
        shots.take("passphrase", dlg)
        qtbot.keyClick(dlg.repeat, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: bool(dlg.outcome), timeout=60000)
        assert dlg.result_label.text().startswith(
            "密码已更改。" if zh else "The passphrase was changed.")
        shots.take("passphrase-done", dlg)

    _modal(qtbot, window.act_passphrase.trigger, change)

    # 6. check integrity
    def check(dlg: Any) -> None:
        qtbot.waitUntil(lambda: dlg.result is not None, timeout=60000)
        assert dlg.title.text() == ("日志完好" if zh else "The journal is intact")
        assert dlg.head.text() == window.journal.head_hash()
        shots.take("integrity", dlg)

    _modal(qtbot, window.act_integrity.trigger, check)

    # 7. the report PDF, read back
    window.show_view("report")
    report = window.views["report"]
    shots.take("report")
    out = tmp_path / "report.pdf"
    dialogs.set_next_file(str(out))
    qtbot.mouseClick(report.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: report.worker is None and out.exists(), timeout=120000)
    shots.take("report-done")
    text = _pdf_text(out)
    flat = re.sub(r"\s+", "", text) if zh else " ".join(text.split())
    for shown_time in expected:
        assert (re.sub(r"\s+", "", shown_time) if zh else shown_time) in flat, shown_time
    for raw in RAW_IDS:
        assert not re.search(rf"(?<![\w/.-]){raw}(?![\w/.-])", text), raw
    if zh:
        assert "WS-" not in text
        prose = re.sub(r"[\w.-]+\.(?:pem|ijournal|zip|pdf|txt)\b", " ", text)  # file names
        words = {w for w in re.findall(r"[A-Za-z][A-Za-z0-9]+", prose)
                 if not re.fullmatch(r"[0-9a-fA-F]+", w)} - ZH_ALLOWED  # (hashes are hex)
        assert not words, sorted(words)
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "4", str(out),
                    str(SHOTS / f"{lang}-pdf")], check=True)
    window.lock()
    from journal.core.store import Journal

    Journal.open(own, NEW_PASS[lang]).close()  # the new passphrase opens it
