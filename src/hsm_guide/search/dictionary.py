"""Whether a word is an English word, from pyspellchecker's English word list.

A word the guide does not hold is only ever "corrected" when it is no English word either
(`bedside` is never `beside`). The list (about 160,000 words with their frequencies) costs
about 90 ms to read from the package, so it is read only when a question has a word the guide
does not know, and kept beside the cached knowledge base in shards by first letter: a question
then reads the whole entry (about 2 ms) and unpacks only the shards of its unknown words.
"""

from __future__ import annotations

import gzip
import json
import marshal
import os
from collections.abc import Iterable
from importlib.util import find_spec
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..model import KnowledgeBase

RARE = 100  # a listed word seen fewer times than this (the list's floor is 50) may be a misspelled name

_LIST = ("resources", "en.json.gz")
_SHARDS: dict[int, tuple[Any, dict[str, bytes]]] = {}


def counts(kb: KnowledgeBase, words: Iterable[str]) -> dict[str, int]:
    """How often the list has seen each word (0: it is no English word)."""
    wanted = [w for w in dict.fromkeys(words) if w]
    if not wanted:
        return {}
    shards = _shards(kb)
    found: dict[str, int] = {}
    opened: dict[str, dict[str, int]] = {}
    for word in wanted:
        first = word[0]
        if first not in opened:
            blob = shards.get(first)
            opened[first] = marshal.loads(blob) if blob else {}
        found[word] = opened[first].get(word, 0)
    return found


def _shards(kb: KnowledgeBase) -> dict[str, bytes]:
    kept = _SHARDS.get(id(kb))
    if kept is not None and kept[0] is kb:
        return kept[1]
    from ..cache import derived

    stamp = _stamp()

    def make(value: tuple[Any, dict[str, bytes]]) -> dict[str, bytes]:
        if value[0] != stamp:  # another version of the package: build again
            raise ValueError("a word list of another version")
        return value[1]

    shards = derived.remember(kb, "english", lambda: (stamp, _read()), make)
    _SHARDS.clear()
    _SHARDS[id(kb)] = (kb, shards)
    return shards


def _path() -> str:
    spec = find_spec("spellchecker")  # found, not imported: only its data file is read
    if spec is None or not spec.submodule_search_locations:  # pragma: no cover - a dependency
        raise ModuleNotFoundError("pyspellchecker")
    return os.path.join(spec.submodule_search_locations[0], *_LIST)


def _stamp() -> tuple[int, int]:
    info = os.stat(_path())
    return info.st_size, info.st_mtime_ns


def _read() -> dict[str, bytes]:
    """The list's plain lower-case words and their counts, one marshal blob a first letter."""
    with gzip.open(_path(), "rb") as file:
        listed: dict[str, int] = json.loads(file.read())
    by_letter: dict[str, dict[str, int]] = {}
    for word, count in listed.items():
        if word.isascii() and word.isalpha():
            by_letter.setdefault(word[0], {})[word] = int(count)
    return {letter: marshal.dumps(words) for letter, words in by_letter.items()}
