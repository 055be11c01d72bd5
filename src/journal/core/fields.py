"""The one table of entry kinds and their fields.

Every face of the journal reads what an entry holds from here: validation
(:mod:`journal.core.entryfields`), the command line's options, help and human output, the entry
editor's rows, the timeline and detail pane, the PDF and text report, the JSON form and the money
totals. Adding a field to a kind means adding a :class:`Field` below (and a column, see
``schema.py``); the faces pick it up.

Labels are given in both languages here, once, so every screen uses the same words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from journal.core.errors import InputError
from journal.core.i18n import Bilingual

if TYPE_CHECKING:
    from journal.core.models import Entry

# Field types
TEXT = "text"  # one line
MULTILINE = "multiline"  # free text
DECIMAL = "decimal"  # money: Decimal, never float; shown with the entry's currency
CURRENCY = "currency"  # ISO 4217 code
CHOICE = "choice"  # one of a fixed set of values (``open``: free text allowed too)
LIST = "list"  # several short texts
PERSONS = "persons"  # person ids
WHEN = "when"  # aware datetime with a precision

ALL_KINDS = "*"  # Field.kinds for a field every kind has


@dataclass(frozen=True)
class Choice:
    """One allowed value: the stored ``id``, its labels, and other words accepted as input."""

    id: str
    en: str
    zh: str
    aliases: tuple[str, ...] = ()

    def label(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True)
class Kind:
    id: str
    en: str
    zh: str
    help_en: str
    help_zh: str

    def label(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

    def help(self, lang: str) -> str:
        return self.help_zh if lang == "zh" else self.help_en


@dataclass(frozen=True)
class Field:
    """One field of an entry.

    ``kinds``: the kinds that have it (``ALL_KINDS`` for every kind). ``any_kind``: may also be
    given on an entry of another kind (the report fields, DESIGN §6 "report; any").
    ``by_kind``: a label that differs for one kind, ``{kind: (en, zh)}``. ``cli``: the command
    line option (``None``: not an option of ``add``/``edit``). ``open``: a choice that also keeps
    free text. ``default``: the choice the editor starts a new entry with.
    """

    name: str
    type: str
    kinds: tuple[str, ...] | str
    en: str
    zh: str
    help_en: str = ""
    help_zh: str = ""
    choices: tuple[Choice, ...] = ()
    open: bool = False
    any_kind: bool = False
    by_kind: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    cli: str | None = None
    default: str | None = None  # the choice a new entry starts with (None: "not known")

    @property
    def common(self) -> bool:
        return self.kinds == ALL_KINDS

    def has_kind(self, kind: str) -> bool:
        return self.common or kind in self.kinds

    def label(self, lang: str, kind: str | None = None) -> str:
        en, zh = self.by_kind.get(kind or "", (self.en, self.zh))
        return zh if lang == "zh" else en

    def help(self, lang: str) -> str:
        return self.help_zh if lang == "zh" else self.help_en

    def choice(self, value: str) -> Choice | None:
        return next((c for c in self.choices if c.id == value), None)


# ---------------------------------------------------------------------------- kinds (contract ids)
KIND_TABLE: tuple[Kind, ...] = (
    Kind("contact", "Contact", "联系", "A message, call or other contact", "一次聊天、通话或其他联系"),
    Kind("request", "Request", "要求", "Something they asked you to do", "对方要你做的事"),
    Kind("payment", "Payment", "钱款", "Money received, sent or promised", "收到、付出或对方承诺的钱款"),
    Kind("gift", "Gift", "礼物", "Something they gave or sent you", "对方送给你的东西"),
    Kind("meeting", "Meeting", "见面", "A meeting in person or by video", "当面或视频见面"),
    Kind("threat", "Threat or pressure", "威胁或施压", "A threat, blackmail or pressure to go on",
         "威胁、要挟或逼你继续"),
    Kind("report", "Report made", "已举报", "You reported the matter to someone",
         "你已向有关方面反映了这件事"),
    Kind("note", "Note", "备注", "Anything else worth writing down", "其他值得记下的事"),
)

# ---------------------------------------------------------------------------- fields
_STATUS = (
    Choice("asked", "Asked, not answered yet", "对方已提出", ("asked", "已提出", "提出")),
    Choice("refused", "I refused", "已拒绝", ("refused", "拒绝", "我拒绝了")),
    Choice("done", "I did it", "已完成", ("done", "完成", "做了")),
    Choice("partly", "I did part of it", "部分完成", ("partly", "partly done", "部分")),
)
_METHOD = (
    Choice("wechat", "WeChat Pay", "微信支付", ("微信", "微信转账", "微信红包", "weixin")),
    Choice("alipay", "Alipay", "支付宝", ("zhifubao",)),
    Choice("bank", "Bank transfer", "银行转账", ("银行", "银行卡", "bank card")),
    Choice("cash", "Cash", "现金", ()),
    Choice("crypto", "Cryptocurrency", "加密货币", ("虚拟货币", "数字货币", "bitcoin", "比特币",
                                                     "usdt")),
    Choice("other", "Other", "其他", ("其它",)),
)
_DIRECTION = (
    Choice("received", "Received", "收到", ("已收到", "收款", "i received it")),
    Choice("sent", "Sent", "付出", ("已付出", "付款", "转出", "i sent it", "paid")),
    Choice("promised", "Promised", "承诺", ("对方承诺", "答应", "promised to me")),
)
_MEDIUM = (
    Choice("chat", "Chat messages", "文字聊天", ("聊天", "消息", "短信", "messages")),
    Choice("call", "Voice call", "语音电话", ("电话", "语音", "通话", "phone call", "phone")),
    Choice("video", "Video call", "视频通话", ("视频",)),
    Choice("in_person", "In person", "当面", ("见面", "面对面", "face to face")),
)
_INITIATOR = (
    Choice("them", "They did", "对方", ("他们", "他", "她", "they")),
    Choice("me", "I did", "我", ("本人", "自己", "i", "myself")),
)
_REPORT_CHANNEL = (
    Choice("hotline_12339", "12339 hotline", "12339 举报电话", ("12339", "hotline", "举报电话")),
    Choice("online_platform", "Online reporting platform", "网络举报平台",
           ("online", "网上举报平台", "举报平台", "www.12339.gov.cn", "12339.gov.cn")),
    Choice("wechat_account", "Official WeChat account", "官方微信公众号", ("公众号", "微信公众号")),
    Choice("local_office", "Local national security office", "当地国家安全机关",
           ("国家安全机关", "国安", "local office")),
    Choice("school", "School or teacher", "学校或老师", ("学校", "老师", "辅导员", "teacher")),
    Choice("other", "Other", "其他", ("其它",)),
)

FIELD_TABLE: tuple[Field, ...] = (
    Field("occurred_at", WHEN, ALL_KINDS, "When", "时间",
          "When it happened: 2024-03-05, 2024-03-05 14:30, ISO 8601, yesterday 3pm, last "
          "Tuesday; ~ in front for approximate (default: now)",
          "发生时间：2024-03-05、2024-03-05 14:30、ISO 8601、昨天下午3点、上周二；前面加 ~ 表示大约"
          "（默认：现在）",
          cli="--when"),
    Field("summary", TEXT, ALL_KINDS, "Summary", "概要", "One line: what happened",
          "一句话：发生了什么", cli="--summary"),
    Field("persons", PERSONS, ALL_KINDS, "People", "人物",
          "A person involved, by name or id (a new name adds the person); repeatable",
          "涉及的人物（名字或编号；新名字会新建人物）；可重复", cli="--person"),
    Field("task", TEXT, ("request",), "Task asked", "要求的任务", "What they asked you to do",
          "对方要你做什么", cli="--task"),
    Field("target", TEXT, ("request",), "Target or place", "目标或地点",
          "What or where: a port, ships, a base, a document…", "对象或地点：港口、舰船、基地、文件……",
          cli="--target"),
    Field("status", CHOICE, ("request",), "Status", "状态", "What became of the request",
          "这项要求的结果", choices=_STATUS, cli="--status", default="asked"),
    Field("item", TEXT, ("gift",), "Item", "物品", "What was given: a phone, a camera, a scooter…",
          "送的是什么：手机、相机、电动车……", cli="--item"),
    Field("amount", DECIMAL, ("request", "payment"), "Amount", "金额",
          "The sum (payment), or the pay offered (request), e.g. 500 or 1200.50",
          "金额（钱款），或对方给出的报酬（要求），例如 500 或 1200.50",
          by_kind={"request": ("Pay offered", "对方给出的报酬")}, cli="--amount"),
    Field("value", DECIMAL, ("gift",), "Estimated value", "估计价值",
          "What the gift is worth, roughly", "礼物大约值多少钱", cli="--value"),
    Field("currency", CURRENCY, ("request", "payment", "gift"), "Currency", "币种",
          "ISO 4217 code, e.g. CNY, USD (default CNY)", "ISO 4217 代码，例如 CNY、USD（默认 CNY）",
          cli="--currency"),
    Field("method", CHOICE, ("payment",), "Paid by", "支付方式", "How the money moved",
          "钱是怎么转的", choices=_METHOD, cli="--method"),
    Field("direction", CHOICE, ("payment",), "Direction", "方向",
          "Whether you received, sent or were promised the money", "钱是收到、付出还是对方承诺的",
          choices=_DIRECTION, cli="--direction", default="received"),
    Field("medium", CHOICE, ("contact", "meeting"), "Medium", "形式", "How you were in touch",
          "通过什么方式联系", choices=_MEDIUM, cli="--medium"),
    Field("initiated_by", CHOICE, ("contact", "meeting"), "Who started it", "发起方",
          "Who got in touch first this time", "这次是谁先联系的", choices=_INITIATOR,
          cli="--initiated-by"),
    Field("reported_to", CHOICE, ("report",), "Reported to", "举报渠道",
          "Where you reported it (one of the channels, or your own words)",
          "向哪里举报（可选下列渠道，也可以自己填写）",
          choices=_REPORT_CHANNEL, open=True, any_kind=True, cli="--reported-to"),
    Field("reference", TEXT, ("report",), "Reference number", "受理编号",
          "Case or reference number, if you were given one", "如果对方给了受理编号或案件编号，填在这里",
          any_kind=True, cli="--reference"),
    Field("officer", TEXT, ("report",), "Officer or teacher", "接待人员或老师",
          "Name of the officer or teacher you spoke to", "接待你的工作人员或老师的名字",
          any_kind=True, cli="--officer"),
    Field("channel", TEXT, ALL_KINDS, "Channel", "渠道", "App or medium, e.g. WeChat, Telegram",
          "使用的应用或方式，例如微信、Telegram", cli="--channel"),
    Field("location", TEXT, ALL_KINDS, "Place", "地点", "Where it happened, if it matters",
          "发生地点（如有关系）", cli="--location"),
    Field("details", MULTILINE, ALL_KINDS, "Details", "详细经过",
          "What was said or done, in your own words", "用自己的话写下对方说了什么、做了什么",
          cli="--details"),
    Field("witnesses", LIST, ALL_KINDS, "Witnesses", "见证人", "Someone else who saw or heard it; "
          "repeatable", "其他看到或听到的人；可重复", cli="--witness"),
    Field("tags", LIST, ALL_KINDS, "Tags", "标签", "A word to find the entry again; repeatable",
          "便于以后查找的词；可重复", cli="--tag"),
)

FIELDS: dict[str, Field] = {f.name: f for f in FIELD_TABLE}
KINDS_BY_ID: dict[str, Kind] = {k.id: k for k in KIND_TABLE}
KIND_IDS: tuple[str, ...] = tuple(k.id for k in KIND_TABLE)

# Derived views of the table, for the code that wants plain names.
KIND_FIELDS: dict[str, tuple[str, ...]] = {
    k: tuple(f.name for f in FIELD_TABLE if not f.common and f.has_kind(k)) for k in KIND_IDS
}
ANY_KIND_FIELDS: tuple[str, ...] = tuple(f.name for f in FIELD_TABLE if f.any_kind)
COMMON_FIELDS: tuple[str, ...] = tuple(f.name for f in FIELD_TABLE if f.common)
KIND_SPECIFIC: tuple[str, ...] = tuple(f.name for f in FIELD_TABLE if not f.common)
# Kind-specific fields whose words go into the search index as they are (choice ids do not).
SEARCHED_FIELDS: tuple[str, ...] = tuple(
    f.name for f in FIELD_TABLE
    if not f.common and (f.type in (TEXT, MULTILINE, CURRENCY) or (f.type == CHOICE and f.open)))
CHOICE_VALUES: dict[str, tuple[str, ...]] = {
    f.name: tuple(c.id for c in f.choices) for f in FIELD_TABLE if f.type == CHOICE
}


def kind_label(kind: str | None, lang: str) -> str:
    spec = KINDS_BY_ID.get(kind or "")
    return spec.label(lang) if spec else (kind or "")


def field_label(name: str, lang: str, kind: str | None = None) -> str:
    spec = FIELDS.get(name)
    return spec.label(lang, kind) if spec else name


def choice_label(name: str, value: str | None, lang: str) -> str:
    """The label of a stored choice value; a value not in the table (free text) as it is."""
    if not value:
        return ""
    spec = FIELDS.get(name)
    choice = spec.choice(value) if spec else None
    return choice.label(lang) if choice else value


def fields_of(kind: str) -> tuple[Field, ...]:
    """The fields an entry of ``kind`` shows, in reading order (common ones included)."""
    return tuple(f for f in FIELD_TABLE if f.has_kind(kind))


def shown_fields(kind: str, has_report_values: bool = False) -> tuple[Field, ...]:
    """:func:`fields_of` plus the any-kind fields when the entry carries one of them."""
    return tuple(f for f in FIELD_TABLE
                 if f.has_kind(kind) or (f.any_kind and has_report_values))


def fold(text: str) -> str:
    """A word as compared when parsing: case, spaces, ``-``, ``_`` and dots do not count."""
    return re.sub(r"[\s_\-·.,，。]+", "", text.casefold())


def parse_choice(name: str, text: str) -> str | None:
    """The stored id for ``text`` given for the choice field ``name``.

    Accepts the id, the English or Chinese label, or an alias, ignoring case, spaces, ``-`` and
    ``_``. An empty text gives ``None`` (clears the field). A text outside the set raises
    :class:`InputError` listing the allowed values (in the language the message is shown in),
    except for an open choice, whose free text is kept.
    """
    spec = FIELDS[name]
    raw = text.strip()
    if not raw:
        return None
    key = fold(raw)
    for c in spec.choices:
        if key in {fold(c.id), fold(c.en), fold(c.zh), *(fold(a) for a in c.aliases)}:
            return c.id
    if spec.open:
        return raw
    raise InputError("error.bad_choice", field=name, text=raw, what=label_text(spec),
                     choices=allowed_text(spec))


def kinds_text() -> Bilingual:
    """Every kind with its label, for messages."""
    return Bilingual(", ".join(f"{k.id} ({k.en})" for k in KIND_TABLE),
                     "、".join(f"{k.zh}（{k.id}）" for k in KIND_TABLE))


def parse_kind(text: str) -> str:
    """A kind by its id or its label in either language; InputError listing the kinds if none."""
    key = fold(text)
    for k in KIND_TABLE:
        if key in {fold(k.id), fold(k.en), fold(k.zh)}:
            return k.id
    raise InputError("error.unknown_kind", field="kind", kind=text, kinds=kinds_text())


def label_text(spec: Field, kind: str | None = None) -> Bilingual:
    """A field's label as a message parameter in both languages."""
    return Bilingual(spec.label("en", kind), spec.label("zh", kind))


