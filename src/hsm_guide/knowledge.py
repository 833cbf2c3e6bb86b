"""Find, read, parse and validate the knowledge base.

The happy path is short: read bytes, decode, parse with libyaml's safe loader,
convert with msgspec, check cross-references. Everything slower (locating a
problem's line, collecting every problem rather than the first) runs only
when something is wrong. `load_cached` skips the parse when the user cache
holds a compiled copy of the same bytes (see cache.py), so yaml is imported
only inside the functions that parse.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Union, get_args, get_origin, get_type_hints

import msgspec

from . import cache, warm
from .errors import DataError, Problem
from .limits import MAX_BYTES, MAX_DEPTH, MAX_VALUES
from .location import ENV_VAR as ENV_VAR  # re-exported: the path helpers live in location.py
from .location import packaged_data_path as packaged_data_path
from .location import resolve_data_path as resolve_data_path
from .location import wage_files
from .model import KnowledgeBase, Record
from .wages.model import Wages

if TYPE_CHECKING:
    import yaml


# -- reading and parsing --------------------------------------------------------


def read_text(path: Path) -> str:
    return _decode(_read_bytes(path)[0], str(path))


def _read_bytes(path: Path) -> tuple[bytes, os.stat_result]:
    """The file's bytes and the stat taken just before reading them: the very bytes the warm path
    hashed for this run's key when it read them (so a page is never stored under another file's key)."""
    seen = warm.SEEN.get(os.path.realpath(path))
    if seen is not None:
        return seen
    name = str(path)
    try:
        if path.is_dir():
            raise DataError([Problem(name, "is a folder, not a knowledge base file")])
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a FIFO or /dev/zero would block or never end
            raise DataError([Problem(name, "not a regular file")])
        if info.st_size > MAX_BYTES:
            raise DataError([Problem(name, f"file is {info.st_size:,} bytes; the limit is {MAX_BYTES:,}")])
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            raise DataError([Problem(name, f"file grew past the limit of {MAX_BYTES:,} bytes while being read")])
    except FileNotFoundError:
        raise DataError([Problem(name, "no such file")]) from None
    except PermissionError:
        raise DataError([Problem(name, "permission denied")]) from None
    except OSError as exc:
        raise DataError([Problem(name, f"cannot read: {exc.strerror or exc}")]) from None
    return raw, info


def _decode(raw: bytes, name: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        msg = f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start})"
        raise DataError([Problem(name, msg, line=line)]) from None


_LOADER: Any = None


def _loader() -> type[yaml.SafeLoader]:
    """libyaml's safe loader when built (else PyYAML's), refusing duplicate keys.

    YAML itself keeps the last of two equal keys without a word; in a hand-edited
    file that silently drops a figure, so it is an error here.
    """
    global _LOADER
    if _LOADER is None:
        import yaml

        base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

        class StrictLoader(base):  # type: ignore[valid-type,misc]
            def construct_mapping(self, node: Any, deep: bool = False) -> Any:
                seen: dict[tuple[str, str], int] = {}
                for key_node, _ in node.value:
                    if isinstance(key_node, yaml.ScalarNode):
                        first = seen.setdefault((key_node.tag, key_node.value), key_node.start_mark.line)
                        if first != key_node.start_mark.line:
                            raise yaml.constructor.ConstructorError(
                                None,
                                None,
                                f"duplicate key '{key_node.value}' (first at line {first + 1})",
                                key_node.start_mark,
                            )
                return super().construct_mapping(node, deep)

        _LOADER = StrictLoader
    loader: type[yaml.SafeLoader] = _LOADER
    return loader


def parse_yaml(text: str, name: str) -> Any:
    import yaml

    try:
        data = _parse_safely(text)
    except RecursionError:
        raise DataError([Problem(name, f"the YAML is nested too deeply (the limit is {MAX_DEPTH} levels)")]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise DataError([Problem(name, _yaml_message(exc), line=line)]) from None
    except yaml.YAMLError as exc:
        raise DataError([Problem(name, f"YAML error: {exc}")]) from None
    _check_size(data, name)
    return data


def _parse_safely(text: str) -> Any:
    """One document, through the safe loader only (what yaml.safe_load does, with our loader)."""
    loader = _loader()(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def _yaml_message(exc: Any) -> str:
    """PyYAML's message, in the words of someone editing a knowledge base."""
    what = str(exc.problem or exc.context or "invalid YAML")
    if "found another document" in what:
        return "the file holds more than one YAML document; a knowledge base is one"
    tag = re.search(r"constructor for the tag '([^']*)'", what)
    if tag:
        return f"the YAML tag '{tag.group(1)}' is not allowed: only plain data is read (safe loading)"
    if what.startswith("duplicate key"):
        return what
    return f"YAML syntax error: {what}"


