"""A problem found in a parsed document, located: the file, the line, the key path."""

from __future__ import annotations

from ..errors import Problem
from .dialect import line_of, node_tree
from .keypath import format_path

# A problem as the checks find it: the message and the key path ("sources", 3, "id").
Found = tuple[str, list[str | int]]


def located(text: str, name: str, found: list[Found]) -> list[Problem]:
    """The problems with their lines (the node tree is composed only when there is one)."""
    tree = node_tree(text) if found else None
    return [Problem(name, message, format_path(path), line_of(tree, path)) for message, path in found]
