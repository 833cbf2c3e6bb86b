"""Where an offer stands: a salary placed among the percentiles."""

from __future__ import annotations

import itertools

from ...blocks import Band, Document, Kind, fmt, money, ordinal, percent, yearly_and_hourly
from ...errors import UsageError
from ...model import KnowledgeBase, Percentiles
from ...wages.lookup import HOURS_A_YEAR, PERCENTILES, WageData, percentile_name, wage_data
from ...wages.model import WageRow
from ..builder import Builder, current_edition
from ..sourcing import grade_of, source_label
from .common import bands, versus


def parse_salary(text: str, hourly: bool) -> float:
    """A salary as people write it: 95000, 95,000, $95,000 or 95k; hourly with --hourly."""
    cleaned = text.strip().lower().replace(",", "").replace("$", "").replace("_", "")
    factor = 1000 if cleaned.endswith("k") else 1
    try:
        value = float(cleaned.removesuffix("k")) * factor
    except ValueError:
        raise UsageError(f"not a salary: '{text[:40]}'; give an amount such as 95000") from None
    if not value > 0 or value == float("inf"):
        raise UsageError(f"a salary must be a positive amount, not '{text[:40]}'")
    if not hourly and value < 1000:
        typed = fmt(value, "money" if value.is_integer() else "hourly")  # 50 reads $50; 50.5 reads $50.50
        raise UsageError(f"{typed} a year looks like an hourly rate; add --hourly if it is one")
    if value > (10_000 if hourly else 20_000_000):
        raise UsageError(f"'{text[:40]}' is beyond any pay this guide covers")
    return value * HOURS_A_YEAR if hourly else value


def _area(kb: KnowledgeBase, text: str) -> str:
    from ...places import resolve

    return resolve(kb, text).area.code


def offer(kb: KnowledgeBase, annual: float, year: int | None = None, area: str | None = None) -> Document:
    """Where an offer stands: in the current release (nationally, and in an area if given), else in a past year."""
    if kb.wages is None or (year is not None and year != kb.wages.release.year):
        if area is not None:
            raise UsageError("--area compares with the current release; leave out --year")
        return salary_position(kb, annual, year)
    data = wage_data(kb)
    nation = data.national()
    places = [(data.find(_area(kb, area)), "here")] if area else []
    places.append((nation, "nationally"))
    where = places[0][0].name if area else "the United States"
    b = Builder(kb, "pay", f"Where {an(money(annual))} offer stands in {where} ({data.label})")
    src = [data.source]
    b.text(f"{offer_text(annual)}: " + "; ".join(standings(data, places, annual)) + ".", src)
    bands(b, data, [(r.name if r is not nation else "United States", r) for r, _ in places], False, marker=annual)
    b.facts(
        [
            (f"Against the median {label}", f"{versus(annual, median)} it", src)
            for row, label in places
            if (median := data.value(row, "annual_median")) is not None
        ]
    )
    _release_table(b, data, places)
    for note in data.footnotes(r for r, _ in places):
        b.note(f"BLS: {note}", src)
    b.note("Positions between the published percentiles are estimated by straight-line interpolation.")
    return b.document()


Place = tuple[WageRow, str]  # a row and where it is in words ("here", "nationally")


def an(amount: str) -> str:
    """The amount with its article as it is said: an $82,000 (eighty), an $18,000, a $95,000."""
    lead = amount.lstrip("$").split(",")[0].split(".")[0]
    return ("an " if lead.startswith("8") or lead in ("11", "18") else "a ") + amount


def offer_text(annual: float) -> str:
    """A yearly figure and what it comes to an hour over BLS's full-time year."""
    return yearly_and_hourly(annual, annual / HOURS_A_YEAR)


def standings(data: WageData, places: list[Place], annual: float) -> list[str]:
    """Where the figure ranks in each place with published percentiles: 'about the 52nd percentile here'."""
    sentences = []
    for row, label in places:
        known = [(p, v) for p, key in PERCENTILES if (v := data.value(row, f"annual_{key}")) is not None]
        if known:
            sentences.append(f"{_rank(annual, known)} {label}")
    return sentences


def _release_table(b: Builder, data: WageData, places: list[Place]) -> None:
    """The five percentiles a year, one column per place."""
    columns: list[tuple[str, Kind]] = [("Percentile", "text")]
    columns += [(f"{label.capitalize()}, a year", "money") for _, label in places]
    table = [(percentile_name(p), *(data.cell(row, f"annual_{key}") for row, _ in places)) for p, key in PERCENTILES]
    b.table(columns, table, caption=f"Percentiles, {data.label}", sources=[data.source])


