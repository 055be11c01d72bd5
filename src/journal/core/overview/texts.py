"""The overview's words in English and Chinese (registered with :mod:`journal.core.i18n`), shared
by the window, the PDF cover, the SVG/PNG export and the command line."""

from __future__ import annotations

from journal.core import i18n

_T: dict[str, tuple[str, str]] = {
    "overview.title": ("Overview", "概览"),
    "overview.heading": ("What happened, at a glance", "事情经过一览"),
    "overview.picture": ("Timeline picture", "时间线图"),
    "overview.lane.contact": ("Contacts", "联系"),
    "overview.lane.meeting": ("Meetings", "见面"),
    "overview.lane.request": ("Requests", "要求"),
    "overview.lane.money": ("Money and gifts", "钱款与礼物"),
    "overview.lane.threat": ("Threats", "威胁"),
    "overview.lane.report": ("Reports", "举报"),
    "overview.lane.signs": ("Warning signs", "警示信号"),
    "overview.level.harmless": ("harmless", "无害目标"),
    "overview.level.personal_data": ("personal or inside data", "个人或内部资料"),
    "overview.level.sensitive_place": ("sensitive place", "敏感地点"),
    "overview.level.military": ("military or government", "军事或政府目标"),
    "overview.received": ("money and gifts so far", "累计钱款与礼物"),
    "overview.received_total": ("Received in all (money and gifts): {amounts}",
                                "共收到（钱款与礼物）：{amounts}"),
    "overview.channel.first": ("began on {channel}", "始于{channel}"),
    "overview.channel.moved": ("→ {channel}", "→ {channel}"),
    "overview.unit.day": ("one column per day", "每列一天"),
    "overview.unit.week": ("one column per week", "每列一周"),
    "overview.unit.month": ("one column per month", "每列一月"),
    "overview.unit.days": ("one column per {n} days", "每列{n}天"),
    "overview.unit.weeks": ("one column per {n} weeks", "每列{n}周"),
    "overview.unit.months": ("one column per {n} months", "每列{n}个月"),
    "overview.empty": ("Nothing recorded yet: the picture appears with the first entry.",
                       "还没有记录：写下第一条后，这里会出现图示。"),
    "overview.signs_pending": ("Warning signs are still being checked…", "正在检查警示信号……"),
    "overview.legend.signs": ("Where each warning sign first shows", "每个警示信号首次出现之处"),
    "overview.legend.requests": ("Requests by target", "要求按目标分类"),
    "overview.hover": ("{date} · {summary}", "{date} · {summary}"),
    "overview.hover.more": ("{n} {n:entry|entries} here; the first:", "此处共{n}条，第一条："),
    "overview.people": ("The people involved", "涉及的人"),
    "overview.people.none": ("No people linked to the entries yet.", "记录中还没有关联的人。"),
    "overview.people.first_last": ("first contact {first}, last {last}", "首次联系{first}，最后{last}"),
    "overview.people.totals": ("{entries} {entries:entry|entries}, {requests} {requests:request|requests}",
                               "{entries}条记录，{requests}项要求"),
    "overview.people.received": ("money received {amounts}", "收到钱款{amounts}"),
    "overview.people.gifts": ("gifts worth {amounts}", "礼物价值{amounts}"),
    "overview.people.trusted": ("(someone you trust)", "（你信任的人）"),
    "overview.people.no_handles": ("no accounts recorded", "未记录账号"),
    "overview.people.channels": ("talked on {channels}", "联系渠道：{channels}"),
    "overview.narrative": ("In short", "简要经过"),
    "overview.copy": ("Copy", "复制"),
    "overview.copied": ("Copied. The clipboard is cleared again in 30 seconds.",
                        "已复制。30秒后会自动清空剪贴板。"),
    "overview.open_hint": ("Point at a mark to see the entry; click it to open it in the timeline.",
                           "鼠标指向标记可查看记录，点击即可在时间线中打开。"),
    "overview.cover.picture": ("The case at a glance", "案情一览"),
    "overview.error.format": ("Choose a file name ending in .png or .svg (not “{name}”).",
                              "请选择以 .png 或 .svg 结尾的文件名（而不是“{name}”）。"),
    "overview.error.png": (("A PNG picture could not be made here ({detail}). Save it as .svg "
                            "instead, which any browser shows."),
                           "此处无法生成PNG图片（{detail}）。请改存为 .svg，任何浏览器都能打开。"),
    "overview.exported": ("Overview picture saved to {path}", "概览图已保存到{path}"),
}

i18n.register({k: {"en": en, "zh": zh} for k, (en, zh) in _T.items()})


def t(key: str, lang: str, **params: object) -> str:
    return i18n.message(key, lang, **params)
