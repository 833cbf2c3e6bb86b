"""The terminal's charts as inline SVG for HTML pages: bars, percentile bands and the US tile
map, drawn from the same blocks with the same figures (`blocks.fmt`).

`chart(block)` returns one self-contained `<svg>` element: no script, no style sheet, nothing
fetched and no link; a <title> and a <desc> that says every figure in words for screen
readers; shapes and lightness, not color alone, so it reads in grayscale print.
"""

from __future__ import annotations

import hashlib
import math

import msgspec

from ..blocks import Band, Bands, Bar, Bars, Kind, TileMap, band_high, fmt
from .svgparts import FONT, MUTED, SMALL, WIDTH, Drawing, frame, ident_ok, num, placed, safe, text, width_of, wrap

BAR_FILL = "#3182bd"
BAND_FILL = "#c6dbef"
BAND_EDGE = "#08519c"
MEDIAN = "#08306b"
MARKER = "#fd8d3c"  # orange, outlined in black: a triangle, where the median is a bar
PAD = 10  # the bands' scale keeps this far from the edges
LINE = 18  # a label line's height
SHORT_NOTE = 18  # notes up to this long follow the figure; longer ones get a line of their own
WIDE = 680  # a wide bar chart's width in user units: print, and windows wider than a phone
LABELS = 300  # its column of labels


def chart(block: Bars | Bands | TileMap, ident: str | None = None, wide: bool = False) -> str:
    """The block as one inline <svg> element for an HTML page. `ident` names it (and its title
    and description) and must be unique on the page; by default a hash of the block's content.
    `wide`: the layout for wider pages and print, classed "wide" (the phone's is "narrow")."""
    variant = ("wide" if wide else "narrow") if isinstance(block, Bars) else ""
    return drawing(block, ident, wide).html(variant)


def drawing(block: Bars | Bands | TileMap, ident: str | None = None, wide: bool = False) -> Drawing:
    """The block drawn, for an HTML page or a standalone SVG document alike; `wide` lays bars
    out for a page wider than a phone (the other charts have one layout)."""
    if ident is None:
        digest = hashlib.sha256(msgspec.json.encode(block)).hexdigest()
        ident = f"chart-{digest[:12]}"
    ident = ident_ok(ident)
    match block:
        case Bars():
            return bar_chart(block, ident, wide)
        case Bands():
            return band_chart(block, ident)
        case TileMap():
            from .svgmap import tile_map

            return tile_map(block, ident)


# -- bars ------------------------------------------------------------------------------------


def bar_title(block: Bars) -> str:
    labels, figures = (*block.headings, "", "")[:2]
    if block.caption:
        return block.caption
    if labels and figures:
        return f"{figures} by {labels[0].lower()}{labels[1:]}"
    return "Bar chart"


def bar_chart(block: Bars, ident: str, wide: bool = False) -> Drawing:
    """One row per bar: the label (wrapped), then the bar drawn to scale with its figure (and a
    short note) after it; a long note on a line below. Narrow (for a phone), each label stands
    above its bar; wide (for a wider window and for print, where a tall chart would leave a page
    half empty), the labels make a column on the left, beside their bars."""
    width = WIDE if wide else WIDTH
    left = LABELS + 10 if wide else 0  # where the bars start
    figures = [fmt(bar.value, block.kind) for bar in block.rows]
    shorts = [bar.note if bar.note and len(bar.note) <= SHORT_NOTE else "" for bar in block.rows]
    tail_w = min(
        max((width_of(f"{f}  {n}", SMALL) for f, n in zip(figures, shorts, strict=True)), default=0) + 8,
        (width - left) / 2,
    )
    plot = width - left - tail_w
    top = block.maximum or max((bar.value for bar in block.rows), default=0) or 1  # a scale's top, else the largest
    body: list[str] = []
    y = 0.0
    for bar, figure, short in zip(block.rows, figures, shorts, strict=True):
        length = bar.value / top * plot if bar.value > 0 else 0
        y = bar_row(body, bar, (figure, short), (left, length, width), y)
    desc = "; ".join(
        f"{bar.label}: {figure}" + (f" ({bar.note})" if bar.note else "")
        for bar, figure in zip(block.rows, figures, strict=True)
    )
    return frame(ident, "bars", max(y, 1), bar_title(block), desc + ".", body, width)


def bar_row(body: list[str], bar: Bar, figure: tuple[str, str], at: tuple[float, float, float], y: float) -> float:
    """One bar into `body` from height y down: label, bar and figure (with a short note), a long
    note; return the height after it. `at`: where the bar starts (0: under its label), its
    length and the chart's width."""
    left, length, width = at
    labels = wrap(bar.label, FONT, LABELS if left else width)
    for n, line in enumerate(labels):
        body.append(text(0, y + 14 + n * LINE, line, FONT))
    top = y if left else y + len(labels) * LINE
    body.append(
        f'<rect class="bar" x="{num(left)}" y="{num(top + 2)}" width="{num(length)}" height="14" fill="{BAR_FILL}"/>'
    )
    shown, short = figure
    note = f'<tspan class="note" dx="6" fill="{MUTED}">{safe(short)}</tspan>' if short else ""
    body.append(text(left + length + 6, top + 14, shown, SMALL, extra=' class="figure"', after=note))
    end = top + LINE + 2
    if bar.note and not short:
        for line in wrap(bar.note, SMALL, width - left):
            body.append(text(left, end + 12, line, SMALL, extra=' class="note"', fill=MUTED))
            end += LINE - 2
    return max(end, y + len(labels) * LINE) + 8


