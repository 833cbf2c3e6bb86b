"""The pay view: the section, or one of its views (--area, --states, --salary...)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import UsageError

if TYPE_CHECKING:
    from ..blocks import Document
    from ..model import KnowledgeBase


def check(
    brief: bool,
    year: int | None,
    hourly: bool,
    area: str | None,
    chosen: dict[str, bool],
) -> None:
    """Refuse option sets that ask for two pages at once or options a view ignores."""
    views = [flag for flag, on in chosen.items() if on]
    if brief and (views or area is not None or year is not None or hourly):
        raise UsageError("--brief shows the section's key points; use it without other options")
    if len(views) > 1:
        raise UsageError(f"{' and '.join(views)} show different things; use one at a time")
    if area is not None and views and views[0] in ("--states", "--industry", "--history"):
        raise UsageError(f"--area does not apply to {views[0]}; use pay --area {area[:40]} on its own")
    if (year is not None or hourly) and chosen["--history"]:
        raise UsageError("--history charts every year's yearly median; --year and --hourly do not apply to it")
    if year is not None and (area is not None or chosen["--states"] or chosen["--metros"] or chosen["--industry"]):
        raise UsageError("--area, --states, --metros and --industry show the current release; leave out --year")


def pay(
    kb: KnowledgeBase,
    name: str,
    year: int | None = None,
    hourly: bool = False,
    area: str | None = None,
    states: bool = False,
    metros: bool = False,
    industry: bool = False,
    history: bool = False,
    salary: str | None = None,
    brief: bool = False,
) -> Document:
    from ..sections.pay import area as by_area
    from ..sections.pay import history as edition_history
    from ..sections.pay import industry as by_industry
    from ..sections.pay import national
    from ..sections.pay import salary as offer
    from ..sections.pay import states as by_state

    chosen = {
        "--states": states,
        "--metros": metros,
        "--industry": industry,
        "--history": history,
        "--salary": salary is not None,
    }
    check(brief, year, hourly, area, chosen)
    if brief or not (any(chosen.values()) or hourly or year is not None or area is not None):
        from . import BY_NAME

        return BY_NAME["pay"].whole_section(kb, brief)  # the section itself, opening with its key points
    if history:
        return edition_history.pay_history(kb)
    if salary is not None:
        return offer.offer(kb, offer.parse_salary(salary, hourly), year, area)
    if states:
        return by_state.states_pay(kb, hourly)
    if metros:
        return by_state.metros_pay(kb, area, hourly)
    if industry:
        return by_industry.industry_pay(kb, hourly)
    if area is not None:
        return by_area.area_pay(kb, area, hourly)
    return national.pay(kb, year, hourly)
