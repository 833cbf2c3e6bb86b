"""Where the knowledge base is: --data, then $HSM_GUIDE_DATA, then the packaged file.

A module of its own so that finding the file never imports the parser or the model
(the output cache needs only the path).
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "HSM_GUIDE_DATA"


def packaged_data_path() -> Path:
    """The shipped knowledge base: inside the wheel, or data/ in a checkout."""
    here = Path(__file__).resolve().parent
    installed = here / "data" / "occupation.yaml"
    if installed.is_file():
        return installed
    return here.parents[1] / "data" / "occupation.yaml"


def resolve_data_path(option: str | os.PathLike[str] | None = None) -> Path:
    """--data wins, then $HSM_GUIDE_DATA, then the packaged file."""
    chosen = option or os.environ.get(ENV_VAR)
    return Path(chosen) if chosen else packaged_data_path()


# The wage extract lives in a folder beside the knowledge base file; both caches
# key on these files as well as the YAML, so an edited extract is never served stale.
WAGES_FOLDER = "wages"
WAGE_FILES = ("oews-release.json", "oews-wages.csv")


def wage_files(data: Path) -> tuple[Path, ...]:
    """The wage extract's files for a knowledge base file: the release facts, then the rows."""
    return tuple(data.parent / WAGES_FOLDER / name for name in WAGE_FILES)


# The state licensing table lives in a folder beside the knowledge base too, keyed by the caches the same way.
LICENSING_FOLDER = "licensure"
LICENSING_NAME = "states.json"


def licensing_file(data: Path) -> Path:
    """The state licensing table for a knowledge base file."""
    return data.parent / LICENSING_FOLDER / LICENSING_NAME
