"""A figure of the pay table asked for: "the 90th percentile salary" asks for the figure, "what does
median pay mean" for the glossary's term."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .parts import Part

if TYPE_CHECKING:
    from .lexicon import Lexicon

FIGURES = frozenset({"median", "mean", "percentile"})  # the glossary's terms for figures a pay card shows
PAY, DEFINE = "pay", "mean"  # the synonym groups of pay words and of asking what a word means
ORDINALS = frozenset({"10th", "25th", "75th", "90th"})  # the percentiles BLS publishes


def as_figures(parts: tuple[Part, ...], lower: Sequence[str], lexicon: Lexicon) -> tuple[Part, ...]:
    """The parts, a term for a figure of the pay table asked beside a pay word and not asked to be defined
    read as that figure ('figure')."""
    figures = [p for p in parts if p.kind == "term" and getattr(p.value, "term", None) in FIGURES]
    group = [lexicon.synonyms.get(w, (w,))[0] for w in lower]  # 'average salary', a term's name, is a pay word
    if not figures or not _asks_pay(group, lower) or _asks_meaning(figures, group):
        return parts
    # a figure is scored as the pay group's token, no part (reading._part_tokens)
    return tuple(p._replace(kind="figure") if p in figures else p for p in parts)


def _asks_pay(group: Sequence[str], lower: Sequence[str]) -> bool:
    """A pay word, or a percentile BLS publishes: "the 75th and 90th pct" asks for pay without saying so."""
    return PAY in group or not ORDINALS.isdisjoint(lower)


def _asks_meaning(figures: Sequence[Part], group: Sequence[str]) -> bool:
    """Whether the question asks what a word means, by a word outside the figures' names (the 'mean' of
    'mean salary' asks nothing), or by a one-word figure beside another figure ("...salary mean")."""
    inside = {i for p in figures for i in range(p.start, p.end)}
    alone = {p.start for p in figures if p.end - p.start == 1} if len(figures) > 1 else set()
    return any(g == DEFINE and (i not in inside or i in alone) for i, g in enumerate(group))
