"""--pager: the page in $PAGER (else less), readable whatever LESS says.

less shows escape codes as raw text unless it runs with -R, so it gets -R added
to LESS and the colored page; any other pager gets plain text. Without a
terminal on both ends there is nothing to page: the page is printed.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

    from ..blocks import Document


def plain_and_colored(shown: Console, docs: Sequence[Document]) -> tuple[str, str]:
    """The page without any escape codes, and as the terminal would color it."""
    import io

    from rich.console import Console

    from ..render.terminal import render_text

    def rendered(color: bool) -> str:
        console = Console(
            file=io.StringIO(),
            width=shown.width,
            force_terminal=color,
            color_system="auto" if color else None,
            no_color=shown.no_color,
            highlight=False,
            markup=False,
            emoji=False,
        )
        return render_text(console, docs)

    plain = rendered(False)
    return plain, (rendered(True) if shown.is_terminal and shown.color_system else plain)


def pager_command() -> str | None:
    """$MANPAGER or $PAGER as pydoc reads them, else less if installed; None for none."""
    chosen = os.environ.get("MANPAGER") or os.environ.get("PAGER")
    if chosen:
        return chosen
    return "less" if shutil.which("less") else None


def less_environment(command: str) -> dict[str, str] | None:
    """The environment for the pager: LESS with -R added when the pager is less; None when it is not less."""
    try:
        program = os.path.basename(shlex.split(command)[0])
    except (ValueError, IndexError):
        return None
    if program != "less":
        return None
    env = dict(os.environ)
    current = env.get("LESS", "").strip()
    if "R" not in current.split("--")[0] and "r" not in current.split("--")[0]:
        env["LESS"] = f"{current} -R".strip() if current.startswith("-") or not current else f"-{current} -R"
    return env


def page(plain: str, colored: str) -> None:
    """Show the text in the pager; print it when there is no terminal or no pager."""
    command = pager_command()
    if command is None or not (sys.stdin.isatty() and sys.stdout.isatty()):
        sys.stdout.write(plain)
        sys.stdout.flush()
        return
    env = less_environment(command)
    text = colored if env is not None else plain
    try:
        subprocess.run(command, shell=True, input=text.encode("utf-8", "replace"), env=env, check=False)
    except OSError:
        sys.stdout.write(plain)
        sys.stdout.flush()
