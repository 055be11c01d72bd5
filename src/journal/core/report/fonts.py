"""The bundled WenQuanYi Micro Hei, registered once with reportlab and embedded as a subset.

One face serves Chinese and Latin text, so every PDF renders and its text extracts on any
machine, with or without Chinese fonts installed.
"""

from __future__ import annotations

import logging
import struct
import sys
import threading
from array import array
from collections import Counter
from collections.abc import Iterable
from itertools import groupby, repeat
from typing import Any

from journal.core import paths
from journal.core.errors import ExportError

log = logging.getLogger(__name__)

FONT_NAME = "WQYMicroHei"
_lock = threading.Lock()
_registered = False
_WIDTH_CACHE_MAX = 50_000  # distinct short strings remembered (a few MB at most)
_SPLIT_TEXT_MAX = 200  # the longest text whose runs of codes a document remembers
_SPLIT_CACHE_MAX = 50_000  # texts a document remembers the runs of (a few MB at most)


def _face_class() -> type:
    from reportlab.pdfbase.ttfonts import TTFError, TTFontFace, TTFontFile

    class FastFace(TTFontFace):
        """The face as reportlab parses it, with the character map, the widths and the glyph
        locations read by C-level calls: reportlab reads the 34,600 characters' groups, 49,531
        glyphs' metrics and locations one number per Python call (≈ 150,000 calls, ≈ 0.1 s of
        every first report in a process). The same values in the same order; a character map
        of another format than the face's (12) is read reportlab's way."""

        def extractInfo(self, charInfo: int = 1) -> None:
            super().extractInfo(0)  # names, head, OS/2, post, hhea, maxp: small, as reportlab
            if not charInfo:
                return
            data = self._ttf_data
            head = self.get_table_pos("head")[0]
            index_to_loc, glyph_data_format = struct.unpack_from(">HH", data, head + 50)
            if glyph_data_format != 0:
                raise TTFError(f"Unknown glyph data format ({glyph_data_format})")
            encoffs = self._unicode_cmap()
            if struct.unpack_from(">H", data, encoffs)[0] != 12:
                TTFontFile.extractInfo(self, charInfo)  # another format: reportlab's own way
                return
            groups = struct.unpack_from(">L", data, encoffs + 12)[0]
            char_to_glyph: dict[int, int] = {}
            glyph_to_char: dict[int, list[int]] = {}
            self.charToGlyph, self.glyphToChar = char_to_glyph, glyph_to_char
            for start, end, first in struct.iter_unpack(
                    ">LLL", data[encoffs + 16:encoffs + 16 + 12 * groups]):
                glyphs = range(first, first + end - start + 1)
                for unichar, glyph in zip(range(start, end + 1), glyphs):
                    char_to_glyph[unichar] = glyph
                    chars = glyph_to_char.get(glyph)
                    if chars is None:
                        glyph_to_char[glyph] = [unichar]
                    else:
                        chars.append(unichar)
            self._metrics(index_to_loc)

        def _unicode_cmap(self) -> int:
            """The offset of the character map reportlab chooses (its rules, in its order)."""
            data = self._ttf_data
            cmap = self.get_table_pos("cmap")[0]
            version, count = struct.unpack_from(">HH", data, cmap)
            if count == 0 and version != 0:
                count = version
            encoffs = None
            enc = 0
            for n in range(count):
                platform, encoding, offset = struct.unpack_from(">HHL", data, cmap + 4 + 8 * n)
                if platform == 3:
                    enc, encoffs = 1, offset
                elif platform == 1 and encoding == 0 and enc != 1:
                    enc, encoffs = 2, offset
                elif (platform == 1 and encoding == 1) or (platform == 0 and encoding != 5):
                    enc, encoffs = 1, offset
            if encoffs is None:
                raise TTFError("could not find a suitable cmap encoding")
            return cmap + encoffs  # type: ignore[no-any-return]

        def _metrics(self, index_to_loc: int) -> None:
            """hmtx and loca as reportlab reads them (including its widths of the glyphs past
            the metrics' end: the last advance, already scaled)."""
            data, scale, glyphs = self._ttf_data, self._pdfScale, self.numGlyphs
            metrics = struct.unpack_from(">H", data, self.get_table_pos("hhea")[0] + 34)[0]
            hmtx = self.get_table_pos("hmtx")[0]
            pairs = _big_endian("H", data[hmtx:hmtx + 4 * metrics])
            advances, bearings = pairs[0::2], pairs[1::2]
            rest = _big_endian("H", data[hmtx + 4 * metrics:hmtx + 2 * metrics + 2 * glyphs])
            scaled = list(map(scale, advances))
            last = scaled[-1]
            self.defaultWidth = scaled[0]
            self.hmetrics = list(zip(advances, bearings))
            self.hmetrics += [(last, lsb) for lsb in rest]
            widths: dict[int, float] = {}
            self.charWidths = widths
            reach = max(metrics, glyphs)
            for glyph in sorted(self.glyphToChar):  # reportlab's order: by glyph
                if glyph >= reach:
                    break
                width = scaled[glyph] if glyph < metrics else last
                for char in self.glyphToChar[glyph]:
                    widths[char] = width
            if "loca" not in self.table:
                raise TTFError("missing location table")
            loca = self.get_table_pos("loca")[0]
            if index_to_loc == 0:
                self.glyphPos = [pos << 1 for pos in
                                 _big_endian("H", data[loca:loca + 2 * (glyphs + 1)])]
            elif index_to_loc == 1:
                self.glyphPos = _big_endian("I", data[loca:loca + 4 * (glyphs + 1)]).tolist()
            else:
                raise TTFError(f"Unknown location table format ({index_to_loc})")
            char_to_glyph = self.charToGlyph
            if 0x20 in char_to_glyph:
                char_to_glyph[0xA0] = char_to_glyph[0x20]
                widths[0xA0] = widths[0x20]
            elif 0xA0 in char_to_glyph:
                char_to_glyph[0x20] = char_to_glyph[0xA0]
                widths[0x20] = widths[0xA0]

    return FastFace


