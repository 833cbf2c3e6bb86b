"""Export: each format read back with an outside parser, and files written safely."""

from __future__ import annotations

import errno
import json
import os
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from pymarkdown.api import PyMarkdownApi

from hsm_guide.blocks import fmt
from hsm_guide.render.markdown import anchor
from hsm_guide.views import SECTIONS

pytestmark = pytest.mark.usefixtures("warm_cache")  # pages here are read, not the cache (conftest.py)

# -- what the blocks hold, from the JSON the same blocks produce ---------------------


def expected(run, *names: str) -> dict:
    payload = json.loads(run("export", *names, "--format", "json").stdout)
    headings, tables, items = [], [], 0
    for n, section in enumerate(payload["sections"], 1):
        if len(payload["sections"]) > 1:
            headings.append(f"{n}. {section['title']}")  # several sections are numbered
        for block in section["blocks"]:
            kind = block["type"]
            if kind == "heading":
                headings.append(block["text"])
            elif kind == "table":
                kinds = [c["kind"] for c in block["columns"]]
                tables.append(
                    [[c["name"] for c in block["columns"]]]
                    + [[fmt(v, k) for v, k in zip(row, kinds, strict=True)] for row in block["rows"]]
                )
            elif kind == "bars":
                label, value, notes = [*block["headings"], "", "", ""][:3]
                head = [label or "Item", value or "Figure"] + ([notes] if notes else [])
                word = notes.split(",")[0].lower() + " "
                tables.append(
                    [head]
                    + [
                        # the note alone under a head that names it: "median $134,050" under "Median, a year"
                        [r["label"], fmt(r["value"], block["kind"]), (r["note"] or "").removeprefix(word)]
                        if notes
                        else [r["label"], fmt(r["value"], block["kind"]) + (f" ({r['note']})" if r["note"] else "")]
                        for r in block["rows"]
                    ]
                )
            elif kind == "bands":
                marked = any(r["marker"] is not None for r in block["rows"])
                tables.append(
                    [[block["heading"], "10th percentile", "Median", "90th percentile"] + (["Your figure"] * marked)]
                    + [
                        [r["label"], *(fmt(r[k], block["kind"]) for k in ("low", "mid", "high"))]
                        + ([fmt(r["marker"], block["kind"]) if r["marker"] is not None else "-"] * marked)
                        for r in block["rows"]
                    ]
                )
            elif kind in ("bullets", "sourcelist"):
                items += len(block["entries"])
            elif kind == "facts":
                items += len(block["rows"])
    return {"headings": headings, "tables": tables, "items": items, "payload": payload}


