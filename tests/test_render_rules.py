"""Rules the renderers and the formatter keep: every block type drawn by every renderer,
money in one formatter, one definition of the projection rows."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT

SRC = ROOT / "src" / "hsm_guide"

# Every place that turns blocks into output (or into search passages), by its path in the package.
DISPATCHERS = {"render/terminal.py", "render/markdown.py", "render/html.py", "render/svg.py", "search/corpus.py"}


def test_a_block_type_no_renderer_draws_fails_the_type_check(tmp_path: Path) -> None:
    """Add a block type to the union and draw it nowhere: mypy must name every dispatcher.

    Each ends its `match` with `assert_never`, so a forgotten type is a type error rather than
    a block silently left out of one output; a dispatcher that drops its `assert_never` (or
    swallows unknown blocks) goes quiet here and fails this test."""
    package = tmp_path / "hsm_guide"
    shutil.copytree(SRC, package, ignore=shutil.ignore_patterns("__pycache__"))
    blocks = package / "blocks.py"
    text = blocks.read_text(encoding="utf-8")
    fake = 'class Fake(Struct, frozen=True, tag="fake", tag_field="type"):\n    text: str\n\n\nBlock = Fake | '
    assert "\nBlock = " in text
    blocks.write_text(text.replace("\nBlock = ", "\n" + fake, 1), encoding="utf-8")
    files = [str(package / name) for name in sorted(DISPATCHERS)]
    mypy = [sys.executable, "-m", "mypy", "--strict", "--python-version=3.11", f"--cache-dir={tmp_path / 'cache'}"]
    result = subprocess.run(
        [*mypy, *files],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    flagged = {
        (tmp_path / m.group(1)).relative_to(package).as_posix()  # mypy names files from its working folder
        for m in re.finditer(r"^(.+?\.py):\d+: error: .*\"assert_never\".*\"Fake\"", result.stdout, re.MULTILINE)
    }
    assert flagged == DISPATCHERS, result.stdout


def test_every_dispatcher_is_listed() -> None:
    """A new renderer that walks the blocks joins DISPATCHERS, so the test above covers it."""
    found = {p.relative_to(SRC).as_posix() for p in SRC.rglob("*.py") if "assert_never(block)" in p.read_text("utf-8")}
    assert found == DISPATCHERS


# Hand-formatted money ("${x:,.0f}" in an f-string) and percentages ("{x:g}%"): blocks.money,
# hourly, percent and share are the one place figures get their dollar sign or percent sign.
_HAND_MONEY = re.compile(r"\$\{")
_HAND_PERCENT = re.compile(r"\{[^{}]*:[^{}]*g\}%")
# The knowledge-base loader's own messages about the data file quote its numbers as typed.
_LOADER = ("knowledge",)


def test_money_and_percentages_are_formatted_in_one_place() -> None:
    found = []
    for path in sorted(SRC.rglob("*.py")):
        name = path.relative_to(SRC).as_posix()
        if name == "blocks.py":
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if _HAND_MONEY.search(line) or (_HAND_PERCENT.search(line) and not name.startswith(_LOADER)):
                found.append(f"{name}:{n}: {line.strip()}")
    assert found == [], "format figures with blocks.money/hourly/percent/share:\n" + "\n".join(found)


def test_the_formatter_reads_as_americans_write_figures() -> None:
    from hsm_guide.blocks import fmt, hourly, money, percent, share

    assert (money(123_860), money(95_000.4), money(-5_210)) == ("$123,860", "$95,000", "-$5,210")
    assert (hourly(59.55), hourly(1_200), hourly(-0.5)) == ("$59.55", "$1,200.00", "-$0.50")
    assert (percent(29), percent(12.5), share(0.043), share(-0.12, signed=True)) == ("29%", "12.5%", "4%", "-12%")
    assert (fmt(123_860, "money"), fmt(59.55, "hourly"), fmt(29, "percent"), fmt(None, "money")) == (
        "$123,860",
        "$59.55",
        "29%",
        "-",
    )


def _facts(run, *args: str) -> dict[str, str]:
    payload = json.loads(run(*args, "--json").stdout)
    blocks = payload["sections"][0]["blocks"]
    return {row["label"]: row["value"] for b in blocks if b["type"] == "facts" for row in b["rows"]}


def test_the_outlook_shows_the_projection_rows_of_the_quick_facts(run) -> None:
    """One definition of the rows: the outlook's current projection reads as the overview's quick facts."""
    projection = ("Jobs", "Job outlook", "Employment change", "Openings a year")
    overview, outlook = _facts(run, "overview"), _facts(run, "outlook")
    assert [overview[k] for k in projection] == [outlook[k] for k in projection]
    assert outlook["Jobs"] == "562,700 in 2023 (Employment Projections)"
    assert outlook["Job outlook"] == "29% over 2023-2033 (much faster than average)"


# -- Markdown tables: figures aligned right, words and commands left ---------------------------------


def table_heads(markdown: str) -> dict[str, str]:
    """Each table's header line, mapped to the alignment line under it."""
    lines = markdown.splitlines()
    return {
        line: lines[i + 1]
        for i, line in enumerate(lines[:-1])
        if line.startswith("| ") and lines[i + 1].startswith("| -")
    }


