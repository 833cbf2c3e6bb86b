"""Every view, every format, every destination: what a user sees from the one pipeline (issue 12)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest
from markdown_it import MarkdownIt

from hsm_guide.views import VIEWS

pytestmark = pytest.mark.usefixtures("warm_cache")  # pages here are read, not the cache (conftest.py)

ANSWERS = ",".join(["4"] * 14)
# Each registered view, and each of pay's views, as a user asks for it.
CASES: dict[str, list[list[str]]] = {
    **{v.name: [[v.name]] for v in VIEWS if v.command},
    "pay": [
        ["pay"],
        ["pay", "--area", "boston"],
        ["pay", "--states"],
        ["pay", "--metros"],
        ["pay", "--industry"],
        ["pay", "--salary", "120000"],
        ["pay", "--history"],
        ["pay", "--year", "2021"],
        ["pay", "--hourly"],
        ["pay", "--brief"],
    ],
    "certifications": [["certifications"], ["certifications", "CPHQ"]],
    "path": [["path"], ["path", "--from", "nurse", "--setting", "hospital"]],
    "related": [["related"], ["related", "--area", "TX"]],
    "fit": [["fit", "--answers", ANSWERS]],
    "search": [["search", "HIPAA"]],
}
ALL_CASES = [args for cases in CASES.values() for args in cases]


def test_every_registered_view_is_tried() -> None:
    assert set(CASES) == {v.name for v in VIEWS if v.command}
    assert "snapshot" in {v.name for v in VIEWS}, "the card is a view (exported below)"


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._in_title = tag == "title"

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False


def check_markdown(text: str) -> None:
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    assert tokens[0].type == "heading_open" and tokens[0].tag == "h1"
    assert sum(t.type == "inline" for t in tokens) > 2


def check_json(text: str) -> None:
    payload = json.loads(text)
    assert payload["schema_version"] == 1
    (document,) = payload["sections"]
    assert document["title"] and document["blocks"]
    assert all("type" in block for block in document["blocks"])


def check_html(text: str) -> None:
    page = Tags()
    page.feed(text)
    assert page.tags[:2] == ["html", "head"] and "body" in page.tags and "h1" in page.tags
    assert page.title.strip()


def check_svg(text: str) -> None:
    root = ElementTree.fromstring(text)
    assert root.tag.endswith("svg") and len(list(root.iter())) > 10


def check_terminal(text: str) -> None:
    assert text.strip() and "\x1b" not in text


CHECKS = {"markdown": check_markdown, "json": check_json, "html": check_html, "svg": check_svg}
CHECKS["terminal"] = check_terminal


@pytest.mark.parametrize("fmt", list(CHECKS))
@pytest.mark.parametrize("args", ALL_CASES, ids=" ".join)
def test_every_view_in_every_format(run, args: list[str], fmt: str) -> None:
    result = run(*args, "--format", fmt)
    assert result.exit_code == 0, result.stderr
    CHECKS[fmt](result.stdout)


@pytest.mark.parametrize(
    ("suffix", "fmt"),
    [
        (".md", "markdown"),
        (".markdown", "markdown"),
        (".json", "json"),
        (".html", "html"),
        (".htm", "html"),
        (".svg", "svg"),
        (".txt", "terminal"),
    ],
)
@pytest.mark.parametrize(
    "args", [["path", "--from", "nurse", "--setting", "hospital"], ["pay", "--area", "boston", "--salary", "120000"]]
)
def test_output_file_takes_its_format_from_the_extension(run, tmp_path: Path, args, suffix: str, fmt: str) -> None:
    out = tmp_path / f"page{suffix}"
    result = run(*args, "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    CHECKS[fmt](out.read_text(encoding="utf-8"))


def test_format_wins_over_the_extension_and_dash_is_stdout(run, tmp_path: Path) -> None:
    out = tmp_path / "route.md"
    assert run("path", "--from", "nurse", "-o", str(out), "--format", "json").exit_code == 0
    check_json(out.read_text(encoding="utf-8"))
    assert run("path", "--from", "nurse", "-o", "-", "-f", "markdown").stdout.startswith(
        "# A route into health services management for a registered nurse\n"
    )
    assert run("duties", "--json").stdout == run("duties", "--format", "json").stdout


@pytest.mark.parametrize("args", [["pay", "--salary", "95000"], ["export", "pay"], ["certifications", "CPHQ"]])
def test_an_unknown_extension_is_refused_and_nothing_written(run, tmp_path: Path, args: list[str]) -> None:
    out = tmp_path / "x.pdf"
    result = run(*args, "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"hsm-guide: {out}: unknown extension '.pdf'; name the file .md, .json, .html")
    assert "--format terminal|markdown|json|html|svg" in result.stderr and len(result.stderr.splitlines()) == 1
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_an_existing_file_needs_force(run, tmp_path: Path) -> None:
    out = tmp_path / "offer.html"
    out.write_text("mine", encoding="utf-8")
    result = run("pay", "--salary", "120000", "--area", "boston", "-o", str(out))
    assert result.exit_code == 1 and "already exists; use --force" in result.stderr
    assert out.read_text(encoding="utf-8") == "mine"
    assert run("pay", "--salary", "120000", "--area", "boston", "-o", str(out), "--force").exit_code == 0
    check_html(out.read_text(encoding="utf-8"))


def test_json_and_another_format_conflict(run) -> None:
    result = run("duties", "--json", "--format", "markdown")
    assert result.exit_code == 2 and "--json is --format json" in result.stderr


# -- export: several views, with their options -------------------------------------------


def test_export_renders_views_with_options_into_one_document(run, tmp_path: Path) -> None:
    out = tmp_path / "handout.html"
    result = run("export", "pay", "education", "certifications", "-o", str(out))
    assert result.exit_code == 0
    check_html(out.read_text(encoding="utf-8"))
    payload = json.loads(
        run(
            "export", "path --from nurse", "pay --area boston --salary 120000", "certifications CPHQ", "-f", "json"
        ).stdout
    )
    titles = [s["title"] for s in payload["sections"]]
    assert titles[0] == "A route into health services management for a registered nurse"
    assert titles[1] == "Where a $120,000 offer stands in Boston-Cambridge-Newton, MA-NH (May 2025)"
    assert titles[2].startswith("CPHQ:")
    card = json.loads(run("export", "snapshot", "-f", "json").stdout)
    assert card["sections"][0]["name"] == "snapshot"


def test_export_reports_a_view_option_it_cannot_read(run) -> None:
    result = run("export", "path --frm nurse")
    assert result.exit_code == 2
    # The guide names the view it could not read; the option's words are Click's own.
    assert "'path --frm nurse'" in result.stderr and "--frm" in result.stderr.split("'path --frm nurse'")[1]
    result = run("export", "path -o x.md")
    assert result.exit_code == 2 and "give --format and -o to export itself" in result.stderr


# -- did you mean ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        # Unknown commands: Click words the refusal, the guide adds the suggestion.
        (["cert"], "Did you mean 'certifications'?"),
        (["dutis"], "Did you mean 'duties'?"),
        (["path", "--from", "nurses"], "unknown value 'nurses' for --from; did you mean 'nurse'?"),
        (["path", "--setting", "hospitals"], "unknown value 'hospitals' for --setting; did you mean 'hospital'?"),
        (["export", "pathh"], "unknown section 'pathh'; did you mean 'path'?"),
        (["export", "certificatons"], "unknown section 'certificatons'; did you mean 'certifications'?"),
        (["certifications", "CPHQQ"], "unknown certification 'CPHQQ'; did you mean CPHQ"),
        (["pay", "--area", "portland oregn"], "did you mean 'Portland-South Portland, ME', 'Portland-Vancouver"),
        (["search", "nurse", "--section", "educaton"], "unknown section 'educaton'; did you mean 'education'?"),
        (["cache", "clr"], "unknown cache action 'clr'; did you mean 'clear'?"),
    ],
)
def test_did_you_mean(run, args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.stderr


# -- the cache commands -------------------------------------------------------------------------


def console_script(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    code = "import sys; from hsm_guide.entry import main; sys.argv[0] = 'hsm-guide'; main()"
    return subprocess.run(
        [sys.executable, "-c", code, *args], env={**os.environ, **env}, capture_output=True, text=True, check=False
    )


def test_cache_path_and_clear(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    env = {"HSM_GUIDE_CACHE_DIR": str(folder), "COLUMNS": "80", "NO_COLOR": "1"}
    assert console_script("cache", "path", env=env).stdout == f"{folder}\n"
    assert console_script("duties", env=env).returncode == 0
    assert console_script("day", env=env).returncode == 0
    stored = sorted(p.name for p in folder.rglob("*") if p.is_file() and p.name != "CACHEDIR.TAG")
    assert len([n for n in stored if n.endswith(".txt")]) == 2 and any(n.startswith("kb-") for n in stored)
    (folder / "notes-of-mine.txt").write_text("keep", encoding="utf-8")
    result = console_script("cache", "clear", env=env)
    assert result.returncode == 0
    assert result.stdout == f"Removed {len(stored)} cache entries from {folder}\n"
    assert sorted(p.name for p in folder.rglob("*")) == ["CACHEDIR.TAG", "notes-of-mine.txt"], "only the guide's own go"
    (folder / "notes-of-mine.txt").unlink()
    result = console_script("cache", "clear", env=env)
    assert result.returncode == 0 and result.stdout == f"Removed 0 cache entries from {folder}\n"
    assert not folder.exists()
    again = console_script("cache", "clear", env=env)
    assert again.returncode == 0 and again.stdout == f"Removed 0 cache entries from {folder}\n", "no folder: no error"


def test_temporary_files_left_by_a_killed_run_are_swept(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    (folder / "output").mkdir(parents=True)
    stale = [folder / ".hsm-guide-123-0badf00d.tmp", folder / "output" / ".hsm-guide-123-0cafe0cd.tmp"]
    fresh = folder / "output" / ".hsm-guide-456-feedf00d.tmp"
    for file in [*stale, fresh]:
        file.write_bytes(b"half")
    for file in stale:
        os.utime(file, (1_000_000, 1_000_000))
    env = {"HSM_GUIDE_CACHE_DIR": str(folder), "COLUMNS": "80", "NO_COLOR": "1"}
    assert console_script("day", env=env).returncode == 0
    assert not any(file.exists() for file in stale)
    assert fresh.exists(), "a write in progress elsewhere is left alone"


# -- the terminal: COLUMNS=0, a 0x0 terminal, the pager -------------------------------------------


def test_columns_zero_prints_the_page_at_80(run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "0")
    result = run("day")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "A day in the life" and lines[1] == "─" * 80
    help_lines = run("--help").stdout.splitlines()
    assert "hsm-guide" in help_lines[0] and max(map(len, help_lines)) <= 80


def in_pty(args: list[str], env: dict[str, str], rows: int = 40, cols: int = 80, keys: bytes = b"q") -> bytes:
    """Run the guide at a pseudo-terminal of the given size; what the terminal received."""
    import fcntl
    import pty
    import select
    import struct
    import termios
    import time

    main, child = pty.openpty()
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    proc = subprocess.Popen(
        [sys.executable, "-m", "hsm_guide", *args], stdin=child, stdout=child, stderr=child, env=env
    )
    os.close(child)
    seen = b""
    deadline = time.monotonic() + 30
    while proc.poll() is None and time.monotonic() < deadline:
        ready, _, _ = select.select([main], [], [], 0.5)
        if ready:
            try:
                seen += os.read(main, 65536)
            except OSError:
                break
        elif seen:
            os.write(main, keys)  # the page is shown: leave the pager
    proc.wait(timeout=10)
    try:
        while select.select([main], [], [], 0.2)[0]:
            seen += os.read(main, 65536)
    except OSError:
        pass
    os.close(main)
    assert proc.returncode == 0, seen[-400:]
    return seen


def terminal_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LESS", "PAGER", "MANPAGER", "NO_COLOR", "COLUMNS")}
    return {**env, "TERM": "xterm-256color", "HSM_GUIDE_NO_CACHE": "1", **extra}


@pytest.mark.skipif(shutil.which("less") is None, reason="less is not installed")
@pytest.mark.parametrize("less", [None, "-F", "FX"], ids=["LESS unset", "LESS=-F", "LESS=FX"])
@pytest.mark.parametrize("page", ["day", "sources"])
def test_the_pager_shows_color_never_raw_escape_codes(page: str, less: str | None) -> None:
    import re

    env = terminal_env() if less is None else terminal_env(LESS=less)
    seen = in_pty([page, "--pager"], env)
    # less shows an escape it was not told to pass through as "ESC" in reverse video, then the rest.
    shown = re.sub(rb"\x1b\[[0-9;?]*[A-Za-z]|\x1b[=>]", b"", seen)
    assert b"ESC" not in shown, shown[:300]
    assert b"\x1b[1m" in seen, "the heading's bold reaches the terminal"
    assert b"Sources" in shown or b"day in the life" in shown


def test_a_pager_other_than_less_gets_plain_text() -> None:
    seen = in_pty(["day", "--pager"], terminal_env(PAGER="cat"))
    assert b"A day in the life" in seen and b"\x1b[" not in seen


def test_a_terminal_that_reports_no_size_gets_80_columns() -> None:
    import re

    seen = in_pty(["day"], terminal_env(NO_COLOR="1"), rows=0, cols=0)
    lines = re.sub(r"\x1b\[[0-9;]*m", "", seen.decode("utf-8")).splitlines()
    assert lines[0] == "A day in the life" and lines[1] == "─" * 80


def test_fit_ctrl_c_ends_the_prompt_line() -> None:
    import io

    from hsm_guide import fit
    from hsm_guide.knowledge import load, packaged_data_path

    from .conftest import environment

    class CtrlC(io.BytesIO):
        def readline(self, size: int | None = -1) -> bytes:
            raise KeyboardInterrupt

    env = environment(stdin_isatty=True)
    env.stdin = CtrlC()
    with pytest.raises(KeyboardInterrupt):
        fit.ask(load(packaged_data_path()), env)
    assert isinstance(env.stderr, io.StringIO)
    assert env.stderr.getvalue().endswith("Your answer (1-5): \n")
