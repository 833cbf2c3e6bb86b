"""The cards that show what the guide says in words or counts: a view's key points, the hours, where the
work is done, a list of the education section, a glossary term, a kind of manager, the job titles, an
organization, the jobs, the employers."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..blocks import Bullets, Entry
from ..words import listed
from .card import STATE_PROJECTIONS, Answered, lowered, median, named_kind, sources_row

if TYPE_CHECKING:
    from ..model import Card, KnowledgeBase, Named, Step, Term
    from ..sections.builder import Builder, FactRow
    from .reading import Reading

RANKED = 5  # industries the employers card lists
SCHEDULES = 4  # schedule statements the hours card shows
TERMS = 3  # terms one card defines: more would push it past the first screen (the rest are said in a note)
_PARTS = {
    "majors": "Bachelor's majors that lead here",
    "courses": "Courses to take",
    "high_school": "In high school",
    "postsecondary": "After high school",
}


def key_points(b: Builder, kb: KnowledgeBase, reading: Reading, card: Card) -> Answered | None:
    """The key points of the card's view, as its --brief shows them."""
    from ..views import SECTIONS

    section = next((s for s in SECTIONS if s.name == card.view), None)
    if section is None:
        return None
    brief = section.brief(kb)
    points = next((block for block in brief.blocks if isinstance(block, Bullets)), None)
    if points is None:
        return None
    b.entries(f"Answer: {brief.title}, key points", points.entries)
    b.facts([sources_row(kb, [i for e in points.entries for i in e.sources])])
    return Answered(frozenset({"role", "occupation"}))


def hours(b: Builder, kb: KnowledgeBase, reading: Reading, card: Card) -> Answered | None:
    """The hours they work, as the settings section gives them, and the pace of the day."""
    shown = kb.settings.schedules[:SCHEDULES]
    if not shown:
        return None
    points = [Entry(p.text, tuple(p.sources)) for k in kb.key_points if k.section == card.view for p in k.points][:1]
    b.entries("Answer: the hours they work", [*points, *(Entry(s.text, tuple(s.sources)) for s in shown)])
    pace = [p for k in kb.key_points if k.section == "day" for p in k.points][-1:]
    rows: list[FactRow] = [("The pace", p.text, p.sources) for p in pace]
    cited = [i for e in points for i in e.sources] + [i for s in [*shown, *pace] for i in s.sources]
    b.facts([*rows, sources_row(kb, cited)])
    return Answered(frozenset({"role", "occupation", "industry", "setting"}))


def environment(b: Builder, kb: KnowledgeBase, reading: Reading, card: Card) -> Answered | None:
    """Where the work is done and what it is (for "do you have to see blood", "is it hands-on"): the settings'
    place of work and its mix of desk and people, then the duties' key points, none of them care of patients."""
    env = kb.settings.environment
    shown = [*env.physical[:1], *env.human[-1:]]
    duties = [p for k in kb.key_points if k.section == "duties" for p in k.points]
    if not shown or not duties:
        return None
    said = [*shown, *duties]
    b.entries("Answer: where the work is done, and what it is", [Entry(i.text, tuple(i.sources)) for i in said])
    b.facts([sources_row(kb, [i for x in said for i in x.sources])])
    return Answered(frozenset({"role", "occupation"}))


def experience(b: Builder, kb: KnowledgeBase, reading: Reading, card: Card) -> Answered | None:
    """The experience that leads in, as the education section lists it (for "do I have to be a nurse first"):
    administrative or clinical work, and the routes from offices, clinical work and other fields."""
    routes = kb.experience.routes
    if not routes:
        return None
    b.entries("Answer: the experience that leads in", [Entry(r.text, tuple(r.sources)) for r in routes])
    b.facts([sources_row(kb, [i for r in routes for i in r.sources])])
    return Answered(frozenset())


