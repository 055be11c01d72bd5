"""Page set-up, styles and small flowables of the PDF (reportlab platypus, A4).

One embedded face (WenQuanYi Micro Hei) for everything. Chinese paragraphs wrap anywhere
(``wordWrap='CJK'``), in either language; a text that is mostly Latin wraps at spaces.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from io import BytesIO
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus.paragraph import textTransformFrags

from journal.core.report.fonts import seed_subsets

PAGE_W, PAGE_H = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 20 * mm
FRAME_W = PAGE_W - 2 * MARGIN_X
FRAME_H = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM

INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#5f6b7a")
ACCENT = colors.HexColor("#1d4e89")
RED = colors.HexColor("#a61b1b")
RULE = colors.HexColor("#c9d2dc")
HEAD_BG = colors.HexColor("#e6edf5")
ROW_ALT = colors.HexColor("#f6f8fa")
AMBER = colors.HexColor("#b26a00")

KIND_COLOURS = {
    "contact": "#2f6f9f",
    "request": "#b26a00",
    "payment": "#2e7d32",
    "gift": "#8e24aa",
    "meeting": "#00796b",
    "threat": "#a61b1b",
    "report": "#1d4e89",
    "note": "#5f6b7a",
}

_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")
CHUNK = 1500  # characters per paragraph of free text, so very long details split cheaply


def mostly_cjk(text: str) -> bool:
    """Enough Chinese that the text should wrap anywhere rather than at spaces."""
    found = len(_CJK.findall(text))
    if not found:
        return False
    return found * 4 >= len(text) - text.count(" ")


class Styles:
    """The paragraph styles of one report (one language)."""

    def __init__(self, font: str, lang: str) -> None:
        self.font = font
        self.lang = lang

        def make(name: str, size: float, leading: float, **kw: Any) -> ParagraphStyle:
            style = ParagraphStyle(
                name,
                fontName=font,
                fontSize=size,
                leading=leading,
                bulletFontName=font,
                textColor=kw.pop("textColor", INK),
                **kw,
            )
            return style

        self.body = make("body", 9.5, 14, spaceAfter=4)
        self.small = make("small", 8, 11, textColor=MUTED)
        self.cell = make("cell", 8.5, 11.5)
        self.cell_head = make("cell_head", 8.5, 11.5, textColor=ACCENT)
        self.mono = make("mono", 7.5, 10)
        self.code = make("code", 9.5, 13)
        self.evidence = make("evidence", 8.5, 12.5, leftIndent=20, bulletIndent=10, spaceAfter=1)
        self.title = make("title", 26, 34, textColor=ACCENT, spaceAfter=6)
        self.subtitle = make("subtitle", 11, 16, textColor=MUTED, spaceAfter=14)
        self.confidential = make("confidential", 11, 15, textColor=RED, spaceAfter=4)
        self.h1 = make("h1", 17, 23, textColor=ACCENT, spaceBefore=4, spaceAfter=8, keepWithNext=1)
        self.h2 = make(
            "h2", 12.5, 17, textColor=ACCENT, spaceBefore=10, spaceAfter=4, keepWithNext=1
        )
        self.h3 = make("h3", 10.5, 14, spaceBefore=6, spaceAfter=2, keepWithNext=1)
        self.summary = make("summary", 10.5, 15, spaceAfter=2)
        self.details = make("details", 9.5, 14, spaceAfter=3, leftIndent=8)
        self.fields = make("fields", 8.5, 12.5, textColor=INK, leftIndent=8, spaceAfter=1)
        self.meta = make("meta", 7.5, 10.5, textColor=MUTED, leftIndent=8, spaceAfter=6)
        self.bullet = make("bullet", 9.5, 14, leftIndent=14, bulletIndent=4, spaceAfter=2)
        self.caption = make("caption", 8, 11, textColor=MUTED, alignment=TA_CENTER, spaceAfter=10)
        self.empty = make("empty", 12, 18, textColor=AMBER, spaceBefore=12, spaceAfter=12)
        self._cjk_cache: dict[str, ParagraphStyle] = {}
        # per (style, bullet): what reportlab's markup parser makes of a word, a line break
        self._parsed: dict[tuple[int, str | None], tuple[Any, Any, Any, ParagraphStyle]] = {}

    def for_text(self, style: ParagraphStyle, text: str) -> ParagraphStyle:
        """Chinese wraps anywhere (wordWrap CJK); mostly Latin text wraps at spaces (an English
        sentence inside a Chinese report is not cut inside its words)."""
        if not mostly_cjk(text):
            return style
        cached = self._cjk_cache.get(style.name)
        if cached is None:
            cached = ParagraphStyle(style.name + "_cjk", parent=style)
            cached.wordWrap = "CJK"
            self._cjk_cache[style.name] = cached
        return cached


    def paragraph(self, text: str, style: ParagraphStyle,
                  bullet: str | None = None) -> OnceWrapped:
        """A paragraph of plain ``text`` in ``style`` (chosen by :meth:`for_text`), with an
        optional bullet. Text that reportlab's markup parser would hand back unchanged (lines
        without markup characters or whitespace for it to collapse, each line one fragment and
        a line break between them) skips the parser: its fragments are copies of the ones the
        parser made of ``x<br/>x`` in that style, once per style (the parser is pure Python over
        html.parser: 5,600 paragraphs of a 1,000-entry report spent ≈ 10 % of the export in it;
        the timeline's pasted chats are lines). Anything else is parsed."""
        lines = text.split("\n")
        if not text or _MARKUP.search(text) or any(
                not line or line != " ".join(line.split()) for line in lines):
            return OnceWrapped(markup(text), style, bulletText=bullet)
        key = (id(style), bullet)
        parsed = self._parsed.get(key)
        if parsed is None:  # the style object lives as long as this Styles: its id is stable
            probe = Paragraph("x<br/>x", style, bulletText=bullet)
            parsed = self._parsed[key] = (probe.frags[0], probe.frags[1], probe.bulletText,
                                          probe.style)
        frag, line_break, bullet_frags, parsed_style = parsed
        frags = [frag.clone(text=lines[0])]
        for line in lines[1:]:
            frags.append(line_break.clone())
            frags.append(frag.clone(text=line))
        textTransformFrags(frags, parsed_style)
        shown = text if len(lines) == 1 else markup(text)
        made = OnceWrapped(shown, parsed_style, bulletText=bullet_frags, frags=frags)
        if len(lines) == 1 and bullet is None and not parsed_style.textTransform:
            made.plain_line = text
        elif bullet is None:
            made.plain_lines = True
        return made


_MARKUP = re.compile(r"[&<>]")


def markup(text: str) -> str:
    """Plain text → safe paragraph markup (escaped; line breaks kept)."""
    return escape(text).replace("\n", "<br/>")


def para(styles: Styles, text: str, style: ParagraphStyle | None = None,
         bullet: str | None = None) -> Flowable:
    """A paragraph of plain text (with an optional bullet); one that fits on a single line is
    drawn without paragraph layout (most summaries, fields, labels and the signs' evidence
    lines: several times faster, the same look)."""
    style = style or styles.body
    if "\n" not in text and len(text) < 160 and style.alignment == TA_LEFT:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        room = FRAME_W - style.leftIndent - style.rightIndent - 1
        if bullet is None:
            if stringWidth(text, style.fontName, style.fontSize) <= room:
                return StyledLine(text, style)
        elif text and text == " ".join(text.split()):  # as the paragraph would show it
            # the bullet pushes the line to its right when it ends past the indent (reportlab)
            bullet_end = (style.bulletIndent + stringWidth(bullet, style.bulletFontName,
                                                           style.bulletFontSize)
                          + style.bulletFontSize * 0.6)
            offset = max(style.firstLineIndent, bullet_end - style.leftIndent)
            if stringWidth(text, style.fontName, style.fontSize) <= room - offset:
                return BulletLine(text, style, bullet, offset)
    return styles.paragraph(text, styles.for_text(style, text), bullet)


class OnceWrapped(Paragraph):
    """A Paragraph that breaks its lines once per width. Platypus asks a paragraph's size more
    than once (a table sizes its cells, then draws them; keep-together groups, then the frame):
    9,700 line breakings for 5,800 paragraphs of a 1,000-entry report, 5,800 with this. Its
    lines depend on the width alone, so a second answer is the first one's (the same lines, the
    same height). Every paragraph of the report is one."""

    _wrapped: tuple[Any, ...] | None = None
    plain_line: str | None = None  # one line of plain text, no bullet (Styles.paragraph)
    plain_lines = False  # several lines of plain text, no bullet (Styles.paragraph)

    def breakLines(self, width: Any) -> Any:
        """Lines of several plain text lines (a pasted chat) that each fit on one line are made
        here; anything else is broken by reportlab's own ``breakLines``."""
        if self.plain_lines:
            made = _lines_that_fit(self, width)
            if made is not None:
                return made
        return super().breakLines(width)

    def breakLinesCJK(self, maxWidths: Any) -> Any:
        """Chinese lines of plain text that each fit: made here (as :meth:`breakLines`)."""
        if self.plain_lines:
            made = _cjk_lines_that_fit(self, maxWidths)
            if made is not None:
                return made
        return super().breakLinesCJK(maxWidths)

    def split(self, avail_w: float, avail_h: float) -> list[Any]:
        parts: list[Any] = super().split(avail_w, avail_h)
        for part in parts:  # a chat split over two pages: its parts are lines of plain text too
            if isinstance(part, OnceWrapped):
                part.plain_lines = self.plain_lines
        return parts

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        done = self._wrapped
        if done is not None and done[0] == avail_w:
            _, self.width, self._wrapWidths, self.blPara, self.height = done
            return self.width, self.height
        width, height = super().wrap(avail_w, avail_h)
        if hasattr(self, "blPara") and self.width == avail_w:  # not "cannot fit here"
            self._wrapped = (avail_w, self.width, self._wrapWidths, self.blPara, self.height)
        return width, height


def _lines_that_fit(p: Any, width: Any) -> Any:
    """What reportlab 5's ``Paragraph.breakLines`` returns (and sets on ``p``) for fragments
    of plain text separated by line breaks (or the fragment words of a part of such a paragraph
    split over two pages), as long as no line is wider than its room (then
    reportlab would wrap it, shrink its spaces or split a word: None, and reportlab breaks the
    paragraph). It is reportlab's loop for several fragments with those branches left out:
    the same fragment words (``p.frags``), the same line fragments, widths and indices (a test
    compares every attribute over many texts). Reportlab spends ≈ 10 µs per word there in
    questions whose answers are known in this case (space shrinking, hyphenation)."""
    from reportlab.platypus import paragraph as rp

    style = p.style
    if (style.wordWrap or style.endDots or style.shaping or style.spaceShrinkage < 0
            or p.bulletText is not None):
        return None
    max_widths = list(width) if isinstance(width, (tuple, list)) else [width]
    last_width = len(max_widths) - 1
    max_width = max_widths[0]
    fragwords = rp._getFragWords(p.frags, max_width)
    HSFrag, text_kind, break_kind = rp._HSFrag, rp._FK_TEXT, rp._FK_BREAK
    ascent_descent, string_width, same_frag = rp.getAscentDescent, rp.stringWidth, rp.sameFrag
    FragLine = rp.FragLine
    keep_breaks = not style.justifyBreaks
    lines: list[Any] = []
    words: list[Any] = []
    width_max = 0
    lineno = start_word = 0
    n = space_width = current_width = 0
    max_size = max_ascent = min_descent = 0
    ascent = descent = space = 0
    g: Any = None
    g_from: Any = None  # the fragment g copies
    measured: Any = None  # the fragment ascent and descent are of
    for done, w in enumerate(fragwords, start=1):
        if type(w) not in (list, HSFrag) or len(w) != 2:
            return None  # soft hyphens, words over several fragments: reportlab's way
        f = w[1][0]
        kind = getattr(f, "_fkind", None)
        if kind not in (text_kind, break_kind):
            return None
        font_name, font_size = f.fontName, f.fontSize
        if not words:
            n = space_width = current_width = 0
            max_size = font_size
            max_ascent, min_descent = ascent_descent(font_name, font_size)
        word_width = w[0]
        new_width = current_width + space_width + word_width if word_width > 0 else current_width
        if kind == break_kind:
            g = f.clone()
            words.append(g)
            width_max = max(width_max, current_width)
            lines.append(FragLine(extraSpace=max_width - current_width, wordCount=n,
                                  lineBreak=keep_breaks, words=words, fontSize=max_size,
                                  ascent=max_ascent, descent=min_descent, maxWidth=max_width,
                                  sFW=start_word))
            start_word = done - 1
            lineno += 1
            max_width = max_widths[min(last_width, lineno)]
            words = []
            continue
        if new_width > max_width:
            return None  # wrapped, spaces shrunk or a word split: reportlab's way
        text = w[1][1]
        if text:
            n += 1
        if f is not measured:  # (the same fragment: the same answers as for its last word)
            measured = f
            ascent, descent = ascent_descent(font_name, font_size)
            space = string_width(" ", font_name, font_size)
        max_size = max(max_size, font_size)
        max_ascent = max(max_ascent, ascent)
        min_descent = min(min_descent, descent)
        if not words:
            g, g_from = f.clone(), f
            words = [g]
            g.text = text
        elif f is not g_from and not same_frag(g, f):  # (g: a copy of g_from, the same style;
            # reportlab's sameFrag costs ≈ 14 µs a word, asking for attributes a fragment lacks)
            if space_width:
                for wi in reversed(words):
                    if wi._fkind == text_kind:
                        if not wi.text.endswith(" "):
                            wi.text += " "
                        break
            g, g_from = f.clone(), f
            words.append(g)
            g.text = text
        elif space_width:
            g.text += (" " + text) if not g.text.endswith(" ") else text
        else:
            g.text += text
        space_width = space if isinstance(w, HSFrag) else 0
        current_width = new_width
    if words:
        width_max = max(width_max, current_width)
        lines.append(FragLine(extraSpace=max_width - current_width, wordCount=n, lineBreak=False,
                              words=words, fontSize=max_size, ascent=max_ascent,
                              descent=min_descent, maxWidth=max_width, sFW=start_word))
    p._width_max = width_max
    p.height = 0
    p._splitLongWordCount = p._hyphenations = 0
    p.frags = fragwords
    return rp.ParaLines(kind=1, lines=lines)


def _cjk_lines_that_fit(p: Any, widths: Any) -> Any:
    """What reportlab 5's ``Paragraph.breakLinesCJK`` returns for fragments of plain text
    separated by line breaks when no line is wider than its room (else None: reportlab breaks
    the paragraph). Reportlab makes an object per character (its width, its fragment), adds the
    widths up and then joins the characters of each line again; here each line's widths are
    added up in the same order, and its line is what ``makeCJKParaLine`` makes of one text
    fragment and a line break: the same lines (a test compares every attribute)."""
    from reportlab.platypus import paragraph as rp

    style = p.style
    frags = p.frags
    if (len(frags) < 2 or style.endDots or p.bulletText is not None
            or getattr(p, "_splitpara", 0)
            or getattr(p, "autoLeading", getattr(style, "autoLeading", "")) not in ("", "off")):
        return None
    max_widths = list(widths) if isinstance(widths, (tuple, list)) else [widths]
    string_width, ascent_descent = rp.stringWidth, rp.getAscentDescent
    FragLine, fuzz = rp.FragLine, rp._FUZZ
    lines: list[Any] = []
    max_width = max_widths[0]
    used: float = 0
    text_frag: Any = None
    for f in frags:
        if hasattr(f, "cbDefn") or not isinstance(getattr(f, "text", None), str):
            return None
        if not hasattr(f, "lineBreak"):
            if text_frag is not None or not f.text:
                return None  # two text fragments in a line: reportlab's way
            text_frag = f
            name, size = f.fontName, f.fontSize
            for ch in f.text:
                used += string_width(ch, name, size)
                if used > max_width + fuzz and used > 0:
                    return None  # the line wraps: reportlab's way
            continue
        if text_frag is None or len(f.text) > 1:
            return None
        if f.text:  # (a line break holding a space: its width ends the line too)
            used += string_width(f.text, f.fontName, f.fontSize)
        lines.append(_cjk_line(FragLine, ascent_descent, [text_frag, f], max_width, used, True))
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        used, text_frag = 0, None
    if text_frag is not None and used > 0:
        lines.append(_cjk_line(FragLine, ascent_descent, [text_frag], max_width, used, False))
    elif text_frag is not None:
        return None
    p.height = 0
    return rp.ParaLines(kind=1, lines=lines)


def _cjk_line(FragLine: Any, ascent_descent: Any, frags: list[Any], max_width: float,
              used: float, line_break: bool) -> Any:
    """``makeCJKParaLine`` of a line holding one fragment's text (and a line break)."""
    words = []
    max_size = max_ascent = min_descent = 0
    for f in frags:
        size = f.fontSize
        ascent, descent = ascent_descent(f.fontName, size)
        max_size = max(max_size, size)
        max_ascent = max(max_ascent, ascent)
        min_descent = min(min_descent, descent)
        word = f.clone()
        word.text = f.text
        words.append(word)
    return FragLine(kind=1, extraSpace=max_width - used, wordCount=1, words=words,
                    fontSize=max_size, ascent=max_ascent, descent=min_descent,
                    maxWidth=max_width, currentWidth=used, lineBreak=line_break)


def one_line_cells(rows: list[list[Any]], room: list[float]) -> list[list[Any]]:
    """Table rows with each plain-text paragraph that fits on one line in its column (``room``:
    the column's width inside its padding) made a :class:`StyledLine`, drawn as the one-line
    paragraph (a table sizes every cell, then draws it: most cells are a date, a name, an
    amount)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    out = []
    for row in rows:
        cells = list(row)
        for j, cell in enumerate(cells):
            text = getattr(cell, "plain_line", None)
            if text is None or cell.style.alignment != TA_LEFT:
                continue
            style = cell.style
            fits = room[j] - style.leftIndent - style.rightIndent - 1
            if stringWidth(text, style.fontName, style.fontSize) <= fits:
                cells[j] = StyledLine(text, style)
        out.append(cells)
    return out


def draw_string(canvas: Any, x: float, y: float, text: str) -> None:
    """``canvas.drawString(x, y, text)`` as reportlab 5 does it without right-to-left support
    (rlbidi), less the width of the text it measures and drops."""
    line = canvas.beginText(x, y)
    line.textLine(text)
    canvas.drawText(line)


class _Ops:
    """What reportlab writes for the text of our one-line flowables, made with fewer steps.

    A one-line flowable drawn the usual way costs a canvas state push and pop, a translation, a
    text object, a fill colour with its alpha check, and per text run a font lookup, a subset
    name, a number format and a template (≈ 9,000 such lines in a 1,000-entry report). The
    strings written here are reportlab 5's own, in the same order and the same pieces of the
    page's code: the same bytes in the PDF. :func:`_ops` hands one out only for a canvas in the
    state these strings assume (bottom-up, no colour space enforced, fill alpha 1), otherwise
    the flowable draws the usual way."""

    def __init__(self, canv: Any) -> None:
        self.doc = canv._doc
        self.escape = canv._escape
        self.fill_mode = canv._fillMode
        self.names: dict[tuple[str, int], str] = {}  # (face, subset) → its name in this PDF
        self.tf: dict[tuple[float, float], str] = {}  # (size, leading) → "size Tf leading TL"

    def show(self, font_name: str, size: float, leading: float, text: str,
             subset_now: int) -> tuple[str, int]:
        """PDFTextObject._formatText(text) for a TrueType face (not shaped): the operators and
        the subset in use after them (a text object switches subset only when it changes)."""
        font = pdfmetrics.getFont(font_name)
        parts = []
        tf = None
        for subset, codes in font.splitString(text, self.doc):
            if subset != subset_now:
                if tf is None:
                    tf = self.tf.get((size, leading))
                    if tf is None:
                        tf = self.tf[(size, leading)] = f"{fp_str(size)} Tf {fp_str(leading)} TL"
                name = self.names.get((font_name, subset))
                if name is None:
                    name = self.names[(font_name, subset)] = font.getSubsetInternalName(
                        subset, self.doc)
                parts.append(f"{name} {tf}")
                subset_now = subset
            parts.append(f"({self.escape(codes)}) Tj")
        return " ".join(parts), subset_now


_FILL: dict[tuple[float, float, float], str] = {}


def fill_op(colour: Any) -> str | None:
    """"r g b rg" as reportlab's setFillColor writes it for an opaque RGB colour (its alpha check
    then writes nothing in our state); None for anything else."""
    if type(colour) is not colors.Color or colour.alpha != 1:
        return None
    rgb = (colour.red, colour.green, colour.blue)
    op = _FILL.get(rgb)
    if op is None:
        op = _FILL[rgb] = f"{fp_str(rgb)} rg"
    return op


def _ops(canv: Any, *fonts: str) -> _Ops | None:
    """The canvas's :class:`_Ops` when the shortcut writes what reportlab would write, else
    None (then draw the usual way)."""
    ops: _Ops | None = canv.__dict__.get("_journal_ops")
    if ops is None or ops.doc is not canv._doc:
        if not canv.bottomup or getattr(canv, "_enforceColorSpace", None) or type(
                canv)._escape is not rl_canvas.Canvas._escape:
            return None
        ops = canv.__dict__["_journal_ops"] = _Ops(canv)
    if canv._extgstate.getValue("ca") != 1 or canv._fillMode != ops.fill_mode:
        return None
    for name in fonts:
        if not getattr(pdfmetrics.getFont(name), "_dynamicFont", False):
            return None
    return ops


class _QuickFlowable(Flowable):
    """A flowable whose :meth:`quick_draw` writes, with :class:`_Ops`, exactly what ``drawOn``
    and ``draw`` write (``q``, its translation, its code, ``Q``) without the canvas state push
    and pop: ``quick_draw`` changes no canvas state, so there is nothing to restore."""

    def quick_draw(self, canv: Any, ops: _Ops) -> list[str] | None:
        """The page code between the translation and ``Q``, or None to draw the usual way."""
        raise NotImplementedError

    def quick_fonts(self) -> tuple[str, ...]:
        raise NotImplementedError

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        ops = None if getattr(self, "_showBoundary", False) else _ops(canvas, *self.quick_fonts())
        code = self.quick_draw(canvas, ops) if ops is not None else None
        if ops is None or code is None:
            super().drawOn(canvas, x, y, _sW)
            return
        ops.doc.ensureMinPdfVersion("transparency")  # as the fill colour's alpha check does
        x = self._hAlignAdjust(x, _sW)
        page = canvas._code
        page.append("q")
        page.append(f"{fp_str(1, 0, 0, 1, x, y)} cm")
        page.extend(code)
        page.append("Q")


class StyledLine(_QuickFlowable):
    """One line of text in a paragraph style (its font, size, colour, indent, spacing)."""

    def __init__(self, text: str, style: ParagraphStyle) -> None:
        super().__init__()
        self.text = text
        self.style = style  # platypus reads keepWithNext and spacing from it

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        self.width = avail_w
        return avail_w, self.style.leading

    def getSpaceBefore(self) -> float:
        return float(self.style.spaceBefore)

    def getSpaceAfter(self) -> float:
        return float(self.style.spaceAfter)

    def draw(self) -> None:
        c = self.canv
        c.setFont(self.style.fontName, self.style.fontSize)
        c.setFillColor(self.style.textColor)
        # where a one-line Paragraph puts its baseline: one font size below its top
        draw_string(c, self.style.leftIndent, self.style.leading - self.style.fontSize, self.text)

    def quick_fonts(self) -> tuple[str, ...]:
        return (self.style.fontName,)

    def quick_draw(self, canv: Any, ops: _Ops) -> list[str] | None:
        style = self.style
        fill = fill_op(style.textColor)
        if fill is None:
            return None
        size = style.fontSize
        shown = ops.show(style.fontName, size, size * 1.2, self.text, -1)[0]
        origin = fp_str(style.leftIndent, style.leading - size)
        return [fill, f"BT 1 0 0 1 {origin} Tm {shown} T* ET"]


class BulletLine(StyledLine):
    """One line of text after a bullet, drawn as a one-line Paragraph with ``bulletText`` draws
    it: the bullet at the bullet indent in the bullet's font, size and colour, the text at the
    indent (or ``offset`` further right when the bullet is wider than the room before it)."""

    def __init__(self, text: str, style: ParagraphStyle, bullet: str, offset: float) -> None:
        super().__init__(text, style)
        self.bullet, self.offset = bullet, offset

    def draw(self) -> None:
        style = self.style
        y = style.leading - style.fontSize
        text = self.canv.beginText(style.bulletIndent, y + getattr(style, "bulletOffsetY", 0))
        text.setFont(style.bulletFontName, style.bulletFontSize)
        text.setFillColor(getattr(style, "bulletColor", None) or style.textColor)
        text.textLine(self.bullet)  # (textLine: no width measured, as drawString)
        text.setTextOrigin(style.leftIndent + self.offset, y)
        text.setFont(style.fontName, style.fontSize)
        text.setFillColor(style.textColor)
        text.textLine(self.text)
        self.canv.drawText(text)

    def quick_fonts(self) -> tuple[str, ...]:
        return (self.style.bulletFontName, self.style.fontName)

    def quick_draw(self, canv: Any, ops: _Ops) -> list[str] | None:
        style = self.style
        bullet_fill = fill_op(getattr(style, "bulletColor", None) or style.textColor)
        fill = fill_op(style.textColor)
        if bullet_fill is None or fill is None:
            return None
        y = style.leading - style.fontSize
        b_size, size = style.bulletFontSize, style.fontSize
        bullet = ops.show(style.bulletFontName, b_size, b_size * 1.2, self.bullet, -1)[0]
        shown = ops.show(style.fontName, size, size * 1.2, self.text, -1)[0]
        return [" ".join((
            "BT", f"1 0 0 1 {fp_str(style.bulletIndent, y + getattr(style, 'bulletOffsetY', 0))} Tm",
            bullet_fill, f"{bullet} T*",
            f"1 0 0 1 {fp_str(style.leftIndent + self.offset, y)} Tm", fill, f"{shown} T*", "ET"))]


def chunks(text: str, size: int = CHUNK) -> list[str]:
    """Split free text into paragraphs at line breaks, and very long ones into pieces."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text.strip()):
        block = block.strip("\n")
        if not block:
            continue
        while len(block) > size:
            cut = block.rfind("\n", 0, size) + 1
            if cut < size // 2:  # else at the end of a sentence, else at a space
                cut = max(
                    block.rfind(mark, 0, size) + len(mark)
                    for mark in ("。", "！", "？", "；", ". ", "! ", "? ")
                )
            if cut < size // 2:
                cut = block.rfind(" ", 0, size) + 1
            if cut < size // 2:
                cut = size
            out.append(block[:cut].rstrip())
            block = block[cut:].lstrip("\n ")
        out.append(block)
    return out


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class Picture(Flowable):
    """A picture scaled to fit, from small JPEG bytes held only until it is drawn."""

    def __init__(self, jpeg: bytes, px_w: int, px_h: int, max_h: float) -> None:
        super().__init__()
        self.jpeg = jpeg
        self.px_w, self.px_h = px_w, px_h
        self.max_h = max_h
        self.hAlign = "CENTER"
        self.on_drawn: Callable[[], None] | None = None

    def _size(self, avail_w: float) -> tuple[float, float]:
        # natural size at 110 dpi, never larger than the frame, never wider than the page
        w = self.px_w * 72.0 / 110.0
        h = self.px_h * 72.0 / 110.0
        scale = min(1.0, avail_w / w, self.max_h / h)
        return w * scale, h * scale

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        self.draw_w, self.draw_h = self._size(min(avail_w, FRAME_W))
        return self.draw_w, self.draw_h

    def draw(self) -> None:
        if not self.jpeg:
            return
        reader = _PassThroughJpeg(BytesIO(self.jpeg))
        self.canv.drawImage(reader, 0, 0, self.draw_w, self.draw_h)
        self.canv.setStrokeColor(RULE)
        self.canv.setLineWidth(0.5)
        self.canv.rect(0, 0, self.draw_w, self.draw_h, stroke=1, fill=0)
        self.jpeg = b""  # drawn once: the PDF now holds it
        if self.on_drawn:
            self.on_drawn()


