"""Running a hostile case and judging its end; the command line of the long run.

A case ends clean when: no traceback and no internal error; the exit status is 0, 1, 2, or
128 + a signal the case sent (130 for SIGINT); a one-line message on stderr for a failure;
no escape character in a pipe (unless the case forced color); no hang (a time limit); no
temporary file of the guide's left anywhere in the case's folder; and whatever the case
checks of its own (a file whole or absent, foreign files untouched, a replay byte-identical).
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

CLEAN_STATUSES = {0, 1, 2, 130}
SERIAL = ("cache", "concurrency")  # kinds whose cases build on one another, or run copies at once
TIME_LIMIT = 60.0
ENTRY = "import sys; sys.argv[0] = 'hsm-guide'; from hsm_guide.entry import main; main()"


@dataclass
class Case:
    """One run of the console script, and what else must hold after it."""

    kind: str
    argv: list[str]
    env: dict[str, str] = field(default_factory=dict)
    stdin: bytes | str | None = b""  # bytes to pipe in; "closed"; a file path; None: /dev/null
    stdout: str | None = None  # None: a pipe; "closed"; a file path (/dev/full)
    send: tuple[int, float] | None = None  # (signal, seconds after the start)
    copies: int = 1  # run this many at once (concurrent writers)
    checks: list[Callable[[Result], list[str]]] = field(default_factory=list)
    folder: Path | None = None  # where no temporary file may be left

    def describe(self) -> str:
        extra = {k: v for k, v in self.env.items() if not k.startswith("HSM_GUIDE_CACHE")}
        sent = f" signal {self.send[0]} at {self.send[1]:.2f}s" if self.send else ""
        return f"[{self.kind}] hsm-guide {' '.join(map(repr, self.argv))} {extra}{sent}"[:400]


@dataclass
class Result:
    case: Case
    status: int | None  # None: it hung past the time limit
    stdout: bytes
    stderr: str
    others: list[Result] = field(default_factory=list)  # the other copies, run at the same time


def base_env(workdir: Path) -> dict[str, str]:
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("HSM_GUIDE", "LC_", "PYTHONIO"))}
    keep.update({"HOME": str(workdir / "home"), "XDG_CACHE_HOME": str(workdir / "xdg"), "COLUMNS": "80"})
    keep.pop("FORCE_COLOR", None)
    keep.pop("PAGER", None)
    return keep


def run(case: Case, workdir: Path) -> Result:
    """Run the case (all its copies at once) and collect how each ended."""
    procs = [_start(case, workdir) for _ in range(case.copies)]
    if case.send is not None:
        signum, after = case.send
        time.sleep(after)
        for proc, _ in procs:
            with contextlib.suppress(ProcessLookupError):  # it has ended already
                proc.send_signal(signum)
    results = [_finish(case, proc, feed) for proc, feed in procs]
    first = results[0]
    first.others = results[1:]
    return first


def _start(case: Case, workdir: Path) -> tuple[subprocess.Popen[bytes], bytes | None]:
    env = {**base_env(workdir), **case.env}
    stdin: int | None = subprocess.DEVNULL
    feed: bytes | None = None
    if isinstance(case.stdin, bytes):
        stdin, feed = subprocess.PIPE, case.stdin
    argv = [sys.executable, "-c", ENTRY, *case.argv]
    closing = ("exec 0<&- ; " if case.stdin == "closed" else "") + ("exec 1>&- ; " if case.stdout == "closed" else "")
    if closing:  # a stream closed before the guide starts, as `<&-` and `>&-` do
        argv = ["bash", "-c", closing + 'exec "$@"', "bash", *argv]
    stdout: int | None = subprocess.PIPE
    if case.stdout == "closed":
        stdout = None
    elif case.stdout is not None:
        stdout = os.open(case.stdout, os.O_WRONLY)
    proc = subprocess.Popen(argv, stdin=stdin, stdout=stdout, stderr=subprocess.PIPE, env=env, cwd=workdir)
    if isinstance(stdout, int) and stdout > 2:
        os.close(stdout)
    return proc, feed


def _finish(case: Case, proc: subprocess.Popen[bytes], feed: bytes | None) -> Result:
    try:
        out, err = proc.communicate(feed, timeout=TIME_LIMIT)
        status: int | None = proc.returncode
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        status = None
    return Result(case, status, out or b"", (err or b"").decode("utf-8", "replace"))


def before_the_guide(result: Result) -> bool:
    """Ended by the case's signal while the interpreter was still starting (importing site or the
    entry point), before the guide installed its handlers: Python's default end, nothing written."""
    case = result.case
    if case.send is None or result.stdout or "hsm-guide:" in result.stderr:
        return False
    killed = result.status == -case.send[0]
    python = "KeyboardInterrupt" in result.stderr or result.stderr.startswith("Fatal Python error")
    return killed or (result.status in (1, -6, 120) and python)


