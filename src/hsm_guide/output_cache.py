"""The rendered text of a section command, kept in the user cache folder.

What a section command prints is a function of the knowledge base's bytes,
this code (and Rich's), the command and its arguments, and the shape of the
output: width, colour system, encoding, terminal or not. With all of those in
the key, a repeated command hashes the data file, finds its text and writes
it: no YAML, no model, no layout. Everything else (a miss, a damaged entry, an
unusable folder, HSM_GUIDE_NO_CACHE) falls back to building and rendering.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .cache import enabled, folder, read_file, write_atomic
from .limits import MAX_BYTES
from .location import wage_files

try:  # the C module alone, as in cache.py: hashlib would load OpenSSL
    from _blake2 import blake2b
except ImportError:  # pragma: no cover
    from hashlib import blake2b

if TYPE_CHECKING:
    from rich.console import Console

MAGIC = b"HSMGOUT\x01"
_DIGEST = 16
MAX_ENTRIES = 200  # widths, colour modes and commands add up; keep the folder small


def key(data: Path, call: tuple[Any, ...], console: Console) -> bytes | None:
    """The entry key for printing `call` from `data` on `console`; None when caching is off or the data unreadable."""
    if not enabled() or folder() is None:
        return None
    raw = read_file(data, limit=MAX_BYTES)
    if raw is None:  # the ordinary path reports why
        return None
    # The wage extract beside the file shapes pay pages: hash it too (an absent file hashes as None).
    extract = tuple(_digest(read_file(p, limit=MAX_BYTES)) for p in wage_files(data))
    shape = (
        console.width,
        console.color_system,
        console.is_terminal,
        console.encoding,
        console.no_color,
        console.legacy_windows,
        console.is_dumb_terminal,
    )
    ident = (blake2b(raw).hexdigest(), extract, __version__, _code_stamp(), call, shape)
    return blake2b(repr(ident).encode("utf-8", "surrogateescape"), digest_size=_DIGEST).digest()


def _digest(raw: bytes | None) -> str | None:
    return None if raw is None else blake2b(raw).hexdigest()


def _entry(k: bytes) -> Path | None:
    where = folder()
    return None if where is None else where / "output" / f"{k.hex()}.txt"


def get(k: bytes) -> str | None:
    file = _entry(k)
    blob = read_file(file) if file is not None else None
    if blob is None or blob[: len(MAGIC)] != MAGIC:
        return None
    digest, payload = blob[len(MAGIC) : len(MAGIC) + _DIGEST], blob[len(MAGIC) + _DIGEST :]
    if blake2b(payload, digest_size=_DIGEST).digest() != digest:
        return None  # torn or tampered: rebuild
    try:
        return payload.decode("utf-8")
    except UnicodeDecodeError:
        return None


def put(k: bytes, text: str) -> None:
    file = _entry(k)
    if file is None:
        return
    payload = text.encode("utf-8", "surrogateescape")
    if write_atomic(file, MAGIC + blake2b(payload, digest_size=_DIGEST).digest() + payload):
        _prune(file.parent)


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


def _code_stamp() -> tuple[tuple[str, int, int], ...]:
    """Every module of this package, and Rich's console and text: an edit or an upgrade is a new key."""
    import rich

    here = Path(__file__).parent
    files = sorted(here.rglob("*.py")) + [Path(rich.__file__).with_name(n) for n in ("console.py", "text.py")]
    stamp = []
    for file in files:
        try:
            st = file.stat()
            stamp.append((str(file), st.st_size, st.st_mtime_ns))
        except OSError:
            stamp.append((str(file), -1, -1))
    return tuple(stamp)
