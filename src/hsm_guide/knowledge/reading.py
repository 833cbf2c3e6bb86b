"""Reading the knowledge base's bytes within limits: a regular file, not too big, UTF-8."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..errors import DataError, Problem
from ..limits import MAX_BYTES


def read_text(path: Path) -> str:
    return decode(read_bytes(path)[0], str(path))


def read_bytes(path: Path) -> tuple[bytes, os.stat_result]:
    """The file's bytes and the stat taken just before reading them."""
    name = str(path)
    try:
        if path.is_dir():
            raise DataError([Problem(name, "is a folder, not a knowledge base file")])
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a FIFO or /dev/zero would block or never end
            raise DataError([Problem(name, "not a regular file")])
        if info.st_size > MAX_BYTES:
            raise DataError([Problem(name, f"file is {info.st_size:,} bytes; the limit is {MAX_BYTES:,}")])
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            raise DataError([Problem(name, f"file grew past the limit of {MAX_BYTES:,} bytes while being read")])
    except FileNotFoundError:
        raise DataError([Problem(name, "no such file")]) from None
    except PermissionError:
        raise DataError([Problem(name, "permission denied")]) from None
    except OSError as exc:
        raise DataError([Problem(name, f"cannot read: {exc.strerror or exc}")]) from None
    return raw, info


def decode(raw: bytes, name: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        msg = f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start})"
        raise DataError([Problem(name, msg, line=line)]) from None
