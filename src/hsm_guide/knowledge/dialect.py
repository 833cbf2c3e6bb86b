"""The strict YAML dialect of a knowledge base: one document of plain data, no duplicate keys,
limited depth and size (aliases counted as expanded). yaml is imported only inside functions:
a command served from the cache never parses.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..errors import DataError, Problem
from ..limits import MAX_DEPTH, MAX_VALUES

if TYPE_CHECKING:
    import yaml


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


def _too_deep(name: str, line: int | None = None) -> DataError:
    return DataError([Problem(name, f"the YAML is nested too deeply (the limit is {MAX_DEPTH} levels)", line=line)])


def parse_yaml(text: str, name: str) -> Any:
    import yaml

    try:
        data = _parse_safely(text)
    except RecursionError:
        raise _too_deep(name) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        if "nesting depth" in str(exc.problem):  # libyaml stops far deeper than the guide's own limit
            raise _too_deep(name, line) from None
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
            raise _too_deep(name)
        children = list(node.values()) if isinstance(node, dict) else node
        if children_done:
            total = 1 + sum(sizes.get(id(c), 1) for c in children)
            if total > MAX_VALUES:
                raise DataError([Problem(name, f"the YAML expands to more than {MAX_VALUES:,} values (aliases?)")])
            sizes[id(node)] = total
        else:
            stack.append((node, depth, True))
            stack.extend((c, depth + 1, False) for c in children)


def node_tree(text: str) -> Any:
    """The YAML node tree, which keeps line numbers; composed once per failure."""
    import yaml

    try:
        return yaml.compose(text, Loader=_loader())
    except (yaml.YAMLError, RecursionError):
        return None


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
