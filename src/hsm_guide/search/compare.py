"""Comparisons in any wording (X or Y, X vs Y, the difference between X and Y, which is better, do X
make more than Y): two places, industries, occupations (locally, where the release has it) or roles
side by side (degrees and credentials: studies.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..words import listed
from .card import Answered, cards_for, entry, industry_row, jobs, median, sources_row, yours

ALL = "00-0000"  # all occupations: where pay stands across the economy
MOST = 4  # occupations one question sets side by side
INDUSTRIES = 6  # industries one question sets side by side: a list of settings ("hospitals, clinics, ...")
# Words that ask how an occupation is classified ("does a CFO count as...", "is that the same occupation")
COUNTED = frozenset({"count", "counts", "counted", "classified", "classify", "classification", "category"}) | {
    *("coded", "code", "include", "includes", "included")  # "do the BLS numbers include hospital CEOs"
}
# ...and phrases that do ("the same occupation as"), where "the same" alone asks of pay ("do RNs make the same")
COUNTED_PHRASES: tuple[str, ...] = (" am i a ", " same occupation ", " same job ", " same thing ", " same code ")
# "is that this job or a different one?"
COUNTED_PHRASES += (" this job or ", " different one ", " different job ", " different occupation ")

if TYPE_CHECKING:
    from ..model import Card, KnowledgeBase, Route
    from ..sections.builder import Builder, FactRow
    from ..wages.areas import Area
    from ..wages.lookup import WageData
    from ..wages.model import WageRow
    from .parts import Role
    from .reading import Reading


def places(b: Builder, kb: KnowledgeBase, reading: Reading, card: Card) -> Answered | None:
    """The areas' medians and middle 80% side by side (two, or every place the question names)."""
    if kb.wages is None or reading.place is None or reading.other is None:
        return None
    if reading.every("rural"):  # rural pay asked: each state's nonmetro areas, as the rural card shows them
        return _rural(b, kb, reading, card)
    from ..wages.lookup import wage_data
    from .pay import ends_asked

    data = wage_data(kb)
    pair = [(f.area, data.row(f.area.code)) for f in reading.places]
    b.heading(f"Answer: {listed([a.name for a, _ in pair])}, pay side by side, {data.label}")
    src = [data.source]
    rows: list[FactRow] = []
    ends = ends_asked(reading.lower)  # "what do the top 10% make in boston and nyc": each end said plainly
    for area, row in pair:
        if row is None:
            rows.append((area.name, "BLS publishes no estimate", src))
            continue
        said = f"{data.yearly_and_hourly(row, 'median')} (median); {_spread(data, row, ends)}{jobs(data, row)}"
        rows.append((area.name, said, src))
    higher = _higher([(a.name, r.annual_median if r else None) for a, r in pair])
    b.facts([*rows, *higher, sources_row(kb, [data.source])])
    return Answered(frozenset({"place", "two-places", "role"}))  # a role: this occupation under a title


def _rural(b: Builder, kb: KnowledgeBase, reading: Reading, card: Card) -> Answered | None:
    """The rural card's answer and its read-on, for places compared where rural pay is asked."""
    from .rankings import rural_pay

    rural = next(iter(cards_for(kb, "rural-pay")), card)
    found = rural_pay(b, kb, reading, rural)
    return found._replace(command=rural.command) if found else None


def _spread(data: WageData, row: WageRow, ends: bool) -> str:
    """The middle 80%, or where the ends are asked, each end ('$239,200 or more' is BLS's top code)."""
    low, high = data.text(row, "annual_p10"), data.text(row, "annual_p90")
    if not ends:
        return f"middle 80% {low} to {high}"
    return f"lowest-paid 10% under {low}, top-paid 10% {high if high.endswith(' or more') else high + ' or more'}"


