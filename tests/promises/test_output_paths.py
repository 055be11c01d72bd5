"""Promise: no output path can destroy the journal. Every path a user chooses (export pdf/text,
backup, demo, the window's save dialogs) refuses the journal itself (by another spelling, a
symbolic link or a hard link), its -wal/-shm and lock files, any file that begins with a journal
header, and the backups folder: exit 1, nothing changed, a clear message in the user's language.
``export text -`` writes to standard output."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from journal.cli import main
from journal.core import paths
from journal.core.crypto import FAST_PARAMS
from journal.core.errors import InputError
from journal.core.store import Journal

from .conftest import PASS, fill

MESSAGE = {
    "journal": {"en": "is the journal itself or one of its own files", "zh": "就是日志本身或它自己的文件"},
    "other": {"en": "is an encrypted journal or backup", "zh": "是一个加密的日志或备份"},
    "backups": {"en": "is inside the backups folder", "zh": "位于备份文件夹中"},
}


@pytest.fixture
def setup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """A journal left with a -wal and -shm (as while it is open), lock files, another journal's
    backup, and the backups folder."""
    folder = tmp_path / "journals"
    folder.mkdir()
    path = folder / "j.ijournal"
    with Journal.create(path, PASS, kdf=FAST_PARAMS) as j:
        fill(j)
        other = j.backup(tmp_path / "other.ijbackup")
    # leave -wal/-shm and lock files behind, as a process still holding it open would
    script = ("import os\nfrom journal.core.models import EntryDraft\n"
              "from journal.core.store import Journal\n"
              f"j = Journal.open({str(path)!r}, {PASS!r})\n"
              "j.add_entry(EntryDraft(kind='note', summary='in the wal'))\nos._exit(0)\n")
    subprocess.run([sys.executable, "-c", script], check=True, timeout=120)
    assert Path(str(path) + "-wal").exists() and Path(str(path) + "-shm").exists()
    backups = paths.default_backup_dir()
    backups.mkdir(parents=True)
    (tmp_path / "hard.txt").unlink(missing_ok=True)
    os.link(path, tmp_path / "hard.txt")
    (tmp_path / "soft.txt").symlink_to(path)
    monkeypatch.setenv("JOURNAL_PASSPHRASE", PASS)
    return {"journal": path, "other": other, "backups": backups}


def _state(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def _targets(s: dict[str, Path]) -> list[tuple[str, str]]:
    j = s["journal"]
    return [
        (str(j), "journal"),
        (str(j.parent / ".." / j.parent.name / j.name), "journal"),  # another spelling
        (str(j.parent.parent / "hard.txt"), "journal"),  # a hard link
        (str(j.parent.parent / "soft.txt"), "journal"),  # a symbolic link
        (str(j) + "-wal", "journal"),
        (str(j) + "-shm", "journal"),
        (str(j) + ".lock", "journal"),
        (str(s["other"]), "other"),  # any file that begins with a journal header
        (str(s["backups"] / "report.txt"), "backups"),
    ]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("command", [["export", "text"], ["export", "pdf"], ["backup"], ["demo"]])
def test_every_output_command_refuses_the_journal_its_files_other_journals_and_the_backups(
        setup: dict[str, Path], tmp_path: Path, command: list[str], lang: str,
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8" if lang == "zh" else "en_US.UTF-8")
    backups = setup["backups"]
    for target, why in _targets(setup):
        before = _state(tmp_path) | _state(backups)
        code = main(["--journal", str(setup["journal"]), *command, target])
        err = capsys.readouterr().err
        assert code == 1, (command, target, err)
        assert MESSAGE[why][lang] in err, (target, err)
        assert _state(tmp_path) | _state(backups) == before, (command, target)
    with Journal.open(setup["journal"], PASS) as j:
        assert j.search("in the wal") and j.verify().ok


def test_export_text_dash_writes_to_standard_output(
        setup: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = set(_state(tmp_path))
    assert main(["--journal", str(setup["journal"]), "export", "text", "-", "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("可疑接触情况摘要") and "记录" in out
    assert not (Path.cwd() / "-").exists()
    # no file was written (reading may fold the leftover -wal into the journal, same content, and
    # remove the lock files the killed process left)
    assert set(_state(tmp_path)) <= before


def test_core_check_refuses_a_journal_copy_with_another_name(tmp_path: Path) -> None:
    from journal.core.outpath import check_output_path

    path = tmp_path / "j.ijournal"
    Journal.create(path, PASS, kdf=FAST_PARAMS).close()
    renamed = tmp_path / "notes.txt"
    renamed.write_bytes(path.read_bytes())
    with pytest.raises(InputError) as info:
        check_output_path(renamed)
    assert info.value.key == "error.output_is_a_journal"
    assert check_output_path(tmp_path / "fine.txt") == tmp_path / "fine.txt"


def test_window_save_dialogs_refuse_the_journal(qtbot: Any, setup: dict[str, Path],
                                               tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from journal.gui import dialogs
    from journal.gui.attachments.viewer import AttachmentViewer
    from journal.gui.report.view import ReportView

    errors: list[BaseException] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _parent, exc, _title=None: errors.append(exc))
    # the report dialog adds ".pdf" to a name without it, so its targets end with .pdf
    os.link(setup["journal"], tmp_path / "linked.pdf")
    (tmp_path / "copy.pdf").write_bytes(setup["other"].read_bytes())
    with Journal.open(setup["journal"], PASS) as j:
        before = _state(tmp_path)
        before.pop("journals/j.ijournal-shm")  # SQLite's shared memory changes as it reads
        view = ReportView()
        qtbot.addWidget(view)
        view.set_journal(j)
        for target in (tmp_path / "linked.pdf", tmp_path / "copy.pdf",
                       setup["backups"] / "report.pdf"):
            dialogs.set_next_file(str(target))
            view.export_pdf()
            assert not view.is_busy() and view.last_path is None
        att = j.list_attachments()[0]
        viewer = AttachmentViewer(j, att.id)
        qtbot.addWidget(viewer)
        for target, _why in _targets(setup):
            dialogs.set_next_file(target)
            assert viewer.save_copy() is False
        after = _state(tmp_path)
        after.pop("journals/j.ijournal-shm")
        assert after == before
    keys = [getattr(e, "key", None) for e in errors]
    assert keys[:3] == ["error.output_is_journal", "error.output_is_a_journal",
                        "error.output_in_backups"]
    assert keys[3:] == ["error.output_is_journal"] * 7 + ["error.output_is_a_journal",
                                                           "error.output_in_backups"]
