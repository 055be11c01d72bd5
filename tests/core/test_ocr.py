"""Reading chat screenshots with the real engine in its child process, into a real journal.

The screenshots are drawn here (journal.core.ocr.sample: WeChat, QQ and Telegram colours, the
bundled CJK font, JPEG-degraded and half-size copies) with the text and speakers they show.
Recognition is CPU-heavy: the pictures are few and small.
"""

from __future__ import annotations

import io
import json
import os
import sys
import unicodedata
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageDraw

from journal.core.errors import ImportFormatError
from journal.core.ocr import runner
from journal.core.ocr.layout import read_layout
from journal.core.ocr.runner import OcrCancelled, OcrLimits, Recogniser
from journal.core.ocr.sample import Bubble, render_chat
from journal.core.ocr.screenshots import import_screenshots, read_screenshots

CHAT = (
    Bubble("time", "2024年3月5日 14:32"),
    Bubble("other", "你好，我是海洋调查公司的张经理，想请你做一份兼职，每周去港口拍几张军舰的照片"),
    Bubble("me", "What kind of photos do you need exactly?"),
    Bubble("other", "报酬¥2000，加我微信 wxid_abc123，明天下午三点见"),
    Bubble("time", "15:10"),
    Bubble("other", "Send them to zhang.sea@example.com and don't tell anyone"),
    Bubble("me", "好的，我考虑一下"),
)
CONTINUED = (  # the same chat scrolled on: no time stamp of its own
    Bubble("other", "照片要清楚，能看到舷号"),
    Bubble("me", "我不想做了"),
)


