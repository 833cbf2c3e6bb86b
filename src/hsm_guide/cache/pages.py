"""Rendered pages, stored for the warm path to print (see cache/warm.py).

An entry's payload is the bytes stdout was given, verbatim: nothing in it is decoded or
parsed, and a replay is byte for byte what the first run wrote, in every encoding. The key
is the warm path's; a page is stored only when the run's knowledge base was built from the
very bytes that key hashed (Prepared.used), so an entry can never hold text built from
other data than its key says.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from . import folder, store, warm

if TYPE_CHECKING:
    from ..environment import Environment

MAX_ENTRIES = 200  # widths, color modes and commands add up; keep the folder small


def save(env: Environment, payload: bytes) -> None:
    """Keep what stdout is given for this run's command line, if the warm path prepared its key."""
    prepared = env.warm
    if prepared is None or not prepared.used or env.cache_folder is None:
        return
    file = warm.entry_path(env, prepared.key)
    if file is None:
        return
    if folder.write(env.cache_folder, file, store.seal(warm.MAGIC, prepared.key, payload)):
        folder.prune(os.path.dirname(file), folder.PAGE_SUFFIX, MAX_ENTRIES)
