#!/usr/bin/env python3
# ruff: noqa: FLY002, ISC004
"""Write the chat-export fixtures in this folder (run once; the files are committed).

Every layout the importers support, with the invisible characters the apps really write
(U+200E marks, U+202F narrow and U+00A0 no-break spaces, U+202A/U+202C around phone numbers).
The story follows the public cases: a friendly contact, a paid photo job at the port, a move to
an overseas app, code words, then ships and gifts.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
LRM = "\u200e"
NNBSP = "\u202f"
NBSP = "\u00a0"

# a 1x1 PNG and a tiny PDF: real files for the media folders
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def write(rel: str, text: str, bom: bool = False) -> None:
    path = HERE / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8")
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)


def binary(rel: str, data: bytes) -> None:
    path = HERE / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


# ---------------------------------------------------------------- WhatsApp
# Android, day-first, 24-hour, four-digit year, media omitted, multi-line, phone-number sender
write("whatsapp/android_dmy_24h/WhatsApp Chat with Xiao Min.txt", "\n".join([
    "12/03/2024, 14:05 - Messages and calls are end-to-end encrypted. No one outside of this chat, "
    "not even WhatsApp, can read or listen to them. Tap to learn more.",
    "12/03/2024, 14:05 - Xiao Min: Hi Liu! A magazine needs photos of tourists and yachts at the port 😊",
    "12/03/2024, 14:07 - Liu: How much does it pay?",
    "12/03/2024, 14:08 - Xiao Min: 300 yuan each shift.",
    "Paid the same day.",
    "Don't tell your classmates, ok?",
    "13/03/2024, 09:30 - Xiao Min: <Media omitted>",
    "13/03/2024, 21:15 - \u202a+86 138 0013 8000\u202c: 我是小敏的同事,明天去码头拍军舰 🚢",
    "13/03/2024, 21:16 - Liu: 为什么要拍军舰?",
    "",
]))

# Android US layout: month-first, 12-hour with U+202F before PM, two-digit year, no seconds
write("whatsapp/android_mdy_12h/chat.txt", "\n".join([
    f"3/12/24, 2:05{NNBSP}PM - Messages and calls are end-to-end encrypted. Only people in this chat "
    "can read, listen to, or share them. Learn more.",
    f"3/12/24, 2:05{NNBSP}PM - Director Zhang: We run a marine survey. Can you photograph ships at sea?",
    f"3/12/24, 2:09{NNBSP}PM - Wang: What kind of ships?",
    f"3/13/24, 12:01{NNBSP}AM - Director Zhang: Any ships. Later maybe the naval ones.",
    f"3/13/24, 12:30{NNBSP}PM - Wang: I will think about it.",
    "",
]))

# iPhone: bracketed, day-first, seconds, U+200E marks, image omitted, attached file present
write("whatsapp/ios_dmy/_chat.txt", "\n".join([
    f"[12/03/2024, 14:05:33] Xiao Min: {LRM}Messages and calls are end-to-end encrypted. No one "
    "outside of this chat, not even WhatsApp, can read or listen to them.",
    "[12/03/2024, 14:06:01] Xiao Min: Let's move to another app, it's safer 🔒",
    "[12/03/2024, 14:06:45] Liu: ok",
    f"{LRM}[13/03/2024, 10:00:00] Xiao Min: {LRM}image omitted",
    f"{LRM}[13/03/2024, 10:01:12] Liu: {LRM}<attached: 00000012-PHOTO-2024-03-13-10-01-12.jpg>",
    "[13/03/2024, 10:02:00] Xiao Min: Use the word \"tea\" for ships from now on.",
    "When you say tea, I know.",
    "[25/03/2024, 18:00:00] Xiao Min: 送你一部新手机和一辆电动车 🎁",
    "",
]))
binary("whatsapp/ios_dmy/00000012-PHOTO-2024-03-13-10-01-12.jpg", PNG)

# iPhone, month-first, 12-hour with "a.m."/"p.m.", no-break space, two-digit year
write("whatsapp/ios_mdy_ampm/_chat.txt", "\n".join([
    f"[3/12/24, 9:05:00{NBSP}a.m.] Xiao Min: Good morning!",
    f"[3/12/24, 1:15:30{NBSP}p.m.] Liu: Good afternoon",
    f"[3/14/24, 12:00:00{NBSP}a.m.] Xiao Min: Midnight already, sleep well 🌙",
    f"[3/14/24, 12:00:05{NBSP}p.m.] Xiao Min: Noon: the boat leaves at 3.",
    "",
]))

# Spanish Android: day-first, two-digit year, "p. m." with U+202F
write("whatsapp/android_es_pm/chat.txt", "\n".join([
    f"14/3/24, 8:40{NNBSP}a.{NNBSP}m. - Xiao Min: Hola",
    f"14/3/24, 3:05{NNBSP}p.{NNBSP}m. - Liu: Hola, ¿qué tal?",
    f"15/3/24, 12:10{NNBSP}p.{NNBSP}m. - Xiao Min: Foto del puerto, por favor",
    "",
]))

# Chinese phone settings: year-first with 上午/下午 before the time; file attached (Android)
write("whatsapp/android_zh_ymd/chat.txt", "\n".join([
    "2024/3/12 上午9:05 - 小敏: 早上好!今天去港口拍游艇吗?",
    "2024/3/12 下午2:30 - 刘: 好的",
    "2024/3/12 下午2:31 - 小敏: IMG-20240312-WA0001.jpg (file attached)",
    "这是要拍的地方",
    "2024/3/13 下午11:59 - 小敏: 记得删掉聊天记录 🤫",
    "",
]))
binary("whatsapp/android_zh_ymd/IMG-20240312-WA0001.jpg", PNG)

# German Android: dots, two-digit year, 24-hour; a group with a system line containing a colon
write("whatsapp/android_de_dots/chat.txt", "\n".join([
    "01.04.24, 08:00 - Xiao Min created group \"Work: photos\"",
    "01.04.24, 08:01 - Xiao Min added Liu",
    "01.04.24, 08:02 - Xiao Min: Willkommen",
    "30.04.24, 23:59 - Liu: Danke",
    "",
]))

# Year-first with dashes and seconds
write("whatsapp/android_iso/chat.txt", "\n".join([
    "2024-03-12 14:05:10 - Xiao Min: first",
    "2024-03-12 14:06:00 - Liu: second",
    "",
]))

# Every date could be day-first or month-first: the importer must say what it assumed
write("whatsapp/ambiguous/chat.txt", "\n".join([
    "01/02/2024, 10:00 - Xiao Min: hello",
    "01/02/2024, 10:05 - Liu: hi",
    "03/04/2024, 11:00 - Xiao Min: again",
    "05/06/2024, 12:00 - Xiao Min: and again",
    "",
]))

# The .zip an iPhone makes with "Export chat" → "Attach media": _chat.txt and the photos
def zipped(rel: str, members: dict[str, bytes]) -> None:
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 3, 26, 9, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    binary(rel, buf.getvalue())


zipped("whatsapp/zip/WhatsApp Chat - Xiao Min.zip", {
    "_chat.txt": "\n".join([
        f"[26/03/2024, 08:00:00] Xiao Min: {LRM}Messages and calls are end-to-end encrypted.",
        "[26/03/2024, 08:01:00] Xiao Min: Here is the ship schedule 🚢",
        f"{LRM}[26/03/2024, 08:01:30] Xiao Min: {LRM}<attached: 00000003-PHOTO-2024-03-26-08-01-30.jpg>",
        f"{LRM}[26/03/2024, 08:02:00] Xiao Min: {LRM}<attached: 00000004-PHOTO-2024-03-26-08-02-00.jpg>",
        "[26/03/2024, 08:05:00] Liu: 收到",
        "",
    ]).encode("utf-8"),
    "00000003-PHOTO-2024-03-26-08-01-30.jpg": PNG,
})

# ---------------------------------------------------------------- Telegram, one chat
single = {
    "name": "Xiao Min",
    "type": "personal_chat",
    "id": 5550001,
    "messages": [
        {"id": 1, "type": "message", "date": "2024-03-12T14:05:00", "date_unixtime": "1710223500",
         "from": "Xiao Min", "from_id": "user5550001", "text": "Hello Liu! 你好 👋",
         "text_entities": [{"type": "plain", "text": "Hello Liu! 你好 👋"}]},
        {"id": 2, "type": "message", "date": "2024-03-12T14:06:00", "date_unixtime": "1710223560",
         "from": "Liu", "from_id": "user5550002",
         "text": ["The job is ", {"type": "bold", "text": "300 yuan"}, " per shift, see ",
                  {"type": "text_link", "text": "this page", "href": "https://example.org/job"},
                  " and ask ", {"type": "mention", "text": "@xiaomin_photo"}, "."]},
        {"id": 3, "type": "message", "date": "2024-03-12T14:07:00", "date_unixtime": "1710223620",
         "from": "Xiao Min", "from_id": "user5550001",
         "photo": "photos/photo_1@12-03-2024_14-07-00.jpg", "width": 1, "height": 1,
         "text": "港口的游艇"},
        {"id": 4, "type": "message", "date": "2024-03-12T14:08:00", "date_unixtime": "1710223680",
         "from": "Xiao Min", "from_id": "user5550001",
         "file": "files/contract.pdf", "file_name": "contract.pdf", "mime_type": "application/pdf",
         "text": ""},
        {"id": 5, "type": "message", "date": "2024-03-12T14:09:00", "date_unixtime": "1710223740",
         "from": "Xiao Min", "from_id": "user5550001",
         "file": "(File not included. Change data exporting settings to download.)",
         "media_type": "voice_message", "mime_type": "audio/ogg", "duration_seconds": 12,
         "text": ""},
        {"id": 6, "type": "message", "date": "2024-03-12T14:10:00", "date_unixtime": "1710223800",
         "from": "Xiao Min", "from_id": "user5550001", "forwarded_from": "Harbour News",
         "text": "Navy ships arrive on Friday"},
        {"id": 7, "type": "service", "date": "2024-03-13T20:00:00", "date_unixtime": "1710331200",
         "actor": "Xiao Min", "actor_id": "user5550001", "action": "phone_call",
         "duration_seconds": 95, "text": ""},
        {"id": 8, "type": "message", "date": "2024-03-13T20:05:00", "date_unixtime": "1710331500",
         "from": "Xiao Min", "from_id": "user5550001",
         "file": "(File not included. Change data exporting settings to download.)",
         "media_type": "sticker", "sticker_emoji": "🌹", "text": ""},
        {"id": 9, "type": "message", "date": "2024-03-13T20:06:00", "date_unixtime": "1710331560",
         "from": "Liu", "from_id": "user5550002",
         "photo": "(File not included. Change data exporting settings to download.)",
         "text": ""},
    ],
}
write("telegram/chat/result.json", json.dumps(single, ensure_ascii=False, indent=1))
binary("telegram/chat/photos/photo_1@12-03-2024_14-07-00.jpg", PNG)
binary("telegram/chat/files/contract.pdf", PDF)

# ---------------------------------------------------------------- Telegram, whole account
account = {
    "about": "Here is the data you requested.",
    "personal_information": {"user_id": 5550002, "first_name": "Liu", "last_name": "",
                             "phone_number": "+86 139 0000 0000", "bio": ""},
    "contacts": {"about": "", "list": []},
    "chats": {
        "about": "This page lists all chats from this export.",
        "list": [
            {"name": "Director Zhang", "type": "personal_chat", "id": 7770001, "messages": [
                {"id": 10, "type": "message", "date": "2024-04-01T09:00:00",
                 "date_unixtime": "1711962000", "from": "Director Zhang", "from_id": "user7770001",
                 "text": "Marine survey job: photograph ships at sea."},
                {"id": 11, "type": "message", "date": "2024-04-01T09:03:00",
                 "date_unixtime": "1711962180", "from": "Liu", "from_id": "user5550002",
                 "text": [{"type": "plain", "text": "Which "}, {"type": "italic", "text": "ships"},
                          "?"]},
                {"id": 12, "type": "message", "date": "2024-04-02T09:00:00",
                 "date_unixtime": "1712048400", "from": "Director Zhang", "from_id": "user7770001",
                 "photo": "chats/chat_01/photos/photo_2@02-04-2024_09-00-00.jpg",
                 "text": "这种军舰"},
            ]},
            {"name": "Work group", "type": "private_group", "id": 8880001, "messages": [
                {"id": 20, "type": "service", "date": "2024-04-03T10:00:00",
                 "date_unixtime": "1712138400", "actor": "Director Zhang", "actor_id": "user7770001",
                 "action": "create_group", "title": "Work group", "members": ["Liu", "Xiao Min"],
                 "text": ""},
                {"id": 21, "type": "message", "date": "2024-04-03T10:01:00",
                 "date_unixtime": "1712138460", "from": "Xiao Min", "from_id": "user5550001",
                 "text": "Pay comes by bank transfer from a third party."},
                {"id": 22, "type": "message", "date": "2024-04-03T10:02:00",
                 "date_unixtime": "1712138520", "from": None, "from_id": "user9990001",
                 "text": "deleted account speaking"},
            ]},
            {"name": "Saved Messages", "type": "saved_messages", "id": 5550002, "messages": []},
        ],
    },
}
write("telegram/account/result.json", json.dumps(account, ensure_ascii=False, indent=1))
binary("telegram/account/chats/chat_01/photos/photo_2@02-04-2024_09-00-00.jpg", PNG)

# ---------------------------------------------------------------- CSV
write("csv/chat.csv", "\r\n".join([
    "date,person,text",
    "2024-03-12 14:05,Xiao Min,\"Hello, are you the student who takes photos?\"",
    "2024-03-12 14:06:30,Liu,yes 😊",
    "2024-03-13T09:00:00+08:00,小敏,\"明天去码头。\n记住暗号:喝茶\"",
    "",
]), bom=True)
write("csv/chat_tab.tsv", "\n".join([
    "12/03/2024 14:05\tXiao Min\tfirst line",
    "25/03/2024 08:00\tLiu\tsecond, with a comma",
    "",
]))
write("csv/chat_headers_zh.csv", "\n".join([
    "内容;发送者;时间",
    "你好;小敏;2024年3月12日 14:05",
    "在吗;刘;2024年3月12日 下午2:06",
    "",
]))

if __name__ == "__main__":
    print("fixtures written under", HERE)
