"""The spelling step: a misspelling read as the word meant, a real word never.

A word the guide does not hold is corrected only when it is in neither the guide's words nor the
English word list (`dictionary.py`), and only into a word one or two letters away.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..words import american

if TYPE_CHECKING:
    from ..model import KnowledgeBase
    from .lexicon import Lexicon


def spelled(kb: KnowledgeBase, typed: Sequence[str], lexicon: Lexicon) -> tuple[dict[str, str], tuple[str, ...]]:
    """Corrections for the words in neither the guide nor the word list, and those close to nothing."""
    unfamiliar = _unfamiliar(typed, lexicon)
    if not unfamiliar:
        return {}, ()
    from .dictionary import counts

    english = counts(kb, unfamiliar)
    acronyms = _acronyms(typed)
    corrections: dict[str, str] = {}
    unknown: list[str] = []
    for word in (w for w in unfamiliar if not english.get(w)):
        close = None if word in acronyms else lexicon.closest(word)  # RHIT typed so is no slip for RHIA
        if close:
            corrections[word] = close
        else:
            unknown.append(word)
    return corrections, tuple(unknown)


def _unfamiliar(typed: Sequence[str], lexicon: Lexicon) -> list[str]:
    """The distinct words the guide does not know. A word with a digit is a code or a number ('68w',
    '45yo', '2.6'): never corrected, never said to be unheld."""
    words = dict.fromkeys(american(t.lower()) for t in typed)
    return [w for w in words if not (any(c.isdigit() for c in w) or lexicon.familiar(w))]


def _acronyms(typed: Sequence[str]) -> set[str]:
    """The words typed in capitals, two to six letters, unless the whole question is: an acronym the
    guide does not hold is no slip for one it does."""
    if all(t.isupper() for t in typed if t.isalpha()):
        return set()
    return {t.lower() for t in typed if t.isalpha() and 2 <= len(t) <= 6 and t.isupper()}


def rare(kb: KnowledgeBase, word: str) -> bool:
    """No English word, or one the list has seen too little to be sure it is one (tuscon)."""
    from .dictionary import RARE, counts

    return counts(kb, [word]).get(word, 0) < RARE
