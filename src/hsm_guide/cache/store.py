"""An entry of the caches: how it is framed, and read only when this user alone could have written it.

An entry file is MAGIC (8 bytes, one per cache and format, all starting `HSMG`), the key's
digest, the payload's digest, then the payload: a file renamed, torn, damaged or written by
another version is a miss, never wrong data. The warm path imports this module, so it imports
only os and the C blake2 module (hashlib would load OpenSSL, ~4 ms); writing loads files.py.
"""

from __future__ import annotations

import os

try:  # the C module alone: importing hashlib loads OpenSSL, ~4 ms of start-up
    from _blake2 import blake2b as blake2b
except ImportError:  # pragma: no cover - CPython always builds _blake2
    from hashlib import blake2b as blake2b

DIGEST = 16
ENTRY_MAGIC = b"HSMG"  # the start of every entry the guide writes, whatever its cache or format
HEADER = 8 + 2 * DIGEST
_OPEN = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)  # a FIFO planted at a path must not hang a command
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)  # an entry is a file, never a link to one
_REGULAR = 0o100000  # stat.S_IFREG, without importing stat


def seal(magic: bytes, key: bytes, payload: bytes) -> bytes:
    """An entry's bytes: magic, key digest, payload digest, payload."""
    return magic + key + blake2b(payload, digest_size=DIGEST).digest() + payload


def unseal(blob: bytes, magic: bytes, key: bytes) -> memoryview | None:
    """The payload of an entry written by `seal(magic, key, ...)`, or None (another key or format, damaged)."""
    if len(blob) < HEADER or blob[: len(magic)] != magic or blob[len(magic) : len(magic) + DIGEST] != key:
        return None
    payload = memoryview(blob)[HEADER:]
    return payload if blake2b(payload, digest_size=DIGEST).digest() == blob[HEADER - DIGEST : HEADER] else None


def digest(data: bytes) -> bytes:
    return blake2b(data, digest_size=DIGEST).digest()


def trusted(info: os.stat_result) -> bool:
    """Only this user could have written it: owned by the effective user, writable by no group or other."""
    uid = os.geteuid() if hasattr(os, "geteuid") else info.st_uid
    return info.st_uid == uid and not info.st_mode & 0o022


def read(path: str | os.PathLike[str], limit: int, trust: bool = True) -> tuple[bytes, os.stat_result] | None:
    """A regular file's bytes and the stat taken before reading them; None when absent, a link, not a
    regular file, over `limit` bytes, unreadable, or (with `trust`) written by anyone but this user."""
    try:
        fd = os.open(path, _OPEN | (_NOFOLLOW if trust else 0))
    except (OSError, ValueError):
        return None
    try:
        info = os.fstat(fd)
        if (info.st_mode & 0o170000) != _REGULAR or info.st_size > limit or (trust and not trusted(info)):
            return None
        with open(fd, "rb", closefd=False) as f:
            raw = f.read(limit + 1)
        return (raw, info) if len(raw) <= limit else None
    except OSError:
        return None
    finally:
        os.close(fd)


def is_entry(path: str) -> bool:
    """A regular file of this user's that starts as every entry the guide writes does (its header)."""
    try:
        fd = os.open(path, _OPEN | _NOFOLLOW)
    except (OSError, ValueError):
        return False
    try:
        info = os.fstat(fd)
        if (info.st_mode & 0o170000) != _REGULAR or not trusted(info):
            return False
        return os.read(fd, len(ENTRY_MAGIC)) == ENTRY_MAGIC
    except OSError:
        return False
    finally:
        os.close(fd)
