"""What makes the state table trustworthy, checked every time it is read cold.

Each problem is a message and a key path (``["VA", "facts", "ait", "hours"]``); the
loader names the file, the importer the research file and its line. The rules:

- a state is keyed by its postal code, is one of the 50 states or DC, and carries that
  code and its name;
- every page a fact cites is among the state's pages;
- a fact with no page says "not verified", with no figure and no yes or no; a fact whose
  every page is secondary is marked `secondary`, and a fact marked so cites a secondary page;
- every number a fact states is in the record of a page it cites; a figure the table shows
  as a number (hours, weeks, the cycle) in the record of a primary page (board or rule),
  unless the fact is marked secondary.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..wages.states import STATES
from .model import NOT_VERIFIED, Fact, Licensing, Page, State

Found = tuple[str, list[str | int]]

# The 50 states and DC: the table's rows (Puerto Rico and the other territories are BLS areas, not rows here).
ROWS: dict[str, str] = {code: name for fips, (code, name) in STATES.items() if int(fips) <= 56}
PRIMARY = ("board", "rule")
_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
_WORDS = {
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "eleven": "11",
    "twelve": "12",
    "twenty": "20",
    "thirty": "30",
    "forty": "40",
    "fifty": "50",
    "sixty": "60",
    # a renewal cycle a page states in words: 'renewed annually' is a cycle of 1 year
    "annual": "1",
    "annually": "1",
    "yearly": "1",
    "biennial": "2",
    "biennially": "2",
    "triennial": "3",
}
# One pass over a record line, lower-cased: a number in digits, or a word that states one.
_RECORDED = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?)|\b(" + "|".join(_WORDS) + r")\b")


def numbers(text: str) -> set[str]:
    """The numbers a text states, as digits without separators: '2,000 hours' -> {'2000'}."""
    return {n.replace(",", "") for n in _NUMBER.findall(text)}


def recorded(page: Page) -> set[str]:
    """The numbers a page's record states, in digits or in words ('two years', 'annually' for a 1-year cycle)."""
    found: set[str] = set()
    for digits, word in _RECORDED.findall(" ".join(page.record).lower()):
        found.add(digits.replace(",", "") if digits else _WORDS[word])
    return found


def problems(table: Licensing) -> list[Found]:
    """Every problem in the table, state by state in the order of its keys."""
    found: list[Found] = []
    for key, state in table.states.items():
        found += [(message, [key, *path]) for message, path in state_problems(key, state)]
    return found


def state_problems(key: str, state: State) -> list[Found]:
    if key not in ROWS:
        return [(f"'{key}' is not the postal code of a state or DC", [])]
    found: list[Found] = []
    if state.code != key:
        found.append((f"the code is '{state.code}' but the state is filed under '{key}'", ["code"]))
    if state.name != ROWS[key]:
        found.append((f"the name of {key} is '{ROWS[key]}', not '{state.name}'", ["name"]))
    said = {pid: recorded(page) for pid, page in state.pages.items()}  # once a page, not once a citation
    for name in state.facts.__struct_fields__:
        fact: Fact = getattr(state.facts, name)
        found += [(message, ["facts", name, *path]) for message, path in fact_problems(fact, state.pages, said)]
    return found


def fact_problems(fact: Fact, pages: dict[str, Page], said: dict[str, set[str]] | None = None) -> list[Found]:
    unknown = [(i, s) for i, s in enumerate(fact.sources) if s not in pages]
    if unknown:
        return [(f"cites '{s}', which is not among the state's pages", ["sources", i]) for i, s in unknown]
    figures = figures_of(fact)
    if not fact.sources:
        if fact.text.strip().casefold() != NOT_VERIFIED:
            return [(f"cites no page, so its text must be '{NOT_VERIFIED}'", ["text"])]
        given = [*figures, *(n for n in ("required", "licensed") if getattr(fact, n, None) is not None)]
        return [(f"{name} is given but no page is cited", [name]) for name in given]
    if fact.text.strip().casefold() == NOT_VERIFIED:
        return [(f"says '{NOT_VERIFIED}' but cites a page", ["sources"])]
    said = said if said is not None else {s: recorded(pages[s]) for s in fact.sources}
    cited = [pages[s] for s in fact.sources]
    kinds = {p.kind for p in cited}
    if kinds == {"secondary"} and not fact.secondary:
        return [("cites only secondary pages, so it must be marked secondary: true", ["secondary"])]
    if fact.secondary and "secondary" not in kinds:
        return [("is marked secondary but cites no secondary page", ["secondary"])]
    found: list[Found] = []
    anywhere = _union(said[s] for s in fact.sources)
    primary = _union(said[s] for s in fact.sources if pages[s].kind in PRIMARY)
    for name, value in figures.items():
        if value not in (anywhere if fact.secondary else primary):
            where = "a page it cites" if fact.secondary else "a primary page it cites (board or rule)"
            found.append((f"{value} is not in the record of {where}", [name]))
    for number in sorted(numbers(fact.text) - anywhere, key=float):
        found.append((f"{number} is not in the record of a page it cites", ["text"]))
    return found


def figures_of(fact: Fact) -> dict[str, str]:
    """The figures a fact gives as numbers (hours, weeks, cycle_years), as digits."""
    out: dict[str, str] = {}
    for name in ("hours", "weeks", "cycle_years"):
        value = getattr(fact, name, None)
        if value is not None:
            out[name] = str(value)
    return out


def _union(sets: Iterable[set[str]]) -> set[str]:
    found: set[str] = set()
    for s in sets:
        found |= s
    return found
