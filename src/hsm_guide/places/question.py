"""The places a question names, found among its words with the resolver's own rules.

A question is not an --area value: most of its words name no place, so a metro is named only
by a whole city of its name or a regional name (never by an everyday word: 'worth', 'mobile'),
a lower-case postal code only where a place is expected (pay in oh, ny vs nj), and a
misspelled name only where a place is expected and the word is no common word (salary in tuscon).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import NamedTuple

from ..wages.areas import Area, _listed_states, _strip_accents
from . import _AROUND, RURAL, Resolved, also_named, closest
from .names import STATE_CODES, STATE_NAMES, Names

LONGEST = 4  # words: "district of columbia", "salt lake city ut"
BEFORE_A_PLACE = frozenset({"in", "near", "around", "at", "from", "to", "for", "vs", "versus", "and", "or", "of"})
_SLOT = frozenset({"in", "near", "around", "at", "for"})  # where a misspelled name may stand


class Found(NamedTuple):
    """A place a question names: the resolution, and which of its words name it."""

    resolved: Resolved
    start: int
    end: int

    @property
    def area(self) -> Area:
        return self.resolved.area


MOST = 4  # places one question compares side by side


def places(
    found: Names,
    typed: Sequence[str],
    common: frozenset[str],
    vocabulary: frozenset[str] | set[str],
    rare: Callable[[str], bool],
) -> list[Found]:
    """Every place the words name, up to MOST areas, an area named again included ("in Pennsylvania ... in
    PA": the second PA is the state too, never an occupation's initials), in the order they are found."""
    said: list[Found] = []
    taken: set[int] = set()
    while len(distinct(said, typed)) < MOST and (next_one := _first(found, typed, common, vocabulary, rare, taken)):
        taken.update(range(next_one.start, next_one.end))
        said.append(next_one)
    return _near_the_others(found, [f for f in said if not _before_a_city(f, said)])


def _before_a_city(code: Found, said: Sequence[Found]) -> bool:
    """Whether a postal code is the first word of a name, right before a city none of whose metros is in its
    state ("a junior at UT Austin"): the city is the place, the code no state of the question ("ME portland"
    is Portland, Maine)."""
    if code.area.kind != "state" or code.end - code.start != 1 or code.resolved.said.upper() not in STATE_CODES:
        return False
    city = next((f for f in said if f.start == code.end), None)
    if city is None or city.area.kind != "metro":
        return False
    return all(code.area.state not in _listed_states(a) for a in (city.area, *city.resolved.others))


def _near_the_others(found: Names, said: list[Found]) -> list[Found]:
    """A city that names several metros is read as the one in a state the question names by another place
    ("rural west virginia ... vs charleston": Charleston, WV, not the larger Charleston, SC); the chosen one
    is kept where none or several are, and the rest are still named as what the words could also mean."""
    sure = {s for f in said if not f.resolved.others for s in _listed_states(f.area)}
    kept: list[Found] = []
    for f in said:
        choices = [f.area, *f.resolved.others]
        near = [a for a in choices if not sure.isdisjoint(_listed_states(a))]
        if f.area.kind == "state" or len(near) != 1 or near[0] == f.area:
            kept.append(f)
            continue
        others = tuple(a for a in choices if a != near[0])
        kept.append(f._replace(resolved=f.resolved._replace(area=near[0], others=others)))
    return kept


def distinct(said: Sequence[Found], typed: Sequence[str]) -> list[Found]:
    """Each area once, in the order named: "pay in florida vs georgia", "bay area vs sacramento vs la" (a
    third place said is compared too, never dropped unsaid); a state said just after or before a place in it
    only says where that place is ("near Fort Liberty in NC", "Tucson, Arizona", "NY (Albany area)")."""
    named: list[Found] = []
    for f in said:
        if all(n.area != f.area for n in named) and not any(_where(n, f, typed) for n in said):
            named.append(f)
    return sorted(named, key=lambda f: f.start)


def _where(place: Found, state: Found, typed: Sequence[str]) -> bool:
    """Whether `state` only says where `place`, a metro or nonmetro area in it, is: said right after it or after
    'in' ("near Fort Liberty in NC"), or right before it ("upstate NY (Albany area)"), never across another
    word ("NY vs Albany" compares the two)."""
    if state.area.kind != "state" or place.area.kind not in ("metro", "nonmetro"):
        return False
    after = state.start >= place.end and [w.lower() for w in typed[place.end : state.start]] in ([], ["in"])
    return state.area.state in _listed_states(place.area) and (after or state.end == place.start)


def _first(
    found: Names,
    typed: Sequence[str],
    common: frozenset[str],
    vocabulary: frozenset[str] | set[str],
    rare: Callable[[str], bool],
    taken: set[int],
) -> Found | None:
    for start, end in _spans(len(typed)):
        if taken.intersection(range(start, end)):
            continue
        resolved = _named(found, typed, start, end, common, vocabulary)
        if resolved is not None:
            return Found(resolved, start, end)
    for at in range(1, len(typed)):  # a misspelled name where a place is expected
        word = typed[at].lower()
        if at in taken or typed[at - 1].lower() not in _SLOT or word in common or word in vocabulary:
            continue
        if len(word) >= 4 and rare(word):
            resolved = closest(found, [_strip_accents(word)], typed[at])
            if resolved is not None:
                return Found(resolved, at, at + 1)
    return None


def _spans(count: int) -> Iterator[tuple[int, int]]:
    """(start, end) of every run of words, the longest first."""
    for size in range(min(LONGEST, count), 0, -1):
        for start in range(count - size + 1):
            yield start, start + size


def _named(
    found: Names,
    typed: Sequence[str],
    start: int,
    end: int,
    common: frozenset[str],
    vocabulary: frozenset[str] | set[str],
) -> Resolved | None:
    if _degree(typed, start, end) or _in_abbreviation(typed, start, end):
        return None
    words, said = _words(typed, start, end)
    capital = _code(typed, start, end, common, vocabulary)
    if _common(words, common) and not capital:
        return None
    if not RURAL.isdisjoint(words):
        from . import lookup

        rural = lookup(found, words, said)
        return rural if rural is not None and rural.area.kind == "nonmetro" else None
    from . import _regional

    regional = _regional(found, words, said)
    if regional is not None:
        return regional
    state = _state(words, capital or _expected(typed, start, end))
    area = found.state(state) if state else None
    if area is not None:
        return Resolved(area, said, also_named(found, area, tuple(words)))
    return _metro(found, typed, start, words, said, vocabulary)


_DEGREE_CODES = frozenset({"MS", "MA"})  # Mississippi and Massachusetts, or a master of science or of arts
_OWNING = frozenset({"a", "an", "my", "your", "his", "her", "their"})  # "an MS", "my MA": a degree


def _degree(typed: Sequence[str], start: int, end: int) -> bool:
    """Whether MS or MA names a master's degree: after 'an' or 'my', or before 'in' and a field where no place
    is expected ('an MS in health administration', 'MS in nursing'); 'jobs in MS', 'MA in 2025', 'MS in the
    Delta' and 'make in MA in hospitals' stay states."""
    if end - start != 1 or typed[start].upper() not in _DEGREE_CODES:
        return False
    before = typed[start - 1].lower() if start else ""
    if before in _OWNING:
        return True
    after = [w.lower() for w in typed[end : end + 2]]
    field = len(after) == 2 and after[0] == "in" and after[1].isalpha() and after[1] not in _NOT_A_FIELD
    slot = before in BEFORE_A_PLACE  # "pay in MS in nursing homes": a place is expected there
    return field and not slot and after[1].upper() not in STATE_CODES and not _starts_state(after[1])


def _in_abbreviation(typed: Sequence[str], start: int, end: int) -> bool:
    """Whether a postal code is part of a credential's letters, after a lone letter that follows a word ('RT(R)(CT)'
    reads rt r ct: no Connecticut); 'a' and 'i' are words."""
    if end - start != 1 or typed[start].upper() not in STATE_CODES or start < 2:
        return False
    before, first = typed[start - 1].lower(), typed[start - 2].lower()
    lone = len(before) == 1 and before.isalpha() and before not in ("a", "i")
    return lone and len(first) > 1  # 'e.g. CA' and 'i.e. NY' are letters of an abbreviation, then a state


_NOT_A_FIELD = frozenset({"the", "a", "an", "my", "our", "this", "that", "rural", "metro"})


def _starts_state(word: str) -> bool:
    return any(name.split()[0] == word for name in STATE_NAMES)


def _common(words: Sequence[str], common: frozenset[str]) -> bool:
    """A run that starts with a common word, or ends with one that is no state's postal code, names no place."""
    trailing = len(words) > 1 and words[-1].upper() in STATE_CODES
    return words[0] in common or (words[-1] in common and not trailing)


def _shouting(typed: Sequence[str]) -> bool:
    """A question typed all in capitals: its two-letter words are no postal codes for that alone."""
    letters = [w for w in typed if w.isalpha()]
    return len(letters) > 1 and all(w.isupper() for w in letters)


_TOWN = frozenset({"town", "towns"})


def _words(typed: Sequence[str], start: int, end: int) -> tuple[list[str], str]:
    """The run's words, accents dropped, and as typed; "a small town in iowa" is the state's rural areas."""
    words = [_strip_accents(w) for w in typed[start:end]]
    if start > 0 and typed[start - 1].lower() == "small" and words[0].lower() in _TOWN:
        return ["rural", *words[1:]], " ".join(
            ["rural", *(w for w in typed[start + 1 : end] if w.lower() not in _AROUND)]
        )
    return words, " ".join(typed[start:end])


def _code(
    typed: Sequence[str], start: int, end: int, common: frozenset[str], vocabulary: frozenset[str] | set[str]
) -> bool:
    """Whether the run is a postal code that names a state wherever it stands: in capitals (in a question not
    all in capitals), or after a town the guide does not hold."""
    capital = end - start == 1 and typed[start] in STATE_CODES and not _shouting(typed)
    return capital or _after_a_town(typed, start, end, common, vocabulary)


def _after_a_town(
    typed: Sequence[str], start: int, end: int, common: frozenset[str], vocabulary: frozenset[str] | set[str]
) -> bool:
    """Whether a lower-case postal code follows a town the guide does not hold, where a place is expected
    ("salary in kalispell mt", "clinics near ozona tx"): the code names the town's state; a code that is an
    everyday word ("in montana or wyoming") or follows a state's name never does."""
    code = typed[start].lower()
    if end - start != 1 or start < 2 or code.upper() not in STATE_CODES or code in common:
        return False
    town = typed[start - 1].lower()
    unknown = town.isalpha() and len(town) > 2 and all(town not in k for k in (common, vocabulary, STATE_NAMES))
    return unknown and typed[start - 2].lower() in _SLOT


def _expected(typed: Sequence[str], start: int, end: int) -> bool:
    """Whether a place is expected here: the whole question, or after 'in', 'vs', 'or'..."""
    return (start == 0 and end == len(typed)) or (start > 0 and typed[start - 1].lower() in BEFORE_A_PLACE)


def _state(words: Sequence[str], code_allowed: bool) -> str | None:
    """The state the words name: its name, or its postal code (one word, where allowed)."""
    text = " ".join(words)
    if text in STATE_NAMES:
        return STATE_NAMES[text]
    return text.upper() if len(words) == 1 and code_allowed and text.upper() in STATE_CODES else None


def _metro(
    found: Names, typed: Sequence[str], start: int, words: list[str], said: str, vocabulary: frozenset[str] | set[str]
) -> Resolved | None:
    """A metro by a whole city of its name or a regional name, optionally followed by its state."""
    for n in range(min(3, len(words) - 1), 0, -1):
        state = _state(words[-n:], True)
        if state is not None:
            rest = tuple(words[:-n])
            named = found.regional.get(rest) or found.cities.get(rest, [])
            areas = [a for a in named if state in _listed_states(a)]
            return _chosen(found, areas, said)
    key = tuple(words)
    if len(key) == 1:
        word = key[0]
        if word in vocabulary or len(word) < 4:
            return None  # one word the guide uses itself ('college', 'state') is not taken for a metro
        if word in found.ordinary and not (start > 0 and typed[start][:1].isupper()):
            return None  # 'mobile' is a word; 'pay in Mobile' and 'mobile al' name the metro
    return _chosen(found, found.cities.get(key, []), said)


def _chosen(found: Names, areas: list[Area], said: str) -> Resolved | None:
    if not areas:
        return None
    chosen, *others = found.most_first(areas)
    return Resolved(chosen, said, tuple(others))
