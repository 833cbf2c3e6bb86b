"""Hostile input: fuzzed and mutated knowledge bases, text that tries to be markup,
resource bombs, and broken environments. Nothing may raise anything but the
project's own error, reach the terminal raw, or change an export's structure.
"""

from __future__ import annotations

import errno
import io
import json
import os
import re
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from rich.console import Console

from hsm_guide import knowledge
from hsm_guide.errors import DataError
from hsm_guide.limits import MAX_DEPTH
from hsm_guide.render import UNSAFE
from hsm_guide.render.terminal import clean, print_documents
from hsm_guide.sections import BY_NAME

FAST = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@cache
def shipped_data() -> dict[str, Any]:
    return yaml.safe_load(knowledge.packaged_data_path().read_text(encoding="utf-8"))


@cache
def shipped_kb():  # type: ignore[no-untyped-def]
    return knowledge.load(knowledge.packaged_data_path())


def dump(data: Any) -> str:
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml: five times faster, same output
    return yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=10_000)


def load_text(tmp_path: Path, text: str | bytes, name: str = "kb.yaml") -> Path:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def only_our_error(path: Path) -> None:
    """load and validate either succeed or raise DataError naming the file in every problem."""
    for check in (knowledge.load, knowledge.validate):
        try:
            check(path)
        except DataError as exc:
            assert exc.problems
            assert all(str(p).startswith(str(path)) for p in exc.problems)


# -- fuzzed and mutated documents --------------------------------------------------------


@FAST
@given(st.text(max_size=400))
def test_arbitrary_text_is_only_ever_our_error(tmp_path_factory, text: str) -> None:
    path = load_text(tmp_path_factory.mktemp("fuzz"), text)
    with pytest.raises(DataError):
        knowledge.load(path)


@FAST
@given(st.binary(max_size=400))
def test_arbitrary_bytes_are_only_ever_our_error(tmp_path_factory, raw: bytes) -> None:
    path = load_text(tmp_path_factory.mktemp("fuzz"), raw)
    with pytest.raises(DataError):
        knowledge.load(path)


@FAST
@given(st.data())
def test_mutated_text_is_valid_or_our_error(tmp_path_factory, data) -> None:
    lines = knowledge.packaged_data_path().read_text(encoding="utf-8").splitlines(keepends=True)
    for _ in range(data.draw(st.integers(1, 3))):
        if not lines:
            break
        i = data.draw(st.integers(0, len(lines) - 1))
        op = data.draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "truncate"]))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = data.draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "insert":
            at = data.draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:at] + data.draw(st.text(max_size=12)) + lines[i][at:]
        else:
            lines = lines[:i]
    only_our_error(load_text(tmp_path_factory.mktemp("mut"), "".join(lines)))


values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**30), 10**30) | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)


