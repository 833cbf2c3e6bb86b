"""Turn what a user types after ``--area`` into one BLS OEWS wage area.

The rules, in order; the first that finds anything decides:

1. digits: a 7-digit BLS area code (``0014460``), a 5-digit metro (CBSA) code (``14460``)
   or a 2-digit state FIPS code (``39``);
2. the nation: ``national``, ``us``, ``usa``, ``united states``;
3. a state by postal code (``NY``, ``D.C.``) or name (``new york``, ``washington state``):
   a state always wins over a metro that shares its name;
4. an area's full name, exactly (case, accents, punctuation and spacing aside);
5. a query ending in a state code or name (``portland me``, ``springfield, illinois``): the rest
   matched among the areas of that state (a metro counts for every state its name lists:
   ``portland wa`` finds Portland-Vancouver-Hillsboro, OR-WA), by rule 4, then as a metro's
   first city, the way an address reads (``new york, ny`` is the metro), then rules 3 and 6;
6. every query word is the start of a word of the name, in any order (``fort worth``, ``bayamon``).
   A nonmetropolitan area is left out when its state matched too: its name's state words
   are all the query matched, so ``new hamp`` is the state, not its three nonmetro areas.
   Best first: a metro whose place is the query (``wichita``: Wichita, KS before Wichita Falls),
   then names that start with the query, states before metros before nonmetros, then A to Z.

One match is the answer; several are ambiguous and :func:`find_area` lists them with a way to
narrow; none is unknown and it suggests the closest names.  Lookups use an :class:`AreaIndex`
built once per ``areas`` sequence (cached on the sequence's identity: do not mutate it after).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from difflib import get_close_matches
from typing import Literal, NamedTuple

from ..errors import UsageError
from .states import STATES

AreaKind = Literal["national", "state", "metro", "nonmetro"]


class Area(NamedTuple):
    code: str  # BLS area code, 7 digits ("0000000" national, "3900000" Ohio, "0014460" Boston)
    name: str  # BLS name
    kind: AreaKind
    state: str  # postal code of the area's state (BLS state_code), "" for national


MAX_QUERY = 200  # characters; the longest BLS area name is 73
SHOWN = 40  # characters of the user's text repeated in a message
LISTED = 8  # areas named in an "ambiguous" message
SUGGESTED = 3  # names offered in a "did you mean" message

_HOW = "type a state (OH or Ohio), a metro area (Boston) or a BLS area code (0014460)"
_KIND_RANK = {"national": 0, "state": 1, "metro": 2, "nonmetro": 3}
_NATIONAL = frozenset({"national", "nation", "nationwide", "us", "usa", "united states", "united states of america"})
_SPLIT = re.compile(r"[^0-9a-z]+")
_JOINED = str.maketrans("", "", ".'\u2019")  # D.C. -> dc, Coeur d'Alene -> coeur dalene


def _strip_accents(text: str) -> str:
    if text.isascii():  # every BLS name, nearly every query
        return text.lower()
    import unicodedata  # here, not above: its library loads only for text that needs it

    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _words(text: str) -> list[str]:
    """Lower-case ASCII words: accents dropped, periods and apostrophes joined, other punctuation split."""
    return [w for w in _SPLIT.split(_strip_accents(text).translate(_JOINED)) if w]


_SPELLED = {"st": "saint", "fort": "ft", "mount": "mt"}  # St. Louis by "saint louis", Fort Worth by "ft worth"


def _name_words(text: str) -> set[str]:
    """The words a name can be matched by: joined (``dalene``) and split (``d``, ``alene``) forms, and spellings."""
    words = set(_words(text)) | {w for w in _SPLIT.split(_strip_accents(text)) if w}
    return words | {_SPELLED[w] for w in words if w in _SPELLED}


def _state_keys() -> dict[str, str]:
    """Normalized ways to name a state -> postal code."""
    keys: dict[str, str] = {}
    for code, name in STATES.values():
        keys[code.lower()] = code
        keys[" ".join(_words(name))] = code
        keys[" ".join([*_words(name), "state"])] = code  # washington state
    for alias in ("us virgin islands", "usvi", "united states virgin islands"):
        keys[alias] = "VI"
    return keys


_STATE_KEYS = _state_keys()
_LONGEST_STATE = max(len(key.split()) for key in _STATE_KEYS)


def _printable(text: str) -> bool:
    """No control, format or unassigned characters; spaces of any width are fine (a pasted no-break space)."""
    if text.isprintable():
        return True
    import unicodedata

    return all(c.isprintable() or unicodedata.category(c) == "Zs" for c in text)


def _listed_states(area: Area) -> set[str]:
    """The area's own state and, for a metro, every state its name lists (``..., OR-WA``)."""
    states = {area.state} if area.state else set()
    if area.kind == "metro" and ", " in area.name:
        states.update(s for s in area.name.rsplit(", ", 1)[1].split("-") if len(s) == 2 and s.isalpha())
    return states


