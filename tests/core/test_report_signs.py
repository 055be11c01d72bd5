"""The PDF's warning-signs section: reasons in plain words, no rule codes in the Chinese report,
and a sign the user set aside left out of the present signs with the user's reason."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import signs_corpus as corpus  # tests/core is on sys.path (pytest rootdir-relative import)

from journal.core.models import Handle
from journal.core.report import ReportOptions, build_pdf
from journal.core.signs import dismiss

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")


def _text(path: Path) -> str:
    raw = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    return re.sub(r"\s+", "", raw)  # line breaks fall anywhere in Chinese


def _signs_part(text: str, start: str, end: str) -> str:
    """The signs section: after the contents (whose last line of interest is ``end``, the next
    section's title) and the cover's overview, from the section title to the next section."""
    after_contents = text.index(end) + len(end)
    first = text.index(start, after_contents)
    return text[first:text.index(end, first)]


@pytest.fixture
def zhou(journal: Any) -> Any:
    j = next(x for x in corpus.load("train") if x.name == "c-zh-recruiter-zhou")
    corpus.build_in_journal(journal, j)
    return journal


def test_chinese_pdf_gives_reasons_and_no_rule_codes(zhou: Any, tmp_path: Path) -> None:
    out = tmp_path / "zh.pdf"
    build_pdf(zhou, out, ReportOptions(lang="zh"))
    part = _signs_part(_text(out), "警示信号", "涉及人物")
    assert "记录中的具体依据：" in part
    assert "2025年3月11日的记录中写道：“这次他要我拍军港里的军舰”" in part
    assert "2025年3月13日的记录：通过微信支付收到周经理付的2,000.00CNY" in part
    assert "WS-" not in part
    assert "用户认为不适用" not in part


def test_set_aside_sign_leaves_the_present_signs_with_the_users_reason(zhou: Any,
                                                                       tmp_path: Path) -> None:
    dismiss(zhou, "WS-SECRECY", "是我自己提出保密的，他只是同意")
    out = tmp_path / "zh.pdf"
    build_pdf(zhou, out, ReportOptions(lang="zh"))
    text = _text(out)
    part = _signs_part(text, "警示信号", "涉及人物")
    counted, _, aside = part.partition("用户认为不适用的信号")
    assert "使用暗号、要求保密或删除聊天记录" not in counted
    assert "使用暗号、要求保密或删除聊天记录（已出现）：用户认为这一条不适用。" \
           "用户的理由：“是我自己提出保密的，他只是同意”" in aside
    assert "已出现4项，有迹象" in text  # the cover counts 4 present signs, not 5
    cover = text[:text.index("涉及人物")]  # the cover with its overview, up to the contents
    assert "使用暗号、要求保密或删除聊天记录" not in cover  # no marker on the picture either
    en = tmp_path / "en.pdf"
    build_pdf(zhou, en, ReportOptions(lang="en"))
    en_part = _signs_part(_text(en), "Warningsigns", "Peopleinvolved")
    counted_en, _, aside_en = en_part.partition("Signstheusersetaside")
    assert "WS-SECRECY" not in counted_en and "WS-PHOTO-TASK" in counted_en
    assert "setasidebytheuserasnotfitting.Theuser'sreason:“是我自己提出保密的，他只是同意”" in aside_en


def test_redacted_pdf_masks_handles_inside_reasons(journal: Any, tmp_path: Path) -> None:
    max_ = {"name": "Max", "handles": [Handle("telegram", "max_secret_77")]}
    j = corpus.Journal("handle", "en", True, {"x": max_}, [
        {"d": 0, "k": "contact", "s": "Max offered a part-time job, easy money", "p": ["x"]},
        {"d": 1, "k": "contact", "s": "Max: move to Telegram and add me as max_secret_77",
         "x": "He told me to switch to Telegram; his number is +86 139 5555 0101", "p": ["x"],
         "channel": "Telegram"},
    ], {})
    corpus.build_in_journal(journal, j)
    out = tmp_path / "r.pdf"
    build_pdf(journal, out, ReportOptions(lang="en", redact=True))
    part = _signs_part(_text(out), "Warningsigns", "Peopleinvolved")
    assert "'Max:movetoTelegramandaddmeas" in part  # the reason is there, masked
    assert "max_secret_77" not in part
