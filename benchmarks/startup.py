"""Start-up time and peak memory of hsm-guide commands against two floors (issues 6, 10 and 12).

    python benchmarks/startup.py [--pairs N] [--no-cache] [--only TEXT] [--quick]

Run it with the interpreter hsm-guide is installed in (`.venv/bin/python benchmarks/startup.py`):
each command runs as that environment's `hsm-guide` console script, which is what users run.
Two floors, with the same interpreter: `python -c pass`, bare Python start-up, against which a
warm page command (answered from the output cache before the framework loads) is held; and
`python -c "import typer, rich.console, rich.table"`, the least any Typer + Rich program can cost,
against which --help and --version are held. Runs alternate floor, command, floor, command, so drift
(thermal, other load) hits both alike; each pair gives a ratio and the median ratio is reported.
Peak memory is each child's ru_maxrss from os.wait4 (RUSAGE_CHILDREN would mix all children),
taken in a small launcher process (see LAUNCHER).
The cache and the bytecode (.pyc) live in a temporary folder, filled by the warm-up runs, so
the user's cache and the source tree are left alone and every run starts from the same state
(PYTHONDONTWRITEBYTECODE is dropped for the children: users run compiled bytecode).
Prints PASS or MISS for every target and exits 1 on any miss (with --no-cache the page commands
are reported, not judged: their targets are for the warm path), and exits 1 when a command fails.
--quick runs every command once (its check run warms the cache) and judges nothing: the suite runs it, so
a broken benchmark is caught while the targets stay out of the tests.
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

FLOORS = {
    "bare": [sys.executable, "-c", "pass"],
    "framework": [sys.executable, "-c", "import typer, rich.console, rich.table"],
}
WARM_UP = 3
MIN_PAIRS = 15


@dataclass(frozen=True)
class Target:
    args: tuple[str, ...]
    ratio: float
    floor: str  # "bare" or "framework"
    extra_mib: float | None = None  # peak memory allowed above the floor's
    warm: bool = True  # judged only with the cache on
    fresh: bool = False  # every run a question not asked before: {state} takes the next state's name


TARGETS = [
    Target(("duties",), 2.5, "bare", 10.0),
    Target(("pay",), 2.5, "bare", 10.0),
    Target(("pay", "--area", "NY"), 2.5, "bare", 10.0),
    Target(("pay", "--area", "NY"), 1.20, "framework", 10.0),  # issue 10's own target
    Target(("pay", "--states"), 2.5, "bare", 10.0),
    Target(("certifications", "CPHQ"), 2.5, "bare", 10.0),
    # issue 14: a repeated question is answered by the warm path; a first-time question (a new
    # page-cache key each run, the knowledge-base cache warm) runs search in full, held to 1.5x
    # the Typer + Rich floor.
    Target(("search", "how", "much", "do", "they", "make", "in", "ohio"), 2.5, "bare", 10.0),
    Target(("search", "how", "much", "do", "they", "make", "in", "{state}"), 1.5, "framework", fresh=True),
    # issue 19: a first-time question with a word the guide does not hold reads the English word list
    # (one letter of it, from the cache) to know it is a real word, never to be corrected.
    Target(("search", "is", "bedside", "work", "harder", "in", "{state}"), 1.5, "framework", fresh=True),
    Target(("--version",), 1.10, "framework", warm=False),
    Target(("--help",), 1.30, "framework", warm=False),
]


@dataclass(frozen=True)
class Sample:
    seconds: float
    peak_mib: float


@dataclass(frozen=True)
class Result:
    label: str
    command: list[Sample]
    floor: list[Sample]

    @property
    def ratio(self) -> float:
        return statistics.median(c.seconds / f.seconds for c, f in zip(self.command, self.floor, strict=True))

    @property
    def ms(self) -> float:
        return statistics.median(s.seconds for s in self.command) * 1000

    @property
    def floor_ms(self) -> float:
        return statistics.median(s.seconds for s in self.floor) * 1000

    @property
    def peak(self) -> float:
        return statistics.median(s.peak_mib for s in self.command)

    @property
    def floor_peak(self) -> float:
        return statistics.median(s.peak_mib for s in self.floor)


def hsm_guide() -> list[str]:
    """The console script beside this interpreter, else `python -m hsm_guide`."""
    script = Path(sys.executable).parent / "hsm-guide"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "hsm_guide"]


# The children are started by a small launcher process, not by this one: on Linux a child's
# ru_maxrss starts from the RSS of the process that forked it (posix_spawn's vfork included),
# so a large parent (scale.py holds a 20x knowledge base) would hide every child's own peak.
# The launcher is `python -S` importing only os, sys and time (about 9 MiB), below any child.
LAUNCHER = r"""
import os, sys, time
to_null = [(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0)]
for line in sys.stdin:
    argv = line.rstrip("\n").split("\0")
    start = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, os.environ, file_actions=to_null)
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - start
    print(seconds, usage.ru_maxrss, os.waitstatus_to_exitcode(status), flush=True)
