"""The importers' texts in English and Chinese: what went wrong with a file and what to do, the
warnings about a parsed file, the names of the formats (read through :func:`journal.core.i18n.message`
by key; the parsers and the sandbox name them only by key)."""

from __future__ import annotations

from journal.core.i18n import register

register({
    "import.changed_since_preview": {
        "en": "“{name}” changed after it was read. Read it again before importing. "
        "Nothing was added to the journal.",
        "zh": "“{name}”在读取之后被修改了。请重新读取后再导入。日志中没有添加任何内容。",
    },
    "import.unknown_kind": {
        "en": "Unknown import format “{kind}”. Use telegram, whatsapp, csv, qq, wechat, email, "
        "wechatpay, alipay or auto.",
        "zh": "未知的导入格式“{kind}”。请使用 telegram、whatsapp、csv、qq、wechat、email、"
        "wechatpay、alipay 或 auto。",
    },
    "import.file_missing": {
        "en": "There is no file at {path}. Nothing was added to the journal.",
        "zh": "{path} 处没有文件。日志中没有添加任何内容。",
    },
    "import.unreadable": {
        "en": "The file {name} cannot be read (no permission, or it is a folder). "
        "Nothing was added to the journal.",
        "zh": "无法读取文件 {name}（没有权限，或者它是一个文件夹）。日志中没有添加任何内容。",
    },
    "import.too_large": {
        "en": "“{name}” is {size_mb} MB; a chat export can be at most {limit_mb} MB. "
        "Export a shorter period or a single chat. Nothing was added to the journal.",
        "zh": "“{name}”大小为 {size_mb} MB，聊天导出文件最大为 {limit_mb} MB。"
        "请导出较短的时间段或单个聊天。日志中没有添加任何内容。",
    },
    "import.empty": {
        "en": "“{name}” is empty. Export the chat again. Nothing was added to the journal.",
        "zh": "“{name}”是空文件。请重新导出聊天记录。日志中没有添加任何内容。",
    },
    "import.binary": {
        "en": "“{name}” is not a text file (it may be a zip archive or a picture). "
        "Choose the exported .txt, .json or .csv file itself. Nothing was added to the journal.",
        "zh": "“{name}”不是文本文件（可能是压缩包或图片）。请选择导出的 .txt、.json 或 .csv 文件本身。"
        "日志中没有添加任何内容。",
    },
    "import.not_json": {
        "en": "“{name}” is not a Telegram export: it is not valid JSON (problem near line {line}). "
        "Nothing was added to the journal.",
        "zh": "“{name}”不是 Telegram 导出文件：它不是有效的 JSON（第 {line} 行附近有问题）。"
        "日志中没有添加任何内容。",
    },
    "import.not_telegram": {
        "en": "“{name}” is a JSON file but not a Telegram Desktop chat export. In Telegram Desktop "
        "use “Export chat history” with the format “Machine-readable JSON” and choose result.json. "
        "Nothing was added to the journal.",
        "zh": "“{name}”是 JSON 文件，但不是 Telegram 桌面版的聊天导出。请在 Telegram 桌面版中使用"
        "“导出聊天记录”，格式选“机器可读的 JSON”，然后选择 result.json。日志中没有添加任何内容。",
    },
    "import.not_whatsapp": {
        "en": "“{name}” is not a WhatsApp chat export: its first line has no date and time. "
        "In WhatsApp use “Export chat” and choose the .zip or .txt file it makes. "
        "Nothing was added to the journal.",
        "zh": "“{name}”不是 WhatsApp 聊天导出文件：第一行没有日期和时间。请在 WhatsApp 中使用"
        "“导出聊天”，然后选择它生成的 .zip 或 .txt 文件。日志中没有添加任何内容。",
    },
    "import.not_csv": {
        "en": "“{name}” is not a chat table: line {line} needs three columns (date, person, text) "
        "with a date such as 2024-03-05 14:30. Nothing was added to the journal.",
        "zh": "“{name}”不是聊天表格：第 {line} 行需要三列（日期、人、内容），日期格式如 2024-03-05 14:30。"
        "日志中没有添加任何内容。",
    },
    "import.bad_encoding": {
        "en": "“{name}” is in a text encoding this app cannot read (neither UTF-8 nor GB18030). "
        "Export the file again, or save it as UTF-8. Nothing was added to the journal.",
        "zh": "“{name}”的文字编码无法识别（既不是 UTF-8 也不是 GB18030）。请重新导出，"
        "或另存为 UTF-8 编码。日志中没有添加任何内容。",
    },
    "import.unrecognised": {
        "en": "The format of “{name}” was not recognised, so nothing was added to the journal. "
        "These formats work: WeChat (exported with a WeChat export tool as .csv, .txt or .html), "
        "QQ (.txt or .json), Telegram, WhatsApp, a CSV table with date, person and text columns, "
        "e-mail (.eml or .mbox), WeChat Pay and Alipay bills. Choose the format yourself: in the "
        "import window's Format list, or on the command line with its name instead of auto "
        "(wechat, qq, telegram, whatsapp, csv, email, wechatpay or alipay), for example "
        "“journal-cli import qq FILE”.",
        "zh": "无法识别“{name}”的格式，日志中没有添加任何内容。可以导入的格式有：微信（用微信导出工具导出的 "
        ".csv、.txt 或 .html）、QQ（.txt 或 .json）、Telegram、WhatsApp、含日期、人物和内容列的 CSV "
        "表格、电子邮件（.eml 或 .mbox）、微信支付账单和支付宝账单。请自己选择格式：在导入窗口的"
        "“格式”列表中选择，或在命令行中用格式名代替 auto（wechat、qq、telegram、whatsapp、csv、"
        "email、wechatpay 或 alipay），例如“journal-cli import qq 文件”。",
    },
    "import.no_messages": {
        "en": "“{name}” contains no messages. Nothing was added to the journal.",
        "zh": "“{name}”中没有任何消息。日志中没有添加任何内容。",
    },
    "import.bad_tz": {
        "en": "“{tz}” is not a time zone. Use a name such as Asia/Shanghai or Europe/London.",
        "zh": "“{tz}”不是有效的时区。请使用 Asia/Shanghai 或 Europe/London 这样的名称。",
    },
    "import.bad_date_order": {
        "en": "“{order}” is not a date order. Use DMY (day first), MDY (month first) or YMD.",
        "zh": "“{order}”不是有效的日期顺序。请使用 DMY（日在前）、MDY（月在前）或 YMD。",
    },
    "import.date_order_impossible": {
        "en": "With the date order {order}, the date “{text}” on line {line} does not exist. "
        "Choose another date order. Nothing was added to the journal.",
        "zh": "按 {order} 的日期顺序，第 {line} 行的日期“{text}”不存在。请换一种日期顺序。"
        "日志中没有添加任何内容。",
    },
    # warnings (shown in the preview; the import goes ahead)
    "import.warn.date_order_default": {
        "en": "Every date in this file could be read day-first or month-first; {order} was assumed. "
        "Check a date you remember and change the date order if it is wrong.",
        "zh": "文件中的日期既可以按“日在前”也可以按“月在前”理解，已假定为 {order}。"
        "请核对一个您记得的日期，如有错误请更改日期顺序。",
    },
    "import.warn.date_order_sequence": {
        "en": "No date in this file shows whether the day or the month comes first; {order} was "
        "chosen because it keeps the messages in time order. Check a date you remember.",
        "zh": "文件中没有日期能说明日和月哪个在前；选择了 {order}，因为这样消息的时间顺序是连贯的。"
        "请核对一个您记得的日期。",
    },
    "import.warn.date_order_conflict": {
        "en": "Some dates in this file read day-first and others month-first; {order} was used. "
        "The file may have been edited.",
        "zh": "文件中有些日期是日在前，有些是月在前；已按 {order} 读取。文件可能被编辑过。",
    },
    "import.warn.skipped": {
        "en": "{n} unreadable {n:item|items} in the file {n:was|were} skipped.",
        "zh": "文件中有 {n} 项无法读取，已跳过。",
    },
    "import.warn.media_missing": {
        "en": "{n} {n:photo or file was|photos or files were} not included in the export; only a note "
        "is kept.",
        "zh": "有 {n} 张照片或文件没有包含在导出中；只保留了一条说明。",
    },
    "import.warn.media_too_large": {
        "en": "{n} {n:file|files} over {limit_mb} MB {n:was|were} not attached; only a note is kept.",
        "zh": "有 {n} 个超过 {limit_mb} MB 的文件没有作为附件保存；只保留了一条说明。",
    },
    "import.warn.bad_lines": {
        "en": "{n} {n:line that looked|lines that looked} like a new message had an impossible date and "
        "{n:was|were} kept as part of the message before.",
        "zh": "有 {n} 行看起来像新消息但日期不存在，已作为前一条消息的一部分保留。",
    },
    "import.format.telegram_chat": {
        "en": "Telegram Desktop export (one chat, JSON)",
        "zh": "Telegram 桌面版导出（单个聊天，JSON）",
    },
    "import.format.telegram_account": {
        "en": "Telegram Desktop export (whole account, {n} {n:chat|chats}, JSON)",
        "zh": "Telegram 桌面版导出（整个账号，{n} 个聊天，JSON）",
    },
    "import.format.whatsapp_android": {
        "en": "WhatsApp chat export (Android layout{clock})",
        "zh": "WhatsApp 聊天导出（安卓格式{clock}）",
    },
    "import.format.whatsapp_ios": {
        "en": "WhatsApp chat export (iPhone layout{clock})",
        "zh": "WhatsApp 聊天导出（iPhone 格式{clock}）",
    },
    "import.format.clock12": {"en": ", 12-hour clock", "zh": "，12 小时制"},
    "import.format.clock24": {"en": ", 24-hour clock", "zh": "，24 小时制"},
    "import.format.csv": {
        "en": "Table of messages (CSV, {sep})",
        "zh": "消息表格（CSV，{sep}）",
    },
    "import.sep.comma": {"en": "commas", "zh": "逗号分隔"},
    "import.sep.tab": {"en": "tabs", "zh": "制表符分隔"},
    "import.sep.semicolon": {"en": "semicolons", "zh": "分号分隔"},
})
