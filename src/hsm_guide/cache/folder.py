"""The cache folder is the guide's own: made with mode 0700 and a marker file, and only then used.

The marker is a CACHEDIR.TAG (bford.info/cachedir: backup tools skip the folder) whose text
names hsm-guide. A folder is read only when it is a folder of this user's that no one else
can write and holds that marker; it is written only after `claim` made it so: created new,
or adopted when it is empty or holds nothing but the guide's own names (an older version's
cache, from before the marker). A folder holding anything else, such as a folder of one's
own files named by HSM_GUIDE_CACHE_DIR by mistake, is never read, written, pruned or
cleared: the commands run without a cache, and `hsm-guide cache path` says why.
Inside it, only the guide's names with the guide's header are read or removed.
"""

from __future__ import annotations

import os

from . import store

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from collections.abc import Callable

MARKER = "CACHEDIR.TAG"
MARKER_TEXT = (
    b"Signature: 8a477f597d28d172789f06886806bc55\n"
    b"# This file is a cache directory tag created by hsm-guide.\n"
    b"# For information about cache directory tags, see https://bford.info/cachedir/\n"
)
# The names the caches write: the knowledge-base entries at the top, the rendered pages and
# the values derived from a knowledge base in folders of their own.
KB_PREFIX, KB_SUFFIX = "kb-", ".bin"
PAGES, PAGE_SUFFIX = "output", ".txt"
DERIVED = "derived"
_FOLDER = 0o040000  # stat.S_IFDIR


def beside(root: str, entry: str, key: bytes, name: str) -> tuple[str, bytes]:
    """Where the value `name` kept beside the knowledge-base entry `entry` (whose key digest is `key`)
    lives, and its own key digest: derived/NAME-ENTRY, keyed by the entry's key and the name."""
    return os.path.join(root, DERIVED, f"{name}-{os.path.basename(entry)}"), store.digest(key + name.encode("utf-8"))


def read_sealed(root: str, file: str, magic: bytes, key: bytes, limit: int) -> memoryview | None:
    """The payload of the entry `file` in the guide's folder `root`, sealed with `magic` and `key`; None
    for any miss (a folder not the guide's, an absent, foreign, damaged or stale entry)."""
    found = store.read(file, limit) if owned(root) else None
    return store.unseal(found[0], magic, key) if found is not None else None


def owned(root: str) -> bool:
    """`root` is the guide's cache folder: this user's, writable by no one else, with the marker."""
    try:
        info = os.stat(root)
    except (OSError, ValueError):
        return False
    if info.st_mode & 0o170000 != _FOLDER or not store.trusted(info):
        return False
    marker = store.read(os.path.join(root, MARKER), len(MARKER_TEXT))
    return marker is not None and marker[0] == MARKER_TEXT


def claim(root: str) -> bool:
    """Make `root` the guide's cache folder if it is not yet: create it (mode 0700) with its marker,
    or adopt an existing one that holds only the guide's own names. False when it is someone else's."""
    if owned(root):
        return True
    try:
        os.makedirs(os.path.dirname(root), exist_ok=True)
        os.mkdir(root, 0o700)
    except FileExistsError:
        if not _adoptable(root):
            return False
    except (OSError, ValueError):
        return False
    from .. import files

    try:
        os.chmod(root, os.stat(root).st_mode & 0o700)  # no one else may read or write it, whatever the umask
        files.replace(os.path.join(root, MARKER), MARKER_TEXT)
    except OSError:
        return False
    return owned(root)


def claimable(root: str) -> bool:
    """An existing folder `claim` would make the guide's: this user's, holding only the guide's names."""
    return _adoptable(root)


def _adoptable(root: str) -> bool:
    try:
        info = os.stat(root)
        names = os.listdir(root)
    except (OSError, ValueError):
        return False
    mine = info.st_uid == os.geteuid() if hasattr(os, "geteuid") else True
    return info.st_mode & 0o170000 == _FOLDER and mine and all(_ours_by_name(root, n) for n in names)


def _ours_by_name(root: str, name: str) -> bool:
    if name in (PAGES, DERIVED):
        return os.path.isdir(os.path.join(root, name)) and not os.path.islink(os.path.join(root, name))
    return name == MARKER or is_kb_name(name) or _is_temp(name)


