"""A section as the terminal draws it, recorded by Rich as an SVG picture."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence

from ..blocks import Document


def render(docs: Sequence[Document], title: str, width: int = 80) -> str:
    from rich._export_format import CONSOLE_SVG_FORMAT
    from rich.console import Console

    from .terminal import print_documents

    console = Console(
        record=True,
        width=width,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        no_color=False,
        highlight=False,
        markup=False,
        emoji=False,
        legacy_windows=False,
    )
    print_documents(console, docs)
    # Rich's template fetches its font from a CDN; keep the local font and the
    # monospace fallback so the picture never reaches out to the network.
    offline = re.sub(r',\s*url\("[^"]*"\) format\("[^"]*"\)', "", CONSOLE_SVG_FORMAT)
    return console.export_svg(title=title, code_format=offline)
