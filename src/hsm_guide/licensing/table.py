"""Read and check the state table beside the knowledge base, and find a state in it.

`<knowledge base folder>/licensure/states.json`; a knowledge base without one has no
state table (the state views then say so). Every problem is one line naming the file
and the key path (`VA.facts.ait.hours`), as the YAML's and the wage extract's are.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import msgspec

from .. import warm
from ..errors import DataError, Problem, UsageError
from ..limits import MAX_BYTES
from ..location import licensing_file
from .checks import ROWS, problems
from .model import Licensing, State


def read(knowledge_base: Path) -> bytes | None:
    """The table's bytes, read once (the caches hash what is parsed); None where there is none."""
    path = licensing_file(knowledge_base)
    seen = warm.SEEN.get(os.path.realpath(path))  # the bytes this run's output cache key hashed
    if seen is not None:
        return seen[0]
    name = str(path)
    try:
        if not path.exists():
            return None
        if not path.is_file():
            raise DataError([Problem(name, "not a regular file")])
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except PermissionError:
        raise DataError([Problem(name, "permission denied")]) from None
    except OSError as exc:
        raise DataError([Problem(name, f"cannot read: {exc.strerror or exc}")]) from None
    if len(raw) > MAX_BYTES:
        raise DataError([Problem(name, f"file is over the limit of {MAX_BYTES:,} bytes")])
    return raw


def parse(raw: bytes, knowledge_base: Path, every: bool = False) -> Licensing:
    """The checked table; a DataError carries the first problem, or with `every` all of them."""
    name = str(licensing_file(knowledge_base))
    try:
        table = msgspec.json.decode(raw, type=Licensing)
    except msgspec.ValidationError as exc:
        from ..knowledge.schema import split_error

        message, path = split_error(exc)
        raise DataError([Problem(name, message, key_path(path))]) from None
    except msgspec.DecodeError as exc:
        raise DataError([Problem(name, f"not valid JSON: {exc}")]) from None
    found = [Problem(name, message, key_path(path)) for message, path in problems(table)]
    if found:
        raise DataError(found if every else found[:1])
    return table


def key_path(path: list[str | int]) -> str:
    """['states', 'VA', 'facts', 'ait', 'hours'] -> 'VA.facts.ait.hours' (the states are the file's rows)."""
    parts = [str(p) for p in path]
    if parts[:1] == ["states"]:
        parts = parts[1:]
    return ".".join(parts)


_SPLIT = re.compile(r"[^a-z]+")


def find_state(query: str) -> str:
    """The postal code of the state or DC a reader typed (VA, va, Virginia, 'district of columbia', D.C.);
    exit 2 with a suggestion otherwise."""
    words = " ".join(w for w in _SPLIT.split(query.casefold().replace(".", "")) if w)
    for code, name in ROWS.items():
        if words in (code.casefold(), name.casefold()) or (code == "DC" and words in ("washington dc", "dc")):
            return code
    from ..suggest import close

    names = {name.casefold(): code for code, name in ROWS.items()} | {c.casefold(): c for c in ROWS}
    near = [names[m] for m in close(words, list(names), n=3, cutoff=0.6)]
    hint = f"; did you mean {' or '.join(f'{c} ({ROWS[c]})' for c in dict.fromkeys(near))}?" if near else ""
    shown = query.strip()[:40]
    raise UsageError(f"unknown state '{shown}'{hint} (a postal code such as VA, or a name such as Virginia)")


def state_of(table: Licensing | None, code: str) -> State | None:
    return table.states.get(code) if table is not None else None
