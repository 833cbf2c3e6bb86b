"""`pay --states` (every state on a tile map, then ranked) and `pay --metros` (the metro areas ranked)."""

from __future__ import annotations

from ...blocks import Document, Tile
from ...errors import UsageError
from ...model import KnowledgeBase
from ...wages.lookup import WageData, wage_data
from ...wages.model import WageRow
from ..builder import Builder
from .common import basis

METROS_SHOWN = 10  # the best- and the worst-paying, nationally


def states_pay(kb: KnowledgeBase, hourly: bool = False) -> Document:
    data = wage_data(kb)
    prefix, kind, per = basis(hourly)
    b = Builder(kb, "pay", f"Pay by state, {data.label}")
    rows = data.states()
    b.tilemap(
        [Tile(r.state, data.value(r, f"{prefix}_median"), r.name) for r in rows],
        kind,
        caption=f"Median pay {per}, {data.label}, in five bands from lowest to highest",
        sources=[data.source],
        heading=f"Median, {per}",
    )
    b.heading("States ranked by median")
    _ranking(b, data, ranked(data, rows, hourly), hourly, f"Every state, DC and territory with figures, {data.label}")
    b.hint(
        "One state in full: hsm-guide pay --area OH. Its metro areas: hsm-guide pay --metros --area OH.",
        paper="The guide has a page for each state in full, and one ranking each state's metro areas.",
    )
    return b.document()


def metros_pay(kb: KnowledgeBase, state_query: str | None = None, hourly: bool = False) -> Document:
    data = wage_data(kb)
    if state_query is None:
        b = Builder(kb, "pay", f"Pay by metro area, {data.label}")
        order = ranked(data, data.metros(), hourly)
        b.heading("Best-paying metro areas")
        _ranking(b, data, order[:METROS_SHOWN], hourly, "By median")
        b.heading("Lowest-paying metro areas")
        _ranking(b, data, order[-METROS_SHOWN:][::-1], hourly, "By median, lowest first")
        b.hint("The areas of one state: hsm-guide pay --metros --area TX.")
        return b.document()
    from ...places import resolve

    found = resolve(kb, state_query)
    if found.area.kind != "state":
        try:
            found = resolve(kb, state_query, state=True)
        except UsageError:
            area = found.area
            raise UsageError(
                f"--metros --area takes a state; '{area.name}' is a {area.kind} area (try pay --area)"
            ) from None
    state = data.find(found.area.code)
    b = Builder(kb, "pay", f"Pay by area in {state.name}, {data.label}")
    caption = "Metro and nonmetro areas, by median; a metro may span states"
    _ranking(b, data, ranked(data, data.metros(state.state), hourly), hourly, caption)
    return b.document()


def ranked(data: WageData, rows: list[WageRow], hourly: bool) -> list[WageRow]:
    """Highest median first; areas BLS released no median for last (the answer cards rank with it too)."""
    prefix, _, _ = basis(hourly)
    released = [r for r in rows if data.value(r, f"{prefix}_median") is not None]
    unreleased = [r for r in rows if data.value(r, f"{prefix}_median") is None]
    return sorted(released, key=lambda r: data.value(r, f"{prefix}_median") or 0, reverse=True) + unreleased


def _ranking(b: Builder, data: WageData, rows: list[WageRow], hourly: bool, caption: str) -> None:
    prefix, kind, per = basis(hourly)
    b.table(
        [("Area", "text"), (f"Median, {per}", kind), ("Jobs", "count"), ("Location quotient", "quotient")],
        [
            (r.name, data.cell(r, f"{prefix}_median"), data.cell(r, "employment", "count"), r.location_quotient)
            for r in rows
        ],
        caption=caption + ". Location quotient: how concentrated these jobs are against the nation (1.00 = the same).",
        sources=[data.source],
    )
    for note in data.footnotes(rows):
        b.note(f"BLS: {note}", [data.source])
