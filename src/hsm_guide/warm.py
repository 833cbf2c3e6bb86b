"""The warm path: a repeated command answered from the output cache before Typer, Rich or the model load.

What a page command prints is a function of its arguments, the environment
variables that shape output, the terminal (is stdout one, and its size), the
data's bytes and the code. `key` hashes exactly those, from the raw command
line, with nothing but the standard library's C modules: pathlib, typing and
the framework cost more than the whole warm run is allowed. A hit prints the
stored text and exits; anything else (a miss, a damaged entry, no cache folder,
HSM_GUIDE_NO_CACHE) falls through to the ordinary path, which renders the page
and stores it under the same key (cache/pages.py). Nothing here can print stale
text: every input to the page is in the key, and an entry's own checksum guards
its bytes. The folder, the entry format and reading are cache/store.py's, which
imports only os, sys and _blake2 as this module does.
"""

from __future__ import annotations

import os
import sys

from . import __version__
from .cache import store
from .cache.store import blake2b
from .cache.store import folder as cache_folder  # re-exported: the folder rule is the store's

MAGIC = b"HSMGOUT\x03"  # page entries, format 3: store.seal framing around the page's encoded text
DATA_VAR = "HSM_GUIDE_DATA"
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
WAGE_FILES = ("oews-release.json", "oews-wages.csv")  # location.WAGE_FILES, without importing pathlib
LICENSING = ("licensure", "states.json")  # location.licensing_file, the same way
_MAX_BYTES = 16 * 1024 * 1024


enabled = store.enabled


def data_path(argv: list[str]) -> str:
    """The knowledge base a command line uses: --data (anywhere before --), then $HSM_GUIDE_DATA, then the package's."""
    chosen = ""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--data" and i + 1 < len(argv):
            chosen = argv[i + 1]
        elif arg.startswith("--data="):
            chosen = arg[len("--data=") :]
    chosen = chosen or os.environ.get(DATA_VAR, "")
    if chosen:
        return chosen
    here = os.path.dirname(os.path.abspath(__file__))
    installed = os.path.join(here, "data", "occupation.yaml")
    return installed if os.path.isfile(installed) else os.path.join(here, "..", "..", "data", "occupation.yaml")


# The bytes a command read for its key, kept for the rest of the run: the page is rendered from the
# same bytes that were hashed, so an edit between the two reads can never be stored under the old key.
SEEN: dict[str, tuple[bytes, os.stat_result] | None] = {}


def read(path: str) -> tuple[bytes, os.stat_result] | None:
    """A regular file's bytes and the stat taken before reading, once per run; None if unreadable."""
    real = os.path.realpath(path)
    if real not in SEEN:
        SEEN[real] = store.read(real, _MAX_BYTES)
    return SEEN[real]


def _terminal() -> tuple[object, ...]:
    sizes: list[tuple[int, ...] | None] = []
    for fd in (0, 1, 2):
        try:
            sizes.append(tuple(os.get_terminal_size(fd)))
        except (OSError, ValueError):
            sizes.append(None)
    out = sys.stdout
    tty = bool(out is not None and hasattr(out, "isatty") and out.isatty())
    encoding = getattr(out, "encoding", None)
    return (tty, sizes, encoding, sys.flags.utf8_mode, sys._xoptions.get("utf8"), sys.platform)


_STAMP: list[tuple[object, ...]] = []  # taken once a run: the warm path's key and the derived caches share it


def _code_stamp() -> tuple[object, ...]:
    """Every module of this package and Rich's console and text: an edit or an upgrade is a new key."""
    if not _STAMP:
        _STAMP.append(_stamp())
    return _STAMP[0]


def _stamp() -> tuple[object, ...]:
    here = os.path.dirname(os.path.abspath(__file__))
    stamp: list[object] = [__version__, sys.hexversion]
    for folder, _, files in sorted(os.walk(here)):
        for name in sorted(files):
            if name.endswith(".py"):
                stamp.append((folder, name, *store.file_stamp(os.path.join(folder, name))))
    rich = _rich_folder()
    for name in ("console.py", "text.py", "__init__.py"):
        stamp.append((name, *store.file_stamp(os.path.join(rich or "", name))))
    return tuple(stamp)


def _rich_folder() -> str | None:
    for entry in sys.path:
        candidate = os.path.join(entry or ".", "rich")
        if os.path.isfile(os.path.join(candidate, "console.py")):
            return os.path.abspath(candidate)
    return None


def key(argv: list[str]) -> tuple[bytes, str] | None:
    """The output cache key of this command line in this environment, and the data file it hashed;
    None when caching is off or the data cannot be read."""
    if not enabled():
        return None
    data = data_path(argv)
    read_data = read(data)
    if read_data is None:
        return None  # the ordinary path says why the data cannot be read
    folder = os.path.dirname(os.path.realpath(data))
    beside = [read(os.path.join(folder, "wages", name)) for name in WAGE_FILES]
    beside.append(read(os.path.join(folder, *LICENSING)))
    contents = [blake2b(read_data[0]).hexdigest()] + [None if w is None else blake2b(w[0]).hexdigest() for w in beside]
    env = sorted((k, v) for k, v in os.environ.items() if k in SHAPING or k.startswith(SHAPING_PREFIXES))
    real = os.path.realpath(data)
    ident = (tuple(argv), real, contents, env, _terminal(), _code_stamp())
    return store.digest(repr(ident).encode("utf-8", "surrogateescape")), real


def entry_path(k: bytes) -> str | None:
    folder = cache_folder()
    return None if folder is None else os.path.join(folder, store.PAGES, k.hex() + store.PAGE_SUFFIX)


def get(k: bytes) -> memoryview | None:
    """The stored text's bytes, or None for any miss (absent, damaged, foreign, unreadable)."""
    path = entry_path(k)
    found = read(path) if path else None
    return None if found is None else store.unseal(found[0], MAGIC, k)


# The key of the command line this process runs and the data file it hashed, for the ordinary
# path to store its page under (set only by the console script: an in-process call caches nothing).
CURRENT: list[tuple[bytes, str]] = []


def serve(argv: list[str]) -> bool:
    """Print the cached page for `argv` and return True; False on any miss (the caller runs the CLI)."""
    try:
        found = key(argv)
        text = get(found[0]) if found is not None else None
    except Exception:  # the warm path must never be why a command fails: fall through
        return False
    if found is not None:
        CURRENT.append(found)
    if text is None:
        return False
    out = sys.stdout
    try:
        out.buffer.write(text)
        out.flush()
    except BrokenPipeError:  # the reader left (| head): stop quietly, and keep Python's own flush quiet
        os.dup2(os.open(os.devnull, os.O_WRONLY), out.fileno())
    except OSError as exc:
        sys.stderr.write(f"hsm-guide: cannot write to standard output: {exc.strerror or exc}\n")
        sys.exit(1)
    return True
