"""The output options every page command and `export` share: --format, -o, --force, --json, --pager.

Defined once; a command whose output defaults to another format (export: Markdown) gets the
same options with its own default named in the help.
"""

from __future__ import annotations

from typing import Annotated, Any, NamedTuple, Optional

import typer

from ..errors import UsageError
from ..render.formats import Format


def format_option(default: Format) -> Any:
    """--format, naming the command's own default in its help."""
    return typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        case_sensitive=False,
        help=f"terminal, markdown, json, html or svg (default: from -o's extension, else {default}).",
    )


FormatOption = Annotated[Optional[Format], format_option(Format.terminal)]  # noqa: UP045 - Typer reads it at run time


OutputOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--output", "-o", metavar="FILE", help="Write to FILE (-: standard output)."),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Overwrite FILE if it exists.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON (the same as --format json).")]
PagerOption = Annotated[bool, typer.Option("--pager", help="Show the output in a pager ($PAGER).")]


def output_parameters(default: Format) -> tuple[tuple[str, Any, Any], ...]:
    """(name, annotation, default) of each output option, in the order --help lists them."""
    return (
        ("fmt", Annotated[Optional[Format], format_option(default)], None),  # noqa: UP045
        ("output", OutputOption, None),
        ("force", ForceOption, False),
        ("as_json", JsonOption, False),
        ("pager", PagerOption, False),
    )


OUTPUT_NAMES = ("fmt", "output", "force", "as_json", "pager")


class Output(NamedTuple):
    """Where and how a command's documents go, as its output options said."""

    fmt: Format | None = None
    output: str | None = None
    force: bool = False
    as_json: bool = False
    pager: bool = False
    default: Format = Format.terminal

    def format(self) -> Format:
        """The format to render, refusing a bad combination before any work (an unknown extension,
        --json with another --format, --pager with -o)."""
        from ..render.formats import choose

        if self.as_json and self.fmt not in (None, Format.json):
            raise UsageError(f"--json is --format json; leave out --format {self.fmt}")
        chosen = choose(Format.json if self.as_json else self.fmt, self.output, self.default)
        if self.pager and self.to_file:
            raise UsageError("--pager shows the page on screen; leave it out when writing a file with -o")
        return chosen

    @property
    def to_file(self) -> bool:
        return self.output is not None and self.output != "-"
