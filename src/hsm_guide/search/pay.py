"""The pay card: the median nationally or in the place a question names (a metro's state and the
nation beside it), in the industries it names, or another occupation's (this one's beside it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .card import Answered, industry_row, median, not_by, sources_row

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..model import Card, KnowledgeBase
    from ..sections.builder import Builder, FactRow
    from ..wages.areas import Area
    from ..wages.lookup import WageData
    from ..wages.model import WageRow
    from .reading import Reading

STARTING = "starting"  # the synonym group of a question about starting pay
PERCENTILES = frozenset({"10", "10th", "90", "90th", "percent", "percentile", "percentiles"})
QUARTILES = frozenset({"25", "25th", "75", "75th", "quartile", "quartiles", "percentile", "percentiles"})
EXPERIENCE = frozenset({"experience", "experienced", "seniority", "senior"})  # "pay with 10 years' experience"
LOCAL = frozenset({"local", "locally", "near", "nearby", "around"})  # "pay near me", "local salaries"
MINE = frozenset({"my", "our"})  # "in my area", "in our state"


def pay(b: Builder, kb: KnowledgeBase, reading: Reading, card: Card) -> Answered | None:
    if kb.wages is None:
        return None
    from ..wages.lookup import wage_data
    from .unheld import said

    data = wage_data(kb)
    others = reading.every("occupation")
    soc = others[0] if len(others) == 1 else data.soc
    area = reading.place.area if reading.place else None
    row, where, by_state = located(data, area, soc)
    src = [data.source]
    title = f"{data.occupation_name(soc)}, pay in {where}" + (
        f", the state (no figure for {area.name})" if by_state and area else ""
    )
    if not said(b, kb, reading, title):
        b.heading(f"Answer: {title}")
    if row is None:
        rows: list[FactRow] = [(f"Median pay, {data.label}", f"BLS publishes no estimate for {where}", src)]
    else:
        rows = _figures_rows(data, reading, row, area, soc == data.soc)
    if soc != data.soc:  # the occupation the guide is about, beside the one asked of, in the same place
        rows += own_beside(data, area, by_state)
    industries = reading.every("industry") if soc == data.soc else []
    rows += _industry_rows(data, soc, industries)
    rows.append(sources_row(kb, [data.source]))
    b.facts(rows)
    if by_state:
        b.note(f"BLS figures for {data.occupation_name(soc).lower()} in the guide are by state: {where}.", src)
    used = {"place", "occupation", "unheld", "year"} | ({"industry", "setting"} if industries else set())
    used |= {"credential"} if soc == data.soc and row is not None else set()  # said: no pay by credential
    _notes(b, kb, data, row, reading)
    return Answered(frozenset(used | {"role"}))


def _industry_rows(data: WageData, soc: str, industries: list[str]) -> list[FactRow]:
    """The occupation's national figure in each industry named, where BLS publishes one."""
    found = (data.row("0000000", soc, code) for code in industries)
    return [industry_row(data, row) for row in found if row is not None]


def _figures_rows(data: WageData, reading: Reading, row: WageRow, area: Area | None, ours: bool) -> list[FactRow]:
    """The row's figures; for this occupation (`ours`), that BLS has no pay by a credential named, and the
    place beside its state and the nation."""
    rows = figures(data, row, reading) + (_by_credential(data, reading) if ours else [])
    return rows + beside(data, row, area if ours else None)


def _by_credential(data: WageData, reading: Reading) -> list[FactRow]:
    """Pay asked beside a credential ("does the FACHE raise your salary"): BLS has no pay by credential."""
    named = [c.code for c in reading.every("credential")]
    if not named:
        return []
    what = " or ".join(named)
    said = f"{not_by('credential')}: no figure for what the {what} adds"
    return [("By credential", said, [data.source])]


def own_beside(data: WageData, area: object, by_state: bool) -> list[FactRow]:
    """This occupation's median beside another's: at the same level (the state, where the other's figures
    are by state), and then the area's own, said apart."""
    from ..wages.areas import Area

    src = [data.source]
    own = data.occupation_name(data.soc)
    if by_state and isinstance(area, Area):
        state = state_row(data, area)
        local = data.row(area.code)
        rows: list[FactRow] = [(f"{own}, {state.name}", data.yearly_and_hourly(state, "median"), src)] if state else []
        if local is not None:
            rows.append((f"{own}, {area.name} alone", data.yearly_and_hourly(local, "median"), src))
        return rows
    row, where, _ = located(data, area, data.soc)
    return [(f"{own}, {where}", data.yearly_and_hourly(row, "median"), src)] if row else []


def located(data: WageData, area: object, soc: str) -> tuple[WageRow | None, str, bool]:
    """The occupation's row in the area (its state's where the release has only states for it), the place's
    name, and whether the state stood in for the area."""
    from ..wages.areas import Area

    if not isinstance(area, Area) or area.kind == "national":
        return data.national(soc), "the United States", False
    row = data.row(area.code, soc)
    if row is not None or area.kind == "state":
        return row, area.name, False
    state = data.row(state_code(data, area.state), soc)
    return state, state.name if state else area.name, state is not None


