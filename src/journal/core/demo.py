"""A demo journal with an invented story, for trying the app (welcome screen, ``journal-cli demo``).

The story follows the pattern of published cases (a fast online romance that turns into a paid
"photo job" at the port, then military ships, an overseas app and code words, gifts and rent near a
base; and a recruiter from a job app whose "marine survey" drifts toward military aircraft) up to
the moment the student stops, talks to a teacher and reports through the 12339 hotline. Every
name, account and number in it is made up. Pictures are drawn in memory (pure Python PNGs):
nothing is written anywhere but into the encrypted journal.
"""

from __future__ import annotations

import logging
import struct
import zlib
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

from journal.core.crypto import KdfParams
from journal.core.errors import InputError
from journal.core.i18n import normalise_lang
from journal.core.models import EntryDraft, Handle
from journal.core.store import Journal

log = logging.getLogger(__name__)

DEMO_PASSPHRASE = "demo-演示-2024"
"""Shown on the welcome screen: the demo holds nothing secret."""

CST = timezone(timedelta(hours=8), "CST")

Colour = tuple[int, int, int]


# ------------------------------------------------------------------ tiny in-memory PNG canvas
class Canvas:
    """An RGB pixel buffer with just enough drawing for placeholder pictures."""

    def __init__(self, width: int, height: int, background: Colour = (255, 255, 255)) -> None:
        self.width = width
        self.height = height
        self.rows = [bytearray(bytes(background) * width) for _ in range(height)]

    def rect(self, x: int, y: int, w: int, h: int, colour: Colour) -> None:
        x0, x1 = max(0, x), min(self.width, x + w)
        if x1 <= x0:
            return
        span = bytes(colour) * (x1 - x0)
        for row in range(max(0, y), min(self.height, y + h)):
            self.rows[row][x0 * 3:x1 * 3] = span

    def rounded(self, x: int, y: int, w: int, h: int, r: int, colour: Colour) -> None:
        r = min(r, w // 2, h // 2)
        for dy in range(h):
            inset = 0
            if dy < r:
                inset = r - int((r * r - (r - dy - 0.5) ** 2) ** 0.5)
            elif dy >= h - r:
                inset = r - int((r * r - (dy - (h - r) + 0.5) ** 2) ** 0.5)
            self.rect(x + inset, y + dy, w - 2 * inset, 1, colour)

    def circle(self, cx: int, cy: int, r: int, colour: Colour) -> None:
        self.rounded(cx - r, cy - r, 2 * r, 2 * r, r, colour)

    def line(self, x0: int, y0: int, x1: int, y1: int, width: int, colour: Colour) -> None:
        steps = max(abs(x1 - x0), abs(y1 - y0), 1)
        for i in range(steps + 1):
            x = x0 + (x1 - x0) * i // steps
            y = y0 + (y1 - y0) * i // steps
            self.rect(x - width // 2, y - width // 2, width, width, colour)

    def triangle(self, x: int, base_y: int, w: int, h: int, colour: Colour) -> None:
        """An upward triangle (a sail) with its base at ``base_y``."""
        for dy in range(h):
            half = int(w * (dy + 1) / h / 2)
            self.rect(x + w // 2 - half, base_y - h + dy, 2 * half, 1, colour)

    def gradient(self, y: int, h: int, top: Colour, bottom: Colour) -> None:
        for dy in range(h):
            t = dy / max(1, h - 1)
            colour = tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
            self.rect(0, y + dy, self.width, 1, colour)  # type: ignore[arg-type]

    def text_lines(self, x: int, y: int, widths: Sequence[int], colour: Colour,
                   line_height: int = 14, thickness: int = 7) -> None:
        """Grey bars standing in for lines of text."""
        for i, w in enumerate(widths):
            self.rounded(x, y + i * line_height, w, thickness, 3, colour)

    def png(self) -> bytes:
        raw = b"".join(b"\x00" + bytes(row) for row in self.rows)

        def chunk(tag: bytes, data: bytes) -> bytes:
            return (struct.pack(">I", len(data)) + tag + data
                    + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF))

        header = struct.pack(">IIBBBBB", self.width, self.height, 8, 2, 0, 0, 0)
        return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
                + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


GREY = (200, 203, 208)
DARK = (90, 96, 105)
WECHAT_GREEN = (149, 236, 105)


def chat_screenshot(bubbles: Sequence[tuple[str, Sequence[int]]], header: Colour = (237, 237, 237),
                    accent: Colour = WECHAT_GREEN, with_time: bool = True) -> bytes:
    """A phone chat placeholder: ``bubbles`` = (side "l"/"r", widths of its text lines)."""
    c = Canvas(270, 480, (245, 245, 245))
    c.rect(0, 0, 270, 18, (30, 30, 30))  # status bar
    c.text_lines(10, 6, [30], (230, 230, 230), thickness=6)
    c.rect(0, 18, 270, 40, header)
    c.text_lines(95, 33, [80], DARK, thickness=9)  # contact name
    y = 70
    if with_time:
        c.rounded(100, y, 70, 14, 5, (218, 218, 218))  # date/time chip
        c.text_lines(108, y + 4, [54], (160, 160, 160), thickness=6)
        y += 26
    for side, widths in bubbles:
        height = 12 + 14 * len(widths)
        width = max(widths) + 20
        if side == "l":
            c.rounded(8, y, 30, 30, 4, (120, 150, 190))  # avatar
            c.rounded(46, y, width, height, 6, (255, 255, 255))
            c.text_lines(56, y + 8, widths, GREY)
        else:
            c.rounded(232, y, 30, 30, 4, (150, 180, 140))
            c.rounded(224 - width, y, width, height, 6, accent)
            c.text_lines(234 - width, y + 8, widths, (100, 160, 80))
        y += height + 12
    c.rect(0, 440, 270, 40, (247, 247, 247))
    c.rounded(40, 449, 190, 22, 4, (255, 255, 255))
    return c.png()


def payment_screenshot(accent: Colour = (7, 193, 96)) -> bytes:
    """A "transfer received" page placeholder."""
    c = Canvas(270, 480, (237, 237, 237))
    c.rect(0, 0, 270, 18, (30, 30, 30))
    c.rect(0, 18, 270, 40, (237, 237, 237))
    c.circle(135, 120, 30, accent)
    c.line(120, 120, 131, 132, 5, (255, 255, 255))  # a tick inside the circle
    c.line(131, 132, 152, 108, 5, (255, 255, 255))
    c.text_lines(95, 170, [80], DARK, thickness=10)
    c.rounded(75, 195, 120, 24, 5, (40, 40, 40))  # the amount
    c.rect(0, 250, 270, 120, (255, 255, 255))
    c.text_lines(20, 266, [60, 70, 50, 90], GREY, line_height=24)
    c.text_lines(170, 266, [80, 60, 75, 60], (170, 170, 170), line_height=24)
    return c.png()


def harbour_photo(warships: bool = False) -> bytes:
    """A harbour placeholder: sky, sea, a pier and boats (grey ships if ``warships``)."""
    c = Canvas(360, 240)
    c.gradient(0, 130, (150, 195, 235), (215, 232, 245))
    c.rect(0, 112, 360, 18, (150, 165, 150))  # far shore
    for hx, hw, hh in ((20, 30, 22), (70, 18, 30), (250, 40, 18), (300, 14, 34)):
        c.rect(hx, 112 - hh, hw, hh, (175, 180, 185))  # buildings, cranes
    c.gradient(130, 110, (60, 120, 170), (30, 75, 120))
    c.rect(0, 200, 140, 14, (150, 120, 90))  # pier
    for px in range(10, 140, 26):
        c.rect(px, 214, 5, 26, (110, 85, 60))
    if warships:
        for sx, sw in ((150, 150), (40, 90)):
            base = 150 if sw > 100 else 138
            c.rect(sx, base, sw, 12, (110, 118, 125))
            c.rect(sx + sw // 3, base - 14, sw // 4, 14, (125, 133, 140))
            c.rect(sx + sw // 3 + sw // 10, base - 28, 4, 14, (100, 105, 110))
    else:
        for sx, sy, sw in ((170, 170, 70), (260, 158, 50), (60, 150, 44)):
            c.rounded(sx, sy, sw, 10, 4, (250, 250, 250))
            c.rect(sx + sw // 2, sy - 34, 2, 34, (90, 90, 90))
            c.triangle(sx + sw // 2 - 12, sy - 2, 24, 30, (245, 245, 240))
    return c.png()


def avatar(colour: Colour = (236, 170, 180)) -> bytes:
    c = Canvas(96, 96, (250, 236, 240))
    c.circle(48, 36, 18, colour)
    c.rounded(16, 60, 64, 50, 30, colour)
    return c.png()


# ------------------------------------------------------------------ the story
def _at(month: int, day: int, hour: int = 12, minute: int = 0) -> datetime:
    return datetime(2024, month, day, hour, minute, tzinfo=CST)


def build_demo(path: Path | str, passphrase: str = DEMO_PASSPHRASE,
               kdf: KdfParams | None = None, lang: str = "zh") -> Journal:
    """Create the demo journal at ``path`` and return it open (the caller closes it). ``lang``:
    the story told in Chinese ("zh") or English ("en"); the same events either way.

    Refuses to overwrite an existing file (InputError "error.file_exists"). If anything fails
    half-way the new file is removed, so there is never a half-built demo.
    """
    path = Path(path)
    if path.exists():
        raise InputError("error.file_exists", field="path", path=str(path))
    journal = Journal.create(path, passphrase, kdf=kdf)
    try:
        with journal.transaction():
            (_fill_en if normalise_lang(lang) == "en" else _fill)(journal)
    except BaseException:
        journal.close()
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        raise
    log.info("demo journal created")
    return journal


def _fill(j: Journal) -> None:
    min_ = j.add_person(
        "小敏", aliases=["Xiao Min", "Min"], role="说是杂志社的摄影编辑",
        organisation="某旅游杂志（查不到）", platform="交友App",
        handles=[Handle("wechat", "min_seaside_2024"), Handle("telegram", "@harbour_min")],
        notes="自称24岁，在杂志社做编辑。从来不肯视频，说摄像头坏了。头像是网上的图。",
    )
    j.add_attachment(person_id=min_.id, data=avatar(), filename="xiaomin-avatar.png",
                     caption="她交友App上的头像（截图）")
    zhang = j.add_person(
        "张总", aliases=["Director Zhang", "张经理"], role="总监（自称）",
        organisation="海洋环境调查公司（自称，公司名查不到）", platform="求职App",
        handles=[Handle("phone", "+86 130 0000 1234"), Handle("email", "zhang.survey@example.com")],
        notes="在求职App上主动找我。说在做 marine environmental survey，需要海边的照片。",
    )
    teacher = j.add_person("王老师", aliases=["Ms Wang"], role="辅导员", organisation="学院学生工作办公室",
                           notes="我的辅导员，陪我去举报。")

    def add(kind: str, when: datetime, summary: str, persons: Sequence[str] = (),
            precision: str = "exact", shots: Sequence[tuple[bytes, str, str]] = (),
            **fields: object) -> str:
        draft = EntryDraft(kind=kind, summary=summary, occurred_at=when, precision=precision,
                           persons=list(persons), **fields)  # type: ignore[arg-type]
        entry = j.add_entry(draft)
        for data, filename, caption in shots:
            j.add_attachment(entry_id=entry.id, data=data, filename=filename, caption=caption)
        return entry.id

    # --- Xiao Min: a fast romance --------------------------------------------------------
    add("contact", _at(3, 1, 21, 40), "在交友App上认识了小敏，她先来打招呼", [min_.id],
        channel="交友App", medium="chat", initiated_by="them",
        details="她说看到我的主页觉得很投缘，聊了两个小时。她说自己在市里一家旅游杂志社上班。")
    add("contact", _at(3, 4, 23, 10), "才聊了三天，她就说我是她“特别的人”，叫我宝贝", [min_.id],
        channel="微信", medium="chat", initiated_by="them",
        details="她主动加了我微信。说 \"we are soulmates\"，说想和我在一起。感觉太快了，但当时挺开心的。",
        shots=[(chat_screenshot([("l", [150, 90]), ("l", [170]), ("r", [60]),
                                 ("l", [120, 160, 80])]),
                "wechat-2024-03-04.png", "微信聊天截图，能看到她的昵称和时间")])
    add("request", _at(3, 6, 20, 15), "小敏介绍杂志社的兼职：去港口拍游客和游艇，每次300元", [min_.id],
        channel="微信", task="周末去港口拍游客、海景和游艇的照片，发给她", target="市区港口、游艇码头",
        status="done", amount=Decimal(300), currency="CNY", tags=["兼职", "拍照"],
        details="她说是给杂志配图的 part-time job，很简单，一个班次几百块。我答应了。")
    add("request", _at(3, 9, 16, 30), "周六去港口拍了游艇和游客，把照片发给了小敏", [min_.id],
        channel="微信", task="拍游艇和游客", target="游艇码头", status="done", location="市区港口",
        tags=["拍照"],
        shots=[(harbour_photo(), "IMG_20240309_1602.png", "我拍的码头照片（原图）")])
    add("payment", _at(3, 9, 21, 5), "小敏微信转账300元，说是杂志社的稿费", [min_.id],
        channel="微信", amount=Decimal(300), currency="CNY", method="wechat", direction="received",
        details="当天晚上就到账了，很准时。",
        shots=[(payment_screenshot(), "wechat-pay-0309.png", "微信转账记录，能看到日期和金额")])
    add("payment", _at(3, 16, 20, 40), "第二次拍港口，又收到400元，比说好的还多", [min_.id],
        channel="微信", amount=Decimal(400), currency="CNY", method="wechat", direction="received",
        details="她说杂志很满意，多给100块 bonus。")
    add("request", _at(3, 20, 22, 0), "小敏让我去一个指定地点拍军舰进出港，每次800元", [min_.id],
        channel="微信", task="在她发来的位置拍军舰进港和出港的照片，记下时间",
        target="军港附近的一个观景台", status="partly", amount=Decimal(800), currency="CNY",
        tags=["军舰", "拍照"],
        details="她说杂志要做“海军专题”。我去了一次，只远远拍了两张，心里很不舒服。",
        shots=[(harbour_photo(warships=True), "IMG_20240322_0715.png", "在观景台拍的照片（原图）")])
    add("request", _at(3, 21, 23, 30), "她让我改用 Telegram 联系，以后用暗语，聊完就删记录",
        [min_.id], channel="微信", task="下载境外聊天软件 Telegram，用新账号和她联系",
        status="done", tags=["换软件", "暗语"],
        details="她说微信不安全。以后“看风景”就是拍军舰，“大鱼”指军舰。还说不要告诉任何人，"
                "包括家人和老师。",
        shots=[(chat_screenshot([("l", [170, 150]), ("l", [110]), ("r", [90]),
                                 ("l", [180, 130, 60])]),
                "wechat-2024-03-21.png", "她要我换软件的微信聊天截图")])
    add("contact", _at(3, 23, 19, 50), "第一次在 Telegram 上和小敏联系，她发来一个位置", [min_.id],
        channel="Telegram", medium="chat", initiated_by="them",
        details="她发了一个军港旁边的定位，让我“周末去看风景”。",
        shots=[(chat_screenshot([("l", [160, 80]), ("l", [140]), ("r", [50])],
                                header=(82, 136, 193), accent=(225, 245, 200)),
                "telegram-2024-03-23.png", "Telegram 聊天截图")])
    add("gift", _at(3, 25, 18, 0), "小敏寄来一部新手机，说拍照更清楚", [min_.id],
        item="手机（全新，说是拍照用）", value=Decimal(3200), currency="CNY", channel="快递",
        details="快递单上的寄件人名字我不认识。手机我没有用来登录自己的账号。")
    add("gift", _at(3, 28, 15, 0), "她又买了一辆电动车给我，说方便去码头", [min_.id],
        item="电动车", value=Decimal(2600), currency="CNY", location="学校附近的车行",
        details="车行老板说钱已经付过了。")
    add("gift", _at(4, 1), "她替我交了军港附近一间房三个月的房租", [min_.id], precision="day",
        item="出租屋房租（三个月）", value=Decimal(4500), currency="CNY", location="军港附近的小区",
        tags=["房租"],
        details="她说住在那边“拍起来方便”。房东说是一个陌生账户转的钱。我没有搬过去。")
    add("payment", _at(4, 2, 22, 10), "收到1500元，她说是上次观景台的报酬加奖金", [min_.id],
        channel="微信", amount=Decimal(1500), currency="CNY", method="wechat",
        direction="received", details="比说好的800多了很多。我开始害怕了，这笔钱我没动。")

    # --- Director Zhang: a job offer that drifts --------------------------------------------
    add("contact", _at(3, 12, 10, 20), "张总在求职App上主动联系我，说有高薪兼职", [zhang.id],
        channel="求职App", medium="chat", initiated_by="them",
        details="我在求职App上挂了简历。他说自己是海洋环境调查公司的总监，"
                "做 marine environmental survey。")
    add("request", _at(3, 14, 9, 0), "张总让我出海拍游艇和船只，说是做水质调查，一次500元", [zhang.id],
        channel="电话", task="坐渔船出海，拍海上的游艇和船只", target="近海海域",
        status="done", amount=Decimal(500), currency="CNY", tags=["兼职", "拍照"])
    add("payment", _at(3, 15, 11, 30), "张总支付宝转来500元", [zhang.id],
        channel="支付宝", amount=Decimal(500), currency="CNY", method="alipay",
        direction="received", details="转账人不是他公司的名字，是个人账户。")
    add("request", _at(3, 27, 14, 0), "张总让我去军用机场附近拍军机起降，说可以加到2000元",
        [zhang.id], channel="电话", task="拍军用飞机的起飞和降落，记下架次",
        target="郊区军用机场附近", status="refused", amount=Decimal(2000), currency="CNY",
        tags=["军机"],
        details="我问这和水质调查有什么关系，他说“别问那么多，钱少不了你”。我没有去。")
    add("note", _at(3, 29, 21, 0), "查不到张总说的公司，他也从不视频", [zhang.id],
        details="在国家企业信用信息公示系统里搜不到这家公司。我提出视频面试，他说“在海上信号不好”。"
                "name card 上的地址是一栋住宅楼。")
    add("threat", _at(4, 4, 22, 45), "我说不想再拍了，小敏说我已经拿了钱，不干就把照片发到学校",
        [min_.id], channel="Telegram",
        details="她说 \"you are already involved\"，说如果我告诉别人，对我没好处。",
        shots=[(chat_screenshot([("r", [120]), ("l", [170, 150, 90]), ("l", [160])],
                                header=(82, 136, 193), accent=(225, 245, 200)),
                "telegram-2024-04-04.png", "她威胁我的 Telegram 截图")])
    add("note", _at(4, 5, 9, 0), "决定停下：不回消息，不删聊天记录，不再收钱和东西", precision="day",
        details="看了学校发的国家安全教育材料，和我的经历很像。手机、电动车都放着没动。")

    # --- Stopping and reporting -------------------------------------------------------------
    add("meeting", _at(4, 7, 15, 0), "去找辅导员王老师，把事情从头到尾说了", [teacher.id],
        medium="in_person", initiated_by="me", location="学院学生工作办公室",
        details="王老师说我做得对，让我把聊天记录、转账记录和收到的东西都保存好，陪我一起举报。")
    add("report", _at(4, 8, 10, 30), "在王老师陪同下拨打12339举报电话", [teacher.id, min_.id, zhang.id],
        reported_to="hotline_12339", reference="（接线员给的受理编号写在纸上）", officer="接线工作人员",
        witnesses=["王老师"], channel="电话",
        details="说明了小敏和张总的情况。工作人员让我不要再联系对方，保留好所有证据，等候联系。")
    add("report", _at(4, 10, 14, 0), "带着手机和这份记录的 PDF 去了当地国家安全机关", [teacher.id],
        reported_to="local_office", officer="接待的工作人员", witnesses=["王老师"],
        location="市国家安全局接待室", details="交了 PDF 报告、手机和转账记录。对方说我主动报告是对的。")


def _fill_en(j: Journal) -> None:
    """The same story, event for event, told in English (for an English interface)."""
    min_ = j.add_person(
        "Xiao Min", aliases=["小敏", "Min"], role="says she is a photo editor at a magazine",
        organisation="a travel magazine (cannot be found)", platform="dating app",
        handles=[Handle("wechat", "min_seaside_2024"), Handle("telegram", "@harbour_min")],
        notes="Says she is 24 and edits a magazine. Never agrees to a video call: her camera is "
              "\"broken\". Her profile picture is from the internet.",
    )
    j.add_attachment(person_id=min_.id, data=avatar(), filename="xiaomin-avatar.png",
                     caption="Her profile picture on the dating app (screenshot)")
    zhang = j.add_person(
        "Director Zhang", aliases=["张总", "Manager Zhang"], role="director (so he says)",
        organisation="a marine environmental survey company (his words; the name cannot be found)",
        platform="job app",
        handles=[Handle("phone", "+86 130 0000 1234"), Handle("email", "zhang.survey@example.com")],
        notes="Contacted me first on the job app. Says he runs a marine environmental survey and "
              "needs photos of the coast.",
    )
    teacher = j.add_person("Ms Wang", aliases=["王老师"], role="student counsellor",
                           organisation="the college's student affairs office",
                           notes="My counsellor; she came with me to report it.")

    def add(kind: str, when: datetime, summary: str, persons: Sequence[str] = (),
            precision: str = "exact", shots: Sequence[tuple[bytes, str, str]] = (),
            **fields: object) -> str:
        draft = EntryDraft(kind=kind, summary=summary, occurred_at=when, precision=precision,
                           persons=list(persons), **fields)  # type: ignore[arg-type]
        entry = j.add_entry(draft)
        for data, filename, caption in shots:
            j.add_attachment(entry_id=entry.id, data=data, filename=filename, caption=caption)
        return entry.id

    # --- Xiao Min: a fast romance --------------------------------------------------------
    add("contact", _at(3, 1, 21, 40), "Met Xiao Min on a dating app; she wrote to me first",
        [min_.id], channel="dating app", medium="chat", initiated_by="them",
        details="She said my profile felt like a match and we chatted for two hours. She said "
                "she works for a travel magazine in the city.")
    add("contact", _at(3, 4, 23, 10), "After three days she calls me her \"special one\" and "
        "\"baby\"", [min_.id], channel="WeChat", medium="chat", initiated_by="them",
        details="She added me on WeChat herself and said \"we are soulmates\" and that she wants "
                "to be with me. Too fast, but I was happy at the time.",
        shots=[(chat_screenshot([("l", [150, 90]), ("l", [170]), ("r", [60]),
                                 ("l", [120, 160, 80])]),
                "wechat-2024-03-04.png", "WeChat chat screenshot with her nickname and the time")])
    add("request", _at(3, 6, 20, 15), "Xiao Min offers a magazine side job: photos of tourists "
        "and yachts at the port, 300 yuan a time", [min_.id],
        channel="WeChat", task="photograph tourists, the sea and yachts at the port at weekends "
        "and send her the photos", target="city port, yacht marina",
        status="done", amount=Decimal(300), currency="CNY", tags=["side job", "photos"],
        details="She said it was a part-time job taking pictures for the magazine, easy money. "
                "I said yes.")
    add("request", _at(3, 9, 16, 30), "Took photos of yachts and tourists at the port on "
        "Saturday and sent them to Xiao Min", [min_.id],
        channel="WeChat", task="photograph yachts and tourists", target="yacht marina",
        status="done", location="city port", tags=["photos"],
        shots=[(harbour_photo(), "IMG_20240309_1602.png", "My photo of the marina (original)")])
    add("payment", _at(3, 9, 21, 5), "Xiao Min sent 300 yuan on WeChat, \"the magazine's fee\"",
        [min_.id], channel="WeChat", amount=Decimal(300), currency="CNY", method="wechat",
        direction="received", details="The money arrived the same evening, right on time.",
        shots=[(payment_screenshot(), "wechat-pay-0309.png",
                "WeChat transfer record showing the date and the amount")])
    add("payment", _at(3, 16, 20, 40), "Second port shoot: 400 yuan, more than agreed", [min_.id],
        channel="WeChat", amount=Decimal(400), currency="CNY", method="wechat",
        direction="received", details="She said the magazine was pleased and added a 100 yuan bonus.")
    add("request", _at(3, 20, 22, 0), "Xiao Min wants photos of warships entering and leaving "
        "port from a spot she chose, 800 yuan a time", [min_.id],
        channel="WeChat", task="photograph warships entering and leaving port from the place "
        "she sent, and write down the times", target="a viewing platform near the naval port",
        status="partly", amount=Decimal(800), currency="CNY", tags=["warships", "photos"],
        details="She said the magazine was doing a \"navy special\". I went once and took two "
                "photos from far away; it felt very wrong.",
        shots=[(harbour_photo(warships=True), "IMG_20240322_0715.png",
                "Photo taken from the viewing platform (original)")])
    add("request", _at(3, 21, 23, 30), "She wants me to switch to Telegram, use code words and "
        "delete the chats afterwards", [min_.id], channel="WeChat",
        task="install Telegram, a foreign messaging app, and contact her from a new account",
        status="done", tags=["new app", "code words"],
        details="She said WeChat is not safe. From now on \"seeing the view\" means photographing "
                "warships and \"big fish\" means warships. She said not to tell anyone, not even "
                "my family or teachers.",
        shots=[(chat_screenshot([("l", [170, 150]), ("l", [110]), ("r", [90]),
                                 ("l", [180, 130, 60])]),
                "wechat-2024-03-21.png", "WeChat screenshot where she asks me to switch apps")])
    add("contact", _at(3, 23, 19, 50), "First contact with Xiao Min on Telegram; she sent a "
        "location", [min_.id], channel="Telegram", medium="chat", initiated_by="them",
        details="She sent a pin next to the naval port and told me to \"go and see the view at "
                "the weekend\".",
        shots=[(chat_screenshot([("l", [160, 80]), ("l", [140]), ("r", [50])],
                                header=(82, 136, 193), accent=(225, 245, 200)),
                "telegram-2024-03-23.png", "Telegram chat screenshot")])
    add("gift", _at(3, 25, 18, 0), "Xiao Min posted me a new phone \"for sharper photos\"",
        [min_.id], item="phone (new, \"for taking photos\")", value=Decimal(3200),
        currency="CNY", channel="courier",
        details="I do not know the sender's name on the parcel. I have not logged into my own "
                "accounts on that phone.")
    add("gift", _at(3, 28, 15, 0), "She bought me an e-bike \"to get to the docks\"", [min_.id],
        item="e-bike", value=Decimal(2600), currency="CNY", location="a bike shop near the college",
        details="The shop owner said it had already been paid for.")
    add("gift", _at(4, 1), "She paid three months' rent on a room near the naval port",
        [min_.id], precision="day", item="rent for a room (three months)", value=Decimal(4500),
        currency="CNY", location="a housing estate near the naval port", tags=["rent"],
        details="She said living there would make the photos \"easier\". The landlord said a "
                "stranger's account paid. I did not move in.")
    add("payment", _at(4, 2, 22, 10), "Received 1,500 yuan: \"pay for the viewing platform plus "
        "a bonus\"", [min_.id], channel="WeChat", amount=Decimal(1500), currency="CNY",
        method="wechat", direction="received",
        details="Much more than the 800 agreed. I started to be afraid; I have not touched it.")

    # --- Director Zhang: a job offer that drifts --------------------------------------------
    add("contact", _at(3, 12, 10, 20), "Director Zhang contacted me on the job app with a "
        "well-paid side job", [zhang.id], channel="job app", medium="chat", initiated_by="them",
        details="My CV was on the job app. He said he is a director at a marine environmental "
                "survey company.")
    add("request", _at(3, 14, 9, 0), "Zhang wants photos of yachts and ships at sea, \"for a "
        "water survey\", 500 yuan a time", [zhang.id],
        channel="phone", task="go out on a fishing boat and photograph yachts and ships at sea",
        target="coastal waters", status="done", amount=Decimal(500), currency="CNY",
        tags=["side job", "photos"])
    add("payment", _at(3, 15, 11, 30), "Zhang sent 500 yuan by Alipay", [zhang.id],
        channel="Alipay", amount=Decimal(500), currency="CNY", method="alipay",
        direction="received", details="It came from a personal account, not his company.")
    add("request", _at(3, 27, 14, 0), "Zhang wants photos of military aircraft taking off and "
        "landing near an air base, up to 2,000 yuan", [zhang.id], channel="phone",
        task="photograph military aircraft taking off and landing and count the flights",
        target="near a military airfield outside the city", status="refused",
        amount=Decimal(2000), currency="CNY", tags=["military aircraft"],
        details="I asked what this had to do with a water survey. He said \"don't ask so many "
                "questions, you will be paid\". I did not go.")
    add("note", _at(3, 29, 21, 0), "Cannot find Zhang's company, and he never does video",
        [zhang.id],
        details="The company is not in the national business register. When I asked for a video "
                "interview he said \"the signal is bad at sea\". The address on his name card is "
                "a block of flats.")
    add("threat", _at(4, 4, 22, 45), "I said I would stop; Xiao Min said I had taken the money "
        "and she would send the photos to my school", [min_.id], channel="Telegram",
        details="She said \"you are already involved\" and that telling anyone would not be good "
                "for me.",
        shots=[(chat_screenshot([("r", [120]), ("l", [170, 150, 90]), ("l", [160])],
                                header=(82, 136, 193), accent=(225, 245, 200)),
                "telegram-2024-04-04.png", "Telegram screenshot of her threat")])
    add("note", _at(4, 5, 9, 0), "Decided to stop: no replies, keep the chats, take no more money "
        "or gifts", precision="day",
        details="I read the national security education material from the college; it was very "
                "like what happened to me. The phone and the e-bike are put away, unused.")

    # --- Stopping and reporting -------------------------------------------------------------
    add("meeting", _at(4, 7, 15, 0), "Went to my counsellor Ms Wang and told her everything",
        [teacher.id], medium="in_person", initiated_by="me",
        location="the college's student affairs office",
        details="Ms Wang said I did the right thing, told me to keep the chats, the transfer "
                "records and everything I was given, and came with me to report it.")
    add("report", _at(4, 8, 10, 30), "Called the 12339 hotline with Ms Wang",
        [teacher.id, min_.id, zhang.id], reported_to="hotline_12339",
        reference="(the case number the operator gave is written on paper)",
        officer="the hotline operator", witnesses=["Ms Wang"], channel="phone",
        details="Told them about Xiao Min and Director Zhang. They said not to contact either of "
                "them again, to keep all the evidence and to wait to be contacted.")
    add("report", _at(4, 10, 14, 0), "Took the phone and the PDF of this journal to the local "
        "national security office", [teacher.id], reported_to="local_office",
        officer="the officer on duty", witnesses=["Ms Wang"],
        location="reception room of the city national security bureau",
        details="Handed over the PDF report, the phone and the transfer records. They said "
                "coming forward was the right thing to do.")
