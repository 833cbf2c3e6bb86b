"""The rendered text of a page command, stored for the warm path to print (see warm.py).

The key is the warm path's: the raw command line, the environment that shapes
output, the terminal, the data's bytes and the code. The ordinary path stores a
page under it only when the warm path hashed the very data file the command
used, so an entry can never hold text built from other data than its key says.
"""

from __future__ import annotations

import os
from pathlib import Path

from . import warm
from .cache import write_atomic

try:  # the C module alone, as in cache.py: hashlib would load OpenSSL
    from _blake2 import blake2b
except ImportError:  # pragma: no cover
    from hashlib import blake2b

MAX_ENTRIES = 200  # widths, color modes and commands add up; keep the folder small


def store(data: Path, text: str, encoding: str | None) -> None:
    """Keep `text` for the command line this process runs, if the warm path computed its key."""
    if not warm.CURRENT:
        return
    key, hashed = warm.CURRENT[0]
    if os.path.realpath(data) != hashed:  # the command read other data than the key covers
        return
    file = warm.entry_path(key)
    if file is None:
        return
    payload = text.encode(encoding or "utf-8", "replace")
    if write_atomic(Path(file), warm.MAGIC + blake2b(payload, digest_size=warm.DIGEST).digest() + payload):
        _prune(Path(file).parent)


def _prune(where: Path) -> None:
    """Drop the oldest entries beyond MAX_ENTRIES (only after a write, so reads stay cheap)."""
    try:
        entries = [e for e in os.scandir(where) if e.name.endswith(".txt")]
        if len(entries) > MAX_ENTRIES:
            entries.sort(key=lambda e: e.stat().st_mtime_ns)
            for old in entries[: len(entries) - MAX_ENTRIES]:
                os.unlink(old.path)
    except OSError:
        pass
