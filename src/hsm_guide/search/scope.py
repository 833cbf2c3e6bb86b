"""Whether a kind of job is this occupation ("is health informatics this job or a different one", "does lab
manager pay fall under this occupation or under lab techs", "is dental office management covered here"):
who BLS counts in it, what of the question the guide counts there (a kind of manager, a specialization, a
job title, an industry it works in), each other occupation named, counted apart, and how BLS decides."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .card import Answered, entry, median, named_kind, sources_row
from .compare import MOST

if TYPE_CHECKING:
    from ..model import Card, KnowledgeBase
    from ..sections.builder import Builder, FactRow
    from ..wages.lookup import WageData
    from ..wages.model import WageRow
    from .parts import Part, Role
    from .reading import Reading


def scope(b: Builder, kb: KnowledgeBase, reading: Reading, card: Card) -> Answered | None:
    """Who BLS counts in this occupation, what of the question it counts there, and how it decides."""
    defined, rule = entry(kb, "soc-code"), entry(kb, "soc-coding")
    if defined is None or rule is None:
        return None
    rows: list[FactRow] = [
        (f"This one, {kb.identity.soc_code}", defined.example or defined.text, list(defined.sources))
    ]
    named, used = _named(kb, reading)
    others, industries = _occupations(kb, reading)
    rows += named + others + industries
    rows.append(("How BLS decides", rule.text, list(rule.sources)))
    rows.append(sources_row(kb, [i for _, _, s in rows for i in s]))
    b.heading(f"Answer: who BLS counts as {kb.identity.title}")
    b.facts(rows)
    used |= {"occupation"} if others else set()
    used |= {"industry", "setting"} if industries else set()
    return Answered(frozenset(used))


def _named(kb: KnowledgeBase, reading: Reading) -> tuple[list[FactRow], set[str]]:
    """A row for each role and setting named (a setting inside a role's name is the role's: the practice of
    'practice manager'), and their kinds."""
    roles = reading.every("role")[:MOST]
    rows: list[FactRow] = [(r.name, _counted_as(kb, r), list(r.sources)) for r in roles]
    apart = [p.value for p in reading.parts if p.kind == "setting" and not reading.inside_name(p, _ROLE)]
    settings = list({s.key: s for s in apart}.values())[:MOST]
    where = "Counted here: one of the settings these managers work in, with a route of its own in the guide."
    rows += [(s.name, where, []) for s in settings]
    kinds = {"role"} if roles else set()
    return rows, kinds | {"setting"} if settings else kinds


_ROLE = frozenset({"role"})


def _counted_as(kb: KnowledgeBase, role: Role) -> str:
    """How the guide's sources place a role named: a kind of manager BLS names, a specialization, a title."""
    if named_kind(kb, role.name):
        return f"Counted here: one of the kinds of manager BLS names among {kb.identity.title}."
    if role.specialization:
        return f"Counted here: a specialization within this work. {role.text}"
    return f"Counted here: one of the job titles of {kb.identity.title}."


def _occupations(kb: KnowledgeBase, reading: Reading) -> tuple[list[FactRow], list[FactRow]]:
    """Each other occupation named, an occupation of its own; and this one's national median in an industry
    named ("a dental office": BLS counts these managers there too)."""
    if kb.wages is None:
        return [], []
    from ..wages.lookup import wage_data

    data = wage_data(kb)
    asking = {p.value for p in reading.parts if p.kind == "occupation" and not _who_asks(reading, p)}
    socs = [s for s in reading.every("occupation") if s in data.release.occupations and s in asking]
    apart = "an occupation of its own: BLS counts its workers and their pay apart from this one"
    others: list[FactRow] = [("Apart", f"{data.occupation_name(s)} ({s}), {apart}", [data.source]) for s in socs[:MOST]]
    found = [data.row("0000000", data.soc, code) for code in reading.apart("industry")[:1]]
    counted = "Counted here: BLS counts these managers there too"
    industries: list[FactRow] = [
        (r.industry_name, f"{counted}{_jobs(data, r)}; their pay: {median(data, r)}", [data.source])
        for r in found
        if r is not None
    ]
    return others, industries


def _jobs(data: WageData, row: WageRow) -> str:
    return f" ({data.text(row, 'employment', 'count')} jobs)" if row.employment else ""


_I = frozenset({"i", "im", "ive"})  # "I'm a paralegal", "i am a dental hygienist": who asks


def _who_asks(reading: Reading, part: Part) -> bool:
    """Whether an occupation named is who asks: said of 'I' just before it, or opening the question ("dental
    hygienist wanting to manage a dental office"), not asked of ("is a pharmacist counted here")."""
    before = reading.lower[max(0, part.start - 3) : part.start]
    return (part.start <= 1 and not (set(before) & {"is", "are"})) or bool(_I & set(before))