def related(b: Builder, kb: KnowledgeBase, reading: Reading, card: Card) -> Answered | None:
    """The related occupations with their national medians (as `related` tables them), and what they ask."""
    if kb.wages is None:
        return None
    from ..sections.routes import related_socs
    from ..wages.lookup import wage_data

    data = wage_data(kb)
    src = [data.source]
    rows: list[FactRow] = [
        (data.occupation_name(s), median(data, r), src)
        for s in dict.fromkeys(related_socs(kb))
        if (r := data.row("0000000", s))
    ]
    if not rows:
        return None
    words = [p for k in kb.key_points if k.section == card.view for p in k.points]
    b.heading(f"Answer: related careers, pay in the United States, {data.label}")
    b.facts([*rows, *((("What they ask", p.text, p.sources)) for p in words[:1]), sources_row(kb, [data.source])])
    return Answered(frozenset({"occupation", "role", "background"}))


def advancement(b: Builder, kb: KnowledgeBase, reading: Reading, card: Card) -> Answered | None:
    """How managers move up: the section's key points, then each step the sources name, and the
    advancement step of a setting the question names (a hospital's FACHE)."""
    points = [Entry(p.text, tuple(p.sources)) for k in kb.key_points if k.section == card.view for p in k.points]
    said = {p.text for p in points}
    items = [Entry(a.text, tuple(a.sources)) for a in kb.advancement if a.text not in said]
    if not points and not items:
        return None
    b.entries("Answer: moving up", [*points, *items])
    b.facts([*_setting_step(reading), sources_row(kb, [i for e in [*points, *items] for i in e.sources])])
    return Answered(frozenset({"role", "occupation", "setting", "industry"}))


def _setting_step(reading: Reading) -> list[FactRow]:
    """The advancement step of the setting the question names, where its route has one."""
    setting = reading.first("setting")
    step = next((s for s in setting.steps if s.kind == "advancement"), None) if setting else None
    return [(f"In the {setting.who}", step.text, step.sources)] if setting and step else []


def education_list(b: Builder, kb: KnowledgeBase, reading: Reading, card: Card) -> Answered | None:
    """One list of the education section (the majors, the courses, what to do in high school), as it gives it."""
    part = card.part
    items = list(getattr(kb.education, part)) if part else []
    if part is None or not items:
        return None
    b.bullets(f"Answer: {_PARTS[part]}", items)
    b.facts([sources_row(kb, [i for item in items for i in item.sources])])
    return Answered(frozenset({"degree"}))


def _entry(
    b: Builder, kb: KnowledgeBase, heading: str, label: str, text: str, sources: Iterable[str], *more: FactRow
) -> None:
    """A card of one named statement: a term's, a kind of manager's, an organization's (and rows `more`)."""
    cited = [*sources, *(i for _, _, s in more for i in s)]
    b.heading(f"Answer: {heading}")
    b.facts([(label, text, list(sources)), *more, sources_row(kb, cited)])


def term(b: Builder, kb: KnowledgeBase, reading: Reading, card: Card) -> Answered | None:
    """The glossary's entry for the term the question names, as `explain` gives it."""
    found = reading.first("term")
    if found is None:
        return None
    _entry(b, kb, found.name, _short(found), found.text, found.sources)
    return Answered(frozenset({"term", "degree", "credential", "role", "organization", "occupation"}))


def terms(b: Builder, kb: KnowledgeBase, reading: Reading, card: Card) -> Answered | None:
    """The glossary's entries for the terms the question names, up to TERMS ("what do MHA, CAHME and AIT mean");
    each one more, where to read it."""
    named = reading.every("term")
    found = named[:TERMS]
    if len(found) < 2:
        return None
    shorts = [_short(t) for t in found]
    b.heading(f"Answer: {listed(shorts)}, in a few words")
    rows: list[FactRow] = [(short, t.text, list(t.sources)) for short, t in zip(shorts, found, strict=True)]
    b.facts([*rows, sources_row(kb, [i for t in found for i in t.sources])])
    for t in named[TERMS:]:
        b.note(f"{_short(t)}: hsm-guide explain {t.term}")
    return Answered(frozenset({"term", "degree", "credential", "role", "organization", "occupation"}))


