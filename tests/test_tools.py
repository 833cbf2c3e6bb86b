"""The maintainers' tools still run: every benchmark in its quick mode (no timing judged here: the
targets are checked by the scripts themselves, on a machine of one's own), and the mutation list's
modules name files that exist."""

from __future__ import annotations

import subprocess
import sys

import pytest

from .conftest import ROOT

BENCHMARKS = sorted(p.name for p in (ROOT / "benchmarks").glob("*.py"))


def test_every_benchmark_is_checked_here() -> None:
    assert BENCHMARKS == ["fuzzy.py", "scale.py", "startup.py", "wages.py", "words.py"]


@pytest.mark.parametrize("script", BENCHMARKS)
def test_a_benchmark_runs_in_its_quick_mode(script: str) -> None:
    done = subprocess.run(
        [sys.executable, script, "--quick"],
        cwd=ROOT / "benchmarks",
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "ERROR" not in done.stdout and "MISS" not in done.stdout and "Traceback" not in done.stderr
    if script == "scale.py":  # every size of the quick run built, validated and searched: its row in both tables
        rows = [line.split()[0] for line in done.stdout.splitlines() if line.split()[:1] in (["1x"], ["5x"], ["20x"])]
        assert rows == ["1x", "5x"] * 2, done.stdout
        assert "duties at 5x" in done.stdout or "occupation-5x.yaml duties" in done.stdout


def test_scale_exits_1_when_a_knowledge_base_it_builds_is_invalid(monkeypatch, capsys, tmp_path) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    import scale

    def broken(folder, factor):
        path = folder / f"occupation-{factor}x.yaml"
        path.write_text("schema_version: 1\n", encoding="utf-8")
        return path

    monkeypatch.setattr(scale, "generate", broken)
    assert scale.main(["--quick"]) == 1
    out = capsys.readouterr().out
    assert out.count("ERROR: the knowledge base built is invalid") == len(scale.QUICK_FACTORS)
    assert "search at 5x: ERROR" in out and "duties at 5x: ERROR" in out


def test_the_mutation_modules_name_files_that_exist() -> None:
    """Code that moves keeps its mutants (each is found by its text): the module's files change in one place."""
    sys.path.insert(0, str(ROOT))
    try:
        from mutation.mutants import MODULES, MUTANTS
    finally:
        sys.path.remove(str(ROOT))
    for module, patterns in MODULES.items():
        for pattern in patterns:
            assert list(ROOT.glob(pattern)), f"mutation/mutants.py: {module!r} names no file at {pattern}"
    assert set(MUTANTS) <= set(MODULES)