def salary_position(kb: KnowledgeBase, annual: float, year: int | None = None) -> Document:
    """Where a yearly salary falls among a past year's percentiles, and against industry medians."""
    chosen, years = _percentile_set(kb, year)
    b = Builder(kb, "pay", f"Where {an(money(annual))} offer stands (May {chosen.year})")
    known = [(p, v) for p, key in PERCENTILES if (v := getattr(chosen, key)) is not None]
    b.facts(
        [
            ("Your figure", offer_text(annual), ()),
            (f"Percentile, May {chosen.year}", _percentile_text(annual, known), chosen.sources),
        ]
    )
    secondary = " (secondary)" if grade_of(kb, chosen.sources) == "secondary" else ""
    b.bands(
        [Band(f"May {chosen.year}{secondary}", chosen.p10, chosen.median, chosen.p90, marker=annual)],
        "money",
        caption=f"10th percentile, median and 90th percentile, May {chosen.year}; the marker is your figure",
        sources=chosen.sources,
        heading="Year",
    )
    b.table(
        [("Percentile", "text"), ("A year", "money"), ("You, a year", "text")],
        [(percentile_name(p), v, _versus(annual, v)) for p, v in known],
        caption=f"May {chosen.year} percentiles ({source_label(kb, chosen.sources)})",
        sources=chosen.sources,
    )
    _industry_table(b, kb, annual)
    current = current_edition(kb)
    median = f"{money(current.median_annual)}: you are {_versus(annual, current.median_annual)}"
    b.facts([(f"Median, May {current.pay_year}", median, current.sources)])
    if len(years) > 1:
        b.hint(f"Other years with percentiles: {', '.join(str(y) for y in years if y != chosen.year)} (--year).")
    b.note("Percentile positions between published points are estimated by straight-line interpolation.")
    return b.document()


def _percentile_set(kb: KnowledgeBase, year: int | None) -> tuple[Percentiles, list[int]]:
    """The yearly percentiles of the year asked for (the latest without one), and every year that has them."""
    annual_sets = [s for s in kb.pay.percentiles if s.basis == "annual"]
    years = sorted({s.year for s in annual_sets})
    if not years:
        raise UsageError("the knowledge base has no percentiles to compare with")
    if year is not None and year not in years:
        raise UsageError(f"no percentiles for {year}; years with percentiles: {', '.join(map(str, years))}")
    return next(s for s in annual_sets if s.year == (year or years[-1])), years


def _industry_table(b: Builder, kb: KnowledgeBase, annual: float) -> None:
    """The figure beside each industry's median, from the latest table of medians."""
    medians = [t for t in kb.pay.by_industry if t.statistic == "median"]
    if not medians:
        return
    table = max(medians, key=lambda t: t.year)
    b.table(
        [("Industry", "text"), ("Median", "money"), ("You, a year", "text")],
        [(r.industry, r.annual, _versus(annual, r.annual)) for r in table.rows],
        caption=f"Median by industry, May {table.year} ({source_label(kb, table.sources)})",
        sources=table.sources,
    )


def _interpolate(value: float, known: list[tuple[int, float]]) -> float | None:
    """The percentile a value sits at, by straight lines between published points; None outside them."""
    for (p1, v1), (p2, v2) in itertools.pairwise(known):
        if v1 <= value <= v2:
            return p1 + (p2 - p1) * ((value - v1) / (v2 - v1) if v2 > v1 else 0)
    return None


def _rank(value: float, known: list[tuple[int, float]]) -> str:
    """'about the 52nd percentile', 'below the 10th percentile', 'above the 90th percentile'."""
    rank = _interpolate(value, known)
    if rank is None:
        below = value < known[0][1]
        return f"{'below' if below else 'above'} the {ordinal(known[0 if below else -1][0])} percentile"
    return "at the median" if round(rank) == 50 else f"about the {ordinal(round(rank))} percentile"


def _percentile_text(value: float, known: list[tuple[int, float]]) -> str:
    rank = _interpolate(value, known)
    if rank is not None:
        return f"about the {ordinal(round(rank))}: you would earn more than about {percent(round(rank))} of managers"
    if value < known[0][1]:
        return f"below the {ordinal(known[0][0])} percentile ({money(known[0][1])}): among the lowest-paid tenth"
    return f"above the {ordinal(known[-1][0])} percentile ({money(known[-1][1])}): among the best-paid tenth"


def _versus(value: float, reference: float) -> str:
    """How a figure compares, said on its own: '$5,210 (4%) above', 'the same'."""
    return versus(value, reference, same="the same")
