"""The Typer app, as the console script and the tests import it (the shell lives in app/)."""

from __future__ import annotations

from .app.commands import app, main
from .app.group import command_names, hoist_global_options

__all__ = ["app", "command_names", "hoist_global_options", "main"]
