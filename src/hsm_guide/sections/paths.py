"""`hsm-guide path`: the routes into the occupation, and a route for one person."""

from __future__ import annotations

from ..blocks import Document, Entry, Node
from ..model import KnowledgeBase, Route, Step
from ..words import listed
from .builder import Builder
from .routes import find

KIND_LABELS = {
    "education": "Education",
    "experience": "Experience",
    "certification": "Certification",
    "license": "License",
    "advancement": "Advancement",
}


def routes_tree(kb: KnowledgeBase) -> Document:
    """Every route in, drawn from the sections that describe each stage."""
    b = Builder(kb, "path", "Routes into the occupation")
    degrees = [Node(f"{d.name}: {d.text}", sources=tuple(d.sources)) for d in kb.education.degrees]
    graduate = tuple(Node(g.text, sources=tuple(g.sources)) for g in kb.education.graduate_programs)
    education = Node("Education", (*degrees, Node("Graduate programs", graduate)) if graduate else tuple(degrees))
    experience = Node("Experience", tuple(Node(r.text, sources=tuple(r.sources)) for r in kb.experience.routes))
    certification = Node(
        "Certification (optional)",
        tuple(
            Node(f"{c.code}: {c.name} ({c.body}); suits {_lower_first(c.suits)}", sources=tuple(c.sources))
            for c in kb.certifications.credentials
        ),
    )
    license = Node(
        "License",
        tuple(
            Node(f"{x.name}: {_lower_first(x.applies_to)} ({x.required})", sources=tuple(x.sources))
            for x in kb.licensure
        ),
    )
    advancement = Node("Advancement", tuple(Node(a.text, sources=tuple(a.sources)) for a in kb.advancement))
    b.tree(Node(kb.identity.title, (education, experience, certification, license, advancement)))
    b.hint(
        "For a route for you, run: hsm-guide path --from "
        + "|".join(x.key for x in kb.paths.backgrounds)
        + ", and narrow it with --setting "
        + "|".join(x.key for x in kb.paths.settings),
        paper="The guide gives a route step by step, with how long it takes, from each background ("
        + listed([x.key.replace("-", " ") for x in kb.paths.backgrounds])
        + "), and the steps each setting adds.",
    )
    return b.document()


def route(kb: KnowledgeBase, background: str | None, setting: str | None, area: str | None = None) -> Document:
    """Step-by-step route for one background, one setting, or both; with an area, the pay table is there."""
    who = find(kb.paths.backgrounds, background, "--from") if background else None
    where = find(kb.paths.settings, setting, "--setting") if setting else None
    if who is None and where is None:
        return routes_tree(kb)
    b = Builder(kb, "path", route_title(kb, who, where))
    if who:
        b.entries(f"{who.name}: step by step", _steps(who.steps), ordered=True)
    if where:
        b.entries(f"In this setting: {where.name}", _steps(where.steps), ordered=True)
    if who:
        how_long(b, kb, who.key, where.key if where else None)
    if who:
        from .pay.compare import side_by_side
        from .routes import start_socs

        if start_socs(who):
            side_by_side(b, kb, start_socs(who), area, title="Pay now and as a manager")
    if who and not where:
        b.hint(
            "Narrow it to one setting with --setting " + "|".join(x.key for x in kb.paths.settings),
            paper="The steps each setting adds ("
            + listed([x.name.lower() for x in kb.paths.settings])
            + ") are on the guide's route pages.",
        )
    return b.document()


def route_title(kb: KnowledgeBase, who: Route | None, where: Route | None) -> str:
    """Whom the route is for, from the data: 'A route into health services management for a
    registered nurse, hospital setting'."""
    title = f"A route into {kb.paths.into or 'the occupation'}"
    if who:
        title += f" for {who.who or _lower_first(who.name)}"
    if where:
        title += f", {where.who or _lower_first(where.name)}"
    return title


def how_long(b: Builder, kb: KnowledgeBase, background: str, setting: str | None) -> None:
    """The route's timeline: each step's typical time, and the total as a sentence."""
    from .timeline import timeline

    t = timeline(kb, background, setting)
    if not t.rows:
        return
    b.heading("How long it takes")
    rows = [(f"{r.step} (optional)" if r.optional else r.step, r.typical) for r in t.rows]
    b.table([("Step", "text"), ("Typical time", "text")], rows, sources=t.sources)
    b.text(f"In all, {t.phrase}.", t.sources)


def _steps(steps: list[Step]) -> list[Entry]:
    return [Entry(s.text, tuple(s.sources), KIND_LABELS[s.kind]) for s in steps]


def _lower_first(text: str) -> str:
    """Run a phrase on inside a sentence without touching acronyms later in it (health IT)."""
    return text[:1].lower() + text[1:]
