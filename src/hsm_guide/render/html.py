"""Blocks to one self-contained, printable HTML page: a handout.

The page is built block by block. Text blocks go through their Markdown (where data
is already escaped) and markdown-it-py with raw HTML off, so nothing from the data
becomes markup; tables are written directly (render/htmltable.py); charts become a
<figure> holding the inline SVG from svgcharts, a caption and the chart's data as a
table, its text equivalent. Paper speaks in words: a hint that names a command reads
as what it leads to, or is left out (markdown.on_paper).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, assert_never

from ..blocks import (
    BRIEF_HEAD,
    NO_ADDRESS,
    NO_ADDRESS_BRIEF,
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
    describe,
    in_brief,
    stop,
)
from . import UNSAFE
from .htmlstyle import CSS, made_on, page_boxes
from .markdown import _block as markdown_lines
from .markdown import anchor, on_paper

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_SOC = re.compile(r"\b\d{2}-\d{4}(?:\.\d{2})?\b")  # an occupation code, never broken at its hyphen
_WEB = re.compile(r"https?://[^\s<>`\"]+")

# What a chart shows when it has no caption of its own, for its figcaption.
_CHART_NAMES = {Bands: "10th percentile, median and 90th percentile", TileMap: "Map of the states"}


def plain(value: str) -> str:
    """Data as one line of text: controls made visible, whitespace collapsed."""
    return UNSAFE.sub("\ufffd", " ".join(value.split()))


def text(value: str) -> str:
    """Data as HTML text: plain, escaped, and an occupation code kept on one line."""
    return _keep_codes(html.escape(plain(value)))


def _keep_codes(escaped: str) -> str:
    return _SOC.sub(lambda m: f'<span class="nowrap">{m.group(0)}</span>', escaped)


class _Page:
    """One page's markdown-it parser, the heading ids given so far (GitHub's, as in the Markdown)
    and the sources described in full so far (a source is described once a page)."""

    def __init__(self) -> None:
        from markdown_it import MarkdownIt

        self.md: MarkdownIt = MarkdownIt("commonmark", {"html": False}).enable("table")
        self.md.add_render_rule("text", _text_rule)
        self.seen: dict[str, int] = {}
        self.described: set[str] = set()
        self.charts = 0  # numbers each chart, so the ids inside its SVG are unique on the page

    def heading(self, level: int, value: str) -> str:
        return self.anchored(level, value)[1]

    def anchored(self, level: int, value: str) -> tuple[str, str]:
        """A heading with its id, and the id (for the contents list)."""
        ident = html.escape(anchor(value, self.seen))
        return ident, f'<h{level} id="{ident}">{text(value)}</h{level}>\n'

    def markdown(self, block: Block, top: int) -> str:
        """A text block through its Markdown; a link that shows its own address is marked."""
        tokens = self.md.parse("\n".join(markdown_lines(block, top)))
        _mark(tokens)
        rendered: str = self.md.renderer.render(tokens, self.md.options, {})
        return rendered

    def blocks(self, blocks: Sequence[Block], top: int) -> str:
        return "".join(self.block(block, top) for block in on_paper(blocks))

    def block(self, block: Block, top: int) -> str:
        # Exhaustive: a block type added to blocks.Block and not written here fails mypy at assert_never.
        match block:
            case Heading():
                return self.heading(min(6, top + block.level - 2), block.text)
            case Note():
                return f'<p class="note"><strong>Note:</strong> {text(block.text)}</p>\n'
            case Paragraph() | Bullets() | Facts() | Tree():
                return self.markdown(block, top)
            case Address():
                return f'<p class="address">{_address(block.url)}</p>\n'
            case SourceList():
                return self.sources(block)
            case Table():
                from .htmltable import render as table
                from .tabular import grid

                return table(grid(block), block.caption or _columns(block), text)
            case Bars() | Bands() | TileMap():
                return self.figure(block)
            case _:
                assert_never(block)

    def figure(self, block: Bars | Bands | TileMap) -> str:
        """The chart, its caption and its data: the table is the chart's text equivalent, shown
        below it so a printed page and a phone reader have the exact figures without a click."""
        from msgspec.structs import replace

        from .htmltable import render as table
        from .svgcharts import chart
        from .tabular import grid

        caption = block.caption or _chart_name(block)
        self.charts += 1
        drawing = chart(block, f"chart-{self.charts}")
        if isinstance(block, Bars) and drawing:  # a bar chart has a layout for wider pages and print
            drawing += "\n" + chart(block, f"chart-{self.charts}-wide", wide=True)
        figures = grid(replace(block, caption=None))._replace(caption="The figures")
        # Bars and bands print every figure beside its shape, so paper leaves their table out.
        kind = "chart labelled" if isinstance(block, Bars | Bands) else "chart"
        return (
            f'<figure class="{kind}">\n'
            f"<figcaption>{text(caption)}</figcaption>\n"
            + (f"{drawing}\n" if drawing else "")
            + table(figures, f"{plain(caption)}: the figures", text)
            + "</figure>\n"
        )

    def sources(self, block: SourceList) -> str:
        """Each source by what it is, its address printed once, whole; a source this page has
        already described in full is named again by its title, its address repeated to check."""
        items = []
        for ref in block.entries:
            title = text(ref.title)
            if ref.url and _linkable(ref.url):
                title = f'<a href="{html.escape(ref.url)}">{title}</a>'
            if block.brief:  # a handout: what it is, its year, its address
                said = f"{title} {text(in_brief(ref).removeprefix(ref.title))}"
                items.append(f"<li>{said}: {_address(ref.url) if ref.url else NO_ADDRESS_BRIEF}</li>")
                continue
            if ref.id in self.described and not block.detailed:
                said = f"{title}: {text(ref.kind or ref.publisher)}, described above"
            else:
                said = f"{title}: {text(describe(ref))}"
                if block.detailed and ref.note:
                    said += f". {text(ref.note)}"
            self.described.add(ref.id)
            said = stop(said) + (f" Address: {_address(ref.url)}" if ref.url else f" {NO_ADDRESS}")
            items.append(f"<li>{said}</li>")
        said = BRIEF_HEAD if block.brief else "Sources:"
        head = "" if block.detailed else f'<p class="sources">{said}</p>\n'
        return head + '<ul class="sources">\n' + "\n".join(items) + "\n</ul>\n"


def _linkable(url: str | None) -> bool:
    return url is not None and _WEB.fullmatch(url) is not None


def _address(url: str) -> str:
    """An address shown whole, as a link where it is a plain web address."""
    if _linkable(url):
        return f'<a class="url" href="{html.escape(url)}">{html.escape(url)}</a>'
    return text(url)


def _text_rule(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    return _keep_codes(html.escape(tokens[idx].content))


def _chart_name(block: Bars | Bands | TileMap) -> str:
    """What a chart without a caption shows: 'Importance by task' from its headings."""
    if isinstance(block, Bars):
        from .svgcharts import bar_title

        return bar_title(block)
    return _CHART_NAMES[type(block)]


def _columns(block: Table) -> str:
    return "Table: " + ", ".join(c.name for c in block.columns)


def _mark(tokens: Sequence[Token]) -> None:
    """A link that shows its own address is marked as one."""
    for token in tokens:
        children = token.children or []
        for i, child in enumerate(children[:-1]):
            if child.type == "link_open" and children[i + 1].content == child.attrGet("href"):
                child.attrSet("class", "url")


def render(docs: Sequence[Document], title: str, data_line: str, years: str) -> str:
    """One section under its own title, or several under the guide's title with a numbered
    contents list; a header line names the guide, the year of its figures and the date made."""
    page = _Page()
    single = len(docs) == 1
    heading = docs[0].title if single else title
    parts = [page.heading(1, heading)]
    if data_line:
        parts.append(f'<p class="data">{text(data_line)}</p>\n')
    if single:
        parts.append(page.blocks(docs[0].blocks, 2))
    else:
        contents = page.heading(2, "Contents")
        sections, links = [], []
        for n, doc in enumerate(docs, 1):
            ident, section = page.anchored(2, f"{n}. {doc.title}")
            links.append(f'<li><a href="#{ident}">{text(doc.title)}</a></li>')
            body = page.blocks(doc.blocks, 3)
            sections.append(f'<section class="doc">\n{section}{body}</section>\n')
        parts.append(f'<nav class="contents" aria-label="Contents">\n{contents}<ol>\n' + "\n".join(links))
        parts.append("\n</ol>\n</nav>\n")
        parts += sections
    line = f"{title} · {years}" if years else title
    made = made_on()
    banner = text(line) + f' <span class="made">· Made {html.escape(made)}</span>'
    page_title = heading if heading == title else f"{heading} · {title}"
    body_class = ' class="handout"' if single and docs[0].name == "handout" else ""  # its print style: two pages
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(plain(page_title))}</title>\n<style>{CSS}{page_boxes(plain(line), made)}</style>\n"
        f"</head>\n<body{body_class}>\n"
        f'<header class="page"><p>{banner}</p></header>\n'
        f"<main>\n{''.join(parts)}</main>\n</body>\n</html>\n"
    )
