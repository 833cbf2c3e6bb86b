"""Handouts: the HTML pages a counselor prints or emails, read as a browser and a screen reader would."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from hsm_guide import knowledge
from hsm_guide.blocks import Band, Bands, Bar, Bars, Document, Tile, TileMap
from hsm_guide.render import html as page_html

pytestmark = pytest.mark.usefixtures("warm_cache")  # pages here are read, not the cache (conftest.py)

_VOID = {"meta", "br", "hr", "img", "input", "link", "col", "area", "base", "source", "wbr"}


class Element:
    def __init__(self, tag: str, attrs: dict[str, str | None], parent: Element | None) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Element] = []
        self.parts: list[str | Element] = []  # text and elements in document order

    def ancestors(self) -> list[Element]:
        found, node = [], self.parent
        while node is not None:
            found.append(node)
            node = node.parent
        return found

    def all(self, tag: str) -> list[Element]:
        found = [self] if self.tag == tag else []
        for child in self.children:
            found += child.all(tag)
        return found

    def walk(self) -> list[Element]:
        found = [self]
        for child in self.children:
            found += child.walk()
        return found

    def content(self) -> str:
        return "".join(p if isinstance(p, str) else p.content() for p in self.parts)


class Tree(HTMLParser):
    """The page as elements; every element must be closed in order (the markup is well formed)."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {}, None)
        self.open = [self.root]
        self.feed(page)
        self.close()
        assert self.open == [self.root], [e.tag for e in self.open]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, dict(attrs), self.open[-1])
        self.open[-1].children.append(element)
        self.open[-1].parts.append(element)
        if tag not in _VOID:
            self.open.append(element)

    def handle_endtag(self, tag: str) -> None:
        assert self.open[-1].tag == tag, f"</{tag}> closes <{self.open[-1].tag}>"
        self.open.pop()

    def handle_data(self, data: str) -> None:
        self.open[-1].parts.append(data)

    def all(self, tag: str) -> list[Element]:
        return self.root.all(tag)


def html_of(run, *args: str) -> str:
    result = run(*args, "--format", "html")
    assert result.exit_code == 0, result.stderr
    return str(result.stdout)


HANDOUTS = {
    "all": ("export", "all"),
    "route": ("path", "--from", "nurse", "--setting", "hospital"),
    "offer": ("pay", "--area", "boston", "--salary", "120000"),
    "map": ("pay", "--states"),
}


MADE = "1778025600"  # SOURCE_DATE_EPOCH: 2026-05-06 00:00 UTC
MADE_SAID = "May 6, 2026"
GUIDE = "Medical and Health Services Managers (SOC 11-9111): a career guide"


@pytest.fixture(scope="module")
def pages() -> Iterator[dict[str, str]]:
    from .conftest import Run

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", MADE)
        run = Run()
        yield {name: html_of(run, *args) for name, args in HANDOUTS.items()}


def headings(tree: Tree) -> list[int]:
    order: list[int] = []

    def walk(node: Element) -> None:
        if re.fullmatch(r"h[1-6]", node.tag):
            order.append(int(node.tag[1]))
        for child in node.children:
            walk(child)

    walk(tree.root)
    return order


@pytest.mark.parametrize("name", list(HANDOUTS))
def test_a_handout_has_the_structure_assistive_technology_needs(pages: dict[str, str], name: str) -> None:
    tree = Tree(pages[name])
    (html,) = tree.all("html")
    assert html.attrs.get("lang") == "en"
    assert len(tree.all("main")) == 1 and len(tree.all("h1")) == 1
    assert all(h.ancestors()[0].tag in ("main", "section", "nav") for h in tree.all("h2"))
    levels = headings(tree)
    assert levels[0] == 1 and all(b <= a + 1 for a, b in itertools.pairwise(levels)), levels
    ths = tree.all("th")
    assert ths and all(th.attrs.get("scope") in ("col", "row") for th in ths)
    for table in tree.all("table"):
        box = table.parent
        assert box is not None and box.tag == "div" and box.attrs.get("class") == "scroll"
        assert box.attrs.get("tabindex") == "0" and box.attrs.get("role") == "region" and box.attrs.get("aria-label")


@pytest.mark.parametrize("name", list(HANDOUTS))
def test_a_handout_is_self_contained(pages: dict[str, str], name: str) -> None:
    tree = Tree(pages[name])
    tags = {e.tag for e in tree.root.walk()}
    assert not tags & {"script", "img", "link", "iframe", "object", "embed", "image", "use", "foreignobject"}
    sources = [v for e in tree.root.walk() for k, v in e.attrs.items() if k in ("src", "srcset", "data")]
    assert sources == []
    style = "".join(s.content() for s in tree.all("style"))
    assert "url(" not in style and "@import" not in style
    assert not re.search(r"<[^>]*\son\w+\s*=", pages[name]), "no event handlers"
    assert not re.search(r'(?:src|xlink:href)\s*=\s*"https?:', pages[name])


