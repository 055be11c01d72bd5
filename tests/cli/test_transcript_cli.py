"""journal-cli and issue 18's remaining pieces: a picture through ``import auto``, the transcript
of a screenshot entry, and correcting one of its lines (a revision, searchable)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from test_cli import PASS, jpath, ok, run  # noqa: F401 - jpath is a fixture

from journal.core.ocr.sample import Bubble, render_chat
from journal.core.store import Journal

CHAT = (
    Bubble("time", "2024年3月5日 14:32"),
    Bubble("other", "明天下午三点去港口拍几张军舰的照片"),
    Bubble("me", "Why do you need them?"),
)
ZH = {"LANG": "zh_CN.UTF-8", "LC_ALL": "zh_CN.UTF-8"}
EN = {"LANG": "en_US.UTF-8", "LC_ALL": "en_US.UTF-8"}


def _imported(jpath: Path, tmp_path: Path, env: dict[str, str]) -> str:  # noqa: F811
    shot = tmp_path / "Screenshot_20240305.png"
    shot.write_bytes(render_chat("wechat", "张经理", CHAT).data)
    out = ok(run("import", "auto", str(shot), journal=jpath, env=env))
    assert "Screenshot_20240305.png" in out
    found = json.loads(ok(run("list", "--kind", "contact", "--json", journal=jpath)))
    assert len(found) == 1
    return str(found[0]["id"])


def test_import_auto_reads_a_picture_as_a_chat_screenshot_in_chinese(
        jpath: Path, tmp_path: Path) -> None:  # noqa: F811
    entry_id = _imported(jpath, tmp_path, ZH)
    with Journal.open(jpath, PASS) as j:
        entry = j.get_entry(entry_id)
        assert entry.person_names == ["张经理"]
        assert [m["sender"] for m in j.messages(entry_id)] == ["张经理", "我"]


def test_transcript_lists_the_lines_with_numbers_and_json(
        jpath: Path, tmp_path: Path) -> None:  # noqa: F811
    entry_id = _imported(jpath, tmp_path, EN)
    out = ok(run("transcript", entry_id[:8], journal=jpath, env=EN))
    assert "1  2024-03-05 14:32 张经理: 明天下午三点去港口拍几张军舰的照片" in out
    assert "2  2024-03-05 14:32 Me: Why do you need them?" in out
    lines = json.loads(ok(run("transcript", entry_id, "--json", journal=jpath, env=EN)))
    assert [(x["line"], x["sender"], x["corrections"]) for x in lines] == [
        (1, "张经理", 0), (2, "Me", 0)]
    assert all(x["recognised"] for x in lines)


def test_correct_saves_a_revision_that_search_finds_in_english(
        jpath: Path, tmp_path: Path) -> None:  # noqa: F811
    entry_id = _imported(jpath, tmp_path, EN)
    out = ok(run("correct", entry_id, "1", "--text", "明天下午三点去海军基地拍几张军舰的照片",
                 "--time", "14:30", journal=jpath, env=EN))
    assert out.strip() == ("Line 1 corrected: 14:30 张经理: 明天下午三点去海军基地拍几张军舰的照片 "
                           "(what was read stays in the history).")
    found = json.loads(ok(run("search", "海军基地", "--json", journal=jpath)))
    assert [e["id"] for e in found] == [entry_id]
    history = ok(run("show", entry_id, "--history", journal=jpath, env=EN))
    # the correction is revision 2 of the entry
    assert re.search(r"^ +2 +\S+ \S+ +edit +Chat screenshots with 张经理", history,
                     re.MULTILINE)
    lines = json.loads(ok(run("transcript", entry_id, "--json", journal=jpath)))
    assert lines[0]["corrections"] == 1
    assert lines[0]["read"]["text"] == "明天下午三点去港口拍几张军舰的照片"
    ok(run("verify", journal=jpath))


def test_a_refused_correction_says_why_in_chinese_with_exit_1(
        jpath: Path, tmp_path: Path) -> None:  # noqa: F811
    entry_id = _imported(jpath, tmp_path, ZH)
    with Journal.open(jpath, PASS) as j:
        head = j.head_hash()
    result = run("correct", entry_id, "2", "--speaker", " ", journal=jpath, env=ZH)
    assert result.returncode == 1
    assert "一行的说话人不能为空。请按图片上的内容输入。没有任何改动。" in result.stderr
    result = run("correct", entry_id, "9", "--text", "x", journal=jpath, env=ZH)
    assert result.returncode == 1
    assert "第 9 行" in result.stderr
    with Journal.open(jpath, PASS) as j:
        assert j.head_hash() == head
