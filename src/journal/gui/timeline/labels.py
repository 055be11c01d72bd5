"""Names of kinds, fields and choice values for the timeline and detail pane, and the kind icons.

Entry kinds, fields and choice values come from :mod:`journal.core.fields`; the few other names
use the ``EntryLabels`` translation context (see resources/translations/zh_CN/shell.json).
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from journal.core import fields, paths
from journal.gui.qtsetup import current_lang


def kind_label(kind: str) -> str:
    """A kind's name in the window's language (journal.core.fields)."""
    return fields.kind_label(kind, current_lang())


def field_label(name: str, kind: str | None = None) -> str:
    """A field's name: journal.core.fields for entry fields, Qt translations for the rest."""
    if name in fields.FIELDS:
        return fields.field_label(name, current_lang(), kind)
    names = {
        "kind": QCoreApplication.translate("EntryLabels", "Kind"),
        "recorded_at": QCoreApplication.translate("EntryLabels", "Recorded"),
        "attachments": QCoreApplication.translate("EntryLabels", "Attachments"),
    }
    return names.get(name, name)


def choice_label(field: str, value: str | None) -> str:
    """A stored choice value (e.g. ``wechat``) in the window's language."""
    return fields.choice_label(field, value, current_lang())


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
