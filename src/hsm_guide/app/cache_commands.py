"""`hsm-guide cache path` and `cache clear` (tealdeer's habit): where the cache lives, and emptying it."""

from __future__ import annotations

import contextlib
import os

from ..errors import GuideError, UsageError

ACTIONS = ("path", "clear")


def run(action: str) -> None:
    from .. import cache
    from ..suggest import hint

    if action not in ACTIONS:
        raise UsageError(f"unknown cache action '{action}'{hint(action, ACTIONS)} (valid: {', '.join(ACTIONS)})")
    folder = cache.folder()
    if folder is None:
        raise GuideError("no cache folder: set HSM_GUIDE_CACHE_DIR to an absolute path, or HOME")
    if action == "path":
        print(folder)
        return
    try:
        removed = cache.clear()  # only the guide's own files: a shared folder keeps the rest
    except OSError as exc:
        raise GuideError(f"{folder}: cannot clear the cache: {exc.strerror or exc}") from None
    with contextlib.suppress(OSError):  # the folder itself goes once nothing is left in it
        os.rmdir(folder)
    print(f"Removed {removed} cache entr{'y' if removed == 1 else 'ies'} from {folder}")
