"""Pages to bytes in each format (the one dispatch to the renderers), written safely.

A file is written through files.replace (a temporary file in the same folder,
renamed into place), so an interrupted or failed export never leaves a partial
file, and the temporary file is removed on any failure.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import GuideError, UsageError
from .sections import BY_NAME, SECTIONS, guide_meta

if TYPE_CHECKING:
    from .blocks import Document
    from .model import KnowledgeBase

# Imports that only an export needs happen inside the functions: this module
# is imported by every command, for the Format choices in the CLI signature.


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


def choose_format(explicit: Format | None, output: str | None, default: Format = Format.markdown) -> Format:
    """--format wins; else the output file's extension (an unknown one is refused); else `default`
    (standard output, or a name with no extension)."""
    if explicit is not None:
        return explicit
    suffix = Path(output).suffix.lower() if output and output != "-" else ""
    if not suffix:
        return default
    if suffix not in EXTENSIONS:
        raise UsageError(
            f"{output}: unknown extension '{suffix}'; name the file .md, .json, .html, .svg or .txt "
            f"(or choose --format {'|'.join(Format)})"
        )
    return EXTENSIONS[suffix]


def resolve_sections(names: Sequence[str]) -> list[str]:
    """Section names in the order given, `all` standing for every section in order."""
    from .suggest import hint

    chosen: list[str] = []
    for name in names:
        key = name.strip().lower()
        if key == "all":
            chosen += [s.name for s in SECTIONS]
        elif key in BY_NAME:
            chosen.append(key)
        else:
            valid = [s.name for s in SECTIONS]
            raise UsageError(f"unknown section '{name}'{hint(key, valid)} (valid: all, {', '.join(valid)})")
    return list(dict.fromkeys(chosen))


def render(kb: KnowledgeBase, names: Sequence[str], fmt: Format) -> bytes:
    """Sections by name in one format (what `export SECTION...` wrote before views had options)."""
    return render_documents(kb, [BY_NAME[name].build(kb) for name in resolve_sections(names)], fmt)


def render_documents(kb: KnowledgeBase, docs: Sequence[Document], fmt: Format, width: int = 80) -> bytes:
    """Documents in one format, as bytes to write: the one dispatch from format to renderer."""
    title, data_line = guide_meta(kb, docs)
    if fmt is Format.terminal:  # written to a file: plain text, no escape codes
        import io

        from rich.console import Console

        from .render.terminal import render_text

        plain = Console(file=io.StringIO(), width=width, color_system=None, highlight=False, markup=False, emoji=False)
        return render_text(plain, docs).encode("utf-8")
    if fmt is Format.json:
        from .render.json import render as to_json

        return to_json(docs).encode("utf-8")
    if fmt is Format.svg:
        from .render.svg import render as to_svg

        return to_svg(docs, title, data_line).encode("utf-8")
    if fmt is Format.html:
        from .render.html import render as to_html
        from .sections import data_years

        return to_html(docs, title, data_line, data_years(kb, docs)).encode("utf-8")
    from .render.markdown import render as to_markdown

    return to_markdown(docs, title, data_line).encode("utf-8")


def write(data: bytes, output: str | None, force: bool) -> None:
    if output is None or output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    write_file(Path(output), data, force)


def write_file(path: Path, data: bytes, force: bool) -> None:
    """Write all of `data` to `path` or nothing (files.replace: temporary file, fsync, rename)."""
    named = path
    if path.is_symlink():  # write the file it points to, and keep the link
        path = path.resolve()
    folder = path.parent
    if path.is_dir():
        raise GuideError(f"{named}: is a folder; name a file to write")
    if path.exists() and not path.is_file():  # a device or FIFO must not be replaced by a file
        raise GuideError(f"{named}: not a regular file; export writes files only (use -o - for standard output)")
    if path.exists() and not force:
        raise GuideError(f"{named}: already exists; use --force to overwrite it")
    if not folder.exists():
        raise GuideError(f"{path}: the folder {folder} does not exist")
    if not folder.is_dir():
        raise GuideError(f"{path}: {folder} is not a folder")
    from . import files

    try:
        files.replace(path, data, mode=_mode_for(path), durable=True)
    except OSError as exc:
        raise GuideError(f"{path}: {_reason(exc)}; nothing was written") from None


def _mode_for(path: Path) -> int:
    """Keep an overwritten file's permissions; a new file gets the usual 0666 less umask."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _reason(exc: OSError) -> str:
    import errno

    reasons = {
        errno.ENOSPC: "the disk is full",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.EROFS: "the file system is read-only",
        errno.EDQUOT: "over the disk quota",
    }
    return reasons.get(exc.errno or 0, exc.strerror or str(exc))
