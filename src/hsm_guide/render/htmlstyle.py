"""The handout's one stylesheet: readable from a 375-pixel phone to a wide screen, printable in grayscale."""

from __future__ import annotations


def running_header(line: str) -> str:
    """The header line again at the top of every printed page after the first (which prints the
    header element itself). The line comes from the data: every character that is not a plain
    letter, digit or space is a CSS escape, so nothing in it can end the string or the style."""
    safe = "".join(c if (c.isascii() and c.isalnum()) or c == " " else f"\\{ord(c):06x} " for c in line)
    return (
        f'@page {{ @top-left {{ content: "{safe}"; font: 8pt system-ui, sans-serif; color: #000; }} }}\n'
        "@page :first { @top-left { content: none; } }\n"
    )


CSS = """
html { -webkit-text-size-adjust: 100%; }
body { font: 16px/1.5 system-ui, sans-serif; max-width: 52rem; margin: 0 auto; padding: 0 1rem 2rem; color: #1b1b1b; }
header.page { border-bottom: 1px solid #ccc; padding: .5rem 0; font-size: .85rem; color: #444; }
main { display: block; min-width: 0; }
h1 { font-size: 1.8rem; line-height: 1.25; margin: 1.25rem 0 .25rem; }
h2 { border-bottom: 1px solid #ccc; margin-top: 2.2rem; }
h3 { margin-top: 1.6rem; }
h1, h2, h3, p, li, td, th, figcaption, summary { overflow-wrap: break-word; }
a, code { overflow-wrap: anywhere; }
.nowrap { white-space: nowrap; }
.scroll { overflow-x: auto; max-width: 100%; margin: .75rem 0; }
.scroll:focus { outline: 2px solid #0b5cad; outline-offset: 2px; }
table { border-collapse: collapse; }
th, td { border: 1px solid #bbb; padding: .25rem .6rem; vertical-align: top; }
th { background: #eef0f3; text-align: left; }
td[style*="right"], th[style*="right"] { font-variant-numeric: tabular-nums; }
figure.chart { margin: 1.25rem 0; padding: .5rem 0; }
figure.chart figcaption { font-style: italic; margin-bottom: .4rem; }
svg, img { max-width: 100%; height: auto; }
figure.chart svg { display: block; width: 100%; }
p.note { margin: .75rem 0; padding: .25rem .75rem; border-left: 4px solid #9ab; color: #334; }
code { font-size: .9em; }
a { color: #0b5cad; }
@page { margin: 16mm 14mm; }
@media print {
  body { margin: 0; padding: 0; max-width: none; font-size: 11pt; color: #000; }
  header.page { color: #000; border-bottom: 1px solid #000; }
  a { color: #000; text-decoration: underline; }
  a[href^="http"]:not(.url)::after { content: " (" attr(href) ")"; overflow-wrap: anywhere; }
  /* no "fi" ligature in an address: copied from the PDF, it would not be the address */
  a, a::after { font-variant-ligatures: none; }
  main > section.doc ~ section.doc { break-before: page; page-break-before: always; }
  nav.contents { break-after: page; page-break-after: always; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  .scroll { overflow: visible; }
  th { background: #fff; }
  th, td { border-color: #000; }
  table { break-inside: auto; }
  tr, li, p.note, figure, figure.chart, svg { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
}
"""
