"""The median edition by edition, and the change over the period."""

from __future__ import annotations

from ...blocks import Document, money, share
from ...model import KnowledgeBase
from ...wages.lookup import wage_data
from ..builder import Builder
from ..sourcing import grade_of, source_label


def pay_history(kb: KnowledgeBase) -> Document:
    """The median for every edition as a chart, the current release last, and the change over the period."""
    b = Builder(kb, "pay", "Median pay, edition by edition")
    editions = sorted(kb.quick_facts.editions, key=lambda e: e.pay_year)
    points = [(e.pay_year, e.median_annual, source_label(kb, e.sources), e.sources) for e in editions]
    # A year BLS published percentiles for but no edition gives (May 2019): pay --year shows it, so this does too.
    years = {e.pay_year for e in editions}
    points += [
        (p.year, p.median, source_label(kb, p.sources), p.sources)
        for p in kb.pay.percentiles
        if p.basis == "annual" and p.year not in years
    ]
    if kb.wages is not None:
        data = wage_data(kb)
        median = data.value(data.national(), "annual_median")
        if median is not None:
            points.append((data.release.year, median, source_label(kb, [data.source]), [data.source]))
    points.sort(key=lambda p: p[0])
    b.bars(
        [(f"May {year}", value, label) for year, value, label, _ in points],
        "money",
        ("Year", "Median a year", "Source"),
        caption="Median yearly pay, with the source of each figure",
        sources=[i for *_, ids in points for i in ids],
    )
    primary = [p for p in points if grade_of(kb, p[3]) != "secondary"]
    first, last = primary[0], primary[-1]
    b.heading("Change over the period")
    b.facts([(f"May {first[0]} to May {last[0]}", _change(first[1], last[1]), [*first[3], *last[3]])])
    skipped = [p for p in points if p not in primary]
    for year, value, label, ids in skipped:
        b.note(f"May {year}: {money(value)} from {label}, another publisher quoting BLS; left out of the change.", ids)
    b.note("Medians are in the dollars of each year, not adjusted for inflation.")
    return b.document()


def _change(old: float, new: float) -> str:
    diff = new - old
    sign = "+" if diff >= 0 else "-"
    return f"{sign}{money(abs(diff))} ({share(diff / old, signed=True)}), from {money(old)} to {money(new)}"
