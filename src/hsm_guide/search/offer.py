"""The offer card: where a salary the question names stands among this occupation's percentiles, in the
place it names and nationally (what `pay --salary` shows, in short)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .card import Answered, sources_row

if TYPE_CHECKING:
    from ..model import Card, KnowledgeBase
    from ..sections.builder import Builder, FactRow
    from ..wages.areas import Area
    from ..wages.lookup import WageData
    from ..wages.model import WageRow
    from .reading import Reading

OFFERED = frozenset({"offer", "offers", "offered", "offering"})
NOT_BY = (
    "BLS publishes no pay by employer or by years of experience; the percentiles are of everyone in the occupation."
)


def offer(b: Builder, kb: KnowledgeBase, reading: Reading, card: Card) -> Answered | None:
    if kb.wages is None or reading.amount is None:
        return None
    from ..blocks import money
    from ..sections.pay.common import versus
    from ..sections.pay.salary import an, offer_text, standings
    from ..wages.lookup import wage_data
    from .pay import located

    data = wage_data(kb)
    annual = reading.amount
    area = reading.place.area if reading.place else None
    row, where, by_state = located(data, area, data.soc)
    nation = data.national()
    places = [(row, "here")] if row is not None and row is not nation else []
    shown = _state(data, area) if not by_state else []  # "Phoenix vs the state overall"
    places.append((nation, "nationally"))
    src = [data.source]
    said = "offer" if OFFERED & set(reading.lower) else "salary"  # "am I underpaid at 72k": a salary, not an offer
    _heading(b, kb, reading, f"where {an(money(annual))} {said} stands, {where}, {data.label}")
    ranks = "; ".join(standings(data, places, annual))
    rows: list[FactRow] = [(f"Your {said}", f"{offer_text(annual)}: {ranks}", src)]
    for place, _ in places[:1] + shown + places[1:]:
        median = data.value(place, "annual_median")
        if median is not None:
            name = "United States" if place is nation else place.name
            value = f"{data.text(place, 'annual_median')} a year: your {said} is {versus(annual, median)} it"
            rows.append((f"Median, {name}", value, src))
    rows.append(sources_row(kb, src))
    b.facts(rows)
    if by_state and area is not None:
        b.note(f"BLS has no figure for {area.name}: its state's is shown.", src)
    b.note(NOT_BY)
    return Answered(frozenset({"place", "amount", "role", "unheld"}))


def _state(data: WageData, area: Area | None) -> list[tuple[WageRow, str]]:
    """The state's row for a metro or nonmetro area, beside the area's own."""
    from .pay import state_row

    state = state_row(data, area)
    return [(state, "in the state")] if state is not None else []


def _heading(b: Builder, kb: KnowledgeBase, reading: Reading, title: str) -> None:
    """The card's heading, and under it, where who asks is in an occupation the guide has no figures for, that
    it has none (`unheld.said`)."""
    from .unheld import said

    if not said(b, kb, reading, title):
        b.heading(f"Answer: {title}")
