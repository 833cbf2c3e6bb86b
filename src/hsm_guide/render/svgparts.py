"""The pieces every inline SVG chart is made of: data text made safe, text elements, wrapping
by an estimate of width, and the outer <svg> with its title and description.

Charts are drawn in a narrow coordinate space (340 units wide) and scaled to the page with
`width="100%"`: on a 375-pixel phone the page gives a chart 343 pixels, so a unit is at least a
pixel and the smallest text (12 units) is at least 12 pixels tall. Nothing in them fetches
anything, runs anything or links anywhere.
"""

from __future__ import annotations

import math
import re
import textwrap
from html import escape
from typing import NamedTuple

from . import UNSAFE

WIDTH = 340  # the charts' width in user units: no wider than a 375-pixel phone gives them
FONT = 14  # labels
SMALL = 12  # figures and notes
CHAR = 0.58  # a sans-serif character's average width, in font sizes (an estimate, erring wide)
INK = "#000000"
MUTED = "#404040"  # notes: 10:1 on white

# Characters XML cannot hold even escaped (beyond the controls UNSAFE covers).
_NOT_XML = re.compile(r"[\ud800-\udfff\ufffe\uffff]")
_IDENT = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,63}")


def safe(text: str) -> str:
    """Data as SVG text: whitespace collapsed, controls and bidi overrides shown as U+FFFD
    (as the Markdown and HTML outputs show them), then XML-escaped, quotes too."""
    text = UNSAFE.sub("\ufffd", " ".join(text.split()))
    return escape(_NOT_XML.sub("\ufffd", text), quote=True)


def num(value: float) -> str:
    """A coordinate to two decimals, without trailing zeros: 12, 12.5, 12.25 (0 for NaN)."""
    if not math.isfinite(value):
        return "0"
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def width_of(text: str, size: float) -> float:
    """About how wide a line of text draws at this font size."""
    return len(text) * size * CHAR


def wrap(text: str, size: float, width: float) -> list[str]:
    """Text broken into lines that fit the width (long words broken too); one line at least."""
    chars = max(8, int(width / (size * CHAR)))
    return textwrap.wrap(" ".join(text.split()), chars) or [""]


def text(
    x: float,
    y: float,
    content: str,
    size: float = FONT,
    anchor: str = "start",
    extra: str = "",
    fill: str = INK,
    after: str = "",
) -> str:
    """A <text> element at a baseline; `extra` adds fixed attributes and `after` markup already
    made safe (a <tspan>), never data."""
    middle = "" if anchor == "start" else f' text-anchor="{anchor}"'
    return (
        f'<text x="{num(x)}" y="{num(y)}" font-size="{num(size)}" fill="{fill}"{middle}{extra}>'
        f"{safe(content)}{after}</text>"
    )


def placed(x: float, label: str, size: float, anchor: str, left: float = 0, right: float = WIDTH) -> float:
    """Where to put text anchored at x so that all of it stays within [left, right]."""
    w = width_of(label, size)
    start = {"start": x, "middle": x - w / 2, "end": x - w}[anchor]
    shifted = min(max(start, left), right - w)
    return x + (shifted - start)


def ident_ok(ident: str) -> str:
    """An id given by the caller, checked: a letter, then letters, digits, '_' or '-'."""
    if not _IDENT.fullmatch(ident):
        raise ValueError(f"not a usable SVG id: {ident!r}")
    return ident


class Drawing(NamedTuple):
    """A chart, drawn: its id, kind, size in user units, title, description and shapes."""

    ident: str
    kind: str
    width: float
    height: float
    title: str
    desc: str
    body: str

    def html(self, variant: str = "") -> str:
        """The <svg> inside an HTML page: scaled to its container (the stylesheet caps its width),
        labelled by its <title> and described by its <desc> for screen readers. No xmlns: in
        HTML the parser puts the element in the SVG namespace, and the chart carries no address."""
        return self._svg('width="100%" preserveAspectRatio="xMinYMin meet" style="height:auto"', variant)

    def placed(self, x: float, y: float, scale: float = 1) -> str:
        """The <svg> inside a standalone SVG document, at (x, y), drawn `scale` times its size."""
        size = f'x="{num(x)}" y="{num(y)}" width="{num(self.width * scale)}" height="{num(self.height * scale)}"'
        return self._svg(size)

    def _svg(self, size: str, variant: str = "") -> str:
        ident, classes = self.ident, f"chart chart-{self.kind}" + (f" {variant}" if variant else "")
        return (
            f'<svg id="{ident}" class="{classes}" role="img" aria-labelledby="{ident}-title" '
            f'aria-describedby="{ident}-desc" viewBox="0 0 {num(self.width)} {num(self.height)}" {size} '
            f'font-family="sans-serif">'
            f'<title id="{ident}-title">{safe(self.title)}</title><desc id="{ident}-desc">{safe(self.desc)}</desc>'
            + self.body
            + "</svg>"
        )


def frame(
    ident: str, kind: str, height: float, title: str, desc: str, body: list[str], width: float = WIDTH
) -> Drawing:
    return Drawing(ident, kind, width, height, title, desc, "".join(body))
