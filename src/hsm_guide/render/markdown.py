"""Blocks to GitHub-flavored Markdown.

Data is escaped so it can never change the structure: Markdown punctuation is
backslash-escaped, HTML special characters become entities, and a line can
never start a heading, list, quote or table row of its own. Charts become
tables, since Markdown cannot draw bars.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import assert_never

from ..blocks import (
    Address,
    Bands,
    Bars,
    Block,
    Bullets,
    Document,
    Facts,
    Heading,
    Kind,
    Node,
    Note,
    Paragraph,
    SourceList,
    SourceRef,
    Table,
    TileMap,
    Tree,
    Value,
    band_high,
    describe,
    fmt,
)
from . import UNSAFE
from .tilegrid import bin_name, present, ranges, shades

_PUNCTUATION = re.compile(r"([\\`*_\[\]|~#])")  # characters with inline meaning anywhere
_LINE_START = re.compile(r"^(\s*)([-+>=]|\d+[.)])")  # would open a list, quote or setext line


def escape(text: str) -> str:
    """Inline text that renders as itself and cannot open a block."""
    text = UNSAFE.sub("\ufffd", " ".join(text.split()))  # visible, as markdown-it shows NUL
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _PUNCTUATION.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: m.group(1) + _escape_lead(m.group(2)), text)


def _escape_lead(lead: str) -> str:
    return lead[:-1] + "\\" + lead[-1] if lead[0].isdigit() else "\\" + lead


def anchor(text: str, seen: dict[str, int]) -> str:
    """The id GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens, -1 for repeats."""
    slug = re.sub(r"[^\w\- ]", "", text.strip().lower()).replace(" ", "-")
    count = seen.get(slug, 0)
    seen[slug] = count + 1
    return slug if count == 0 else f"{slug}-{count}"


def render(docs: Sequence[Document], title: str, data_line: str) -> str:
    """One section under its own title, or several under the guide's title with a contents list."""
    single = len(docs) == 1
    lines = [f"# {escape(docs[0].title if single else title)}", "", escape(data_line), ""]
    if not single:
        anchors = _section_anchors(docs, title)
        lines += ["## Contents", ""]
        lines += [f"- [{escape(doc.title)}](#{slug})" for doc, slug in zip(docs, anchors, strict=True)]
        lines.append("")
    for doc in docs:
        if not single:
            lines += [f"## {escape(doc.title)}", ""]
        lines += list(_blocks(doc.blocks, top=2 if single else 3))
    while lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines) + "\n"


def _section_anchors(docs: Sequence[Document], title: str) -> list[str]:
    """Anchors of the section titles, counting every heading in document order as GitHub does."""
    seen: dict[str, int] = {}
    anchor(title, seen)
    anchor("Contents", seen)
    found = []
    for doc in docs:
        found.append(anchor(doc.title, seen))
        for block in doc.blocks:
            if isinstance(block, Heading):
                anchor(block.text, seen)
    return found


def _blocks(blocks: Sequence[Block], top: int) -> Iterator[str]:
    for block in blocks:
        yield from _block(block, top)
        yield ""


def _block(block: Block, top: int) -> Iterator[str]:
    # Exhaustive: a block type added to blocks.Block and not written here fails mypy at assert_never.
    match block:
        case Heading():
            yield f"{'#' * min(6, top + block.level - 2)} {escape(block.text)}"
        case Paragraph():
            yield escape(block.text)
        case Note():
            yield f"**Note:** {escape(block.text)}"
        case Bullets():
            yield from _bullets(block)
        case Facts():
            yield from (f"- **{escape(fact.label)}:** {escape(fact.value)}" for fact in block.rows)
        case Table():
            yield from _data_table(block)
        case Bars():
            yield from _bars(block)
        case Bands():
            yield from _bands(block)
        case TileMap():
            yield from _tilemap(block)
        case Tree():
            yield from _tree(block.root, 0)
        case Address():
            yield f"<{block.url}>" if _safe_url(block.url) else escape(block.url)
        case SourceList():
            yield from _sources(block)
        case _:
            assert_never(block)


def _bullets(block: Bullets) -> Iterator[str]:
    for n, entry in enumerate(block.entries, 1):
        marker = f"{n}." if block.ordered else "-"
        label = f"**{escape(entry.label)}:** " if entry.label else ""
        detail = f" ({escape(entry.detail)})" if entry.detail else ""
        yield f"{marker} {label}{escape(entry.text)}{detail}"


