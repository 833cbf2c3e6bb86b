"""The knowledge base schema: typed, frozen msgspec Structs.

msgspec does the type checking (unknown keys, required fields, types, ranges);
`knowledge.check_references` adds the cross-field rules a type cannot express
(source ids resolve, employer shares add up to at most 100%).
"""

from __future__ import annotations

from typing import Annotated, Literal

from msgspec import Meta

from .record import Record as Record  # re-exported: every schema module builds on it
from .wages.model import Wages

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
    url: str | None = None
    note: str | None = None


# -- identity and quick facts -------------------------------------------------


class Identity(Record, frozen=True, kw_only=True):
    title: Text
    soc_code: Annotated[str, Meta(pattern=r"^\d{2}-\d{4}$")]
    onet_code: Annotated[str, Meta(pattern=r"^\d{2}-\d{4}\.\d{2}$")]
    summary: Item
    alternative_titles: list[Item]
    career_clusters: list[Item]
    subject_interests: list[Item]
    onet_profile: list[Item]
    rewards: list[Named]


class Edition(Record, frozen=True, kw_only=True):
    """The BLS Occupational Outlook Handbook quick facts for one data year."""

    pay_year: Year
    median_annual: Money
    median_hourly: Money | None = None
    jobs_year: Year | None = None
    jobs: Count | None = None  # Employment Projections count, as the OOH gives it
    growth_percent: Growth | None = None
    growth_start: Year | None = None
    growth_end: Year | None = None
    growth_descriptor: str | None = None
    employment_change: Count | None = None
    openings_per_year: Count | None = None
    sources: Sources
    note: str | None = None


class EntryRequirements(Record, frozen=True, kw_only=True):
    editions: Text  # which handbook editions list these
    education: str | None = None
    work_experience: Text
    on_the_job_training: str | None = None
    sources: Sources


class QuickFacts(Record, frozen=True, kw_only=True):
    current_edition: Year  # the handbook edition (by pay year) whose projections are current; pay is OEWS
    editions: Annotated[list[Edition], Meta(min_length=1)]
    entry_requirements: list[EntryRequirements]
    notes: list[Item]


class Reading(Record, frozen=True, kw_only=True):
    """One source's own claim about a figure, kept beside the official one."""

    topic: Literal["median pay", "top pay", "growth"]
    value: float
    unit: Literal["USD a year", "percent"]
    stated_as: Text  # how the source presents it, in our words
    year: Year | None = None  # the data year (growth: first year of the projection), where known
    all_occupations_percent: Growth | None = None  # growth for all occupations, where quoted beside it
    status: Literal["agrees", "older edition", "mislabeled year", "doubtful"]
    note: Text
    sources: Sources


# -- duties and roles ---------------------------------------------------------


class Task(Record, frozen=True, kw_only=True):
    text: Text
    importance: Percent  # O*NET importance, 0-100
    sources: Sources


class Duties(Record, frozen=True, kw_only=True):
    overview: list[Item]
    typical: list[Item]
    responsibility_areas: list[Named]
    detailed: list[Named]
    onet_tasks: list[Task]
    works_with: list[Item]
    accountable_to: list[Item]
    day_in_the_life: list[Item]


class DotRole(Record, frozen=True, kw_only=True):
    name: Text
    dot_code: Annotated[str, Meta(pattern=r"^\d{3}\.\d{3}-\d{3}$")]
    text: Text
    sources: Sources


class Roles(Record, frozen=True, kw_only=True):
    scope: list[Item]
    manager_types: list[Named]
    title_examples: list[Item]
    onet_titles: list[Item]
    specializations: list[Named]
    dot_roles: list[DotRole]


# -- settings -----------------------------------------------------------------


class EmployerShare(Record, frozen=True, kw_only=True):
    employer: Text
    percent: Percent


class EmployerShares(Record, frozen=True, kw_only=True):
    year: Year
    jobs: Count
    rows: Annotated[list[EmployerShare], Meta(min_length=1)]
    sources: Sources


class Environment(Record, frozen=True, kw_only=True):
    physical: list[Item]
    human: list[Item]
    technological: list[Item]


class Settings(Record, frozen=True, kw_only=True):
    workplaces: list[Item]
    employer_shares: EmployerShares
    schedules: list[Item]
    environment: Environment


# -- pay and outlook ----------------------------------------------------------


class Percentiles(Record, frozen=True, kw_only=True):
    year: Year
    basis: Literal["annual", "hourly"]
    p10: Money
    p25: Money | None = None
    median: Money
    p75: Money | None = None
    p90: Money
    employment: Count | None = None  # OEWS count, where the source gives one
    sources: Sources
    note: str | None = None


class IndustryRow(Record, frozen=True, kw_only=True):
    industry: Text
    annual: Money
    jobs: Count | None = None


class IndustryPay(Record, frozen=True, kw_only=True):
    year: Year
    statistic: Literal["median", "mean"]
    rows: Annotated[list[IndustryRow], Meta(min_length=1)]
    sources: Sources
    note: str | None = None


class AreaRow(Record, frozen=True, kw_only=True):
    area: Text
    median: Money | None = None
    mean: Money | None = None


class AreaPay(Record, frozen=True, kw_only=True):
    title: Text
    year: Year
    kind: Literal["state", "metro"]
    rows: Annotated[list[AreaRow], Meta(min_length=1)]
    sources: Sources
    note: str | None = None


class MeanPay(Record, frozen=True, kw_only=True):
    year: Year
    annual: Money
    hourly: Money | None = None
    sources: Sources


class Pay(Record, frozen=True, kw_only=True):
    percentiles: list[Percentiles]
    means: list[MeanPay]
    by_industry: list[IndustryPay]
    by_area: list[AreaPay]
    top_paying_regions: list[Item]
    factors: list[Item]
    benefits: list[Item]


class Outlook(Record, frozen=True, kw_only=True):
    drivers: list[Item]
    trends: list[Item]
    openings: list[Item]
    prospects: list[Item]


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
    graduate_programmes: list[Item]
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

    code: Annotated[str, Meta(pattern=r"^[A-Z]{2,8}$")]
    name: Text
    body: Text
    suits: Text
    required: bool = False
    url: str | None = None  # the credential's page at its issuing body
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


class Step(Record, frozen=True, kw_only=True):
    kind: StepKind
    text: Text
    sources: Sources


class Route(Record, frozen=True, kw_only=True):
    """Steps in order: for one kind of person, or what one setting adds to any of them."""

    key: Key
    soc: Soc | None = None  # the occupation a background route starts from, for its pay beside this one
    name: Text
    steps: Annotated[list[Step], Meta(min_length=1)]


class Paths(Record, frozen=True, kw_only=True):
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


class KnowledgeBase(Record, frozen=True, kw_only=True):
    schema_version: Literal[1]
    identity: Identity
    quick_facts: QuickFacts
    readings: list[Reading]
    duties: Duties
    roles: Roles
    settings: Settings
    pay: Pay
    outlook: Outlook
    education: Education
    experience: Experience
    advancement: list[Item]
    licensure: list[License]
    certifications: Certifications
    skills: Skills
    interests: Interests
    related: list[RelatedGroup]
    organizations: list[Organization]
    paths: Paths
    fit: Fit
    key_points: list[KeyPoints] = []  # what each section opens with and --brief prints
    sources: Annotated[list[Source], Meta(min_length=1)]
    wages: Wages | None = None  # read from the extract beside the file (wages/), never from the YAML
