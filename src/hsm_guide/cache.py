"""A compiled copy of the validated knowledge base in the user cache folder.

Parsing the YAML is most of what loading costs (about 20 ms for the shipped
file). The entry is marshal data, a tree of plain values in which each record
is (class index, {field: value}), rebuilt by calling the Struct classes:
about 1.3 ms in a fresh process. msgpack with msgspec's typed Decoder decodes as
fast once built, but building it evaluates every annotation in model.py, about
12 ms per process, so it loses at start-up, which is what this is for.
The rebuilt records are not type-checked again: entries are only ever written
from a validated knowledge base, and a hash guards the payload.

This module is on the hot path of every command, so it imports only what a
Typer + Rich program has loaded already, plus the small C blake2 module.

Correctness comes first. An entry is served only when its key matches the data
file's resolved path, size, mtime_ns and content hash, this package's version,
the schema version, the interpreter and the code that defines a valid
knowledge base; and only when the payload's own hash matches, so a torn or
corrupted file is a miss. Every failure here (no HOME, a file where the folder
should be, a read-only folder, a full disk, a foreign file) is a miss too: the
caller parses the YAML.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from . import __version__, warm

if TYPE_CHECKING:
    from .model import KnowledgeBase, Record

try:  # the C module alone: importing hashlib loads OpenSSL, ~4 ms of start-up
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - CPython always builds _blake2
    from hashlib import blake2b

MAGIC = b"HSMGKB\x00\x01"  # file format 1: magic, key digest, payload digest, marshal payload
_DIGEST = 16
_KEYED = len(MAGIC) + _DIGEST
_HEADER = _KEYED + _DIGEST
_MAX_BYTES = 256 * 1024 * 1024  # a compiled entry is a little smaller than its YAML (at most 16 MiB)
_CODE = (
    "model.py",
    "record.py",
    "knowledge.py",
    "cache.py",
    "wages/model.py",
    "wages/extract.py",
)  # what decides whether a file is valid and how it is stored
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # a FIFO planted at the entry's path must not hang a command


class Slot(NamedTuple):
    """Where one data file's entry lives and the header it must start with."""

    file: Path
    header: bytes  # MAGIC + key digest


def enabled() -> bool:
    return warm.enabled()


def folder() -> Path | None:
    """The user cache folder (warm.cache_folder: $HSM_GUIDE_CACHE_DIR, else the platform's convention)."""
    found = warm.cache_folder()
    return Path(found) if found else None


def locate(data: Path, info: os.stat_result, raw: bytes, *extra: bytes) -> Slot | None:
    """The slot for a data file read as `raw` after `info = stat(data)`, or None when caching is off.

    `extra` is the content of the files read beside it (the wage extract), each hashed on its own.
    """
    where = folder() if enabled() else None
    if where is None:
        return None
    try:
        real = os.path.realpath(data)
    except (OSError, ValueError):
        return None
    from .model import SCHEMA_VERSION

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
            _code_stamp(),
        )
    )
    encoded = key.encode("utf-8", "surrogateescape")
    name = blake2b(os.fsencode(real), digest_size=_DIGEST).hexdigest()
    return Slot(where / f"kb-{name}.bin", MAGIC + blake2b(encoded, digest_size=_DIGEST).digest())


def _code_stamp() -> tuple[tuple[int, int], ...]:
    """Size and mtime of the modules that define validity: an edited checkout never reads an old entry."""
    here = os.path.dirname(__file__)
    out: list[tuple[int, int]] = []
    for name in _CODE:
        try:
            st = os.stat(os.path.join(here, name))
            out.append((st.st_size, st.st_mtime_ns))
        except OSError:
            out.append((-1, -1))
    return tuple(out)


def read(slot: Slot) -> KnowledgeBase | None:
    """The entry's knowledge base, or None for any miss (absent, stale, foreign, corrupt, unreadable)."""
    blob = read_file(slot.file)
    if blob is None or len(blob) < _HEADER or blob[:_KEYED] != slot.header:
        return None
    payload = memoryview(blob)[_HEADER:]
    if blake2b(payload, digest_size=_DIGEST).digest() != blob[_KEYED:_HEADER]:
        return None
    from .model import KnowledgeBase

    try:
        kb = _build(marshal.loads(payload), _classes())
    except (ValueError, EOFError, TypeError, KeyError, IndexError, AttributeError, RecursionError):
        return None
    return kb if type(kb) is KnowledgeBase else None


def read_file(path: Path, limit: int = _MAX_BYTES) -> bytes | None:
    """A file's bytes, or None: absent, not a regular file, over `limit` bytes or unreadable."""
    try:
        fd = os.open(path, os.O_RDONLY | _NONBLOCK)
    except (OSError, ValueError):
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None
        with open(fd, "rb", closefd=False) as f:
            return f.read()
    except OSError:
        return None
    finally:
        os.close(fd)


def write(slot: Slot, kb: KnowledgeBase) -> bool:
    """Store `kb` atomically (a temporary file in the same folder, then a rename); False if it could not be."""
    classes = _classes()
    payload = marshal.dumps((tuple(classes), _flatten(kb, {c: i for i, c in enumerate(classes.values())})))
    return write_atomic(slot.file, slot.header + blake2b(payload, digest_size=_DIGEST).digest() + payload)


def write_atomic(file: Path, blob: bytes) -> bool:
    """A temporary file in the same folder, then a rename; False (and no temporary file left) on failure."""
    where = file.parent
    temp = where / f".{file.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp"
    created = False
    try:
        where.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        created = True
        try:  # no fsync: after a crash a torn entry fails the payload hash and is rebuilt
            view = memoryview(blob)
            while view:
                view = view[os.write(fd, view) :]
        finally:
            os.close(fd)
        os.replace(temp, file)
        return True
    except (OSError, ValueError):
        if created:
            with contextlib.suppress(OSError):
                os.unlink(temp)
        return False


# -- the payload: records as (class index, {field: value}), lists as lists ------


def _classes() -> dict[str, type[Record]]:
    from . import model
    from .wages import model as wages

    found = {**vars(model), **vars(wages)}
    return {n: c for n, c in sorted(found.items()) if isinstance(c, type) and issubclass(c, model.Record)}


def _flatten(value: Any, index: dict[type[Record], int]) -> Any:
    if hasattr(value, "__struct_fields__"):  # a Record
        return (index[type(value)], {f: _flatten(getattr(value, f), index) for f in value.__struct_fields__})
    if isinstance(value, list):
        return [_flatten(v, index) for v in value]
    return value


def _build(data: Any, classes: dict[str, type[Record]]) -> Any:
    """Rebuild the records; a renamed class or a changed field list raises, so it is a miss."""
    names, tree = data
    table = [classes[n] for n in names]

    def build(record: tuple[int, dict[str, Any]]) -> Record:
        index, kwargs = record
        for key, value in kwargs.items():  # the dict is ours (fresh from marshal): fill it in place
            if type(value) is tuple:
                kwargs[key] = build(value)
            elif type(value) is list:
                kwargs[key] = [build(v) if type(v) is tuple else v for v in value]
        return table[index](**kwargs)

    return build(tree)
