"""journal-cli signs: reasons in the JSON, and dismiss / undismiss, in English and Chinese."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest
from test_cli import PASS, jpath, ok, run  # noqa: F401 - jpath is a fixture

from journal.core.store import Journal

ZH = {"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
EN = {"LANG": "en_GB.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}


def _corpus() -> ModuleType:
    path = Path(__file__).resolve().parents[1] / "core" / "signs_corpus.py"
    spec = importlib.util.spec_from_file_location("signs_corpus_cli", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while defining classes
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def mia(jpath: Path) -> Path:  # noqa: F811 - the fixture of test_cli
    corpus = _corpus()
    j = next(x for x in corpus.load("train") if x.name == "c-mixed-mia-phone")
    with Journal.open(jpath, PASS) as store:
        corpus.build_in_journal(store, j)
    return jpath


def test_signs_json_keeps_the_contract_keys_and_adds_reasons(mia: Path) -> None:
    data = json.loads(ok(run("signs", "--json", journal=mia, env=ZH)))
    by_id = {d["id"]: d for d in data}
    assert {"id", "title", "level", "evidence", "reasons"} <= set(by_id["WS-DEVICE-GIFT"])
    gift = by_id["WS-DEVICE-GIFT"]["reasons"]
    assert [r["text"] for r in gift] == ["2025年3月9日的记录：Mia送的“iPhone”"]
    assert gift[0]["entry"] in by_id["WS-DEVICE-GIFT"]["evidence"]


def test_dismiss_and_undismiss_through_the_cli(mia: Path) -> None:
    out = ok(run("signs", "dismiss", "WS-FAST-INTIMACY", "--reason", "我们线下早就认识了",
                 journal=mia, env=ZH))
    assert "WS-FAST-INTIMACY" in out and "不适用" in out
    data = {d["id"]: d for d in json.loads(ok(run("signs", "--json", journal=mia, env=EN)))}
    assert data["WS-FAST-INTIMACY"]["dismissed"]["reason"] == "我们线下早就认识了"
    assert data["WS-FAST-INTIMACY"]["level"] == "present"
    text = ok(run("signs", journal=mia, env=EN))
    assert "set aside by you: 我们线下早就认识了" in text
    assert "why: '第二天她就说我们在一起吧' in the entry of 3 March 2025" in text
    assert json.loads(ok(run("verify", "--json", journal=mia)))["ok"] is True
    ok(run("signs", "undismiss", "ws-fast-intimacy", journal=mia, env=EN))
    data = {d["id"]: d for d in json.loads(ok(run("signs", "--json", journal=mia)))}
    assert data["WS-FAST-INTIMACY"]["dismissed"] is None


@pytest.mark.parametrize(("args", "zh_text", "en_text"), [
    (("signs", "dismiss", "WS-NOPE", "--reason", "x"), "不是警示信号的编号", "is not a warning sign"),
    (("signs", "dismiss", "WS-SECRECY", "--reason", " "), "请简短写明", "Write a short reason"),
    (("signs", "undismiss", "WS-SECRECY"), "无需撤销", "nothing to undo"),
])
def test_bad_dismissals_exit_1_in_the_users_language(mia: Path, args: tuple[str, ...],
                                                     zh_text: str, en_text: str) -> None:
    before = mia.read_bytes()
    zh = run(*args, journal=mia, env=ZH)
    assert zh.returncode == 1 and zh_text in zh.stderr and "Traceback" not in zh.stderr
    en = run(*args, journal=mia, env=EN)
    assert en.returncode == 1 and en_text in en.stderr
    assert mia.read_bytes() == before


def test_dismiss_without_a_reason_is_a_usage_error(mia: Path) -> None:
    result = run("signs", "dismiss", "WS-SECRECY", journal=mia)
    assert result.returncode == 2 and "--reason" in result.stderr


@pytest.mark.parametrize(("env", "lang"), [(EN, "en"), (ZH, "zh")])
def test_signs_rebuilds_facts_of_other_rules_first_and_says_so_on_stderr_without_promising_a_backup(
        mia: Path, env: dict[str, str], lang: str) -> None:
    from journal.clitext import t
    from journal.core.store.upgrade import SIGN_FACTS, UpgradeStep

    before = json.loads(ok(run("signs", "--json", journal=mia, env=env)))
    with Journal.open(mia, PASS) as store, store.transaction():  # as if made by older rules
        store.db.conn.execute("UPDATE meta SET value = 'older rules' WHERE key = 'sign_facts_stamp'")
        total = store.count_entries()
    result = run("signs", "--json", journal=mia, env=env)
    assert json.loads(ok(result)) == before
    progress = result.stderr.strip().splitlines()
    # only derived data is made again: no backup is kept, so none is promised
    assert progress[0] == t("cli.upgrade_start_derived", lang)
    assert progress[1].startswith(UpgradeStep(SIGN_FACTS, 1, 1).title(lang))
    assert progress[2].strip() == UpgradeStep(SIGN_FACTS, 1, 1, 0, total).figures(lang)
    assert progress[-1].strip() == UpgradeStep(SIGN_FACTS, 1, 1, total, total).figures(lang)
    with Journal.open(mia, PASS, mode="read") as store:
        assert store.sign_facts_current()
