"""`hsm-guide cache path` and `cache clear` (tealdeer's habit): where the cache lives, and emptying it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import GuideError, UsageError

if TYPE_CHECKING:
    from ..environment import Environment

ACTIONS = ("path", "clear")


def run(env: Environment, action: str) -> None:
    import os

    from .. import writer
    from ..cache import folder as cache_folder
    from ..suggest import hint

    if action not in ACTIONS:
        raise UsageError(f"unknown cache action '{action}'{hint(action, ACTIONS)} (valid: {', '.join(ACTIONS)})")
    where = env.cache_folder
    if where is None:
        raise GuideError("no cache folder: set HSM_GUIDE_CACHE_DIR to an absolute path, or HOME")
    foreign = os.path.lexists(where) and not cache_folder.owned(where) and not cache_folder.claimable(where)
    if action == "path":
        writer.line(env, where)
        if foreign:
            from .process import err

            err(f"note: {where} is not hsm-guide's own folder ({_WHY}), so the cache is off; {_ADVICE}", env)
        return
    try:
        removed = cache_folder.clear(where)  # only the guide's own entries
    except cache_folder.NotOurs:
        raise GuideError(f"{where}: not hsm-guide's cache folder ({_WHY}); nothing was removed") from None
    except OSError as exc:
        raise GuideError(f"{where}: cannot clear the cache: {exc.strerror or exc}") from None
    writer.line(env, f"Removed {removed} cache entr{'y' if removed == 1 else 'ies'} from {where}")


_WHY = "it holds files hsm-guide did not write, or is not yours"
_ADVICE = "point HSM_GUIDE_CACHE_DIR at a new or empty folder"
