"""The project's own errors: each one reaches the user as one line, never a traceback."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a knowledge base, located as precisely as we can."""

    file: str
    message: str
    path: str = ""  # key path such as pay.by_industry[2].median
    line: int | None = None  # 1-based

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
