"""Values computed from a cached knowledge base, kept beside its entry: the search index, the place names.

Building the search index renders every section, about 10-20 ms: most of what a first-time
question costs. What it holds is a function of the knowledge base and the code that builds
it, and the knowledge-base entry's key covers both (the data's bytes and the code stamp), so
an entry is keyed by that key and the value's name. Only a knowledge base that came through
the cache has a key; any other (caching off, no usable folder) is built every time, as is
every miss. The payload is MessagePack, decoded by msgspec into the type the caller names:
a damaged, foreign or differently shaped one is a miss.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from . import folder, knowledge, store

if TYPE_CHECKING:
    from ..model import KnowledgeBase

MAGIC = b"HSMGDRV\x02"  # derived entries, format 2: store.seal framing around msgspec MessagePack
MAX_ENTRY_BYTES = 64 * 1024 * 1024
T = TypeVar("T")


def remember(kb: KnowledgeBase, name: str, build: Callable[[], Any], make: Callable[[Any], T], shape: Any) -> T:
    """`make(build())` for `kb`: `build` computes plain values of the type `shape` (lists, tuples,
    dicts, sets, strings, numbers, named tuples), `make` turns them into what the caller uses. The
    plain values come from the cache when it has them, decoded as `shape` or not at all."""
    import msgspec

    slot = knowledge.slot_of(kb)
    if slot is None:
        return make(build())
    file, key = folder.beside(slot.root, slot.file, slot.key, name)
    payload = folder.read_sealed(slot.root, file, MAGIC, key, MAX_ENTRY_BYTES)
    if payload is not None:
        try:
            return make(msgspec.msgpack.decode(payload, type=shape))
        except (msgspec.DecodeError, msgspec.ValidationError, ValueError, TypeError, KeyError, IndexError):
            pass  # not what this code writes: a miss
    value = build()
    folder.write(slot.root, file, store.seal(MAGIC, key, msgspec.msgpack.encode(value)))
    return make(value)
