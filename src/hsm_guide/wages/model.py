"""The wage extract's schema: one row per BLS OEWS estimate, typed and frozen.

A row is one occupation in one area (national, a state, a metro or nonmetro
area), across all industries or (national only) in one industry. Each of BLS's
17 measures is a number or None; `notes` keeps BLS's footnote codes for the
measures that carry one, so "not released" (8) and "at least $239,200" (5)
are never read as 0.
"""

from collections.abc import Sequence
from typing import Annotated, Literal

from msgspec import Meta

from ..record import Address, Record

AreaKind = Literal["national", "state", "metro", "nonmetro"]
Soc = Annotated[str, Meta(pattern=r"^\d{2}-\d{4}$")]

# BLS's datatype codes 01..17, in order, and the short names the extract uses for them.
MEASURES: tuple[str, ...] = (
    "employment",
    "employment_rse",
    "hourly_mean",
    "annual_mean",
    "wage_rse",
    "hourly_p10",
    "hourly_p25",
    "hourly_median",
    "hourly_p75",
    "hourly_p90",
    "annual_p10",
    "annual_p25",
    "annual_median",
    "annual_p75",
    "annual_p90",
    "jobs_per_1000",
    "location_quotient",
)
NOT_RELEASED = "8"  # BLS footnote: "Estimate not released."
TOP_CODED = "5"  # BLS footnote: "This wage is equal to or greater than $115.00 per hour or $239,200 per year."


# array_like: the cached knowledge base stores a row as an array, not a map of its 26 field names (the
# extract's rows are 3/4 of the entry: 2.2 MB became 1.3 MB, and decoding it about 6 ms faster).
# gc=False: a row holds only strings, numbers and a dict of strings, so it is never part of a cycle.
class WageRow(Record, frozen=True, kw_only=True, array_like=True, gc=False):
    soc: Soc
    area: str  # BLS area code, 7 digits
    kind: AreaKind
    state: str  # postal code; "" for the nation
    name: str
    industry: str  # NAICS-based BLS industry code; "000000" for all industries
    industry_name: str
    industry_level: int  # BLS's display level: 0 all industries, 2 sectors, 3..5 ever finer groups
    employment: float | None = None
    employment_rse: float | None = None
    hourly_mean: float | None = None
    annual_mean: float | None = None
    wage_rse: float | None = None
    hourly_p10: float | None = None
    hourly_p25: float | None = None
    hourly_median: float | None = None
    hourly_p75: float | None = None
    hourly_p90: float | None = None
    annual_p10: float | None = None
    annual_p25: float | None = None
    annual_median: float | None = None
    annual_p75: float | None = None
    annual_p90: float | None = None
    jobs_per_1000: float | None = None
    location_quotient: float | None = None
    notes: dict[str, str]  # measure -> BLS footnote code, where BLS gives one


class SourceFile(Record, frozen=True, kw_only=True):
    name: str
    url: Address
    sha256: str
    bytes: int
    published: str  # the date BLS last changed the file


class Package(Record, frozen=True, kw_only=True):
    name: str
    version: str
    file: str
    sha256: str


class Release(Record, frozen=True, kw_only=True):
    """Where the extract came from: the BLS release, its files and the package that carried them."""

    release: str  # "May 2025"
    code: str  # "2025A01"
    year: int
    published: str  # BLS publication date
    retrieved: str | None = None  # when the package's builder fetched the files
    imported: str  # when this extract was written
    source: str  # the knowledge base's source id every figure cites
    package: Package | None = None
    files: list[SourceFile]  # empty when imported from a bare database with no manifest
    footnotes: dict[str, str]
    top_coded: dict[str, float]  # basis ("annual", "hourly") -> the bound BLS publishes
    occupations: dict[str, str]  # SOC code -> BLS title


class Wages(Record, frozen=True, kw_only=True):
    release: Release
    rows: Sequence[WageRow]  # a list; served from the cache, rows.Rows (each occupation decoded when first read)
