"""Every main screen and dialog fits a 1366×768 or 1280×720 laptop, a 1024×640 window and an
800×600 screen, in English and Chinese: frames inside the screen, buttons whole, single-line
labels not cut, wrapped labels with the height they need, table columns as wide as their content
or with a tooltip, no horizontal scroll bar in the navigation and at most one in the main window,
no blank screen after a scrolled page's content; and in Chinese, no rule id (WS-…) and no ASCII
mark between Chinese characters in any text the window shows (composed ones included).

Qt fixes the screen size when it starts, so each screen size runs ``layout_probe.py`` in a
process of its own on an offscreen screen of that size, over a real demo journal: the English
window, then the Chinese one (one Python and Qt start per size instead of per language).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = Path(__file__).with_name("layout_probe.py")


def _probe(langs: str, width: int, height: int, tmp_path: Path) -> dict[str, dict[str, list[str]]]:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": width,
                                               "height": height, "logicalDpi": 96,
                                               "logicalBaseDpi": 96, "dpr": 1}]}))
    out = tmp_path / "layout.json"
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}",
               JOURNAL_HOME=str(tmp_path / "home"))
    done = subprocess.run([sys.executable, str(PROBE), langs, str(out)], capture_output=True,
                          text=True, env=env, timeout=300, check=False, cwd=PROBE.parent)
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["screen"] == [width, height]
    return report["languages"]


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1280, 720), (1024, 640), (800, 600)])
def test_every_screen_and_dialog_fits_without_cut_text_in_english_and_chinese(
        width: int, height: int, tmp_path: Path) -> None:
    languages = _probe("en,zh", width, height, tmp_path)
    assert list(languages) == ["en", "zh"]
    expected = {"welcome", "start", "create", "unlock", "view-timeline", "view-people", "view-signs", "view-report",
                "editor-new-payment", "editor-edit", "person-editor", "settings", "history",
                "trash", "import", "about"}
    for lang, windows in languages.items():
        assert expected <= set(windows), lang
    assert {(lang, name): found for lang, windows in languages.items()
            for name, found in windows.items() if found} == {}
