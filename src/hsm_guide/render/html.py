"""Markdown to one self-contained, printable HTML page (markdown-it-py, no raw HTML)."""

from __future__ import annotations

import html

from .markdown import anchor

CSS = """
body { font: 16px/1.5 system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; }
h1 { font-size: 1.8rem; margin-bottom: .25rem; }
h2 { border-bottom: 1px solid #ccc; margin-top: 2.2rem; }
h3 { margin-top: 1.6rem; }
table { border-collapse: collapse; margin: .75rem 0; }
th, td { border: 1px solid #ccc; padding: .25rem .6rem; vertical-align: top; }
th { background: #f2f4f7; text-align: left; }
td[style*="right"], th[style*="right"] { font-variant-numeric: tabular-nums; }
blockquote { margin: .75rem 0; padding: .25rem .75rem; border-left: 4px solid #9ab; color: #334; }
code { font-size: .9em; }
a { color: #0b5cad; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  a { color: inherit; text-decoration: none; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  table { break-inside: auto; }
  tr, li, blockquote { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
}
"""


def render(markdown: str, title: str) -> str:
    """Everything from the Markdown; data arrives escaped there, and raw HTML stays disabled."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    tokens = md.parse(markdown)
    seen: dict[str, int] = {}
    for i, token in enumerate(tokens):
        if token.type == "heading_open":  # the same ids GitHub gives, so the contents links work here too
            text = "".join(
                child.content for child in tokens[i + 1].children or [] if child.type in ("text", "code_inline")
            )
            token.attrSet("id", anchor(text, seen))
    body = md.renderer.render(tokens, md.options, {})
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n{body}</body>\n</html>\n"
    )
