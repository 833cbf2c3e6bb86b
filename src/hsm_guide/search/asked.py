"""The reading of a question (`reading.py` reads it): what it names, and what a card asks of it (the
parts of a kind, whether it names what a card needs)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

from ..places.question import Found
from .figures import PAY
from .parts import Part

OCCUPATIONS = frozenset({"occupation", "unheld"})  # the names of an occupation, held by the extract or not
TITLES = OCCUPATIONS | {"role"}  # and of a job title
ANY_FIELD = "career-changer"  # the route for anyone from another field: a more specific one named goes first
# The kind a 'two-' need counts two of (two-places: place), for reading and for scoring (scoring.py).
KIND_OF_TWO = {
    "places": "place",
    "degrees": "degree",
    "occupations": "occupation",
    "industries": "industry",
    "credentials": "credential",
    "roles": "role",
    "terms": "term",
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
    again: tuple[Found, ...] = ()  # a place named a second time ("in PA" after Pennsylvania): words read, no token
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
        if kind == "background":  # "switching from retail store manager": the retail manager's route first
            found.sort(key=lambda route: route.key == ANY_FIELD)
        return found

    def apart(self, kind: str) -> list[Any]:
        """The distinct values of one kind named apart from an occupation's name or a job title (the hospital
        of 'hospital CEOs', the practice of 'practice managers': no industry asked of)."""
        return _distinct(p.value for p in self.parts if p.kind == kind and not self.inside_name(p, TITLES))

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
        if not among(value, found):
            found.append(value)
    return found


def among(value: Any, values: Iterable[Any]) -> bool:
    return any(value is v or value == v for v in values)
