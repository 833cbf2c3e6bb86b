"""The one code-stamp rule: what code a cache entry was made by.

Every cache key (pages, the compiled knowledge base, what derives from it) holds this stamp,
so an edit or an upgrade of anything that could change an entry is a new key, never a stale
entry: the version, the interpreter, every module of this package (size and mtime of each
.py file, so an edited checkout counts), and each library the guide reads, parses, validates,
stores or draws with (Rich, Typer (which carries Click), PyYAML, msgspec, markdown-it-py, mdurl) by its
installed distribution's RECORD, which an install or upgrade rewrites; a library found with no
distribution record (a source checkout on the path) counts by its modules, as this package does.
Taken once a run and kept on the run's Environment (a test may give one). Imports only os and
sys: the warm path takes it.
"""

from __future__ import annotations

import os
import sys

from .. import __version__

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from ..environment import Environment

# Import name -> distribution name, as its .dist-info folder spells it (lower case).
LIBRARIES = {
    "rich": "rich",
    "typer": "typer",
    "yaml": "pyyaml",
    "msgspec": "msgspec",
    "markdown_it": "markdown_it_py",
    "mdurl": "mdurl",
}


def code_stamp(env: Environment) -> tuple[object, ...]:
    """The stamp, taken once for this environment's run."""
    if env.code_stamp is None:
        env.code_stamp = take()
    return env.code_stamp


def take() -> tuple[object, ...]:
    here = os.path.dirname(os.path.abspath(__file__))
    package = os.path.dirname(here)
    stamp: list[object] = [__version__, sys.hexversion, sys.implementation.cache_tag]
    stamp += _modules(package)
    listings: dict[str, list[str]] = {}
    for name, distribution in LIBRARIES.items():
        stamp.append((name, *_library(name, distribution, listings)))
    return tuple(stamp)


def _modules(folder: str) -> list[tuple[str, int, int]]:
    """(path inside `folder`, size, mtime) of every .py file below it."""
    found: list[tuple[str, int, int]] = []
    cut = len(folder) + 1
    for where, subfolders, names in os.walk(folder):
        subfolders[:] = sorted(d for d in subfolders if d != "__pycache__")
        for name in sorted(names):
            if name.endswith(".py"):
                path = os.path.join(where, name)
                found.append((path[cut:], *_size_and_time(path)))
    return found


def _library(name: str, distribution: str, listings: dict[str, list[str]]) -> tuple[object, ...]:
    """Where `name` would be imported from, and its RECORD's (or else its modules') stamp."""
    for entry in sys.path:
        base = os.path.abspath(entry or ".")
        folder = os.path.join(base, name)
        if not os.path.isfile(os.path.join(folder, "__init__.py")):
            continue
        if base not in listings:
            try:
                listings[base] = sorted(os.listdir(base))
            except OSError:
                listings[base] = []
        for item in listings[base]:
            if item.lower().startswith(distribution + "-") and item.endswith(".dist-info"):
                return (item, *_size_and_time(os.path.join(base, item, "RECORD")))
        return (folder, *_modules(folder))
    return ("absent",)


def _size_and_time(path: str) -> tuple[int, int]:
    """A file's size and mtime, the stamp's unit: (-1, -1) when it cannot be read."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return (-1, -1)
    return (info.st_size, info.st_mtime_ns)
