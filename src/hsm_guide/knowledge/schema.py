"""Schema problems: where a parsed document does not fit the model, every one, in plain words.

msgspec stops at the first problem; this slow path (run only after a failure) descends to
find them all, and words msgspec's messages for someone editing the YAML.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Annotated, Any, Union, get_args, get_origin, get_type_hints

import msgspec

from ..errors import Problem
from ..model import KnowledgeBase, Record
from ..record import ADDRESS_PATTERN
from .problems import Found, located

# Patterns, not compiled ones: only a failed load needs them, and re caches what it compiles.
_AT = r" - at `\$(.*)`$"
_FRIENDLY = [
    (r"^Object missing required field `(.+)`$", "missing required key '{0}'"),
    (r"^Expected `(?:float|int)`, got `(\w+)`$", "expected a number, got {0}"),
    (r"^Expected `str`, got `(\w+)`$", "expected text, got {0}"),
    (r"^Expected `(?:array|list)`, got `(\w+)`$", "expected a list, got {0}"),
    (r"^Expected `object`, got `(\w+)`$", "expected a mapping, got {0}"),
    (r"^Expected `(?:float|int)` >= (\S+)$", "must be at least {0}"),
    (r"^Expected `(?:float|int)` <= (\S+)$", "must be at most {0}"),
    (r"^Expected `str` of length >= 1$", "must not be empty"),
    (r"^Expected `(?:array|list)` of length >= 1$", "must not be empty"),
    (r"^Expected `str` matching regex '\\\\S'$", "must not be blank"),
    (  # msgspec quotes the pattern with its backslashes doubled
        "^Expected `str` matching regex '" + re.escape(ADDRESS_PATTERN.replace("\\", "\\\\")) + "'$",
        "not a web address: http:// or https://, then no spaces or control characters",
    ),
    (r"^Expected `str` matching regex '(.+)'$", "does not match the pattern {0}"),
    (r"^Invalid enum value (.+)$", "{0} is not one of the allowed values"),
]
_TYPE_WORDS = {
    "str": "text",
    "int": "a number",
    "float": "a number",
    "array": "a list",
    "object": "a mapping",
    "null": "nothing (null)",
    "bool": "true/false",
}


def split_error(exc: msgspec.ValidationError) -> Found:
    """msgspec's 'message - at `$.a[1].b`' into a friendly message and a path."""
    text = str(exc)
    path: list[str | int] = []
    match = re.search(_AT, text, re.DOTALL)
    if match:
        text = text[: match.start()]
        for name, index in re.findall(r"\.([^.\[]+)|\[(\d+)\]", match.group(1)):
            path.append(int(index) if index else name)
    unknown = re.match(r"^Object contains unknown field `(.+)`$", text, re.DOTALL)
    if unknown:  # name the key itself, so the path and line point at it
        return "unknown key", [*path, unknown.group(1)]
    for pattern, template in _FRIENDLY:
        m = re.match(pattern, text)
        if m:
            args = [_TYPE_WORDS.get(g, re.sub(r"\.0$", "", g)) for g in m.groups()]
            return template.format(*args), path
    return text, path


def schema_problems(data: Any, text: str, name: str) -> list[Problem]:
    """All schema problems of a parsed document (slow path: only after a failure)."""
    if not isinstance(data, dict):
        return [Problem(name, top_level_message(data, text), line=1)]
    found: list[Found] = []
    _collect(data, KnowledgeBase, [], found)
    return located(text, name, found)


def top_level_message(data: Any, text: str) -> str:
    if data is None:
        content = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
        if content:
            return "the document is null (nothing but `null` or `~`); expected a mapping of sections"
        return "the file is empty; expected a mapping of sections"
    kind = {list: "a list", str: "text", int: "a number", float: "a number", bool: "true/false"}
    return f"the top level is {kind.get(type(data), type(data).__name__)}; expected a mapping of sections"


def _collect(value: Any, tp: Any, path: list[str | int], out: list[Found]) -> None:
    """Every schema problem under `value`, by descending where msgspec stops at the first."""
    try:
        msgspec.convert(value, tp)
        return
    except msgspec.ValidationError as exc:
        message, rel = split_error(exc)
    base = _descend_into(tp, value)
    before = len(out)
    if isinstance(base, type) and issubclass(base, Record) and isinstance(value, dict):
        _collect_record(value, base, path, out)
    elif get_origin(base) in (list, Sequence) and isinstance(value, list):
        (item_tp,) = get_args(base)
        for i, item in enumerate(value):
            _collect(item, item_tp, [*path, i], out)
    if len(out) == before:  # nothing more precise below: msgspec's own problem
        out.append((message, [*path, *rel]))


def _descend_into(tp: Any, value: Any) -> Any:
    """The type to look inside: Annotated unwrapped, and Optional's member when the value is not null."""
    base = _bare(tp)
    if get_origin(base) is Union:
        members = [a for a in get_args(base) if a is not type(None)]
        if len(members) == 1 and value is not None:
            return _bare(members[0])
    return base


def _bare(tp: Any) -> Any:
    return get_args(tp)[0] if get_origin(tp) is Annotated else tp


def _collect_record(value: dict[str, Any], record: type[Record], path: list[str | int], out: list[Found]) -> None:
    """A mapping against a record: unknown and missing keys, then each field's own problems."""
    hints = get_type_hints(record, include_extras=True)
    fields = msgspec.structs.fields(record)
    names = {f.name for f in fields}
    out.extend(("unknown key", [*path, key]) for key in value if key not in names)
    out.extend((f"missing required key '{f.name}'", path) for f in fields if f.required and f.name not in value)
    for f in fields:
        if f.name in value:
            _collect(value[f.name], hints[f.name], [*path, f.name], out)
