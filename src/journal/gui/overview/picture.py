"""The overview picture in the window: the core's scene painted with QPainter.

Hovering a mark shows the entry's date and summary; clicking opens it in the timeline. The scene
is laid out again for every size, so the picture always fills the widget.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPolygonF,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from journal.core.overview.data import OverviewData
from journal.core.overview.scene import Hit, Scene, Shape, build_scene, marker_points
from journal.core.overview.texts import t


def hover_text(hit: Hit, lang: str) -> str:
    line = t("overview.hover", lang, date=hit.entry.shown(lang),
             summary=hit.entry.summary)
    head = hit.what
    if hit.count > 1:
        head += " · " + t("overview.hover.more", lang, n=hit.count)
    return head + "\n" + line


MIN_BUCKET_PX = 12.0  # narrower days, weeks or months share a column: markers to point at


class OverviewPicture(QWidget):
    """Paints :func:`journal.core.overview.scene.build_scene` for the widget's size."""

    entryActivated = Signal(str)
    painted = Signal()  # once after each new data, when the picture is first on screen

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overviewPicture")
        self._announce = False
        self.setMouseTracking(True)
        self.setMinimumSize(420, 330)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._data: OverviewData | None = None
        self._scene: Scene | None = None
        self._height = self.minimumHeight()  # without the room a wrapped legend adds

    # public -------------------------------------------------------------------------------
    def set_data(self, data: OverviewData | None) -> None:
        self._data = data
        self._scene = None
        self._announce = data is not None
        self.setToolTip("")
        self._fit_legend()
        self.update()

    def set_height(self, height: int) -> None:
        """The picture's minimum height; a legend whose sign titles or request levels wrap adds
        the lines they take, so the lanes keep their room."""
        self._height = height
        self._fit_legend()

    @property
    def data(self) -> OverviewData | None:
        return self._data

    def scene(self) -> Scene | None:
        """The current layout (made on demand for the current size)."""
        if self._data is None:
            return None
        if self._scene is None or (self._scene.width, self._scene.height) != (
                float(self.width()), float(self.height())):
            metrics: dict[tuple[float, bool], QFontMetricsF] = {}

            def measure(text: str, size: float) -> float:
                key = (round(size, 2), False)
                fm = metrics.get(key)
                if fm is None:
                    fm = metrics[key] = QFontMetricsF(self._font(size, False))
                return fm.horizontalAdvance(text)

            self._scene = build_scene(self._data, float(self.width()), float(self.height()),
                                      font=self._base_size(), measure=measure,
                                      min_bucket=MIN_BUCKET_PX)
        return self._scene

    def hit_at(self, x: float, y: float) -> Hit | None:
        scene = self.scene()
        return scene.hit_at(x, y) if scene is not None else None

    # painting -------------------------------------------------------------------------------
    def _base_size(self) -> float:
        size = self.font().pixelSize()
        if size <= 0:
            size = round(self.font().pointSizeF() * self.logicalDpiY() / 72)
        return float(max(10, min(15, size)))

    def _font(self, size: float, bold: bool) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(max(6, round(size)))
        font.setBold(bold)
        return font

    def paintEvent(self, event: QPaintEvent) -> None:  # Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        scene = self.scene()
        if scene is not None:
            paint_scene(painter, scene, self._font)
        painter.end()
        if self._announce:
            self._announce = False
            self.painted.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt's name
        self._scene = None
        super().resizeEvent(event)
        self._fit_legend()

    def _fit_legend(self) -> None:
        scene = self.scene()
        extra = scene.legend_extra + scene.levels_extra if scene is not None else 0.0
        wanted = self._height + math.ceil(extra)
        if self.minimumHeight() != wanted:
            self.setMinimumHeight(wanted)

    # hover and click ---------------------------------------------------------------------
    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # Qt's name
        pos = event.position()
        hit = self.hit_at(pos.x(), pos.y())
        if hit is None:
            self.unsetCursor()
            QToolTip.hideText()
            return
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        lang = self._data.lang if self._data is not None else "en"
        QToolTip.showText(event.globalPosition().toPoint(), hover_text(hit, lang), self)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # Qt's name
        if event.button() != Qt.MouseButton.LeftButton:
            return
        pos = event.position()
        hit = self.hit_at(pos.x(), pos.y())
        if hit is not None:
            self.entryActivated.emit(hit.entry.id)


