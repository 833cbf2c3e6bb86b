"""The warm path: a repeated command answered from the output cache before Typer, Rich or the model load.

What a page command prints is a function of its arguments, the environment
variables that shape output, the terminal (is stdout one, and its size), the
data's bytes and the code. `key` hashes exactly those, from the raw command
line, with nothing but the standard library's C modules: pathlib, typing and
the framework cost more than the whole warm run is allowed. A hit prints the
stored text and exits; anything else (a miss, a damaged entry, no cache folder,
HSM_GUIDE_NO_CACHE) falls through to the ordinary path, which renders the page
and stores it under the same key. Nothing here can print stale text: every
input to the page is in the key, and an entry's own checksum guards its bytes.
"""

from __future__ import annotations

import os
import sys

try:  # the C module alone: hashlib would load OpenSSL (~4 ms)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - CPython always builds _blake2
    from hashlib import blake2b

from . import __version__

MAGIC = b"HSMGOUT\x02"  # file format 2: magic, payload digest, UTF-8 text
DIGEST = 16
APP = "hsm-guide"
CACHE_VAR = "HSM_GUIDE_CACHE_DIR"
DISABLE_VAR = "HSM_GUIDE_NO_CACHE"
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
_MAX_BYTES = 16 * 1024 * 1024


def enabled() -> bool:
    return os.environ.get(DISABLE_VAR, "") in ("", "0")


def cache_folder() -> str | None:
    """The user cache folder, as platformdirs names it (checked against platformdirs by the tests).

    $HSM_GUIDE_CACHE_DIR wins; else the platform's convention: ~/Library/Caches/hsm-guide on macOS,
    %LOCALAPPDATA%\\hsm-guide\\Cache on Windows, $XDG_CACHE_HOME/hsm-guide or ~/.cache/hsm-guide elsewhere.
    None when there is no absolute base to build on (no HOME): guessing could share a folder.
    """
    chosen = os.environ.get(CACHE_VAR, "")
    if chosen:
        return chosen if os.path.isabs(chosen) else None
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        base = os.environ.get("LOCALAPPDATA", "")
        return os.path.join(base, APP, "Cache") if os.path.isabs(base) else None
    home = os.environ.get("HOME", "")
    if sys.platform == "darwin":  # pragma: no cover - exercised on macOS only
        return os.path.join(home, "Library", "Caches", APP) if os.path.isabs(home) else None
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    if os.path.isabs(xdg):
        return os.path.join(xdg, APP)
    return os.path.join(home, ".cache", APP) if os.path.isabs(home) else None


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
    if real in SEEN:
        return SEEN[real]
    found: tuple[bytes, os.stat_result] | None = None
    try:
        fd = os.open(real, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        try:
            info = os.fstat(fd)
            if (info.st_mode & 0o170000) == 0o100000 and info.st_size <= _MAX_BYTES:  # a regular file
                with open(fd, "rb", closefd=False) as f:
                    raw = f.read(_MAX_BYTES + 1)
                found = (raw, info) if len(raw) <= _MAX_BYTES else None
        finally:
            os.close(fd)
    except (OSError, ValueError):
        found = None
    SEEN[real] = found
    return found


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


def _code_stamp() -> tuple[object, ...]:
    """Every module of this package and Rich's console and text: an edit or an upgrade is a new key."""
    here = os.path.dirname(os.path.abspath(__file__))
    stamp: list[object] = [__version__, sys.hexversion]
    for folder, _, files in sorted(os.walk(here)):
        for name in sorted(files):
            if name.endswith(".py"):
                try:
                    st = os.stat(os.path.join(folder, name))
                    stamp.append((folder, name, st.st_size, st.st_mtime_ns))
                except OSError:
                    stamp.append((folder, name, -1, -1))
    rich = _rich_folder()
    for name in ("console.py", "text.py", "__init__.py"):
        try:
            info = os.stat(os.path.join(rich or "", name))
            stamp.append((name, info.st_size, info.st_mtime_ns))
        except OSError:
            stamp.append((name, -1))
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
    wages = [read(os.path.join(folder, "wages", name)) for name in WAGE_FILES]
    contents = [blake2b(read_data[0]).hexdigest()] + [None if w is None else blake2b(w[0]).hexdigest() for w in wages]
    env = sorted((k, v) for k, v in os.environ.items() if k in SHAPING or k.startswith(SHAPING_PREFIXES))
    real = os.path.realpath(data)
    ident = (tuple(argv), real, contents, env, _terminal(), _code_stamp())
    return blake2b(repr(ident).encode("utf-8", "surrogateescape"), digest_size=DIGEST).digest(), real


def entry_path(k: bytes) -> str | None:
    folder = cache_folder()
    return None if folder is None else os.path.join(folder, "output", k.hex() + ".txt")


def get(k: bytes) -> bytes | None:
    """The stored text's bytes, or None for any miss (absent, damaged, foreign, unreadable)."""
    path = entry_path(k)
    found = read(path) if path else None
    if found is None:
        return None
    blob = found[0]
    payload = blob[len(MAGIC) + DIGEST :]
    if (
        blob[: len(MAGIC)] != MAGIC
        or blake2b(payload, digest_size=DIGEST).digest() != blob[len(MAGIC) : len(MAGIC) + DIGEST]
    ):
        return None
    return payload


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
