"""Every text of the PDF and plain-text report, in English and Simplified Chinese.

Keys start with ``report.``; :func:`tr` is a short form of :func:`journal.core.i18n.message`.
The names of kinds, fields, choice values and money totals come from :mod:`journal.core.fields`.
"""

from __future__ import annotations

from journal.core import fields
from journal.core.i18n import message, register

_TEXTS: dict[str, dict[str, str]] = {
    # errors
    "report.error.password_empty": {
        "en": "The password for the PDF is empty. Type a password, or leave protection off.",
        "zh": "PDF 的密码为空。请输入密码，或者不设置密码保护。",
    },
    "report.error.is_journal": {
        "en": "The report cannot be saved over the journal file itself. Choose another name.",
        "zh": "报告不能保存在日志文件本身上。请换一个文件名。",
    },
    "report.error.is_directory": {
        "en": "{path} is a folder. Choose a file name for the report.",
        "zh": "{path} 是一个文件夹。请为报告选择一个文件名。",
    },
    "report.error.bad_kind": {
        "en": 'Unknown kind "{kind}" in the report options.',
        "zh": "报告选项中有未知的类型“{kind}”。",
    },
    "report.error.bad_range": {
        "en": "The start date is after the end date.",
        "zh": "开始日期晚于结束日期。",
    },
    # running header / footer
    "report.title": {"en": "Record of suspicious contacts", "zh": "可疑接触情况记录"},
    "report.subtitle": {
        "en": "A personal record kept with Incident Journal, for a teacher or the national "
        "security authorities",
        "zh": "使用“事件日志”记录的个人材料，供老师或国家安全机关查阅",
    },
    "report.private_notice": {"en": "Private — handle with care", "zh": "个人材料，请妥善保管"},
    "report.page_of": {"en": "Page {page} of {pages}", "zh": "第 {page} 页，共 {pages} 页"},
    "report.masked_copy": {"en": "Masked copy", "zh": "遮盖版"},
    # cover
    "report.cover.prepared_by": {"en": "Prepared by", "zh": "整理人"},
    "report.cover.prepared_on": {"en": "Date prepared", "zh": "整理日期"},
    "report.cover.period": {"en": "Period covered", "zh": "涵盖时间"},
    "report.cover.period_value": {"en": "{start} to {end}", "zh": "{start} 至 {end}"},
    "report.cover.period_none": {"en": "no entries in this period", "zh": "此期间没有记录"},
    "report.cover.selection": {"en": "Selection", "zh": "筛选条件"},
    "report.cover.all_entries": {"en": "all entries", "zh": "全部记录"},
    "report.cover.kinds_only": {"en": "kinds: {kinds}", "zh": "类型：{kinds}"},
    "report.cover.persons_only": {"en": "people: {names}", "zh": "人物：{names}"},
    "report.cover.since": {"en": "from {date}", "zh": "自 {date} 起"},
    "report.cover.until": {"en": "until {date}", "zh": "至 {date} 止"},
    "report.cover.counts": {"en": "What was recorded", "zh": "记录数量"},
    "report.cover.entries_total": {"en": "Entries in this report", "zh": "本报告中的记录"},
    "report.cover.signs_total": {"en": "Warning signs", "zh": "警示信号"},
    "report.cover.signs_value": {
        "en": "{present} present, {possible} possible",
        "zh": "已出现 {present} 项，有迹象 {possible} 项",
    },
    "report.cover.people_total": {"en": "People involved", "zh": "涉及人物"},
    "report.cover.attachments_total": {"en": "Attached files", "zh": "附件"},
    "report.cover.money": {"en": "Money and gifts", "zh": "金钱与礼物"},
    "report.cover.no_money": {
        "en": "No payment, promise of money or gift is recorded in this period.",
        "zh": "此期间没有记录任何付款、承诺的报酬或礼物。",
    },
    "report.cover.masked_note": {
        "en": "In this copy every account name, phone number and email address is masked, and "
        "pictures are not shown because they may contain such details.",
        "zh": "本版本中所有账号、电话号码和电子邮箱均已遮盖；图片可能含有此类信息，因此不予显示。",
    },
    "report.cover.empty": {
        "en": "Nothing has been recorded yet for this selection. When something happens, add it "
        "to the journal and make a new report.",
        "zh": "在所选范围内还没有任何记录。如有情况发生，请先记入日志，再重新生成报告。",
    },
    "report.cover.about": {
        "en": "The person who prepared this report kept these notes themselves, at the time or "
        "soon after. Each entry shows when it happened and when it was written down. The "
        "warning signs are a checklist of known patterns, not a conclusion about anyone.",
        "zh": "本报告中的内容由整理人本人在事发当时或事后不久记录。每条记录都注明了发生时间和记录时间。"
        "“警示信号”只是对已知手法的对照检查，并不是对任何人的结论。",
    },
    # sections
    "report.section.signs": {"en": "Warning signs", "zh": "警示信号"},
    "report.section.people": {"en": "People involved", "zh": "涉及人物"},
    "report.section.timeline": {"en": "Timeline", "zh": "时间线"},
    "report.section.requests": {"en": "Requests", "zh": "对方提出的要求"},
    "report.section.payments": {"en": "Payments", "zh": "钱款往来"},
    "report.section.gifts": {"en": "Gifts", "zh": "礼物"},
    "report.section.attachments": {"en": "Attachments", "zh": "附件"},
    "report.section.integrity": {"en": "Integrity of this record", "zh": "记录的完整性"},
    "report.section.where": {
        "en": "Where to report and what to bring",
        "zh": "如何举报、需要带什么",
    },
    "report.contents": {"en": "Contents", "zh": "目录"},
    # signs
    "report.signs.intro": {
        "en": "The app compares the entries with patterns seen in published cases. A sign "
        'marked "present" is clearly shown by the entries listed; "possible" means that some '
        "wording points to it. This is a checklist, not a verdict.",
        "zh": "本应用把记录与已公开案例中的常见手法进行对照。“已出现”表示所列记录明确体现了该信号；"
        "“有迹象”表示有些措辞指向该信号。这只是对照清单，不是结论。",
    },
    "report.signs.none": {
        "en": "None of the known warning signs was found in the selected entries.",
        "zh": "在所选记录中没有发现已知的警示信号。",
    },
    "report.signs.level.present": {"en": "present", "zh": "已出现"},
    "report.signs.level.possible": {"en": "possible", "zh": "有迹象"},
    "report.signs.evidence": {"en": "Shown by", "zh": "依据记录"},
    "report.signs.advice": {"en": "Advice", "zh": "建议"},
    # people
    "report.people.none": {
        "en": "No person is linked to these entries.",
        "zh": "这些记录没有关联任何人物。",
    },
    "report.people.aliases": {"en": "Also called", "zh": "别名"},
    "report.people.claims": {"en": "Claims to be", "zh": "自称身份"},
    "report.people.platform": {"en": "Met on", "zh": "结识平台"},
    "report.people.handles": {"en": "Accounts and numbers", "zh": "账号与号码"},
    "report.people.first": {"en": "First contact", "zh": "首次接触"},
    "report.people.last": {"en": "Last contact", "zh": "最近接触"},
    "report.people.entries": {"en": "Entries", "zh": "相关记录"},
    "report.people.notes": {"en": "Notes", "zh": "备注"},
    "report.people.claims_value": {"en": "{role}, {organisation}", "zh": "{organisation}{role}"},
    # timeline and fields
    "report.timeline.intro": {
        "en": 'All entries in order of when they happened. "Recorded" is when the entry was '
        "written down; the app sets it and it cannot be changed.",
        "zh": "所有记录按发生时间排列。“记录于”是写下该记录的时间，由应用自动设置，无法修改。",
    },
    "report.field.recorded": {"en": "Recorded", "zh": "记录于"},
    "report.field.edited": {"en": "edited, revision {n}", "zh": "已修改，第 {n} 版"},
    "report.field.attachments": {"en": "Attachments", "zh": "附件"},
    "report.field.from_to": {"en": "With", "zh": "对方"},
    "report.field.date": {"en": "Date", "zh": "日期"},
    "report.field.total": {"en": "Total", "zh": "合计"},
    "report.handle.wechat": {"en": "WeChat", "zh": "微信"},
    "report.handle.qq": {"en": "QQ", "zh": "QQ"},
    "report.handle.phone": {"en": "Phone", "zh": "电话"},
    "report.handle.email": {"en": "Email", "zh": "邮箱"},
    "report.handle.telegram": {"en": "Telegram", "zh": "Telegram"},
    "report.handle.whatsapp": {"en": "WhatsApp", "zh": "WhatsApp"},
    "report.handle.signal": {"en": "Signal", "zh": "Signal"},
    "report.handle.line": {"en": "LINE", "zh": "LINE"},
    "report.handle.other": {"en": "Other", "zh": "其他"},
    "report.requests.none": {
        "en": "No request is recorded in this period.",
        "zh": "此期间没有记录任何要求。",
    },
    "report.payments.none": {
        "en": "No payment is recorded in this period.",
        "zh": "此期间没有记录任何钱款往来。",
    },
    "report.gifts.none": {
        "en": "No gift is recorded in this period.",
        "zh": "此期间没有记录任何礼物。",
    },
    "report.see_timeline": {"en": "(continued in the timeline)", "zh": "（全文见时间线）"},
    # attachments
    "report.att.intro": {
        "en": "Pictures are shown reduced in size. The original files are kept unchanged inside "
        "the encrypted journal; the SHA-256 fingerprint below identifies each original exactly.",
        "zh": "图片以缩小后的尺寸显示。原始文件未经改动地保存在加密日志中；下表中的 SHA-256 "
        "指纹可以准确识别每个原始文件。",
    },
    "report.att.none": {"en": "No file is attached to these entries.", "zh": "这些记录没有附件。"},
    "report.att.left_out": {
        "en": "Pictures were left out of this report; every file is listed below.",
        "zh": "本报告未包含图片；所有文件列于下表。",
    },
    "report.att.masked": {
        "en": "Pictures are not shown in a masked copy, because they may show account names or "
        "numbers. Every file is listed below.",
        "zh": "遮盖版不显示图片，因为图片中可能含有账号或号码。所有文件列于下表。",
    },
    "report.att.list": {"en": "List of files", "zh": "文件清单"},
    "report.att.no": {"en": "No.", "zh": "编号"},
    "report.att.name": {"en": "File", "zh": "文件"},
    "report.att.size": {"en": "Size", "zh": "大小"},
    "report.att.added": {"en": "Added", "zh": "添加于"},
    "report.att.sha": {"en": "SHA-256", "zh": "SHA-256"},
    "report.att.of_entry": {"en": "Entry of {date}: {summary}", "zh": "{date} 的记录：{summary}"},
    "report.att.of_person": {"en": "Picture of {name}", "zh": "{name} 的照片"},
    "report.att.not_image": {"en": "not a picture; listed only", "zh": "不是图片，仅列出"},
    "report.att.unreadable": {
        "en": "this picture could not be read; listed only",
        "zh": "无法读取这张图片，仅列出",
    },
    # integrity
    "report.integrity.intro": {
        "en": "Every change to the journal is added to a chain of records in which each record "
        "contains the fingerprint (SHA-256 hash) of the one before. Changing or removing anything "
        "afterwards breaks the chain, and the check below shows it.",
        "zh": "日志的每一次改动都会追加到一条记录链中，每条记录都包含前一条记录的指纹（SHA-256 哈希值）。"
        "事后修改或删除任何内容都会使这条链断开，下面的检查方法可以发现这种情况。",
    },
    "report.integrity.head": {"en": "Head of the audit chain", "zh": "审计链末端哈希值"},
    "report.integrity.exported": {"en": "Report made at", "zh": "报告生成时间"},
    "report.integrity.records": {"en": "Records in the chain", "zh": "审计链记录数"},
    "report.integrity.later": {
        "en": "Later, to confirm that nothing recorded up to this report was removed or changed "
        "(even if entries were added since), run the command below on the journal. It succeeds "
        "only if the head above is still record {records} of the chain, and says how many records "
        "came after it.",
        "zh": "如国家安全机关日后需要核查本报告之前记录的内容是否被删除或改动（即使之后又新增了记录），"
        "可在该日志上运行下面的命令。只有当上面的末端哈希值仍是审计链的第 {records} 条记录时，命令才会通过，"
        "并显示其后新增了多少条记录。",
    },
    "report.integrity.scope": {
        "en": "The check covers every page of the encrypted file, the chain, every entry, person, "
        "saved revision and attachment, and the search index. It does not cover unsaved editor "
        "drafts or the app's settings, which are not evidence.",
        "zh": "校验范围包括加密文件的每一页、审计链、每条记录、人物、历史版本和附件，以及搜索索引；"
        "不包括编辑器中未保存的草稿和软件设置，它们不属于证据。",
    },
    "report.integrity.file": {"en": "Journal file", "zh": "日志文件"},
    "report.integrity.key": {"en": "Signing key fingerprint", "zh": "签名密钥指纹"},
    "report.integrity.key_note": {
        "en": "Evidence packages exported from this journal are signed with its own key. A "
        "package whose signing-key.pem has the fingerprint above comes from the same journal as "
        "this report.",
        "zh": "从这个日志导出的证据包都用它自己的密钥签名。如果证据包中 signing-key.pem 的指纹与上面的相同，"
        "它就和本报告来自同一个日志。",
    },
    "report.integrity.how": {
        "en": "To check: open the journal in Incident Journal and choose “Check integrity…” "
        "in its Journal menu, or open a terminal on the computer that holds the journal and run "
        "the command below, then type the journal's passphrase. It checks the whole chain and "
        "every attached file, and prints the head of the chain. If nothing was added or changed "
        "after this report was made, it is the same value as above; later entries change it, "
        "and the earlier part of the chain must still check out.",
        "zh": "检查方法：在事件日志软件中打开日志，在“日志”菜单中选择“校验完整性…”；"
        "或者在保存日志的电脑上打开终端，运行下面的命令并输入日志密码。"
        "该命令会检查整条记录链和每个附件，并显示链的末端哈希值。如果生成本报告后没有新增或修改内容，"
        "显示的值应与上面相同；之后新增的记录会改变这个值，但之前的部分仍须通过检查。",
    },
    # where to report
    "report.where.intro": {
        "en": "If someone may be gathering sensitive information through you, stop doing what "
        "they ask, keep everything, and report it. In China you can:",
        "zh": "如果有人可能在通过你收集敏感信息，请停止按对方的要求行事，保留所有材料，并及时举报。在中国可以：",
    },
    "report.where.hotline": {
        "en": "call the national security reporting hotline 12339;",
        "zh": "拨打国家安全机关举报受理电话 12339；",
    },
    "report.where.online": {
        "en": "use the online reporting platform of the national security authorities "
        "(www.12339.gov.cn);",
        "zh": "登录国家安全机关举报受理平台（www.12339.gov.cn）在线举报；",
    },
    "report.where.wechat": {
        "en": "write through the official WeChat account of the Ministry of State Security;",
        "zh": "通过国家安全部官方微信公众号举报；",
    },
    "report.where.office": {
        "en": "go in person to the local national security office.",
        "zh": "直接到当地国家安全机关当面反映。",
    },
    "report.where.teacher": {
        "en": "You do not have to go alone: a teacher, counsellor or parent can come with you.",
        "zh": "你不必独自前往：可以请老师、辅导员或家长陪同。",
    },
    "report.where.bring": {"en": "What to bring", "zh": "需要携带的材料"},
    "report.where.bring_devices": {
        "en": "the phone and any computer you used with this person, with the chats still on "
        "them — do not delete anything, even what they asked you to delete;",
        "zh": "与对方联系时使用的手机和电脑，保留其中的聊天记录——不要删除任何内容，即使对方要求删除；",
    },
    "report.where.bring_screens": {
        "en": "screenshots of profiles, chats, tasks and transfers, and payment records;",
        "zh": "对方资料页、聊天内容、任务要求和转账的截图，以及收付款记录；",
    },
    "report.where.bring_gifts": {
        "en": "anything you were given (phone, SIM card, camera, equipment) and its packaging;",
        "zh": "对方送给你的物品（手机、电话卡、相机、设备等）及其包装；",
    },
    "report.where.bring_report": {
        "en": "this report, printed or on a USB stick, and the journal file with its passphrase "
        "if they ask to check it.",
        "zh": "本报告（打印件或存于U盘），如对方需要核查，还可携带日志文件并提供密码。",
    },
    "report.where.dont": {
        "en": "Do not confront the person, do not tell them you are reporting, and do not carry "
        "out any further task for them.",
        "zh": "不要与对方当面对质，不要告诉对方你要举报，也不要再为对方完成任何任务。",
    },
    # plain text summary
    "report.text.header": {
        "en": "Summary of suspicious contacts (prepared with Incident Journal on {date})",
        "zh": "可疑接触情况摘要（于 {date} 使用“事件日志”整理）",
    },
    "report.text.who": {"en": "Who", "zh": "对方"},
    "report.text.since": {
        "en": "Contact from {first} to {last} ({n} recorded {n:event|events}).",
        "zh": "接触时间：{first} 至 {last}（共记录 {n} 件事）。",
    },
    "report.text.nothing": {"en": "Nothing has been recorded yet.", "zh": "还没有任何记录。"},
    "report.text.asked": {"en": "What I was asked to do", "zh": "对方要求我做的事"},
    "report.text.paid": {"en": "Money and gifts", "zh": "金钱与礼物"},
    "report.text.signs": {"en": "Warning signs noticed", "zh": "发现的警示信号"},
    "report.text.evidence": {
        "en": "I have kept the evidence ({entries} {entries:entry|entries}, {files} {files:file|files} such as screenshots) "
        "in an encrypted journal and can provide a full PDF report.",
        "zh": "我已把证据（共 {entries} 条记录、{files} 个截图等文件）保存在加密日志中，并可提供完整的 PDF 报告。",
    },
    "report.text.more": {"en": "and {n} more", "zh": "另有 {n} 项"},
    "report.text.gift_items": {"en": "Gifts: {items}", "zh": "礼物：{items}"},
}

register(_TEXTS)


def tr(key: str, lang: str, **params: object) -> str:
    """The report text ``key`` in ``lang``."""
    return message(key, lang, **params)


def kind_name(kind: str, lang: str) -> str:
    return fields.kind_label(kind, lang)


def choice(field: str, value: str | None, lang: str) -> str:
    """A stored choice value (status, method, …) in ``lang``; free text as it is."""
    return fields.choice_label(field, value, lang)


def handle_name(kind: str, lang: str) -> str:
    key = f"report.handle.{kind}"
    return tr(key, lang) if key in _TEXTS else kind
