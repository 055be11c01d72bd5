"""journal.core.fsutil: the one atomic file writer (exports, the PDF, settings, backups use it)."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from journal.core import fsutil


def test_write_replaces_the_file_whole_and_leaves_nothing_beside_it(tmp_path: Path) -> None:
    target = tmp_path / "export.csv"
    target.write_bytes(b"old")
    fsutil.write_bytes_atomic(target, "新的内容".encode())
    assert target.read_text(encoding="utf-8") == "新的内容"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.csv"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_a_new_file_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    target = tmp_path / "settings.json"
    fsutil.write_text_atomic(target, "{}")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_failed_rename_keeps_the_old_file_and_removes_the_temporary(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"old report")

    def refuse(src: object, dst: object) -> None:
        raise PermissionError("simulated")

    monkeypatch.setattr(fsutil.os, "replace", refuse)
    with pytest.raises(PermissionError):
        fsutil.write_bytes_atomic(target, b"new report")
    assert target.read_bytes() == b"old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]


def test_a_missing_folder_raises_oserror_and_creates_nothing(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        fsutil.write_bytes_atomic(tmp_path / "missing" / "x.json", b"{}")
    assert list(tmp_path.iterdir()) == []


def test_temporary_names_are_hidden_unique_and_next_to_the_target(tmp_path: Path) -> None:
    target = tmp_path / "diary.ijournal"
    names = {fsutil.temp_path_for(target, "rekey", suffix=".tmp") for _ in range(50)}
    assert len(names) == 50
    for name in names:
        assert name.parent == tmp_path
        assert name.name.startswith(f".diary.ijournal.rekey-{os.getpid()}-")
        assert name.name.endswith(".tmp")


def test_a_very_long_file_name_still_gives_a_valid_temporary_name(tmp_path: Path) -> None:
    target = tmp_path / ("报告" * 40 + ".pdf")  # 84 characters, 244 bytes in UTF-8
    fsutil.write_bytes_atomic(target, b"%PDF")
    assert target.read_bytes() == b"%PDF"


def test_fsync_dir_flushes_a_folder_and_ignores_one_that_cannot_be_opened(tmp_path: Path) -> None:
    fsutil.fsync_dir(tmp_path)  # a real folder: no error
    fsutil.fsync_dir(tmp_path / "gone")  # cannot be opened: nothing to do, no error


def test_fsync_dir_does_not_open_folders_on_windows(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[object] = []
    monkeypatch.setattr(fsutil, "CAN_OPEN_DIRS", False)  # what os.name == "nt" sets
    monkeypatch.setattr(fsutil.os, "open", lambda *a, **k: opened.append(a) or 0)
    fsutil.fsync_dir(tmp_path)
    assert opened == []
