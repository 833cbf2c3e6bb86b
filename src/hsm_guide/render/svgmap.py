"""The US tile-grid map as inline SVG: the grid, bins and legend lines of `tilegrid`, drawn as
squares shaded light to dark, each with its postal code in a color that reads on its shade."""

from __future__ import annotations

from ..blocks import Tile, TileMap, fmt
from .svgparts import FONT, INK, SMALL, Drawing, frame, num, safe, text, wrap
from .tilegrid import COLUMNS, PALETTE, POSITIONS, ROWS, bin_name, legend, present, shades

TILE = 26  # a tile's side, in user units
GAP = 2
STEP = TILE + GAP
MAP_WIDTH = COLUMNS * STEP - GAP  # 334: within the charts' width
NO_DATA_EDGE = "#525252"  # no data: white with a dashed outline, unlike any shade
EDGE = "#404040"  # every tile's border, so that neighbors in one shade stay apart and the lightest shows on white


def swatch(x: float, y: float, shade: int | None, size: float = TILE, cls: str = "tile") -> str:
    """A square in its bin's fill (a dashed white one for no data), with a class naming the bin."""
    if shade is None:
        return (
            f'<rect class="{cls} no-data" x="{num(x)}" y="{num(y)}" width="{num(size)}" height="{num(size)}" '
            f'fill="#ffffff" stroke="{NO_DATA_EDGE}" stroke-dasharray="3 2"/>'
        )
    fill = PALETTE[shade - 1][1]
    return (
        f'<rect class="{cls} bin-{shade}" x="{num(x)}" y="{num(y)}" width="{num(size)}" height="{num(size)}" '
        f'fill="{fill}" stroke="{EDGE}" stroke-width="0.75"/>'
    )


def said(tile: Tile, shade: int | None, block: TileMap) -> str:
    """A tile in words: "Ohio (OH): $106,140, 3 of 5"."""
    name = f"{tile.label} ({tile.code})" if tile.label else tile.code
    if shade is None or not present(tile.value):
        return f"{name}: no data"
    return f"{name}: {fmt(tile.value, block.kind)}, {bin_name(shade)}"


def tile_map(block: TileMap, ident: str) -> Drawing:
    """The grid (12 by 8 tiles), then any area the grid does not place, then the legend."""
    bins = shades(block.tiles)
    body: list[str] = []
    taken: set[tuple[int, int]] = set()
    elsewhere: list[tuple[Tile, int | None]] = []
    for tile, shade in zip(block.tiles, bins, strict=True):
        at = POSITIONS.get(tile.code)
        if at is None or at in taken:
            elsewhere.append((tile, shade))
            continue
        taken.add(at)
        row, col = at
        x, y = float(col * STEP), float(row * STEP)
        ink = INK if shade is None else PALETTE[shade - 1][0]
        body.append(
            f"<g><title>{safe(said(tile, shade, block))}</title>"
            + swatch(x, y, shade)
            + text(x + TILE / 2, y + TILE / 2 + 4.5, tile.code, 13, "middle", ' class="code" font-weight="bold"', ink)
            + "</g>"
        )
    y = ROWS * STEP + 8.0
    if elsewhere:
        body.append(text(0, y + 14, "Not on the map:", FONT))
        y += 20
        for tile, shade in elsewhere:
            body.append(swatch(0, y, shade, 16, "tile off-grid"))
            for line in wrap(said(tile, shade, block), SMALL, MAP_WIDTH - 24):
                body.append(text(24, y + 13, line, SMALL, extra=' class="off-grid-label"'))
                y += 18
            y += 2
        y += 6
    body.append(text(0, y + 14, "Legend, light to dark:", FONT))
    y += 20
    for shade, line in legend(block.tiles, bins, block.kind):
        body.append(swatch(0, y, shade, 16, "key"))
        body.append(text(24, y + 13, line, SMALL, extra=' class="legend"'))
        y += 20
    title = block.caption or "Map of the United States, shaded by figure"
    desc = "; ".join(said(tile, shade, block) for tile, shade in zip(block.tiles, bins, strict=True))
    return frame(ident, "map", y + 4, title, desc + ".", body, MAP_WIDTH)
