"""Two or more degrees or credentials side by side: what each is and whom it suits, who is eligible, and
what a named route says of them; pay asked of them is said to be by neither."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..words import listed
from .card import Answered, lowered, no_pay_by, sources_row

if TYPE_CHECKING:
    from ..model import Card, Certification, Degree, KnowledgeBase, Route
    from ..sections.builder import Builder, FactRow
    from .reading import Reading

MOST = 4  # degrees or credentials one question sets side by side


def degrees(b: Builder, kb: KnowledgeBase, reading: Reading, card: Card) -> Answered | None:
    """The degrees named side by side (up to MOST), and what the route of a background or setting named
    says of them."""
    pair: list[Degree] = reading.every("degree")[:MOST]
    if len(pair) < 2:
        return None
    b.heading(f"Answer: {listed([_short(d.name) for d in pair])} side by side")
    rows: list[FactRow] = [(d.name, d.text, d.sources) for d in pair]
    said = _route_says(reading, pair)
    cited = [i for d in pair for i in d.sources] + [i for _, _, s in said for i in s]
    b.facts([*rows, *said, sources_row(kb, cited)])
    unpaid = no_pay_by(kb, reading, "degree", "Which pays more")
    if unpaid:
        b.note(*unpaid)
    return Answered(frozenset({"degree", "term"} | ({"background", "setting"} if said else set())))


def _route_says(reading: Reading, pair: list[Degree]) -> list[FactRow]:
    """The first step of the named background's (else setting's) route that names either degree."""
    route: Route | None = reading.first("background") or reading.first("setting")
    if route is None:
        return []
    step = next((s for s in route.steps if any(_short(d.name) in s.text for d in pair)), None)
    return [(f"For {lowered(route.who or route.name)}", step.text, step.sources)] if step else []


def _short(name: str) -> str:
    return name[name.index("(") + 1 : name.index(")")] if "(" in name else name


def credentials(b: Builder, kb: KnowledgeBase, reading: Reading, card: Card) -> Answered | None:
    """Credentials side by side (up to MOST): who issues each and whom it suits; of two, who is eligible too
    (of three or four, each one's page says, and the card stays on the first screen)."""
    from .credentials import eligibility

    named: list[Certification] = reading.every("credential")[:MOST]
    if len(named) < 2:
        return None
    b.heading(f"Answer: {listed([f'the {c.code}' for c in named])} side by side")
    rows: list[FactRow] = []
    for c in named:
        said = f"{c.name}. Suits {lowered(c.suits)}"
        if len(named) == 2:
            said += f". Eligible: {lowered(eligibility(c) or 'no eligibility rules given')}"
        rows.append((c.code, said if len(named) == 2 else f"{said}.", c.sources))
    b.facts([*rows, sources_row(kb, [i for c in named for i in c.sources])])
    pages = "its exam, renewal and cost" if len(named) == 2 else "who is eligible, its exam, renewal and cost"
    suits = f"Which suits you depends on the work you want: each one's page has {pages}."
    unpaid = no_pay_by(kb, reading, "credential", "Which pays more")
    b.note(f"{suits} {unpaid[0]}" if unpaid else suits, unpaid[1] if unpaid else ())
    return Answered(frozenset({"credential", "term", "organization"}))
