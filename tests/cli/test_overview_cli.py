"""``journal-cli export overview OUT.svg|OUT.png [--lang]`` through the real entry point."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from journal.core.crypto import FAST_PARAMS
from journal.core.demo import DEMO_PASSPHRASE, build_demo

CLI = str(Path(sys.executable).parent / "journal-cli")
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def run(journal: Path, *args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["JOURNAL_PASSPHRASE"] = DEMO_PASSPHRASE
    env.pop("QT_QPA_PLATFORM", None)  # the command must manage without a display by itself
    env["LANG"] = env["LC_ALL"] = "zh_CN.UTF-8" if lang == "zh" else "C.UTF-8"
    return subprocess.run([CLI, "--journal", str(journal), *args], check=False,
                          capture_output=True, text=True, env=env, timeout=120,
                          stdin=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.ijournal"
    build_demo(path, kdf=FAST_PARAMS).close()
    return path


def test_export_overview_svg_in_chinese(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "case.svg"
    result = run(demo, "export", "overview", str(out), "--lang", "zh")
    assert result.returncode == 0, result.stderr
    svg = out.read_text("utf-8")
    for text in ("联系", "要求", "钱款与礼物", "→ Telegram", "13,000 CNY", "军事或政府目标"):
        assert text in svg


def test_export_overview_png_without_a_display(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "case.png"
    result = run(demo, "export", "overview", str(out), "--lang", "en")
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    assert data.startswith(PNG_MAGIC)
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (2560, 1520)
    assert "Traceback" not in result.stderr


def test_export_overview_refuses_another_format_in_the_users_language(demo: Path,
                                                                      tmp_path: Path) -> None:
    out = tmp_path / "case.jpg"
    en = run(demo, "export", "overview", str(out))
    assert en.returncode == 1
    assert "Choose a file name ending in .png or .svg (not “case.jpg”)." in en.stderr
    zh = run(demo, "export", "overview", str(out), lang="zh")
    assert zh.returncode == 1
    assert "请选择以 .png 或 .svg 结尾的文件名（而不是“case.jpg”）。" in zh.stderr
    assert not out.exists()


def test_export_overview_never_overwrites_a_journal(demo: Path, tmp_path: Path) -> None:
    target = tmp_path / "looks-like.svg"
    target.write_bytes(demo.read_bytes()[:4096])
    result = run(demo, "export", "overview", str(target))
    assert result.returncode == 1
    assert "is an encrypted journal or backup; it will not be overwritten" in result.stderr
    assert target.read_bytes() == demo.read_bytes()[:4096]
