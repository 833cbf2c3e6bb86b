"""The strict YAML dialect of a knowledge base: one document of plain data, no duplicate keys (in
block and flow mappings alike) and no merge keys, whole numbers within 19 digits and finite
numbers, limited depth and size (aliases counted as expanded, in values and in text). Every
refusal is one problem naming the file, the line and the key path. yaml is imported only
inside functions: a command served from the cache never parses.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Any

from ..errors import DataError, Problem
from ..limits import MAX_ALIAS_TEXT, MAX_DEPTH, MAX_INTEGER, MAX_VALUES

if TYPE_CHECKING:
    import yaml


_LOADER: Any = None
_MERGE = "tag:yaml.org,2002:merge"


class Refused(Exception):
    """A construct the dialect refuses, at a node of the document."""

    def __init__(self, message: str, mark: Any) -> None:
        super().__init__(message)
        self.message = message
        self.mark = mark


def _loader() -> type[yaml.SafeLoader]:
    """libyaml's safe loader when built (else PyYAML's), with the dialect's refusals.

    YAML itself keeps the last of two equal keys without a word, and a merge key (`<<`)
    lets a later key override an earlier one silently; in a hand-edited file either drops
    a figure, so both are errors here. Equal keys are found by their values, whatever their
    spelling (`{a: 1, 'a': 2}`, `1` and `0x1`), in block and flow mappings alike.
    """
    global _LOADER
    if _LOADER is None:
        import yaml

        base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

        class StrictLoader(base):  # type: ignore[valid-type,misc]
            def construct_mapping(self, node: Any, deep: bool = False) -> Any:
                if isinstance(node, yaml.MappingNode):
                    seen: dict[Any, Any] = {}
                    for key_node, _ in node.value:
                        if key_node.tag == _MERGE:
                            raise Refused("merge keys (<<) are not allowed: write the keys out", key_node.start_mark)
                        key = self.construct_object(key_node, deep=deep)
                        try:
                            first = seen.setdefault(key, key_node)
                        except TypeError:  # unhashable: PyYAML says so below
                            continue
                        if first is not key_node:
                            line = first.start_mark.line + 1
                            raise Refused(
                                f"duplicate key '{key_node.value}' (first at line {line})", key_node.start_mark
                            )
                return super().construct_mapping(node, deep)

            def construct_yaml_int(self, node: Any) -> Any:
                text = str(node.value).replace("_", "").lstrip("+-")
                if len(text) > 24:  # checked before int() is asked to read thousands of digits
                    raise Refused(_too_big(node.value), node.start_mark)
                value = super().construct_yaml_int(node)
                if abs(value) > MAX_INTEGER:
                    raise Refused(_too_big(node.value), node.start_mark)
                return value

            def construct_yaml_float(self, node: Any) -> Any:
                value = super().construct_yaml_float(node)
                if not math.isfinite(value):
                    raise Refused(f"'{str(node.value)[:40]}' is not a finite number", node.start_mark)
                return value

        StrictLoader.add_constructor("tag:yaml.org,2002:int", StrictLoader.construct_yaml_int)
        StrictLoader.add_constructor("tag:yaml.org,2002:float", StrictLoader.construct_yaml_float)
        _LOADER = StrictLoader
    loader: type[yaml.SafeLoader] = _LOADER
    return loader


def _too_big(text: str) -> str:
    shown = _short(str(text))
    return f"the whole number {shown} is too large (at most {len(str(MAX_INTEGER))} digits, either sign)"


def _too_deep(name: str, line: int | None = None) -> DataError:
    return DataError([Problem(name, f"the YAML is nested too deeply (the limit is {MAX_DEPTH} levels)", line=line)])


def parse_yaml(text: str, name: str) -> Any:
    import yaml

    try:
        data = _parse_safely(text)
    except RecursionError:
        raise _too_deep(name) from None
    except Refused as exc:
        raise DataError([_at_mark(text, name, exc.message, exc.mark)]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        if "nesting depth" in str(exc.problem):  # libyaml stops far deeper than the guide's own limit
            raise _too_deep(name, line) from None
        raise DataError([Problem(name, _yaml_message(exc), line=line)]) from None
    except yaml.YAMLError as exc:
        raise DataError([Problem(name, f"YAML error: {exc}")]) from None
    _check_size(data, text, name)
    return data


def _parse_safely(text: str) -> Any:
    """One document, through the safe loader only (what yaml.safe_load does, with our loader)."""
    loader = _loader()(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def _at_mark(text: str, name: str, message: str, mark: Any) -> Problem:
    """A problem at a mark of the document, with the key path that leads there."""
    from .keypath import format_path

    path = path_at(node_tree(text), mark.index)
    return Problem(name, message, format_path(path) if path else "", line=mark.line + 1)


def _yaml_message(exc: Any) -> str:
    """PyYAML's message, in the words of someone editing a knowledge base."""
    what = str(exc.problem or exc.context or "invalid YAML")
    if "found another document" in what:
        return "the file holds more than one YAML document; a knowledge base is one"
    tag = re.search(r"constructor for the tag '([^']*)'", what)
    if tag:
        return f"the YAML tag '{tag.group(1)}' is not allowed: only plain data is read (safe loading)"
    return f"YAML syntax error: {what}"


