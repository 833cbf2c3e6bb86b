"""What every card shares: what it used of the question, its sources row, and the short forms of
titles and steps it shows."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from ..model import Card, KnowledgeBase, Term
    from ..sections.builder import FactRow
    from ..wages.lookup import WageData
    from ..wages.model import WageRow
    from .reading import Reading

SOURCES_NAMED = 3  # sources a card names; the view it leads to cites every one


class Answered(NamedTuple):
    used: frozenset[str]  # the kinds of part the card used: place, degree, background...
    command: str | None = None  # where to read on, where the card chose it (else the card's own)


def median(data: WageData, row: WageRow, hourly: bool = False) -> str:
    """'$123,860 a year (median)', or with `hourly` '$123,860 a year, $59.55 an hour (median)': a row's
    median as a card gives it beside others."""
    said = data.yearly_and_hourly(row, "median") if hourly else f"{data.text(row, 'annual_median')} a year"
    return f"{said} (median)"


def industry_row(data: WageData, row: WageRow, who: str = "") -> FactRow:
    """An industry's national median in a card: the name in the value, since a long name as a label would
    stack the card ('Offices of Dentists: $78,050 a year, ...'), after whose figure it is where `who` says."""
    return ("Industry, United States", f"{who}{row.industry_name}: {median(data, row, hourly=True)}", [data.source])


def jobs(data: WageData, row: WageRow) -> str:
    """'; 11,980 jobs' after a row's figures ("how many work there"), nothing where BLS gives no count."""
    return f"; {data.text(row, 'employment', 'count')} jobs" if row.employment else ""


def sources_row(kb: KnowledgeBase, ids: Iterable[str]) -> FactRow:
    """The sources a card's figures come from, by publisher and short title."""
    wanted = list(dict.fromkeys(ids))
    found = [s for i in wanted for s in kb.sources if s.id == i]
    names = list(dict.fromkeys(f"{s.publisher}, {short_title(s.title)}" for s in found))
    shown = "; ".join(names[:SOURCES_NAMED])
    if len(names) > SOURCES_NAMED:  # the page read on with lists them all; a card stays short
        shown += f"; and {len(names) - SOURCES_NAMED} more, cited on the page named below"
    return ("Source" if len(names) == 1 else "Sources", shown, wanted)


def short_title(title: str) -> str:
    """A title up to its first ': ' outside brackets, so a label never leaves a bracket open:
    'Relative standard error (Health, United States: definitions)' stays whole."""
    return before(title, ": ")


def before(text: str, mark: str) -> str:
    """`text` up to the first `mark` outside brackets; all of it where there is none."""
    depth = 0
    for i, c in enumerate(text):
        depth += (c in "([{") - (c in ")]}")
        if depth == 0 and text.startswith(mark, i):
            return text[:i]
    return text


def in_short(text: str, mark: str = ": ") -> str:
    """A text's first clause, up to the first `mark` outside brackets, as a sentence."""
    clause = before(text, mark)
    return clause if clause.endswith(".") else f"{clause}."


def lowered(name: str) -> str:
    """A name inside a sentence: 'A registered nurse...' -> 'a registered nurse...'; 'MGMA' stays."""
    return name if name[1:2].isupper() else name[:1].lower() + name[1:]


def not_by(kind: str) -> str:
    return f"BLS publishes pay by occupation, place and industry, not by {kind}"


def no_pay_by(kb: KnowledgeBase, reading: Reading, kind: str, lead: str) -> tuple[str, list[str]] | None:
    """Pay asked of degrees or credentials ("MHA vs MBA, which pays more", "do CPHQ holders earn more"): a
    line saying BLS's figures are by neither, with this occupation's median, and its source."""
    if not reading.has("pay") or kb.wages is None:
        return None
    from ..wages.lookup import wage_data

    data = wage_data(kb)
    said = f" This occupation's median, {data.label}: {data.text(data.national(), 'annual_median')} a year."
    return f"{lead} is not in the guide: {not_by(kind)}.{said}", [data.source]


def yours(data: WageData, row: WageRow | None, annual: float, among: str) -> FactRow:
    """The pay the question names, made yearly, and where it stands among a row's percentiles ("among
    Medical and Health Services Managers", "in Kansas nonmetropolitan area")."""
    from ..sections.pay.salary import offer_text, standings

    ranks = standings(data, [(row, among)], annual) if row else []
    return ("Your pay", "; ".join([offer_text(annual), *ranks]), [data.source])


# Where a state's projection is found, the guide holding the nation's alone (and its source's id).
STATE_PROJECTIONS = (
    "The guide's projections are national, none by state or metro area; each state's labor market agency "
    "publishes its own, gathered at projectionscentral.org",
    ["projections-central"],
)


def cards_for(kb: KnowledgeBase, answer: str) -> list[Card]:
    """The data's cards that give an answer ('pay', 'rural-pay'), in the data's order."""
    return [c for c in kb.questions.cards if c.answer == answer] if kb.questions else []


def entry(kb: KnowledgeBase, key: str) -> Term | None:
    """The glossary's entry of a key ('soc-code'), None where this knowledge base lacks it."""
    return next((t for t in kb.glossary if t.term == key), None)


def named_kind(kb: KnowledgeBase, name: str) -> bool:
    """Whether a role named is one of the kinds of manager BLS names (a nursing home administrator)."""
    return any(m.name == name for m in kb.roles.manager_types)
