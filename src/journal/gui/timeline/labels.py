"""Translated names for kinds, fields and choice values, and the kind icons.

Texts use the ``EntryLabels`` translation context (see resources/translations/zh_CN/shell.json).
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from journal.core import paths


def kind_label(kind: str) -> str:
    names = {
        "contact": QCoreApplication.translate("EntryLabels", "Contact"),
        "request": QCoreApplication.translate("EntryLabels", "Request"),
        "payment": QCoreApplication.translate("EntryLabels", "Payment"),
        "gift": QCoreApplication.translate("EntryLabels", "Gift"),
        "meeting": QCoreApplication.translate("EntryLabels", "Meeting"),
        "threat": QCoreApplication.translate("EntryLabels", "Threat"),
        "report": QCoreApplication.translate("EntryLabels", "Report"),
        "note": QCoreApplication.translate("EntryLabels", "Note"),
    }
    return names.get(kind, kind)


def field_label(name: str) -> str:
    names = {
        "kind": QCoreApplication.translate("EntryLabels", "Kind"),
        "occurred_at": QCoreApplication.translate("EntryLabels", "When"),
        "recorded_at": QCoreApplication.translate("EntryLabels", "Recorded"),
        "summary": QCoreApplication.translate("EntryLabels", "Summary"),
        "details": QCoreApplication.translate("EntryLabels", "Details"),
        "persons": QCoreApplication.translate("EntryLabels", "People"),
        "channel": QCoreApplication.translate("EntryLabels", "Channel"),
        "location": QCoreApplication.translate("EntryLabels", "Place"),
        "witnesses": QCoreApplication.translate("EntryLabels", "Witnesses"),
        "tags": QCoreApplication.translate("EntryLabels", "Tags"),
        "amount": QCoreApplication.translate("EntryLabels", "Amount"),
        "currency": QCoreApplication.translate("EntryLabels", "Currency"),
        "method": QCoreApplication.translate("EntryLabels", "Paid by"),
        "direction": QCoreApplication.translate("EntryLabels", "Direction"),
        "item": QCoreApplication.translate("EntryLabels", "Item"),
        "value": QCoreApplication.translate("EntryLabels", "Estimated value"),
        "task": QCoreApplication.translate("EntryLabels", "Task asked"),
        "target": QCoreApplication.translate("EntryLabels", "Target or place"),
        "status": QCoreApplication.translate("EntryLabels", "Status"),
        "medium": QCoreApplication.translate("EntryLabels", "Medium"),
        "initiated_by": QCoreApplication.translate("EntryLabels", "Started by"),
        "reported_to": QCoreApplication.translate("EntryLabels", "Reported to"),
        "reference": QCoreApplication.translate("EntryLabels", "Reference number"),
        "officer": QCoreApplication.translate("EntryLabels", "Officer or teacher"),
        "attachments": QCoreApplication.translate("EntryLabels", "Attachments"),
        "pay_offered": QCoreApplication.translate("EntryLabels", "Pay offered"),
    }
    return names.get(name, name)


def choice_label(field: str, value: str | None) -> str:
    """A stored choice value (e.g. ``wechat``) in the user's language."""
    if not value:
        return ""
    names = {
        ("method", "wechat"): QCoreApplication.translate("EntryLabels", "WeChat Pay"),
        ("method", "alipay"): QCoreApplication.translate("EntryLabels", "Alipay"),
        ("method", "bank"): QCoreApplication.translate("EntryLabels", "Bank transfer"),
        ("method", "cash"): QCoreApplication.translate("EntryLabels", "Cash"),
        ("method", "crypto"): QCoreApplication.translate("EntryLabels", "Cryptocurrency"),
        ("method", "other"): QCoreApplication.translate("EntryLabels", "Other"),
        ("direction", "received"): QCoreApplication.translate("EntryLabels", "Received"),
        ("direction", "sent"): QCoreApplication.translate("EntryLabels", "Sent"),
        ("direction", "promised"): QCoreApplication.translate("EntryLabels", "Promised"),
        ("status", "asked"): QCoreApplication.translate("EntryLabels", "Asked"),
        ("status", "refused"): QCoreApplication.translate("EntryLabels", "Refused"),
        ("status", "done"): QCoreApplication.translate("EntryLabels", "Done"),
        ("status", "partly"): QCoreApplication.translate("EntryLabels", "Partly done"),
        ("medium", "chat"): QCoreApplication.translate("EntryLabels", "Chat"),
        ("medium", "call"): QCoreApplication.translate("EntryLabels", "Call"),
        ("medium", "video"): QCoreApplication.translate("EntryLabels", "Video"),
        ("medium", "in_person"): QCoreApplication.translate("EntryLabels", "In person"),
        ("initiated_by", "them"): QCoreApplication.translate("EntryLabels", "They did"),
        ("initiated_by", "me"): QCoreApplication.translate("EntryLabels", "I did"),
        ("reported_to", "hotline_12339"): 
            QCoreApplication.translate("EntryLabels", "12339 hotline"),
        ("reported_to", "online_platform"): 
            QCoreApplication.translate("EntryLabels", "Online reporting platform"),
        ("reported_to", "wechat_account"): 
            QCoreApplication.translate("EntryLabels", "Official WeChat account"),
        ("reported_to", "local_office"): 
            QCoreApplication.translate("EntryLabels", "Local national security office"),
        ("reported_to", "school"): QCoreApplication.translate("EntryLabels", "School or teacher"),
        ("reported_to", "other"): QCoreApplication.translate("EntryLabels", "Other"),
    }
    return names.get((field, value), value)


# Calm, distinguishable colours (colour-blind friendly enough; the letter carries the meaning too).
KIND_COLOURS = {
    "contact": "#3b6ea8",
    "request": "#b5651d",
    "payment": "#2e7d4f",
    "gift": "#8e44ad",
    "meeting": "#1f7a8c",
    "threat": "#b03a2e",
    "report": "#4a5a6a",
    "note": "#7f8c8d",
}
_KIND_LETTERS = {
    "contact": "C", "request": "R", "payment": "¥", "gift": "G",
    "meeting": "M", "threat": "!", "report": "✓", "note": "N",
}


@lru_cache(maxsize=32)
def kind_icon(kind: str) -> QIcon:
    """``resources/icons/kinds/<kind>.svg`` when present, else a drawn round badge."""
    svg = paths.resources_dir() / "icons" / "kinds" / f"{kind}.svg"
    if svg.is_file():
        icon = QIcon(str(svg))
        if not icon.isNull():
            return icon
    return _drawn_icon(kind)


def _drawn_icon(kind: str) -> QIcon:
    icon = QIcon()
    for size in (16, 24, 32, 48):
        pix = QPixmap(size, size)
        pix.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pix)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(KIND_COLOURS.get(kind, "#7f8c8d")))
        painter.drawEllipse(QRectF(0.5, 0.5, size - 1, size - 1))
        font = QFont()
        font.setBold(True)
        font.setPixelSize(int(size * 0.55))
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter,
                         _KIND_LETTERS.get(kind, "?"))
        painter.end()
        icon.addPixmap(pix)
    return icon
