"""Sections about the job itself: overview, duties, roles, settings, a day, the person."""

from __future__ import annotations

from ..blocks import Document, Entry, percent
from ..model import KnowledgeBase
from .builder import Builder, current_edition, quick_facts, quick_facts_heading
from .glossary import point


def overview(kb: KnowledgeBase) -> Document:
    b = Builder(kb, "overview", kb.identity.title)
    ident = kb.identity
    b.paragraph(ident.summary)
    b.facts(
        [
            ("SOC code", ident.soc_code, ()),
            ("O*NET code", ident.onet_code, ()),
            ("Also called", ", ".join(t.text for t in ident.alternative_titles), _ids(ident.alternative_titles)),
            ("Career clusters", "; ".join(c.text for c in ident.career_clusters), _ids(ident.career_clusters)),
        ]
    )
    edition = current_edition(kb)
    b.heading(quick_facts_heading(kb, edition))
    quick_facts(b, edition)
    b.bullets("Why people choose it", ident.rewards)
    b.bullets("O*NET profile", ident.onet_profile)
    b.bullets("About the figures", kb.quick_facts.notes)
    point(b, "overview")
    return b.document()


def duties(kb: KnowledgeBase) -> Document:
    d = kb.duties
    b = Builder(kb, "duties", "Duties")
    b.bullets("What the job is", d.overview)
    b.bullets("Typical duties (BLS)", d.typical)
    b.bullets("Five areas of responsibility", d.responsibility_areas)
    b.bullets("The work in detail", d.detailed)
    point(b, "duties")
    if d.onet_tasks:
        b.heading("Core tasks by importance (O*NET, 0-100)")
        rows = [(t.text, t.importance, None) for t in d.onet_tasks]
        b.bars(rows, "number", ("Task", "Importance"), sources=[s for t in d.onet_tasks for s in t.sources])
    b.bullets("Who they work with", d.works_with)
    b.bullets("Who they answer to", d.accountable_to)
    if d.day_in_the_life:
        b.hint(
            "For a day in the life, run: hsm-guide day", paper="A day in the life is a section of its own in the guide."
        )
    return b.document()


def roles(kb: KnowledgeBase) -> Document:
    r = kb.roles
    b = Builder(kb, "roles", "Roles and specializations")
    b.bullets("Scope", r.scope)
    b.bullets("Types of manager", r.manager_types)
    b.bullets("Job titles", r.title_examples)
    b.bullets("Jobs people start in", r.first_jobs)
    b.bullets("Sample titles (O*NET)", r.onet_titles)
    b.bullets("Specializations", r.specializations)
    dot = [Entry(d.text, tuple(d.sources), f"{d.name} (DOT {d.dot_code})") for d in r.dot_roles]
    b.entries("Specialist roles with DOT codes", dot)
    point(b, "roles")
    return b.document()


def settings(kb: KnowledgeBase) -> Document:
    s = kb.settings
    b = Builder(kb, "settings", "Where they work")
    b.bullets("Workplaces", s.workplaces)
    employers(b, kb)
    b.bullets("Hours and on-call demands", s.schedules)
    env = s.environment
    b.bullets("Physical environment", env.physical)
    b.bullets("Human environment", env.human)
    b.bullets("Technological environment", env.technological)
    return b.document()


def employers(b: Builder, kb: KnowledgeBase) -> None:
    """The largest employers from the current OEWS release (the key point's own ranking), and the handbook's
    older grouping under its own year; without an extract, the handbook's alone."""
    shares = kb.settings.employer_shares
    older = ", ".join(f"{row.employer.split(';')[0].lower()} {percent(row.percent)}" for row in shares.rows)
    if kb.wages is not None:
        from ..wages.lookup import wage_data
        from .pay.industry import largest_employers

        data = wage_data(kb)
        top = largest_employers(data, len(shares.rows))
        if top:
            b.heading(f"Largest employers, {data.label}")
            b.bars(
                [(row.industry_name, round(share * 100), None) for row, share in top],
                "percent",
                ("Industry", "Share of jobs"),
                caption=f"Share of the {data.text(data.national(), 'employment', 'count')} jobs in {data.label}",
                sources=[data.source],
            )
            covered = sum(share for _, share in top) * 100
            b.note(
                f"These {len(top)} industries account for {percent(round(covered))} of jobs in {data.label}. "
                f"The handbook's {shares.year} grouping, of {shares.jobs:,} jobs: {older}.",
                shares.sources,
            )
            return
    b.heading(f"Largest employers, {shares.year}")
    b.bars(
        [(row.employer, row.percent, None) for row in shares.rows],
        "percent",
        ("Employer", "Share of jobs"),
        caption=f"Share of the {shares.jobs:,} jobs in {shares.year}",
        sources=shares.sources,
    )
    covered = sum(row.percent for row in shares.rows)
    b.note(
        f"These {len(shares.rows)} employers account for {percent(covered)} of jobs; the rest are spread more thinly."
    )


def day(kb: KnowledgeBase) -> Document:
    b = Builder(kb, "day", "A day in the life")
    b.bullets(None, kb.duties.day_in_the_life, ordered=True)
    return b.document()


def skills(kb: KnowledgeBase) -> Document:
    b = Builder(kb, "skills", "Skills and qualities")
    b.bullets("Qualities employers look for", kb.skills.qualities)
    b.bullets("Other skills that help", kb.skills.key_skills)
    return b.document()


def interests(kb: KnowledgeBase) -> Document:
    b = Builder(kb, "interests", "Interests and personality")
    b.bullets("Holland interest areas", kb.interests.holland)
    b.bullets("Personality", kb.interests.personality)
    b.bullets("Subject interests", kb.identity.subject_interests)
    point(b, "interests")
    return b.document()


def _ids(items: list) -> list[str]:  # type: ignore[type-arg]
    return [s for i in items for s in i.sources]
