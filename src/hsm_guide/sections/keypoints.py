"""Each section's key points: what it opens with, and all that `--brief` prints.

Why two kinds: a figure point (pay, jobs, growth, the largest employer) is computed from
the figures themselves, so it always carries their year and can never drift from them when
the data is updated; a point in words is an editorial choice, so it lives in the data
(`key_points:` in the knowledge base), short and cited like every other statement.
"""

from __future__ import annotations

from collections.abc import Callable

from ..blocks import Entry, money, percent
from ..model import KnowledgeBase
from .builder import current_edition, median_text


def _current_pay(kb: KnowledgeBase) -> list[Entry]:
    """The median and the range from the current OEWS release; the current edition's median without one."""
    if kb.wages is None:
        e = current_edition(kb)
        return [Entry(f"Median pay {median_text(e)}.", tuple(e.sources))]
    from ..wages.lookup import wage_data

    data = wage_data(kb)
    row = data.national()
    src = (data.source,)
    return [
        Entry(f"Median pay {data.median_text(row)}.", src),
        Entry(
            f"In {data.label} the lowest-paid 10% earned under {data.text(row, 'annual_p10')}, "
            f"the top 10% over {data.text(row, 'annual_p90')}.",
            src,
        ),
    ]


def _overview(kb: KnowledgeBase) -> list[Entry]:
    e = current_edition(kb)
    points = _current_pay(kb)[:1]
    if e.jobs is not None and e.growth_percent is not None:
        points.append(
            Entry(
                f"{e.jobs:,} jobs in {e.jobs_year}, projected to grow {percent(e.growth_percent)} over "
                f"{e.growth_start}-{e.growth_end} (Employment Projections).",
                tuple(e.sources),
            )
        )
    return points


def _pay(kb: KnowledgeBase) -> list[Entry]:
    points = _current_pay(kb)
    if kb.wages is None:
        annual = [p for p in kb.pay.percentiles if p.basis == "annual"]
        if annual:
            p = max(annual, key=lambda x: x.year)
            points.append(
                Entry(
                    f"In May {p.year} the lowest-paid 10% earned under {money(p.p10)}, "
                    f"the top 10% over {money(p.p90)}.",
                    tuple(p.sources),
                )
            )
    return points


def _outlook(kb: KnowledgeBase) -> list[Entry]:
    e = current_edition(kb)
    points = []
    if e.growth_percent is not None:
        points.append(
            Entry(
                f"Jobs projected to grow {percent(e.growth_percent)} over {e.growth_start}-{e.growth_end}.",
                tuple(e.sources),
            )
        )
    if e.openings_per_year:
        points.append(
            Entry(f"About {e.openings_per_year:,} openings a year ({e.growth_start}-{e.growth_end}).", tuple(e.sources))
        )
    return points


def _settings(kb: KnowledgeBase) -> list[Entry]:
    """The largest employer: from the current OEWS release's industries, else the handbook's shares."""
    if kb.wages is not None:
        from ..wages.lookup import wage_data
        from .pay.industry import largest_employers

        data = wage_data(kb)
        for top, share in largest_employers(data, 1):
            name = top.industry_name.lower()
            return [Entry(f"Largest employer ({data.label}): {name}, {share:.0%} of these jobs.", (data.source,))]
    shares = kb.settings.employer_shares
    top_share = max(shares.rows, key=lambda r: r.percent)
    employer = top_share.employer.split(";")[0].lower()
    return [
        Entry(
            f"Largest employer in {shares.year}: {employer}, {percent(top_share.percent)} of jobs.",
            tuple(shares.sources),
        )
    ]


def _related(kb: KnowledgeBase) -> list[Entry]:
    """The range of the related careers' national medians in the current OEWS release."""
    if kb.wages is None:
        return []
    from ..wages.lookup import wage_data
    from .routes import related_socs

    data = wage_data(kb)
    rows = [r for soc in related_socs(kb) if (r := data.row("0000000", soc)) and r.annual_median]
    if len(rows) < 2:
        return []
    low, high = min(rows, key=lambda r: r.annual_median or 0), max(rows, key=lambda r: r.annual_median or 0)
    return [
        Entry(
            f"Related careers' medians ran from {data.text(low, 'annual_median')} ({data.occupation_name(low.soc)}) to "
            f"{data.text(high, 'annual_median')} ({data.occupation_name(high.soc)}) a year ({data.label}).",
            (data.source,),
        )
    ]


def _sources(kb: KnowledgeBase) -> list[Entry]:
    primary = sum(1 for s in kb.sources if s.grade == "primary")
    secondary = len(kb.sources) - primary
    differ = sum(1 for r in kb.readings if r.status != "agrees")
    return [
        Entry(f"{len(kb.sources)} sources: {primary} primary (the issuing body itself), {secondary} secondary."),
        Entry(
            f"{differ} readings disagree with BLS (an older edition, a wrong year, a doubtful figure); the rest agree."
        ),
    ]


FIGURES: dict[str, Callable[[KnowledgeBase], list[Entry]]] = {
    "overview": _overview,
    "pay": _pay,
    "outlook": _outlook,
    "settings": _settings,
    "related": _related,
    "sources": _sources,
}


def key_points(kb: KnowledgeBase, name: str) -> list[Entry]:
    """The figure points first, then the points in words from the data."""
    compute = FIGURES.get(name)
    figures = compute(kb) if compute else []
    return figures + in_words(kb, name)


def in_words(kb: KnowledgeBase, name: str) -> list[Entry]:
    """A section's key points in words, from the data (no figure points)."""
    return [Entry(i.text, tuple(i.sources)) for k in kb.key_points if k.section == name for i in k.points]