def _short(term: Term) -> str:
    """A term's name before its bracket ('MHA'): the label a card gives it, a long one squeezing the text."""
    return term.name.split(" (")[0]


def role(b: Builder, kb: KnowledgeBase, reading: Reading, card: Card) -> Answered | None:
    """What a kind of manager does; or, for a job title, that it is one of this occupation's titles."""
    found = reading.first("role")
    if found is None:
        return None
    used = frozenset({"role", "occupation", "setting", "industry", "term"})
    if found.text is not None:
        _entry(b, kb, found.name, found.name, found.text, found.sources, *_kind_of(kb, found))
        return Answered(used)
    from ..sections.keypoints import key_points as points_of

    b.heading(f"Answer: {found.name}")
    what = f"One of the job titles of {kb.identity.title}: the same occupation, under another name"
    duties = points_of(kb, "duties")  # what the title's holder does is what the occupation does
    b.facts([(found.name, what, list(found.sources))])
    if duties:
        b.entries("What the occupation does", duties)
    b.facts([sources_row(kb, [*found.sources, *(i for e in duties for i in e.sources)])])
    return Answered(used)


def _kind_of(kb: KnowledgeBase, found: Named) -> list[FactRow]:
    """For a kind of manager BLS names ("health services manager vs health information manager"): that it
    is one of this occupation's, as the roles section's key point says."""
    if not named_kind(kb, found.name):
        return []
    from ..sections.keypoints import in_words

    point = next((p for p in in_words(kb, "roles") if "BLS names" in p.text), None)
    sources = list(point.sources) if point else []
    return [("Occupation", f"One of the kinds of manager BLS counts among {kb.identity.title}", sources)]


def titles(b: Builder, kb: KnowledgeBase, reading: Reading, card: Card) -> Answered | None:
    """The job titles to look for: the titles the sources give, O*NET's current sample, the other names
    the occupation goes by, and how the route of the background named (else a student's) gets a first job."""
    rows = _title_rows(kb)
    if not rows:
        return None
    first = _first_job(kb, reading)
    starting = "starting" in reading.groups  # first where an entry-level job is asked ("what entry level jobs...")
    if first is not None:
        rows.insert(0 if starting else len(rows), ("A first job", first.text, first.sources))
    if kb.roles.first_jobs:
        jobs = kb.roles.first_jobs
        listed = ", ".join(j.text if n == 0 else lowered(j.text) for n, j in enumerate(jobs))
        said = ("Jobs people start in", listed, [i for j in jobs for i in j.sources])
        rows.insert(0 if starting else len(rows), said)
    b.heading("Answer: job titles to search for")
    b.facts([*rows, sources_row(kb, [i for row in rows for i in row[2]])])
    used = {"role", "occupation", "degree"}  # a degree named asks which jobs it leads to: these
    return Answered(frozenset(used | {"background"} if first else used))


def _title_rows(kb: KnowledgeBase) -> list[FactRow]:
    """A row for each list of titles that has one not listed before (each title once)."""
    r = kb.roles
    current = [t for t in r.onet_titles if "listing)" not in t.text]  # an older list's titles are marked
    seen: set[str] = set()
    rows: list[FactRow] = []
    for label, items in (
        ("Job titles", r.title_examples),
        ("O*NET's titles", current),
        ("Also called", kb.identity.alternative_titles),
    ):
        fresh = [t for t in items if t.text.casefold() not in seen]
        seen.update(t.text.casefold() for t in fresh)
        if fresh:
            rows.append((label, ", ".join(t.text for t in fresh), [i for t in fresh for i in t.sources]))
    return rows


def _first_job(kb: KnowledgeBase, reading: Reading) -> Step | None:
    """The experience step of the background named's route, else of the first route (a student's)."""
    who = reading.first("background") or (kb.paths.backgrounds[0] if kb.paths.backgrounds else None)
    return next((s for s in who.steps if s.kind == "experience"), None) if who else None


