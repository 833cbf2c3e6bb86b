"""The formats a page can be written in: choosing one, and the one dispatch to the renderers.

Imported by every command (the Format choices are in the CLI signature), so the renderers
are imported inside `render`, by the branch that needs one.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from pathlib import PurePath
from typing import TYPE_CHECKING

from ..errors import UsageError

if TYPE_CHECKING:
    from ..blocks import Document
    from ..model import KnowledgeBase


class Format(StrEnum):
    terminal = "terminal"
    markdown = "markdown"
    json = "json"
    html = "html"
    svg = "svg"


EXTENSIONS = {
    ".md": Format.markdown,
    ".markdown": Format.markdown,
    ".json": Format.json,
    ".html": Format.html,
    ".htm": Format.html,
    ".svg": Format.svg,
    ".txt": Format.terminal,
}


def choose(explicit: Format | None, output: str | None, default: Format) -> Format:
    """--format wins; else the output file's extension (an unknown one is refused); else `default`
    (standard output, or a name with no extension)."""
    if explicit is not None:
        return explicit
    suffix = PurePath(output).suffix.lower() if output and output != "-" else ""
    if not suffix:
        return default
    if suffix not in EXTENSIONS:
        raise UsageError(
            f"{output}: unknown extension '{suffix}'; name the file .md, .json, .html, .svg or .txt "
            f"(or choose --format {'|'.join(Format)})"
        )
    return EXTENSIONS[suffix]


def render(kb: KnowledgeBase, docs: Sequence[Document], fmt: Format, width: int = 80) -> bytes:
    """Documents in one format, as bytes to write: the one dispatch from format to renderer.
    Terminal text here is for a file: plain, no escape codes, `width` columns. Text UTF-8 cannot
    hold (a lone surrogate, from a command-line byte that was not UTF-8) becomes "?"; in JSON, its \\u escape."""
    from ..sections import guide_meta

    title, data_line = guide_meta(kb, docs)
    if fmt is Format.terminal:
        from .terminal import plain_text

        return plain_text(docs, width).encode("utf-8", "replace")
    if fmt is Format.json:
        from .json import render as to_json

        return to_json(docs).encode("utf-8", "backslashreplace")  # a lone surrogate stays an escape, in a string
    if fmt is Format.svg:
        from .svg import render as to_svg

        return to_svg(docs, title, data_line).encode("utf-8", "replace")
    if fmt is Format.html:
        from ..sections import data_years
        from .html import render as to_html

        return to_html(docs, title, data_line, data_years(kb, docs)).encode("utf-8", "replace")
    from .markdown import render as to_markdown

    return to_markdown(docs, title, data_line).encode("utf-8", "replace")