def paths_in(node: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += paths_in(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += paths_in(value, (*prefix, i))
    return found


ALL_PATHS = paths_in(shipped_data())


def replaced(data: Any, path: tuple, value: Any) -> Any:
    if not path:
        return value
    copy = dict(data) if isinstance(data, dict) else list(data)
    copy[path[0]] = replaced(data[path[0]], path[1:], value)
    return copy


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.sampled_from(ALL_PATHS), value=values)
def test_any_value_anywhere_is_valid_or_our_error(tmp_path_factory, path: tuple, value: Any) -> None:
    only_our_error(load_text(tmp_path_factory.mktemp("tree"), dump(replaced(shipped_data(), path, value))))


@FAST
@given(path=st.sampled_from([p for p in ALL_PATHS if p]), value=values)
def test_the_cli_answers_in_one_line(tmp_path_factory, run, path: tuple, value: Any) -> None:
    kb = load_text(tmp_path_factory.mktemp("cli"), dump(replaced(shipped_data(), path, value)))
    result = run("--data", str(kb), "pay")
    assert result.exit_code in (0, 1), result.output
    if result.exit_code == 1:
        assert result.stdout == ""
        assert len(result.stderr.splitlines()) == 1
        assert result.stderr.startswith(f"hsm-guide: {kb}")


# -- text that tries to be markup ------------------------------------------------------------

PLACES = {  # a list item, a heading, a table cell
    "duties": ("duties", "typical", 0, "text"),
    "licensure": ("licensure", 0, "name"),
    "certifications": ("certifications", "credentials", 0, "suits"),
}
unicode_text = st.text(
    st.characters(exclude_categories=("Cs",), exclude_characters="\t\n\r"), min_size=1, max_size=30
).filter(
    lambda t: re.search(r"\S", t)  # the schema refuses blank text
)


def with_text(text: str) -> dict[str, Any]:
    data = shipped_data()
    for path in PLACES.values():
        data = replaced(data, path, text)
    return data


def render_terminal(kb, section: str, width: int = 10_000, terminal: bool = False) -> str:
    console = Console(
        file=io.StringIO(),
        width=width,
        force_terminal=terminal,
        color_system="truecolor" if terminal else None,
        highlight=False,
        markup=False,
        emoji=False,
    )
    print_documents(console, [BY_NAME[section].build(kb)])
    return console.file.getvalue()  # type: ignore[attr-defined]


def markdown_shape(markdown: str) -> tuple[list[str], int, list[int]]:
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    kinds = [t.type for t in tokens if t.type.endswith("_open")]
    items = sum(1 for t in tokens if t.type == "list_item_open")
    rows = [
        sum(1 for u in tokens[i:] if u.type in ("td_open", "th_open"))
        for i, t in enumerate(tokens)
        if t.type == "tr_open"
    ]
    return kinds, items, rows


def inline_texts(markdown: str) -> list[str]:
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    return [
        " ".join("".join(c.content for c in t.children or [] if c.type in ("text", "code_inline")).split())
        for t in tokens
        if t.type == "inline"
    ]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=unicode_text)
def test_any_unicode_renders_verbatim_and_keeps_every_structure(tmp_path_factory, text: str) -> None:
    from hsm_guide.export import Format, render

    kb = knowledge.load(load_text(tmp_path_factory.mktemp("uni"), dump(with_text(text))))
    baseline = shipped_kb()
    shown = clean(text)
    for section in PLACES:
        out = render_terminal(kb, section)
        assert shown in out, "the terminal shows the text itself (control characters escaped)"
        assert "\x1b" not in out
        markdown = render(kb, [section], Format.markdown).decode("utf-8")
        assert markdown_shape(markdown) == markdown_shape(render(baseline, [section], Format.markdown).decode("utf-8"))
        expected = UNSAFE.sub("\ufffd", " ".join(text.split()))
        if expected:
            assert any(expected in t for t in inline_texts(markdown)), "Markdown renders the text as itself"
        assert text in strings(json.loads(render(kb, [section], Format.json))), "JSON keeps the text exactly"
        page = render(kb, [section], Format.html).decode("utf-8")
        before = render(baseline, [section], Format.html).decode("utf-8")
        for tag in ("<script", "<table", "<tr", "<li", "<h2", "<h3", "<a ", "<img"):
            assert page.count(tag) == before.count(tag), tag


def strings(node: Any) -> set[str]:
    if isinstance(node, str):
        return {node}
    if isinstance(node, dict):
        return set().union(*(strings(v) for v in node.values())) if node else set()
    if isinstance(node, list):
        return set().union(*(strings(v) for v in node)) if node else set()
    return set()


def test_markup_and_escape_sequences_in_data_print_as_text(tmp_path: Path, run) -> None:
    hostile = "[bold]x[/bold] \x1b[31mred\x1b[0m :smile: \u202etxet\u202c"
    kb_path = load_text(tmp_path, dump(with_text(hostile)))
    result = run("--data", str(kb_path), "duties")
    assert "[bold]x[/bold]" in result.stdout and ":smile:" in result.stdout
    assert "\\x1b[31mred\\x1b[0m" in result.stdout
    assert "\\u202etxet\\u202c" in result.stdout, "bidi overrides are shown, not obeyed"
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    coloured = render_terminal(knowledge.load(kb_path), "duties", width=100, terminal=True)
    assert "\x1b[31mred" not in coloured and "[bold]x[/bold]" in coloured