def organization(b: Builder, kb: KnowledgeBase, reading: Reading, card: Card) -> Answered | None:
    """What the professional organization the question names is for, as the resources page gives it."""
    o = reading.first("organization")
    if o is None:
        return None
    name = f"{o.name} ({o.abbreviation})" if o.abbreviation else o.name
    _entry(b, kb, name, o.abbreviation or o.name, o.purpose, o.sources)
    return Answered(frozenset({"organization", "term", "credential"}))


def jobs(b: Builder, kb: KnowledgeBase, reading: Reading, card: Card) -> Answered | None:
    """How many of these jobs there are: the OEWS count and the handbook's projection, each by its program,
    and where most of them are."""
    from ..sections.builder import current_edition, pay_facts, projection_facts

    edition = current_edition(kb)
    counted = [row for row in pay_facts(kb, edition) if row[0] == "Employed"]
    projected = [row for row in projection_facts(edition) if row[0] in ("Jobs", "Job outlook", "Employment change")]
    rows = [row for row in (*counted, *projected) if row[1]]
    if not rows:
        return None
    local = _employed_in(kb, reading)
    place = f", and in {reading.place.area.name}" if local and reading.place else ""
    b.heading(f"Answer: how many of these jobs there are{place}")
    cited = [i for row in (*local, *rows) for i in row[2]]
    b.facts([*local, *rows, *_largest(kb, 3), sources_row(kb, cited)])
    if local and projected:
        b.note(f"{STATE_PROJECTIONS[0]}.", STATE_PROJECTIONS[1])
    b.hint("Why the two counts differ: hsm-guide explain employment-projections")
    return Answered(frozenset({"occupation", "role"} | ({"place"} if local else set())))


def _employed_in(kb: KnowledgeBase, reading: Reading) -> list[FactRow]:
    """The OEWS count of these jobs in the place named (a state, metro or nonmetro area), and its share of
    the nation's."""
    if kb.wages is None or reading.place is None or reading.place.area.kind == "national":
        return []
    from ..wages.lookup import wage_data

    data = wage_data(kb)
    row, nation = data.row(reading.place.area.code), data.national()
    if row is None or row.employment is None:
        return []
    count = data.text(row, "employment", "count")
    share = f" ({row.employment / nation.employment:.1%} of the nation's)" if nation.employment else ""
    return [(f"Employed in {row.name}, {data.label}", f"{count}{share}", [data.source])]


def _largest(kb: KnowledgeBase, most: int) -> list[FactRow]:
    """The industries with the most of these jobs, in one row."""
    if kb.wages is None:
        return []
    from ..wages.lookup import wage_data

    data = wage_data(kb)
    largest = data.largest_industries()[:most]
    said = "; ".join(f"{r.industry_name} ({data.text(r, 'employment', 'count')})" for r in largest)
    return [(f"Most jobs, {data.label}", said, [data.source])] if largest else []


def employers(b: Builder, kb: KnowledgeBase, reading: Reading, card: Card) -> Answered | None:
    """The industries that employ the most of these managers, with each one's median."""
    if kb.wages is None:
        return None
    from ..wages.lookup import wage_data

    data = wage_data(kb)
    largest = data.largest_industries()[:RANKED]
    if not largest:
        return None
    named = [r for p in reading.every("industry") if (r := data.row("0000000", None, p)) and r not in largest]
    total = data.national().employment
    b.heading(f"Answer: the largest employers, {data.label}" + (", and those you named" if named else ""))
    rows: list[FactRow] = []
    for r in [*largest, *named[:2]]:  # an industry asked of, outside the largest, after them
        share = f" ({r.employment / total:.0%} of all these jobs)" if r.employment and total else ""
        said = f"{data.text(r, 'employment', 'count')} jobs{share}; median {data.text(r, 'annual_median')}"
        rows.append((r.industry_name, said, [data.source]))
    b.facts([*rows, sources_row(kb, [data.source])])
    return Answered(frozenset({"industry", "setting", "occupation"}))