def industries(b: Builder, kb: KnowledgeBase, reading: Reading, card: Card) -> Answered | None:
    """The industries named (two, up to INDUSTRIES) with their national medians, and the occupation's overall median."""
    if kb.wages is None:
        return None
    from ..wages.lookup import wage_data

    data = wage_data(kb)
    found = [r for code in reading.every("industry")[:INDUSTRIES] if (r := data.row("0000000", None, code))]
    if len(found) < 2:
        return None
    src = [data.source]
    b.heading(f"Answer: pay by industry, United States, {data.label}")
    rows: list[FactRow] = [(r.industry_name, median(data, r, hourly=True), src) for r in found]
    rows.append(("All industries", median(data, data.national(), hourly=True), src))
    rows += _higher([(r.industry_name, r.annual_median) for r in found])
    b.facts([*rows, sources_row(kb, [data.source])])
    b.note("BLS publishes pay by industry for the nation only.", src)
    return Answered(frozenset({"industry", "setting", "role"}))


def occupations(b: Builder, kb: KnowledgeBase, reading: Reading, card: Card) -> Answered | None:
    """Occupations' medians side by side (up to four named; one named: beside this one), in the place's state where one
    is named (the release has the related occupations by state), else nationally. Both are shown at one
    level: where one has only its state's figure, so has the other, and a local figure is said apart.
    An occupation the extract does not hold is said to be missing, never stood in for."""
    if kb.wages is None:
        return None
    from ..wages.lookup import wage_data
    from .unheld import asker

    data = wage_data(kb)
    pair = _pair(reading, data)
    if pair is not None and ALL in pair and asker(reading):  # who asks has no figures here: this one's pay answers
        return _for_the_asker(b, kb, reading, card)
    if pair is None:
        return None
    area = reading.place.area if reading.place else None
    found, where, local = _alike(data, area, pair)
    names = [data.occupation_name(s) for s in pair]
    _heading(b, kb, reading, f"{listed(names)}, pay side by side", where, area, data.label)
    rows = _side_by_side(data, reading, pair, found, local)
    industries = _in_industries(data, reading, pair, found if area is None else []) if data.soc in pair else []
    counted = _counted(kb, data, pair, reading.every("role")) if _asks_how_counted(reading) else []
    cited = [data.source, *(i for _, _, s in counted for i in s)]
    b.facts([*rows, *industries, *counted, sources_row(kb, cited)])
    _notes(b, kb, reading, data, where, pair)
    used = {"occupation", "unheld", "place", "background", "role", "amount"}
    return Answered(frozenset(used | ({"industry", "setting"} if industries else set())))


def _for_the_asker(b: Builder, kb: KnowledgeBase, reading: Reading, card: Card) -> Answered | None:
    """This occupation's pay for who asks from an occupation the extract does not hold, beside the salary they
    name ("a teacher making 85k, would I take a pay cut": where $85,000 stands here)."""
    from .offer import offer
    from .pay import pay

    salary = reading.amount is not None
    shown = next(iter(cards_for(kb, "offer" if salary else "pay")), card)  # its read-on is that card's
    answered = (offer if salary else pay)(b, kb, reading, shown)
    return answered._replace(command=shown.command) if answered else None


def _heading(
    b: Builder, kb: KnowledgeBase, reading: Reading, shown: str, where: str, area: Area | None, label: str
) -> None:
    """The answer's heading: what is shown, and where, an area whose state's figures stand for it said so;
    where an occupation named has no figures, the note that says so takes its place (`unheld.said`)."""
    from .unheld import said

    state = f" (the state's figures for {area.name})" if area is not None and where != area.name else ""
    title = f"{shown}, {where}{state}, {label}"
    if not said(b, kb, reading, title):
        b.heading(f"Answer: {title}")


def _notes(b: Builder, kb: KnowledgeBase, reading: Reading, data: WageData, where: str, pair: list[str]) -> None:
    """Under the figures: the state whose figures stand for the place named, this occupation's growth where
    growth is asked (the guide projects this occupation alone), and its schooling where schooling is."""
    if reading.place and where != reading.place.area.name:
        b.note(f"BLS figures for these occupations in the guide are by state: {where} for {reading.place.area.name}.")
    if "growing" in reading.tokens:
        _own_growth(b, kb, data.occupation_name(data.soc))
    if _SCHOOLING & reading.groups:
        _own_schooling(b, kb, data, [s for s in pair if s != data.soc], reading.first("background"))


