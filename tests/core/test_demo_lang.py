"""The demo journal follows the interface language: the same events, told in English for
English users (the Chinese story stays as it was)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from journal.core import demo
from journal.core.crypto import FAST_PARAMS
from journal.core.store import Journal
from tests.core.test_demo import EXPECTED_SIGNS

_HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("demos")
    out = {}
    for lang in ("zh", "en"):
        out[lang] = folder / f"demo-{lang}.ijournal"
        demo.build_demo(out[lang], kdf=FAST_PARAMS, lang=lang).close()
    return out


def _events(path: Path) -> list[tuple[object, ...]]:
    with Journal.open(path, demo.DEMO_PASSPHRASE) as j:
        return [(e.kind, e.occurred_at, e.precision, e.amount, e.value, e.currency, e.status,
                 e.method, e.direction, e.reported_to, len(e.persons), len(e.attachments))
                for e in j.list_entries(newest_first=False)]


def test_english_demo_has_the_same_events_as_the_chinese_one(both: dict[str, Path]) -> None:
    assert _events(both["en"]) == _events(both["zh"])


def test_english_demo_is_told_in_english(both: dict[str, Path]) -> None:
    with Journal.open(both["en"], demo.DEMO_PASSPHRASE) as j:
        assert {p.name for p in j.list_persons()} == {"Xiao Min", "Director Zhang", "Ms Wang"}
        assert j.find_person("小敏") is not None  # her Chinese name is kept as an alias
        entries = j.list_entries(newest_first=False)
        for e in entries:
            for text in (e.summary, e.details or "", e.task or "", e.target or "", e.item or "",
                         e.location or "", e.channel or ""):
                assert not _HAN.search(text), text
        assert j.search("warships") and j.search("Telegram") and j.search("12339")


def test_english_demo_shows_the_same_warning_signs(both: dict[str, Path]) -> None:
    from journal.core.signs import evaluate_journal

    with Journal.open(both["en"], demo.DEMO_PASSPHRASE) as j:
        results = evaluate_journal(j)
    found = {r.id for r in results if r.level in ("present", "possible")}
    assert EXPECTED_SIGNS - found == set()


@pytest.mark.parametrize(("language", "name"), [("en", "Xiao Min"), ("zh_CN", "小敏")])
def test_cli_demo_follows_the_users_language(tmp_path: Path, language: str, name: str) -> None:
    from tests.cli.test_cli import run

    out = tmp_path / "demo.ijournal"
    result = run("demo", str(out), passphrase=None, env={"LC_ALL": "", "LC_MESSAGES": "",
                                                         "LANG": language})
    assert result.returncode == 0, result.stderr
    with Journal.open(out, demo.DEMO_PASSPHRASE) as j:
        assert name in {p.name for p in j.list_persons()}