class _PassThroughJpeg(ImageReader):
    """An ImageReader for our own small JPEGs: reportlab embeds the bytes as they are, and its
    de-duplication digest is taken from the compressed bytes instead of decoding the pixels."""

    def getRGBData(self) -> bytes:
        self._dataA = None
        data: bytes = self.fp.getvalue()
        return data


class EntryHead(_QuickFlowable):
    """The shaded one-line head of a timeline entry: number, date, kind, people (no wrapping)."""

    HEIGHT = 15.0

    def __init__(
        self, font: str, number: str, when: str, kind: str, names: str, colour: str
    ) -> None:
        super().__init__()
        self.font, self.number, self.when, self.kind, self.names = font, number, when, kind, names
        self.colour = colors.HexColor(colour)

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        self.width = avail_w
        return avail_w, self.HEIGHT

    SIZE = 8.5

    def _texts(self) -> list[tuple[float, str, Any]]:
        """(x, text, colour) of the texts drawn: each clipped with "…" to the room left."""
        from reportlab.pdfbase.pdfmetrics import stringWidth

        size = self.SIZE
        x = 8.0
        out = []
        for text, colour in (
            (self.number, ACCENT),
            (self.when, INK),
            (self.kind, self.colour),
            (self.names, INK),
        ):
            if not text:
                continue
            room = self.width - x - 4
            width = stringWidth(text, self.font, size)
            if width > room:
                while text and stringWidth(text + "…", self.font, size) > room:
                    text = text[:-1]
                text += "…"
                width = stringWidth(text, self.font, size)
            out.append((x, text, colour))
            x += width + 12
            if x > self.width - 20:
                break
        return out

    def draw(self) -> None:
        c = self.canv
        c.setFillColor(HEAD_BG)
        c.rect(0, 0, self.width, self.HEIGHT, stroke=0, fill=1)
        c.setFillColor(self.colour)
        c.rect(0, 0, 3, self.HEIGHT, stroke=0, fill=1)
        y = 4.2
        line = c.beginText(8.0, y)  # the four texts in one text object
        line.setFont(self.font, self.SIZE)
        for x, text, colour in self._texts():
            line.setTextOrigin(x, y)
            line.setFillColor(colour)
            line.textOut(text)
        c.drawText(line)

    def quick_fonts(self) -> tuple[str, ...]:
        return (self.font,)

    def quick_draw(self, canv: Any, ops: _Ops) -> list[str] | None:
        texts = self._texts()
        maybe = [fill_op(colour) for colour in (HEAD_BG, self.colour, *(t[2] for t in texts))]
        fills = [op for op in maybe if op is not None]
        if len(fills) < len(maybe):
            return None
        fill = rl_canvas.PATH_OPS[0, 1, ops.fill_mode]
        y, size = 4.2, self.SIZE
        code = ["BT", f"1 0 0 1 {fp_str(8.0, y)} Tm"]
        subset = -1
        for (x, text, _), text_fill in zip(texts, fills[2:]):
            code.append(f"1 0 0 1 {fp_str(x, y)} Tm")
            code.append(text_fill)
            shown, subset = ops.show(self.font, size, size * 1.2, text, subset)
            code.append(shown)
        code.append("ET")
        return [fills[0], f"n {fp_str(0, 0, self.width, self.HEIGHT)} re {fill}",
                fills[1], f"n {fp_str(0, 0, 3, self.HEIGHT)} re {fill}", " ".join(code)]


