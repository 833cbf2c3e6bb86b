"""The charts as inline SVG: drawn from the shipped data through the views, parsed back, they
show the block's own figures as the guide formats them, to scale, with a text equivalent, and
nothing from the data becomes markup."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from functools import cache

import pytest

from hsm_guide.blocks import Band, Bands, Bar, Bars, Tile, TileMap, band_high, fmt
from hsm_guide.knowledge import load, packaged_data_path
from hsm_guide.render.svgcharts import chart
from hsm_guide.render.tilegrid import PALETTE, POSITIONS, bin_name, legend, shades
from hsm_guide.views import BY_NAME

HOSTILE = '<script>alert(1)</script> & "quoted" \u202eevil\u202c \x1b[31mred'


@cache
def block(view: str, kind: type, **options: str | bool) -> Bars | Bands | TileMap:
    """The first chart block of this type on a view's page, built from the shipped data."""
    document = BY_NAME[view].build(load(packaged_data_path()), **options)
    found = [b for b in document.blocks if isinstance(b, kind)]
    assert found, (view, options)
    return found[0]  # type: ignore[no-any-return]


def offer() -> Bands:
    b = block("pay", Bands, area="boston", salary="120000")
    assert isinstance(b, Bands)
    return b


def ohio() -> Bands:
    b = block("pay", Bands, area="OH")
    assert isinstance(b, Bands)
    return b


def states() -> TileMap:
    b = block("pay", TileMap, states=True)
    assert isinstance(b, TileMap)
    return b


def bar_blocks() -> list[Bars]:
    found = [
        block("pay", Bars, industry=True),
        block("pay", Bars, history=True),
        block("settings", Bars),  # employer shares
        block("fit", Bars, answers="5,4,3,2,1,5,4,3,2,1,5,4,3,2"),  # fit scores
    ]
    assert all(isinstance(b, Bars) for b in found)
    return found  # type: ignore[return-value]


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # raises on anything not well-formed


def texts(root: ET.Element, cls: str | None = None) -> list[str]:
    """Every <text> element's whole text (its tspans included), or those of one class."""
    return ["".join(t.itertext()) for t in root.iter("text") if cls is None or cls in t.get("class", "").split()]


def of_class(root: ET.Element, cls: str) -> list[ET.Element]:
    return [e for e in root.iter() if cls in e.get("class", "").split()]


def desc(root: ET.Element) -> str:
    found = root.find("desc")
    assert found is not None and found.text
    return found.text


def all_blocks() -> list[Bars | Bands | TileMap]:
    return [*bar_blocks(), ohio(), offer(), states()]


# -- every chart -----------------------------------------------------------------------------


@pytest.mark.parametrize("n", range(7))
def test_every_chart_is_a_labelled_self_contained_picture(n: int) -> None:
    chosen = all_blocks()[n]
    svg = chart(chosen, ident=f"c{n}")
    root = parse(svg)
    assert root.tag == "svg" and root.get("role") == "img"
    title, description = root.find("title"), root.find("desc")
    assert title is not None and title.text and description is not None and description.text
    assert root.get("aria-labelledby") == title.get("id") == f"c{n}-title"
    assert root.get("aria-describedby") == description.get("id") == f"c{n}-desc"
    if chosen.caption:
        assert title.text == chosen.caption
    # sized by its viewBox, scaled to its container (the page's stylesheet caps its width);
    # no wider than the 343 pixels a 375-pixel phone gives it, so a unit is at least a pixel there
    assert root.get("width") == "100%" and root.get("height") is None
    _, _, width, height = map(float, (root.get("viewBox") or "").split())
    assert 300 <= width <= 343 and height > 0
    # nothing runs, nothing is fetched, nothing links
    assert "<script" not in svg and "http" not in svg and "href" not in svg
    assert not any(e.tag in ("script", "a", "image", "foreignObject", "use", "style") for e in root.iter())
    # text stays readable once a 400-unit chart is scaled to a phone
    assert min(float(t.get("font-size") or 0) for t in root.iter("text")) >= 11


