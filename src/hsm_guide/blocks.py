"""The plain blocks a section is made of: one description, many renderers.

Blocks hold data and a formatting hint, never markup: the terminal, Markdown,
JSON and HTML renderers each decide how to draw them. They are frozen msgspec
Structs: defining one costs a fraction of a dataclass at start-up, and JSON
gets a "type" tag for free. Figures stay numbers
(with a `kind` saying how to show them) so JSON output keeps them numeric.
"""

from __future__ import annotations

from typing import Literal

from msgspec import Struct

# code: a command to type; quotient: a ratio such as a location quotient, always to two decimals
Kind = Literal["text", "code", "money", "hourly", "percent", "count", "number", "quotient"]
Value = str | int | float | None


def money(value: float) -> str:
    """Dollars to the whole dollar: $110,680 (a negative amount reads -$5,210)."""
    return f"-${-value:,.0f}" if value < 0 else f"${value:,.0f}"


def hourly(value: float) -> str:
    """Dollars and cents, as hourly wages are given: $53.21."""
    return f"-${-value:,.2f}" if value < 0 else f"${value:,.2f}"


def percent(value: float) -> str:
    """A figure that is already a percentage, as the source gives it: 29%, 12.5%."""
    return f"{value:g}%"


def share(ratio: float, signed: bool = False) -> str:
    """A ratio as a whole percentage: 0.043 reads 4% (+4% when signed)."""
    return f"{ratio:+.0%}" if signed else f"{ratio:.0%}"


def fmt(value: Value, kind: Kind = "text") -> str:
    """How a figure reads in every output: $110,680, $53.21, 30%, 480,700."""
    if value is None:
        return "-"
    if isinstance(value, str):
        return value
    if kind == "money":
        return money(value)
    if kind == "hourly":
        return hourly(value)
    if kind == "percent":
        return percent(value)
    if kind == "count":
        return f"{value:,.0f}"
    if kind == "quotient":
        return f"{value:.2f}"
    return f"{value:,}" if isinstance(value, int) else f"{value:,g}"


def yearly_and_hourly(annual: Value, per_hour: Value = None) -> str:
    """Pay as every view says it: '$123,860 a year, $59.55 an hour'. A figure BLS gives only in words
    ('not released') is said once where both are the same words; with no hourly figure, the year alone."""
    year, hour = fmt(annual, "money"), fmt(per_hour, "hourly")
    if per_hour is None:
        return f"{year} a year"
    if isinstance(annual, str) and year == hour:
        return year
    return f"{year} a year, {hour} an hour"


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th; 11th, 12th, 13th; 21st, 52nd, 93rd."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


class Entry(Struct, frozen=True):
    """One cited statement: a list item, optionally with a short label."""

    text: str
    sources: tuple[str, ...] = ()
    label: str | None = None
    marks: tuple[tuple[int, int], ...] = ()  # spans of `text` to highlight (search matches)
    detail: str | None = None  # a follow-up line, such as the command that shows more
    paper: str | None = None  # the follow-up on paper, in words (a command stays in the terminal)


class Heading(Struct, frozen=True, tag="heading", tag_field="type"):
    text: str
    level: int = 2


class Paragraph(Struct, frozen=True, tag="paragraph", tag_field="type"):
    text: str
    sources: tuple[str, ...] = ()


class Note(Struct, frozen=True, tag="note", tag_field="type"):
    """A caveat the reader should not miss (a disagreement, a secondary figure), or a hint
    about the tool itself (`hint`), which search leaves out. A hint names a command; on paper
    (HTML, Markdown, SVG) it reads `paper` instead, what the command leads to in words, or
    is left out when there is none."""

    text: str
    hint: bool = False
    paper: str | None = None


class Bullets(Struct, frozen=True, tag="bullets", tag_field="type"):
    entries: tuple[Entry, ...]
    ordered: bool = False


class Fact(Struct, frozen=True):
    label: str
    value: str
    sources: tuple[str, ...] = ()


class Facts(Struct, frozen=True, tag="facts", tag_field="type"):
    rows: tuple[Fact, ...]


class Column(Struct, frozen=True):
    name: str
    kind: Kind = "text"


class Table(Struct, frozen=True, tag="table", tag_field="type"):
    columns: tuple[Column, ...]
    rows: tuple[tuple[Value, ...], ...]
    caption: str | None = None
    sources: tuple[str, ...] = ()


class Bar(Struct, frozen=True):
    label: str
    value: float
    note: str | None = None  # shown after the figure, such as a year and source


