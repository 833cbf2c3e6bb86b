"""Process policy: one-line errors, exit statuses, Ctrl-C and a reader that leaves.

Exit statuses: 0 success, 1 a data or file problem, 2 a usage problem
(unknown command, year or certification), 130 interrupted.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import typer

from ..errors import GuideError


def err(message: str) -> None:
    from ..render.terminal import clean

    # One line whatever the data held: control characters and line breaks shown escaped.
    one_line = clean(message).replace("\n", "\\n").replace("\t", " ")
    sys.stderr.write(f"hsm-guide: {one_line}\n")


@contextmanager
def guard() -> Iterator[None]:
    """Turn the project's errors and Ctrl-C into one line and an exit status."""
    try:
        yield
    except typer.Exit:
        raise
    except GuideError as exc:
        err(str(exc))
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt:
        raise typer.Exit(130) from None
    except BrokenPipeError:
        # The reader (head, less) has gone: stop quietly, and keep Python's own
        # flush at exit from complaining about the closed pipe.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(0) from None
    except OSError as exc:  # reading and exporting report their own; what is left is the output itself
        err(f"cannot write to standard output: {exc.strerror or exc}")
        raise typer.Exit(1) from None
    except Exception as exc:  # a bug in hsm-guide: still one line, never a traceback
        if os.environ.get("HSM_GUIDE_DEBUG"):
            raise
        err(f"internal error: {type(exc).__name__}: {exc} (set HSM_GUIDE_DEBUG=1 to see the traceback)")
        raise typer.Exit(1) from None


class Interrupted(BaseException):
    """Ctrl-C, raised past Click, which would otherwise print "Aborted!" and exit 1."""


def _interrupted(signum: int, frame: object) -> None:
    raise Interrupted


def _final_flush() -> int | None:
    """Flush stdout; the exit status a failure calls for, else None."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:  # the reader left before the last bytes went out
        pass
    except OSError as exc:
        err(f"cannot write to standard output: {exc.strerror or exc}")
        return 1
    except ValueError:  # stdout already closed
        pass
    return None


def run(app: Callable[..., object]) -> None:
    """Run the app as the console script: exit 130 on Ctrl-C anywhere, quietly when stdout goes away."""
    import signal

    if sys.stdout is None:  # started with stdout closed (>&-): nothing can be shown
        err("standard output is closed; nothing to write to")
        sys.exit(1)
    signal.signal(signal.SIGINT, _interrupted)
    code: int | str | None = 0
    try:
        app(prog_name="hsm-guide")
    except Interrupted:
        code = 130
    except SystemExit as exc:
        code = exc.code
        if code == 1 and isinstance(sys.stdout, typer._click.utils.PacifyFlushWrapper):
            code = 0  # Click's mark that the reader closed the pipe (help, version): not a failure
    except OSError as exc:  # writing help or the version failed (a full disk, say)
        err(f"cannot write to standard output: {exc.strerror or exc}")
        code = 1
    failed = _final_flush()
    code = failed if failed is not None else code
    with contextlib.suppress(OSError, ValueError):  # keep Python's own final flush quiet
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    sys.exit(code)
