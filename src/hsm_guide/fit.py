"""`hsm-guide fit`: a short reflection questionnaire, scored per area.

The statements, the areas and what each score means live in the knowledge
base; this module only asks, checks answers and adds up.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING

from .blocks import Document, Entry
from .errors import GuideError, UsageError
from .model import FitArea, KnowledgeBase
from .sections.builder import Builder

if TYPE_CHECKING:
    from .environment import Environment

# Standard input is read line by line within these bounds, whatever it is: an answer is one
# character, so a longer line, or this much input without the answers, is not a list of them
# (`fit </dev/zero`, `yes '' | hsm-guide fit`), and is refused rather than read to its end.
MAX_LINE = 1024
MAX_INPUT = 64 * 1024


@dataclass(frozen=True)
class Score:
    area: FitArea
    value: float  # 1 to 5
    band: str  # high, mixed or low

    @property
    def meaning(self) -> str:
        return {"high": self.area.high, "mixed": self.area.mixed, "low": self.area.low}[self.band]


def scores(kb: KnowledgeBase, answers: Sequence[int]) -> list[Score]:
    """Each area's mean answer, reverse statements turned round (6 - answer)."""
    by_area: dict[str, list[int]] = {}
    for statement, answer in zip(kb.fit.statements, answers, strict=True):
        by_area.setdefault(statement.area, []).append(6 - answer if statement.reverse else answer)
    result = []
    for area in kb.fit.areas:
        values = by_area.get(area.key)
        if values:
            mean = sum(values) / len(values)
            band = "high" if mean >= 3.5 else "low" if mean <= 2.5 else "mixed"
            result.append(Score(area, round(mean, 2), band))
    return result


def parse_answer(text: str) -> int | None:
    text = text.strip()
    return int(text) if text in ("1", "2", "3", "4", "5") else None


def answers_from_option(text: str, count: int) -> list[int]:
    parts = [p for p in text.replace(" ", "").split(",") if p]
    return _checked(parts, count, "answer")


class Lines:
    """Lines of text from a binary stream (standard input), each at most MAX_LINE bytes and
    MAX_INPUT in all; bytes that are not UTF-8 read as replacement characters."""

    def __init__(self, stream: IO[bytes] | None) -> None:
        if stream is None:
            raise UsageError("standard input is closed; give the answers with --answers")
        self.stream = stream
        self.read = 0
        self.number = 0

    def next(self) -> str | None:
        """The next line, or None at the end of the input."""
        if self.read >= MAX_INPUT:
            raise UsageError(f"no answers in the first {MAX_INPUT:,} bytes of input; give one answer per line")
        try:
            line = self.stream.readline(MAX_LINE + 1)
        except (OSError, ValueError):  # not readable (closed, a folder)
            raise UsageError("standard input cannot be read; give the answers with --answers") from None
        self.read += len(line)
        self.number += 1
        if len(line) > MAX_LINE:
            raise UsageError(f"line {self.number} is longer than {MAX_LINE:,} bytes; give one answer per line")
        return line.decode("utf-8", "replace") if line else None


def answers_from_lines(stream: IO[bytes] | None, count: int) -> list[int]:
    """Answers piped in one per line, blank lines skipped; reading stops at the last statement's
    answer, so an endless source (`yes 3 | hsm-guide fit`) is never read to its end."""
    lines = Lines(stream)
    parts: list[str] = []
    while len(parts) < count and (line := lines.next()) is not None:
        if line.strip():
            parts.append(line.strip())
    return _checked(parts, count, "line")


def _checked(parts: list[str], count: int, what: str) -> list[int]:
    for n, part in enumerate(parts, 1):
        if parse_answer(part) is None:
            raise UsageError(f"{what} {n}: '{part[:40]}' is not a whole number from 1 to 5")
    if len(parts) != count:
        raise UsageError(f"expected {count} answers, one per statement, got {len(parts)}")
    return [int(p) for p in parts]