class Bars(Struct, frozen=True, tag="bars", tag_field="type"):
    """A horizontal bar chart: one labelled figure per row, drawn to scale."""

    rows: tuple[Bar, ...]
    kind: Kind = "number"
    caption: str | None = None
    sources: tuple[str, ...] = ()
    # What the labels and the figures are, for tabular outputs; a third names the notes, which
    # then get a column of their own instead of following the figure.
    headings: tuple[str, ...] = ("", "")
    maximum: float | None = None  # what a full-length bar stands for (a scale's top); None: the largest row


class Band(Struct, frozen=True):
    label: str
    low: float
    mid: float
    high: float
    marker: float | None = None  # a figure to place on the band, such as an offer
    open_high: bool = False  # `high` is BLS's top-coding bound: the figure is that or more


def band_high(band: Band, kind: Kind) -> str:
    """A band's top figure as every output says it: '$224,340', or '$239,200 or more' where top-coded."""
    return fmt(band.high, kind) + (" or more" if band.open_high else "")


class Bands(Struct, frozen=True, tag="bands", tag_field="type"):
    """Ranges on one shared scale: the 10th percentile, the median, the 90th."""

    rows: tuple[Band, ...]
    kind: Kind = "money"
    caption: str | None = None
    sources: tuple[str, ...] = ()
    heading: str = "Area"  # what the labels are (an area, a year), for tabular outputs


class Tile(Struct, frozen=True):
    code: str  # postal code: "OH", "DC", "PR"
    value: float | None  # None: no figure (BLS did not release one)
    label: str | None = None  # the area's name ("Ohio"), for tabular outputs and screen readers


class TileMap(Struct, frozen=True, tag="tilemap", tag_field="type"):
    """A US tile-grid map: one square per state, DC and Puerto Rico, shaded by its figure in five bins."""

    tiles: tuple[Tile, ...]
    kind: Kind = "money"  # how values read (fmt)
    caption: str | None = None
    sources: tuple[str, ...] = ()
    heading: str = "Figure"  # what the figures are ("Median, a year"), for tabular outputs


class SourceRef(Struct, frozen=True):
    """A source as a reader sees it, plus the id and file tools need (JSON keeps them;
    the terminal, Markdown and HTML never show them)."""

    id: str
    title: str
    publisher: str
    grade: str  # the catalog's grade: primary, seed or secondary
    data_year: int | None = None
    url: str | None = None
    file: str | None = None
    note: str | None = None
    kind: str | None = None  # what it is, in words
    standing: str = ""  # the grade in a reader's words: "primary: ..." or "secondary: ..."
    read: str | None = None  # the day a page was read ("December 6, 2026"), where that dates it better than a data year


def describe(ref: SourceRef) -> str:
    """Publisher, kind, data year (or the day it was read) and grade in plain words, never an id or a file name."""
    parts = [ref.publisher]
    if ref.kind:
        parts.append(ref.kind)
    if ref.read:
        parts.append(f"read {ref.read}")
    else:
        parts.append(f"data year {ref.data_year}" if ref.data_year else "data year not given")
    return "; ".join(parts) + f" ({ref.standing or ref.grade})"


NO_ADDRESS = "No web address: the copy the guide draws on gives none"  # said of a source without one


def stop(text: str) -> str:
    """The text ended as a sentence, once: a note that ends with its own period gets no second."""
    return text if text.endswith((".", "?", "!")) else f"{text}."


# A handout's list says it once, above, and marks each such source in a few words.
BRIEF_HEAD = "Sources (where a source has no web address, the copy the guide draws on gives none):"
NO_ADDRESS_BRIEF = "no web address"


def in_brief(ref: SourceRef) -> str:
    """A source in a few words, for a two-page handout: 'What is ...? (career-guide article, 2015)'."""
    year = str(ref.data_year) if ref.data_year else "undated"
    what = ref.kind if ref.kind and ref.grade == "seed" else ref.publisher
    return f"{ref.title} ({what}, {year})"


class SourceList(Struct, frozen=True, tag="sourcelist", tag_field="type"):
    """The sources a section drew on; `detailed` for the catalog itself (addresses, files, notes)."""

    entries: tuple[SourceRef, ...]
    detailed: bool = False
    brief: bool = False  # on paper, one short line each: what it is, its year and its address (a handout)


class Address(Struct, frozen=True, tag="address", tag_field="type"):
    """A web address a reader may want to open or copy: never broken across lines."""

    url: str


class Node(Struct, frozen=True):
    label: str
    children: tuple[Node, ...] = ()
    sources: tuple[str, ...] = ()


class Tree(Struct, frozen=True, tag="tree", tag_field="type"):
    """A hierarchy, such as the routes into the occupation."""

    root: Node


Block = Heading | Paragraph | Note | Bullets | Facts | Table | Bars | Bands | TileMap | Tree | SourceList | Address


class Document(Struct, frozen=True):
    """One section, ready for any renderer."""

    name: str
    title: str
    blocks: tuple[Block, ...] = ()
