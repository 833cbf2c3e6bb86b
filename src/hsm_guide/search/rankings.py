"""Pay across many areas or years: the best- or lowest-paying states and metros, the best-paying
industries, a region's states, rural (nonmetropolitan) areas, and a past handbook edition's median."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import dropwhile
from typing import TYPE_CHECKING

from ..words import listed
from .card import Answered, jobs, median, sources_row, yours

if TYPE_CHECKING:
    from ..model import Card, KnowledgeBase
    from ..sections.builder import Builder, FactRow
    from ..wages.lookup import WageData
    from ..wages.model import WageRow
    from .reading import Reading

LOWEST = "lowest"  # the synonym group of a question about the lowest pay
BEST = "best"  # that of a question about the best pay: with LOWEST, "which pay the most and which the least"
RANKED = 5  # areas or industries a ranking card lists


def _medians(data: WageData, rows: Iterable[WageRow]) -> list[FactRow]:
    """One row an area: its name, and its median a year and an hour."""
    return [(r.name, median(data, r, hourly=True), [data.source]) for r in rows]


def ranking(b: Builder, kb: KnowledgeBase, reading: Reading, card: Card) -> Answered | None:
    """The five best-paying states and DC (metro areas, when the card leads to pay --metros), or the five lowest."""
    if kb.wages is None:
        return None
    from ..sections.pay.states import ranked
    from ..wages.lookup import most_jobs_first, wage_data

    data = wage_data(kb)
    metros = "--metros" in (card.command or "")
    lowest = LOWEST in reading.groups
    areas = data.metros() if metros else _states_and_dc(data)
    order = [r for r in ranked(data, areas, False) if r.annual_median]
    kind = "metro areas" if metros else "states (and DC)"
    most = most_jobs_first(areas)[:RANKED] if _most_jobs(reading.lower) else []
    if most and "pay" not in reading.tokens:  # "which states have the most of these jobs": the counts lead
        return _most_jobs_card(b, kb, data, kind, most)
    if lowest and BEST in reading.groups and not most:  # "which pay the most and which the least": both ends
        return _both_ends(b, kb, data, kind, order)
    return _one_end(b, kb, data, kind, order[-RANKED:][::-1] if lowest else order[:RANKED], lowest, most)


def _both_ends(b: Builder, kb: KnowledgeBase, data: WageData, kind: str, order: list[WageRow]) -> Answered:
    """The five best-paying areas and the five lowest, each with its rank among them all."""
    b.heading(f"Answer: the best- and lowest-paying {kind}, {data.label}")
    best = _medians(data, order[:RANKED])
    worst = _medians(data, order[-RANKED:][::-1])
    ranked = [(f"{i}. {name}", text, cited) for i, (name, text, cited) in enumerate(best, 1)]
    ranked += [(f"{len(order) - i}. {name}", text, cited) for i, (name, text, cited) in enumerate(worst)]
    b.facts([*ranked, sources_row(kb, [data.source])])
    return Answered(frozenset())


def _one_end(
    b: Builder, kb: KnowledgeBase, data: WageData, kind: str, shown: list[WageRow], lowest: bool, most: list[WageRow]
) -> Answered:
    """The five best-paying areas, or the five lowest; with the areas of the most jobs where those are asked too."""
    b.heading(f"Answer: the {'lowest' if lowest else 'best'}-paying {kind}, {data.label}")
    rows = _medians(data, shown)
    if most:  # "which states have the most jobs, and which pay best": both halves
        counts = "; ".join(f"{r.name} ({data.text(r, 'employment', 'count')})" for r in most)
        rows.append(("Most of these jobs", counts, [data.source]))
    b.facts([*rows, sources_row(kb, [data.source])])
    return Answered(frozenset())


def _states_and_dc(data: WageData) -> list[WageRow]:
    """The states' rows and DC's, not the territories'."""
    from ..wages.states import TERRITORIES

    return [r for r in data.states() if r.state not in TERRITORIES]


def _most_jobs_card(b: Builder, kb: KnowledgeBase, data: WageData, kind: str, most: list[WageRow]) -> Answered:
    """The areas with the most of these jobs, each with its count and its median."""
    b.heading(f"Answer: the {kind} with the most of these jobs, {data.label}")
    counted: list[FactRow] = [
        (r.name, f"{data.text(r, 'employment', 'count')} jobs; {median(data, r)}", [data.source]) for r in most
    ]
    b.facts([*counted, sources_row(kb, [data.source])])
    return Answered(frozenset())