def allowed_text(spec: Field) -> Bilingual:
    """The allowed values of a choice field, for messages: ``wechat (WeChat Pay), …``."""
    return Bilingual(", ".join(f"{c.id} ({c.en})" for c in spec.choices),
                     "、".join(f"{c.zh}（{c.id}）" for c in spec.choices))


def display(spec: Field, value: object, lang: str, currency: str | None = None) -> str:
    """A field's value as text for people (labels for choices, money with its currency)."""
    if value is None or value == "" or value == []:
        return ""
    if spec.type == CHOICE:
        return choice_label(spec.name, str(value), lang)
    if spec.type == DECIMAL:
        from journal.core.money import format_amount

        return format_amount(value if isinstance(value, Decimal) else Decimal(str(value)),
                             currency or None)
    if spec.type in (LIST, PERSONS):
        return ("，" if lang == "zh" else ", ").join(str(v) for v in value)  # type: ignore[attr-defined]
    return str(value)


def kind_rows(entry: Entry, lang: str) -> list[tuple[str, str]]:
    """(label, text) for every filled kind-specific field of an entry (currency goes with the
    amount), report fields included on any kind when given."""
    kind = entry.kind
    rows: list[tuple[str, str]] = []
    for spec in FIELD_TABLE:
        if spec.common or spec.type == CURRENCY:
            continue
        if not (spec.has_kind(kind) or spec.any_kind):
            continue
        text = display(spec, getattr(entry, spec.name, None), lang, entry.currency)
        if text:
            rows.append((spec.label(lang, kind), text))
    return rows


