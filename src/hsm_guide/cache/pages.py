"""Rendered pages, stored for the warm path to print (see warm.py).

The key is the warm path's: the raw command line, the environment that shapes
output, the terminal, the data's bytes and the code. The ordinary path stores a
page under it only when the warm path hashed the very data file the command
used, so an entry can never hold text built from other data than its key says.
"""

from __future__ import annotations

import os
from pathlib import Path

from .. import warm
from . import store

MAX_ENTRIES = 200  # widths, color modes and commands add up; keep the folder small


def save(data: Path, text: str, encoding: str | None) -> None:
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
    if store.write(file, store.seal(warm.MAGIC, key, payload)):
        store.prune(os.path.dirname(file), store.PAGE_SUFFIX, MAX_ENTRIES)
