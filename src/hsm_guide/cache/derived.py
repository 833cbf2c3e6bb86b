"""Values computed from a cached knowledge base, kept beside its entry: the search index, the place names.

Building the search index renders every section, about 10-20 ms: most of what a
first-time question costs. What it holds is a function of the knowledge base and
the code that builds it, so an entry is keyed by the knowledge-base entry's own
key (the data's bytes, the model's code) and the stamp of every module of the
package (warm.py's). Only a knowledge base that came through the cache has a key;
any other (caching off, no usable folder) is built every time, as is every miss.
The payload is marshal data of plain values; a damaged or foreign one is a miss.
"""

from __future__ import annotations

import marshal
import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from .. import warm
from . import knowledge, store

if TYPE_CHECKING:
    from ..model import KnowledgeBase

MAGIC = b"HSMGDRV\x01"  # derived entries, format 1: store.seal framing around a marshal payload
_MAX_BYTES = 64 * 1024 * 1024
T = TypeVar("T")


def remember(kb: KnowledgeBase, name: str, build: Callable[[], Any], make: Callable[[Any], T]) -> T:
    """`make(build())` for `kb`: `build` computes plain values marshal can store, `make` turns them
    into what the caller uses. The plain values come from the cache when it has them."""
    slot = knowledge.slot_of(kb)
    if slot is None:
        return make(build())
    file = os.path.join(os.path.dirname(slot.file), store.DERIVED, f"{name}-{os.path.basename(slot.file)}")
    key = store.digest(slot.key + repr((name, warm._code_stamp())).encode("utf-8", "surrogateescape"))
    found = store.read(file, _MAX_BYTES)
    payload = store.unseal(found[0], MAGIC, key) if found is not None else None
    if payload is not None:
        try:
            return make(marshal.loads(payload))
        except (ValueError, EOFError, TypeError, KeyError, IndexError):  # not what this code writes: a miss
            pass
    value = build()
    store.write(file, store.seal(MAGIC, key, marshal.dumps(value)))
    return make(value)
