"""Chat-export importers (Telegram JSON, WhatsApp text, CSV) and putting them into a journal.

    parsed = parse_file("whatsapp", path, tz="Asia/Shanghai")   # pure, no journal
    result = import_chat(journal, parsed, me="Liu", person="Xiao Min")
    result = import_file(journal, "telegram", "result.json")      # both at once
"""

from .apply import (
    ImportLimits,
    ImportResult,
    entry_draft_from_message,
    import_chat,
    import_file,
    parse_file,
)
from .common import (
    MAX_IMPORT_BYTES,
    ImportNote,
    ParsedChat,
    ParsedMessage,
    detect_kind,
    system_tz_name,
)
from .csvchat import parse_csv
from .telegram import parse_telegram
from .whatsapp import parse_whatsapp

__all__ = [
    "MAX_IMPORT_BYTES", "ImportLimits", "ImportNote", "ImportResult", "ParsedChat", "ParsedMessage", "detect_kind",
    "entry_draft_from_message", "import_chat", "import_file", "parse_csv", "parse_file",
    "parse_telegram", "parse_whatsapp", "system_tz_name",
]
