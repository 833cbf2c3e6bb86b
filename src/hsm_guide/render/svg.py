"""Documents as one standalone SVG document: a page that reads like the handout.

Text is set in a proportional font and wrapped to the page (nothing is cut off: a long web
address breaks after a slash and stays a link); tables are drawn as grids, or as one small
record per row when their columns cannot fit; charts are the very drawings the HTML page
uses (svgcharts), placed in the page, legend swatches and all. Paper speaks in words: a hint
that names a command reads as what it leads to (markdown.on_paper). Nothing is fetched.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import assert_never

from ..blocks import (
    NO_ADDRESS,
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
    TileMap,
    Tree,
    describe,
)
from .markdown import on_paper
from .svgparts import INK, MUTED, num, safe, width_of, wrap
from .tabular import Grid, grid

PAGE = 720  # the page's width in user units (pixels)
MARGIN = 24
INNER = PAGE - 2 * MARGIN
BODY, SMALL = 14.0, 12.0
LEAD = 1.45  # line height, in font sizes
SIZES = {1: 24.0, 2: 19.0, 3: 16.0}


class _Sheet:
    """The page being set: its elements so far and the height reached."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.y = float(MARGIN)
        self.charts = 0

    def lines(self, said: str, size: float = BODY, x: float = 0, bold: bool = False, fill: str = INK) -> None:
        """Text wrapped to the page from x, each line below the last."""
        weight = ' font-weight="bold"' if bold else ""
        for line in wrap(said, size, INNER - x):
            self.y += size * LEAD
            self.parts.append(self.text(x, line, size, weight, fill))
        self.y += size * 0.4

    def text(
        self, x: float, line: str, size: float, extra: str = "", fill: str = INK, anchor: str = "", y: float = 0
    ) -> str:
        """One line at x, on the baseline y (by default, the height reached)."""
        where = f' text-anchor="{anchor}"' if anchor else ""
        return (
            f'<text x="{num(MARGIN + x)}" y="{num(y or self.y)}" font-size="{num(size)}" fill="{fill}"{where}{extra}>'
            f"{safe(line)}</text>"
        )

    def gap(self, height: float = 8) -> None:
        self.y += height

    def address(self, url: str, x: float = 0, lead: str = "") -> None:
        """An address whole: broken after a slash where it is longer than the line, every part a link."""
        pieces = re.findall(r"[^/]*/*", lead + url)
        line, rows = "", []
        for piece in pieces:
            if line and width_of(line + piece, SMALL) > INNER - x:
                rows.append(line)
                line = ""
            line += piece
        rows.append(line)
        plain = re.fullmatch(r"https?://[^\s<>\"]+", url) is not None
        for row in rows:
            self.y += SMALL * LEAD
            shown = self.text(x, row, SMALL, fill="#0b4f9c" if plain else INK)
            self.parts.append(f'<a href="{safe(url)}">{shown}</a>' if plain else shown)
        self.y += SMALL * 0.4


def render(docs: Sequence[Document], title: str, data_line: str = "") -> str:
    """One section under its own title, or several numbered under the guide's title."""
    sheet = _Sheet()
    single = len(docs) == 1
    sheet.lines(docs[0].title if single else title, SIZES[1], bold=True)
    if data_line:
        sheet.lines(data_line, SMALL, fill=MUTED)
    if not single:
        sheet.lines("Contents", SIZES[2], bold=True)
        for n, doc in enumerate(docs, 1):
            sheet.lines(f"{n}. {doc.title}", BODY, x=12)
    for n, doc in enumerate(docs, 1):
        if not single:
            sheet.gap(12)
            sheet.lines(f"{n}. {doc.title}", SIZES[2], bold=True)
        for block in on_paper(doc.blocks):
            _block(sheet, block, 2 if single else 3)
            sheet.gap()
    height = sheet.y + MARGIN
    label = docs[0].title if single else title
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{PAGE}" height="{num(height)}" '
        f'viewBox="0 0 {PAGE} {num(height)}" font-family="sans-serif" role="document">'
        f"<title>{safe(f'{label} · {title}' if single else label)}</title>"
        f'<rect width="100%" height="100%" fill="#ffffff"/>' + "".join(sheet.parts) + "</svg>\n"
    )


