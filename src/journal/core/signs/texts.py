"""Titles, explanations and advice of the warning signs, in English and Simplified Chinese.

Registered with :func:`journal.core.i18n.register` under ``signs.<ID>.title|explanation|advice``
plus a few shared texts (``signs.level.*``, ``signs.intro``, ``signs.none``, ``signs.report.*``).
Advice is written as short steps separated by newlines; :func:`journal.core.signs.advice_steps`
splits them.
"""

from __future__ import annotations

from journal.core import i18n

_T: dict[str, tuple[tuple[str, str], tuple[str, str], tuple[str, str]]] = {
    # id: ((title en, zh), (explanation en, zh), (advice en, zh))
    "WS-FAST-INTIMACY": (
        ("A relationship that became intimate very fast",
         "关系在很短时间内变得亲密"),
        (("Within days of the first contact, this person already talks about love, a special "
         "bond or being together. Recruiters use quick closeness so that you trust them and find "
         "it hard to say no to the favours and \"jobs\" that follow."),
         ("第一次联系后没几天，对方就谈起恋爱、说你很特别或要和你在一起。招募者常用迅速拉近关系的"
         "方式取得你的信任，让你日后难以拒绝他们提出的帮忙或“兼职”。")),
        (("Do not send more personal details, photos or help until you have talked to someone "
         "you trust.\nDo not confront the person; keep chatting as little as possible.\n"
         "Keep every chat and screenshot — do not delete anything.\n"
         "Talk to a teacher or counsellor about it."),
         ("在和可信任的人商量之前，不要再发送个人信息、照片或提供帮助。\n不要当面质问对方，尽量少聊。\n"
         "保留所有聊天记录和截图，不要删除任何内容。\n把情况告诉老师或辅导员。")),
    ),
    "WS-JOB-OFFER": (
        ("An unsolicited job offer with high pay for simple tasks",
         "主动找上门、报酬高而任务简单的工作"),
        (("Someone you did not seek out offers a job or part-time work that pays well for very "
         "little effort, such as taking a few photos or filling in forms. In published cases "
         "this is how many people were first drawn in."),
         ("你并没有主动去找的人向你提供工作或兼职，任务很轻松（比如拍几张照片、填写表格），报酬却很高。"
         "在已公开的案例中，很多人正是这样一步步被拉进去的。")),
        (("Do not accept further tasks and do not take more money.\n"
         "Keep the offer, the chats and the payment records as evidence.\n"
         "Do not confront the person; simply stop.\n"
         "Ask a teacher or the career office to check the employer, and report it if in doubt."),
         ("不要再接任务，也不要再收钱。\n把招聘信息、聊天记录和收款记录保存为证据。\n"
         "不要质问对方，直接停下来即可。\n请老师或学校就业指导部门帮忙核实雇主，如有疑问就举报。")),
    ),
    "WS-PHOTO-TASK": (
        ("Asked to photograph or film places",
         "被要求拍摄或录制特定地点"),
        (("You were asked to take pictures or videos of places, ships, aircraft or facilities. "
         "Even pictures that look harmless can tell a foreign service where things are, how "
         "they are guarded and when ships or planes come and go."),
         ("有人要求你拍摄某些地点、船只、飞机或设施的照片或视频。即使看起来无害的照片，也可能让境外"
         "情报机构知道目标的位置、警戒情况以及舰船和飞机的进出时间。")),
        (("Stop taking photos or videos for them and send nothing more.\n"
         "Do not delete the photos, videos or chats you already have: they are evidence.\n"
         "Do not confront the person.\n"
         "Tell a teacher and report it (12339)."),
         ("停止为对方拍照或录像，不要再发送任何内容。\n不要删除已有的照片、视频和聊天记录，它们都是证据。\n"
         "不要质问对方。\n告诉老师，并举报（12339）。")),
    ),
    "WS-ESCALATION": (
        ("Tasks moving from harmless places to military or government ones",
         "任务从无害目标逐渐转向军事或政府目标"),
        (("The first tasks were ordinary — scenery, tourists, yachts, a survey — and later ones "
         "point at military ships or aircraft, bases, or government or research sites. This "
         "step-by-step drift is the pattern of the published cases: once you have done the easy "
         "part, the next step seems small."),
         ("最初的任务很普通，如风景、游客、游艇或问卷，后来的任务却指向军舰、军用飞机、军事基地或政府、"
         "科研场所。已公开的案例正是这样一步步升级的：做了简单的部分之后，下一步似乎也就不算什么了。")),
        (("Stop now: do not carry out the newer, sensitive tasks.\n"
         "Do not go near military or restricted areas to take pictures.\n"
         "Keep all requests, photos and payment records.\n"
         "Report it: 12339 hotline, the online platform, the official WeChat account or the "
         "local national security office — a teacher can go with you."),
         ("立即停止，不要执行后来那些敏感的任务。\n不要去军事区域或禁区附近拍照。\n"
         "保留所有的任务要求、照片和收款记录。\n"
         "举报：12339 热线、网上举报平台、官方微信公众号或当地国家安全机关，可以请老师陪同。")),
    ),
    "WS-INFO-GATHERING": (
        ("Requests for documents or inside information",
         "索要资料或内部信息"),
        (("You were asked for documents, internal material, survey answers or details about a "
         "workplace, a school or a research group. Pieces that seem unimportant are collected "
         "and put together by the people asking."),
         ("有人向你索要文件、内部资料、问卷答案，或打听工作单位、学校、课题组的情况。看似不重要的"
         "零碎信息，会被对方收集起来拼凑成完整的情报。")),
        (("Do not send or collect any documents or information for them.\n"
         "Keep the requests and chats as they are.\n"
         "Do not confront the person.\n"
         "Tell a teacher or supervisor, and report it."),
         ("不要为对方发送或收集任何资料和信息。\n原样保留这些要求和聊天记录。\n不要质问对方。\n"
         "告诉老师或导师，并进行举报。")),
    ),
    "WS-CHANNEL-SWITCH": (
        ("Moved to an overseas or encrypted app, or a new account",
         "被要求改用境外或加密软件、新账号"),
        (("The person asked you to continue on an overseas or encrypted messaging app, a new "
         "account or another phone. This makes the contact harder to trace and harder for "
         "others to notice."),
         ("对方要求你改用境外或加密的聊天软件、新账号或另一部手机继续联系。这样做会让联系更难被追查，"
         "也更难被身边的人发现。")),
        (("Do not install or move to more apps or accounts for them.\n"
         "Do not delete the app or the chats on it: take screenshots of the conversations and "
         "of the account names.\n"
         "Do not confront the person.\n"
         "Bring the screenshots to a teacher and to your report."),
         ("不要再为对方安装或改用其他软件、账号。\n不要删除该软件或其中的聊天，截图保存对话和对方账号名。\n"
         "不要质问对方。\n把截图带给老师，并在举报时提交。")),
    ),
    "WS-SECRECY": (
        ("Code words, secrecy or deleting chats",
         "使用暗号、要求保密或删除聊天记录"),
        (("You were asked to use code words, keep things secret, delete chats, or not tell your "
         "family or teachers. Legitimate work and honest friends do not need this."),
         ("对方要求你使用暗号、保守秘密、删除聊天记录，或者不要告诉家人和老师。正当的工作和真诚的"
         "朋友都不需要这样做。")),
        (("Do not delete anything, even if asked to: keep the chats and screenshots.\n"
         "Telling a teacher or your family is safe and right, whatever you were told.\n"
         "Do not confront the person.\n"
         "Report it (12339)."),
         ("即使对方要求，也不要删除任何内容，保留聊天记录和截图。\n"
         "无论对方怎么说，告诉老师或家人都是安全、正确的做法。\n不要质问对方。\n举报（12339）。")),
    ),
    "WS-DEVICE-GIFT": (
        ("Gifts of phones, cameras, vehicles or other equipment",
         "收到手机、相机、车辆等设备类礼物"),
        (("You received a phone, camera, drone, scooter, SIM card or other equipment. Such gifts "
         "tie you to the giver, can be used to carry out their tasks and can be used to watch "
         "you."),
         ("你收到了手机、相机、无人机、电动车、电话卡或其他设备。这类礼物会让你欠对方人情，可能被用来"
         "完成对方的任务，也可能被用来监视你。")),
        (("Do not accept more gifts.\n"
         "Do not use the devices you received, do not reset them and do not throw them away: "
         "put them aside, switched off, as evidence.\n"
         "Photograph the gifts and the packaging.\n"
         "Tell a teacher and mention the devices when you report."),
         ("不要再接受任何礼物。\n不要使用收到的设备，不要恢复出厂设置，也不要丢弃，关机后放好作为证据。\n"
         "拍下礼物和包装。\n告诉老师，举报时说明这些设备。")),
    ),
    "WS-UNUSUAL-PAYMENT": (
        ("Unusual payment",
         "异常的报酬"),
        (("The pay is out of proportion to the work, came in cash, crypto or from third parties, "
         "or rose as the tasks became more sensitive. Generous, punctual money is a common bait."),
         ("报酬与工作量明显不相称，以现金、虚拟货币或第三方转账支付，或随着任务越来越敏感而增加。"
         "慷慨、准时的报酬是常见的诱饵。")),
        (("Do not accept more money.\n"
         "Do not spend, return or transfer what you received before talking to a teacher or the "
         "authorities.\n"
         "Keep the payment records (screenshots of transfers, account names, dates).\n"
         "Report it."),
         ("不要再收钱。\n在和老师或有关部门沟通之前，不要花掉、退回或转走已收到的钱。\n"
         "保留收款记录（转账截图、对方账户名、日期）。\n进行举报。")),
    ),
    "WS-PAID-HOUSING": (
        ("Rent, travel or lodging paid for you",
         "对方替你支付房租、路费或住宿"),
        (("Someone paid your rent, travel or lodging — worse if the place is near a military or "
         "other sensitive site, where it can serve as a post for watching it."),
         ("有人替你支付房租、路费或住宿；如果住处靠近军事或其他敏感场所，情况更严重，那里可能被用作"
         "观察点。")),
        (("Do not accept further payments for housing or travel.\n"
         "Do not watch or photograph anything from that place.\n"
         "Keep the rental agreement and payment records.\n"
         "Talk to a teacher and report it."),
         ("不要再接受对方支付的房租或路费。\n不要在那个住处观察或拍摄任何东西。\n保留租房合同和付款记录。\n"
         "和老师谈谈，并进行举报。")),
    ),
    "WS-VAGUE-IDENTITY": (
        ("An identity you cannot check",
         "身份无法核实"),
        (("You cannot verify who this person is: the company cannot be found, they avoid video "
         "calls or meeting, or their story changes. The role they claim may be a cover."),
         ("你无法核实对方是谁：查不到所说的公司，对方回避视频通话或见面，或者说法前后不一。对方自称"
         "的身份可能只是掩护。")),
        (("Do not take on work or favours for someone you cannot verify.\n"
         "Write down every name, company, number and account they gave and keep screenshots "
         "of their profile.\n"
         "Do not confront the person.\n"
         "Ask a teacher to help you check, and report it if in doubt."),
         ("不要为身份无法核实的人做事或帮忙。\n记下对方给出的所有姓名、公司、号码和账号，并截图保存对方资料。\n"
         "不要质问对方。\n请老师帮忙核实，如有疑问就举报。")),
    ),
    "WS-PRESSURE": (
        ("Threats or pressure",
         "威胁或施压"),
        (("The person threatened you, hinted at exposing you, or kept pushing after you said no. "
         "Pressure is how people are kept from leaving. You are not trapped: reporting now "
         "protects you."),
         ("对方威胁你、暗示要曝光你，或在你拒绝后仍然不断施压。施压是为了让你无法脱身。你并没有"
         "被困住：现在举报能保护你自己。")),
        (("Do not do what they demand and do not pay them.\n"
         "Keep every message, including the threats.\n"
         "Do not confront or answer the threats.\n"
         "Tell a teacher today and report it (12339); if you feel in danger, call 110."),
         ("不要照对方的要求去做，也不要给对方钱。\n保留所有消息，包括威胁内容。\n不要质问或回应威胁。\n"
         "今天就告诉老师并举报（12339）；如感到人身危险，请拨打 110。")),
    ),
}

