"""Shell completion from the knowledge base in use (--data counts); never fails loudly."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from ..model import KnowledgeBase


def _completion_kb(ctx: typer.Context) -> KnowledgeBase | None:
    from ..environment import Environment
    from .presenter import knowledge

    try:  # the callback that stores --data does not run while completing: read the parsed value
        env = Environment.from_process()
        data = ctx.find_root().params.get("data")
        env.data = str(data) if data is not None else None
        return knowledge(env)
    except Exception:  # a broken file just means no suggestions
        return None


def _complete(values: Callable[[KnowledgeBase], list[str]]) -> Callable[[typer.Context, str], list[str]]:
    def complete(ctx: typer.Context, incomplete: str) -> list[str]:
        kb = _completion_kb(ctx)
        if kb is None:
            return []
        return [v for v in values(kb) if v.lower().startswith(incomplete.lower())]

    return complete


def _pay_years(kb: KnowledgeBase) -> list[str]:
    from ..sections.pay.editions import pay_years

    return [str(y) for y in pay_years(kb)]


def _area_words(kb: KnowledgeBase) -> list[str]:
    """Postal codes, state names and metro names, for completing --area."""
    if kb.wages is None:
        return []
    from ..wages.areas import area_words
    from ..wages.lookup import wage_data

    return area_words(wage_data(kb).area_list)


def _state_codes(kb: KnowledgeBase) -> list[str]:
    from ..licensing.table import of

    found = of(kb)
    return sorted(found.states) if found else []


def _section_names(kb: KnowledgeBase) -> list[str]:
    from ..views import SECTION_NAMES

    return list(SECTION_NAMES)


def _export_names(kb: KnowledgeBase) -> list[str]:
    from ..views import VIEWS

    return ["all"] + [v.name for v in VIEWS]


COMPLETERS: dict[str, Callable[[typer.Context, str], list[str]]] = {
    "sections": _complete(_section_names),
    "export": _complete(_export_names),
    "codes": _complete(lambda kb: [c.code for c in kb.certifications.credentials]),
    "backgrounds": _complete(lambda kb: [b.key for b in kb.paths.backgrounds]),
    "settings": _complete(lambda kb: [s.key for s in kb.paths.settings]),
    "terms": _complete(lambda kb: [t.term for t in kb.glossary]),
    "years": _complete(_pay_years),
    "areas": _complete(_area_words),
    "states": _complete(_state_codes),
}
