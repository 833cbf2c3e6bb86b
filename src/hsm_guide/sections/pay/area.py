"""`hsm-guide pay --area AREA`: one state's, metro's or nonmetro area's figures beside the nation's."""

from __future__ import annotations

from ...blocks import Document
from ...model import KnowledgeBase
from ...wages.lookup import wage_data
from ..builder import Builder
from ..glossary import point
from .common import bands, basis, concentration, density, percentile_table, versus


def area_pay(kb: KnowledgeBase, query: str, hourly: bool = False) -> Document:
    from ...places import explained

    data = wage_data(kb)
    area, said = explained(kb, query)
    row, nation = data.find(area.code), data.national()
    _, _, per = basis(hourly)
    b = Builder(kb, "pay", f"Pay in {row.name}, {data.label}" + (" (hourly)" if hourly else ""))
    src = [data.source]
    if said:
        b.note(said)
    median, national_median = data.value(row, "annual_median"), data.value(nation, "annual_median")
    compared = (
        f"{versus(median, national_median)} the national median ({data.text(nation, 'annual_median')})"
        if median is not None and national_median is not None
        else None
    )
    b.facts(
        [
            (
                "Median pay",
                data.yearly_and_hourly(row, "median"),
                src,
            ),
            ("Against the nation", compared, src),
            (
                "Mean pay",
                data.yearly_and_hourly(row, "mean"),
                src,
            ),
            ("Jobs", data.text(row, "employment", "count"), src),
        ]
    )
    for sentence in (concentration(row), density(row), data.rough(row)):
        if sentence:
            b.text(sentence, src)
    b.heading(f"Pay range, {per}")
    bands(b, data, [(row.name, row), ("United States", nation)], hourly)
    percentile_table(b, data, [("Here", row), ("Nation", nation)], f"Percentiles, {data.label}")
    for note in data.footnotes([row]):
        b.note(f"BLS: {note}", src)
    if row.kind == "state":
        b.hint(
            f"Metro and nonmetro areas in {row.name}: hsm-guide pay --metros --area {row.state}",
            paper=f"The guide ranks the metro and nonmetro areas of {row.name} on a page of their own.",
        )
    point(b, "pay-area")
    return b.document()
