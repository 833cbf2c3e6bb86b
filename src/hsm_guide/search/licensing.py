"""The state licensing cards: one state's row of the nursing home administrator table, in short; and which
states license assisted-living administrators, by the same table."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .card import SOURCES_NAMED, Answered

if TYPE_CHECKING:
    from ..model import Card, KnowledgeBase
    from ..sections.builder import Builder, FactRow
    from .reading import Reading

USED = frozenset({"place", "setting", "term", "role"})
ASSISTED_LIVING = "assisted-living-administrator"  # the glossary term of the states card


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
    _another_post(b, kb, reading)
    return Answered(USED)


def _another_post(b: Builder, kb: KnowledgeBase, reading: Reading) -> None:
    """Under the administrator's license, where the question names another post (a Director of Nursing): what
    the guide holds of the licenses other posts call for, so the license above is not taken for that post's."""
    role = next((r for r in reading.every("role") if "administrator" not in r.name.lower()), None)
    posts = [lic for lic in kb.licensure if lic.required in ("some positions", "not usually")]
    if role is None or not posts:
        return
    held = " ".join(d.text for lic in posts for d in lic.details)
    cited = [i for lic in posts for d in lic.details for i in d.sources]
    b.note(f"The license above is a nursing home administrator's. Of a {role.name} the guide holds this: {held}", cited)


def assisted_living(b: Builder, kb: KnowledgeBase, reading: Reading, card: Card) -> Answered | None:
    """The states that license assisted-living administrators, those that do not, and those not verified."""
    from ..licensing.checks import ROWS
    from ..licensing.table import of

    table = of(kb)
    if table is None or not any(t.term == ASSISTED_LIVING for t in reading.every("term")):
        return None  # another license's question (a nursing home administrator's): the next card answers it
    found: dict[bool | None, list[str]] = {True: [], False: [], None: []}
    for code, name in ROWS.items():
        state = table.states.get(code)
        found[state.facts.assisted_living.licensed if state is not None else None].append(name)
    b.heading("Answer: the states that license assisted-living administrators")
    said = {True: "Licensed", False: "Not licensed", None: "Not verified"}
    rows: list[FactRow] = [(said[k], f"{len(v)}: {', '.join(v)}", ()) for k, v in found.items() if v]
    rows.append(("Sources", "each state's board page or rule, cited state by state on the page named below", ()))
    b.facts(rows)
    if found[None]:
        b.note("Where a state is not verified, its licensing board says whether it licenses them.")
    return Answered(frozenset({"term", "setting", "industry", "role"}))
