"""The output cache and the warm path: a repeated command prints the same text without Typer,
Rich or the knowledge base, and nothing that shapes the text is ever served stale.

These run the console script's own entry point in a child process, as users do: the warm path
answers before the CLI is imported, so an in-process call never sees it (and caches nothing).
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import shutil
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

from hsm_guide.cache import pages, warm
from hsm_guide.environment import cache_folder

from .conftest import environment

ROOT = Path(__file__).resolve().parents[1]
# Imported by the CLI, never by the warm path: a hit must not load them.
FRAMEWORK = ("typer", "rich", "yaml", "msgspec", "hsm_guide.cli", "hsm_guide.knowledge")
PROBE = "import sys, runpy; sys.argv[0] = 'hsm-guide'; from hsm_guide.entry import main\n" + (
    "import atexit; atexit.register(lambda: sys.stderr.write('LOADED:' + ','.join("
    f"m for m in {FRAMEWORK!r} if m in sys.modules) + '\\n'))\n"
    "main()"
)


@pytest.fixture
def kb_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "guide" / "kb.yaml"
    copy.parent.mkdir()
    shutil.copyfile(ROOT / "data" / "occupation.yaml", copy)
    shutil.copytree(ROOT / "data" / "wages", copy.parent / "wages")
    return copy


def hsm(*args: str, env: dict[str, str] | None = None, **kwargs: object) -> subprocess.CompletedProcess[str]:
    """The console script in a child process; stderr ends with the framework modules it loaded."""
    return subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        check=False,
        **kwargs,  # type: ignore[call-overload]
    )


def loaded(result: subprocess.CompletedProcess[str]) -> list[str]:
    line = next(line for line in result.stderr.splitlines() if line.startswith("LOADED:"))
    return [m for m in line.removeprefix("LOADED:").split(",") if m]


def cache_dir() -> Path:
    where = cache_folder(os.environ)
    assert where is not None
    return Path(where)


def outputs() -> list[Path]:
    folder = cache_dir() / "output"
    return sorted(folder.glob("*.txt")) if folder.is_dir() else []


def test_a_repeated_command_is_answered_before_the_framework_loads(kb_copy: Path) -> None:
    first = hsm("--data", str(kb_copy), "duties")
    assert first.returncode == 0 and "typer" in loaded(first)
    assert len(outputs()) == 1
    second = hsm("--data", str(kb_copy), "duties")
    assert second.returncode == 0
    assert second.stdout == first.stdout
    assert loaded(second) == []  # no Typer, no Rich, no YAML, no model


def test_options_after_the_command_and_the_data_variable_count(kb_copy: Path) -> None:
    by_option = hsm("pay", "--area", "OH", "--data", str(kb_copy))
    by_variable = hsm("pay", "--area", "OH", env={"HSM_GUIDE_DATA": str(kb_copy)})
    assert by_option.returncode == by_variable.returncode == 0, by_option.stderr
    assert by_option.stdout == by_variable.stdout and "Pay in Ohio" in by_option.stdout
    assert loaded(hsm("pay", "--area", "OH", "--data", str(kb_copy))) == []


def test_an_edited_data_file_is_never_served_stale(kb_copy: Path) -> None:
    before = hsm("--data", str(kb_copy), "overview").stdout
    info = kb_copy.stat()
    text = kb_copy.read_text(encoding="utf-8").replace("Healthcare executive", "Healthcare exekutive", 1)
    kb_copy.write_text(text, encoding="utf-8")
    os.utime(kb_copy, ns=(info.st_atime_ns, info.st_mtime_ns))  # same size, same time: only the bytes differ
    after = hsm("--data", str(kb_copy), "overview").stdout
    assert "Healthcare executive" in before and "Healthcare exekutive" in after


def test_an_edited_wage_extract_is_never_served_stale(kb_copy: Path) -> None:
    before = hsm("--data", str(kb_copy), "pay", "--area", "OH")
    assert "$106,140" in before.stdout
    table = kb_copy.parent / "wages" / "oews-wages.csv"
    info = table.stat()
    table.write_text(table.read_text(encoding="utf-8").replace(",106140,", ",106150,"), encoding="utf-8")
    os.utime(table, ns=(info.st_atime_ns, info.st_mtime_ns))
    after = hsm("--data", str(kb_copy), "pay", "--area", "OH")
    assert "$106,150" in after.stdout and "$106,140" not in after.stdout


def test_an_edited_state_table_is_never_served_stale(kb_copy: Path) -> None:
    """The state table is an input of every page too: the warm path's key and the knowledge-base
    cache's both hash its bytes, so an edit (size and mtime kept) is a new page, never the old one."""
    shutil.copytree(ROOT / "data" / "licensure", kb_copy.parent / "licensure")
    table = kb_copy.parent / "licensure" / "states.json"
    before = hsm("--data", str(kb_copy), "licensure", "--state", "VA")
    assert "Virginia Board of Long-Term Care Administrators" in before.stdout
    info = table.stat()
    text = table.read_text(encoding="utf-8")
    table.write_text(
        text.replace("Virginia Board of Long-Term", "Virginia Board of Long-Term".swapcase()), encoding="utf-8"
    )
    os.utime(table, ns=(info.st_atime_ns, info.st_mtime_ns))
    after = hsm("--data", str(kb_copy), "licensure", "--state", "VA")
    assert "vIRGINIA bOARD OF lONG-tERM" in after.stdout and "Virginia Board of Long-Term" not in after.stdout


