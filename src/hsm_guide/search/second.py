"""The second thing a question asks ("how much do they make in chicago and how long does it take"),
answered in brief under the first card: the clause's own card, cut to its first rows and its sources,
as much as fits on the first screen with the card above it. Where not even its first row fits, or the
clause's card cannot answer, a note names the command instead (never dropped silently)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..blocks import Bullets, Document, Facts, Heading, Note

if TYPE_CHECKING:
    from ..blocks import Block

# Lines from a card's Answer heading to the brief's last line, at WIDTH columns: the card keeps within 25,
# and a second answer's figures in a few lines more (still within a 50-row terminal's first screen with
# the question above it) serve a reader better than a line naming its page.
SCREEN = 30
WIDTH = 100
ROWS = 3  # a brief card's rows (a facts table's) or entries (a list's), its sources row aside
LEAD = "Answer: "
HEADING = "You also asked: "


def fitted(card: list[Block], above: list[Block], command: str) -> list[Block]:
    """The blocks of a card (as its function wrote them) in brief, to follow the blocks `above` (the
    first card with its notes and Read on line) on the first screen; nothing when not even one row fits."""
    for rows in range(ROWS, 0, -1):
        blocks = _cut(card, rows, command)
        if blocks and _lines([*above, *blocks]) <= SCREEN:
            return blocks
    return []


def _cut(blocks: list[Block], rows: int, command: str) -> list[Block]:
    """The card in one note: its heading, the first `rows` rows of its first list or facts (a facts
    table's sources row kept), and where to read on; nothing when the card opens otherwise."""
    heading = blocks[0] if blocks and isinstance(blocks[0], Heading) else None
    body = next((x for x in blocks[1:] if isinstance(x, (Facts, Bullets))), None)
    if heading is None or body is None or not heading.text.startswith(LEAD):
        return []
    said = _said(body, rows)
    title = heading.text.removeprefix(LEAD)
    return [Note(f"{HEADING}{title[:1].upper()}{title[1:]}. " + "; ".join(said) + f". Read on: hsm-guide {command}")]


def _said(body: Facts | Bullets, rows: int) -> list[str]:
    """The first `rows` rows of a facts table, then its sources rows; or the first `rows` entries of a list."""
    if isinstance(body, Bullets):
        return [e.text.rstrip(".") for e in body.entries[:rows]]
    kept = [r for r in body.rows if not r.label.startswith("Source")][:rows]
    cited = [r for r in body.rows if r.label.startswith("Source")]
    return [f"{r.label}: {r.value.rstrip('.')}" for r in kept] + [f"{r.label.lower()}: {r.value}" for r in cited]


def _lines(blocks: list[Block]) -> int:
    """How many lines the blocks take at WIDTH columns, as the terminal prints them."""
    from ..render.terminal import plain_text

    return len(plain_text([Document("search", "", tuple(blocks))], WIDTH).strip("\n").splitlines())
