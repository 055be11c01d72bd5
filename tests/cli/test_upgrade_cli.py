"""The first command after an update of the program says on stderr, in the user's language, that
the journal is being brought up to date, with its steps (issue 17); stdout is the command's own
output. A real v1 journal (tests/data/journal-v1.ijournal), the real command."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "data"
V1_PASSPHRASE = "v1 journal 第一版 passphrase"  # the passphrase make_v1_journal.py used
CLI = str(Path(sys.executable).parent / "journal-cli")


def _list(path: Path, home: Path, lang: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE")}
    env.update(JOURNAL_PASSPHRASE=V1_PASSPHRASE, JOURNAL_HOME=str(home), LANG=lang)
    return subprocess.run([CLI, "--journal", str(path), "list", "--json"], capture_output=True,
                          text=True, env=env, timeout=120, check=False, stdin=subprocess.DEVNULL)


@pytest.mark.parametrize(("lang", "start", "steps"), [
    ("C.UTF-8", "Updating the journal to this version of the program",
     ["Step 1 of 5: keeping a backup of the journal as it was…",
      "Step 2 of 5: updating how the journal is stored…",
      "Step 3 of 5: rebuilding the search index…",
      "Step 4 of 5: counting the entries for the overview…",
      "Step 5 of 5: updating what each entry contributes to the warning signs…"]),
    ("zh_CN.UTF-8", "正在把日志升级到这个版本的程序",
     ["第 1 步（共 5 步）：保留一份日志原样的备份……",
      "第 2 步（共 5 步）：更新日志的存储结构……",
      "第 3 步（共 5 步）：重建搜索索引……",
      "第 4 步（共 5 步）：重新统计概览中的记录……",
      "第 5 步（共 5 步）：更新每条记录的警示信号数据……"]),
])
def test_the_first_command_after_an_update_prints_each_upgrade_step_on_stderr_once(
        tmp_path: Path, lang: str, start: str, steps: list[str]) -> None:
    path = tmp_path / "old.ijournal"
    shutil.copyfile(DATA / "journal-v1.ijournal", path)
    result = _list(path, tmp_path / "home", lang)
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert lines[0].startswith(start)
    assert [line for line in lines if not line.startswith("  ")][1:] == steps
    assert "  " + ("10 of 10 entries" if lang.startswith("C") else "已完成 10 / 10 条记录") in lines
    assert len(json.loads(result.stdout)) == 10  # the command's own output, untouched
    again = _list(path, tmp_path / "home", lang)  # up to date now: nothing more is said
    assert again.returncode == 0 and again.stderr == ""
