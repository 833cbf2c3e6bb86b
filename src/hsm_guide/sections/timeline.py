"""STUB (questions branch): how long a route in takes.

The glossary branch adds the real `timeline(kb, background_key) -> Timeline` (durations per
step, cited, and a total range such as "about 6 to 9 years from high school"). This stub
has the same signature and fields so that `search` can answer "how long does it take" on
this branch; the lead replaces this file with the glossary branch's at the merge.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import UsageError
from ..model import KnowledgeBase


@dataclass(frozen=True)
class Timeline:
    rows: list[tuple[str, str]]  # (step, how long)
    low_years: float | None
    high_years: float | None
    phrase: str  # the total in words
    sources: list[str]


def timeline(kb: KnowledgeBase, background_key: str) -> Timeline:
    """A placeholder built from the route's steps: no durations yet (see the module's note)."""
    route = next((r for r in kb.paths.backgrounds if r.key == background_key), None)
    if route is None:
        raise UsageError(f"no route from '{background_key}'")
    rows = [(step.text, "varies") for step in route.steps]
    sources = list(dict.fromkeys(s for step in route.steps for s in step.sources))
    return Timeline(rows, None, None, f"{len(rows)} steps; how many years each takes is in the route", sources)