# ---------------------------------------------------------------------------- money totals
@dataclass(frozen=True)
class Bucket:
    """A money total: the sum of ``field`` over entries of ``kind`` (with ``direction``)."""

    id: str
    kind: str
    field: str
    direction: str | None
    en: str
    zh: str

    def label(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


TOTAL_BUCKETS: tuple[Bucket, ...] = (
    Bucket("received", "payment", "amount", "received", "Money received", "已收到的钱款"),
    Bucket("promised", "payment", "amount", "promised", "Money promised", "对方承诺的钱款"),
    Bucket("sent", "payment", "amount", "sent", "Money sent", "已付出的钱款"),
    Bucket("gifts", "gift", "value", None, "Estimated value of gifts", "礼物估计价值"),
    Bucket("offered", "request", "amount", None, "Pay offered for tasks", "任务报酬（对方提出）"),
)
BUCKETS: dict[str, Bucket] = {b.id: b for b in TOTAL_BUCKETS}
BUCKET_IDS: tuple[str, ...] = tuple(b.id for b in TOTAL_BUCKETS)


def bucket_for(kind: str, direction: str | None) -> Bucket | None:
    """The totals bucket an entry's money goes to, if any."""
    for b in TOTAL_BUCKETS:
        if b.kind == kind and (b.direction is None or b.direction == direction):
            return b
    return None


def bucket_label(bucket: str, lang: str) -> str:
    return BUCKETS[bucket].label(lang)
