"""The project's own errors: each one reaches the user as one line, never a traceback."""

from __future__ import annotations


class Problem:
    """One thing wrong with a knowledge base, located as precisely as we can.

    A plain class: every command imports this module, and a dataclass costs
    about a millisecond to define.
    """

    __slots__ = ("file", "line", "message", "path")

    def __init__(self, file: str, message: str, path: str = "", line: int | None = None) -> None:
        self.file = file
        self.message = message
        self.path = path  # key path such as pay.by_industry[2].median
        self.line = line  # 1-based

    def _key(self) -> tuple[str, str, str, int | None]:
        return (self.file, self.message, self.path, self.line)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Problem) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"Problem({self.file!r}, {self.message!r}, {self.path!r}, {self.line!r})"

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


class GuideError(Exception):
    """An error the CLI prints as one line and turns into an exit status."""

    exit_code = 1


class UsageError(GuideError):
    """Bad arguments (an unknown year, an unknown certification): exit 2."""

    exit_code = 2


class DataError(GuideError):
    """A knowledge base that cannot be read or does not fit the schema."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(str(problems[0]))
