"""Which card a question leads with: the question is scored against every card's example questions
(BM25 over their tokens: words, synonym groups and the kinds of part they name), and the best card
whose needs the question names leads when it scores at least THRESHOLD.

A scored match generalizes where an ordered list of word rules overfits: a new wording shares most
of its tokens with some example, and a new kind of question is one example more, not a rule that
every later rule must be ordered around.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import TYPE_CHECKING, NamedTuple, Union

if TYPE_CHECKING:
    from ..model import Card, Gap, KnowledgeBase
    from .lexicon import Lexicon
    from .reading import Reading

Choice = Union["Card", "Gap"]
K1 = 1.2  # how fast a repeated token stops adding (BM25's usual value)
B = 0.5  # how much a long example is discounted: examples are short and of similar length
# A card leads when its score is at least COVERED of what the question's own tokens would score as an
# example of their own (a word no example holds counting at UNSEEN of the rarest token's weight), and at
# least FLOOR (a question of a few everyday words is no question of any card). Measured on the questions
# of tests/questions.yaml and a reader's development set (docs/maintainers.md).
COVERED = 0.3
UNSEEN = 0.5
FLOOR = 1.5


class Table(NamedTuple):
    cards: tuple[Choice, ...]
    examples: tuple[tuple[int, tuple[str, ...]], ...]  # (card index, tokens) of every example question
    idf: dict[str, float]
    average: float  # tokens in an example, on average

    def most(self, tokens: tuple[str, ...]) -> float:
        """What the tokens would score against an example that was the question itself."""
        counts = Counter(tokens)
        norm = K1 * (1 - B + B * len(tokens) / self.average)
        rarest = max(self.idf.values(), default=1.0)
        return sum(self.idf.get(t, rarest * UNSEEN) * c * (K1 + 1) / (c + norm) for t, c in counts.items())

    def score(self, tokens: tuple[str, ...]) -> dict[int, float]:
        """Each card's best score over its examples: BM25, weighed by how much of the example the question
        covers (an example's telling word the question lacks, 'rural' in 'rural pay in kentucky', counts
        against it: 'pay in boston' is no question of rural pay)."""
        asked = set(tokens)
        best: dict[int, float] = {}
        for card, example in self.examples:
            counts = Counter(example)
            norm = K1 * (1 - B + B * len(example) / self.average)
            score = sum(self.idf[t] * counts[t] * (K1 + 1) / (counts[t] + norm) for t in asked if t in counts)
            whole = sum(self.idf[t] for t in counts)
            covered = sum(self.idf[t] for t in counts if t in asked) / whole if whole else 0.0
            score *= 0.5 + 0.5 * covered
            if score > best.get(card, 0.0):
                best[card] = score
        return best


def table(kb: KnowledgeBase, lexicon: Lexicon) -> Table:
    """The cards and their examples' tokens (reading the examples is kept beside the cached knowledge base)."""
    from ..cache import derived

    q = kb.questions
    cards: tuple[Choice, ...] = (*q.cards, *q.gaps) if q else ()
    plain = derived.remember(
        kb, "cards", lambda: _examples(kb, lexicon, cards), lambda v: v, list[tuple[int, list[str]]]
    )
    examples = tuple((i, tuple(tokens)) for i, tokens in plain)
    seen = Counter(t for _, tokens in examples for t in set(tokens))
    n = max(1, len(examples))
    idf = {t: math.log(1 + (n - k + 0.5) / (k + 0.5)) for t, k in seen.items()}
    average = sum(len(t) for _, t in examples) / n if examples else 1.0
    return Table(cards, examples, idf, average)


def _examples(kb: KnowledgeBase, lexicon: Lexicon, cards: tuple[Choice, ...]) -> list[tuple[int, list[str]]]:
    from .reading import read

    return [
        (i, list(read(kb, asked, lexicon, spell=False).tokens)) for i, card in enumerate(cards) for asked in card.asks
    ]


def ranked(kb: KnowledgeBase, lexicon: Lexicon, reading: Reading) -> list[tuple[float, Choice]]:
    """The cards the question can lead with, best first: each scoring enough, its needs named."""
    found = table(kb, lexicon)
    scores = found.score(reading.tokens)
    least = max(FLOOR, COVERED * found.most(reading.tokens))
    kept = [
        (score, i)
        for i, score in scores.items()
        if score >= least and all(reading.has(n) for n in getattr(found.cards[i], "needs", ()))
    ]
    kept.sort(key=lambda pair: (-pair[0], pair[1]))  # ties: the card listed first in the data
    return [(score, found.cards[i]) for score, i in kept]
