"""Writing a file whole or not at all: a temporary file beside it, then a rename.

Export and the caches write through `replace`. It imports only os (the caches
write on the hot path), and names its temporary files `.NAME.PID.RANDOM.tmp`
so that `sweep` can find the ones a killed process left behind.
"""

from __future__ import annotations

import contextlib
import os
import time

TEMP_SUFFIX = ".tmp"


def replace(path: str | os.PathLike[str], data: bytes, *, mode: int | None = None, durable: bool = False) -> None:
    """Put `data` at `path` atomically, or raise OSError leaving `path` as it was and no temporary file.

    `mode` sets the new file's permissions (else 0600); `durable` syncs the data to disk before the
    rename, so that after a crash the file is either the old one or the whole new one.
    """
    folder, name = os.path.split(os.fspath(path))
    temp = os.path.join(folder, f".{name}.{os.getpid()}.{os.urandom(4).hex()}{TEMP_SUFFIX}")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        if mode is not None:
            os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def sweep(folder: str | os.PathLike[str], older_than: float = 600.0) -> int:
    """Remove temporary files a killed writer left in `folder` (older than `older_than` seconds,
    so a write in progress in another process is never touched); the number removed."""
    removed = 0
    cutoff = time.time() - older_than
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if not (entry.name.startswith(".") and entry.name.endswith(TEMP_SUFFIX)):
                continue
            with contextlib.suppress(OSError):
                if entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_mtime < cutoff:
                    os.unlink(entry.path)
                    removed += 1
    return removed
