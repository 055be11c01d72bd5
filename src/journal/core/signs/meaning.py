"""What an entry means, beyond which words it contains: one entry (and its persons) at a time.

The rules ask these questions before they count a word:

- is the clause the user's own refusal, a negation, or advice passed on from someone the user
  trusts ("妈妈让我别…", "I refused", "my dad told me not to")? Then it is not the pattern;
- is the object an accessory (a phone case, a scarf, a charging cable) rather than a device?
- did the user give or pay, rather than receive?
- is the money a prize, a salary, a scholarship or a refund?
- is the person someone the user knows through family, school or a school-arranged job?

Everything here reads one entry or one person only, so a later per-entry store of facts can call
it entry by entry. No Qt.
"""

from __future__ import annotations

import re

from journal.core.models import Entry, Person
from journal.core.signs import vocab as v

# --- clauses that do not count ---------------------------------------------------------------
# A clause ends at punctuation, a line break, or where another speaker takes over
# ("我拒绝后他说…": the refusal and the threat are two clauses).
_CLAUSE_SPLIT = re.compile(
    r"[。，；;！!？?\n]|(?<!\d),|,(?!\d)|\.(?=\s|$)|(?<=[后完])(?=他|她|对方)|\s(?=(?:but|then|after that|so he|so she)\b)",
    re.IGNORECASE)
# The user's own refusal or negation at the start of a clause.
_ZH_SELF_NEG = re.compile(
    r"^\s*(?:我|自己)?(?:也|就|都|从来|根本|当场|马上|直接)?"
    r"(?:没有|没|拒绝|不会|不想|不肯|不打算|不愿意?|不再|从没|没答应|说不)")
_EN_SELF_NEG = re.compile(
    r"^\s*(?:and |so )?i (?:also |just |immediately |politely |firmly )?"
    r"(?:refused|declined|did not|didnt|didn't|never|won't|wont|will not|said no|turned)\b",
    re.IGNORECASE)
# Advice from someone the user trusts, passed on: the warning is not the pattern.
_TRUSTED_SPEAKER_ZH = (r"(?:妈妈|妈|爸爸|爸|父母|家人|奶奶|爷爷|外婆|外公|姐姐|哥哥|老师|辅导员|班主任|导师|"
                       r"学校|警察|讲座)")
_ZH_ADVICE = re.compile(_TRUSTED_SPEAKER_ZH + r".{0,4}(?:让|叫|要|提醒|叮嘱|劝|告诉|说)(?:我|我们|大家)?"
                        r".{0,2}(?:别|不要|不能|不许|少|千万别|小心|注意|遇到)")
_EN_ADVICE = re.compile(
    r"\b(?:mum|mom|mother|dad|father|parents?|grandma|teacher|counsell?or|school|police|"
    r"the lecture)\b.{0,20}\b(?:told|warned|reminded|asked|advised|tells|warns|says|said)\b"
    r".{0,12}\b(?:not|never|to be careful|to watch out|to report)\b",
    re.IGNORECASE)


def clauses(text: str) -> list[str]:
    return [c for c in _CLAUSE_SPLIT.split(text) if c and c.strip()]


def discounted(clause: str) -> bool:
    """A clause the rules do not count: the user's refusal or negation, or trusted advice."""
    return bool(_ZH_SELF_NEG.search(clause) or _EN_SELF_NEG.search(clause)
                or _ZH_ADVICE.search(clause) or _EN_ADVICE.search(clause))


_SENTENCE_END = re.compile(r"[。！!？?\n]|\.(?=\s|$)")


def _advice(clause: str) -> bool:
    return bool(_ZH_ADVICE.search(clause) or _EN_ADVICE.search(clause))


def affirmed(text: str) -> str:
    """``text`` without the clauses that do not count (joined by line breaks). Advice passed on
    runs to the end of its sentence ("妈妈让我别删记录，也别告诉陌生人…")."""
    kept: list[str] = []
    for sentence in _SENTENCE_END.split(text):
        for clause in clauses(sentence):
            if _advice(clause):
                break
            if not discounted(clause):
                kept.append(clause)
    return "\n".join(kept)


