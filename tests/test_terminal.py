"""How sections behave in real terminals and pipes: widths, color, broken pipes."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys

import pytest

from hsm_guide.blocks import fmt
from hsm_guide.views import SECTIONS

pytestmark = pytest.mark.usefixtures("warm_cache")  # pages here are read, not the cache (conftest.py)

COMMANDS = [[s.name] for s in SECTIONS] + [[], ["certifications", "CPHQ"], ["pay", "--hourly"], ["sections"]]
COLOR = re.compile(r"\x1b\[[0-9;]*(?:3[0-7]|38;[25];[0-9;]+)m")


def figures(payload: dict) -> set[str]:
    """Every figure in a section's tables and charts as the terminal shows it, and every word of its cells."""
    found = set()
    for block in payload["sections"][0]["blocks"]:
        if block["type"] == "table":
            kinds = [c["kind"] for c in block["columns"]]
            for row in block["rows"]:
                for value, kind in zip(row, kinds, strict=True):
                    found |= set(fmt(value, kind).split())
        elif block["type"] == "bars":
            found |= {fmt(r["value"], block["kind"]) for r in block["rows"]}
        elif block["type"] == "bands":
            found |= {fmt(r[k], block["kind"]) for r in block["rows"] for k in ("low", "mid", "high")}
    return found


@pytest.mark.parametrize("width", [40, 80, 200])
@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a) or "snapshot")
def test_no_line_is_wider_than_the_terminal_and_no_figure_is_lost(run, monkeypatch, args, width) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    result = run(*args)
    assert result.exit_code == 0
    # The one exception to the width: a web address longer than the line stands alone on it.
    too_wide = [line for line in result.stdout.splitlines() if len(line) > width and not ADDRESS.fullmatch(line)]
    assert not too_wide
    if args and args[0] != "sections":
        shown = json.loads(run(*args, "--json").stdout)
        for figure in figures(shown):
            assert figure in result.stdout, figure
        lines = result.stdout.splitlines()
        for address in addresses(shown):
            assert any(line.strip() == address for line in lines), f"{address} is not whole on a line of its own"


ADDRESS = re.compile(r"https?://\S+")


def addresses(payload: dict) -> set[str]:
    return {
        e["url"]
        for b in payload["sections"][0]["blocks"]
        if b["type"] == "sourcelist"
        for e in b["entries"]
        if e["url"]
    }


def test_the_width_rule_and_its_exception_can_fail() -> None:
    assert ADDRESS.fullmatch("https://www.bls.gov/ooh/management/medical-and-health-services-managers.htm")
    assert not ADDRESS.fullmatch("  see https://www.bls.gov/ooh/ for more")


def test_wide_terminals_get_real_tables(run, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    out = run("certifications").stdout
    assert re.search(r"^CMM +Certified Medical Manager +Professional Association", out, re.M)
    monkeypatch.setenv("COLUMNS", "40")
    out = run("certifications").stdout
    assert re.search(r"^Full name: +Certified Medical", out, re.M)  # stacked records when narrow


def _spawn(args: list[str], env: dict[str, str]) -> str:
    """Run the CLI on a pseudo-terminal, as a person at a terminal would."""
    env = {**os.environ, "COLUMNS": "80", "TERM": "xterm-256color", **env}
    env.pop("NO_COLOR", None) if "NO_COLOR" not in env else None
    main, child = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "hsm_guide", *args], stdout=child, stderr=child, env=env)
    os.close(child)
    chunks = []
    while True:
        try:
            data = os.read(main, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=30)
    os.close(main)
    return b"".join(chunks).decode("utf-8", "replace")


def test_colour_on_a_terminal_and_none_with_no_color(monkeypatch) -> None:
    monkeypatch.delenv("NO_COLOR")
    coloured = _spawn(["settings"], {})
    assert COLOR.search(coloured), "a terminal gets color"
    plain = _spawn(["settings"], {"NO_COLOR": "1"})
    assert "Largest employers" in plain
    assert not COLOR.search(plain), "NO_COLOR removes color"


def test_source_titles_are_hyperlinks_on_a_terminal(monkeypatch) -> None:
    monkeypatch.delenv("NO_COLOR")
    shown = _spawn(["certifications", "CPHQ"], {})
    assert "\x1b]8;" in shown and "https://nahq.org/individuals/cphq-certification/recertify/" in shown


def test_no_escape_codes_in_a_pipe(monkeypatch) -> None:
    env = {**os.environ, "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    out = subprocess.run([sys.executable, "-m", "hsm_guide", "pay"], env=env, capture_output=True, check=True).stdout
    assert b"\x1b" not in out
    assert b"$123,860" in out
    assert all(line == line.rstrip() for line in out.decode().splitlines()), "no trailing padding in a pipe"


def test_broken_pipe_exits_quietly() -> None:
    script = f'{sys.executable} -m hsm_guide duties | head -1; echo "status=${{PIPESTATUS[0]}}" >&2'
    result = subprocess.run(["bash", "-c", script], capture_output=True, text=True, check=False)
    assert result.stdout == "Duties\n"
    assert result.stderr == "status=0\n", result.stderr