class TextLine(_QuickFlowable):
    """One short line of text, drawn without paragraph layout."""

    def __init__(
        self,
        font: str,
        text: str,
        size: float,
        colour: Any,
        indent: float = 0,
        space_after: float = 0,
        on_drawn: Callable[[], None] | None = None,
    ) -> None:
        super().__init__()
        self.font, self.text, self.size, self.colour = font, text, size, colour
        self.indent, self.space_after = indent, space_after
        self.on_drawn = on_drawn  # (progress: the last line of an entry is laid out)

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        self.width = avail_w
        return avail_w, self.size * 1.35 + self.space_after

    def draw(self) -> None:
        c = self.canv
        c.setFont(self.font, self.size)
        c.setFillColor(self.colour)
        draw_string(c, self.indent, self.space_after + self.size * 0.35, self.text)
        if self.on_drawn is not None:
            self.on_drawn()

    def quick_fonts(self) -> tuple[str, ...]:
        return (self.font,)

    def quick_draw(self, canv: Any, ops: _Ops) -> list[str] | None:
        fill = fill_op(self.colour)
        if fill is None:
            return None
        shown = ops.show(self.font, self.size, self.size * 1.2, self.text, -1)[0]
        origin = fp_str(self.indent, self.space_after + self.size * 0.35)
        if self.on_drawn is not None:
            self.on_drawn()
        return [fill, f"BT 1 0 0 1 {origin} Tm {shown} T* ET"]