def test_ids_are_deterministic_and_differ_by_content() -> None:
    a, b = chart(ohio()), chart(offer())
    assert a == chart(ohio())
    assert parse(a).get("id") != parse(b).get("id")
    with pytest.raises(ValueError):
        chart(ohio(), ident='x" onload="alert(1)')


# -- bars ------------------------------------------------------------------------------------


@pytest.mark.parametrize("n", range(4))
def test_bars_draw_the_blocks_figures_to_scale(n: int) -> None:
    bars = bar_blocks()[n]
    root = parse(chart(bars))
    figures = [fmt(bar.value, bars.kind) for bar in bars.rows]
    assert [t.text for t in of_class(root, "figure")] == figures
    shown, words = " ".join(texts(root)), desc(root)
    for bar, figure in zip(bars.rows, figures, strict=True):
        assert bar.label in shown and f"{bar.label}: {figure}" in words
        if bar.note:
            assert bar.note in shown and f"({bar.note})" in words
    widths = [float(r.get("width") or 0) for r in of_class(root, "bar")]
    assert len(widths) == len(bars.rows)
    ratios = [w / bar.value for w, bar in zip(widths, bars.rows, strict=True)]
    assert max(ratios) - min(ratios) < 0.01 * max(ratios)  # lengths proportional to the figures
    _, _, width, _ = map(float, (root.get("viewBox") or "").split())
    assert max(widths) <= width


def test_employer_shares_read_as_percentages_and_fit_scores_with_their_band() -> None:
    shares, scores = bar_blocks()[2], bar_blocks()[3]
    # the largest industry's share of the May 2025 jobs, read from the extract: general hospitals, 27%
    import csv

    from hsm_guide.knowledge import packaged_data_path

    with (packaged_data_path().parent / "wages" / "oews-wages.csv").open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["soc"] == "11-9111" and r["kind"] == "national"]
    total = next(float(r["employment"]) for r in rows if r["industry"] == "000000")
    hospitals = next(float(r["employment"]) for r in rows if r["industry"] == "622100")
    expected = f"{round(hospitals / total * 100)}%"
    assert of_class(parse(chart(shares)), "figure")[0].text == fmt(shares.rows[0].value, "percent") == expected
    first = scores.rows[0]
    (drawn, *_) = of_class(parse(chart(scores)), "figure")
    note = drawn.find("tspan")
    assert drawn.text == fmt(first.value, "number") and note is not None and note.text == first.note


def test_a_long_bar_label_wraps_onto_lines_that_fit() -> None:
    long = Bars((Bar("word " * 40, 3.0), Bar("short", 1.0)), "number", "Long labels")
    root = parse(chart(long))
    lines = [t for t in texts(root) if t.startswith("word")]
    assert len(lines) >= 3 and " ".join(lines).split() == ["word"] * 40
    assert all(len(line) * 14 * 0.5 <= 400 for line in lines)


# -- bands -----------------------------------------------------------------------------------


def x_of(element: ET.Element) -> float:
    """Where a band's piece stands on the scale: a rect's middle, or a path's first point."""
    if element.tag == "rect":
        return float(element.get("x") or 0) + float(element.get("width") or 0) / 2
    found = re.match(r"M([\d.]+)", element.get("d") or "")
    assert found
    return float(found.group(1))


