"""What the 1,000-entry PDF's speed rests on (tests/benchmarks/bench_pdf.py measures the time):
a paragraph's lines are broken once per width, and line breaking reads the bundled face's widths
without a font lookup per word. Both must give exactly what reportlab gives without them."""

from __future__ import annotations

import io
import shutil
from typing import Any

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Paragraph, paragraph

from journal.core.report.fonts import FONT_NAME, register_font
from journal.core.report.layout import FRAME_W, Styles, markup, para

TEXT = ("他说这是一份很轻松的兼职，只要拍一些照片就行。今天让我去港口拍军舰，我没有答应。"
        "She asked me to photograph the ships in the harbour this weekend. 报酬 1200.50 元。") * 6


@pytest.fixture(scope="module")
def styles() -> Styles:
    return Styles(register_font(), "zh")


def _count_line_breaking(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls = [0]
    real_cjk, real = Paragraph.breakLinesCJK, Paragraph.breakLines

    def counted_cjk(self: Any, widths: Any) -> Any:
        calls[0] += 1
        return real_cjk(self, widths)

    def counted(self: Any, widths: Any) -> Any:
        calls[0] += 1
        return real(self, widths)

    monkeypatch.setattr(Paragraph, "breakLinesCJK", counted_cjk)
    monkeypatch.setattr(Paragraph, "breakLines", counted)
    return calls


def test_a_paragraph_breaks_its_lines_once_per_width_and_still_splits(styles: Styles,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _count_line_breaking(monkeypatch)
    p = para(styles, TEXT, styles.details)
    first = p.wrap(FRAME_W, 800)
    lines = [line.words if hasattr(line, "words") else line for line in p.blPara.lines]
    assert p.wrap(FRAME_W, 800) == first and p.wrap(FRAME_W, 100) == first
    assert calls[0] == 1
    narrower = p.wrap(FRAME_W / 2, 800)
    assert calls[0] == 2 and narrower[1] > first[1]
    assert p.wrap(FRAME_W, 800) == first and calls[0] == 3
    # the same lines and height as a plain reportlab paragraph of the same text and style
    plain = Paragraph(p.text, p.style)
    assert plain.wrap(FRAME_W, 800) == first
    assert [line.words if hasattr(line, "words") else line for line in plain.blPara.lines] == lines
    # split over two pages after a remembered answer: every line kept, in two parts
    top, rest = p.split(FRAME_W, first[1] / 2)
    h1, h2 = top.wrap(FRAME_W, 800)[1], rest.wrap(FRAME_W, 800)[1]
    assert h1 <= first[1] / 2 and h1 + h2 == pytest.approx(first[1])


def test_line_breaking_measures_with_the_fonts_own_widths(styles: Styles) -> None:
    measured = paragraph.stringWidth
    assert getattr(measured, "__wrapped__", None) is pdfmetrics.stringWidth  # our face: no lookup
    for text in ("军舰", "harbour", "1200.50", TEXT, "", " ", "✓ ok"):
        for size in (7.5, 9.5, 26):
            assert measured(text, FONT_NAME, size) == pdfmetrics.stringWidth(text, FONT_NAME, size)
    # another font goes reportlab's own way
    assert measured("harbour", "Helvetica", 10) == pdfmetrics.stringWidth("harbour", "Helvetica", 10)


def test_text_already_coded_is_split_into_subsets_without_reportlabs_loop(
        styles: Styles, monkeypatch: pytest.MonkeyPatch) -> None:
    from reportlab.pdfbase.ttfonts import TTFont

    font = pdfmetrics.getFont(FONT_NAME)
    doc = type("Doc", (), {})()  # a document of its own: subsets are numbered per document
    many = "".join(chr(c) for c in range(0x4E00, 0x4E00 + 600))  # more than one subset of 256
    samples = [TEXT, "harbour 1200.50", many[:200], many[300:500], many, "军舰\u00a0港口", "军舰",
               many[400:450], many[560:600]]
    reference = {t: TTFont.splitString(font, t, doc) for t in samples}  # codes given in this order
    calls = [0]
    real = TTFont.splitString

    def counted(self: Any, text: Any, d: Any, encoding: str = "utf-8") -> Any:
        calls[0] += 1
        return real(self, text, d, encoding)

    monkeypatch.setattr(TTFont, "splitString", counted)
    assert {t: font.splitString(t, doc) for t in samples} == reference
    # every character known, in one subset or several: no per-character Python loop; a
    # no-break space (drawn as a space): reportlab's own way
    slow = [t for t in samples if "\u00a0" in t]
    assert len(slow) == calls[0] == 1
    assert sum(len(r) > 1 for r in reference.values()) >= 3  # text over several subsets
    assert any(len(r) == 1 and r[0][0] > 0 for r in reference.values())  # a later subset alone
    longer = many[:201]  # longer texts (a paragraph's, once per line) are not remembered
    assert font.splitString(longer, doc) is not font.splitString(longer, doc)
    unseen = "从未出现过的字"
    assert font.splitString(unseen, doc) == real(font, unseen, doc) and calls[0] == len(slow) + 1


def test_every_paragraph_of_a_report_is_broken_into_lines_once(
        journal: Any, tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tables (money, people, attachments) size their cells and then draw them, and signs are
    kept together: each of those asked for the lines of the same paragraph again."""
    from datetime import datetime, timedelta, timezone
    from decimal import Decimal

    from journal.core.models import EntryDraft
    from journal.core.report import ReportOptions, build_pdf

    tz = timezone(timedelta(hours=8))
    zhang = journal.add_person("张总", role="招聘的人", organisation="海洋调查公司")
    for i in range(40):
        journal.add_entry(EntryDraft(
            kind=("request", "payment", "contact", "gift")[i % 4], summary=TEXT[: 30 + i * 7],
            details=TEXT if i % 3 == 0 else "", occurred_at=datetime(2024, 1, 1, tzinfo=tz) + timedelta(days=i),
            persons=[zhang.id], amount=Decimal("1200.50") if i % 4 == 1 else None,
            currency="CNY" if i % 4 == 1 else None, direction="received" if i % 4 == 1 else None,
            target="军港附近的码头" if i % 4 == 0 else None, task="拍军舰的照片" if i % 4 == 0 else None))
    made = [0]
    real_init = Paragraph.__init__

    def counted_init(self: Any, *args: Any, **kwargs: Any) -> None:
        made[0] += 1
        real_init(self, *args, **kwargs)

    monkeypatch.setattr(Paragraph, "__init__", counted_init)
    breakings = _count_line_breaking(monkeypatch)
    stats = build_pdf(journal, tmp_path / "r.pdf", ReportOptions(lang="zh"))
    assert stats.pages > 3 and stats.signs > 0
    assert 0 < breakings[0] <= made[0]


def test_a_sign_with_a_long_evidence_list_starts_under_the_section_heading(
        journal: Any, tmp_path: Any) -> None:
    """Kept together whole, a sign with more evidence lines than a page holds went to the next
    page and left the section's first page empty (and was measured again and again)."""
    from datetime import datetime, timedelta, timezone
    from decimal import Decimal

    from pypdf import PdfReader

    from journal.core.models import EntryDraft
    from journal.core.report import ReportOptions, build_pdf
    from journal.core.report.texts import tr

    tz = timezone(timedelta(hours=8))
    with journal.transaction():
        for i in range(70):
            journal.add_entry(EntryDraft(
                kind="gift", summary=f"第{i}次收到礼物", item="新手机", value=Decimal("1999.00"),
                currency="CNY", occurred_at=datetime(2024, 1, 1, tzinfo=tz) + timedelta(days=i)))
    out = tmp_path / "signs.pdf"
    build_pdf(journal, out, ReportOptions(lang="zh"))
    pages = [p.extract_text() for p in PdfReader(out).pages]
    intro = tr("report.signs.intro", "zh")[:12]  # under the section's heading
    first = next(i for i, text in enumerate(pages) if intro in text.replace("\n", ""))
    assert "收到手机" in pages[first] and "2024年1月1日的记录" in pages[first]
    # and every evidence line is there, once
    evidence = [line for text in pages[first:first + 4] for line in text.splitlines()
                if "的记录：对方送的" in line]
    assert len(evidence) == len(set(evidence)) == 70


def _frag_state(frags: Any) -> list[dict[str, Any]]:
    return [dict(vars(f)) for f in frags] if isinstance(frags, list) else frags


def _lines(p: Paragraph) -> list[Any]:
    return [(line.extraSpace, _frag_state(line.words)) if hasattr(line, "words") else line
            for line in p.blPara.lines]


PLAIN = ["军舰", "harbour", "1200.50", TEXT[:90], TEXT, "#12 2024年3月5日 09:30 · 要求 · 拍军舰的照片",
         "– a dash, “quotes” and 100% ¥", "✓ ok", "a" * 300, "两行\n第二行",
         "Me: are you free?\nXiao Min: 今天下午去码头拍几张照片\nMe: ok " + TEXT[:200],
         "\n".join([TEXT[:40], "b", TEXT[:300]] * 3)]


def test_plain_text_skips_the_markup_parser_and_gets_what_the_parser_makes(
        styles: Styles, monkeypatch: pytest.MonkeyPatch) -> None:
    from reportlab.platypus.paraparser import ParaParser

    parsed = [0]
    real_parse = ParaParser.parse

    def counted(self: Any, text: str, style: Any) -> Any:
        parsed[0] += 1
        return real_parse(self, text, style)

    monkeypatch.setattr(ParaParser, "parse", counted)
    kinds = [styles.body, styles.small, styles.cell, styles.cell_head, styles.evidence,
             styles.h1, styles.h3, styles.details, styles.fields, styles.bullet]
    fast_made = fast_parsed = 0
    keys = set()
    for text in PLAIN:
        for base in kinds:
            style = styles.for_text(base, text)
            for bullet in (None, "–", "•"):
                keys.add((style.name, bullet))
                before = parsed[0]
                fast = styles.paragraph(text, style, bullet)
                fast_made += 1
                fast_parsed += parsed[0] - before
                before = parsed[0]
                made = Paragraph(markup(text), style, bulletText=bullet)
                assert parsed[0] == before + 1  # (the reference is parsed)
                assert _frag_state(fast.frags) == _frag_state(made.frags)
                assert _frag_state(fast.bulletText) == _frag_state(made.bulletText)
                for width in (FRAME_W, FRAME_W / 3):
                    assert fast.wrap(width, 800) == made.wrap(width, 800)
                    assert _lines(fast) == _lines(made)
    # at most once per style and bullet, for the fragment to copy; never per paragraph
    assert fast_parsed <= len(keys) < fast_made == 360


@pytest.mark.parametrize("text", ["空行\n\n之后", "line\n  indented", "a &amp; b", "a & b", "<b>bold</b>",
                                  "two  spaces",
                                  " edge ", "tab\there", "nbsp\u00a0here", "全角\u3000空格", ""])
def test_text_the_parser_would_change_is_still_parsed(styles: Styles, text: str) -> None:
    style = styles.for_text(styles.body, text)
    fast = styles.paragraph(text, style, "–")
    made = Paragraph(markup(text), style, bulletText="–")
    assert fast.text == made.text
    assert _frag_state(fast.frags) == _frag_state(made.frags)


def test_a_report_runs_the_markup_parser_only_for_text_with_line_breaks_or_markup(
        journal: Any, tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import datetime, timedelta, timezone
    from decimal import Decimal

    from reportlab.platypus.paraparser import ParaParser

    from journal.core.models import EntryDraft
    from journal.core.report import ReportOptions, build_pdf

    tz = timezone(timedelta(hours=8))
    zhang = journal.add_person("张总", role="招聘的人", organisation="海洋调查公司")
    with journal.transaction():
        for i in range(60):
            journal.add_entry(EntryDraft(
                kind=("request", "payment", "gift")[i % 3], summary=f"第{i}次 拍军舰 报酬",
                occurred_at=datetime(2024, 1, 1, tzinfo=tz) + timedelta(days=i),
                persons=[zhang.id], task="拍军舰的照片" if i % 3 == 0 else None,
                target="军港" if i % 3 == 0 else None,
                amount=Decimal("1200.50") if i % 3 == 1 else None,
                currency="CNY" if i % 3 == 1 else None,
                direction="received" if i % 3 == 1 else None,
                item="新手机" if i % 3 == 2 else None, value=Decimal(999) if i % 3 == 2 else None))
    made, parsed = [0], [0]
    real_init, real_parse = Paragraph.__init__, ParaParser.parse

    def counted_init(self: Any, *args: Any, **kwargs: Any) -> None:
        made[0] += 1
        real_init(self, *args, **kwargs)

    def counted_parse(self: Any, text: str, style: Any) -> Any:
        parsed[0] += 1
        return real_parse(self, text, style)

    monkeypatch.setattr(Paragraph, "__init__", counted_init)
    monkeypatch.setattr(ParaParser, "parse", counted_parse)
    stats = build_pdf(journal, tmp_path / "r.pdf", ReportOptions(lang="zh"))
    assert stats.pages > 3 and stats.signs > 0
    assert made[0] > 150  # evidence lines, table cells, headings
    assert parsed[0] * 4 < made[0], (parsed[0], made[0])


def test_lines_of_a_chinese_paragraph_of_several_lines_are_reportlabs_own(
        styles: Styles, monkeypatch: pytest.MonkeyPatch) -> None:
    chat = "\n".join(f"张总：明天下午去港口拍军舰，报酬{100 + i}元，不要告诉别人。Reply {i} " * (1 + i % 3)
                      for i in range(30))  # lines of one, two and three printed lines
    ours = paragraph.makeCJKParaLine
    assert getattr(ours, "__wrapped__", None) is not None  # the face registered installs it
    got = para(styles, chat, styles.details)
    got_size = got.wrap(FRAME_W, 5000)
    monkeypatch.setattr(paragraph, "makeCJKParaLine", ours.__wrapped__)
    made = para(styles, chat, styles.details)
    assert made.wrap(FRAME_W, 5000) == got_size
    assert len(got.blPara.lines) > 40 and _lines(got) == _lines(made)


def test_a_picture_a_little_over_the_size_limit_keeps_its_pixels_and_is_drawn_the_same_size(
) -> None:
    import io

    from PIL import Image

    from journal.core.report import images
    from journal.core.report.layout import FRAME_H, Picture

    def png(w: int, h: int) -> bytes:
        out = io.BytesIO()
        Image.new("RGB", (w, h), (237, 237, 237)).save(out, "PNG")
        return out.getvalue()

    screenshot = images.prepare(png(540, 1170))  # a phone screenshot: 6 % over 1,100
    assert screenshot is not None and screenshot[1:] == (540, 1170)
    large = images.prepare(png(1080, 2340))  # twice over: reduced as before
    assert large is not None and large[1:] == (508, 1100)
    kept = Picture(*screenshot, max_h=FRAME_H * 0.5).wrap(FRAME_W, FRAME_H)
    reduced = Picture(b"", 508, 1100, max_h=FRAME_H * 0.5).wrap(FRAME_W, FRAME_H)
    assert kept[1] == reduced[1] == FRAME_H * 0.5
    assert kept[0] == pytest.approx(reduced[0], abs=0.2)  # 0.1 pt: the reduced copy rounds


def _subset_of(pdf: Any, char: str) -> str:
    """The name of the embedded font subset whose characters include ``char``."""
    from pypdf import PdfReader

    code = f"<{ord(char):04X}>".encode()
    for page in PdfReader(pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            if code in font["/ToUnicode"].get_object().get_data():
                return str(font["/BaseFont"])
    raise AssertionError(f"{char} is in no font subset")


def test_the_reports_most_frequent_characters_get_the_first_font_subset(
        journal: Any, tmp_path: Any) -> None:
    """Codes of the embedded face are given most frequent character first (one font switch per
    subset change in a line): 军 and 舰, in every entry, share the first subset even though 300
    other characters are drawn before them; the text reads the same."""
    import subprocess
    from datetime import datetime, timedelta, timezone

    from journal.core.models import EntryDraft
    from journal.core.report import ReportOptions, build_pdf

    tz = timezone(timedelta(hours=8))
    rare = "".join(chr(0x4E00 + 40 * k) for k in range(300))  # each drawn once, first
    journal.add_entry(EntryDraft(kind="note", summary="第一条", details=rare,
                                 occurred_at=datetime(2024, 1, 1, tzinfo=tz)))
    for i in range(30):
        journal.add_entry(EntryDraft(kind="note", summary=f"军舰 {i}",
                                     occurred_at=datetime(2024, 1, 2, tzinfo=tz) + timedelta(days=i)))
    out = tmp_path / "r.pdf"
    build_pdf(journal, out, ReportOptions(lang="zh"))
    assert _subset_of(out, "军") == _subset_of(out, "舰") == "/AAAAAA+WenQuanYiMicroHei-0"
    assert _subset_of(out, rare[-1]) != _subset_of(out, "军")
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert rare in "".join(text.split()) and "军舰 29" in text


BULLET_LINES = [
    "#12 2024年1月5日 09:00 · 请求 · 让我去港口拍军舰，报酬 1200.50 元",
    "#3 5 Jan 2024 09:00 · Request · She asked me to photograph the ships & the harbour",
    "对方说“这只是兼职”，让我别告诉老师。",
]


def _page_pixels(tmp_path: Any, name: str, flowables: list[Any]) -> bytes:
    import subprocess

    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Frame

    from journal.core.report.layout import FRAME_H, MARGIN_BOTTOM, MARGIN_X, PAGE_H, PAGE_W

    pdf = tmp_path / f"{name}.pdf"
    canvas = Canvas(str(pdf), pagesize=(PAGE_W, PAGE_H))
    Frame(MARGIN_X, MARGIN_BOTTOM, FRAME_W, FRAME_H, leftPadding=0, rightPadding=0,
          topPadding=0, bottomPadding=0).addFromList(flowables, canvas)
    canvas.save()
    png = subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", str(pdf)],
                         capture_output=True, check=True).stdout
    assert len(png) > 1000
    return png


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils missing")
def test_a_one_line_bulleted_paragraph_is_drawn_without_paragraph_layout_pixel_for_pixel(
        styles: Styles, tmp_path: Any) -> None:
    """The signs' evidence and reason lines and the bulleted advice: one that fits on a line is
    a BulletLine (no line breaking or paragraph drawing), drawn exactly as the paragraph."""
    from journal.core.report.layout import BulletLine

    lines, paragraphs = [], []
    for style, bullet in ((styles.evidence, "–"), (styles.bullet, "•")):
        for text in BULLET_LINES:
            line = para(styles, text, style, bullet)
            assert isinstance(line, BulletLine), text
            lines.append(line)
            paragraphs.append(styles.paragraph(text, styles.for_text(style, text), bullet))
    assert _page_pixels(tmp_path, "lines", lines) == _page_pixels(tmp_path, "paras", paragraphs)
    # longer than a line, on several lines, or text the paragraph shows otherwise: a paragraph
    for text in (BULLET_LINES[0] * 3, "a\nb", "two  spaces", " leading"):
        assert isinstance(para(styles, text, styles.evidence, "–"), Paragraph), text


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils missing")
def test_table_cells_that_fit_on_one_line_are_drawn_without_paragraph_layout_pixel_for_pixel(
        styles: Styles, tmp_path: Any) -> None:
    from reportlab.platypus import Table, TableStyle

    from journal.core.report.layout import StyledLine, one_line_cells

    texts = [["#12", "2024年1月5日\n09:00", "1,200.50 CNY", "拍军舰的照片——军港附近的码头"],
             ["#3", "5 Jan 2024", "300.00 USD", "Photograph the ships in the harbour " * 3],
             ["#4", "军港", "", "two  spaces"]]
    widths = [12 * 2.83, 30 * 2.83, 28 * 2.83, FRAME_W - 70 * 2.83]

    def table(rows: list[list[Any]]) -> Table:
        made = Table(rows, colWidths=widths, hAlign="LEFT")
        made.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 4),
                                  ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                                  ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        return made

    def cells() -> list[list[Any]]:
        return [[styles.paragraph(t, styles.for_text(styles.cell_head if j == 0 else styles.cell, t))
                 for j, t in enumerate(row)] for row in texts]

    lines = one_line_cells(cells(), [w - 8 for w in widths])
    kinds = [[type(c) is StyledLine for c in row] for row in lines]
    # one line that fits: a line; two lines, too long for the column, empty or spaces: a paragraph
    assert kinds == [[True, False, True, True], [True, True, True, False],
                     [True, True, False, False]]
    assert (_page_pixels(tmp_path, "lines", [table(lines)])
            == _page_pixels(tmp_path, "paras", [table(cells())]))


class _CountingCanvas:
    """A real reportlab canvas that counts its graphics state pushes (``saveState``)."""

    @staticmethod
    def make() -> Any:
        from reportlab.pdfgen.canvas import Canvas

        from journal.core.report.layout import PAGE_H, PAGE_W

        class Counting(Canvas):
            pushes = 0

            def push_state_stack(self) -> None:
                self.pushes += 1
                super().push_state_stack()

        return Counting(io.BytesIO(), pagesize=(PAGE_W, PAGE_H))


def _one_line_flowables(styles: Styles) -> list[Any]:
    from journal.core.report.layout import (
        ACCENT,
        MUTED,
        BulletLine,
        EntryHead,
        StyledLine,
        TextLine,
    )

    rare = "".join(chr(c) for c in range(0x5E00, 0x5E00 + 300))  # codes past the first subset
    made: list[Any] = [StyledLine(text, style) for text in ("军舰 harbour 1200.50", rare[:60], "")
                       for style in (styles.small, styles.cell_head, styles.fields)]
    for style, bullet in ((styles.evidence, "–"), (styles.bullet, "•")):
        made += [para(styles, text, style, bullet) for text in BULLET_LINES]
    made += [TextLine(styles.font, "记录于 2024年1月5日 09:00 " + rare[250:280], 7.5, MUTED, indent=8,
                      space_after=6),
             TextLine(styles.font, "Recorded 5 Jan 2024 (edited)", 9, ACCENT)]
    made += [EntryHead(styles.font, "#12", "2024年1月5日 09:00", "请求", names, "#b26a00")
             for names in ("张总、小敏", "张总、" * 40 + rare[:40], "")]
    made.append(EntryHead(styles.font, "#7", "5 Jan 2024 09:00", "", "Zhang (recruiter)", "#5f6b7a"))
    assert sum(isinstance(f, BulletLine) for f in made) == 2 * len(BULLET_LINES)
    return made


def test_one_line_flowables_write_reportlabs_own_page_code_without_pushing_canvas_state(
        styles: Styles) -> None:
    """Entry heads, recorded lines, one-line texts and bulleted lines (≈ 9,000 in a 1,000-entry
    report) write their operators directly: the same strings, in the same order, as drawing
    them the usual way (Flowable.drawOn: state pushed, translated, drawn, popped)."""
    from reportlab.lib.colors import CMYKColor
    from reportlab.platypus import Flowable

    from journal.core.report.fonts import seed_subsets
    from journal.core.report.layout import StyledLine, TextLine

    quick, usual = _CountingCanvas.make(), _CountingCanvas.make()
    for canvas in (quick, usual):  # the same codes in both documents, several subsets used
        seed_subsets(styles.font, canvas._doc, "".join(chr(c) for c in range(0x4E00, 0x4E00 + 400)))
    flowables = _one_line_flowables(styles)
    for n, flowable in enumerate(flowables):
        flowable.wrap(FRAME_W, 800)
        flowable.drawOn(quick, 40, 800 - 16 * n)
        Flowable.drawOn(flowable, usual, 40, 800 - 16 * n)
    assert quick._code == usual._code
    # subsets switched inside lines (a Tf per run of another subset): more fonts set than lines
    assert sum(op.count(" Tf ") for op in quick._code) > len(flowables) + 10
    assert usual.pushes == len(flowables) and quick.pushes == 0
    assert quick._doc._pdfVersion == usual._doc._pdfVersion

    # where the shortcut would write something else, the usual way (and its pushes): a canvas
    # with a fill alpha below 1 (reportlab writes an alpha change), a colour other than RGB
    quick, usual = _CountingCanvas.make(), _CountingCanvas.make()
    for canvas in (quick, usual):
        canvas.setFillAlpha(0.5)
    for flowable in flowables:
        flowable.wrap(FRAME_W, 800)
        flowable.drawOn(quick, 40, 400)
        Flowable.drawOn(flowable, usual, 40, 400)
    assert quick._code == usual._code and quick.pushes == usual.pushes == len(flowables)
    assert any(op.endswith(" gs") for op in quick._code)
    cmyk = [TextLine(styles.font, "军舰", 9, CMYKColor(0, 0.5, 1, 0))]
    cmyk_style = styles.small.clone("cmyk", textColor=CMYKColor(0.1, 0, 0, 0.5))
    cmyk.append(StyledLine("harbour 军港", cmyk_style))
    quick, usual = _CountingCanvas.make(), _CountingCanvas.make()
    for flowable in cmyk:
        flowable.wrap(FRAME_W, 800)
        flowable.drawOn(quick, 40, 400)
        Flowable.drawOn(flowable, usual, 40, 400)
    assert quick._code == usual._code and quick.pushes == usual.pushes == len(cmyk)


def test_the_bundled_face_is_read_by_c_level_calls_into_reportlabs_own_values(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The face's character map, widths, metrics and glyph locations (≈ 150,000 numbers) are read
    in bulk instead of one Python call per number: every value, and every dictionary's order,
    is the one reportlab's own parser gives."""
    from reportlab.pdfbase.ttfonts import TTFont, TTFontParser

    from journal.core import paths
    from journal.core.report.fonts import _font_class

    reads = [0]
    real = TTFontParser.read_ushort

    def counted(self: Any) -> Any:
        reads[0] += 1
        return real(self)

    monkeypatch.setattr(TTFontParser, "read_ushort", counted)
    fast = _font_class()("FastFaceTest", str(paths.font_path()))
    fast_reads = reads[0]
    usual = TTFont("UsualFaceTest", str(paths.font_path()))
    assert fast_reads < 1_000 and reads[0] - fast_reads > 90_000
    ours, theirs = dict(fast.face.__dict__), dict(usual.face.__dict__)
    for skipped in ("_pos", "_pdfScale"):  # where reading stopped; a lambda (the same scale)
        del ours[skipped], theirs[skipped]
    assert ours.keys() == theirs.keys()
    for key, value in theirs.items():
        assert ours[key] == value, key
        if isinstance(value, dict):
            assert list(ours[key].items()) == list(value.items()), key  # the same order
    assert len(ours["charWidths"]) > 30_000 and len(ours["glyphPos"]) == ours["numGlyphs"] + 1
    assert ours["charWidths"][0xA0] == ours["charWidths"][0x20]
    assert fast.face._pdfScale(1000) == usual.face._pdfScale(1000)
    # the font around the face: reportlab's attributes, its own widths of any text
    assert {k: v for k, v in fast.__dict__.items() if k not in (
        "face", "fontName", "state", "remembered_widths", "encoding")} == {
        k: v for k, v in usual.__dict__.items() if k not in ("face", "fontName", "state",
                                                              "encoding")}
    for text in (TEXT, "军舰\u00a0港口", "harbour 1200.50"):
        assert fast.stringWidth(text, 9.5) == usual.stringWidth(text, 9.5)


def test_the_garbage_collector_runs_less_often_during_an_export_and_as_before_after(
        journal: Any, tmp_path: Any) -> None:
    """A 1,000-entry export ran the cyclic collector ≈ 300 times (three full collections over
    every object of the process): during an export the youngest generation waits for 10,000
    allocations; the process's thresholds are back afterwards, also after a failed export."""
    import gc
    from datetime import datetime, timedelta, timezone

    from journal.core.errors import ExportError
    from journal.core.models import EntryDraft
    from journal.core.report import ReportOptions, build_pdf

    tz = timezone(timedelta(hours=8))
    for i in range(60):
        journal.add_entry(EntryDraft(kind="contact", summary=TEXT[: 20 + i], details=TEXT,
                                     occurred_at=datetime(2024, 1, 1, tzinfo=tz) + timedelta(days=i)))
    before = gc.get_threshold()
    assert before[0] < 10_000
    seen: list[tuple[int, int, int]] = []
    collections = [0]

    def counted(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections[0] += 1

    gc.callbacks.append(counted)
    try:
        build_pdf(journal, tmp_path / "r.pdf", ReportOptions(lang="zh"),
                  lambda done, total: seen.append(gc.get_threshold()))
    finally:
        gc.callbacks.remove(counted)
    assert collections[0] <= 20  # (126 with Python's thresholds for this report; 9 measured)
    assert seen and all(t[0] == 10_000 and t[1:] == before[1:] for t in seen)
    assert gc.get_threshold() == before

    def fails(done: int, total: int) -> None:
        assert gc.get_threshold()[0] == 10_000
        raise RuntimeError("layout failed")

    with pytest.raises(ExportError):
        build_pdf(journal, tmp_path / "r2.pdf", ReportOptions(lang="zh"), fails)
    assert gc.get_threshold() == before


def _broken(p: Any, made: Any) -> Any:
    """Everything breaking lines leaves: the lines (every attribute, every word fragment's), the
    fragment words the paragraph keeps for splitting, the widest line."""
    def frag(f: Any) -> list[tuple[str, Any]]:
        return sorted((k, repr(v)) for k, v in f.__dict__.items())

    lines = [(sorted((k, repr(v)) for k, v in line.__dict__.items() if k != "words"),
              [frag(w) for w in line.words]) for line in made.lines]
    words = [(type(w).__name__, w[0], [(frag(f), t) for f, t in w[1:]]) if isinstance(w, list)
             else frag(w) for w in p.frags]
    return made.kind, lines, words, getattr(p, "_width_max", None), p.height


def test_plain_lines_that_fit_are_broken_as_reportlab_breaks_them_without_its_loop(
        styles: Styles, monkeypatch: pytest.MonkeyPatch) -> None:
    """A pasted chat (lines of plain text, mostly Latin) whose lines each fit: its lines are
    made without reportlab's general loop, and are exactly reportlab's (lines, fragments,
    fragment words, widths); a line too wide for its room (wrapped, spaces shrunk, a word
    split) and anything else go reportlab's way."""
    import random

    from reportlab.platypus.paragraph import Paragraph as RLParagraph

    rnd = random.Random(17)
    pool = ["She asked me to photograph the ships in the harbour this weekend.",
            "The pay arrived on time again, more than last week.", "OK", "Me: 好的 see you",
            ("He wants to move the chat to Telegram. Told me not to tell my teacher or my parents "
             "about the job, and offered to pay my rent if I moved closer to the naval base."),
            "https://example.com/a-very-long-link-without-any-spaces-at-all-" + "x" * 90,
            "1200.50 CNY, 300 USD"]
    fitting = [t for t in pool if len(t) < 80]
    texts = ["\n".join(f"09:{i:02d} {rnd.choice(['Me', '他', 'Zhang'])}: "
                       f"{rnd.choice(pool if n % 3 == 0 else fitting)}"
                       for i in range(rnd.randint(2, 30))) for n in range(30)]
    texts += ["a\nb", "one line\nand another one", "short\n" + pool[4], pool[0] + "\n" + pool[1]]
    reportlab_calls = [0]
    real = RLParagraph.breakLines

    def counted(self: Any, width: Any) -> Any:
        reportlab_calls[0] += 1
        return real(self, width)

    monkeypatch.setattr(RLParagraph, "breakLines", counted)
    fast = 0
    for style in (styles.details, styles.small):
        for text in texts:
            for widths in ([FRAME_W - 8, FRAME_W - 8], [FRAME_W / 2 - 20, FRAME_W / 2],
                           [300.0, 320.5]):
                ours, theirs = styles.paragraph(text, style), styles.paragraph(text, style)
                assert ours.plain_lines and ours.style.wordWrap is None
                before = reportlab_calls[0]
                made = ours.breakLines(list(widths))
                fast += reportlab_calls[0] == before
                assert _broken(ours, made) == _broken(theirs, real(theirs, list(widths))), text
    assert 80 < fast < len(texts) * 6 - 40  # most fit; the others went reportlab's way
    # split over two pages (its parts keep the fragment words): the same parts as reportlab's,
    # and their lines made here too
    for text, fits in (("\n".join(pool[:4] * 6), True), ("\n".join(pool * 3), False)):
        ours, theirs = (styles.paragraph(text, styles.details),
                        styles.paragraph(text, styles.details))
        theirs.plain_lines = False  # reportlab's own breaking, its parts' too
        assert ours.wrap(FRAME_W, 800) == theirs.wrap(FRAME_W, 800)
        ours_parts, theirs_parts = ours.split(FRAME_W, 100), theirs.split(FRAME_W, 100)
        assert len(ours_parts) == len(theirs_parts) == 2
        for a, b in zip(ours_parts, theirs_parts):
            before = reportlab_calls[0]
            size = a.wrap(FRAME_W, 800)
            assert a.plain_lines and (reportlab_calls[0] == before) == fits
            assert size == b.wrap(FRAME_W, 800)
            assert _broken(a, a.blPara) == _broken(b, b.blPara)


def test_chinese_plain_lines_that_fit_are_broken_as_reportlab_breaks_them(
        styles: Styles, monkeypatch: pytest.MonkeyPatch) -> None:
    """A pasted Chinese chat whose lines each fit: its lines are made without an object per
    character, and are exactly reportlab's (every attribute of every line and fragment); a
    line that wraps goes reportlab's way."""
    import random

    from reportlab.platypus.paragraph import Paragraph as RLParagraph

    rnd = random.Random(18)
    pool = ["他说这是一份很轻松的兼职，只要拍一些照片就行。", "今天让我去港口拍军舰，我没有答应。", "好",
            "照片要拍清楚船身上的编号 No. 17。", "对方说报酬会按时打到我的微信上。" * 4,
            "我已经拨打了12339，把情况讲清楚了。"]
    fitting = [t for t in pool if len(t) < 40]
    texts = ["\n".join(f"09:{i:02d} {rnd.choice(['我', '他', '张总'])}：{rnd.choice(pool if n % 3 == 0 else fitting)}"
                       for i in range(rnd.randint(2, 30))) for n in range(30)]
    texts += ["军舰\n港口", "好\n" + pool[4]]
    reportlab_calls = [0]
    real = RLParagraph.breakLinesCJK

    def counted(self: Any, widths: Any) -> Any:
        reportlab_calls[0] += 1
        return real(self, widths)

    monkeypatch.setattr(RLParagraph, "breakLinesCJK", counted)
    fast = 0
    for style in (styles.details, styles.small):
        for text in texts:
            for widths in ([FRAME_W - 8, FRAME_W - 8], [250.0, 270.5]):
                ours = styles.paragraph(text, styles.for_text(style, text))
                theirs = styles.paragraph(text, styles.for_text(style, text))
                assert ours.plain_lines and ours.style.wordWrap == "CJK"
                if len(text) % 2:  # line breaks holding a space (as some in a report do)
                    for f in ours.frags[1::2] + theirs.frags[1::2]:
                        f.text = " "
                before = reportlab_calls[0]
                made = ours.breakLinesCJK(list(widths))
                fast += reportlab_calls[0] == before
                assert _broken(ours, made) == _broken(theirs, real(theirs, list(widths))), text
    assert 40 < fast < len(texts) * 4 - 20  # most fit; the others went reportlab's way
    # on a page: the same height and the same parts when split
    text = "\n".join(fitting * 5)
    ours = styles.paragraph(text, styles.for_text(styles.details, text))
    theirs = styles.paragraph(text, styles.for_text(styles.details, text))
    theirs.plain_lines = False
    assert ours.wrap(FRAME_W, 800) == theirs.wrap(FRAME_W, 800)
    for a, b in zip(ours.split(FRAME_W, 100), theirs.split(FRAME_W, 100), strict=True):
        assert a.wrap(FRAME_W, 800) == b.wrap(FRAME_W, 800)
        assert _broken(a, a.blPara) == _broken(b, b.blPara)


def test_a_text_drawn_again_in_a_document_is_split_into_subsets_once(styles: Styles) -> None:
    """Bullets, labels, names and dates are drawn thousands of times: once every character of
    a text has its code in a document, its runs are remembered for that document (the same
    runs as reportlab's own method), and a text with a character new to it is not."""
    from reportlab.pdfbase.ttfonts import TTFont

    font = pdfmetrics.getFont(FONT_NAME)
    doc, other = type("Doc", (), {})(), type("Doc", (), {})()
    many = "".join(chr(c) for c in range(0x4E00, 0x4E00 + 600))
    font.splitString(many, doc)  # codes given in this document, over three subsets
    for text in ("–", "张总", many[250:270], "Jason Lee 记录于 2024年1月5日", many[200:400]):
        font.splitString(text, doc)  # (any character still without a code gets it)
        first = font.splitString(text, doc)
        assert font.splitString(text, doc) is first
        assert first == TTFont.splitString(font, text, doc)
        assert font.splitString(text, other) is not first  # another document: its own codes
    longer = many[:201]  # longer texts (a paragraph's, once per line) are not remembered
    assert font.splitString(longer, doc) is not font.splitString(longer, doc)
    unseen = "从未出现过的字"
    coded = font.splitString(unseen, doc)  # reportlab's way: its characters get their codes
    again = font.splitString(unseen, doc)
    assert again == coded and again is not coded and font.splitString(unseen, doc) is again
