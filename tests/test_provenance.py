"""Every figure cited to a source appears in that source's text.

Seed figures are checked against the seed files themselves; figures cited to a
web address against ../shared/reference-facts.md, where they were recorded.
Both live beside the repository (they do in CI); elsewhere the test skips.
"""

from __future__ import annotations

import re

import pytest

from hsm_guide.knowledge import figure_fields, iter_records, load, packaged_data_path

from .conftest import REFERENCE, ROOT, SEEDS

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside this checkout")


def spellings(value: float) -> set[str]:
    """The ways a document may write a figure: 101340, 101,340, $101,340, 50.40."""
    if float(value).is_integer():
        n = int(value)
        return {str(n), f"{n:,}"}
    return {f"{value:.2f}", f"{value:,.2f}", f"{value:g}"}


def appears(value: float, text: str) -> bool:
    # Not inside a longer number: 28 must not match 280 or 2028.
    return any(re.search(rf"(?<![\d.,]){re.escape(s)}(?![\d]|[.,]\d)", text) for s in spellings(value))


def test_every_figure_appears_in_what_it_cites() -> None:
    kb = load(packaged_data_path())
    catalog = {s.id: s for s in kb.sources}
    reference = REFERENCE.read_text(encoding="utf-8")
    missing = []
    checked = 0
    for path, record in iter_records(kb):
        figures = figure_fields(record)
        cited = getattr(record, "sources", None)
        if not figures or not cited or path[:1] == ["sources"]:
            continue
        for sid in cited:
            source = catalog[sid]
            text = (SEEDS / source.file).read_text(encoding="utf-8") if source.file else reference
            for name, value in figures.items():
                checked += 1
                if not appears(value, text):
                    missing.append(f"{path}.{name} = {value} not in {sid}")
    assert not missing, "\n".join(missing)
    assert checked > 80


def test_figures_in_tables_are_checked_too() -> None:
    """Rows of a cited table inherit the table's citation; check them against it."""
    kb = load(packaged_data_path())
    catalog = {s.id: s for s in kb.sources}
    reference = REFERENCE.read_text(encoding="utf-8")
    tables = [kb.settings.employer_shares, *kb.pay.by_industry, *kb.pay.by_area]
    missing = []
    for table in tables:
        for sid in table.sources:
            source = catalog[sid]
            text = (SEEDS / source.file).read_text(encoding="utf-8") if source.file else reference
            for row in table.rows:
                for name, value in figure_fields(row).items():
                    if not appears(value, text):
                        missing.append(f"{row} {name}={value} not in {sid}")
    assert not missing, "\n".join(missing)


def test_every_seed_file_is_in_the_catalogue() -> None:
    kb = load(packaged_data_path())
    files = {s.file for s in kb.sources if s.file}
    assert files == {p.name for p in SEEDS.glob("*.txt")}


def test_the_spelling_check_can_fail() -> None:
    assert appears(101340, "was $101,340 in May")
    assert not appears(28, "grew 280 percent")
    assert not appears(50.4, "paid $50.41 an hour")


def test_every_number_in_a_credential_or_license_fact_is_on_a_page_it_cites() -> None:
    """Credential and licensing facts are text, so the figure check above misses their
    numbers; each one must be in the record of a page the fact cites (seeds: the seed)."""
    import yaml

    from hsm_guide.model import Item

    pages = yaml.safe_load((ROOT / "tests" / "data" / "credential_pages.yaml").read_text(encoding="utf-8"))
    kb = load(packaged_data_path())
    catalogue = {s.id: s for s in kb.sources}
    items: list[Item] = [d for lic in kb.licensure for d in lic.details]
    for cert in kb.certifications.credentials:
        items += [*cert.eligibility, *cert.exam, *cert.renewal, *cert.cost, *cert.status]
    words = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "twelve": "12"}
    missing = []
    for item in items:
        said = " ".join(words.get(w.lower(), w) for w in item.text.split())
        texts = []
        for sid in item.sources:
            source = catalogue[sid]
            texts.append((SEEDS / source.file).read_text(encoding="utf-8") if source.file else "")
            texts.append(" ".join(pages.get(sid, [])))
        record = " ".join(" ".join(words.get(w.lower(), w) for w in t.split()) for t in texts)
        for number in re.findall(r"\d+(?:,\d{3})*(?:\.\d+)?", said):
            if number not in record:
                missing.append(f"{number} in {item.text[:60]!r} not on {item.sources}")
    assert not missing, "\n".join(missing)
    assert len(items) > 30


def test_every_credential_fact_cites_a_page_with_an_address() -> None:
    kb = load(packaged_data_path())
    catalogue = {s.id: s for s in kb.sources}
    for cert in kb.certifications.credentials:
        facts = [*cert.eligibility, *cert.exam, *cert.renewal, *cert.cost, *cert.status]
        assert facts, cert.code
        for fact in facts:
            assert any(catalogue[s].url for s in fact.sources), (cert.code, fact.text)
        assert cert.url in {catalogue[s].url for f in facts for s in f.sources}, cert.code
