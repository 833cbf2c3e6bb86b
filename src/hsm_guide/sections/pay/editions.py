"""Pay and outlook: the figures, edition by edition, each with its year and source."""

from __future__ import annotations

from ...blocks import Band, Document, Kind, money
from ...errors import UsageError
from ...model import Edition, KnowledgeBase, Percentiles
from ...wages.lookup import HOURS_A_YEAR, PERCENTILES, percentile_name
from ..builder import Builder, current_edition, median_text
from ..sourcing import grade_of, reading_entry, source_label


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
    shown = _Basis(hourly)
    _median(b, kb, year)
    _pay_range(b, kb, year, shown)
    _industries(b, kb, year, shown)
    _editions(b, kb, year)
    _means(b, kb, year)
    _areas(b, kb, year, shown)
    if year is None:
        b.bullets("Regions named as top-paying in the older sources", kb.pay.top_paying_regions)
        b.bullets("What moves pay", kb.pay.factors)
        b.bullets("Benefits", kb.pay.benefits)
    readings = [r for r in kb.readings if r.topic in ("median pay", "top pay") and (year is None or r.year == year)]
    b.entries("How the sources quote pay", [reading_entry(kb, r) for r in readings])
    if shown.converted:
        b.note(f"Hourly figures that no source gives are the annual figure divided by {HOURS_A_YEAR:,} hours.")
    return b.document()


class _Basis:
    """The basis on show (a year or an hour), and figures converted into it at 2,080 hours;
    it remembers whether any was converted, so the page can say so."""

    def __init__(self, hourly: bool) -> None:
        self.hourly = hourly
        self.kind: Kind = "hourly" if hourly else "money"
        self.per = "an hour" if hourly else "a year"
        self.converted = False

    def figure(self, value: float, basis: str = "annual") -> float:
        """A figure given in `basis`, in the basis on show."""
        if basis == ("hourly" if self.hourly else "annual"):
            return value
        self.converted = True
        return round(value / HOURS_A_YEAR, 2) if self.hourly else round(value * HOURS_A_YEAR)

    def maybe(self, value: float | None, basis: str = "annual") -> float | None:
        return None if value is None else self.figure(value, basis)


def _editions_of(kb: KnowledgeBase, year: int | None) -> list[Edition]:
    return [e for e in kb.quick_facts.editions if year is None or e.pay_year == year]


def _median(b: Builder, kb: KnowledgeBase, year: int | None) -> None:
    """The current median (with a word on any later figure that is not BLS's own), or the year's."""
    current = current_edition(kb)
    # Without a wage release the handbook's current edition is the newest pay; with one, every
    # edition is history and none is called current.
    if year is None or (kb.wages is None and current.pay_year == year):
        b.heading("Median pay")
        b.facts([("Median", median_text(current), current.sources)])
        for e in (e for e in kb.quick_facts.editions if e.pay_year > current.pay_year):
            b.note(
                f"A {grade_of(kb, e.sources)} source gives {money(e.median_annual)} for May {e.pay_year}; "
                f"the guide presents the May {current.pay_year} BLS figure until BLS publishes its own.",
                e.sources,
            )
        return
    editions = _editions_of(kb, year)
    if editions:
        e = editions[0]
        b.heading("Median pay")
        b.facts([("Median", median_text(e), e.sources)])


def _pay_range(b: Builder, kb: KnowledgeBase, year: int | None, shown: _Basis) -> None:
    """The percentile sets as bands on one scale, then as a table, then their notes."""
    sets = _percentile_sets(kb, year, shown.hourly)
    if not sets:
        return
    kind, sources = shown.kind, [i for s in sets for i in s.sources]
    b.heading(f"Pay range, {shown.per}")
    b.bands(
        [
            Band(
                _set_label(kb, s),
                shown.figure(s.p10, s.basis),
                shown.figure(s.median, s.basis),
                shown.figure(s.p90, s.basis),
            )
            for s in sets
        ],
        kind,
        caption="10th percentile, median and 90th percentile, by year and source",
        sources=sources,
        heading="Year",
    )
    b.table(
        [("Year", "text"), *((percentile_name(p), kind) for p, _ in PERCENTILES), ("Source", "text")],
        [
            (
                f"May {s.year}",
                *(shown.maybe(getattr(s, key), s.basis) for _, key in PERCENTILES),
                source_label(kb, s.sources),
            )
            for s in sets
        ],
        caption="Percentiles",
        sources=sources,
    )
    for s in sets:
        if s.employment is not None:
            b.note(f"May {s.year}: {s.employment:,} jobs in the OEWS wage survey behind these figures.", s.sources)
        if s.note:
            b.note(f"May {s.year}: {s.note}", s.sources)


def _industries(b: Builder, kb: KnowledgeBase, year: int | None, shown: _Basis) -> None:
    """Each industry table: medians as bars, means (with their job counts) as a table."""
    for table in (t for t in kb.pay.by_industry if year is None or t.year == year):
        label = "Median" if table.statistic == "median" else "Mean"
        b.heading(f"{label} pay by industry, May {table.year}")
        if table.statistic == "median":
            bars = [(r.industry, shown.figure(r.annual), None) for r in table.rows]
            caption = table.note or f"Median pay {shown.per} by industry, May {table.year}"
            b.bars(bars, shown.kind, ("Industry", f"Median, {shown.per}"), caption, table.sources)
        else:
            b.table(
                [("Industry", "text"), (f"Mean, {shown.per}", shown.kind), ("Jobs", "count")],
                [(r.industry, shown.figure(r.annual), r.jobs) for r in table.rows],
                table.note,
                table.sources,
            )


def _editions(b: Builder, kb: KnowledgeBase, year: int | None) -> None:
    """The median of every edition, a year and an hour as each gives them, and their notes."""
    editions = _editions_of(kb, year)
    if not editions:
        return
    current = current_edition(kb).pay_year if kb.wages is None else None  # a wage release is newer than any
    b.heading("Median pay by edition")
    b.table(
        [("Year", "text"), ("A year", "money"), ("An hour", "hourly"), ("Source", "text")],
        [
            (
                f"May {e.pay_year}" + (" (current)" if e.pay_year == current else ""),
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


def _means(b: Builder, kb: KnowledgeBase, year: int | None) -> None:
    means = [m for m in kb.pay.means if year is None or m.year == year]
    if means:
        b.heading("Mean (average) pay")
        b.table(
            [("Year", "text"), ("A year", "money"), ("An hour", "hourly"), ("Source", "text")],
            [(f"May {m.year}", m.annual, m.hourly, source_label(kb, m.sources)) for m in means],
            sources=[i for m in means for i in m.sources],
        )


def _areas(b: Builder, kb: KnowledgeBase, year: int | None, shown: _Basis) -> None:
    """Each table of areas, with a median and a mean column where any area has one."""
    for area in (a for a in kb.pay.by_area if year is None or a.year == year):
        b.heading(f"{area.title}, May {area.year}")
        cols: list[tuple[str, Kind]] = [("Area", "text")]
        has_median = any(r.median is not None for r in area.rows)
        has_mean = any(r.mean is not None for r in area.rows)
        cols += [(f"Median, {shown.per}", shown.kind)] if has_median else []
        cols += [(f"Mean, {shown.per}", shown.kind)] if has_mean else []
        rows = []
        for r in area.rows:
            row: list[float | str | None] = [r.area]
            row += [shown.maybe(r.median)] if has_median else []
            row += [shown.maybe(r.mean)] if has_mean else []
            rows.append(tuple(row))
        b.table(cols, rows, area.note, area.sources)


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