def _block(sheet: _Sheet, block: Block, top: int) -> None:
    # Exhaustive: a block type added to blocks.Block and not set here fails mypy at assert_never.
    match block:
        case Heading():
            level = min(3, top + block.level - 2)
            sheet.lines(block.text, SIZES.get(level, BODY), bold=True)
        case Paragraph():
            sheet.lines(block.text)
        case Note():
            sheet.lines(f"Note: {block.text}", fill=MUTED)
        case Bullets():
            for n, entry in enumerate(block.entries, 1):
                mark = f"{n}." if block.ordered else "•"
                sheet.parts.append(sheet.text(0, mark, BODY, y=sheet.y + BODY * LEAD))
                said = (f"{entry.label}: " if entry.label else "") + entry.text
                sheet.lines(said + (f" {entry.detail}" if entry.detail else ""), x=22)
        case Facts():
            for fact in block.rows:
                sheet.lines(f"{fact.label}: {fact.value}")
        case Table():
            _grid(sheet, grid(block))
        case Bars() | Bands() | TileMap():
            _chart(sheet, block)
        case Tree():
            _tree(sheet, block.root, 0)
        case SourceList():
            if not block.detailed:
                sheet.lines("Sources", BODY, bold=True)
            for ref in block.entries:
                sheet.lines(
                    f"• {ref.title}: {describe(ref)}" + (f". {ref.note}" if block.detailed and ref.note else "")
                )
                if ref.url:
                    sheet.address(ref.url, x=14)
                else:
                    sheet.lines(NO_ADDRESS, SMALL, x=14, fill=MUTED)
        case Address():
            sheet.address(block.url)
        case _:
            assert_never(block)


def _tree(sheet: _Sheet, node: Node, depth: int) -> None:
    sheet.lines(("- " if depth else "") + node.label, x=depth * 18, bold=depth == 0)
    for child in node.children:
        _tree(sheet, child, depth + 1)


def _chart(sheet: _Sheet, block: Bars | Bands | TileMap) -> None:
    """The chart's caption, then the drawing the HTML page uses; a map's figures follow as a table
    (bars and bands print every figure beside their shapes)."""
    from .svgcharts import bar_title, drawing

    caption = block.caption or (bar_title(block) if isinstance(block, Bars) else "Chart")
    sheet.lines(caption, BODY, fill=MUTED)
    sheet.charts += 1
    drawn = drawing(block, f"chart-{sheet.charts}", wide=True)
    scale = min(INNER / drawn.width, 1.3)
    sheet.parts.append(drawn.placed(MARGIN, sheet.y + 4, scale))
    sheet.y += drawn.height * scale + 12
    if isinstance(block, TileMap):
        _grid(sheet, grid(block)._replace(caption="The figures"))


def _grid(sheet: _Sheet, g: Grid) -> None:
    """A table as a grid of wrapped cells; as records (a bold first cell, then 'Column: value'
    lines) when the columns cannot fit the page."""
    if g.caption:
        sheet.lines(g.caption, BODY, bold=True)
    widths = _widths(g)
    if widths is None:
        for row in g.rows:
            sheet.lines(row[0], bold=True)
            for head, cell in zip(g.heads[1:], row[1:], strict=True):
                sheet.lines(f"{head}: {cell}", x=14)
            sheet.gap(4)
        return
    for n, row in enumerate([g.heads, *g.rows]):
        cells = [wrap(cell, BODY, w - 10) for cell, w in zip(row, widths, strict=True)]
        tall = max(len(c) for c in cells) * BODY * LEAD + 6
        x = 0.0
        for cell_lines, w, figure in zip(cells, widths, g.figures, strict=True):
            for k, line in enumerate(cell_lines):
                at = x + w - 5 if figure else x + 5
                extra = ' font-weight="bold"' if n == 0 else ""
                anchor = "end" if figure else ""
                sheet.parts.append(sheet.text(at, line, BODY, extra, anchor=anchor, y=sheet.y + (k + 1) * BODY * LEAD))
            x += w
        sheet.y += tall
        rule = f'<path d="M{MARGIN} {num(sheet.y)}H{num(MARGIN + sum(widths))}" stroke="{MUTED}"'
        sheet.parts.append(rule + f' stroke-width="{1 if n else 1.5}"/>')
    sheet.gap(6)


def _widths(g: Grid) -> list[float] | None:
    """Each column's width: as wide as its cells where the page allows, else shared out above each
    column's longest word; None when even the longest words cannot fit."""
    natural, least = [], []
    for i in range(len(g.heads)):
        column = [g.heads[i], *(r[i] for r in g.rows)]
        natural.append(max(width_of(cell, BODY) for cell in column) + 12)
        words = [w for cell in column for w in ([cell] if g.figures[i] else cell.split())] or [""]
        least.append(max(width_of(w, BODY) for w in words) + 12)
    if sum(natural) <= INNER:
        return natural
    if sum(least) > INNER:
        return None
    spare = INNER - sum(least)
    extra = [n - m for n, m in zip(natural, least, strict=True)]
    return [m + spare * e / (sum(extra) or 1) for m, e in zip(least, extra, strict=True)]
