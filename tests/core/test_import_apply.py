"""Importing parsed chats into a real (SQLCipher) journal: one transaction, evidence kept."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from journal.core.errors import ImportFormatError
from journal.core.importers import (
    entry_draft_from_message,
    import_chat,
    import_file,
    parse_file,
)

DATA = Path(__file__).resolve().parent.parent / "data" / "imports"


def _load_parser_tests():  # type: ignore[no-untyped-def]
    """The bad-file builder of test_import_parsers.py, whatever pytest's import mode."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "_import_parser_cases", Path(__file__).with_name("test_import_parsers.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def snapshot(journal) -> tuple[int, str, int, int]:  # type: ignore[no-untyped-def]
    return (journal.count_entries(include_deleted=True), journal.head_hash(),
            len(journal.list_persons(include_deleted=True)), len(journal.list_imports()))


def test_whatsapp_import_groups_days_and_keeps_every_message(journal) -> None:  # type: ignore[no-untyped-def]
    path = DATA / "whatsapp/ios_dmy/_chat.txt"
    result = import_file(journal, "whatsapp", path, tz="Asia/Shanghai", me="Liu", lang="en")
    assert (result.messages, result.days, result.attachments) == (7, 3, 1)
    assert not result.duplicate and len(result.entry_ids) == 3
    entries = journal.get_entries(result.entry_ids)
    first = entries[0]
    assert first.kind == "contact" and first.channel == "WhatsApp" and first.medium == "chat"
    assert first.person_names == ["Xiao Min"]  # me (Liu) is not a person
    assert first.summary == "WhatsApp chat with Xiao Min: 3 messages"
    assert first.occurred_at.isoformat() == "2024-03-12T14:05:33+08:00"
    assert first.import_id == result.import_id
    assert first.details.splitlines()[1:] == ["14:06 Xiao Min: Let's move to another app, it's safer 🔒",
                                              "14:06 Liu: ok"]
    # the original file, byte for byte, with its SHA-256
    original = journal.get_attachment(result.original_attachment_id)
    data = path.read_bytes()
    assert original.sha256 == hashlib.sha256(data).hexdigest()
    assert journal.attachment_data(original.id) == data
    assert original.entry_id == first.id and original.filename == "_chat.txt"
    # the photo found in the export folder is attached to its day
    second = entries[1]
    photos = [a for a in second.attachments if a.filename.endswith(".jpg")]
    assert len(photos) == 1 and photos[0].sha256 == hashlib.sha256(
        (path.parent / "00000012-PHOTO-2024-03-13-10-01-12.jpg").read_bytes()).hexdigest()
    # every message stored on its own, in order
    msgs = journal.messages(second.id)
    assert [(m["sender"], m["text"]) for m in msgs] == [
        ("Xiao Min", "[image omitted]"),
        ("Liu", "[00000012-PHOTO-2024-03-13-10-01-12.jpg]"),
        ("Xiao Min", 'Use the word "tea" for ships from now on.\nWhen you say tea, I know.'),
    ]
    assert [m["position"] for m in msgs] == [0, 1, 2]
    assert msgs[0]["sent_at"].isoformat() == "2024-03-13T10:00:00+08:00"
    assert journal.message(msgs[2]["id"])["entry_id"] == second.id
    # searchable, Chinese two-character words too
    assert entries[2].id in journal.search("电动车")
    assert second.id in journal.search("tea")
    assert journal.verify().ok
    imports = journal.list_imports()
    assert len(imports) == 1 and imports[0]["messages"] == 7 and imports[0]["days"] == 3


def test_reimporting_the_same_file_adds_nothing(journal) -> None:  # type: ignore[no-untyped-def]
    path = DATA / "whatsapp/android_dmy_24h/WhatsApp Chat with Xiao Min.txt"
    first = import_file(journal, "whatsapp", path, tz="Asia/Shanghai", me="Liu")
    assert not first.duplicate and first.messages == 7
    before = snapshot(journal)
    again = import_file(journal, "whatsapp", path, tz="Asia/Shanghai", me="Liu")
    assert again.duplicate and (again.messages, again.days, again.attachments) == (0, 0, 0)
    # a copy under another name is the same evidence
    copy = path.parent.parent / "copy-of-chat.txt"
    try:
        shutil.copy(path, copy)
        assert import_file(journal, "whatsapp", copy, tz="UTC").duplicate
    finally:
        copy.unlink()
    assert snapshot(journal) == before


