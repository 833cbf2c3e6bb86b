"""Handouts printed and read as a counselor would: Chromium prints each to PDF at Letter and A4,
and shows each at a phone's width.

- no printed page but the last is under half full (pypdfium2 draws each page; the lowest
  inked row of the page's body, between its margins, says how full it is);
- the handout of `hsm-guide handout` is two Letter pages;
- every printed page carries "Page N of M" and the date the handout was made;
- an address prints once where the page shows it (print adds no "(address)" after a link);
- at 375 pixels no table is cut off (a wide one is a stack of records), and no chart text is
  drawn under 12 pixels;
- the SVG export draws the charts the HTML page draws, legend swatches included.

Each rule has a test that shows it can fail. The module runs on the browser tests' worker.
"""

from __future__ import annotations

import datetime
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from hsm_guide.cli import app

from .conftest import HANDOUT_MADE as MADE
from .conftest import HANDOUT_PAGES as PAGES

MADE_SAID = "May 6, 2026"
HANDOUTS = [name for name in PAGES if name.startswith("sheet-")]
SIZES = ("Letter", "A4")
TOP_MM, BOTTOM_MM = 16, 18  # the handout's page margins (render/htmlstyle.py)
HALF = 0.5


@pytest.fixture
def opened(browser: Any, handout_pages: dict[str, Path]) -> Iterator[Any]:
    pages: list[Any] = []

    def open_(name: str, width: int = 1280) -> Any:
        page = browser.new_page(viewport={"width": width, "height": 900})
        pages.append(page)
        page.goto(handout_pages[name].as_uri())
        return page

    yield open_
    for page in pages:
        page.close()


def fills(pdf: bytes) -> list[float]:
    """How full each printed page is: the lowest inked row between the top and bottom margins,
    as a share of the height between them (the margins hold the header and the page number)."""
    pdfium = pytest.importorskip("pypdfium2", reason="pypdfium2 is not installed (pip install '.[test]')")
    found = []
    scale = 0.5
    for page in pdfium.PdfDocument(pdf):
        height = page.get_size()[1]
        bitmap = page.render(scale=scale, grayscale=True)
        pixels, stride, width = bytes(bitmap.buffer), bitmap.stride, bitmap.width
        top = round(TOP_MM / 25.4 * 72 * scale)
        bottom = round((height - BOTTOM_MM / 25.4 * 72) * scale)
        inked = [y for y in range(top, bottom) if min(pixels[y * stride : y * stride + width]) < 200]
        found.append((inked[-1] - top) / (bottom - top) if inked else 0.0)
    return found


