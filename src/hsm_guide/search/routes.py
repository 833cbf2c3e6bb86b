"""The routes in: a background's (and a setting's) first steps and how long they take, each step's
time, a degree's length, and whether a degree is needed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..blocks import Entry
from .card import Answered, in_short, lowered, sources_row

if TYPE_CHECKING:
    from ..model import Card, Degree, KnowledgeBase, Route, Step
    from ..sections.builder import Builder, FactRow
    from .reading import Reading

USED = frozenset({"background", "setting", "role", "industry", "occupation"})


def route(b: Builder, kb: KnowledgeBase, reading: Reading, card: Card) -> Answered | None:
    """The background's route (else the setting's, else the route whose steps name the job title the
    question names as its goal): its first steps in short, and how long it takes."""
    from ..sections.paths import KIND_LABELS
    from ..sections.timeline import timeline as route_timeline

    who: Route | None = reading.first("background")
    where: Route | None = reading.first("setting")
    if who is None:
        goal = _goal(kb, reading)
        if goal is not None and (where is None or not _names(where, goal[2])):
            answered = _to(b, kb, reading, *goal)
            if where is not None:  # a title in a setting that licenses someone else: say whose license it is
                _others_license(b, where, goal[2])
            return answered
        return _setting(b, kb, where) if where is not None else None
    entries = [Entry(in_short(s.text), tuple(s.sources), KIND_LABELS[s.kind]) for s in who.steps[:2]]
    if where is not None:  # the setting's first step that is not experience: what the setting adds
        added = [s for s in where.steps if s.kind != "experience"][:1]
        entries += [Entry(in_short(s.text), tuple(s.sources), f"In the {where.who}") for s in added]
    found = route_timeline(kb, who.key)
    total, cited = (found.phrase, list(found.sources)) if found.rows else ("", [])
    b.entries(f"Answer: the route for {lowered(who.name)}", entries, ordered=True)
    b.facts([("How long", total, cited), sources_row(kb, [i for e in entries for i in e.sources] + cited)])
    return Answered(USED)


def _goal(kb: KnowledgeBase, reading: Reading) -> tuple[Route, Step, str] | None:
    """The route one of whose steps names the job title the question names (Director of Nursing: the
    registered nurse's), with that step and the title."""
    role = reading.first("role")
    if role is None:
        return None
    title = role.name.lower()
    found = ((r, s) for r in kb.paths.backgrounds for s in r.steps if title in s.text.lower())
    route_step = next(found, None)
    return (*route_step, role.name) if route_step else None


def _names(where: Route, title: str) -> bool:
    """Whether the setting's steps name the title (a practice manager's, a nursing home administrator's
    license): then the setting's route is the title's own."""
    return any(title.lower() in s.text.lower() for s in where.steps)


def _others_license(b: Builder, where: Route, title: str) -> None:
    """The setting's license, said to be a separate credential from the title asked of: a Director of
    Nursing in a nursing home is not licensed as its administrator."""
    first = next((s for s in where.steps if s.kind == "license"), None)
    if first is not None:
        b.note(
            f"The license of the {where.who} is a separate credential from the route to {title}: "
            f"{in_short(first.text)}",
            first.sources,
        )


def _to(b: Builder, kb: KnowledgeBase, reading: Reading, who: Route, step: Step, title: str) -> Answered:
    """The route to a job title: the route's first steps, the step that names the title, how long."""
    from ..sections.paths import KIND_LABELS
    from ..sections.timeline import timeline as route_timeline

    shown = [s for s in who.steps[:2] if s is not step]
    entries = [Entry(in_short(s.text), tuple(s.sources), KIND_LABELS[s.kind]) for s in shown]
    entries.append(Entry(step.text, tuple(step.sources), KIND_LABELS[step.kind]))
    found = route_timeline(kb, who.key)
    total, cited = (found.phrase, list(found.sources)) if found.rows else ("", [])
    b.entries(f"Answer: the route to {title}, for {lowered(who.name)}", entries, ordered=True)
    b.facts([("How long", total, cited), sources_row(kb, [i for e in entries for i in e.sources] + cited)])
    return Answered(USED, f"path --from {who.key}")


def _setting(b: Builder, kb: KnowledgeBase, where: Route) -> Answered:
    """A setting's own steps, each length it names in its place, and the lengths added up."""
    from ..sections.paths import KIND_LABELS
    from ..sections.timeline import setting_steps

    steps, total = setting_steps(kb, where.key)
    entries = [
        Entry(
            f"{d.step}{' (optional)' if d.optional else ''}: {in_short(d.text, '; ')}",
            tuple(d.sources),
            KIND_LABELS[s.kind],
        )
        if d is not None
        else Entry(in_short(s.text), tuple(s.sources), KIND_LABELS[s.kind])
        for s, d in steps
    ]
    b.entries(f"Answer: the route in {lowered(where.name)}", entries, ordered=True)
    cited = [i for _, d in steps if d is not None for i in d.sources]
    b.facts([("How long", total, cited), sources_row(kb, [i for e in entries for i in e.sources])])
    return Answered(USED)


def timeline(b: Builder, kb: KnowledgeBase, reading: Reading, card: Card) -> Answered | None:
    """How long the route takes: each step's typical time, then the total (a setting alone: its own steps)."""
    from ..sections.timeline import setting_steps
    from ..sections.timeline import timeline as route_timeline

    who: Route | None = reading.first("background")
    where: Route | None = reading.first("setting")
    if who is None and where is not None and setting_steps(kb, where.key)[1]:
        _setting(b, kb, where)  # a setting whose own steps give their lengths: its route, added up
        return Answered(USED, f"path --setting {where.key}")
    route_of = who or kb.paths.backgrounds[0]
    found = route_timeline(kb, route_of.key, where.key if where else None)
    own = who is not None or where is None  # the route is said as someone's, unless only a setting was named
    whose = [lowered(route_of.name)] if own else []
    b.heading(", ".join(["Answer: how long it takes", *whose, *([f"in {lowered(where.name)}"] if where else [])]))
    rows: list[FactRow] = [(r.step + (" (optional)" if r.optional else ""), r.typical, r.sources) for r in found.rows]
    b.facts([*rows, ("How long", found.phrase, found.sources), sources_row(kb, found.sources)])
    _to_the_top(b, kb, reading)
    start = f" --from {route_of.key}" if own else ""  # else the setting's page
    return Answered(USED, "path" + start + (f" --setting {where.key}" if where else ""))


_TOP = frozenset({"11-1011"})  # chief executives: a step beyond the first management post a route reaches


def _to_the_top(b: Builder, kb: KnowledgeBase, reading: Reading) -> None:
    """Where the question asks how long to a top post ("how long to become a hospital CEO"): the route's years
    reach a first management post, and what the handbook says the top ones take."""
    if not _TOP & set(reading.socs()):
        return
    from ..sections.keypoints import in_words

    top = next((p for p in in_words(kb, "advancement") if "executive" in p.text.lower()), None)
    said = "These years reach a first management post; a top executive post is a step further, reached by moving up"
    b.note(f"{said}. {top.text}" if top else f"{said}.", list(top.sources) if top else [])


def degree_length(b: Builder, kb: KnowledgeBase, reading: Reading, card: Card) -> Answered | None:
    """How long the degree the question names takes, as a route's step gives it."""
    from ..sections.timeline import degree_duration, short_name

    degree = reading.first("degree")
    short = short_name(degree) if degree else None
    found = degree_duration(kb, short) if short else None
    if degree is None or found is None:
        return None
    b.heading(f"Answer: how long it takes, {degree.name}")
    b.facts([(found.step, found.text, found.sources), sources_row(kb, found.sources)])
    return Answered(frozenset({"degree", "term"}))


def degree_needed(b: Builder, kb: KnowledgeBase, reading: Reading, card: Card) -> Answered | None:
    """Whether a degree is needed: the education section's key points, what the route of a background
    named says of it first (a nurse: the master's is an optional step), the degree named, and what top
    posts ask for."""
    from ..sections.keypoints import key_points

    points = key_points(kb, "education")
    if not points:
        return None
    who: Route | None = reading.first("background")
    b.entries("Answer: the education it takes" + (f", for {lowered(who.who or who.name)}" if who else ""), points)
    degree = reading.first("degree")
    rows = _route_says(who, degree)
    rows += [(degree.name, degree.text, degree.sources)] if degree else []
    said = {p.text for p in points}
    rows += [("Top posts", a.text, a.sources) for a in kb.advancement if "degree" in a.text and a.text not in said][:1]
    cited = [i for p in points for i in p.sources] + [i for _, _, s in rows for i in s]
    b.facts([*rows, sources_row(kb, cited)])
    return Answered(frozenset({"degree", "term", "role", "background", "occupation"}))


def _route_says(who: Route | None, degree: Degree | None) -> list[FactRow]:
    """The education step of a background's route (the one on the degree named), whether the route counts
    it optional, and the route's first experience step (what counts besides a degree)."""
    step = _education_step(who, degree) if who else None
    if who is None or step is None:
        return []
    # optional, and why where its name says ("Bachelor's degree, if you do not hold one")
    optional = (
        f" (optional on this route: {lowered(step.duration.step)})" if step.duration and step.duration.optional else ""
    )
    rows: list[FactRow] = [(f"For {lowered(who.who or who.name)}", step.text + optional, step.sources)]
    # what counts besides school ("without going back to school"): the route's first experience step
    counts = next((s for s in who.steps if s.kind == "experience"), None)
    return rows + ([("Your experience", counts.text, counts.sources)] if counts else [])


def _education_step(who: Route, degree: Degree | None) -> Step | None:
    """The route's education step on the degree named (the step that names it, or a graduate one for a
    master's), else its first."""
    from ..sections.timeline import short_name

    steps = [s for s in who.steps if s.kind == "education"]
    short = (short_name(degree) or "").upper() if degree else ""
    graduate = degree is not None and degree.level != "bachelor's"

    def on(text: str) -> bool:
        return bool(short and short in text) or (graduate and ("master" in text or "graduate" in text))

    return next((s for s in steps if on(s.text)), steps[0] if steps else None)
