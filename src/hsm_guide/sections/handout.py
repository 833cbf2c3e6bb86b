"""`hsm-guide handout`: the sheet a counselor hands out, two printed pages.

What the job is; pay in one place beside the nation's (`--area`); the route from one
background and how long it takes (`--from`; without it, how long each route takes); the
credentials one setting calls for (`--setting`; without it, the main ones); the outlook; and
the sources, with their addresses. Every figure comes from the same functions the guide's
own pages use, so the sheet never says what the pages do not.
"""

from __future__ import annotations

from ..blocks import Document, Entry, Kind, SourceRef
from ..model import KnowledgeBase, Route
from ..wages.areas import Area
from .builder import Builder
from .keypoints import key_points


def handout(
    kb: KnowledgeBase, area: str | None = None, background: str | None = None, setting: str | None = None
) -> Document:
    from .routes import find

    who = find(kb.paths.backgrounds, background, "--from") if background else None
    where = find(kb.paths.settings, setting, "--setting") if setting else None
    place, said = _place(kb, area)
    b = Builder(kb, "handout", handout_title(kb, place, who, where))
    if said:
        b.note(said)
    b.heading("What the job is")
    b.paragraph(kb.identity.summary)
    _pay(b, kb, place)
    _route(b, kb, who, where)
    pages = _credentials(b, kb, where, place.state if place is not None else "")
    b.heading("Outlook")
    b.entries(None, key_points(kb, "outlook"))
    return b.document(brief_sources=True, more=pages)


def _place(kb: KnowledgeBase, area: str | None) -> tuple[Area | None, str | None]:
    """The area `--area` names, read as every `--area` is, and what it was read as where that needs saying."""
    if area is None or kb.wages is None:
        return None, None
    from ..places import explained

    return explained(kb, area)


def handout_title(kb: KnowledgeBase, place: Area | None, who: Route | None, where: Route | None) -> str:
    """'Medical and Health Services Managers, for a registered nurse ..., in hospitals, in Ohio'."""
    said = [kb.identity.title]
    if who:
        said.append(f"for {who.name[:1].lower()}{who.name[1:]}")
    if where:
        said.append(f"in {where.name[:1].lower()}{where.name[1:]}")
    if place is not None:
        said.append(f"in {place.name}")
    return ", ".join(said)


def _pay(b: Builder, kb: KnowledgeBase, place: Area | None) -> None:
    """The area's pay beside the nation's, in one table (the pay page draws them as bands; two
    printed pages leave room for the figures only)."""
    if kb.wages is None:
        b.heading("Pay")
        b.entries(None, key_points(kb, "pay"))
        return
    from ..wages.lookup import wage_data

    data = wage_data(kb)
    nation = data.national()
    area = data.find(place.code) if place is not None and place.kind != "national" else None
    places = (area, nation) if area is not None else (nation,)
    names = [r.name if r is not nation else "United States" for r in places]
    b.heading(f"Pay {'in ' + names[0] + ' and nationally' if area else 'nationally'}, {data.label}")
    measures: list[tuple[str, str, Kind]] = [
        ("Median, a year", "annual_median", "money"),
        ("Median, an hour", "hourly_median", "hourly"),
        ("10th percentile, a year", "annual_p10", "money"),
        ("90th percentile, a year", "annual_p90", "money"),
        ("Jobs", "employment", "count"),
    ]
    b.table(
        [("Area", "text"), *((label, kind) for label, _, kind in measures)],
        [
            (name, *(data.cell(r, key, kind) for _, key, kind in measures))
            for name, r in zip(names, places, strict=True)
        ],
        caption=f"Pay and jobs, {data.label}",
        sources=[data.source],
    )


def _route(b: Builder, kb: KnowledgeBase, who: Route | None, where: Route | None) -> None:
    """One background's steps and how long they take; without one, how long each route takes."""
    from .timeline import timeline

    if who is None:
        b.heading("How long it takes to get in")
        rows = []
        sources: list[str] = []
        for route in kb.paths.backgrounds:
            t = timeline(kb, route.key, where.key if where else None)
            rows.append((route.name, t.phrase))
            sources += t.sources
        b.table([("Where you start", "text"), ("How long", "text")], rows, sources=sources)
        return
    b.heading("Your route in")
    b.entries(None, [Entry(s.text, tuple(s.sources), s.kind.capitalize()) for s in who.steps], ordered=True)
    t = timeline(kb, who.key, where.key if where else None)
    if t.rows:
        b.text(f"How long it takes: {t.phrase}.", t.sources)


def _credentials(b: Builder, kb: KnowledgeBase, where: Route | None, state: str) -> list[SourceRef]:
    """The license and credentials one setting's route names; without a setting, the main ones.
    Where the setting needs a license and the sheet is for a state, that state's row of the
    licensing table stands in for the national picture."""
    from .routes import setting_credentials

    if where is None:
        b.heading("Credentials")
        b.entries(None, key_points(kb, "certifications"))
        return []
    b.heading(f"Credentials in {where.name[:1].lower()}{where.name[1:]}")
    licenses = [s for s in where.steps if s.kind == "license"]
    pages = _state_license(b, kb, state) if licenses else []
    if not pages:
        b.entries(None, [Entry(s.text, tuple(s.sources), "License") for s in licenses])
    found = setting_credentials(kb, where)
    b.table(
        [("Credential", "text"), ("Full name", "text"), ("Issuing body", "text"), ("Renews", "text")],
        [(c.code, c.name, c.body, c.renews or (c.status[0].text if c.status else "-")) for c in found],
        sources=[i for c in found for i in c.sources],
    )
    return pages


def _state_license(b: Builder, kb: KnowledgeBase, state: str) -> list[SourceRef]:
    """The state's row of the nursing home administrator table, and the pages it cites (none: no row)."""
    from ..licensing.table import of
    from .licensing import LABELS, cells, page_ref

    table = of(kb)
    found = table.states.get(state) if table is not None and state else None
    if found is None:
        return []
    b.text(f"The nursing home administrator license in {found.name}, from the state's board and rules:")
    refs = [page_ref(found.code, i, found.pages[i]) for f in LABELS for i in getattr(found.facts, f).sources]
    b.facts(
        [("Licensing board", found.board.name, ())]
        + [(label, value, ()) for label, value in zip(LABELS.values(), cells(found), strict=True)],
    )
    return refs
