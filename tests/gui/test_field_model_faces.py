"""Issue 13's done-when: an entry added by ``journal-cli`` with Chinese choice labels shows the
same words in its JSON, in the window (timeline and detail pane) and in the PDF, in both
languages. The CLI runs in a subprocess, the window offscreen, the PDF is read with pdftotext."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from journal.core.crypto import FAST_PARAMS
from journal.core.store import Journal

PASS = "faces test passphrase 密码"
CLI = str(Path(sys.executable).parent / "journal-cli")

# What each face must show for the entry (the agreed words of journal.core.fields).
WORDS = {
    "en": {"kind": "Payment", "method_label": "Paid by", "method": "WeChat Pay",
           "direction_label": "Direction", "direction": "Received"},
    "zh": {"kind": "钱款", "method_label": "支付方式", "method": "微信支付",
           "direction_label": "方向", "direction": "收到"},
}


def cli(*args: str, lang: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, JOURNAL_PASSPHRASE=PASS,
               LANG="zh_CN.UTF-8" if lang == "zh" else "en_GB.UTF-8")
    env.pop("LC_ALL", None)
    env.pop("LC_MESSAGES", None)
    return subprocess.run([CLI, *args], capture_output=True, text=True, env=env, timeout=120,
                          stdin=subprocess.DEVNULL, check=False)


@pytest.fixture
def added(tmp_path: Path) -> tuple[Path, str]:
    """A journal with the entry of the done-when, added through journal-cli."""
    path = tmp_path / "faces.ijournal"
    Journal.create(path, PASS, kdf=FAST_PARAMS).close()
    result = cli("--journal", str(path), "add", "payment", "--summary", "x", "--amount", "5",
                 "--method", "微信支付", "--direction", "收到", lang="en")
    assert result.returncode == 0, result.stderr
    return path, result.stdout.strip()


def test_cli_json_stores_the_ids_of_chinese_labels(added: tuple[Path, str]) -> None:
    path, eid = added
    result = cli("--journal", str(path), "show", eid, "--json", lang="zh")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["kind"], data["method"], data["direction"], data["amount"], data["currency"]) == \
        ("payment", "wechat", "received", "5", "CNY")


def test_cli_list_takes_a_kind_by_its_label(added: tuple[Path, str]) -> None:
    path, eid = added
    for word in ("钱款", "Payment", "payment"):
        result = cli("--journal", str(path), "list", "--kind", word, "--json", lang="en")
        assert result.returncode == 0, result.stderr
        assert [e["id"] for e in json.loads(result.stdout)] == [eid], word
    result = cli("--journal", str(path), "list", "--kind", "礼物", "--json", lang="en")
    assert json.loads(result.stdout) == []


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_cli_show_uses_the_table_words(added: tuple[Path, str], lang: str) -> None:
    path, eid = added
    w = WORDS[lang]
    colon = "：" if lang == "zh" else ": "
    result = cli("--journal", str(path), "show", eid, lang=lang)
    assert result.returncode == 0, result.stderr
    lines = [line.strip() for line in result.stdout.splitlines()]
    assert lines[0] == f"{eid}  {w['kind']}"
    assert f"{w['method_label']}{colon}{w['method']}" in lines
    assert f"{w['direction_label']}{colon}{w['direction']}" in lines


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_unknown_choice_is_refused_in_the_users_language(tmp_path: Path, lang: str) -> None:
    path = tmp_path / "refuse.ijournal"
    Journal.create(path, PASS, kdf=FAST_PARAMS).close()
    result = cli("--journal", str(path), "add", "payment", "--summary", "x", "--method", "当面",
                 lang=lang)
    assert result.returncode == 1
    expected = {"en": "“当面” is not allowed for Paid by. Use one of: wechat (WeChat Pay), alipay "
                      "(Alipay), bank (Bank transfer), cash (Cash), crypto (Cryptocurrency), other "
                      "(Other).",
                "zh": "支付方式不能是“当面”。可选：微信支付（wechat）、支付宝（alipay）、银行转账（bank）、"
                      "现金（cash）、加密货币（crypto）、其他（other）。"}[lang]
    assert result.stderr.strip() == expected
    with Journal.open(path, PASS) as j:
        assert j.count_entries() == 0


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_window_timeline_and_detail_pane_show_the_table_words(
        added: tuple[Path, str], lang: str, make_window: Any, gui_app: Any) -> None:
    from journal.core.settings import Settings
    from journal.gui import qtsetup
    from journal.gui.timeline.model import COL_KIND

    path, eid = added
    w = WORDS[lang]
    qtsetup.install_translators(gui_app, lang)
    window = make_window(settings=Settings(language=lang, first_run_done=True,
                                           backup_on_close=False))
    window.open_journal(Journal.open(path, PASS))
    window.build_all_views()
    timeline = window.views["timeline"]
    timeline.refresh()
    assert timeline.select_entry(eid)
    model = timeline.model
    row = next(r for r in range(model.rowCount()) if model.entry_id(r) == eid)
    assert model.data(model.index(row, COL_KIND)) == w["kind"]
    texts = timeline.detail.labels_text()
    colon = "：" if lang == "zh" else ":"
    for expected in (w["kind"], w["method"], w["direction"], w["method_label"] + colon,
                     w["direction_label"] + colon):
        assert expected in texts, expected


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_pdf_shows_the_table_words(added: tuple[Path, str], lang: str, tmp_path: Path) -> None:
    path, _ = added
    w = WORDS[lang]
    out = tmp_path / f"report-{lang}.pdf"
    result = cli("--journal", str(path), "export", "pdf", str(out), "--lang", lang, lang=lang)
    assert result.returncode == 0, result.stderr
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(out), "-"], capture_output=True,
                          text=True, timeout=60, check=True).stdout
    colon = "：" if lang == "zh" else ": "
    assert f"{w['method_label']}{colon}{w['method']}" in text
    assert f"{w['direction_label']}{colon}{w['direction']}" in text
    assert w["kind"] in text