def _check_size(data: Any, name: str) -> None:
    """Refuse documents too deep, or too big once aliases are expanded.

    Aliases make shared objects, so a few lines can stand for billions of
    values: sizes are summed per object, memoised by identity, without expanding.
    """
    sizes: dict[int, int] = {}
    stack: list[tuple[Any, int, bool]] = [(data, 1, False)]
    while stack:
        node, depth, children_done = stack.pop()
        if not isinstance(node, (dict, list)) or id(node) in sizes:
            continue
        if depth > MAX_DEPTH:
            raise DataError([Problem(name, f"the YAML is nested too deeply (the limit is {MAX_DEPTH} levels)")])
        children = list(node.values()) if isinstance(node, dict) else node
        if children_done:
            total = 1 + sum(sizes.get(id(c), 1) for c in children)
            if total > MAX_VALUES:
                raise DataError([Problem(name, f"the YAML expands to more than {MAX_VALUES:,} values (aliases?)")])
            sizes[id(node)] = total
        else:
            stack.append((node, depth, True))
            stack.extend((c, depth + 1, False) for c in children)


# -- validation -----------------------------------------------------------------

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


def _split_error(exc: msgspec.ValidationError) -> tuple[str, list[str | int]]:
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


def format_path(path: list[str | int]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def _node_tree(text: str) -> Any:
    """The YAML node tree, which keeps line numbers; composed once per failure."""
    import yaml

    try:
        return yaml.compose(text, Loader=_loader())
    except (yaml.YAMLError, RecursionError):
        return None


def _line_of(tree: Any, path: list[str | int]) -> int | None:
    """Where in the YAML a key path lives (1-based): the deepest key or item found."""
    import yaml

    node = tree
    if node is None:
        return None
    line: int = node.start_mark.line
    for part in path:
        if isinstance(node, yaml.MappingNode):
            pair = next(((k, v) for k, v in node.value if k.value == part), None)
            if pair is None:
                break
            line, node = pair[0].start_mark.line, pair[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line
        else:
            break
    return line + 1


def _problems(text: str, name: str, found: list[tuple[str, list[str | int]]]) -> list[Problem]:
    tree = _node_tree(text) if found else None
    return [Problem(name, message, format_path(path), _line_of(tree, path)) for message, path in found]


def _collect(value: Any, tp: Any, path: list[str | int], out: list[tuple[str, list[str | int]]]) -> None:
    """Every schema problem under `value`, by descending where msgspec stops at the first."""
    try:
        msgspec.convert(value, tp)
        return
    except msgspec.ValidationError as exc:
        message, rel = _split_error(exc)
    base = get_args(tp)[0] if get_origin(tp) is Annotated else tp
    if get_origin(base) is Union:  # Optional[...]: descend into the non-null member
        members = [a for a in get_args(base) if a is not type(None)]
        base = members[0] if len(members) == 1 and value is not None else base
        if get_origin(base) is Annotated:
            base = get_args(base)[0]
    before = len(out)
    if isinstance(base, type) and issubclass(base, Record) and isinstance(value, dict):
        hints = get_type_hints(base, include_extras=True)
        fields = msgspec.structs.fields(base)
        names = {f.name for f in fields}
        out.extend(("unknown key", [*path, key]) for key in value if key not in names)
        out.extend((f"missing required key '{f.name}'", path) for f in fields if f.required and f.name not in value)
        for f in fields:
            if f.name in value:
                _collect(value[f.name], hints[f.name], [*path, f.name], out)
    elif get_origin(base) is list and isinstance(value, list):
        (item_tp,) = get_args(base)
        for i, item in enumerate(value):
            _collect(item, item_tp, [*path, i], out)
    if len(out) == before:
        out.append((message, [*path, *rel]))


def schema_problems(data: Any, text: str, name: str) -> list[Problem]:
    """All schema problems of a parsed document (slow path: only after a failure)."""
    if not isinstance(data, dict):
        return [Problem(name, _top_level_message(data, text), line=1)]
    found: list[tuple[str, list[str | int]]] = []
    _collect(data, KnowledgeBase, [], found)
    return _problems(text, name, found)


def _top_level_message(data: Any, text: str) -> str:
    if data is None:
        content = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
        if content:
            return "the document is null (nothing but `null` or `~`); expected a mapping of sections"
        return "the file is empty; expected a mapping of sections"
    kind = {list: "a list", str: "text", int: "a number", float: "a number", bool: "true/false"}
    return f"the top level is {kind.get(type(data), type(data).__name__)}; expected a mapping of sections"


def iter_records(obj: Any, path: list[str | int] | None = None) -> Iterator[tuple[list[str | int], Record]]:
    """Every record in a knowledge base with its key path, depth first."""
    path = path or []
    if isinstance(obj, Record):
        yield path, obj
        for name in obj.__struct_fields__:
            yield from iter_records(getattr(obj, name), [*path, name])
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            yield from iter_records(item, [*path, i])


def reference_problems(kb: KnowledgeBase, text: str, name: str) -> list[Problem]:
    """Rules a type cannot express: citations resolve, ids unique, shares add up."""
    found: list[tuple[str, list[str | int]]] = []
    ids = [s.id for s in kb.sources]
    known = set(ids)
    for i, sid in enumerate(ids):
        if sid in ids[:i]:
            found.append((f"source id '{sid}' is defined twice", ["sources", i, "id"]))
    for path, record in iter_records(kb):
        for j, sid in enumerate(getattr(record, "sources", None) or []):
            if isinstance(sid, str) and sid not in known:
                found.append((f"cites unknown source '{sid}'", [*path, "sources", j]))
    years = [e.pay_year for e in kb.quick_facts.editions]
    for i, year in enumerate(years):
        if year in years[:i]:
            found.append((f"edition {year} is listed twice", ["quick_facts", "editions", i, "pay_year"]))
    if kb.quick_facts.current_edition not in years:
        found.append((f"no edition has pay_year {kb.quick_facts.current_edition}", ["quick_facts", "current_edition"]))
    total = sum(r.percent for r in kb.settings.employer_shares.rows)
    if total > 100:
        found.append((f"employer shares add up to {total:g}%, more than 100%", ["settings", "employer_shares", "rows"]))
    for where, keys in (
        (["paths", "backgrounds"], [x.key for x in kb.paths.backgrounds]),
        (["paths", "settings"], [x.key for x in kb.paths.settings]),
        (["fit", "areas"], [x.key for x in kb.fit.areas]),
    ):
        for i, key in enumerate(keys):
            if key in keys[:i]:
                found.append((f"key '{key}' is listed twice", [*where, i, "key"]))
    areas = {a.key for a in kb.fit.areas}
    for i, statement in enumerate(kb.fit.statements):
        if statement.area not in areas:
            found.append((f"no fit area has key '{statement.area}'", ["fit", "statements", i, "area"]))
    codes = [c.code for c in kb.certifications.credentials]
    for i, code in enumerate(codes):
        if code in codes[:i]:
            found.append((f"certification code '{code}' is listed twice", ["certifications", "credentials", i, "code"]))
    from .sections import BY_NAME  # the registry only: no builder is imported

    seen: list[str] = []
    for i, points in enumerate(kb.key_points):
        if points.section not in BY_NAME:
            found.append((f"no section is called '{points.section}'", ["key_points", i, "section"]))
        elif points.section in seen:
            found.append((f"section '{points.section}' has key points twice", ["key_points", i, "section"]))
        seen.append(points.section)
    return _problems(text, name, found)


# -- the entry points -----------------------------------------------------------


def load(path: Path) -> KnowledgeBase:
    """The validated knowledge base, with its wage extract, or a DataError carrying the first problem."""
    return _load_text(read_text(path), str(path), _wages_raw(path))


def load_cached(path: Path) -> KnowledgeBase:
    """`load`, served from the user cache when it holds a compiled copy of these exact bytes.

    The bytes (the YAML's and the wage extract's) are read and hashed once, and
    parsed from those same bytes, so an entry is always stored under the content
    it was built from.
    """
    raw, info = _read_bytes(path)
    wages_raw = _wages_raw(path)
    slot = cache.locate(path, info, raw, *(wages_raw or ()))
    kb = cache.read(slot) if slot is not None else None
    if kb is None:
        name = str(path)
        kb = _load_text(_decode(raw, name), name, wages_raw)
        if slot is not None:
            cache.write(slot, kb)
    return kb


def _wages_raw(path: Path) -> tuple[bytes, bytes] | None:
    from .wages import extract

    return extract.read(path)


def _load_text(text: str, name: str, wages_raw: tuple[bytes, bytes] | None, every: bool = False) -> KnowledgeBase:
    """Parse and check; a DataError carries the first schema problem, or with `every`, all of them."""
    data = parse_yaml(text, name)
    try:
        kb = msgspec.convert(data, KnowledgeBase)
    except msgspec.ValidationError as exc:
        if every:  # collect every problem, unknown citations included, for one complete report
            raise DataError(schema_problems(data, text, name) + _raw_citation_problems(data, text, name)) from None
        if not isinstance(data, dict):
            raise DataError(schema_problems(data, text, name)) from None
        raise DataError(_problems(text, name, [_split_error(exc)])) from None  # the first is enough here
    problems = reference_problems(kb, text, name)
    if kb.wages is not None:  # the YAML cannot supply it: it is the extract's
        problems += _problems(text, name, [("set from the wage extract beside the file, not in it", ["wages"])])
    if problems:
        raise DataError(problems)
    if wages_raw is None:
        return kb
    from .wages import extract

    wages = extract.parse(wages_raw, Path(name), kb.identity.soc_code, every)
    problems = wage_problems(kb, wages, name)
    if problems:
        raise DataError(problems)
    return msgspec.structs.replace(kb, wages=wages)


def wage_problems(kb: KnowledgeBase, wages: Wages, name: str) -> list[Problem]:
    """The extract against the knowledge base: its source is catalogued and primary, its occupations named."""
    release_file = str(wage_files(Path(name))[0])
    source = next((s for s in kb.sources if s.id == wages.release.source), None)
    if source is None:
        return [Problem(release_file, f"cites unknown source '{wages.release.source}'", "source")]
    if source.grade != "primary":
        return [Problem(release_file, f"source '{source.id}' must be graded primary (it is BLS's own data)", "source")]
    named = {kb.identity.soc_code}
    named |= {c.soc for g in kb.related for c in g.careers if c.soc}
    named |= {r.soc for r in kb.paths.backgrounds if r.soc}
    missing = sorted(named - set(wages.release.occupations))
    if missing:
        return [Problem(release_file, f"SOC {missing[0]} is named in {name} but not in the extract; re-run the import")]
    return []


@dataclass(frozen=True)
class Summary:
    sections: int
    items: int
    figures: int
    sources: int
    citations: int
    estimates: int = 0  # rows in the wage extract
    release: str | None = None  # the extract's release, "May 2025"


def validate(path: Path) -> Summary:
    """Check a knowledge base, raising a DataError with every problem found; always reads the YAML."""
    return summarize(_load_text(read_text(path), str(path), _wages_raw(path), every=True))


def _raw_citation_problems(data: Any, text: str, name: str) -> list[Problem]:
    """Citations of unknown sources in a document that did not fit the schema (validate only)."""
    if not isinstance(data, dict) or not isinstance(data.get("sources"), list):
        return []
    known = {s["id"] for s in data["sources"] if isinstance(s, dict) and isinstance(s.get("id"), str)}
    found: list[tuple[str, list[str | int]]] = []
    stack: list[tuple[Any, list[str | int]]] = [(v, [k]) for k, v in data.items() if k != "sources"]
    while stack:
        node, path = stack.pop()
        if isinstance(node, dict):
            cited = node.get("sources")
            if isinstance(cited, list):
                found += [
                    (f"cites unknown source '{sid}'", [*path, "sources", j])
                    for j, sid in enumerate(cited)
                    if isinstance(sid, str) and sid not in known
                ]
            stack += [(v, [*path, k]) for k, v in node.items() if k != "sources"]
        elif isinstance(node, list):
            stack += [(v, [*path, i]) for i, v in enumerate(node)]
    found.sort(key=lambda problem: str(problem[1]))
    return _problems(text, name, found)


def summarize(kb: KnowledgeBase) -> Summary:
    items = figures = citations = 0
    for path, record in iter_records(msgspec.structs.replace(kb, wages=None)):
        cited = getattr(record, "sources", None)
        if cited is not None and path[:1] != ["sources"]:
            items += 1
            citations += len(cited)
        figures += len(figure_fields(record))
    sections = len(KnowledgeBase.__struct_fields__) - 3  # less schema_version, sources and the wage extract
    if kb.wages is None:
        return Summary(sections, items, figures, len(kb.sources), citations)
    release = kb.wages.release.release
    return Summary(sections, items, figures, len(kb.sources), citations, len(kb.wages.rows), release)


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
