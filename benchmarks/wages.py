"""Wage data speed (issue 10): an area lookup in-process, and the whole data loaded cold.

    .venv/bin/python benchmarks/wages.py [--runs N] [--calls N] [--quick]

- Area lookup: `find_area` over the shipped extract's ~580 areas, for the queries people type
  (a code, a state name, a metro by part of its name, a nonmetro, an ambiguous and an unknown
  name); each query is timed over many calls after one call that builds the index, and the
  slowest query's median is held against the target (5 ms).
- Cold load: a fresh interpreter per run, cache off, timing `knowledge.load` of the shipped
  knowledge base and its wage extract (YAML parse, schema, the CSV, every check); the median of
  the runs is held against the target (100 ms). Imports are timed separately and not counted.

Prints PASS or MISS for each target; exits 1 on a miss or when it cannot run. The targets are not
part of the test suite: machines are noisy, so they are checked here, by anyone, on their own
machine; the suite runs --quick (each measurement a few times, nothing judged) so a broken
benchmark is caught.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence

LOOKUP_TARGET_MS = 5.0
LOAD_TARGET_MS = 100.0
QUERIES = (
    "NY",
    "new york",
    "ohio",
    "boston",
    "dallas",
    "san juan",
    "eastern ohio nonmetropolitan",
    "portland",
    "bostn",
)

LOAD = """
import time, sys
t0 = time.perf_counter()
from hsm_guide.knowledge import load, packaged_data_path
t1 = time.perf_counter()
kb = load(packaged_data_path())
t2 = time.perf_counter()
assert kb.wages is not None
print(f"{(t1 - t0) * 1000:.3f} {(t2 - t1) * 1000:.3f}")
"""


def lookups(calls: int) -> dict[str, float]:
    from hsm_guide.errors import UsageError
    from hsm_guide.knowledge import load, packaged_data_path
    from hsm_guide.wages.areas import find_area
    from hsm_guide.wages.lookup import wage_data

    areas = wage_data(load(packaged_data_path())).area_list
    out: dict[str, float] = {}
    for query in QUERIES:
        times = []
        for i in range(calls + 1):
            start = time.perf_counter()
            with contextlib.suppress(UsageError):  # ambiguous and unknown names answer with a message: timed too
                find_area(query, areas)
            if i:  # the first call builds the index for the list; it is reported by the load below
                times.append((time.perf_counter() - start) * 1000)
        out[query] = statistics.median(times)
    return out


def cold_loads(runs: int) -> tuple[list[float], list[float]]:
    env = {**os.environ, "HSM_GUIDE_NO_CACHE": "1"}
    imports, loads = [], []
    for _ in range(runs):
        line = subprocess.run([sys.executable, "-c", LOAD], env=env, capture_output=True, text=True, check=True)
        first, second = line.stdout.split()
        imports.append(float(first))
        loads.append(float(second))
    return imports, loads


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="cold-load runs (default 15)")
    parser.add_argument("--calls", type=int, default=200, help="calls per lookup query (default 200)")
    parser.add_argument("--quick", action="store_true", help="two runs and two calls; no target judged")
    args = parser.parse_args(argv)
    if args.quick:
        args.runs, args.calls = 2, 2
    ok = True
    print(f"Python {sys.version.split()[0]} on {sys.platform}, {os.cpu_count()} CPUs")
    print(f"\nArea lookup, in-process, median of {args.calls} calls each (target < {LOOKUP_TARGET_MS:g} ms)")
    times = lookups(args.calls)
    for query, ms in times.items():
        print(f"  {query!r:<34} {ms * 1000:8.1f} us")
    worst = max(times.values())
    verdict = "(quick)" if args.quick else "PASS" if worst < LOOKUP_TARGET_MS else "MISS"
    ok &= verdict != "MISS"
    print(f"  slowest query: {worst:.3f} ms  {verdict}")
    imports, loads = cold_loads(args.runs)
    median = statistics.median(loads)
    verdict = "(quick)" if args.quick else "PASS" if median < LOAD_TARGET_MS else "MISS"
    ok &= verdict != "MISS"
    print(f"\nCold load of the knowledge base and wage extract, {args.runs} fresh processes")
    print(f"(target < {LOAD_TARGET_MS:g} ms)")
    print(f"  load: median {median:.1f} ms (min {min(loads):.1f}, max {max(loads):.1f})  {verdict}")
    print(f"  imports before it (not counted): median {statistics.median(imports):.1f} ms")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