def _big_endian(code: str, raw: bytes) -> array:  # type: ignore[type-arg]
    """Unsigned big-endian numbers of ``raw`` (``code``: "H" 16 bits, "I" 32 bits)."""
    numbers = array(code)
    if numbers.itemsize != {"H": 2, "I": 4}[code]:
        numbers = array("L" if code == "I" else code)  # (a platform whose int is not 32 bits)
    numbers.frombytes(raw[:len(raw) - len(raw) % numbers.itemsize])
    if sys.byteorder == "little":
        numbers.byteswap()
    return numbers


def _font_class() -> type:
    from reportlab.pdfbase.ttfonts import TTFont

    face_class = _face_class()

    class FastTTFont(TTFont):
        """TTFont whose text widths are remembered: layout asks for the width of the same
        characters and words hundreds of thousands of times (Chinese wraps per character).
        Its face is parsed by :class:`FastFace`."""

        def __init__(self, name: str, filename: str, validate: int = 0,
                     subfontIndex: int = 0) -> None:
            # TTFont.__init__ of reportlab 5 with the face made by FastFace (a test compares
            # every attribute with reportlab's own TTFont of the same file)
            from fnmatch import fnmatch
            from weakref import WeakKeyDictionary

            from reportlab import rl_config
            from reportlab.pdfbase.ttfonts import TTEncoding, unShapedFontGlob

            self.fontName = name
            self.face = face_class(filename, validate=validate, subfontIndex=subfontIndex)
            self.encoding = TTEncoding()
            self.state: WeakKeyDictionary[Any, Any] = WeakKeyDictionary()
            self._asciiReadable = rl_config.ttfAsciiReadable
            self.shapable = not any(fnmatch(name, glob) for glob in unShapedFontGlob)
            self.remembered_widths: dict[str, int] = {}  # text → width in font units

        def stringWidth(self, text: str | bytes, size: float, encoding: str = "utf8") -> float:
            if not isinstance(text, str):
                text = text.decode(encoding or "utf8")
            width = self.remembered_widths.get(text)
            if width is None:
                width = sum(map(self.face.charWidths.get, map(ord, text),
                                repeat(self.face.defaultWidth)))
                # one character (Chinese is measured per character) is always kept: at most
                # one entry per glyph, even once the cache is full of words
                if len(text) == 1 or (len(text) <= 40
                                      and len(self.remembered_widths) < _WIDTH_CACHE_MAX):
                    self.remembered_widths[text] = width
            return 0.001 * size * width

        def splitString(self, text: str | bytes, doc: object,
                        encoding: str = "utf-8") -> list[tuple[int, bytes]]:
            """Text → [(subset, codes)] as reportlab's own method, which walks every character
            in Python for every string drawn. When every character already has its code in
            this document (nearly every line after the first pages), the same answer is made by
            C-level calls, one run per subset, and remembered for the next time the same text
            is drawn in this document; anything else goes reportlab's way."""
            state = self.state.get(doc)
            if state is not None and isinstance(text, str) and text:
                known = getattr(state, "split_texts", None)
                if known is None:
                    known = state.split_texts = {}
                runs = known.get(text)
                if runs is not None:
                    return runs  # type: ignore[no-any-return]
                try:
                    codes = list(map(state.assignments.__getitem__, map(ord, text)))
                except KeyError:  # a character new to this document, or a no-break space
                    codes = None
                if codes is not None:
                    top = max(codes)
                    if top < 256:
                        runs = [(0, bytes(codes))]
                    elif min(codes) >> 8 == top >> 8:
                        runs = [(top >> 8, bytes(map((255).__and__, codes)))]
                    else:  # Chinese text mixes subsets (256 codes each): a run per change
                        runs = [(subset, bytes(map((255).__and__, run)))
                                for subset, run in groupby(codes, (8).__rrshift__)]
                    # the same text is drawn again and again (bullets, labels, names, dates:
                    # 24,000 strings, 7,400 different, in a 1,000-entry report); its codes
                    # never change once given, so its runs are remembered (callers only read
                    # them)
                    if len(text) <= _SPLIT_TEXT_MAX and len(known) < _SPLIT_CACHE_MAX:
                        known[text] = runs
                    return runs
            return super().splitString(text, doc, encoding)  # type: ignore[no-any-return]

    return FastTTFont


