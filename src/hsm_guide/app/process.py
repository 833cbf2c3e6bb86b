"""Process policy: one-line errors, exit statuses, signals and a reader that leaves.

Exit statuses: 0 success, 1 a data or file problem, 2 a usage problem (unknown command,
year or certification), 128 + the signal's number when interrupted: 130 for Ctrl-C
(SIGINT), 129 for SIGHUP, 143 for SIGTERM. The three signals are handled alike: an
exception unwinds the run, so a file being written loses its temporary file (files.py),
the pager ends on its own and the terminal is restored (app/pager.py).
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import typer

from ..errors import GuideError
from ..writer import OutputFailed, ReaderLeft

if TYPE_CHECKING:
    from ..environment import Environment

SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))


def err(message: str, env: Environment | None = None) -> None:
    from ..render.layout import clean

    # One line whatever the data held: control characters and line breaks shown escaped.
    one_line = clean(message).replace("\n", "\\n").replace("\t", " ")
    stream = env.stderr if env is not None else sys.stderr
    try:
        if stream is not None:
            stream.write(f"hsm-guide: {one_line}\n")
            stream.flush()
    except (OSError, ValueError):  # stderr gone too: the exit status still says it
        pass


class Interrupted(BaseException):
    """SIGINT, SIGTERM or SIGHUP, raised past Click (which would print "Aborted!" and exit 1)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def status(self) -> int:
        return 128 + self.signum


@contextmanager
def guard(env: Environment | None = None) -> Iterator[None]:
    """Turn the project's errors into one line and an exit status."""
    try:
        yield
    except typer.Exit:
        raise
    except ReaderLeft:  # the reader (head, less) has gone: stop quietly
        raise typer.Exit(0) from None
    except OutputFailed as exc:
        err(str(exc), env)
        raise typer.Exit(1) from None
    except GuideError as exc:
        err(str(exc), env)
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt:  # raised by a library that installs its own SIGINT handler
        raise typer.Exit(130) from None
    except Exception as exc:  # a bug in hsm-guide: still one line, never a traceback
        if (env.environ if env is not None else os.environ).get("HSM_GUIDE_DEBUG"):
            raise
        err(f"internal error: {type(exc).__name__}: {exc} (set HSM_GUIDE_DEBUG=1 to see the traceback)", env)
        raise typer.Exit(1) from None


# The signals this run received. An exception raised in a handler can land where Python only
# reports it and goes on (a weakref callback inside the import system, a __del__): the run then
# still ends with the signal's status, and Python's "Exception ignored" report is left out.
RECEIVED: list[int] = []


def _interrupted(signum: int, frame: object) -> None:
    RECEIVED.append(signum)
    raise Interrupted(signum)


def _unraisable(hook: Any) -> None:
    if not isinstance(hook.exc_value, Interrupted):
        sys.__unraisablehook__(hook)


def handle_signals() -> None:
    """SIGINT, SIGTERM and SIGHUP raise Interrupted; a signal the caller ignores (nohup) stays ignored."""
    sys.unraisablehook = _unraisable
    for signum in SIGNALS:
        if signal.getsignal(signum) is not signal.SIG_IGN:
            signal.signal(signum, _interrupted)


def run(app: Callable[..., object], env: Environment) -> None:
    """Run the app as the console script under this policy, and exit with its status."""
    from .. import writer

    if env.stdout is None:  # started with stdout closed (>&-): nothing can be shown
        err(writer.STDOUT_CLOSED, env)
        sys.exit(1)
    handle_signals()
    code: int | str | None = 0
    try:
        app(prog_name="hsm-guide", obj=env)
    except Interrupted as exc:
        code = exc.status
    except SystemExit as exc:
        code = exc.code
        if code == 1 and isinstance(sys.stdout, typer._click.utils.PacifyFlushWrapper):
            code = 0  # Click's mark that the reader closed the pipe (help, version): not a failure
    except OSError as exc:  # Click writing help or a usage error failed (a full disk, say)
        err(writer.failure(exc), env)
        code = 1
    failed = writer.finish(env)
    if failed is not None:
        err(failed, env)
        code = 1
    if RECEIVED and code != 128 + RECEIVED[0]:  # the interrupt was swallowed on its way: still say so
        code = 128 + RECEIVED[0]
    sys.exit(code)