def test_person_maps_the_counterpart_and_me_is_left_out(journal) -> None:  # type: ignore[no-untyped-def]
    existing = journal.add_person("Min Xiao (real name unknown)")
    result = import_file(journal, "whatsapp", DATA / "whatsapp/android_mdy_12h/chat.txt",
                         tz="Asia/Shanghai", me="Wang", person="Director Zhang")
    assert result.days == 2
    persons = {p.name: p for p in journal.list_persons()}
    assert "Wang" not in persons and "Director Zhang" in persons
    # mapping onto an existing person: the sender name becomes an alias, searchable
    result2 = import_file(journal, "telegram", DATA / "telegram/chat/result.json",
                          tz="Asia/Shanghai", person=existing.id)
    assert all(journal.get_entry(e).persons == [existing.id] for e in result2.entry_ids)
    assert "Xiao Min" in journal.get_person(existing.id).aliases
    assert "Liu" not in {p.name for p in journal.list_persons()}  # the file says Liu exported it


def test_phone_number_sender_gets_a_phone_handle(journal) -> None:  # type: ignore[no-untyped-def]
    import_file(journal, "whatsapp", DATA / "whatsapp/android_dmy_24h/WhatsApp Chat with Xiao Min.txt",
                tz="Asia/Shanghai", me="Liu")
    person = journal.find_person("+86 138 0013 8000")
    assert person is not None and [(h.kind, h.value) for h in person.handles] == \
        [("phone", "+86 138 0013 8000")]


def test_telegram_chat_import_with_media_folder(journal) -> None:  # type: ignore[no-untyped-def]
    path = DATA / "telegram/chat/result.json"
    result = import_file(journal, "telegram", path, tz="Asia/Shanghai", lang="zh")
    assert (result.messages, result.days, result.attachments) == (9, 2, 2)
    day1 = journal.get_entry(result.entry_ids[0])
    assert day1.channel == "Telegram" and day1.person_names == ["Xiao Min"]
    assert day1.summary == "与 Xiao Min 的 Telegram 聊天：6 条消息"
    names = sorted(a.filename for a in day1.attachments)
    assert names == ["contract.pdf", "photo_1@12-03-2024_14-07-00.jpg", "result.json"]
    lines = day1.details.splitlines()
    assert lines[5] == "14:10 Xiao Min: [转发自 Harbour News] Navy ships arrive on Friday"
    day2 = journal.get_entry(result.entry_ids[1])
    assert day2.details.splitlines()[0] == "20:00 — Xiao Min: 通话（95 秒）"


def test_telegram_account_export_one_entry_per_conversation_per_day(journal) -> None:  # type: ignore[no-untyped-def]
    result = import_file(journal, "telegram", DATA / "telegram/account/result.json",
                         tz="Asia/Shanghai", lang="en")
    assert (result.messages, result.days, result.attachments) == (6, 3, 1)
    entries = journal.get_entries(result.entry_ids)
    assert [e.person_names for e in entries] == [["Director Zhang"], ["Director Zhang"],
                                                 ["Xiao Min", "(deleted account)"]]
    assert entries[2].summary == "Telegram chat with Xiao Min, (deleted account): 3 messages"


def test_csv_import(journal) -> None:  # type: ignore[no-untyped-def]
    result = import_file(journal, "csv", DATA / "csv/chat.csv", tz="Asia/Shanghai", me="Liu",
                         lang="en")
    assert (result.messages, result.days) == (3, 2)
    e = journal.get_entry(result.entry_ids[1])
    assert e.summary == "Chat with 小敏: 1 message" and e.channel == ""
    assert e.details == "09:00 小敏: 明天去码头。\n      记住暗号:喝茶"