def _plain(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def _edit_distance(a: str, b: str) -> int:
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def snapshot(journal: Any) -> tuple[int, str, int, int]:
    return (journal.count_entries(include_deleted=True), journal.head_hash(),
            len(journal.list_persons(include_deleted=True)), len(journal.list_imports()))


@pytest.mark.slow
def test_character_accuracy_and_speakers_on_wechat_qq_telegram_clean_jpeg_and_half_size() -> None:
    chars = errors = bubbles = right = 0
    with Recogniser() as recogniser:
        for style in ("wechat", "qq", "telegram"):
            for options in ({}, {"jpeg_quality": 40}, {"scale": 0.5}):
                sample = render_chat(style, "张经理", CHAT, **options)
                picture = read_layout(recogniser.recognise(style, sample.data),
                                      reference=datetime(2024, 3, 10).astimezone())
                expected = [b for b in sample.bubbles if b.side != "time"]
                want = _plain("".join(b.text for b in expected))
                got = _plain("".join(b.text for b in picture.bubbles))
                chars += len(want)
                errors += _edit_distance(want, got)
                bubbles += len(expected)
                right += sum(
                    1 for i, b in enumerate(expected)
                    if i < len(picture.bubbles) and picture.bubbles[i].side == b.side
                    and _edit_distance(_plain(b.text), _plain(picture.bubbles[i].text))
                    <= len(_plain(b.text)) // 10
                )
                assert picture.header == "张经理", (style, options)
                assert [s.replace(tzinfo=None) for s in
                        (b.sent_at for b in picture.bubbles) if s is not None] == [
                    datetime(2024, 3, 5, 14, 32)] * 3 + [datetime(2024, 3, 5, 15, 10)] * 2
    accuracy = 1 - errors / chars
    print(f"character accuracy {accuracy:.3f} over {chars} characters; "
          f"speakers right {right}/{bubbles}")
    assert accuracy >= 0.95
    assert right / bubbles >= 0.95


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def test_screenshots_become_a_dated_contact_entry_with_speakers_searchable_and_signs(
        journal: Any, tmp_path: Path) -> None:
    first = _write(tmp_path, "Screenshot_1.png", render_chat("wechat", "张经理", CHAT).data)
    second = _write(tmp_path, "Screenshot_2.png", render_chat("wechat", "张经理", CONTINUED).data)
    seen: list[tuple[int, int]] = []
    batch = read_screenshots([first, second], journal=journal, lang="zh",
                             progress=lambda done, total: seen.append((done, total)))
    assert seen == [(0, 2), (1, 2), (2, 2)]
    assert journal.count_entries() == 0  # reading writes nothing
    result = import_screenshots(journal, batch, lang="zh")
    assert (result.pictures, result.messages, len(result.entry_ids)) == (2, 7, 1)

    entry = journal.get_entry(result.entry_ids[0])
    assert entry.kind == "contact" and entry.person_names == ["张经理"]
    assert entry.occurred_at.replace(tzinfo=None) == datetime(2024, 3, 5, 14, 32)
    messages = journal.messages(entry.id)
    assert [m["sender"] for m in messages] == ["张经理", "我", "张经理", "张经理", "我", "张经理", "我"]
    # the continued picture has no stamp: its messages follow the last time read before it
    assert messages[-1]["sent_at"].replace(tzinfo=None) == datetime(2024, 3, 5, 15, 10)
    assert "我不想做了" in _plain(messages[-1]["text"])

    pictures = [a for a in entry.attachments]
    assert sorted(a.filename for a in pictures) == ["Screenshot_1.png", "Screenshot_2.png"]
    assert journal.attachment_data(pictures[0].id) in (first.read_bytes(), second.read_bytes())
    assert all(a.caption.startswith("聊天截图。识别出的文字") for a in pictures)
    assert journal.search("军舰") == [entry.id]
    assert journal.search("wxid_abc123") == [entry.id]

    from journal.core.signs import evaluate_journal

    present = {s.id for s in evaluate_journal(journal) if s.level == "present"}
    assert {"WS-PHOTO-TASK", "WS-SECRECY"} <= present
    assert journal.verify().ok

    before = snapshot(journal)
    again = read_screenshots([first, second], journal=journal, lang="en")
    assert [p.duplicate for p in again.pictures] == [True, True]
    assert import_screenshots(journal, again).pictures == 0
    assert snapshot(journal) == before


def test_without_a_time_stamp_the_exif_capture_time_is_used_and_said(
        journal: Any, tmp_path: Path) -> None:
    img = Image.open(io.BytesIO(render_chat("qq", "Director Zhang", CONTINUED[:1]).data))
    exif = Image.Exif()
    exif[0x010F] = "Xiaomi"
    exif[0x0110] = "Redmi Note 12"
    exif.get_ifd(0x8769)[0x9003] = "2024:06:01 20:15:00"
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (22.0, 30.0, 36.0), 3: "E", 4: (114.0, 6.0, 0.0)})
    out = io.BytesIO()
    img.convert("RGB").save(out, "JPEG", quality=90, exif=exif)
    path = _write(tmp_path, "IMG_0001.jpg", out.getvalue())
    batch = read_screenshots([path], journal=journal, lang="en")
    pic = batch.pictures[0]
    assert pic.time_source == "exif" and pic.exif["device"] == "Xiaomi Redmi Note 12"
    assert pic.exif["gps"] == [22.51, 114.1]
    result = import_screenshots(journal, batch, lang="en")
    entry = journal.get_entry(result.entry_ids[0])
    assert entry.occurred_at.replace(tzinfo=None) == datetime(2024, 6, 1, 20, 15)
    assert entry.precision == "approximate"
    assert "EXIF capture time, not from the chat" in entry.details
    assert "Captured 2024:06:01 20:15:00 on Xiaomi Redmi Note 12" in entry.attachments[0].caption
    # the position stays in the original file only: no caption, detail or message repeats it
    texts = [entry.details, entry.attachments[0].caption,
             *(m["text"] for m in journal.messages(entry.id))]
    assert not any("22.51" in t or "114.1" in t for t in texts)
    assert journal.attachment_data(entry.attachments[0].id) == path.read_bytes()


def test_without_time_stamp_or_exif_the_file_time_is_used_and_said(
        journal: Any, tmp_path: Path) -> None:
    path = _write(tmp_path, "shot.png", render_chat("telegram", "Anna", CONTINUED[:1]).data)
    when = datetime(2023, 11, 2, 8, 30).astimezone()
    os.utime(path, (when.timestamp(), when.timestamp()))
    batch = read_screenshots([path], journal=journal, lang="zh")
    assert batch.pictures[0].time_source == "file"
    entry = journal.get_entry(import_screenshots(journal, batch, lang="zh").entry_ids[0])
    assert entry.occurred_at == when
    assert "时间取自文件的修改时间，而非聊天内容" in entry.details


