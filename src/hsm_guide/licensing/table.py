"""Read and check the state table beside the knowledge base, and find a state in it.

`<knowledge base folder>/licensure/states.json`; a knowledge base without one has no
state table (the state views then say so). Every problem is one line naming the file
and the key path (`VA.facts.ait.hours`), as the YAML's and the wage extract's are.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from ..errors import DataError, Problem, UsageError
from ..limits import MAX_BYTES
from ..location import licensing_file

if TYPE_CHECKING:  # the schema and the checks load with the first table parsed: reading bytes needs neither
    from ..model import KnowledgeBase
    from .model import Licensing


def read(knowledge_base: Path) -> bytes | None:
    """The table's bytes, for the caches to hash and the loader to parse (the warm path reads it
    itself and hands its bytes on); None where there is none."""
    path = licensing_file(knowledge_base)
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
    from .checks import problems
    from .model import Licensing

    name = str(licensing_file(knowledge_base))
    try:
        table = msgspec.json.decode(raw, type=Licensing)
    except msgspec.ValidationError as exc:
        message, path = _schema_problem(raw, exc)
        raise DataError([Problem(name, message, key_path(path))]) from None
    except msgspec.DecodeError as exc:
        raise DataError([Problem(name, f"not valid JSON: {exc}")]) from None
    found = [Problem(name, message, key_path(path)) for message, path in problems(table)]
    if found:
        raise DataError(found if every else found[:1])
    return table


def _schema_problem(raw: bytes, exc: msgspec.ValidationError) -> tuple[str, list[str | int]]:
    """The first schema problem with its whole key path: msgspec writes a mapping's key as `[...]`,
    so the state and the page are found by converting them one at a time (only after a failure)."""
    from ..knowledge.schema import split_error
    from .model import Page, State

    data = msgspec.json.decode(raw)
    states = data.get("states") if isinstance(data, dict) else None
    if isinstance(states, dict):
        for code, state in states.items():
            try:
                msgspec.convert(state, State)
            except msgspec.ValidationError as inner:
                message, path = split_error(inner)
                pages = state.get("pages") if isinstance(state, dict) else None
                if path[:1] == ["pages"] and isinstance(pages, dict):
                    for page_id, page in pages.items():
                        try:
                            msgspec.convert(page, Page)
                        except msgspec.ValidationError as deepest:
                            message, rel = split_error(deepest)
                            return message, [code, "pages", page_id, *rel]
                return message, [code, *path]
    return split_error(exc)


def key_path(path: list[str | int]) -> str:
    """['states', 'VA', 'facts', 'ait', 'sources', 0] -> 'VA.facts.ait.sources[0]' (the states are the rows)."""
    from ..knowledge.keypath import format_path

    return format_path(path[1:] if path[:1] == ["states"] else path)


_SPLIT = re.compile(r"[^a-z]+")


def find_state(query: str) -> str:
    """The postal code of the state or DC a reader typed (VA, va, Virginia, 'district of columbia', D.C.);
    exit 2 with a suggestion otherwise."""
    from .checks import ROWS

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


_DECODED: list[tuple[bytes, Licensing]] = []  # the last table decoded, with the bytes it came from


def of(kb: KnowledgeBase) -> Licensing | None:
    """The knowledge base's state table, decoded from the bytes the loader checked (once a process);
    None where the knowledge base has none beside it."""
    raw = kb.licensing
    if raw is None:
        return None
    if _DECODED and _DECODED[0][0] is raw:
        return _DECODED[0][1]
    from .model import Licensing

    table = msgspec.json.decode(raw, type=Licensing)
    _DECODED[:] = [(raw, table)]
    return table
