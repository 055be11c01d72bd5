"""The integrity check's result in plain words, for the window's "Check integrity" (the CLI's
``verify`` prints the same facts in its own layout)."""

from __future__ import annotations

from dataclasses import dataclass

from journal.core import i18n
from journal.core.models import VerifyResult

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
                         "然后恢复一个备份或向他人求助。发现的第一个问题：{first}"},
    "verify.checked": {"en": "Checked: every page of the file, the audit chain ({records} records), "
                             "every entry, person and attachment ({attachments} attachments), "
                             "{revisions} saved revisions and the search index.",
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
        first = result.problems[0] if result.problems else ""
        verdict = i18n.message("verify.bad", lang, first=first)
    lines = [verdict,
             i18n.message("verify.checked", lang, records=result.records,
                          attachments=result.attachments, revisions=result.revisions),
             i18n.message("verify.not_covered", lang),
             i18n.message("verify.head", lang)]
    return VerifySummary(title, lines, result.head_hash)
