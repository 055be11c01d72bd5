"""Telegram Desktop's HTML export of a long chat: messages.html, messages2.html, … messages10.html.

The pages are written here from the format (see importers/tghtml.py): each page repeats the chat's
header; a page can begin with a "joined" follow-up that names no sender (the previous page's last
sender goes on). Every page is read in order as one chat, from the folder or from the zipped
export folder, each page kept as an original with its SHA-256; the same export twice adds nothing.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest

from journal.core.errors import ImportFormatError
from journal.core.importers import detect_kind, import_chat, import_file, parse_file

TZ = "Asia/Shanghai"
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00"
       b"\x00\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92"
       b"\xef\x00\x00\x00\x00IEND\xaeB`\x82")


def _message(n: int, when: str, text: str, sender: str | None = None, photo: str = "") -> str:
    joined = "" if sender else " joined"
    name = f'<div class="from_name">{sender} </div>' if sender else ""
    media = (f'<div class="media_wrap clearfix"><a class="photo_wrap clearfix pull_left" '
             f'href="photos/{photo}"><img class="photo" src="photos/{photo}"/></a></div>'
             if photo else "")
    return (f'<div class="message default clearfix{joined}" id="message{n}"><div class="body">'
            f'<div class="pull_right date details" title="{when} UTC+08:00">{when[11:16]}</div>'
            f'{name}{media}<div class="text">{text}</div></div></div>')


def _page(*messages: str) -> str:
    return ('<!DOCTYPE html><html><head><meta charset="utf-8"/><title>Exported Data</title>'
            '</head><body><div class="page_wrap"><div class="page_header"><div class="content">'
            '<div class="text bold">Director Zhang</div></div></div>'
            '<div class="page_body chat_page"><div class="history">'
            + "".join(messages) + '</div></div></div></body></html>')


PAGES = {
    "messages.html": _page(
        _message(1, "05.03.2024 14:30:12", "Photograph the ships at the port tomorrow.",
                 "Director Zhang"),
        _message(2, "05.03.2024 14:35:00", "Which port?", "Liu"),
    ),
    "messages2.html": _page(  # begins with the previous page's sender going on
        _message(3, "05.03.2024 14:36:00", "I have never done this"),
        _message(4, "06.03.2024 09:00:00", "The naval one. Like this:", "Director Zhang",
                 photo="photo_2@06-03-2024_09-00-00.jpg"),
    ),
    "messages10.html": _page(  # numbered pages sort as numbers: 10 comes after 2
        _message(5, "07.03.2024 20:00:00", "Delete this chat and tell nobody", "Director Zhang"),
    ),
}
TEXTS = ["Photograph the ships at the port tomorrow.", "Which port?", "I have never done this",
         "The naval one. Like this:", "Delete this chat and tell nobody"]
SENDERS = ["Director Zhang", "Liu", "Liu", "Director Zhang", "Director Zhang"]


def _export(folder: Path) -> Path:
    (folder / "photos").mkdir(parents=True)
    for name, html in PAGES.items():
        (folder / name).write_text(html, encoding="utf-8")
    (folder / "photos" / "photo_2@06-03-2024_09-00-00.jpg").write_bytes(PNG)
    return folder


def _zip(folder: Path, out: Path) -> Path:
    with zipfile.ZipFile(out, "w") as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                zf.write(path, "ChatExport_2024-03-07/" + path.relative_to(folder).as_posix())
    return out


@pytest.mark.parametrize("chosen", ["messages.html", "messages2.html", "messages10.html"])
def test_every_page_of_the_folder_is_read_in_order_as_one_chat(tmp_path: Path,
                                                                chosen: str) -> None:
    folder = _export(tmp_path / "ChatExport")
    parsed = parse_file("telegram", folder / chosen, tz=TZ, lang="en")
    assert [m.text for m in parsed.messages] == TEXTS
    assert [m.sender for m in parsed.messages] == SENDERS
    assert {m.conversation for m in parsed.messages} == {"Director Zhang"}
    assert [p for p, _ in parsed.pages] == ["messages.html", "messages2.html", "messages10.html"]
    assert [m.media[0].name for m in parsed.messages if m.media] == [
        "photo_2@06-03-2024_09-00-00.jpg"]
    assert parsed.warnings == []


def test_the_pages_are_imported_once_with_each_page_kept_as_an_original(
        journal: Any, tmp_path: Path) -> None:
    folder = _export(tmp_path / "ChatExport")
    result = import_file(journal, "telegram", folder / "messages2.html", tz=TZ, lang="en")
    assert result.messages == 5 and result.days == 3
    transcripts = journal.get_entries(result.entry_ids)
    assert [e.occurred_at.day for e in transcripts] == [5, 6, 7]
    kept = {a.filename: a.sha256 for e in transcripts for a in e.attachments}
    import hashlib

    for name in PAGES:
        assert kept[name] == hashlib.sha256((folder / name).read_bytes()).hexdigest()
    assert "photo_2@06-03-2024_09-00-00.jpg" in kept
    assert journal.search("tell nobody") == [result.entry_ids[2]]
    head = journal.head_hash()
    again = import_file(journal, "telegram", folder / "messages10.html", tz=TZ, lang="en")
    assert again.duplicate and journal.head_hash() == head
    assert journal.verify().ok


def test_a_page_changed_after_the_preview_is_refused_and_nothing_is_added(
        journal: Any, tmp_path: Path) -> None:
    folder = _export(tmp_path / "ChatExport")
    parsed = parse_file("telegram", folder / "messages.html", tz=TZ, lang="en")
    (folder / "messages2.html").write_text(PAGES["messages2.html"].replace("never", "often"),
                                           encoding="utf-8")
    head = journal.head_hash()
    with pytest.raises(ImportFormatError) as caught:
        import_chat(journal, parsed, lang="en")
    assert caught.value.key == "import.changed_since_preview"
    assert "messages2.html" in caught.value.message("en")
    assert journal.head_hash() == head and journal.count_entries() == 0


def test_the_zipped_export_folder_is_recognised_and_imported_as_one_chat(
        journal: Any, tmp_path: Path) -> None:
    archive = _zip(_export(tmp_path / "ChatExport"), tmp_path / "ChatExport.zip")
    assert detect_kind(archive) == "telegram"
    result = import_file(journal, "auto", archive, tz=TZ, lang="zh")
    assert result.messages == 5
    messages = [m for e in result.entry_ids for m in journal.messages(e)]
    assert [m["sender"] for m in messages] == SENDERS
    names = [a.filename for e in journal.get_entries(result.entry_ids) for a in e.attachments]
    assert "ChatExport.zip" in names  # the original, as chosen
    assert "photo_2@06-03-2024_09-00-00.jpg" in names  # read from inside the archive


def test_a_zip_without_telegram_pages_says_what_to_choose(tmp_path: Path) -> None:
    archive = tmp_path / "other.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("notes/readme.html", "<html></html>")
    with pytest.raises(ImportFormatError) as caught:
        parse_file("telegram", archive, tz=TZ, lang="en")
    assert caught.value.key == "import.zip_no_telegram"
    assert "messages.html" in caught.value.message("zh")