def _most_jobs(words: tuple[str, ...]) -> bool:
    """Whether the question asks where the most of these jobs are ("the most jobs", "the most medical and
    health services manager jobs", "employment"): 'most' and a word of jobs, only the occupation's name
    between them; or a word of employing before it ("which employ the most")."""
    if "employment" in words:
        return True
    for i, word in enumerate(words):
        if word in _EMPLOY and "most" in words[i + 1 : i + 3]:  # "which employ the most"
            return True
        if word in ("most", "more"):
            after = list(dropwhile(lambda w: w in _NAME, words[i + 1 :]))
            if after and after[0] in _JOBS:
                return True
    return False


_JOBS = frozenset({"jobs", "job", "positions", "openings", "managers", "employment"})
_EMPLOY = frozenset({"employ", "employs", "hire", "hires"})
_NAME = frozenset({"of", "these", "the", "medical", "and", "health", "services", "healthcare", "manager", "admin"})


def best_industries(b: Builder, kb: KnowledgeBase, reading: Reading, card: Card) -> Answered | None:
    """The best-paying industries with enough of these jobs to rank by, as pay --industry ranks them."""
    if kb.wages is None:
        return None
    from ..sections.pay.industry import BEST_PAYING_FLOOR, best_paying
    from ..wages.lookup import wage_data

    data = wage_data(kb)
    best = best_paying(data, False)[:RANKED]
    if not best:
        return None
    b.heading(f"Answer: the best-paying industries, {data.label}")
    rows: list[FactRow] = [
        (
            r.industry_name,
            f"{median(data, r)}; {data.text(r, 'employment', 'count')} jobs",
            [data.source],
        )
        for r in best
    ]
    largest = [f"{r.industry_name}, {data.text(r, 'annual_median')}" for r in data.largest_industries()[:3]]
    rows.append(("Where most work, median", "; ".join(largest), [data.source]))  # the care settings a reader expects
    b.facts([*rows, sources_row(kb, [data.source])])
    b.note(f"Ranked among industries with at least {BEST_PAYING_FLOOR:,} of these jobs.", [data.source])
    return Answered(frozenset({"industry", "setting"}))


def region_pay(b: Builder, kb: KnowledgeBase, reading: Reading, card: Card) -> Answered | None:
    """The median in each state of the region named, highest first (BLS publishes none for a region)."""
    region = reading.first("region")
    if kb.wages is None or region is None:
        return None
    from ..sections.pay.states import ranked
    from ..wages.lookup import wage_data

    data = wage_data(kb)
    states = ranked(data, [r for r in data.states() if r.state in region.states], False)
    b.heading(f"Answer: pay in {region.name}, by state, {data.label}")
    b.facts([*_medians(data, states), sources_row(kb, [data.source, *region.sources])])
    b.note("BLS publishes no figure for a region as a whole: these are its states' own medians.", [data.source])
    return Answered(frozenset({"region"}))


def rural_pay(b: Builder, kb: KnowledgeBase, reading: Reading, card: Card) -> Answered | None:
    """Rural pay: BLS's nonmetropolitan areas (of each state named; none named, the nation's three best-
    and lowest-paid), each with its median and how many of these jobs it has."""
    if kb.wages is None:
        return None
    from ..wages.lookup import wage_data
    from ..wages.states import STATES

    data = wage_data(kb)
    named = list(dict.fromkeys(f.area.state for f in reading.places if f.area.kind != "national" and f.area.state))
    areas = _rural_areas(data, named)
    if not areas:
        return None
    by_code = dict(STATES.values())  # postal code -> the state's name
    states = [s for s in named if any(r.state == s for r in areas)]  # New Jersey has no nonmetro area
    names = [by_code.get(state, state) for state in states]
    where = f" of {listed(names)}" if names else ""
    b.heading(f"Answer: pay in the rural (nonmetropolitan) areas{where}, {data.label}")
    shown = _shown(data, areas, len(states) == 1)
    rows = _rural_rows(data, shown, states, reading.amount)
    rows[len(shown) : len(shown)] = _metros_named(data, reading)
    b.facts([*rows, sources_row(kb, [data.source])])
    _rural_notes(b, len(areas), len(shown), [by_code.get(s, s) for s in named if s not in states])
    return Answered(frozenset({"place", "rural"} | ({"amount"} if reading.amount is not None else set())))


