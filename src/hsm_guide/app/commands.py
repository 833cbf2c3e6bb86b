"""The app and the commands that are not views: export, validate, cache.

Every page command is made from its entry in the view registry (views/) by
app/viewcommand.py; the group builds one only when it runs (app/group.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from .. import __version__
from ..errors import DataError
from ..render.formats import Format
from .completion import COMPLETERS
from .group import LazyGroup, commands
from .options import ForceOption, JsonOption, Output, OutputOption, PagerOption, format_option
from .process import err, guard
from .viewcommand import show

if TYPE_CHECKING:
    from ..environment import Environment

app = typer.Typer(
    cls=LazyGroup,
    name="hsm-guide",
    help="A career guide to Medical and Health Services Managers (SOC 11-9111), offline and cited.",
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
    add_completion=True,
    pretty_exceptions_enable=False,
)


def _version(ctx: typer.Context, value: bool) -> None:
    if value:
        from .. import writer

        with guard(ctx.obj):
            writer.line(ctx.obj, f"hsm-guide {__version__}")
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
    env: Environment = ctx.obj
    env.data = str(data) if data is not None else None
    if ctx.invoked_subcommand is None:
        show(ctx, "snapshot", {})


ExportFormatOption = Annotated[Optional[Format], format_option(Format.markdown)]  # noqa: UP045


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
    fmt: ExportFormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    as_json: JsonOption = False,
    pager: PagerOption = False,
) -> None:
    from .exporting import documents, parse
    from .presenter import knowledge, present

    chosen = Output(fmt, output, force, as_json, pager, default=Format.markdown)
    with guard(ctx.obj):
        chosen.format()  # an unknown extension, then a misspelled view, first
        views_chosen = parse(views)
        kb = knowledge(ctx.obj)
        docs = documents(kb, views_chosen, ctx.obj)
        present(docs, kb, ctx.obj, chosen, cacheable=all(view.cacheable for view, _ in views_chosen))


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
    from .. import writer
    from ..knowledge import validate as check
    from .presenter import data_path

    env: Environment = ctx.obj
    path = file or data_path(env)
    with guard(env):
        try:
            s = check(path)
        except DataError as exc:
            for problem in exc.problems:
                err(str(problem), env)
            count = len(exc.problems)
            err(f"{path}: {count} problem{'s' if count != 1 else ''} found", env)
            raise typer.Exit(1) from None
        extract = f"; wage extract: {s.estimates:,} estimates ({s.release})" if s.release else "; no wage extract"
        states = f"; state table: {s.states} of the 51 (the 50 states and DC)" if s.states else "; no state table"
        writer.line(
            env,
            f"{path}: valid: {s.sections} sections, {s.items} items, {s.figures} figures, "
            f"{s.sources} sources, {s.citations} citations{extract}{states}",
        )


@commands.command(
    "cache",
    help="Show the cache folder (path) or empty it (clear).",
    epilog="Example: hsm-guide cache clear",
)
def cache_command(
    ctx: typer.Context,
    action: Annotated[str, typer.Argument(metavar="path|clear", help="path: print the folder; clear: empty it.")],
) -> None:
    from .cache_commands import run

    with guard(ctx.obj):
        run(ctx.obj, action)


def main() -> None:
    """Console-script entry point for an in-process caller: the app under the process policy (app/process.py)."""
    from ..environment import Environment
    from .process import run

    run(app, Environment.from_process())
