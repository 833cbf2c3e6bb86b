"""The honest cards: what the guide does not hold (tuition, rankings, remote work, unions, job
postings...), said plainly with where a reader can look; and, where no card fits, that none does."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .card import Answered, sources_row

if TYPE_CHECKING:
    from ..model import Gap, KnowledgeBase
    from ..sections.builder import Builder
    from .reading import Reading

HOLDS = (
    "It holds pay (national, by state, metro and nonmetro area, and by industry), jobs and the outlook, "
    "what the work involves, education and the routes in, certifications and licensing."
)


def gap(b: Builder, kb: KnowledgeBase, reading: Reading, found: Gap) -> Answered:
    b.heading(f"Answer: {found.answer or 'not in this guide'}")
    b.text(found.text)
    if found.look:
        b.text(found.look, found.sources)
    if found.sources:
        b.facts([sources_row(kb, found.sources)])
    return Answered(frozenset())  # another gap the question names is said under it (answer.py)


def nothing(b: Builder, kb: KnowledgeBase, reading: Reading) -> None:
    b.heading("Answer: no card of this guide fits the question")
    b.text(f"The passages below are the closest the guide holds. {HOLDS}")
