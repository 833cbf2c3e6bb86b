"""Pages handed on: the `handout` command, paper that speaks in words, figures that read the same
everywhere (location quotients to two decimals), captions that name their year and source, and
map shades that stand out from white paper."""

from __future__ import annotations

import re

import pytest

from .test_handout import Tree, html_of

pytestmark = pytest.mark.usefixtures("warm_cache")  # pages here are read, not the cache (conftest.py)

MADE = "1778025600"  # SOURCE_DATE_EPOCH: 2026-05-06 00:00 UTC


@pytest.fixture(autouse=True)
def made_on_a_known_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", MADE)


def test_handout_is_html_by_default_with_every_part(run) -> None:
    result = run("handout", "--area", "OH", "--from", "nurse", "--setting", "hospital")
    assert result.exit_code == 0, result.stderr
    page = result.stdout
    assert page.startswith("<!DOCTYPE html>")
    tree = Tree(page)
    (h1,) = tree.all("h1")
    assert "registered nurse" in h1.content() and "hospitals" in h1.content() and "Ohio" in h1.content()
    heads = [h.content() for h in tree.all("h2")]
    assert heads == [
        "What the job is",
        "Pay in Ohio and nationally, May 2025",
        "Your route in",
        "Credentials in hospitals",
        "Outlook",
    ]
    text = " ".join(tree.root.content().split())
    # pay here and nationally, from BLS's May 2025 release (Ohio and the nation's medians)
    assert "$106,140" in text and "$123,860" in text
    assert "How long it takes: " in text and "CPHRM" in text and "29%" in text
    assert "Made May 6, 2026" in text
    addresses = [a.attrs["href"] for a in tree.all("a") if (a.attrs.get("href") or "").startswith("http")]
    assert "https://www.bls.gov/oes/tables.htm" in addresses, "the sources with their addresses"
    assert "hsm-guide" not in text, "no command lines on paper"


def test_handout_writes_markdown_and_the_terminal_when_asked(run, tmp_path) -> None:
    sheet = tmp_path / "sheet.md"
    assert run("handout", "--from", "student", "-o", str(sheet)).exit_code == 0
    markdown = sheet.read_text(encoding="utf-8")
    assert markdown.startswith("# Medical and Health Services Managers, for a student")
    assert "## How long it takes to get in" not in markdown and "## Your route in" in markdown
    assert re.search(r"^- \[Occupational Employment and Wage Statistics.*: <https://www\.bls\.gov/oes/", markdown, re.M)
    shown = run("handout", "--format", "terminal").stdout
    assert shown.startswith("Medical and Health Services Managers\n") and "How long it takes to get in" in shown


def test_handout_refuses_an_unknown_background_in_one_line(run) -> None:
    result = run("handout", "--from", "astronaut")
    assert result.exit_code == 2 and "--from" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("path", "--from", "nurse"),
        ("path",),
        ("pay",),
        ("pay", "--states"),
        ("certifications",),
        ("duties",),
        ("fit", "--answers", "4,4,4,4,4,4,4,4,4,4,4,4,4,4"),
    ],
    ids=" ".join,
)
def test_paper_names_no_command(run, args: tuple[str, ...]) -> None:
    terminal = run(*args).stdout
    page = " ".join(Tree(html_of(run, *args)).root.content().split())
    markdown = run(*args, "--format", "markdown").stdout
    assert "hsm-guide " in terminal or "--" in terminal or args[0] == "fit", "the terminal names its commands"
    for paper in (page, markdown):
        assert "hsm-guide " not in paper and not re.search(r"(?<![\w-])--(?:from|setting|area|states)\b", paper)


def test_a_pointer_reads_as_what_it_leads_to(run) -> None:
    page = " ".join(Tree(html_of(run, "certifications")).root.content().split())
    assert "The guide has a page for each credential" in page
    fit = run("fit", "--answers", "4,4,4,4,4,4,4,4,4,4,4,4,4,4", "--format", "markdown").stdout
    assert "Read more in the guide's Interests section." in fit


def test_location_quotients_read_with_two_decimals_everywhere(run) -> None:
    # Ohio's location quotient in BLS's May 2025 release is 1.14; Puerto Rico's 0.6 (printed 0.60)
    area = run("pay", "--area", "OH").stdout
    assert "Location quotient 1.14: these jobs are 1.14 times as concentrated" in area
    states = run("pay", "--states").stdout
    rows = [line for line in states.splitlines() if line.startswith(("Ohio ", "Puerto Rico "))]
    assert rows and all(re.search(r"\s\d\.\d\d$", line) for line in rows), rows


def test_chart_captions_name_their_year_and_source(run) -> None:
    for figure in Tree(html_of(run, "pay", "--area", "boston", "--salary", "120000")).all("figure"):
        caption = figure.all("figcaption")[0].content()
        assert re.search(r"\b20\d\d\b", caption) and "(BLS, 2025)" in caption, caption


def contrast(fill: str) -> float:
    """WCAG 2 contrast of a color against white."""

    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(int(fill[i : i + 2], 16)) for i in (1, 3, 5))
    return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)


def test_every_map_shade_stands_out_from_white_and_tiles_have_borders(run) -> None:
    page = html_of(run, "pay", "--states")
    fills = set(re.findall(r'class="tile bin-\d" [^>]*fill="(#[0-9a-f]{6})"', page))
    assert len(fills) == 5
    assert min(contrast(f) for f in fills) >= 1.5, sorted(fills)
    strokes = set(re.findall(r'class="tile bin-\d" [^>]*stroke="(#[0-9a-f]{6})"', page))
    assert strokes and all(contrast(s) >= 3 for s in strokes), "a border that shows on white and on each shade"
