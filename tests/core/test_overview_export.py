"""The overview on paper: the PDF cover (read back with pdftotext), the people section's handles
by app (masked in the redacted report), and the SVG file."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest

from journal.core.errors import ExportError, InputError
from journal.core.models import Handle
from journal.core.overview.export import export_overview
from journal.core.report.options import ReportOptions
from journal.core.report.pdf import build_pdf


def _cases() -> Any:
    import importlib.util
    import sys

    name = "signs_cases_for_overview"
    if name in sys.modules:
        return sys.modules[name]
    path = Path(__file__).resolve().parent / "test_signs_cases.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


cases = _cases()


def page_text(pdf: Path, first: int, last: int | None = None) -> str:
    cmd = ["pdftotext", "-f", str(first), "-l", str(last or first), str(pdf), "-"]
    return subprocess.run(cmd, capture_output=True, check=True).stdout.decode("utf-8")


def flat(text: str) -> str:
    return "".join(text.split())


@pytest.fixture
def liu(journal: Any) -> dict[str, str]:
    ids = cases.build_in_journal(journal, cases.LIU)
    journal.update_person(ids["xm"], handles=[Handle("wechat", "xm_sea_2024"),
                                              Handle("telegram", "@harbour_xm"),
                                              Handle("wechat", "xm_backup_88")])
    return ids


def test_cover_page_carries_the_picture_and_the_narrative_in_english(
        journal: Any, liu: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    build_pdf(journal, out, ReportOptions(lang="en", include_attachments=False))
    cover = page_text(out, 1)
    for text in ("The case at a glance", "Contacts", "Requests", "Money and gifts",
                 "Warning signs", "→ Telegram", "12,100 CNY", "military or government",
                 "A relationship that became intimate very fast (2024-03-04)"):
        assert flat(text) in flat(cover), text
    # the narrative paragraph (the text of `export text`) is there too
    assert flat("What I was asked to do") in flat(cover)


def test_cover_page_in_chinese_uses_the_embedded_font(journal: Any, liu: dict[str, str],
                                                     tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    build_pdf(journal, out, ReportOptions(lang="zh", include_attachments=False))
    cover = flat(page_text(out, 1))
    for text in ("案情一览", "联系", "要求", "钱款与礼物", "警示信号", "军事或政府目标",
                 "关系在很短时间内变得亲密（2024年3月4日）", "对方要求我做的事"):
        assert flat(text) in cover, text
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, check=True, text=True)
    rows = [line.split()[0] for line in fonts.stdout.splitlines()[2:] if line.strip()]
    assert rows and all("+WenQuanYiMicroHei" in name for name in rows), rows  # embedded only


def test_people_section_lists_handles_by_app(journal: Any, liu: dict[str, str],
                                             tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    build_pdf(journal, out, ReportOptions(lang="en", include_attachments=False))
    text = flat(page_text(out, 1, 30))
    assert flat("WeChat: xm_sea_2024, xm_backup_88") in text
    assert flat("Telegram: @harbour_xm") in text


def test_redacted_report_masks_handles_on_the_cover_and_in_people(
        journal: Any, liu: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    build_pdf(journal, out, ReportOptions(lang="en", redact=True, include_attachments=False))
    text = page_text(out, 1, 30)
    for secret in ("xm_sea_2024", "xm_backup_88", "harbour_xm"):
        assert secret not in text
    assert flat("WeChat: •••, •••") in flat(text)


def test_svg_export_holds_the_same_picture_with_chinese_labels(
        journal: Any, liu: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "case.svg"
    data = export_overview(journal, out, "zh")
    svg = out.read_text("utf-8")
    assert svg.startswith("<?xml") and "<svg" in svg
    for text in ("钱款与礼物", "警示信号", "→ Telegram", "12,100 CNY"):
        assert text in svg
    assert len(data.signs) >= 9


def test_export_refuses_other_formats_and_a_journal_file(journal: Any, liu: dict[str, str],
                                                         tmp_path: Path) -> None:
    with pytest.raises(InputError) as bad:
        export_overview(journal, tmp_path / "case.jpg", "zh")
    assert bad.value.message("zh") == "请选择以 .png 或 .svg 结尾的文件名（而不是“case.jpg”）。"
    looks_like_journal = tmp_path / "old.svg"
    looks_like_journal.write_bytes(Path(journal.path).read_bytes()[:64])
    with pytest.raises(InputError) as refused:
        export_overview(journal, looks_like_journal, "en")
    assert refused.value.key == "error.output_is_a_journal"  # the one output-path check
    assert looks_like_journal.read_bytes() == Path(journal.path).read_bytes()[:64]
    with pytest.raises(ExportError):
        export_overview(journal, tmp_path / "case.png", "en")  # no raster painter given
    assert not (tmp_path / "case.png").exists()
