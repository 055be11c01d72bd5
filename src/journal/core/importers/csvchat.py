"""A simple table of messages for any other app: columns date, person, text.

UTF-8 with or without a BOM; commas, tabs or semicolons; a header row is optional (its names may
be English or Chinese, in any order). Dates: ``2024-03-12 14:05[:33]``, ISO 8601 with an offset,
``2024/3/12 14:05``, ``2024年3月12日 14:05`` or ``12/03/2024 14:05`` (day or month first, decided
from the whole file as for WhatsApp). Text cells may span lines when quoted.
"""

from __future__ import annotations

import csv
import hashlib
import io
import logging
import re
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from journal.core.errors import ImportFormatError
from journal.core.i18n import message, system_lang

from .common import (
    ImportNote,
    ParsedChat,
    ParsedMessage,
    check_date_order,
    check_size,
    clean_name,
    decode_text,
    read_export,
    resolve_tz,
    unique_senders,
)

log = logging.getLogger(__name__)

csv.field_size_limit(16 * 1024 * 1024)

DATE_RE = re.compile(
    r"^(?P<d1>\d{1,4})[./\-年](?P<d2>\d{1,2})[./\-月](?P<d3>\d{1,4})日?"
    r"(?:[ T,]{1,3}(?P<pre>上午|下午|晚上|凌晨|早上|中午)?(?P<h>\d{1,2})[:：](?P<mi>\d{2})"
    r"(?:[:：](?P<s>\d{2})(?:\.\d{1,9})?)?"
    r"[ \u00a0\u202f]?(?P<ampm>[AaPp]\.?[ ]?[Mm]\.?)?)?"
    r"[ ]?(?P<tz>Z|[+-]\d{2}:?\d{2})?$"
)
_HEAD = {
    "date": {"date", "time", "datetime", "timestamp", "sent", "sent_at", "when", "日期", "时间",
             "時間", "日期时间", "发送时间"},
    "person": {"person", "sender", "from", "name", "author", "who", "人", "人物", "发送者",
               "发送人", "发件人", "联系人", "姓名"},
    "text": {"text", "message", "content", "body", "msg", "内容", "消息", "文字", "文本"},
}


def parse_csv(path: Path | str, *, tz: str | None = None, date_order: str | None = None,
              lang: str | None = None) -> ParsedChat:
    p, data, sha = read_export(path)
    return parse_csv_bytes(data, source_path=p, sha256=sha, tz=tz, date_order=date_order, lang=lang)


def _delimiter(first_line: str) -> str:
    if "\t" in first_line:
        return "\t"
    if first_line.count(";") > first_line.count(","):
        return ";"
    return ","


