"""What names a place: a metro's whole cities, the regional names the data adds (nyc, twin cities),
the everyday words that are also a city's name, and each area's employment (the tie-breaker).

Built once per knowledge base (about 4 ms) and kept beside its cache entry as plain values.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from ..wages.areas import Area, _strip_accents
from ..wages.states import STATES

if TYPE_CHECKING:
    from ..model import KnowledgeBase

WORD = re.compile(r"\w+")
STATE_NAMES = {name.lower(): code for code, name in STATES.values()}
STATE_CODES = frozenset(code for code, _ in STATES.values())
_SPELLED = {"st": "saint", "saint": "st", "ft": "fort", "fort": "ft", "mt": "mount", "mount": "mt"}

Plain = tuple[dict[tuple[str, ...], list[str]], dict[tuple[str, ...], list[str]], dict[str, float]]


class Names(NamedTuple):
    areas: Sequence[Area]
    by_code: dict[str, Area]
    cities: dict[tuple[str, ...], list[Area]]  # a metro's whole cities, and cities in a row
    regional: dict[tuple[str, ...], list[Area]]  # the data's regional names and abbreviations
    ordinary: frozenset[str]  # metro cities that are everyday words ('mobile')
    employment: dict[str, float]  # area code -> this occupation's employment there

    def most_first(self, areas: Sequence[Area]) -> list[Area]:
        """The areas, the one that employs the most of this occupation first."""
        return sorted(areas, key=lambda a: -self.employment.get(a.code, -1.0))

    def state(self, code: str) -> Area | None:
        return next((a for a in self.areas if a.kind == "state" and a.state == code), None)

    def rural(self, code: str) -> list[Area]:
        """A state's nonmetropolitan areas, the one with the most of these jobs first."""
        return self.most_first([a for a in self.areas if a.kind == "nonmetro" and a.state == code])


def key(text: str) -> tuple[str, ...]:
    """A name's words as a question's words are read: lower case, accents dropped."""
    return tuple(WORD.findall(_strip_accents(text)))


_KEPT: dict[int, tuple[object, Names]] = {}


def names(kb: KnowledgeBase) -> Names | None:
    """The place names of the knowledge base's wage extract (None without one)."""
    if kb.wages is None:
        return None
    kept = _KEPT.get(id(kb))
    if kept is not None and kept[0] is kb:
        return kept[1]
    from ..cache import derived
    from ..wages.lookup import wage_data

    areas = wage_data(kb).area_list
    by_code = {a.code: a for a in areas}

    def make(plain: Plain) -> Names:
        cities, regional, employment = plain
        q = kb.questions
        return Names(
            areas,
            by_code,
            {k: [by_code[c] for c in v] for k, v in cities.items()},
            {k: [by_code[c] for c in v if c in by_code] for k, v in regional.items()},
            frozenset(q.ordinary if q else ()),
            employment,
        )

    found: Names = derived.remember(kb, "places", lambda: _plain(kb, areas), make, Plain)
    _KEPT.clear()
    _KEPT[id(kb)] = (kb, found)
    return found


def _plain(kb: KnowledgeBase, areas: Sequence[Area]) -> Plain:
    """The words that name each metro, the regional names and each area's employment, by area code."""
    from ..wages.lookup import wage_data

    regional = {key(name): [p.area] for p in (kb.questions.places if kb.questions else ()) for name in p.names}
    employment = {r.area: r.employment for r in wage_data(kb).areas() if r.employment is not None}
    return _cities(areas), regional, employment


def _cities(areas: Sequence[Area]) -> dict[tuple[str, ...], list[str]]:
    """Each metro's whole cities, and cities in a row (Winston-Salem, Dallas-Fort Worth), in either spelling
    of saint, fort and mount."""
    cities: dict[tuple[str, ...], list[str]] = {}
    for area in (a for a in areas if a.kind == "metro"):
        parts = [p for p in re.split(r"[-/]", area.name.rsplit(", ", 1)[0]) if p.strip()]
        runs = [" ".join(parts[i:j]) for i in range(len(parts)) for j in range(i + 1, len(parts) + 1)]
        runs += [p.removesuffix(" City") for p in parts if p.endswith(" City")]  # Boise City: boise
        for said in map(key, runs):
            for form in {said, tuple(_SPELLED.get(w, w) for w in said)}:
                if form and area.code not in cities.setdefault(form, []):
                    cities[form].append(area.code)
    return cities
