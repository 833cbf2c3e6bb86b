"""The warm path: a repeated command answered from the page cache before Typer, Rich or the model load.

What a page command prints is a function of its arguments, the environment variables that
shape output, the terminal facts the Environment decided (is stdout one, its size, its
encoding, ASCII or not), the data's bytes and the code. `prepare` hashes exactly those, from
the raw command line, with nothing but os, sys and the C blake2 module: pathlib, typing and
the framework cost more than the whole warm run is allowed. The bytes it read are kept in
what it returns, which the entry point hands on in the Environment: the loader builds the
page from those same bytes (cache/knowledge.py), so a page is never stored under a key
that hashed other data. A hit prints the stored bytes, exactly what the first run wrote;
anything else (a miss, a damaged or foreign entry, a folder that is not the guide's,
HSM_GUIDE_NO_CACHE) falls through to the ordinary path, which renders the page and stores
it under the same key (cache/pages.py).
"""

from __future__ import annotations

import os
import sys

from .. import location, writer
from ..environment import is_terminal
from ..limits import MAX_BYTES
from . import folder, stamp, store
from .prepared import Prepared

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from ..environment import Environment

MAGIC = b"HSMGOUT\x04"  # page entries, format 4: store.seal framing around the bytes stdout was given
# Every variable Rich or this program reads when deciding how a page looks.
SHAPING = (
    "COLUMNS",
    "LINES",
    "NO_COLOR",
    "FORCE_COLOR",
    "TERM",
    "COLORTERM",
    "TTY_COMPATIBLE",
    "TTY_INTERACTIVE",
    "JUPYTER_COLUMNS",
    "JUPYTER_LINES",
    "DATABRICKS_RUNTIME_VERSION",
    "PYTHONIOENCODING",
    "PYTHONUTF8",
    "PYTHONLEGACYWINDOWSSTDIO",
    "LANG",
    "LANGUAGE",
)
SHAPING_PREFIXES = ("LC_", "HSM_GUIDE_")
MAX_DATA_BYTES = MAX_BYTES  # the loader refuses more
MAX_PAGE_BYTES = 64 * 1024 * 1024


def data_option(argv: list[str]) -> str | None:
    """--data as the command line gives it, anywhere before `--` (the group hoists it there too)."""
    chosen = None
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--data" and i + 1 < len(argv):
            chosen = argv[i + 1]
        elif arg.startswith("--data="):
            chosen = arg[len("--data=") :]
    return chosen


def prepare(env: Environment, argv: list[str]) -> Prepared | None:
    """The page cache key of this command line in this environment, with the bytes it hashed;
    None when caching is off or the data cannot be read (the ordinary path says why)."""
    if not env.caching:
        return None
    data = location.data_file(data_option(argv), env.environ)
    raw = store.read(data, MAX_DATA_BYTES, trust=False)
    if raw is None:
        return None
    found = [store.read(path, MAX_DATA_BYTES, trust=False) for path in location.wage_paths(data)]
    wages: tuple[bytes, bytes] | None = None
    known = not any(os.path.lexists(p) for p in location.wage_paths(data))  # no extract beside it
    if found[0] is not None and found[1] is not None:
        wages, known = (found[0][0], found[1][0]), True
    table = location.licensing_path(data)
    licensing = store.read(table, MAX_DATA_BYTES, trust=False)
    if licensing is None and os.path.lexists(table):
        known = False  # there, but not readable as a file: the loader says why
    contents = [store.blake2b(raw[0]).hexdigest()]
    contents += [store.blake2b(w).hexdigest() for w in wages] if wages is not None else [repr(known)]
    contents += [store.blake2b(licensing[0]).hexdigest()] if licensing is not None else []
    shaping = sorted((k, v) for k, v in env.environ.items() if k in SHAPING or k.startswith(SHAPING_PREFIXES))
    real = os.path.realpath(data)
    ident = (tuple(argv), real, contents, shaping, env.facts(), sys.platform, stamp.code_stamp(env))
    key = store.digest(repr(ident).encode("utf-8", "surrogateescape"))
    prepared = Prepared(key, data, real, raw, wages, known, licensing[0] if licensing is not None else None)
    prepared.digests = tuple(contents) if wages is not None else (contents[0], *contents[2:])
    return prepared


def entry_path(env: Environment, key: bytes) -> str | None:
    root = env.cache_folder
    return None if root is None else os.path.join(root, folder.PAGES, key.hex() + folder.PAGE_SUFFIX)


def lookup(env: Environment, key: bytes) -> memoryview | None:
    """The stored page's bytes, or None for any miss (absent, damaged, foreign, unreadable, not the guide's folder)."""
    path = entry_path(env, key)
    if path is None or env.cache_folder is None:
        return None
    payload = folder.read_sealed(env.cache_folder, path, MAGIC, key, MAX_PAGE_BYTES)
    if payload is not None and not is_terminal(env.environ, env.stdout_isatty) and _escapes(payload, env.encoding):
        return None  # plain output never gets escape codes, whatever a file says
    return payload


def _escapes(payload: memoryview, encoding: str) -> bool:
    """An escape character in a page meant for a pipe (where ESC is one byte of its own)."""
    if encoding.replace("-", "").replace("_", "").startswith(("utf16", "utf32")):
        return False
    return payload.tobytes().find(b"\x1b") >= 0


def serve(env: Environment, argv: list[str]) -> bool:
    """Print the cached page for `argv` and return True; False on any miss (the caller runs the CLI).
    What was read for the key is left in `env.warm` for the ordinary path."""
    try:
        env.warm = prepare(env, argv)
        payload = lookup(env, env.warm.key) if env.warm is not None else None
    except Exception:  # the warm path must never be why a command fails: fall through
        return False
    if payload is None:
        return False
    try:
        writer.write(env, payload)
    except writer.ReaderLeft:
        pass
    except writer.OutputFailed as exc:
        if env.stderr is not None:
            env.stderr.write(f"hsm-guide: {exc}\n")
        sys.exit(1)
    return True
