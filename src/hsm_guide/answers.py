"""The answer card a question leads with: the figure, its year and source, then where to read on.

Which card, and which view it leads to, is the knowledge base's choice (`questions.rules`,
read by questions.py); each card here only shows what the data holds, with its sources.
A card that the data cannot give (no wage extract, no estimate) is left out, and the
passages stand alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from .blocks import Bullets
from .model import KnowledgeBase, Rule
from .questions import Reading
from .sections.builder import Builder, FactRow

if TYPE_CHECKING:
    from .wages.lookup import WageData
    from .wages.model import WageRow

Card = Callable[[Builder, KnowledgeBase, Reading], bool]


def lead(b: Builder, kb: KnowledgeBase, reading: Reading) -> bool:
    """Add the card for the question's rule; False when there is none to give."""
    rule = reading.rule
    if rule is None:
        return False
    if not CARDS[rule.answer](b, kb, reading):
        return False
    b.hint(f"Read on: hsm-guide {command(rule, reading)}")
    return True


def command(rule: Rule, reading: Reading) -> str:
    """The rule's command with the place, setting and background the question named."""
    place = reading.place
    where = "" if place is None else (place.state if place.kind == "state" else place.code)
    values = {
        "place": where,
        "setting": reading.setting.key if reading.setting else "",
        "background": reading.background.key if reading.background else "student",
        "term": reading.term.term if reading.term else "",
    }
    return (rule.command or rule.view).format(**values)


def _source_row(kb: KnowledgeBase, source_id: str) -> FactRow:
    return _sources_row(kb, [source_id])


def _sources_row(kb: KnowledgeBase, ids: Iterable[str]) -> FactRow:
    """The sources a card's figures come from, by publisher and short title."""
    wanted = list(dict.fromkeys(ids))
    found = [s for i in wanted for s in kb.sources if s.id == i]
    names = list(dict.fromkeys(f"{s.publisher}, {short_title(s.title)}" for s in found))
    return ("Source" if len(names) == 1 else "Sources", "; ".join(names), wanted)


def short_title(title: str) -> str:
    """A title up to its first ': ' outside brackets, so a label never leaves a bracket open:
    'Relative standard error (Health, United States: definitions)' stays whole."""
    depth = 0
    for i, c in enumerate(title):
        depth += (c in "([{") - (c in ")]}")
        if c == ":" and depth == 0 and title[i + 1 : i + 2] in (" ", ""):
            return title[:i]
    return title


def pay(b: Builder, kb: KnowledgeBase, reading: Reading) -> bool:
    """The median (yearly and hourly) nationally or in the place named, the range, and the rule's industries."""
    if kb.wages is None:
        return False
    from .wages.lookup import wage_data

    data = wage_data(kb)
    others = [s for s in reading.occupations if s != data.soc]
    soc = others[0] if len(others) == 1 else data.soc
    place = reading.place
    row = data.national(soc) if place is None or place.kind == "national" else data.row(place.code, soc)
    where = place.name if place is not None and place.kind != "national" else "the United States"
    src = [data.source]
    b.heading(f"Answer: {data.occupation_name(soc)}, pay in {where}")
    rows: list[FactRow] = []
    if row is None:
        rows.append((f"Median pay, {data.label}", f"BLS publishes no estimate for {where}", src))
    else:
        rows.append((f"Median pay, {data.label}", data.yearly_and_hourly(row, "median"), src))
        rows.append(("Middle 80%", f"{data.text(row, 'annual_p10')} to {data.text(row, 'annual_p90')} a year", src))
    industries = reading.rule.industries if reading.rule and soc == data.soc else []
    for code in industries:
        industry = data.row("0000000", soc, code)
        if industry is not None:
            label = f"{industry.industry_name}, United States"
            rows.append((label, data.yearly_and_hourly(industry, "median") + " (median)", src))
    rows.append(_source_row(kb, data.source))
    b.facts(rows)
    _pay_notes(b, data, row, reading)
    return True


