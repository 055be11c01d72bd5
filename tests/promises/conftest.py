"""Fixtures for the promise tests (DESIGN §7)."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest

from journal.core import crypto
from journal.core.crypto import FAST_PARAMS
from journal.core.models import EntryDraft, Handle
from journal.core.store import Journal

PASS = "promise passphrase 承诺 42"
CST = timezone(timedelta(hours=8))
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
       b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99"
       b"=\x1d\x00\x00\x00\x00IEND\xaeB`\x82")


@pytest.fixture
def cached_derive(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2id is a pure function of (passphrase, header): remember its results within a test, so
    that many CLI runs against the same file do not each pay for a derivation."""
    real = crypto.derive_key
    cached = functools.lru_cache(maxsize=64)(real)
    monkeypatch.setattr(crypto, "derive_key", cached)


def fill(j: Journal, n_notes: int = 0) -> dict[str, str]:
    """Entries of every kind, two persons, attachments, a revision and a trashed entry."""
    p = j.add_person("张总 Director Zhang", aliases=["Zhang"], role="总监", organisation="海洋测绘公司",
                     platform="BOSS直聘", handles=[Handle("wechat", "zhang_ocean"),
                                                  Handle("phone", "+86 139 0000 0000")],
                     notes="说在香港")
    q = j.add_person("Lily", platform="Soul")
    when = datetime(2024, 3, 5, 14, 30, tzinfo=CST)
    ids: dict[str, str] = {"person": p.id, "person2": q.id}
    drafts = [
        EntryDraft(kind="contact", summary="第一次聊天 first chat", medium="chat",
                   initiated_by="them", channel="微信"),
        EntryDraft(kind="request", summary="拍港口的船 photograph ships", task="拍照",
                   target="军港", status="refused", amount=Decimal(500), currency="CNY"),
        EntryDraft(kind="payment", summary="收到转账", amount=Decimal("1234.56"), currency="CNY",
                   method="wechat", direction="received"),
        EntryDraft(kind="gift", summary="送了手机", item="手机 phone", value=Decimal(3999),
                   currency="CNY"),
        EntryDraft(kind="meeting", summary="见面 meeting", medium="in_person", initiated_by="me",
                   location="咖啡馆"),
        EntryDraft(kind="threat", summary="威胁要曝光 threatened"),
        EntryDraft(kind="report", summary="打了12339", reported_to="hotline_12339",
                   reference="REF-001", officer="王老师"),
        EntryDraft(kind="note", summary="备注 note", details="多行\nlines", tags=["兼职", "tag"],
                   witnesses=["室友"]),
    ]
    for i, d in enumerate(drafts):
        d.occurred_at = when + timedelta(days=i)
        d.precision = "exact"
        d.persons = [p.id] if i % 2 == 0 else [p.id, q.id]
        ids[d.kind or ""] = j.add_entry(d).id
    for i in range(n_notes):
        j.add_entry(EntryDraft(kind="note", summary=f"filler {i}", details="填充 " * 40,
                               occurred_at=when - timedelta(days=i + 1), precision="day"))
    ids["attachment"] = j.add_attachment(entry_id=ids["request"], data=PNG, filename="ship.png",
                                         caption="截图").id
    ids["blob"] = j.add_attachment(entry_id=ids["payment"], data=os.urandom(30_000),
                                   filename="receipt.bin").id
    j.edit_entry(ids["note"], EntryDraft(summary="备注 note (edited)"))
    ids["trashed"] = j.add_entry(EntryDraft(kind="note", summary="deleted one",
                                            occurred_at=when, precision="day")).id
    j.delete_entry(ids["trashed"])
    return ids


@pytest.fixture
def filled(tmp_path: Path) -> Iterator[tuple[Path, dict[str, str]]]:
    path = tmp_path / "filled.ijournal"
    with Journal.create(path, PASS, kdf=FAST_PARAMS) as j:
        ids = fill(j, n_notes=120)
    yield path, ids
