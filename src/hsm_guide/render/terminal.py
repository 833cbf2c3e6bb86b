"""Blocks to Rich renderables for the terminal.

Every string from the knowledge base goes into a `Text` (never into markup),
after `clean` has made control characters visible, so data can neither style
the output nor send escape sequences to the terminal. Tables that would be
squeezed unreadably narrow are drawn as stacked records instead, and charts
measure the width they are given, so nothing is cut off at 40 columns.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.rule import Rule
from rich.segment import Segment
from rich.table import Table as RichTable
from rich.text import Text
from rich.tree import Tree as RichTree

from ..blocks import (
    Address,
    Bands,
    Bars,
    Block,
    Bullets,
    Document,
    Facts,
    Heading,
    Node,
    Note,
    Paragraph,
    SourceList,
    Table,
    Tile,
    TileMap,
    Tree,
    describe,
    fmt,
)
from . import UNSAFE
from .tilegrid import COLUMNS, POSITIONS, ROWS, bin_name, present, ranges, shades


def clean(text: str, ascii_only: bool = False) -> str:
    """Show control characters (and bidi overrides) as visible escapes; fold to ASCII if asked."""
    text = UNSAFE.sub(
        lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 256 else f"\\u{ord(m.group()):04x}", text
    )
    if ascii_only and not text.isascii():
        text = unicodedata.normalize("NFKD", text).encode("ascii", "replace").decode("ascii")
    return text


class Renderer:
    def __init__(self, console: Console) -> None:
        self.console = console
        self.ascii = not (console.encoding or "").lower().replace("-", "").startswith("utf")

    def t(self, text: str, style: str = "") -> Text:
        return Text(clean(text, self.ascii), style=style)

    def document(self, doc: Document) -> RenderableType:
        # Rich's Rule ignores ascii_only when it draws, so pick the character here.
        rule = Rule(characters="-" if self.ascii else "─", style="dim")
        parts: list[RenderableType] = [self.t(doc.title, "bold"), rule]
        previous: Block | None = None
        for block in doc.blocks:
            if previous is not None and not isinstance(previous, Heading):
                parts.append(Text(""))  # a blank line between blocks, none under a heading
            parts.append(self.block(block))
            previous = block
        return Group(*parts)

    def block(self, block: Block) -> RenderableType:
        if isinstance(block, Heading):
            return self.t(block.text, "bold cyan")
        if isinstance(block, Paragraph):
            return self.t(block.text)
        if isinstance(block, Note):
            return self.t(block.text, "italic")
        if isinstance(block, Bullets):
            return self.bullets(block)
        if isinstance(block, Facts):
            return _Hanging([(self.t(f.label, "bold"), self.t(f.value)) for f in block.rows], gap=2)
        if isinstance(block, Table):
            return self.table(block)
        if isinstance(block, Bars):
            return _Chart(self, block)
        if isinstance(block, Bands):
            return _BandChart(self, block)
        if isinstance(block, TileMap):
            return _TileChart(self, block)
        if isinstance(block, Tree):
            return self.tree(block.root)
        if isinstance(block, SourceList):
            return self.sources(block)
        if isinstance(block, Address):
            link = f"link {block.url}" if _plain_url(block.url) else ""
            return _Address(self.t(block.url, link), indent=0)
        raise TypeError(f"no terminal rendering for {type(block).__name__}")  # pragma: no cover

    def tree(self, node: Node, parent: RichTree | None = None) -> RichTree:
        branch = RichTree(self.t(node.label, "bold" if parent is None else ""), guide_style="dim")
        if parent is not None:
            parent.children.append(branch)
        for child in node.children:
            self.tree(child, branch)
        return branch

    def sources(self, block: SourceList) -> RenderableType:
        """Each source as what it is (never its id or file name), its address whole.

        The title links to the address where the terminal supports it (OSC 8, which Rich
        writes for a link style); the address itself is printed too, on a line of its own.
        """
        parts: list[RenderableType] = [] if block.detailed else [Text("Sources", style="bold")]
        bullet = Text("-" if self.ascii else "•")
        for s in block.entries:
            link = f"link {s.url}" if s.url and _plain_url(s.url) else ""
            line = Text.assemble(self.t(s.title, f"bold {link}".strip()), "\n", self.t(describe(s)))
            if block.detailed and s.note:
                line.append("\n" + clean(s.note, self.ascii))
            parts.append(_Hanging([(bullet.copy(), line)]))
            if s.url:
                parts.append(_Address(self.t(s.url, link), indent=2))
        return Group(*parts)

    def bullets(self, block: Bullets) -> RenderableType:
        rows = []
        bullet = "-" if self.ascii else "•"
        for n, entry in enumerate(block.entries, 1):
            text = Text()
            if entry.label:
                text.append(clean(entry.label, self.ascii), style="bold")
                text.append(": ")
            start = len(text)
            cleaned = clean(entry.text, self.ascii)
            text.append(cleaned)
            if cleaned == entry.text:  # marks index the raw text; skip them if cleaning moved it
                for begin, end in entry.marks:
                    text.stylize("bold yellow", start + begin, start + end)
            if entry.detail:
                text.append("\n" + ("-> " if self.ascii else "→ ") + clean(entry.detail, self.ascii), style="dim")
            rows.append((Text(f"{n}." if block.ordered else bullet), text))
        return _Hanging(rows, right=True)

    def table(self, block: Table) -> RenderableType:
        cells = [[fmt(v, c.kind) for v, c in zip(row, block.columns, strict=True)] for row in block.rows]

        def min_width(i: int) -> int:
            """Numbers stay whole; text keeps its longest word and gets ~14 columns, or slivers read badly."""
            column = (block.columns[i].name, *(r[i] for r in cells))
            natural = max(len(c) for c in column)
            if block.columns[i].kind != "text":  # numbers and commands are never broken
                return natural
            longest_word = max(len(w) for c in column for w in c.split() or [""])
            return max(longest_word, min(natural, 14))

        table = RichTable(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
        for i, c in enumerate(block.columns):
            numeric = c.kind not in ("text", "code")
            table.add_column(
                self.t(c.name),
                justify="right" if numeric else "left",
                no_wrap=c.kind != "text",
                overflow="fold",
                min_width=min_width(i),
            )
        for row in cells:
            table.add_row(*(self.t(cell) for cell in row))
        parts: list[RenderableType] = []
        if block.caption:
            parts.append(self.t(block.caption, "italic"))
        # Rich's own measure says whether the table fits; if not, one record per row.
        unbounded = self.console.options.update_width(10_000)  # measure unclamped, then compare
        fits = Measurement.get(self.console, unbounded, table).minimum <= self.console.width
        parts.append(table if fits else self._stacked(block, cells))
        return Group(*parts)

    def _stacked(self, block: Table, cells: list[list[str]]) -> RenderableType:
        """A table too wide for the terminal, as one small record per row."""
        parts: list[RenderableType] = []
        for row in cells:
            grid = RichTable.grid(padding=(0, 1))
            grid.add_column(no_wrap=True, style="dim")
            grid.add_column(overflow="fold")
            for column, cell in zip(block.columns[1:], row[1:], strict=True):
                # With one other column its name adds nothing: indent the value instead.
                grid.add_row("" if len(block.columns) == 2 else self.t(column.name + ":"), self.t(cell))
            parts.append(Group(self.t(row[0], "bold"), grid))
        return Group(*parts)


def _plain_url(url: str) -> bool:
    """Only plain web addresses become links; anything odd stays text."""
    return re.fullmatch(r"https?://[^\s\x00-\x1f\x7f]+", url) is not None


class _Address:
    """A web address, never broken: indented when it fits, else alone on its line at full
    length (the one thing allowed past the width, so it can be copied whole)."""

    def __init__(self, text: Text, indent: int) -> None:
        self.text = text
        self.indent = indent

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        fits = self.text.cell_len + self.indent <= options.max_width
        if fits:
            yield Segment(" " * self.indent)
        yield from self.text.render(console)
        yield Segment.line()


class _Hanging:
    """Text after a lead (a bullet, a number, a label), wrapped beneath it with a hanging
    indent: what a two-column Rich grid draws, at a fraction of its cost."""

    def __init__(self, rows: list[tuple[Text, Text]], gap: int = 1, right: bool = False) -> None:
        self.rows = rows
        self.gap = gap
        self.right = right

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        lead_w = max((lead.cell_len for lead, _ in self.rows), default=0)
        indent = lead_w + self.gap
        stacked = width - indent < max(12, width // 3)  # too narrow beside the lead: text goes under it
        if stacked:
            indent = 2
        for lead, text in self.rows:
            lines = text.wrap(console, max(1, width - indent), overflow="fold")
            if stacked:
                yield from lead.render(console)
                yield Segment.line()
            else:
                padding = " " * (lead_w - lead.cell_len)
                yield Segment(padding if self.right else "")
                yield from lead.render(console)
                yield Segment(" " * self.gap if self.right else padding + " " * self.gap)
            for i, line in enumerate(lines):
                if i or stacked:
                    yield Segment(" " * indent)
                yield from line.render(console)
                yield Segment.line()


class _Chart:
    """Horizontal bars sized to the width Rich offers; label above bar when narrow."""

    def __init__(self, renderer: Renderer, block: Bars) -> None:
        self.r = renderer
        self.block = block

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
        top = max((bar.value for bar in block.rows), default=0) or 1
        full = "#" if r.ascii else "█"
        for bar, value in zip(block.rows, values, strict=True):
            n = max(1, round(bar.value / top * bar_w)) if bar.value > 0 else 0
            drawn = Text(full * n, style="cyan")
            if narrow:
                yield r.t(bar.label, "bold")
                yield from _lines(Text.assemble(drawn, " ", r.t(value)), console, options)
                continue
            grid = RichTable.grid(padding=(0, 1))
            grid.add_column(width=label_w, overflow="fold")
            grid.add_column(width=bar_w, no_wrap=True)
            grid.add_column(width=value_w, no_wrap=True)
            grid.add_row(r.t(bar.label), drawn, r.t(value))
            yield grid


class _BandChart:
    """Percentile bands on one shared scale: low |----+----| high."""

    def __init__(self, renderer: Renderer, block: Bands) -> None:
        self.r = renderer
        self.block = block

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
                f"90th {fmt(band.high, block.kind)}"
            )
            yield from _lines(r.t(figures), console, options)


# Five shades of one hue, light to dark, each with a text color that reads on it (ColorBrewer Blues).
_SHADES = (
    "#000000 on #deebf7",
    "#000000 on #9ecae1",
    "#000000 on #6baed6",
    "#ffffff on #3182bd",
    "#ffffff on #08519c",
)
# Without color, a glyph per bin, light to dark; "-" (as fmt shows a missing figure) for no data.
_GLYPHS = "·░▒▓█"
_ASCII_GLYPHS = ".:+#@"
_NO_DATA = "-"


class _TileChart:
    """A US tile-grid map: each area's postal code in its grid cell, shaded by bin.

    Shaded by background on a 256-color or truecolor terminal, by a glyph beside the
    code otherwise (ASCII glyphs on an ASCII console), so the bins read without color.
    Full tiles (4 columns, 59 in all) when they fit, compact ones (36) from 40 columns,
    and below that a ranked list, so no area is lost. The legend always follows.
    """

    def __init__(self, renderer: Renderer, block: TileMap) -> None:
        self.r = renderer
        self.block = block
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
        return _Hanging(
            [
                (self.tile(t.code, shade), self.r.t(f"{figure:>{fig_w}}" + (f" {t.label}" if t.label else "")))
                for (t, shade), figure in zip(tiles, figures, strict=True)
            ]
        )

    def legend(self, bins: list[int | None]) -> RenderableType:
        kind = self.block.kind
        rows = []
        for shade, (lo, hi) in ranges(self.block.tiles, bins).items():
            span = fmt(lo, kind) if lo == hi else f"{fmt(lo, kind)}-{fmt(hi, kind)}"
            rows.append((self.swatch(shade), self.r.t(f"{bin_name(shade)}: {span}")))
        if None in bins:
            rows.append((self.swatch(None), Text("no data")))
        return _Hanging(rows)


def _lines(text: Text, console: Console, options: ConsoleOptions) -> Iterator[Text]:
    yield from text.wrap(console, options.max_width)


def print_documents(console: Console, docs: Iterable[Document]) -> None:
    renderer = Renderer(console)
    for i, doc in enumerate(docs):
        if i:
            console.print()
        # crop=False: a web address longer than the width is printed whole, never cut off.
        console.print(renderer.document(doc), crop=False)


def render_text(console: Console, docs: Iterable[Document]) -> str:
    """What the console would print: with its styles on a terminal, without Rich's
    trailing padding in a pipe or file."""
    with console.capture() as captured:
        print_documents(console, docs)
    text = captured.get()
    if console.is_terminal:
        return text
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"


def write_documents(console: Console, docs: Iterable[Document]) -> None:
    write_text(console, render_text(console, docs))


def write_text(console: Console, text: str) -> None:
    console.file.write(text)
    console.file.flush()
