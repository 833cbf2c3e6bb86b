"""Job outlook: projected growth edition by edition, openings, and what drives demand."""

from __future__ import annotations

from ..blocks import Document, percent
from ..model import KnowledgeBase
from .builder import Builder, current_edition, projection_facts
from .glossary import point
from .sourcing import reading_entry, source_label, source_names


def outlook(kb: KnowledgeBase) -> Document:
    b = Builder(kb, "outlook", "Job outlook")
    current = current_edition(kb)
    b.heading(f"Current projection ({current.growth_start}-{current.growth_end})")
    b.facts(projection_facts(current))
    editions = [e for e in kb.quick_facts.editions if e.growth_percent is not None]
    if editions:
        b.heading("Projected growth by edition")
        b.table(
            [
                ("Period", "text"),
                ("Growth", "percent"),
                ("Vs average", "text"),
                ("Jobs", "count"),
                ("Change", "count"),
                ("Openings", "count"),
                ("Source", "text"),
            ],
            [
                (
                    f"{e.growth_start}-{str(e.growth_end)[-2:]}",
                    e.growth_percent,
                    _versus_average(e.growth_descriptor),
                    e.jobs,
                    e.employment_change,
                    e.openings_per_year,
                    source_label(kb, e.sources),
                )
                for e in editions
            ],
            caption="Jobs at the start of the period; Change: jobs added over it; Openings: a year, on average.",
            sources=[i for e in editions for i in e.sources],
        )
    # The all-occupations rate is quoted by some sources only, beside their own reading.
    for r in kb.readings:
        if r.topic == "growth" and r.all_occupations_percent is not None:
            b.note(
                f"{source_names(kb, r.sources).capitalize()} sets {percent(r.value)} growth for this occupation "
                f"beside {percent(r.all_occupations_percent)} for all occupations: {r.note[:1].lower()}{r.note[1:]}",
                r.sources,
            )
    b.bullets("What drives demand", kb.outlook.drivers)
    b.bullets("Trends reshaping the work", kb.outlook.trends)
    b.bullets("Where openings come from", kb.outlook.openings)
    b.bullets("Prospects", kb.outlook.prospects)
    readings = [r for r in kb.readings if r.topic == "growth"]
    b.entries("How the sources quote growth", [reading_entry(kb, r) for r in readings])
    point(b, "outlook")
    return b.document()


def _versus_average(descriptor: str | None) -> str | None:
    """'Much faster than average' reads 'Much faster' under a 'Vs average' heading."""
    return descriptor.removesuffix(" than average") if descriptor else None
