"""What a question names that its card did not use, said in a line each with where the guide holds
it (never dropped silently): a place for a card that is not by place, a background, a credential...
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .card import STATE_PROJECTIONS

if TYPE_CHECKING:
    from ..model import KnowledgeBase
    from ..places.names import Names
    from ..places.question import Found
    from .lexicon import Lexicon
    from .reading import Reading

Note = tuple[str, list[str]]  # the text and its sources

# Most telling first: only the first few are said.
ORDER = ("gap", "unheld", "place", "background", "setting", "occupation", "credential", "degree", "industry", "year")
_BY_ORDER = {kind: i for i, kind in enumerate(ORDER)}


def notes(
    kb: KnowledgeBase, reading: Reading, lexicon: Lexicon, used: frozenset[str], shown: object = None
) -> list[Note]:
    """A note for each thing the question names that the card did not use (`shown`: the gap the card
    itself says, where it is a gap's: another gap named is said too)."""
    found: dict[str, list[Note]] = {kind: [] for kind in ORDER}
    _places(reading, lexicon, used, found)
    _parts(kb, reading, used, found, shown)
    if "year" not in used:
        # the current release's year is what every figure is for: nothing to say of it
        current = kb.wages.release.year if kb.wages else kb.quick_facts.current_edition
        found["year"] += [_year(kb, y) for y in reading.years if y != current]
    towns = _towns(reading)
    words = [f"'{w}'" for w in reading.unknown if w not in towns]
    if words:
        found["year"].append((f"The guide holds nothing on {', '.join(words)}.", []))
    for town, (state, code) in towns.items():
        said = f"'{town}' names no BLS metro area: the figures are {state}'s; a town inside a metro area has that"
        found["place"].append((f"{said} area's (the state's metro areas: hsm-guide pay --metros --area {code}).", []))
    return [note for kind in ORDER for note in found[kind]]


def _towns(reading: Reading) -> dict[str, tuple[str, str]]:
    """Words the guide does not hold said right before a state ("in kalispell mt"): a town, and its state's name
    and postal code."""
    return {
        reading.lower[f.start - 1]: (f.area.name, f.area.state)
        for f in reading.places
        if f.area.kind == "state" and f.start > 0 and reading.lower[f.start - 1] in reading.unknown
    }


def _parts(
    kb: KnowledgeBase, reading: Reading, used: frozenset[str], found: dict[str, list[Note]], shown: object = None
) -> None:
    """A note for each part the card did not use, one a span (a setting, not the industry of the same
    words too), none for words within a part the card used (the hospital of 'hospital administrator')."""
    spans = [(p.start, p.end) for p in reading.parts if p.kind in used]
    noted: set[tuple[int, int]] = set()
    for p in sorted(reading.parts, key=lambda p: (p.start, _BY_ORDER.get(p.kind, len(ORDER)))):
        said = _SAID.get(p.kind)
        inside = p.kind != "gap" and any(a <= p.start and p.end <= z for a, z in spans)  # a gap is always said
        if said is None or p.kind in used or p.value is shown or inside or (p.start, p.end) in noted:
            continue
        noted.add((p.start, p.end))
        note = said(kb, p.value)
        if note and note not in found[p.kind]:
            found[p.kind].append(note)


def _places(reading: Reading, lexicon: Lexicon, used: frozenset[str], found: dict[str, list[Note]]) -> None:
    names = lexicon.names
    if names is None:
        return
    for i, place in enumerate(reading.places):
        if "place" in used and (i == 0 or "two-places" in used):
            shown = place.resolved._replace(rural=()) if "rural" in used else place.resolved  # the card lists them
            said = shown.note(names)
            if said:
                found["place"].append((said, []))
        elif i == 0:
            found["place"].append(_unused_place(reading, place, names))


def _unused_place(reading: Reading, place: Found, names: Names) -> Note:
    """Where the first place named is read on, the card not being by place: a license asked of, or of a
    licensed role, is by state, each state's; else the guide's pay there (the growth asked being national)."""
    if (reading.has("licensed-role") or "license" in reading.tokens) and place.area.state:
        from ..licensing.checks import ROWS

        codes = list(dict.fromkeys(f.area.state for f in reading.places if f.area.state))
        each = "; ".join(f"in {ROWS.get(c, c)}: hsm-guide licensure --state {c}" for c in codes)
        return (f"The nursing home administrator license {each}", [])
    national, cited = STATE_PROJECTIONS if "growing" in reading.tokens else ("", [])
    return (
        f"{national or 'This answer is not by place'}; the guide's pay in {place.area.name}: "
        f"hsm-guide pay --area {place.resolved.typed(names)}",
        cited,
    )


def advice(kb: KnowledgeBase, reading: Reading) -> str | None:
    """What the guide says to a question that asks for advice on a choice (is it worth it for me)."""
    found = kb.questions.advice if kb.questions else None
    asked = f" {' '.join(reading.lower)} "
    return found.text if found and any(f" {phrase} " in asked for phrase in found.said) else None


def _year(kb: KnowledgeBase, year: int) -> Note:
    release = kb.wages.release.release if kb.wages else "the latest release"
    edition = next((e for e in kb.quick_facts.editions if e.pay_year == kb.quick_facts.current_edition), None)
    decade = f" and projections for {edition.growth_start}-{edition.growth_end}" if edition else ""
    return (f"The answer is not for {year}: the guide's current figures are pay for {release}{decade}.", [])


def _gap(kb: KnowledgeBase, gap: Any) -> Note:
    look = f" {gap.look}" if gap.look else ""
    see = f" (hsm-guide {gap.command})" if gap.command else ""
    return (f"{gap.text}{look}{see}", list(gap.sources))


def _occupation(kb: KnowledgeBase, soc: str) -> Note | None:
    if soc == kb.identity.soc_code or kb.wages is None:
        return None
    name = kb.wages.release.occupations.get(soc, soc)
    return (f"{name}: their pay beside this occupation's, by state: hsm-guide related --area STATE", [])


def _unheld(kb: KnowledgeBase, occupation: Any) -> Note | None:
    held = kb.questions.unheld if kb.questions else None
    return (f"The guide has no figures for {occupation.name}. {held.look}", list(held.sources)) if held else None


_SAID: dict[str, Callable[[KnowledgeBase, Any], Note | None]] = {
    "gap": _gap,
    "unheld": _unheld,
    "background": lambda kb, r: (f"For {r.who}, the route in: hsm-guide path --from {r.key}", []),
    "setting": lambda kb, r: (f"In the {r.who}: hsm-guide path --setting {r.key}", []),
    "occupation": _occupation,
    "credential": lambda kb, c: (f"The {c.code} ({c.name}): hsm-guide certifications {c.code}", []),
    "degree": lambda kb, d: (f"The {d.name}: hsm-guide education", []),
    "industry": lambda kb, code: ("Pay in each industry: hsm-guide pay --industry", []),
}
