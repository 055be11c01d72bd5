"""The integrity check's result in plain words, for the window's "Check integrity" (the CLI's
``verify`` prints the same facts in its own layout)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from journal.core import glossary, i18n
from journal.core.models import VerifyProblem, VerifyResult

i18n.register({
    "verify.ok_title": {"en": "The journal is intact", "zh": "日志完好"},
    "verify.bad_title": {"en": "The integrity check found a problem", "zh": "完整性校验发现了问题"},
    "verify.ok": {"en": "Nothing recorded in this journal has been removed or changed since it "
                        "was written down.",
                  "zh": "这个日志里记下的内容，自写入以来没有被删除或改动过。"},
    "verify.bad": {"en": "Something in this file no longer matches what was recorded. Keep this "
                         "file as it is, do not edit it further, and restore a backup or ask for "
                         "help. First problem found: {first}",
                   "zh": "这个文件中有内容与当初记录的不一致。请保持文件原样，不要再修改，"
                         "然后恢复一个备份或向他人求助。发现的第一个问题：{first}。"},
    "verify.checked": {"en": "Checked: every page of the file, the audit chain ({records} "
                             "{records:record|records}), every entry, person and attachment "
                             "({attachments} {attachments:attachment|attachments}), {revisions} "
                             "saved {revisions:revision|revisions} and the search index.",
                       "zh": "已检查：文件的每一页、审计链（{records} 条记录）、每条记录、每个人物和附件"
                             "（{attachments} 个附件）、{revisions} 个历史版本以及搜索索引。"},
    "verify.not_covered": {"en": "Not covered: unsaved editor drafts and the app's settings (they "
                                 "are not evidence).",
                           "zh": "不在校验范围内：编辑器中未保存的草稿和软件设置（它们不是证据）。"},
    "verify.head": {"en": "The head hash below stands for everything recorded so far. Write it "
                          "down or copy it: a later check can show that nothing before it was "
                          "changed.",
                    "zh": "下面的审计链末端哈希值代表到目前为止记录的全部内容。请把它抄下或复制保存："
                          "以后再校验时，可以证明它之前的内容没有被改动。"},
})


@dataclass(frozen=True)
class VerifySummary:
    title: str
    lines: list[str]
    head_hash: str


def summary(result: VerifyResult, lang: str) -> VerifySummary:
    """Headline and sentences: the verdict, what was checked, what is not covered, the head."""
    if result.ok:
        title = i18n.message("verify.ok_title", lang)
        verdict = i18n.message("verify.ok", lang)
    else:
        title = i18n.message("verify.bad_title", lang)
        first = problem_text(result.issues[0], lang) if result.issues else ""
        verdict = i18n.message("verify.bad", lang, first=first)
    lines = [verdict,
             i18n.message("verify.checked", lang, records=result.records,
                          attachments=result.attachments, revisions=result.revisions),
             i18n.message("verify.not_covered", lang),
             i18n.message("verify.head", lang)]
    return VerifySummary(title, lines, result.head_hash)


# ---------------------------------------------------------------------- each problem found
# verify's findings: the English text is also what ``verify --json`` prints under "problems"
# (kept as it was); the code and parameters go beside it under "issues".
i18n.register({
    "verify.problem.expected_head_missing": {
        "en": "the expected head {head} is not a record of this journal's chain",
        "zh": "预期的审计链末端哈希值 {head} 不是本日志审计链中的记录"},
    "verify.problem.audit_missing": {"en": "audit record {seq} is missing",
                                     "zh": "审计链第 {seq} 条记录缺失"},
    "verify.problem.audit_out_of_order": {
        "en": "audit record {seq} does not follow the one before it",
        "zh": "审计链第 {seq} 条记录与前一条记录接不上"},
    "verify.problem.audit_altered": {"en": "audit record {seq} was altered",
                                     "zh": "审计链第 {seq} 条记录被改动过"},
    "verify.problem.revision_unaudited": {
        "en": "revision {revision} of {object_type} {object_id} is not in the audit log",
        "zh": "{object_type} {object_id} 的第 {revision} 个历史版本不在审计链中"},
    "verify.problem.revision_changed": {
        "en": "revision {revision} of {object_type} {object_id} was changed outside the app",
        "zh": "{object_type} {object_id} 的第 {revision} 个历史版本在本软件之外被改动过"},
    "verify.problem.revision_removed": {"en": "saved revision {row_id} was removed",
                                        "zh": "已保存的历史版本 {row_id} 被删除了"},
    "verify.problem.object_unaudited": {"en": "{object_type} {object_id} is not in the audit log",
                                        "zh": "{object_type} {object_id} 不在审计链中"},
    "verify.problem.object_changed": {
        "en": "{object_type} {object_id} was changed outside the app",
        "zh": "{object_type} {object_id} 在本软件之外被改动过"},
    "verify.problem.attachment_lost": {"en": "attachment {id} has lost its content",
                                       "zh": "附件 {id} 的内容丢失了"},
    "verify.problem.attachment_mismatch": {"en": "attachment {id} does not match its SHA-256",
                                           "zh": "附件 {id} 与它的 SHA-256 值不符"},
    "verify.problem.index_person_lost": {"en": "the search index has lost person {id}",
                                         "zh": "搜索索引中缺少人物 {id}"},
    "verify.problem.index_person_changed": {
        "en": "the search index of person {id} was changed outside the app",
        "zh": "人物 {id} 的搜索索引在本软件之外被改动过"},
    "verify.problem.index_person_extra": {
        "en": "the search index holds {n} person {n:row|rows} of no person",
        "zh": "搜索索引中有 {n} 行不属于任何人物"},
    "verify.problem.index_entry_lost": {"en": "the search index has lost entry {id}",
                                        "zh": "搜索索引中缺少记录 {id}"},
    "verify.problem.index_entry_changed": {
        "en": "the search index of entry {id} was changed outside the app",
        "zh": "记录 {id} 的搜索索引在本软件之外被改动过"},
    "verify.problem.index_entry_extra": {"en": "the search index holds {n} {n:row|rows} of no entry",
                                         "zh": "搜索索引中有 {n} 行不属于任何记录"},
    "verify.problem.key_removed": {"en": "the signing key was removed from the journal",
                                   "zh": "签名密钥已从日志中被删除"},
    "verify.problem.key_half_missing": {"en": "half of the signing key is missing",
                                        "zh": "签名密钥缺了一半"},
    "verify.problem.key_unreadable": {"en": "the signing key is unreadable",
                                      "zh": "签名密钥无法读取"},
    "verify.problem.key_halves_differ": {
        "en": "the signing key's private and public halves do not belong together",
        "zh": "签名密钥的私钥和公钥不是一对"},
    "verify.problem.key_unaudited": {"en": "the signing key is not in the audit log",
                                     "zh": "签名密钥不在审计链中"},
    "verify.problem.key_changed": {"en": "the signing key was changed outside the app",
                                   "zh": "签名密钥在本软件之外被改动过"},
    "verify.problem.sign_facts_stale_one": {
        "en": "the warning-sign facts of 1 entry are out of date (they are rebuilt when the "
              "journal is next opened for writing)",
        "zh": "1 条记录的警示信号依据已过期（下次以可写方式打开日志时会重建）"},
    "verify.problem.sign_facts_stale": {
        "en": "the warning-sign facts of {n} entries are out of date (they are rebuilt when the "
              "journal is next opened for writing)",
        "zh": "{n} 条记录的警示信号依据已过期（下次以可写方式打开日志时会重建）"},
})

# the kinds of object a finding names: the glossary's words where it has one
_OBJECT_WORDS: dict[str, i18n.Bilingual] = {
    "entry": i18n.Bilingual("entry", glossary.term("entry", "zh")),
    "person": i18n.Bilingual("person", glossary.term("person", "zh")),
    "attachment": i18n.Bilingual("attachment", glossary.term("attachment", "zh")),
    "import": i18n.Bilingual("import", "导入记录"),
    "message": i18n.Bilingual("message", "消息"),  # an imported or recognised chat message
    "dismissal": i18n.Bilingual("dismissal", "“" + glossary.term("not_this", "zh") + "”标记"),
}


def problem_text(problem: VerifyProblem, lang: str) -> str:
    """One finding in ``lang``; an object kind the app does not know is shown as stored."""
    params: dict[str, Any] = dict(problem.params)
    kind = params.get("object_type")
    if isinstance(kind, str) and kind in _OBJECT_WORDS:
        params["object_type"] = _OBJECT_WORDS[kind]
    return i18n.message(f"verify.problem.{problem.code}", lang, **params)
