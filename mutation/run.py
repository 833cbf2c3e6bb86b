"""Mutation testing over the logic a reader sees: python mutation/run.py

    python mutation/run.py [--module NAME] [--jobs N] [--remap] [--list] [-v]

The mutants are in mutation/mutants.py: each a small textual change, found by its text in one of
its module's files (so a function that moves to another file keeps its mutants). For each, a copy
of the checkout gets the change and runs only the tests that ran the changed function (or, for a
change outside any function, the tests that ran any of that file's functions), stopping at the
first failure, in parallel on --jobs copies. Which tests ran which function comes from one run of
the suite with a call trace (mutation/tracer.py), kept in mutation/.cache/: a test file is traced
again when it changes, every one when the code does (--remap: every one anyway). The snapshot and
lint tests in EXCLUDED are left out: a snapshot regenerated would accept any change.

Prints killed and survived per module, then every survivor with its place; exits 1 when a module
kills fewer than TARGET of its mutants, or a mutant's text is not found exactly once (update it in
mutants.py), and 2 when the suite fails without any mutant.
"""

from __future__ import annotations

import argparse
import ast
import glob
import hashlib
import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[0] = str(ROOT)  # not this folder: its modules would shadow the standard library's

from mutation.mutants import EXCLUDED, MODULES, MUTANTS, TARGET, UNTRACEABLE, Change  # noqa: E402

COPIED = ("src", "tests", "data", "docs", "benchmarks", "mutation", "README.md", "pyproject.toml")
CACHE = ROOT / "mutation" / ".cache"
IGNORED = shutil.ignore_patterns("__pycache__", ".cache", ".hypothesis", "*.egg-info")


@dataclass
class Mutant:
    module: str
    change: Change
    file: str = ""  # relative to the checkout
    start: int = 0  # offset of the change in the file
    line: int = 0
    problem: str = ""  # why it cannot be applied: its text is not found exactly once
    tests: list[str] = field(default_factory=list)
    seconds: float = 0.0  # the selected tests' time without the change
    outcome: str = ""  # killed, survived, timed out, not covered

    @property
    def place(self) -> str:
        return f"{self.file}:{self.line}" if self.file else self.module

    def describe(self) -> str:
        old, new = (" ".join(t.split()) for t in (self.change.old, self.change.new))
        return f"{self.place}: `{old}` -> `{new}`" + (f" ({self.change.why})" if self.change.why else "")


# -- finding the mutants in the code ------------------------------------------------------


def module_files(module: str) -> list[str]:
    found = sorted({p for pattern in MODULES[module] for p in glob.glob(pattern, root_dir=ROOT, recursive=True)})
    return [p for p in found if p.endswith(".py")]


def locate(module: str, change: Change, texts: dict[str, str]) -> Mutant:
    """The one place a change applies: its old text must occur exactly once among the module's files."""
    mutant = Mutant(module, change)
    if change.old == change.new:
        mutant.problem = "the change changes nothing"
        return mutant
    hits = [(f, i) for f in module_files(module) for i in _occurrences(texts.setdefault(f, _read(f)), change.old)]
    if len(hits) != 1:
        mutant.problem = f"its text is found {len(hits)} times in {', '.join(MODULES[module])}"
        return mutant
    mutant.file, mutant.start = hits[0]
    mutant.line = texts[mutant.file].count("\n", 0, mutant.start) + 1
    return mutant


def _read(path: str) -> str:
    return (ROOT / path).read_text(encoding="utf-8")


def _occurrences(text: str, old: str) -> Iterator[int]:
    at = text.find(old)
    while at != -1:
        yield at
        at = text.find(old, at + 1)


def _outermost(tree: ast.Module) -> Iterator[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef]]:
    """Every outermost function of a module (a method by Class.name), with its node."""

    def walk(nodes: list[ast.stmt], prefix: str) -> Iterator[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef]]:
        for node in nodes:
            if isinstance(node, ast.ClassDef):
                yield from walk(node.body, f"{prefix}{node.name}.")
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                yield prefix + node.name, node

    yield from walk(tree.body, "")


