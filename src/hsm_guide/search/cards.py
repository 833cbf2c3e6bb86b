"""Which card a question leads with. Each card is scored in two parts:
- its examples: BM25 of the question's tokens (its words as their synonym groups, and the kinds of
  part it names, '<place>') against each of the card's example questions, weighed by how much of the
  example's words the question covers, the best example a card. An example's part the card has no use
  for is left out of it;
- the things the question names (a place, a background, a credential, a role...): each one adds to a
  card that needs that kind of part, and takes from one that has no use for it
  (`families.FAMILIES` says what each answer can use).
The best card whose needs the question names leads when it scores enough.

A scored match generalizes where an ordered list of word rules overfits: a new wording shares most
of its words with some example, a new kind of question is one example more, and a reader who names
where they come from or what they hold is answered for it, whatever the other words are.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import TYPE_CHECKING, NamedTuple, Union

from ..model import Card, Gap
from .asked import KIND_OF_TWO
from .families import GAP
from .reading import OCCUPATION_NOT

if TYPE_CHECKING:
    from ..model import KnowledgeBase
    from .lexicon import Lexicon
    from .reading import Reading

Choice = Union["Card", "Gap"]
K1 = 1.2  # how fast a repeated token stops adding (BM25's usual value)
B = 0.5  # how much a long example is discounted: examples are short and of similar length
# A card leads when its score is at least COVERED of what the question's own tokens would score as an
# example of their own (a word no example holds counting at UNSEEN of the rarest token's weight), and at
# least FLOOR (a question of a few everyday words is no question of any card). These and the weights
# below were measured on tests/questions.yaml, the cards' own examples, tests/test_search.py's questions
# of each kind and a reader's development set (docs/maintainers.md).
COVERED = 0.25
# An example that shares nothing with a question but the parts of a job title ('hospital administrator':
# a role, an industry, a setting) counts at TITLE_ONLY when other examples share its words: "is being a
# hospital administrator stressful" asks of the work, not of hospitals' certifications.
TITLE = frozenset({"<role>", "<industry>", "<setting>"})
TITLE_ONLY = 0.5
UNSEEN = 0.5
FLOOR = 1.5
# What a thing the question names adds to a card that needs its kind and takes from one that has no use
# for it, as a share of the kind's weight (its idf among the examples): a card that answers for the
# teacher, the credential or the place named beats one that would drop it.
NEEDED = 0.3
IGNORED = 0.5
MANY_PLACES = frozenset({"places", "rural-pay", "region-pay"})  # answers that show every place named
FREE = frozenset({"year", "past-year", "figure"})  # no card is set back by them, nor preferred for them
NOTED = frozenset({"gap"})  # no card is set back by it (a note says it); the gap's own card is preferred
_NEED_KINDS = {"licensed-role": ("setting", "term")}  # a need that more than one kind of part meets

_KIND_OF = {"unheld": "occupation"}  # an occupation the extract does not hold is named all the same
Named = tuple[frozenset[str], ...]  # each thing the question names, as the kinds of part it is


class Example(NamedTuple):
    card: int  # its card's index
    counts: dict[str, int]  # its tokens, counted
    norm: float  # BM25's discount for its length
    whole: float  # the weight of its telling tokens, each as often as it has it
    telling: frozenset[str]  # its words (and a gap's card's gap): what a question covers of it


class Table(NamedTuple):
    cards: tuple[Choice, ...]
    examples: tuple[Example, ...]  # every example question
    idf: dict[str, float]  # each token's: a word's, a synonym group's, a kind of part's ('<place>')
    average: float  # tokens in an example, on average
    needs: tuple[dict[str, int], ...]  # each card's: the kinds of part it needs, and how many of each
    owns: tuple[frozenset[str], ...]  # each card's: the kinds of part it needs or can use
    postings: dict[str, tuple[int, ...]]  # each token's examples, by index: a question scores only those

    def weight(self, token: str) -> float:
        """A token's idf; one no example holds counts at UNSEEN of the rarest token's."""
        return self.idf.get(token, max(self.idf.values(), default=1.0) * UNSEEN)

    def most(self, tokens: tuple[str, ...]) -> float:
        """What the tokens would score against an example that was the question itself."""
        counts = Counter(tokens)
        norm = K1 * (1 - B + B * len(tokens) / self.average)
        return sum(self.weight(t) * c * (K1 + 1) / (c + norm) for t, c in counts.items())

    def score(self, tokens: tuple[str, ...], named: Named = ()) -> dict[int, float]:
        """Each card's best score over its examples (BM25, weighed by how much of the example the
        question covers), then what the things the question names add or take (`parts`)."""
        asked = Counter(tokens).items()
        idf = self.idf
        best = dict.fromkeys((e.card for e in self.examples), 0.0)  # an example sharing no token scores 0
        worded = any(t in idf and t[0] != "<" for t, _ in asked)  # a word of the question some example holds
        sharing = {i for t, _ in asked for i in self.postings.get(t, ())}  # any order: each card keeps its best
        for card, counts, norm, whole, telling in (self.examples[i] for i in sharing):
            matched = {t: min(c, counts[t]) for t, c in asked if t in counts}
            score = sum(idf[t] * c * (K1 + 1) / (c + norm) for t, c in matched.items())
            covered = sum(idf[t] * c for t, c in matched.items() if t in telling) / whole if whole else 1.0
            score *= 0.5 + 0.5 * covered
            if worded and matched and all(t in TITLE for t in matched):
                score *= TITLE_ONLY  # it shares only a job title's parts with a question whose words others hold
            best[card] = max(best[card], score)
        return {card: score + self.parts(card, named) for card, score in best.items()}

    def parts(self, card: int, named: Named) -> float:
        """What the things the question names add to a card that needs their kind (as many as it needs:
        one, or two for 'two-places'), and take from one that has no use for them (a thing of several
        kinds, 'nursing home administrator', counts once, by the kind that suits the card best). A gap's
        card is set back by nothing: it says what the guide does not hold, whatever else is named."""
        needs, owns, choice = self.needs[card], self.owns[card], self.cards[card]
        gap = isinstance(choice, Gap)
        every_place = gap or (isinstance(choice, Card) and choice.answer in MANY_PLACES)
        places = max(1, needs.get("place", 0))  # the places the card shows
        total = 0.0
        met: Counter[str] = Counter()
        for kinds in named:
            if "place" in kinds and not every_place:  # a place beyond those the card shows would be dropped
                places -= 1
                if places < 0:
                    total -= IGNORED * self.weight("<place>")
                    continue
            wanted = [k for k in kinds & needs.keys() - FREE if met[k] < needs[k]]
            if wanted:
                best = max(wanted, key=lambda k: self.weight(f"<{k}>"))
                met[best] += 1
                total += NEEDED * self.weight(f"<{best}>")
            elif not (kinds & owns or gap) and kinds - FREE - NOTED:
                total -= IGNORED * self._heaviest(kinds - FREE - NOTED)
        return total

    def _heaviest(self, kinds: frozenset[str]) -> float:
        return max(self.weight(f"<{k}>") for k in kinds)


def kind(token: str) -> str | None:
    """The kind of part a token stands for ('<place>+': place), None for a word."""
    return token.strip("<>+") if token.startswith("<") else None


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


_KEPT: list[tuple[object, object, Table]] = []  # the last table, for the knowledge base and lexicon it is of


def table(kb: KnowledgeBase, lexicon: Lexicon) -> Table:
    """The table of `kb`'s cards, built once a run (a question is ranked more than once)."""
    if _KEPT and _KEPT[0][0] is kb and _KEPT[0][1] is lexicon:
        return _KEPT[0][2]
    found = _table(kb, lexicon)
    _KEPT[:] = [(kb, lexicon, found)]
    return found


