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
    temp = os.path.join(os.path.dirname(os.fspath(path)), temp_name())
    try:
        _write(temp, data, mode, durable)
        os.replace(temp, path)
    except BaseException:
        _remove(temp)
        raise


def create(path: str | os.PathLike[str], data: bytes, *, mode: int | None = None, durable: bool = False) -> None:
    """Put `data` at `path` atomically, only if nothing is there: FileExistsError otherwise, even
    when another process creates it meanwhile. Nothing is left behind on failure."""
    temp = os.path.join(os.path.dirname(os.fspath(path)), temp_name())
    try:
        _write(temp, data, mode, durable)
        try:
            os.link(temp, path)
        except OSError as exc:
            if exc.errno not in _NO_LINKS:
                raise
            _remove(temp)
            _create_in_place(path, data, mode, durable)
    finally:
        _remove(temp)  # linked, failed or interrupted: the temporary name goes, with signals held


def _write(temp: str, data: bytes, mode: int | None, durable: bool) -> None:
    """Create `temp` (exclusively) and write `data` to it; the caller removes it on any failure."""
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        _write_all(fd, data, durable)
    finally:
        os.close(fd)
    if mode is not None:
        os.chmod(temp, mode)


def _create_in_place(path: str | os.PathLike[str], data: bytes, mode: int | None, durable: bool) -> None:
    """No hard links here: create the target exclusively and write it; remove it if that fails."""
    made = False
    try:
        before = _hold()
        try:  # created and known to be ours in one step, whatever signal arrives
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
            made = True
        finally:
            _release(before)
        try:
            _write_all(fd, data, durable)
        finally:
            os.close(fd)
        if mode is not None:
            os.chmod(path, mode)
    except BaseException:
        if made:
            _remove(os.fspath(path))  # it is ours: O_EXCL made it
        raise


def _write_all(fd: int, data: bytes, durable: bool) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
    if durable:
        os.fsync(fd)


def _remove(path: str) -> None:
    """Unlink `path` if it is there, with SIGINT, SIGTERM and SIGHUP held meanwhile: a signal that
    arrives as a temporary file is being removed is delivered once it is gone."""
    before = _hold()
    try:
        os.unlink(path)
    except OSError:
        pass
    finally:
        _release(before)


def _hold() -> object:
    """Hold SIGINT, SIGTERM and SIGHUP (where the platform can): the mask to put back."""
    import signal

    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - Windows
        return None
    return signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM, signal.SIGHUP})


def _release(before: object) -> None:
    import signal

    if before is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)  # type: ignore[arg-type]


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