class _Tools:
    """Pens, brushes and fonts made once per paint (a picture has hundreds of marks)."""

    def __init__(self, painter: QPainter, font_for: object) -> None:
        self.painter = painter
        self.font_for = font_for
        self._pens: dict[tuple[str, float, tuple[float, ...]], QPen] = {}
        self._brushes: dict[str | None, QBrush] = {}
        self._fonts: dict[tuple[float, bool], tuple[QFont, QFontMetricsF]] = {}
        self._pen_key: object = None
        self._brush_key: object = "-"

    def pen(self, colour: str | None, width: float, dash: tuple[float, ...] = ()) -> None:
        key = (colour or "#000000", width, dash)
        if key == self._pen_key:
            return
        pen = self._pens.get(key)
        if pen is None:
            pen = QPen(QColor(key[0]))
            pen.setWidthF(width)
            if dash:
                pen.setDashPattern([max(0.5, d / max(0.5, width)) for d in dash])
            self._pens[key] = pen
        self.painter.setPen(pen)
        self._pen_key = key

    def no_pen(self) -> None:
        self.painter.setPen(Qt.PenStyle.NoPen)
        self._pen_key = None

    def brush(self, colour: str | None) -> None:
        if colour == self._brush_key:
            return
        brush = self._brushes.get(colour)
        if brush is None:
            brush = QBrush(QColor(colour)) if colour else QBrush(Qt.BrushStyle.NoBrush)
            self._brushes[colour] = brush
        self.painter.setBrush(brush)
        self._brush_key = colour

    def font(self, size: float, bold: bool) -> tuple[QFont, QFontMetricsF]:
        key = (round(size, 2), bold)
        found = self._fonts.get(key)
        if found is None:
            font = self.font_for(size, bold)  # type: ignore[operator]
            found = self._fonts[key] = (font, QFontMetricsF(font))
        self.painter.setFont(found[0])
        self._pen_key = None  # text colour is set through the pen
        return found


def paint_scene(painter: QPainter, scene: Scene, font_for: object) -> None:
    """Draw every shape of ``scene``; ``font_for(size, bold) -> QFont``."""
    tools = _Tools(painter, font_for)
    for s in scene.shapes:
        if s.kind == "rect":
            if s.stroke:
                tools.pen(s.stroke, s.width, s.dash)
            else:
                tools.no_pen()
            tools.brush(s.fill)
            painter.drawRect(QRectF(s.x, s.y, s.w, s.h))
        elif s.kind == "line":
            tools.pen(s.stroke, s.width, s.dash)
            painter.drawLine(QPointF(s.x, s.y), QPointF(s.w, s.h))
        elif s.kind == "poly":
            tools.pen(s.stroke, s.width, s.dash)
            tools.brush(None)
            painter.drawPolyline(QPolygonF([QPointF(x, y) for x, y in s.points]))
        elif s.kind == "marker":
            _marker(tools, s)
        elif s.kind == "text":
            _font, metrics = tools.font(s.size, s.bold)
            tools.pen(s.fill, 1.0)
            w = metrics.horizontalAdvance(s.text) if s.anchor != "start" else 0.0
            x = s.x - (w / 2 if s.anchor == "middle" else w if s.anchor == "end" else 0)
            painter.drawText(QPointF(x, s.y), s.text)


def _marker(tools: _Tools, s: Shape) -> None:
    painter = tools.painter
    tools.pen(s.stroke, s.width)
    tools.brush(s.fill)
    if s.shape == "circle":
        painter.drawEllipse(QPointF(s.x, s.y), s.size / 2, s.size / 2)
    else:
        painter.drawPolygon(QPolygonF([QPointF(x, y) for x, y in
                                       marker_points(s.shape, s.x, s.y, s.size)]))
    if s.label:
        dark = (s.fill or "#ffffff").lower() not in ("#ffffff", "#fff")
        tools.font(s.size * (0.62 if len(s.label) < 2 else 0.5), True)
        tools.pen("#ffffff" if dark else s.stroke, 1.0)
        painter.drawText(QRectF(s.x - s.size / 2, s.y - s.size / 2, s.size, s.size),
                         int(Qt.AlignmentFlag.AlignCenter), s.label)