def _table(kb: KnowledgeBase, lexicon: Lexicon) -> Table:
    """The cards and their examples, scored once and kept beside the cached knowledge base (reading and
    weighing the examples is most of what ranking a first question costs)."""
    from ..cache import derived

    q = kb.questions
    cards: tuple[Choice, ...] = (*q.cards, *q.gaps) if q else ()
    needs = tuple(_needs(c) for c in cards)
    owns = tuple(frozenset(n.keys() | _uses(c)) for n, c in zip(needs, cards, strict=True))
    rows, idf, average = derived.remember(kb, "card-table", lambda: _weighed(kb, lexicon, cards, owns), tuple, _WEIGHED)
    examples = tuple(Example(i, counts, norm, whole, frozenset(telling)) for i, counts, norm, whole, telling in rows)
    postings: dict[str, list[int]] = {}
    for i, example in enumerate(examples):
        for t in example.counts:
            postings.setdefault(t, []).append(i)
    return Table(cards, examples, idf, average, needs, owns, {t: tuple(v) for t, v in postings.items()})


# The examples as plain values (card, counts, norm, whole, telling), each token's idf, the average length.
_WEIGHED = tuple[list[tuple[int, dict[str, int], float, float, list[str]]], dict[str, float], float]


def _weighed(
    kb: KnowledgeBase, lexicon: Lexicon, cards: tuple[Choice, ...], owns: tuple[frozenset[str], ...]
) -> tuple[list[tuple[int, dict[str, int], float, float, list[str]]], dict[str, float], float]:
    """Each example's tokens, an example's part the card has no use for left out of it (the place of
    'how long for a nurse in ohio'), weighed by BM25 among all the examples."""
    plain = _examples(kb, lexicon, cards)
    kept = [(i, Counter(t for t in tokens if kind(t) in owns[i] or kind(t) is None)) for i, tokens in plain]
    seen = Counter(t for _, counts in kept for t in counts)
    n = max(1, len(kept))
    idf = {t: math.log(1 + (n - k + 0.5) / (k + 0.5)) for t, k in seen.items()}
    average = sum(counts.total() for _, counts in kept) / n if kept else 1.0
    examples = [_example(idf, i, c, K1 * (1 - B + B * c.total() / average), cards[i]) for i, c in kept]
    return [(e.card, e.counts, e.norm, e.whole, sorted(e.telling)) for e in examples], idf, average


