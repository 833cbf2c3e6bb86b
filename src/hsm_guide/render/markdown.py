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

from msgspec.structs import replace

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
    Node,
    Note,
    Paragraph,
    SourceList,
    SourceRef,
    Table,
    TileMap,
    Tree,
    describe,
    fmt,
    in_brief,
    stop,
)
from . import UNSAFE
from .tilegrid import bin_name, ranges, shades

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
    """One section under its own title, or several numbered under the guide's title with a
    numbered contents list; the data line ends with the date the page was made."""
    from .htmlstyle import made_on

    single = len(docs) == 1
    made = f"{data_line} Made {made_on()}.".strip()
    lines = [f"# {escape(docs[0].title if single else title)}", "", escape(made), ""]
    described: set[str] = set()
    numbered = [f"{n}. {doc.title}" for n, doc in enumerate(docs, 1)]
    if not single:
        anchors = _section_anchors(numbered, docs, title)
        lines += ["## Contents", ""]
        lines += [
            f"{n}. [{escape(doc.title)}](#{slug})" for n, (doc, slug) in enumerate(zip(docs, anchors, strict=True), 1)
        ]
        lines.append("")
    for heading, doc in zip(numbered, docs, strict=True):
        if not single:
            lines += [f"## {escape(heading)}", ""]
        lines += list(_blocks(doc.blocks, 2 if single else 3, described))
    while lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines) + "\n"


def _section_anchors(headings: Sequence[str], docs: Sequence[Document], title: str) -> list[str]:
    """Anchors of the section titles, counting every heading in document order as GitHub does."""
    seen: dict[str, int] = {}
    anchor(title, seen)
    anchor("Contents", seen)
    found = []
    for heading, doc in zip(headings, docs, strict=True):
        found.append(anchor(heading, seen))
        for block in doc.blocks:
            if isinstance(block, Heading):
                anchor(block.text, seen)
    return found


def _blocks(blocks: Sequence[Block], top: int, described: set[str]) -> Iterator[str]:
    for block in on_paper(blocks):
        yield from _sources(block, described) if isinstance(block, SourceList) else _block(block, top)
        yield ""


# A command named in the data's own text ("run hsm-guide certifications CODE", "see --setting
# nursing-home"), and how paper says it instead.
_COMMAND = re.compile(r"(?:\brun:? )?\bhsm-guide ([a-z][\w-]*)((?: (?:--[\w-]+(?: (?!--)[\w-]+)?|[A-Z]{2,}))*)")
_OPTION = re.compile(r"(?<![\w-])--(setting|from) ([\w-]+)")


def in_words(text: str) -> str:
    """Text from the data with any command it names said in words, for paper."""
    text = _COMMAND.sub(lambda m: f"the {m.group(1).replace('-', ' ')} part of the guide", text)
    return _OPTION.sub(lambda m: f"the route {'in' if m.group(1) == 'setting' else 'from'} {m.group(2)}", text)


def on_paper(blocks: Sequence[Block]) -> list[Block]:
    """The blocks as a page handed on shows them: a hint that names a command reads as what the
    command leads to, in words, or is left out; a command in the text is said in words.
    Commands stay in the terminal."""
    shown: list[Block] = []
    for block in blocks:
        if isinstance(block, Note) and block.hint:
            if block.paper:
                shown.append(Paragraph(block.paper))
            continue
        if isinstance(block, Bullets):
            said = tuple(
                replace(e, text=in_words(e.text), detail=e.paper if e.detail else None, paper=None)
                for e in block.entries
            )
            block = replace(block, entries=said)
        elif isinstance(block, Paragraph | Note):
            block = replace(block, text=in_words(block.text))
        shown.append(block)
    return shown


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
        case Table() | Bars() | Bands():
            yield from _grid(block)
        case TileMap():
            yield from _tilemap(block)
        case Tree():
            yield from _tree(block.root, 0)
        case Address():
            yield f"<{block.url}>" if _safe_url(block.url) else escape(block.url)
        case SourceList():
            yield from _sources(block, set())
        case _:
            assert_never(block)


def _bullets(block: Bullets) -> Iterator[str]:
    for n, entry in enumerate(block.entries, 1):
        marker = f"{n}." if block.ordered else "-"
        label = f"**{escape(entry.label)}:** " if entry.label else ""
        detail = f" ({escape(entry.detail)})" if entry.detail else ""
        yield f"{marker} {label}{escape(entry.text)}{detail}"


def _grid(block: Table | Bars | Bands | TileMap) -> Iterator[str]:
    """A table, or a chart as its data (Markdown cannot draw bars): the grid every format shares."""
    from .tabular import grid

    g = grid(block)
    yield from _caption(g.caption)
    align = ["---:" if figure else "---" for figure in g.figures]
    rows = [[_cell(cell, code) for cell, code in zip(row, g.codes, strict=True)] for row in g.rows]
    yield from _table(g.heads, align, rows, escape_cells=False)


def _sources(block: SourceList, described: set[str]) -> Iterator[str]:
    """The sources list; a source the page has described in full already is named by its title
    and what it is (the described set is the page's)."""
    if not block.detailed:
        yield BRIEF_HEAD if block.brief else "Sources:"
        yield ""
    for ref in block.entries:
        again = ref.id in described and not (block.detailed or block.brief)
        described.add(ref.id)
        yield f"- {source_line(ref, block.detailed, block.brief, again)}"


def _tilemap(block: TileMap) -> Iterator[str]:
    """A map as its data: one row per area with its figure and band, then what each band holds."""
    yield from _grid(block)
    spans = ranges(block.tiles, shades(block.tiles))
    if spans:
        yield ""
        yield escape(
            "Bands: "
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


def source_line(ref: SourceRef, detailed: bool = False, brief: bool = False, again: bool = False) -> str:
    """A source as what it is, never its id or file name; its address whole, as a link."""
    title = f"[{escape(ref.title)}](<{ref.url}>)" if ref.url and _safe_url(ref.url) else escape(ref.title)
    if brief:
        line = f"{title} {escape(in_brief(ref).removeprefix(ref.title))}"
        if ref.url:
            return line + (f": <{ref.url}>" if _safe_url(ref.url) else f": {escape(ref.url)}")
        return line + ": " + escape(NO_ADDRESS_BRIEF)
    line = f"{title}: {escape(f'{ref.kind or ref.publisher}, described above' if again else describe(ref))}"
    if detailed and ref.note:
        line += f". {escape(ref.note)}"
    if ref.url:
        return stop(line) + (f" Address: <{ref.url}>" if _safe_url(ref.url) else f" Address: {escape(ref.url)}")
    return f"{stop(line)} {escape(NO_ADDRESS)}"


def _safe_url(url: str) -> bool:
    """Only plain web addresses become links; anything odd stays text."""
    return re.fullmatch(r"https?://[^\s<>`]+", url) is not None


def _cell(text: str, code: bool) -> str:
    return f"`{text}`" if code and not set(text) & set("`|") else escape(text)


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
