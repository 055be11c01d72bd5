"""Payment bills: WeChat Pay (CSV or XLSX) and Alipay (CSV, GB18030).

Both start with a few lines about the account and the period, then a header row, then one row per
transaction. The parser finds the header by its column names, reads every row into a
:class:`BillRow` and keeps the rest of the file alone. Which rows become payment entries is the
user's choice (:func:`select_rows`): the rows of the counterparts they name, or, by default, every
transfer and red packet (转账, 红包) but no shop purchase.
"""

from __future__ import annotations

import csv
import hashlib
import io
import logging
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from journal.core.errors import ImportFormatError
from journal.core.i18n import message, register

from .common import ImportNote, check_size, clean_name, decode_text_cn, read_export, resolve_tz

log = logging.getLogger(__name__)

register({
    "import.not_wechatpay": {
        "en": "“{name}” is not a WeChat Pay bill. In WeChat open Me → Services → Wallet → Bills → "
        "… → Download bills, and choose the .csv or .xlsx file you receive. "
        "Nothing was added to the journal.",
        "zh": "“{name}”不是微信支付账单。请在微信中打开“我 → 服务 → 钱包 → 账单 → … → 下载账单”，"
        "然后选择收到的 .csv 或 .xlsx 文件。日志中没有添加任何内容。",
    },
    "import.not_alipay": {
        "en": "“{name}” is not an Alipay bill. In Alipay open My → Bills → … → Issue transaction "
        "records, and choose the .csv file from the e-mail. Nothing was added to the journal.",
        "zh": "“{name}”不是支付宝账单。请在支付宝中打开“我的 → 账单 → … → 开具交易流水证明”，"
        "然后选择邮件中的 .csv 文件。日志中没有添加任何内容。",
    },
    "import.bill_bad_row": {
        "en": "Line {line} of “{name}” cannot be read (time “{time}”, amount “{amount}”). The file "
        "may be damaged or cut short; download the bill again. Nothing was added to the journal.",
        "zh": "“{name}”的第 {line} 行无法读取（时间“{time}”，金额“{amount}”）。文件可能已损坏或不完整；"
        "请重新下载账单。日志中没有添加任何内容。",
    },
    "import.bill_no_rows": {
        "en": "“{name}” holds no transactions. Nothing was added to the journal.",
        "zh": "“{name}”中没有任何交易记录。日志中没有添加任何内容。",
    },
    "import.bill_nothing_chosen": {
        "en": "No transaction of “{name}” was chosen (no transfer or red packet, and no "
        "counterpart named). Choose the counterparts that matter. Nothing was added to the journal.",
        "zh": "“{name}”中没有选中任何交易（没有转账或红包，也没有指定交易对方）。"
        "请选择相关的交易对方。日志中没有添加任何内容。",
    },
    "import.bill_unknown_counterpart": {
        "en": "“{who}” does not appear in this bill. Counterparts in it: {names}. "
        "Nothing was added to the journal.",
        "zh": "账单中没有“{who}”。账单中的交易对方有：{names}。日志中没有添加任何内容。",
    },
    "import.format.wechatpay_csv": {"en": "WeChat Pay bill (CSV)", "zh": "微信支付账单（CSV）"},
    "import.format.wechatpay_xlsx": {"en": "WeChat Pay bill (Excel)", "zh": "微信支付账单（Excel）"},
    "import.format.alipay_csv": {"en": "Alipay bill (CSV)", "zh": "支付宝账单（CSV）"},
})

WECHATPAY_COLUMNS = {
    "time": "交易时间", "type": "交易类型", "counterpart": "交易对方", "item": "商品",
    "direction": "收/支", "amount": "金额(元)", "method": "支付方式", "status": "当前状态",
    "reference": "交易单号", "merchant_reference": "商户单号", "note": "备注",
}
ALIPAY_COLUMNS = {
    "time": "交易时间", "type": "交易分类", "counterpart": "交易对方", "account": "对方账号",
    "item": "商品说明", "direction": "收/支", "amount": "金额", "method": "收/付款方式",
    "status": "交易状态", "reference": "交易订单号", "merchant_reference": "商家订单号", "note": "备注",
}
REQUIRED = ("time", "counterpart", "direction", "amount")
DIRECTIONS = {"收入": "received", "支出": "sent"}
TRANSFER_WORDS = ("转账", "红包")
BILL_ZONE = "Asia/Shanghai"  # both services write Beijing time, wherever the computer is


