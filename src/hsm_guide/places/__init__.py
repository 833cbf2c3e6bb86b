"""One place resolver for the whole guide: `pay --area`, `related --area`, `path --area` and search.

What a reader types names a place the same way everywhere: a state's name or postal code, a
metro by a whole city of its name or a regional name (nyc, la, sf, dfw, twin cities, bay area),
a nonmetro area by its name or as "rural X" (the state's nonmetropolitan areas), a BLS code.
Where the words name several areas (portland, springfield, washington, la) the answer is the
one that employs the most of these managers, or the state, and says what else they could mean;
a misspelled name one or two letters off (tuscon) is read as that name, and says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from ..errors import UsageError
from ..wages.areas import Area, _words, candidates, find_area
from .names import STATE_CODES, STATE_NAMES, Names, names

if TYPE_CHECKING:
    from ..model import KnowledgeBase

RURAL = frozenset({"rural", "nonmetro", "nonmetropolitan", "countryside"})
_AROUND = frozenset({"area", "areas", "part", "parts", "of", "the", "in"})  # "rural parts of ohio"
SHOWN = 3  # other areas a note names


class Resolved(NamedTuple):
    """The area chosen for what a reader typed, and what else the words could mean."""

    area: Area
    said: str  # the words as typed
    others: tuple[Area, ...] = ()  # other areas the words name
    corrected: bool = False  # read as the closest name: the words named nothing
    rural: tuple[Area, ...] = ()  # "rural ohio": the state's nonmetro areas, the chosen one first

    def note(self, names: Names) -> str | None:
        """What the words were read as, and what else they could mean; None when they named one area."""
        said: list[str] = []
        if self.corrected:
            said.append(f"Read '{self.said}' as {self.area.name}.")
        if self.rural:
            state = names.state(self.area.state)
            rest = ", ".join(a.name for a in self.rural[1 : SHOWN + 1])
            more = " and more" if len(self.rural) > SHOWN + 1 else ""
            said.append(
                f"Rural {state.name if state else self.area.state} is {len(self.rural)} BLS nonmetropolitan "
                f"areas; this one has the most of these jobs; the others: {rest}{more}. "
                f"All of them: hsm-guide pay --metros --area {self.area.state}"
            )
        if self.others:
            listed = "; ".join(f"{a.name} (--area {form(names, a)})" for a in self.others[:SHOWN])
            more = f"; and {len(self.others) - SHOWN} more" if len(self.others) > SHOWN else ""
            said.append(f"'{self.said}' could also mean {listed}{more}.")
        return " ".join(said) or None

    def typed(self, names: Names) -> str:
        """How a command names the area: the reader's own words (the resolver reads them the same way
        everywhere), or for a misspelled name a short form of the name it was read as."""
        if not self.corrected and self.said:
            return quoted(self.said if self.said.isupper() and len(self.said) == 2 else self.said.lower())
        return form(names, self.area)


def quoted(words: str) -> str:
    return f'"{words}"' if " " in words else words


def form(names: Names, area: Area) -> str:
    """The shortest way to type an area that the resolver reads as that area alone: a postal code (or the
    state's name, where the code is also a regional name: LA), a city, a city and its state."""
    if area.kind == "national":
        return "us"
    place = area.name.rsplit(", ", 1)[0]
    if area.kind == "state":
        tried = [area.state, area.name.lower()]
    elif area.kind == "nonmetro":
        tried = [place.replace(" nonmetropolitan area", " nonmetro").lower()]
    else:
        city = place.split("-")[0].lower()
        regional = sorted((" ".join(k) for k, v in names.regional.items() if area in v), key=len)
        tried = [*regional[:1], city, f"{city} {area.state.lower()}", place.lower()]
    for text in tried:
        found = lookup(names, _words(text), text)
        if found is not None and found.area == area and not found.others and not found.rural:
            return quoted(text)
    return quoted(area.name)


def resolve(kb: KnowledgeBase, text: str, state: bool = False) -> Resolved:
    """The area `text` names (`state`: a state is wanted); a UsageError (exit 2) saying what to type
    where it names none and no name is one or two letters off."""
    found = names(kb)
    if found is None:
        from ..wages.lookup import wage_data

        wage_data(kb)  # raises: no wage extract
        raise AssertionError  # pragma: no cover
    words = _words(text) if text.strip() and len(text) <= 200 else []
    resolved = lookup(found, words, text.strip(), state) if words else None
    if resolved is None and words:
        resolved = closest(found, words, text.strip())
    if resolved is None:
        find_area(text, found.areas)  # raises with what to type, or the closest names
        raise AssertionError  # pragma: no cover - find_area found nothing the lookup missed
    if state and resolved.area.kind not in ("state", "national"):
        raise UsageError(f"give a state here; {resolved.area.name} is a {resolved.area.kind} area")
    return resolved


def explained(kb: KnowledgeBase, text: str, state: bool = False) -> tuple[Area, str | None]:
    """The area `text` names, and what the words were read as where that needs saying (for a page's note)."""
    resolved = resolve(kb, text, state)
    found = names(kb)
    return resolved.area, resolved.note(found) if found else None


def lookup(found: Names, words: list[str], said: str, state: bool = False) -> Resolved | None:
    """The rules every reader shares, in order: rural X; a regional name, alone or with its state (unless
    a state is wanted); the area index (a state, a code, a name); where several match, the one with the
    most jobs."""
    rural = _rural(found, words, said)
    if rural is not None:
        return rural
    if words and all(w in RURAL for w in words):  # "nonmetro" alone names no state's areas: no place
        return None
    regional = None if state else _regional(found, words, said) or _regional_in_state(found, words, said)
    if regional is not None:
        return regional
    return _indexed(found, words, said, state)


def _indexed(found: Names, words: list[str], said: str, state: bool) -> Resolved | None:
    """The areas the index matches (a state, a code, a name; a state first where one is wanted); where
    several of the first's kind match, the one with the most jobs, the others said."""
    matched = candidates(" ".join(words), found.areas)
    if state:
        matched = [a for a in matched if a.kind in ("state", "national")] or matched
    if not matched:
        return None
    best = found.most_first([a for a in matched if a.kind == matched[0].kind])
    chosen = best[0] if len(best) > 1 else matched[0]
    others = tuple(a for a in best if a != chosen) + also_named(found, chosen, tuple(words))
    return Resolved(chosen, said, others)


def _regional(found: Names, words: list[str], said: str) -> Resolved | None:
    """A regional name (nyc, la); where it is also a state's postal code, the state is named as the other meaning."""
    areas = found.regional.get(tuple(words), [])
    if not areas:
        return None
    code = " ".join(words).upper()
    also = found.state(STATE_NAMES.get(" ".join(words), code if code in STATE_CODES else ""))
    return Resolved(areas[0], said, (also,) if also else ())


def _regional_in_state(found: Names, words: list[str], said: str) -> Resolved | None:
    """A regional name followed by its state: 'twin cities mn', 'bay area california'."""
    from ..wages.areas import _listed_states

    for n in range(min(3, len(words) - 1), 0, -1):
        tail = " ".join(words[-n:])
        code = STATE_NAMES.get(tail) or (tail.upper() if n == 1 and tail.upper() in STATE_CODES else None)
        areas = found.regional.get(tuple(words[:-n]), []) if code else []
        chosen = [a for a in areas if code in _listed_states(a)]
        if chosen:
            return Resolved(chosen[0], said)
    return None


def also_named(found: Names, area: Area, key: tuple[str, ...]) -> tuple[Area, ...]:
    """Other areas the same words name: a state's name that is also a metro's first city or a regional
    name (washington, new york)."""
    if area.kind != "state":
        return ()
    others = [a for a in found.cities.get(key, []) if a.name.lower().startswith(" ".join(key))]
    others += [a for a in found.regional.get(key, []) if a not in others]
    return tuple(found.most_first(others))


def _rural(found: Names, words: list[str], said: str) -> Resolved | None:
    """'rural ohio', 'ohio nonmetro', 'rural parts of texas': the state's nonmetropolitan areas."""
    if RURAL.isdisjoint(words):
        return None
    rest = " ".join(w for w in words if w not in RURAL and w not in _AROUND)
    code = STATE_NAMES.get(rest) or (rest.upper() if rest.upper() in STATE_CODES else None)
    areas = found.rural(code) if code else []
    if not areas:
        return None
    return Resolved(areas[0], said, rural=tuple(areas)) if len(areas) > 1 else Resolved(areas[0], said)


def closest(found: Names, words: list[str], said: str) -> Resolved | None:
    """A name one or two letters off what was typed (tuscon: Tucson), where one name is that close."""
    from ..words import slip

    typed = " ".join(words)
    near: list[Area] = []
    for name, areas in (*found.cities.items(), *found.regional.items()):
        if slip(typed, " ".join(name)):
            near += [a for a in areas if a not in near]
    near += [a for n, code in STATE_NAMES.items() if slip(typed, n) and (a := found.state(code)) and a not in near]
    if not near:
        return None
    chosen, *others = found.most_first(near)
    return Resolved(chosen, said, tuple(others), corrected=True)
