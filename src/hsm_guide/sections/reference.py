"""Where to go next: related careers, organisations, and the sources themselves."""

from __future__ import annotations

from ..blocks import Document, Entry
from ..model import KnowledgeBase, Source
from .builder import Builder, reading_entry


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
    b = Builder(kb, "resources", "Professional organisations")
    entries = [
        Entry(o.purpose, tuple(o.sources), f"{o.name} ({o.abbreviation})" if o.abbreviation else o.name)
        for o in kb.organisations
    ]
    b.entries(None, entries)
    return b.document()


def sources(kb: KnowledgeBase) -> Document:
    b = Builder(kb, "sources", "Sources")
    groups = (("seed", "Seed documents"), ("primary", "Primary sources"), ("secondary", "Secondary sources"))
    for grade, heading in groups:
        b.entries(heading, [Entry(_describe(s), (), s.id) for s in kb.sources if s.grade == grade])
    b.note(
        "Primary: bls.gov, onetonline.org or the issuing body. Secondary: another site quoting BLS; "
        "shown as such and never in place of a primary figure."
    )
    b.entries("Where the sources disagree", [reading_entry(kb, r) for r in kb.readings])
    return b.document(with_sources=False)


def _describe(s: Source) -> str:
    parts = [s.title, s.publisher]
    parts.append(f"data year {s.data_year}" if s.data_year else "data year not stated")
    if s.file:
        parts.append(f"file {s.file}")
    if s.url:
        parts.append(s.url)
    if s.note:
        parts.append(s.note)
    return ". ".join(p.rstrip(".") for p in parts) + "."