# What each page shows: the pay release where it shows pay, the projection decade where it shows projections.
YEARS = {
    "all": " · Pay figures: BLS OEWS May 2025; projections 2023-2033",
    "route": " · Pay figures: BLS OEWS May 2025",
    "offer": " · Pay figures: BLS OEWS May 2025",
    "map": " · Pay figures: BLS OEWS May 2025",
}


def test_the_header_line_names_the_guide_the_year_of_the_figures_shown_and_the_date(pages: dict[str, str]) -> None:
    for name, page in pages.items():
        tree = Tree(page)
        (header,) = tree.all("header")
        assert "main" not in [a.tag for a in header.ancestors()]
        line = " ".join(header.content().split())
        assert line == f"{GUIDE}{YEARS[name]} · Made {MADE_SAID}", name


def test_a_page_without_pay_names_no_pay_release(run) -> None:
    page = html_of(run, "certifications", "cphq")  # fees in dollars, but no pay
    line = " ".join(Tree(page).all("header")[0].content().split())
    assert "Pay figures" not in line and "projections" not in line
    assert "Pay figures" in " ".join(Tree(html_of(run, "pay")).all("header")[0].content().split())


def running_header(page: str) -> str:
    """The printed running header's text, its CSS escapes decoded."""
    style = "".join(s.content() for s in Tree(page).all("style"))
    found = re.search(r'@top-left \{ content: "([^"]*)"', style)
    assert found, "a running header on printed pages"
    return re.sub(r"\\([0-9a-f]{6}) ", lambda m: chr(int(m.group(1), 16)), found.group(1))


def test_printed_pages_repeat_the_header_line_and_carry_the_date_and_their_number(pages: dict[str, str]) -> None:
    assert running_header(pages["route"]) == f"{GUIDE} · Pay figures: BLS OEWS May 2025"
    assert re.search(r"@page :first \{ @top-left \{ content: none", pages["route"]), "the first prints the header"
    style = "".join(s.content() for s in Tree(pages["route"]).all("style"))
    made = re.search(r'@bottom-left \{ content: "([^"]*)"', style)
    assert made
    assert re.sub(r"\\([0-9a-f]{6}) ", lambda m: chr(int(m.group(1), 16)), made.group(1)) == f"Made {MADE_SAID}"
    assert re.search(r'@bottom-right \{ content: "Page " counter\(page\) " of " counter\(pages\)', style)


def test_the_soc_code_never_breaks(pages: dict[str, str]) -> None:
    tree = Tree(pages["all"])
    (h1,) = tree.all("h1")
    assert h1.content() == "Medical and Health Services Managers (SOC 11-9111): a career guide"
    (code,) = [s for s in h1.children if s.tag == "span"]
    assert code.content() == "11-9111" and code.attrs.get("class") == "nowrap"
    style = "".join(s.content() for s in tree.all("style"))
    assert re.search(r"\.nowrap\s*\{\s*white-space:\s*nowrap", style)


def test_charts_are_figures_with_a_caption_and_their_data(pages: dict[str, str]) -> None:
    counts = {}
    for name, page in pages.items():
        figures = Tree(page).all("figure")
        counts[name] = len(figures)
        for figure in figures:
            captions = [c for c in figure.children if c.tag == "figcaption"]
            assert len(captions) == 1 and captions[0].content().strip()
            assert len(figure.all("table")) == 1, "the data table is the chart's text equivalent"
    # pay --states: the map; the offer: its bands; export all: the duties bars, employer shares, pay bands...
    assert counts["map"] >= 1 and counts["offer"] >= 1 and counts["all"] >= 3, counts
    caption = next(f for f in Tree(pages["map"]).all("figure")).all("figcaption")[0].content()
    assert "median" in caption.lower()


