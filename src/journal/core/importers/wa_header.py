"""The first line of a WhatsApp chat export: a message header, "12/03/2024, 20:15 - Name: …"
(Android) or "[12/03/2024, 20:15:03] Name: …" (iPhone), in any of the phone's date and time
orders. Apart from :mod:`.whatsapp` so that the import's format detection (:mod:`.common`) can
recognise an export without importing the reader that imports it."""

from __future__ import annotations

import re

MARKS = "\u200e\u200f\ufeff\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
AMPM_WORDS = "上午|下午|中午|晚上|凌晨|早上|午前|午後"
DATE = r"(?P<d1>\d{1,4})(?P<sep>[./-])(?P<d2>\d{1,2})(?P=sep)(?P<d3>\d{1,4})\.?"
TIME = (
    rf"(?P<pre>{AMPM_WORDS})?[ \u00a0\u202f]?"
    r"(?P<h>\d{1,2})[:.](?P<mi>\d{2})(?:[:.](?P<s>\d{2}))?"
    rf"(?:[ \u00a0\u202f]{{0,2}}(?P<ampm>[AaPp]\.?[ \u00a0\u202f]?[Mm]\.?|{AMPM_WORDS}))?"
)
SP = r"[ \u00a0\u202f]"
BRACKET_RE = re.compile(rf"^[{MARKS}]*\[{DATE},?{SP}{{1,3}}{TIME}\]{SP}?(?P<rest>.*)$", re.DOTALL)
DASH_RE = re.compile(rf"^[{MARKS}]*{DATE},?{SP}{{1,3}}{TIME}{SP}{{1,2}}[-–]{SP}(?P<rest>.*)$",
                     re.DOTALL)