def _data_table(block: Table) -> Iterator[str]:
    yield from _caption(block.caption)
    header = [c.name for c in block.columns]
    align = ["---:" if c.kind not in ("text", "code") else "---" for c in block.columns]
    rows = [[_cell(v, c.kind) for v, c in zip(row, block.columns, strict=True)] for row in block.rows]
    yield from _table(header, align, rows, escape_cells=False)


def _bars(block: Bars) -> Iterator[str]:
    """A bar chart as its data: one row per bar, the figure with its note."""
    yield from _caption(block.caption)
    label, value = block.headings
    rows = [
        [escape(b.label), escape(fmt(b.value, block.kind) + (f" ({b.note})" if b.note else ""))] for b in block.rows
    ]
    yield from _table([label or "Item", value or "Figure"], ["---", "---:"], rows, escape_cells=False)


def _bands(block: Bands) -> Iterator[str]:
    """Percentile bands as their data: the three figures of each band."""
    yield from _caption(block.caption)
    rows = [
        [escape(b.label), *(escape(fmt(v, block.kind)) for v in (b.low, b.mid)), escape(band_high(b, block.kind))]
        for b in block.rows
    ]
    yield from _table(
        ["Year", "10th percentile", "Median", "90th percentile"],
        ["---", "---:", "---:", "---:"],
        rows,
        escape_cells=False,
    )


def _sources(block: SourceList) -> Iterator[str]:
    if not block.detailed:
        yield "Sources:"
        yield ""
    for ref in block.entries:
        yield f"- {source_line(ref, block.detailed)}"


def _tilemap(block: TileMap) -> Iterator[str]:
    """A map as its data: one row per area with its figure and bin, then what each bin holds."""
    yield from _caption(block.caption)
    bins = shades(block.tiles)
    rows = [
        [
            escape(f"{t.label} ({t.code})" if t.label else t.code),
            escape(fmt(t.value, block.kind)) if present(t.value) else "no data",
            bin_name(shade) if shade is not None else "-",
        ]
        for t, shade in zip(block.tiles, bins, strict=True)
    ]
    yield from _table(["State", "Figure", "Quintile"], ["---", "---:", "---"], rows, escape_cells=False)
    spans = ranges(block.tiles, bins)
    if spans:
        yield ""
        yield escape(
            "Quintiles: "
            + "; ".join(
                f"{bin_name(shade)} {fmt(lo, block.kind)}" + (f"-{fmt(hi, block.kind)}" if hi != lo else "")
                for shade, (lo, hi) in spans.items()
            )
            + "."
        )


def _tree(node: Node, depth: int) -> Iterator[str]:
    yield f"{'  ' * depth}- {escape(node.label)}"
    for child in node.children:
        yield from _tree(child, depth + 1)


def source_line(ref: SourceRef, detailed: bool = False) -> str:
    """A source as what it is, never its id or file name; its address whole, as a link."""
    title = f"[{escape(ref.title)}](<{ref.url}>)" if ref.url and _safe_url(ref.url) else escape(ref.title)
    line = f"{title}: {escape(describe(ref))}"
    if detailed and ref.note:
        line += f". {escape(ref.note)}"
    if ref.url:
        line += f". Address: <{ref.url}>" if _safe_url(ref.url) else f". Address: {escape(ref.url)}"
    return line


def _safe_url(url: str) -> bool:
    """Only plain web addresses become links; anything odd stays text."""
    return re.fullmatch(r"https?://[^\s<>`]+", url) is not None


def _cell(value: Value, kind: Kind) -> str:
    text = fmt(value, kind)
    return f"`{text}`" if kind == "code" and not set(text) & set("`|") else escape(text)


def _caption(caption: str | None) -> Iterator[str]:
    if caption:
        yield escape(caption)
        yield ""


def _table(header: list[str], align: list[str], rows: list[list[str]], escape_cells: bool) -> Iterator[str]:
    head = [escape(h) for h in header]
    yield "| " + " | ".join(head) + " |"
    yield "| " + " | ".join(align) + " |"
    for row in rows:
        cells = [escape(c) if escape_cells else c for c in row]
        yield "| " + " | ".join(cell or " " for cell in cells) + " |"