def frequent_chars(texts: Iterable[str], limit: int = 1_000_000) -> str:
    """The characters outside ASCII of ``texts`` (the first ``limit`` characters or so), most
    frequent first: the order in which :func:`seed_subsets` gives them codes."""
    counts: Counter[str] = Counter()
    seen = 0
    for text in texts:
        counts.update(text)
        seen += len(text)
        if seen >= limit:
            break
    return "".join(ch for ch, _ in counts.most_common() if ord(ch) > 127 and ch != "\xa0")


def seed_subsets(font_name: str, doc: Any, chars: str) -> None:
    """Give ``chars`` their codes in ``doc`` before anything is drawn, in that order.

    The embedded face is split into subsets of 256 codes, handed out in the order characters
    are first drawn: a Chinese line then hops between subsets every few characters, and every
    hop is one more font switch to split, write and compress (a 1,000-entry report drew 540,000
    characters in 95,000 runs). With the most frequent characters first, most text falls in the
    first subsets (42,000 runs). Only the codes change: the same glyphs, text and look. The
    codes are given by reportlab's own ``splitString``, as drawing them would."""
    if chars:
        from reportlab.pdfbase import pdfmetrics

        pdfmetrics.getFont(font_name).splitString(chars, doc)


def register_font() -> str:
    """Register the bundled font with reportlab (once per process); return its name."""
    global _registered
    with _lock:
        if _registered:
            return FONT_NAME
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics

        path = paths.font_path()
        try:
            font = _font_class()(FONT_NAME, str(path), subfontIndex=0)
        except Exception as exc:  # missing or damaged font file: the report cannot be made
            log.error("bundled font could not be loaded: %s", type(exc).__name__)
            raise ExportError(
                "error.export", detail=f"font {path.name} missing or damaged"
            ) from exc
        pdfmetrics.registerFont(font)
        _speed_up_char_widths(font)
        # The face has no bold or italic: map them to itself so <b>/<i> never fail.
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(FONT_NAME, bold, italic, FONT_NAME)
        _registered = True
        return FONT_NAME


def _speed_up_char_widths(font: object) -> None:
    """Chinese paragraphs are broken per character: reportlab asks the width of every character
    through three layers of calls. For our face, answer from the glyph table directly (the same
    numbers); any other font goes the original way."""
    from reportlab.lib import textsplit

    original = getattr(textsplit.getCharWidths, "__wrapped__", textsplit.getCharWidths)
    get = font.face.charWidths.get  # type: ignore[attr-defined]
    default = font.face.defaultWidth  # type: ignore[attr-defined]

    def get_char_widths(word: str, font_name: str, font_size: float) -> list[float]:
        if font_name != FONT_NAME:
            return original(word, font_name, font_size)  # type: ignore[no-any-return]
        scale = 0.001 * font_size
        return [scale * get(ord(ch), default) for ch in word]

    get_char_widths.__wrapped__ = original  # type: ignore[attr-defined]
    textsplit.getCharWidths = get_char_widths
    _speed_up_string_widths(font)


