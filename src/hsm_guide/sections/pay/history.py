"""The median edition by edition, and the change over the period."""

from __future__ import annotations

from ...blocks import Document
from ...model import KnowledgeBase
from ..builder import Builder, current_edition, grade_of, source_label


def pay_history(kb: KnowledgeBase) -> Document:
    """The median for every edition as a chart, and the change over the period."""
    b = Builder(kb, "pay", "Median pay, edition by edition")
    editions = sorted(kb.quick_facts.editions, key=lambda e: e.pay_year)
    b.bars(
        [(f"May {e.pay_year}", e.median_annual, source_label(kb, e.sources)) for e in editions],
        "money",
        ("Year", "Median a year"),
        caption="Median yearly pay, with the source of each figure",
        sources=[i for e in editions for i in e.sources],
    )
    first, current = editions[0], current_edition(kb)
    b.heading("Change over the period")
    rows = [
        (
            f"May {first.pay_year} to May {current.pay_year}",
            _change(first.median_annual, current.median_annual),
            current.sources,
        )
    ]
    latest = editions[-1]
    if latest.pay_year > current.pay_year:
        rows.append(
            (
                f"To May {latest.pay_year} ({grade_of(kb, latest.sources)} source)",
                _change(first.median_annual, latest.median_annual),
                latest.sources,
            )
        )
    b.facts(rows)
    b.note("Medians are in the dollars of each year, not adjusted for inflation.")
    return b.document()


def _change(old: float, new: float) -> str:
    diff = new - old
    return f"{'+' if diff >= 0 else '-'}${abs(diff):,.0f} ({diff / old:+.0%}), from ${old:,.0f} to ${new:,.0f}"


