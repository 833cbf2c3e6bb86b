"""Pay side by side: this occupation beside the related ones, or beside the one a reader comes from."""

from __future__ import annotations

from collections.abc import Sequence

from ...blocks import Value
from ...model import KnowledgeBase
from ...wages.lookup import wage_data
from ..builder import Builder


def side_by_side(
    b: Builder, kb: KnowledgeBase, socs: Sequence[str], area: str | None = None, title: str = "Pay side by side"
) -> None:
    """A table of this occupation's pay and each other one's, nationally or in one state."""
    if kb.wages is None:
        return
    data = wage_data(kb)
    where, state = "United States", None
    said = None
    if area is not None:
        from ...places import explained

        chosen, said = explained(kb, area)
        found = data.find(chosen.state if chosen.kind in ("metro", "nonmetro") else chosen.code)
        if chosen.kind in ("metro", "nonmetro"):  # the related occupations are by state: the area's own
            by_state = f"The related occupations' figures are by state: {found.name}, for {chosen.name}."
            said = f"{said} {by_state}" if said else by_state
        where, state = found.name, (found.area if found.kind == "state" else None)
    rows: list[tuple[Value, ...]] = []
    for soc in dict.fromkeys([data.soc, *socs]):
        row = data.row(state, soc) if state else data.national(soc)
        name = data.occupation_name(soc) + (" (this guide)" if soc == data.soc else "")
        if row is None:
            rows.append((name, soc, "no estimate", None, None, None))
            continue
        rows.append(
            (
                name,
                soc,
                data.cell(row, "annual_median"),
                data.cell(row, "annual_p10"),
                data.cell(row, "annual_p90"),
                data.cell(row, "employment", "count"),
            )
        )
    b.heading(f"{title}, {where}, {data.label}")
    if said:
        b.note(said)
    b.table(
        [
            ("Occupation", "text"),
            ("SOC", "text"),
            ("Median", "money"),
            ("10th", "money"),
            ("90th", "money"),
            ("Jobs", "count"),
        ],
        rows,
        # named by its title: a page with two such tables (related) gives each its own label
        caption=f"{title}: yearly pay; 10th and 90th, the pay below which a tenth, and nine tenths, of workers fall",
        sources=[data.source],
    )
    notes = data.footnotes(r for soc in socs if (r := (data.row(state, soc) if state else data.row("0000000", soc))))
    for note in notes:
        b.note(f"BLS: {note}", [data.source])
