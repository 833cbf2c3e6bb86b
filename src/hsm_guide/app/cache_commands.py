"""`hsm-guide cache path` and `cache clear` (tealdeer's habit): where the cache lives, and emptying it."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable

from ..errors import GuideError, UsageError

ACTIONS = ("path", "clear")
STALE_SECONDS = 3600  # a temporary file this old belongs to a process that was killed mid-write


def run(action: str) -> None:
    from .. import warm
    from ..suggest import hint

    folder = warm.cache_folder()
    if action not in ACTIONS:
        raise UsageError(f"unknown cache action '{action}'{hint(action, ACTIONS)} (valid: {', '.join(ACTIONS)})")
    if folder is None:
        raise GuideError("no cache folder: set HSM_GUIDE_CACHE_DIR to an absolute path, or HOME")
    if action == "path":
        print(folder)
        return
    removed = clear(folder)
    print(f"Removed {removed} cache entr{'y' if removed == 1 else 'ies'} from {folder}")


def clear(folder: str) -> int:
    """Remove the guide's own cache files under `folder` (and folders left empty); how many went.

    Only what the guide writes: the knowledge-base cache (kb-*.bin) in the folder, the output
    pages (output/*.txt) and the temporary files of either; anything else stays. Written
    here until the one cache store offers its own clear.
    """
    output = os.path.join(folder, "output")
    removed = _remove(folder, lambda name: name.startswith(("kb-", ".kb-")) and name.endswith((".bin", ".tmp")))
    removed += _remove(output, lambda name: name.endswith((".txt", ".tmp")))
    for empty in (output, folder):
        with contextlib.suppress(OSError):  # not empty, or already gone
            os.rmdir(empty)
    return removed


def _remove(where: str, ours: Callable[[str], bool]) -> int:
    try:
        entries = list(os.scandir(where))
    except OSError:  # no folder: nothing to clear
        return 0
    removed = 0
    for entry in entries:
        if ours(entry.name) and entry.is_file(follow_symlinks=False):
            try:
                os.unlink(entry.path)
                removed += 1
            except FileNotFoundError:  # another process got there first
                pass
            except OSError as exc:
                raise GuideError(f"{entry.path}: cannot remove it: {exc.strerror or exc}") from None
    return removed


def sweep(folder: str | None, now: float) -> None:
    """Remove the temporary files a killed process left in the cache (older than STALE_SECONDS).

    Runs after the ordinary path stores a page, never on the warm path.
    """
    if folder is None:
        return
    for where in (folder, os.path.join(folder, "output")):
        try:
            entries = [e for e in os.scandir(where) if e.name.startswith(".") and e.name.endswith(".tmp")]
            for entry in entries:
                if entry.is_file(follow_symlinks=False) and now - entry.stat().st_mtime > STALE_SECONDS:
                    os.unlink(entry.path)
        except OSError:  # no folder, or another process swept first: nothing to do
            continue
