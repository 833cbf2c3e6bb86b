"""--pager: the page in $PAGER (else less), readable whatever LESS says, and the terminal left as it was.

less shows escape codes as raw text unless it runs with -R, so it gets -R added to LESS and
the colored page; any other pager gets plain text. Without a terminal on both ends there is
nothing to page: the page is printed. The pager owns the terminal while it runs: Ctrl-C is
the pager's (it stops a search; q quits), so the guide waits for it to end rather than
killing it, as pydoc and git do. SIGTERM or SIGHUP is passed on to the pager, which then
restores the terminal itself; the guide waits for it, puts back the terminal settings it
found, and only then ends with the signal's status.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import signal
import subprocess
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..environment import Environment


def pager_command(env: Environment) -> str | None:
    """$MANPAGER or $PAGER as pydoc reads them, else less if installed; None for none."""
    chosen = env.environ.get("MANPAGER") or env.environ.get("PAGER")
    if chosen:
        return chosen
    return "less" if shutil.which("less", path=env.environ.get("PATH")) else None


def less_environment(command: str, environ: dict[str, str]) -> dict[str, str] | None:
    """The environment for the pager: LESS with -R added when the pager is less; None when it is not less."""
    try:
        program = os.path.basename(shlex.split(command)[0])
    except (ValueError, IndexError):
        return None
    if program != "less":
        return None
    env = dict(environ)
    current = env.get("LESS", "").strip()
    if "R" not in current.split("--")[0] and "r" not in current.split("--")[0]:
        env["LESS"] = f"{current} -R".strip() if current.startswith("-") or not current else f"-{current} -R"
    return env


def page(env: Environment, plain: str, colored: str) -> None:
    """Show the text in the pager; print it when there is no terminal or no pager."""
    from .. import writer

    command = pager_command(env)
    if command is None or not (env.stdin_isatty and env.stdout_isatty):
        writer.write(env, writer.encode(env, plain))
        return
    less = less_environment(command, dict(env.environ))
    text = colored if less is not None else plain
    try:
        run_pager(command, writer.encode(env, text), less or dict(env.environ), terminal_fd(env))
    except OSError:  # the pager could not be started
        writer.write(env, writer.encode(env, plain))


def terminal_fd(env: Environment) -> int | None:
    try:
        return env.stdin.fileno() if env.stdin is not None else None
    except (OSError, ValueError, AttributeError):
        return None


def run_pager(command: str, data: bytes, environ: dict[str, str], tty: int | None) -> None:
    """Feed `data` to the pager and wait for it to end on its own; put back the terminal's settings."""
    from .process import Interrupted

    saved = _terminal_settings(tty)
    pending: Interrupted | None = None
    proc = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=environ)
    try:
        assert proc.stdin is not None
        try:
            proc.stdin.write(data)
            proc.stdin.close()
        except BrokenPipeError:  # the reader quit before reading it all
            pass
        except Interrupted as exc:  # stop feeding; the pager decides what Ctrl-C means
            pending = _pass_on(proc, exc)
            _close(proc.stdin)
        while True:
            try:
                proc.wait()
                break
            except Interrupted as exc:
                pending = _pass_on(proc, exc) or pending
    finally:
        _restore(tty, saved)
    if pending is not None:
        raise pending


def _pass_on(proc: subprocess.Popen[bytes], exc: Any) -> Any:
    """Ctrl-C is the pager's to handle; SIGTERM or SIGHUP is passed on, and re-raised once it has ended."""
    if exc.signum == signal.SIGINT:
        return None
    with contextlib.suppress(OSError):  # it has ended already
        proc.send_signal(exc.signum)
    return exc


def _close(stream: Any) -> None:
    with contextlib.suppress(OSError, ValueError):
        stream.close()


def _terminal_settings(tty: int | None) -> list[Any] | None:
    if tty is None:
        return None
    try:
        import termios

        return termios.tcgetattr(tty)
    except Exception:  # no termios (Windows), or not a terminal after all (termios.error)
        return None


def _restore(tty: int | None, saved: list[Any] | None) -> None:
    if tty is None or saved is None:
        return
    try:
        import termios

        termios.tcsetattr(tty, termios.TCSADRAIN, saved)
    except Exception:  # termios.error: the terminal went away
        pass
