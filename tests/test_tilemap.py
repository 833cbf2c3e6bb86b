"""The US tile-grid map: what a reader sees in each output, at each width, with and without colour."""

from __future__ import annotations

import io
import json
import re

import msgspec
import pytest
from rich.cells import cell_len
from rich.console import Console

from hsm_guide.blocks import Document, SourceList, Tile, TileMap, fmt
from hsm_guide.knowledge import load, packaged_data_path
from hsm_guide.render import json as json_render
from hsm_guide.render import markdown, svg
from hsm_guide.render.terminal import Renderer
from hsm_guide.render.tilegrid import COLUMNS, POSITIONS, ROWS
from hsm_guide.sections.builder import Builder

NAMES = {
    "AK": "Alaska", "AL": "Alabama", "AR": "Arkansas", "AZ": "Arizona", "CA": "California", "CO": "Colorado",
    "CT": "Connecticut", "DC": "District of Columbia", "DE": "Delaware", "FL": "Florida", "GA": "Georgia",
    "HI": "Hawaii", "IA": "Iowa", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "KS": "Kansas",
    "KY": "Kentucky", "LA": "Louisiana", "MA": "Massachusetts", "MD": "Maryland", "ME": "Maine",
    "MI": "Michigan", "MN": "Minnesota", "MO": "Missouri", "MS": "Mississippi", "MT": "Montana",
    "NC": "North Carolina", "ND": "North Dakota", "NE": "Nebraska", "NH": "New Hampshire", "NJ": "New Jersey",
    "NM": "New Mexico", "NV": "Nevada", "NY": "New York", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon",
    "PA": "Pennsylvania", "PR": "Puerto Rico", "RI": "Rhode Island", "SC": "South Carolina",
    "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VA": "Virginia", "VT": "Vermont",
    "WA": "Washington", "WI": "Wisconsin", "WV": "West Virginia", "WY": "Wyoming",
}  # fmt: skip
NO_DATA = "WY"


def fixture() -> TileMap:
    """Every area with a made-up, distinct figure (alphabetical, so neighbours differ), one
    without a figure, and Guam, which the grid does not place."""
    tiles = [
        Tile(code, None if code == NO_DATA else 70_000.0 + 1_500 * i, name)
        for i, (code, name) in enumerate(NAMES.items())
    ]
    tiles.append(Tile("GU", 101_250.0, "Guam"))
    return TileMap(tuple(tiles), "money", "Median pay by state (made up)", ("bls-oews",))


MAP = fixture()
VALUED = sorted((t for t in MAP.tiles if t.value is not None), key=lambda t: t.value or 0)
LOWEST, HIGHEST = VALUED[0], VALUED[-1]
CODES = [t.code for t in MAP.tiles]
SGR = re.compile(r"\x1b\[([0-9;]*)m")


def render(block: TileMap, width: int, mode: str) -> str:
    """The block as a console of this width and kind prints it."""
    if mode == "color":
        console = Console(
            width=width, file=io.StringIO(), force_terminal=True, color_system="truecolor", no_color=False
        )
    elif mode == "no_color_env":  # a colour terminal with NO_COLOR set (the pinned test environment sets it)
        console = Console(width=width, file=io.StringIO(), force_terminal=True, color_system="truecolor")
    elif mode == "plain":  # a pipe or a file: no colour system
        console = Console(width=width, file=io.StringIO())
    else:
        console = Console(width=width, file=io.TextIOWrapper(io.BytesIO(), encoding="ascii"))
    with console.capture() as captured:
        console.print(Renderer(console).block(block))
    return captured.get()


def visible(text: str) -> str:
    return SGR.sub("", text)


def colours(text: str) -> set[str]:
    """The colour parameters of every SGR sequence: foregrounds and backgrounds, not bold or italic."""
    found = set()
    for params in SGR.findall(text):
        parts = params.split(";")
        i = 0
        while i < len(parts):
            p = int(parts[i] or 0)
            if p in (38, 48):
                step = 5 if parts[i + 1] == "2" else 3
                found.add(";".join(parts[i : i + step]))
                i += step
                continue
            if 30 <= p <= 37 or 40 <= p <= 47 or 90 <= p <= 97 or 100 <= p <= 107:
                found.add(str(p))
            i += 1
    return found


def count(code: str, text: str) -> int:
    """How often a postal code shows as a code (not inside a longer capitalised word)."""
    return len(re.findall(rf"(?<![A-Za-z]){code}(?![A-Za-z])", text))


def glyph(code: str, text: str) -> str:
    """The character drawn right after a code: its shade, without colour ("░OH░", compact "OH░")."""
    found = re.search(rf"(?<![A-Za-z]){code}(.)", text)
    assert found, code
    return found.group(1)


