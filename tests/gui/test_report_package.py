"""The Report page's evidence package: fingerprint shown, made in the background, checked with
the same checker an official's tools agree with; size question over 100 MB; lock; zh and en."""

from __future__ import annotations

import threading
import zipfile
from pathlib import Path
from typing import Any

import pytest

from journal.core import package as packages
from journal.core.models import EntryDraft, Handle
from journal.core.package import verify_package
from journal.gui import dialogs


@pytest.fixture(autouse=True)
def _reset_dialogs() -> Any:
    dialogs.reset()
    yield
    dialogs.reset()


@pytest.fixture
def filled(journal: Any) -> Any:
    p = journal.add_person("Xiao Min 小敏", handles=[Handle("wechat", "xm_harbour2024")])
    e = journal.add_entry(EntryDraft(kind="request", summary="Photograph ships at the pier",
                                     details="Add xm_harbour2024", persons=[p.id]))
    journal.add_attachment(entry_id=e.id, data=b"original chat export\n", filename="chat.txt")
    return journal


def make_view(qtbot: Any, journal: Any) -> Any:
    from journal.gui.report.view import ReportView

    view = ReportView()
    qtbot.addWidget(view)
    view.set_journal(journal)
    return view


def test_fingerprint_is_shown_and_dropped_on_lock(qtbot: Any, filled: Any) -> None:
    view = make_view(qtbot, filled)
    assert view.package_box.fingerprint.text() == filled.signing_fingerprint()
    view.set_journal(None)
    assert view.package_box.fingerprint.text() == ""
    assert not view.package_box.export_button.isEnabled()


def test_export_package_in_the_background_then_it_verifies(qtbot: Any, filled: Any,
                                                            tmp_path: Path) -> None:
    view = make_view(qtbot, filled)
    box = view.package_box
    view._select_lang("en")
    progress: list[tuple[int, int]] = []
    with qtbot.waitSignal(box.packageFinished, timeout=60000) as signal:
        dialogs.set_next_file(str(tmp_path / "evidence"))
        box.export_package()
        assert box.is_busy() and view.is_busy() and not box.export_button.isEnabled()
        box.worker.progressed.connect(lambda d, t: progress.append((d, t)))
    out = tmp_path / "evidence.zip"  # .zip added
    assert signal.args == [str(out)]
    result = verify_package(out, expect_key=filled.signing_fingerprint())
    assert result.ok, result.problems
    with zipfile.ZipFile(out) as zf:
        assert "evidence/data/originals/001-chat.txt" in zf.namelist()
        assert zf.read("evidence/data/originals/001-chat.txt") == b"original chat export\n"
    assert progress and progress[-1][0] == progress[-1][1]
    assert filled.signing_fingerprint() in box.status.text()
    assert box.export_button.isEnabled() and not view.is_busy()


def test_masked_choice_applies_to_the_package(qtbot: Any, filled: Any, tmp_path: Path) -> None:
    view = make_view(qtbot, filled)
    view.redact_check.setChecked(True)
    with qtbot.waitSignal(view.package_box.packageFinished, timeout=60000):
        dialogs.set_next_file(str(tmp_path / "masked.zip"))
        view.package_box.export_package()
    with zipfile.ZipFile(tmp_path / "masked.zip") as zf:
        names = zf.namelist()
        assert not [n for n in names if "/data/originals/" in n]
        assert b"xm_harbour2024" not in zf.read("masked/data/journal.json")
    assert "masked copy" in view.package_box.status.text()


def test_existing_file_is_refused_with_a_message_and_kept(qtbot: Any, filled: Any,
                                                           tmp_path: Path) -> None:
    view = make_view(qtbot, filled)
    out = tmp_path / "exists.zip"
    out.write_bytes(b"keep")
    dialogs.set_next_file(str(out))
    dialogs.set_next_answer(True)  # the error message
    view.package_box.export_package()
    assert not view.package_box.is_busy()
    assert dialogs.shown and "already exists" in dialogs.shown[-1][1]
    assert out.read_bytes() == b"keep"


def test_size_over_the_limit_is_asked_first_and_no_means_nothing_written(
        qtbot: Any, filled: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(packages, "SIZE_NOTICE_BYTES", 1000)
    view = make_view(qtbot, filled)
    dialogs.set_next_file(str(tmp_path / "big.zip"))
    dialogs.set_next_answer(False)
    view.package_box.export_package()
    assert dialogs.shown[-1][0] == "question" and "The package will be about" in dialogs.shown[-1][1]
    assert not view.package_box.is_busy() and not (tmp_path / "big.zip").exists()
    with qtbot.waitSignal(view.package_box.packageFinished, timeout=60000):
        dialogs.set_next_file(str(tmp_path / "big.zip"))
        dialogs.set_next_answer(True)
        view.package_box.export_package()
    assert (tmp_path / "big.zip").exists()


def test_locking_while_it_runs_stops_it_and_leaves_no_file(
        qtbot: Any, filled: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    started = threading.Event()
    go_on = threading.Event()
    real = packages.build_package

    def held(*args: Any, **kwargs: Any) -> Any:  # the real work, held until the lock happened
        started.set()
        assert go_on.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(packages, "build_package", held)
    view = make_view(qtbot, filled)
    out = tmp_path / "locked.zip"
    dialogs.set_next_file(str(out))
    view.package_box.export_package()
    assert started.wait(30) and view.package_box.is_busy()
    view.set_journal(None)
    go_on.set()
    qtbot.waitUntil(lambda: not view.package_box.is_busy(), timeout=60000)
    assert "locked" in view.package_box.status.text()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        p.name for p in tmp_path.iterdir() if p.name.startswith(filled.path.name))


def test_the_whole_flow_in_chinese(qtbot: Any, filled: Any, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from journal.gui import qtsetup

    app = QApplication.instance()
    qtsetup.install_translators(app, "zh")  # type: ignore[arg-type]
    try:
        view = make_view(qtbot, filled)
        view._select_lang("zh")
        taken = tmp_path / "已有.zip"
        taken.write_bytes(b"keep")
        dialogs.set_next_file(str(taken))
        dialogs.set_next_answer(True)  # the error message
        view.package_box.export_package()
        assert "已有文件" in dialogs.shown[-1][1] and taken.read_bytes() == b"keep"
        with qtbot.waitSignal(view.package_box.packageFinished, timeout=60000):
            dialogs.set_next_file(str(tmp_path / "证据包"))
            view.package_box.export_package()
            assert view.package_box.status.text() == "正在生成证据包…"
        status = view.package_box.status.text()
        assert status.startswith("已保存 证据包.zip：") and "签名密钥指纹" in status
        assert verify_package(tmp_path / "证据包.zip").ok
    finally:
        qtsetup.install_translators(app, "en")  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_package_section_screenshot(qtbot: Any, filled: Any, lang: str) -> None:
    from PySide6.QtWidgets import QApplication

    from journal.gui import qtsetup

    app = QApplication.instance()
    qtsetup.register_fonts()
    qtsetup.apply_default_font(app)  # type: ignore[arg-type]
    qtsetup.install_translators(app, lang)  # type: ignore[arg-type]
    try:
        view = make_view(qtbot, filled)
        view.resize(820, 1500)
        view.show()
        qtbot.waitExposed(view)
        view.package_box.grab().save(f"/tmp/package-gui-{lang}.png")
        view.grab().save(f"/tmp/package-gui-page-{lang}.png")
        expected = "导出证据包…" if lang == "zh" else "Export evidence package…"
        assert view.package_box.export_button.text() == expected
    finally:
        qtsetup.install_translators(app, "en")  # type: ignore[arg-type]
