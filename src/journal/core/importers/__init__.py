"""Chat exports and payment bills, parsed and put into a journal.

Modules: the parsers (telegram/tghtml, whatsapp, csvchat, qq, wechat, mail, bills; common.py
their shared shapes and helpers, texts.py their messages), detect.py (which kind of export a file
is), sandbox.py (parsing in a child process without the key),
chats.py (a parsed chat → transcript entries), billimport.py (bill rows → payment entries),
limits.py (how much one import may add), people.py (senders → persons), apply.py (any file:
kind recognised, parsed, imported).

    parsed = parse_file("whatsapp", path, tz="Asia/Shanghai")   # pure, no journal
    result = import_chat(journal, parsed, me="Liu", person="Xiao Min")
    result = import_file(journal, "telegram", "result.json")      # both at once
"""

from .apply import import_file, parse_file
from .billimport import import_bill
from .chats import entry_draft_from_message, import_chat
from .common import (
    MAX_IMPORT_BYTES,
    ImportNote,
    ImportResult,
    ParsedChat,
    ParsedMessage,
    system_tz_name,
)
from .csvchat import parse_csv
from .detect import detect_kind
from .limits import ImportLimits
from .telegram import parse_telegram
from .whatsapp import parse_whatsapp

__all__ = [
    "MAX_IMPORT_BYTES", "ImportLimits", "ImportNote", "ImportResult", "ParsedChat", "ParsedMessage", "detect_kind",
    "entry_draft_from_message", "import_bill", "import_chat", "import_file", "parse_csv", "parse_file",
    "parse_telegram", "parse_whatsapp", "system_tz_name",
]
