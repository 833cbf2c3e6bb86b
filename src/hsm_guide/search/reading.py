"""Reading a question: its words (a misspelling read as the word meant, a real word never:
`spelling.py`), the places and parts it names, the years, and the tokens its card is chosen by. What
is read is a `Reading` (`asked.py`, importable from here too).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..places.question import Found, distinct
from ..words import SHORT, THOUSANDS, american, amount, idioms, is_rate, singular, split
from .asked import OCCUPATIONS, among
from .asked import Reading as Reading  # where the modules of the room import it from
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


def read(kb: KnowledgeBase, query: str, lexicon: Lexicon, spell: bool = True) -> Reading:
    """What a question asks. `spell`: correct misspellings (the cards' own examples are read without)."""
    from .parts import find

    typed, ignored = split(query)
    typed = [SHORT.get(w.lower(), w) for w in typed]  # yrs: years
    corrections, unknown = spelled(kb, typed, lexicon) if spell else ({}, ())
    typed = [corrections.get(w.lower(), w) for w in typed]
    lower = [american(w.lower()) for w in typed]
    singles = [singular(w) for w in lower]
    said = _outside(_places(kb, typed, lexicon), find(lexicon.parts, singles, set()), typed)
    taken = {i for f in said for i in range(f.start, f.end)}  # a place named twice names no part either time
    found = distinct(said, typed)
    phrases = idioms(lower)
    groups = frozenset(lower) | {lexicon.synonyms[w][0] for w in lower if w in lexicon.synonyms}
    groups |= {meant for _, _, meant in phrases}
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
        again=tuple(f for f in said if f not in found),
        parts=parts,
        years=years,
        past_year=past,
        corrections=corrections,
        unknown=unknown,
        own=kb.identity.soc_code,
        amount=amount(query),
    )
    return _with_tokens(reading, lexicon, phrases)


# "doesn't" is read as "doesn" and "t", "dont" as typed: the negation is either form, the "t" a word between
_NOT = frozenset({"not", "dont", "never", "no", "without", "doesn", "doesnt", "don", "didn", "didnt", "won", "wont"})
_BETWEEN = frozenset({"a", "an", "the", "be", "to", "want", "wanna", "become", "being", "t"})  # "dont want to be a"
_WHO = frozenset({"background", "occupation", "unheld"})  # who the asker is, or is not


# Someone else the asker names, and the words between them and their job ("my mom is a CNA", "my dad's an RN")
_OTHERS = frozenset(
    {"mom", "mother", "dad", "father", "parent", "parents", "wife", "husband", "spouse", "sister", "brother", "son"}
    | {"daughter", "friend", "boyfriend", "girlfriend", "partner", "aunt", "uncle", "grandma", "grandpa", "cousin"}
)
_IS = frozenset({"is", "was", "s", "works", "worked", "as", "a", "an"})


def _affirmed(parts: tuple[Part, ...], lower: Sequence[str]) -> tuple[Part, ...]:
    """The parts, less a background or occupation the question denies: "I don't want to be a nurse" names
    no nurse (a negation, then only words such as 'want to be a', before it); nor is one someone else's
    job who asks: "my mom is a CNA" names no CNA who asks ("my daughter wants to be a nurse" still does)."""

    def before(p: Part, between: frozenset[str]) -> str:
        i = p.start - 1
        while i >= 0 and lower[i] in between:
            i -= 1
        return lower[i] if i >= 0 else ""

    def denied(p: Part) -> bool:
        return before(p, _BETWEEN) in _NOT or before(p, _IS) in _OTHERS

    return tuple(p for p in parts if not (p.kind in _WHO and denied(p)))


# Words before a name, never before a state ("that PA pays more" and "such as PA" are Pennsylvania).
_DETERMINERS = frozenset({"a", "an", "the", "my", "our", "your", "his", "her", "their", "any"})


def _outside(found: list[Found], parts: tuple[Part, ...], typed: Sequence[str]) -> list[Found]:
    """The places no part's name holds: a name longer than a place wins (NE-BC is no Nebraska), and so does
    one of the same words after a determiner (the VA, a PA, an MD); without one the state stands (pay in VA,
    license requirements PA)."""

    def held(f: Found, p: Part) -> bool:
        inside = p.start <= f.start and f.end <= p.end
        longer = p.end - p.start > f.end - f.start
        return inside and (longer or (f.start > 0 and typed[f.start - 1].lower() in _DETERMINERS))

    return [f for f in found if not any(held(f, p) for p in parts)]


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


def _with_tokens(reading: Reading, lexicon: Lexicon, phrases: list[tuple[int, int, str]]) -> Reading:
    """The tokens a card is scored by: each place and part as its kind ('<place>', a second of the same
    kind '<place>+'), the other words as their synonym group, years as '<year>'."""
    covered: set[int] = set()
    tokens = (
        _place_tokens(reading, covered)
        + _part_tokens(reading, covered, lexicon.synonyms)
        + _word_tokens(reading, lexicon, covered, phrases)
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
    for f in reading.again:
        covered.update(range(f.start, f.end))
    return tokens


def _part_tokens(reading: Reading, covered: set[int], synonyms: dict[str, tuple[str, ...]]) -> list[str]:
    tokens: list[str] = []
    seen: dict[str, list[object]] = {}
    for p in reading.parts:
        if p.kind in OCCUPATION_NOT and reading.inside_name(p, OCCUPATIONS):
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
    if among(p.value, values):
        return []
    values.append(p.value)
    return [f"<{kind}>" + ("+" if len(values) > 1 else "")]


def _word_tokens(reading: Reading, lexicon: Lexicon, covered: set[int], found: list[tuple[int, int, str]]) -> list[str]:
    """The other words: a synonym group's first word, a common word as typed, else the word's singular;
    none for a word of this occupation's own names; an everyday phrase among them (`found`), the word it means."""
    tokens: list[str] = []
    phrases = {start: (end, meant) for start, end, meant in found if start not in covered}
    for i, word in enumerate(reading.singles):
        if i in phrases:  # an everyday phrase ('right out of college'): the word it means, its words covered
            end, meant = phrases[i]
            covered.update(range(i, end))
            tokens += [] if meant in tokens else [meant]  # 'entry level ... new grads': starting once
        if i not in covered and word not in STOP and word not in lexicon.own:
            tokens += _word_token(reading, lexicon, i, word)
    return tokens


def _word_token(reading: Reading, lexicon: Lexicon, i: int, word: str) -> list[str]:
    """The token of the word at `i` (its singular, `word`): none for a number but a year, or a rate's unit."""
    if word.isdigit() or THOUSANDS.fullmatch(word):
        return ["<year>"] if _YEAR.fullmatch(word) else []  # other numbers (10 years, 95k) ask nothing
    if reading.amount is not None and is_rate(reading.lower, i):
        return []  # the week of "3k a week" is the amount's, not the hours asked about
    lower = reading.lower[i]
    group = lexicon.synonyms.get(lower)
    return [group[0] if group else lower if lower in lexicon.common else word]
