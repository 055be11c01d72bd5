"""What the 1,000-entry PDF's speed rests on (tests/benchmarks/bench_pdf.py measures the time):
a paragraph's lines are broken once per width, and line breaking reads the bundled face's widths
without a font lookup per word. Both must give exactly what reportlab gives without them."""

from __future__ import annotations

from typing import Any

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Paragraph, paragraph

from journal.core.report.fonts import FONT_NAME, register_font
from journal.core.report.layout import FRAME_W, Styles, para

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
    # one subset, every character known: no per-character Python loop; several subsets or a
    # no-break space (drawn as a space): reportlab's own way
    slow = [t for t in samples if len(reference[t]) > 1 or "\u00a0" in t]
    assert calls[0] == len(slow) < len(samples) - 3
    assert any(len(r) == 1 and r[0][0] > 0 for r in reference.values())  # a later subset alone
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