def show(text: str) -> str:
    """The user's text, safe to print in a one-line message: escaped, quoted and cut to ~40 characters."""
    escaped = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text[: SHOWN * 2])
    if len(escaped) > SHOWN or len(text) > SHOWN * 2:
        escaped = escaped[: SHOWN - 1] + "\u2026"
    return f"'{escaped}'"


def _quoted(areas: Iterable[Area]) -> str:
    return ", ".join(f"'{a.name}'" for a in areas)


class AreaIndex:
    """Normalized names of one ``areas`` sequence, prepared once, for lookups in microseconds."""

    def __init__(self, areas: Sequence[Area]) -> None:
        self.areas = areas
        self._exact: dict[str, list[int]] = {}
        self._by_code: dict[str, int] = {}
        self._states: dict[str, int] = {}  # postal code -> index of the state area
        self._national: int | None = None
        self._in_state: dict[str, set[int]] = {}
        self._first_word: list[str] = []
        self._place: list[str] = []  # a metro's name before the comma, normalized
        self._first_city: dict[str, list[int]] = {}  # a metro's first city, normalized
        vocabulary: dict[str, set[int]] = {}
        self._close: dict[str, set[int]] | None = None  # built on the first unknown query
        for i, area in enumerate(areas):
            words = _words(area.name)
            self._first_word.append(words[0] if words else "")
            place = area.name.rsplit(", ", 1)[0] if area.kind == "metro" else ""
            self._place.append(" ".join(_words(place)))
            if place:
                self._first_city.setdefault(" ".join(_words(re.split(r"[-/]", place)[0])), []).append(i)
            key = " ".join(words)
            if not (area.kind == "state" and key in _STATE_KEYS):  # rule 3 alone decides states
                self._exact.setdefault(key, []).append(i)
            self._by_code[area.code] = i
            if area.kind == "state":
                self._states.setdefault(area.state, i)
            elif area.kind == "national" and self._national is None:
                self._national = i
            for state in _listed_states(area):
                self._in_state.setdefault(state, set()).add(i)
            for word in _name_words(area.name):
                vocabulary.setdefault(word, set()).add(i)
        self._vocabulary = vocabulary
        self._sorted_words = sorted(vocabulary)

    @staticmethod
    def _parts(area: Area) -> set[str]:
        """The full name, the place before the comma and each city in it, a nonmetro's name without the suffix."""
        name = area.name
        parts = {" ".join(_words(name))}
        if area.kind == "nonmetro":
            parts.add(" ".join(_words(re.sub(r"(?i)\s*nonmetropolitan area.*$", "", name))))
        place = name.rsplit(", ", 1)[0] if area.kind == "metro" else name
        parts.add(" ".join(_words(place)))
        parts.update(" ".join(_words(city)) for city in re.split(r"[-/]", place))
        parts.discard("")
        return parts

    # -- matching ---------------------------------------------------------------------------

    def _prefixed(self, word: str) -> set[int]:
        """Areas with a name word that starts with ``word``."""
        found: set[int] = set()
        words = self._sorted_words
        i = bisect_left(words, word)
        while i < len(words) and words[i].startswith(word):
            found |= self._vocabulary[words[i]]
            i += 1
        return found

    def _by_words(self, words: list[str], within: set[int] | None) -> list[int]:
        found: set[int] | None = within
        for word in dict.fromkeys(words):
            hits = self._prefixed(word)
            found = hits if found is None else found & hits
            if not found:
                return []
        assert found is not None
        # A nonmetro whose state matched too was matched by its state's name alone.
        matched_states = {self.areas[i].state for i in found if self.areas[i].kind == "state"}
        kept = [i for i in found if not (self.areas[i].kind == "nonmetro" and self.areas[i].state in matched_states)]
        first, key = words[0], " ".join(words)
        return sorted(
            kept,
            key=lambda i: (
                self._place[i] != key,
                not self._first_word[i].startswith(first),
                _KIND_RANK[self.areas[i].kind],
                self.areas[i].name.casefold(),
            ),
        )

    def _match(self, words: list[str], within: set[int] | None) -> list[int]:
        """Rules 3, 4 and 6 (see the module's docstring) among ``within`` (None: every area)."""
        key = " ".join(words)
        state = _STATE_KEYS.get(key)
        if state is not None and state in self._states:
            i = self._states[state]
            if within is None or i in within:
                return [i]
        exact = [i for i in self._exact.get(key, []) if within is None or i in within]
        if exact:
            return exact
        return self._by_words(words, within)

    def _narrowed(self, words: list[str], within: set[int]) -> list[int]:
        """Rule 5: the rest of a query that ended in a state, among that state's areas."""
        key = " ".join(words)
        found = [i for i in self._exact.get(key, []) if i in within]
        found = found or [i for i in self._first_city.get(key, []) if i in within]
        return found or self._match(words, within)

    def _digits(self, query: str) -> list[int]:
        code = {7: query, 5: "00" + query, 2: query + "00000"}.get(len(query))
        i = self._by_code.get(code) if code else None
        return [] if i is None else [i]

    def _indices(self, words: list[str]) -> list[int]:
        if len(words) == 1 and words[0].isdigit():
            return self._digits(words[0])
        key = " ".join(words)
        if key in _NATIONAL and self._national is not None:
            return [self._national]
        for n in range(min(_LONGEST_STATE, len(words) - 1), 0, -1):
            state = _STATE_KEYS.get(" ".join(words[-n:]))
            if state is not None and state in self._in_state:
                narrowed = self._narrowed(words[:-n], self._in_state[state])
                if narrowed:
                    return narrowed
                break
        return self._match(words, None)

    # -- the API ----------------------------------------------------------------------------

    def candidates(self, query: str) -> list[Area]:
        """Every area the query matches, best first; [] for a blank, too long or unreadable query."""
        if len(query) > MAX_QUERY or not _printable(query):
            return []
        words = _words(query)
        return [self.areas[i] for i in self._indices(words)] if words else []

    def find(self, query: str) -> Area:
        """The one area the query names; a UsageError (exit 2) that says what to type otherwise."""
        if not query.strip():
            raise UsageError(f"no area given; {_HOW}")
        if len(query) > MAX_QUERY:
            raise UsageError(f"the area {show(query)} is too long ({len(query):,} characters); {_HOW}")
        if not _printable(query):
            raise UsageError(f"the area {show(query)} contains control characters; {_HOW}")
        words = _words(query)
        if not words:
            raise UsageError(f"the area {show(query)} has no letters A-Z or digits; {_HOW}")
        found = self._indices(words)
        if len(found) == 1:
            return self.areas[found[0]]
        if found:
            raise UsageError(self._ambiguous(words, [self.areas[i] for i in found], query))
        raise UsageError(self._unknown(words, query))

    def _ambiguous(self, words: list[str], found: list[Area], query: str) -> str:
        listed = _quoted(found[:LISTED])
        more = f" and {len(found) - LISTED} more" if len(found) > LISTED else ""
        typed = " ".join(words)
        examples: list[str] = []
        if len(typed) <= SHOWN:
            for state in dict.fromkeys(a.state for a in found if a.state):
                example = f"{typed} {state.lower()}"
                if len(self._indices(example.split())) == 1:  # offer only what works
                    examples.append(f"'{example}'")
                if len(examples) == 3:
                    break
        if examples:
            hint = "add the state: " + (", ".join(examples[:-1]) + " or " if len(examples) > 1 else "") + examples[-1]
        else:
            hint = f"type more of the name, such as '{found[0].name}'"
        return f"{show(query)} matches {len(found)} areas: {listed}{more}; {hint}"

    def _unknown(self, words: list[str], query: str) -> str:
        if words[0].isdigit() and len(words) == 1:
            return f"no area has the code {show(query)}; {_HOW}"
        typed = " ".join(words)[: MAX_QUERY // 2]
        if self._close is None:
            self._close = {}
            for i, area in enumerate(self.areas):
                for part in self._parts(area):
                    self._close.setdefault(part, set()).add(i)
        close = get_close_matches(typed, self._close, n=SUGGESTED * 2, cutoff=0.7)
        suggested: list[Area] = []
        for part in close:
            for i in sorted(self._close[part], key=lambda i: _KIND_RANK[self.areas[i].kind]):
                if self.areas[i] not in suggested:
                    suggested.append(self.areas[i])
        if suggested:
            return f"no area matches {show(query)}; did you mean {_quoted(suggested[:SUGGESTED])}?"
        return f"no area matches {show(query)}; {_HOW}"


_CACHE: dict[int, AreaIndex] = {}


def index(areas: Sequence[Area]) -> AreaIndex:
    """The index of ``areas``, built on first use and kept while the same sequence object is passed."""
    found = _CACHE.get(id(areas))
    if found is None or found.areas is not areas or len(found.areas) != len(found._first_word):
        if len(_CACHE) >= 8:
            _CACHE.clear()
        found = _CACHE[id(areas)] = AreaIndex(areas)
    return found


def find_area(query: str, areas: Sequence[Area]) -> Area:
    """The one area ``query`` names; raises UsageError (exit status 2) if none or several do."""
    return index(areas).find(query)


def candidates(query: str, areas: Sequence[Area]) -> list[Area]:
    """Every area ``query`` matches, best first (what find_area chooses from, and shell completion)."""
    return index(areas).candidates(query)


def area_words(areas: Sequence[Area]) -> list[str]:
    """What shell completion can offer: state postal codes, then every area's name, then the codes."""
    postal = [a.state for a in areas if a.kind == "state"]
    names = [a.name for a in sorted(areas, key=lambda a: (_KIND_RANK[a.kind], a.name.casefold()))]
    return list(dict.fromkeys([*postal, *names, *(a.code for a in areas)]))
