"""Loading and validating: read, parse, convert, check; the entry points the commands use.

The happy path is short: read bytes, decode, parse with libyaml's safe loader,
convert with msgspec, check cross-references. Everything slower (locating a
problem's line, collecting every problem rather than the first) runs only
when something is wrong. This module knows no cache: cache/knowledge.py wraps
`load_text` to skip the parse when the user cache holds a compiled copy.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import msgspec

from ..errors import DataError
from ..model import KnowledgeBase, Record
from . import dialect
from .problems import located
from .reading import read_text
from .references import iter_records, place_problems, raw_citation_problems, reference_problems, wage_problems
from .schema import schema_problems, split_error


def load(path: Path) -> KnowledgeBase:
    """The validated knowledge base, with its wage extract and state table, or a DataError carrying the first
    problem."""
    return load_text(read_text(path), str(path), wages_raw(path), licensing=licensing_raw(path))


def wages_raw(path: Path) -> tuple[bytes, bytes] | None:
    from ..wages import extract

    return extract.read(path)


def licensing_raw(path: Path) -> bytes | None:
    from ..licensing import table

    return table.read(path)


def load_text(
    text: str,
    name: str,
    wages_raw: tuple[bytes, bytes] | None,
    every: bool = False,
    licensing: bytes | None = None,
) -> KnowledgeBase:
    """Parse and check; a DataError carries the first schema problem, or with `every`, all of them.
    `licensing` is the state table's bytes, read beside the file."""
    data = dialect.parse_yaml(text, name)
    try:
        kb = msgspec.convert(data, KnowledgeBase)
    except msgspec.ValidationError as exc:
        if every:  # collect every problem, unknown citations included, for one complete report
            raise DataError(schema_problems(data, text, name) + raw_citation_problems(data, text, name)) from None
        if not isinstance(data, dict):
            raise DataError(schema_problems(data, text, name)) from None
        raise DataError(located(text, name, [split_error(exc)])) from None  # the first is enough here
    problems = reference_problems(kb, text, name)
    if kb.wages is not None:  # the YAML cannot supply it: it is the extract's
        problems += located(text, name, [("set from the wage extract beside the file, not in it", ["wages"])])
    if kb.licensing is not None:
        problems += located(text, name, [("set from the state table beside the file, not in it", ["licensing"])])
    if problems:
        raise DataError(problems)
    if licensing is not None:
        from ..licensing import table

        table.parse(licensing, Path(name), every)  # the checks; the pages that need the table decode it again
        kb = msgspec.structs.replace(kb, licensing=licensing)
    if wages_raw is None:
        return kb
    from ..wages import extract

    wages = extract.parse(wages_raw, Path(name), kb.identity.soc_code, every)
    problems = wage_problems(kb, wages, name, text) + located(text, name, place_problems(kb, wages))
    if problems:
        raise DataError(problems)
    return msgspec.structs.replace(kb, wages=wages)


@dataclass(frozen=True)
class Summary:
    sections: int
    items: int
    figures: int
    sources: int
    citations: int
    estimates: int = 0  # rows in the wage extract
    release: str | None = None  # the extract's release, "May 2025"
    states: int = 0  # states (and DC) in the state licensing table


def validate(path: Path) -> Summary:
    """Check a knowledge base, raising a DataError with every problem found; always reads the YAML."""
    return summarize(load_text(read_text(path), str(path), wages_raw(path), every=True, licensing=licensing_raw(path)))


def summarize(kb: KnowledgeBase) -> Summary:
    items = figures = citations = 0
    for path, record in iter_records(msgspec.structs.replace(kb, wages=None, licensing=None)):
        cited = getattr(record, "sources", None)
        if cited is not None and path[:1] != ["sources"]:
            items += 1
            citations += len(cited)
        figures += len(figure_fields(record))
    sections = len(KnowledgeBase.__struct_fields__) - 4  # less schema_version, sources, the extract and state table
    from ..licensing.table import of

    found = of(kb)
    states = len(found.states) if found else 0
    if kb.wages is None:
        return Summary(sections, items, figures, len(kb.sources), citations, states=states)
    release = kb.wages.release.release
    return Summary(sections, items, figures, len(kb.sources), citations, len(kb.wages.rows), release, states)


def figure_fields(record: Record) -> dict[str, float]:
    """The numeric facts a record states (not years, which date the facts)."""
    out: dict[str, float] = {}
    for name in record.__struct_fields__:
        value = getattr(record, name)
        if isinstance(value, (int, float)) and not isinstance(value, bool) and not _is_year_field(name):
            out[name] = value
    return out


def _is_year_field(name: str) -> bool:
    return name == "year" or name.endswith("_year") or name in ("growth_start", "growth_end", "schema_version")