def _side_by_side(
    data: WageData, reading: Reading, pair: list[str], found: list[WageRow | None], local: list[tuple[str, WageRow]]
) -> list[FactRow]:
    """Each occupation's median, which pays more, this occupation's local figure apart, and the asker's own
    pay ("3k a week") where it would stand among this occupation's."""
    src = [data.source]
    names = [data.occupation_name(s) for s in pair]
    rows: list[FactRow] = [(name, _median(data, row), src) for row, name in zip(found, names, strict=True)]
    rows += _higher([(n, r.annual_median if r else None) for n, r in zip(names, found, strict=True)])
    rows += [(f"{data.occupation_name(s)}, {r.name} alone", _median(data, r), src) for s, r in local]
    if reading.amount is not None and data.soc in pair:
        rows.append(yours(data, found[pair.index(data.soc)], reading.amount, f"among {names[pair.index(data.soc)]}"))
    return rows


def _asks_how_counted(reading: Reading) -> bool:
    """Whether the question asks how BLS classes an occupation ("does a CFO count as", "am I a X or a Y")."""
    typed = f" {' '.join(reading.lower)} "
    return bool(COUNTED & set(reading.lower)) or any(phrase in typed for phrase in COUNTED_PHRASES)


def _counted(kb: KnowledgeBase, data: WageData, pair: list[str], roles: list[Role]) -> list[FactRow]:
    """How BLS counts the occupations asked of ("does a hospital CFO count as a health services manager"):
    apart, each under its own code, and what this one's code covers (the glossary's SOC entry); a job title
    of this occupation named ("nurse manager") is said to be counted in it."""
    term = entry(kb, "soc-code")
    codes = [f"{data.occupation_name(s)} ({s})" for s in pair if s != ALL]
    said = f"As separate occupations, each with its own code: {listed(codes)}."
    if roles:
        own = f"{data.occupation_name(data.soc)} ({data.soc})"
        said += f" {listed([r.name for r in roles])}: counted in {own}, as one of its job titles."
    cited = [*(term.sources if term else []), *(i for r in roles for i in r.sources)]
    return [("How BLS counts them", f"{said} {term.example}" if term and term.example else said, cited)]


def _in_industries(data: WageData, reading: Reading, pair: list[str], national: list[WageRow | None]) -> list[FactRow]:
    """This occupation's national median in the first industry named ("dental office manager": offices of
    dentists), the name in the value (a long name as a label would stack the card); beside one other
    occupation's national median, which pays more there."""
    own = data.occupation_name(data.soc)
    codes = reading.apart("industry")[:1]  # the card stays short
    r = data.row("0000000", data.soc, codes[0]) if codes else None
    if r is None:
        return []
    rows: list[FactRow] = [industry_row(data, r, f"{own} in ")]
    if len(pair) == 2 and len(national) == 2:  # the other's median is of all industries: said so
        other = next(i for i, s in enumerate(pair) if s != data.soc)
        row = national[other]
        name = f"{data.occupation_name(pair[other])} (all industries)"
        pays = [(name, row.annual_median if row else None), (f"{own} in {r.industry_name}", r.annual_median)]
        rows += [("Difference there", value, src) for _, value, src in _higher(pays)]
    return rows


def _own_growth(b: Builder, kb: KnowledgeBase, own: str) -> None:
    """The projection the guide holds (this occupation's), and that it holds none for the others."""
    from ..sections.builder import current_edition, growth_text

    edition = current_edition(kb)
    growth = growth_text(edition)
    if growth:
        b.note(f"Projected growth: {own}, {growth}; the guide holds no projection for the others.", edition.sources)


_SCHOOLING = frozenset({"degree", "school", "schooling", "schools"})  # the degree group, and its everyday words


def _own_schooling(b: Builder, kb: KnowledgeBase, data: WageData, others: list[str], who: Route | None) -> None:
    """The schooling the guide holds (this occupation's usual entry education), that it holds none for the
    others, and the route in from any of them it has one for (else from the background named: a respiratory
    therapist's is the clinician's)."""
    entry = next(iter(kb.quick_facts.entry_requirements), None)  # the first set is the current one
    own = data.occupation_name(data.soc)
    named = listed([data.occupation_name(s) for s in others]) or "the others"
    if entry is None or entry.education is None:
        said = f"Schooling: the guide holds none for {own} or {named}."
    else:
        education = entry.education.lower()
        article = "an" if education[:1] in "aeiou" else "a"
        said = f"Schooling: {own} usually start with {article} {education} (BLS); the guide holds none for {named}."
    keys = [r.key for r in kb.paths.backgrounds if r.soc in others] or ([who.key] if who else [])
    routes = [f"hsm-guide path --from {key}" for key in keys]
    if routes:
        said += f" The route from that work into this one: {', '.join(routes)}."
    b.note(said, entry.sources if entry else [])


