"""Who said what: recognised text lines → header name, time stamps and speech bubbles.

Pure functions over the child's answer (no pictures, no Qt). A chat screenshot has the other
side's name in its header, centred time stamps, the other side's bubbles against the left edge and
the user's against the right edge, the user's usually coloured (WeChat green, QQ blue, Telegram
pale green). Lines are grouped into bubbles by side, colour and vertical distance; each bubble
takes the latest time stamp above it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from journal.core.errors import InputError
from journal.core.timeparse import parse_when

HEADER_BAND = 0.16  # the header ends this far down, as a share of the picture's width
CENTRE_TOLERANCE = 0.08  # a centred line's middle is this close to the picture's middle
MIN_SCORE = 0.5
WIDE_LINE = 0.8  # a bubble leaves room for the avatar; a page of text does not

_TIME_RE = re.compile(
    r"^(?:(?:\d{4}年)?\d{1,2}月\d{1,2}日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|昨天|前天|今天|星期[一二三四五六日天]"
    r"|周[一二三四五六日天]|yesterday|today|mon|tue|wed|thu|fri|sat|sun|monday|tuesday"
    r"|wednesday|thursday|friday|saturday|sunday)?\s*"
    r"(?:(?:上午|下午|晚上|凌晨|中午|早上)?\s*\d{1,2}[:：]\d{2}(?:\s*[ap]\.?m\.?)?)?$",
    re.IGNORECASE,
)
_ONLY_TIME = re.compile(r"^\s*(?:上午|下午|晚上|凌晨|中午|早上)?\s*\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\s*$",
                        re.IGNORECASE)
_TOKEN_MARK = re.compile(r"[_@/\\]|\w\.\w")  # ids, addresses, links
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


@dataclass
class Line:
    text: str
    x0: int
    y0: int
    x1: int
    y1: int
    colour: tuple[int, int, int]
    centred: bool = False


@dataclass
class Bubble:
    side: str  # "me" (right) or "other" (left)
    text: str
    top: int
    colour: tuple[int, int, int]
    sent_at: datetime | None = None  # from the latest time stamp above it


@dataclass
class ChatPicture:
    header: str
    bubbles: list[Bubble] = field(default_factory=list)
    stamps: list[tuple[int, str]] = field(default_factory=list)  # (top, text) of time stamps


def clean_text(text: str) -> str:
    """The engine's full-width currency signs as people write them; spaces trimmed."""
    return text.replace("￥", "¥").strip()


def _saturation(colour: tuple[int, int, int]) -> float:
    hi, lo = max(colour), min(colour)
    return 0.0 if hi == 0 else (hi - lo) / hi


def _distance(a: tuple[int, int, int], b: tuple[int, int, int]) -> int:
    return max(abs(x - y) for x, y in zip(a, b))


def is_time_stamp(text: str) -> bool:
    body = text.strip()
    return bool(body) and any(ch.isdigit() for ch in body) and bool(_TIME_RE.match(body)) \
        or body in ("昨天", "前天", "今天")


def _join(parts: list[str]) -> str:
    """Lines of one bubble as one text: Chinese joins as it is; words get a space, but an id,
    an address or a number broken over two lines (wxid_abc1 / 23) is joined whole again."""
    out = ""
    for part in parts:
        if out and not (_CJK.search(out[-1]) or _CJK.search(part[0])):
            tail = out.rsplit(" ", 1)[-1]
            if not (_TOKEN_MARK.search(tail) or part[0].isdigit() and tail[-1].isdigit()):
                out += " "
        out += part
    return out


def _lines(answer: dict[str, Any]) -> list[Line]:
    out = []
    for item in answer["lines"]:
        text = clean_text(item["text"])
        if not text or item["score"] < MIN_SCORE:
            continue
        x0, y0, x1, y1 = item["box"]
        r, g, b = item["colour"]
        out.append(Line(text, x0, y0, x1, y1, (r, g, b)))
    out.sort(key=lambda ln: (ln.y0, ln.x0))
    return out


def _side(line: Line, width: int, other_colour: tuple[int, int, int] | None) -> str:
    left_gap = line.x0 / width
    right_gap = (width - line.x1) / width
    if abs(left_gap - right_gap) > 0.04:
        return "other" if left_gap < right_gap else "me"
    # a bubble as wide as the screen: the user's bubbles are coloured, the other side's plain
    if other_colour is not None and _distance(line.colour, other_colour) < 12:
        return "other"
    return "me" if _saturation(line.colour) > 0.08 else "other"


def read_layout(answer: dict[str, Any], *, reference: datetime | None = None) -> ChatPicture:
    """Header name, time stamps and bubbles of one recognised screenshot.

    ``reference``: when the picture was taken (or now), for stamps like 昨天 14:32 or 14:32.
    """
    width = answer["width"]
    lines = _lines(answer)
    header = ""
    body: list[Line] = []
    for line in lines:
        middle = (line.x0 + line.x1) / 2
        centred = abs(middle - width / 2) < CENTRE_TOLERANCE * width
        if line.y1 <= HEADER_BAND * width and not is_time_stamp(line.text):
            if not header and len(line.text) > 0:
                header = line.text
            continue
        if line.y1 <= HEADER_BAND * width:
            continue  # the phone's own clock in the status bar
        line.centred = centred
        body.append(line)
    picture = ChatPicture(header=header)
    wide = sum(1 for ln in body if (ln.x1 - ln.x0) > WIDE_LINE * width)
    if not body or wide * 2 > len(body):
        return picture  # no bubbles: not a chat (a photo, a page of text)
    # the other side's bubble colour: the most common colour of clearly-left lines
    left_colours = [ln.colour for ln in body if ln.x0 / width < 0.3 and (width - ln.x1) / width > 0.2]
    other_colour = max(set(left_colours), key=left_colours.count) if left_colours else None
    current: Bubble | None = None
    last_bottom = 0
    last_x0 = 0
    when: datetime | None = None
    for line in body:
        if line.centred and is_time_stamp(line.text):
            picture.stamps.append((line.y0, line.text))
            stamp = unicodedata.normalize("NFKC", line.text)
            # a stamp with only a time belongs to the day of the stamp above it
            base = when.replace(hour=23, minute=59) if (when is not None and _ONLY_TIME.match(
                stamp)) else reference
            try:
                when, _ = parse_when(stamp, reference=base)
            except InputError:
                pass
            current = None
            continue
        line_h = max(1, line.y1 - line.y0)
        follows = (current is not None
                   and _distance(current.colour, line.colour) < 24
                   and line.y0 - last_bottom < 0.9 * line_h
                   and abs(line.x0 - last_x0) < line_h)
        if follows and current is not None:  # the next line of the same bubble
            current.text = _join([current.text, line.text])
        else:
            current = Bubble(side=_side(line, width, other_colour), text=line.text, top=line.y0,
                             colour=line.colour, sent_at=when)
            picture.bubbles.append(current)
        last_bottom, last_x0 = line.y1, line.x0
    return picture
