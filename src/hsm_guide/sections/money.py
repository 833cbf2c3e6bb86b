"""Pay and outlook: the figures, edition by edition, each with its year and source."""

from __future__ import annotations

import itertools

from ..blocks import Band, Document, Kind
from ..errors import UsageError
from ..model import KnowledgeBase, Percentiles
from .builder import (
    Builder,
    current_edition,
    grade_of,
    growth_text,
    median_text,
    reading_entry,
    source_label,
    source_names,
)

# BLS turns hourly wages into annual ones with a 2,080-hour full-time year;
# where a source gives no hourly figure we divide by the same number.
HOURS_A_YEAR = 2080


def pay_years(kb: KnowledgeBase) -> list[int]:
    """Every data year with some pay figure, for --year and its error message."""
    p = kb.pay
    years = {e.pay_year for e in kb.quick_facts.editions}
    years |= {x.year for x in p.percentiles} | {x.year for x in p.by_industry}
    years |= {x.year for x in p.by_area} | {x.year for x in p.means}
    return sorted(years)


def pay(kb: KnowledgeBase, year: int | None = None, hourly: bool = False) -> Document:
    if year is not None and year not in pay_years(kb):
        known = ", ".join(str(y) for y in pay_years(kb))
        raise UsageError(f"no pay figures for {year}; years available: {known}")
    title = "Pay" if year is None else f"Pay in {year}"
    b = Builder(kb, "pay", title + (" (hourly)" if hourly else ""))
    kind: Kind = "hourly" if hourly else "money"
    per = "an hour" if hourly else "a year"
    converted = False

    def figure(value: float, basis: str = "annual") -> float:
        """A figure given in `basis`, in the basis on show (converting at 2,080 hours)."""
        nonlocal converted
        if basis == ("hourly" if hourly else "annual"):
            return value
        converted = True
        return round(value / HOURS_A_YEAR, 2) if hourly else round(value * HOURS_A_YEAR)

    def maybe(value: float | None, basis: str = "annual") -> float | None:
        return None if value is None else figure(value, basis)

    editions = [e for e in kb.quick_facts.editions if year is None or e.pay_year == year]
    current = current_edition(kb)
    if year is None or current.pay_year == year:
        b.heading("Median pay")
        b.facts([("Median", median_text(current), current.sources)])
        later = [e for e in kb.quick_facts.editions if e.pay_year > current.pay_year]
        for e in later:
            b.note(
                f"A {grade_of(kb, e.sources)} source gives ${e.median_annual:,.0f} for May {e.pay_year}; "
                f"the guide presents the May {current.pay_year} BLS figure until BLS publishes its own.",
                e.sources,
            )
    elif editions:
        e = editions[0]
        b.heading("Median pay")
        b.facts([("Median", median_text(e), e.sources)])

    sets = _percentile_sets(kb, year, hourly)
    if sets:
        b.heading(f"Pay range, {per}")
        b.bands(
            [
                Band(_set_label(kb, s), figure(s.p10, s.basis), figure(s.median, s.basis), figure(s.p90, s.basis))
                for s in sets
            ],
            kind,
            caption="10th percentile, median and 90th percentile",
            sources=[i for s in sets for i in s.sources],
        )
        b.table(
            [
                ("Year", "text"),
                ("10th", kind),
                ("25th", kind),
                ("Median", kind),
                ("75th", kind),
                ("90th", kind),
                ("Source", "text"),
            ],
            [
                (
                    f"May {s.year}",
                    *(maybe(v, s.basis) for v in (s.p10, s.p25, s.median, s.p75, s.p90)),
                    source_label(kb, s.sources),
                )
                for s in sets
            ],
            caption="Percentiles",
            sources=[i for s in sets for i in s.sources],
        )
        for s in sets:
            if s.employment is not None:
                b.note(f"May {s.year}: {s.employment:,} jobs in the OEWS wage survey behind these figures.", s.sources)
            if s.note:
                b.note(f"May {s.year}: {s.note}", s.sources)

    for table in (t for t in kb.pay.by_industry if year is None or t.year == year):
        label = "Median" if table.statistic == "median" else "Mean"
        b.heading(f"{label} pay by industry, May {table.year}")
        if table.statistic == "median":
            bars = [(r.industry, figure(r.annual), None) for r in table.rows]
            b.bars(bars, kind, ("Industry", f"Median, {per}"), table.note, table.sources)
        else:
            b.table(
                [("Industry", "text"), (f"Mean, {per}", kind), ("Jobs", "count")],
                [(r.industry, figure(r.annual), r.jobs) for r in table.rows],
                table.note,
                table.sources,
            )

    if editions:
        b.heading("Median pay by edition")
        b.table(
            [("Year", "text"), ("A year", "money"), ("An hour", "hourly"), ("Source", "text")],
            [
                (
                    f"May {e.pay_year}" + (" (current)" if e.pay_year == current.pay_year else ""),
                    e.median_annual,
                    e.median_hourly,
                    source_label(kb, e.sources),
                )
                for e in editions
            ],
            sources=[i for e in editions for i in e.sources],
        )
        for e in editions:
            if e.note:
                b.note(f"May {e.pay_year}: {e.note}", e.sources)

    means = [m for m in kb.pay.means if year is None or m.year == year]
    if means:
        b.heading("Mean (average) pay")
        b.table(
            [("Year", "text"), ("A year", "money"), ("An hour", "hourly"), ("Source", "text")],
            [(f"May {m.year}", m.annual, m.hourly, source_label(kb, m.sources)) for m in means],
            sources=[i for m in means for i in m.sources],
        )

    for area in (a for a in kb.pay.by_area if year is None or a.year == year):
        b.heading(f"{area.title}, May {area.year}")
        cols: list[tuple[str, Kind]] = [("Area", "text")]
        has_median = any(r.median is not None for r in area.rows)
        has_mean = any(r.mean is not None for r in area.rows)
        cols += [(f"Median, {per}", kind)] if has_median else []
        cols += [(f"Mean, {per}", kind)] if has_mean else []
        rows = []
        for r in area.rows:
            row: list[float | str | None] = [r.area]
            row += [maybe(r.median)] if has_median else []
            row += [maybe(r.mean)] if has_mean else []
            rows.append(tuple(row))
        b.table(cols, rows, area.note, area.sources)

    if year is None:
        b.bullets("Regions named as top-paying in the older sources", kb.pay.top_paying_regions)
        b.bullets("What moves pay", kb.pay.factors)
        b.bullets("Benefits", kb.pay.benefits)
    readings = [r for r in kb.readings if r.topic in ("median pay", "top pay") and (year is None or r.year == year)]
    b.entries("How the sources quote pay", [reading_entry(kb, r) for r in readings])
    if converted:
        b.note(f"Hourly figures that no source gives are the annual figure divided by {HOURS_A_YEAR:,} hours.")
    return b.document()