def test_each_chart_block_is_one_figure_and_the_drawing_goes_inside(monkeypatch: pytest.MonkeyPatch) -> None:
    from hsm_guide.render import svgcharts

    def drawing(block: Bars | Bands | TileMap, ident: str | None = None, wide: bool = False) -> str:
        return f'<svg role="img" id="{ident}"><title>{type(block).__name__}</title></svg>'

    monkeypatch.setattr(svgcharts, "chart", drawing)
    doc = Document(
        "x",
        "Charts",
        (
            Bars((Bar("Hospitals", 30.0),), "percent", caption="Share of jobs", headings=("Employer", "Share")),
            Bars((Bar("Plan budgets", 80.0),), headings=("Task", "Importance")),
            Bands((Band("United States", 73_390, 123_860, 224_340, marker=120_000),), "money"),
            TileMap((Tile("OH", 110_000.0, "Ohio"),), "money", caption="Median by state"),
        ),
    )
    tree = Tree(page_html.render([doc], "Guide", "Data line.", "Pay figures: May 2025"))
    figures = tree.all("figure")
    assert [f.all("svg")[0].content() for f in figures] == ["Bars", "Bars", "Bands", "TileMap"]
    # a bar chart also has its wide layout, for wider windows and print
    assert [[s.attrs["id"] for s in f.all("svg")] for f in figures] == [
        ["chart-1", "chart-1-wide"],
        ["chart-2", "chart-2-wide"],
        ["chart-3"],
        ["chart-4"],
    ]
    assert [f.all("figcaption")[0].content() for f in figures] == [
        "Share of jobs",
        "Importance by task",
        "10th percentile, median and 90th percentile",
        "Median by state",
    ]
    heads = [th.content() for th in figures[2].all("th") if th.attrs.get("scope") == "col"]
    assert heads == ["Area", "10th percentile", "Median", "90th percentile", "Your figure"]
    assert "Ohio (OH)" in [th.content() for th in figures[3].all("th") if th.attrs.get("scope") == "row"]


def test_without_a_drawing_the_figure_keeps_its_caption_and_table(monkeypatch: pytest.MonkeyPatch) -> None:
    from hsm_guide.render import svgcharts

    monkeypatch.setattr(svgcharts, "chart", lambda block, ident=None: "")
    doc = Document("x", "Chart", (Bars((Bar("Hospitals", 30.0),), "percent", caption="Share of jobs"),))
    (figure,) = Tree(page_html.render([doc], "Guide", "Data line.", "Pay figures")).all("figure")
    assert [c.tag for c in figure.children] == ["figcaption", "div"]
    assert [th.content() for th in figure.all("th") if th.attrs.get("scope") == "row"] == ["Hospitals"]
    assert [td.content() for td in figure.all("td")] == ["30%"]


def test_print_keeps_pages_full_and_prints_each_address_once(pages: dict[str, str]) -> None:
    tree = Tree(pages["all"])
    style = "".join(s.content() for s in tree.all("style"))
    printed = style[style.index("@media print") :]
    assert "attr(href)" not in style, "print adds no address after a link: the page shows each once"
    assert "break-before: page" not in style and "break-after: page" not in style, "no forced page, none half empty"
    avoid = re.search(r"([^{}]*)\{[^}]*break-inside:\s*avoid", printed)
    assert avoid and {"table.whole", "tr", "figure.chart svg"} <= {s.strip() for s in avoid.group(1).split(",")}
    keep = re.search(r"([^{}]*)\{[^}]*break-after:\s*avoid", printed)
    assert keep and {"h2", "h3", "caption", "figcaption"} <= {s.strip() for s in keep.group(1).split(",")}
    assert re.search(r"thead\s*\{\s*display:\s*table-header-group", printed), "a long table repeats its head"
    sections = tree.all("section")
    assert len(sections) == 16
    numbered = [s.all("h2")[0].content() for s in sections]
    assert all(h.startswith(f"{n}. ") for n, h in enumerate(numbered, 1)) and numbered[1] == "2. Duties", numbered
    links = [a for a in tree.all("a") if (a.attrs.get("href") or "").startswith("http")]
    assert links and all(a.attrs.get("class") == "url" for a in links if a.content() == a.attrs["href"])


def test_tables_have_captions_row_headers_and_say_what_fits_a_phone_and_a_page(run) -> None:
    tree = Tree(html_of(run, "pay", "--states"))
    tables = tree.all("table")
    ranking = next(t for t in tables if t.all("caption") and "Every state" in t.all("caption")[0].content())
    assert [th.content() for th in ranking.all("th") if th.attrs.get("scope") == "col"] == [
        "Area",
        "Median, a year",
        "Jobs",
        "Location quotient",
    ]
    rows = ranking.all("tr")[1:]
    assert all(r.children[0].tag == "th" and r.children[0].attrs.get("scope") == "row" for r in rows)
    quotients = [r.children[3].content() for r in rows]
    assert quotients and all(re.fullmatch(r"\d+\.\d\d|-", q) for q in quotients), quotients[:5]
    assert "whole" not in (ranking.attrs.get("class") or ""), "53 rows break between rows"
    assert all(td.attrs.get("data-label") for td in ranking.all("td")), "each cell labelled for a phone"
    percentiles = Tree(html_of(run, "pay")).all("table")
    small = next(t for t in percentiles if t.all("caption") and t.all("caption")[0].content().startswith("Percentiles"))
    assert "whole" in (small.attrs.get("class") or "").split(), "five rows stay on one page"
    # Nine rows, but seven columns whose words do not break (2010-20, a source's name): in print each row
    # wraps, so the table breaks between rows rather than leave the page before it half empty.
    outlook = Tree(html_of(run, "outlook")).all("table")
    editions = next(t for t in outlook if "Openings" in t.all("caption")[0].content())
    assert len(editions.all("tr")) <= 13 and "whole" not in (editions.attrs.get("class") or "").split()