def _metros_named(data: WageData, reading: Reading) -> list[FactRow]:
    """The metro areas the question names beside the rural ones ("out here in the nonmetro areas vs in
    wichita"): each one's median and jobs, after the rural areas."""
    found = (data.row(f.area.code) for f in reading.places if f.area.kind == "metro")
    return [_area_row(data, r) for r in found if r is not None]


def _area_row(data: WageData, r: WageRow) -> FactRow:
    """An area's median, hourly too, and how many of these jobs it has."""
    return (r.name, median(data, r, hourly=True) + jobs(data, r), [data.source])


def _rural_rows(data: WageData, shown: list[WageRow], states: list[str], amount: float | None) -> list[FactRow]:
    """Each nonmetro area's median and jobs; for one state, the whole state and the nation beside; a salary
    named, where it stands in the first area shown ("am I underpaid at 82k out here")."""
    rows: list[FactRow] = [_area_row(data, r) for r in shown]
    if len(states) == 1:  # "do they make much less out there?"
        rows += _state_and_nation(data, states[0])
    if amount is not None:
        rows.append(yours(data, shown[0], amount, f"in {shown[0].name}"))
    return rows


def _rural_notes(b: Builder, areas: int, shown: int, without: list[str]) -> None:
    """How many nonmetro areas BLS gives and which are shown; the states named that have none."""
    which = "the three best- and lowest-paid are shown" if shown < areas else "all are shown"
    count = f"{areas} nonmetropolitan areas their own" if areas > 1 else "one nonmetropolitan area its own"
    b.note(f"BLS publishes no single rural figure: it gives {count}; {which}.")
    if without:
        b.note(f"{listed(without)}: BLS counts every part of it in a metro area, so it has no rural figure.")


def _shown(data: WageData, areas: list[WageRow], one_state: bool) -> list[WageRow]:
    """One state's areas all; the nation's or several states', where more than six, the three best- and
    lowest-paid (the card stays on one screen)."""
    from ..sections.pay.states import ranked

    if one_state or len(areas) <= 6:
        return areas
    order = ranked(data, areas, False)
    return [*order[:3], *order[-3:]]


def _rural_areas(data: WageData, states: list[str]) -> list[WageRow]:
    """The nonmetropolitan areas with a median, of each state named (none named: the nation's), each
    state's best-paid first."""
    from ..sections.pay.states import ranked

    each: list[str | None] = [*states] or [None]
    return [
        r
        for state in each
        for r in ranked(data, [r for r in data.metros(state) if r.kind == "nonmetro"], False)
        if r.annual_median
    ]


def _state_and_nation(data: WageData, state: str) -> list[FactRow]:
    """The whole state's median and the nation's, each where BLS gives one."""
    from .pay import state_code

    rows: list[FactRow] = []
    for whole in (data.row(state_code(data, state)), data.national()):
        if whole is not None and whole.annual_median:
            name = "United States" if whole.kind == "national" else f"All of {whole.name}"
            rows.append((name, median(data, whole, hourly=True), [data.source]))
    return rows


def past_pay(b: Builder, kb: KnowledgeBase, reading: Reading, card: Card) -> Answered | None:
    """The median a past handbook edition gives for the year the question names."""
    from ..sections.builder import median_text

    year = reading.past_year
    edition = next((e for e in kb.quick_facts.editions if e.pay_year == year), None)
    if edition is None:
        return None
    b.heading(f"Answer: pay in May {year}, from the handbook of the time")
    rows: list[FactRow] = [("Median pay", median_text(edition), edition.sources)]
    rows += _now(kb, edition.median_annual, edition.pay_year)
    b.facts([*rows, sources_row(kb, [i for _, _, s in rows for i in s])])
    return Answered(frozenset({"year"}))


def _now(kb: KnowledgeBase, then: float, year: int) -> list[FactRow]:
    """The current national median beside a past year's, and the change between them (not adjusted for
    prices: the guide has no price index, and says where one is where inflation is asked)."""
    if kb.wages is None:
        return []
    from ..sections.pay.common import versus
    from ..wages.lookup import wage_data

    data = wage_data(kb)
    nation = data.national()
    now = data.value(nation, "annual_median")
    if now is None:  # top-coded: no exact figure to compare
        return []
    said = f"{data.yearly_and_hourly(nation, 'median')}: {versus(now, then)} May {year}'s"
    return [(f"Now, {data.label}", f"{said}, before inflation", [data.source])]