@pytest.mark.parametrize(
    ("name", "value"),
    [("COLUMNS", "40"), ("NO_COLOR", ""), ("FORCE_COLOR", "1"), ("TERM", "dumb"), ("LC_ALL", "C")],
)
def test_a_changed_environment_variable_is_a_new_entry(kb_copy: Path, name: str, value: str) -> None:
    hsm("--data", str(kb_copy), "day")
    env = {name: value} if value else {}
    if not value:
        env = {k: v for k, v in os.environ.items() if k != name}
        changed = subprocess.run(
            [sys.executable, "-c", PROBE, "--data", str(kb_copy), "day"], env=env, capture_output=True, text=True
        )
    else:
        changed = hsm("--data", str(kb_copy), "day", env=env)
    assert changed.returncode == 0
    assert "typer" in loaded(changed), f"{name}={value!r} must not be answered from the plain entry"
    assert len(outputs()) == 2


def _in_pty(args: list[str], rows: int, cols: int) -> str:
    """Run the console script with stdout on a pseudo-terminal of the given size."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    child = subprocess.Popen(
        [sys.executable, "-m", "hsm_guide", *args], stdin=follower, stdout=follower, stderr=follower, env=env
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    child.wait(timeout=30)
    os.close(leader)
    return re.sub(r"\x1b\[[0-9;]*m", "", b"".join(chunks).decode("utf-8", "replace"))


def test_a_resized_terminal_is_a_new_entry(kb_copy: Path) -> None:
    wide = _in_pty(["--data", str(kb_copy), "day"], 40, 120)
    narrow = _in_pty(["--data", str(kb_copy), "day"], 40, 50)
    again = _in_pty(["--data", str(kb_copy), "day"], 40, 50)

    def widest(text: str) -> int:  # a web address stands whole on its own line, past the width
        return max(len(line.rstrip()) for line in text.splitlines() if not line.startswith("http"))

    assert widest(narrow) <= 50 < widest(wide)
    assert again == narrow
    assert len(outputs()) == 2


def test_each_argument_has_its_own_entry(kb_copy: Path) -> None:
    wide = hsm("--data", str(kb_copy), "pay").stdout
    year = hsm("--data", str(kb_copy), "pay", "--year", "2021").stdout
    assert year.startswith("Pay in 2021") and wide.startswith("Pay, May 2025")
    assert len(outputs()) == 2
    assert hsm("--data", str(kb_copy), "pay").stdout == wide


def test_json_pager_and_errors_are_never_stored(kb_copy: Path) -> None:
    assert hsm("--data", str(kb_copy), "duties", "--json").returncode == 0
    assert hsm("--data", str(kb_copy), "pay", "--area", "zzyzx").returncode == 2
    assert outputs() == []


def test_a_damaged_entry_is_rebuilt(kb_copy: Path) -> None:
    good = hsm("--data", str(kb_copy), "day").stdout
    (entry,) = outputs()
    entry.write_bytes(entry.read_bytes()[:-40] + b"X" * 40)
    assert hsm("--data", str(kb_copy), "day").stdout == good
    entry.write_bytes(b"not a cache entry")
    assert hsm("--data", str(kb_copy), "day").stdout == good


def test_new_code_is_a_new_key(kb_copy: Path) -> None:
    """The page key holds the code stamp (what it covers: test_cache_store.py)."""
    data = {"HSM_GUIDE_DATA": str(kb_copy)}
    first = warm.prepare(environment(environ=data, code_stamp=("this code",)), ["day"])
    again = warm.prepare(environment(environ=data, code_stamp=("this code",)), ["day"])
    edited = warm.prepare(environment(environ=data, code_stamp=("edited",)), ["day"])
    assert first is not None and again is not None and edited is not None
    assert first.key == again.key != edited.key


def test_no_cache_switch_writes_nothing(kb_copy: Path) -> None:
    result = hsm("--data", str(kb_copy), "day", env={"HSM_GUIDE_NO_CACHE": "1"})
    assert "A day in the life" in result.stdout
    assert outputs() == []


def test_the_folder_is_pruned(kb_copy: Path) -> None:
    """Past MAX_ENTRIES pages the oldest of the guide's own go; a file it did not write stays."""
    hsm("--data", str(kb_copy), "day")  # the folder, made the guide's
    folder = cache_dir() / "output"
    (entry,) = outputs()
    for i in range(pages.MAX_ENTRIES + 1):
        old = folder / f"{i:032x}.txt"
        old.write_bytes(entry.read_bytes())  # an entry's header, so provably the guide's
        os.utime(old, ns=(i + 1, i + 1))
    foreign = folder / ("ff" * 16 + ".txt")
    foreign.write_bytes(b"not an entry")
    os.utime(foreign, ns=(0, 0))  # the oldest of all
    hsm("--data", str(kb_copy), "duties")  # one more page
    names = sorted(p.name for p in outputs())
    assert len(names) == pages.MAX_ENTRIES + 1  # the cap, and the file the guide did not write
    assert foreign.name in names and f"{0:032x}.txt" not in names and f"{1:032x}.txt" not in names