@dataclass
class BillRow:
    line: int
    occurred_at: datetime
    type: str  # 交易类型 / 交易分类, as written
    counterpart: str
    account: str
    item: str
    direction: str | None  # "received" / "sent" / None (neutral: 不计收支, "/")
    direction_text: str
    amount: Decimal
    method_text: str  # how it was paid (零钱, a bank card …), as written
    status: str
    reference: str
    merchant_reference: str
    note: str

    @property
    def is_transfer(self) -> bool:
        return any(w in self.type or w in self.item for w in TRANSFER_WORDS)


@dataclass
class ParsedBill:
    app: str  # "wechatpay" | "alipay"
    rows: list[BillRow]
    tz_name: str
    source_path: Path | None
    source_sha256: str
    format_key: str
    account: str = ""
    warnings: list[ImportNote] = field(default_factory=list)

    def format_text(self, lang: str = "en") -> str:
        return message(self.format_key, lang)

    @property
    def counterparts(self) -> list[str]:
        return list(dict.fromkeys(r.counterpart for r in self.rows if r.counterpart))

    def default_counterparts(self) -> list[str]:
        """The counterparts of transfers and red packets (what is imported when none is named)."""
        return list(dict.fromkeys(r.counterpart for r in self.rows if r.is_transfer and r.counterpart))


def select_rows(bill: ParsedBill, counterparts: list[str] | None) -> list[BillRow]:
    """The rows to import: those of the named counterparts, or (None) every transfer/red packet."""
    if counterparts is None:
        return [r for r in bill.rows if r.is_transfer]
    known = bill.counterparts
    chosen = []
    for who in counterparts:
        name = clean_name(who)
        if name not in known:
            sep = "、"
            raise ImportFormatError("import.bill_unknown_counterpart", field="counterpart", who=who,
                                    names=sep.join(known[:20]) or "-")
        chosen.append(name)
    return [r for r in bill.rows if r.counterpart in chosen]


# ---------------------------------------------------------------------------------------------
def parse_wechatpay(path: Path | str, *, tz: str | None = None, lang: str | None = None) -> ParsedBill:
    p, data, sha = read_export(path)
    return parse_wechatpay_bytes(data, source_path=p, sha256=sha, tz=tz)


def parse_alipay(path: Path | str, *, tz: str | None = None, lang: str | None = None) -> ParsedBill:
    p, data, sha = read_export(path)
    return parse_alipay_bytes(data, source_path=p, sha256=sha, tz=tz)


def parse_wechatpay_bytes(data: bytes, *, source_path: Path | None = None, sha256: str = "",
                          tz: str | None = None, name: str | None = None) -> ParsedBill:
    zone, tz_name = resolve_tz(tz or BILL_ZONE)
    fname = name or (source_path.name if source_path else "bill.csv")
    check_size(len(data), fname)
    if data[:4] == b"PK\x03\x04":
        table = _xlsx_rows(data, fname, "import.not_wechatpay")
        fkey = "import.format.wechatpay_xlsx"
    else:
        table = _csv_rows(decode_text_cn(data, fname), fname, "import.not_wechatpay")
        fkey = "import.format.wechatpay_csv"
    return _bill("wechatpay", table, WECHATPAY_COLUMNS, fname, zone, tz_name, source_path,
                 sha256 or hashlib.sha256(data).hexdigest(), fkey, "import.not_wechatpay")


def parse_alipay_bytes(data: bytes, *, source_path: Path | None = None, sha256: str = "",
                       tz: str | None = None, name: str | None = None) -> ParsedBill:
    zone, tz_name = resolve_tz(tz or BILL_ZONE)
    fname = name or (source_path.name if source_path else "alipay.csv")
    check_size(len(data), fname)
    if data[:4] == b"PK\x03\x04":
        raise ImportFormatError("import.not_alipay", name=fname)
    table = _csv_rows(decode_text_cn(data, fname), fname, "import.not_alipay")
    return _bill("alipay", table, ALIPAY_COLUMNS, fname, zone, tz_name, source_path,
                 sha256 or hashlib.sha256(data).hexdigest(), "import.format.alipay_csv",
                 "import.not_alipay")