def _speed_up_string_widths(font: object) -> None:
    """Line breaking and line drawing ask ``pdfmetrics.stringWidth`` (a font lookup by name, then
    the font's method) for every word or character: ~170,000 times for a 1,000-entry report.
    For our face answer from its remembered widths first (the same numbers); any other font
    goes the original way."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfgen import textobject
    from reportlab.platypus import paragraph

    original = pdfmetrics.stringWidth
    remembered = font.remembered_widths  # type: ignore[attr-defined]
    measure = font.stringWidth  # type: ignore[attr-defined]

    def string_width(text: str, font_name: str, font_size: float, encoding: str = "utf8") -> float:
        if font_name != FONT_NAME:
            return original(text, font_name, font_size, encoding)  # type: ignore[no-any-return]
        width = remembered.get(text)
        if width is not None:
            return 0.001 * font_size * float(width)
        return measure(text, font_size, encoding)  # type: ignore[no-any-return]

    string_width.__wrapped__ = original  # type: ignore[attr-defined]
    paragraph.stringWidth = string_width
    textobject.pdfmetrics_stringWidth = string_width
    _speed_up_cjk_lines()


def _speed_up_cjk_lines() -> None:
    """A Chinese paragraph of several lines (a pasted chat: one fragment per line, line breaks
    between) is broken into lines character by character; reportlab's ``makeCJKParaLine`` then
    asks, for every character, the font's ascent and whether its fragment has the style of the
    one before (``sameFrag``: 41,000 calls, ~8 % of a 1,000-entry export). Consecutive
    characters nearly always come from the same fragment object, for which both answers are
    the ones just given: this is reportlab 5's function with those two questions skipped for
    the same object (``sameFrag`` of an object with itself is true unless it is a line break
    or an inline picture, which still go the original way). The lines are the same."""
    from reportlab.platypus import paragraph

    original = getattr(paragraph.makeCJKParaLine, "__wrapped__", paragraph.makeCJKParaLine)
    FragLine, same_frag = paragraph.FragLine, paragraph.sameFrag
    ascent_descent, v_range, norm_v = (paragraph.getAscentDescent, paragraph.imgVRange,
                                       paragraph.imgNormV)

    def make_cjk_para_line(U: Any, maxWidth: float, widthUsed: float,
                           extraSpace: float, lineBreak: bool, calcBounds: bool) -> Any:
        words: list[Any] = []
        CW: list[Any] = []
        f0 = FragLine()
        maxSize = maxAscent = minDescent = 0
        last: Any = None
        plain = False
        for u in U:
            f = u.frag
            if f is not last:  # the original's per-character questions, once per fragment
                last = f
                fontSize = f.fontSize
                cbDefn: Any = getattr(f, "cbDefn", None) if calcBounds else None
                if getattr(cbDefn, "width", None):
                    descent, ascent = v_range(norm_v(cbDefn.height, fontSize),
                                              cbDefn.valign, fontSize)
                else:
                    ascent, descent = ascent_descent(f.fontName, fontSize)
                maxSize = max(maxSize, fontSize)
                maxAscent = max(maxAscent, ascent)
                minDescent = min(minDescent, descent)
                plain = not (hasattr(f, "cbDefn") or hasattr(f, "lineBreak"))
            if not (f is f0 and plain) and not same_frag(f0, f):
                f0 = f0.clone()
                f0.text = "".join(CW)
                words.append(f0)
                CW = []
                f0 = f
            CW.append(u)
        if CW:
            f0 = f0.clone()
            f0.text = "".join(CW)
            words.append(f0)
        return FragLine(kind=1, extraSpace=extraSpace, wordCount=1, words=words[1:],
                        fontSize=maxSize, ascent=maxAscent, descent=minDescent,
                        maxWidth=maxWidth, currentWidth=widthUsed, lineBreak=lineBreak)

    make_cjk_para_line.__wrapped__ = original  # type: ignore[attr-defined]
    paragraph.makeCJKParaLine = make_cjk_para_line
