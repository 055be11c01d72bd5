"""Fuzzing every parser of user text and every CLI argument that takes user text.

Properties: a parser either returns a well-formed value or raises InputError (a clear message),
never anything else; search never fails and finds what was written; the CLI exits 0 or 1 with no
traceback, neither on the screen nor as an "unexpected error" in the log.
(The chat importers' parsers are fuzzed in tests/core/test_import_fuzz.py.)
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from journal.cli import _handles, main
from journal.core.crypto import FAST_PARAMS
from journal.core.errors import InputError
from journal.core.models import HANDLE_KINDS, PRECISIONS, EntryDraft
from journal.core.money import CURRENCIES, MAX_AMOUNT, check_currency, parse_amount
from journal.core.search import fts_query, index_text
from journal.core.store import Journal
from journal.core.timeparse import parse_date_bound, parse_when

from .conftest import PASS

FUZZ = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

# text a frightened user (or a paste from a chat) may produce: CJK, full-width forms, emoji,
# quotes and FTS5 operators, control characters, right-to-left marks
_ALPHABET = st.sampled_from(list(
    "0123456789０１２３４５６７８９-:/.~ TtZz+年月日号约大概时分,，.．¥￥$€元人民币"
    "军舰港口照片兼职暗号喝茶张总小敏aAbBeEnNfFiIxX_\"'*^()[]{}:;!?<>|&@#%\\\n\t\x00\u200f\u3000😊🛳"
    "ＡＢＣé ü ß ç ñ ـ"))
user_text = st.one_of(st.text(max_size=60), st.text(alphabet=_ALPHABET, max_size=40))
date_like = st.one_of(
    user_text,
    st.builds(lambda y, m, d, rest: f"{y}-{m}-{d}{rest}", st.integers(-5, 12000),
              st.integers(-1, 14), st.integers(-1, 33),
              st.sampled_from(["", " 14:30", "T23:59:59Z", " 25:00", "+08:00", "T00:00-12:00", "年"])),
    st.builds(lambda p, y, m: f"{p}{y}-{m}", st.sampled_from(["", "~", "约", "about "]),
              st.integers(0, 10000), st.integers(0, 13)),
    st.builds(lambda y, m, d: f"{y}年{m}月{d}日", st.integers(0, 10000), st.integers(0, 13),
              st.integers(0, 32)),
)


@pytest.fixture(params=["UTC", "Asia/Shanghai", "America/Los_Angeles", "Pacific/Kiritimati"])
def local_zone(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("TZ", request.param)
    time.tzset()
    yield request.param
    monkeypatch.undo()
    time.tzset()


@FUZZ
@given(text=date_like, end=st.booleans())
def test_parse_when_and_bounds(local_zone: str, text: str, end: bool) -> None:
    try:
        dt, precision = parse_when(text)
    except InputError as exc:
        assert exc.field == "when"
        return
    assert dt.tzinfo is not None and precision in PRECISIONS
    assert 1900 <= dt.year <= 2200
    dt.astimezone(datetime.now().astimezone().tzinfo)  # storable: converts to UTC without overflow
    try:
        bound = parse_date_bound(text, end=end)
    except InputError:
        pytest.fail(f"{text!r} parses as a date but not as a bound")
    assert bound.tzinfo is not None


@FUZZ
@given(text=st.one_of(user_text, st.decimals(allow_nan=True, allow_infinity=True).map(str),
                      st.integers().map(str), st.floats().map(str)))
def test_parse_amount(text: str) -> None:
    try:
        value = parse_amount(text)
    except InputError as exc:
        assert exc.field == "amount"
        return
    assert isinstance(value, Decimal) and value.is_finite()
    assert Decimal(0) <= value <= MAX_AMOUNT
    assert value.as_tuple().exponent >= -4  # type: ignore[operator]
    assert parse_amount(str(value)) == value  # what is stored parses back to itself


@FUZZ
@given(text=st.one_of(user_text, st.sampled_from(CURRENCIES).map(str.lower)))
def test_check_currency(text: str) -> None:
    try:
        code = check_currency(text)
    except InputError:
        return
    assert code in CURRENCIES and check_currency(code) == code


@FUZZ
@given(values=st.lists(st.one_of(user_text, st.builds(lambda k, v: f"{k}:{v}",
                                                     st.sampled_from([*HANDLE_KINDS, "WeChat", "x"]),
                                                     user_text)), max_size=3))
def test_handle_parsing(values: list[str]) -> None:
    try:
        handles = _handles(values)
    except InputError as exc:
        assert exc.field == "handle"
        return
    assert len(handles) == len(values)
    assert all(h.kind in HANDLE_KINDS and h.value and h.value == h.value.strip() for h in handles)


@FUZZ
@given(text=user_text)
def test_fts_query_is_well_formed(text: str) -> None:
    query = fts_query(text)
    index_text(text, None, "")
    if query is not None:
        assert query.count('"') % 2 == 0


@pytest.fixture
def search_journal(tmp_path: Path) -> Iterator[Journal]:
    with Journal.create(tmp_path / "search.ijournal", PASS, kdf=FAST_PARAMS) as j:
        j.add_entry(EntryDraft(kind="note", summary="让我拍港口的军舰 photograph the ships",
                               details="暗号: 喝茶 Café"))
        yield j


@FUZZ
@given(text=user_text)
def test_search_never_fails_and_finds_what_was_written(search_journal: Journal, text: str) -> None:
    j = search_journal
    j.search(text)
    j.search_persons(text)
    j.count_entries(search=text)
    summary = text.strip()
    try:
        entry = j.add_entry(EntryDraft(kind="note", summary=summary))
    except InputError:
        return
    if fts_query(entry.summary) is not None and any(c.isalnum() for c in entry.summary):
        assert entry.id in j.search(entry.summary), f"{entry.summary!r} does not find itself"
    j.delete_entry(entry.id)
    assert entry.id not in j.search(entry.summary)


# ------------------------------------------------------------------------------------- the CLI
TEXT_OPTIONS = ["--summary", "--when", "--details", "--person", "--channel", "--location", "--tag",
                "--amount", "--currency", "--method", "--direction", "--item", "--value", "--task",
                "--target", "--status", "--medium", "--initiated-by", "--reported-to",
                "--reference", "--officer", "--witness"]
PERSON_OPTIONS = ["--alias", "--role", "--organisation", "--platform", "--handle", "--notes"]
KINDS_AND_JUNK = st.sampled_from(["note", "payment", "gift", "request", "report", "contact",
                                  "meeting", "threat", "NOTE", "记录", "", "pay"])


@pytest.fixture
def cli_journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                cached_derive: None) -> Iterator[tuple[Path, str]]:
    path = tmp_path / "fuzz.ijournal"
    with Journal.create(path, PASS, kdf=FAST_PARAMS) as j:
        eid = j.add_entry(EntryDraft(kind="payment", summary="seed", amount=Decimal(1),
                                     currency="CNY", method="wechat", direction="received")).id
    monkeypatch.setenv("JOURNAL_PASSPHRASE", PASS)
    yield path, eid


def _cli(capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture, path: Path,
         *args: str) -> int:
    caplog.clear()
    with caplog.at_level(logging.ERROR, logger="journal"):
        try:
            code = main(["--journal", str(path), *args])
        except SystemExit as exc:  # argparse: usage
            code = int(exc.code or 0)
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "Traceback" not in out, err
    unexpected = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not unexpected, (args, [r.getMessage() for r in unexpected], unexpected[0].exc_text)
    if code != 0:
        assert err.strip(), "a refusal says why"
    return code


@FUZZ
@given(kind=KINDS_AND_JUNK,
       options=st.lists(st.tuples(st.sampled_from(TEXT_OPTIONS), date_like), max_size=5))
def test_cli_add_and_edit_any_text(cli_journal: tuple[Path, str], capsys: pytest.CaptureFixture[str],
                                   caplog: pytest.LogCaptureFixture, kind: str,
                                   options: list[tuple[str, str]]) -> None:
    path, eid = cli_journal
    flat = [f"{name}={value}" for name, value in options]
    code = _cli(capsys, caplog, path, "add", kind, "--summary=x", *flat)
    assert code in (0, 1)
    code = _cli(capsys, caplog, path, "edit", eid, *flat)
    assert code in (0, 1)


@FUZZ
@given(name=user_text, options=st.lists(st.tuples(st.sampled_from(PERSON_OPTIONS), user_text),
                                        max_size=4))
def test_cli_person_add_any_text(cli_journal: tuple[Path, str], capsys: pytest.CaptureFixture[str],
                                 caplog: pytest.LogCaptureFixture, name: str,
                                 options: list[tuple[str, str]]) -> None:
    path, _eid = cli_journal
    flat = [f"{opt}={value}" for opt, value in options]
    assert _cli(capsys, caplog, path, "person", "add", *flat, "--", name) in (0, 1)


@settings(FUZZ, max_examples=60)  # eight CLI runs per example
@given(text=date_like, other=user_text)
def test_cli_queries_any_text(cli_journal: tuple[Path, str], capsys: pytest.CaptureFixture[str],
                              caplog: pytest.LogCaptureFixture, text: str, other: str) -> None:
    path, _eid = cli_journal
    assume("\x00" not in text or True)
    for args in (["search", "--json", "--", other], ["show", "--", other], ["delete", "--", other],
                 ["restore", "--", other], ["list", f"--since={text}"], ["list", f"--until={text}"],
                 ["list", f"--person={other}"], ["list", f"--kind={other}"]):
        assert _cli(capsys, caplog, path, *args) in (0, 1), args


def test_regressions_found_by_fuzzing(search_journal: Journal, cli_journal: tuple[Path, str],
                                      capsys: pytest.CaptureFixture[str],
                                      caplog: pytest.LogCaptureFixture) -> None:
    # year 9999 as a date or month was accepted, then overflowed (--until 9999-12 crashed)
    for text in ("9999-12-31", "9999-12", "0010/1", "1899年12月"):
        with pytest.raises(InputError):
            parse_when(text)
    with pytest.raises(InputError):
        parse_date_bound("9999-12", end=True)
    path, _eid = cli_journal
    assert _cli(capsys, caplog, path, "list", "--until=9999-12") == 1
    # a query with a word of underscores alone found nothing at all
    assert fts_query("_") is None
    assert search_journal.search("军舰_") == search_journal.search("军舰") != []


SIGN_WORDS = st.sampled_from(["拍照", "军舰", "港口", "兼职", "保密", "删除聊天", "Telegram", "换个软件",
                              "photograph", "warship", "base", "secret", "don't tell", "delete",
                              "drone", "手机", "房租", "blackmail", "威胁", "survey", "问卷", "宝贝",
                              "love", "USDT", "现金", " ", "，", "\n", "!!!", "a" * 50, "军" * 30])
sign_text = st.one_of(user_text, st.lists(SIGN_WORDS, max_size=25).map("".join))


@settings(FUZZ, max_examples=60)
@given(items=st.lists(st.tuples(st.sampled_from(["contact", "request", "payment", "gift", "meeting",
                                                 "threat", "note"]),
                                sign_text, sign_text,
                                st.integers(0, 400),
                                st.one_of(st.none(), st.decimals(0, 10**6, places=2))),
                      min_size=1, max_size=6))
def test_signs_engine_on_any_text(search_journal: Journal,
                                  items: list[tuple[str, str, str, int, Decimal | None]]) -> None:
    """The warning-signs engine reads whatever was typed: never fails, stays fast, and its
    evidence points at real entries."""
    from datetime import timedelta

    from journal.core import signs

    j = search_journal
    ids = []
    with j.transaction():
        for kind, summary, details, days, amount in items:
            d = EntryDraft(kind=kind, summary=summary.strip() or "x", details=details,
                           occurred_at=datetime(2024, 1, 1).astimezone() + timedelta(days=days),
                           precision="day")
            if kind == "payment" and amount is not None:
                d.amount, d.currency, d.method, d.direction = amount, "CNY", "cash", "received"
            try:
                ids.append(j.add_entry(d).id)
            except InputError:
                pass
    start = time.perf_counter()
    results = signs.evaluate_journal(j)
    assert time.perf_counter() - start < 5.0
    known = set(j.entry_ids())
    for r in results:
        assert r.level in ("present", "possible") and set(r.evidence) <= known
        assert r.title("zh") and r.title("en")
    for eid in ids:
        j.delete_entry(eid)
