"""`export VIEW...`: several views, each with its own options, as one document.

A view with options is one quoted argument (`export "path --from nurse"`),
parsed by that view's own command, so an export accepts exactly what the
command does and reports the same errors.
"""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..errors import UsageError

if TYPE_CHECKING:
    from ..blocks import Document
    from ..environment import Environment
    from ..model import KnowledgeBase
    from ..views import View

Chosen = list[tuple["View", dict[str, Any]]]


def parse(arguments: Sequence[str]) -> Chosen:
    """Each argument as a view and its option values, in the order given; `all` is every section."""
    from ..views import BY_NAME, SECTION_NAMES

    chosen: Chosen = []
    for argument in arguments:
        try:
            words = shlex.split(argument)
        except ValueError as exc:
            raise UsageError(f"cannot read '{argument}': {exc}") from None
        name = words[0].lower() if words else ""
        if name == "all" and len(words) == 1:
            chosen += [(BY_NAME[n], {}) for n in SECTION_NAMES]
        elif name in BY_NAME:
            chosen.append((BY_NAME[name], _values(name, words[1:], argument)))
        else:
            raise UsageError(_unknown(argument, name))
    unique: dict[str, tuple[View, dict[str, Any]]] = {}
    for view, values in chosen:  # a view asked for twice with the same options is shown once
        unique.setdefault(f"{view.name} {sorted(values.items())!r}", (view, values))
    return list(unique.values())


def _unknown(argument: str, name: str) -> str:
    from ..suggest import hint
    from ..views import VIEWS

    valid = [v.name for v in VIEWS]
    return f"unknown section '{argument}'{hint(name, valid)} (valid: all, {', '.join(valid)})"


def _values(name: str, words: list[str], argument: str) -> dict[str, Any]:
    """The view's option values, read by its own command's parser; output options belong to export."""
    if not words:
        return {}
    from typer import _click as click

    from .group import click_command
    from .options import OUTPUT_NAMES

    command = click_command(name)
    try:
        context = command.make_context(name, list(words))
    except click.ClickException as exc:
        raise UsageError(f"'{argument}': {exc.format_message()}") from None
    values = dict(context.params)
    if any(values.get(key) not in (None, False) for key in OUTPUT_NAMES):
        raise UsageError(f"'{argument}': give --format and -o to export itself, once for the whole document")
    return {key: value for key, value in values.items() if key not in OUTPUT_NAMES}


def documents(kb: KnowledgeBase, chosen: Chosen, env: Environment | None = None) -> list[Document]:
    return [view.build(kb, env, **values) for view, values in chosen]
