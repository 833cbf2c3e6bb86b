"""Blocks to Rich renderables for the terminal.

Every string from the knowledge base goes into a `Text` (never into markup),
after `clean` has made control characters visible, so data can neither style
the output nor send escape sequences to the terminal. Tables that would be
squeezed unreadably narrow are drawn as stacked records instead, and charts
measure the width they are given, so nothing is cut off at 40 columns.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, assert_never

from rich import box
from rich.console import Console, Group, RenderableType
from rich.measure import Measurement
from rich.rule import Rule
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
    TileMap,
    Tree,
    describe,
    fmt,
)
from .layout import AddressLine, Hanging, clean, plain_url

if TYPE_CHECKING:
    from ..environment import Environment

__all__ = ["Renderer", "clean", "console_for", "plain_text", "print_documents", "render_text"]


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
        # Exhaustive: a block type added to blocks.Block and not drawn here fails mypy at assert_never.
        match block:
            case Heading():
                return self.t(block.text, "bold cyan")
            case Paragraph():
                return self.t(block.text)
            case Note():
                return self.t(block.text, "italic")
            case Bullets():
                return self.bullets(block)
            case Facts():
                return Hanging([(self.t(f.label, "bold"), self.t(f.value)) for f in block.rows], gap=2)
            case Table():
                return self.table(block)
            case Bars():
                from .charts import BarChart  # the charts' modules load only for a page that draws one

                return BarChart(self, block)
            case Bands():
                from .charts import BandChart

                return BandChart(self, block)
            case TileMap():
                from .charts import TileChart

                return TileChart(self, block)
            case Tree():
                return self.tree(block.root)
            case SourceList():
                return self.sources(block)
            case Address():
                link = f"link {block.url}" if plain_url(block.url) else ""
                return AddressLine(self.t(block.url, link), indent=0)
            case _:
                assert_never(block)

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
            link = f"link {s.url}" if s.url and plain_url(s.url) else ""
            line = Text.assemble(self.t(s.title, f"bold {link}".strip()), "\n", self.t(describe(s)))
            if block.detailed and s.note:
                line.append("\n" + clean(s.note, self.ascii))
            parts.append(Hanging([(bullet.copy(), line)]))
            if s.url:
                parts.append(AddressLine(self.t(s.url, link), indent=2))
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
        return Hanging(rows, right=True)

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


def plain_text(docs: Iterable[Document], width: int = 80) -> str:
    """The documents as plain text at `width` columns, for a file: no escape codes, UTF-8 rules."""
    import io

    plain = Console(file=io.StringIO(), width=width, color_system=None, highlight=False, markup=False, emoji=False)
    return render_text(plain, docs)


class _Capture:
    """The console's file: it holds nothing (the console captures), but it answers what the
    environment decided: whether stdout is a terminal, and its encoding (ASCII when only
    ASCII is to be drawn, which Rich and the renderer read to pick their characters)."""

    def __init__(self, isatty: bool, encoding: str) -> None:
        self._isatty = isatty
        self.encoding = encoding

    def isatty(self) -> bool:
        return self._isatty

    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        pass


def console_for(env: Environment, color: bool = True) -> Console:
    """The console that renders a page for this environment's stdout: its width and height,
    its terminal and color settings (Rich reads them from the environment's variables), ASCII
    where the stream or the locale is not UTF-8. `color=False`: the same page without escape codes."""
    encoding = "ascii" if env.ascii_only else env.encoding
    return Console(
        file=_Capture(env.stdout_isatty, encoding),  # type: ignore[arg-type]
        width=env.width,
        height=env.height,
        force_terminal=None if color else False,
        highlight=False,
        markup=False,
        emoji=False,
        _environ=dict(env.environ),
    )
