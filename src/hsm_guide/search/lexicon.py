"""What a question is read against, built once per knowledge base: the passages' words, the words
the guide knows (never corrected), the synonym groups, the names of parts and places."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..words import WORD, slip, variants
from .parts import Entry, by_first_word, entries

if TYPE_CHECKING:
    from ..model import KnowledgeBase
    from ..places.names import Names


@dataclass(frozen=True)
class Lexicon:
    vocabulary: frozenset[str]  # every word of every passage
    known: frozenset[str]  # words the guide knows: filler, synonyms, names of places and parts
    synonyms: dict[str, tuple[str, ...]]  # a word -> every word of its group (the first names it)
    common: frozenset[str]  # filler and synonyms: no place is named by them
    parts: dict[str, list[Entry]]  # the names of parts, by their first word
    names: Names | None  # the names of places (None without a wage extract)
    _by_letter: dict[str, tuple[str, ...]]

    def knows(self, word: str) -> bool:
        """Whether the guide holds the word, in either spelling (organisation: organization)."""
        return any(v in self.known or v in self.vocabulary for v in variants(word))

    def closest(self, word: str) -> str | None:
        """The guide's word one or two letters off `word` (salery: salary); the commoner where several."""
        from ..words import distance

        near = [w for w in self._by_letter.get(word[:1], ()) if slip(word, w)]
        return min(near, key=lambda w: (distance(word, w, 2), w not in self.vocabulary, w)) if near else None


_KEPT: dict[int, tuple[object, Lexicon]] = {}


def lexicon(kb: KnowledgeBase, vocabulary: frozenset[str]) -> Lexicon:
    kept = _KEPT.get(id(kb))
    if kept is not None and kept[0] is kb and kept[1].vocabulary is vocabulary:
        return kept[1]
    from ..places.names import names

    q = kb.questions
    filler = frozenset(q.filler) if q else frozenset()
    synonyms = {w: tuple(g) for g in (q.synonyms if q else ()) for w in g}
    named = entries(kb)
    places = names(kb)
    known = _known(filler | frozenset(synonyms), named, places)
    letters: dict[str, list[str]] = {}
    for w in sorted(known | vocabulary):
        if len(w) > 2 and w.isalpha():
            letters.setdefault(w[0], []).append(w)
    found = Lexicon(
        vocabulary,
        known,
        synonyms,
        filler | frozenset(synonyms),
        by_first_word(named),
        places,
        {k: tuple(v) for k, v in letters.items()},
    )
    _KEPT.clear()
    _KEPT[id(kb)] = (kb, found)
    return found


def _known(common: frozenset[str], named: list[Entry], places: Names | None) -> frozenset[str]:
    """The words the guide knows: filler and synonyms, the names of parts, states and areas."""
    from ..places.names import STATE_CODES, STATE_NAMES

    known = set(common) | {w for words, _, _ in named for w in words}
    known |= {w for n in STATE_NAMES for w in n.split()} | {c.lower() for c in STATE_CODES}
    if places is not None:
        known |= {w for a in places.areas for w in WORD.findall(a.name.lower())}
        known |= {w for k in places.regional for w in k}
    return frozenset(known)
