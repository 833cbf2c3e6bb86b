"""A grid (render/tabular.py) as an HTML table: a <caption> for its title, `th scope="col"` heads,
the first column's cells as `th scope="row"` headers, figures that never break, and the
classes the stylesheet reads:

- `whole`: a short table (up to WHOLE rows of about a line or two each), which print keeps on
  one page; a longer one breaks between rows, its head repeated on every page, so that it
  never leaves the page before it half empty;
- `records`: a table too wide for a 375-pixel phone, which a narrow window shows as one
  small record per row, each cell labelled with its column (as the terminal does at
  narrow widths), so that nothing is cut off.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from .tabular import Grid

WHOLE = 12  # rows: a table this long or shorter is never split across printed pages...
WHOLE_LINES = 16  # ...unless its rows take more printed lines than this
LINE = 90  # characters across a printed page
PHONE = 343  # CSS pixels a table has on a 375-pixel phone (the page's padding taken off)
CHAR = 8.8  # the average width of a character of 16-pixel body text, erring wide
CELL = 20  # a cell's padding and border


def render(g: Grid, label: str, to_html: Callable[[str], str]) -> str:
    """The table inside a focusable box that scrolls on its own, as a last resort; `to_html`
    turns a cell's plain text into safe HTML (escaped, codes kept whole)."""
    classes = []
    if len(g.rows) <= WHOLE and printed_lines(g) <= WHOLE_LINES:
        classes.append("whole")
    if narrowest(g) > PHONE:
        classes.append("records")
    attrs = f' class="{" ".join(classes)}"' if classes else ""
    parts = [f'<div class="scroll" tabindex="0" role="region" aria-label="{html.escape(label)}">\n<table{attrs}>\n']
    if g.caption:
        parts.append(f"<caption>{to_html(g.caption)}</caption>\n")
    parts.append("<thead>\n<tr>")
    for head, figure in zip(g.heads, g.figures, strict=True):
        parts.append(f'<th scope="col"{_num(figure)}>{to_html(head)}</th>')
    parts.append("</tr>\n</thead>\n<tbody>\n")
    row_heads = bool(g.heads) and not g.figures[0]
    for row in g.rows:
        parts.append("<tr>")
        for i, (value, head, figure, code) in enumerate(zip(row, g.heads, g.figures, g.codes, strict=True)):
            shown = f"<code>{html.escape(value)}</code>" if code else to_html(value)
            label_attr = f' data-label="{html.escape(head)}"'
            if i == 0 and row_heads:
                parts.append(f'<th scope="row"{label_attr}>{shown}</th>')
            else:
                parts.append(f"<td{_num(figure)}{label_attr}>{shown}</td>")
        parts.append("</tr>\n")
    parts.append("</tbody>\n</table>\n</div>\n")
    return "".join(parts)


def printed_lines(g: Grid) -> int:
    """About how many lines the table's head and rows take in print: a row is as tall as its tallest
    cell, each column as wide as its share of the line (`_shares`)."""
    shares = _shares(g)
    rows = [g.heads, *g.rows] if g.heads else list(g.rows)
    return sum(max(-(-len(cell) // int(share)) for cell, share in zip(row, shares, strict=True)) for row in rows)


def _shares(g: Grid) -> list[float]:
    """Each column's share of the printed line, in characters: in proportion to its longest cell, and
    never narrower than its longest word (which the browser does not break), the others narrowed to
    keep the line; so narrowed, a long column wraps more."""
    columns = range(len(g.heads))
    longest = [max((len(row[i]) for row in g.rows), default=1) or 1 for i in columns]
    words = [max((len(w) for row in [g.heads, *g.rows] for w in row[i].split()), default=1) for i in columns]
    shares = [max(4, LINE * n / sum(longest)) for n in longest]
    wide = [w > s for s, w in zip(shares, words, strict=True)]
    spare = LINE - sum(w for w, too in zip(words, wide, strict=True) if too)
    rest = sum(s for s, too in zip(shares, wide, strict=True) if not too)
    return [w if too else max(4, s * spare / rest) for s, w, too in zip(shares, words, wide, strict=True)]


def _num(figure: bool) -> str:
    return ' class="num"' if figure else ""


def narrowest(g: Grid) -> float:
    """About how narrow the table can be drawn: each column as wide as its longest word (a
    figure or a command whole), in CSS pixels."""
    width = 0.0
    for i, figure in enumerate(g.figures):
        column = [g.heads[i], *(row[i] for row in g.rows)]
        if figure or g.codes[i]:
            longest = max(len(c) for c in column[1:]) if g.rows else 0
            longest = max(longest, *(len(w) for w in column[0].split()))
        else:
            longest = max((len(w) for c in column for w in c.split()), default=0)
        width += longest * CHAR + CELL
    return width
