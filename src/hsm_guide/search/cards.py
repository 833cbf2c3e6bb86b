"""Which card a question leads with: the best card whose needs the question names, when it scores
enough (`scoring.py` scores each card); where none does, the card for a thing a long question names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Gap
from .reading import OCCUPATION_NOT
from .scoring import Choice as Choice
from .scoring import Named, Table
from .scoring import table as table

if TYPE_CHECKING:
    from ..model import KnowledgeBase
    from .lexicon import Lexicon
    from .reading import Reading

# A card leads when its score is at least COVERED of what the question's own tokens would score as an
# example of their own (a word no example holds counting at scoring.UNSEEN of the rarest token's weight),
# and at least FLOOR (a question of a few everyday words is no question of any card). These and the
# weights in scoring.py were measured on tests/questions.yaml, the cards' own examples,
# tests/test_search.py's questions of each kind and a reader's development set (docs/maintainers.md).
COVERED = 0.25
FLOOR = 1.5

_KIND_OF = {"unheld": "occupation"}  # an occupation the extract does not hold is named all the same


def named(reading: Reading) -> Named:
    """The things the question names, each as the kinds of its parts (a part inside a longer one is
    the longer one's: the nursing home of 'nursing home administrator'); a thing named again, or whose
    parts a thing named before holds ('nursing' after 'nurse'), counts once."""
    spans = _spans(reading)
    outer = dict.fromkeys((a, z) for a, z, _, _ in spans if not any(_within(a, z, u, v) for u, v, _, _ in spans))
    things: list[tuple[frozenset[str], frozenset[object]]] = []
    for u, v in sorted(outer, key=lambda span: span[0] - span[1]):  # the longest first
        inside = [(k, value) for a, z, k, value in spans if u <= a and z <= v]
        values = frozenset(value for _, value in inside)
        if not any(values <= held for _, held in things):
            kinds = frozenset(k for k, _ in inside)
            if "occupation" in kinds:  # "hospital CEOs" is an occupation, not the industry of its first word
                kinds -= OCCUPATION_NOT
            things.append((kinds, values))
    found = [kinds for kinds, _ in things]
    return tuple(found + ([frozenset({"past-year"})] if reading.past_year is not None else []))


def _spans(reading: Reading) -> list[tuple[int, int, str, object]]:
    """Each place and part the question names: its words' span, its kind, and what it names."""
    spans: list[tuple[int, int, str, object]] = [(p.start, p.end, "place", p.area.code) for p in reading.places]
    spans += [(p.start, p.end, "rural", "rural") for p in reading.places if p.area.kind == "nonmetro"]
    for p in reading.parts:
        if p.value != reading.own:
            spans.append(
                (p.start, p.end, _KIND_OF.get(p.kind, p.kind), p.value if isinstance(p.value, str) else id(p.value))
            )
    return spans


def _within(a: int, z: int, u: int, v: int) -> bool:
    """Whether the span a..z lies inside the longer span u..v."""
    return u <= a and z <= v and v - u > z - a


def ranked(kb: KnowledgeBase, lexicon: Lexicon, reading: Reading) -> list[tuple[float, Choice]]:
    """The cards the question can lead with, best first: each scoring enough, its needs named (a gap:
    the one the question names, where it names one)."""
    found = table(kb, lexicon)
    things = named(reading)
    scores = found.score(reading.tokens, things)
    least = max(FLOOR, COVERED * found.most(reading.tokens))
    gaps = reading.every("gap")
    kept = [(score, i) for i, score in scores.items() if score >= least and _can(found.cards[i], reading, gaps)]
    if not kept:  # a long question of many parts: two of a kind named still lead with the pair's card
        return [
            (score, found.cards[i])
            for score, i in _pairs_first(found, reading, _fallback(found, scores, reading, gaps))
        ]
    kept.sort(key=lambda pair: (-pair[0], pair[1]))  # ties: the card listed first in the data
    kept = _gaps_first(found, scores, reading, gaps, _pairs_first(found, reading, kept))
    return [(score, found.cards[i]) for score, i in kept]


Kept = list[tuple[float, int]]  # (score, card's index), best first


def _fallback(found: Table, scores: dict[int, float], reading: Reading, gaps: list[Gap]) -> Kept:
    """Where no card scores enough, a long question of many parts: a card for the thing it names, else the
    gap it names (said in a note under the card either way)."""
    kept = [(score, i) for i, score in scores.items() if _named_for(found, i, reading, gaps)]
    kept.sort(key=lambda pair: (_fallback_rank(found, pair[1]), -pair[0], pair[1]))
    return kept


def _gaps_first(found: Table, scores: dict[int, float], reading: Reading, gaps: list[Gap], kept: Kept) -> Kept:
    """Before a lead for the whole field or for who asks (never pay asked for): a gap the question names ("as a
    nursing student, will AI wipe out these jobs", "cheapest online MHA") if it scores half as well, and the
    card of a credential or salary named ("can a nurse use the CPHQ", "no degree, can I still get the CMPE";
    two named: the card of both)."""
    lead = kept[0][1] if kept else None
    if lead is None or not _general(found, lead, reading):
        return kept
    least = max(FLOOR, kept[0][0] / 2)
    first = [(s, i) for i, s in scores.items() if isinstance(found.cards[i], Gap) and s >= least]
    first = sorted(((s, i) for s, i in first if _can(found.cards[i], reading, gaps)), key=lambda pair: -pair[0])
    if getattr(found.cards[lead], "answer", None) not in _OF_THINGS_NAMED:
        first += _pairs_first(found, reading, _specific(found, scores, reading, gaps))[:1]  # then a credential named
    return first + [pair for pair in kept if pair not in first]


def _general(found: Table, lead: int, reading: Reading) -> bool:
    """Whether the lead is a card of the whole field or of who asks, never pay asked for (pay a place alone
    brought, "best colleges in texas", is not asked); or the pay of an occupation named where no pay is asked
    ("CPHQ vs Lean Six Sigma for a nurse": the nurse is who asks)."""
    card = found.cards[lead]
    if isinstance(card, Gap):
        return False
    if card.answer == "occupations":
        return not reading.has("pay")
    return found.needs[lead].keys() <= {"background"} and (card.view != "pay" or not reading.has("pay"))


def _specific(found: Table, scores: dict[int, float], reading: Reading, gaps: list[Gap]) -> Kept:
    """The cards of a credential or a salary the question names, best first."""
    fits = [(s, i) for i, s in scores.items() if s >= FLOOR and found.needs[i].keys() & _SPECIFIC]
    return sorted(((s, i) for s, i in fits if _named_for(found, i, reading, gaps)), key=lambda pair: -pair[0])


def _pairs_first(found: Table, reading: Reading, kept: Kept) -> Kept:
    """Where the question names two of a kind ("FACHE or CMPE"), the card that sets two side by side comes
    before one that shows one of them (and drops the other); not for places, set side by side by pay
    alone ("license requirements in florida vs georgia" asks for the licenses), nor for terms, defined
    together only where the question asks for them so."""
    if not kept:
        return kept
    # two places: pay, whatever is asked; two terms: defined together only where asked so (an MHA named beside
    # the fellowship asked of is context)
    single = {k for k, n in found.needs[kept[0][1]].items() if n == 1} - {"place", "term"}
    pairs = [p for p in kept if any(found.needs[p[1]].get(k) == 2 for k in single)]
    return pairs[:1] + [p for p in kept if p not in pairs[:1]] if pairs else kept


# Answers that need nothing named yet answer for every thing named ("is the RHIA's field the same as this one"):
# a credential's own card does not go before them (a gap the question names still does).
_OF_THINGS_NAMED = frozenset({"scope"})
# The kinds of thing that have a card of their own: named, that card answers for it whatever else is asked.
_OWN = frozenset({"credential", "term", "organization", "role", "amount"})
_SPECIFIC = frozenset({"credential", "amount"})  # ...and of these, what a question about who asks is about


def _fallback_rank(found: Table, i: int) -> int:
    """The order of the cards a long question names the things of: a credential's, term's, organization's or
    role's first, then a gap's (said in a note under the card either way)."""
    return 1 if isinstance(found.cards[i], Gap) else 0


def for_asker(kb: KnowledgeBase, lexicon: Lexicon, reading: Reading) -> tuple[Choice, ...]:
    """The route for the background a question names, for a question no card and no clause of it answers
    ("I work in commercial banking in Charlotte, would my skills transfer?"): who asks is what is known."""
    found = table(kb, lexicon)
    if not reading.every("background"):
        return ()
    scores = found.score(reading.tokens, named(reading))
    fits = [(s, i) for i, s in scores.items() if found.needs[i].keys() == {"background"}]
    return tuple(found.cards[i] for _, i in sorted(fits, key=lambda p: (-p[0], p[1])))


def _named_for(found: Table, i: int, reading: Reading, gaps: list[Gap]) -> bool:
    """Whether the card is the one for a gap the question names, or needs a thing of its own kind that the
    question names (and nothing it does not)."""
    card = found.cards[i]
    if isinstance(card, Gap):
        return _can(card, reading, gaps)
    needs = found.needs[i]
    return bool(needs) and needs.keys() <= _OWN and _can(card, reading, gaps)


def _can(card: Choice, reading: Reading, gaps: list[Gap]) -> bool:
    """Whether the card can lead: the question names what it needs; a gap, only when the question names
    it, and not only as who asks ('a navy veteran': the asker's background, said under the card)."""
    if isinstance(card, Gap):
        return any(g is card for g in gaps) and not _asker(reading, card)
    return all(reading.has(n) for n in card.needs)


def named_gaps(reading: Reading) -> tuple[Gap, ...]:
    """The gaps the question names other than as who asks: what leads where no card it scored can answer."""
    gaps = reading.every("gap")
    return tuple(g for g in gaps if _can(g, reading, gaps))


def _asker(reading: Reading, gap: Gap) -> bool:
    """Whether every mention of the gap is within the asker's background ('army', 'veteran')."""
    backgrounds = [(p.start, p.end) for p in reading.parts if p.kind == "background"]
    said = [p for p in reading.parts if p.kind == "gap" and p.value is gap]
    return bool(said) and all(any(a <= p.start and p.end <= z for a, z in backgrounds) for p in said)