def parse_csv_bytes(
    data: bytes, *, source_path: Path | None = None, sha256: str = "", tz: str | None = None,
    date_order: str | None = None, lang: str | None = None, name: str | None = None,
) -> ParsedChat:
    zone, tz_name = resolve_tz(tz)
    order_given = check_date_order(date_order)
    lang = lang or system_lang()
    fname = name or (source_path.name if source_path else "chat.csv")
    check_size(len(data), fname)
    text = decode_text(data, fname)
    first_line = next((ln for ln in text.splitlines() if ln.strip()), "")
    sep = _delimiter(first_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    rows: list[tuple[int, list[str]]] = []
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                rows.append((reader.line_num, row))
    except csv.Error as exc:
        raise ImportFormatError("import.not_csv", name=fname, line=reader.line_num) from exc
    if not rows:
        raise ImportFormatError("import.empty", name=fname)

    cols = {"date": 0, "person": 1, "text": 2}
    has_header = False
    first = [c.strip().strip("\ufeff").lower() for c in rows[0][1]]
    if not DATE_RE.match(first[0] if first else ""):
        found: dict[str, int] = {}
        for i, cell in enumerate(first):
            for role, names in _HEAD.items():
                if cell in names and role not in found:
                    found[role] = i
        if len(found) == 3:
            cols = found
            has_header = True
        elif len(rows) > 1 and len(first) >= 3:
            has_header = True  # unknown names: keep the order date, person, text
        else:
            raise ImportFormatError("import.not_csv", name=fname, line=rows[0][0])
    body = rows[1:] if has_header else rows
    if not body:
        raise ImportFormatError("import.no_messages", name=fname)

    parsed: list[tuple[int, re.Match[str], str, str]] = []
    width = max(cols.values()) + 1
    for line_no, row in body:
        if len(row) < width:
            raise ImportFormatError("import.not_csv", name=fname, line=line_no)
        m = DATE_RE.match(row[cols["date"]].strip())
        if m is None:
            raise ImportFormatError("import.not_csv", name=fname, line=line_no)
        sender = clean_name(row[cols["person"]])
        if cols["text"] == len(row) - 1 or has_header:
            msg_text = row[cols["text"]]
        else:  # an unquoted comma inside the text made more cells: put them back together
            msg_text = sep.join(row[cols["text"]:])
        parsed.append((line_no, m, sender, msg_text))

    order, notes = _order(parsed, order_given)
    messages: list[ParsedMessage] = []
    for line_no, m, sender, msg_text in parsed:
        dt = _datetime(m, order, zone)
        if dt is None:
            if order_given:
                raise ImportFormatError("import.date_order_impossible", field="date_order",
                                        order=order, text=m.group(0)[:40], line=line_no)
            raise ImportFormatError("import.not_csv", name=fname, line=line_no)
        messages.append(ParsedMessage(sent_at=dt, sender=sender, text=msg_text.strip("\r\n"),
                                      is_service=not sender))
    senders = unique_senders(messages)
    chat_name = ", ".join(senders[:4]) or (source_path.stem if source_path else "chat")
    for msg in messages:
        msg.conversation = chat_name
    sep_key = {"\t": "import.sep.tab", ";": "import.sep.semicolon"}.get(sep, "import.sep.comma")
    return ParsedChat(
        app="csv", chat_name=chat_name, messages=messages, senders=senders, tz_name=tz_name,
        date_order=order, format_note=message("import.format.csv", "en", sep=message(sep_key, "en")),
        source_path=source_path, source_sha256=sha256 or hashlib.sha256(data).hexdigest(),
        warnings=notes, format_key="import.format.csv", format_params={"sep": sep_key},
        date_order_ambiguous=any(n.key == "import.warn.date_order_default" for n in notes),
        conversations=[chat_name],
    )


def _order(parsed: list[tuple[int, re.Match[str], str, str]], given: str | None
           ) -> tuple[str, list[ImportNote]]:
    if given:
        return given, []
    firsts = [(m.group("d1"), m.group("d2")) for _, m, _, _ in parsed]
    if all(len(a) >= 3 for a, _ in firsts):
        return "YMD", []
    short = [(int(a), int(b)) for a, b in firsts if len(a) <= 2]
    day_first = sum(1 for a, _ in short if a > 12)
    month_first = sum(1 for _, b in short if b > 12)
    if day_first and not month_first:
        return "DMY", []
    if month_first and not day_first:
        return "MDY", []
    if day_first and month_first:
        order = "DMY" if day_first >= month_first else "MDY"
        return order, [ImportNote("import.warn.date_order_conflict", {"order": order})]
    if all(a == b for a, b in short):
        return "DMY", []
    return "DMY", [ImportNote("import.warn.date_order_default", {"order": "DMY"})]


def _datetime(m: re.Match[str], order: str, zone: object) -> datetime | None:
    d1, d2, d3 = m.group("d1"), m.group("d2"), m.group("d3")
    try:
        if len(d1) >= 3:
            y, mo, d = int(d1), int(d2), int(d3)
        elif order == "MDY":
            mo, d, y = int(d1), int(d2), int(d3)
        elif order == "YMD":
            y, mo, d = int(d1), int(d2), int(d3)
        else:
            d, mo, y = int(d1), int(d2), int(d3)
        if y < 100:
            y += 2000
        h = int(m.group("h") or 0)
        mi = int(m.group("mi") or 0)
        s = int(m.group("s") or 0)
        ampm = (m.group("ampm") or "").replace(".", "").replace(" ", "").lower()
        pre = m.group("pre") or ""
        if ampm or pre:
            if h > 12:
                return None
            if ampm == "pm" or pre in ("下午", "晚上") or (pre == "中午" and h < 11):
                h = h % 12 + 12
            elif ampm == "am" or pre in ("上午", "凌晨", "早上"):
                h = h % 12
        naive = datetime(y, mo, d, h, mi, s)
        tzs = m.group("tz")
        if tzs:
            if tzs == "Z":
                off = UTC
            else:
                sign = -1 if tzs[0] == "-" else 1
                digits = tzs[1:].replace(":", "")
                hours, minutes = int(digits[:2]), int(digits[2:])
                if hours > 23 or minutes > 59:
                    return None
                off = timezone(sign * timedelta(hours=hours, minutes=minutes))
            return naive.replace(tzinfo=off).astimezone(zone)  # type: ignore[arg-type]
        return naive.replace(tzinfo=zone)  # type: ignore[arg-type]
    except (ValueError, OverflowError):
        return None