def functions_at(text: str, first: int, last: int) -> list[str]:
    """The outermost functions (by qualified name) whose lines meet first..last; [] outside any."""
    found = []
    for name, node in _outermost(ast.parse(text)):
        top = min([node.lineno, *(d.lineno for d in node.decorator_list)])
        if top <= last and first <= (node.end_lineno or node.lineno):
            found.append(name)
    return found


def names_assigned_at(text: str, first: int, last: int) -> set[str]:
    """The module-level names a statement meeting first..last assigns (HOURS_A_YEAR = 2080)."""
    found: set[str] = set()
    for node in ast.parse(text).body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.lineno <= last and first <= (node.end_lineno or 0):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            found |= {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)}
    return found


def users(names: set[str]) -> set[str]:
    """Every function of the package (by map key) whose code mentions one of `names`, as a name or an attribute."""
    found = set()
    for path in sorted((ROOT / "src").rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        for name, node in _outermost(ast.parse(path.read_text(encoding="utf-8"))):
            mentioned = {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}
            mentioned |= {n.attr for n in ast.walk(node) if isinstance(n, ast.Attribute)}
            if mentioned & names:
                found.add(f"{relative}::{name}")
    return found


# -- which tests ran what -------------------------------------------------------------------


def _digest(paths: list[Path], extra: str = "") -> str:
    h = hashlib.blake2b(extra.encode(), digest_size=12)
    for path in paths:
        h.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def map_keys() -> dict[str, str]:
    """Each test file's key: its own bytes and everything a test's coverage depends on besides
    (the package's code, the shared test helpers, the tracer), so an edited test file is traced again alone."""
    code = sorted(p for p in (ROOT / "src").rglob("*.py") if "__pycache__" not in p.parts)
    tracer = [ROOT / "mutation" / n for n in ("tracer.py", "keys.py", "child/sitecustomize.py")]
    helpers = [ROOT / "tests" / "conftest.py", ROOT / "tests" / "__init__.py", ROOT / "pyproject.toml"]
    shared = _digest(code + tracer + helpers, repr(EXCLUDED))
    test_files = sorted(p for p in (ROOT / "tests").glob("test_*.py") if p.relative_to(ROOT).as_posix() not in EXCLUDED)
    return {p.relative_to(ROOT).as_posix(): _digest([p], shared) for p in test_files}


Coverage = dict[str, dict[str, object]]  # test id: {"seconds": s, "functions": [key, ...]}
MAP = CACHE / "map.json"


def coverage_map(copy: Path, jobs: int, remap: bool) -> Coverage:
    """Which functions each test runs, from a traced run of the test files changed since the last."""
    keys = map_keys()
    held: dict[str, object] = {} if remap or not MAP.exists() else json.loads(MAP.read_text(encoding="utf-8"))
    known = held.get("files", {})
    tests = held.get("tests", {})
    assert isinstance(known, dict) and isinstance(tests, dict)
    stale = [f for f, key in keys.items() if known.get(f) != key]
    tests = {t: v for t, v in tests.items() if t.split("::", 1)[0] in keys and t.split("::", 1)[0] not in stale}
    if stale:
        tests.update(_trace(copy, jobs, stale))
        CACHE.mkdir(parents=True, exist_ok=True)
        MAP.write_text(json.dumps({"files": keys, "tests": tests}), encoding="utf-8")
    return tests


def _trace(copy: Path, jobs: int, files: list[str]) -> Coverage:
    print(f"Tracing which functions the tests run ({len(files)} test files, {jobs} cores)...", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="mutation-map-") as where:
        env = environment(copy, MUTATION_MAP=where, MUTATION_SOURCE=str(copy / "src"))
        env["PYTHONPATH"] = os.pathsep.join([str(copy / "mutation" / "child"), env["PYTHONPATH"]])
        command = [*pytest_command("tracer"), "-n", str(jobs) if jobs > 1 else "0", *files]
        done = subprocess.run(command, cwd=copy, env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            print(done.stdout[-4000:] + done.stderr[-2000:], file=sys.stderr)
            sys.exit("mutation: the tests fail without any mutant; make them pass first")
        tests: Coverage = {}
        for part in Path(where).glob("tests-*.json"):
            tests.update(json.loads(part.read_text(encoding="utf-8")))
        for part in Path(where).glob("child-*.json"):
            child = json.loads(part.read_text(encoding="utf-8"))
            if child["test"] in tests:
                ran = tests[child["test"]]["functions"]
                assert isinstance(ran, list)
                ran.extend(k for k in child["functions"] if k not in ran)
    return tests


def select(mutant: Mutant, text: str, tests: dict[str, dict[str, object]]) -> None:
    """The tests that ran the changed function; for a change to a module-level name (a threshold,
    a table), the tests that ran a function using that name; else any function of the file."""
    last = mutant.line + mutant.change.old.count("\n")
    wanted = {f"{mutant.file}::{n}" for n in functions_at(text, mutant.line, last)}
    if not wanted:
        wanted = users(names_assigned_at(text, mutant.line, last))
    prefix = f"{mutant.file}::"
    for test, info in tests.items():
        ran = info["functions"]
        assert isinstance(ran, list)
        if (wanted & set(ran)) if wanted else any(k.startswith(prefix) for k in ran):
            seconds = info["seconds"]
            assert isinstance(seconds, (int, float))
            mutant.tests.append(test)
            mutant.seconds += seconds
    timed = {t: float(str(tests[t]["seconds"])) for t in mutant.tests}
    mutant.tests.sort(key=timed.__getitem__)  # the quick tests first: most mutants die in the first few


# -- running ----------------------------------------------------------------------------------


def environment(copy: Path, **extra: str) -> dict[str, str]:
    """The copy's code first on the path, for the tests and for every command they start."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MUTATION_", "PYTEST_", "HSM_GUIDE_"))}
    env["PYTHONPATH"] = os.pathsep.join([str(copy), str(copy / "src")])
    return env | extra


def pytest_command(plugin: str) -> list[str]:
    left_out = [f"--ignore={path}" for path in EXCLUDED] + [f"--deselect={test}" for test in UNTRACEABLE]
    return [sys.executable, "-m", "pytest", "-q", "-p", f"mutation.{plugin}", "-p", "no:cacheprovider", *left_out]


def make_copy(where: Path) -> Path:
    where.mkdir()
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, where / name, ignore=IGNORED)
        elif source.exists():
            shutil.copy2(source, where / name)
    return where


def _forget_bytecode(path: Path) -> None:
    """Python checks a cached module by the source's size and mtime in whole seconds: a change of the
    same length written within the second would run the old code, so the cached copy goes."""
    import importlib.util

    Path(importlib.util.cache_from_source(str(path))).unlink(missing_ok=True)


def run_mutant(mutant: Mutant, copies: queue.Queue[Path], original: str) -> Mutant:
    copy = copies.get()
    target = copy / mutant.file
    try:
        changed = original[: mutant.start] + mutant.change.new + original[mutant.start + len(mutant.change.old) :]
        target.write_text(changed, encoding="utf-8")
        _forget_bytecode(target)
        listed = copy / ".mutation-tests"
        listed.write_text("\n".join(mutant.tests), encoding="utf-8")  # fastest first (see select)
        files = sorted({t.split("::", 1)[0] for t in mutant.tests})
        command = [*pytest_command("chooser"), "-x", "-p", "no:xdist", "-o", "addopts=", "--hypothesis-seed=0", *files]
        env = environment(copy, MUTATION_SELECT=str(listed))
        limit = 60 + 10 * mutant.seconds  # generous on a loaded machine; a mutant past it hangs
        try:
            done = subprocess.run(command, cwd=copy, env=env, capture_output=True, text=True, timeout=limit)
        except subprocess.TimeoutExpired:
            mutant.outcome = "timed out"
        else:
            if done.returncode in (3, 4, 5):  # pytest's own error, a usage error, no tests collected
                raise RuntimeError(f"pytest exited {done.returncode} for {mutant.describe()}:\n{done.stdout[-3000:]}")
            mutant.outcome = "survived" if done.returncode == 0 else "killed"
    finally:
        target.write_text(original, encoding="utf-8")
        _forget_bytecode(target)
        copies.put(copy)
    return mutant


# -- the report ---------------------------------------------------------------------------------


def report(mutants: list[Mutant], equivalent: dict[str, int]) -> bool:
    """The table per module and every survivor; True when every module meets the target."""
    ok = True
    print(f"{'module':<22} {'killed':>6} {'survived':>8} {'killed %':>8} {'equivalent':>10}")
    for module in equivalent:
        counts = Counter(m.outcome for m in mutants if m.module == module)
        killed = counts["killed"] + counts["timed out"]
        survived = counts["survived"] + counts["not covered"]
        total = killed + survived
        share = killed / total if total else 1.0
        if total:
            ok &= share >= TARGET
        shown = f"{share:.0%}" if total else "-"
        print(f"{module:<22} {killed:>6} {survived:>8} {shown:>8} {equivalent.get(module, 0):>10}")
    left = [m for m in mutants if m.outcome in ("survived", "not covered")]
    if left:
        print("\nSurvived:")
        for m in left:
            print(f"  {m.module}: {m.describe()}" + (" [no test runs it]" if m.outcome == "not covered" else ""))
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], prog="python mutation/run.py")
    parser.add_argument("--module", action="append", help="only the modules whose names contain this (repeatable)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help="copies run side by side")
    parser.add_argument("--remap", action="store_true", help="trace the suite again even when nothing changed")
    parser.add_argument("--list", action="store_true", help="print each mutant's place and run nothing")
    parser.add_argument("-v", "--verbose", action="store_true", help="print each mutant's outcome as it ends")
    args = parser.parse_args(argv)
    chosen = [m for m in MODULES if not args.module or any(w.lower() in m.lower() for w in args.module)]
    if not chosen:
        parser.error(f"no module matches {args.module}; the modules: {', '.join(MODULES)}")
    unknown = set(MUTANTS) - set(MODULES)
    if unknown:
        parser.error(f"mutants.py lists mutants for modules it does not name: {', '.join(sorted(unknown))}")

    texts: dict[str, str] = {}
    mutants = [locate(module, c, texts) for module in chosen for c in MUTANTS.get(module, []) if not c.equivalent]
    equivalent = {module: sum(1 for c in MUTANTS.get(module, []) if c.equivalent) for module in chosen}
    broken = [m for m in mutants if m.problem]
    for m in broken:
        print(f"mutation: {m.module}: `{m.change.old}`: {m.problem}", file=sys.stderr)
    if args.list:
        for m in mutants:
            print(m.describe())
        return 1 if broken else 0
    if broken:
        return 1

    jobs = max(1, args.jobs)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="mutation-") as temp:
        copies: queue.Queue[Path] = queue.Queue()
        first = make_copy(Path(temp) / "copy-0")
        tests = coverage_map(first, jobs, args.remap)
        copies.put(first)
        for i in range(1, jobs):
            copies.put(make_copy(Path(temp) / f"copy-{i}"))
        for m in mutants:
            select(m, texts[m.file], tests)
            if not m.tests:
                m.outcome = "not covered"
        runnable = [m for m in mutants if m.tests]
        print(f"{len(mutants)} mutants in {len(chosen)} modules; {len(tests)} tests mapped", file=sys.stderr)
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            futures = [pool.submit(run_mutant, m, copies, texts[m.file]) for m in runnable]
            for n, future in enumerate(as_completed(futures), 1):
                m = future.result()
                if args.verbose or m.outcome == "survived":
                    print(f"[{n}/{len(runnable)}] {m.outcome}: {m.module}: {m.describe()}", file=sys.stderr)
    ok = report(mutants, equivalent)
    print(f"\n{len(mutants)} mutants run in {time.monotonic() - started:.0f} s on {jobs} jobs (target: {TARGET:.0%})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