@pytest.mark.parametrize("make", [ohio, offer])
def test_bands_share_a_scale_with_median_and_marker_between_the_ends(make: object) -> None:
    bands = make()  # type: ignore[operator]
    assert len(bands.rows) == 2 and bands.rows[1].label == "United States"
    root = parse(chart(bands))
    rects, medians = of_class(root, "band"), of_class(root, "median")
    markers = of_class(root, "marker")
    assert len(rects) == len(medians) == 2
    starts = [float(r.get("x") or 0) for r in rects]
    ends = [s + float(r.get("width") or 0) for s, r in zip(starts, rects, strict=True)]
    # one scale: x is linear in the figure across both bands
    points = sorted(
        {(b.low, s) for b, s in zip(bands.rows, starts, strict=True)}
        | {(b.high, e) for b, e in zip(bands.rows, ends, strict=True)}
    )
    (v0, x0), (v1, x1) = points[0], points[-1]
    for value, x in points:
        assert x == pytest.approx(x0 + (value - v0) / (v1 - v0) * (x1 - x0), abs=0.02)
    for band, start, end, median in zip(bands.rows, starts, ends, medians, strict=True):
        assert start < x_of(median) < end
        assert x_of(median) == pytest.approx(x0 + (band.mid - v0) / (v1 - v0) * (x1 - x0), abs=0.02)
    if bands.rows[0].marker is not None:
        assert len(markers) == 2 and all(m.tag == "path" for m in markers)  # a triangle, not a bar
        for band, marker in zip(bands.rows, markers, strict=True):
            assert band.marker is not None
            assert x_of(marker) == pytest.approx(x0 + (band.marker - v0) / (v1 - v0) * (x1 - x0), abs=0.02)
    else:
        assert not markers


def test_bands_label_their_ends_median_marker_and_scale_as_the_guide_does() -> None:
    bands = offer()
    root = parse(chart(bands))
    k = bands.kind
    assert texts(root, "low-label") == [f"10th {fmt(b.low, k)}" for b in bands.rows]
    assert texts(root, "high-label") == [f"90th {band_high(b, k)}" for b in bands.rows]
    assert texts(root, "high-label")[0] == "90th $239,200 or more"  # Boston's 90th: at or above BLS's bound
    assert texts(root, "median-label") == [f"median {fmt(b.mid, k)}" for b in bands.rows]
    assert texts(root, "marker-label") == ["$120,000", "$120,000"]
    assert all(re.fullmatch(r"\$\d{3},000", t) for t in texts(root, "tick"))  # money, round figures
    assert desc(root) == (
        "Boston-Cambridge-Newton, MA-NH: 10th percentile $89,920, median $136,760, 90th percentile $239,200 or more, "
        "marker at $120,000; United States: 10th percentile $73,390, median $123,860, 90th percentile $224,340, "
        "marker at $120,000."
    )


def test_ohio_reads_in_words() -> None:
    assert desc(parse(chart(ohio()))).startswith(
        "Ohio: 10th percentile $66,430, median $106,140, 90th percentile $199,470; United States: "
    )


def test_hourly_bands_scale_in_dollars_and_cents() -> None:
    hourly = block("pay", Bands, area="OH", hourly=True)
    assert isinstance(hourly, Bands) and hourly.kind == "hourly"
    root = parse(chart(hourly))
    assert all(re.fullmatch(r"\$\d+\.\d\d", t) for t in texts(root, "tick"))
    assert texts(root, "low-label")[0] == f"10th {fmt(hourly.rows[0].low, 'hourly')}"


# -- the map ---------------------------------------------------------------------------------


def test_map_has_52_tiles_with_the_right_codes_and_shades() -> None:
    tiles = states()
    root = parse(chart(tiles))
    bins = dict(zip((t.code for t in tiles.tiles), shades(tiles.tiles), strict=True))
    groups = [g for g in root.iter("g") if g.find("rect") is not None]
    assert len(groups) == 52
    codes = []
    for g in groups:
        rect, code = g.find("rect"), g.find("text")
        assert rect is not None and code is not None and code.text
        codes.append(code.text)
        shade = bins[code.text]
        assert shade is not None
        assert f"bin-{shade}" in (rect.get("class") or "")
        ink, fill = PALETTE[shade - 1]
        assert rect.get("fill") == fill and code.get("fill") == ink
        row, col = POSITIONS[code.text]
        assert (float(rect.get("x") or 0), float(rect.get("y") or 0)) == (col * 28, row * 28)  # 26-unit tiles, 2 apart
    assert sorted(codes) == sorted(POSITIONS)
    # the grid does not place Guam or the Virgin Islands: listed below it, with their figures
    off = " ".join(texts(root, "off-grid-label"))
    for tile in tiles.tiles:
        if tile.code not in POSITIONS:
            assert f"({tile.code}): {fmt(tile.value, tiles.kind)}" in off