def outlook(kb: KnowledgeBase) -> Document:
    b = Builder(kb, "outlook", "Job outlook")
    current = current_edition(kb)
    b.heading(f"Current projection ({current.growth_start}-{current.growth_end})")
    b.facts(
        [
            ("Growth", growth_text(current), current.sources),
            ("Jobs", f"{current.jobs:,} in {current.jobs_year}" if current.jobs else None, current.sources),
            (
                "Employment change",
                f"{current.employment_change:,}" if current.employment_change else None,
                current.sources,
            ),
            (
                "Openings a year",
                f"{current.openings_per_year:,}" if current.openings_per_year else None,
                current.sources,
            ),
        ]
    )
    editions = [e for e in kb.quick_facts.editions if e.growth_percent is not None]
    if editions:
        b.heading("Projected growth by edition")
        b.table(
            [
                ("Period", "text"),
                ("Growth", "percent"),
                ("Vs average", "text"),
                ("Jobs", "count"),
                ("Change", "count"),
                ("Openings", "count"),
                ("Source", "text"),
            ],
            [
                (
                    f"{e.growth_start}-{str(e.growth_end)[-2:]}",
                    e.growth_percent,
                    _versus_average(e.growth_descriptor),
                    e.jobs,
                    e.employment_change,
                    e.openings_per_year,
                    source_label(kb, e.sources),
                )
                for e in editions
            ],
            caption="Jobs at the start of the period; Change: jobs added over it; Openings: a year, on average.",
            sources=[i for e in editions for i in e.sources],
        )
    # The all-occupations rate is quoted by some sources only, beside their own reading.
    for r in kb.readings:
        if r.topic == "growth" and r.all_occupations_percent is not None:
            b.note(
                f"{source_names(kb, r.sources).capitalize()} sets {r.value:g}% growth for this occupation "
                f"beside {r.all_occupations_percent:g}% for all occupations: {r.note[:1].lower()}{r.note[1:]}",
                r.sources,
            )
    b.bullets("What drives demand", kb.outlook.drivers)
    b.bullets("Trends reshaping the work", kb.outlook.trends)
    b.bullets("Where openings come from", kb.outlook.openings)
    b.bullets("Prospects", kb.outlook.prospects)
    readings = [r for r in kb.readings if r.topic == "growth"]
    b.entries("How the sources quote growth", [reading_entry(kb, r) for r in readings])
    return b.document()


def _percentile_sets(kb: KnowledgeBase, year: int | None, hourly: bool) -> list[Percentiles]:
    """One percentile set per year: the hourly one when asked and given, else the annual one."""
    by_year: dict[int, Percentiles] = {}
    for s in sorted(kb.pay.percentiles, key=lambda s: s.year):
        if year is not None and s.year != year:
            continue
        held = by_year.get(s.year)
        wanted = "hourly" if hourly else "annual"
        if held is None or (s.basis == wanted and held.basis != wanted):
            by_year[s.year] = s
    return list(by_year.values())


