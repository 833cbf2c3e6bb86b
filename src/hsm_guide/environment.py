"""The one environment a run sees, decided once at entry (httpie's `Environment` is the model).

Streams, whether each is a terminal, stdout's encoding, whether to draw ASCII only, the width,
the environment variables and the cache folder are read here and nowhere else; everything
downstream (the warm path, the presenter, the pager, `fit`) takes them from an Environment.
Tests build one with the facts they need instead of patching the process. This module imports
only os and sys: the warm path builds one before anything else loads.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (about 5 ms)
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import IO, Any

    from .cache.prepared import Prepared

APP = "hsm-guide"
CACHE_VAR = "HSM_GUIDE_CACHE_DIR"
DISABLE_VAR = "HSM_GUIDE_NO_CACHE"
DATA_VAR = "HSM_GUIDE_DATA"
FALLBACK_WIDTH, FALLBACK_HEIGHT = 80, 25  # a terminal that reports no size (COLUMNS=0, a 0x0 pty), as Rich does


class Environment:
    """What a run reads from its process. Every field can be given; the rest come from the process.

    stdin, stdout: binary streams, None when closed (`<&-`, `>&-`); stderr: a text stream.
    width, height: COLUMNS and LINES when they are numbers, else the first terminal among
    stdin, stdout and stderr (Rich's rule), else 80x25 (a dumb terminal is always 80x25).
    ascii_only: draw rules, boxes and bullets in ASCII: stdout's encoding is not a UTF one, or
    Python chose UTF-8 only because the locale is C or POSIX (PEP 538/540), where a terminal
    may show nothing but ASCII.
    """

    __slots__ = (
        "ascii_only",
        "cache_folder",
        "caching",
        "code_stamp",
        "data",
        "encoding",
        "environ",
        "height",
        "stderr",
        "stdin",
        "stdin_isatty",
        "stdout",
        "stdout_isatty",
        "text_stdout",
        "warm",
        "width",
    )

    def __init__(
        self,
        *,
        stdin: IO[bytes] | None = None,
        stdout: IO[bytes] | None = None,
        stderr: IO[str] | None = None,
        stdin_isatty: bool = False,
        stdout_isatty: bool = False,
        encoding: str = "utf-8",
        ascii_only: bool = False,
        width: int = FALLBACK_WIDTH,
        height: int = FALLBACK_HEIGHT,
        environ: Mapping[str, str] | None = None,
        cache_folder: str | None = None,
        caching: bool = True,
        code_stamp: tuple[object, ...] | None = None,
        text_stdout: IO[str] | None = None,
    ) -> None:
        self.stdin = stdin
        self.stdout = stdout
        self.stderr = stderr
        self.stdin_isatty = stdin_isatty
        self.stdout_isatty = stdout_isatty
        self.encoding = encoding
        self.ascii_only = ascii_only
        self.width = width
        self.height = height
        self.environ: Mapping[str, str] = environ if environ is not None else {}
        self.cache_folder = cache_folder  # None: no absolute folder to use (no HOME)
        self.caching = caching and cache_folder is not None  # False: $HSM_GUIDE_NO_CACHE, or no folder
        self.code_stamp = code_stamp  # None: taken from the files when first needed (cache/stamp.py)
        self.text_stdout = text_stdout  # the text layer over stdout, flushed before bytes go out
        self.data: str | None = None  # --data, once the command line is read
        self.warm: Prepared | None = (
            None  # what the warm path read for its key (cache/prepared.Prepared), handed to the loader
        )

    @classmethod
    def from_process(cls) -> Environment:
        environ = dict(os.environ)
        out = sys.stdout
        width, height = _size(environ, is_terminal(environ, _isatty(out)))
        return cls(
            stdin=getattr(sys.stdin, "buffer", None),
            stdout=getattr(out, "buffer", None),
            stderr=sys.stderr,
            stdin_isatty=_isatty(sys.stdin),
            stdout_isatty=_isatty(out),
            encoding=(getattr(out, "encoding", None) or "utf-8").lower(),
            ascii_only=_ascii_only(out, environ),
            width=width,
            height=height,
            environ=environ,
            cache_folder=cache_folder(environ),
            caching=environ.get(DISABLE_VAR, "") in ("", "0"),
            text_stdout=out,
        )

    def facts(self) -> tuple[object, ...]:
        """Everything here that shapes a page, for the output cache's key."""
        return (self.stdout_isatty, self.encoding, self.ascii_only, self.width, self.height)


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream is not None and stream.isatty())
    except (AttributeError, ValueError, OSError):  # closed, or not a real stream
        return False


def is_terminal(environ: Mapping[str, str], isatty: bool) -> bool:
    """Whether stdout takes escape codes, as Rich decides it: TTY_COMPATIBLE, then FORCE_COLOR, then isatty."""
    compatible = environ.get("TTY_COMPATIBLE", "")
    if compatible in ("0", "1"):
        return compatible == "1"
    forced = environ.get("FORCE_COLOR")
    return forced != "" if forced is not None else isatty


def _size(environ: Mapping[str, str], terminal: bool) -> tuple[int, int]:
    if terminal and environ.get("TERM", "").strip().lower() in ("dumb", "unknown"):
        return FALLBACK_WIDTH, FALLBACK_HEIGHT
    width = height = 0
    for fd in (0, 1, 2):
        try:
            width, height = os.get_terminal_size(fd)
        except (OSError, ValueError):
            continue
        break
    columns, lines = environ.get("COLUMNS", ""), environ.get("LINES", "")
    width = int(columns) if columns.isdigit() else width
    height = int(lines) if lines.isdigit() else height
    return width or FALLBACK_WIDTH, height or FALLBACK_HEIGHT


def _ascii_only(out: Any, environ: Mapping[str, str]) -> bool:
    encoding = (getattr(out, "encoding", None) or "utf-8").lower().replace("-", "").replace("_", "")
    if not encoding.startswith("utf"):
        return True
    by_locale = sys.flags.utf8_mode and environ.get("PYTHONUTF8") != "1" and "utf8" not in sys._xoptions
    return bool(by_locale)


def cache_folder(environ: Mapping[str, str]) -> str | None:
    """The user cache folder, as platformdirs names it (checked against platformdirs by the tests).

    $HSM_GUIDE_CACHE_DIR wins; else the platform's convention: ~/Library/Caches/hsm-guide on macOS,
    %LOCALAPPDATA%\\hsm-guide\\Cache on Windows, $XDG_CACHE_HOME/hsm-guide or ~/.cache/hsm-guide elsewhere.
    None when there is no absolute base to build on (no HOME): guessing could share a folder.
    """
    chosen = environ.get(CACHE_VAR, "")
    if chosen:
        return chosen if os.path.isabs(chosen) else None
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        base = environ.get("LOCALAPPDATA", "")
        return os.path.join(base, APP, "Cache") if os.path.isabs(base) else None
    home = environ.get("HOME", "")
    if sys.platform == "darwin":  # pragma: no cover - exercised on macOS only
        return os.path.join(home, "Library", "Caches", APP) if os.path.isabs(home) else None
    xdg = environ.get("XDG_CACHE_HOME", "").strip()
    if os.path.isabs(xdg):
        return os.path.join(xdg, APP)
    return os.path.join(home, ".cache", APP) if os.path.isabs(home) else None
