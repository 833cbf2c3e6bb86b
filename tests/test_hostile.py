"""Hostile input: fuzzed and mutated knowledge bases, text that tries to be markup,
resource bombs, and broken environments. Nothing may raise anything but the
project's own error, reach the terminal raw, or change an export's structure.
"""

from __future__ import annotations

import contextlib
import errno
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import msgspec
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
from hsm_guide.views import BY_NAME

# Examples per run are few to keep the suite under three minutes on two cores: 20 where one is cheap,
# 12 where each parses a whole knowledge base (about 0.2 to 0.4 s). Each run draws new ones (no fixed
# seed), so CI's runs add up to many more.
FAST = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
WHOLE = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


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


@WHOLE
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


@WHOLE
@given(path=st.sampled_from(ALL_PATHS), value=values)
def test_any_value_anywhere_is_valid_or_our_error(tmp_path_factory, path: tuple, value: Any) -> None:
    only_our_error(load_text(tmp_path_factory.mktemp("tree"), dump(replaced(shipped_data(), path, value))))


@WHOLE
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


@WHOLE
@given(text=unicode_text)
def test_any_unicode_renders_verbatim_and_keeps_every_structure(tmp_path_factory, text: str) -> None:
    from hsm_guide.render.formats import Format
    from hsm_guide.render.formats import render as render_docs

    def render(kb, names: list[str], fmt: Format) -> bytes:
        return render_docs(kb, [BY_NAME[name].build(kb) for name in names], fmt)

    kb = knowledge.load(load_text(tmp_path_factory.mktemp("uni"), dump(with_text(text))))
    shown = clean(text)
    for section in PLACES:
        out = render_terminal(kb, section)
        assert shown in out, "the terminal shows the text itself (control characters escaped)"
        assert "\x1b" not in out
        markdown = render(kb, [section], Format.markdown).decode("utf-8")
        assert markdown_shape(markdown) == baseline_markdown_shape(section)
        expected = UNSAFE.sub("\ufffd", " ".join(text.split()))
        if expected:
            assert any(expected in t for t in inline_texts(markdown)), "Markdown renders the text as itself"
        assert text in strings(json.loads(render(kb, [section], Format.json))), "JSON keeps the text exactly"
        page = render(kb, [section], Format.html).decode("utf-8")
        before = baseline_html(section)
        for tag in ("<script", "<table", "<tr", "<li", "<h2", "<h3", "<a ", "<img"):
            assert page.count(tag) == before.count(tag), tag


@cache
def _baseline(section: str, fmt: str) -> str:
    """A section of the shipped data as the variant is written: alone, with no extract or state table
    beside it (compare like with like). The same for every example, so rendered once."""
    from hsm_guide.render.formats import Format
    from hsm_guide.render.formats import render as render_docs

    baseline = msgspec.structs.replace(shipped_kb(), wages=None, licensing=None)
    return render_docs(baseline, [BY_NAME[section].build(baseline)], Format[fmt]).decode("utf-8")


def baseline_markdown_shape(section: str) -> tuple[list[str], int, list[int]]:
    return markdown_shape(_baseline(section, "markdown"))


def baseline_html(section: str) -> str:
    return _baseline(section, "html")


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
        shown = " ".join("".join(t.itertext()) for t in root.iter("text"))  # a long label wraps
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
    assert result.stderr == f"hsm-guide: {kb}:1: the YAML is nested too deeply (the limit is {MAX_DEPTH} levels)\n"
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
@pytest.mark.usefixtures("warm_cache")  # the knowledge base compiled: a run's streams are tested here
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
@pytest.mark.usefixtures("warm_cache")
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
@pytest.mark.usefixtures("warm_cache")
def test_a_reader_that_leaves_early_is_not_a_failure(args: list[str]) -> None:
    script = f'{sys.executable} -m hsm_guide {" ".join(args)} | head -c 0; echo "status=${{PIPESTATUS[0]}}" >&2'
    result = subprocess.run(["bash", "-c", script], capture_output=True, text=True, check=False)
    assert result.stderr == "status=0\n"


# -- issue 20's classes: each fails on the code before its fix ----------------------------------

