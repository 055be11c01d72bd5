"""Fuzzing the QQ, WeChat, bill, Telegram-HTML and e-mail parsers: any input ends in a parsed
result or an ImportFormatError (never another exception), quickly."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.core.errors import ImportFormatError
from journal.core.importers.bills import ParsedBill, parse_alipay_bytes, parse_wechatpay_bytes
from journal.core.importers.common import ParsedChat
from journal.core.importers.mail import parse_email_bytes
from journal.core.importers.qq import parse_qq_bytes
from journal.core.importers.telegram import parse_telegram_bytes
from journal.core.importers.wechat import parse_wechat_bytes

FUZZ = settings(max_examples=150, deadline=2000, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow])
DATA = Path(__file__).resolve().parent.parent / "data" / "imports"


def run(parser: Any, data: bytes) -> None:
    try:
        result = parser(data, tz="Asia/Shanghai", **({} if parser in (parse_wechatpay_bytes,
                                                                       parse_alipay_bytes)
                                                    else {"lang": "en"}))
    except ImportFormatError as err:
        assert err.key.startswith("import.")
        return
    if isinstance(result, ParsedBill):
        assert result.rows
        for row in result.rows:
            assert row.occurred_at.tzinfo is not None and row.amount >= 0
    else:
        assert isinstance(result, ParsedChat) and result.messages
        for m in result.messages:
            assert m.sent_at.tzinfo is not None and isinstance(m.text, str)


def pieces(*parts: str) -> st.SearchStrategy[bytes]:
    piece = st.sampled_from(parts)
    encoding = st.sampled_from(["utf-8", "gb18030", "utf-8-sig"])
    return st.builds(lambda ps, enc: "".join(ps).encode(enc, errors="replace"),
                     st.lists(piece, max_size=40), encoding)


def mutated(rel: str) -> st.SearchStrategy[bytes]:
    """The fixture with bytes cut, flipped or repeated."""
    base = (DATA / rel).read_bytes()

    def apply(cut: int | None, pos: int, junk: bytes, flips: list[int]) -> bytes:
        data = bytearray(base)
        for flip in flips:  # damage inside: a compressed member of an .xlsx no longer inflates
            data[flip % len(data)] ^= 0xA5
        end = len(data) if cut is None else cut % (len(data) + 1)
        pos %= max(1, end)
        return bytes(data[:pos]) + junk + bytes(data[pos:end])

    return st.builds(apply, st.one_of(st.none(), st.integers(0, 10**6)), st.integers(0, 10**6),
                     st.binary(max_size=8), st.lists(st.integers(0, 10**6), max_size=3))


QQ_PIECES = ("消息记录（此消息记录为文本格式，不支持重新导入）\n", "=" * 64 + "\n", "消息分组:我的好友\n",
             "消息对象:张经理\n", "2024-03-05 14:30:12 张经理(123456789)\n", "2024-13-45 99:99:99 x(1)\n",
             "2024-03-05 14:31:02 小刘<liu@example.com>\n", "你好\n", "\n", "(", ")", "<", ">",
             '{"chatInfo":{"selfUid":"u"},"messages":[', '{"timestamp":1709620212000,',
             '"sender":{"uid":"u","name":"a"},"content":{"text":"x"}}', ",", "]}", "null", '"time":"x"')
WECHAT_PIECES = (("localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,"
                 "NickName,Sender\n"), "1,7,1,0,0,1709620212,2,你好,2024-03-05 14:30:12,张经理,Z,wxid\n",
                 "3,7,49,2000,0,99999999999999,2,<feedesc>x</feedesc>,,,,\n", '"', ",", "\n",
                 "张经理 (2024-03-05 14:30:12):你好\n", "x (2024-02-30 10:00):y\n",
                 '<html><div class="msg chat-left"><div class="nt-box"><span class="name-left">a',
                 "</span> 2024-03-05 14:30:12</div>", '<div class="content-box">t</div></div>',
                 "<br>", "</html>", "<div>" * 50)
BILL_PIECES = ("微信支付账单明细\n", "交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注\n",
               "交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,交易订单号,商家订单号,备注\n",
               "2024-03-05 14:33:20,转账,张经理,/,收入,¥2000.00,/,已存入零钱,1000\t,/,/\n",
               "2024-03-05,转账红包,李,l,转账,支出,50.00,,成功,1,,\n", "---------\n", ",,,,\n",
               "2024-99-99 00:00:00,x,y,z,收入,¥-1e9,,,,\n", '"', "\n", "¥", "NaN")
TG_PIECES = ('<!DOCTYPE html><html>', '<div class="page_header"><div class="text bold">Z</div></div>',
             '<div class="message default clearfix', ' joined', '">', '<div class="body">',
             '<div class="pull_right date details" title="05.03.2024 14:30:12 UTC+08:00">',
             '<div class="pull_right date details" title="31.02.2024 25:00:00 UTC+99:00">',
             '<div class="from_name">A</div>', '<div class="text">hi<br>there</div>', "</div>",
             '<div class="media_wrap"><a href="../../etc/passwd">x</a></div>',
             '<div class="forwarded body">', "&amp;", "&#xffffff;", "<", "</html>")
MAIL_PIECES = ("From a@b Tue Mar  5 06:40:00 2024\n", "From: =?utf-8?b?5byg?= <a@b>\n",
               "Date: Tue, 05 Mar 2024 14:40:00 +0800\n", "Date: yesterday\n", "Subject: x\n",
               "To: c@d\n", "MIME-Version: 1.0\n", 'Content-Type: multipart/mixed; boundary="B"\n',
               "\n", "--B\n", "--B--\n", "Content-Type: text/html\n", "<p>hi</p>\n",
               "Content-Disposition: attachment; filename=\"../x.png\"\n",
               "Content-Transfer-Encoding: base64\n", "iVBORw0KGgo=\n", ">From x\n", "=?x?q?=ZZ?=")


@FUZZ
@given(pieces(*QQ_PIECES))
def test_fuzz_qq_parser_pieces(data: bytes) -> None:
    run(parse_qq_bytes, data)


@FUZZ
@given(st.one_of(mutated("qq/message_manager_gb18030.txt"), mutated("qq/qce_v5.json")))
def test_fuzz_qq_parser_damaged_fixtures(data: bytes) -> None:
    run(parse_qq_bytes, data)


@FUZZ
@given(st.one_of(pieces(*WECHAT_PIECES), mutated("wechat/messages.csv"),
                 mutated("wechat/张经理.html")))
def test_fuzz_wechat_parser(data: bytes) -> None:
    run(parse_wechat_bytes, data)


@FUZZ
@given(st.one_of(pieces(*BILL_PIECES), mutated("bills/wechatpay.csv")))
def test_fuzz_wechatpay_parser(data: bytes) -> None:
    run(parse_wechatpay_bytes, data)


# an .xlsx is a zip of XML that openpyxl reads in pure Python: one example took 3.4 s beside the
# other tests on two loaded cores (pytest -n auto), so its hang guard is 30 s, not 2 s
@settings(FUZZ, deadline=30_000)
@given(mutated("bills/wechatpay.xlsx"))
def test_fuzz_wechatpay_parser_damaged_xlsx(data: bytes) -> None:
    run(parse_wechatpay_bytes, data)


@FUZZ
@given(st.one_of(pieces(*BILL_PIECES), mutated("bills/alipay.csv")))
def test_fuzz_alipay_parser(data: bytes) -> None:
    run(parse_alipay_bytes, data)


@FUZZ
@given(st.one_of(pieces(*TG_PIECES), mutated("telegram/html/messages.html")))
def test_fuzz_telegram_html_parser(data: bytes) -> None:
    run(parse_telegram_bytes, data)


@FUZZ
@given(st.one_of(pieces(*MAIL_PIECES), mutated("email/contract.eml"), mutated("email/job.mbox")))
def test_fuzz_email_parser(data: bytes) -> None:
    run(parse_email_bytes, data)


@FUZZ
@given(st.binary(max_size=3000))
def test_fuzz_every_new_parser_with_random_bytes(data: bytes) -> None:
    for parser in (parse_qq_bytes, parse_wechat_bytes, parse_wechatpay_bytes, parse_alipay_bytes,
                   parse_email_bytes, parse_telegram_bytes):
        run(parser, data)
