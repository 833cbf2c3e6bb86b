"""The commands: parse options, build the view's documents, hand them to the presenter.

Every page command is made from its entry in the view registry (views/); the
group builds one only when it runs (app/group.py).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from .. import __version__
from ..errors import DataError
from ..export import Format
from .completion import COMPLETERS
from .group import LazyGroup, commands
from .presenter import ForceOption, FormatOption, JsonOption, OutputOption, PagerOption
from .process import err, guard

if TYPE_CHECKING:
    from ..views import Option, View

app = typer.Typer(
    cls=LazyGroup,
    name="hsm-guide",
    help="A career guide to Medical and Health Services Managers (SOC 11-9111), offline and cited.",
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
    add_completion=True,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        print(f"hsm-guide {__version__}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def main_callback(
    ctx: typer.Context,
    data: Annotated[
        Optional[Path],  # noqa: UP045 - Typer reads the annotation at run time
        # readable=False: the loader says why a file cannot be read, in one line, with exit 1
        typer.Option(
            "--data", metavar="PATH", envvar="HSM_GUIDE_DATA", readable=False, help="Read this knowledge base file."
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """A career guide to Medical and Health Services Managers (SOC 11-9111): run with no command for a snapshot."""
    ctx.obj = data
    if ctx.invoked_subcommand is None:
        show(ctx, "snapshot", {})


# -- page commands, made from the registry -------------------------------------------

# What every page command takes besides its view's own options.
OUTPUT_PARAMETERS = (
    ("fmt", FormatOption, None),
    ("output", OutputOption, None),
    ("force", ForceOption, False),
    ("as_json", JsonOption, False),
    ("pager", PagerOption, False),
)


def show(
    ctx: typer.Context,
    name: str,
    values: dict[str, Any],
    fmt: Format | None = None,
    output: str | None = None,
    force: bool = False,
    as_json: bool = False,
    pager: bool = False,
) -> None:
    """Build one view and present it."""
    from ..views import BY_NAME
    from .presenter import destination, knowledge, present

    view = BY_NAME[name]
    with guard():
        if as_json and fmt not in (None, Format.json):
            from ..errors import UsageError

            raise UsageError(f"--json is --format json; leave out --format {fmt}")
        default = Format(view.format)
        destination(fmt, output, pager, default)  # an unknown extension is refused before any work
        kb = knowledge(ctx.obj)
        document = view.build(kb, **values)
        chosen = Format.json if as_json else fmt
        present([document], kb, ctx.obj, chosen, output, force, pager, view.cacheable, default)


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
    output_names = [name for name, _, _ in OUTPUT_PARAMETERS]

    def command(ctx: typer.Context, **values: Any) -> None:
        outputs = {name: values.pop(name) for name in output_names}
        show(ctx, view.name, values, **outputs)

    keyword = inspect.Parameter.KEYWORD_ONLY
    parameters = [inspect.Parameter("ctx", keyword, annotation=typer.Context)]
    parameters += [
        inspect.Parameter(o.name, keyword, default=o.default, annotation=_annotation(o)) for o in view.options
    ]
    parameters += [inspect.Parameter(n, keyword, default=d, annotation=a) for n, a, d in OUTPUT_PARAMETERS]
    command.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    command.__annotations__ = {p.name: p.annotation for p in parameters}
    command.__name__ = view.name
    return command


# -- the other commands ---------------------------------------------------------------


@commands.command(
    help="Write several views as one document or file.",
    epilog='Example: hsm-guide export pay education certifications -o handout.html; "path --from nurse" is one view',
)
def export(
    ctx: typer.Context,
    views: Annotated[
        list[str],
        typer.Argument(
            metavar="VIEW...",
            autocompletion=COMPLETERS["export"],
            help='View names, all (every section), or a view with its options in quotes: "pay --area OH".',
        ),
    ],
    fmt: Annotated[
        Optional[Format],  # noqa: UP045
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            case_sensitive=False,
            help="markdown, json, html, svg or terminal (default: from -o's extension, else markdown).",
        ),
    ] = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    from .exporting import documents, parse
    from .presenter import destination, knowledge, present

    with guard():
        destination(fmt, output, False, Format.markdown)  # an unknown extension, then a misspelled view, first
        chosen = parse(views)
        kb = knowledge(ctx.obj)
        docs = documents(kb, chosen)
        cacheable = all(view.cacheable for view, _ in chosen)
        present(docs, kb, ctx.obj, fmt, output, force, cacheable=cacheable, default=Format.markdown)


@commands.command(
    help="Check a knowledge base file and summarize it.",
    epilog="Example: hsm-guide validate data/occupation.yaml",
)
def validate(
    ctx: typer.Context,
    file: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Argument(metavar="[FILE]", readable=False, help="The file to check (default: the one in use)."),
    ] = None,
) -> None:
    from ..knowledge import resolve_data_path
    from ..knowledge import validate as check

    path = file or resolve_data_path(ctx.obj)
    with guard():
        try:
            s = check(path)
        except DataError as exc:
            for problem in exc.problems:
                err(str(problem))
            count = len(exc.problems)
            err(f"{path}: {count} problem{'s' if count != 1 else ''} found")
            raise typer.Exit(1) from None
    extract = f"; wage extract: {s.estimates:,} estimates ({s.release})" if s.release else "; no wage extract"
    states = f"; state table: {s.states} of the 51 (the 50 states and DC)" if s.states else "; no state table"
    print(
        f"{path}: valid: {s.sections} sections, {s.items} items, {s.figures} figures, "
        f"{s.sources} sources, {s.citations} citations{extract}{states}"
    )


@commands.command(
    "cache",
    help="Show the cache folder (path) or empty it (clear).",
    epilog="Example: hsm-guide cache clear",
)
def cache_command(
    action: Annotated[str, typer.Argument(metavar="path|clear", help="path: print the folder; clear: empty it.")],
) -> None:
    from .cache_commands import run

    with guard():
        run(action)


def main() -> None:
    """Console-script entry point: the app under the process policy (app/process.py)."""
    from .process import run

    run(app)