def test_markdown_number_columns_are_aligned_right(run) -> None:
    area = table_heads(run("pay", "--area", "OH", "--format", "markdown").stdout)
    assert area["| Percentile | Here, an hour | Here, a year | Nation, an hour | Nation, a year |"] == (
        "| --- | ---: | ---: | ---: | ---: |"
    )
    assert area["| Area | 10th percentile | Median | 90th percentile |"] == "| --- | ---: | ---: | ---: |"  # a band
    duties = table_heads(run("duties", "--format", "markdown").stdout)
    assert duties["| Task | Importance |"] == "| --- | ---: |"  # a bar chart's figures
    industry = table_heads(run("pay", "--industry", "--format", "markdown").stdout)
    assert industry["| Industry | Jobs | Median, a year |"] == "| --- | ---: | ---: |"  # a bar's note as a figure
    assert industry["| Industry | Median, a year | Jobs |"] == "| --- | ---: | ---: |"
    states = table_heads(run("pay", "--states", "--format", "markdown").stdout)
    assert states["| State | Median, a year | Band of five |"] == "| --- | ---: | --- |"  # a map: its band is a word
    sections = table_heads(run("sections", "--format", "markdown").stdout)
    assert sections["| Command | What it shows |"] == "| --- | --- |"  # a command is words, not a figure


# -- heading anchors: GitHub's, so the contents links land --------------------------------------------


def test_a_contents_link_skips_an_earlier_heading_with_the_same_words(run, kb_copy: Path) -> None:
    """GitHub numbers a repeated heading's anchor -1, -2 in page order. The sections are numbered
    ("9. Certifications", anchor #9-certifications): with a license named '9. Certifications', its
    heading (in section 8, Licenses) takes #9-certifications, so the Certifications section is
    #9-certifications-1."""
    from .conftest import ROOT as root

    text = kb_copy.read_text(encoding="utf-8")
    assert "  - name: Other management posts\n" in text
    kb_copy.write_text(text.replace("  - name: Other management posts\n", "  - name: 9. Certifications\n"), "utf-8")
    shutil.copytree(root / "data" / "wages", kb_copy.parent / "wages")
    markdown = run("--data", str(kb_copy), "export", "all", "--format", "markdown").stdout
    assert "9. [Certifications](#9-certifications-1)" in markdown
    assert "8. [Licenses](#8-licenses)" in markdown
    page = run("--data", str(kb_copy), "export", "all", "--format", "html").stdout
    assert '<a href="#9-certifications-1">Certifications</a>' in page
    assert '<h2 id="9-certifications-1">9. Certifications</h2>' in page and '<h3 id="9-certifications">' in page


def test_html_ids_are_unique_and_the_contents_links_find_their_sections(run) -> None:
    page = run("export", "pay", "pay --area OH", "--format", "html").stdout
    ids = re.findall(r'<h\d id="([^"]+)"', page)
    assert len(ids) == len(set(ids))
    assert "pay-range-a-year" in ids and "pay-range-a-year-1" in ids  # the same heading in each section
    links = re.findall(r'<li><a href="#([^"]+)">', page)
    sections = re.findall(r'<section class="doc">\n<h2 id="([^"]+)"', page)
    assert links == sections == ["1-pay-may-2025", "2-pay-in-ohio-may-2025"]


# -- HTML: the data's text is text --------------------------------------------------------------------


