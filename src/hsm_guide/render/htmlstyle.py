"""The handout's one stylesheet: readable from a 375-pixel phone to a wide screen, printable in
grayscale, with the page's number, the page count and the date made on every printed page."""

from __future__ import annotations


def made_on() -> str:
    """The date the handout is made, as a reader writes it ('May 6, 2026'). SOURCE_DATE_EPOCH
    (the reproducible-builds convention) sets it, so a page can be made again byte for byte."""
    import datetime
    import os

    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    day = datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date() if epoch.isdigit() else datetime.date.today()
    return f"{day:%B} {day.day}, {day.year}"


def _quoted(line: str) -> str:
    """Data as a CSS string's content: every character that is not a plain letter, digit or space
    is a CSS escape, so nothing in it can end the string or the style."""
    return "".join(c if (c.isascii() and c.isalnum()) or c == " " else f"\\{ord(c):06x} " for c in line)


def page_boxes(line: str, made: str) -> str:
    """What prints in the margins: the header line at the top of every page after the first
    (which prints the header element itself), the date made at the foot of every page and
    "Page 2 of 4" beside it. Chromium draws CSS page-margin boxes."""
    small = "font: 8pt system-ui, sans-serif; color: #000;"
    return (
        "@page {\n"
        f'  @top-left {{ content: "{_quoted(line)}"; {small} }}\n'
        f'  @bottom-left {{ content: "Made {_quoted(made)}"; {small} }}\n'
        f'  @bottom-right {{ content: "Page " counter(page) " of " counter(pages); {small} }}\n'
        "}\n"
        "@page :first { @top-left { content: none; } }\n"
    )


CSS = """
html { -webkit-text-size-adjust: 100%; }
body { font: 16px/1.5 system-ui, sans-serif; max-width: 52rem; margin: 0 auto; padding: 0 1rem 2rem; color: #1b1b1b; }
header.page { border-bottom: 1px solid #ccc; padding: .5rem 0; font-size: .85rem; color: #444; }
header.page p { margin: 0; }
main { display: block; min-width: 0; }
h1 { font-size: 1.8rem; line-height: 1.25; margin: 1.25rem 0 .25rem; }
h2 { border-bottom: 1px solid #ccc; margin-top: 2.2rem; }
h3 { margin-top: 1.6rem; }
h1, h2, h3, p, li, td, th, caption, figcaption, summary { overflow-wrap: break-word; }
a, code { overflow-wrap: anywhere; }
.nowrap { white-space: nowrap; }
.scroll { overflow-x: auto; max-width: 100%; margin: .75rem 0; }
.scroll:focus { outline: 2px solid #0b5cad; outline-offset: 2px; }
table { border-collapse: collapse; }
caption { text-align: left; font-weight: 600; padding: 0 0 .3rem; }
th, td { border: 1px solid #bbb; padding: .25rem .6rem; vertical-align: top; }
th { background: #eef0f3; text-align: left; }
tbody th { background: none; font-weight: normal; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
figure.chart { margin: 1.25rem 0; padding: .5rem 0; }
figure.chart figcaption { font-style: italic; margin-bottom: .4rem; }
svg, img { max-width: 100%; height: auto; }
figure.chart svg { display: block; width: 100%; max-width: 30rem; height: auto; }
figure.chart svg.wide { display: none; max-width: 48rem; }
@media (min-width: 42rem) {
  figure.chart svg.narrow { display: none; }
  figure.chart svg.wide { display: block; }
}
p.note { margin: .75rem 0; padding: .25rem .75rem; border-left: 4px solid #9ab; color: #334; }
ul.sources li { margin-bottom: .3rem; }
code { font-size: .9em; }
a { color: #0b5cad; }
@media (max-width: 36rem) {
  /* A table too wide for a phone: one small record per row, each cell labelled with its column. */
  table.records, table.records caption, table.records tbody, table.records tr,
  table.records th, table.records td { display: block; }
  table.records thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  table.records tr { border: 1px solid #bbb; margin: 0 0 .5rem; padding: .3rem .6rem; }
  table.records th, table.records td { border: 0; padding: .1rem 0; text-align: left; white-space: normal; }
  table.records tbody th { font-weight: 700; }
  table.records td::before { content: attr(data-label) ": "; font-weight: 600; }
}
@page { margin: 16mm 14mm 18mm; }
@page sheet { margin: 12mm 13mm 15mm; }
@media print {
  body { margin: 0; padding: 0; max-width: none; font-size: 11pt; color: #000; }
  header.page { color: #000; border-bottom: 1px solid #000; }
  header.page .made { display: none; }
  a { color: #000; text-decoration: underline; }
  /* no "fi" ligature in an address: copied from the PDF, it would not be the address */
  a { font-variant-ligatures: none; }
  h1, h2, h3, h4, h5, h6, caption, figcaption, p.sources { break-after: avoid; page-break-after: avoid; }
  .scroll { overflow: visible; }
  th { background: #fff; }
  th, td { border-color: #000; }
  table { break-inside: auto; }
  table.whole, tr, li, p.note, figure.chart svg { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  figure.chart svg { max-width: 25rem; }
  figure.labelled .scroll { display: none; }
  ul.sources { font-size: 9pt; }
  h1 { font-size: 18pt; }
  /* The handout: two Letter pages */
  body.handout { page: sheet; font-size: 10pt; line-height: 1.3; }
  body.handout h1 { font-size: 16pt; margin-top: .5rem; }
  body.handout h2 { font-size: 13pt; margin: 1rem 0 .3rem; }
  body.handout p, body.handout ul, body.handout ol { margin: .3rem 0; }
  body.handout ul.sources { font-size: 8pt; columns: 2; column-gap: 1.5rem; }
  body.handout figure.chart { margin: .5rem 0; padding: 0; }
  body.handout figure.chart svg { max-width: 20rem; }
  figure.chart svg.narrow { display: none; }
  figure.chart svg.wide { display: block; max-width: 100%; }
}
"""