def parsed(markdown: str) -> dict:
    """What a Markdown parser sees: heading texts, table cells, list items, raw HTML."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    headings, tables, items, html = [], [], 0, []
    row: list[str] | None = None
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            headings.append(_text(tokens[i + 1]))
        elif token.type == "table_open":
            tables.append([])
        elif token.type == "tr_open":
            row = []
            tables[-1].append(row)
        elif token.type in ("th_open", "td_open") and row is not None:
            row.append(_text(tokens[i + 1]))
        elif token.type == "list_item_open" and token.level <= 1:
            items += 1
        elif token.type == "html_block" or (
            token.type == "inline" and any(c.type == "html_inline" for c in token.children or [])
        ):
            html.append(token.content)
    return {"headings": headings[1:], "tables": tables, "items": items, "html": html}


def _text(inline) -> str:
    return "".join(c.content for c in inline.children or [] if c.type in ("text", "code_inline")).strip()


@pytest.mark.parametrize("names", [["duties"], ["pay"], ["settings", "certifications"], ["all"]], ids=" ".join)
def test_markdown_has_the_blocks_headings_tables_and_items(run, names) -> None:
    result = run("export", *names)
    assert result.exit_code == 0, result.output
    want, got = expected(run, *names), parsed(result.stdout)
    if len(want["payload"]["sections"]) > 1:
        assert got["headings"][0] == "Contents"
        got["headings"] = got["headings"][1:]
        got["items"] -= len(want["payload"]["sections"])  # the contents list
    assert got["headings"] == want["headings"]
    assert got["tables"] == want["tables"]
    assert got["items"] == want["items"]
    assert got["html"] == []


def test_markdown_of_the_whole_guide_passes_the_linter(run) -> None:
    markdown = run("export", "all").stdout
    result = PyMarkdownApi().disable_rule_by_identifier("md013").scan_string(markdown)
    assert result.critical_errors == []
    assert [(f.line_number, f.rule_id, f.rule_description) for f in result.scan_failures] == []


def test_contents_links_point_at_the_section_headings(run) -> None:
    markdown = run("export", "all").stdout
    tokens = MarkdownIt("commonmark").parse(markdown)
    links = [c.attrs["href"] for t in tokens if t.type == "inline" for c in t.children or [] if c.type == "link_open"]
    section_links = [href for href in links if href.startswith("#")]
    assert len(section_links) == len(SECTIONS)
    seen: dict[str, int] = {}
    ids = [anchor(_text(tokens[i + 1]), seen) for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert all(href[1:] in ids for href in section_links)
    assert section_links[3] == "#4-where-they-work"  # the fourth section, numbered


HOSTILE = "A | B # C <script>alert(1)</script> *not bold* [x](y) \\ back `tick` &amp; ~~gone~~"


@pytest.fixture
def hostile_kb(write_kb, shipped_text: str) -> Path:
    text = shipped_text.replace(
        '- {text: "Draw up work schedules.", sources: [seed-002]}',
        f"- {{text: {json.dumps(HOSTILE)}, sources: [seed-002]}}",
        1,
    )
    text = text.replace(
        '- {text: "Vendors", sources: [seed-001]}', '- {text: "- 1. > # starts like a block", sources: [seed-001]}', 1
    )
    text = text.replace('{employer: "Government", percent: 8}', '{employer: "Gov | ernment <b>", percent: 8}', 1)
    assert text != shipped_text
    return write_kb(text)


def test_data_cannot_change_the_markdown_structure(run, hostile_kb: Path) -> None:
    for names in (["duties"], ["settings"]):
        result = run("--data", str(hostile_kb), "export", *names)
        got = parsed(result.stdout)
        assert got["html"] == []
        if names == ["duties"]:
            tokens = MarkdownIt("commonmark").enable("table").parse(result.stdout)
            texts = [_text(t) for t in tokens if t.type == "inline"]
            assert HOSTILE in texts
            assert "- 1. > # starts like a block" in texts
        else:
            shares = next(t for t in got["tables"] if t[0] == ["Employer", "Share of jobs"])
            assert ["Gov | ernment <b>", "8%"] in shares
            assert all(len(row) == 2 for row in shares)


def test_data_cannot_inject_html(run, hostile_kb: Path) -> None:
    page = run("--data", str(hostile_kb), "export", "duties", "--format", "html").stdout
    assert "<script" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.cells: list[str] = []
        self._in_cell = False
        self.style = ""
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_cell = tag in ("td", "th")
        self._in_style = tag == "style"
        if self._in_cell:
            self.cells.append("")

    def handle_endtag(self, tag):
        self._in_cell = self._in_style = False

    def handle_data(self, data):
        if self._in_cell:
            self.cells[-1] += data
        if self._in_style:
            self.style += data


def test_html_is_one_self_contained_printable_page(run) -> None:
    page = run("export", "all", "--format", "html").stdout
    parser = _Page()
    parser.feed(page)
    tags = [t for t, _ in parser.tags]
    assert tags.count("html") == 1 and "script" not in tags and "img" not in tags and "link" not in tags
    assert "url(" not in parser.style and "@import" not in parser.style
    assert "@media print" in parser.style and "break-inside: avoid" in parser.style
    assert "$134,050" in parser.cells and "Certified Medical Manager" in parser.cells
    ids = {a.get("id") for _, a in parser.tags if a.get("id")}
    hrefs = [a["href"] for t, a in parser.tags if t == "a" and a.get("href", "").startswith("#")]
    assert hrefs and all(h[1:] in ids for h in hrefs), "contents links work in the page too"


def test_svg_is_a_document_set_in_a_proportional_font(run) -> None:
    svg = run("export", "certifications", "--format", "svg").stdout
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg") and root.get("font-family") == "sans-serif"
    text = " ".join(" ".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert "Certified Medical Manager" in " ".join(text.split()) and "PAHCOM" in text
    assert "monospace" not in svg and "terminal" not in svg, "not a picture of a terminal"
    assert 'url("http' not in svg and "@import" not in svg, "nothing fetched"


def test_json_export_is_one_document_in_section_order(run) -> None:
    payload = json.loads(run("export", "all", "-f", "json").stdout)
    assert payload["schema_version"] == 1
    assert [s["name"] for s in payload["sections"]] == [s.name for s in SECTIONS]
    one = json.loads(run("export", "pay", "--format", "json").stdout)
    assert [s["name"] for s in one["sections"]] == ["pay"]


def test_unknown_section_is_a_usage_error(run) -> None:
    result = run("export", "dutis")
    assert result.exit_code == 2
    assert result.stderr.startswith("hsm-guide: unknown section 'dutis'; did you mean 'duties'? (valid: all, overview,")


# -- writing files ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "marker"),
    [
        ("guide.md", "# Duties"),
        ("guide.json", '"schema_version"'),
        ("guide.html", "<!DOCTYPE html>"),
        ("guide.svg", "<svg"),
    ],
)
def test_format_follows_the_file_extension(run, tmp_path: Path, name: str, marker: str) -> None:
    out = tmp_path / name
    result = run("export", "duties", "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert marker in out.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir()] == [name], "no temporary file left behind"


def test_explicit_format_wins_and_dash_is_stdout(run, tmp_path: Path) -> None:
    out = tmp_path / "guide.md"
    run("export", "duties", "-o", str(out), "--format", "json")
    assert json.loads(out.read_text(encoding="utf-8"))["sections"][0]["name"] == "duties"
    assert run("export", "duties", "-o", "-").stdout == run("export", "duties").stdout


def test_refuses_to_overwrite_without_force(run, tmp_path: Path) -> None:
    out = tmp_path / "guide.md"
    out.write_text("keep me", encoding="utf-8")
    result = run("export", "duties", "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr == f"hsm-guide: {out}: already exists; use --force to overwrite it\n"
    assert out.read_text(encoding="utf-8") == "keep me"
    os.chmod(out, 0o640)
    assert run("export", "duties", "-o", str(out), "--force").exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("# Duties")
    assert out.stat().st_mode & 0o777 == 0o640, "permissions kept"


def test_missing_folder_and_folder_that_is_a_file(run, tmp_path: Path) -> None:
    result = run("export", "duties", "-o", str(tmp_path / "nope" / "guide.md"))
    assert result.exit_code == 1
    assert (
        result.stderr == f"hsm-guide: {tmp_path / 'nope' / 'guide.md'}: the folder {tmp_path / 'nope'} does not exist\n"
    )
    (tmp_path / "file").write_text("x", encoding="utf-8")
    result = run("export", "duties", "-o", str(tmp_path / "file" / "guide.md"))
    assert result.exit_code == 1
    assert "is not a folder" in result.stderr and len(result.stderr.splitlines()) == 1
    result = run("export", "duties", "-o", str(tmp_path))
    assert result.exit_code == 1 and "is a folder; name a file to write" in result.stderr


@pytest.mark.parametrize(
    ("target", "error", "message"),
    [
        ("os.fsync", OSError(errno.ENOSPC, "No space left on device"), "the disk is full"),
        ("os.replace", PermissionError(errno.EACCES, "Permission denied"), "permission denied"),
        ("os.open", PermissionError(errno.EACCES, "Permission denied"), "permission denied"),
    ],
)
def test_a_failed_write_keeps_the_old_file_and_leaves_nothing_behind(
    run, tmp_path: Path, monkeypatch, target: str, error: OSError, message: str
) -> None:
    out = tmp_path / "guide.md"
    out.write_text("the old handout", encoding="utf-8")

    real = {"os.fsync": os.fsync, "os.replace": os.replace, "os.open": os.open}[target]

    def fail(*args, **kwargs):
        ours = not isinstance(args[0], (str, Path)) or Path(args[0]).parent == tmp_path
        if ours:  # the export's own files only: the knowledge-base cache writes through os too
            raise error
        return real(*args, **kwargs)

    monkeypatch.setattr(target, fail)
    result = run("export", "all", "-o", str(out), "--force")
    assert result.exit_code == 1
    assert result.stderr == f"hsm-guide: {out}: {message}; nothing was written\n"
    assert out.read_text(encoding="utf-8") == "the old handout"
    assert [p.name for p in tmp_path.iterdir()] == ["guide.md"]


def test_a_failure_mid_write_leaves_no_partial_file(run, tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "new.md"
    real_write = os.write

    def breaks(fd, data):  # half the bytes reach the temporary file, then the device fails
        real_write(fd, data[: len(data) // 2])
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr("os.write", breaks)
    result = run("export", "all", "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr == f"hsm-guide: {out}: Input/output error; nothing was written\n"
    assert list(tmp_path.iterdir()) == []


def test_devices_are_never_replaced(run) -> None:
    result = run("export", "duties", "-o", "/dev/null", "--force")
    assert result.exit_code == 1
    assert result.stderr == (
        "hsm-guide: /dev/null: not a regular file; export writes files only (use -o - for standard output)\n"
    )
    assert Path("/dev/null").is_char_device()


def test_a_symlink_is_written_through(run, tmp_path: Path) -> None:
    target = tmp_path / "handout.md"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    assert run("export", "day", "-o", str(link)).exit_code == 1, "still refuses without --force"
    assert run("export", "day", "-o", str(link), "--force").exit_code == 0
    assert link.is_symlink() and target.read_text(encoding="utf-8").startswith("# A day in the life")


@pytest.mark.parametrize("fmt_name", ["markdown", "html"])
def test_a_source_note_ending_in_a_period_gets_no_second(run, fmt_name: str) -> None:
    """The catalog's notes end as sentences ('... and the BLS handbook.'); the address line follows once."""
    result = run("sources", "--format", fmt_name)
    assert result.exit_code == 0, result.stderr
    assert "handbook. No web address" in result.stdout or "handbook. Address" in result.stdout
    assert ".. " not in result.stdout and "..<" not in result.stdout