HSM = [sys.executable, "-c", "import sys; sys.argv[0] = 'hsm-guide'; from hsm_guide.entry import main; main()"]


def hsm(*args: str, env: dict[str, str] | None = None, **kwargs: Any) -> subprocess.CompletedProcess[bytes]:
    """The console script in a child process, as users run it."""
    variables = {**os.environ, "COLUMNS": "80", "NO_COLOR": "1", **(env or {})}
    return subprocess.run([*HSM, *args], env=variables, capture_output=True, check=False, **kwargs)


def one_line(result: subprocess.CompletedProcess[bytes]) -> str:
    err = result.stderr.decode()
    assert len(err.splitlines()) == 1 and "Traceback" not in err and "internal error" not in err, err
    return err


# 1. The cache deletes files it did not write.


def test_a_cache_folder_of_ones_own_files_loses_none(tmp_path: Path) -> None:
    mine = tmp_path / "Documents"
    mine.mkdir()
    files = {f"letter-{i}.txt": f"letter {i}".encode() for i in range(250)}
    files["kb-plan.bin"] = b"a budget"
    for name, content in files.items():
        (mine / name).write_bytes(content)
        os.utime(mine / name, (1_000_000, 1_000_000))
    env = {"HSM_GUIDE_CACHE_DIR": str(mine)}
    for args in (["duties"], ["day"], ["pay", "--area", "OH"]):
        assert hsm(*args, env=env).returncode == 0
    cleared = hsm("cache", "clear", env=env)
    assert cleared.returncode == 1 and "nothing was removed" in one_line(cleared)
    assert {p.name: p.read_bytes() for p in mine.iterdir()} == files


# 2. Cache entries are trusted whoever wrote them.


def _warm_page(folder: Path) -> tuple[Path, bytes]:
    env = {"HSM_GUIDE_CACHE_DIR": str(folder)}
    fresh = hsm("day", env=env).stdout
    (entry,) = (folder / "output").glob("*.txt")
    return entry, fresh


def test_a_planted_page_is_never_printed(tmp_path: Path) -> None:
    """An entry under the right key that another user could have written (writable by others): a miss."""
    from hsm_guide.cache import store

    folder = tmp_path / "cache"
    entry, fresh = _warm_page(folder)
    blob = entry.read_bytes()
    planted = b"\x1b]0;owned\x07\x1b[2J you have been hacked\n"
    entry.write_bytes(store.seal(blob[:8], blob[8:24], planted))
    entry.chmod(0o666)
    shown = hsm("day", env={"HSM_GUIDE_CACHE_DIR": str(folder)})
    assert shown.returncode == 0 and shown.stdout == fresh and b"\x1b" not in shown.stdout


def test_an_entry_of_another_cache_or_format_under_the_key_is_never_printed(tmp_path: Path) -> None:
    """The right key and digests, but the header of another cache or of an older format: a miss."""
    from hsm_guide.cache import store

    folder = tmp_path / "cache"
    entry, fresh = _warm_page(folder)
    blob = entry.read_bytes()
    older = b"HSMGOLD\x01"  # starts like every entry the guide writes, but names no cache of this version
    assert older != blob[:8]
    entry.write_bytes(store.seal(older, blob[8:24], b"a page another version wrote\n"))
    shown = hsm("day", env={"HSM_GUIDE_CACHE_DIR": str(folder)})
    assert shown.returncode == 0 and shown.stdout == fresh


