"""Curated Chinese and English wording the warning-sign rules look for.

Chinese is matched by substring (each term is a small regular expression, so "删.{0,6}聊天" also
finds "删掉我们的聊天"); English by word stems, case-insensitively:

- a term is one or more words; consecutive words of a term may have up to three other words between
  them in the text ("delete the chat", "delete all our chats");
- a word ending in ``*`` matches every word that starts with it (``photo*``: photo, photos,
  photographing, Photograph);
- a word without ``*`` matches itself and its plural (``yacht``: yacht, yachts);
- ``a|b`` offers alternatives for one word.

Vocabularies are sets of such terms; a rule asks which terms of a vocabulary occur in an entry.
Nothing here is one exact phrase: each idea has several wordings in both languages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_WORD_RE = re.compile(r"[a-z0-9]+")
_GAP = 3  # other words allowed between the words of an English term


def tokenize(text: str) -> list[str]:
    """Lower-case Latin words and numbers of ``text`` ("Don't" → "dont"); CJK is skipped."""
    # str.replace is many times faster than str.translate on long texts; the same result
    return _WORD_RE.findall(text.lower().replace("'", "").replace("’", "").replace("‘", ""))


def _word_re(pattern: str) -> str:
    alts = []
    for alt in pattern.split("|"):
        if alt.endswith("*"):
            alts.append(re.escape(alt[:-1]) + "[a-z0-9]*")
        else:
            alts.append(re.escape(alt) + "(?:s|es)?")
    return "(?:" + "|".join(alts) + r")\b"


def _term_re(term: str) -> str:
    """An English term as a regular expression over the space-joined tokens of a text."""
    words = term.lower().split()
    gap = r" (?:[a-z0-9]+ ){0," + str(_GAP) + "}"
    return r"\b" + _word_re(words[0]) + "".join(gap + _word_re(w) for w in words[1:])


@dataclass(frozen=True)
class Vocab:
    """A named set of Chinese patterns and English terms."""

    name: str
    zh: tuple[str, ...] = ()
    en: tuple[str, ...] = ()
    _zh_res: tuple[re.Pattern[str], ...] = field(default=(), repr=False, compare=False)
    _en_res: tuple[re.Pattern[str], ...] = field(default=(), repr=False, compare=False)
    _zh_any: re.Pattern[str] | None = field(default=None, repr=False, compare=False)
    _en_any: re.Pattern[str] | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        zh = tuple(re.compile(p) for p in self.zh)
        en_src = [_term_re(t) for t in self.en]
        object.__setattr__(self, "_zh_res", zh)
        object.__setattr__(self, "_en_res", tuple(re.compile(p) for p in en_src))
        object.__setattr__(self, "_zh_any", re.compile("|".join(f"(?:{p})" for p in self.zh))
                           if self.zh else None)
        object.__setattr__(self, "_en_any", re.compile("|".join(f"(?:{p})" for p in en_src))
                           if en_src else None)

    def find(self, text: str, tokens: list[str] | str | None = None) -> list[str]:
        """The terms of this vocabulary that occur in ``text`` (each term once).

        ``tokens`` may be given (the list from :func:`tokenize`, or it joined by spaces) to save
        tokenising the same text again.
        """
        if not text:
            return []
        found: list[str] = []
        if self._zh_any is not None and self._zh_any.search(text):
            found += [p.pattern for p in self._zh_res if p.search(text)]
        if tokens is None:
            joined = " ".join(tokenize(text))
        elif isinstance(tokens, str):
            joined = tokens
        else:
            joined = " ".join(tokens)
        if joined and self._en_any is not None and self._en_any.search(joined):
            found += [t for t, r in zip(self.en, self._en_res, strict=True) if r.search(joined)]
        return found

    def matches(self, text: str, tokens: str | None = None) -> bool:
        """Whether any term occurs (two combined searches; :meth:`find` says which)."""
        if not text:
            return False
        if self._zh_any is not None and self._zh_any.search(text):
            return True
        joined = tokens if tokens is not None else " ".join(tokenize(text))
        return bool(joined and self._en_any is not None and self._en_any.search(joined))

    def __or__(self, other: Vocab) -> Vocab:
        return Vocab(f"{self.name}+{other.name}", self.zh + other.zh, self.en + other.en)


def V(name: str, zh: str, en: str) -> Vocab:
    """Build a vocabulary from ";"-separated Chinese patterns and English terms."""
    return Vocab(name, tuple(t.strip() for t in zh.split(";") if t.strip()),
                 tuple(t.strip() for t in en.split(";") if t.strip()))


# --- relationship ----------------------------------------------------------------------------
INTIMACY_STRONG = V(
    "intimacy",
    "恋爱; 谈恋爱; 男朋友; 女朋友; 男友; 女友; 表白; 在一起吧; 和我在一起; (我们|想和你)在一起; 确定关系; 爱你; 爱上; 喜欢你; "
    "亲爱的; 老公; 老婆; 恋人; 情侣; 约会; 亲密",
    "love|loves|loved you|me|him|her|each; lover*; in love; fell for; girlfriend*; boyfriend*; "
    "romanc*; romantic*; darling*; sweetheart*; on a date|dates; together now; relationship escalat*; "
    "relationship grew; became a couple; kiss*; intimate*",
)
INTIMACY_WEAK = V(
    "intimacy-weak",
    "特别的人; 特别的; 想你; 想我; 宝贝; 心动; 暧昧; 知己; 灵魂伴侣; 很投缘; 关系(很快)?(升温|变得)",
    "special; miss you|me; babe; baby; honey; soulmate*; crush*; flirt*; sweet talk*; sweetly; "
    "feelings; heart*",
)

# --- jobs and pay ----------------------------------------------------------------------------
JOB = V(
    "job",
    "兼职; 工作机会; (份|个|找|提供|介绍|推荐|有)(一)?(份|个)?(好)?工作; 招聘; 招人; 职位; 岗位; 打工; 零工; "
    "日结; 高薪; 雇(用|佣|我); 聘(请|用|我); 录用; 挣外快; 赚外快; 赚钱; 挣钱; 差事; 活儿",
    "job*; part-time|parttime; part time; gig*; hire|hired|hiring; recruit*; employ*; vacanc*; "
    "side income; extra money|income|cash; earn*; freelanc*; work for",
)
ME_FIRST = V(
    "applied",
    "我(投|发)了?简历; 我应聘; 我申请; 我报名; 我去应聘; 我找的",
    "i applied|apply; my application; i answered their advert*|ad; i signed up",
)
PAY_WORDS = V(
    "pay",
    "报酬; 酬劳; 工资; 薪; 元; 块钱; 块; 佣金; 每次; 每单; 每班; 一次; 费用; 钱; 奖励; 红包",
    "pay|paid|paying|payment*; salary; salaries; wage*; fee*; yuan; rmb; cny; reward*; "
    "commission*; per shift|hour|photo|picture|day|trip|task; bonus*; money",
)
HIGH_PAY = V(
    "high-pay",
    "高薪; 丰厚; 高额; 优厚; 不菲; 高报酬; 钱多; 好赚; 轻松赚; 轻轻松松; 几百(元|块); 上千; 大方; 很多钱; 给得多",
    "generous*; lucrative; high pay|paid; well paid; well-paid; easy money|job|work|cash; "
    "big money; lot of money; hundreds of yuan|rmb|dollars; much more than; above the usual; "
    "too good",
)
SIMPLE_TASK = V(
    "simple-task",
    "拍照; 拍摄; 拍(些|几张|张|一下|下); 照片; 问卷; 填表; 收集; 搜集; 跑腿; 简单; 轻松; 写(些|一些|篇)?(报告|文章|综述); "
    "整理(一下)?(资料|文献|论文)",
    "photo*; picture*; pic|pics; film*; video*; survey*; questionnaire*; collect*; gather*; "
    "simple; easy; just take; short report*|paper*|article*; summar*",
)
RECRUITER = V(
    "recruiter",
    "招聘; 求职; 猎头; 人事; 人力资源; 兼职平台; 找工作",
    "recruit*; job app|site|board|platform|hunting|seeking|search; headhunt*; hr; human resource*; "
    "employment",
)

# --- tasks -----------------------------------------------------------------------------------
PHOTO = V(
    "photo",
    "拍照; 拍摄; (?<![球节合一])拍(?![卖手子档马打桌板案胸拖]); "
    "照片; 相片; 摄影; 摄像; 录像; 录视频; 拍视频; 航拍; 偷拍; 取景; 图片",
    "photo*; picture*; pic|pics; film|filmed|filming|films; video*; shoot|shooting|shot|shots; "
    "snap*; footage; record a video; aerial",
)
HARMLESS_TARGET = V(
    "harmless-target",
    "游艇; 游客; 风景; 风光; 景色; 景区; 景点; 海边; 海景; 沙滩; 海滩; 日落; 街景; 海洋环境; 环境调查; "
    "问卷; 船只; 船舶; 渔船; 货船; 商船; 轮渡; 邮轮; 城市; 海鸟; 市场",
    "yacht*; tourist*; scenery; sceneries; landscape*; seaside; beach*; coast*; sunset*; scenic; "
    "marine environment*; environmental survey*; survey*; questionnaire*; street*; fishing boat*; "
    "cargo ship*; ferr*; cruise*; ship|ships; boat*; vessel*; city; sea birds; market*",
)
SENSITIVE = V(
    "sensitive",
    "军舰; 舰艇; 舰船; 军港; 军用; 军事; 军机; 战机; 战斗机; 部队; 军营; 营区; 军区; 海军; 空军; 陆军; "
    "驱逐舰; 护卫舰; 潜艇; 航母; 航空母舰; 雷达; 导弹; 国防; 政府; 机关; 研究所; 研究院; 科研; 禁区; "
    "敏感(区域|地区|地方|地点|目标|设施); 管制区; 军事基地; 军工; 武器",
    "military; navy; naval; warship*; war ship*; destroyer*; frigate*; submarine*; "
    "aircraft carrier*; fighter jet*; fighter*; jet fighter*; air force; airbase*; air base*; "
    "army; barrack*; troop*; soldier*; radar*; missile*; government; ministry; ministries; "
    "research institute*; research cent*; defence; defense; restricted area*; restricted zone*; "
    "sensitive area*|site*|place*|location*|target*; weapon*; armed forces; coast guard",
)
SENSITIVE_WEAK = V(
    "sensitive-weak",
    "基地; 机场; 飞机; 港区; 实验室; 大院",
    "base|bases; airfield*; airport*; aircraft; plane|planes; airstrip*; laboratory; laboratories; "
    "lab|labs; compound*",
)
PLACE = V(
    "place",
    "港口; 港; 码头; 海港; 工厂; 设施; 大桥; 桥; 车站; 建筑; 大楼; 园区; 附近; 地点; 位置; 坐标; 海上; 岸边",
    "port|ports; harbour*; harbor*; dock*; pier*; wharf*; facilit*; factor*; plant; bridge*; "
    "station*; building*; site*; at sea; coordinate*; location*; shore*; place*",
)
INFO_STRONG = V(
    "info",
    "问卷; 调查问卷; 调查表; 填(写)?(表|问卷); 发(放)?问卷; 内部(的)?(资料|文件|材料|报告|数据|信息); 涉密; 机密; 秘密文件; "
    "保密文件; 图纸; 名单; 通讯录; 联系方式表; (单位|学校|实验室|部门|公司|工作)(的)?(情况|信息|资料|人员|数据); "
    "(收集|搜集|整理|打听|提供|复印|拷贝|拍下)(一些|些)?.{0,6}(资料|文件|材料|信息|数据|情况|报告|文献)",
    "questionnaire*; fill in|out survey*|form*; internal report*|document*|paper*|data; distribut* survey*|questionnaire*; hand out survey*|questionnaire*; "
    "send out survey*|questionnaire*; "
    "answer* survey*; complete* survey*; internal document*|material*|paper*|report*|file*|data; "
    "classified; confidential document*|material*|file*|report*; secret document*|file*; "
    "blueprint*; technical drawing*; staff list*; list of staff|names|employees|students; contact list*; "
    "about your|my workplace|school|lab|unit|department|supervisor|research; "
    "collect*|gather*|obtain*|copy|copies document*|information|info|data|material*|report*|paper*; "
    "find out about your|my; "
    "what your|my unit|department|lab works on; research project* detail*",
)
INFO_WEAK = V(
    "info-weak",
    "资料; 文件; 材料; 数据; 信息; 情况; 调查",
    "survey*; document*; information; info; data; material*; report*",
)

# --- channels --------------------------------------------------------------------------------
OVERSEAS_APP = V(
    "overseas-app",
    "电报; 纸飞机; (?<![A-Za-z])Signal(?![A-Za-z]); (?<![A-Za-z])LINE(?![A-Za-z]); (境外|海外|国外|外国|加密)(的)?(软件|应用|app|APP|App|聊天|通讯|社交|平台|通信); 翻墙; VPN",
    "telegram; whatsapp; signal app|messenger; viber; skype; discord; threema; wickr; "
    "wire app; session app; facebook messenger; messenger; instagram; kakao*; overseas app*; "
    "foreign app*; encrypted app*|chat*|messeng*|messag*; secure app*|messeng*; vpn*",
)
SWITCH = V(
    "switch",
    "换(到|成|用|个|一个)?; 改用; 改成; 转到; 转移到; 挪到; 搬到; 下载; 安装; 注册(一个)?; 用.{0,4}(联系|聊); "
    "加(我|她|他)的?",
    "switch*; move*|moving chat*|convers*|over|to; change* to|app*|platform*; download*; install*; "
    "contact me on|via|through|in; talk on|via; add me; sign up; "
    "ask*|want*|told|tell*|insist*|suggest* use|using|download*|install*|switch*|move*|add|"
    "register*|open*|create*|get",
)
NEW_ACCOUNT = V(
    "new-account",
    "新(的)?账号; 新号; 新(的)?手机号; 另一个(账号|号码|手机); 小号; 专用(手机|账号|号码); 另一部手机; 备用机; "
    "一次性(号码|账号|手机); 只(用来|用于|能用来)(跟|和|与)?.{0,3}(联系|聊天|通话)",
    "new account*; new number*; new phone number*; separate phone*|account*|number*; "
    "second phone*|account*|number*; another account*|number*; burner*; only for contact*; "
    "only for talking|chatting|calls",
)
# Apps that count as overseas or encrypted in a channel field (compared in lower case, no spaces).
OVERSEAS_CHANNELS = (
    "telegram", "电报", "纸飞机", "whatsapp", "signal", "line", "viber", "skype", "discord",
    "threema", "wickr", "wire", "session", "messenger", "facebookmessenger", "instagram",
    "kakaotalk", "kakao", "element", "matrix", "protonmail",
)

# --- secrecy ---------------------------------------------------------------------------------
SECRECY_STRONG = V(
    "secrecy",
    "暗号; 暗语; 黑话; 代号; 代称; 保密; 守口如瓶; 阅后即焚; "
    "(不要|别|不能|不许|不准|千万别|不可以).{0,4}(告诉|让|跟|和|对|向).{0,6}"
    "(任何人|别人|其他人|家人|家里|父母|爸|妈|老师|辅导员|同学|朋友|学校|室友); 不要声张; 别声张; 只有我们(两个)?(人)?知道",
    "code word*; codeword*; code name*; secret code*; keep secret*; keep quiet; "
    "dont|not|never tell|mention anyone|anybody|family|parent*|teacher*|mum|mom|mother|dad|father|"
    "friend*|classmate*|school|roommate*|counsel*|nobody; "
    "tell no one; tell nobody; said|told|asked|asks|wants|wanted|insist* not tell|mention; "
    "disappearing messag*; self destruct*; self-destruct*; burn after; between us; our secret; "
    "no one must|can|should know",
)
# Deleting chats: a sign when the counterpart asks for it (not when you tidy your own phone).
DELETE_CHATS = V(
    "delete-chats",
    "删(除|掉|了)?.{0,8}(聊天|记录|消息|对话|信息|照片|截图|邮件); (聊天|记录|消息|对话)(记录)?.{0,6}删",
    "delet*|eras*|wipe*|clear*|remov* chat*|messag*|histor*|convers*|record*|photo*|screenshot*|"
    "email*|mail*",
)
NOT_DELETING = V(
    "not-deleting",
    "(不|别|没|没有|不要|不会|不能|不再)(要)?删",
    "dont|not|never|didnt|wont|without delet*|eras*|wipe*",
)
SECRECY_WEAK = V(
    "secrecy-weak",
    "秘密; 私下; 悄悄; 偷偷; 低调; 不要说; 别说",
    "secret*; privat*; quietly; discreet*; confidential*; low profile",
)

# --- gifts, money, housing -------------------------------------------------------------------
DEVICE = V(
    "device",
    "手机; 电脑; 笔记本电脑; 平板; 相机; 摄像机; 镜头; 无人机; 电动车; 电瓶车; 电动自行车; 摩托; 自行车; 汽车; "
    "电话卡; 手机卡; 流量卡; 望远镜; 录音笔; 设备; 器材; 装备; 三脚架; 长焦; 路由器; U盘; 硬盘; 对讲机; "
    "摄像头; 卫星电话; 充电宝",
    "phone*; smartphone*; iphone*; laptop*; computer*; tablet*; ipad*; camera*; lens; "
    "lenses; drone*; scooter*; e-bike*; ebike*; bike*; bicycle*; motorbike*; motorcycle*; moped*; "
    "car|cars; vehicle*; sim; sim card*; binocular*; telescope*; recorder*; equipment; gear; "
    "tripod*; telephoto; gps; router*; usb; hard drive*; walkie*; dashcam*",
)
GIVE_ME = V(
    "give-me",
    "送(了)?(给)?我; (买|寄|送|给).{0,8}给我; 给我(买|寄|送); 帮我买; 赠(给|送)?我",
    "gave|give|gives|giving|bought|buy|buys|sent|send|sends|mailed|posted|got me|us; "
    "gift*|present* me|us|from; for me",
)
CASH_CRYPTO = V(
    "cash-crypto",
    "现金; 比特币; 虚拟货币; 加密货币; 数字货币; 泰达币; USDT; 代付; 第三方; 别人(转|付|打); "
    "陌生(账户|账号|人)(转|付|打); 不同的?(账户|账号); 境外(账户|汇款|转账)",
    "cash; crypto*; bitcoin*; btc; usdt; tether; ethereum; third party|parties; third-party; "
    "someone else*; stranger*; another person*; different account*; "
    "foreign account*; overseas account*|transfer*; gift card*",
)
HOUSING = V(
    "housing",
    "房租; 租房; 租金; 租(了|下|个|一)?(房|间|套|公寓|屋); 住处; 住所; 住宿; 酒店; 宾馆; 旅馆; 公寓; 房子; 民宿; 押金",
    "rent|rented|renting|rents; rental*; lodging*; accommodation*; apartment*; flat|flats; "
    "hotel*; hostel*; place to stay|live; housing; deposit for the room|flat|apartment",
)
TRAVEL = V(
    "travel",
    "路费; 车费; 机票; 火车票; 高铁票; 车票; 旅费; 差旅; 交通费; 油费",
    "ticket*; flight*; train fare*; fare*; travel cost*|expens*|money; transport cost*|money; "
    "petrol|fuel money",
)
PAID_VERB = V(
    "paid",
    "付; 交(了)?.{0,2}(房租|租|押金|房费); 出(了)?钱; 承担; 包(了)?(房租|住|吃住|食宿|路费); 垫; 报销; 支付; "
    "转(了)?.{0,4}(钱|元|块); 给(了)?.{0,4}(钱|元|块); 掏; 帮我(付|交|出)",
    "paid|pay|pays|paying; cover*; fund*; reimburs*; took care; sponsor*; transferr*; sent money",
)
NEAR = V(
    "near",
    "附近; 旁边; 边上; 靠近; 对面; 周边; 紧挨; 不远",
    "near|nearby|close|opposite|overlook*|beside|facing; next to; walking distance",
)

# --- identity --------------------------------------------------------------------------------
VAGUE_ID_STRONG = V(
    "vague-identity",
    "查不到; 搜不到; 找不到.{0,6}(公司|信息|记录|网站|这家|注册); 无法(核实|验证|确认|证实); 核实不了; "
    "(不肯|拒绝|不愿|不接|从不|从来不|不敢|推脱|不同意|总是不).{0,4}(视频|见面|打电话|语音|露脸); 没有营业执照; 假名; "
    "前后矛盾; 说法不一; 对不上; 身份(可疑|不明|不清); 冒充",
    "cant|cannot|couldnt|unable|not|never|no verif*; "
    "cant|cannot|couldnt|unable find* company|website|record*|trace|registration|anything; "
    "no website*|record*|registration|trace; not registered; "
    "refus*|declin*|avoid*|wont|never|wouldnt|excuse* video*|meet*|call*|face; "
    "fake*; inconsistent; contradict*; different name*; story chang*; doesnt|didnt|dont add up; "
    "impersonat*",
)
# 说是 ("says [he] is") claims who someone is only with an organisation or a job ending the
# clause ("说是海洋调查公司的", "说是杂志社记者"); 说是 alone also gives reasons ("说是海洋环境调查要用的
# 照片", "说是公司的要求"), so the clause must end there
_ORG_ZH = "公司|单位|机构|研究所|研究院|研究中心|协会|学会|杂志社|报社|出版社|基金会|事务所|工作室|集团|智库"
_JOB_ZH = "记者|猎头|顾问|编辑|研究员|学者|经理|总监|主管|员工|职员|工作人员"
_CLAUSE = "[^，。；！？,.!?\\s]"  # not across punctuation
VAGUE_ID_WEAK = V(
    "vague-identity-weak",
    "自称; 声称; 号称; 说自己是; 说他是; 说她是; 据说; "
    f"说是{_CLAUSE}{{0,10}}(({_ORG_ZH})(的?({_JOB_ZH}|人)|的)?|{_JOB_ZH})(?![\\u4e00-\\u9fff]); "
    f"说(他|她|自己|是)?在{_CLAUSE}{{0,10}}({_ORG_ZH})(工作|上班|任职)",
    "claim*; says he is|works; says she is|works; calls himself|herself; supposedly; apparently",
)
VAGUE_ORG = V(
    "vague-org",
    "^某; 一家; 调查; 咨询; 杂志; 境外; 海外; 国外; 研究(公司|机构|中心); 信息(公司|服务); 不知名",
    "a|an|some company|firm|agency|magazine|organisation*|organization*; investigat*; survey*; "
    "consult*; magazine*; overseas; foreign; intelligence; unknown; unnamed; research compan*|firm*|agenc*",
)

# --- pressure --------------------------------------------------------------------------------
PRESSURE_STRONG = V(
    "pressure",
    "威胁; 勒索; 敲诈; 曝光; 把柄; 后果自负; 要挟; 逼(我|着|迫); 恐吓; 跑不掉; 脱不了身; 已经上了; "
    "(告诉|发给|寄给|交给|举报给|捅到|让)(你|我)的?(学校|家人|家里|父母|老师|警察|辅导员|导师|同学)",
    "threat*; blackmail*; extort*; expose|exposed|exposing; intimidat*; or else; pressur*; "
    "forced|forcing me|us; "
    "no way out; already involved; too late to stop|quit; too late to back out; "
    "tell|report|send|show your school|family|parent*|teacher*|university|police|college; "
    "will|would|going|gonna tell|report|send|show my school|family|parent*|teacher*|university|"
    "police|college",
)
PRESSURE_WEAK = V(
    "pressure-weak",
    "催; 必须; 一定要; 不能停; 别想退出; 否则; 不然; 继续(做|拍|干); 不许(停|退)",
    "push*; urg*; insist*; must; demand*; otherwise; keep going; cant stop|quit; dont stop|quit; "
    "continue*; again and again",
)

# --- who is family (gifts from them are not a recruitment pattern by themselves) --------------
# Someone paying for themselves is not someone paying for you.
SELF_PAID = V(
    "self-paid",
    "(?<![帮替给为])我(自己)?(付|交|出|支付|转)",
    "i paid|pay|covered|cover|transferred|booked; my own",
)

FAMILY = V(
    "family",
    "妈妈; 母亲; 爸爸; 父亲; 父母; 家人; 家里; 哥哥; 姐姐; 弟弟; 妹妹; 奶奶; 爷爷; 外婆; 外公; 姥姥; 姥爷; "
    "舅舅; 姑姑; 叔叔; 婶婶; 姨妈; 表哥; 表姐; 堂哥; 堂姐; 老妈; 老爸",
    "mother; mum|mums|mom|moms|mummy|mommy; father; dad|dads|daddy; parent*; family; brother*; "
    "sister*; grandma*; grandmother*; grandpa*; grandfather*; granny; aunt|auntie*; uncle*; "
    "cousin*; grandparent*",
)
# A teacher or the school asking (the canteen survey, photos for the school magazine).
TRUSTED_ASKS = V(
    "trusted-asks",
    "(老师|辅导员|班主任|导师|教授|学校|学院|校方)(们)?(让|要|请|叫|要求|发|布置|安排)",
    "teacher*|counsel*|professor*|supervisor*|school|university|college|dean* "
    "asked|asks|wants|wanted|told|gave|handed|sent|assigned",
)
# People the user may trust by role: the ones the advice says to talk to.
TRUSTED_ROLE = V(
    "trusted-role",
    "老师; 辅导员; 班主任; 导师; 教授; 学校; 学院; 校方; 保卫处",
    "teacher*; counsel*; tutor of my class; class adviser*; professor*; supervisor*; dean*; "
    "university office*; school office*",
)

ASKED = V(
    "asked",
    "要我; 让我; 请我; 叫我; 问我; 打听; 想要; 要求; 索要; 介绍; 提供; 安排我",
    "ask*; want*; told me; tell me; request*; need*; could you; can you; send; offer*; introduc*; "
    "instruct*; wanted me",
)

REFUSAL = V(
    "refusal",
    "拒绝; 不干了; 不做了; 不拍了; 停止; 不再",
    "refus*; declin*; said no; stopped|stop; quit; wont|will not do",
)

# Where a person was found or what they claim to be that makes a title ("老师", "teacher",
# "university") no reason for trust: a part-time-job group, a recruiter, a consultancy abroad.
VAGUE_ORG_TRUST = V(
    "untrusted-source",
    "兼职; 求职; 招聘; 咨询; 境外; 海外; 国外; 调查公司; 某; 网友; 群",
    "recruit*; job app|board|site|group; consult*; overseas; foreign; think tank*; "
    "online friend*; dating",
)
# Photographing papers is gathering information, not photographing a place.
PHOTO_OF_DOCS = V(
    "photo-of-docs",
    "(资料|文件|材料|图纸|名单|报告|文献).{0,4}拍; 拍(下|摄)?.{0,4}(资料|文件|材料|图纸|名单|报告)",
    "photo*|picture*|snap*|scan* document*|paper*|file*|page*|report*; "
    "document*|paper*|file*|page* photo*|picture*",
)
