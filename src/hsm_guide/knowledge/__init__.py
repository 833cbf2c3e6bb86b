"""Find, read, parse and validate the knowledge base.

- reading.py: the file's bytes within limits (a regular file, its size, UTF-8);
- dialect.py: the strict YAML dialect (safe loader, no duplicate keys or tags, one document, depth and alias limits);
- problems.py, schema.py, references.py: what is wrong, located by file, line and key path;
- loader.py: load and validate.

The loader knows no cache; `load_cached` is the knowledge-base cache's (cache/knowledge.py),
named here too because the commands load through it. Every name is imported on first use: a
run served from the cache never parses YAML, so it never loads the parser and the checks
(about 2 ms of imports).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..limits import MAX_BYTES as MAX_BYTES
from ..location import ENV_VAR as ENV_VAR  # the path helpers live in location.py
from ..location import packaged_data_path as packaged_data_path
from ..location import resolve_data_path as resolve_data_path

if TYPE_CHECKING:
    from ..cache.knowledge import load_cached as load_cached
    from .dialect import parse_yaml as parse_yaml
    from .keypath import format_path as format_path
    from .loader import Summary as Summary
    from .loader import figure_fields as figure_fields
    from .loader import load as load
    from .loader import summarize as summarize
    from .loader import validate as validate
    from .reading import read_text as read_text
    from .references import iter_records as iter_records
    from .references import reference_problems as reference_problems
    from .references import wage_problems as wage_problems
    from .schema import schema_problems as schema_problems

_LAZY = {
    "load_cached": "..cache.knowledge",
    "parse_yaml": ".dialect",
    "format_path": ".keypath",
    "Summary": ".loader",
    "figure_fields": ".loader",
    "load": ".loader",
    "summarize": ".loader",
    "validate": ".loader",
    "read_text": ".reading",
    "iter_records": ".references",
    "reference_problems": ".references",
    "wage_problems": ".references",
    "schema_problems": ".schema",
}


def __getattr__(name: str) -> Any:
    where = _LAZY.get(name)
    if where is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(where, __name__), name)