_PLANTED: dict[str, Any] = {}


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    payload=st.binary(max_size=2000) | st.builds(lambda n: b"\xdd" + n.to_bytes(4, "big"), st.integers(0, 2**32 - 1))
)
def test_no_sealed_payload_can_crash_or_change_a_knowledge_base(tmp_path_factory, payload: bytes) -> None:
    """Whatever a knowledge-base entry holds under the right key and digests, it is a knowledge base
    of this model or a miss: marshal could be made to crash the interpreter; msgspec cannot."""
    from hsm_guide.cache import knowledge as kb_cache
    from hsm_guide.cache import store

    from .conftest import environment

    if not _PLANTED:  # stored once; each example then plants its payload under the same key and digests
        folder = tmp_path_factory.mktemp("planted")
        copy = folder / "kb.yaml"
        copy.write_bytes(knowledge.packaged_data_path().read_bytes())
        env = environment(environ={"HSM_GUIDE_CACHE_DIR": str(folder / "cache")})
        expected = kb_cache.load_cached(copy, env)
        (entry,) = (folder / "cache").glob("kb-*.bin")
        _PLANTED.update(copy=copy, env=env, expected=expected, entry=entry, header=entry.read_bytes()[:24])
    copy, env, expected, entry, header = (_PLANTED[k] for k in ("copy", "env", "expected", "entry", "header"))
    entry.write_bytes(store.seal(header[:8], header[8:24], payload))
    assert kb_cache.load_cached(copy, env) == expected


# 3. Data that validates, then breaks.

SHIPPED = knowledge.packaged_data_path().read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        (
            SHIPPED
            + "x: &t '"
            + "w" * 5000
            + "'\ny: &m ["
            + ", ".join(["*t"] * 64)
            + "]\nz: ["
            + ", ".join(["*m"] * 64)
            + "]\n",
            "z",
            "aliases repeat too much text",
        ),
        (SHIPPED.replace("{id: ", "{id: twice, id: ", 1), "sources", "duplicate key 'id'"),
        (SHIPPED.replace("schema_version: 1", "schema_version: " + "9" * 4301, 1), "schema_version", "too large"),
        (SHIPPED.replace('url: "https://', 'url: "https://\\x1b[2J', 1), "url", "not a web address"),
        (SHIPPED.replace('url: "https://', 'url: "https://a b.example/', 1), "url", "not a web address"),
    ],
    ids=["alias-text", "flow-duplicate", "huge-integer", "control-in-address", "space-in-address"],
)
def test_what_loading_could_blow_up_is_refused_in_one_line(tmp_path: Path, text: str, where: str, words: str) -> None:
    kb = tmp_path / "kb.yaml"
    kb.write_text(text, encoding="utf-8")
    for args in (["overview"], ["validate", str(kb)]):
        result = hsm("--data", str(kb), *args, timeout=60)
        assert result.returncode == 1 and result.stdout == b""
        line = result.stderr.decode().splitlines()[0]
        assert re.match(rf"hsm-guide: {re.escape(str(kb))}:\d+: \S*{where}\S*: ", line), line
        assert words in line, line


# 4. Files.


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT], ids=["TERM", "HUP", "INT"])
def test_a_signal_during_an_export_leaves_no_temporary_file(tmp_path: Path, signum: int) -> None:
    """The write is held open (a slow disk, faked by a fsync that waits), the signal arrives, and the
    temporary file goes with the run, which ends with 128 + the signal's number."""
    target = tmp_path / "guide.html"
    slow = (
        "import os, time; real = os.fsync\n"
        "def slow(fd): open(os.environ['READY'], 'w').close(); time.sleep(30)\n"
        "os.fsync = slow\n"
    )
    ready = tmp_path / "ready"
    code = slow + HSM[2]
    proc = subprocess.Popen(
        [sys.executable, "-c", code, "export", "all", "-o", str(target)],
        env={**os.environ, "READY": str(ready), "NO_COLOR": "1"},
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 30
    while not ready.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signum)
    assert proc.wait(timeout=30) == 128 + signum
    assert proc.stderr is not None and b"Traceback" not in proc.stderr.read()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ready"], "no guide.html, no temporary file"


def test_temporary_files_a_killed_export_left_are_swept_beside_the_target(tmp_path: Path) -> None:
    stale = tmp_path / ".hsm-guide-4242-0badf00d.tmp"
    stale.write_bytes(b"half a page")
    os.utime(stale, (1_000_000, 1_000_000))
    fresh = tmp_path / ".hsm-guide-4343-feedf00d.tmp"  # another export at work right now
    fresh.write_bytes(b"half a page")
    mine = tmp_path / ".notes.tmp"  # not the guide's pattern
    mine.write_bytes(b"mine")
    os.utime(mine, (1_000_000, 1_000_000))
    assert hsm("day", "-o", str(tmp_path / "day.md")).returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [".hsm-guide-4343-feedf00d.tmp", ".notes.tmp", "day.md"]


