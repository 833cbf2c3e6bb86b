"""Standard output's one writer (httpie's `write_stream` is the model).

Everything the guide prints to stdout goes out here as bytes: a page encoded once in the
stream's encoding (what the terminal shows is what the output cache keeps, byte for byte), a
document in UTF-8, a line of text. A reader that leaves (`| head`) ends the run quietly with
status 0; any other failure is one line naming standard output, with status 1. Imports only
os: the warm path writes through it before anything else loads.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing

if TYPE_CHECKING:
    from .environment import Environment

STDOUT_FAILED = "cannot write to standard output"
STDOUT_CLOSED = "standard output is closed; nothing to write to"


class ReaderLeft(Exception):
    """The reader closed the pipe: stop writing, exit 0, say nothing."""


class OutputFailed(Exception):
    """Standard output could not be written (a full disk, a closed stream): one line, exit 1."""


def encode(env: Environment, text: str) -> bytes:
    """A page in stdout's encoding, in one piece (so a UTF-16 stream gets one byte-order mark);
    a character the encoding lacks becomes '?', never an error."""
    return text.encode(env.encoding, "replace")


def write(env: Environment, data: bytes | memoryview) -> None:
    """Write all of `data` to stdout and flush: ReaderLeft when the reader has gone, OutputFailed
    for any other failure."""
    if env.stdout is None:
        raise OutputFailed(STDOUT_CLOSED)
    try:
        if env.text_stdout is not None:
            env.text_stdout.flush()  # what the framework wrote comes first
        env.stdout.write(data)
        env.stdout.flush()
    except BrokenPipeError:
        quiet(env)
        raise ReaderLeft from None
    except (OSError, ValueError) as exc:
        raise OutputFailed(failure(exc)) from None


def line(env: Environment, text: str) -> None:
    """One line of text (a version, a folder, a summary)."""
    write(env, encode(env, text + "\n"))


def failure(exc: BaseException) -> str:
    """The one message for a stdout that could not be written."""
    if isinstance(exc, ValueError):  # written to after it was closed
        return STDOUT_CLOSED
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return f"{STDOUT_FAILED}: {reason}"


def quiet(env: Environment) -> None:
    """Point stdout at /dev/null, so nothing later (Python's own flush at exit) complains of the pipe."""
    stream = env.stdout
    try:
        fd = stream.fileno() if stream is not None else 1
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, fd)
        os.close(null)
    except (OSError, ValueError, AttributeError):  # not a real file (a test's buffer): nothing to quiet
        pass


def finish(env: Environment) -> str | None:
    """Flush what the framework left in stdout's text layer at the end of a run, then quiet the stream;
    the failure's message, or None."""
    message = None
    try:
        if env.text_stdout is not None:
            env.text_stdout.flush()
    except BrokenPipeError:  # the reader left before the last bytes went out
        pass
    except OSError as exc:
        message = failure(exc)
    except ValueError:  # already closed
        pass
    quiet(env)
    return message
