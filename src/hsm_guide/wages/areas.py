"""Placeholder until the areas branch lands."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, NamedTuple

from ..errors import UsageError

AreaKind = Literal["national", "state", "metro", "nonmetro"]


class Area(NamedTuple):
    code: str
    name: str
    kind: AreaKind
    state: str


def candidates(query: str, areas: Sequence[Area]) -> list[Area]:
    q = query.strip().lower()
    exact = [a for a in areas if a.kind == "state" and (a.state.lower() == q or a.name.lower() == q)]
    return exact or [a for a in areas if q and q in a.name.lower()]


def find_area(query: str, areas: Sequence[Area]) -> Area:
    found = candidates(query, areas)
    if len(found) != 1:
        raise UsageError(f"no single area matches '{query[:40]}'")
    return found[0]
