"""The state licensing card: one state's row of the nursing home administrator table, in short."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .card import SOURCES_NAMED, Answered

if TYPE_CHECKING:
    from ..model import Card, KnowledgeBase
    from ..sections.builder import Builder, FactRow
    from .reading import Reading

USED = frozenset({"place", "setting", "term", "role"})


def state_license(b: Builder, kb: KnowledgeBase, reading: Reading, card: Card) -> Answered | None:
    """The state the question names (a metro's: its state) in the licensing table, each cell in short."""
    from ..licensing.checks import ROWS
    from ..licensing.table import of

    place = reading.place
    table = of(kb)
    code = place.area.state if place is not None else None
    if code not in ROWS or table is None:
        return None
    from ..sections.licensing import LABELS, cells, page_ref

    state = table.states.get(code)
    b.heading(f"Answer: the nursing home administrator license in {ROWS[code]}")
    if state is None:
        b.facts([("Facts", "not yet verified for this state: ask its licensing board", ())])
        return Answered(USED)
    rows: list[FactRow] = [("Licensing board", state.board.name, ())]
    rows += [(label, value, ()) for label, value in zip(LABELS.values(), cells(state), strict=True)]
    cited = dict.fromkeys(s for f in LABELS for s in getattr(state.facts, f).sources)
    publishers = list(dict.fromkeys(page_ref(state.code, s, state.pages[s]).publisher for s in cited))
    shown = "; ".join(publishers[:SOURCES_NAMED]) + ("; and more" if len(publishers) > SOURCES_NAMED else "")
    rows.append(("Pages cited", shown, ()))
    b.facts(rows)
    return Answered(USED)