"""


class CommandFailed(Exception):
    pass


class Launcher:
    """Runs children with stdout to /dev/null: wall time from spawn to reaping, and each one's own peak RSS."""

    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.process = subprocess.Popen(
            [sys.executable, "-S", "-c", LAUNCHER], env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )

    def run(self, argv: Sequence[str]) -> Sample:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write("\0".join(argv) + "\n")
        self.process.stdin.flush()
        seconds, maxrss, status = self.process.stdout.readline().split()
        if status != "0":
            raise CommandFailed(f"{' '.join(argv)} exited {status}")
        scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux
        return Sample(float(seconds), int(maxrss) * scale / 2**20)

    def check(self, argv: Sequence[str]) -> None:
        """Run once with output captured, so a broken command is reported rather than timed."""
        done = subprocess.run(argv, env=self.env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise CommandFailed(f"{' '.join(argv)} exited {done.returncode}: {done.stderr.strip()[-300:]}")

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait()


# Two-word names split into words as a reader types them; none is asked by another target.
STATE_NAMES = [
    "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware",
    "florida", "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky",
    "louisiana", "maine", "maryland", "massachusetts", "michigan", "minnesota", "mississippi", "missouri",
    "montana", "nebraska", "nevada", "oklahoma", "oregon", "pennsylvania", "tennessee", "texas", "utah",
    "vermont", "virginia", "washington", "wisconsin", "wyoming",
]  # fmt: skip


def commands(target: Target) -> Iterator[list[str]]:
    """The command lines to run: the same one each time, or (fresh) a new state each time."""
    for i in itertools.count():
        state = STATE_NAMES[i % len(STATE_NAMES)] if target.fresh else ""
        yield [*hsm_guide(), *(a.format(state=state) for a in target.args)]


def measure(
    label: str, target: Target, floor_argv: list[str], launcher: Launcher, pairs: int, warm_up: int = WARM_UP
) -> Result:
    if target.fresh and warm_up + pairs + 1 > len(STATE_NAMES):
        raise CommandFailed(f"at most {len(STATE_NAMES) - warm_up - 1} pairs for a first-time question")
    argvs = commands(target)
    launcher.check(next(argvs))
    for _ in range(warm_up):
        launcher.run(floor_argv)
        launcher.run(next(argvs))
    command: list[Sample] = []
    floor: list[Sample] = []
    for _ in range(pairs):
        floor.append(launcher.run(floor_argv))
        command.append(launcher.run(next(argvs)))
    return Result(label, command, floor)


def verdict(result: Result, target: Target, no_cache: bool, quick: bool = False) -> str:
    if quick:
        return "(quick)"
    if no_cache and target.warm:
        return "(cold)"
    ok = result.ratio <= target.ratio
    if target.extra_mib is not None:
        ok = ok and result.peak - result.floor_peak <= target.extra_mib
    return "PASS" if ok else "MISS"


def describe_environment(pairs: int, no_cache: bool, warm_up: int) -> None:
    versions = ", ".join(f"{name} {version(name)}" for name in ("hsm-guide", "typer", "rich", "msgspec", "pyyaml"))
    print(f"interpreter: {sys.executable} (Python {sys.version.split()[0]}, {sys.platform})")
    print(f"packages:    {versions}")
    print(f"command:     {' '.join(hsm_guide())}")
    cache = "off (HSM_GUIDE_NO_CACHE=1)" if no_cache else "on (a temporary folder, warmed by the warm-up runs)"
    print(f"runs:        {pairs} floor/command pairs per command after {warm_up} warm-up pairs; cache {cache}")
    print()


def version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def report(results: list[tuple[Result | str, Target]], no_cache: bool, quick: bool = False) -> bool:
    """Print the table; True when every judged target passed."""
    ok = True
    head = f"{'command':<26} {'floor':<9} {'median':>9} {'floor':>9} {'ratio':>6} {'target':>7}  "
    head += f"{'peak':>8} {'floor':>8} {'+MiB':>6} {'target':>7}  result"
    print(head)
    for result, target in results:
        if isinstance(result, str):
            print(f"{'hsm-guide ' + ' '.join(target.args)} ERROR {result}")
            ok = False
            continue
        label = result.label if len(result.label) <= 26 else result.label[:25] + "\u2026"
        mem_target = f"<=+{target.extra_mib:g}" if target.extra_mib is not None else "-"
        judged = verdict(result, target, no_cache, quick)
        ok = ok and judged != "MISS"
        print(
            f"{label:<26} {target.floor:<9} {result.ms:>6.1f} ms {result.floor_ms:>6.1f} ms "
            f"{result.ratio:>5.2f}x "
            f"{'<=' + format(target.ratio, '.2f') + 'x':>7}  {result.peak:>4.1f} MiB {result.floor_peak:>4.1f} MiB "
            f"{result.peak - result.floor_peak:>+6.1f} {mem_target:>7}  {judged}"
        )
    return ok


def environment(no_cache: bool, scratch: str) -> dict[str, str]:
    """The children's environment: a private cache folder and bytecode cache, no data override."""
    env = dict(os.environ, XDG_CACHE_HOME=os.path.join(scratch, "cache"))
    # Users run compiled bytecode: with PYTHONDONTWRITEBYTECODE an editable install would
    # recompile hsm_guide on every run. A private prefix keeps the .pyc files out of the tree.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = os.path.join(scratch, "pycache")
    env.pop("HSM_GUIDE_DATA", None)
    env.pop("HSM_GUIDE_CACHE_DIR", None)
    if no_cache:
        env["HSM_GUIDE_NO_CACHE"] = "1"
    return env


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--pairs", type=int, default=21, help=f"pairs per command (at least {MIN_PAIRS}; default 21)")
    parser.add_argument("--no-cache", action="store_true", help="run the commands with HSM_GUIDE_NO_CACHE=1")
    parser.add_argument("--only", metavar="TEXT", help="measure only the commands whose words contain TEXT")
    parser.add_argument("--quick", action="store_true", help="each command once; nothing judged")
    args = parser.parse_args(argv)
    targets = [t for t in TARGETS if args.only is None or args.only in " ".join(t.args)]
    if not targets:
        parser.error(f"no command contains {args.only!r}")
    pairs, warm_up = (1, 0) if args.quick else (max(args.pairs, MIN_PAIRS), WARM_UP)
    describe_environment(pairs, args.no_cache, warm_up)
    scratch = tempfile.mkdtemp(prefix="hsm-guide-bench-")
    try:
        launcher = Launcher(environment(args.no_cache, scratch))
        results: list[tuple[Result | str, Target]] = []
        for target in targets:
            label = "hsm-guide " + " ".join(target.args)
            try:
                results.append((measure(label, target, FLOORS[target.floor], launcher, pairs, warm_up), target))
            except CommandFailed as exc:  # reported in its line; the others are still measured
                results.append((str(exc), target))
        launcher.close()
        ok = report(results, args.no_cache, args.quick)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
