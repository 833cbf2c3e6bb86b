"""The store the caches share: where it lives, how an entry is framed, when code is new, and upkeep.

An entry file is MAGIC (8 bytes, one per cache and format), the key's digest, the payload's
digest, then the payload: a file renamed, torn, damaged or written by another version is a
miss, never wrong data. The warm path imports this module, so it imports only os, sys and the
C blake2 module (hashlib would load OpenSSL, ~4 ms); writing loads files.py, off the warm path.
"""

from __future__ import annotations

import os
import sys

try:  # the C module alone: importing hashlib loads OpenSSL, ~4 ms of start-up
    from _blake2 import blake2b as blake2b
except ImportError:  # pragma: no cover - CPython always builds _blake2
    from hashlib import blake2b as blake2b

APP = "hsm-guide"
CACHE_VAR = "HSM_GUIDE_CACHE_DIR"
DISABLE_VAR = "HSM_GUIDE_NO_CACHE"
DIGEST = 16
_HEADER = 8 + 2 * DIGEST
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # a FIFO planted at an entry's path must not hang a command
_REGULAR = 0o100000  # stat.S_IFREG, without importing stat
STALE_TEMP_SECONDS = 600.0  # a temporary file this old belongs to a writer that was killed


def enabled() -> bool:
    return os.environ.get(DISABLE_VAR, "") in ("", "0")


def folder() -> str | None:
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


# -- the entry format ---------------------------------------------------------------


def seal(magic: bytes, key: bytes, payload: bytes) -> bytes:
    """An entry's bytes: magic, key digest, payload digest, payload."""
    return magic + key + blake2b(payload, digest_size=DIGEST).digest() + payload


def unseal(blob: bytes, magic: bytes, key: bytes) -> memoryview | None:
    """The payload of an entry written by `seal(magic, key, ...)`, or None (another key or format, damaged)."""
    if len(blob) < _HEADER or blob[: len(magic)] != magic or blob[len(magic) : len(magic) + DIGEST] != key:
        return None
    payload = memoryview(blob)[_HEADER:]
    return payload if blake2b(payload, digest_size=DIGEST).digest() == blob[_HEADER - DIGEST : _HEADER] else None


def digest(data: bytes) -> bytes:
    return blake2b(data, digest_size=DIGEST).digest()


def file_stamp(path: str) -> tuple[int, int]:
    """A file's size and mtime, the code stamp's unit: (-1, -1) when it cannot be read."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return (-1, -1)
    return (info.st_size, info.st_mtime_ns)


# -- reading and writing --------------------------------------------------------------


def read(path: str | os.PathLike[str], limit: int) -> tuple[bytes, os.stat_result] | None:
    """A regular file's bytes and the stat taken before reading them; None when absent, not a
    regular file, over `limit` bytes or unreadable."""
    try:
        fd = os.open(path, os.O_RDONLY | _NONBLOCK)
    except (OSError, ValueError):
        return None
    try:
        info = os.fstat(fd)
        if (info.st_mode & 0o170000) != _REGULAR or info.st_size > limit:
            return None
        with open(fd, "rb", closefd=False) as f:
            raw = f.read(limit + 1)
        return (raw, info) if len(raw) <= limit else None
    except OSError:
        return None
    finally:
        os.close(fd)


def write(path: str | os.PathLike[str], blob: bytes) -> bool:
    """Store `blob` at `path` atomically, creating its folder; False when it could not be.

    No fsync: after a crash a torn entry fails its digest and is rebuilt. Temporary files a
    killed process left in the folder are swept first, so the folder never fills with them.
    """
    from .. import files

    where = os.path.dirname(os.fspath(path))
    try:
        os.makedirs(where, mode=0o700, exist_ok=True)
        files.sweep(where, STALE_TEMP_SECONDS)
        files.replace(path, blob)
    except (OSError, ValueError):
        return False
    return True


def prune(where: str, suffix: str, keep: int) -> None:
    """Drop the oldest files ending in `suffix` beyond `keep` (after a write, so reads stay cheap)."""
    try:
        entries = [e for e in os.scandir(where) if e.name.endswith(suffix)]
        if len(entries) > keep:
            entries.sort(key=lambda e: e.stat().st_mtime_ns)
            for old in entries[: len(entries) - keep]:
                os.unlink(old.path)
    except OSError:
        pass


# What the caches write: knowledge-base entries, the pages folder's entries, the derived folder's
# entries (values computed from a knowledge base, named for the value and its kb- entry), temporary files.
KB_PATTERN = ("kb-", ".bin")
PAGES = "output"
PAGE_SUFFIX = ".txt"
DERIVED = "derived"


def clear() -> int:
    """Remove every entry of the caches (and stray temporary files); the number of files removed.

    Only files the caches write are removed, so a cache folder pointed at a folder that holds
    other files ($HSM_GUIDE_CACHE_DIR) keeps them. Raises OSError when an entry cannot be removed.
    """
    where = folder()
    if where is None:
        return 0
    removed = 0
    folders = (
        (where, _is_kb_file),
        (os.path.join(where, PAGES), _is_page_file),
        (os.path.join(where, DERIVED), _is_derived_file),
    )
    for sub, ours in folders:
        try:
            entries = list(os.scandir(sub))
        except (FileNotFoundError, NotADirectoryError):
            continue
        for entry in entries:
            if ours(entry.name) and not entry.is_dir(follow_symlinks=False):
                try:
                    os.unlink(entry.path)
                except FileNotFoundError:  # another process removed it first
                    continue
                removed += 1
    import contextlib

    for sub in (PAGES, DERIVED):
        with contextlib.suppress(OSError):  # absent, or holds files that are not ours
            os.rmdir(os.path.join(where, sub))
    return removed


def _is_temp(name: str) -> bool:
    return name.startswith(".") and name.endswith(".tmp")


def _is_kb_file(name: str) -> bool:
    return (name.startswith(KB_PATTERN[0]) and name.endswith(KB_PATTERN[1])) or _is_temp(name)


def _is_page_file(name: str) -> bool:
    return name.endswith(PAGE_SUFFIX) or _is_temp(name)


def _is_derived_file(name: str) -> bool:
    return (KB_PATTERN[0] in name and name.endswith(KB_PATTERN[1])) or _is_temp(name)