def test_bad_inputs_leave_the_journal_unchanged(journal, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _bad_files = _load_parser_tests()._bad_files

    import_file(journal, "csv", DATA / "csv/chat_tab.tsv", tz="UTC")
    before = snapshot(journal)
    big = tmp_path / "huge.json"
    with big.open("wb") as fh:
        fh.truncate(200 * 1024 * 1024 + 1)
    cases = [*_bad_files(tmp_path).values(), ("telegram", big), ("whatsapp", tmp_path / "gone.txt")]
    for kind, path in cases:
        with pytest.raises(ImportFormatError):
            import_file(journal, kind, path, tz="UTC")
        assert snapshot(journal) == before, path.name
    assert journal.verify().ok


def test_a_failure_half_way_rolls_everything_back(journal) -> None:  # type: ignore[no-untyped-def]
    before = snapshot(journal)
    calls: list[int] = []

    def progress(done: int, total: int) -> None:
        calls.append(done)
        if len(calls) == 3:  # after the first two days were written
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        import_file(journal, "whatsapp", DATA / "whatsapp/ios_dmy/_chat.txt", tz="UTC",
                    progress=progress)
    assert snapshot(journal) == before
    assert journal.list_attachments() == []
    assert not journal.import_seen(hashlib.sha256(
        (DATA / "whatsapp/ios_dmy/_chat.txt").read_bytes()).hexdigest())
    # and it can then be imported for real
    assert import_file(journal, "whatsapp", DATA / "whatsapp/ios_dmy/_chat.txt", tz="UTC").days == 3


def test_file_changed_between_preview_and_import(journal, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "chat.txt"
    f.write_text("12/03/2024, 14:05 - A: hi\n", encoding="utf-8")
    parsed = parse_file("whatsapp", f, tz="UTC")
    f.write_text("12/03/2024, 14:05 - A: hi there\n", encoding="utf-8")
    before = snapshot(journal)
    with pytest.raises(ImportFormatError) as info:
        import_chat(journal, parsed)
    assert info.value.key == "import.changed_since_preview"
    assert snapshot(journal) == before


def test_progress_is_reported(journal) -> None:  # type: ignore[no-untyped-def]
    seen: list[tuple[int, int]] = []
    import_file(journal, "whatsapp", DATA / "whatsapp/ios_dmy/_chat.txt", tz="UTC",
                progress=lambda d, t: seen.append((d, t)))
    assert seen[0] == (0, 7) and seen[-1] == (7, 7)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_entry_from_a_message_links_back_to_the_transcript(journal) -> None:  # type: ignore[no-untyped-def]
    result = import_file(journal, "whatsapp", DATA / "whatsapp/ios_dmy/_chat.txt",
                         tz="Asia/Shanghai", me="Liu", lang="en")
    transcript = result.entry_ids[2]
    msg = journal.messages(transcript)[0]
    draft = entry_draft_from_message(journal, msg["id"], "gift", lang="en")
    assert draft.kind == "gift" and draft.source_entry_id == transcript
    assert draft.occurred_at == msg["sent_at"] and draft.precision == "exact"
    assert draft.summary == "Xiao Min: 送你一部新手机和一辆电动车 🎁"
    assert draft.persons == journal.get_entry(transcript).persons
    assert "2024-03-25 18:00 Xiao Min: 送你一部新手机和一辆电动车 🎁" in (draft.details or "")
    assert draft.channel == "WhatsApp"
    draft.item = "phone and electric scooter"
    gift = journal.add_entry(draft)
    assert gift.source_entry_id == transcript and gift.kind == "gift"
    # a message written by me still names the counterpart
    mine = next(m for m in journal.messages(result.entry_ids[0]) if m["sender"] == "Liu")
    assert entry_draft_from_message(journal, mine["id"], "note").persons == \
        journal.get_entry(result.entry_ids[0]).persons


def test_long_message_summary_is_cut(journal, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "chat.txt"
    f.write_text("12/03/2024, 14:05 - A: " + "photograph the base " * 40 + "\n", encoding="utf-8")
    result = import_file(journal, "whatsapp", f, tz="UTC")
    msg = journal.messages(result.entry_ids[0])[0]
    draft = entry_draft_from_message(journal, msg["id"], "request")
    assert draft.summary is not None and len(draft.summary) <= 130 and draft.summary.endswith("…")


def test_whatsapp_zip_import_attaches_photos_from_inside_the_zip(journal) -> None:  # type: ignore[no-untyped-def]
    path = DATA / "whatsapp/zip/WhatsApp Chat - Xiao Min.zip"
    result = import_file(journal, "whatsapp", path, tz="Asia/Shanghai", lang="en")
    assert (result.messages, result.days, result.attachments) == (5, 1, 1)
    entry = journal.get_entry(result.entry_ids[0])
    assert entry.person_names == ["Xiao Min"]  # Liu exported it (the file name says with whom)
    by_name = {a.filename: a for a in entry.attachments}
    assert set(by_name) == {"WhatsApp Chat - Xiao Min.zip", "00000003-PHOTO-2024-03-26-08-01-30.jpg"}
    zip_att = by_name["WhatsApp Chat - Xiao Min.zip"]
    assert journal.attachment_data(zip_att.id) == path.read_bytes()
    assert zip_att.id == result.original_attachment_id
    assert import_file(journal, "whatsapp", path, tz="Asia/Shanghai").duplicate