# -- percentile bands ------------------------------------------------------------------------


def ticks(lo: float, hi: float, most: int = 5) -> list[float]:
    """Round figures for the scale between lo and hi: steps of 1, 2 or 5 times a power of ten."""
    span = hi - lo
    if not span > 0:  # one figure, or none that is a number
        return [lo] if span == 0 else []
    raw = span / (most - 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    first = math.ceil(lo / step) * step
    return [first + i * step for i in range(int((hi - first) / step + 1e-9) + 1)]


def band_desc(block: Bands) -> str:
    parts = []
    for band in block.rows:
        said = (
            f"{band.label}: 10th percentile {fmt(band.low, block.kind)}, median {fmt(band.mid, block.kind)}, "
            f"90th percentile {band_high(band, block.kind)}"
        )
        if band.marker is not None:
            said += f", marker at {fmt(band.marker, block.kind)}"
        parts.append(said)
    return "; ".join(parts) + "."


class BandScale:
    """The shared scale every band is drawn on, from the lowest figure to the highest (markers included)."""

    def __init__(self, block: Bands) -> None:
        figures = [v for b in block.rows for v in (b.low, b.high, b.marker) if v is not None]
        self.lo, self.hi = min(figures, default=0), max(figures, default=1)
        self.span = (self.hi - self.lo) or 1

    def x(self, value: float) -> float:
        return PAD + (value - self.lo) / self.span * (WIDTH - 2 * PAD)


def one_band(band_rows: list[str], scale: BandScale, kind: Kind, band: Band, y: float) -> float:
    """Draw one band into `band_rows` from height y down; return the height after it."""
    low, mid, high = band.low, band.mid, band.high
    a, m, z = scale.x(low), scale.x(mid), scale.x(high)
    for line in wrap(band.label, FONT, WIDTH):
        band_rows.append(text(0, y + 14, line, FONT, extra=' font-weight="bold"'))
        y += LINE
    said = f"median {fmt(mid, kind)}"
    band_rows.append(text(placed(m, said, SMALL, "middle"), y + 12, said, SMALL, "middle", ' class="median-label"'))
    y += 16
    band_rows.append(
        f'<rect class="band" x="{num(a)}" y="{num(y + 4)}" width="{num(z - a)}" height="12" '
        f'fill="{BAND_FILL}" stroke="{BAND_EDGE}"/>'
        f'<path class="ends" d="M{num(a)} {num(y)}v20M{num(z)} {num(y)}v20" stroke="{BAND_EDGE}" stroke-width="2"/>'
        f'<rect class="median" x="{num(m - 2)}" y="{num(y - 1)}" width="4" height="22" fill="{MEDIAN}"/>'
    )
    y += 22
    if band.marker is not None:
        x = scale.x(band.marker)
        band_rows.append(f'<path class="marker" d="M{num(x)} {num(y)}l7 12h-14z" fill="{MARKER}" stroke="#000000"/>')
        said = fmt(band.marker, kind)
        fits = x + 10 + width_of(said, SMALL) <= WIDTH
        at, anchor = (x + 10, "start") if fits else (x - 10, "end")
        band_rows.append(text(at, y + 11, said, SMALL, anchor, ' class="marker-label" font-weight="bold"'))
        y += 16
    ends = (f"10th {fmt(low, kind)}", f"90th {band_high(band, kind)}")
    band_rows.append(text(placed(a, ends[0], SMALL, "start"), y + 12, ends[0], SMALL, extra=' class="low-label"'))
    band_rows.append(text(placed(z, ends[1], SMALL, "end"), y + 12, ends[1], SMALL, "end", ' class="high-label"'))
    return y + 16 + 10


def band_chart(block: Bands, ident: str) -> Drawing:
    """Every band on one shared scale: its label, the median's figure above a bar across the
    10th to the 90th percentile, the median a dark bar across it, a marker a triangle below it
    with its figure, the ends' figures beneath; then the scale, in round figures."""
    scale = BandScale(block)
    body: list[str] = []
    y = 0.0
    for band in block.rows:
        y = one_band(body, scale, block.kind, band, y)
    body.append(f'<path class="axis" d="M{PAD} {num(y)}H{WIDTH - PAD}" stroke="{MUTED}"/>')
    for tick in ticks(scale.lo, scale.hi):
        x = scale.x(tick)
        said = fmt(tick, block.kind)
        body.append(f'<path d="M{num(x)} {num(y)}v5" stroke="{MUTED}"/>')
        body.append(text(placed(x, said, SMALL, "middle"), y + 17, said, SMALL, "middle", ' class="tick"', MUTED))
    title = block.caption or "10th percentile, median and 90th percentile"
    return frame(ident, "bands", y + 22, title, band_desc(block), body)
