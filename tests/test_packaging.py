"""Shipping: desktop metadata validates, help in both languages, demo, self-test, the bundle."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

import journal
from journal.core import paths

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
DESKTOP = PACKAGING / f"{journal.APP_ID}.desktop"
METAINFO = PACKAGING / f"{journal.APP_ID}.metainfo.xml"
UTF8_ENV = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}


def _tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        pytest.skip(f"{name} is not installed (Debian: desktop-file-utils / appstream; CI installs it)")
    return found


def test_desktop_file_validates() -> None:
    result = subprocess.run([_tool("desktop-file-validate"), str(DESKTOP)], check=False, capture_output=True,
                            text=True, env=UTF8_ENV, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower()
    text = DESKTOP.read_text(encoding="utf-8")
    assert f"Icon={journal.APP_ID}" in text
    assert "Name[zh_CN]=事件日志" in text


def test_metainfo_validates() -> None:
    result = subprocess.run([_tool("appstreamcli"), "validate", "--no-net", str(METAINFO)],
                            check=False, capture_output=True, text=True, env=UTF8_ENV, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    text = METAINFO.read_text(encoding="utf-8")
    assert f"<id>{journal.APP_ID}</id>" in text
    assert f'<release version="{journal.__version__}"' in text
    assert '<name xml:lang="zh-CN">事件日志</name>' in text
    assert "<content_rating" in text


def test_metainfo_and_desktop_agree_with_the_code() -> None:
    text = METAINFO.read_text(encoding="utf-8")
    assert f"<launchable type=\"desktop-id\">{DESKTOP.name}</launchable>" in text
    assert journal.APP_NAME == "Incident Journal"


def test_app_icons_exist_in_every_size() -> None:
    app = paths.resources_dir() / "icons" / "app"
    assert (app / f"{journal.APP_ID}.svg").is_file()
    for size in (16, 32, 48, 64, 128, 256):
        png = (app / f"{journal.APP_ID}-{size}.png").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
        assert (width, height) == (size, size)


def test_kind_and_action_icons_exist() -> None:
    from journal.core.models import KINDS

    icons = paths.resources_dir() / "icons"
    for kind in KINDS:
        assert "<svg" in (icons / "kinds" / f"{kind}.svg").read_text(encoding="utf-8")
    for name in ("lock", "new", "import", "export", "search", "settings", "help", "trash",
                 "history", "attach", "paste"):
        assert "<svg" in (icons / "actions" / f"{name}.svg").read_text(encoding="utf-8")


def _topics(lang: str) -> dict[str, str]:
    folder = paths.resources_dir() / "help" / lang
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.html"))}


def test_help_has_the_same_topics_in_both_languages() -> None:
    en, zh = _topics("en"), _topics("zh")
    assert len(en) >= 5
    assert list(en) == list(zh)
    for name in en:
        for text in (en[name], zh[name]):
            assert re.search(r"<title>.+</title>", text), name
            assert "<script" not in text.lower()
            assert 'href="http' not in text  # no external links in the help
    assert re.search(r"[\u4e00-\u9fff]", "".join(zh.values()))


def test_help_tells_how_to_report_and_stay_safe() -> None:
    for lang in ("en", "zh"):
        text = "".join(_topics(lang).values())
        assert "12339" in text
        assert "110" in text
    en = "".join(_topics("en").values())
    for phrase in ("online reporting platform", "WeChat", "national security office",
                   "teacher", "cannot be recovered", "encrypted", "Do not delete"):
        assert phrase.lower() in en.lower(), phrase
    zh = "".join(_topics("zh").values())
    for phrase in ("举报受理平台", "微信公众号", "国家安全机关", "老师", "无法找回", "加密", "不要删聊天记录"):
        assert phrase in zh, phrase


def test_demo_opens_with_its_passphrase(tmp_path: Path) -> None:
    from journal.core.crypto import FAST_PARAMS
    from journal.core.demo import DEMO_PASSPHRASE, build_demo
    from journal.core.signs import evaluate_journal
    from journal.core.store import Journal

    build_demo(tmp_path / "demo.ijournal", kdf=FAST_PARAMS).close()
    with Journal.open(tmp_path / "demo.ijournal", DEMO_PASSPHRASE) as j:
        assert {p.name for p in j.list_persons()} >= {"小敏", "张总"}
        kinds = {e.kind for e in j.list_entries()}
        assert {"contact", "request", "payment", "gift", "threat", "report"} <= kinds
        found = {s.id for s in evaluate_journal(j)}
        assert {"WS-FAST-INTIMACY", "WS-PHOTO-TASK", "WS-CHANNEL-SWITCH", "WS-DEVICE-GIFT",
                "WS-PAID-HOUSING", "WS-PRESSURE"} <= found


def test_self_test_passes_in_process() -> None:
    from journal import selftest

    out = io.StringIO()
    assert selftest.run(out) == 0, out.getvalue()
    text = out.getvalue()
    assert journal.__version__ in text
    assert "SQLCipher 4." in text
    assert "self-test passed" in text


def test_self_test_reports_a_failure(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from journal import selftest

    monkeypatch.setattr(paths, "font_path", lambda: tmp_path / "missing.ttc")
    out = io.StringIO()
    assert selftest.run(out) == 1
    assert "FAIL CJK font" in out.getvalue()
    assert "self-test FAILED" in out.getvalue()


def test_spec_bundles_the_resources() -> None:
    spec = (PACKAGING / "journal.spec").read_text(encoding="utf-8")
    assert '"journal/resources"' in spec
    assert 'name="journal"' in spec and 'name="journal-cli"' in spec


def test_pdf_numbers_and_text_are_written_by_reportlabs_c_accelerator() -> None:
    """rl-accel (a dependency) replaces reportlab's pure-Python number formatting and string
    escaping, which took ~15 % of a 1,000-entry PDF's CPU; the bundle must carry it too (reportlab
    imports it by a name in a string, which PyInstaller cannot see)."""
    import _rl_accel  # type: ignore[import-not-found]
    from reportlab.lib import rl_accel

    assert rl_accel.fp_str is _rl_accel.fp_str and rl_accel.escapePDF is _rl_accel.escapePDF
    spec = (PACKAGING / "journal.spec").read_text(encoding="utf-8")
    assert 'hidden += ["_rl_accel"]' in spec


@pytest.mark.slow
def test_pyinstaller_bundle_runs(tmp_path: Path) -> None:
    pytest.importorskip("PyInstaller", reason="PyInstaller is not installed (pip install '.[build]')")
    dist, work = tmp_path / "dist", tmp_path / "work"
    env = {**UTF8_ENV, "PYTHON": sys.executable, "WORK": str(work)}
    start = time.perf_counter()
    build = subprocess.run(["bash", str(PACKAGING / "build.sh"), str(dist)], cwd=ROOT, env=env,
                           check=False, capture_output=True, text=True, timeout=900)
    seconds = time.perf_counter() - start
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    bundle = dist / "IncidentJournal"
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"\nbundle {size / 1e6:.0f} MB, built in {seconds:.0f} s")

    run_env = {**UTF8_ENV, "QT_QPA_PLATFORM": "offscreen", "JOURNAL_HOME": str(tmp_path / "home")}
    cli = subprocess.run([str(bundle / "journal-cli"), "--version"], check=False, capture_output=True,
                         text=True, env=run_env, timeout=120)
    assert cli.returncode == 0, cli.stderr
    assert journal.__version__ in cli.stdout
    selftest = subprocess.run([str(bundle / "journal"), "--self-test"], check=False, capture_output=True,
                              text=True, env=run_env, timeout=120)
    assert selftest.returncode == 0, selftest.stdout + selftest.stderr
    assert "self-test passed" in selftest.stdout
    assert str(bundle) in selftest.stdout  # resources found inside the bundle, not the checkout
