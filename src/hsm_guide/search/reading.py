"""Reading a question: its words (a misspelling read as the word meant, a real word never:
`spelling.py`), the places and parts it names, the years, and the tokens its card is chosen by.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from ..places.question import Found
from ..words import SHORT, THOUSANDS, american, amount, is_rate, singular, split
from .figures import PAY, as_figures
from .parts import Part
from .spelling import rare, spelled

if TYPE_CHECKING:
    from ..model import KnowledgeBase
    from .lexicon import Lexicon

_YEAR = re.compile(r"(19|20)\d\d")
# Words that say nothing of what is asked: left out of the tokens a card is chosen by.
_STOP_WORDS = """
a an the to of in on at for i im me my you your it its is are am be been was were and s t d ll ve
this that these those with from into so if any some just really actually please all also still there
they them their one we our us would could m re
"""
STOP = frozenset(_STOP_WORDS.split())


OCCUPATION_NOT = frozenset({"industry", "setting"})  # kinds a word inside another occupation's name does not add
_OCCUPATIONS = frozenset({"occupation", "unheld"})  # the names of an occupation, held by the extract or not
_TITLES = _OCCUPATIONS | {"role"}  # and of a job title
# The kind a 'two-' need counts two of (two-places: place), for reading and for scoring (cards.py).
KIND_OF_TWO = {
    "places": "place",
    "degrees": "degree",
    "occupations": "occupation",
    "industries": "industry",
    "credentials": "credential",
    "roles": "role",
}


class Reading(NamedTuple):
    query: str
    typed: tuple[str, ...]  # the words as typed, up to words.MOST_WORDS, misspellings corrected
    ignored: int  # words past the cut, left unread
    words: tuple[str, ...]  # the distinct words, lower case, in American spelling
    lower: tuple[str, ...]  # each typed word, lower case, in American spelling
    singles: tuple[str, ...]  # each typed word, lower case, singular
    groups: frozenset[str]  # the words and the synonym groups they belong to
    corrections: dict[str, str]  # a misspelling -> the word read for it
    places: tuple[Found, ...] = ()
    parts: tuple[Part, ...] = ()
    years: tuple[int, ...] = ()
    past_year: int | None = None  # the first year named that a past handbook edition gives pay for
    unknown: tuple[str, ...] = ()  # words in neither the guide nor the word list, and close to none
    tokens: tuple[str, ...] = ()  # what a card is scored by: words, synonym groups and the parts' kinds
    own: str = ""  # this occupation's SOC code
    amount: float | None = None  # a yearly salary named: an offer to place

    @property
    def place(self) -> Found | None:
        return self.places[0] if self.places else None

    @property
    def other(self) -> Found | None:
        return self.places[1] if len(self.places) > 1 else None

    def every(self, kind: str) -> list[Any]:
        """The distinct values of one kind of part, in the order named."""
        found = _distinct(p.value for p in self.parts if p.kind == kind)
        if kind == "occupation":
            found = [s for s in found if s != self.own]
        return found

    def apart(self, kind: str) -> list[Any]:
        """The distinct values of one kind named apart from an occupation's name or a job title (the hospital
        of 'hospital CEOs', the practice of 'practice managers': no industry asked of)."""
        return _distinct(p.value for p in self.parts if p.kind == kind and not self.inside_name(p, _TITLES))

    def inside_name(self, part: Part, names: frozenset[str]) -> bool:
        """Whether the part lies inside the name of a part of another kind among `names` (another occupation's
        name, or a job title), this occupation's own name aside: the hospital of 'hospital CEOs'."""
        return any(
            o.kind in names
            and o.kind != part.kind
            and o.value != self.own
            and o.start <= part.start
            and part.end <= o.end
            for o in self.parts
        )

    def first(self, kind: str) -> Any:
        found = self.every(kind)
        return found[0] if found else None

    def has(self, need: str) -> bool:
        """Whether the question names what a card needs ('two-degrees': two different degrees)."""
        special = _NAMES.get(need)
        if special is not None:
            return special(self)
        two = need.startswith("two-")
        kind = KIND_OF_TWO.get(need.removeprefix("two-"), need.removeprefix("two-"))
        return self.count(kind, two) >= (2 if two else 1)

    def count(self, kind: str, two: bool = False) -> int:
        """How many of a kind of part the question names; an occupation, held by the extract or not (a card
        says it has no figures for the latter), and this one where two are asked for."""
        if kind != "occupation":
            return len(self.every(kind))
        return len(self.every("occupation")) + len(self.every("unheld")) + (two and self.own in self.socs())

    def socs(self) -> list[str]:
        """Every occupation named, this one included."""
        return list(dict.fromkeys(p.value for p in self.parts if p.kind == "occupation"))


