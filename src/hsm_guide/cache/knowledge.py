"""A compiled copy of the validated knowledge base in the user cache folder.

Parsing the YAML is most of what loading costs (about 20 ms for the shipped file). The entry's
payload is MessagePack, decoded by msgspec straight into the model's typed records, checking
every type and range on the way: a payload that is not a knowledge base of this model is a
miss, and nothing in it is ever run or trusted past its types (about 6 ms in a fresh process,
as fast as the marshal copy it replaced).

Correctness comes first. An entry is served only when it is a file of this user's in the
guide's own folder (cache/folder.py), its key matches the data file's resolved path, size,
mtime_ns and content hash, the wage extract's and the state table's content, the schema version and the code stamp
(cache/stamp.py: every module, the interpreter and the libraries), and its payload's own
digest matches, so a torn or corrupted file is a miss. Every failure here (no HOME, a file
where the folder should be, a read-only folder, a full disk, a foreign file) is a miss too:
the caller parses the YAML.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from . import folder, stamp, store
from .store import blake2b

if TYPE_CHECKING:
    from ..environment import Environment
    from ..model import KnowledgeBase

MAGIC = b"HSMGKB\x00\x03"  # knowledge-base entries, format 3: store.seal framing around msgspec MessagePack
MAX_ENTRY_BYTES = 256 * 1024 * 1024  # a compiled entry is a few times its YAML at most (16 MiB)


class Slot(NamedTuple):
    """Where one data file's entry lives, in which cache folder, and the key digest its header must carry."""

    root: str
    file: str
    key: bytes


# The knowledge bases this process last loaded through a cache slot, with their slots: values
# derived from one are cached under its key (derived.py). Matched by identity (and held, so an
# id is never reused), so a key is never another's; a few suffice, a long test run loads hundreds.
_SERVED: list[tuple[KnowledgeBase, Slot]] = []
_SERVED_KEPT = 4


def slot_of(kb: KnowledgeBase) -> Slot | None:
    """The slot `kb` was served from or stored in by load_cached; None for any other knowledge base."""
    return next((slot for served, slot in _SERVED if served is kb), None)


def load_cached(path: Path, env: Environment | None = None) -> KnowledgeBase:
    """`knowledge.load`, served from the user cache when it holds a compiled copy of these exact bytes.

    The bytes (the YAML's and the wage extract's) are read and hashed once, and parsed from those
    same bytes, so an entry is always stored under the content it was built from. When the warm
    path already read this file for the run's page key (env.warm), its bytes are the ones used.
    """
    from ..environment import Environment

    env = env or Environment.from_process()
    prepared = env.warm if env.warm is not None and env.warm.covers(path) else None
    digests: tuple[str, ...] = ()
    if prepared is not None and prepared.wages_known:
        (raw, info), wages_raw, digests = prepared.raw, prepared.wages, prepared.digests
        licensing = prepared.licensing
        prepared.used = True
    else:
        from ..knowledge import loader, reading

        raw, info = reading.read_bytes(path)
        wages_raw = loader.wages_raw(path)
        licensing = loader.licensing_raw(path)
    beside = (*(wages_raw or ()), *((licensing,) if licensing is not None else ()))
    slot = locate(env, path, info, raw, *beside, digests=digests)
    kb = read(slot) if slot is not None else None
    if kb is None:
        from ..knowledge import loader, reading

        name = str(path)
        kb = loader.load_text(reading.decode(raw, name), name, wages_raw, licensing=licensing)
        if slot is not None:
            write(slot, kb)
    if slot is not None:
        _SERVED[:] = [*_SERVED[1 - _SERVED_KEPT :], (kb, slot)]
    return kb


def locate(
    env: Environment, data: Path, info: os.stat_result, raw: bytes, *extra: bytes, digests: tuple[str, ...] = ()
) -> Slot | None:
    """The slot for a data file read as `raw` after `info = stat(data)`, or None when caching is off.

    `extra` is the content of the files read beside it (the wage extract, the state table), each hashed on its own;
    `digests`, when the warm path hashed the same bytes already, are those hashes.
    """
    if not env.caching or env.cache_folder is None:
        return None
    try:
        real = os.path.realpath(data)
    except (OSError, ValueError):
        return None
    from ..model import SCHEMA_VERSION

    key = repr(
        (
            real,
            info.st_size,
            info.st_mtime_ns,
            *(digests or (blake2b(raw).hexdigest(), *(blake2b(part).hexdigest() for part in extra))),
            SCHEMA_VERSION,
            stamp.code_stamp(env),
        )
    )
    name = blake2b(os.fsencode(real), digest_size=store.DIGEST).hexdigest()
    root = env.cache_folder
    file = os.path.join(root, f"{folder.KB_PREFIX}{name}{folder.KB_SUFFIX}")
    return Slot(root, file, store.digest(key.encode("utf-8", "surrogateescape")))


def read(slot: Slot) -> KnowledgeBase | None:
    """The entry's knowledge base, or None for any miss (absent, stale, foreign, corrupt, unreadable)."""
    if not folder.owned(slot.root):
        return None
    found = store.read(slot.file, MAX_ENTRY_BYTES)
    payload = store.unseal(found[0], MAGIC, slot.key) if found is not None else None
    if payload is None:
        return None
    return decode(payload)


def decode(payload: bytes | memoryview) -> KnowledgeBase | None:
    """A knowledge base of this model, type- and range-checked by msgspec; None for anything else."""
    import msgspec

    from ..model import KnowledgeBase

    try:
        kb: Any = msgspec.msgpack.decode(payload, type=KnowledgeBase)
    except (msgspec.DecodeError, msgspec.ValidationError, RecursionError, MemoryError):
        return None
    return kb if type(kb) is KnowledgeBase else None


def write(slot: Slot, kb: KnowledgeBase) -> bool:
    """Store `kb` atomically (folder.write); False if it could not be."""
    import msgspec

    return folder.write(slot.root, slot.file, store.seal(MAGIC, slot.key, msgspec.msgpack.encode(kb)))
