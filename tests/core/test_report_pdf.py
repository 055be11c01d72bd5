"""The PDF report, read back with pypdf and poppler (pdftotext, pdffonts, pdftoppm).

A realistic journal of a few weeks (a student drawn from a paid photo job toward naval ships),
written in English or Chinese, with pictures made in memory.
"""

from __future__ import annotations

import io
import itertools
import shutil
import subprocess
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from journal.core.errors import ExportError, InputError
from journal.core.models import EntryDraft, Handle
from journal.core.report import ReportOptions, build_pdf

TZ = timezone(timedelta(hours=8))
PHONE = "13812345678"
EMAIL = "minmin.sea@example.com"
WECHAT = "xm_harbour2024"
TELEGRAM = "@seabird_min"

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils missing"
)


# --------------------------------------------------------------------------------------------
# pictures made in memory
def chat_screenshot(lines: list[tuple[bool, str]], title: str = "Xiao Min") -> bytes:
    """A fake phone chat screenshot (PNG bytes): (from_me, text) bubbles."""
    from PIL import Image, ImageDraw, ImageFont

    from journal.core import paths

    width, height = 540, 960
    img = Image.new("RGB", (width, height), (237, 237, 237))
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(str(paths.font_path()), 22, index=0)
    small = ImageFont.truetype(str(paths.font_path()), 26, index=0)
    draw.rectangle([0, 0, width, 80], fill=(247, 247, 247))
    draw.text((width // 2, 42), title, font=small, fill=(20, 20, 20), anchor="mm")
    y = 110
    for mine, text in lines:
        wrapped: list[str] = []
        line = ""
        for ch in text:
            if draw.textlength(line + ch, font=font) > 330:
                wrapped.append(line)
                line = ""
            line += ch
        wrapped.append(line)
        h = 34 * len(wrapped) + 20
        w = max(draw.textlength(s, font=font) for s in wrapped) + 30
        x0 = width - 90 - w if mine else 90
        draw.rectangle(
            [20 if not mine else width - 75, y, 75 if not mine else width - 20, y + 55],
            fill=(120, 160, 210) if not mine else (160, 200, 140),
        )
        draw.rounded_rectangle(
            [x0, y, x0 + w, y + h], radius=10, fill=(149, 236, 105) if mine else (255, 255, 255)
        )
        for i, s in enumerate(wrapped):
            draw.text((x0 + 15, y + 10 + 34 * i), s, font=font, fill=(20, 20, 20))
        y += h + 26
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def harbour_photo() -> bytes:
    """A JPEG "photo": sky, sea and a grey ship silhouette."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (1600, 1000), (150, 190, 230))
    draw = ImageDraw.Draw(img)
    draw.rectangle([0, 600, 1600, 1000], fill=(40, 90, 140))
    draw.polygon([(300, 600), (1300, 600), (1200, 700), (400, 700)], fill=(90, 95, 100))
    draw.rectangle([700, 480, 850, 600], fill=(110, 115, 120))
    draw.rectangle([760, 400, 780, 480], fill=(80, 80, 80))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=85)
    return buf.getvalue()


# --------------------------------------------------------------------------------------------
# a realistic journal
CASE = {
    "en": {
        "min": {
            "name": "Xiao Min",
            "aliases": ["Min", "Sea bird"],
            "role": "Editor",
            "organisation": "“Coastal Life” travel magazine",
            "platform": "Social app (dating)",
            "notes": f"Says she lives in Hong Kong. Never agreed to a video call. Email {EMAIL}.",
        },
        "zhang": {
            "name": "Director Zhang",
            "role": "Director",
            "organisation": "Blue Ocean Survey Co.",
            "platform": "Job-hunting app",
        },
        "entries": [
            (
                "contact",
                0,
                "Xiao Min added me after we matched on the social app",
                "She said she liked my photos of the harbour. We chatted every evening.",
                {},
            ),
            (
                "contact",
                3,
                "She says I am 'special' and calls me every night",
                "After three days she already talks about visiting me and about our future.",
                {},
            ),
            (
                "request",
                5,
                "Part-time job: photograph tourists and yachts at the port",
                f"She says her magazine needs 'real life' pictures. 300 yuan per shift. Her WeChat is {WECHAT}.",
                {
                    "task": "Photograph tourists and yachts",
                    "target": "Marina at the old port",
                    "status": "done",
                    "amount": Decimal(300),
                    "currency": "CNY",
                },
            ),
            (
                "payment",
                6,
                "Paid for the first shift",
                "Paid within an hour of sending the photos.",
                {
                    "amount": Decimal(300),
                    "currency": "CNY",
                    "method": "wechat",
                    "direction": "received",
                },
            ),
            (
                "payment",
                9,
                "Paid for the second shift",
                "",
                {
                    "amount": Decimal("450.50"),
                    "currency": "CNY",
                    "method": "wechat",
                    "direction": "received",
                },
            ),
            (
                "request",
                14,
                "She asks for photos of grey navy ships at the north pier",
                (
                    "She wants the arrivals and departures, with the time, and the numbers on the hulls. "
                    f"She will pay 2,000 yuan a week. If I lose signal I should call {PHONE}."
                ),
                {
                    "task": "Photograph the arrival and departure of naval ships",
                    "target": "North pier, naval area",
                    "status": "refused",
                    "amount": Decimal(2000),
                    "currency": "CNY",
                },
            ),
            (
                "contact",
                15,
                "She wants to move our chats to Telegram and use code words",
                f"Her Telegram is {TELEGRAM}. Ships are to be called 'fish'. Delete the WeChat chats, tell nobody.",
                {"medium": "chat", "initiated_by": "them"},
            ),
            (
                "gift",
                17,
                "A new phone arrived by courier",
                "She says it is 'for the job' and I must use only it.",
                {"item": "Mobile phone", "value": Decimal(3299), "currency": "CNY"},
            ),
            (
                "gift",
                19,
                "An electric scooter to reach the pier faster",
                "",
                {"item": "Electric scooter", "value": Decimal(2400), "currency": "CNY"},
            ),
            (
                "payment",
                20,
                "She promised to pay my rent near the naval base",
                "One flat with a window on the base. She would pay 3 months in advance.",
                {
                    "amount": Decimal(4500),
                    "currency": "CNY",
                    "method": "bank",
                    "direction": "promised",
                },
            ),
            (
                "payment",
                21,
                "Bonus in US dollars",
                "Sent through a stranger's account.",
                {
                    "amount": Decimal(100),
                    "currency": "USD",
                    "method": "other",
                    "direction": "received",
                },
            ),
            (
                "contact",
                22,
                "Director Zhang offers a marine survey job",
                "He found my CV on the job app. Photos of ships at sea, generous pay.",
                {},
            ),
            (
                "threat",
                24,
                "She says the photos I sent could get me into trouble",
                "If I stop now she will send the photos to my university.",
                {},
            ),
            (
                "report",
                26,
                "Reported to the 12339 hotline with my counsellor",
                "My counsellor Ms Chen came with me. They asked me to keep everything.",
                {
                    "reported_to": "hotline_12339",
                    "reference": "A-2024-0315",
                    "officer": "Officer on duty",
                },
            ),
        ],
        "chat": [
            (False, "Hi! Can you go to the north pier tomorrow morning?"),
            (True, "What for?"),
            (False, "Just photos of the grey ships. 2,000 a week."),
            (False, "Let's talk on Telegram from now on. Call them 'fish'."),
        ],
    },
    "zh": {
        "min": {
            "name": "小敏",
            "aliases": ["敏敏", "海鸟"],
            "role": "编辑",
            "organisation": "《海岸生活》旅游杂志",
            "platform": "社交软件（交友）",
            "notes": f"说自己住在香港，从不肯视频通话。邮箱 {EMAIL}。",
        },
        "zhang": {
            "name": "张总监",
            "role": "总监",
            "organisation": "蓝海调查公司",
            "platform": "求职软件",
        },
        "entries": [
            (
                "contact",
                0,
                "在社交软件上配对后，小敏主动加我好友",
                "她说喜欢我拍的港口照片，之后每天晚上聊天。",
                {},
            ),
            (
                "contact",
                3,
                "她说我很“特别”，每晚都打电话",
                "认识才三天，她就说要来看我，还谈到我们的将来。",
                {},
            ),
            (
                "request",
                5,
                "兼职：在港口拍游客和游艇",
                f"她说杂志需要“真实生活”的照片，每班 300 元。她的微信号是 {WECHAT}。",
                {
                    "task": "拍摄游客和游艇",
                    "target": "老港区游艇码头",
                    "status": "done",
                    "amount": Decimal(300),
                    "currency": "CNY",
                },
            ),
            (
                "payment",
                6,
                "第一班的报酬到账",
                "发完照片不到一小时就付款了。",
                {
                    "amount": Decimal(300),
                    "currency": "CNY",
                    "method": "wechat",
                    "direction": "received",
                },
            ),
            (
                "payment",
                9,
                "第二班的报酬",
                "",
                {
                    "amount": Decimal("450.50"),
                    "currency": "CNY",
                    "method": "wechat",
                    "direction": "received",
                },
            ),
            (
                "request",
                14,
                "她要我去北码头拍灰色的军舰",
                f"要拍军舰进出港的时间和舷号，每周付 2000 元。她说联系不上就打 {PHONE}。",
                {
                    "task": "拍摄军舰进出港",
                    "target": "北码头军事区域",
                    "status": "refused",
                    "amount": Decimal(2000),
                    "currency": "CNY",
                },
            ),
            (
                "contact",
                15,
                "她要我改用 Telegram 联系，并使用暗语",
                f"她的 Telegram 是 {TELEGRAM}。军舰要说成“鱼”。让我删掉微信聊天记录，不要告诉任何人。",
                {"medium": "chat", "initiated_by": "them"},
            ),
            (
                "gift",
                17,
                "快递送来一部新手机",
                "她说这是“工作用的”，以后只能用这部手机联系。",
                {"item": "手机", "value": Decimal(3299), "currency": "CNY"},
            ),
            (
                "gift",
                19,
                "送了一辆电动车，方便去码头",
                "",
                {"item": "电动车", "value": Decimal(2400), "currency": "CNY"},
            ),
            (
                "payment",
                20,
                "她答应替我付军港附近的房租",
                "房子的窗户正对着军港，她说可以预付三个月。",
                {
                    "amount": Decimal(4500),
                    "currency": "CNY",
                    "method": "bank",
                    "direction": "promised",
                },
            ),
            (
                "payment",
                21,
                "一笔美元奖金",
                "通过一个陌生人的账户转来。",
                {
                    "amount": Decimal(100),
                    "currency": "USD",
                    "method": "other",
                    "direction": "received",
                },
            ),
            (
                "contact",
                22,
                "张总监提供海洋调查兼职",
                "他在求职软件上看到我的简历，让我拍海上的船只，报酬很高。",
                {},
            ),
            (
                "threat",
                24,
                "她说我发过的照片会给我惹麻烦",
                "如果我现在停下来，她就把照片发给我的学校。",
                {},
            ),
            (
                "report",
                26,
                "在辅导员陪同下拨打 12339 举报",
                "陈老师陪我一起去的。工作人员让我保留所有材料。",
                {"reported_to": "hotline_12339", "reference": "A-2024-0315", "officer": "值班人员"},
            ),
        ],
        "chat": [
            (False, "明天早上能去北码头吗？"),
            (True, "去干什么？"),
            (False, "拍一下灰色的船就行，一周两千。"),
            (False, "以后我们用 Telegram 联系，船就说“鱼”。"),
        ],
    },
}

START = datetime(2024, 2, 19, 20, 15, tzinfo=TZ)


def build_case(journal: Any, lang: str = "en") -> dict[str, Any]:
    """Fill ``journal`` with the case; return ids of interest."""
    case = CASE[lang]
    xm = journal.add_person(
        **case["min"],
        handles=[
            Handle("wechat", WECHAT),
            Handle("telegram", TELEGRAM),
            Handle("phone", PHONE),
            Handle("email", EMAIL),
        ],
    )
    zhang = journal.add_person(**case["zhang"], handles=[Handle("qq", "99887766")])
    ids = []
    for kind, day, summary, details, extra in case["entries"]:
        who = [zhang.id] if "Zhang" in summary or "张" in summary else [xm.id]
        precision = "approximate" if day == 3 else ("day" if kind in ("gift",) else "exact")
        entry = journal.add_entry(
            EntryDraft(
                kind=kind,
                summary=summary,
                details=details,
                occurred_at=START + timedelta(days=day, hours=day % 5),
                precision=precision,
                persons=who,
                channel="WeChat" if lang == "en" else "微信",
                **extra,
            )
        )
        ids.append(entry.id)
    journal.add_attachment(
        entry_id=ids[5],
        data=chat_screenshot(case["chat"], case["min"]["name"]),
        filename="chat-north-pier.png",
        caption="Screenshot of the chat" if lang == "en" else "聊天截图",
    )
    journal.add_attachment(entry_id=ids[2], data=harbour_photo(), filename="marina.jpg")
    journal.add_attachment(
        entry_id=ids[7], data=b"%PDF-1.4 not really a picture", filename="receipt.pdf"
    )
    return {"xm": xm.id, "zhang": zhang.id, "entries": ids}


# --------------------------------------------------------------------------------------------
def pdftotext(path: Path, password: str | None = None) -> str:
    cmd = ["pdftotext", "-layout"]
    if password:
        cmd += ["-upw", password]
    out = subprocess.run([*cmd, str(path), "-"], capture_output=True, check=True)
    return out.stdout.decode("utf-8")


def pypdf_text(path: Path, password: str | None = None) -> str:
    reader = PdfReader(str(path))
    if password is not None:
        assert reader.decrypt(password) != 0
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def flat(text: str) -> str:
    return "".join(text.split())


HEADINGS = {
    "en": [
        "Warning signs",
        "People involved",
        "Timeline",
        "Requests",
        "Payments",
        "Gifts",
        "Attachments",
        "Integrity of this record",
        "Where to report and what to bring",
    ],
    "zh": [
        "警示信号",
        "涉及人物",
        "时间线",
        "对方提出的要求",
        "钱款往来",
        "礼物",
        "附件",
        "记录的完整性",
        "如何举报、需要带什么",
    ],
}


@needs_poppler
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_report_in_each_language(journal: Any, tmp_path: Path, lang: str) -> None:
    build_case(journal, lang)
    out = tmp_path / f"report-{lang}.pdf"
    stats = build_pdf(journal, out, ReportOptions(lang=lang, prepared_by="Liu Yang"))
    assert out.read_bytes().startswith(b"%PDF")
    text = flat(pdftotext(out))
    other = "zh" if lang == "en" else "en"
    for heading in HEADINGS[lang]:
        assert flat(heading) in text, heading
    for heading in HEADINGS[other]:
        if heading in ("Attachments", "Gifts", "Timeline", "Requests", "Payments", "附件", "礼物"):
            assert flat(heading) not in text.replace("Telegram", ""), heading
    assert stats.entries == 14 and stats.persons == 2
    assert stats.attachments == 3 and stats.images == 2
    assert stats.pages == len(PdfReader(str(out)).pages) >= 5
    # page x of y on every page
    assert flat("Page 1 of " if lang == "en" else "第 1 页，共 ") in text
    # Chinese text extracts exactly (pypdf too)
    if lang == "zh":
        assert "她要我改用Telegram联系，并使用暗语" in text
        assert "在辅导员陪同下拨打12339举报" in flat(pypdf_text(out))
    # totals per currency: 300 + 450.50 received CNY, 100 USD, 4,500 promised, gifts 5,699
    assert "750.50CNY" in text and "100.00USD" in text
    assert "4,500.00CNY" in text and "5,699.00CNY" in text and "2,300.00CNY" in text
    # the integrity page carries the head hash
    assert journal.head_hash() in text


@needs_poppler
def test_font_is_embedded_subset(journal: Any, tmp_path: Path) -> None:
    build_case(journal, "zh")
    out = tmp_path / "r.pdf"
    build_pdf(journal, out, ReportOptions(lang="zh"))
    fonts = subprocess.run(
        ["pdffonts", str(out)], capture_output=True, text=True, check=True
    ).stdout
    rows = [line for line in fonts.splitlines()[2:] if line.strip()]
    assert rows, fonts
    for line in rows:
        cols = line.split()
        # name type encoding emb sub uni object ID
        assert "+WenQuanYiMicroHei" in cols[0], line
        assert cols[-5] == "yes" and cols[-4] == "yes", line  # embedded, subset


@needs_poppler
def test_redaction_masks_handles_phones_and_emails(journal: Any, tmp_path: Path) -> None:
    build_case(journal, "en")
    out = tmp_path / "masked.pdf"
    stats = build_pdf(journal, out, ReportOptions(lang="en", redact=True))
    text = pdftotext(out) + pypdf_text(out)
    for secret in (PHONE, EMAIL, WECHAT, TELEGRAM, TELEGRAM[1:], "99887766", "minmin.sea"):
        assert secret not in text, secret
    assert "138****5678" in text
    assert "Masked copy" in text
    assert "#1 2024-02-19 20:15" in text  # dates are not taken for phone numbers
    assert stats.images == 0  # pictures may show handles: not drawn in a masked copy
    # the unmasked report does show them
    plain = tmp_path / "plain.pdf"
    build_pdf(journal, plain, ReportOptions(lang="en"))
    plain_text = pdftotext(plain)
    assert PHONE in plain_text and WECHAT in plain_text


def test_password_protection(journal: Any, tmp_path: Path) -> None:
    build_case(journal, "en")
    out = tmp_path / "locked.pdf"
    stats = build_pdf(journal, out, ReportOptions(lang="en", password="学校 2024 secret"))
    assert stats.encrypted
    reader = PdfReader(str(out))
    assert reader.is_encrypted
    assert reader.decrypt("wrong") == 0
    with pytest.raises(Exception):  # noqa: B017 - pypdf's error class differs between versions
        reader.pages[0].extract_text()
    reader = PdfReader(str(out))
    assert reader.decrypt("学校 2024 secret") != 0
    assert "Record of suspicious contacts" in reader.pages[0].extract_text()
    assert "/AESV3" in str(reader.trailer["/Encrypt"].get_object())  # AES-256
    if shutil.which("pdftotext"):
        assert "Timeline" in pdftotext(out, "学校 2024 secret")
        bad = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, check=False)
        assert bad.returncode != 0


def test_empty_password_refused_and_nothing_written(journal: Any, tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    with pytest.raises(InputError) as info:
        build_pdf(journal, out, ReportOptions(password=""))
    assert info.value.field == "password"
    assert "password" in info.value.message("en").lower() and "密码" in info.value.message("zh")
    assert not out.exists()


def test_unwritable_path_gives_clear_error(journal: Any, tmp_path: Path) -> None:
    with pytest.raises(ExportError) as info:
        build_pdf(journal, tmp_path / "no-such-folder" / "r.pdf", ReportOptions())
    assert "Cannot write" in info.value.message("en") and "无法写入" in info.value.message("zh")
    with pytest.raises(ExportError):
        build_pdf(journal, tmp_path, ReportOptions())  # a folder, not a file
    with pytest.raises(InputError):
        build_pdf(journal, journal.path, ReportOptions())  # never over the journal itself
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        import os

        if os.access(locked, os.W_OK):
            pytest.skip("running as a user who can write anywhere")
        with pytest.raises(ExportError):
            build_pdf(journal, locked / "r.pdf", ReportOptions())
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)


def test_atomic_write_replaces_the_old_file_and_leaves_no_temp_file(journal: Any,
                                                                    tmp_path: Path) -> None:
    import os

    build_case(journal, "en")
    out = tmp_path / "r.pdf"
    out.write_bytes(b"old")
    before = sorted(p.name for p in tmp_path.iterdir())
    old_inode = out.stat().st_ino
    build_pdf(journal, out, ReportOptions())
    assert out.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no temp file left beside it
    # a new file renamed into place (the old one was never opened for writing and truncated)
    assert os.stat(out).st_ino != old_inode


def test_failed_export_keeps_the_old_file_and_leaves_no_temp_file(journal: Any,
                                                                   tmp_path: Path) -> None:
    build_case(journal, "en")
    out = tmp_path / "r.pdf"
    out.write_bytes(b"old")
    before = sorted(p.name for p in tmp_path.iterdir())

    def stop(done: int, total: int) -> None:
        if done == total:  # the very last step: everything laid out, nothing written yet
            raise RuntimeError("stopped")

    with pytest.raises(ExportError):
        build_pdf(journal, out, ReportOptions(), progress=stop)
    assert out.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == before


@needs_poppler
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_warning_signs_section_lists_each_sign_with_its_title_and_level(
        journal: Any, tmp_path: Path, lang: str) -> None:
    from journal.core.report.texts import tr
    from journal.core.signs import PRESENT, evaluate_journal

    build_case(journal, lang)
    expected = [r for r in evaluate_journal(journal) if r.evidence]
    assert "WS-PHOTO-TASK" in {r.id for r in expected}  # the case is about a paid photo job
    out = tmp_path / "signs.pdf"
    stats = build_pdf(journal, out, ReportOptions(lang=lang))
    assert stats.signs == len(expected)
    text = flat(pdftotext(out))
    # from the section's heading and introduction to the next section's heading
    start = text.index(flat(HEADINGS[lang][0]) + flat(tr("report.signs.intro", lang))[:12])
    signs_part = text[start:text.index(flat(HEADINGS[lang][1]), start)]
    for result in expected:
        assert flat(result.title(lang)) in signs_part, result.id
        assert (result.id in signs_part) == (lang == "en")  # no rule codes in the Chinese report
    level = {"en": "present", "zh": "已出现"}[lang]  # the glossary word (core/glossary.py)
    assert any(r.level == PRESENT for r in expected) and level in signs_part


def test_a_failing_warning_sign_rule_stops_the_report_with_an_error(
        journal: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from journal.core.signs import fastrules, rules

    def broken(*args: Any) -> Any:  # (the reference's rule takes one, the fast one two)
        raise ZeroDivisionError("a rule with a bug")

    build_case(journal, "en")
    monkeypatch.setattr(rules, "pressure", broken)  # the reference (text of a read-only journal)
    monkeypatch.setattr(fastrules, "pressure", broken)  # from the stored facts
    out = tmp_path / "r.pdf"
    with pytest.raises(ExportError) as info:
        build_pdf(journal, out, ReportOptions())
    assert isinstance(info.value.__cause__, ZeroDivisionError)
    assert not out.exists()


@needs_poppler
def test_non_image_attachment_listed_not_drawn(journal: Any, tmp_path: Path) -> None:
    entry = journal.add_entry(EntryDraft(kind="note", summary="Files she sent", occurred_at=START))
    journal.add_attachment(
        entry_id=entry.id, data=b"\x89PNG\r\n\x1a\n broken", filename="broken.png"
    )
    journal.add_attachment(entry_id=entry.id, data=b"just text", filename="notes.txt")
    good = journal.add_attachment(entry_id=entry.id, data=harbour_photo(), filename="ship.jpg")
    out = tmp_path / "r.pdf"
    stats = build_pdf(journal, out, ReportOptions())
    assert stats.images == 1 and stats.attachments == 3
    assert stats.warnings == ["broken.png"]
    text = pdftotext(out)
    assert "broken.png" in text and "notes.txt" in text and "ship.jpg" in text
    assert "could not be read" in text and "not a picture" in text
    assert good.sha256[:32] in text and good.sha256[32:] in text
    # only one image object in the file
    reader = PdfReader(str(out))
    assert sum(len(page.images) for page in reader.pages) == 1


def test_attachments_left_out(journal: Any, tmp_path: Path) -> None:
    build_case(journal, "en")
    out = tmp_path / "r.pdf"
    stats = build_pdf(journal, out, ReportOptions(include_attachments=False))
    assert stats.images == 0 and stats.attachments == 3
    reader = PdfReader(str(out))
    assert sum(len(page.images) for page in reader.pages) == 0
    assert "marina.jpg" in "\n".join(p.extract_text() for p in reader.pages)


@needs_poppler
def test_very_long_details_split_across_pages(journal: Any, tmp_path: Path) -> None:
    long_en = " ".join(f"word{i}" for i in range(30000))
    long_zh = "她一直让我去码头拍照" * 4000
    unbroken = "x" * 20000
    journal.add_entry(
        EntryDraft(kind="note", summary="Long English", details=long_en, occurred_at=START)
    )
    journal.add_entry(
        EntryDraft(
            kind="note", summary="长中文", details=long_zh, occurred_at=START + timedelta(days=1)
        )
    )
    journal.add_entry(
        EntryDraft(
            kind="request",
            summary="S" * 500,
            details=unbroken,
            task="T" * 5000,
            target="港口" * 2000,
            occurred_at=START + timedelta(days=2),
        )
    )
    for lang in ("en", "zh"):
        out = tmp_path / f"long-{lang}.pdf"
        stats = build_pdf(journal, out, ReportOptions(lang=lang))
        assert stats.pages > 20
        text = flat(pdftotext(out))
        assert "word29999" in text
        assert text.count("她一直让我去码头拍照") >= 3950  # a few are cut by page breaks


@needs_poppler
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_empty_journal_gives_short_valid_report(journal: Any, tmp_path: Path, lang: str) -> None:
    out = tmp_path / "empty.pdf"
    stats = build_pdf(journal, out, ReportOptions(lang=lang))
    assert stats.entries == 0 and 1 <= stats.pages <= 3
    text = flat(pdftotext(out))
    assert flat("Nothing has been recorded yet" if lang == "en" else "还没有任何记录") in text
    assert "12339" in text
    assert flat("Timeline" if lang == "en" else "时间线") not in text


@needs_poppler
def test_filters_by_date_kind_and_person(journal: Any, tmp_path: Path) -> None:
    ids = build_case(journal, "en")
    out = tmp_path / "r.pdf"
    stats = build_pdf(
        journal,
        out,
        ReportOptions(kinds=["payment"], since=date(2024, 2, 25), until=date(2024, 3, 10)),
    )
    assert stats.entries == 3  # days 6, 9 and 20 (day 21 is 11 March)
    text = pdftotext(out)
    assert "Paid for the first shift" in text
    assert "A new phone arrived" not in text
    stats = build_pdf(journal, out, ReportOptions(person_ids=[ids["zhang"]]))
    assert stats.entries == 1 and stats.persons == 1
    text = pdftotext(out)
    assert "Director Zhang" in text and "Xiao Min added me" not in text
    with pytest.raises(InputError):
        build_pdf(journal, out, ReportOptions(kinds=["nonsense"]))
    with pytest.raises(InputError):
        build_pdf(journal, out, ReportOptions(since=date(2024, 3, 1), until=date(2024, 2, 1)))


def test_deleted_entries_are_not_reported(journal: Any, tmp_path: Path) -> None:
    keep = journal.add_entry(EntryDraft(kind="note", summary="kept entry", occurred_at=START))
    gone = journal.add_entry(
        EntryDraft(
            kind="payment",
            summary="deleted payment",
            occurred_at=START,
            amount=Decimal(999),
            currency="EUR",
            direction="received",
            method="cash",
        )
    )
    journal.delete_entry(gone.id)
    out = tmp_path / "r.pdf"
    stats = build_pdf(journal, out, ReportOptions())
    text = pypdf_text(out)
    assert stats.entries == 1 and keep.summary in text
    assert "deleted payment" not in text and "999.00" not in text and "EUR" not in text


@needs_poppler
def test_pages_render(journal: Any, tmp_path: Path) -> None:
    build_case(journal, "zh")
    out = tmp_path / "r.pdf"
    stats = build_pdf(journal, out, ReportOptions(lang="zh"))
    subprocess.run(
        ["pdftoppm", "-png", "-r", "40", str(out), str(tmp_path / "page")],
        check=True,
        capture_output=True,
    )
    pngs = sorted(tmp_path.glob("page*.png"))
    assert len(pngs) == stats.pages
    from PIL import Image

    for png in pngs:
        with Image.open(png) as img:
            assert img.size[0] > 300
            lo, hi = img.convert("L").getextrema()
            assert lo < 180 and hi > 200  # something is drawn on every page


def test_progress_reaches_the_end(journal: Any, tmp_path: Path) -> None:
    build_case(journal, "en")
    seen: list[tuple[int, int]] = []
    build_pdf(
        journal, tmp_path / "r.pdf", ReportOptions(), progress=lambda d, t: seen.append((d, t))
    )
    assert seen and seen[-1][0] == seen[-1][1]
    assert all(b[0] >= a[0] for a, b in itertools.pairwise(seen))
    assert len({t for _, t in seen}) == 1


def test_path_under_a_file_is_refused(journal: Any, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(ExportError) as info:
        build_pdf(journal, blocker / "r.pdf", ReportOptions())
    assert "a-file" in info.value.message("en")


def test_person_photo_is_shown_and_listed(journal: Any, tmp_path: Path) -> None:
    person = journal.add_person("Xiao Min")
    journal.add_entry(
        EntryDraft(kind="contact", summary="first chat", occurred_at=START, persons=[person.id])
    )
    photo = journal.add_attachment(
        person_id=person.id, data=harbour_photo(), filename="profile.jpg"
    )
    out = tmp_path / "r.pdf"
    stats = build_pdf(journal, out, ReportOptions())
    assert stats.attachments == 1 and stats.images == 1
    text = pypdf_text(out)
    assert "profile.jpg" in text and "Picture of Xiao Min" in text and photo.sha256[:32] in text


def test_pictures_reduced_with_and_without_helper_process(journal: Any) -> None:
    from journal.core.report import images

    entry = journal.add_entry(EntryDraft(kind="note", summary="pictures", occurred_at=START))
    atts = [
        journal.add_attachment(entry_id=entry.id, data=harbour_photo(), filename="a.jpg"),
        journal.add_attachment(entry_id=entry.id, data=b"not a picture", filename="b.png"),
        journal.add_attachment(
            entry_id=entry.id, data=chat_screenshot([(True, "hi")]), filename="c.png"
        ),
    ]
    helper = images.start_helper()
    try:
        assert helper is not None
        for used in (helper, None):
            fetcher = images.Prefetcher(journal, atts, helper=used)
            got = [fetcher.get(a.id) for a in atts]
            fetcher.close()
            assert got[1] is None
            assert got[0] is not None and got[0][1:] == (1100, 688)  # reduced, aspect kept
            assert got[2] is not None and got[2][0][:2] == b"\xff\xd8"  # JPEG
    finally:
        if helper is not None:
            helper.close()


def test_pdf_without_helper_prepares_two_pictures_at_once_on_worker_threads(
    journal: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A frozen app has no helper process: the pictures are reduced by two worker threads, never
    by the thread laying out the PDF, at most two decoded at once; a bad one is listed as
    unreadable as before."""
    import threading

    from journal.core.report import images
    from journal.core.report.texts import tr

    monkeypatch.setattr(images, "start_helper", lambda: None)
    original = images.prepare
    both_started = threading.Barrier(2, timeout=30)  # the first two meet: two run at once
    guard = threading.Lock()
    seen: dict[str, Any] = {"threads": set(), "alive": 0, "most": 0, "calls": 0}

    def watched(data: bytes) -> Any:
        with guard:
            seen["threads"].add(threading.current_thread().name)
            seen["alive"] += 1
            seen["most"] = max(seen["most"], seen["alive"])
            seen["calls"] += 1
            first_two = seen["calls"] <= 2
        try:
            if first_two:
                both_started.wait()
            return original(data)
        finally:
            with guard:
                seen["alive"] -= 1

    monkeypatch.setattr(images, "prepare", watched)
    entry = journal.add_entry(EntryDraft(kind="note", summary="pictures", occurred_at=START))
    for i in range(6):
        shot = chat_screenshot([(i % 2 == 0, f"message {i}")])
        journal.add_attachment(entry_id=entry.id, data=shot, filename=f"chat-{i}.png")
    journal.add_attachment(entry_id=entry.id, data=b"not a picture", filename="broken.png")
    out = tmp_path / "r.pdf"
    stats = build_pdf(journal, out, ReportOptions(lang="en"))

    assert seen["calls"] == 7
    assert len(seen["threads"]) == 2
    assert all(name.startswith("report-pictures") for name in seen["threads"])
    assert threading.current_thread().name not in seen["threads"]
    assert seen["most"] == 2  # never more decoded at once than there are workers
    assert stats.images == 6 and stats.warnings == ["broken.png"]
    text = " ".join(pypdf_text(out).split())
    assert "broken.png" in text and tr("report.att.unreadable", "en") in text


def test_picture_helper_process_loads_only_the_picture_code_not_reportlab() -> None:
    """The helper's own start-up code, run to its end (no pictures sent): neither reportlab nor
    the report package is imported in it."""
    import sys

    from journal.core.report import images

    probe = images._HELPER_CODE + (
        "print(sorted(m for m in sys.modules if m.startswith(('reportlab', 'journal.core.report'))))"
    )
    src = Path(images.__file__).resolve().parents[3]
    done = subprocess.run(
        [sys.executable, "-c", probe, str(Path(images.__file__).resolve())],
        input=b"", capture_output=True, cwd=str(src), check=True, timeout=120,
    )
    assert done.stdout.decode().strip() == "[]"


def test_picture_over_the_pixel_limit_refused_whatever_another_thread_does_to_warnings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two pictures are prepared at once: one thread leaving a ``warnings.catch_warnings`` puts
    back the process-wide filters without the other's "bomb warning is an error". A picture
    over Pillow's pixel limit (where Pillow only warns) is refused all the same."""
    import warnings

    from PIL import Image

    from journal.core.report import images

    buf = io.BytesIO()
    Image.new("RGB", (100, 80), (200, 30, 30)).save(buf, "PNG")
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 5000)  # 8,000 px: Pillow warns, not refuses
    real_open = Image.open

    def open_after_other_thread_restored_filters(*args: Any, **kwargs: Any) -> Any:
        warnings.filters[:] = [f for f in warnings.filters
                               if f[2] is not Image.DecompressionBombWarning]
        return real_open(*args, **kwargs)

    monkeypatch.setattr(Image, "open", open_after_other_thread_restored_filters)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert images.prepare(buf.getvalue()) is None
        monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 10_000)  # under the limit: drawn
        assert images.prepare(buf.getvalue()) is not None
