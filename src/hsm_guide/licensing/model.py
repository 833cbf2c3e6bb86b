"""The state table's schema: typed, frozen msgspec Structs (the research format, exactly)."""

from __future__ import annotations

from typing import Annotated, Literal

from msgspec import Meta

from ..record import Record

Text = Annotated[str, Meta(min_length=1, pattern=r"\S")]
PageId = Annotated[str, Meta(pattern=r"^[a-z0-9][a-z0-9-]*$")]
StateCode = Annotated[str, Meta(pattern=r"^[A-Z]{2}$")]
Url = Annotated[str, Meta(pattern=r"^https?://\S+$")]
Day = Annotated[str, Meta(pattern=r"^\d{4}-\d{2}-\d{2}$")]  # the day a page was read, YYYY-MM-DD
Hours = Annotated[int, Meta(ge=1, le=10000)]
PageKind = Literal["board", "rule", "secondary"]  # board and rule pages are primary
NOT_VERIFIED = "not verified"  # a fact's text where no page could be found


class Page(Record, frozen=True, kw_only=True):
    """A page a fact cites, and the numbers it states (`record`: a few words each, not quotations)."""

    url: Url
    title: Text
    publisher: Text
    kind: PageKind
    read: Day
    record: Annotated[list[Text], Meta(min_length=1)]


class Fact(Record, frozen=True, kw_only=True):
    """One requirement in the guide's words; `secondary` when part of it rests on a secondary page only."""

    text: Text
    sources: list[PageId]
    secondary: bool = False


class Training(Fact, frozen=True, kw_only=True):
    hours: Hours | None = None  # the standard route's hours
    weeks: Annotated[int, Meta(ge=1, le=520)] | None = None  # a least number of weeks, where the rule sets one


class Exam(Fact, frozen=True, kw_only=True):
    required: bool | None = None  # None: not verified


class Renewal(Fact, frozen=True, kw_only=True):
    hours: Hours | None = None  # continuing-education hours a cycle
    cycle_years: Annotated[int, Meta(ge=1, le=10)] | None = None


class AssistedLiving(Fact, frozen=True, kw_only=True):
    licensed: bool | None = None  # does the state license assisted-living administrators; None: not verified


class Facts(Record, frozen=True, kw_only=True):
    degree: Fact
    ait: Training
    state_exam: Exam
    nab_exams: Fact
    ce: Renewal
    assisted_living: AssistedLiving


class Board(Record, frozen=True, kw_only=True):
    name: Text
    url: Url | None = None


class State(Record, frozen=True, kw_only=True):
    code: StateCode
    name: Text
    board: Board
    facts: Facts
    pages: dict[PageId, Page]


class Licensing(Record, frozen=True, kw_only=True):
    """Every state's row, keyed by its postal code."""

    format: Literal[1]
    states: dict[StateCode, State]
