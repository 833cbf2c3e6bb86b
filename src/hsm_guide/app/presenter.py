"""The one presenter: documents, format and destination (stdout, pager or file).

Every page command hands its documents here. Terminal text to stdout is
stored in the output cache for the warm path (warm.py); other formats, pager
output, files and errors never are.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from ..export import Format

if TYPE_CHECKING:
    from rich.console import Console

    from ..blocks import Document
    from ..model import KnowledgeBase

FALLBACK_WIDTH = 80  # a terminal that reports no width (COLUMNS=0, a 0x0 pty)

FormatOption = Annotated[
    Optional[Format],  # noqa: UP045 - Typer reads the annotation at run time
    typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        case_sensitive=False,
        help="terminal, markdown, json, html or svg (default: from -o's extension, else terminal).",
    ),
]
OutputOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--output", "-o", metavar="FILE", help="Write to FILE (-: standard output)."),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Overwrite FILE if it exists.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON (the same as --format json).")]
PagerOption = Annotated[bool, typer.Option("--pager", help="Show the output in a pager ($PAGER).")]


def knowledge(data: Path | None) -> KnowledgeBase:
    """The knowledge base --data names, else $HSM_GUIDE_DATA's, else the packaged one."""
    from ..knowledge import load_cached, resolve_data_path

    return load_cached(resolve_data_path(data))


def terminal_width() -> int:
    import shutil

    return shutil.get_terminal_size().columns or FALLBACK_WIDTH


def console() -> Console:
    """The console for page text: ASCII-only when the locale is C or POSIX; 80 columns when none are reported.

    Python reads a C locale as UTF-8 (PEP 538/540), but a terminal set to C may show
    nothing but ASCII; UTF-8 mode switched on by the locale, rather than by the user
    (PYTHONUTF8 or -X utf8), is how that shows.
    """
    from rich.console import Console

    by_locale = sys.flags.utf8_mode and os.environ.get("PYTHONUTF8") != "1" and "utf8" not in sys._xoptions
    if by_locale and sys.stdout is not None and hasattr(sys.stdout, "buffer"):
        import io

        ascii_out = io.TextIOWrapper(sys.stdout.buffer, encoding="ascii", errors="replace", write_through=True)
        found = Console(file=ascii_out, highlight=False, markup=False, emoji=False)
    else:
        found = Console(highlight=False, markup=False, emoji=False)
    if found.width <= 0:
        found.width = FALLBACK_WIDTH
    return found


def destination(fmt: Format | None, output: str | None, pager: bool, default: Format = Format.terminal) -> Format:
    """The format to render, refusing a bad destination before any work (an unknown extension, --pager with -o)."""
    from ..errors import UsageError
    from ..export import choose_format

    chosen = choose_format(fmt, output, default)
    if pager and output is not None and output != "-":
        raise UsageError("--pager shows the page on screen; leave it out when writing a file with -o")
    return chosen


def present(
    docs: Sequence[Document],
    kb: KnowledgeBase,
    data: Path | None,
    fmt: Format | None = None,
    output: str | None = None,
    force: bool = False,
    pager: bool = False,
    cacheable: bool = True,
    default: Format = Format.terminal,
) -> None:
    """Render `docs` in the chosen format and send them where they were asked to go."""
    from ..export import render_documents, write

    chosen = destination(fmt, output, pager, default)
    if output is not None and output != "-":
        write(render_documents(kb, docs, chosen), output, force)
    elif chosen is Format.terminal:
        _terminal(docs, data, pager, cacheable)
    else:
        text = render_documents(kb, docs, chosen).decode("utf-8")
        if pager:
            from .pager import page

            page(text, text)
            return
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()


def _terminal(docs: Sequence[Document], data: Path | None, pager: bool, cacheable: bool) -> None:
    from ..render.terminal import render_text

    shown = console()
    if pager:
        from .pager import page, plain_and_colored

        page(*plain_and_colored(shown, docs))
        return
    text = render_text(shown, docs)
    if cacheable:
        _store(data, text, getattr(shown.file, "encoding", None))
    shown.file.write(text)
    shown.file.flush()


def _store(data: Path | None, text: str, encoding: str | None) -> None:
    """Keep what stdout shows for the warm path to print next time (see cache/pages.py; a write
    also sweeps the temporary files killed runs left)."""
    from ..cache import pages
    from ..location import resolve_data_path

    pages.save(resolve_data_path(data), text, encoding)
