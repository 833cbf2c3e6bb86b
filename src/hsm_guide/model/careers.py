"""Getting in and moving up, the person, routes in and the fit questionnaire, key points."""

from typing import Annotated, Literal

from msgspec import Meta

from ..record import Record
from .common import Address, Item, Money, Named, Sources, Text

# -- getting in and moving up -------------------------------------------------


class Degree(Record, frozen=True, kw_only=True):
    name: Text
    level: Literal["bachelor's", "master's"]
    text: Text
    sources: Sources


class Education(Record, frozen=True, kw_only=True):
    overview: list[Item]
    degrees: list[Degree]
    majors: list[Item]
    courses: list[Item]
    graduate_programs: list[Item]
    high_school: list[Item]
    postsecondary: list[Item]
    steps: list[Named]


class Experience(Record, frozen=True, kw_only=True):
    routes: list[Item]


class License(Record, frozen=True, kw_only=True):
    name: Text
    applies_to: Text
    required: Literal["all states", "some states", "some positions", "not usually"]
    details: list[Item]
    sources: Sources


class Certification(Record, frozen=True, kw_only=True):
    """A credential, with each fact about it cited to the page that says it."""

    code: Annotated[str, Meta(pattern=r"^[A-Z]{2,8}(-[A-Z]{2,4})?$")]  # CPHQ, NE-BC
    name: Text
    body: Text
    suits: Text
    required: bool = False
    url: Address | None = None  # the credential's page at its issuing body
    renews: str | None = None  # the cycle in a few words, for the overview table
    preparation: str | None = None  # what it takes to get, and how long
    eligibility: list[Item] = []
    exam: list[Item] = []
    renewal: list[Item] = []
    cost: list[Item] = []
    status: list[Item] = []
    sources: Sources


class Certifications(Record, frozen=True, kw_only=True):
    notes: list[Item]
    credentials: list[Certification]


# -- the person ---------------------------------------------------------------


class Skills(Record, frozen=True, kw_only=True):
    qualities: list[Named]
    key_skills: list[Item]


class Interests(Record, frozen=True, kw_only=True):
    holland: list[Named]
    personality: list[Item]


Soc = Annotated[str, Meta(pattern=r"^\d{2}-\d{4}$")]


class Career(Record, frozen=True, kw_only=True):
    name: Text
    soc: Soc | None = None  # where BLS publishes pay for it: the wage extract carries its rows


class RelatedGroup(Record, frozen=True, kw_only=True):
    name: Text
    intro: Text
    careers: Annotated[list[Career], Meta(min_length=1)]
    median_low: Money | None = None
    median_high: Money | None = None
    pay_note: Item | None = None  # what the range is (its year and program), with its own sources
    sources: Sources


class Organization(Record, frozen=True, kw_only=True):
    name: Text
    abbreviation: str | None = None
    purpose: Text
    sources: Sources


# -- routes in and the fit questionnaire ---------------------------------------

Key = Annotated[str, Meta(pattern=r"^[a-z][a-z0-9-]*$")]
StepKind = Literal["education", "experience", "certification", "license", "advancement"]


class Duration(Record, frozen=True, kw_only=True):
    """How long a step typically takes, in years (low, high), as a source puts it."""

    step: Text  # what the step is, in a few words: "Bachelor's degree"
    years: Annotated[list[Annotated[float, Meta(ge=0, le=20)]], Meta(min_length=2, max_length=2)]
    text: Text  # the typical time in words: "about 4 years"
    optional: bool = False  # a step a reader may skip: the timeline counts it apart
    sources: Sources


class Step(Record, frozen=True, kw_only=True):
    kind: StepKind
    text: Text
    sources: Sources
    duration: Duration | None = None


class Route(Record, frozen=True, kw_only=True):
    """Steps in order: for one kind of person, or what one setting adds to any of them."""

    key: Key
    aliases: list[Annotated[str, Meta(pattern=r"^[a-z0-9][a-z0-9' -]*$")]] = []  # other names: rn for nurse
    soc: Soc | None = None  # the occupation a background names (search reads "nurse" as registered nurses)
    compare: list[Soc] = []  # other occupations the route may start from: their pay beside this one's too
    name: Text
    who: Text | None = None  # whom a personal route is for, in a title: "a registered nurse", "hospital setting"
    start: Text | None = None  # where a timeline counts from ("high school"); else from where the reader is now
    steps: Annotated[list[Step], Meta(min_length=1)]


class Paths(Record, frozen=True, kw_only=True):
    into: Text | None = None  # what the routes lead into, in a title: "health services management"
    backgrounds: Annotated[list[Route], Meta(min_length=1)]
    settings: list[Route]


class FitArea(Record, frozen=True, kw_only=True):
    key: Key
    name: Text
    kind: Literal["interest", "demand"]
    high: Text  # what a high score means for this career
    mixed: Text
    low: Text
    read_more: Text  # the command to run next
    sources: Sources


class FitStatement(Record, frozen=True, kw_only=True):
    area: Key
    text: Text
    reverse: bool = False  # agreeing counts against the area
    sources: Sources


class Fit(Record, frozen=True, kw_only=True):
    disclaimer: Text
    scale: Annotated[list[Text], Meta(min_length=5, max_length=5)]  # what 1..5 mean
    areas: Annotated[list[FitArea], Meta(min_length=1)]
    statements: Annotated[list[FitStatement], Meta(min_length=1, max_length=30)]


class KeyPoints(Record, frozen=True, kw_only=True):
    """One section's key points in words (figure points are computed from the figures)."""

    section: Key
    points: Annotated[list[Item], Meta(min_length=1, max_length=4)]
