"""Whether a word is an English word, from pyspellchecker's English word list.

A word the guide does not hold is only ever "corrected" when it is no English word either
(`bedside` is never `beside`). The list (about 160,000 words with their frequencies) costs
about 90 ms to read from the package, so it is read only when a question has a word the guide
does not know, and kept beside the cached knowledge base in one entry for each first two letters: a
question then reads only those of its unknown words (about 0.2 ms each; a whole letter took about 1 ms).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import cache
from importlib.util import find_spec
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..model import KnowledgeBase

RARE = 100  # a listed word seen fewer times than this (the list's floor is 50) may be a misspelled name

_LIST = ("resources", "en.json.gz")
_SHARDS: dict[int, tuple[Any, dict[str, dict[str, int]]]] = {}


def counts(kb: KnowledgeBase, words: Iterable[str]) -> dict[str, int]:
    """How often the list has seen each word (0: it is no English word)."""
    found: dict[str, int] = {}
    for word in dict.fromkeys(words):
        if word:
            found[word] = _shard(kb, _start(word)).get(word, 0)
    return found


def _start(word: str) -> str:
    """A word's first two letters (its shard); "" where they are not two ASCII letters, or one for a
    word of one letter (the list holds only words of ASCII letters)."""
    start = word[:2]
    return start if start.isascii() and start.isalpha() else ""


def _shard(kb: KnowledgeBase, start: str) -> dict[str, int]:
    """The words that start with `start` (`_start`), and their counts: kept beside the cached knowledge
    base, one entry for each start, so a question reads only those of its unknown words."""
    kept = _SHARDS.get(id(kb))
    if kept is None or kept[0] is not kb:
        _SHARDS.clear()
        kept = _SHARDS[id(kb)] = (kb, {})
    shards: dict[str, dict[str, int]] = kept[1]
    if start not in shards:
        from ..cache import derived

        stamp = _stamp()

        def make(value: tuple[Any, dict[str, int]]) -> dict[str, int]:
            if value[0] != stamp:  # another version of the package: build again
                raise ValueError("a word list of another version")
            return value[1]

        name = f"english-{start}" if start else "english-other"
        shards[start] = derived.remember(
            kb, name, lambda: (stamp, _listed().get(start, {})), make, tuple[tuple[int, int], dict[str, int]]
        )
    return shards[start]


@cache
def _path() -> str:
    """Where the package's word file is (looked up once a process: a question may read several entries)."""
    spec = find_spec("spellchecker")  # found, not imported: only its data file is read
    if spec is None or not spec.submodule_search_locations:  # pragma: no cover - a dependency
        raise ModuleNotFoundError("pyspellchecker")
    return os.path.join(spec.submodule_search_locations[0], *_LIST)


def _stamp() -> tuple[int, int]:
    info = os.stat(_path())
    return info.st_size, info.st_mtime_ns


@cache
def _listed() -> dict[str, dict[str, int]]:
    """The list's plain lower-case words and their counts, by their first two letters (read once a process)."""
    import gzip  # here, not above: a question whose letters are cached never reads the package's file
    import json

    with gzip.open(_path(), "rb") as file:
        listed: dict[str, int] = json.loads(file.read())
    by_start: dict[str, dict[str, int]] = {}
    for word, count in listed.items():
        if word.isascii() and word.isalpha():
            by_start.setdefault(_start(word), {})[word] = int(count)
    return by_start
