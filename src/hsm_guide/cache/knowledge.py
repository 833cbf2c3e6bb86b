"""A compiled copy of the validated knowledge base in the user cache folder.

Parsing the YAML is most of what loading costs (about 20 ms for the shipped file). The entry's
payload is MessagePack, decoded by msgspec straight into the model's typed records, checking
every type and range on the way: a payload that is not a knowledge base of this model is a
miss, and nothing in it is ever run or trusted past its types (about 6 ms in a fresh process,
as fast as the marshal copy it replaced). Most of that was the wage extract's 3,219 rows: they
are kept a run of one occupation at a time and decoded when first read, the guide's own
occupation's in the entry and the others' beside it (`Stored`, wages/rows.py), so a first
question decodes 743 rows and reads a third of the bytes.

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
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import msgspec

from ..model import KnowledgeBase
from ..wages.model import Release, WageRow, Wages
from . import folder, stamp, store
from .store import blake2b

if TYPE_CHECKING:
    from ..environment import Environment

# knowledge-base entries, format 4: store.seal framing around msgspec MessagePack, the wage extract's rows
# stored a run of one occupation at a time (wages/rows.py), the other occupations' in an entry beside it
MAGIC = b"HSMGKB\x00\x04"
OTHERS_MAGIC = b"HSMGKBO\x01"  # that entry: the other occupations' runs, in order
OTHERS = "other-occupations"
MAX_ENTRY_BYTES = 256 * 1024 * 1024  # a compiled entry is a few times its YAML at most (16 MiB)


class Stored(msgspec.Struct, array_like=True, forbid_unknown_fields=True, frozen=True):
    """An entry's payload: the knowledge base without its wage extract and state table, the extract's
    release, and its rows a run of one occupation at a time: `order` names each run's occupation, in
    order, and `own` holds the guide's own occupation's runs, each its own MessagePack (decoded when
    first read). The other occupations' runs are kept in an entry of their own beside this one
    (derived/other-occupations-...), read only when a page compares with another occupation: most
    runs read a fifth of the rows. The state table is the bytes read beside the file, which the key
    hashed."""

    kb: KnowledgeBase
    release: Release | None
    order: list[str]
    own: list[msgspec.Raw]


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
    parse = None if wages_raw is None else _parser(wages_raw, path)
    kb = read(slot, parse, licensing) if slot is not None else None
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


def read(slot: Slot, parse: Parse | None, licensing: bytes | None) -> KnowledgeBase | None:
    """The entry's knowledge base, or None for any miss (absent, stale, foreign, corrupt, unreadable).
    `parse(soc)` gives the wage extract's rows from its bytes, for a run of them that does not decode (None:
    there is no extract); `licensing` is the state table's bytes, which the key hashed."""
    payload = folder.read_sealed(slot.root, slot.file, MAGIC, slot.key, MAX_ENTRY_BYTES)
    if payload is None:
        return None
    return decode(payload, parse, licensing, lambda: _others(slot))


def decode(
    payload: bytes | memoryview,
    parse: Parse | None,
    licensing: bytes | None,
    others: Callable[[], list[msgspec.Raw] | None],
) -> KnowledgeBase | None:
    """A knowledge base of this model, type- and range-checked by msgspec; None for anything else (a wage
    extract where none was read, too). Its wage rows are each occupation's, checked as they are decoded.
    The state table is not in the entry: its bytes are the ones the key hashed, the table the entry was
    built with. `others()` reads the other occupations' runs, kept beside the entry."""
    from ..wages.rows import Rows

    try:
        stored: Any = msgspec.msgpack.decode(payload, type=Stored)
    except (msgspec.DecodeError, msgspec.ValidationError, RecursionError, MemoryError):
        return None
    kb = stored.kb
    if type(kb) is not KnowledgeBase or kb.wages is not None or kb.licensing is not None:
        return None
    if (stored.release is None) != (parse is None) or (parse is None and stored.order):
        return None
    kb = msgspec.structs.replace(kb, licensing=licensing) if licensing is not None else kb
    if stored.release is None or parse is None:
        return kb
    soc = kb.identity.soc_code
    if sum(s == soc for s in stored.order) != len(stored.own):
        return None
    own = iter(stored.own)
    runs = [(s, next(own) if s == soc else None) for s in stored.order]  # the others: kept beside
    rows = Rows(runs, others, lambda: parse(soc))
    return msgspec.structs.replace(kb, wages=Wages(release=stored.release, rows=rows))


def _others(slot: Slot) -> list[msgspec.Raw] | None:
    """The other occupations' runs kept beside the entry, in order; None for any miss."""
    file, key = folder.beside(slot.root, slot.file, slot.key, OTHERS)
    payload = folder.read_sealed(slot.root, file, OTHERS_MAGIC, key, MAX_ENTRY_BYTES)
    if payload is None:
        return None
    try:
        runs: list[msgspec.Raw] = msgspec.msgpack.decode(payload, type=list[msgspec.Raw])
    except (msgspec.DecodeError, msgspec.ValidationError):
        return None
    return runs


def write(slot: Slot, kb: KnowledgeBase) -> bool:
    """Store `kb` atomically (folder.write), the other occupations' wage rows in an entry beside it;
    False if it could not be."""
    from ..wages.rows import runs

    wages, own = kb.wages, kb.identity.soc_code
    found = (
        [(soc, msgspec.Raw(msgspec.msgpack.encode(rows))) for soc, rows in runs(wages.rows)]
        if wages is not None
        else []
    )
    bare = msgspec.structs.replace(kb, wages=None, licensing=None)
    release = wages.release if wages is not None else None
    stored = Stored(bare, release, [soc for soc, _ in found], [run for soc, run in found if soc == own])
    others = [run for soc, run in found if soc != own]
    if others:  # first, so an entry that names them is never read before they are there
        file, key = folder.beside(slot.root, slot.file, slot.key, OTHERS)
        folder.write(slot.root, file, store.seal(OTHERS_MAGIC, key, msgspec.msgpack.encode(others)))
    return folder.write(slot.root, slot.file, store.seal(MAGIC, slot.key, msgspec.msgpack.encode(stored)))


Parse = Callable[[str], Sequence[WageRow]]  # the wage extract's rows for the guide's occupation's SOC code


def _parser(wages_raw: tuple[bytes, bytes], path: Path) -> Parse:
    """The wage extract's rows parsed from the bytes the entry's key hashed (what a miss would have read)."""

    def parse(soc: str) -> Sequence[WageRow]:
        from ..wages import extract

        return extract.parse(wages_raw, path, soc).rows

    return parse