def _explain_median(run, kb_copy: Path, aliases: str, format: str = "html") -> str:
    """The glossary's median page's note ("Also called: ..."), its aliases replaced."""
    text = kb_copy.read_text(encoding="utf-8")
    shipped = "aliases: [median pay, median salary, 50th percentile, p50]"
    assert shipped in text
    kb_copy.write_text(text.replace(shipped, f"aliases: {aliases}"), encoding="utf-8")
    result = run("--data", str(kb_copy), "explain", "median", "--format", format)
    assert result.exit_code == 0, result.stderr
    start = '<p class="note">' if format == "html" else "**Note:**"
    (note,) = [line for line in result.stdout.splitlines() if line.startswith(start)]
    return note


def test_html_writes_the_datas_markup_and_controls_as_text(run, kb_copy: Path) -> None:
    """A note's text from the data: < and & as entities, an escape character as U+FFFD (shown, never
    obeyed), a line break as a space."""
    note = _explain_median(run, kb_copy, '["<b>pay</b> & \\e[31mred", "two\\nlines"]')
    assert note == (
        '<p class="note"><strong>Note:</strong> Also called: &lt;b&gt;pay&lt;/b&gt; &amp; \ufffd[31mred, two lines</p>'
    )


def test_html_keeps_an_occupation_code_on_one_line(run, kb_copy: Path) -> None:
    """A SOC code in the data (11-9111) is never broken at its hyphen: it sits in a nowrap span."""
    note = _explain_median(run, kb_copy, '["SOC 11-9111"]')
    assert note.endswith('Also called: SOC <span class="nowrap">11-9111</span></p>')
    assert re.search(r"\.nowrap\s*\{\s*white-space:\s*nowrap", run("explain", "median", "--format", "html").stdout)


def test_markdown_writes_the_datas_markup_as_text(run, kb_copy: Path) -> None:
    """In Markdown, the data's < > and & are entities: a <b> in a note never becomes a tag."""
    note = _explain_median(run, kb_copy, '["<b>pay</b> & more"]', format="markdown")
    assert note == "**Note:** Also called: &lt;b&gt;pay&lt;/b&gt; &amp; more"


def test_a_note_column_holding_words_is_aligned_left(run, tmp_path: Path) -> None:
    """A chart's note column aligns right only when every note is a figure: with the general hospitals'
    median not released (BLS footnote 8), the largest employers' median column holds a phrase."""
    from .test_pay_rules import edited_extract

    kb = edited_extract(tmp_path, {("0000000", "622100"): {"annual_median": "-", "notes": "annual_median=8"}})
    markdown = run("--data", str(kb), "pay", "--industry", "--format", "markdown").stdout
    assert "| General Medical and Surgical Hospitals | 158,730 | not released |" in markdown
    assert table_heads(markdown)["| Industry | Jobs | Median, a year |"] == "| --- | ---: | --- |"


def test_markdown_links_only_a_plain_web_address(run, kb_copy: Path) -> None:
    """An address holding a > (allowed in the data) would end a Markdown link <...> early: it is
    shown as escaped text, its title unlinked; a plain address stays a link."""
    text = kb_copy.read_text(encoding="utf-8")
    shipped = 'url: "https://www.bls.gov/oes/oes_perc.htm"'
    assert text.count(shipped) == 1
    kb_copy.write_text(text.replace(shipped, 'url: "https://www.bls.gov/oes/oes_perc.htm?a>b"'), encoding="utf-8")
    markdown = run("--data", str(kb_copy), "explain", "median", "--format", "markdown").stdout
    (line,) = [s for s in markdown.splitlines() if "percentile wage estimates" in s]
    assert line.startswith("- OEWS: percentile wage estimates: ")
    assert line.endswith(" Address: https://www.bls.gov/oes/oes\\_perc.htm?a&gt;b")
    assert (
        "- [OEWS: percentile wage estimates](<https://www.bls.gov/oes/oes_perc.htm>)"
        in run("explain", "median", "--format", "markdown").stdout
    )


def test_markdown_numbers_an_ordered_list_in_the_datas_order(run) -> None:
    """The steps to enter the field are a numbered list, 1. to n. in the order the data gives them."""
    import yaml

    data = yaml.safe_load((ROOT / "data" / "occupation.yaml").read_text(encoding="utf-8"))
    names = [step["name"] for step in data["education"]["steps"]]
    assert len(names) >= 2
    lines = run("education", "--format", "markdown").stdout.splitlines()
    at = lines.index("## Steps to enter the field") + 2
    assert [line.split(":**", 1)[0] for line in lines[at : at + len(names)]] == [
        f"{n}. **{name}" for n, name in enumerate(names, 1)
    ]
