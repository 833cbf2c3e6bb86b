"""The one place that reads the wage extract: rows by occupation, area and industry.

Views ask here for rows and for how a measure reads ("$123,860", "not released",
"$239,200 or more"), so BLS's footnotes are honored in one place.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cached_property
from typing import TYPE_CHECKING

from ..blocks import Kind, Value, fmt, hourly, money, ordinal, percent, yearly_and_hourly
from ..errors import UsageError
from .areas import Area, find_area
from .model import MEASURES, NOT_RELEASED, TOP_CODED, WageRow, Wages
from .rows import of as rows_of

if TYPE_CHECKING:
    from ..model import KnowledgeBase

ALL_INDUSTRIES = "000000"
HOURS_A_YEAR = 2080  # BLS's full-time year, by which it turns hourly wages into annual ones
# The percentiles BLS publishes, by rank and by the name of their field (a wage row's annual_p10,
# hourly_p10; a knowledge base's percentile set's p10).
PERCENTILES = ((10, "p10"), (25, "p25"), (50, "median"), (75, "p75"), (90, "p90"))
# Relative standard errors past these make an estimate rough (BLS publishes the RSE, not a cut-off:
# these are the guide's, chosen so that a warning is rare for states and common for small areas).
ROUGH_EMPLOYMENT_RSE = 25.0
ROUGH_WAGE_RSE = 10.0


class WageData:
    """Lookups over one extract, built once per command."""

    def __init__(self, wages: Wages, soc: str) -> None:
        self.wages = wages
        self.release = wages.release
        self.soc = soc  # the guide's own occupation
        self._keyed: dict[str, dict[tuple[str, str], WageRow]] = {}  # by occupation: its rows by area and industry

    @property
    def label(self) -> str:
        """'May 2025': the release every figure here belongs to."""
        return self.release.release

    @property
    def source(self) -> str:
        return self.release.source

    def _of(self, soc: str) -> Sequence[WageRow]:
        """An occupation's rows, in the extract's order (from the cache, only these are decoded)."""
        return rows_of(self.wages.rows, soc)

    def row(self, area: str, soc: str | None = None, industry: str = ALL_INDUSTRIES) -> WageRow | None:
        wanted = soc or self.soc
        keyed = self._keyed.get(wanted)
        if keyed is None:
            keyed = self._keyed[wanted] = {(r.area, r.industry): r for r in self._of(wanted)}
        return keyed.get((area, industry))

    def national(self, soc: str | None = None) -> WageRow:
        wanted = soc or self.soc  # all industries: the extract also holds the nation's industry rows
        found = next((r for r in self._of(wanted) if r.kind == "national" and r.industry == ALL_INDUSTRIES), None)
        if found is None:
            raise UsageError(f"the wage extract has no national figures for SOC {wanted}")
        return found

    def areas(self, soc: str | None = None) -> list[WageRow]:
        """Every area row (all industries) of an occupation: national, states, metros, nonmetros."""
        wanted = soc or self.soc
        return [r for r in self._of(wanted) if r.industry == ALL_INDUSTRIES]

    def states(self, soc: str | None = None) -> list[WageRow]:
        return [r for r in self.areas(soc) if r.kind == "state"]

    def metros(self, state: str | None = None) -> list[WageRow]:
        """Metro and nonmetro areas; with a state, those that reach into it (a metro can span states)."""
        found = [r for r in self.areas() if r.kind in ("metro", "nonmetro")]
        return found if state is None else [r for r in found if state in area_states(r)]

    def industries(self) -> list[WageRow]:
        """The national industry rows that partition employment: 4-digit NAICS industries and
        OEWS's government designations, without the ownership variants that overlap them."""
        return [
            r
            for r in self._of(self.soc)
            if r.kind == "national"
            and r.industry_level == 4
            and r.industry.endswith("00")
            and r.industry != ALL_INDUSTRIES
        ]

    @cached_property
    def area_list(self) -> list[Area]:
        return [Area(r.area, r.name, r.kind, r.state) for r in self.areas()]

    def find(self, query: str) -> WageRow:
        """The area a reader typed, as this occupation's row there (UsageError, exit 2, when none)."""
        area = find_area(query, self.area_list)
        found = self.row(area.code)
        if found is None:  # pragma: no cover - area_list is built from these rows
            raise UsageError(f"no figures for {area.name}")
        return found

    def occupation_name(self, soc: str) -> str:
        return self.release.occupations.get(soc, soc)

    # -- how a measure reads -------------------------------------------------

    def value(self, row: WageRow, measure: str) -> float | None:
        """A number BLS means exactly, else None (see `cell` for what to show instead): a wage at or
        above the top-coding bound is only 'that much or more', so nothing computes with it."""
        value: float | None = getattr(row, measure)
        if value is None or self.top_coded(row, measure):
            return None
        return value

    def bound(self, measure: str) -> float | None:
        """BLS's top-coding bound for a wage measure ($239,200 a year, $115.00 an hour); None for others."""
        if not measure.startswith(("annual_", "hourly_")):
            return None
        return self.release.top_coded.get("hourly" if measure.startswith("hourly") else "annual") or None

    def top_coded(self, row: WageRow, measure: str) -> bool:
        """A wage at or above the bound: footnoted as such, or published as a figure that reaches it.
        BLS's footnote 5 says such a wage is that bound or more, so the figure is not shown as exact."""
        if row.notes.get(measure) == TOP_CODED:
            return True
        value: float | None = getattr(row, measure)
        bound = self.bound(measure)
        return value is not None and bound is not None and value >= bound

    def cell(self, row: WageRow, measure: str, kind: Kind = "money") -> Value:
        """A table cell: the number itself, or BLS's reason there is none, in words."""
        value = self.value(row, measure)
        if value is not None:
            return value
        if self.top_coded(row, measure):
            bound = self.bound(measure)
            if not bound:
                return "top-coded"
            return f"{hourly(bound) if measure.startswith('hourly') else money(bound)} or more"
        note = row.notes.get(measure)
        if note == NOT_RELEASED:
            return "not released"
        return "not published" if note else None

    def text(self, row: WageRow, measure: str, kind: Kind = "money") -> str:
        """A measure as a phrase: '$123,860', 'not released', '$239,200 or more'."""
        cell = self.cell(row, measure, kind)
        return fmt(cell, kind if isinstance(cell, (int, float)) else "text")

    def yearly_and_hourly(self, row: WageRow, statistic: str) -> str:
        """'$123,860 a year, $59.55 an hour'; 'not released' once where BLS gives neither."""
        return yearly_and_hourly(self.cell(row, f"annual_{statistic}"), self.cell(row, f"hourly_{statistic}"))

    def median_text(self, row: WageRow) -> str:
        """The median with its program and release: '$123,860 a year, $59.55 an hour (OEWS, May 2025)'."""
        return f"{self.yearly_and_hourly(row, 'median')} (OEWS, {self.label})"

    def largest_industries(self) -> list[WageRow]:
        """The industries by how many of these jobs they hold, the most first."""
        return most_jobs_first(self.industries())

    def footnotes(self, rows: Iterable[WageRow]) -> list[str]:
        """BLS's own words for every footnote these rows carry, once each (a wage published at or
        above the top-coding bound carries the top-coding footnote's words too)."""
        rows = list(rows)
        codes = dict.fromkeys(code for r in rows for code in r.notes.values())
        if any(self.top_coded(r, m) for r in rows for m in MEASURES):
            codes[TOP_CODED] = None
        return [self.release.footnotes[c] for c in sorted(codes) if c in self.release.footnotes]

    def rough(self, row: WageRow) -> str | None:
        """A warning where the relative standard error makes the estimate unreliable."""
        parts = []
        if row.employment_rse is not None and row.employment_rse >= ROUGH_EMPLOYMENT_RSE:
            parts.append(f"the job count's relative standard error is {percent(row.employment_rse)}")
        if row.wage_rse is not None and row.wage_rse >= ROUGH_WAGE_RSE:
            parts.append(f"the mean wage's relative standard error is {percent(row.wage_rse)}")
        if not parts:
            return None
        return f"Treat these figures as rough: {' and '.join(parts)} (BLS's measure of sampling precision)."


def percentile_name(rank: int) -> str:
    """'10th', 'Median', '90th': a percentile as a table's row or column names it."""
    return "Median" if rank == 50 else ordinal(rank)


def area_states(row: WageRow) -> set[str]:
    """Every state a metro reaches into, from the codes after the comma in its BLS name."""
    _, _, codes = row.name.rpartition(", ")
    found = {code for code in codes.split("-") if len(code) == 2 and code.isupper()}
    return found | {row.state}


def most_jobs_first(rows: Iterable[WageRow]) -> list[WageRow]:
    """Rows (industries, states) by how many of these jobs each holds, the most first."""
    return sorted(rows, key=lambda r: r.employment or 0, reverse=True)


def wage_data(kb: KnowledgeBase) -> WageData:
    """The knowledge base's extract, or a clear error where the data has none."""
    wages, soc = kb.wages, kb.identity.soc_code
    if wages is None:
        raise UsageError(
            "this knowledge base has no wage extract beside it (a wages/ folder): local pay needs one; "
            "see the data update guide in docs/"
        )
    return WageData(wages, soc)
