"""Writing a file whole or not at all, and never over another writer's: the one atomic write.

The data goes to a temporary file in the target's folder, then into place: `replace`
renames it over the target (--force, the caches), `create` links it to the target's
name, which fails if the name exists (no check-then-write race: of several writers of
one new file exactly one succeeds). On any failure or signal (process.py turns SIGINT,
SIGTERM and SIGHUP into an exception) the temporary file is removed. Its name is short
and fixed, `.hsm-guide-PID-RANDOM.tmp`, so it fits whatever name the target has, and
`sweep` can find the ones a killed process left: that pattern only, owned by this user
and old enough that no writer is still at it. Imports only os: the caches write on the
hot path.
"""

from __future__ import annotations

import contextlib
import errno
import os
import time

TEMP_PREFIX = ".hsm-guide-"
TEMP_SUFFIX = ".tmp"
STALE_SECONDS = 600.0  # a temporary file this old belongs to a writer that was killed
# Where a file system has no hard links, `create` falls back to O_EXCL on the target itself.
_NO_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.ENOSYS, errno.EMLINK, errno.EXDEV}


def is_temp(name: str) -> bool:
    """A name `temp_name` makes: .hsm-guide-PID-8HEX.tmp."""
    if not (name.startswith(TEMP_PREFIX) and name.endswith(TEMP_SUFFIX)):
        return False
    pid, _, random = name[len(TEMP_PREFIX) : -len(TEMP_SUFFIX)].partition("-")
    return pid.isdigit() and len(random) == 8 and all(c in "0123456789abcdef" for c in random)


def temp_name() -> str:
    return f"{TEMP_PREFIX}{os.getpid()}-{os.urandom(4).hex()}{TEMP_SUFFIX}"


def replace(path: str | os.PathLike[str], data: bytes, *, mode: int | None = None, durable: bool = False) -> None:
    """Put `data` at `path` atomically, over what is there; or raise OSError leaving `path` as it was
    and no temporary file.

    `mode` sets the new file's permissions (else 0600); `durable` syncs the data to disk before the
    rename, so that after a crash the file is either the old one or the whole new one.
    """
    temp = _write_temp(path, data, mode, durable)
    try:
        os.replace(temp, path)
    except BaseException:
        _remove(temp)
        raise


def create(path: str | os.PathLike[str], data: bytes, *, mode: int | None = None, durable: bool = False) -> None:
    """Put `data` at `path` atomically, only if nothing is there: FileExistsError otherwise, even
    when another process creates it meanwhile. Nothing is left behind on failure."""
    temp = _write_temp(path, data, mode, durable)
    try:
        os.link(temp, path)
    except OSError as exc:
        if exc.errno not in _NO_LINKS:
            _remove(temp)
            raise
        _remove(temp)
        _create_in_place(path, data, mode, durable)
        return
    except BaseException:
        _remove(temp)
        raise
    _remove(temp)


def _write_temp(path: str | os.PathLike[str], data: bytes, mode: int | None, durable: bool) -> str:
    folder = os.path.dirname(os.fspath(path))
    temp = os.path.join(folder, temp_name())
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        try:
            _write_all(fd, data, durable)
        finally:
            os.close(fd)
        if mode is not None:
            os.chmod(temp, mode)
    except BaseException:
        _remove(temp)
        raise
    return temp


def _create_in_place(path: str | os.PathLike[str], data: bytes, mode: int | None, durable: bool) -> None:
    """No hard links here: create the target exclusively and write it; remove it if that fails."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        try:
            _write_all(fd, data, durable)
        finally:
            os.close(fd)
        if mode is not None:
            os.chmod(path, mode)
    except BaseException:
        _remove(os.fspath(path))  # it is ours: O_EXCL made it
        raise


def _write_all(fd: int, data: bytes, durable: bool) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
    if durable:
        os.fsync(fd)


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


def sweep(folder: str | os.PathLike[str], older_than: float = STALE_SECONDS) -> int:
    """Remove temporary files a killed writer left in `folder`: the guide's own name pattern, owned
    by this user, older than `older_than` seconds (so a write in progress in another process is
    never touched). The number removed."""
    removed = 0
    cutoff = time.time() - older_than
    uid = os.geteuid() if hasattr(os, "geteuid") else None
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if not is_temp(entry.name):
                continue
            with contextlib.suppress(OSError):
                info = entry.stat(follow_symlinks=False)
                mine = uid is None or info.st_uid == uid
                if entry.is_file(follow_symlinks=False) and mine and info.st_mtime < cutoff:
                    os.unlink(entry.path)
                    removed += 1
    return removed
