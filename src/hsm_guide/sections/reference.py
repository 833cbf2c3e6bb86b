"""Where to go next: related careers, organizations, and the sources themselves."""

from __future__ import annotations

from ..blocks import Document, Entry, SourceList, money
from ..model import KnowledgeBase
from .builder import Builder
from .sourcing import reading_entry, source_ref


def related(kb: KnowledgeBase, area: str | None = None) -> Document:
    from .pay.compare import side_by_side
    from .routes import related_socs, route_socs

    b = Builder(kb, "related", "Related careers")
    for group in kb.related:
        b.heading(group.name)
        entries = [Entry(career.name, tuple(group.sources)) for career in group.careers]
        b.text(group.intro, group.sources)
        b.entries(None, entries)
        if group.median_low is not None and group.median_high is not None:
            b.facts(
                [("Median pay range", f"{money(group.median_low)} to {money(group.median_high)} a year", group.sources)]
            )
            if group.pay_note:
                b.text(group.pay_note.text, group.pay_note.sources)
    side_by_side(b, kb, related_socs(kb), area)
    side_by_side(b, kb, route_socs(kb), area, title="Where the routes in start")
    return b.document()


def resources(kb: KnowledgeBase) -> Document:
    b = Builder(kb, "resources", "Professional organizations")
    entries = [
        Entry(o.purpose, tuple(o.sources), f"{o.name} ({o.abbreviation})" if o.abbreviation else o.name)
        for o in kb.organizations
    ]
    b.entries(None, entries)
    return b.document()


def sources(kb: KnowledgeBase) -> Document:
    b = Builder(kb, "sources", "Sources")
    b.note(
        "Primary: the agency or issuing body itself (bls.gov, onetonline.org, a credential's own body). "
        "Secondary: another publisher quoting it; shown as such and never in place of a primary figure."
    )
    groups = (
        ("Primary sources", "primary"),
        ("Secondary sources: the five documents the guide is built from", "seed"),
        ("Other secondary sources", "secondary"),
    )
    for heading, grade in groups:
        refs = tuple(source_ref(s) for s in kb.sources if s.grade == grade)
        if refs:
            b.heading(heading)
            b.blocks.append(SourceList(refs, detailed=True))
    differ = [r for r in kb.readings if r.status != "agrees"]
    agree = [r for r in kb.readings if r.status == "agrees"]
    b.entries("Where the sources disagree", [reading_entry(kb, r) for r in differ])
    if agree:
        quoted = sorted({f"{r.topic} for {r.year}" if r.year else r.topic for r in agree})
        b.note(
            f"The other {len(agree)} readings agree with the BLS figure for their year "
            f"({', '.join(quoted)}); the Pay and Outlook sections show each one.",
            [i for r in agree for i in r.sources],
        )
    return b.document(with_sources=False)
