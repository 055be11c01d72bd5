"""The overview scene as a reportlab drawing: vector graphics on the PDF cover, and the SVG that
``journal-cli export overview`` writes. Text uses the embedded WenQuanYi face, so Chinese labels
render and extract anywhere."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.graphics.shapes import Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib.colors import HexColor, white

from journal.core.overview.data import OverviewData
from journal.core.overview.scene import Scene, Shape, build_scene, marker_points
from journal.core.report.fonts import register_font


def _colour(hex_text: str | None) -> Any:
    return HexColor(hex_text) if hex_text else None


def scene_to_drawing(scene: Scene, font_name: str | None = None) -> Drawing:
    font = font_name or register_font()
    h = scene.height
    d = Drawing(scene.width, scene.height)
    # the renderer's starting font would otherwise be Helvetica, referenced (not embedded) in the
    # PDF; every text of the picture uses the embedded face
    d.initialFontName = font

    for s in scene.shapes:
        if s.kind == "rect":
            d.add(Rect(s.x, h - s.y - s.h, s.w, s.h, fillColor=_colour(s.fill),
                       strokeColor=_colour(s.stroke), strokeWidth=s.width if s.stroke else 0))
        elif s.kind == "line":
            d.add(Line(s.x, h - s.y, s.w, h - s.h, strokeColor=_colour(s.stroke),
                       strokeWidth=s.width, strokeDashArray=list(s.dash) or None))
        elif s.kind == "poly":
            d.add(PolyLine(flat_points(s.points, h), strokeColor=_colour(s.stroke), strokeWidth=s.width,
                           strokeDashArray=list(s.dash) or None, strokeLineJoin=1))
        elif s.kind == "marker":
            _marker(d, s, h, font)
        elif s.kind == "text":
            d.add(String(s.x, h - s.y, s.text, fontName=font, fontSize=s.size,
                         fillColor=_colour(s.fill), textAnchor=s.anchor))
    return d


def _marker(d: Drawing, s: Shape, h: float, font: str) -> None:
    from reportlab.graphics.shapes import Circle

    fill, stroke = _colour(s.fill), _colour(s.stroke)
    if s.shape == "circle":
        d.add(Circle(s.x, h - s.y, s.size / 2, fillColor=fill, strokeColor=stroke,
                     strokeWidth=s.width))
    else:
        d.add(Polygon(flat_points(marker_points(s.shape, s.x, s.y, s.size), h), fillColor=fill,
                      strokeColor=stroke, strokeWidth=s.width, strokeLineJoin=1))
    if s.label:
        dark = (s.fill or "#ffffff").lower() not in ("#ffffff", "#fff")
        size = s.size * (0.62 if len(s.label) < 2 else 0.5)
        d.add(String(s.x, h - s.y - size * 0.36, s.label, fontName=font, fontSize=size,
                     fillColor=white if dark else _colour(s.stroke), textAnchor="middle"))


def flat_points(points: list[tuple[float, float]], h: float) -> list[float]:
    return [c for x, y in points for c in (x, h - y)]


def overview_drawing(data: OverviewData, width: float, height: float, font: float = 8.0) -> Drawing:
    """The picture for the PDF (points) or an SVG file."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    name = register_font()
    scene = build_scene(data, width, height, font=font,
                        measure=lambda text, size: stringWidth(text, name, size))
    return scene_to_drawing(scene, name)


def svg_bytes(data: OverviewData, width: float = 960, height: float = 560,
              font: float = 11.0) -> bytes:
    from reportlab.graphics import renderSVG

    drawing = overview_drawing(data, width, height, font)
    text = renderSVG.drawToString(drawing)
    return text.encode("utf-8") if isinstance(text, str) else bytes(text)


def write_svg(data: OverviewData, out: Path) -> None:
    from journal.core.fileout import write_bytes_atomic

    write_bytes_atomic(out, svg_bytes(data))
