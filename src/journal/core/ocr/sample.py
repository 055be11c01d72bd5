"""Chat screenshots drawn from a script, for the self-test, the tests and the benchmark.

A phone screenshot of a chat is a header with the other side's name, centred time stamps, the
other side's bubbles on the left and the user's on the right. :func:`render_chat` draws one in the
colours of WeChat, QQ or Telegram with the bundled CJK font, and returns the picture's bytes with
what it shows, so that recognition can be checked against it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFont

from journal.core import paths

# (screen background, header background, other side's bubble, user's bubble, user's text colour)
STYLES: dict[str, tuple[tuple[int, int, int], ...]] = {
    "wechat": ((237, 237, 237), (237, 237, 237), (255, 255, 255), (149, 236, 105), (0, 0, 0)),
    "qq": ((241, 241, 241), (255, 255, 255), (255, 255, 255), (18, 183, 245), (255, 255, 255)),
    "telegram": ((210, 226, 200), (82, 136, 193), (255, 255, 255), (239, 253, 222), (0, 0, 0)),
}
WIDTH = 720


@dataclass(frozen=True)
class Bubble:
    side: str  # "other" (left) or "me" (right); "time" for a centred time stamp
    text: str


@dataclass(frozen=True)
class Sample:
    data: bytes
    header: str
    bubbles: tuple[Bubble, ...]


def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(paths.font_path()), size, index=0)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont,
          width: int) -> list[str]:
    lines: list[str] = []
    line = ""
    for ch in text:
        if draw.textlength(line + ch, font=font) > width and line:
            lines.append(line)
            line = ch
        else:
            line += ch
    if line:
        lines.append(line)
    return lines


def render_chat(style: str, header: str, bubbles: list[Bubble] | tuple[Bubble, ...], *,
                scale: float = 1.0, jpeg_quality: int | None = None) -> Sample:
    """Draw a chat screenshot; ``scale`` < 1 makes a smaller copy, ``jpeg_quality`` a JPEG."""
    screen, head_bg, other_bg, me_bg, me_fg = STYLES[style]
    font = _font(28)
    small = _font(22)
    head_font = _font(32)
    probe = ImageDraw.Draw(Image.new("RGB", (10, 10)))
    blocks: list[tuple[Bubble, list[str]]] = [
        (b, _wrap(probe, b.text, small if b.side == "time" else font, 420)) for b in bubbles
    ]
    height = 110 + sum(len(lines) * 40 + 50 for _, lines in blocks) + 40
    img = Image.new("RGB", (WIDTH, height), screen)
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, 0, WIDTH, 90), fill=head_bg)
    head_fg = (255, 255, 255) if style == "telegram" else (0, 0, 0)
    if style == "telegram":
        draw.text((110, 26), header, font=head_font, fill=head_fg)
    else:
        draw.text((WIDTH / 2, 45), header, font=head_font, fill=head_fg, anchor="mm")
    y = 120
    for bubble, lines in blocks:
        if bubble.side == "time":
            draw.text((WIDTH / 2, y + 12), bubble.text, font=small, fill=(150, 150, 150),
                      anchor="mm")
            y += 50
            continue
        text_w = max(draw.textlength(ln, font=font) for ln in lines)
        box_w, box_h = int(text_w) + 40, len(lines) * 40 + 20
        if bubble.side == "me":
            x1 = WIDTH - 100
            x0 = x1 - box_w
            fill, fg = me_bg, me_fg
            draw.rounded_rectangle((WIDTH - 84, y, WIDTH - 20, y + 64), 8, fill=(120, 140, 170))
        else:
            x0 = 100
            x1 = x0 + box_w
            fill, fg = other_bg, (0, 0, 0)
            draw.rounded_rectangle((20, y, 84, y + 64), 8, fill=(200, 150, 110))
        draw.rounded_rectangle((x0, y, x1, y + box_h), 12, fill=fill)
        for i, ln in enumerate(lines):
            draw.text((x0 + 20, y + 10 + i * 40), ln, font=font, fill=fg)
        y += box_h + 30
    if scale != 1.0:
        img = img.resize((round(img.width * scale), round(img.height * scale)),
                         Image.Resampling.LANCZOS)
    out = io.BytesIO()
    if jpeg_quality is not None:
        img.save(out, "JPEG", quality=jpeg_quality)
    else:
        img.save(out, "PNG")
    return Sample(out.getvalue(), header, tuple(bubbles))


SELF_TEST = (
    Bubble("time", "昨天 14:32"),
    Bubble("other", "明天下午三点到港口拍几张照片"),
    Bubble("me", "Why do you need photos?"),
    Bubble("other", "报酬¥2000，加我 wxid_abc123"),
)


def self_test_sample() -> Sample:
    return render_chat("wechat", "张经理", SELF_TEST)