def state_row(data: WageData, area: object) -> WageRow | None:
    """The state's row for a metro or nonmetro area (None for a state, the nation or no area)."""
    from ..wages.areas import Area

    if not isinstance(area, Area) or area.kind in ("state", "national"):
        return None
    return data.row(state_code(data, area.state))


def state_code(data: WageData, postal: str) -> str:
    """The BLS area code of the state with this postal code."""
    from ..wages.states import STATES

    return next((f"{fips}00000" for fips, (code, _) in STATES.items() if code == postal), "0000000")


def figures(data: WageData, row: WageRow, reading: Reading) -> list[FactRow]:
    """The median, the middle 80%, and the ends or the starting pay where asked."""
    src = [data.source]
    rows: list[FactRow] = [
        (f"Median pay, {data.label}", data.yearly_and_hourly(row, "median"), src),
        ("Middle 80%", f"{data.text(row, 'annual_p10')} to {data.text(row, 'annual_p90')} a year", src),
    ]
    words = set(reading.lower)
    if QUARTILES & words:  # "the 75th percentile": every percentile BLS publishes, in a row
        points = ", ".join(f"{n}th {data.text(row, f'annual_p{n}')}" for n in (10, 25, 75, 90))
        rows.append(("Percentiles", f"{points} a year", src))
    elif ends_asked(reading.lower):  # "what do the top 10% earn": each end said plainly
        rows.append(("Lowest-paid 10%", f"earned under {data.text(row, 'annual_p10')} a year", src))
        rows.append(("Top-paid 10%", f"earned over {data.text(row, 'annual_p90')} a year", src))
    if words & {"mean", "average"}:  # BLS's mean beside its median: the two differ by thousands
        rows.append(("Mean pay", data.yearly_and_hourly(row, "mean"), src))
    if STARTING in reading.groups:  # BLS has no starting wage; the 10th percentile is the nearest figure, first
        p10 = data.text(row, "annual_p10")
        rows.insert(
            0, ("Starting pay", f"BLS publishes no starting wage; the lowest-paid 10% earned under {p10} a year", src)
        )
    if EXPERIENCE & set(reading.words):  # BLS publishes no pay by experience: the spread is the nearest figure
        quartiles = f"{data.text(row, 'annual_p25')} to {data.text(row, 'annual_p75')}"
        rows.append(
            ("By experience", f"BLS publishes no pay by years of experience; the middle half earned {quartiles}", src)
        )
    return rows


def ends_asked(words: Sequence[str]) -> bool:
    """Whether the question names a percentile: "top 10%", "90th", never "10 years" of experience."""
    years = ({"years"}, {"year"})  # the short forms (yrs) are read as these
    return any(w in PERCENTILES and set(words[i + 1 : i + 2]) not in years for i, w in enumerate(words))


def beside(data: WageData, row: WageRow, area: object) -> list[FactRow]:
    """A metro's or nonmetro area's state, and the nation, against the area's median."""
    from ..sections.pay.common import versus
    from ..wages.areas import Area

    if not isinstance(area, Area) or area.kind == "national" or row.annual_median is None:
        return []
    src = [data.source]
    rows: list[FactRow] = []
    state = state_row(data, area)
    if state is not None:
        rows.append((f"In {state.name}", median(data, state), src))
    nation = data.national()
    if nation.annual_median is not None:
        national = data.text(nation, "annual_median")
        said = f"{versus(row.annual_median, nation.annual_median)} the national median ({national})"
        rows.append(("Against the nation", said, src))
    return rows


def _notes(b: Builder, kb: KnowledgeBase, data: WageData, row: WageRow | None, reading: Reading) -> None:
    """A rough estimate's warning, where to name a place, years the guide has no pay for, a specialization."""
    if row is not None and (rough := data.rough(row)):
        b.note(rough, [data.source])
    words = set(reading.words)
    if reading.place is None and (
        words & LOCAL or (words & MINE and words & {"area", "city", "town", "state", "county"})
    ):
        b.note(
            "Name your state or city for its own figures: "
            "hsm-guide search pay in Columbus Ohio, or hsm-guide pay --area OH."
        )
    from ..sections.pay.editions import pay_years

    held = pay_years(kb)
    for year in (y for y in reading.years if y not in held):
        b.note(f"The guide has no pay figures for {year}; the years it holds: {', '.join(map(str, held))}.")
    role = reading.first("role")
    if role is not None and role.specialization:  # "health informatics manager pay": counted here, not apart
        b.note(
            f"The guide's sources name {role.name.lower()} as one of this occupation's specializations; "
            "BLS publishes no separate figure for it.",
            [*role.sources, data.source],
        )
    if reading.place is not None and reading.past_year is not None:  # past editions are national only
        year = reading.past_year
        b.note(
            f"For {year} the guide has national figures only: hsm-guide pay --year {year}. These are {data.label}'s."
        )
