"""The building blocks: the value types every record uses, statements and sources."""

from typing import Annotated, Literal

from msgspec import Meta

from ..record import Address as Address
from ..record import Record

SCHEMA_VERSION = 1

Text = Annotated[str, Meta(min_length=1, pattern=r"\S")]  # not blank: a blank item would read as nothing
SourceId = Annotated[str, Meta(pattern=r"^[a-z0-9][a-z0-9-]*$")]
Sources = Annotated[list[SourceId], Meta(min_length=1)]
Year = Annotated[int, Meta(ge=1900, le=2100)]
Percent = Annotated[float, Meta(ge=0, le=100)]
Growth = Annotated[float, Meta(ge=-100, le=100)]  # a projected change over a decade, in percent
Money = Annotated[float, Meta(ge=0)]
Count = Annotated[int, Meta(ge=0)]
Grade = Literal["seed", "primary", "secondary"]


class Item(Record, frozen=True, kw_only=True):
    """One statement in the guide's own words, with the sources that say it."""

    text: Text
    sources: Sources


class Named(Record, frozen=True, kw_only=True):
    """A statement with a short name (a duty area, a quality, a step)."""

    name: Text
    text: Text
    sources: Sources


class Source(Record, frozen=True, kw_only=True):
    """One source. Readers see its publisher, title, kind, data year, grade and address;
    the id and the seed file name are for tools (JSON, validate, the provenance tests)."""

    id: SourceId
    title: Text
    publisher: Text
    grade: Grade  # "seed" documents are secondary to a reader: another publisher quoting BLS
    kind: str | None = None  # what it is, in words: "university article", "blog post"
    short: str | None = None  # how a sentence names it: "the blog post" (seeds); default from the publisher
    data_year: Year | None = None
    file: str | None = None  # seed documents: the file name in shared/seeds
    url: Address | None = None
    note: str | None = None
