"""Maintainers' import: the state table from research files, one YAML file a state.

    python -m hsm_guide.licensing.importer RESEARCH_FOLDER [--data data/occupation.yaml]

Each file (`VA.yaml`) holds one state in the research format documented in
docs/data-update.md: the board, six facts each citing pages, and the pages with the
day each was read and the numbers it states. Every file is checked as the guide checks
the table (schema, state codes, cited pages, every number on a page it cites); any
problem is printed as FILE:LINE: key.path: message and nothing is written. Otherwise
the table is written whole to `licensure/states.json` beside the knowledge base,
states in code order, so the same files always write the same bytes. `--merge` keeps
the states already in the table that the files do not name (to refresh one state).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import msgspec

from ..errors import DataError, Problem
from ..files import replace
from ..location import licensing_file
from .checks import ROWS, state_problems
from .model import Licensing, State


def research_files(paths: Sequence[Path]) -> list[Path]:
    """The YAML files named, and those in the folders named, in name order."""
    found: list[Path] = []
    for path in paths:
        found += sorted(path.glob("*.yaml")) if path.is_dir() else [path]
    return found


def read_state(path: Path) -> tuple[State | None, list[Problem]]:
    """One research file as a checked state, or its problems (file, line, key path)."""
    from ..knowledge.dialect import parse_yaml
    from ..knowledge.problems import located
    from ..knowledge.schema import split_error

    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Problem(name, f"cannot read: {exc}")]
    try:
        data = _dates_as_text(parse_yaml(text, name))
        state = msgspec.convert(data, State)
    except DataError as exc:
        return None, exc.problems
    except msgspec.ValidationError as exc:
        return None, located(text, name, [split_error(exc)])
    problems = located(text, name, state_problems(state.code, state))
    if path.stem != state.code:
        problems.insert(0, Problem(name, f"the file of {state.code} is named {state.code}.yaml", "code"))
    return (None if problems else state), problems


def _dates_as_text(value: Any) -> Any:
    """YAML reads `read: 2026-12-06` as a date; the table keeps it as the text it was."""
    if isinstance(value, dict):
        return {k: _dates_as_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_dates_as_text(v) for v in value]
    return value.isoformat() if isinstance(value, dt.date) else value


def table_bytes(states: dict[str, State]) -> bytes:
    """The table as reviewable JSON: two-space indents, states by code, fields in schema order."""
    table = Licensing(format=1, states=dict(sorted(states.items())))
    return msgspec.json.format(msgspec.json.encode(table), indent=2) + b"\n"


def run(paths: Sequence[Path], data: Path, merge: bool = False) -> str:
    """Import the files into the table beside `data`; a one-line summary, or DataError with every problem."""
    states: dict[str, State] = {}
    target = licensing_file(data)
    if merge and target.is_file():
        from . import table

        states = dict(table.parse(target.read_bytes(), data).states)
    problems: list[Problem] = []
    files = research_files(paths)
    if not files:
        raise DataError([Problem(", ".join(map(str, paths)), "no research files (*.yaml) found")])
    for path in files:
        state, found = read_state(path)
        problems += found
        if state is not None:
            states[state.code] = state
    if problems:
        raise DataError(problems)
    target.parent.mkdir(parents=True, exist_ok=True)
    replace(target, table_bytes(states), mode=0o644)
    missing = [code for code in ROWS if code not in states]
    absent = f"; not yet researched: {', '.join(missing)}" if missing else ""
    return f"wrote {len(states)} states to {target}{absent}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m hsm_guide.licensing.importer",
        description="Write the guide's state licensing table from research files (one STATE.yaml a state).",
    )
    parser.add_argument("paths", type=Path, nargs="+", help="research files, or folders of them")
    parser.add_argument("--data", type=Path, default=Path("data/occupation.yaml"), help="the knowledge base")
    parser.add_argument("--merge", action="store_true", help="keep the table's states the files do not name")
    args = parser.parse_args(argv)
    try:
        print(run(args.paths, args.data, args.merge))
    except DataError as exc:
        for problem in exc.problems:
            print(f"import: {problem}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"import: {exc.strerror or exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