def _csv_rows(text: str, fname: str, not_key: str) -> list[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[tuple[int, list[str]]] = []
    try:
        for row in reader:
            rows.append((reader.line_num, row))
    except csv.Error as exc:
        raise ImportFormatError(not_key, name=fname) from exc
    return rows


def _xlsx_rows(data: bytes, fname: str, not_key: str) -> list[tuple[int, list[str]]]:
    from openpyxl import load_workbook  # imported here: only bills need it

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            sheet = book.worksheets[0]
            rows: list[tuple[int, list[str]]] = []
            for i, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                rows.append((i, [_cell(v) for v in values]))
                if i > 1_000_000:
                    break
        finally:
            book.close()
    except ImportFormatError:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, IndexError, AttributeError,
            OSError, EOFError, UnicodeError, LookupError, SyntaxError, AssertionError, zlib.error,
            NotImplementedError, RuntimeError) as exc:
        # openpyxl reports a damaged workbook in many ways; each means "not a bill we can read"
        log.info("workbook not readable: %s", type(exc).__name__)
        raise ImportFormatError(not_key, name=fname) from exc
    return rows


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    return str(value)


def _header(table: list[tuple[int, list[str]]], columns: dict[str, str]
            ) -> tuple[int, dict[str, int]] | None:
    for index, (_, row) in enumerate(table[:200]):
        cells = [c.strip().strip("\ufeff") for c in row]
        found = {key: cells.index(col) for key, col in columns.items() if col in cells}
        if all(k in found for k in REQUIRED):
            return index, found
    return None


def _amount(text: str) -> Decimal | None:
    value = text.strip().replace("¥", "").replace("￥", "").replace(",", "").strip()
    if not re.fullmatch(r"-?\d{1,12}(\.\d{1,2})?", value):
        return None
    try:
        amount = abs(Decimal(value))
    except InvalidOperation:
        return None
    return amount


def _time(text: str, zone: ZoneInfo) -> datetime | None:
    value = text.strip().replace("/", "-")
    for fmt in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"):
        try:
            return datetime.strptime(value, fmt).replace(tzinfo=zone)
        except ValueError:
            continue
    return None


def _bill(app: str, table: list[tuple[int, list[str]]], columns: dict[str, str], fname: str,
          zone: ZoneInfo, tz_name: str, source_path: Path | None, sha: str, fkey: str,
          not_key: str) -> ParsedBill:
    found = _header(table, columns)
    if found is None:
        raise ImportFormatError(not_key, name=fname)
    start, cols = found
    account = ""
    for _, row in table[:start]:
        joined = "".join(row)
        m = re.search(r"(?:微信昵称|支付宝账户|姓名)[:：]\s*\[?([^\]\s,]*)\]?", joined)
        if m and not account:
            account = m.group(1)
    rows: list[BillRow] = []

    def get(row: list[str], key: str) -> str:
        i = cols.get(key)
        if i is None or i >= len(row):
            return ""
        value = row[i].strip().strip("\t").strip()
        return "" if value == "/" else value

    for line, row in table[start + 1:]:
        if not any(c.strip() for c in row):
            continue
        first = row[0].strip() if row else ""
        if first.startswith(("-", "=")) or (len(row) < 4 and not _time(first, zone)):
            continue  # Alipay's closing rule and notes after the table
        when = _time(get(row, "time"), zone)
        amount = _amount(get(row, "amount"))
        if when is None or amount is None:
            raise ImportFormatError("import.bill_bad_row", name=fname, line=line,
                                    time=get(row, "time")[:30], amount=get(row, "amount")[:20])
        direction_text = get(row, "direction")
        rows.append(BillRow(
            line=line, occurred_at=when, type=get(row, "type"),
            counterpart=clean_name(get(row, "counterpart"))[:200], account=get(row, "account"),
            item=get(row, "item"), direction=DIRECTIONS.get(direction_text),
            direction_text=direction_text, amount=amount, method_text=get(row, "method"),
            status=get(row, "status"), reference=get(row, "reference")[:100],
            merchant_reference=get(row, "merchant_reference")[:100], note=get(row, "note"),
        ))
    if not rows:
        raise ImportFormatError("import.bill_no_rows", name=fname)
    return ParsedBill(app=app, rows=rows, tz_name=tz_name, source_path=source_path,
                      source_sha256=sha, format_key=fkey, account=account)
