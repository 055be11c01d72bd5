"""English counts are worded in the singular for one and the plural otherwise ("1 file",
"2 files"); the Chinese wording is unchanged."""

from __future__ import annotations

import string

import pytest

import journal.clitext
import journal.core.ocr.corrections
import journal.core.ocr.screenshots
import journal.core.overview.texts
import journal.core.package.texts
import journal.core.passchange
import journal.core.report.texts
import journal.core.verifytext  # noqa: F401
from journal.core import i18n
from journal.core.importers import chats, mail, qq  # noqa: F401


def test_fill_picks_the_singular_for_one_and_the_plural_otherwise() -> None:
    text = "{n} {n:file|files}"
    assert i18n.fill(text, n=1) == "1 file"
    assert i18n.fill(text, n=0) == "0 files"
    assert i18n.fill(text, n="1,234") == "1,234 files"
    assert i18n.fill(text, n=2) == "2 files"


@pytest.mark.parametrize(("key", "params", "one", "many"), [
    ("cli.verify_ok", {"head": "ab"}, "1 audit record and 1 attachment checked",
     "2 audit records and 2 attachments checked"),
    ("report.text.evidence", {}, "(1 entry, 1 file such as screenshots)",
     "(2 entries, 2 files such as screenshots)"),
    ("overview.people.totals", {}, "1 entry, 1 request", "2 entries, 2 requests"),
    ("verify.checked", {}, ("audit chain (1 record), every entry, person and attachment "
                            "(1 attachment), 1 saved revision"), "(2 records)"),
    ("package.exported", {"path": "p.zip", "size": "1 KB", "fingerprint": "f"},
     "1 entry, 1 original file,", "2 entries, 2 original files,"),
    ("rekey.deleted", {}, "1 earlier backup of this journal was deleted.",
     "2 earlier backups of this journal were deleted."),
    ("import.summary", {"app": "WeChat", "names": "Zhang"}, "WeChat chat with Zhang: 1 message",
     "WeChat chat with Zhang: 2 messages"),
])
def test_english_counts_are_singular_for_one_and_plural_for_more(
        key: str, params: dict[str, str], one: str, many: str) -> None:
    names = {f for _t, f, _s, _c in string.Formatter().parse(i18n.template(key, "en")) if f}
    counts = names - set(params)
    assert one in i18n.message(key, "en", **params, **dict.fromkeys(counts, 1))
    assert many in i18n.message(key, "en", **params, **dict.fromkeys(counts, 2))


def test_the_chinese_wording_of_counts_is_unchanged() -> None:
    assert i18n.message("cli.verify_ok", "zh", records=1, attachments=1, head="ab").startswith(
        "日志完好：已检查 1 条审计记录和 1 个附件。")
    assert i18n.message("overview.people.totals", "zh", entries=1, requests=1) == "1条记录，1项要求"


def test_no_english_message_words_a_count_with_s_in_brackets_and_every_one_fills() -> None:
    for key in i18n.catalog_keys():
        en = i18n.template(key, "en")
        assert "(s)" not in en, key
        names = {f for _t, f, _s, _c in string.Formatter().parse(en) if f}
        for value in (1, 2):
            filled = i18n.message(key, "en", **dict.fromkeys(names, value))
            assert not names or filled != en, key  # (message gives the raw text on an error)
            assert "|" not in filled, key
