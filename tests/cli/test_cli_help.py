"""``journal-cli --help``: every command listed with a one-line description, in the user's language."""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from journal import cli, clihelp
from journal.core import fields

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
    assert re.search(r"--password-file 文件\s+用该文件中的密码保护 PDF", text)


def _usage_error(args: list[str], locale: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, LC_ALL=locale, LANG=locale, JOURNAL_HOME=str(home))
    return subprocess.run([CLI, *args], capture_output=True, text=True, env=env, timeout=60,
                          check=False)


def test_usage_errors_are_in_chinese_for_a_chinese_user(tmp_path: Path) -> None:
    done = _usage_error(["export", "pdf"], "zh_CN.UTF-8", tmp_path)
    assert done.returncode == 2
    assert "journal-cli export pdf：错误：缺少必需的参数：输出文件" in done.stderr
    assert "error:" not in done.stderr and "usage:" not in done.stderr
    unknown = _usage_error(["list", "--bogus"], "zh_CN.UTF-8", tmp_path)
    assert unknown.returncode == 2 and "无法识别的参数：--bogus" in unknown.stderr


def test_usage_errors_stay_english_for_an_english_user(tmp_path: Path) -> None:
    done = _usage_error(["export", "pdf"], "en_GB.UTF-8", tmp_path)
    assert done.returncode == 2
    assert "journal-cli export pdf: error: the following arguments are required: out" in done.stderr
    assert not HAN.search(done.stderr)


# Latin words a Chinese help may keep besides command and option names and the values one types:
# names of formats and apps, currency codes, and the examples of what to type
_NAMES = {"PDF", "JSON", "CSV", "SVG", "PNG", "QQ", "Telegram", "WhatsApp", "BagIt", "ISO", "CNY",
          "USD", "WS-SECRECY", "wechat:abc123", "result.json", "messages.html", "txt", "zip",
          "reasons_not_listed"}
_LATIN = re.compile(r"-{0,2}[A-Za-z][A-Za-z0-9_.:-]*")


def _typed_words(parser: object) -> set[str]:
    """What a user types: command names, option strings, choice values and field choice ids."""
    words = {"journal-cli"} | {w for p in clihelp.command_paths(cli.build_parser("zh")) for w in p.split()}
    words |= {c.id for f in fields.FIELD_TABLE for c in f.choices} | {k.id for k in fields.KIND_TABLE}

    def walk(p: argparse.ArgumentParser) -> None:
        for action in p._actions:
            words.update(action.option_strings)
            if isinstance(action, argparse._SubParsersAction):
                for child in action.choices.values():
                    walk(child)
            elif action.choices:
                words.update(map(str, action.choices))

    walk(parser)  # type: ignore[arg-type]
    return words


def _latin_left(text: str, typed: set[str]) -> list[str]:
    return [w for w in _LATIN.findall(text) if w.rstrip(".") not in typed | _NAMES]


def _columns(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def test_chinese_help_of_every_command_has_no_latin_word_but_names_options_and_values_and_fits_80_columns(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("JOURNAL_HOME", str(tmp_path))
    monkeypatch.setenv("COLUMNS", "80")
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.setenv(var, "zh_CN.UTF-8")
    parser = cli.build_parser("zh")
    typed = _typed_words(parser)
    left: dict[str, list[str]] = {}
    for path in ["", *clihelp.command_paths(parser)]:
        with pytest.raises(SystemExit) as done:
            cli.main([*path.split(), "--help"])
        assert done.value.code == 0
        text = capsys.readouterr().out
        assert text.startswith(f"用法：journal-cli {path}".rstrip()), path
        wide = [line for line in text.splitlines() if _columns(line) > 80]
        assert wide == [], path  # a Chinese character takes two columns of the terminal
        if _latin_left(text, typed):
            left[path or "(top)"] = _latin_left(text, typed)
    assert left == {}


def test_chinese_help_names_placeholders_in_chinese_and_english_help_keeps_argparse_ones(
        tmp_path: Path) -> None:
    top = _help([], "zh_CN.UTF-8", tmp_path)
    assert "--journal 路径" in top and "--passphrase-file 文件" in top
    assert "命令：\n    init" in top  # the command list under its own heading, no "COMMAND" line
    add = _help(["add"], "zh_CN.UTF-8", tmp_path)
    assert "[--when 时间]" in add and "contact = 联系；" in add
    assert re.search(r"\n  --summary 概要 +一句话：发生了什么", add)
    english = _help([], "en_GB.UTF-8", tmp_path)
    assert "--journal PATH" in english and "COMMAND" in english
    assert "contact = Contact = 联系" in _help(["add"], "en_GB.UTF-8", tmp_path)


@pytest.mark.parametrize(("args", "message"), [
    (["list", "--kind"], "journal-cli list：错误：参数 --kind：后面需要一个值"),
    (["bogus"], "journal-cli：错误：参数 命令：'bogus' 不是可选的值，可选：'init', "),
    (["correct", "abc", "two"], "journal-cli correct：错误：参数 行号：'two' 不是有效的值"),
])
def test_argparse_errors_in_chinese_say_what_happened_and_where_the_help_is(
        tmp_path: Path, args: list[str], message: str) -> None:
    done = _usage_error(args, "zh_CN.UTF-8", tmp_path)
    assert done.returncode == 2
    assert message in done.stderr
    prog = "journal-cli" if args == ["bogus"] else f"journal-cli {args[0]}"
    assert done.stderr.endswith(f"运行“{prog} --help”可以查看用法。\n")
    assert _latin_left(done.stderr, _typed_words(cli.build_parser("zh")) | set(args)) == []


def test_argparse_errors_in_chinese_and_english_side_by_side(tmp_path: Path) -> None:
    zh = _usage_error(["list", "--kind"], "zh_CN.UTF-8", tmp_path)
    assert zh.stderr.endswith("journal-cli list：错误：参数 --kind：后面需要一个值\n"
                              "运行“journal-cli list --help”可以查看用法。\n")
    en = _usage_error(["list", "--kind"], "en_GB.UTF-8", tmp_path)  # as argparse words it
    assert en.stderr.endswith("journal-cli list: error: argument --kind: expected one argument\n")


def test_the_window_programs_own_help_and_usage_errors_are_chinese_for_a_chinese_user(
        tmp_path: Path) -> None:
    window = str(Path(sys.executable).parent / "journal")
    env = dict(os.environ, LC_ALL="zh_CN.UTF-8", LANG="zh_CN.UTF-8", JOURNAL_HOME=str(tmp_path),
               QT_QPA_PLATFORM="offscreen", COLUMNS="80")
    shown = subprocess.run([window, "--help"], capture_output=True, text=True, env=env,
                           timeout=60, check=False)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("用法：journal [-h] [--version] [--self-test] [--journal 路径]")
    assert re.search(r"\n  --journal 路径 +打开这个日志文件\n", shown.stdout)
    assert _latin_left(shown.stdout, {"journal", "-h", "--help", "--version", "--self-test",
                                      "--journal"}) == []
    bad = subprocess.run([window, "--journal"], capture_output=True, text=True, env=env,
                         timeout=60, check=False)
    assert bad.returncode == 2 and "journal：错误：参数 --journal：后面需要一个值" in bad.stderr
