"""The lazy command group: a command is built into Click only when it runs.

Typer would otherwise inspect every command's signature on each start (about
15 ms of a command's 150). The view commands come from the registry
(views/__init__.py, made by app/viewcommand.py); the others (export, validate,
cache) are registered on `commands` by app/commands.py. The root context's object is
the run's Environment: the console script passes it, a test may pass its own, and
otherwise it is read from the process here, once.
"""

from __future__ import annotations

from typing import Any

import typer
from typer.core import TyperGroup

commands = typer.Typer()

GLOBAL_VALUE_OPTIONS = ("--data",)  # the group's options that take a value


def hoist_global_options(args: list[str]) -> list[str]:
    """`duties --data F` reads as `--data F duties`; nothing after `--` moves."""
    front: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest += args[i:]
            break
        if arg in GLOBAL_VALUE_OPTIONS and i + 1 < len(args):
            front += args[i : i + 2]
            i += 2
            continue
        if arg.startswith(tuple(f"{o}=" for o in GLOBAL_VALUE_OPTIONS)):
            front.append(arg)
        else:
            rest.append(arg)
        i += 1
    return front + rest


def command_names() -> list[str]:
    """Every subcommand, in the order `--help` lists them: the registry's views, then the others."""
    from ..views import VIEWS

    return [v.name for v in VIEWS if v.command] + list(_others())


def _others() -> dict[str, Any]:
    return {
        info.name or typer.main.get_command_name(info.callback.__name__): info
        for info in commands.registered_commands
        if info.callback is not None
    }


def command_info(name: str) -> Any:
    """The Typer registration of one command, made from its view when it is one; None if unknown."""
    from ..views import BY_NAME

    view = BY_NAME.get(name)
    if view is not None and view.command:
        from .viewcommand import view_command

        return typer.models.CommandInfo(
            name=view.name, callback=view_command(view), help=view.help, epilog=f"Example: {view.example}"
        )
    return _others().get(name)


def click_command(name: str) -> Any:
    """The Click command for `name` (built now), or None."""
    info = command_info(name)
    if info is None:
        return None
    return typer.main.get_command_from_info(info, pretty_exceptions_short=True, rich_markup_mode=None)


class LazyGroup(TyperGroup):
    def list_commands(self, ctx: Any) -> list[str]:
        return command_names()

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in self.commands:
            built = click_command(cmd_name)
            if built is None:
                return None
            self.commands[cmd_name] = built
        return self.commands[cmd_name]

    def make_context(self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any) -> Any:
        from ..environment import Environment

        if parent is None and not isinstance(extra.get("obj"), Environment):
            extra["obj"] = Environment.from_process()
        env: Environment = extra["obj"] if parent is None else parent.obj
        # Click never wraps help below 50 columns; use the real width (at most 80; 80 when it reports none).
        extra.setdefault("terminal_width", min(env.width, 80))
        return super().make_context(info_name, args, parent=parent, **extra)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        # Global options work after the command too (`hsm-guide duties --data FILE`): move them first.
        return super().parse_args(ctx, hoist_global_options(args))

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        try:
            return super().resolve_command(ctx, args)
        except typer._click.exceptions.UsageError as error:
            # Typer suggests from the commands built so far; here that is none of them.
            from ..suggest import close

            matches = close(args[0], command_names(), n=3) if args else []
            if matches and "Did you mean" not in error.message:
                error.message = f"{error.message.rstrip('.')}. Did you mean {', '.join(map(repr, matches))}?"
            raise
