"""The overview picture as PNG bytes, painted with QPainter into an image in memory (for
``journal-cli export overview OUT.png``). Works without a display: a QGuiApplication on the
offscreen platform is made when none exists. Nothing is written anywhere but the bytes returned."""

from __future__ import annotations

import os

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QGuiApplication, QImage, QPainter

from journal.core.overview.data import OverviewData
from journal.core.overview.scene import build_scene
from journal.gui.overview.picture import paint_scene

WIDTH, HEIGHT, SCALE, FONT_PX = 1280, 760, 2, 14.0


def _app() -> QGuiApplication:
    app = QGuiApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["journal-cli"])
    return app  # type: ignore[return-value]


def png_bytes(data: OverviewData, width: int = WIDTH, height: int = HEIGHT) -> bytes:
    _app()
    from journal.gui import qtsetup

    family = qtsetup.register_fonts()
    base = QFont(family) if family else QFont()

    def font_for(size: float, bold: bool) -> QFont:
        font = QFont(base)
        font.setPixelSize(max(6, round(size)))
        font.setBold(bold)
        return font

    def measure(text: str, size: float) -> float:
        return QFontMetricsF(font_for(size, False)).horizontalAdvance(text)

    scene = build_scene(data, width, height, font=FONT_PX, measure=measure)
    image = QImage(width * SCALE, height * SCALE, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.scale(SCALE, SCALE)
    paint_scene(painter, scene, font_for)
    painter.end()
    raw = QByteArray()
    buffer = QBuffer(raw)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # (the stubs say bytes; PySide6 wants str)
    buffer.close()
    return bytes(raw.data())
