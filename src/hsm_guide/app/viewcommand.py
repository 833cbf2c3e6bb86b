"""A view's command: its options as Typer reads a signature, then the view built and presented.

The lazy group (app/group.py) makes a command of a view only when it runs; `show` is also
how the group's own callback prints the snapshot card.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from ..render.formats import Format
from .completion import COMPLETERS
from .options import OUTPUT_NAMES, Output, output_parameters
from .process import guard

if TYPE_CHECKING:
    from ..views import Option, View


def show(ctx: typer.Context, name: str, values: dict[str, Any], output: Output | None = None) -> None:
    """Build one view and present it."""
    from ..views import BY_NAME
    from .presenter import knowledge, present

    view = BY_NAME[name]
    output = output or Output()
    with guard(ctx.obj):
        output.format()  # an unknown extension or a bad combination is refused before any work
        env = ctx.obj
        kb = knowledge(env)
        document = view.build(kb, env, **values)
        present([document], kb, env, output, view.cacheable)


def _annotation(option: Option) -> Any:
    """The Typer annotation of one view option."""
    complete = COMPLETERS.get(option.complete or "")
    if option.kind == "words":
        return Annotated[list[str], typer.Argument(metavar=option.metavar, autocompletion=complete, help=option.help)]
    if option.kind == "argument":
        return Annotated[
            Optional[str],  # noqa: UP045
            typer.Argument(metavar=option.metavar, autocompletion=complete, help=option.help),
        ]
    if option.kind == "flag":
        return Annotated[bool, typer.Option(*option.flags, help=option.help)]
    kind: Any = Optional[str]  # noqa: UP045
    if option.kind == "int":
        kind = int if option.default is not None else Optional[int]  # noqa: UP045
    return Annotated[
        kind,
        typer.Option(
            *option.flags, metavar=option.metavar, autocompletion=complete, min=option.minimum, help=option.help
        ),
    ]


def view_command(view: View) -> Callable[..., None]:
    """The command function of a view: its options, then the output options, as Typer reads a signature."""

    default = Format(view.format)  # a page to print (the handout) is HTML unless told otherwise

    def command(ctx: typer.Context, **values: Any) -> None:
        outputs = {name: values.pop(name) for name in OUTPUT_NAMES}
        show(ctx, view.name, values, Output(**outputs, default=default))

    keyword = inspect.Parameter.KEYWORD_ONLY
    parameters = [inspect.Parameter("ctx", keyword, annotation=typer.Context)]
    parameters += [
        inspect.Parameter(o.name, keyword, default=o.default, annotation=_annotation(o)) for o in view.options
    ]
    parameters += [inspect.Parameter(n, keyword, default=d, annotation=a) for n, a, d in output_parameters(default)]
    command.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    command.__annotations__ = {p.name: p.annotation for p in parameters}
    command.__name__ = view.name
    return command