def test_html_and_markdown_from_hostile_text(tmp_path: Path, run) -> None:
    hostile = '<script>alert("x")</script> | # > - 1. [a](javascript:alert(1)) ![i](http://x/y.png) &amp; `c` \\'
    kb_path = load_text(tmp_path, dump(with_text(hostile)))
    page = run("--data", str(kb_path), "export", "certifications", "--format", "html").stdout
    assert "<script" not in page and "<img" not in page and 'href="javascript' not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    markdown = run("--data", str(kb_path), "export", "certifications").stdout
    assert any(" ".join(hostile.split()) in t for t in inline_texts(markdown))


def test_chart_text_from_the_data_is_never_svg_markup(tmp_path: Path) -> None:
    """An employer's name and an O*NET task drawn as SVG bars come back as literal text."""
    from xml.etree import ElementTree

    from hsm_guide.blocks import Bars
    from hsm_guide.render.svgcharts import chart

    hostile = '<script>alert("x")</script> & \x1b[31mred \u202etxet\u202c'
    data = replaced(shipped_data(), ("settings", "employer_shares", "rows", 0, "employer"), hostile)
    data = replaced(data, ("duties", "onet_tasks", 0, "text"), hostile)
    kb = knowledge.load(load_text(tmp_path, dump(data)))
    for section in ("settings", "duties"):
        (bars, *_) = [b for b in BY_NAME[section].build(kb).blocks if isinstance(b, Bars)]
        svg = chart(bars)
        root = ElementTree.fromstring(svg)
        assert "<script" not in svg and "\x1b" not in svg and "\u202e" not in svg
        assert not any(e.tag == "script" for e in root.iter())
        shown = ["".join(t.itertext()) for t in root.iter("text")]
        assert '<script>alert("x")</script> & \ufffd[31mred \ufffdtxet\ufffd' in shown, section


# -- resource bombs ---------------------------------------------------------------------------

BILLION_LAUGHS = "a: &a ['lol','lol','lol','lol','lol','lol','lol','lol','lol']\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
)


def test_alias_bomb_fails_fast_and_clearly(run, tmp_path: Path) -> None:
    kb = load_text(tmp_path, BILLION_LAUGHS)
    result = run("--data", str(kb), "duties")
    assert result.exit_code == 1
    assert "aliases" in result.stderr and len(result.stderr.splitlines()) == 1


def test_deep_nesting_fails_clearly(run, tmp_path: Path) -> None:
    # Whichever stops it first (the guide's depth limit or the YAML library's own), the reader
    # gets one line naming the file and its line, and exit 1: the wording is not asserted.
    kb = load_text(tmp_path, "a: " + "[" * 5000 + "]" * 5000 + "\n")
    result = run("--data", str(kb), "duties")
    assert result.exit_code == 1 and result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith(f"hsm-guide: {kb}")


def test_nesting_past_the_guides_limit_is_named_in_its_words(run, tmp_path: Path) -> None:
    # Deeper than the guide allows, shallower than any YAML library's own stop: the guide's rule.
    kb = load_text(tmp_path, "a: " + "[" * (MAX_DEPTH + 2) + "]" * (MAX_DEPTH + 2) + "\n")
    result = run("--data", str(kb), "duties")
    assert result.exit_code == 1
    assert result.stderr == f"hsm-guide: {kb}: the YAML is nested too deeply (the limit is {MAX_DEPTH} levels)\n"
    kb = load_text(tmp_path, "a: " + "[" * (MAX_DEPTH - 2) + "]" * (MAX_DEPTH - 2) + "\n")
    assert "nested too deeply" not in run("--data", str(kb), "duties").stderr


def test_huge_file_is_refused_before_reading(run, tmp_path: Path) -> None:
    kb = tmp_path / "huge.yaml"
    with kb.open("wb") as handle:
        handle.truncate(knowledge.MAX_BYTES + 1)  # sparse: no disk used
    result = run("--data", str(kb), "duties")
    assert result.exit_code == 1
    assert (
        result.stderr
        == f"hsm-guide: {kb}: file is {knowledge.MAX_BYTES + 1:,} bytes; the limit is {knowledge.MAX_BYTES:,}\n"
    )


