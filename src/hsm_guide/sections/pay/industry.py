"""`hsm-guide pay --industry`: where the jobs are and where pay is highest, by industry, nationally."""

from __future__ import annotations

from ...blocks import Document
from ...model import KnowledgeBase
from ...wages.lookup import WageData, wage_data
from ...wages.model import WageRow
from ..builder import Builder
from .common import basis

SHOWN = 10
BEST_PAYING_FLOOR = 1000  # jobs: a median over fewer rests on too few answers to rank by


def largest_employers(data: WageData, most: int) -> list[tuple[WageRow, float]]:
    """The industries with the most of these jobs, each with its share of the nation's (a fraction);
    the one ranking the settings chart and its key point share."""
    total = data.national().employment
    rows = data.largest_industries()[:most]
    return [(r, r.employment / total) for r in rows if r.employment and total]


def best_paying(data: WageData, hourly: bool) -> list[WageRow]:
    """The industries with at least BEST_PAYING_FLOOR of these jobs, highest median first."""
    prefix, _, _ = basis(hourly)
    sized = [
        r for r in data.industries() if (r.employment or 0) >= BEST_PAYING_FLOOR and data.value(r, f"{prefix}_median")
    ]
    return sorted(sized, key=lambda r: data.value(r, f"{prefix}_median") or 0, reverse=True)


def industry_pay(kb: KnowledgeBase, hourly: bool = False) -> Document:
    data = wage_data(kb)
    prefix, kind, per = basis(hourly)
    b = Builder(kb, "pay", f"Pay by industry, {data.label}")
    by_jobs = data.largest_industries()[:SHOWN]
    b.heading("Largest employers")
    b.bars(
        [(r.industry_name, r.employment or 0, f"median {data.text(r, f'{prefix}_median', kind)}") for r in by_jobs],
        "count",
        ("Industry", "Jobs", f"Median, {per}"),
        caption=f"The {SHOWN} industries with the most of these jobs, with each one's median {per}",
        sources=[data.source],
    )
    by_pay = best_paying(data, hourly)[:SHOWN]
    b.heading("Best-paying industries")
    b.table(
        [("Industry", "text"), (f"Median, {per}", kind), ("Jobs", "count")],
        [(r.industry_name, data.cell(r, f"{prefix}_median"), data.cell(r, "employment", "count")) for r in by_pay],
        caption=f"Industries with at least {BEST_PAYING_FLOOR:,} of these jobs, by median",
        sources=[data.source],
    )
    for note in data.footnotes(by_jobs + by_pay):
        b.note(f"BLS: {note}", [data.source])
    older = kb.pay.by_industry
    if older:
        years = ", ".join(f"May {t.year}" for t in older)
        b.hint(
            f"Earlier industry figures ({years}): hsm-guide pay --year {older[0].year}.",
            paper=f"The guide keeps earlier industry figures ({years}) on its pay pages for those years.",
        )
    return b.document()