def test_an_unusable_cache_folder_still_prints(kb_copy: Path) -> None:
    where = cache_dir()
    where.parent.mkdir(parents=True, exist_ok=True)
    where.write_text("a file where the folder should be")
    result = hsm("--data", str(kb_copy), "day")
    assert result.returncode == 0 and "A day in the life" in result.stdout


@pytest.mark.parametrize("xdg", [None, "/tmp/somewhere/cache", "relative/cache", "  "])
def test_the_cache_folder_follows_platformdirs(monkeypatch: pytest.MonkeyPatch, xdg: str | None) -> None:
    """The warm path mirrors platformdirs' rule (importing it costs more than a warm run is allowed)."""
    import platformdirs

    monkeypatch.delenv("HSM_GUIDE_CACHE_DIR", raising=False)
    if xdg is None:
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    assert cache_folder(os.environ) == platformdirs.user_cache_dir("hsm-guide", appauthor=False)


def test_the_cache_folder_variable_wins(tmp_path: Path) -> None:
    assert cache_folder({"HSM_GUIDE_CACHE_DIR": str(tmp_path / "mine"), "HOME": "/home/x"}) == str(tmp_path / "mine")
    # a relative folder would move with the working directory
    assert cache_folder({"HSM_GUIDE_CACHE_DIR": "relative", "HOME": "/home/x"}) is None
