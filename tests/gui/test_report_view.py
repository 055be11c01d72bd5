"""The Report page: options, export off the UI thread, summary on the clipboard, lock."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QGuiApplication

from journal.core.errors import ExportError
from journal.core.models import EntryDraft, Handle
from journal.gui import dialogs
from journal.gui.worker import Cancelled

TZ = timezone(timedelta(hours=8))
START = datetime(2024, 3, 1, 20, 0, tzinfo=TZ)


@pytest.fixture(autouse=True)
def _reset_dialogs() -> Any:
    dialogs.reset()
    yield
    dialogs.reset()


@pytest.fixture
def filled(journal: Any) -> Any:
    min_ = journal.add_person(
        "Xiao Min",
        role="Editor",
        organisation="Travel magazine",
        handles=[Handle("wechat", "xm_harbour2024"), Handle("phone", "13812345678")],
    )
    zhang = journal.add_person("Director Zhang", organisation="Survey company")
    journal.add_entry(
        EntryDraft(
            kind="contact", summary="She added me on the app", occurred_at=START, persons=[min_.id]
        )
    )
    journal.add_entry(
        EntryDraft(
            kind="request",
            summary="Photograph ships at the pier",
            occurred_at=START + timedelta(days=5),
            persons=[min_.id],
            task="Photograph ships",
            target="North pier",
            status="refused",
            amount=Decimal(2000),
            currency="CNY",
            details="Call 13812345678 if lost.",
        )
    )
    journal.add_entry(
        EntryDraft(
            kind="payment",
            summary="Paid for photos",
            occurred_at=START + timedelta(days=6),
            persons=[min_.id],
            amount=Decimal(300),
            currency="CNY",
            method="wechat",
            direction="received",
        )
    )
    journal.add_entry(
        EntryDraft(
            kind="contact",
            summary="Zhang offers a survey job",
            occurred_at=START + timedelta(days=9),
            persons=[zhang.id],
        )
    )
    return journal


def make_view(qtbot: Any, journal: Any) -> Any:
    from journal.gui.report.view import ReportView

    view = ReportView()
    qtbot.addWidget(view)
    view.set_journal(journal)
    return view


def run_export(qtbot: Any, view: Any, path: Path) -> None:
    dialogs.set_next_file(str(path))
    view.export_pdf()
    assert view.is_busy()
    qtbot.waitUntil(lambda: not view.is_busy(), timeout=30000)


def test_export_pdf_off_the_ui_thread(qtbot: Any, filled: Any, tmp_path: Path) -> None:
    view = make_view(qtbot, filled)
    assert view.person_list.count() == 2
    view._select_lang("en")
    view.prepared_edit.setText("Liu Yang")
    out = tmp_path / "report"
    with qtbot.waitSignal(view.exportFinished, timeout=30000) as signal:
        dialogs.set_next_file(str(out))
        view.export_pdf()
        assert not view.export_button.isEnabled()  # busy while it runs
    assert signal.args == [str(tmp_path / "report.pdf")]  # .pdf added
    text = "\n".join(p.extract_text() for p in PdfReader(str(tmp_path / "report.pdf")).pages)
    assert "Liu Yang" in text and "Photograph ships" in text
    assert view.folder_button.isEnabled() and view.export_button.isEnabled()
    assert "report.pdf" in view.status.text()
    assert view.last_stats is not None and view.last_stats.entries == 4


def test_options_from_widgets(qtbot: Any, filled: Any, tmp_path: Path) -> None:
    view = make_view(qtbot, filled)
    view._select_lang("zh")
    view.since_check.setChecked(True)
    view.since_edit.setDate(QDate(2024, 3, 5))
    view.kind_checks["contact"].setChecked(False)
    view.person_list.item(1).setCheckState(
        Qt.CheckState.Unchecked
    )  # sorted: Director Zhang, Xiao Min
    view.redact_check.setChecked(True)
    view.pictures_check.setChecked(False)
    opts = view.options()
    assert opts.lang == "zh" and str(opts.since) == "2024-03-05" and opts.until is None
    assert "contact" not in (opts.kinds or []) and len(opts.kinds or []) == 7
    assert opts.person_ids == [view.person_list.item(0).data(Qt.ItemDataRole.UserRole)]
    assert opts.redact and not opts.include_attachments and opts.password is None


def test_password_twice_and_encrypted(qtbot: Any, filled: Any, tmp_path: Path) -> None:
    view = make_view(qtbot, filled)
    view.password_check.setChecked(True)
    view.password_edit.setText("teacher-only 123")
    view.password_again.setText("teacher-only 124")
    view.show()
    view.export_pdf()
    assert not view.is_busy()
    assert dialogs.shown == []  # said beside the field, not in a message box
    assert view.password_error.isVisible() and "differ" in view.password_error.text()
    qtbot.keyClicks(view.password_again, "x")  # changing the field takes it away at once
    assert not view.password_error.isVisible()
    view.password_edit.setText("")
    view.password_again.setText("")
    dialogs.set_next_answer(True)
    view.export_pdf()
    assert dialogs.shown == []
    assert "password" in view.password_error.text().lower()  # empty password refused
    view.password_edit.setText("teacher-only 123")
    view.password_again.setText("teacher-only 123")
    out = tmp_path / "locked.pdf"
    run_export(qtbot, view, out)
    reader = PdfReader(str(out))
    assert reader.is_encrypted and reader.decrypt("wrong") == 0
    assert reader.decrypt("teacher-only 123") != 0
    assert view.password_edit.text() == ""  # not kept after use


def test_unwritable_place_shows_clear_error(qtbot: Any, filled: Any, tmp_path: Path) -> None:
    view = make_view(qtbot, filled)
    dialogs.set_next_answer(True)
    run_export(qtbot, view, tmp_path / "missing-folder" / "r.pdf")
    assert dialogs.shown[-1][0] == "warning"
    assert "Cannot write" in dialogs.shown[-1][1] or "无法写入" in dialogs.shown[-1][1]
    assert not view.folder_button.isEnabled()


def test_cancel_dialog_does_nothing(qtbot: Any, filled: Any) -> None:
    view = make_view(qtbot, filled)
    dialogs.set_next_file("")
    view.export_pdf()
    assert not view.is_busy() and view.last_path is None


def test_copy_summary_text(qtbot: Any, filled: Any) -> None:
    view = make_view(qtbot, filled)
    view._select_lang("en")
    view.copy_summary()
    text = QGuiApplication.clipboard().text()
    assert text.startswith("Summary of suspicious contacts") and len(text) <= 2000
    assert "Xiao Min" in text and "Photograph ships" in text and "300.00 CNY" in text
    view.redact_check.setChecked(True)
    view.copy_summary()
    assert "xm_harbour2024" not in QGuiApplication.clipboard().text()
    QGuiApplication.clipboard().clear()


def test_lock_clears_and_stops(qtbot: Any, filled: Any, tmp_path: Path) -> None:
    view = make_view(qtbot, filled)
    view.prepared_edit.setText("Liu Yang")
    view.password_check.setChecked(True)
    view.password_edit.setText("secret pass")
    view.set_journal(None)
    assert view.person_list.count() == 0
    assert view.prepared_edit.text() == "" and view.password_edit.text() == ""
    assert not view.export_button.isEnabled() and not view.copy_button.isEnabled()
    view.export_pdf()  # nothing happens without a journal
    view.copy_summary()
    assert not view.is_busy()


def test_lock_during_export_writes_nothing(qtbot: Any, filled: Any, tmp_path: Path) -> None:
    with filled.transaction():
        for i in range(300):  # long enough that it cannot end between the first step and the lock
            filled.add_entry(
                EntryDraft(
                    kind="note",
                    summary=f"note {i}",
                    details="text " * 400,
                    occurred_at=START + timedelta(hours=i),
                )
            )
    view = make_view(qtbot, filled)
    out = tmp_path / "r.pdf"
    before = sorted(p.name for p in tmp_path.iterdir())
    dialogs.set_next_file(str(out))
    view.export_pdf()
    task = view.worker
    assert task is not None
    with qtbot.waitSignal(task.progressed, timeout=30000):
        pass  # the export is under way
    with qtbot.waitSignal(task.finished, timeout=60000):
        view.set_journal(None)  # locked while exporting
    # it stopped at its next step (build_pdf reports any stop in the layout as an ExportError)
    assert isinstance(task.error, ExportError) and isinstance(task.error.__cause__, Cancelled)
    assert not view.is_busy()
    assert view.status.text() == "The export was stopped because the journal was locked."
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no temp file either
    assert dialogs.shown == []


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_screenshot(qtbot: Any, filled: Any, lang: str, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from journal.gui import qtsetup

    app = QApplication.instance()
    qtsetup.register_fonts()
    qtsetup.apply_default_font(app)  # type: ignore[arg-type]
    qtsetup.install_translators(app, lang)  # type: ignore[arg-type]
    try:
        view = make_view(qtbot, filled)
        view.resize(820, 900)
        view.show()
        qtbot.waitExposed(view)
        image = view.grab()
        assert image.width() >= 800
        image.save(str(tmp_path / f"report-view-{lang}.png"))
        if lang == "zh":
            assert view.export_button.text() == "导出 PDF…"
        else:
            assert view.export_button.text() == "Export PDF…"
    finally:
        qtsetup.install_translators(app, "en")  # type: ignore[arg-type]


def test_refused_choices_are_said_beside_their_field_and_go_once_it_is_changed(
        qtbot: Any, filled: Any) -> None:
    view = make_view(qtbot, filled)
    view.show()
    for box in view.kind_checks.values():
        box.setChecked(False)
    view.export_pdf()
    assert dialogs.shown == [] and not view.is_busy()
    assert view.kinds_error.isVisible() and "tick at least one kind" in view.kinds_error.text()
    qtbot.mouseClick(view.kind_checks["contact"], Qt.MouseButton.LeftButton)
    assert not view.kinds_error.isVisible()
    for i in range(view.person_list.count()):
        view.person_list.item(i).setCheckState(Qt.CheckState.Unchecked)
    view.package_box.export_package()  # the evidence package reads the same choices
    assert dialogs.shown == []
    assert view.people_error.isVisible() and "tick at least one person" in view.people_error.text()
    view.person_list.item(0).setCheckState(Qt.CheckState.Checked)
    assert not view.people_error.isVisible()
    view.since_check.setChecked(True)
    view.until_check.setChecked(True)
    view.since_edit.setDate(QDate(2024, 5, 1))
    view.until_edit.setDate(QDate(2024, 4, 1))
    view.copy_summary()
    assert dialogs.shown == [] and view.period_error.isVisible()
    view.until_edit.setDate(QDate(2024, 6, 1))
    assert not view.period_error.isVisible()
