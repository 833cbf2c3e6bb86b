"""Occupations a question names that the wage extract does not hold (nurse practitioners, teachers):
a card says so first, plainly, and what it shows instead; never another occupation's figures as if
they were the ones asked for."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import KnowledgeBase
    from ..sections.builder import Builder
    from .reading import Reading


def names(reading: Reading) -> list[str]:
    return [o.name for o in reading.every("unheld")]


def joined(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" and {items[-1]}"


def said(b: Builder, kb: KnowledgeBase, reading: Reading, instead: str) -> bool:
    """The card's heading: that the guide has no figures for the occupations named, then what the card
    shows instead (`instead`); False, and nothing written, where the question names none."""
    found = names(reading)
    held = kb.questions.unheld if kb.questions else None
    if not found or held is None:
        return False
    b.heading(f"Answer: the guide has no figures for {joined(found)}")
    b.text(f"Shown instead: {instead}. {held.look}", held.sources)
    return True