def test_map_legend_repeats_the_bins_light_to_dark() -> None:
    tiles = states()
    root = parse(chart(tiles))
    lines = legend(tiles.tiles, shades(tiles.tiles), tiles.kind)
    assert texts(root, "legend") == [text for _, text in lines]
    assert texts(root, "legend")[0].startswith(bin_name(1))
    keys = of_class(root, "key")
    assert [k.get("fill") for k in keys] == [fill for _, fill in PALETTE]
    # lighter to darker in grayscale too
    luma = [sum(int(f[i : i + 2], 16) * w for i, w in ((1, 0.299), (3, 0.587), (5, 0.114))) for _, f in PALETTE]
    assert luma == sorted(luma, reverse=True)


def test_map_says_every_figure_in_words() -> None:
    tiles = states()
    words = desc(parse(chart(tiles)))
    for tile in tiles.tiles:
        assert f"{tile.label} ({tile.code}): {fmt(tile.value, tiles.kind)}" in words


def test_a_tile_without_a_figure_is_drawn_and_said_apart() -> None:
    tiles = TileMap((Tile("OH", 100.0, "Ohio"), Tile("WY", None, "Wyoming")), "money", "Two")
    root = parse(chart(tiles))
    (blank,) = [r for r in of_class(root, "tile") if "no-data" in (r.get("class") or "")]
    assert blank.get("stroke-dasharray") and blank.get("fill") == "#ffffff"
    assert "Wyoming (WY): no data" in desc(root)
    assert texts(root, "legend")[-1] == "no data"


# -- data is never markup --------------------------------------------------------------------


def hostile_blocks() -> list[Bars | Bands | TileMap]:
    return [
        Bars((Bar(HOSTILE, 5.0, HOSTILE), Bar("x", 1.0, "short")), "number", HOSTILE, headings=(HOSTILE, HOSTILE)),
        Bars((Bar(HOSTILE, 5.0, "<b>&</b>"),), "number", None, headings=(HOSTILE, HOSTILE)),
        Bands((Band(HOSTILE, 1.0, 2.0, 3.0, 2.5),), "money", HOSTILE),
        TileMap((Tile("OH", 1.0, HOSTILE), Tile(HOSTILE, 2.0, HOSTILE)), "money", HOSTILE),
    ]


@pytest.mark.parametrize("n", range(4))
def test_data_text_is_escaped_and_neutralized(n: int) -> None:
    svg = chart(hostile_blocks()[n])
    root = parse(svg)
    assert not any(e.tag in ("script", "b") for e in root.iter())
    assert "<script" not in svg and "\x1b" not in svg and "\u202e" not in svg
    shown = " ".join([desc(root), root.findtext("title") or "", *texts(root)])
    assert "<script>alert(1)</script>" in shown or "<b>&</b>" in shown  # literal characters, after parsing
    assert "\x1b" not in shown and "\u202e" not in shown and "\u202c" not in shown
    assert "\ufffd[31mred" in shown and "\ufffdevil\ufffd" in shown


def test_quotes_and_ampersands_come_back_as_they_were() -> None:
    root = parse(chart(hostile_blocks()[0]))
    assert root.findtext("title") == HOSTILE.replace("\u202e", "\ufffd").replace("\u202c", "\ufffd").replace(
        "\x1b", "\ufffd"
    )
    assert '& "quoted"' in desc(root)


def test_odd_blocks_still_draw_well_formed_charts() -> None:
    nan = float("nan")
    odd: list[Bars | Bands | TileMap] = [
        Bars((), "number"),
        Bars((Bar("missing", nan), Bar("negative", -3.0)), "number"),
        Bands((), "money"),
        Bands((Band("flat", 5.0, 5.0, 5.0),), "money"),
        Bands((Band("missing", nan, 1.0, 2.0),), "money"),
        TileMap(()),
    ]
    for chosen in odd:
        svg = chart(chosen)
        parse(svg)
        assert not re.search(r'="[^"]*nan', svg), chosen  # no coordinate is "nan"