_SHARED: dict[str, dict[str, str]] = {
    "signs.level.present": {"en": "present", "zh": "已出现"},
    "signs.level.possible": {"en": "possible", "zh": "有迹象"},
    "signs.intro": {
        "en": "A checklist of known recruitment patterns, compared with your own entries. It is not "
        "a verdict about anyone — it shows what to look at and what to do.",
        "zh": "这是一份已知招募手法的清单，与你自己的记录进行对照。它不是对任何人的定论，只是提示你"
        "需要注意什么、应该怎么做。",
    },
    "signs.none": {
        "en": "No warning signs found in your entries so far.",
        "zh": "目前在你的记录中没有发现警示信号。",
    },
    "signs.report.title": {"en": "How to report", "zh": "如何举报"},
    "signs.report.steps": {
        "en": "Call the 12339 hotline of the national security authority.\n"
        "Or use the online reporting platform (www.12339.gov.cn).\n"
        "Or write through the official WeChat account of the Ministry of State Security.\n"
        "Or go to the local national security office in person.\n"
        "You can ask a teacher or counsellor to go with you. Bring this journal's PDF report, "
        "your phone with the chats, and any gifts or devices.",
        "zh": "拨打国家安全机关举报受理电话 12339。\n"
        "或通过网络举报平台（www.12339.gov.cn）举报。\n"
        "或通过国家安全部官方微信公众号举报。\n"
        "或直接到当地国家安全机关举报。\n"
        "可以请老师或辅导员陪你一起去。带上本日志导出的 PDF 报告、存有聊天记录的手机，以及收到的"
        "礼物或设备。",
    },
    "signs.report.general": {
        "en": "Stop the tasks quietly, do not confront the person, do not delete chats, keep the "
        "evidence, accept no more money or gifts, and talk to a teacher.",
        "zh": "悄悄停止任务，不要质问对方，不要删除聊天记录，保留证据，不再接受任何钱款或礼物，"
        "并告诉老师。",
    },
}


def _messages() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = dict(_SHARED)
    for sign_id, (title, expl, advice) in _T.items():
        out[f"signs.{sign_id}.title"] = {"en": title[0], "zh": title[1]}
        out[f"signs.{sign_id}.explanation"] = {"en": expl[0], "zh": expl[1]}
        out[f"signs.{sign_id}.advice"] = {"en": advice[0], "zh": advice[1]}
    return out


MESSAGES = _messages()
i18n.register(MESSAGES)