def page_texts(pdf: bytes) -> list[str]:
    pypdf = pytest.importorskip("pypdf", reason="pypdf is not installed (pip install '.[test]')")
    return [sheet.extract_text() for sheet in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def short_pages(pdf: bytes) -> list[str]:
    full = fills(pdf)
    return [f"page {n} of {len(full)}: {f:.0%}" for n, f in enumerate(full[:-1], 1) if f < HALF]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", PAGES)
def test_no_printed_page_but_the_last_is_under_half_full(printed_pdf: Any, name: str, size: str) -> None:
    short = short_pages(printed_pdf(name, size))
    assert not short, f"{name} on {size}: {short}"


def test_the_fill_rule_can_fail(browser: Any, handout_pages: dict[str, Path]) -> None:
    page = browser.new_page()
    page.goto(handout_pages["route"].as_uri())
    page.evaluate("document.querySelector('h1').insertAdjacentHTML('afterend', '<div style=\"break-after: page\">')")
    assert short_pages(page.pdf(format="Letter"))
    page.close()


@pytest.mark.parametrize("name", HANDOUTS)
def test_the_handout_is_two_letter_pages(printed_pdf: Any, name: str) -> None:
    assert len(fills(printed_pdf(name, "Letter"))) == 2


@pytest.mark.parametrize("name", ["sheet-oh", "all", "map", "certifications"])
def test_every_printed_page_has_its_number_and_the_date_made(printed_pdf: Any, name: str) -> None:
    texts = page_texts(printed_pdf(name))
    assert datetime.datetime.fromtimestamp(MADE, datetime.UTC).strftime("%B %-d, %Y") == MADE_SAID
    for n, text in enumerate(texts, 1):
        flat = " ".join(text.split())
        assert f"Page {n} of {len(texts)}" in flat, f"{name}, page {n}"
        assert f"Made {MADE_SAID}" in flat, f"{name}, page {n}"


def addresses_added_by_print(page: Any, pdf: bytes) -> list[str]:
    """Addresses the printed text holds more often than the page itself shows them."""
    shown = re.sub(r"\s+", "", page.evaluate("document.body.innerText"))
    text = re.sub(r"\s+", "", "".join(page_texts(pdf)))
    hrefs = set(page.eval_on_selector_all("a[href^='http']", "links => links.map(a => a.getAttribute('href'))"))
    return sorted(h for h in hrefs if text.count(h) > shown.count(h) or f"({h})" in text)


@pytest.mark.parametrize("name", ["sheet-oh", "certifications", "route", "all"])
def test_an_address_prints_once_where_the_page_shows_it(opened: Any, printed_pdf: Any, name: str) -> None:
    added = addresses_added_by_print(opened(name), printed_pdf(name, "Letter"))
    assert not added, f"{name}: print repeats {added[:5]}"


def test_the_address_rule_can_fail(opened: Any) -> None:
    page = opened("certifications")
    page.add_style_tag(content='@media print { a[href^="http"]::after { content: " (" attr(href) ")"; } }')
    assert addresses_added_by_print(page, page.pdf(format="Letter"))


CUT_OFF = """() => [...document.querySelectorAll('table')].filter(t => {
    const box = t.closest('.scroll') || t.parentElement;
    return box.scrollWidth > box.clientWidth + 1 || t.getBoundingClientRect().right > window.innerWidth + 1;
}).map(t => (t.querySelector('caption') || t.querySelector('th') || t).textContent.trim().slice(0, 40))"""


@pytest.mark.parametrize("name", ["certifications", "pay", "route", "offer", "map", "sheet-tx", "all"])
def test_no_table_is_cut_off_on_a_phone(opened: Any, name: str) -> None:
    cut = opened(name, 375).evaluate(CUT_OFF)
    assert not cut, f"{name} at 375 px: {cut}"


def test_the_cut_off_rule_can_fail(opened: Any) -> None:
    page = opened("certifications", 375)
    page.evaluate("document.querySelectorAll('table.records').forEach(t => t.classList.remove('records'))")
    assert page.evaluate(CUT_OFF)


SMALLEST_TEXT = """() => Math.min(...[...document.querySelectorAll('figure svg text')].filter(t => {
    const box = t.getBoundingClientRect(); return box.width > 0 && box.height > 0;
}).map(t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a))"""


@pytest.mark.parametrize("name", ["all", "map", "offer", "industry", "fit"])
def test_chart_text_is_at_least_12_pixels_on_a_phone(opened: Any, name: str) -> None:
    smallest = opened(name, 375).evaluate(SMALLEST_TEXT)
    assert 12 - 0.05 <= smallest < 100, f"{name}: the smallest chart text is {smallest:.1f} px"


def test_the_chart_text_rule_can_fail(opened: Any) -> None:
    page = opened("map", 375)
    page.evaluate("document.querySelectorAll('figure svg').forEach(s => s.style.maxWidth = '250px')")
    assert page.evaluate(SMALLEST_TEXT) < 12


@pytest.fixture(scope="module")
def svg_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("svg")
    written = {}
    views = {"map": ["pay", "--states"], "pay": ["pay"], "cphq": ["certifications", "cphq"], "sources": ["sources"]}
    for name, args in views.items():
        path = folder / f"{name}.svg"
        result = CliRunner().invoke(app, [*args, "-o", str(path)], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        written[name] = path
    return written


DRAWN = """() => [...document.querySelectorAll('svg svg.chart')].map(s => {
    const box = s.getBoundingClientRect();
    return [s.getAttribute('class'), Math.round(box.width), Math.round(box.height),
            s.querySelectorAll('rect.key').length, s.querySelectorAll('rect.tile').length];
})"""


def test_the_svg_export_draws_the_charts(browser: Any, svg_files: dict[str, Path]) -> None:
    page = browser.new_page()
    page.goto(svg_files["map"].as_uri())
    (drawn,) = page.evaluate(DRAWN)
    kind, width, height, swatches, tiles = drawn
    assert "chart-map" in kind and width > 300 and height > 300
    assert swatches == 5, "the legend's five color samples"
    assert tiles >= 52, "a tile for every state, DC and Puerto Rico"
    page.goto(svg_files["pay"].as_uri())
    kinds = [d[0] for d in page.evaluate(DRAWN)]
    assert any("chart-bands" in k for k in kinds), kinds
    fonts = page.evaluate("[...document.querySelectorAll('text')].map(t => getComputedStyle(t).fontFamily)")
    assert fonts and not any("mono" in f.lower() for f in fonts), "set in a proportional font, not a terminal's"
    page.close()


def test_an_svg_without_a_chart_is_a_readable_document_with_whole_addresses(
    browser: Any, svg_files: dict[str, Path]
) -> None:
    page = browser.new_page()
    said = "[...document.querySelectorAll('text')].map(t => t.textContent).join(' ')"
    linked = "[...new Set([...document.querySelectorAll('a')].map(a => a.getAttribute('href')))]"
    page.goto(svg_files["cphq"].as_uri())
    words = page.evaluate(said)
    assert words.startswith("CPHQ: Certified Professional in Healthcare Quality")
    assert "Who is eligible" in words and "hsm-guide" not in words
    page.goto(svg_files["sources"].as_uri())
    words, links = page.evaluate(said), page.evaluate(linked)
    page.close()
    long = [u for u in links if len(u) > 80]
    assert long, "the sources page has addresses longer than 80 characters"
    joined = words.replace(" ", "")
    assert all(u in joined for u in links), "every address whole, even broken across lines"