def _writing(temp: Path) -> bool:
    """A temporary file whose writer (its name holds the process id) is still running: another
    case at work at the same time, not a leftover."""
    pid = temp.name.removeprefix(".hsm-guide-").partition("-")[0]
    if not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def problems(result: Result) -> list[str]:
    case, found = result.case, []
    allowed = set(CLEAN_STATUSES)
    if case.send is not None:
        allowed.add(128 + case.send[0])
    forced = case.env.get("FORCE_COLOR") or case.env.get("TTY_COMPATIBLE") == "1"
    for each in [result, *result.others]:
        if each.status is None:
            found.append(f"hung past {TIME_LIMIT:.0f} s")
        elif before_the_guide(each):
            pass  # the signal came while the interpreter was starting: Python's own end, nothing written
        elif each.status not in allowed:
            found.append(f"exit status {each.status}: {each.stderr.strip()[-200:]}")
        if ("Traceback" in each.stderr or "internal error" in each.stderr) and not before_the_guide(each):
            found.append("traceback or internal error: " + each.stderr.strip()[-300:])
        one_line = "validate" in case.argv  # validate lists every problem, then a summary
        if each.status == 1 and each.stderr.count("\n") > 1 and not one_line:  # (a usage error shows the usage)
            found.append("more than one line on stderr: " + each.stderr[:300])
        if case.stdout is None and not forced and b"\x1b" in each.stdout:
            found.append("an escape character reached a pipe")
    if case.folder is not None:
        # the guide's temporary names, old and new (a folder of the user's own files has one of its own)
        left = [p for p in case.folder.rglob(".*.tmp") if "documents" not in p.parts and not _writing(p)]
        if left:
            found.append(f"temporary files left: {[p.name for p in left]}")
    for check in case.checks:
        found += check(result)
    return found


def hostile_run(
    kinds: dict[str, Callable[[random.Random, int, Path], Iterator[Case]]],
    cases: int,
    seed: int,
    jobs: int = 2,
    workdir: Path | None = None,
) -> tuple[Counter[str], list[tuple[Case, list[str]]]]:
    """Run `cases` cases of each kind; the number run per kind (and, under "early", how many a signal
    ended before the guide started) and every case that ended unclean."""
    counts: Counter[str] = Counter()
    failures: list[tuple[Case, list[str]]] = []
    with tempfile.TemporaryDirectory(prefix="hostile-") as scratch:
        root = workdir or Path(scratch)
        for name, make in kinds.items():
            folder = root / name
            folder.mkdir(parents=True, exist_ok=True)
            rng = random.Random(f"{seed}-{name}")
            made = make(rng, cases, folder)
            if name in SERIAL:  # each case builds on the one before: run them as they are made
                results: Iterator[Result] = (run(case, folder) for case in made)
            else:
                results = ThreadPoolExecutor(jobs).map(run, list(made), itertools.repeat(folder))
            for result in results:
                counts[name] += 1
                counts["early"] += before_the_guide(result)
                found = problems(result)
                if found:
                    failures.append((result.case, found))
    return counts, failures


def main() -> None:
    from .kinds import KINDS

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=50, help="cases of each kind")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--kinds", default=",".join(KINDS), help=f"some of: {', '.join(KINDS)}")
    options = parser.parse_args()
    chosen = {k: KINDS[k] for k in options.kinds.split(",")}
    start = time.monotonic()
    counts, failures = hostile_run(chosen, options.cases, options.seed, options.jobs)
    for case, found in failures:
        print(case.describe())
        for problem in found:
            print(f"    {problem}")
    early = counts.pop("early", 0)
    total = sum(counts.values())
    print(", ".join(f"{kind} {n}" for kind, n in counts.items()))
    print(f"{early} signals arrived while Python was starting, before the guide's code ran (its default end)")
    print(f"{total} cases in {time.monotonic() - start:.0f} s: {total - len(failures)} clean, {len(failures)} not")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    signal.signal(signal.SIGINT, signal.default_int_handler)
    main()
