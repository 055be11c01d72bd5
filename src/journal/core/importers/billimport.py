"""Put the chosen rows of a WeChat Pay or Alipay bill into a journal as payment entries, in one
transaction, the bill kept as evidence with its SHA-256; the same bill twice adds nothing."""

from __future__ import annotations

import hashlib
import logging
from typing import Any

from journal.core.errors import ImportFormatError
from journal.core.i18n import message, register, system_lang
from journal.core.models import EntryDraft

from .bills import BillRow, ParsedBill, select_rows
from .common import ImportResult, ProgressCallback, read_export
from .limits import DEFAULT_LIMITS, Budget, ImportLimits
from .people import ImportPersons

log = logging.getLogger(__name__)

BILL_METHODS = {"wechatpay": "wechat", "alipay": "alipay"}

register({
    "import.channel.wechatpay": {"en": "WeChat Pay", "zh": "微信支付"},
    "import.channel.alipay": {"en": "Alipay", "zh": "支付宝"},
    "import.bill.summary.received": {
        "en": "{channel}: received {amount} CNY from {who}{what}",
        "zh": "{channel}：收到{who}{amount} 元{what}",
    },
    "import.bill.summary.sent": {
        "en": "{channel}: paid {amount} CNY to {who}{what}",
        "zh": "{channel}：向{who}支付 {amount} 元{what}",
    },
    "import.bill.summary.neutral": {
        "en": "{channel}: {amount} CNY with {who}{what}",
        "zh": "{channel}：与{who}的交易 {amount} 元{what}",
    },
    "import.bill.line": {
        "en": "Row {line} of the {channel} bill, as written:",
        "zh": "{channel}账单第 {line} 行的原文：",
    },
    "import.bill.original_caption": {
        "en": "Original {channel} bill as imported ({rows} of its {total} transactions recorded)",
        "zh": "导入时的原始{channel}账单（共 {total} 笔交易，记录了其中 {rows} 笔）",
    },
})


def _bill_details(row: BillRow, bill: ParsedBill, channel: str, lang: str) -> str:
    from .bills import ALIPAY_COLUMNS, WECHATPAY_COLUMNS

    columns = WECHATPAY_COLUMNS if bill.app == "wechatpay" else ALIPAY_COLUMNS
    values = {"time": row.occurred_at.strftime("%Y-%m-%d %H:%M:%S"), "type": row.type,
              "counterpart": row.counterpart, "account": row.account, "item": row.item,
              "direction": row.direction_text, "amount": f"{row.amount:.2f}",
              "method": row.method_text, "status": row.status, "reference": row.reference,
              "merchant_reference": row.merchant_reference, "note": row.note}
    lines = [message("import.bill.line", lang, channel=channel, line=row.line)]
    lines += [f"{label}: {values[key]}" for key, label in columns.items() if values.get(key)]
    return "\n".join(lines)


def import_bill(journal: Any, bill: ParsedBill, *, counterparts: list[str] | None = None,
                progress: ProgressCallback | None = None, lang: str | None = None,
                original: bytes | None = None,
                limits: ImportLimits = DEFAULT_LIMITS) -> ImportResult:
    """Write the chosen rows of ``bill`` as payment entries, in one transaction.

    ``counterparts``: the counterparts whose rows matter (every row of theirs is recorded);
    None = every transfer and red packet row, no shop purchase.
    """
    lang = lang or system_lang()
    name = bill.source_path.name if bill.source_path else f"{bill.app}-bill"
    if journal.import_seen(bill.source_sha256):
        log.info("import skipped: bill already imported")
        return ImportResult(duplicate=True, bill=True)
    if original is None:
        if bill.source_path is None:
            raise ImportFormatError("import.bill_no_rows", name=name)
        _, original, sha = read_export(bill.source_path)
        if sha != bill.source_sha256:
            raise ImportFormatError("import.changed_since_preview", name=name)
    elif hashlib.sha256(original).hexdigest() != bill.source_sha256:
        raise ImportFormatError("import.changed_since_preview", name=name)
    rows = select_rows(bill, counterparts)
    if not rows:
        raise ImportFormatError("import.bill_nothing_chosen", name=name)
    budget = Budget(limits, name)
    budget.spend(len(original))  # the bill kept as evidence; refuses before anything is written
    channel = message(f"import.channel.{bill.app}", lang)
    days = len({r.occurred_at.date() for r in rows})
    result = ImportResult(messages=len(rows), days=days, bill=True)
    persons = ImportPersons(journal, bill.app, {})
    persons_platform = channel
    if progress:
        progress(0, len(rows))
    with journal.transaction():
        import_id = journal.record_import(bill.app, name, bill.source_sha256, None, len(rows), days)
        result.import_id = import_id
        for done, row in enumerate(rows, start=1):
            pids = [persons.id_for(row.counterpart, platform=persons_platform)] \
                if row.counterpart else []
            what = f" ({row.type})" if lang != "zh" else f"（{row.type}）"
            key = {"received": "import.bill.summary.received",
                   "sent": "import.bill.summary.sent"}.get(row.direction or "",
                                                          "import.bill.summary.neutral")
            summary = message(key, lang, channel=channel, amount=f"{row.amount:.2f}",
                              who=row.counterpart or "?", what=what if row.type else "")
            draft = EntryDraft(
                kind="payment", occurred_at=row.occurred_at, precision="exact",
                summary=summary[:480], details=_bill_details(row, bill, channel, lang),
                persons=pids, channel=channel, amount=row.amount, currency="CNY",
                method=BILL_METHODS[bill.app], direction=row.direction,
                reference=row.reference or None,
            )
            entry = journal.add_entry(draft, import_id=import_id)
            result.entry_ids.append(entry.id)
            for pid in pids:
                if pid not in result.persons:
                    result.persons.append(pid)
            if progress:
                progress(done, len(rows))
        att = journal.add_attachment(
            entry_id=result.entry_ids[0], data=original, filename=name,
            caption=message("import.bill.original_caption", lang, channel=channel, rows=len(rows),
                            total=len(bill.rows)),
            import_id=import_id,
        )
        result.original_attachment_id = att.id
        journal.finish_import(import_id, len(rows), days, attachment_id=att.id)
    log.info("imported %d payment rows of %d", len(rows), len(bill.rows))
    return result
