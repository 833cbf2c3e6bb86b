"""What the pay views share: the percentile band and table of one row, and plain-words comparisons."""

from __future__ import annotations

from ...blocks import Band, Kind, money, share
from ...wages.lookup import PERCENTILES, WageData, percentile_name
from ...wages.model import WageRow
from ..builder import Builder


def basis(hourly: bool) -> tuple[str, Kind, str]:
    """The measure prefix, the figure kind and the words for the basis on show."""
    return ("hourly", "hourly", "an hour") if hourly else ("annual", "money", "a year")


def band(data: WageData, row: WageRow, label: str, hourly: bool, marker: float | None = None) -> Band | None:
    """The 10th-median-90th band of a row, or None where BLS released no such figures."""
    prefix, _, _ = basis(hourly)
    low, mid, high = (data.value(row, f"{prefix}_{p}") for p in ("p10", "median", "p90"))
    top = f"{prefix}_p90"
    open_high = high is None and data.top_coded(row, top)  # drawn to the bound, said as "or more"
    if open_high:
        high = data.bound(top)
    if low is None or mid is None or high is None:
        return None
    return Band(label, low, mid, high, marker=marker, open_high=open_high)


def bands(
    b: Builder, data: WageData, rows: list[tuple[str, WageRow]], hourly: bool, marker: float | None = None
) -> None:
    """Bands on one scale (an area's beside the nation's), with a caption that says what they are."""
    _, kind, per = basis(hourly)
    drawn = [x for label, row in rows if (x := band(data, row, label, hourly, marker)) is not None]
    caption = f"10th percentile, median and 90th percentile, {per}, {data.label}" + (
        "; the marker is your figure" if marker else ""
    )
    b.bands(drawn, kind, caption=caption, sources=[data.source])


def percentile_table(b: Builder, data: WageData, rows: list[tuple[str, WageRow]], caption: str) -> None:
    """The five percentiles hourly and yearly, one column per row given (an area, the nation)."""
    columns: list[tuple[str, Kind]] = [("Percentile", "text")]
    for label, _ in rows:
        columns += [(f"{label}, an hour", "hourly"), (f"{label}, a year", "money")]
    table = []
    for rank, key in PERCENTILES:
        cells: list[float | str | None] = [percentile_name(rank)]
        for _, row in rows:
            cells += [data.cell(row, f"hourly_{key}"), data.cell(row, f"annual_{key}")]
        table.append(tuple(cells))
    b.table(columns, table, caption=caption, sources=[data.source])


def versus(value: float, reference: float, same: str = "the same as") -> str:
    """'$5,210 (4%) above' or, within half a dollar, `same` ('the same as', or 'the same' in a table cell)."""
    diff = value - reference
    if abs(diff) < 0.5:
        return same
    return f"{money(abs(diff))} ({share(abs(diff) / reference)}) {'above' if diff > 0 else 'below'}"


def concentration(row: WageRow) -> str | None:
    """The location quotient in one plain sentence."""
    lq = row.location_quotient
    if lq is None:
        return None
    if 0.95 <= lq <= 1.05:
        return f"Location quotient {lq:.2f}: these jobs are about as concentrated here as nationally."
    word = "more" if lq > 1 else "less"
    times = f"{lq:.2f} times as"
    return f"Location quotient {lq:.2f}: these jobs are {times} concentrated here as nationally ({word} common)."


def density(row: WageRow) -> str | None:
    per = row.jobs_per_1000
    if per is None:
        return None
    return f"{per:g} of every 1,000 jobs here are in this occupation."