def _set_label(kb: KnowledgeBase, s: Percentiles) -> str:
    grade = grade_of(kb, s.sources)
    return f"May {s.year}" + (" (secondary)" if grade == "secondary" else "")


def _versus_average(descriptor: str | None) -> str | None:
    """'Much faster than average' reads 'Much faster' under a 'Vs average' heading."""
    return descriptor.removesuffix(" than average") if descriptor else None


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
        raise UsageError(f"${value:,g} a year looks like an hourly rate; add --hourly if it is one")
    if value > (10_000 if hourly else 20_000_000):
        raise UsageError(f"'{text[:40]}' is beyond any pay this guide covers")
    return value * HOURS_A_YEAR if hourly else value


def salary_position(kb: KnowledgeBase, annual: float, year: int | None = None) -> Document:
    """Where a yearly salary falls among the percentiles, and against industry medians."""
    annual_sets = [s for s in kb.pay.percentiles if s.basis == "annual"]
    years = sorted({s.year for s in annual_sets})
    if not years:
        raise UsageError("the knowledge base has no percentiles to compare with")
    if year is not None and year not in years:
        raise UsageError(f"no percentiles for {year}; years with percentiles: {', '.join(map(str, years))}")
    chosen = next(s for s in annual_sets if s.year == (year or years[-1]))
    b = Builder(kb, "pay", f"Where ${annual:,.0f} a year stands")
    grade = grade_of(kb, chosen.sources)
    points = [(10, chosen.p10), (25, chosen.p25), (50, chosen.median), (75, chosen.p75), (90, chosen.p90)]
    known = [(p, v) for p, v in points if v is not None]
    b.facts(
        [
            ("Your figure", f"${annual:,.0f} a year, ${annual / HOURS_A_YEAR:,.2f} an hour", ()),
            (f"Percentile, May {chosen.year}", _percentile_text(annual, known), chosen.sources),
        ]
    )
    b.bands(
        [
            Band(
                f"May {chosen.year}" + (" (secondary)" if grade == "secondary" else ""),
                chosen.p10,
                chosen.median,
                chosen.p90,
                marker=annual,
            )
        ],
        "money",
        caption="10th percentile, median and 90th percentile; the marker is your figure",
        sources=chosen.sources,
    )
    b.table(
        [("Percentile", "text"), ("A year", "money"), ("You, a year", "text")],
        [(_ordinal(p) if p != 50 else "Median", v, _versus(annual, v)) for p, v in known],
        caption=f"May {chosen.year} percentiles ({source_label(kb, chosen.sources)})",
        sources=chosen.sources,
    )
    medians = [t for t in kb.pay.by_industry if t.statistic == "median"]
    if medians:
        table = max(medians, key=lambda t: t.year)
        b.table(
            [("Industry", "text"), ("Median", "money"), ("You, a year", "text")],
            [(r.industry, r.annual, _versus(annual, r.annual)) for r in table.rows],
            caption=f"Median by industry, May {table.year} ({source_label(kb, table.sources)})",
            sources=table.sources,
        )
    current = current_edition(kb)
    b.facts(
        [
            (
                f"Median, May {current.pay_year}",
                f"${current.median_annual:,.0f}: you are {_versus(annual, current.median_annual)}",
                current.sources,
            )
        ]
    )
    if len(years) > 1:
        b.hint(f"Other years with percentiles: {', '.join(str(y) for y in years if y != chosen.year)} (--year).")
    b.note("Percentile positions between published points are estimated by straight-line interpolation.")
    return b.document()


def _percentile_text(value: float, known: list[tuple[int, float]]) -> str:
    if value < known[0][1]:
        return f"below the {_ordinal(known[0][0])} percentile (${known[0][1]:,.0f}): among the lowest-paid tenth"
    if value > known[-1][1]:
        return f"above the {_ordinal(known[-1][0])} percentile (${known[-1][1]:,.0f}): among the best-paid tenth"
    for (p1, v1), (p2, v2) in itertools.pairwise(known):
        if v1 <= value <= v2:
            rank = p1 + (p2 - p1) * ((value - v1) / (v2 - v1) if v2 > v1 else 0)
            return f"about the {_ordinal(round(rank))}: you would earn more than about {rank:.0f}% of managers"
    return "at the median"  # pragma: no cover - the loop covers every value between the ends


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _versus(value: float, reference: float) -> str:
    diff = value - reference
    if abs(diff) < 0.5:
        return "the same"
    return f"${abs(diff):,.0f} ({abs(diff) / reference:.0%}) {'above' if diff > 0 else 'below'}"
