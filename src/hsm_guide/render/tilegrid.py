"""Where each tile of a US tile-grid map goes, and which of five shades it gets.

The grid is the common 12-column by 8-row layout of NPR- and WSJ-style tile maps:
Alaska top left, Maine top right, Hawaii and Puerto Rico along the bottom. Every
renderer that draws a map takes its positions from here and nowhere else.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Sequence
from typing import TypeGuard

from ..blocks import Kind, Tile, fmt

COLUMNS = 12
ROWS = 8
BINS = 5
# Five shades of one hue, light to dark, as (text, fill): ColorBrewer Blues (the 8-class scale
# without its two lightest, so that even the lightest stands out from white paper at 1.75:1),
# each with a text color that reads on it (contrast 4.5:1 or more). The terminal and the SVG
# charts both use them.
PALETTE: tuple[tuple[str, str], ...] = (
    ("#000000", "#9ecae1"),
    ("#000000", "#6baed6"),
    ("#000000", "#4292c6"),
    ("#ffffff", "#2171b5"),
    ("#ffffff", "#084594"),
)

# (row, column) of each postal code, row 0 at the top, written out row by row.
POSITIONS: dict[str, tuple[int, int]] = {
    "AK": (0, 0), "ME": (0, 11),
    "WI": (1, 6), "VT": (1, 10), "NH": (1, 11),
    "WA": (2, 1), "ID": (2, 2), "MT": (2, 3), "ND": (2, 4), "MN": (2, 5), "IL": (2, 6), "MI": (2, 7),
    "NY": (2, 9), "MA": (2, 10),
    "OR": (3, 1), "NV": (3, 2), "WY": (3, 3), "SD": (3, 4), "IA": (3, 5), "IN": (3, 6), "OH": (3, 7),
    "PA": (3, 8), "NJ": (3, 9), "CT": (3, 10), "RI": (3, 11),
    "CA": (4, 1), "UT": (4, 2), "CO": (4, 3), "NE": (4, 4), "MO": (4, 5), "KY": (4, 6), "WV": (4, 7),
    "VA": (4, 8), "MD": (4, 9), "DE": (4, 10),
    "AZ": (5, 2), "NM": (5, 3), "KS": (5, 4), "AR": (5, 5), "TN": (5, 6), "NC": (5, 7), "SC": (5, 8),
    "DC": (5, 9),
    "OK": (6, 4), "LA": (6, 5), "MS": (6, 6), "AL": (6, 7), "GA": (6, 8),
    "HI": (7, 1), "TX": (7, 4), "FL": (7, 9), "PR": (7, 11),
}  # fmt: skip


def present(value: float | None) -> TypeGuard[float]:
    """Whether a tile has a figure to shade (NaN counts as none, as JSON has no NaN)."""
    return value is not None and not math.isnan(value)


def shades(tiles: Sequence[Tile]) -> list[int | None]:
    """Each tile's bin, 1 (lowest) to 5 (highest), by quintile of rank among the figures present;
    equal figures share a bin. None where a tile has no figure."""
    values = sorted(t.value for t in tiles if present(t.value))
    n = len(values)
    found: list[int | None] = []
    for tile in tiles:
        if not present(tile.value):
            found.append(None)
            continue
        found.append(bisect_left(values, tile.value) * BINS // n + 1)  # equal figures: the same count below
    return found


def ranges(tiles: Sequence[Tile], bins: Sequence[int | None]) -> dict[int, tuple[float, float]]:
    """The lowest and highest figure in each bin that holds any, in bin order."""
    spans: dict[int, tuple[float, float]] = {}
    for tile, shade in zip(tiles, bins, strict=True):
        if shade is None or tile.value is None:
            continue
        lo, hi = spans.get(shade, (tile.value, tile.value))
        spans[shade] = (min(lo, tile.value), max(hi, tile.value))
    return dict(sorted(spans.items()))


def bin_name(shade: int) -> str:
    """How a bin reads in words: "1 of 5 (lowest)"."""
    extreme = " (lowest)" if shade == 1 else " (highest)" if shade == BINS else ""
    return f"{shade} of {BINS}{extreme}"


def legend(tiles: Sequence[Tile], bins: Sequence[int | None], kind: Kind) -> list[tuple[int | None, str]]:
    """The legend's lines, light to dark, each with its bin: "1 of 5 (lowest): $80,000-$95,000",
    then "no data" (bin None) when a tile has no figure."""
    lines: list[tuple[int | None, str]] = []
    for shade, (lo, hi) in ranges(tiles, bins).items():
        span = fmt(lo, kind) if lo == hi else f"{fmt(lo, kind)}-{fmt(hi, kind)}"
        lines.append((shade, f"{bin_name(shade)}: {span}"))
    if None in bins:
        lines.append((None, "no data"))
    return lines
