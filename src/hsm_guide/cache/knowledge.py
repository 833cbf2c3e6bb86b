"""A compiled copy of the validated knowledge base in the user cache folder.

Parsing the YAML is most of what loading costs (about 20 ms for the shipped
file). The entry is marshal data, a tree of plain values in which each record
is (class index, {field: value}), rebuilt by calling the Struct classes:
about 1.3 ms in a fresh process. msgpack with msgspec's typed Decoder decodes as
fast once built, but building it evaluates every annotation in the model, about
12 ms per process, so it loses at start-up, which is what this is for.
The rebuilt records are not type-checked again: entries are only ever written
from a validated knowledge base, and a digest guards the payload (store.seal).

This module is on the hot path of every command, so it imports only what a
Typer + Rich program has loaded already, plus the store.

Correctness comes first. An entry is served only when its key matches the data
file's resolved path, size, mtime_ns and content hash, this package's version,
the schema version, the interpreter and the code that defines a valid
knowledge base; and only when the payload's own digest matches, so a torn or
corrupted file is a miss. Every failure here (no HOME, a file where the folder
should be, a read-only folder, a full disk, a foreign file) is a miss too: the
caller parses the YAML.
"""

from __future__ import annotations

import marshal
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from .. import __version__
from . import store
from .store import blake2b

if TYPE_CHECKING:
    from ..model import KnowledgeBase, Record

MAGIC = b"HSMGKB\x00\x02"  # knowledge-base entries, format 2: store.seal framing around a marshal payload
_MAX_BYTES = 256 * 1024 * 1024  # a compiled entry is a little smaller than its YAML (at most 16 MiB)
# What decides whether a file is valid and how it is stored (a folder stands for its .py files).
CODE = (
    "model",
    "record.py",
    "knowledge",
    "cache/knowledge.py",
    "cache/store.py",
    "wages/model.py",
    "wages/extract.py",
    "licensing",
)


class Slot(NamedTuple):
    """Where one data file's entry lives and the key digest its header must carry."""

    file: Path
    key: bytes


def folder() -> Path | None:
    """The user cache folder (store.folder: $HSM_GUIDE_CACHE_DIR, else the platform's convention)."""
    found = store.folder()
    return Path(found) if found else None


# The knowledge bases this process last loaded through a cache slot, with their slots: values
# derived from one are cached under its key (derived.py). Matched by identity (and held, so an
# id is never reused), so a key is never another's; a few suffice, a long test run loads hundreds.
_SERVED: list[tuple[KnowledgeBase, Slot]] = []
_SERVED_KEPT = 4


def slot_of(kb: KnowledgeBase) -> Slot | None:
    """The slot `kb` was served from or stored in by load_cached; None for any other knowledge base."""
    return next((slot for served, slot in _SERVED if served is kb), None)


def load_cached(path: Path) -> KnowledgeBase:
    """`knowledge.load`, served from the user cache when it holds a compiled copy of these exact bytes.

    The bytes (the YAML's and the wage extract's) are read and hashed once, and
    parsed from those same bytes, so an entry is always stored under the content
    it was built from.
    """
    from ..knowledge import loader, reading

    raw, info = reading.read_bytes(path)
    wages_raw = loader.wages_raw(path)
    licensing = loader.licensing_raw(path)
    slot = locate(path, info, raw, *(wages_raw or (b"", b"")), licensing or b"")
    kb = read(slot) if slot is not None else None
    if kb is None:
        name = str(path)
        kb = loader.load_text(reading.decode(raw, name), name, wages_raw, licensing=licensing)
        if slot is not None:
            write(slot, kb)
    if slot is not None:
        _SERVED[:] = [*_SERVED[1 - _SERVED_KEPT :], (kb, slot)]
    return kb