WIDTHS = [80, 40]
MODES = ["color", "no_color_env", "plain", "ascii"]


# -- the grid itself -------------------------------------------------------------------------


def test_grid_places_52_areas_each_on_a_cell_of_its_own() -> None:
    assert len(POSITIONS) == 52
    assert set(POSITIONS) == set(NAMES)  # 50 states, DC and Puerto Rico
    cells = list(POSITIONS.values())
    assert len(set(cells)) == len(cells), "two areas share a cell"
    assert all(0 <= row < ROWS and 0 <= col < COLUMNS for row, col in cells)


def test_grid_is_the_familiar_shape() -> None:
    assert POSITIONS["AK"] == (0, 0)
    assert POSITIONS["ME"] == (0, COLUMNS - 1)
    assert POSITIONS["HI"][0] == POSITIONS["PR"][0] == ROWS - 1
    assert POSITIONS["PR"][1] > POSITIONS["FL"][1]  # Puerto Rico at the bottom right
    assert POSITIONS["DC"][1] > POSITIONS["VA"][1]  # DC east of Virginia
    assert POSITIONS["WA"][1] < POSITIONS["NY"][1] and POSITIONS["ND"][0] < POSITIONS["TX"][0]


# -- the terminal ----------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("width", [80, 40, 30])
def test_every_code_once_and_nothing_wider_than_the_terminal(width: int, mode: str) -> None:
    out = visible(render(MAP, width, mode))
    for code in CODES:
        assert count(code, out) == 1, (code, out)
    widest = max(cell_len(line) for line in out.splitlines())
    assert widest <= width, out


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("width", WIDTHS)
def test_legend_covers_the_figures_and_says_no_data(width: int, mode: str) -> None:
    out = visible(render(MAP, width, mode))
    lines = out.splitlines()
    assert any(f"1 of 5 (lowest): {fmt(LOWEST.value, 'money')}-" in line for line in lines), out
    assert any(line.endswith(f"-{fmt(HIGHEST.value, 'money')}") for line in lines), out
    assert sum("of 5" in line for line in lines) == 5
    assert lines[-1].strip().endswith("no data")  # a None tile reads as no data, last in the legend
    assert "Median pay by state (made up)" in out


@pytest.mark.parametrize("mode", ["no_color_env", "plain", "ascii"])
@pytest.mark.parametrize("width", WIDTHS)
def test_bins_are_distinguishable_without_colour(width: int, mode: str) -> None:
    out = visible(render(MAP, width, mode))
    shade = {t.code: glyph(t.code, out) for t in MAP.tiles if t.code in POSITIONS}
    assert shade[LOWEST.code] == shade[VALUED[1].code]  # same bin, same glyph
    assert shade[HIGHEST.code] == shade[VALUED[-2].code]
    assert shade[LOWEST.code] != shade[HIGHEST.code]
    valued = {shade[t.code] for t in VALUED if t.code in POSITIONS}
    assert len(valued) == 5  # five bins, five glyphs
    assert shade[NO_DATA] not in valued  # no data is a sixth look of its own
    assert " " not in valued


@pytest.mark.parametrize("width", [80, 40, 30])
def test_ascii_console_gets_only_ascii(width: int) -> None:
    out = render(MAP, width, "ascii")
    assert out.isascii()
    assert count("OH", out) == 1


@pytest.mark.parametrize("width", WIDTHS)
def test_colour_only_on_a_colour_terminal(width: int) -> None:
    coloured = render(MAP, width, "color")
    backgrounds = {c for c in colours(coloured) if c.startswith("48;")}
    assert len(backgrounds) == 5  # five shades of one hue behind the codes
    for mode in ("no_color_env", "plain", "ascii"):
        assert not colours(render(MAP, width, mode)), mode


def test_256_colours_keep_five_shades_and_16_colours_get_glyphs() -> None:
    def on(system: str) -> str:
        console = Console(width=80, file=io.StringIO(), force_terminal=True, color_system=system, no_color=False)
        with console.capture() as captured:
            console.print(Renderer(console).block(MAP))
        return captured.get()

    assert len({c for c in colours(on("256")) if c.startswith("48;")}) == 5
    sixteen = on("standard")  # five blues would fold into one or two of 16 colours
    assert not colours(sixteen)
    assert glyph("OH", visible(sixteen)) != " "


def test_off_grid_codes_are_listed_not_dropped() -> None:
    for width in WIDTHS:
        out = visible(render(MAP, width, "plain"))
        listed = out[out.index("Not on the map:") :]
        assert re.search(r"GU\S* \$101,250 Guam", listed), out


