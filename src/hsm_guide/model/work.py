"""The work: identity and quick facts, duties and roles, settings, pay and outlook."""

from typing import Annotated, Literal

from msgspec import Meta

from ..record import Record
from .common import Count, Growth, Item, Money, Named, Percent, Sources, Text, Year

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
    first_jobs: list[Item] = []  # the jobs people start in, on the way to these titles
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