@pytest.mark.parametrize("special", ["/dev/zero", "/dev/null"])
def test_devices_are_not_knowledge_bases(run, special: str) -> None:
    result = run("--data", special, "duties")
    assert result.exit_code == 1
    assert result.stderr == f"hsm-guide: {special}: not a regular file\n"


def test_a_fifo_is_not_read(run, tmp_path: Path) -> None:
    fifo = tmp_path / "kb.fifo"
    os.mkfifo(fifo)
    result = run("--data", str(fifo), "duties")
    assert result.exit_code == 1 and result.stderr == f"hsm-guide: {fifo}: not a regular file\n"


# -- broken environments -----------------------------------------------------------------------

COMMANDS = [
    ["duties"],
    ["pay"],
    ["settings"],
    ["path"],
    ["search", "hipaa"],
    ["pay", "--history"],
    ["certifications"],
    ["fit", "--answers", ",".join("3" for _ in range(14))],
    ["--help"],
    [],
]


@pytest.mark.parametrize(
    "env",
    [{"PYTHONIOENCODING": "ascii"}, {"LANG": "C", "LC_ALL": ""}, {"LC_ALL": "C"}],
    ids=["ascii", "LANG=C", "LC_ALL=C"],
)
@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a[:2]) or "snapshot")
def test_non_utf8_terminals_get_readable_ascii(args: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "hsm_guide", *args], env={**os.environ, **env}, capture_output=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
    assert result.stdout.isascii(), "a C locale or an ASCII stream gets ASCII rules, bars and bullets"


def test_closed_stdout_is_one_line_not_a_traceback() -> None:
    result = subprocess.run(
        f"{sys.executable} -m hsm_guide duties >&-", shell=True, capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    assert result.stderr == "hsm-guide: standard output is closed; nothing to write to\n"


def test_bidi_overrides_never_reach_an_export(tmp_path: Path, run) -> None:
    kb_path = load_text(tmp_path, dump(with_text("abc \u202egnp.exe\u202c def")))
    for fmt in ("markdown", "html", "svg"):
        out = run("--data", str(kb_path), "export", "duties", "--format", fmt).stdout
        assert "\u202e" not in out and "\u202c" not in out, fmt
    payload = json.loads(run("--data", str(kb_path), "export", "duties", "--format", "json").stdout)
    assert "abc \u202egnp.exe\u202c def" in strings(payload), "JSON is for programs: it keeps the data exactly"


def test_ctrl_c_while_still_importing_exits_130_quietly() -> None:
    """The interrupt arrives while the CLI's modules are being imported, before its own handler."""
    script = (
        "import os, signal, sys, importlib.abc\n"
        "class Interrupt(importlib.abc.MetaPathFinder):\n"
        "    def find_spec(self, name, path, target=None):\n"
        "        if name == 'typer':\n"
        "            os.kill(os.getpid(), signal.SIGINT)\n"
        "        return None\n"
        "sys.meta_path.insert(0, Interrupt())\n"
        "sys.argv = ['hsm-guide', 'duties']\n"
        "from hsm_guide.entry import main\n"
        "main()\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert result.returncode == 130
    assert result.stdout == "" and result.stderr == ""


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["duties"]])
def test_a_full_disk_on_stdout_is_one_line(args: list[str]) -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    result = subprocess.run(
        f"{sys.executable} -m hsm_guide {' '.join(args)} > /dev/full",
        shell=True,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    # The reason is the system's own words for a full disk (whatever they are here), on one line.
    assert result.stderr == f"hsm-guide: cannot write to standard output: {os.strerror(errno.ENOSPC)}\n"


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["validate"], ["duties"]])
def test_a_reader_that_leaves_early_is_not_a_failure(args: list[str]) -> None:
    script = f'{sys.executable} -m hsm_guide {" ".join(args)} | head -c 0; echo "status=${{PIPESTATUS[0]}}" >&2'
    result = subprocess.run(["bash", "-c", script], capture_output=True, text=True, check=False)
    assert result.stderr == "status=0\n"