# --- objects ---------------------------------------------------------------------------------
ACCESSORY = re.compile(
    r"手机(?:壳|套|膜|链|绳|支架|挂绳)|(?:充电|数据)(?:线|器|头)|收纳包|耳机|"
    r"\bphone (?:case|cover|strap|holder|stand|charm)s?\b|\b(?:charging|usb) cables?\b|"
    r"\bchargers?\b|\bheadphones?\b|\bearphones?\b|\bcase\b",
    re.IGNORECASE)


def without_accessories(text: str) -> str:
    """The text with accessories taken out: a phone case or a charger is not a phone."""
    return ACCESSORY.sub(" ", text)


# --- who gave ---------------------------------------------------------------------------------
_USER_GIVES_ZH = re.compile(
    r"(?:^|[，。\n\s])我(?:自己|也)?(?:(?:给|送|买|寄|转)(?:了)?(?!我)"
    r"|(?:帮|替|为)(?:她|他|对方|朋友|同学|女朋友|男朋友|女友|男友)(?:付|交|出|买|订))")
_USER_GIVES_EN = re.compile(
    r"\b(?:i|we) (?:gave|bought|sent|mailed|posted|got|paid|transferred|treated)\b"
    r"(?! me\b)", re.IGNORECASE)


def user_gives(entry: Entry) -> bool:
    """The user gave this gift or sent this money (not the other way round)."""
    if entry.kind == "payment" and entry.direction == "sent":
        return True
    text = "\n".join(x for x in (entry.summary, entry.details) if x)
    return bool(_USER_GIVES_ZH.search(text) or _USER_GIVES_EN.search(text))


# --- ordinary money --------------------------------------------------------------------------
ORDINARY_PAY = v.V(
    "ordinary-pay",
    "奖金; 奖学金; 助学金; 获奖; 得奖; 二等奖; 一等奖; 三等奖; 奖品; 工资; 薪水; 月薪; 补贴; 津贴; 课时费; 退款; "
    "退货; 退还; 退回",
    "prize*; award*; scholarship*; bursar*; grant from; salary; salaries; wage*; stipend*; "
    "allowance*; refund*; refunded; money back; tuition fee*; lesson fee*",
)


def ordinary_pay(entry: Entry, text: str) -> bool:
    """A prize, salary, scholarship, allowance or refund: money with an ordinary reason."""
    return entry.kind == "payment" and bool(ORDINARY_PAY.find(text))


# --- who the person is -----------------------------------------------------------------------
SCHOOL_ARRANGED = v.V(
    "school-arranged",
    "学校; 学院; 大学; 校内; 本校; 就业指导; 勤工助学; 社团; 国际(交流)?处; 教务处",
    "school; university; college; campus; career office*|centre|center|service*; "
    "student club*|union; club; placement through",
)
KNOWN_PEER = v.V(
    "known-peer",
    "同学; 室友; 舍友; 同事; 邻居; 家长; 学生家长",
    "classmate*; roommate*; flatmate*; neighbour*; neighbor*; colleague*; parent of my",
)
_PARTNER = v.V(
    "partner",
    "女朋友; 男朋友; 女友; 男友; 对象; 未婚",
    "girlfriend*; boyfriend*; partner; fiance*; wife; husband",
)
_MET_IN_PERSON = v.V(
    "met-in-person",
    "同学; 高中; 初中; 大学; 认识.{0,3}年; 在一起.{0,3}年; 见过面; 老乡",
    "met in|at school|class|university|college|high|person|church|work; high school; "
    "together for year*; known each other; grew up; years",
)


def trusted_person(p: Person) -> bool:
    """Someone the user knows by a recorded role: family, a teacher or counsellor, a classmate,
    roommate or neighbour, a partner known in person, or an employer or club reached through the
    school. A name alone that sounds like a title ("孙老师" met in a part-time-job group) is not
    enough: the role, organisation or where the user met them has to say it."""
    about = f"{p.role}\n{p.organisation}\n{p.platform}"
    if v.FAMILY.find("\n".join((p.name, " ".join(p.aliases), p.role, p.notes))):
        return True
    if v.TRUSTED_ROLE.find(f"{p.role}\n{p.organisation}") and not v.VAGUE_ORG_TRUST.find(
            f"{p.organisation}\n{p.platform}"):
        return True
    if KNOWN_PEER.find(p.role) or SCHOOL_ARRANGED.find(about) and not v.VAGUE_ORG_TRUST.find(about):
        return True
    return bool(_PARTNER.find(p.role) and _MET_IN_PERSON.find(f"{p.role}\n{p.notes}"))