class LazyStory(list):  # type: ignore[type-arg]
    """A story list that pulls flowables from a generator as the layout consumes them, so the
    whole report never exists as flowables at once (memory stays flat as entries grow)."""

    def __init__(self, source: Iterator[Flowable], lookahead: int = 48) -> None:
        super().__init__()
        self._source = source
        self._lookahead = lookahead
        self._done = False

    def _fill(self) -> None:
        while not self._done and list.__len__(self) < self._lookahead:
            try:
                self.append(next(self._source))
            except StopIteration:
                self._done = True

    def __len__(self) -> int:
        self._fill()
        return list.__len__(self)

    def __bool__(self) -> bool:
        return len(self) > 0


def numbered_canvas(
    font: str,
    header_left: str,
    header_right: str,
    page_label: Callable[[int, int], str],
    footer_left: str,
    first_chars: str = "",
) -> type:
    """A canvas class that writes the running header and "page x of y" once the page count is
    known. ``first_chars``: characters to give font codes first (:func:`fonts.seed_subsets`)."""

    class NumberedCanvas(rl_canvas.Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            if not kwargs.get("initialFontName"):  # no unembedded Helvetica anywhere
                kwargs["initialFontName"] = font
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []
            seed_subsets(font, self._doc, first_chars)

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._decorate(number, total)
                rl_canvas.Canvas.showPage(self)
            self._pages.clear()
            rl_canvas.Canvas.save(self)

        def _decorate(self, number: int, total: int) -> None:
            self.saveState()
            top = PAGE_H - 12 * mm
            self.setFont(font, 8.5)
            self.setFillColor(RED)
            self.drawString(MARGIN_X, top, header_left)
            self.setFillColor(MUTED)
            self.drawRightString(PAGE_W - MARGIN_X, top, header_right)
            self.setStrokeColor(RULE)
            self.setLineWidth(0.6)
            self.line(MARGIN_X, top - 3.5 * mm, PAGE_W - MARGIN_X, top - 3.5 * mm)
            bottom = 11 * mm
            self.line(MARGIN_X, bottom + 4 * mm, PAGE_W - MARGIN_X, bottom + 4 * mm)
            self.setFont(font, 8)
            self.drawRightString(PAGE_W - MARGIN_X, bottom, page_label(number, total))
            if footer_left:
                self.drawString(MARGIN_X, bottom, footer_left)
            self.restoreState()

    return NumberedCanvas