def _alike(
    data: WageData, area: object, socs: list[str]
) -> tuple[list[WageRow | None], str, list[tuple[str, WageRow]]]:
    """Each occupation's row at one level, the place's name at that level, and the local rows a state
    stood in for (said apart, never set against another occupation's state figure)."""
    from .pay import located

    found = [located(data, area, s) for s in socs]
    if not any(by_state for *_, by_state in found):
        return [row for row, _, _ in found], found[0][1], []
    state = next(place for _, place, by_state in found if by_state)
    rows = [row if by_state else _state_row(data, area, s) for (row, _, by_state), s in zip(found, socs, strict=True)]
    local = [(s, row) for (row, _, by_state), s in zip(found, socs, strict=True) if row is not None and not by_state]
    return rows, state, local


def _state_row(data: WageData, area: object, soc: str) -> WageRow | None:
    """The occupation's row in the state of `area` (a metro or nonmetro area)."""
    from ..wages.areas import Area
    from .pay import state_code

    return data.row(state_code(data, area.state), soc) if isinstance(area, Area) else None


def _pair(reading: Reading, data: WageData) -> list[str] | None:
    """The occupations to set side by side: those named (up to MOST), or the one named beside this one;
    where only an occupation the extract does not hold is named, this one beside all occupations."""
    socs = [s for s in reading.socs() if s in data.release.occupations]
    pair = socs[:MOST] if len(socs) >= 2 else [*socs, data.soc]
    if len(set(pair)) < 2 and reading.every("unheld") and ALL in data.release.occupations:
        pair = [data.soc, ALL]
    return pair if len(set(pair)) == len(pair) >= 2 else None


def _median(data: WageData, row: WageRow | None) -> str:
    return median(data, row, hourly=True) if row else "BLS publishes no estimate"


def _higher(pairs: list[tuple[str, float | None]]) -> list[FactRow]:
    """Which of two pays more, and by how much; of more than two, which pays most and least."""
    from ..blocks import money

    known = sorted(((name, v) for name, v in pairs if v is not None), key=lambda p: -p[1])
    if len(known) < 2 or (len(pairs) == 2 and len(known) != 2):
        return []
    (a, x), (low, y) = known[0], known[-1]
    if x == y:
        return [("Difference", "the same median", [])]
    if len(pairs) == 2:
        return [("Difference", f"{a} {money(x - y)} a year more at the median", [])]
    return [("Highest", f"{a}, {money(x - y)} a year more at the median than {low}", [])]


def roles(b: Builder, kb: KnowledgeBase, reading: Reading, card: Card) -> Answered | None:
    """Kinds of manager (or job titles) side by side: what each does, and that BLS publishes one pay for them
    all (the occupation's), so none can be said to pay more."""
    found = reading.every("role")[:MOST]
    if len(found) < 2:
        return None
    title = f"One of the job titles of {kb.identity.title}: the same occupation under another name"
    rows: list[FactRow] = [(r.name, r.text or title, list(r.sources)) for r in found]
    used = {"role", "occupation"}
    if kb.wages is not None:
        from ..wages.lookup import wage_data
        from .pay import located

        data = wage_data(kb)
        nation = data.national()
        row, where, _ = located(data, reading.place.area if reading.place else None, data.soc)
        if row is None:  # no estimate for the place: the nation's, said as such
            row, where = nation, "the United States"
        figure = data.yearly_and_hourly(row, "median")
        said = f"BLS publishes one figure for all of them: {figure} (median in {where}, {data.label})"
        rows.append(("Pay", said, [data.source]))
        if row is not nation:
            used.add("place")
    rows.append(sources_row(kb, [i for _, _, s in rows for i in s]))
    b.heading(f"Answer: {listed([r.name for r in found])} side by side")
    b.facts(rows)
    return Answered(frozenset(used))
