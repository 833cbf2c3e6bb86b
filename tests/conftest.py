"""Shared fixtures: a pinned terminal, the CLI runner, and knowledge-base files to break."""

from __future__ import annotations

import io
import os
import shutil
import signal
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from typer.testing import CliRunner

from hsm_guide.cache.folder import DERIVED
from hsm_guide.cli import app
from hsm_guide.environment import APP, Environment, cache_folder
from hsm_guide.knowledge import packaged_data_path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
REFERENCE = ROOT.parent / "shared" / "reference-facts.md"
BROWSER_TESTS = ("tests/test_browser.py::", "tests/test_print.py::")  # one worker (see pytest_xdist_make_scheduler)

# A suite started in the background by a shell without job control (`pytest &` in a script) inherits
# Ctrl-C ignored, and so would every process a test starts: the tests that send one would wait out
# their limits. The tests' own processes get Ctrl-C's default back (a handled signal is reset at exec).
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)


@pytest.hookimpl(optionalhook=True)  # a hook of pytest-xdist
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object:
    """Spread tests one by one, as xdist's default does, but keep the browser tests on one
    worker so that a parallel run starts one Chromium. (xdist's own `--dist loadgroup`
    groups nothing under pytest 9.2: pytest-xdist issue 1386.)"""
    if config.getvalue("dist") != "load":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class BrowserTestsTogether(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return "browser" if nodeid.startswith(BROWSER_TESTS) else nodeid

    return BrowserTestsTogether(config, log)


@pytest.fixture(autouse=True)
def pinned_terminal(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Every test sees an 80-column, colorless terminal and no user overrides."""
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("HSM_GUIDE_DATA", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    # outside tmp_path, which tests list; not created yet, as on a fresh machine
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg") / "cache"))


@pytest.fixture(scope="session")
def _compiled_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache folder holding the shipped knowledge base compiled and the values derived from it
    (the search index, the place names, the cards' table), made once per worker by running the CLI."""
    folder = tmp_path_factory.mktemp("compiled") / APP
    environ = {k: v for k, v in os.environ.items() if not k.startswith("HSM_GUIDE_")}
    environ.update(COLUMNS="80", NO_COLOR="1", HSM_GUIDE_CACHE_DIR=str(folder))
    for args in (["pay"], ["search", "how much do nurse managers make in ohio or dallas"]):
        assert run_in(environment(environ=environ), *args).exit_code == 0
    if os.environ.get("MUTATION_MAP"):  # mutation testing's trace (mutation/tracer.py): each test builds the
        shutil.rmtree(folder / DERIVED, ignore_errors=True)  # values it derives, so each is mapped to its builders
    return folder


@pytest.fixture
def warm_cache(pinned_terminal: None, _compiled_cache: Path) -> None:
    """The test's cache folder starts as a user's does on their second run: the shipped knowledge base
    compiled, no page stored. For tests of what a page says, not of the cache, which pay for parsing
    the YAML and building the search index once per worker instead of once per test."""
    shutil.copytree(_compiled_cache, Path(os.environ["XDG_CACHE_HOME"]) / APP)


@pytest.fixture
def shipped_text() -> str:
    return packaged_data_path().read_text(encoding="utf-8")


@pytest.fixture
def write_kb(tmp_path: Path) -> Callable[[str | bytes], Path]:
    """Write a knowledge base file and return its path."""

    def write(content: str | bytes, name: str = "kb.yaml") -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return write


class Run:
    """Invoke the CLI in-process; stdout and stderr kept apart."""

    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None):
        return self.runner.invoke(app, list(args), input=input, catch_exceptions=False)


@pytest.fixture
def run() -> Run:
    return Run()


def environment(
    input: bytes | None = b"", *, width: int = 80, environ: dict[str, str] | None = None, **facts: Any
) -> Environment:
    """An Environment as a test wants it: stdin holding `input` (None: closed), stdout and stderr
    kept in memory, 80 columns, the process's variables with `environ` over them, and any other
    fact given (stdin_isatty=True for a person at the keyboard, encoding, ascii_only...)."""
    variables = {**os.environ, "COLUMNS": str(width), **(environ or {})}
    return Environment(
        stdin=io.BytesIO(input) if input is not None else None,
        stdout=io.BytesIO(),
        stderr=io.StringIO(),
        width=width,
        environ=variables,
        cache_folder=cache_folder(variables),
        caching=variables.get("HSM_GUIDE_NO_CACHE", "") in ("", "0"),
        **facts,
    )


class Ran(NamedTuple):
    exit_code: int
    stdout: str
    stderr: str


def run_in(env: Environment, *args: str) -> Ran:
    """Invoke the CLI in-process with this environment injected; what it wrote to its streams."""
    result = CliRunner().invoke(app, list(args), obj=env, catch_exceptions=False)
    stdout, stderr = env.stdout, env.stderr
    assert isinstance(stdout, io.BytesIO) and isinstance(stderr, io.StringIO)
    return Ran(result.exit_code, stdout.getvalue().decode(env.encoding), stderr.getvalue())


@pytest.fixture
def kb_copy(tmp_path: Path) -> Path:
    """The shipped knowledge base alone (no wage extract beside it), in a folder of its own."""
    copy = tmp_path / "data" / "occupation.yaml"
    copy.parent.mkdir()
    shutil.copyfile(packaged_data_path(), copy)
    return copy


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names parse_yaml was called for: empty when a load was served from the cache."""
    from hsm_guide.knowledge import dialect

    calls: list[str] = []
    real = dialect.parse_yaml

    def counting(text: str, name: str) -> Any:
        calls.append(name)
        return real(text, name)

    monkeypatch.setattr(dialect, "parse_yaml", counting)
    return calls


# The browser tests (test_browser.py, test_print.py) drive Debian's Chromium through Playwright.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",  # root on CI
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",  # no network here: without these, Chromium's own calls are refused
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.skip("Chromium is not installed (Debian: apt-get install chromium; .ci/run does it)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install '.[test]')")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


# The pages the browser and print tests read (tests/test_browser.py, tests/test_print.py), written
# once a run by the CLI as a user would, each printed once a paper size: both modules read the same.
HANDOUT_MADE = 1778025600  # SOURCE_DATE_EPOCH for every page made here: 2026-05-06 00:00 UTC
HANDOUT_PAGES = {
    "sheet-oh": ["handout", "--area", "OH", "--from", "nurse", "--setting", "hospital"],
    "sheet-boston": ["handout", "--area", "boston", "--from", "student"],
    "sheet-tx": ["handout", "--area", "TX", "--from", "career-changer", "--setting", "nursing-home"],
    "all": ["export", "all"],
    "four": ["export", "pay", "education", "certifications", "fit --answers 4,4,4,4,4,4,4,4,4,4,4,4,4,4"],
    "route": ["path", "--from", "nurse", "--setting", "hospital"],
    "offer": ["pay", "--area", "boston", "--salary", "120000"],
    "map": ["pay", "--states"],
    "industry": ["pay", "--industry"],
    "pay": ["pay"],
    "certifications": ["certifications"],
    "settings": ["settings"],
    "fit": ["fit", "--answers", "4,4,4,4,4,4,4,4,4,4,4,4,4,4"],
}


@pytest.fixture(scope="session")
def handout_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each page of HANDOUT_PAGES, written with `-o` into a temporary folder."""
    folder = tmp_path_factory.mktemp("handouts")
    env = {"SOURCE_DATE_EPOCH": str(HANDOUT_MADE), "XDG_CACHE_HOME": str(folder / "cache"), "HSM_GUIDE_DATA": None}
    written = {}
    for name, args in HANDOUT_PAGES.items():
        path = folder / f"{name}.html"
        result = CliRunner().invoke(app, [*args, "-o", str(path)], env=env, catch_exceptions=False)
        assert result.exit_code == 0, result.output
        written[name] = path
    return written


@pytest.fixture(scope="session")
def printed_pdf(browser: Any, handout_pages: dict[str, Path]) -> Callable[..., bytes]:
    """A page as Chromium prints it at a paper size (Letter unless named): printed once, its PDF's bytes."""
    done: dict[tuple[str, str], bytes] = {}

    def print_(name: str, size: str = "Letter") -> bytes:
        if (name, size) not in done:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(handout_pages[name].as_uri())
            done[(name, size)] = page.pdf(format=size)
            page.close()
        return done[(name, size)]

    return print_
