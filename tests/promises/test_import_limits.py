"""Promise (issue 12, nothing leaked): an import cannot flood the disk, and a Telegram export
takes media only from Telegram's own media folders."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from journal.core.crypto import FAST_PARAMS
from journal.core.store import Journal

from .conftest import PASS, PNG

CLI = str(Path(sys.executable).parent / "journal-cli")


def _cli(journal: Path, *args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, JOURNAL_PASSPHRASE=PASS)
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        env.pop(var, None)
    env["LANGUAGE"] = "zh_CN" if lang == "zh" else "en"
    return subprocess.run([CLI, "--journal", str(journal), *args], check=False,
                          capture_output=True, text=True, env=env, timeout=300,
                          stdin=subprocess.DEVNULL)


def _state(path: Path) -> tuple[int, int, int]:
    with Journal.open(path, PASS) as j:
        return (j.count_entries(include_deleted=True), len(j.list_imports()),
                len(j.list_attachments()))


def _repeating_zip(path: Path, member_mb: int, times: int) -> None:
    """A WhatsApp iOS export whose chat names one member (zeros: it compresses to ~1/1000)
    ``times`` times."""
    lines = ["[12/03/2024, 14:05:33] Xiao Min: Hello"]
    for i in range(times):
        lines.append(f"[12/03/2024, 14:{10 + i:02d}:00] Xiao Min: \u200e<attached: big.jpg>")
    chunk = bytes(1024 * 1024)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("_chat.txt", "\n".join(lines) + "\n")
        with zf.open("big.jpg", "w", force_zip64=True) as fh:
            for _ in range(member_mb):
                fh.write(chunk)


@pytest.fixture
def jpath(tmp_path: Path) -> Path:
    path = tmp_path / "j.ijournal"
    Journal.create(path, PASS, kdf=FAST_PARAMS).close()
    return path


def test_zip_naming_one_190_mb_member_ten_times_is_refused_and_changes_nothing(
        tmp_path: Path, jpath: Path) -> None:
    archive = tmp_path / "WhatsApp Chat - Xiao Min.zip"
    _repeating_zip(archive, 190, 10)
    assert archive.stat().st_size < 400 * 1024  # ~194 KB that would become 1.9 GB
    before_bytes = jpath.stat().st_size
    for lang, words in (("en", "at most 1024 MB"), ("zh", "最多只能添加 1024 MB")):
        result = _cli(jpath, "import", "whatsapp", str(archive), lang=lang)
        assert result.returncode == 1, result.stderr
        assert words in result.stderr and "Traceback" not in result.stderr
    assert _state(jpath) == (0, 0, 0)
    assert jpath.stat().st_size < before_bytes + 1024 * 1024


def test_zip_that_expands_many_times_under_the_total_cap_is_refused(
        tmp_path: Path, jpath: Path) -> None:
    archive = tmp_path / "chat.zip"
    _repeating_zip(archive, 8, 12)  # 96 MB from a zip of a few KB
    for lang, words in (("en", "names the same files again and again"), ("zh", "反复引用同样的文件")):
        result = _cli(jpath, "import", "whatsapp", str(archive), lang=lang)
        assert result.returncode == 1, result.stderr
        assert words in result.stderr
    assert _state(jpath) == (0, 0, 0)


def test_zip_naming_a_member_a_few_times_imports(tmp_path: Path, jpath: Path) -> None:
    archive = tmp_path / "chat.zip"
    _repeating_zip(archive, 1, 3)
    result = _cli(jpath, "import", "whatsapp", str(archive))
    assert result.returncode == 0, result.stderr
    assert _state(jpath)[2] == 4  # three pictures and the export itself


def test_telegram_takes_media_only_from_its_own_folders(tmp_path: Path, jpath: Path) -> None:
    # A lone result.json in a home folder: it must not pull in the SSH key beside it, by a
    # plain path, through a link inside a media folder, or through a media folder that is a link.
    home = tmp_path / "home"
    (home / ".ssh").mkdir(parents=True)
    key = b"-----BEGIN OPENSSH PRIVATE KEY-----\nsecret-key-material-42\n"
    (home / ".ssh" / "id_ed25519").write_bytes(key)
    (home / "photos").mkdir()
    (home / "photos" / "ship.png").write_bytes(PNG)
    (home / "photos" / "key.jpg").symlink_to(home / ".ssh" / "id_ed25519")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "notes.txt").write_bytes(b"private notes outside the export\n")
    (home / "files").symlink_to(outside, target_is_directory=True)
    refs = [("photo", ".ssh/id_ed25519"), ("photo", "photos/key.jpg"),
            ("file", "files/notes.txt"), ("file", "photos/../.ssh/id_ed25519"),
            ("photo", "photos/ship.png")]
    messages = [
        {"id": i, "type": "message", "date": f"2024-03-12T14:0{i}:00",
         "date_unixtime": str(1710223500 + 60 * i), "from": "Xiao Min", "from_id": "user1",
         key_: ref, "text": f"message {i}"}
        for i, (key_, ref) in enumerate(refs, start=1)
    ]
    doc = {"name": "Xiao Min", "type": "personal_chat", "id": 1, "messages": messages}
    (home / "result.json").write_text(json.dumps(doc), encoding="utf-8")
    result = _cli(jpath, "import", "telegram", str(home / "result.json"))
    assert result.returncode == 0, result.stderr
    with Journal.open(jpath, PASS) as j:
        stored = [j.attachment_data(a.id) for a in j.list_attachments()]
    assert PNG in stored  # the picture in photos/ is taken
    assert len(stored) == 2  # the picture and result.json itself
    assert not any(b"secret-key-material" in d or b"private notes" in d for d in stored)