def _is_temp(name: str) -> bool:
    """files.temp_name's pattern, and the one before it (.NAME.PID.RANDOM.tmp): in the guide's own folder only."""
    return name.startswith(".") and name.endswith(".tmp")


def is_kb_name(name: str) -> bool:
    return name.startswith(KB_PREFIX) and name.endswith(KB_SUFFIX)


def _is_page_name(name: str) -> bool:
    return name.endswith(PAGE_SUFFIX)


def _is_derived_name(name: str) -> bool:
    return KB_PREFIX in name and name.endswith(KB_SUFFIX)


class NotOurs(Exception):
    """The folder exists but is not the guide's: nothing in it is touched."""


def clear(root: str) -> int:
    """Remove every entry of the caches and the temporary files their writers left; the number removed.

    Only the guide's own names with the guide's header (or its temporary files' names), owned by
    this user, in the guide's own folder: NotOurs when `root` is not that folder, and any other
    file is kept. The folders (and the marker) go once nothing else is left in them. Raises
    OSError when an entry cannot be removed.
    """
    if not os.path.lexists(root):
        return 0
    if not owned(root) and not (_adoptable(root) and claim(root)):
        raise NotOurs(root)
    removed = 0
    for sub, ours in ((root, is_kb_name), (os.path.join(root, PAGES), _is_page_name)):
        removed += _remove_ours(sub, ours)
    removed += _remove_ours(os.path.join(root, DERIVED), _is_derived_name)
    _remove_folders(root)
    return removed


def _remove_folders(root: str) -> None:
    """The entries' folders once empty, then the folder itself once only its marker is left.
    (No contextlib here: it costs the warm path, which imports this module, several milliseconds.)"""
    for sub in (PAGES, DERIVED):
        try:  # noqa: SIM105 - contextlib costs the warm path several milliseconds
            os.rmdir(os.path.join(root, sub))
        except OSError:  # absent, or holds files that are not ours
            pass
    try:
        if os.listdir(root) == [MARKER]:
            os.unlink(os.path.join(root, MARKER))
            os.rmdir(root)
    except OSError:
        pass


def _remove_ours(where: str, ours: Callable[[str], bool]) -> int:
    removed = 0
    try:
        entries = list(os.scandir(where))
    except (FileNotFoundError, NotADirectoryError):
        return 0
    for entry in entries:
        name = entry.name
        if name == MARKER or entry.is_dir(follow_symlinks=False):
            continue
        temp = _is_temp(name)
        if not (temp or ours(name)):
            continue
        if temp:
            try:
                info = entry.stat(follow_symlinks=False)
            except FileNotFoundError:
                continue
            if not store.trusted(info) or not entry.is_file(follow_symlinks=False):
                continue
        elif not store.is_entry(entry.path):
            continue
        try:
            os.unlink(entry.path)
        except FileNotFoundError:  # another process removed it first
            continue
        removed += 1
    return removed


# -- writing into it ------------------------------------------------------------------


def write(root: str, path: str, blob: bytes) -> bool:
    """Store `blob` at `path` (in `root` or a folder inside it) atomically, making `root` the guide's
    own folder first (claim); False when it could not be.

    No fsync: after a crash a torn entry fails its digest and is rebuilt. Temporary files a killed
    process left beside the entry are swept first, so the folder never fills with them.
    """
    from .. import files

    where = os.path.dirname(path)
    try:
        if not claim(root):
            return False
        if where != root:
            os.makedirs(where, mode=0o700, exist_ok=True)
        files.sweep(where)
        files.replace(path, blob)
    except (OSError, ValueError):
        return False
    return True


def prune(where: str, ours: str, keep: int) -> None:
    """Drop the oldest entries (names ending in `ours`, with the guide's header) beyond `keep`,
    after a write, so reads stay cheap."""
    try:
        entries = [e for e in os.scandir(where) if e.name.endswith(ours) and e.is_file(follow_symlinks=False)]
        if len(entries) <= keep:
            return
        entries.sort(key=lambda e: e.stat(follow_symlinks=False).st_mtime_ns)
        for old in entries[: len(entries) - keep]:
            if store.is_entry(old.path):
                os.unlink(old.path)
    except OSError:
        pass
