"""The one data-path rule: which knowledge base a run reads, and where its wage extract and
state licensing table are.

--data wins, then $HSM_GUIDE_DATA, then the packaged file. The wage extract is the `wages/`
folder beside the knowledge base file as it was named: a link named `kb.yaml` reads the
`wages/` beside the link, not beside its target. The warm path's key and the loader both
ask here, so what is hashed is what is read. Strings and os.path only: the warm path
uses it before pathlib (or anything else) is imported.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

ENV_VAR = "HSM_GUIDE_DATA"
WAGES_FOLDER = "wages"
WAGE_FILES = ("oews-release.json", "oews-wages.csv")
LICENSING_FOLDER = "licensure"
LICENSING_NAME = "states.json"


def packaged() -> str:
    """The shipped knowledge base: inside the wheel, or data/ in a checkout."""
    here = os.path.dirname(os.path.realpath(__file__))
    installed = os.path.join(here, "data", "occupation.yaml")
    if os.path.isfile(installed):
        return installed
    return os.path.join(os.path.dirname(os.path.dirname(here)), "data", "occupation.yaml")


def data_file(option: str | os.PathLike[str] | None, environ: Mapping[str, str] | None = None) -> str:
    """--data wins, then $HSM_GUIDE_DATA, then the packaged file."""
    chosen = os.fspath(option) if option else (environ if environ is not None else os.environ).get(ENV_VAR, "")
    return chosen or packaged()


def wage_paths(data: str | os.PathLike[str]) -> tuple[str, str]:
    """The wage extract's files for a knowledge base file: the release facts, then the rows."""
    folder = os.path.join(os.path.dirname(os.fspath(data)), WAGES_FOLDER)
    return (os.path.join(folder, WAGE_FILES[0]), os.path.join(folder, WAGE_FILES[1]))


def licensing_path(data: str | os.PathLike[str]) -> str:
    """The state licensing table for a knowledge base file, beside it as it was named, like the wages."""
    return os.path.join(os.path.dirname(os.fspath(data)), LICENSING_FOLDER, LICENSING_NAME)


# The same rule as paths, for the loader and the commands.


def packaged_data_path() -> Path:
    from pathlib import Path

    return Path(packaged())


def resolve_data_path(option: str | os.PathLike[str] | None = None) -> Path:
    from pathlib import Path

    return Path(data_file(option))


def wage_files(data: str | os.PathLike[str]) -> tuple[Path, Path]:
    from pathlib import Path

    release, rows = wage_paths(data)
    return Path(release), Path(rows)


def licensing_file(data: str | os.PathLike[str]) -> Path:
    from pathlib import Path

    return Path(licensing_path(data))