def _check_size(data: Any, text: str, name: str) -> None:
    """Refuse documents too deep, or too big once aliases are expanded.

    Aliases make shared objects, so a few lines can stand for billions of values or gigabytes
    of text: each object's expanded count of values and of characters is summed once,
    memoised by identity, without expanding anything. The problem names the first (deepest)
    place that goes over.
    """
    text_limit = len(text) + MAX_ALIAS_TEXT
    sizes: dict[int, tuple[int, int]] = {}
    stack: list[tuple[Any, list[str | int], bool]] = [(data, [], False)]
    while stack:
        node, path, children_done = stack.pop()
        if not isinstance(node, (dict, list)) or (id(node) in sizes and not children_done):
            continue
        if len(path) >= MAX_DEPTH:  # the line, not the path: a path 64 levels deep says nothing more
            raise _too_deep(name, line_of(node_tree(text), path))
        items = list(node.items()) if isinstance(node, dict) else list(enumerate(node))
        if children_done:
            values, chars = 1, 0
            for key, child in items:
                count, length = sizes.get(id(child), (1, _length(child)))
                values, chars = values + count, chars + length + (_length(key) if isinstance(node, dict) else 0)
            if values > MAX_VALUES:
                raise _located(text, name, f"the YAML expands to more than {MAX_VALUES:,} values (aliases?)", path)
            if chars > text_limit:
                message = f"aliases repeat too much text: over {MAX_ALIAS_TEXT:,} characters more than the file holds"
                raise _located(text, name, message, path)
            sizes[id(node)] = (values, chars)
        else:
            stack.append((node, path, True))
            stack.extend((child, [*path, key], False) for key, child in items)


def _length(value: Any) -> int:
    return len(value) if isinstance(value, str) else 0


def _located(text: str, name: str, message: str, path: list[str | int]) -> DataError:
    from .keypath import format_path

    return DataError([Problem(name, message, format_path(path), line_of(node_tree(text), path))])


def node_tree(text: str) -> Any:
    """The YAML node tree, which keeps line numbers; composed once per failure."""
    import yaml

    try:
        return yaml.compose(text, Loader=_loader())
    except (yaml.YAMLError, RecursionError):
        return None


def path_at(tree: Any, index: int) -> list[str | int]:
    """The key path to the innermost node (or mapping key) that starts at character `index` of the document."""
    import yaml

    best: list[str | int] = []
    seen: set[int] = set()
    stack: list[tuple[Any, list[str | int]]] = [(tree, [])] if tree is not None else []
    while stack:
        node, path = stack.pop()
        if id(node) in seen:  # an alias: the same node again
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            pairs = [(str(key.value), key, value) for key, value in node.value]
            children = [(value, [*path, _short(label)], key) for label, key, value in pairs]
        elif isinstance(node, yaml.SequenceNode):
            children = [(item, [*path, i], None) for i, item in enumerate(node.value)]
        else:
            continue
        for child, where, key in children:
            starts = child.start_mark.index == index or (key is not None and key.start_mark.index == index)
            if starts and len(where) > len(best):
                best = where
            stack.append((child, where))
    return best


def _short(label: str) -> str:
    return label if len(label) <= 40 else label[:40] + "..."


def line_of(tree: Any, path: list[str | int]) -> int | None:
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
