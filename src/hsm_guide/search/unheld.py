"""Occupations a question names that the wage extract does not hold (nurse practitioners, teachers):
a card says so first, plainly, and what it shows instead; never another occupation's figures as if
they were the ones asked for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..words import listed

if TYPE_CHECKING:
    from ..model import KnowledgeBase
    from ..sections.builder import Builder
    from .reading import Reading


def names(reading: Reading) -> list[str]:
    return [o.name for o in reading.every("unheld")]


def asker(reading: Reading) -> bool:
    """Whether the occupations named that the extract does not hold are who asks, not what is asked of:
    each named in the singular ("a teacher in Denver, what would I make", "teacher 15 yrs"), where a
    question of their pay names them in the plural ("how much do teachers make")."""
    found = [p for p in reading.parts if p.kind == "unheld"]
    return bool(found) and not any(reading.lower[p.end - 1].endswith("s") for p in found)


def said(b: Builder, kb: KnowledgeBase, reading: Reading, instead: str) -> bool:
    """The card's heading: that the guide has no figures for the occupations named, then what the card
    shows instead (`instead`); where they are who asks, the card's own heading (`instead`) with that said
    under it. False, and nothing written, where the question names none."""
    found = names(reading)
    held = kb.questions.unheld if kb.questions else None
    if not found or held is None:
        return False
    if asker(reading):
        b.heading(f"Answer: {instead}")
        b.text(f"The guide has no figures for {listed(found)}. {held.look}", held.sources)
        return True
    b.heading(f"Answer: the guide has no figures for {listed(found)}")
    b.text(f"Shown instead: {instead}. {held.look}", held.sources)
    return True
