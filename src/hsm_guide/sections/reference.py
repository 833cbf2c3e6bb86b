"""Where to go next: related careers, organizations, and the sources themselves."""

from __future__ import annotations

from ..blocks import Document, Entry, SourceList
from ..model import KnowledgeBase
from .builder import Builder, reading_entry, source_ref


def related(kb: KnowledgeBase) -> Document:
    b = Builder(kb, "related", "Related careers")
    for group in kb.related:
        b.heading(group.name)
        entries = [Entry(career, tuple(group.sources)) for career in group.careers]
        b.text(group.intro, group.sources)
        b.entries(None, entries)
        if group.median_low is not None and group.median_high is not None:
            b.facts(
                [
                    (
                        "Median pay range",
                        f"${group.median_low:,.0f} to ${group.median_high:,.0f} a year (older edition, year not given)",
                        group.sources,
                    )
                ]
            )
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
    groups = (("seed", "Seed documents"), ("primary", "Primary sources"), ("secondary", "Secondary sources"))
    for grade, heading in groups:
        refs = tuple(source_ref(s) for s in kb.sources if s.grade == grade)
        if refs:
            b.heading(heading)
            b.blocks.append(SourceList(refs, detailed=True))
    b.note(
        "Primary: bls.gov, onetonline.org or the issuing body. Secondary: another site quoting BLS; "
        "shown as such and never in place of a primary figure."
    )
    b.entries("Where the sources disagree", [reading_entry(kb, r) for r in kb.readings])
    return b.document(with_sources=False)
