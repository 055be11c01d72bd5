"""Money: Decimal amounts and ISO 4217 currency codes (never float)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from journal.core.errors import InputError

# Active ISO 4217 codes (2024), CNY first and the ones students meet most next.
COMMON_CURRENCIES: tuple[str, ...] = ("CNY", "USD", "EUR", "HKD", "TWD", "JPY", "GBP", "KRW",
                                      "SGD", "AUD", "CAD", "MOP", "RUB", "THB", "MYR", "VND", "PHP",
                                      "INR", "CHF", "NZD")
_ALL = """AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN
BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL
GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW
KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN
NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE
SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST
XAF XCD XOF XPF YER ZAR ZMW ZWG XAU XAG XDR"""
CURRENCIES: tuple[str, ...] = COMMON_CURRENCIES + tuple(
    sorted(c for c in _ALL.split() if c not in COMMON_CURRENCIES)
)
_CURRENCY_SET = frozenset(CURRENCIES)
DEFAULT_CURRENCY = "CNY"
MAX_AMOUNT = Decimal("1e15")

# Words people type instead of the code.
_ALIASES = {"RMB": "CNY", "YUAN": "CNY", "元": "CNY", "人民币": "CNY", "¥": "CNY", "￥": "CNY",
            "$": "USD", "美元": "USD", "€": "EUR", "欧元": "EUR", "港币": "HKD", "港元": "HKD",
            "£": "GBP", "英镑": "GBP", "日元": "JPY", "台币": "TWD", "新台币": "TWD"}


def stored_decimal(text: Any) -> Decimal | None:
    """A stored amount read back as an exact decimal; None when empty or not a number (derived
    figures skip it rather than fail)."""
    if text is None or text == "":
        return None
    try:
        return Decimal(str(text))
    except InvalidOperation:
        return None


def check_currency(code: str | None, field: str = "currency") -> str:
    """Return the normalised ISO 4217 code or raise InputError."""
    text = (code or "").strip()
    normalised = _ALIASES.get(text.upper(), _ALIASES.get(text, text.upper()))
    if normalised not in _CURRENCY_SET:
        raise InputError("error.bad_currency", field=field, text=text)
    return normalised


def parse_amount(text: str | Decimal | int | None, field: str = "amount") -> Decimal:
    """Parse a non-negative decimal amount ("1,200.50", "300", "３００") or raise InputError."""
    if isinstance(text, Decimal):
        value = text
        shown = str(text)
    else:
        shown = "" if text is None else str(text)
        cleaned = shown.strip().replace(",", "").replace("，", "").replace(" ", "").replace("_", "")
        # full-width digits and point
        cleaned = cleaned.translate(str.maketrans("０１２３４５６７８９．", "0123456789."))
        if not cleaned or not all(c.isdigit() or c in ".-+" for c in cleaned):
            raise InputError("error.bad_amount", field=field, text=shown)
        try:
            value = Decimal(cleaned)
        except InvalidOperation:
            raise InputError("error.bad_amount", field=field, text=shown) from None
    if not value.is_finite() or value < 0 or value > MAX_AMOUNT:
        raise InputError("error.bad_amount", field=field, text=shown)
    if value.as_tuple().exponent < -4:  # type: ignore[operator]
        raise InputError("error.bad_amount", field=field, text=shown)
    return value


def format_amount(value: Decimal | None, currency: str | None = None) -> str:
    if value is None:
        return ""
    text = f"{value:,.2f}" if value == value.quantize(Decimal("0.01")) else f"{value:,}"
    return f"{text} {currency}" if currency else text
