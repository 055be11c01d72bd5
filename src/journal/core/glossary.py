"""The app's words, one per idea, in English and Simplified Chinese (docs/GLOSSARY.md explains them).

Every text the user sees — window, command line, PDF, help — uses these words. ``avoid`` lists
the Chinese variants that crept in before and must not come back (``tests/test_zh_wording.py``
looks for them in every Chinese text the app can show).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    id: str
    en: str
    zh: str
    note: str = ""
    avoid: tuple[str, ...] = ()


TERMS: tuple[Term, ...] = (
    Term("journal", "journal", "日志", "the one encrypted file holding everything"),
    Term("journal_file", "journal file", "日志文件"),
    Term("entry", "entry", "记录", "one event written down"),
    Term("person", "person", "人物", "someone recorded in the journal", ("相关人员",)),
    Term("counterpart", "the other person (counterpart)", "对方",
         "the person who approached the user; never the user themself"),
    Term("passphrase", "passphrase", "密码", "opens the journal; cannot be recovered",
         ("口令", "密码短语")),
    Term("warning_sign", "warning sign", "警示信号", "a known recruitment pattern; a checklist item, "
         "never a verdict", ("危险信号", "预警信号")),
    Term("sign_present", "present", "已出现", "the entries clearly show the sign",
         ("“存在”", "存在 {present}")),
    Term("sign_possible", "possible", "有迹象", "some wording points to the sign",
         ("“可能”", "可能 {possible}")),
    Term("not_this", "not this", "不适用", "the user set a warning sign aside, with a reason"),
    Term("report_pdf", "report", "报告", "the PDF for a teacher or an official"),
    Term("report_made", "report made", "已举报", "an entry of kind report: the matter was reported"),
    Term("evidence_package", "evidence package", "证据包", "signed BagIt zip"),
    Term("attachment", "attachment", "附件"),
    Term("trash", "trash", "回收站", "deleted entries wait here and can be restored",
         ("移入回收站",)),
    Term("backup", "backup", "备份"),
    Term("demo", "demo journal", "示例日志", "made-up entries for trying the app", ("演示日志",)),
    Term("integrity_check", "integrity check", "完整性校验"),
    Term("audit_chain", "audit chain", "审计链", "the hash-chained record of every change"),
    Term("head_hash", "head of the audit chain", "审计链末端哈希值",
         "the hash to write down and compare later", ("链头", "头哈希")),
    Term("signing_key", "signing key fingerprint", "签名密钥指纹"),
    Term("authorities", "national security authorities", "国家安全机关"),
    Term("private_notice", "Private — handle with care", "个人材料，请妥善保管",
         "printed on the PDF instead of a secrecy level", ("机密", "绝密", "秘密级")),
)

BY_ID: dict[str, Term] = {t.id: t for t in TERMS}


def term(term_id: str, lang: str) -> str:
    """The word for ``term_id`` in ``lang`` ("zh" or "en")."""
    t = BY_ID[term_id]
    return t.zh if lang == "zh" else t.en


def avoided() -> dict[str, str]:
    """Each Chinese variant that must not appear → the glossary word to use instead."""
    return {bad: t.zh for t in TERMS for bad in t.avoid}
