"""How well a question fits each card, scored in two parts:
- its examples: BM25 of the question's tokens (its words as their synonym groups, and the kinds of
  part it names, '<place>') against each of the card's example questions, weighed by how much of the
  example's words the question covers, the best example a card. An example's part the card has no use
  for is left out of it;
- the things the question names (a place, a background, a credential, a role...): each one adds to a
  card that needs that kind of part, and takes from one that has no use for it
  (`families.FAMILIES` says what each answer can use).
`cards.py` chooses the card that leads from these scores.

A scored match generalizes where an ordered list of word rules overfits: a new wording shares most
of its words with some example, a new kind of question is one example more, and a reader who names
where they come from or what they hold is answered for it, whatever the other words are.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple, Union

from ..model import Card, Gap
from .asked import KIND_OF_TWO
from .families import GAP

if TYPE_CHECKING:
    from ..model import KnowledgeBase
    from .lexicon import Lexicon

Choice = Union["Card", "Gap"]
K1 = 1.2  # how fast a repeated token stops adding (BM25's usual value)
B = 0.5  # how much a long example is discounted: examples are short and of similar length
# The weights below were measured with cards.py's thresholds, on the questions named there.
# An example that shares nothing with a question but the parts of a job title ('hospital administrator':
# a role, an industry, a setting) counts at TITLE_ONLY when other examples share its words: "is being a
# hospital administrator stressful" asks of the work, not of hospitals' certifications.
TITLE = frozenset({"<role>", "<industry>", "<setting>"})
TITLE_ONLY = 0.5
UNSEEN = 0.5  # a word no example holds counts at this share of the rarest token's weight
# What a thing the question names adds to a card that needs its kind and takes from one that has no use
# for it, as a share of the kind's weight (its idf among the examples): a card that answers for the
# teacher, the credential or the place named beats one that would drop it.
NEEDED = 0.3
IGNORED = 0.5
MANY_PLACES = frozenset({"places", "rural-pay", "region-pay"})  # answers that show every place named
FREE = frozenset({"year", "past-year", "figure"})  # no card is set back by them, nor preferred for them
NOTED = frozenset({"gap"})  # no card is set back by it (a note says it); the gap's own card is preferred
_NEED_KINDS = {"licensed-role": ("setting", "term")}  # a need that more than one kind of part meets

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
    unseen: float  # the weight of a token no example holds: UNSEEN of the rarest token's

    def weight(self, token: str) -> float:
        """A token's idf; one no example holds counts at `unseen`."""
        return self.idf.get(token, self.unseen)

    def most(self, tokens: tuple[str, ...]) -> float:
        """What the tokens would score against an example that was the question itself."""
        counts = Counter(tokens)
        norm = K1 * (1 - B + B * len(tokens) / self.average)
        return sum(self.weight(t) * c * (K1 + 1) / (c + norm) for t, c in counts.items())

    def shares(self, card: Choice, tokens: Iterable[str], plain: frozenset[str]) -> bool:
        """Whether some example of the card holds a token of the question's that is no plain word ('take',
        'will'): "will I take a pay cut" shares only 'take' with "what courses should I take"."""
        telling = {t for t in tokens if t not in plain}
        return any(self.cards[self.examples[i].card] is card for t in telling for i in self.postings.get(t, ()))

    def score(self, tokens: tuple[str, ...], named: Named = ()) -> dict[int, float]:
        """Each card's best score over its examples (BM25, weighed by how much of the example the
        question covers), then what the things the question names add or take (`parts`)."""
        asked = Counter(tokens).items()
        best = dict.fromkeys((e.card for e in self.examples), 0.0)  # an example sharing no token scores 0
        worded = any(t in self.idf and t[0] != "<" for t, _ in asked)  # a word of the question some example holds
        sharing = {i for t, _ in asked for i in self.postings.get(t, ())}  # any order: each card keeps its best
        for example in (self.examples[i] for i in sharing):
            best[example.card] = max(best[example.card], self._against(example, asked, worded))
        return {card: score + self.parts(card, named) for card, score in best.items()}

    def _against(self, example: Example, asked: Iterable[tuple[str, int]], worded: bool) -> float:
        """The question's BM25 score against one example, weighed by how much of the example it covers;
        `worded`: some example holds a word of the question."""
        idf, counts, norm, whole = self.idf, example.counts, example.norm, example.whole
        matched = {t: min(c, counts[t]) for t, c in asked if t in counts}
        score = sum(idf[t] * c * (K1 + 1) / (c + norm) for t, c in matched.items())
        covered = sum(idf[t] * c for t, c in matched.items() if t in example.telling) / whole if whole else 1.0
        score *= 0.5 + 0.5 * covered
        if worded and matched and all(t in TITLE for t in matched):
            score *= TITLE_ONLY  # it shares only a job title's parts with a question whose words others hold
        return score

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
    unseen = max(idf.values(), default=1.0) * UNSEEN
    return Table(cards, examples, idf, average, needs, owns, {t: tuple(v) for t, v in postings.items()}, unseen)


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
