"""How long a route takes: the steps' typical durations, added up.

`timeline(kb, background)` is what `path --from X` shows and what a "how long does it
take" question answers with. Required steps give the range; optional steps are
counted apart ("6 to 13 with the optional steps"), as the sources' arithmetic does.
"""

from __future__ import annotations

from collections.abc import Iterable

from msgspec import Struct

from ..model import Duration, KnowledgeBase, Step


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
    from .paths import find

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