def test_concurrent_writers_of_one_new_file_one_succeeds(tmp_path: Path) -> None:
    target = tmp_path / "page.md"
    env = {**os.environ, "NO_COLOR": "1", "HSM_GUIDE_NO_CACHE": "1"}
    procs = [subprocess.Popen([*HSM, "day", "-o", str(target)], env=env, stderr=subprocess.PIPE) for _ in range(6)]
    statuses = sorted(p.wait(timeout=60) for p in procs)
    assert statuses == [0, 1, 1, 1, 1, 1]
    assert target.read_text(encoding="utf-8").startswith("# A day in the life")


def test_a_name_as_long_as_the_file_system_allows(tmp_path: Path) -> None:
    target = tmp_path / ("x" * (255 - 3) + ".md")
    result = hsm("day", "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert target.read_text(encoding="utf-8").startswith("# A day in the life")


def test_the_knowledge_base_being_read_is_never_overwritten(tmp_path: Path) -> None:
    kb = tmp_path / "kb.txt"
    kb.write_bytes(knowledge.packaged_data_path().read_bytes())
    before = kb.read_bytes()
    result = hsm("--data", str(kb), "day", "-o", str(kb), "--force")
    assert result.returncode == 1 and "knowledge base" in one_line(result) and str(kb) in one_line(result)
    assert kb.read_bytes() == before


def test_a_permission_error_names_the_file(run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What a user without rights to the folder sees (root has them all, so the OS is made to refuse)."""
    target = tmp_path / "locked" / "page.md"
    real_stat = os.stat

    def refuse(path: Any, *args: Any, **kwargs: Any) -> Any:
        if str(path).startswith(str(tmp_path / "locked")):
            raise PermissionError(13, "Permission denied", str(path))
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", refuse)
    result = run("day", "-o", str(target))
    assert result.exit_code == 1
    assert result.stderr == f"hsm-guide: {target}: permission denied; nothing was written\n"


# 5. Streams and terminals.

ANSWERS = len(shipped_data()["fit"]["statements"])


@pytest.mark.parametrize(
    ("stdin", "words"),
    [
        ("<&-", "standard input is closed"),
        ("</dev/zero", "longer than 1,024 bytes"),
        ("< <(yes '')", "no answers in the first 65,536 bytes"),
        ("< <(printf '\\xff\\xfe\\x01\\x80\\n')", "line 1: '"),
    ],
    ids=["closed", "endless-line", "endless-blank-lines", "binary"],
)
def test_fit_reads_any_stdin_within_bounds(stdin: str, words: str) -> None:
    command = f"{' '.join(map(repr, HSM))} fit {stdin}"
    result = subprocess.run(["bash", "-c", command], capture_output=True, timeout=60, check=False)
    assert result.returncode == 2 and result.stdout == b""
    assert words in one_line(result)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(piped=st.binary(max_size=3000))
@pytest.mark.usefixtures("warm_cache")  # each example reads the compiled knowledge base, none writes it
def test_fit_answers_any_bytes_with_a_result_or_one_line(piped: bytes) -> None:
    from .conftest import environment, run_in

    result = run_in(environment(piped), "fit")
    assert result.exit_code in (0, 2)
    if result.exit_code == 2:
        assert result.stdout == "" and len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-8", "latin-1"])
def test_a_replayed_page_is_byte_identical_in_every_encoding(tmp_path: Path, encoding: str) -> None:
    env = {"PYTHONIOENCODING": encoding, "HSM_GUIDE_CACHE_DIR": str(tmp_path / "cache")}
    fresh = hsm("day", env=env)
    replayed = hsm("day", env=env)
    assert fresh.returncode == replayed.returncode == 0
    assert list((tmp_path / "cache" / "output").glob("*.txt")), "the second run was a replay"
    assert replayed.stdout == fresh.stdout
    assert replayed.stdout.decode(encoding).startswith("A day in the life")


def _in_pty(argv: list[str], env: dict[str, str], send: Callable[[int], None] | None = None) -> tuple[int, bytes, bool]:
    """Run at a pseudo-terminal; its exit status, what the terminal received, and whether the
    terminal still echoes what is typed once the run is over."""
    import pty
    import select
    import termios

    leader, follower = pty.openpty()
    proc = subprocess.Popen(argv, stdin=follower, stdout=follower, stderr=follower, env=env, start_new_session=True)
    seen = b""
    deadline = time.monotonic() + 30
    sent = False
    while proc.poll() is None and time.monotonic() < deadline:
        if select.select([leader], [], [], 0.2)[0]:
            try:
                seen += os.read(leader, 65536)
            except OSError:
                break
        if send is not None and not sent and b"PAGER-READY" in seen:
            send(proc.pid)
            sent = True
    status = proc.wait(timeout=30)
    echo = bool(termios.tcgetattr(follower)[3] & termios.ECHO)
    with contextlib.suppress(OSError):
        while select.select([leader], [], [], 0.1)[0] and (chunk := os.read(leader, 65536)):
            seen += chunk
    os.close(leader)
    os.close(follower)
    return status, seen, echo


PAGER = (
    "import os, sys, time, signal, termios\n"
    "mode = termios.tcgetattr(1); mode[3] &= ~termios.ECHO; termios.tcsetattr(1, termios.TCSANOW, mode)\n"
    "signal.signal(signal.SIGINT, signal.SIG_IGN)  # less keeps running on Ctrl-C\n"
    "sys.stdin.buffer.read(); os.write(1, b'PAGER-READY\\n'); time.sleep(1.5)\n"
    "mode[3] |= termios.ECHO; termios.tcsetattr(1, termios.TCSANOW, mode)  # what less does as it quits\n"
)


def test_ctrl_c_in_the_pager_leaves_the_terminal_as_it_was(tmp_path: Path) -> None:
    """Ctrl-C reaches the whole foreground group: the pager ignores it and ends on its own, echo
    restored; the guide waits for it rather than killing it, so the terminal echoes again."""
    pager = tmp_path / "pager.py"
    pager.write_text(PAGER, encoding="utf-8")
    env = {**os.environ, "PAGER": f"{sys.executable} {pager}", "TERM": "dumb", "HSM_GUIDE_NO_CACHE": "1"}

    def ctrl_c(pid: int) -> None:
        os.killpg(os.getpgid(pid), signal.SIGINT)

    status, seen, echo = _in_pty([*HSM, "day", "--pager"], env, ctrl_c)
    assert b"PAGER-READY" in seen and b"Traceback" not in seen
    assert status in (0, 130), seen[-300:]
    assert echo, "the terminal echoes what is typed"


def test_a_non_utf8_terminal_gets_ascii_even_through_the_pager() -> None:
    env = {**os.environ, "PAGER": "cat", "LC_ALL": "C", "LANG": "C", "TERM": "xterm", "NO_COLOR": "1"}
    env["HSM_GUIDE_NO_CACHE"] = "1"
    status, seen, _ = _in_pty([*HSM, "pay", "--states", "--pager"], env)
    assert status == 0 and b"Ohio" in seen
    assert seen.isascii(), "ASCII rules, boxes and bars, as on a dumb terminal"


# 6. Stale output.


def test_a_knowledge_base_reached_through_a_link_reads_the_extract_beside_the_link(tmp_path: Path) -> None:
    """The warm key and the loader share one data-path rule: the wages/ beside the name given."""
    data = knowledge.packaged_data_path().parent
    target = tmp_path / "target"
    shutil.copytree(data, target)
    linked = tmp_path / "linked"
    linked.mkdir()
    (linked / "kb.yaml").symlink_to(target / data.joinpath("occupation.yaml").name)
    shutil.copytree(data / "wages", linked / "wages")
    env = {"HSM_GUIDE_CACHE_DIR": str(tmp_path / "cache")}
    args = ("--data", str(linked / "kb.yaml"), "pay", "--area", "OH")
    assert b"$106,140" in hsm(*args, env=env).stdout
    assert b"$106,140" in hsm(*args, env=env).stdout  # now from the page cache
    rows = linked / "wages" / "oews-wages.csv"
    rows.write_text(rows.read_text(encoding="utf-8").replace(",106140,", ",106150,"), encoding="utf-8")
    assert b"$106,150" in hsm(*args, env=env).stdout, "an edit beside the link is seen"
    shutil.rmtree(linked / "wages")
    gone = hsm(*args, env=env)
    assert b"$106,1" not in gone.stdout, "a removed extract is never served from the cache"


def test_the_loader_builds_from_the_bytes_the_warm_key_hashed(tmp_path: Path) -> None:
    """An edit between the warm path's read and the load cannot be stored under the old key: the
    loader is handed the bytes that were hashed, and no file is read twice."""
    from hsm_guide.cache import knowledge as kb_cache
    from hsm_guide.cache import warm

    from .conftest import environment

    copy = tmp_path / "kb.yaml"
    copy.write_bytes(knowledge.packaged_data_path().read_bytes())
    env = environment(environ={"HSM_GUIDE_DATA": str(copy), "HSM_GUIDE_CACHE_DIR": str(tmp_path / "cache")})
    env.warm = warm.prepare(env, ["overview"])
    copy.write_text(SHIPPED.replace("Healthcare executive", "Healthcare EXECUTIVE", 1), encoding="utf-8")
    kb = kb_cache.load_cached(copy, env)
    assert kb.identity.alternative_titles[0].text == "Healthcare executive"
    assert env.warm is not None and env.warm.used


# 7. The cause in the house: one seam.


def test_all_speed_machinery_lives_in_cache_and_nothing_reads_a_global_of_it() -> None:
    """The warm path, the stamp and the stores are cache/'s; the loader and the extract reader know
    no cache and keep no bytes of a run's (they are handed them)."""
    package = Path(knowledge.__file__).parents[1]
    assert not (package / "warm.py").exists()
    assert {"warm.py", "stamp.py", "store.py", "folder.py", "pages.py", "knowledge.py", "derived.py"} <= {
        p.name for p in (package / "cache").glob("*.py")
    }
    for module in ("knowledge/reading.py", "knowledge/loader.py", "wages/extract.py"):
        text = (package / module).read_text(encoding="utf-8")
        assert "warm" not in text and "SEEN" not in text, module


# -- the hostile run, a few cases of each kind (python -m tests.hostile.harness runs it longer) ----


@pytest.mark.parametrize(
    "kind", ["arguments", "queries", "knowledge", "cache", "concurrency", "signals", "environments"]
)
def test_a_short_hostile_run_ends_clean(kind: str) -> None:
    from .hostile.harness import hostile_run
    from .hostile.kinds import KINDS

    counts, failures = hostile_run({kind: KINDS[kind]}, cases=4, seed=20)
    assert counts[kind] >= 4
    assert not failures, "\n".join(f"{case.describe()}: {found}" for case, found in failures)


def test_a_signal_python_could_only_report_still_ends_the_run_with_its_status() -> None:
    """A handler's exception can land where Python only reports it and goes on (here a __del__):
    the run still ends with 128 + the signal, and no "Exception ignored" report is printed."""
    script = (
        "import os, signal, sys\n"
        "sys.argv[0] = 'hsm-guide'\n"
        "from hsm_guide.app import presenter\n"
        "real = presenter.present\n"
        "class Boom:\n"
        "    def __del__(self):\n"
        "        os.kill(os.getpid(), signal.SIGTERM)\n"
        "        sum(range(10))  # the handler runs here, inside __del__\n"
        "def present(*args, **kwargs):\n"
        "    Boom()\n"
        "    return real(*args, **kwargs)\n"
        "presenter.present = present\n"
        "from hsm_guide.entry import main\n"
        "main()\n"
    )
    env = {**os.environ, "HSM_GUIDE_NO_CACHE": "1", "NO_COLOR": "1"}
    result = subprocess.run([sys.executable, "-c", script, "day"], env=env, capture_output=True, check=False)
    assert result.returncode == 128 + signal.SIGTERM
    assert result.stderr == b""
