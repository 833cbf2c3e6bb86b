"""The terminal's charts: bars, percentile bands and the US tile map, each drawn to the
width Rich offers (a narrow terminal gets a stacked or listed form, never a cut-off chart)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.table import Table as RichTable
from rich.text import Text

from ..blocks import Bands, Bars, Tile, TileMap, band_high, fmt
from .layout import Hanging, clean, wrapped
from .tilegrid import COLUMNS, PALETTE, POSITIONS, ROWS, legend, present, shades

if TYPE_CHECKING:
    from rich.console import Console


class Renderer(Protocol):
    """What a chart needs of the terminal renderer that draws it (terminal.py's Renderer is one)."""

    console: Console
    ascii: bool

    def t(self, text: str, style: str = "") -> Text: ...


B = TypeVar("B", Bars, Bands, TileMap)  # the block a chart draws


class _Chart(Generic[B]):
    """A chart of one block, measured at the width Rich offers when it is drawn."""

    def __init__(self, renderer: Renderer, block: B) -> None:
        self.r = renderer
        self.block: B = block


class BarChart(_Chart[Bars]):
    """Horizontal bars sized to the width Rich offers; label above bar when narrow."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        block, r = self.block, self.r
        if block.caption:
            yield r.t(block.caption, "italic")
        width = options.max_width
        figures = [fmt(bar.value, block.kind) for bar in block.rows]
        fig_w = max(len(f) for f in figures)  # figures right-aligned, notes after them aligned too
        values = [
            f"{f:>{fig_w}}" + (f"  {bar.note}" if bar.note else "") for f, bar in zip(figures, block.rows, strict=True)
        ]
        value_w = max(len(v) for v in values)
        label_w = min(max(len(bar.label) for bar in block.rows), width * 2 // 5)
        bar_w = width - label_w - value_w - 2
        narrow = bar_w < 10
        if narrow:
            bar_w = max(4, width - value_w - 1) if value_w < width - 4 else width
        top = block.maximum or max((bar.value for bar in block.rows), default=0) or 1
        full = "#" if r.ascii else "█"
        for bar, value in zip(block.rows, values, strict=True):
            n = max(1, round(bar.value / top * bar_w)) if bar.value > 0 else 0
            drawn = Text(full * n, style="cyan")
            if narrow:
                yield r.t(bar.label, "bold")
                yield from wrapped(Text.assemble(drawn, " ", r.t(value)), console, options)
                continue
            grid = RichTable.grid(padding=(0, 1))
            grid.add_column(width=label_w, overflow="fold")
            grid.add_column(width=bar_w, no_wrap=True)
            grid.add_column(width=value_w, no_wrap=True)
            grid.add_row(r.t(bar.label), drawn, r.t(value))
            yield grid


class BandChart(_Chart[Bands]):
    """Percentile bands on one shared scale: low |----+----| high."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        block, r = self.block, self.r
        if block.caption:
            yield r.t(block.caption, "italic")
        width = max(options.max_width - 1, 10)
        lo = min(min(b.low, b.marker if b.marker is not None else b.low) for b in block.rows)
        hi = max(max(b.high, b.marker if b.marker is not None else b.high) for b in block.rows)
        span = (hi - lo) or 1
        left, mid_mark, right, dash = ("|", "+", "|", "-") if r.ascii else ("├", "┼", "┤", "─")

        def pos(value: float) -> int:
            return round((value - lo) / span * (width - 1))

        for band in block.rows:
            a, m, z = pos(band.low), pos(band.mid), pos(band.high)
            line = [" "] * width
            for i in range(a, z + 1):
                line[i] = dash
            line[a], line[z] = left, right
            line[min(max(m, a), z)] = mid_mark
            yield r.t(band.label, "bold")
            yield Text("".join(line).rstrip(), style="cyan")
            if band.marker is not None:
                at = pos(band.marker)
                arrow, label = ("^" if r.ascii else "▲"), fmt(band.marker, block.kind)
                # the figure after the arrow, or before it when the arrow is near the right edge
                fits = at + len(label) + 2 <= width
                marked = " " * at + f"{arrow} {label}" if fits else f"{label} {arrow}".rjust(at + 1)
                yield Text(marked, style="bold yellow")
            figures = (
                f"10th {fmt(band.low, block.kind)}, median {fmt(band.mid, block.kind)}, "
                f"90th {band_high(band, block.kind)}"
            )
            yield from wrapped(r.t(figures), console, options)


# Each bin as a Rich style: its text color on its fill.
_SHADES = tuple(f"{text} on {fill}" for text, fill in PALETTE)
# Without color, a glyph per bin, light to dark; "-" (as fmt shows a missing figure) for no data.
_GLYPHS = "·░▒▓█"
_ASCII_GLYPHS = ".:+#@"
_NO_DATA = "-"


class TileChart(_Chart[TileMap]):
    """A US tile-grid map: each area's postal code in its grid cell, shaded by bin.

    Shaded by background on a 256-color or truecolor terminal, by a glyph beside the
    code otherwise (ASCII glyphs on an ASCII console), so the bins read without color.
    Full tiles (4 columns, 59 in all) when they fit, compact ones (36) from 40 columns,
    and below that a ranked list, so no area is lost. The legend always follows.
    """

    def __init__(self, renderer: Renderer, block: TileMap) -> None:
        super().__init__(renderer, block)
        console = renderer.console
        self.color = not console.no_color and console.color_system in ("256", "truecolor")
        self.glyphs = _ASCII_GLYPHS if renderer.ascii else _GLYPHS

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        block, r = self.block, self.r
        if block.caption:
            yield r.t(block.caption, "italic")
        if not block.tiles:
            return
        bins = shades(block.tiles)
        width = options.max_width
        full_w = COLUMNS * 4 + (COLUMNS - 1)
        compact_w = COLUMNS * 2 + (COLUMNS - 1) if self.color else COLUMNS * 3
        if width < 40 or compact_w > width:
            yield self.ranked(bins)
        else:
            yield from self.grid(bins, compact=full_w > width)
        yield self.legend(bins)

    def tile(self, code: str, shade: int | None, compact: bool = False) -> Text:
        """One tile: " OH " on its shade, or the code beside its glyph ("▒OH▒", compact "OH▒")."""
        code = clean(code, self.r.ascii)
        if self.color:
            if shade is None:
                return Text(code if compact else f"{_NO_DATA}{code}{_NO_DATA}", style="dim")
            return Text(code if compact else f" {code} ", style=_SHADES[shade - 1])
        glyph = _NO_DATA if shade is None else self.glyphs[shade - 1]
        return Text(f"{code}{glyph}" if compact else f"{glyph}{code}{glyph}")

    def swatch(self, shade: int | None) -> Text:
        if self.color:
            return Text(_NO_DATA * 4, style="dim") if shade is None else Text(" " * 4, style=_SHADES[shade - 1])
        return Text((_NO_DATA if shade is None else self.glyphs[shade - 1]) * 4)

    def grid(self, bins: list[int | None], compact: bool) -> Iterator[RenderableType]:
        cells: dict[tuple[int, int], Text] = {}
        elsewhere: list[tuple[Tile, int | None]] = []  # off the grid, or a second tile for one code
        for tile, shade in zip(self.block.tiles, bins, strict=True):
            at = POSITIONS.get(tile.code)
            if at is None or at in cells:
                elsewhere.append((tile, shade))
            else:
                cells[at] = self.tile(tile.code, shade, compact)
        tile_w = (2 if self.color else 3) if compact else 4
        gap = "" if compact and not self.color else " "
        for row in range(ROWS):
            line = Text()
            last = max((col for r, col in cells if r == row), default=-1)  # no blank cells after it
            for col in range(last + 1):
                if col:
                    line.append(gap)
                line.append_text(cells.get((row, col), Text(" " * tile_w)))
            yield line
        if elsewhere:
            yield Text("Not on the map:")
            yield self.listing(elsewhere)

    def ranked(self, bins: list[int | None]) -> RenderableType:
        """Every tile as a line of its own, highest figure first, those without one last."""
        pairs = zip(self.block.tiles, bins, strict=True)
        return self.listing(sorted(pairs, key=lambda p: (p[1] is None, -p[0].value if present(p[0].value) else 0.0)))

    def listing(self, tiles: list[tuple[Tile, int | None]]) -> RenderableType:
        """Tiles one to a line, each with its figure (aligned) and name: "▒OH▒ $98,000 Ohio"."""
        figures = [fmt(t.value, self.block.kind) if present(t.value) else "no data" for t, _ in tiles]
        fig_w = max(len(f) for f in figures)
        return Hanging(
            [
                (self.tile(t.code, shade), self.r.t(f"{figure:>{fig_w}}" + (f" {t.label}" if t.label else "")))
                for (t, shade), figure in zip(tiles, figures, strict=True)
            ]
        )

    def legend(self, bins: list[int | None]) -> RenderableType:
        lines = legend(self.block.tiles, bins, self.block.kind)
        return Hanging([(self.swatch(shade), self.r.t(text) if shade else Text(text)) for shade, text in lines])
