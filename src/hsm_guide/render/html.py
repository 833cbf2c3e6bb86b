"""Blocks to one self-contained, printable HTML page: a handout.

The page is built block by block. Text blocks go through their Markdown (where data
is already escaped) and markdown-it-py with raw HTML off, so nothing from the data
becomes markup; charts become a <figure> holding the inline SVG from svgcharts, a
caption and the chart's data as a table, its text equivalent. Every table scrolls
inside its own box, so the page itself never scrolls sideways on a phone.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, assert_never

from msgspec.structs import replace

from ..blocks import (
    Address,
    Bands,
    Bars,
    Block,
    Bullets,
    Document,
    Facts,
    Heading,
    Note,
    Paragraph,
    SourceList,
    Table,
    TileMap,
    Tree,
)
from . import UNSAFE
from .htmlstyle import CSS, running_header
from .markdown import _block as markdown_lines
from .markdown import anchor

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_SOC = re.compile(r"\b\d{2}-\d{4}(?:\.\d{2})?\b")  # an occupation code, never broken at its hyphen

# What a chart shows when it has no caption of its own, for its figcaption.
_CHART_NAMES = {Bars: "Bar chart", Bands: "10th percentile, median and 90th percentile", TileMap: "Map of the states"}


def plain(value: str) -> str:
    """Data as one line of text: controls made visible, whitespace collapsed."""
    return UNSAFE.sub("\ufffd", " ".join(value.split()))


def text(value: str) -> str:
    """Data as HTML text: plain, with the special characters escaped."""
    return html.escape(plain(value))


def _keep_codes(escaped: str) -> str:
    return _SOC.sub(lambda m: f'<span class="nowrap">{m.group(0)}</span>', escaped)


class _Page:
    """One page's markdown-it parser and the heading ids given so far (GitHub's, as in the Markdown)."""

    def __init__(self) -> None:
        from markdown_it import MarkdownIt

        self.md: MarkdownIt = MarkdownIt("commonmark", {"html": False}).enable("table")
        self.md.add_render_rule("table_open", _table_open)
        self.md.add_render_rule("table_close", _table_close)
        self.seen: dict[str, int] = {}
        self.charts = 0  # numbers each chart, so the ids inside its SVG are unique on the page

    def heading(self, level: int, value: str) -> str:
        return self.anchored(level, value)[1]

    def anchored(self, level: int, value: str) -> tuple[str, str]:
        """A heading with its id, and the id (for the contents list)."""
        ident = html.escape(anchor(value, self.seen))
        return ident, f'<h{level} id="{ident}">{_keep_codes(text(value))}</h{level}>\n'

    def markdown(self, block: Block, top: int, label: str = "") -> str:
        """A block through its Markdown: th get scope, links whose text is their address say so."""
        tokens = self.md.parse("\n".join(markdown_lines(block, top)))
        _mark(tokens)
        rendered: str = self.md.renderer.render(tokens, self.md.options, {"label": label or "Table"})
        return rendered

    def block(self, block: Block, top: int) -> str:
        # Exhaustive: a block type added to blocks.Block and not written here fails mypy at assert_never.
        match block:
            case Heading():
                return self.heading(min(6, top + block.level - 2), block.text)
            case Note():
                return f'<p class="note"><strong>Note:</strong> {text(block.text)}</p>\n'
            case Paragraph() | Bullets() | Facts() | Tree() | Address() | SourceList():
                return self.markdown(block, top)
            case Table():
                return self.markdown(block, top, label=block.caption or _columns(block))
            case Bars() | Bands() | TileMap():
                return self.figure(block, top)
            case _:
                assert_never(block)

    def figure(self, block: Bars | Bands | TileMap, top: int) -> str:
        """The chart, its caption and its data: the table is the chart's text equivalent, shown
        below it so a printed page and a phone reader have the exact figures without a click."""
        from .svgcharts import chart

        caption = block.caption or _chart_name(block)
        self.charts += 1
        drawing = chart(block, f"chart-{self.charts}")
        table = self.markdown(replace(block, caption=None), top, label=f"{caption}: the figures")
        return (
            '<figure class="chart">\n'
            f"<figcaption>{text(caption)}</figcaption>\n" + (f"{drawing}\n" if drawing else "") + f"{table}</figure>\n"
        )


def _chart_name(block: Bars | Bands | TileMap) -> str:
    """What a chart without a caption shows: 'Importance by task' from its headings."""
    if isinstance(block, Bars) and all(block.headings):
        label, value = block.headings
        return f"{value} by {label[:1].lower()}{label[1:]}"
    return _CHART_NAMES[type(block)]


def _columns(block: Table) -> str:
    return "Table: " + ", ".join(c.name for c in block.columns)


def _table_open(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: dict[str, str]) -> str:
    label = html.escape(env.get("label", "Table"))
    return f'<div class="scroll" tabindex="0" role="region" aria-label="{label}">\n<table>\n'


def _table_close(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: dict[str, str]) -> str:
    return "</table>\n</div>\n"


def _mark(tokens: Sequence[Token]) -> None:
    """Column headers get scope; a link that shows its own address is marked, so print adds it only once."""
    for token in tokens:
        if token.type == "th_open":
            token.attrSet("scope", "col")
        children = token.children or []
        for i, child in enumerate(children[:-1]):
            if child.type == "link_open" and children[i + 1].content == child.attrGet("href"):
                child.attrSet("class", "url")


def render(docs: Sequence[Document], title: str, data_line: str, years: str) -> str:
    """One section under its own title, or several under the guide's title with a contents list;
    a header line names the guide and the year of its figures."""
    page = _Page()
    single = len(docs) == 1
    heading = docs[0].title if single else title
    parts = [page.heading(1, heading), f'<p class="data">{text(data_line)}</p>\n']
    if single:
        parts += [page.block(block, 2) for block in docs[0].blocks]
    else:
        contents = page.heading(2, "Contents")
        sections, links = [], []
        for doc in docs:
            ident, section = page.anchored(2, doc.title)
            links.append(f'<li><a href="#{ident}">{text(doc.title)}</a></li>')
            body = "".join(page.block(block, 3) for block in doc.blocks)
            sections.append(f'<section class="doc">\n{section}{body}</section>\n')
        parts.append(f'<nav class="contents" aria-label="Contents">\n{contents}<ul>\n' + "\n".join(links))
        parts.append("\n</ul>\n</nav>\n")
        parts += sections
    line = f"{title} · {years}"
    banner = f"{_keep_codes(text(title))} · {text(years)}"
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{text(heading)}</title>\n<style>{CSS}{running_header(plain(line))}</style>\n</head>\n<body>\n"
        f'<header class="page"><p>{banner}</p></header>\n'
        f"<main>\n{''.join(parts)}</main>\n</body>\n</html>\n"
    )
