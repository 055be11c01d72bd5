"""Promise (issue 12, nothing leaked): files from outside are parsed in a child process that
never holds the key, under memory and time limits; a crash or a limit is a clear refusal and
nothing changes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from journal.core.crypto import FAST_PARAMS
from journal.core.errors import ImportFormatError
from journal.core.importers import parse_file
from journal.core.importers.sandbox import SandboxLimits, parse_file_isolated, run_isolated
from journal.core.store import Journal

from .conftest import PASS

CLI = str(Path(sys.executable).parent / "journal-cli")
HERE = Path(__file__).resolve().parent
DATA = HERE.parent / "data" / "imports"


@pytest.fixture
def hostile(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The hostile parsers importable in the child; an export file to hand them."""
    monkeypatch.setenv("PYTHONPATH", str(HERE))
    export = tmp_path / "export" / "chat.txt"
    export.parent.mkdir()
    export.write_text("[12/03/2024, 14:05:33] X: hi\n", encoding="utf-8")
    return export


def _big_telegram(path: Path, n: int) -> None:
    start = datetime(2024, 3, 1, tzinfo=UTC)
    messages = [
        {"id": i, "type": "message", "date": (start + timedelta(minutes=i)).isoformat()[:19],
         "date_unixtime": str(int((start + timedelta(minutes=i)).timestamp())),
         "from": "Xiao Min", "from_id": "user1", "text": f"消息 {i} " + "港口的船" * 20}
        for i in range(n)
    ]
    path.write_text(json.dumps({"name": "Xiao Min", "type": "personal_chat", "id": 1,
                                "messages": messages}, ensure_ascii=False), encoding="utf-8")


def test_a_parser_that_crashes_is_a_refusal(hostile: Path) -> None:
    with pytest.raises(ImportFormatError) as info:
        run_isolated("hostile_parsers:crash", hostile)
    assert info.value.key == "import.sandbox_crashed"
    assert "chat.txt" in info.value.message("en") and "意外停止" in info.value.message("zh")


def test_a_parser_that_never_ends_is_stopped_at_the_time_limit(hostile: Path) -> None:
    with pytest.raises(ImportFormatError) as info:
        run_isolated("hostile_parsers:hang", hostile, limits=SandboxLimits(seconds=2))
    assert info.value.key == "import.sandbox_timeout"
    assert "2 seconds" in info.value.message("en") and "2 秒" in info.value.message("zh")


def test_a_parser_that_eats_memory_is_stopped_at_the_memory_limit(hostile: Path) -> None:
    with pytest.raises(ImportFormatError) as info:
        run_isolated("hostile_parsers:hog", hostile,
                     limits=SandboxLimits(memory_bytes=512 * 2**20, seconds=60))
    assert info.value.key == "import.sandbox_memory"
    assert "512 MB" in info.value.message("en") and "512 MB 的内存" in info.value.message("zh")


def test_the_child_is_another_process_without_the_passphrase(
        hostile: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOURNAL_PASSPHRASE", PASS)
    monkeypatch.setenv("JOURNAL_NEW_PASSPHRASE", PASS + " new")
    seen: Any = run_isolated("hostile_parsers:spy", hostile,
                             limits=SandboxLimits(memory_bytes=2 * 2**30))
    assert seen["pid"] != os.getpid()
    assert seen["secrets"] == [] and seen["values"] == []
    assert seen["as_limit"] == 2 * 2**30


def test_media_a_misled_child_names_outside_the_export_are_refused(hostile: Path) -> None:
    (hostile.parent.parent / "secret.txt").write_text("not for the journal", encoding="utf-8")
    with pytest.raises(ImportFormatError) as info:
        run_isolated("hostile_parsers:misled", hostile)
    assert info.value.key == "import.sandbox_crashed"


def test_the_child_gives_the_same_chat_as_parsing_in_process(tmp_path: Path) -> None:
    for kind, path in (("telegram", DATA / "telegram/chat/result.json"),
                       ("whatsapp", DATA / "whatsapp/ios_dmy/_chat.txt"),
                       ("whatsapp", DATA / "whatsapp/zip/WhatsApp Chat - Xiao Min.zip"),
                       ("csv", DATA / "csv/chat.csv")):
        isolated = parse_file_isolated(kind, path, tz="Asia/Shanghai")
        assert isolated == parse_file(kind, path.absolute(), tz="Asia/Shanghai"), path
    assert any(m.media for m in isolated.messages) or kind == "csv"


def test_parse_errors_come_back_as_the_same_refusal(tmp_path: Path) -> None:
    bad = tmp_path / "result.json"
    bad.write_text('{"messages": [', encoding="utf-8")
    with pytest.raises(ImportFormatError) as info:
        parse_file_isolated("telegram", bad)
    assert info.value.key == "import.not_json" and info.value.params["name"] == "result.json"


@pytest.mark.parametrize(("lang", "words"), [("en", "more than 200 MB of memory"),
                                             ("zh", "需要超过 200 MB 的内存")])
def test_cli_import_over_the_memory_limit_is_refused_and_changes_nothing(
        tmp_path: Path, lang: str, words: str) -> None:
    path = tmp_path / "j.ijournal"
    Journal.create(path, PASS, kdf=FAST_PARAMS).close()
    export = tmp_path / "export" / "result.json"
    export.parent.mkdir()
    _big_telegram(export, 40_000)  # about 6 MB of JSON, far more as Python objects
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANG")}
    env.update(JOURNAL_PASSPHRASE=PASS, LANGUAGE="zh_CN" if lang == "zh" else "en",
               JOURNAL_IMPORT_MEMORY_MB="200")
    result = subprocess.run([CLI, "--journal", str(path), "import", "telegram", str(export)],
                            check=False, capture_output=True, text=True, env=env, timeout=300,
                            stdin=subprocess.DEVNULL)
    assert result.returncode == 1, result.stderr
    assert words in result.stderr and "Traceback" not in result.stderr
    with Journal.open(path, PASS) as j:
        assert j.count_entries(include_deleted=True) == 0 and j.list_imports() == []
    if lang == "zh":
        return
    env.pop("JOURNAL_IMPORT_MEMORY_MB")  # with the normal limit the same file imports
    result = subprocess.run([CLI, "--journal", str(path), "import", "telegram", str(export)],
                            check=False, capture_output=True, text=True, env=env, timeout=300,
                            stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stderr


def test_window_import_over_the_memory_limit_shows_the_refusal(
        qtbot: Any, qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from journal.gui import dialogs, qtsetup
    from journal.gui.importer.dialog import ImportDialog

    qtsetup.install_translators(qapp, "en")

    monkeypatch.setenv("JOURNAL_IMPORT_MEMORY_MB", "200")
    export = tmp_path / "export" / "result.json"
    export.parent.mkdir()
    _big_telegram(export, 40_000)
    with Journal.create(tmp_path / "j.ijournal", PASS, kdf=FAST_PARAMS) as j:
        dlg = ImportDialog(j)
        qtbot.addWidget(dlg)
        dialogs.set_next_file(str(export))
        dlg.choose_button.click()
        qtbot.waitUntil(lambda: not dlg.busy(), timeout=60_000)
        assert dlg.parsed is None
        assert "more than 200 MB of memory" in dlg.choose_status.text()
        assert j.count_entries(include_deleted=True) == 0
    dialogs.reset()
