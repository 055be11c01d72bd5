"""journal-cli import screenshots FILE…: the real entry point, a real journal, the real engine."""

from __future__ import annotations

import json
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


def test_import_screenshots_in_chinese_previews_saves_and_twice_adds_nothing(
        jpath: Path, tmp_path: Path) -> None:  # noqa: F811
    shot = tmp_path / "微信截图.png"
    shot.write_bytes(render_chat("wechat", "张经理", CHAT).data)
    result = run("import", "screenshots", str(shot), journal=jpath, env=ZH)
    out = ok(result)
    assert "微信截图.png — 张经理（时间读自截图）：" in out
    # the time as the picture shows it, in the one display rule; a full-width colon in Chinese
    assert "2024年3月5日 14:32 张经理：明天下午三点去港口拍几张军舰的照片" in out
    assert "2024年3月5日 14:32 我：Why do you need them?" in out
    assert "已导入 1 张截图：2 条消息，生成 1 条记录（0 张之前已导入）。" in out
    assert "正在读取第 1 张截图，共 1 张" in result.stderr

    found = json.loads(ok(run("search", "军舰", "--json", journal=jpath)))
    assert len(found) == 1 and found[0]["kind"] == "contact"
    assert found[0]["persons"] == ["张经理"]
    assert [a["filename"] for a in found[0]["attachments"]] == ["微信截图.png"]

    with Journal.open(jpath, PASS) as j:
        head = j.head_hash()
    again = ok(run("import", "screenshots", str(shot), journal=jpath, env=ZH))
    assert "微信截图.png：之前已导入，略过。" in again
    with Journal.open(jpath, PASS) as j:
        assert j.head_hash() == head


def test_dry_run_in_english_shows_what_was_read_and_saves_nothing(
        jpath: Path, tmp_path: Path) -> None:  # noqa: F811
    shot = tmp_path / "shot.png"
    shot.write_bytes(render_chat("telegram", "Anna", CHAT).data)
    out = ok(run("import", "screenshots", str(shot), "--dry-run", "--me", "Li Wei",
                 journal=jpath, env={"LANG": "en_US.UTF-8", "LC_ALL": "en_US.UTF-8"}))
    assert "shot.png — Anna (time read from the picture):" in out
    assert "2024-03-05 14:32 Li Wei: Why do you need them?" in out
    assert "Nothing was saved (--dry-run)." in out
    assert json.loads(ok(run("list", "--json", journal=jpath))) == []


def test_a_corrupt_picture_is_refused_in_chinese_with_exit_1_and_nothing_saved(
        jpath: Path, tmp_path: Path) -> None:  # noqa: F811
    good = tmp_path / "good.png"
    good.write_bytes(render_chat("qq", "张经理", CHAT).data)
    bad = tmp_path / "坏的.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 100)
    result = run("import", "screenshots", str(bad), str(good), journal=jpath, env=ZH)
    assert result.returncode == 1
    assert "“坏的.jpg”不是可以读取的图片" in result.stderr
    assert "Traceback" not in result.stderr
    missing = run("import", "screenshots", str(tmp_path / "none.png"), journal=jpath, env=ZH)
    assert missing.returncode == 1 and "没有文件" in missing.stderr
    assert json.loads(ok(run("list", "--json", journal=jpath))) == []
