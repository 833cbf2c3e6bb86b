"""`hsm-guide pay`: the current national figures from the OEWS release, and where to look next."""

from __future__ import annotations

from ...blocks import Document
from ...model import KnowledgeBase
from ...wages.lookup import WageData, wage_data
from ..builder import Builder
from ..glossary import point
from ..sourcing import reading_entry
from . import editions
from .common import bands, basis, percentile_table


def pay(kb: KnowledgeBase, year: int | None = None, hourly: bool = False) -> Document:
    """The current release's figures; an earlier year's from the knowledge base's editions."""
    if kb.wages is None or (year is not None and year != kb.wages.release.year):
        return editions.pay(kb, year, hourly)
    data = wage_data(kb)
    row = data.national()
    _, _, per = basis(hourly)
    b = Builder(kb, "pay", f"Pay, {data.label}" + (" (hourly)" if hourly else ""))
    src = [data.source]
    b.facts(
        [
            ("Median pay", data.median_text(row), src),
            (
                "Mean pay",
                data.yearly_and_hourly(row, "mean"),
                src,
            ),
            ("Jobs", f"{data.text(row, 'employment', 'count')} (OEWS, {data.label})", src),
        ]
    )
    b.text("Half of these managers earned more than the median and half earned less.", src)
    b.heading(f"Pay range, {per}")
    bands(b, data, [(f"United States, {data.label}", row)], hourly)
    percentile_table(b, data, [("Nation", row)], f"Percentiles, {data.label}")
    _best_states(b, data)
    _largest_industries(b, data)
    b.bullets("What moves pay", kb.pay.factors)
    b.bullets("Benefits", kb.pay.benefits)
    readings = [r for r in kb.readings if r.topic in ("median pay", "top pay")]
    b.entries("How the sources quote pay", [reading_entry(kb, r) for r in readings])
    b.hint(
        "Your state or city: hsm-guide pay --area OH (or --area boston). Every state: --states. "
        "An offer: --salary 95000. Industries: --industry. Edition by edition: --history.",
        paper="The guide has pages of their own for pay in each state, metro and nonmetro area, every state on "
        "a map, where an offer stands, pay by industry and the median edition by edition.",
    )
    point(b, "pay")
    return b.document()


def _best_states(b: Builder, data: WageData) -> None:
    ranked = sorted(
        (r for r in data.states() if r.annual_median is not None), key=lambda r: r.annual_median or 0, reverse=True
    )
    b.heading("Best-paying states")
    b.table(
        [("State", "text"), ("Median, a year", "money"), ("Jobs", "count")],
        [(r.name, r.annual_median, data.cell(r, "employment", "count")) for r in ranked[:5]],
        caption=f"Top five by median, {data.label}",
        sources=[data.source],
    )


def _largest_industries(b: Builder, data: WageData) -> None:
    ranked = data.largest_industries()
    b.heading("Largest employers")
    b.table(
        [("Industry", "text"), ("Jobs", "count"), ("Median, a year", "money")],
        [(r.industry_name, data.cell(r, "employment", "count"), data.cell(r, "annual_median")) for r in ranked[:5]],
        caption=f"Top five industries by jobs, {data.label}",
        sources=[data.source],
    )
