"""Promise: honest error messages. A full disk, a read-only file, folder or medium and a permission
problem are each reported as what they are (exit 1, in the user's language), never as "damaged,
open a backup"; a read-only journal (0444, a read-only folder, read-only media) can be listed,
shown, searched, exported and verified, and the window opens it read-only.

Real conditions: the commands run as the user nobody (``setpriv``), the full disk is a 2 MiB tmpfs,
the read-only medium a read-only bind mount (both need root, as on the test machines). A journal
busy in another process is covered by test_one_writer.py."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from journal.core.crypto import FAST_PARAMS
from journal.core.models import EntryDraft
from journal.core.store import Journal

from .conftest import PASS

DAMAGED_WORDS = ("damaged", "backup", "损坏", "备份")
READ_ONLY = {"en": "is read-only", "zh": "是只读的"}
NO_PERMISSION = {"en": "cannot be read (no permission)", "zh": "没有权限"}
DISK_FULL = {"en": "is full", "zh": "磁盘已满"}


def _cli(args: list[str], env: dict[str, str], as_nobody: bool = False) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "journal.cli", *args]
    if as_nobody:
        cmd = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *cmd]
    return subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture
def world(tmp_path: Path) -> Iterator[Path]:
    """A folder under /tmp that the user nobody can enter (pytest's own tmp_path is 0700)."""
    folder = Path(tempfile.mkdtemp(prefix="honest-", dir="/tmp"))
    folder.chmod(0o755)
    (folder / "home").mkdir(mode=0o777)
    (folder / "home").chmod(0o777)
    (folder / "out").mkdir()
    (folder / "out").chmod(0o777)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def _env(world: Path, lang: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JOURNAL_", "LC_", "LANG"))}
    env.update(HOME=str(world / "home"), JOURNAL_HOME=str(world / "home" / "jh"),
               JOURNAL_PASSPHRASE=PASS, LC_ALL="zh_CN.UTF-8" if lang == "zh" else "en_US.UTF-8")
    return env


def _journal(path: Path) -> str:
    with Journal.create(path, PASS, kdf=FAST_PARAMS) as j:
        entry = j.add_entry(EntryDraft(kind="note", summary="收到转账 paid for photos"))
    return entry.id


def _listing(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file()}


def _reading_works(path: Path, entry_id: str, env: dict[str, str], out: Path,
                   as_nobody: bool) -> None:
    run = _cli(["--journal", str(path), "list", "--json"], env, as_nobody)
    assert run.returncode == 0, run.stderr
    assert [e["id"] for e in json.loads(run.stdout)] == [entry_id]
    run = _cli(["--journal", str(path), "show", entry_id, "--json"], env, as_nobody)
    assert run.returncode == 0 and json.loads(run.stdout)["summary"] == "收到转账 paid for photos"
    run = _cli(["--journal", str(path), "search", "转账", "--json"], env, as_nobody)
    assert run.returncode == 0 and [e["id"] for e in json.loads(run.stdout)] == [entry_id]
    run = _cli(["--journal", str(path), "verify", "--json"], env, as_nobody)
    assert run.returncode == 0 and json.loads(run.stdout)["ok"] is True
    run = _cli(["--journal", str(path), "signs", "--json"], env, as_nobody)
    assert run.returncode == 0, run.stderr
    run = _cli(["--journal", str(path), "export", "text", str(out)], env, as_nobody)
    assert run.returncode == 0, run.stderr
    assert "1" in out.read_text(encoding="utf-8")
    run = _cli(["--journal", str(path), "export", "pdf", str(out.with_suffix(".pdf"))], env,
               as_nobody)
    assert run.returncode == 0, run.stderr
    copy = out.with_suffix(".ijbackup")  # a backup copy too, which the same passphrase opens
    run = _cli(["--journal", str(path), "backup", str(copy)], env, as_nobody)
    assert run.returncode == 0, run.stderr
    run = _cli(["--journal", str(copy), "list", "--json"], env, as_nobody)
    assert run.returncode == 0 and [e["id"] for e in json.loads(run.stdout)] == [entry_id]


def _writing_refused(path: Path, env: dict[str, str], lang: str, expected: dict[str, str],
                     as_nobody: bool) -> None:
    for args in (["add", "note", "--summary", "must not land"], ["person", "add", "Someone"],
                 ["rekey"]):
        run = _cli(["--journal", str(path), *args], {**env, "JOURNAL_NEW_PASSPHRASE": PASS + "x"},
                   as_nobody)
        assert run.returncode == 1, (args, run.returncode, run.stderr)
        assert expected[lang] in run.stderr, run.stderr
        assert not any(w in run.stderr for w in DAMAGED_WORDS), run.stderr


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("case", ["file-0444", "folder-read-only"])
def test_a_read_only_journal_is_read_exported_and_verified_and_writes_say_read_only(
        world: Path, lang: str, case: str) -> None:
    folder = world / "j"
    folder.mkdir()
    path = folder / "evidence.ijournal"
    entry_id = _journal(path)
    if case == "file-0444":
        path.chmod(0o444)
        folder.chmod(0o777)  # the folder is writable, the file is not
    else:
        path.chmod(0o666)
        folder.chmod(0o755)  # the file is writable, its folder (owned by root) is not
    before = _listing(folder)
    env = _env(world, lang)
    _reading_works(path, entry_id, env, world / "out" / "summary.txt", as_nobody=True)
    _writing_refused(path, env, lang, READ_ONLY, as_nobody=True)
    assert _listing(folder) == before  # nothing written, nothing left beside it


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_journal_without_read_permission_is_a_permission_problem(world: Path, lang: str) -> None:
    path = world / "private.ijournal"
    _journal(path)
    path.chmod(0o600)  # root's own file: nobody may not read it
    before = _listing(world)
    for args in (["list"], ["add", "note", "--summary", "x"], ["verify"]):
        run = _cli(["--journal", str(path), *args], _env(world, lang), as_nobody=True)
        assert run.returncode == 1, (args, run.stderr)
        assert NO_PERMISSION[lang] in run.stderr, run.stderr
        assert not any(w in run.stderr for w in DAMAGED_WORDS), run.stderr
    assert _listing(world) == before


@contextlib.contextmanager
def _mounted(args: list[str], target: Path) -> Iterator[None]:
    subprocess.run(["mount", *args, str(target)], check=True, capture_output=True)
    try:
        yield
    finally:
        subprocess.run(["umount", str(target)], check=True, capture_output=True)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_full_disk_is_reported_as_a_full_disk_and_the_journal_keeps_its_last_state(
        world: Path, lang: str) -> None:
    disk = world / "usb"
    disk.mkdir()
    with _mounted(["-t", "tmpfs", "-o", "size=2m", "tmpfs"], disk):
        path = disk / "j.ijournal"
        entry_id = _journal(path)
        big = world / "out" / "big.bin"
        env = _env(world, lang)
        added = 0
        for _ in range(6):  # fill the disk with attachments until a save fails
            big.write_bytes(os.urandom(700_000))  # new bytes each time (identical ones are kept once)
            run = _cli(["--journal", str(path), "add", "note", "--summary", "photo",
                        "--attach", str(big)], env)
            if run.returncode != 0:
                break
            added += 1
        assert run.returncode == 1, run.stderr
        assert DISK_FULL[lang] in run.stderr, run.stderr
        assert not any(w in run.stderr for w in DAMAGED_WORDS), run.stderr
        # an export onto the full disk says the same
        run = _cli(["--journal", str(path), "export", "text", str(disk / "s.txt")], env)
        assert run.returncode == 1 and DISK_FULL[lang] in run.stderr, run.stderr
        # everything acknowledged before is there, and the file checks out
        run = _cli(["--journal", str(path), "list", "--json"], env)
        assert run.returncode == 0, run.stderr
        listed = json.loads(run.stdout)
        assert len(listed) == added + 1 and entry_id in [e["id"] for e in listed]
        run = _cli(["--journal", str(path), "verify", "--json"], env)
        assert run.returncode == 0 and json.loads(run.stdout)["ok"] is True


def test_a_journal_on_read_only_media_opens_read_only_in_the_window_and_the_cli(
        world: Path, qtbot: Any, qapp: Any) -> None:
    src = world / "disc"
    src.mkdir()
    path = src / "handed-over.ijournal"
    entry_id = _journal(path)
    media = world / "media"
    media.mkdir()
    subprocess.run(["mount", "--bind", str(src), str(media)], check=True)
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(media)], check=True)
        ro_path = media / path.name
        before = _listing(media)
        env = _env(world, "en")
        _reading_works(ro_path, entry_id, env, world / "out" / "summary.txt", as_nobody=False)
        _writing_refused(ro_path, env, "en", READ_ONLY, as_nobody=False)

        from journal.core import settings as settings_mod
        from journal.gui import dialogs, qtsetup
        from journal.gui.main_window import MainWindow

        qtsetup.apply_default_font(qapp)
        qtsetup.install_translators(qapp, "en")
        dialogs.reset()
        window = MainWindow(settings=settings_mod.Settings(language="en", first_run_done=True,
                                                           backup_on_close=False),
                            kdf=FAST_PARAMS, journal_path=ro_path)
        window.offer_drafts_on_unlock = False
        qtbot.addWidget(window)
        window.show()
        window.welcome.unlock.passphrase.setText(PASS)
        window.welcome.unlock.submit.click()
        qtbot.waitUntil(lambda: window.journal is not None, timeout=20000)
        assert window.is_read_only() and window.journal.read_only_reason == "file"
        assert window.read_only_bar.isVisible()
        assert "cannot be written" in window.read_only_banner.text()
        assert not window.act_new.isEnabled()
        window.welcome.wait_idle()
        window._quitting = True
        window.lock(show_unlock=False)
        window.wait_for_close()
        assert _listing(media) == before
    finally:
        subprocess.run(["umount", str(media)], check=True)