def locate(data: Path, info: os.stat_result, raw: bytes, *extra: bytes) -> Slot | None:
    """The slot for a data file read as `raw` after `info = stat(data)`, or None when caching is off.

    `extra` is the content of the files read beside it (the wage extract), each hashed on its own.
    """
    where = folder() if store.enabled() else None
    if where is None:
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
            blake2b(raw).hexdigest(),
            tuple(blake2b(part).hexdigest() for part in extra),
            __version__,
            SCHEMA_VERSION,
            sys.hexversion,  # marshal's format belongs to the interpreter
            marshal.version,
            code_stamp(),
        )
    )
    name = blake2b(os.fsencode(real), digest_size=store.DIGEST).hexdigest()
    prefix, suffix = store.KB_PATTERN
    return Slot(where / f"{prefix}{name}{suffix}", store.digest(key.encode("utf-8", "surrogateescape")))


def code_stamp() -> tuple[tuple[str, int, int], ...]:
    """Size and mtime of the modules that define validity: an edited checkout never reads an old entry."""
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out: list[tuple[str, int, int]] = []
    for name in CODE:
        path = os.path.join(here, name)
        files = [path]
        if os.path.isdir(path):
            files = sorted(os.path.join(path, f) for f in os.listdir(path) if f.endswith(".py"))
        out += [(file, *store.file_stamp(file)) for file in files]
    return tuple(out)


def read(slot: Slot) -> KnowledgeBase | None:
    """The entry's knowledge base, or None for any miss (absent, stale, foreign, corrupt, unreadable)."""
    found = store.read(slot.file, _MAX_BYTES)
    payload = store.unseal(found[0], MAGIC, slot.key) if found is not None else None
    if payload is None:
        return None
    from ..model import KnowledgeBase

    try:
        kb = _build(marshal.loads(payload), _classes())
    except (ValueError, EOFError, TypeError, KeyError, IndexError, AttributeError, RecursionError):
        return None
    return kb if type(kb) is KnowledgeBase else None


def write(slot: Slot, kb: KnowledgeBase) -> bool:
    """Store `kb` atomically (store.write); False if it could not be."""
    classes = _classes()
    tree = _flatten(kb, {c: i for i, c in enumerate(classes.values())}, {})
    return store.write(slot.file, store.seal(MAGIC, slot.key, marshal.dumps((tuple(classes), tree))))


# -- the payload: records as (class index, {field: value}), lists as lists ------
# A record holding no record is marked by a negative index (~index), so rebuilding skips its
# fields: 1,288 wage rows of 27 fields each. Equal strings are stored once (marshal writes a
# reference for an object it has written before), which halves the payload: the wage rows repeat
# names such as "Cross-Industry, Private, Federal, State, and Local".


def _classes() -> dict[str, type[Record]]:
    from .. import model
    from ..wages import model as wages

    found = {**vars(model), **vars(wages)}
    return {n: c for n, c in sorted(found.items()) if isinstance(c, type) and issubclass(c, model.Record)}


def _flatten(value: Any, index: dict[type[Record], int], strings: dict[str, str]) -> Any:
    if hasattr(value, "__struct_fields__"):  # a Record
        fields = {f: _flatten(getattr(value, f), index, strings) for f in value.__struct_fields__}
        nested = any(type(v) is tuple or (type(v) is list and tuple in map(type, v)) for v in fields.values())
        return (index[type(value)] if nested else ~index[type(value)], fields)
    if isinstance(value, list):
        return [_flatten(v, index, strings) for v in value]
    if type(value) is str:
        return strings.setdefault(value, value)
    return value


def _build(data: Any, classes: dict[str, type[Record]]) -> Any:
    """Rebuild the records; a renamed class or a changed field list raises, so it is a miss."""
    names, tree = data
    table = [classes[n] for n in names]

    def build(record: tuple[int, dict[str, Any]]) -> Record:
        index, kwargs = record
        if index < 0:  # no record inside
            return table[~index](**kwargs)
        for key, value in kwargs.items():  # the dict is ours (fresh from marshal): fill it in place
            if type(value) is tuple:
                kwargs[key] = build(value)
            elif type(value) is list:
                kwargs[key] = [build(v) if type(v) is tuple else v for v in value]
        return table[index](**kwargs)

    return build(tree)
