"""How loading grows with the knowledge base (issue 6): 1x, 5x and 20x, cold and warm.

    python benchmarks/scale.py [--runs N] [--pairs N]

Generates 5x and 20x copies of the shipped knowledge base in a temporary folder (1x is the
shipped file itself): every list and table repeated, guided by the schema (see `grow`), and
checked with knowledge.validate. Records named by an id, code, key, edition year or section are
not repeated, since those names must stay unique and other records point at them; a repeated
record's own names (a glossary term, a rule's name, their aliases) get the copy's number, and a
list of aliases or citations is never repeated, since validation refuses a name given twice;
repeated employer shares are divided so they still add up to at most 100%; a list keeps to its
schema's maximum length. Then prints in-process medians of `knowledge.load` (cold: read, parse
the YAML, validate) and `knowledge.load_cached` from a warm cache, the in-process time of
`hsm-guide search` at each size, and the wall-time ratio of `hsm-guide --data FILE duties` at
20x to the Typer + Rich import floor once warm (see startup.py for how pairs are run).

Prints every row, PASS or MISS for each target, and exits 1 when a target is missed or a size
cannot be built, loaded or measured. --quick builds 1x and 5x only, runs each measurement once
and judges no target (the test suite runs it, so a broken benchmark is caught, 5x being where
copies first meet validation's rules; timing stays out of the tests).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

import msgspec.inspect as mi
import yaml
from startup import FLOORS, MIN_PAIRS, WARM_UP, CommandFailed, Launcher, Target, environment, measure

from hsm_guide import knowledge
from hsm_guide.cache import knowledge as cache
from hsm_guide.errors import DataError
from hsm_guide.model import KnowledgeBase

FACTORS = (1, 5, 20)
QUICK_FACTORS = (1, 5)  # every step the full run takes, on the smaller copies
UNIQUE = frozenset({"id", "code", "key", "pay_year", "section"})  # a record named so is not repeated
RENAMED = ("term", "name", "aliases")  # a repeated record's own names, numbered by copy
NOT_REPEATED = frozenset({"sources", "aliases"})  # references and names, not content
SHARE = "percent"
TARGET_20X = 1.30


# -- generating the knowledge bases ------------------------------------------------


def grow(value: Any, info: mi.Type, factor: int, repeat: bool = True) -> Any:
    """`value` (parsed YAML) with the schema's lists repeated `factor` times, where the rules allow.

    Lists inside an item that is itself repeated are kept as they are, so nesting does not
    compound (20x stays about 20x), and citation lists are references, not content.
    """
    if isinstance(info, mi.UnionType):  # Optional[...]: follow the member that fits the value
        members = [t for t in info.types if not isinstance(t, mi.NoneType)]
        info = members[0] if len(members) == 1 else info
    if isinstance(info, mi.StructType) and isinstance(value, dict):
        fields = {f.encode_name: f.type for f in info.fields}
        return {
            k: grow(v, fields[k], factor, repeat and k not in NOT_REPEATED) if k in fields else v
            for k, v in value.items()
        }
    if isinstance(info, mi.ListType) and isinstance(value, list):
        again = repeat and repeatable(info.item_type)
        items = [grow(v, info.item_type, factor, repeat and not again) for v in value]
        if not again:
            return items
        grown = [numbered(item, copy) for copy in range(1, factor + 1) for item in items]
        if isinstance(info.item_type, mi.StructType) and SHARE in names(info.item_type):
            grown = [{**item, SHARE: round(item[SHARE] / factor, 3)} for item in grown]
        return grown[: info.max_length] if info.max_length is not None else grown
    return value


def numbered(item: Any, copy: int) -> Any:
    """A repeated record with its own names (RENAMED) numbered from the second copy: 'median-2'."""
    if copy == 1 or not isinstance(item, dict):
        return item
    found = dict(item)
    for field in RENAMED:
        value = found.get(field)
        if isinstance(value, str):
            found[field] = f"{value}-{copy}"
        elif isinstance(value, list):
            found[field] = [f"{v}-{copy}" if isinstance(v, str) else v for v in value]
    return found


def names(info: mi.StructType) -> set[str]:
    return {f.encode_name for f in info.fields}


def repeatable(item: mi.Type) -> bool:
    return not (isinstance(item, mi.StructType) and names(item) & UNIQUE)


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Writes every repeat out in full: anchors and aliases would shrink the file, not the work."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def generate(folder: Path, factor: int) -> Path:
    shipped = knowledge.packaged_data_path()
    path = folder / f"occupation-{factor}x.yaml"
    if factor == 1:
        shutil.copyfile(shipped, path)
        return path
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(shipped.read_text(encoding="utf-8"), Loader=loader)
    grown = grow(data, mi.type_info(KnowledgeBase), factor)
    path.write_text(yaml.dump(grown, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100), encoding="utf-8")
    return path


# -- measuring ----------------------------------------------------------------------


def median_ms(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def entry_size(path: Path) -> int:
    raw = path.read_bytes()
    from hsm_guide.environment import Environment

    slot = cache.locate(Environment.from_process(), path, path.stat(), raw)  # the file's name is its path's
    return os.path.getsize(slot.file) if slot is not None and os.path.isfile(slot.file) else 0


def growth_table(paths: dict[int, Path], runs: int, quick: bool) -> dict[int, Path]:
    """A row per size; the sizes that validated and loaded, for the tables after it."""
    print(f"{'size':>5} {'YAML':>9} {'entry':>9} {'items':>6} {'cold load':>11} {'warm load':>11} {'speed-up':>8}")
    base: tuple[float, float] | None = None
    loaded = {}
    for factor, path in paths.items():
        started = time.perf_counter()
        try:
            summary = knowledge.validate(path)
        except DataError as exc:
            found = exc.problems
            print(f"{factor:>4}x ERROR: the knowledge base built is invalid ({len(found)} problems: {found[0]}, ...)")
            continue
        checked = (time.perf_counter() - started) * 1000  # parsed and validated once: quick's cold load
        cold = checked if quick else median_ms(partial(knowledge.load, path), max(1, runs // (1 + factor // 5)))
        knowledge.load_cached(path)  # warm the entry
        warm = median_ms(partial(knowledge.load_cached, path), runs)
        base = base or (cold, warm)
        loaded[factor] = path
        print(
            f"{factor:>4}x {path.stat().st_size / 1024:>6.0f} KB {entry_size(path) / 1024:>6.0f} KB {summary.items:>6} "
            f"{cold:>8.1f} ms {warm:>8.2f} ms {cold / warm:>7.0f}x"
        )
    if base is not None:
        cold, warm = base
        print(f"(growth against 1x: divide by {cold:.1f} ms cold and {warm:.2f} ms warm)")
    return loaded


SEARCHES = ("hipaa", "nursing home licence", "certfication")  # one word, several words, a typo
TARGET_SEARCH_MS = 50.0


def search_table(paths: dict[int, Path], runs: int, quick: bool, largest: int) -> bool:
    """In-process time of `search.search` (index built from scratch each time) per size; True when
    the target holds at the largest size."""
    from hsm_guide import search

    print(f"{'size':>5} " + " ".join(f"{q!r:>24}" for q in SEARCHES))
    worst = None
    for factor, path in paths.items():
        kb = knowledge.load_cached(path)  # warmed by the growth table
        times = [median_ms(partial(search.search, kb, q), runs) for q in SEARCHES]
        print(f"{factor:>4}x " + " ".join(f"{t:>21.1f} ms" for t in times))
        worst = max(times) if factor == largest else worst
    if worst is None:
        print(f"search at {largest}x: ERROR not measured (the knowledge base did not load)")
        return False
    verdict = "(quick: not judged)" if quick else "PASS" if worst <= TARGET_SEARCH_MS else "MISS"
    print(f"search at {largest}x: slowest median {worst:.1f} ms (target <= {TARGET_SEARCH_MS:.0f} ms) {verdict}")
    return verdict != "MISS"


def wall_ratio(path: Path | None, pairs: int, scratch: str, quick: bool, largest: int) -> bool:
    """The largest knowledge base's `duties` against the Typer + Rich floor, warm; True when the target holds."""
    label = f"hsm-guide --data FILE duties at {largest}x"
    if path is None:
        print(f"{label}: ERROR not measured (the knowledge base did not load)")
        return False
    target = Target(("--data", str(path), "duties"), TARGET_20X, "framework")
    env = environment(no_cache=False, scratch=scratch)
    launcher = Launcher(env)
    try:
        result = measure(label, target, FLOORS["framework"], launcher, pairs, warm_up=0 if quick else WARM_UP)
    except CommandFailed as exc:
        print(f"{label}: ERROR {exc}")
        return False
    finally:
        launcher.close()
    verdict = "(quick: not judged)" if quick else "PASS" if result.ratio <= TARGET_20X else "MISS"
    print(
        f"hsm-guide --data {path.name} duties: {result.ms:.1f} ms against the floor's {result.floor_ms:.1f} ms, "
        f"{result.ratio:.2f}x (target <= {TARGET_20X:.2f}x) {verdict}; peak {result.peak:.1f} MiB "
        f"({result.peak - result.floor_peak:+.1f} MiB)"
    )
    if not any(Path(env["XDG_CACHE_HOME"]).rglob("kb-*")):
        print("ERROR: the command wrote no cache entry, so it was not warm (is the CLI on load_cached?)")
        return False
    return verdict != "MISS"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=15, help="in-process runs per measurement (default 15)")
    parser.add_argument(
        "--pairs", type=int, default=MIN_PAIRS, help=f"floor/command pairs at 20x (default {MIN_PAIRS})"
    )
    parser.add_argument("--quick", action="store_true", help="every measurement once, no target judged")
    args = parser.parse_args(argv)
    runs, pairs = (1, 1) if args.quick else (max(args.runs, 3), max(args.pairs, MIN_PAIRS))
    scratch = tempfile.mkdtemp(prefix="hsm-guide-scale-")
    os.environ["XDG_CACHE_HOME"] = os.path.join(scratch, "in-process-cache")  # never the user's cache
    os.environ.pop("HSM_GUIDE_NO_CACHE", None)
    try:
        folder = Path(scratch)
        factors = QUICK_FACTORS if args.quick else FACTORS
        paths = {factor: generate(folder, factor) for factor in factors}
        print(f"Python {sys.version.split()[0]}; in-process medians of {runs} runs (fewer cold runs at 5x, 20x)")
        loaded = growth_table(paths, runs, args.quick)
        ok = len(loaded) == len(paths)
        print()
        ok &= search_table(loaded, max(1, runs // 3), args.quick, factors[-1])
        print()
        ok &= wall_ratio(loaded.get(factors[-1]), pairs, scratch, args.quick, factors[-1])
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
