"""Rich pieces the terminal renderer and its charts share: data made safe to print, text
under a lead with a hanging indent, and a web address that is never broken."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.text import Text

from . import UNSAFE


def clean(text: str, ascii_only: bool = False) -> str:
    """Show control characters (and bidi overrides) as visible escapes; fold to ASCII if asked."""
    text = UNSAFE.sub(
        lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 256 else f"\\u{ord(m.group()):04x}", text
    )
    if ascii_only and not text.isascii():
        import unicodedata  # here, not above: its library loads only for a page folded to ASCII

        text = unicodedata.normalize("NFKD", text).encode("ascii", "replace").decode("ascii")
    return text


def plain_url(url: str) -> bool:
    """Only plain web addresses become links; anything odd stays text."""
    return re.fullmatch(r"https?://[^\s\x00-\x1f\x7f]+", url) is not None


class AddressLine:
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


class Hanging:
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


def wrapped(text: Text, console: Console, options: ConsoleOptions) -> Iterator[Text]:
    yield from text.wrap(console, options.max_width)