def _pay_notes(b: Builder, data: WageData, row: WageRow | None, reading: Reading) -> None:
    """A rough estimate's warning, and the other areas the place's words name."""
    if row is not None and (rough := data.rough(row)):
        b.note(rough, [data.source])
    if reading.also:
        listed = "; ".join(a.name for a in reading.also[:3]) + ("; and more" if len(reading.also) > 3 else "")
        b.note(f"Other areas match too ({listed}): add the state to choose one.")


def timeline(b: Builder, kb: KnowledgeBase, reading: Reading) -> bool:
    from .sections.timeline import timeline as route_timeline

    route = reading.background or kb.paths.backgrounds[0]
    found = route_timeline(kb, route.key)
    b.heading(f"Answer: how long it takes, {route.name[0].lower()}{route.name[1:]}")
    b.facts([("Route", route.name, []), ("How long", found.phrase, found.sources), _sources_row(kb, found.sources)])
    return True


def degrees(b: Builder, kb: KnowledgeBase, reading: Reading) -> bool:
    first, second = reading.degrees[:2]
    b.heading(f"Answer: {_short(first.name)} and {_short(second.name)} side by side")
    pair = (first, second)
    b.facts([*((d.name, d.text, d.sources) for d in pair), _sources_row(kb, [i for d in pair for i in d.sources])])
    return True


def _short(name: str) -> str:
    return name[name.index("(") + 1 : name.index(")")] if "(" in name else name


def occupations(b: Builder, kb: KnowledgeBase, reading: Reading) -> bool:
    """Two occupations' national medians side by side, from the wage extract."""
    if kb.wages is None:
        return False
    from .wages.lookup import wage_data

    data = wage_data(kb)
    names = [data.occupation_name(s) for s in reading.occupations[:2]]
    b.heading(f"Answer: {names[0]} and {names[1]}, pay side by side")
    rows: list[FactRow] = []
    for soc, name in zip(reading.occupations[:2], names, strict=True):
        row = data.national(soc)
        rows.append((f"{name}, median, {data.label}", data.yearly_and_hourly(row, "median"), [data.source]))
    rows.append(_source_row(kb, data.source))
    b.facts(rows)
    return True


def certifications(b: Builder, kb: KnowledgeBase, reading: Reading) -> bool:
    """The credentials the setting's route names, each with whom it suits."""
    setting = reading.setting
    if setting is None:  # pragma: no cover - the rule needs a setting
        return False
    named = " ".join(s.text for s in setting.steps if s.kind == "certification")
    found = [c for c in kb.certifications.credentials if c.code in named.replace(",", " ").replace(".", " ").split()]
    if not found:
        return False
    b.heading(f"Answer: certifications for {setting.name[0].lower()}{setting.name[1:]}")
    rows: list[FactRow] = [(c.code, f"{c.name} ({c.body}): {c.suits}", c.sources) for c in found]
    b.facts([*rows, _sources_row(kb, [i for c in found for i in c.sources])])
    return True


def key_points(b: Builder, kb: KnowledgeBase, reading: Reading) -> bool:
    """The key points of the rule's view, as its --brief shows them."""
    from .sections import BY_NAME

    rule = reading.rule
    section = BY_NAME.get(rule.view) if rule else None
    if section is None:
        return False
    brief = section.brief(kb)
    points = next((block for block in brief.blocks if isinstance(block, Bullets)), None)
    if points is None:
        return False
    b.entries(f"Answer: {brief.title}, key points", points.entries)
    b.facts([_sources_row(kb, [i for e in points.entries for i in e.sources])])
    return True


def term(b: Builder, kb: KnowledgeBase, reading: Reading) -> bool:
    """The glossary's entry for the term the question names, as `explain` gives it."""
    found = reading.term
    if found is None:
        return False
    b.heading(f"Answer: {found.name}")
    b.facts([(found.name, found.text, found.sources), _sources_row(kb, found.sources)])
    return True


CARDS: dict[str, Card] = {
    "pay": pay,
    "timeline": timeline,
    "degrees": degrees,
    "occupations": occupations,
    "certifications": certifications,
    "key-points": key_points,
    "term": term,
}
