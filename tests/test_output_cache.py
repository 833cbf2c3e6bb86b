"""The output cache: a repeated command prints the same text without rebuilding it,
and nothing that shapes the text (data, width, terminal, code) is ever served stale."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from rich.console import Console

from hsm_guide import cache, output_cache
from hsm_guide.knowledge import packaged_data_path


@pytest.fixture
def kb_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "kb.yaml"
    copy.write_bytes(packaged_data_path().read_bytes())
    return copy


def outputs() -> list[Path]:
    where = cache.folder()
    folder = where / "output" if where else None
    return sorted(folder.iterdir()) if folder and folder.is_dir() else []


def test_a_repeated_command_is_served_from_the_cache(run, kb_copy: Path, monkeypatch) -> None:
    first = run("--data", str(kb_copy), "duties")
    assert first.exit_code == 0 and len(outputs()) == 1

    def no_loading(path):
        raise AssertionError("the knowledge base should not be loaded on a warm run")

    monkeypatch.setattr("hsm_guide.knowledge.load_cached", no_loading)
    second = run("--data", str(kb_copy), "duties")
    assert second.exit_code == 0
    assert second.stdout == first.stdout


def test_an_edited_data_file_is_never_served_stale(run, kb_copy: Path) -> None:
    before = run("--data", str(kb_copy), "overview").stdout
    stat = kb_copy.stat()
    text = kb_copy.read_text(encoding="utf-8").replace("Healthcare executive", "Healthcare exekutive", 1)
    kb_copy.write_text(text, encoding="utf-8")
    os.utime(kb_copy, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size, same time: only the bytes differ
    after = run("--data", str(kb_copy), "overview").stdout
    assert "Healthcare executive" in before and "Healthcare exekutive" in after


def test_each_width_and_argument_has_its_own_entry(run, kb_copy: Path, monkeypatch) -> None:
    wide = run("--data", str(kb_copy), "pay").stdout
    monkeypatch.setenv("COLUMNS", "40")
    narrow = run("--data", str(kb_copy), "pay").stdout
    year = run("--data", str(kb_copy), "pay", "--year", "2021").stdout

    def widest(text: str) -> int:  # web addresses stand whole on their own lines, past the width
        return max(len(line) for line in text.splitlines() if not line.startswith("http"))

    assert widest(narrow) <= 40 < widest(wide)
    assert year.startswith("Pay in 2021")
    assert len(outputs()) == 3
    monkeypatch.setenv("COLUMNS", "80")
    assert run("--data", str(kb_copy), "pay").stdout == wide


def test_terminal_shape_is_part_of_the_key(kb_copy: Path) -> None:
    call = ("duties", ())
    plain = Console(file=io.StringIO(), width=80)
    colour = Console(file=io.StringIO(), width=80, force_terminal=True, color_system="truecolor")
    ascii_only = Console(file=io.TextIOWrapper(io.BytesIO(), encoding="ascii"), width=80)
    keys = {output_cache.key(kb_copy, call, c) for c in (plain, colour, ascii_only)}
    assert len(keys) == 3 and None not in keys


def test_a_damaged_entry_is_rebuilt(run, kb_copy: Path) -> None:
    good = run("--data", str(kb_copy), "day").stdout
    (entry,) = outputs()
    entry.write_bytes(entry.read_bytes()[:-40] + b"X" * 40)
    assert run("--data", str(kb_copy), "day").stdout == good
    entry.write_bytes(b"not a cache entry")
    assert run("--data", str(kb_copy), "day").stdout == good


def test_new_code_is_a_new_key(run, kb_copy: Path, monkeypatch) -> None:
    run("--data", str(kb_copy), "day")
    monkeypatch.setattr(output_cache, "_code_stamp", lambda: (("edited", 1, 1),))
    run("--data", str(kb_copy), "day")
    assert len(outputs()) == 2


def test_no_cache_switch_writes_nothing(run, kb_copy: Path, monkeypatch) -> None:
    monkeypatch.setenv("HSM_GUIDE_NO_CACHE", "1")
    assert "A day in the life" in run("--data", str(kb_copy), "day").stdout
    assert outputs() == []


def test_the_folder_is_pruned(run, kb_copy: Path, monkeypatch) -> None:
    monkeypatch.setattr(output_cache, "MAX_ENTRIES", 3)
    for width in (40, 50, 60, 70, 80):
        monkeypatch.setenv("COLUMNS", str(width))
        run("--data", str(kb_copy), "day")
    assert len(outputs()) == 3


def test_an_unusable_cache_folder_still_prints(run, kb_copy: Path) -> None:
    where = cache.folder()
    assert where is not None
    where.parent.mkdir(parents=True, exist_ok=True)
    where.write_text("a file where the folder should be")
    result = run("--data", str(kb_copy), "day")
    assert result.exit_code == 0 and "A day in the life" in result.stdout
