"""``journal-cli --help``: every command listed with a one-line description, in the user's language."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from journal import cli, clihelp

CLI = str(Path(sys.executable).parent / "journal-cli")
HAN = re.compile(r"[\u4e00-\u9fff]")


def _help(args: list[str], locale: str, home: Path) -> str:
    env = dict(os.environ, LC_ALL=locale, LANG=locale, JOURNAL_HOME=str(home))
    done = subprocess.run([CLI, *args, "--help"], capture_output=True, text=True, env=env,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _described_commands(text: str) -> dict[str, str]:
    """Lines of the command list: ``    name   description``."""
    out = {}
    for line in text.splitlines():
        m = re.match(r"^ {4}([a-z][a-z-]*) +(\S.*)$", line)
        if m:
            out[m.group(1)] = m.group(2)
    return out


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_command_and_subcommand_has_a_description_in_both_languages(lang: str) -> None:
    parser = cli.build_parser(lang)
    paths = clihelp.command_paths(parser)
    assert set(cli.COMMANDS) <= set(paths)
    missing = [p for p in paths if p not in clihelp.COMMAND_HELP]
    assert missing == []


def test_top_level_help_in_chinese_lists_every_command_with_a_chinese_line(tmp_path: Path) -> None:
    text = _help([], "zh_CN.UTF-8", tmp_path)
    listed = _described_commands(text)
    assert set(listed) == set(cli.COMMANDS)
    for name, line in listed.items():
        assert HAN.search(line), (name, line)
    assert text.startswith("用法：journal-cli")
    assert "选项：" in text and "显示本帮助并退出" in text
    assert "show this help" not in text and "options:" not in text


def test_top_level_help_in_english_lists_every_command_in_english(tmp_path: Path) -> None:
    text = _help([], "en_GB.UTF-8", tmp_path)
    listed = _described_commands(text)
    assert set(listed) == set(cli.COMMANDS)
    assert not HAN.search(text)
    assert listed["rekey"].startswith("change the passphrase")


def test_subcommand_help_in_chinese_describes_its_options(tmp_path: Path) -> None:
    text = _help(["export", "pdf"], "zh_CN.UTF-8", tmp_path)
    assert "供老师或国家安全机关查阅的 PDF 报告" in text
    assert re.search(r"--redact +遮盖所有账号", text)
    assert re.search(r"--password-file F +用该文件中的密码保护 PDF", text)


def _usage_error(args: list[str], locale: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, LC_ALL=locale, LANG=locale, JOURNAL_HOME=str(home))
    return subprocess.run([CLI, *args], capture_output=True, text=True, env=env, timeout=60,
                          check=False)


def test_usage_errors_are_in_chinese_for_a_chinese_user(tmp_path: Path) -> None:
    done = _usage_error(["export", "pdf"], "zh_CN.UTF-8", tmp_path)
    assert done.returncode == 2
    assert "journal-cli export pdf：错误：缺少必需的参数：out" in done.stderr
    assert "error:" not in done.stderr and "usage:" not in done.stderr
    unknown = _usage_error(["list", "--bogus"], "zh_CN.UTF-8", tmp_path)
    assert unknown.returncode == 2 and "无法识别的参数：--bogus" in unknown.stderr


def test_usage_errors_stay_english_for_an_english_user(tmp_path: Path) -> None:
    done = _usage_error(["export", "pdf"], "en_GB.UTF-8", tmp_path)
    assert done.returncode == 2
    assert "journal-cli export pdf: error: the following arguments are required: out" in done.stderr
    assert not HAN.search(done.stderr)
