"""How long a route takes: the steps' typical durations, added up.

`timeline(kb, background)` is what `path --from X` shows and what a "how long does it
take" question answers with. Required steps give the range; optional steps are
counted apart ("6 to 13 with the optional steps"), as the sources' arithmetic does.
"""

from __future__ import annotations

from collections.abc import Iterable

from msgspec import Struct

from ..model import Degree, Duration, KnowledgeBase, Step


class TimelineRow(Struct, frozen=True):
    step: str  # what the step is, in the data's words
    typical: str  # its typical time, in words
    low_years: float
    high_years: float
    optional: bool
    sources: tuple[str, ...]


class Timeline(Struct, frozen=True):
    rows: tuple[TimelineRow, ...]
    low_years: float  # the required steps, added up
    high_years: float
    optional_low_years: float  # with every optional step too
    optional_high_years: float
    phrase: str  # "about 4 to 10 years from high school; 6 to 13 with the optional steps"
    sources: tuple[str, ...]


def timeline(kb: KnowledgeBase, background_key: str, setting_key: str | None = None) -> Timeline:
    """The timeline of one background (and a setting's steps after it); an unknown key exits 2."""
    from .routes import find

    routes = [find(kb.paths.backgrounds, background_key, "--from")]
    if setting_key:
        routes.append(find(kb.paths.settings, setting_key, "--setting"))
    rows = tuple(_row(s) for route in routes for s in route.steps if s.duration)
    low, high, all_low, all_high = added_up(rows)
    sources = tuple(dict.fromkeys(i for r in rows for i in r.sources))
    start = f"from {routes[0].start}" if routes[0].start else "from where you are now"
    return Timeline(rows, low, high, all_low, all_high, phrase(low, high, all_low, all_high, start), sources)


def _row(step: Step) -> TimelineRow:
    assert step.duration is not None
    return row(step.duration)


def row(d: Duration) -> TimelineRow:
    return TimelineRow(d.step, d.text, d.years[0], d.years[1], d.optional, tuple(d.sources))


def added_up(rows: Iterable[TimelineRow]) -> tuple[float, float, float, float]:
    """The required steps' years added up (least, most), then every step's, the optional ones too."""
    rows = list(rows)
    required = [r for r in rows if not r.optional]
    return (
        sum(r.low_years for r in required),
        sum(r.high_years for r in required),
        sum(r.low_years for r in rows),
        sum(r.high_years for r in rows),
    )


def phrase(low: float, high: float, all_low: float, all_high: float, where: str) -> str:
    """'about 4 to 10 years from high school; 6 to 13 with the optional steps'."""
    said = f"{about(low, high)} {where}"
    if (all_low, all_high) != (low, high):
        said += f"; {years(all_low, all_high, unit=False)} with the optional steps"
    return said


def about(low: float, high: float) -> str:
    """'about 4 to 10 years'; 'up to about 5 years' where the least is none (experience already held)."""
    return f"up to about {years(high, high)}" if low == 0 else f"about {years(low, high)}"


def years(low: float, high: float, unit: bool = True) -> str:
    """4 to 10 years; 0.5 years: about 6 months; one figure when low and high agree."""
    span = _number(low) if low == high else f"{_number(low)} to {_number(high)}"
    return f"{span} years" if unit else span


def _number(value: float) -> str:
    return f"{value:g}"


# -- a setting's own steps, and a degree's length -------------------------------------------------


def degree_duration(kb: KnowledgeBase, short: str) -> Duration | None:
    """The first route step's duration that names the degree by its short name (mha; bachelor), in the data's order."""
    for r in [*kb.paths.backgrounds, *kb.paths.settings]:
        for step in r.steps:
            d = step.duration
            if d is not None and short in {w.lower().removesuffix("'s") for w in _words(d.step)}:
                return d
    return None


def setting_steps(kb: KnowledgeBase, key: str, most: int = 4) -> tuple[list[tuple[Step, Duration | None]], str]:
    """A setting's steps, each with the lengths it names in its place (the degrees a step names, then the
    step's own duration); every length is kept, other steps while there is room; and the lengths added up
    ("" where no required step has one), as a route's timeline adds them."""
    from .routes import find

    setting = find(kb.paths.settings, key, "--setting")
    found: list[tuple[Step, Duration | None]] = [
        (step, d) for step in setting.steps for d in (_lengths(kb, step) or [None])
    ]
    room = most - sum(1 for _, d in found if d is not None)
    kept = []
    for step, d in found:
        if d is None and room <= 0:
            continue
        room -= d is None
        kept.append((step, d))
    timed = [d for _, d in kept if d is not None]
    total = "" if all(d.optional for d in timed) else phrase(*added_up(row(d) for d in timed), "in all")
    return kept, total


def _lengths(kb: KnowledgeBase, step: Step) -> list[Duration | None]:
    """The lengths of the degrees a step names, then the step's own duration."""
    words = {w.lower().removesuffix("'s") for w in _words(step.text)}
    shorts = [a for g in kb.education.degrees if (a := short_name(g)) in words]
    named: list[Duration | None] = [d for a in shorts if (d := degree_duration(kb, a)) and d is not step.duration]
    return named + ([step.duration] if step.duration else [])


def short_name(degree: Degree) -> str | None:
    """A degree's short name as a reader says it: mha, mba; bachelor for the bachelor's degree."""
    import re

    found = re.search(r"\(([A-Z]{2,5})\)", degree.name)
    if found:
        return found.group(1).lower()
    return "bachelor" if degree.level == "bachelor's" else None


def _words(text: str) -> list[str]:
    import re

    return re.findall(r"[\w']+", text)