def _names_pay(reading: Reading) -> bool:
    """A pay word, an amount or a figure of the pay table: "do they need a license like nursing home admins
    do" names settings, not pay."""
    return PAY in reading.groups or reading.amount is not None or any(p.kind == "figure" for p in reading.parts)


def _names_rural(reading: Reading) -> bool:
    """The word, or a place read as rural ('rural ohio': its nonmetro areas)."""
    return bool(reading.every("rural")) or any(f.area.kind == "nonmetro" for f in reading.places)


def _names_licensed_role(reading: Reading) -> bool:
    """A setting whose route has a license step, or a term that leads to licensure."""
    settings = reading.every("setting")
    licensed = any(s.kind == "license" for r in settings for s in r.steps)
    return licensed or any(t.see == "hsm-guide licensure" for t in reading.every("term"))


# The needs met otherwise than by counting the parts of a kind.
_NAMES: dict[str, Callable[[Reading], bool]] = {
    "past-year": lambda r: r.past_year is not None,
    "two-places": lambda r: len(r.places) > 1,
    "place": lambda r: bool(r.places),
    "amount": lambda r: r.amount is not None,
    "pay": _names_pay,
    "rural": _names_rural,
    "licensed-role": _names_licensed_role,
}


def _distinct(values: Iterable[Any]) -> list[Any]:
    """The values, each once, in order (a record and its equal count as one)."""
    found: list[Any] = []
    for value in values:
        if not _among(value, found):
            found.append(value)
    return found


def _among(value: Any, values: Iterable[Any]) -> bool:
    return any(value is v or value == v for v in values)


def read(kb: KnowledgeBase, query: str, lexicon: Lexicon, spell: bool = True) -> Reading:
    """What a question asks. `spell`: correct misspellings (the cards' own examples are read without)."""
    from .parts import find

    typed, ignored = split(query)
    typed = [SHORT.get(w.lower(), w) for w in typed]  # yrs: years
    corrections, unknown = spelled(kb, typed, lexicon) if spell else ({}, ())
    typed = [corrections.get(w.lower(), w) for w in typed]
    lower = [american(w.lower()) for w in typed]
    singles = [singular(w) for w in lower]
    found = _outside(_places(kb, typed, lexicon), find(lexicon.parts, singles, set()))
    taken = {i for f in found for i in range(f.start, f.end)}
    groups = frozenset(lower) | {lexicon.synonyms[w][0] for w in lower if w in lexicon.synonyms}
    parts = as_figures(_affirmed(find(lexicon.parts, singles, taken), lower), lower, lexicon)
    years, past = _years(kb, lower)
    reading = Reading(
        query=query,
        typed=tuple(typed),
        ignored=ignored,
        words=tuple(dict.fromkeys(lower)),
        lower=tuple(lower),
        singles=tuple(singles),
        groups=frozenset(groups),
        places=tuple(found),
        parts=parts,
        years=years,
        past_year=past,
        corrections=corrections,
        unknown=unknown,
        own=kb.identity.soc_code,
        amount=amount(query),
    )
    return _with_tokens(reading, lexicon)


_NOT = frozenset({"not", "dont", "never", "no", "without"})
_BETWEEN = frozenset({"a", "an", "the", "be", "to", "want", "wanna", "become", "being"})  # "dont want to be a"
_WHO = frozenset({"background", "occupation", "unheld"})  # who the asker is, or is not


def _affirmed(parts: tuple[Part, ...], lower: Sequence[str]) -> tuple[Part, ...]:
    """The parts, less a background or occupation the question denies: "I don't want to be a nurse" names
    no nurse (a negation, then only words such as 'want to be a', before it)."""

    def denied(p: Part) -> bool:
        i = p.start - 1
        while i >= 0 and lower[i] in _BETWEEN:
            i -= 1
        return i >= 0 and lower[i] in _NOT

    return tuple(p for p in parts if not (p.kind in _WHO and denied(p)))


def _outside(found: list[Found], parts: tuple[Part, ...]) -> list[Found]:
    """The places not inside a longer name of a part: a name longer than a place it holds wins (NE-BC
    is no Nebraska)."""
    return [
        f
        for f in found
        if not any(p.start <= f.start and f.end <= p.end and p.end - p.start > f.end - f.start for p in parts)
    ]


def _years(kb: KnowledgeBase, lower: Sequence[str]) -> tuple[tuple[int, ...], int | None]:
    """The years named, and the first that a past handbook edition gives pay for."""
    years = tuple(int(w) for w in dict.fromkeys(lower) if _YEAR.fullmatch(w))
    past = {e.pay_year for e in kb.quick_facts.editions} - ({kb.wages.release.year} if kb.wages else set())
    return years, next((y for y in years if y in past), None)


