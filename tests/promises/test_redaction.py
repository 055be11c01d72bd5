"""Promise (issue 12, nothing leaked): a masked report hides contact details however they are
written, masks before it cuts a text short, and masks in time proportional to the text."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from journal.core.crypto import FAST_PARAMS
from journal.core.models import EntryDraft, Handle, Person
from journal.core.report import ReportOptions, build_pdf, build_text
from journal.core.report.redact import Redactor
from journal.core.store import Journal

from .conftest import PASS, PNG

CST = timezone(timedelta(hours=8))
CLI = str(Path(sys.executable).parent / "journal-cli")


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


@pytest.mark.parametrize("phone", [
    "138－0013－8000",  # full-width hyphens
    "138—0013—8000",  # em dashes
    "138–0013–8000",  # en dashes
    "138/0013/8000",
    "138_0013_8000",
    "１３８００１３８０００",  # full-width digits
    "+86 138 0013 8000",
])
def test_phone_numbers_are_masked_whatever_separates_the_digits(phone: str) -> None:
    masked = Redactor([])(f"他的电话是{phone}，晚上打。")
    assert "0013" not in _digits(masked)
    assert "138****8000" in masked
    assert masked.startswith("他的电话是") and masked.endswith("，晚上打。")  # the rest untouched


@pytest.mark.parametrize(("text", "secrets"), [
    ("写信给 josé.garcía@example.com 吧", ["josé", "garcía", "example.com"]),
    ("邮箱：小敏@example.cn", ["小敏", "example.cn"]),
    ("mail minmin.sea＠example.com now", ["minmin", "example.com"]),
    ("ｍｉｎｍｉｎ＠ｅｘａｍｐｌｅ．ｃｏｍ", ["ｍｉｎｍｉｎ", "ｅｘａｍｐｌｅ"]),
    ("ask @harbour_watcher or @seabird99 there", ["harbour_watcher", "seabird99"]),
    ("join https://t.me/harbour_jobs_2024 today", ["harbour_jobs_2024"]),
    ("write to wa.me/8613800138000?text=hi", ["8613800138000", "0013"]),
    ("加我微信号：xiaomin_sea", ["xiaomin_sea"]),
    ("微信号码 seabird", ["seabird"]),
    ("V信 harbourmin 联系", ["harbourmin"]),
    ("vx: qwe12345", ["qwe12345"]),
    ("QQ号 12345678", ["12345678"]),
    ("扣扣 87654321", ["87654321"]),
    ("身份证 11010519491231002X 给他了", ["11010519491231002", "19491231"]),
    ("身份证号110105199003071234", ["199003071234", "0307"]),
    ("卡号 6222021234567890123 收款", ["02123456789"]),
    ("card 6222 0212 3456 7890 please", ["0212 3456", "3456"]),
])
def test_contact_details_and_identity_numbers_are_masked(text: str, secrets: list[str]) -> None:
    masked = Redactor([])(text)
    for secret in secrets:
        assert secret not in masked, (text, masked)


def test_ordinary_words_dates_and_amounts_are_kept() -> None:
    r = Redactor([])
    for keep in ("WeChat Pay transfer", "2024/03/05 14:30", "05/03/2024", "paid 1,200.50 CNY",
                 "微信聊天了三次", "an email to my teacher", "见面 @ 咖啡馆"):
        assert r(keep) == keep


def test_a_link_is_masked_up_to_its_end_and_no_further() -> None:
    assert Redactor([])("或者 t.me/harbour_jobs；再说") == "或者 t.me/•••；再说"


def test_registered_handles_are_masked_in_their_full_width_form() -> None:
    person = Person(id="p", name="Xiao Min", handles=[Handle("wechat", "xm_harbour2024")])
    masked = Redactor([person])("加 ｘｍ＿ｈａｒｂｏｕｒ２０２４ 好友")
    assert "ｈａｒｂｏｕｒ" not in masked and "•••" in masked


def _pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                         text=True, check=True)
    return out.stdout


def test_masked_pdf_shows_no_part_of_an_address_that_a_cut_would_split(tmp_path: Path) -> None:
    # The address sits where the attachment list (80 characters) and the warning signs'
    # evidence lines (120 characters) cut the summary: masking must come first.
    path = tmp_path / "j.ijournal"
    filler = "他让我拍港口的军舰并且说会付钱给我 " * 3  # 54 characters
    summary = filler + "联系 harbour.contact.person@example.com 或 138－0013－8000 再说"
    with Journal.create(path, PASS, kdf=FAST_PARAMS) as j:
        p = j.add_person("小敏")
        when = datetime(2024, 3, 5, 14, 30, tzinfo=CST)
        e = j.add_entry(EntryDraft(kind="request", summary=summary, task="拍照", target="军港",
                                   persons=[p.id], occurred_at=when, precision="exact"))
        j.add_attachment(entry_id=e.id, data=PNG, filename="ship.png")
        for lang in ("zh", "en"):
            out = tmp_path / f"{lang}.pdf"
            build_pdf(j, out, ReportOptions(lang=lang, redact=True))
            text = _pdf_text(out)
            assert "军舰" in text
            for part in ("harbour", "contact.person", "example", "0013"):
                assert part not in text, (lang, part)


def test_cli_text_summary_can_be_masked(tmp_path: Path) -> None:
    path = tmp_path / "j.ijournal"
    with Journal.create(path, PASS, kdf=FAST_PARAMS) as j:
        j.add_entry(EntryDraft(kind="request", summary="拍照", task="联系 min.sea@example.com 拍照",
                               occurred_at=datetime(2024, 3, 5, tzinfo=CST), precision="day"))
    env = dict(os.environ, JOURNAL_PASSPHRASE=PASS)
    for lang in ("zh", "en"):
        out = tmp_path / f"{lang}.txt"
        result = subprocess.run([CLI, "--journal", str(path), "export", "text", str(out),
                                 "--lang", lang, "--redact"], check=False, capture_output=True,
                                text=True, env=env, timeout=120, stdin=subprocess.DEVNULL)
        assert result.returncode == 0, result.stderr
        text = out.read_text(encoding="utf-8")
        assert "拍照" in text and "min.sea" not in text and "example.com" not in text
    with Journal.open(path, PASS) as j:  # the unmasked summary keeps the address
        assert "min.sea@example.com" in build_text(j, ReportOptions(lang="en"))


def _best_time(r: Redactor, text: str) -> float:
    """The least CPU time of this thread over five runs (CPU, not wall clock: the other tests
    and processes sharing the machine do not count)."""
    best = float("inf")
    for _ in range(5):
        start = time.thread_time()
        r(text)
        best = min(best, time.thread_time() - start)
    return best


@pytest.mark.parametrize("unit", ["a", "1", "a.", "1-", "x@", "微信", "@a", "t.me/", "１"])
def test_masking_time_grows_in_proportion_to_the_text(unit: str) -> None:
    # Texts without breaks (a long word, a long run of digits) were quadratic: a 200,000-
    # character entry took 38 s to mask. Eight times the text may take at most about eight
    # times as long (20 allows for noise; quadratic work would be 64 times).
    r = Redactor([Person(id="p", name="x", handles=[Handle("wechat", "xm_harbour2024")])])
    small = unit * (10_000 // len(unit))
    large = unit * (80_000 // len(unit))
    t_small = max(_best_time(r, small), 1e-4)
    t_large = _best_time(r, large)
    assert t_large < 20 * t_small + 0.05, (unit, t_small, t_large)
