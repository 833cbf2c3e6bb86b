"""`-o FILE`: a page written whole or not at all, never over what it must not replace.

Refused, with one line naming the file: a folder, a device or FIFO, the knowledge base
being read (or its wage extract), an existing file without --force, a missing folder.
Without --force the file is created exclusively (files.create: of several writers of one
new file exactly one succeeds); with it, replaced atomically. A link is followed and kept.
Any failure, a permission error included, names the file and leaves nothing behind; the
guide's own temporary files that a killed run left beside it are swept first.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Sequence

from ..errors import GuideError

_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "the file system is read-only",
    errno.EDQUOT: "over the disk quota",
    errno.ENAMETOOLONG: "the name is too long",
}


def save(output: str, data: bytes, force: bool, protected: Sequence[str] = ()) -> None:
    """Write all of `data` to `output` or nothing; `protected` are files it must never replace."""
    from .. import files

    path = output
    try:
        if os.path.islink(path):  # write the file it points to, and keep the link
            path = os.path.realpath(path)
        info = _stat(path)
        _refuse(output, path, info, force, protected)
        folder = os.path.dirname(path) or "."
        if not os.path.exists(folder):
            raise GuideError(f"{output}: the folder {folder} does not exist")
        if not os.path.isdir(folder):
            raise GuideError(f"{output}: {folder} is not a folder")
        files.sweep(folder)
        if info is not None:
            files.replace(path, data, mode=info.st_mode & 0o7777, durable=True)
        else:
            files.create(path, data, mode=_new_file_mode(), durable=True)
    except FileExistsError:
        raise GuideError(f"{output}: already exists; use --force to overwrite it") from None
    except OSError as exc:
        raise GuideError(f"{output}: {reason(exc)}; nothing was written") from None


def _stat(path: str) -> os.stat_result | None:
    try:
        return os.stat(path)
    except (FileNotFoundError, NotADirectoryError):  # nothing there (the folder is checked next)
        return None


def _refuse(output: str, path: str, info: os.stat_result | None, force: bool, protected: Sequence[str]) -> None:
    if info is None:
        return
    if os.path.isdir(path):
        raise GuideError(f"{output}: is a folder; name a file to write")
    if (info.st_mode & 0o170000) != 0o100000:  # a device or FIFO must not be replaced by a file
        raise GuideError(f"{output}: not a regular file; export writes files only (use -o - for standard output)")
    for other in protected:
        try:
            if os.path.samefile(path, other):
                raise GuideError(f"{output}: is part of the knowledge base being read; write to another file")
        except OSError:  # absent: nothing to protect
            continue
    if not force:
        raise GuideError(f"{output}: already exists; use --force to overwrite it")


def _new_file_mode() -> int:
    """A new file gets the usual 0666 less the umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def reason(exc: OSError) -> str:
    return _REASONS.get(exc.errno or 0, exc.strerror or str(exc))