def _example(idf: dict[str, float], i: int, counts: Counter[str], norm: float, card: Choice) -> Example:
    """An example with its telling tokens, its words (and a gap's card's gap), and their weight, each as
    often as it has it: how much of it a question can cover ('what does a clinical manager do' asks 'do'
    twice; 'what do they make', once). A telling word the question lacks, 'rural' in 'rural pay in
    kentucky', counts against it; other parts do not (they are scored on their own), and an example of
    those alone ('boston') is covered by any question."""
    kinds = GAP if isinstance(card, Gap) else frozenset()
    telling = frozenset(t for t in counts if kind(t) is None or kind(t) in kinds)
    return Example(i, dict(counts), norm, sum(idf[t] * counts[t] for t in telling), telling)


def _needs(card: Choice) -> dict[str, int]:
    """The kinds of part a card needs, and how many ('two-places': two places); a gap's card, its gap."""
    if isinstance(card, Gap):
        return dict.fromkeys(GAP, 1)
    found: dict[str, int] = {}
    for need in card.needs:
        single = KIND_OF_TWO.get(need.removeprefix("two-"), need.removeprefix("two-"))  # two-places: place
        for k in _NEED_KINDS.get(single, (single,)):
            found[k] = 2 if need.startswith("two-") else 1
    return found


def _uses(card: Choice) -> frozenset[str]:
    """The kinds of part a card can use (a gap's card: every kind its examples name)."""
    from .families import FAMILIES, KINDS

    return KINDS if isinstance(card, Gap) else FAMILIES[card.answer].uses


def _examples(kb: KnowledgeBase, lexicon: Lexicon, cards: tuple[Choice, ...]) -> list[tuple[int, list[str]]]:
    from .reading import read

    return [
        (i, list(read(kb, asked, lexicon, spell=False).tokens)) for i, card in enumerate(cards) for asked in card.asks
    ]


def ranked(kb: KnowledgeBase, lexicon: Lexicon, reading: Reading) -> list[tuple[float, Choice]]:
    """The cards the question can lead with, best first: each scoring enough, its needs named (a gap:
    the one the question names, where it names one)."""
    found = table(kb, lexicon)
    things = named(reading)
    scores = found.score(reading.tokens, things)
    least = max(FLOOR, COVERED * found.most(reading.tokens))
    gaps = reading.every("gap")
    kept = [(score, i) for i, score in scores.items() if score >= least and _can(found.cards[i], reading, gaps)]
    if not kept:  # a long question of many parts: a card for the thing it names, else the gap it names (said
        # in a note under the card either way)
        kept = [(score, i) for i, score in scores.items() if _named_for(found, i, reading, gaps)]
        kept.sort(key=lambda pair: (_fallback_rank(found, pair[1]), -pair[0], pair[1]))
        return [(score, found.cards[i]) for score, i in kept]
    kept.sort(key=lambda pair: (-pair[0], pair[1]))  # ties: the card listed first in the data
    kept = _pairs_first(found, reading, kept)
    kept = _gaps_first(found, reading, scores, kept)
    return [(score, found.cards[i]) for score, i in kept]


Kept = list[tuple[float, int]]  # (score, card's index), best first


def _gaps_first(found: Table, reading: Reading, scores: dict[int, float], kept: list[tuple[float, int]]) -> Kept:
    """A gap the question names ("as a nursing student, will AI wipe out these jobs", "cheapest online MHA")
    before a lead for the whole field or for who asks, if it scores half as well; never before pay asked for."""
    lead = kept[0][1] if kept else None
    if (
        lead is None
        or not found.needs[lead].keys() <= {"background"}
        or getattr(found.cards[lead], "view", "") == "pay"
    ):
        return kept
    gaps, least = reading.every("gap"), max(FLOOR, kept[0][0] / 2)
    first = [
        (s, i)
        for i, s in scores.items()
        if isinstance(found.cards[i], Gap) and s >= least and _can(found.cards[i], reading, gaps)
    ]
    return first + [pair for pair in kept if pair not in first]


def _pairs_first(found: Table, reading: Reading, kept: Kept) -> Kept:
    """Where the question names two of a kind ("FACHE or CMPE"), the card that sets two side by side comes
    before one that shows one of them (and drops the other); not for places, set side by side by pay
    alone ("license requirements in florida vs georgia" asks for the licenses)."""
    if not kept:
        return kept
    single = {k for k, n in found.needs[kept[0][1]].items() if n == 1} - {"place"}  # two places: pay, whatever is asked
    pairs = [p for p in kept if any(found.needs[p[1]].get(k) == 2 for k in single)]
    return pairs[:1] + [p for p in kept if p not in pairs[:1]] if pairs else kept


# The kinds of thing that have a card of their own: named, that card answers for it whatever else is asked.
_OWN = frozenset({"credential", "term", "organization", "role", "amount"})


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
    named = [p for p in reading.parts if p.kind == "gap" and p.value is gap]
    return bool(named) and all(any(a <= p.start and p.end <= z for a, z in backgrounds) for p in named)