def test_the_page_never_scrolls_sideways_by_its_own_rules(pages: dict[str, str]) -> None:
    style = "".join(s.content() for s in Tree(pages["all"]).all("style"))
    assert re.search(r"\.scroll\s*\{[^}]*overflow-x:\s*auto", style)
    assert re.search(r"\ba, code\s*\{\s*overflow-wrap:\s*anywhere", style)
    assert re.search(r"svg, img\s*\{\s*max-width:\s*100%", style)
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in pages["all"]


def test_personal_titles(run) -> None:
    def title(*args: str) -> str:
        tree = Tree(html_of(run, *args))
        (h1,) = tree.all("h1")
        head = tree.all("title")[0]  # the document's; each SVG chart carries a title of its own after it
        assert head.content() == f"{h1.content()} · {GUIDE}", "the page's title names the occupation"
        return h1.content()

    route = "A route into health services management for a registered nurse"
    assert title("path", "--from", "nurse", "--setting", "hospital") == route + ", hospital setting"
    assert title("path", "--from", "nurse") == route
    offer = "Where a $120,000 offer stands in "
    assert title("pay", "--area", "boston", "--salary", "120000") == offer + "Boston-Cambridge-Newton, MA-NH (May 2025)"
    assert title("pay", "--salary", "120000") == offer + "the United States (May 2025)"
    assert run("path", "--from", "nurse", "--setting", "hospital").stdout.startswith(route + ", hospital setting\n")


@pytest.mark.parametrize(
    ("args", "name"),
    [
        (("export", "all", "-o", "{dir}/all.html"), "all.html"),
        (("path", "--from", "nurse", "--setting", "hospital", "-o", "{dir}/route.html"), "route.html"),
        (("pay", "--area", "boston", "--salary", "120000", "-o", "{dir}/offer.html"), "offer.html"),
        (("pay", "--states", "-o", "{dir}/map.html"), "map.html"),
    ],
)
def test_the_handouts_the_issue_names_are_written(run, tmp_path: Path, args: tuple[str, ...], name: str) -> None:
    result = run(*(a.format(dir=tmp_path) for a in args))
    assert result.exit_code == 0, result.stderr
    page = (tmp_path / name).read_text(encoding="utf-8")
    tree = Tree(page)
    assert len(tree.all("main")) == 1 and tree.all("script") == []


def test_data_in_titles_and_captions_stays_text(tmp_path: Path, run) -> None:
    hostile = '<script>alert("x")</script> <b onload="y">& [bold]'
    data = yaml.safe_load(knowledge.packaged_data_path().read_text(encoding="utf-8"))
    data["paths"]["into"] = hostile
    data["paths"]["backgrounds"][1]["who"] = hostile
    path = tmp_path / "kb.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    page = run("--data", str(path), "path", "--from", "nurse", "-f", "html").stdout
    assert "<script" not in page and "<b " not in page
    tree = Tree(page)
    expected = f"A route into {hostile} for {hostile}"
    assert tree.all("h1")[0].content() == expected and tree.all("title")[0].content() == f"{expected} · {GUIDE}"


def test_data_in_chart_captions_and_labels_stays_text() -> None:
    hostile = '<script>alert("x")</script> "quoted" & 11-9111'
    doc = Document(
        "x",
        hostile,
        (
            Bars((Bar(hostile, 1.0),), caption=hostile, headings=(hostile, hostile)),
            TileMap((Tile("OH", 1.0, hostile),), caption=hostile),
        ),
    )
    page = page_html.render([doc], hostile, hostile, hostile)
    assert "<script" not in page and page.count("</style>") == 1
    assert running_header(page) == f"{hostile} · {hostile}"
    tree = Tree(page)
    assert [f.all("figcaption")[0].content() for f in tree.all("figure")] == [hostile, hostile]
    assert all(d.attrs["aria-label"] == f"{hostile}: the figures" for d in tree.all("div"))
    assert hostile in [cell.content() for cell in tree.all("th") + tree.all("td")]
    assert tree.all("title")[0].content() == hostile
