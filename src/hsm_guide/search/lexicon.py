"""What a question is read against, built once per knowledge base: the passages' words, the words
the guide knows (never corrected), the synonym groups, the names of parts and places.

The words the guide knows and the index of close words are built only when a question has a word
the passages do not hold."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from ..words import WORD, distance, inflected, singular, slip, variants
from .parts import Entry, by_first_word, named, phrase

if TYPE_CHECKING:
    from ..model import KnowledgeBase
    from ..places.names import Names


class Lexicon:
    def __init__(self, kb: KnowledgeBase, vocabulary: frozenset[str]) -> None:
        from ..places.names import names

        q = kb.questions
        self._kb = kb
        self.vocabulary = vocabulary  # every word of every passage
        self.synonyms = {w: tuple(g) for g in (q.synonyms if q else ()) for w in g}  # a word -> its group
        self.filler = frozenset(q.filler) if q else frozenset()
        self.common = self.filler | frozenset(self.synonyms)  # no place is named by these
        self.names: Names | None = names(kb)  # the names of places (None without a wage extract)
        self._named = named(kb)
        self.parts: dict[str, list[Entry]] = by_first_word(self._named)  # the names of parts, by first word
        self.own = _own_words(kb, self._named)  # the words of this occupation's names

    @cached_property
    def known(self) -> frozenset[str]:
        """The words the guide knows: filler and synonyms, the names of parts, states and areas (kept beside
        the cached knowledge base: a question with a word the guide lacks asks for them)."""
        from ..cache import derived

        return derived.remember(self._kb, "known", self._known, frozenset, list[str])

    def _known(self) -> list[str]:
        from ..places.names import STATE_CODES, STATE_NAMES

        known = set(self.common) | {w for words, _, _ in self._named for w in words}
        known |= {w for n in STATE_NAMES for w in n.split()} | {c.lower() for c in STATE_CODES}
        if self.names is not None:
            known |= {w for a in self.names.areas for w in WORD.findall(a.name.lower())}
            known |= {w for k in self.names.regional for w in k}
        return sorted(known)

    @cached_property
    def _by_letter(self) -> dict[str, tuple[str, ...]]:
        letters: dict[str, list[str]] = {}
        for w in sorted(self.known | self.vocabulary):
            if len(w) > 2 and w.isalpha():
                letters.setdefault(w[0], []).append(w)
        return {k: tuple(v) for k, v in letters.items()}

    @cached_property
    def asking(self) -> frozenset[str]:
        """Filler words that still ask something: those of a synonym group with a word of another stem that is
        no filler ('long': duration, in "how long does it take"); never 'do' (doing) or 'get'."""
        filler = self.filler
        return frozenset(
            w for w in filler if any(o not in filler and not o.startswith(w[:3]) for o in self.synonyms.get(w, ()))
        )

    def knows(self, word: str) -> bool:
        """Whether the guide holds the word, in either spelling (a British spelling, or its American one)."""
        return any(v in self.vocabulary or v in self.known for v in variants(word))

    def familiar(self, word: str) -> bool:
        """Whether the guide holds the word, a regular inflection of one of its words, or the plural of a
        word too short for a stem ('ceos')."""
        return self.knows(word) or bool(inflected(word, self.vocabulary)) or self.knows(singular(word))

    def closest(self, word: str) -> str | None:
        """The guide's word one or two letters off `word` (salery: salary); the nearest, then a passage's."""
        near = [w for w in self._by_letter.get(word[:1], ()) if slip(word, w)]
        return min(near, key=lambda w: (distance(word, w, 2), w not in self.vocabulary, w)) if near else None


def _own_words(kb: KnowledgeBase, named: list[Entry]) -> frozenset[str]:
    """The words of this occupation's own names (health, services, managers): what every question is about,
    so none tells one card from another, even outside a whole name ('helth servises manger'); a word that
    is a name of its own (hospital, practice) is not one of them."""
    own = kb.identity.soc_code
    names = [kb.identity.title, *(t.text for t in kb.identity.alternative_titles)]
    names += [s for n in (kb.questions.occupations if kb.questions else ()) if n.soc == own for s in n.said]
    single = {words[0] for words, _, _ in named if len(words) == 1}
    return frozenset(w for name in names for w in phrase(name)) - single


_KEPT: dict[int, tuple[object, frozenset[str], Lexicon]] = {}


def lexicon(kb: KnowledgeBase, vocabulary: frozenset[str]) -> Lexicon:
    kept = _KEPT.get(id(kb))
    if kept is not None and kept[0] is kb and kept[1] == vocabulary:
        return kept[2]
    found = Lexicon(kb, vocabulary)
    _KEPT.clear()
    _KEPT[id(kb)] = (kb, vocabulary, found)
    return found