def test_narrow_terminals_get_a_ranked_list_with_every_figure() -> None:
    out = visible(render(MAP, 30, "plain"))
    assert "Not on the map" not in out  # nothing is on a map: every area has a line
    lines = out.splitlines()
    for tile in MAP.tiles:
        figure = fmt(tile.value, "money") if tile.value is not None else "no data"
        assert any(tile.code in line and figure in line for line in lines), tile
    firsts = [next(i for i, line in enumerate(lines) if count(t.code, line)) for t in (HIGHEST, LOWEST)]
    assert firsts[0] < firsts[1]  # highest first
    assert next(i for i, line in enumerate(lines) if count(NO_DATA, line)) > firsts[1]  # no figure: last


def test_full_tiles_at_80_compact_at_40() -> None:
    wide = visible(render(MAP, 80, "plain"))
    narrow = visible(render(MAP, 40, "plain"))
    ohio = glyph("OH", wide)
    assert f"{ohio}OH{ohio}" in wide
    assert f"OH{ohio}" in narrow and f"{ohio}OH{ohio}" not in narrow
    assert max(cell_len(line) for line in narrow.splitlines()) <= 40


def test_data_is_never_markup() -> None:
    hostile = TileMap(
        (Tile("OH", 1.0, "[bold]Ohio[/bold]"), Tile("[red]X\x1b[31m", 2.0, "\x1b]8;;evil\x07Y")),
        caption="[blink]caption",
    )
    out = render(hostile, 80, "color")
    assert "[bold]Ohio[/bold]" not in out  # on the map: codes only; the label is for off-grid and lists
    assert "[red]X\\x1b[31m" in out  # the off-grid code, listed with its control character shown
    assert "\\x1b]8;;evil\\x07Y" in out
    assert "\x1b]8" not in out and "\x07" not in out
    assert "[blink]caption" in out


def test_an_empty_map_is_only_its_caption() -> None:
    assert visible(render(TileMap((), caption="Nothing yet"), 80, "plain")).strip() == "Nothing yet"


def test_svg_draws_the_terminal_picture() -> None:
    picture = svg.render([Document("pay", "Pay by state", (MAP,))], "Pay by state")
    assert picture.startswith("<svg") and "OH" in picture and "#084594" in picture  # the darkest shade


# -- Markdown, HTML and JSON -----------------------------------------------------------------


def test_markdown_has_a_table_row_per_tile() -> None:
    md = markdown.render([Document("pay", "Pay by state", (MAP,))], "Guide", "data")
    rows = [line for line in md.splitlines() if line.startswith("| ")]
    assert rows[0] == "| State | Figure | Band of five |"
    body = rows[2:]
    assert len(body) == len(MAP.tiles)
    assert f"| Ohio (OH) | {fmt(MAP.tiles[CODES.index('OH')].value, 'money')} |" in md
    assert f"| Wyoming ({NO_DATA}) | no data | \\- |" in md  # escaped: a bare "-" would start a list
    assert f"| {LOWEST.label} ({LOWEST.code}) | {fmt(LOWEST.value, 'money')} | 1 of 5 (lowest) |" in md
    assert f"| {HIGHEST.label} ({HIGHEST.code}) | {fmt(HIGHEST.value, 'money')} | 5 of 5 (highest) |" in md
    assert "| Guam (GU) | $101,250 |" in md
    assert re.search(r"^Bands: 1 of 5 \(lowest\) \$70,000-", md, re.M)


def test_json_keeps_numbers_numeric_and_round_trips() -> None:
    payload = json.loads(json_render.render([Document("pay", "Pay by state", (MAP,))]))
    (block,) = payload["sections"][0]["blocks"]
    assert block["type"] == "tilemap" and block["kind"] == "money"
    values = {t["code"]: t["value"] for t in block["tiles"]}
    assert values[NO_DATA] is None
    assert values["OH"] == MAP.tiles[CODES.index("OH")].value and isinstance(values["OH"], float)
    assert msgspec.convert(block, TileMap) == MAP


def test_builder_adds_the_map_and_cites_its_sources() -> None:
    kb = load(packaged_data_path())
    source = kb.sources[0].id
    b = Builder(kb, "pay", "Pay")
    b.tilemap([], caption="nothing")  # no tiles, no block
    b.tilemap(MAP.tiles, "money", "Median pay", [source])
    doc = b.document()
    said = kb.sources[0]
    credit = f"{(said.short or '').removeprefix('the ').capitalize()}, {said.data_year}"  # "Career-guide article, 2015"
    assert doc.blocks[0] == TileMap(MAP.tiles, "money", f"Median pay ({credit})", (source,))
    assert isinstance(doc.blocks[-1], SourceList) and [r.id for r in doc.blocks[-1].entries] == [source]