def _corrupt_jpeg() -> bytes:
    good = render_chat("wechat", "张经理", CHAT[:2], jpeg_quality=80).data
    return good[: len(good) // 3] + b"\x00garbage" * 50


def _huge_png() -> bytes:
    out = io.BytesIO()
    Image.new("L", (7100, 7100), 255).save(out, "PNG")  # 50.4 million pixels
    return out.getvalue()


def _not_a_chat() -> bytes:
    img = Image.new("RGB", (720, 1000), (90, 140, 200))
    draw = ImageDraw.Draw(img)
    draw.ellipse((200, 300, 520, 620), fill=(250, 210, 60))
    draw.rectangle((0, 800, 720, 1000), fill=(60, 120, 60))
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


@pytest.mark.parametrize(("make", "key", "zh_words"), [
    (_corrupt_jpeg, "ocr.not_image", "不是可以读取的图片"),
    (_huge_png, "ocr.too_large", "太大，无法读取"),
    (_not_a_chat, "ocr.not_chat", "看起来不是聊天截图"),
], ids=["corrupt-jpeg", "50-megapixels", "not-a-chat"])
def test_bad_pictures_are_refused_with_a_clear_message_and_nothing_changes(
        journal: Any, tmp_path: Path, make: Any, key: str, zh_words: str) -> None:
    good = _write(tmp_path, "good.png", render_chat("wechat", "张经理", CHAT[:2]).data)
    bad = _write(tmp_path, "bad.jpg", make())
    before = snapshot(journal)
    # the refusal comes before any text is read (cheap) except for a picture without a chat
    batch = [good, bad] if key == "ocr.not_chat" else [bad, good]
    with pytest.raises(ImportFormatError) as caught:
        read_screenshots(batch, journal=journal, lang="zh")
    assert caught.value.key == key
    assert zh_words in caught.value.message("zh") and "bad.jpg" in caught.value.message("zh")
    assert "Nothing was added to the journal." in caught.value.message("en")
    assert snapshot(journal) == before


def test_cancel_stops_the_child_and_raises(tmp_path: Path) -> None:
    with Recogniser(cancelled=lambda: True) as recogniser:
        with pytest.raises(OcrCancelled):
            recogniser.recognise("x.png", render_chat("wechat", "A", CONTINUED).data)
        assert recogniser.pid is None  # the child is gone


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_the_child_runs_under_the_memory_limit_without_the_passphrase(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOURNAL_PASSPHRASE", "a secret passphrase")
    limits = OcrLimits(memory_bytes=1536 * 2**20)
    with Recogniser(limits) as recogniser:
        with pytest.raises(ImportFormatError):  # refused in the child, which lives on
            recogniser.recognise("x.png", _corrupt_jpeg())
        pid = recogniser.pid
        assert pid is not None
        text = Path(f"/proc/{pid}/limits").read_text()
        environ = Path(f"/proc/{pid}/environ").read_bytes()
    row = next(r for r in text.splitlines() if r.startswith("Max address space"))
    assert row.split()[3] == str(1536 * 2**20)
    assert b"JOURNAL_PASSPHRASE" not in environ and b"a secret passphrase" not in environ


AUDIT_CHILD = """
import atexit, json, os, sys
events = []
sys.addaudithook(lambda e, a: events.append(e) if e.startswith("socket.") else None)
def dump():
    fds = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            fds.append(os.readlink(f"/proc/self/fd/{fd}"))
        except OSError:
            pass
    with open(os.environ["OCR_AUDIT_OUT"], "w") as fh:
        json.dump({"events": events, "sockets": [f for f in fds if f.startswith("socket:")]}, fh)
atexit.register(dump)
from journal.core.ocr.child import main
sys.exit(main())
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_recognition_opens_no_socket_in_the_child_or_the_parent(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    wrapper = tmp_path / "audit_child.py"
    wrapper.write_text(AUDIT_CHILD, encoding="utf-8")
    out = tmp_path / "audit.json"
    monkeypatch.setenv("OCR_AUDIT_OUT", str(out))
    monkeypatch.setattr(runner, "child_command", lambda: [sys.executable, str(wrapper)])
    parent_events: list[str] = []
    active = [True]
    sys.addaudithook(lambda e, a: parent_events.append(e)
                     if active[0] and e.startswith("socket.") else None)
    try:
        with Recogniser() as recogniser:
            answer = recogniser.recognise("x.png", render_chat("wechat", "张经理", CHAT[:3]).data)
    finally:
        active[0] = False
    assert "港口" in "".join(line["text"] for line in answer["lines"])
    report = json.loads(out.read_text())
    assert report == {"events": [], "sockets": []}
    assert parent_events == []
