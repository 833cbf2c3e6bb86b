"""Pay and outlook: the figures, edition by edition, each with its year and source."""

from __future__ import annotations

from ...blocks import Band, Document, Kind
from ...errors import UsageError
from ...model import KnowledgeBase, Percentiles
from ..builder import (
    Builder,
    current_edition,
    grade_of,
    median_text,
    reading_entry,
    source_label,
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
    if kb.wages is not None:
        years.add(kb.wages.release.year)
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