def ask(kb: KnowledgeBase, env: Environment) -> list[int]:
    """Ask each statement at the terminal, asking again until the answer is 1 to 5.

    Prompts go to stderr so that stdout carries only the result.
    """
    import io
    import textwrap

    lines = Lines(env.stdin)
    out = env.stderr if env.stderr is not None else io.StringIO()  # stderr closed: ask anyway
    width = max(20, min(env.width, 100) - 1)
    fit = kb.fit
    total = len(fit.statements)
    out.write(f"{textwrap.fill(fit.disclaimer, width)}\n\nAnswer each statement from 1 to 5:\n")
    for n, label in enumerate(fit.scale, 1):
        out.write(f"  {n} = {label}\n")
    try:
        answers = []
        bar = max(5, min(20, width - 12))
        for i, statement in enumerate(fit.statements, 1):
            done = round(bar * (i - 1) / total)
            out.write(f"\n[{'#' * done}{'.' * (bar - done)}] {i}/{total}\n{textwrap.fill(statement.text, width)}\n")
            while True:
                out.write("Your answer (1-5): ")
                out.flush()
                line = lines.next()
                if line is None:
                    raise GuideError("stopped before the last statement; nothing was scored")
                answer = parse_answer(line)
                if answer is not None:
                    answers.append(answer)
                    break
                out.write("Please answer with a whole number from 1 to 5.\n")
    except BaseException as exc:
        if not isinstance(exc, Exception):  # Ctrl-C: the shell's prompt starts on a line of its own
            out.write("\n")
            out.flush()
        raise
    out.write("\n")
    return answers


def summary(results: Sequence[Score]) -> str:
    """One sentence over all areas: how many point toward this career, how many are mixed or against."""
    toward = [s.area.name.lower() for s in results if s.band == "high"]
    mixed = sum(1 for s in results if s.band == "mixed")
    against = sum(1 for s in results if s.band == "low")
    lead = f"{len(toward)} of {len(results)} areas point toward this career"
    lead += f" ({', '.join(toward)})" if toward else ""
    verdict = (
        "on balance, a good match worth exploring"
        if len(toward) > against + mixed / 2
        else "on balance, a poor match: read what each area means before deciding"
        if against > len(toward) + mixed / 2
        else "a mixed picture: read what each area means"
    )
    return f"Overall: {lead}; {mixed} mixed, {against} against: {verdict}."


def _section_named(command: str) -> str:
    """'hsm-guide interests' in words: 'Interests'."""
    name = command.removeprefix("hsm-guide").strip().split(" ")[0]
    return name[:1].upper() + name[1:]


def result(kb: KnowledgeBase, answers: Sequence[int]) -> Document:
    """The scores, what they mean and where to read more, as a section document."""
    b = Builder(kb, "fit", "Is this career for you?")
    b.note(kb.fit.disclaimer)
    results = scores(kb, answers)
    b.text(summary(results))
    b.heading("Your scores (1 = not at all like me, 5 = very like me)")
    b.bars(
        [(s.area.name, s.value, s.band) for s in results],
        "number",
        ("Area", "Score", "What it means"),
        caption="Each bar on the same 1-5 scale: a full bar is 5",
        sources=[i for s in results for i in s.area.sources],
        maximum=5,
    )
    b.entries(
        "What they mean for this career",
        [
            Entry(
                s.meaning,
                tuple(s.area.sources),
                f"{s.area.name} ({s.band})",
                detail=f"Read more: {s.area.read_more}",
                paper=f"Read more in the guide's {_section_named(s.area.read_more)} section.",
            )
            for s in results
        ],
    )
    scale = kb.fit.scale
    b.entries(
        "Your answers",
        [
            Entry(f"{st.text} {a} ({scale[a - 1].lower()})", tuple(st.sources))
            for st, a in zip(kb.fit.statements, answers, strict=True)
        ],
        ordered=True,
    )
    return b.document()
