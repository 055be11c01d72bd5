"""The overview picture laid out as plain shapes, so that the window (QPainter) and the PDF, SVG
and PNG (reportlab) draw exactly the same thing.

Coordinates: origin at the top left, y downwards, in the unit of the target (pixels in the
window, points in the PDF). Text ``y`` is the baseline.

Every kind has its own lane and its own marker shape, and colours come from the Okabe-Ito
palette, which colour-blind readers tell apart; the request markers also step upwards and darken
with the sensitivity of their target, so the escalation reads in greyscale too.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from journal.core.overview.data import SENSITIVITY, Bucket, EntryRef, OverviewData, RequestMark
from journal.core.overview.labels import (
    Measure,
    approx_width,
    short_amount,
    short_count,
    sign_label,
    tick_label,
    wrap_text,
)
from journal.core.overview.texts import t

# Okabe-Ito colours; each lane also has its own shape.
INK = "#1a1a1a"
MUTED = "#666666"
GRID = "#c8c8c8"
BAND = "#f3f3f3"
LANE_STYLE: dict[str, tuple[str, str]] = {  # lane -> (shape, colour)
    "contact": ("circle", "#0072B2"),
    "meeting": ("square", "#009E73"),
    "request": ("triangle", "#D55E00"),
    "money": ("diamond", "#CC79A7"),
    "threat": ("cross", "#D55E00"),
    "report": ("star", "#009E73"),
}
# Request markers by sensitivity: (fill, outline, outline width factor). Light to dark.
LEVEL_STYLE: tuple[tuple[str, str, float], ...] = (
    ("#ffffff", "#0072B2", 1.0),   # harmless: hollow
    ("#F0E442", "#6b6100", 1.0),   # personal data: light yellow
    ("#E69F00", "#7a4f00", 1.2),   # sensitive place: orange
    ("#7a1f00", "#000000", 1.6),   # military / government: dark red-brown, heavy outline
)
MONEY_LINE = ("#CC79A7", "#0072B2", "#009E73", "#E69F00")  # CNY first, then others (dashed)
LANE_WEIGHT = {"contact": 1.0, "meeting": 1.0, "request": 2.4, "money": 2.2, "threat": 1.0,
               "report": 1.0}
SIGNS_WEIGHT = 1.5
MIN_BUCKET = 0.75  # a bucket narrower than this many times the font size shares its column
MIN_COLUMN = 1.9  # such a shared column is this many times the font size wide (marker and count)
BOLD = 1.1  # bold text is about this much wider than the regular text measured
LEGEND_LINES = 2  # a sign's title in the legend wraps onto this many lines at most …
WRAP_MIN_UNIT = 1.6  # … when the lanes keep this many times the font per unit of lane weight


@dataclass
class Shape:
    kind: str  # rect, line, poly, marker, text
    x: float = 0.0
    y: float = 0.0
    w: float = 0.0  # rect: width; line: the end's x
    h: float = 0.0  # rect: height; line: the end's y
    points: list[tuple[float, float]] = field(default_factory=list)
    fill: str | None = None
    stroke: str | None = None
    width: float = 1.0
    dash: tuple[float, ...] = ()
    shape: str = ""  # marker shape
    text: str = ""
    size: float = 9.0  # font size / marker size
    anchor: str = "start"  # start, middle, end
    bold: bool = False
    label: str = ""  # a number drawn inside a marker


@dataclass
class Hit:
    """An area of the picture that stands for entries: hover tells, click opens ``entry``."""

    x: float
    y: float
    w: float
    h: float
    entry: EntryRef
    count: int
    what: str  # the lane's name, or the sign's title
    legend: bool = False  # a sign's line in the legend (its whole title, however it is cut)

    def contains(self, px: float, py: float) -> bool:
        return self.x <= px <= self.x + self.w and self.y <= py <= self.y + self.h


@dataclass
class Scene:
    width: float
    height: float
    shapes: list[Shape] = field(default_factory=list)
    hits: list[Hit] = field(default_factory=list)
    legend_extra: float = 0.0  # the height the wrapped sign titles take beyond one line each
    levels_extra: float = 0.0  # the height the request levels take beyond one line
    day_x: dict[str, float] = field(default_factory=dict)  # each sign's first day -> its column's x

    def hit_at(self, x: float, y: float) -> Hit | None:
        found = [h for h in self.hits if h.contains(x, y)]
        if not found:
            return None
        # the smallest area wins (a sign marker over a bucket)
        return min(found, key=lambda h: h.w * h.h)

    def texts(self) -> list[str]:
        return [s.text for s in self.shapes if s.kind == "text" and s.text]


@dataclass
class Column:
    """One column of the picture: one bucket, or several neighbouring buckets when there are more
    buckets than the width shows legibly (counts added up, the first entry of each lane kept)."""

    first_bucket: int
    buckets: list[Bucket]
    counts: dict[str, int] = field(default_factory=dict)
    first: dict[str, EntryRef] = field(default_factory=dict)
    requests: list[RequestMark] = field(default_factory=list)

    @property
    def start(self) -> date:
        return self.buckets[0].start

    @property
    def end(self) -> date:
        return self.buckets[-1].end


def columns(data: OverviewData, group: int) -> list[Column]:
    """The buckets ``group`` by ``group`` (the last column may hold fewer)."""
    out: list[Column] = []
    for k in range(0, len(data.buckets), group):
        col = Column(k, data.buckets[k:k + group])
        levels: dict[int, RequestMark] = {}
        for b in col.buckets:  # oldest first: the first entry seen is the column's first
            for lane, n in b.counts.items():
                col.counts[lane] = col.counts.get(lane, 0) + n
                if lane in b.first:
                    col.first.setdefault(lane, b.first[lane])
            for r in b.requests:
                mark = levels.get(r.level)
                if mark is None:
                    levels[r.level] = RequestMark(r.level, r.count, r.entry)
                else:
                    mark.count += r.count
        col.requests = [levels[k] for k in sorted(levels)]
        out.append(col)
    return out


def marker_points(shape: str, x: float, y: float, size: float) -> list[tuple[float, float]]:
    """The outline of a marker as points (y downwards), for every shape but the circle."""
    r = size / 2
    if shape == "square":
        r *= 0.85
        return [(x - r, y - r), (x + r, y - r), (x + r, y + r), (x - r, y + r)]
    if shape == "diamond":
        return [(x, y - r), (x + r, y), (x, y + r), (x - r, y)]
    if shape == "triangle":
        return [(x, y - r), (x + r, y + r * 0.8), (x - r, y + r * 0.8)]
    if shape == "star":
        pts = []
        for k in range(10):
            rad = r if k % 2 == 0 else r * 0.45
            a = -math.pi / 2 + k * math.pi / 5
            pts.append((x + rad * math.cos(a), y + rad * math.sin(a)))
        return pts
    if shape == "cross":
        a, b = r, r * 0.38
        return [(x - a, y - a + b), (x - a + b, y - a), (x, y - b), (x + a - b, y - a),
                (x + a, y - a + b), (x + b, y), (x + a, y + a - b), (x + a - b, y + a),
                (x, y + b), (x - a + b, y + a), (x - a, y + a - b), (x - b, y)]
    raise ValueError(f"unknown marker shape {shape!r}")


def build_scene(data: OverviewData, width: float, height: float, *, font: float = 9.0,
                measure: Measure = approx_width, legend: bool = True,
                min_bucket: float = 0.0) -> Scene:
    """Lay the picture out in ``width`` × ``height`` (at least 320 × 240 is sensible).
    ``min_bucket``: buckets narrower than this (besides MIN_BUCKET × the font) share columns;
    the window passes a size in pixels below which a marker is hard to point at."""
    lang = data.lang
    sc = Scene(width, height)
    add = sc.shapes.append
    pad = font * 0.8
    small = font * 0.85

    def text(x: float, y: float, s: str, size: float = font, colour: str = INK,
             anchor: str = "start", bold: bool = False) -> None:
        add(Shape("text", x, y, text=s, size=size, fill=colour, anchor=anchor, bold=bold))

    if data.empty:
        text(width / 2, height / 2, t("overview.empty", lang), font * 1.1, MUTED, "middle")
        return sc

    # ---- legend (bottom): request levels, then the numbered signs -------------------------
    line_h = small * 1.45
    legend_h = 0.0
    sign_cols = 1
    sign_lines: list[list[str]] = []  # each sign's legend text, line by line
    axis_h = font * 1.8
    top_h = font * 2.7  # channel labels, two staggered rows
    if legend:
        # as many columns as it takes to keep the list under a third of the height, as long as
        # a column still holds a readable title (the marker's hover shows the whole title)
        widest_cols = max(1, min(3, int((width - 2 * pad) // (font * 16))))
        roomy_cols = max(1, min(3, int((width - 2 * pad) // (font * 30))))
        needed = next((c for c in range(1, widest_cols + 1)
                       if math.ceil(len(data.signs) / c) * line_h <= height * 0.3), widest_cols)
        sign_cols = max(roomy_cols, needed)
        rows = math.ceil(len(data.signs) / sign_cols) if data.signs else (
            1 if data.signs_pending else 0)
        level_rows = _level_rows(width, pad, small, measure, lang)
        legend_h = line_h * (len(level_rows) + (1 + rows if rows else 0)) + pad * 0.5
        if data.signs:
            # a long title wraps when the lanes keep room enough; otherwise it is cut, and
            # its hover shows it whole
            avail = (width - 2 * pad) / sign_cols - small * 1.8 - pad * 0.5
            labels = [sign_label(m.title, m.entry.day, lang) for m in data.signs]
            wrapped = [wrap_text(x, avail, small, measure, LEGEND_LINES) for x in labels]
            tallest = max(sum(len(w) for w in wrapped[c * rows:(c + 1) * rows])
                          for c in range(sign_cols))
            wrapped_h = line_h * (len(level_rows) + 1 + tallest) + pad * 0.5
            lanes_h = height - wrapped_h - axis_h - pad * 1.0 - top_h
            if lanes_h / (sum(LANE_WEIGHT.values()) + SIGNS_WEIGHT) >= font * WRAP_MIN_UNIT:
                sign_lines, sc.legend_extra, legend_h = wrapped, wrapped_h - legend_h, wrapped_h
            else:
                sign_lines = [wrap_text(x, avail, small, measure, 1) for x in labels]
        # a narrow picture (an 800×600 window) puts the request levels on two lines; the
        # picture grows by that line (in whole pixels) rather than squeezing the lanes
        sc.levels_extra = math.ceil(line_h) * (len(level_rows) - 1)
    label_w = max(measure(t(f"overview.lane.{k}", lang), font) * BOLD for k in
                  (*LANE_WEIGHT, "signs")) + pad * 1.5
    label_w = max(label_w, font * 5)
    right_w = max((measure(short_amount(a, c), small) for c, a in data.received.items()),
                  default=0.0) + pad * 1.5
    if data.received:  # room for the words under the amounts ("money and gifts so far")
        right_w = max(right_w, measure(t("overview.received", lang), small * 0.85) + pad * 1.5)
    right_w = max(right_w, font * 3)
    x0, x1 = pad + label_w, width - right_w
    lanes_top = pad * 0.5 + top_h
    lanes_bottom = height - legend_h - axis_h - pad * 0.5
    weights = sum(LANE_WEIGHT.values()) + SIGNS_WEIGHT
    unit_h = max(4.0, (lanes_bottom - lanes_top) / weights)
    n = len(data.buckets)
    bbw = (x1 - x0) / max(1, n)  # one bucket's width
    # neighbouring buckets share a column when a bucket is too narrow for a marker; such a column
    # is wide enough for a marker with its count
    group = (1 if bbw >= max(font * MIN_BUCKET, min_bucket)
             else math.ceil(max(font * MIN_COLUMN, min_bucket * 2) / bbw))
    cols = columns(data, group)
    bw = bbw * group  # one column's width (the last may be narrower)

    def cx(i: int) -> float:  # the centre of column i
        c = cols[i]
        return x0 + (c.first_bucket + len(c.buckets) / 2) * bbw

    def col_left(i: int) -> float:
        return x0 + cols[i].first_bucket * bbw

    def col_width(i: int) -> float:
        return len(cols[i].buckets) * bbw

    def col_of(day: date) -> int:
        return data.bucket_index(day) // group

    def span_of(i: int) -> str:  # the period of a column of several buckets, for the hover
        if group == 1:
            return ""
        c = cols[i]
        last = c.buckets[-1].start
        a = tick_label(c.start, data.unit, lang, True)
        b = tick_label(last, data.unit, lang, True)
        return f"（{a}–{b}）" if lang == "zh" else f" ({a} – {b})"

    lane_y: dict[str, tuple[float, float]] = {}
    y = lanes_top
    for k, wgt in (*LANE_WEIGHT.items(), ("signs", SIGNS_WEIGHT)):
        lane_y[k] = (y, y + wgt * unit_h)
        y += wgt * unit_h

    # ---- lane bands and labels -------------------------------------------------------------
    for i, (k, (ya, yb)) in enumerate(lane_y.items()):
        if i % 2 == 0:
            add(Shape("rect", pad, ya, x1 - pad, yb - ya, fill=BAND))
        text(pad + pad * 0.3, ya + min(yb - ya, font * 1.6) / 2 + font * 0.35
             if k not in ("request", "money") else ya + font * 1.2,
             t(f"overview.lane.{k}", lang), font, INK, bold=True)
    add(Shape("line", x0, lanes_top, x0, lanes_bottom, stroke=GRID, width=0.6))

    msize = max(3.5, min(bw * 0.8, unit_h * 0.75, font * 1.5))

    # ---- time axis -------------------------------------------------------------------------
    add(Shape("line", x0, lanes_bottom, x1, lanes_bottom, stroke=MUTED, width=0.8))
    widest = measure(tick_label(data.buckets[0].start, data.unit, lang, False), small) + pad
    step = max(1, math.ceil(widest / bw))
    first_w = measure(tick_label(data.buckets[0].start, data.unit, lang, True), small)
    last_end = -1e9
    unit_text = (t(f"overview.unit.{data.unit}", lang) if group == 1
                 else t(f"overview.unit.{data.unit}s", lang, n=group))
    unit_w = measure(unit_text, small * 0.9)
    axis_end = width - unit_w - pad  # the unit is said once, at the right end of the axis
    for i, b in enumerate(cols):
        full = i == 0
        if i % step and not full:
            continue
        label = tick_label(b.start, data.unit, lang, full)
        w = first_w if full else measure(label, small)
        lx = max(cx(i) - w / 2, x0 - label_w * 0.5)
        if lx < last_end + pad or lx + w > axis_end:
            continue
        add(Shape("line", cx(i), lanes_bottom, cx(i), lanes_bottom + font * 0.35, stroke=MUTED,
                  width=0.6))
        text(lx, lanes_bottom + font * 1.3, label, small, MUTED)
        last_end = lx + w
    if unit_w < width - x0:
        text(width - pad * 0.3, lanes_bottom + font * 1.3, unit_text, small * 0.9, MUTED, "end")

    # ---- simple lanes: one marker per bucket, bigger for more entries ----------------------
    peak = max((c.counts.get(k, 0) for c in cols for k in LANE_WEIGHT), default=1)
    for lane in ("contact", "meeting", "threat", "report", "money"):
        ya, yb = lane_y[lane]
        my = (ya + yb) / 2 if lane != "money" else yb - msize * 0.75
        shape, colour = LANE_STYLE[lane]
        lane_name = t(f"overview.lane.{lane}", lang)  # (once: hundreds of marks)
        for i, c in enumerate(cols):
            count = c.counts.get(lane, 0)
            if not count:
                continue
            grow = 0.75 + 0.25 * (math.log(count) / math.log(peak) if peak > 1 else 0)
            s = msize * grow
            add(Shape("marker", cx(i), my, shape=shape, size=s, fill=colour, stroke=INK,
                      width=0.7))
            label = short_count(count, lang)
            if count > 1 and s >= font * 0.9 and measure(label, small * 0.85) <= bw * 0.9:
                add(Shape("text", cx(i), my + s / 2 + small * 0.95, text=label,
                          size=small * 0.85, fill=MUTED, anchor="middle"))
            sc.hits.append(Hit(col_left(i), ya, col_width(i), yb - ya, c.first[lane], count,
                               lane_name + span_of(i)))

    # ---- requests: one row per sensitivity, rising to the top --------------------------------
    ya, yb = lane_y["request"]
    top_pad = font * 1.6
    row_h = (yb - ya - top_pad) / len(SENSITIVITY)
    for level in range(len(SENSITIVITY)):
        ry = yb - (level + 0.5) * row_h
        add(Shape("line", x0, ry, x1, ry, stroke=GRID, width=0.4, dash=(1.5, 2.5)))
    path: list[tuple[float, float]] = []
    highest = 0
    rsize = max(3.5, min(msize, row_h * 0.95))
    level_names = [t("overview.lane.request", lang) + " · " + t(f"overview.level.{name}", lang)
                   for name in SENSITIVITY]
    for i, b in enumerate(cols):
        for r in b.requests:
            ry = yb - (r.level + 0.5) * row_h
            fill, outline, wf = LEVEL_STYLE[r.level]
            add(Shape("marker", cx(i), ry, shape="triangle", size=rsize, fill=fill,
                      stroke=outline, width=0.9 * wf))
            sc.hits.append(Hit(col_left(i), ry - row_h / 2, col_width(i), row_h, r.entry, r.count,
                               level_names[r.level] + span_of(i)))
        if b.requests:  # the highest level so far: a staircase that shows the escalation
            highest = max(highest, b.requests[-1].level)
            path.append((cx(i), yb - (highest + 0.5) * row_h))
    if len(path) > 1:
        add(Shape("poly", points=path, stroke=LEVEL_STYLE[3][0], width=1.1, dash=(3, 2)))
    if row_h >= small * 0.95 and label_w > font * 4:
        for level, name in enumerate(SENSITIVITY):
            ry = yb - (level + 0.5) * row_h
            short = t(f"overview.level.{name}", lang)
            size = small * 0.8
            while measure(short, size) > label_w - pad and len(short) > 3:
                short = short[:-2] + "…"
            text(x0 - pad * 0.3, ry + size * 0.35, short, size, MUTED, "end")

    # ---- money: the cumulative line per currency (CNY first) -------------------------------
    ya, yb = lane_y["money"]
    line_top = ya + font * 0.6
    line_bottom = yb - msize * 1.6
    for ci, cur in enumerate(data.currencies[:len(MONEY_LINE)]):
        final = data.received[cur]
        if final <= 0:
            continue
        pts: list[tuple[float, float]] = [(x0, line_bottom)]
        prev = line_bottom
        for i, bucket in enumerate(data.buckets):
            val = bucket.received.get(cur, Decimal(0))
            yv = line_bottom - float(val / final) * (line_bottom - line_top)
            pts.append((x0 + i * bbw, prev))
            pts.append((x0 + i * bbw, yv))
            prev = yv
        pts.append((x1, prev))
        add(Shape("poly", points=pts, stroke=MONEY_LINE[ci], width=1.8 if ci == 0 else 1.2,
                  dash=() if ci == 0 else (4, 2)))
        ty = line_top + ci * small * 1.2 + small * 0.3
        text(x1 + pad * 0.4, ty, short_amount(final, cur), small, MONEY_LINE[ci] if ci else INK,
             bold=ci == 0)
    if data.currencies:
        text(x1 + pad * 0.4, line_top + len(data.currencies[:4]) * small * 1.2 + small * 0.3,
             t("overview.received", lang), small * 0.85, MUTED)

    # ---- channel switches: a line through the lanes, labelled at the top ------------------
    order = sorted(data.channels, key=lambda c: (not c.overseas, c.entry.when))
    placed: list[tuple[float, str, bool, int]] = []
    for ch in order:
        i = data.bucket_index(date.fromisoformat(ch.entry.day))
        x = x0 + i * bbw + (bbw * 0.1 if ch.first else 0)
        label = t("overview.channel.first" if ch.first else "overview.channel.moved", lang,
                  channel=ch.channel)
        w = measure(label, small) * (BOLD if ch.overseas else 1.0)
        for row in (0, 1):
            lx = min(max(x - w / 2, x0 - label_w * 0.4), width - w - pad * 0.2)
            if all(not (lx < e + pad and lx + w > s - pad)
                   for s, e in _spans(placed, row, measure, small)):
                placed.append((lx, label, ch.overseas, row))
                break
        add(Shape("line", x, lanes_top - (font * 0.2), x, lanes_bottom,
                  stroke=INK if ch.overseas else MUTED, width=1.6 if ch.overseas else 0.6,
                  dash=() if ch.overseas else (2, 2)))
        sc.hits.append(Hit(x - 3, lanes_top - top_h, 6, top_h, ch.entry, 1, label))
    for lx, label, overseas, row in placed:
        text(lx, pad * 0.5 + font * (1.0 + row * 1.25), label, small, INK if overseas else MUTED,
             bold=overseas)

    # ---- warning signs: numbered markers at the entry where each first shows ---------------
    ya, yb = lane_y["signs"]
    ssize = max(5.0, min(font * 1.35, (yb - ya) * 0.45, bw * 0.95 if bw > font else font))
    per_row = max(1, int((yb - ya - font * 1.4) // (ssize * 1.05)))
    spacing = ssize * 1.05
    drawn: list[tuple[float, int]] = []  # (x, row) of each sign marker placed

    def free(x: float, row: int) -> bool:
        return x0 <= x <= x1 and all(r != row or abs(x - px) >= spacing - 1e-6 for px, r in drawn)

    # signs that first show on the same or neighbouring days stack up, then spread to the right,
    # nearest first, never over one another: a marker never stands before its day (only at the
    # right end of the axis, when there is no room after it)
    spread = range(1, len(data.signs) + 2)
    offsets = [0, *spread, *(-k for k in spread)]
    for num, m in enumerate(data.signs, start=1):
        home = sc.day_x[m.entry.day] = cx(col_of(date.fromisoformat(m.entry.day)))
        sx, row = next(((home + k * spacing, r) for k in offsets for r in range(per_row)
                        if free(home + k * spacing, r)), (home, 0))
        drawn.append((sx, row))
        sy = ya + font * 1.4 + (row + 0.5) * spacing
        present = m.level == "present"
        add(Shape("marker", sx, sy, shape="circle", size=ssize, fill=INK if present else "#ffffff",
                  stroke=INK, width=0.8, label=str(num)))
        sc.hits.append(Hit(sx - ssize / 2, sy - ssize / 2, ssize, ssize, m.entry, 1, m.title))
    if data.signs_pending:
        text(x0 + pad, ya + font * 2.6, t("overview.signs_pending", lang), small, MUTED)

    # ---- legend ----------------------------------------------------------------------------
    if legend:
        ly = height - legend_h + line_h * 0.8
        lx = pad
        text(lx, ly, t("overview.legend.requests", lang) + ("：" if lang == "zh" else ":"),
             small, INK, bold=True)
        for nth_row, level_row in enumerate(level_rows):
            if nth_row:
                ly += line_h
            for lx, level, label in level_row:
                fill, outline, wf = LEVEL_STYLE[level]
                add(Shape("marker", lx + small * 0.5, ly - small * 0.35, shape="triangle",
                          size=small * 1.1, fill=fill, stroke=outline, width=0.9 * wf))
                text(lx + small * 1.3, ly, label, small, INK)
        if data.signs:
            ly += line_h
            text(pad, ly, t("overview.legend.signs", lang), small, INK, bold=True)
            col_w = (width - 2 * pad) / sign_cols
            rows = math.ceil(len(data.signs) / sign_cols)
            by = ly
            for num, (m, lines) in enumerate(zip(data.signs, sign_lines, strict=True), start=1):
                col, row = divmod(num - 1, rows)
                bx = pad + col * col_w
                if row == 0:
                    by = ly
                by += line_h
                present = m.level == "present"
                add(Shape("marker", bx + small * 0.6, by - small * 0.35, shape="circle",
                          size=small * 1.25, fill=INK if present else "#ffffff", stroke=INK,
                          width=0.8, label=str(num)))
                sc.hits.append(Hit(bx, by - line_h * 0.8, col_w, line_h * len(lines), m.entry, 1,
                                   m.title, legend=True))
                for nth_line, part in enumerate(lines):
                    text(bx + small * 1.6, by + nth_line * line_h, part, small, INK)
                by += line_h * (len(lines) - 1)
        elif data.signs_pending:
            ly += line_h
            text(pad, ly, t("overview.signs_pending", lang), small, MUTED)
    return sc


def _level_rows(width: float, pad: float, small: float, measure: Measure,
                lang: str) -> list[list[tuple[float, int, str]]]:
    """The request levels of the legend, after its heading: (x, level, label) on as many rows
    as the width needs (a level never runs past the picture's right edge)."""
    start = pad + measure(t("overview.legend.requests", lang) + "：", small) * BOLD + pad * 0.5
    rows: list[list[tuple[float, int, str]]] = [[]]
    lx = start
    for level, name in enumerate(SENSITIVITY):
        label = t(f"overview.level.{name}", lang)
        item = small * 1.3 + measure(label, small)
        if rows[-1] and lx + item > width - pad:
            rows.append([])
            lx = start
        rows[-1].append((lx, level, label))
        lx += item + pad
    return rows


def _spans(placed: list[tuple[float, str, bool, int]], row: int, measure: Measure,
           size: float) -> list[tuple[float, float]]:
    return [(lx, lx + measure(label, size) * (BOLD if o else 1.0))
            for lx, label, o, r in placed if r == row]
