"""Correcting a screenshot's recognised transcript: revisions sealed in the audit chain.

The batch is built as the recognition would leave it (the reading itself is tested in test_ocr.py)
and imported into a real journal; corrections then go through journal.core.ocr.corrections.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from journal.core.errors import InputError
from journal.core.importers.common import read_export
from journal.core.ocr.corrections import correct_line, transcript
from journal.core.ocr.sample import Bubble, render_chat
from journal.core.ocr.screenshots import (
    Screenshot,
    ScreenshotBatch,
    ScreenshotMessage,
    import_screenshots,
)
from journal.core.signs import evaluate_journal

T = datetime(2024, 3, 5, 14, 32).astimezone()


def _import(journal: Any, tmp_path: Path, lang: str = "en") -> str:
    sample = render_chat("wechat", "Zhang", (Bubble("other", "hello"),))
    path = tmp_path / "shot1.png"
    path.write_bytes(sample.data)
    _, _, sha = read_export(path)
    pic = Screenshot(path=path, sha256=sha, conversation="Zhang", time_source="picture", messages=[
        ScreenshotMessage(T, "Zhang", "other", "Please photograph the harbour tomorrow"),
        ScreenshotMessage(T.replace(minute=35), "Me", "me", "What for?"),
        ScreenshotMessage(T.replace(minute=40), "Zhang", "other", "Pay is 2000, tell nobody"),
    ])
    result = import_screenshots(journal, ScreenshotBatch([pic]), lang=lang)
    return result.entry_ids[0]


def test_a_corrected_line_is_a_sealed_message_revision_and_an_entry_revision(
        journal: Any, tmp_path: Path) -> None:
    entry_id = _import(journal, tmp_path)
    before = len(journal.history(entry_id))
    lines = transcript(journal, entry_id)
    correct_line(journal, lines[1].message_id, text="What for? I will not go.", sender="Liu",
                 lang="en")
    now = transcript(journal, entry_id)
    assert (now[1].sender, now[1].text, now[1].corrections) == ("Liu", "What for? I will not go.", 1)
    assert now[1].original["text"] == "What for?"  # what was read stays
    assert journal.messages(entry_id)[1]["text"] == "What for?"
    assert [c["text"] for c in journal.message_corrections(lines[1].message_id)] == [
        "What for? I will not go."]
    history = journal.history(entry_id)
    assert len(history) == before + 1
    assert "14:35 Liu: What for? I will not go." in history[-1].data["details"]
    assert "14:35 Me: What for?" in history[-2].data["details"]
    assert "Corrected by hand: 1 line;" in journal.get_entry(entry_id).details
    result = journal.verify()
    assert result.ok, result.problems
    sealed = [r for r in journal.audit_records() if r.object_type == "revision"]
    assert len(sealed) >= before + 2  # the message's and the entry's


def test_forging_a_saved_correction_fails_verify(journal: Any, tmp_path: Path) -> None:
    entry_id = _import(journal, tmp_path)
    line = transcript(journal, entry_id)[0]
    correct_line(journal, line.message_id, text="Please photograph the museum", lang="en")
    journal.db.conn.execute(
        "UPDATE revisions SET data = replace(data, 'museum', 'park') WHERE object_type = 'message'")
    journal.db.conn.commit()
    assert not journal.verify().ok


def test_corrected_text_is_searchable_and_the_old_reading_is_not(journal: Any,
                                                                 tmp_path: Path) -> None:
    entry_id = _import(journal, tmp_path)
    line = transcript(journal, entry_id)[0]
    assert journal.search("harbour") == [entry_id]
    correct_line(journal, line.message_id, text="Please photograph the naval base tomorrow",
                 lang="en")
    assert journal.search("naval base") == [entry_id]
    assert journal.search("harbour") == []


def test_the_warning_signs_read_the_corrected_text(journal: Any, tmp_path: Path) -> None:
    entry_id = _import(journal, tmp_path)
    line = transcript(journal, entry_id)[2]

    def secrecy_evidence() -> list[str]:
        found = {r.id: r for r in evaluate_journal(journal)}
        return list(found["WS-SECRECY"].evidence) if "WS-SECRECY" in found else []

    assert entry_id in secrecy_evidence()
    correct_line(journal, line.message_id, text="Pay is 2000", lang="en")
    assert entry_id not in secrecy_evidence()


def test_a_corrected_time_of_the_first_line_moves_the_entry(journal: Any, tmp_path: Path) -> None:
    entry_id = _import(journal, tmp_path)
    line = transcript(journal, entry_id)[0]
    correct_line(journal, line.message_id, time="13:05", lang="zh")
    entry = journal.get_entry(entry_id)
    assert entry.occurred_at == T.replace(hour=13, minute=5)
    assert entry.details.startswith("13:05 Zhang: Please photograph")
    assert "已手动更正：1 行" in entry.details


def test_the_picture_caption_shows_the_corrected_lines_marked_as_corrected(
        journal: Any, tmp_path: Path) -> None:
    entry_id = _import(journal, tmp_path)
    line = transcript(journal, entry_id)[1]
    correct_line(journal, line.message_id, sender="Liu", lang="en")
    caption = journal.list_attachments(entry_id=entry_id)[0].caption
    assert caption.startswith("Chat screenshot. Recognised text, corrected by hand (1 line;")
    assert "14:35 Liu: What for?" in caption
    assert "14:35 Me: What for?" not in caption


@pytest.mark.parametrize(("kwargs", "key"), [
    ({"text": "   "}, "ocr.correct_empty"),
    ({"sender": ""}, "ocr.correct_empty"),
    ({"text": "What for?"}, "ocr.correct_nothing"),
    ({"time": "25:99"}, "error.bad_date"),
])
def test_a_refused_correction_changes_nothing(journal: Any, tmp_path: Path,
                                              kwargs: dict[str, str], key: str) -> None:
    entry_id = _import(journal, tmp_path)
    line = transcript(journal, entry_id)[1]
    head = journal.head_hash()
    with pytest.raises(InputError) as caught:
        correct_line(journal, line.message_id, lang="en", **kwargs)
    assert caught.value.key == key
    assert caught.value.message("zh") != caught.value.message("en")
    assert journal.head_hash() == head


def test_a_chat_export_message_cannot_be_corrected(journal: Any, tmp_path: Path) -> None:
    from journal.core.importers import import_file

    path = tmp_path / "chat.txt"
    path.write_text("05/03/2024, 14:32 - Zhang: hello there\n", encoding="utf-8")
    result = import_file(journal, "whatsapp", path, me="Liu", tz="Asia/Shanghai")
    message_id = journal.messages(result.entry_ids[0])[0]["id"]
    with pytest.raises(InputError) as caught:
        correct_line(journal, message_id, text="changed", lang="en")
    assert caught.value.key == "ocr.correct_not_screenshot"


def test_an_entry_made_from_a_corrected_line_takes_the_correction(journal: Any,
                                                                  tmp_path: Path) -> None:
    from journal.core.importers import entry_draft_from_message

    entry_id = _import(journal, tmp_path)
    line = transcript(journal, entry_id)[0]
    correct_line(journal, line.message_id, text="Photograph the naval base", time="14:33",
                 lang="en")
    draft = entry_draft_from_message(journal, line.message_id, "request", lang="en")
    assert draft.summary == "Zhang: Photograph the naval base"
    assert draft.occurred_at == T.replace(minute=33)
    assert draft.source_entry_id == entry_id


def test_the_caption_names_the_device_without_a_missing_time_and_never_the_gps(
        journal: Any, tmp_path: Path) -> None:
    sample = render_chat("wechat", "Zhang", (Bubble("other", "hello"),))
    path = tmp_path / "shot.png"
    path.write_bytes(sample.data)
    _, _, sha = read_export(path)
    pic = Screenshot(path=path, sha256=sha, conversation="Zhang", time_source="picture",
                     exif={"device": "Huawei P40", "gps": [31.2, 121.5]},
                     messages=[ScreenshotMessage(T, "Zhang", "other", "hello")])
    entry_id = import_screenshots(journal, ScreenshotBatch([pic]), lang="zh").entry_ids[0]
    caption = journal.list_attachments(entry_id=entry_id)[0].caption
    assert caption.endswith("\n设备：Huawei P40")
    assert "?" not in caption and "31.2" not in caption and "GPS" not in caption


def test_a_line_number_outside_the_transcript_is_refused_in_both_languages(
        journal: Any, tmp_path: Path) -> None:
    from journal.core.ocr.corrections import line_message_id

    entry_id = _import(journal, tmp_path)
    assert line_message_id(journal, entry_id, 3) == transcript(journal, entry_id)[2].message_id
    with pytest.raises(InputError) as caught:
        line_message_id(journal, entry_id, 4)
    assert caught.value.message("en").startswith("This entry's transcript has no line 4; it has 3.")
    assert caught.value.message("zh").startswith("这条记录的聊天记录中没有第 4 行，共有 3 行。")
