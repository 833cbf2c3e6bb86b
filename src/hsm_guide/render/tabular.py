"""Every table-like block as one grid of plain text: column heads, which columns hold figures,
and the cells. Markdown and HTML draw the same grid, so a chart's data table says the same
thing in both, and each column holds one kind of thing (a figure's note gets a column of its
own where the chart names it)."""

from __future__ import annotations

import re
from typing import NamedTuple

from ..blocks import Bands, Bars, Table, TileMap, band_high, fmt
from .tilegrid import bin_name, present, shades

_FIGURE = re.compile(r"-?\$?[\d,.]+%?")


class Grid(NamedTuple):
    heads: list[str]
    figures: list[bool]  # a column of figures: aligned right, never broken
    codes: list[bool]  # a column of commands to type
    rows: list[list[str]]
    caption: str | None


def grid(block: Table | Bars | Bands | TileMap) -> Grid:
    match block:
        case Table():
            cells = [[fmt(v, c.kind) for v, c in zip(row, block.columns, strict=True)] for row in block.rows]
            return Grid(
                [c.name for c in block.columns],
                [c.kind not in ("text", "code") for c in block.columns],
                [c.kind == "code" for c in block.columns],
                cells,
                block.caption,
            )
        case Bars():
            return _bars(block)
        case Bands():
            return _bands(block)
        case TileMap():
            return _tiles(block)


def _bars(block: Bars) -> Grid:
    """One row per bar. A third heading gives the notes a column; else a note follows its figure."""
    label, value, notes = (*block.headings, "", "", "")[:3]
    label, value = label or "Item", value or "Figure"
    if notes:
        # A note the chart reads as "median $134,050" is, under a "Median, a year" head, the figure alone.
        said = notes.split(",")[0].lower() + " "
        cells = [(b.note or "").removeprefix(said) for b in block.rows]
        numeric = all(_FIGURE.fullmatch(c) for c in cells)
        rows = [[b.label, fmt(b.value, block.kind), c] for b, c in zip(block.rows, cells, strict=True)]
        return Grid([label, value, notes], [False, True, numeric], [False] * 3, rows, block.caption)
    rows = [[b.label, fmt(b.value, block.kind) + (f" ({b.note})" if b.note else "")] for b in block.rows]
    return Grid([label, value], [False, True], [False, False], rows, block.caption)


def _bands(block: Bands) -> Grid:
    """The three figures of each band, and the marked figure where there is one."""
    heads = [block.heading, "10th percentile", "Median", "90th percentile"]
    marked = any(b.marker is not None for b in block.rows)
    rows = []
    for b in block.rows:
        row = [b.label, fmt(b.low, block.kind), fmt(b.mid, block.kind), band_high(b, block.kind)]
        if marked:
            row.append(fmt(b.marker, block.kind) if b.marker is not None else "-")
        rows.append(row)
    if marked:
        heads.append("Your figure")
    return Grid(heads, [False, *[True] * (len(heads) - 1)], [False] * len(heads), rows, block.caption)


def _tiles(block: TileMap) -> Grid:
    """One row per area with its figure and its band of five."""
    bins = shades(block.tiles)
    rows = [
        [
            f"{t.label} ({t.code})" if t.label else t.code,
            fmt(t.value, block.kind) if present(t.value) else "no data",
            bin_name(shade) if shade is not None else "-",
        ]
        for t, shade in zip(block.tiles, bins, strict=True)
    ]
    return Grid(["State", block.heading, "Band of five"], [False, True, False], [False] * 3, rows, block.caption)
