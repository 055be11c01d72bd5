"""The demo journal: opens with its passphrase, tells the whole story, refuses to overwrite."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest

from journal.core import demo
from journal.core.crypto import FAST_PARAMS
from journal.core.errors import InputError, WrongPassphraseError
from journal.core.models import KINDS
from journal.core.store import Journal


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.ijournal"
    demo.build_demo(path, kdf=FAST_PARAMS).close()
    return path


def _check_png(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, size = 8, (0, 0)
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        tag = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
        assert zlib.crc32(tag + body) & 0xFFFFFFFF == crc
        if tag == b"IHDR":
            size = struct.unpack(">II", body[:8])
        if tag == b"IDAT":
            raw = zlib.decompress(body)
            assert len(raw) == size[1] * (1 + 3 * size[0])
        pos += 12 + length
    return size


def test_demo_opens_with_its_passphrase_and_tells_the_story(demo_path: Path) -> None:
    with Journal.open(demo_path, demo.DEMO_PASSPHRASE) as j:
        names = {p.name for p in j.list_persons()}
        assert names == {"小敏", "张总", "王老师"}
        zhang, min_ = j.find_person("Director Zhang"), j.find_person("Xiao Min")
        assert zhang is not None and zhang.name == "张总"
        assert min_ is not None and min_.name == "小敏"
        entries = j.list_entries(newest_first=False)
        assert {e.kind for e in entries} == set(KINDS)
        assert len(entries) >= 20
        span = entries[-1].occurred_at - entries[0].occurred_at
        assert span.days >= 21  # a few weeks
        reports = [e for e in entries if e.kind == "report"]
        assert "hotline_12339" in {e.reported_to for e in reports}
        assert entries[-1].kind == "report"
        totals = j.totals()
        assert totals["received"]["CNY"] > 0 and totals["gifts"]["CNY"] > 0
        assert j.search("军舰") and j.search("Telegram") and j.search("12339")
        assert j.verify().ok


def test_demo_pictures_are_valid_pngs_kept_in_the_journal(demo_path: Path) -> None:
    with Journal.open(demo_path, demo.DEMO_PASSPHRASE) as j:
        attachments = j.list_attachments()
        assert len(attachments) >= 6
        for att in attachments:
            data = j.attachment_data(att.id)
            width, height = _check_png(data)
            assert width > 0 and height > 0
            assert att.media_type == "image/png"
    # nothing but the journal file was written next to it
    assert sorted(p.name for p in demo_path.parent.iterdir()) == [demo_path.name]


def test_demo_is_encrypted(demo_path: Path) -> None:
    raw = demo_path.read_bytes()
    for text in ("小敏", "Telegram", "军舰", "12339"):
        assert text.encode() not in raw
    with pytest.raises(WrongPassphraseError):
        Journal.open(demo_path, "not the demo passphrase")


def test_demo_refuses_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "existing.ijournal"
    path.write_bytes(b"something precious")
    with pytest.raises(InputError) as err:
        demo.build_demo(path, kdf=FAST_PARAMS)
    assert err.value.key == "error.file_exists"
    assert path.read_bytes() == b"something precious"


def test_demo_with_own_passphrase(tmp_path: Path) -> None:
    path = tmp_path / "mine.ijournal"
    demo.build_demo(path, passphrase="my own demo passphrase", kdf=FAST_PARAMS).close()
    with pytest.raises(WrongPassphraseError):
        Journal.open(path, demo.DEMO_PASSPHRASE)
    with Journal.open(path, "my own demo passphrase") as j:
        assert j.count_entries() >= 20


def test_demo_short_passphrase_is_refused_and_nothing_left(tmp_path: Path) -> None:
    path = tmp_path / "short.ijournal"
    with pytest.raises(InputError):
        demo.build_demo(path, passphrase="abc", kdf=FAST_PARAMS)
    assert not path.exists()


def test_canvas_draws_in_bounds() -> None:
    canvas = demo.Canvas(10, 6, (0, 0, 0))
    canvas.rect(-5, -5, 100, 2, (255, 0, 0))  # clipped, no error
    canvas.circle(5, 3, 20, (0, 255, 0))
    assert _check_png(canvas.png()) == (10, 6)
    assert canvas.rows[0][:3] == bytearray(b"\x00\xff\x00")


EXPECTED_SIGNS = {"WS-FAST-INTIMACY", "WS-JOB-OFFER", "WS-PHOTO-TASK", "WS-ESCALATION",
                  "WS-CHANNEL-SWITCH", "WS-SECRECY", "WS-DEVICE-GIFT", "WS-PAID-HOUSING",
                  "WS-PRESSURE", "WS-UNUSUAL-PAYMENT", "WS-VAGUE-IDENTITY"}


def test_demo_shows_warning_signs(demo_path: Path) -> None:
    from journal.core.signs import POSSIBLE, PRESENT, evaluate_journal

    with Journal.open(demo_path, demo.DEMO_PASSPHRASE) as j:
        results = evaluate_journal(j)
    found = {r.id for r in results if r.level in (PRESENT, POSSIBLE)}
    missing = EXPECTED_SIGNS - found
    assert not missing, f"demo does not show {sorted(missing)} (found {sorted(found)})"
