"""The plain blocks a section is made of: one description, many renderers.

Blocks hold data and a formatting hint, never markup: the terminal, Markdown,
JSON and HTML renderers each decide how to draw them. Figures stay numbers
(with a `kind` saying how to show them) so JSON output keeps them numeric.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["text", "code", "money", "hourly", "percent", "count", "number"]  # code: a command to type
Value = str | int | float | None


def fmt(value: Value, kind: Kind = "text") -> str:
    """How a figure reads in every output: $110,680, $53.21, 30%, 480,700."""
    if value is None:
        return "-"
    if isinstance(value, str):
        return value
    if kind == "money":
        return f"${value:,.0f}"
    if kind == "hourly":
        return f"${value:,.2f}"
    if kind == "percent":
        return f"{value:g}%"
    if kind == "count":
        return f"{value:,.0f}"
    return f"{value:,}" if isinstance(value, int) else f"{value:,g}"


@dataclass(frozen=True)
class Entry:
    """One cited statement: a list item, optionally with a short label."""

    text: str
    sources: tuple[str, ...] = ()
    label: str | None = None
    marks: tuple[tuple[int, int], ...] = ()  # spans of `text` to highlight (search matches)
    detail: str | None = None  # a follow-up line, such as the command that shows more


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2


@dataclass(frozen=True)
class Paragraph:
    text: str
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Note:
    """A caveat the reader should not miss: a disagreement, a secondary figure."""

    text: str


@dataclass(frozen=True)
class Bullets:
    entries: tuple[Entry, ...]
    ordered: bool = False


@dataclass(frozen=True)
class Fact:
    label: str
    value: str
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Facts:
    rows: tuple[Fact, ...]


@dataclass(frozen=True)
class Column:
    name: str
    kind: Kind = "text"


@dataclass(frozen=True)
class Table:
    columns: tuple[Column, ...]
    rows: tuple[tuple[Value, ...], ...]
    caption: str | None = None
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    note: str | None = None  # shown after the figure, such as a year and source


@dataclass(frozen=True)
class Bars:
    """A horizontal bar chart: one labelled figure per row, drawn to scale."""

    rows: tuple[Bar, ...]
    kind: Kind = "number"
    caption: str | None = None
    sources: tuple[str, ...] = ()
    headings: tuple[str, str] = ("", "")  # what the labels and the figures are, for tabular outputs


@dataclass(frozen=True)
class Band:
    label: str
    low: float
    mid: float
    high: float
    marker: float | None = None  # a figure to place on the band, such as an offer


@dataclass(frozen=True)
class Bands:
    """Ranges on one shared scale: the 10th percentile, the median, the 90th."""

    rows: tuple[Band, ...]
    kind: Kind = "money"
    caption: str | None = None
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class SourceRef:
    id: str
    title: str
    publisher: str
    grade: str
    data_year: int | None = None
    url: str | None = None
    file: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class SourceList:
    """The sources a section drew on; `detailed` for the catalogue itself (addresses, files, notes)."""

    entries: tuple[SourceRef, ...]
    detailed: bool = False


@dataclass(frozen=True)
class Node:
    label: str
    children: tuple[Node, ...] = ()
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Tree:
    """A hierarchy, such as the routes into the occupation."""

    root: Node


Block = Heading | Paragraph | Note | Bullets | Facts | Table | Bars | Bands | Tree | SourceList


@dataclass(frozen=True)
class Document:
    """One section, ready for any renderer."""

    name: str
    title: str
    blocks: tuple[Block, ...] = field(default_factory=tuple)