def _places(kb: KnowledgeBase, typed: Sequence[str], lexicon: Lexicon) -> list[Found]:
    from ..places.question import places as find_places

    if lexicon.names is None:
        return []
    return find_places(lexicon.names, typed, lexicon.common, lexicon.vocabulary, lambda w: rare(kb, w))


def _with_tokens(reading: Reading, lexicon: Lexicon) -> Reading:
    """The tokens a card is scored by: each place and part as its kind ('<place>', a second of the same
    kind '<place>+'), the other words as their synonym group, years as '<year>'."""
    covered: set[int] = set()
    tokens = (
        _place_tokens(reading, covered)
        + _part_tokens(reading, covered, lexicon.synonyms)
        + _word_tokens(reading, lexicon, covered)
    )
    if reading.past_year is not None:
        tokens.append("<past-year>")
    if reading.amount is not None:
        tokens.append("<amount>")
    return reading._replace(tokens=tuple(tokens))


# Words beside a metro's name that only say it is an area ("the atlanta metro area", "metro detroit"): part
# of the place, never a ranking's words. Beside a state ("texas metro areas") they ask for its metros.
_AREA_AFTER = frozenset({"metro", "metropolitan", "area", "areas", "region", "msa"})
_AREA_BEFORE = frozenset({"metro", "greater"})


def _place_tokens(reading: Reading, covered: set[int]) -> list[str]:
    tokens: list[str] = []
    words = reading.lower
    for i, f in enumerate(reading.places):
        tokens.append("<place>" + ("+" if i else ""))
        tokens += ["<rural>"] if f.area.kind == "nonmetro" else []
        start, end = f.start, f.end
        if f.area.kind == "metro":
            while end < len(words) and words[end] in _AREA_AFTER:
                end += 1
            while start > 0 and words[start - 1] in _AREA_BEFORE:
                start -= 1
        covered.update(range(start, end))
    return tokens


def _part_tokens(reading: Reading, covered: set[int], synonyms: dict[str, tuple[str, ...]]) -> list[str]:
    tokens: list[str] = []
    seen: dict[str, list[object]] = {}
    for p in reading.parts:
        if p.kind in OCCUPATION_NOT and reading.inside_name(p, _OCCUPATIONS):
            continue  # the hospital of "hospital CEOs" names the occupation, not an industry asked of
        covered.update(range(p.start, p.end))
        if p.kind == "figure":  # a figure of the pay table asks for pay: its token is the pay group's
            tokens.append(PAY)
        elif not _unscored(reading, p):
            tokens += _kind_token(seen, p)
            if p.kind == "term":  # a term's everyday words still ask their question: the salary of 'average salary'
                covered.difference_update(i for i in range(p.start, p.end) if reading.lower[i] in synonyms)
    return tokens


def _unscored(reading: Reading, p: Part) -> bool:
    """A part that adds no token of its kind: this occupation, what every question is about; a term that is
    also a credential's name, the FACHE, scored as the credential it is, not as a term shared with degrees."""
    if p.kind == "occupation":
        return bool(p.value == reading.own)
    return p.kind == "term" and any(
        o.kind == "credential" and (o.start, o.end) == (p.start, p.end) for o in reading.parts
    )


def _kind_token(seen: dict[str, list[object]], p: Part) -> list[str]:
    """The token of a part's kind ('<degree>', a second of the kind '<degree>+'); none for one named before."""
    kind = "occupation" if p.kind == "unheld" else p.kind  # held by the extract or not, an occupation is named
    values = seen.setdefault(kind, [])
    if _among(p.value, values):
        return []
    values.append(p.value)
    return [f"<{kind}>" + ("+" if len(values) > 1 else "")]


def _word_tokens(reading: Reading, lexicon: Lexicon, covered: set[int]) -> list[str]:
    """The other words: a synonym group's first word, a common word as typed, else the word's singular;
    none for a word of this occupation's own names."""
    tokens: list[str] = []
    for i, word in enumerate(reading.singles):
        if i in covered or word in STOP or word in lexicon.own:
            continue
        if word.isdigit() or THOUSANDS.fullmatch(word):
            tokens += ["<year>"] if _YEAR.fullmatch(word) else []  # other numbers (10 years, 95k) ask nothing
            continue
        if reading.amount is not None and is_rate(reading.lower, i):
            continue  # the week of "3k a week" is the amount's, not the hours asked about
        lower = reading.lower[i]
        group = lexicon.synonyms.get(lower)
        tokens.append(group[0] if group else lower if lower in lexicon.common else word)
    return tokens
