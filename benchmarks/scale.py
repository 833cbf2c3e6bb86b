"""How loading grows with the knowledge base (issue 6): 1x, 5x and 20x, cold and warm.

    python benchmarks/scale.py [--runs N] [--pairs N]

Generates 5x and 20x copies of the shipped knowledge base in a temporary folder (1x is the
shipped file itself): every list and table repeated, guided by the schema (see `grow`), and
checked with knowledge.validate. Records named by an id, code, key or edition year are not repeated, since
those names must stay unique; repeated employer shares are divided so they still add up to at
most 100%; a list keeps to its schema's maximum length. Then prints in-process medians of
`knowledge.load` (cold: read, parse the YAML, validate) and `knowledge.load_cached` from a warm
cache, the in-process time of `hsm-guide search` at each size, and the wall-time ratio of
`hsm-guide --data FILE duties` at 20x to the Typer + Rich import floor once warm (see
startup.py for how pairs are run). Not a test: it exits 0.
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
from startup import FLOORS, MIN_PAIRS, CommandFailed, Launcher, environment, hsm_guide, measure

from hsm_guide import knowledge
from hsm_guide.cache import knowledge as cache
from hsm_guide.errors import DataError
from hsm_guide.model import KnowledgeBase

FACTORS = (1, 5, 20)
UNIQUE = frozenset({"id", "code", "key", "pay_year"})
SHARE = "percent"
CITATIONS = "sources"
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
            k: grow(v, fields[k], factor, repeat and k != CITATIONS) if k in fields else v for k, v in value.items()
        }
    if isinstance(info, mi.ListType) and isinstance(value, list):
        again = repeat and repeatable(info.item_type)
        items = [grow(v, info.item_type, factor, repeat and not again) for v in value]
        if not again:
            return items
        grown = [item for _ in range(factor) for item in items]
        if isinstance(info.item_type, mi.StructType) and SHARE in names(info.item_type):
            grown = [{**item, SHARE: round(item[SHARE] / factor, 3)} for item in grown]
        return grown[: info.max_length] if info.max_length is not None else grown
    return value


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


def growth_table(paths: dict[int, Path], runs: int) -> None:
    print(f"{'size':>5} {'YAML':>9} {'entry':>9} {'items':>6} {'cold load':>11} {'warm load':>11} {'speed-up':>8}")
    base: tuple[float, float] | None = None
    for factor, path in paths.items():
        summary = knowledge.validate(path)
        cold = median_ms(partial(knowledge.load, path), max(3, runs // (1 + factor // 5)))
        knowledge.load_cached(path)  # warm the entry
        warm = median_ms(partial(knowledge.load_cached, path), runs)
        base = base or (cold, warm)
        print(
            f"{factor:>4}x {path.stat().st_size / 1024:>6.0f} KB {entry_size(path) / 1024:>6.0f} KB {summary.items:>6} "
            f"{cold:>8.1f} ms {warm:>8.2f} ms {cold / warm:>7.0f}x"
        )
    if base is not None:
        cold, warm = base
        print(f"(growth against 1x: divide by {cold:.1f} ms cold and {warm:.2f} ms warm)")


SEARCHES = ("hipaa", "nursing home licence", "certfication")  # one word, several words, a typo
TARGET_SEARCH_MS = 50.0


def search_table(paths: dict[int, Path], runs: int) -> None:
    """In-process time of `search.search` (index built from scratch each time) per size."""
    from hsm_guide import search

    print(f"{'size':>5} " + " ".join(f"{q!r:>24}" for q in SEARCHES))
    for factor, path in paths.items():
        kb = knowledge.load(path)
        times = [median_ms(partial(search.search, kb, q), runs) for q in SEARCHES]
        print(f"{factor:>4}x " + " ".join(f"{t:>21.1f} ms" for t in times))
    worst = max(median_ms(partial(search.search, knowledge.load(paths[20]), q), runs) for q in SEARCHES)
    verdict = "PASS" if worst <= TARGET_SEARCH_MS else "MISS"
    print(f"search at 20x: slowest median {worst:.1f} ms (target <= {TARGET_SEARCH_MS:.0f} ms) {verdict}")


def wall_ratio(path: Path, pairs: int, scratch: str) -> None:
    env = environment(no_cache=False, scratch=scratch)
    argv = [*hsm_guide(), "--data", str(path), "duties"]
    launcher = Launcher(env)
    try:
        result = measure("duties at 20x", argv, FLOORS["framework"], launcher, pairs)
    except CommandFailed as exc:
        print(f"hsm-guide --data FILE duties at 20x: ERROR {exc}")
        return
    finally:
        launcher.close()
    verdict = "PASS" if result.ratio <= TARGET_20X else "MISS"
    print(
        f"hsm-guide --data {path.name} duties: {result.ms:.1f} ms against the floor's {result.floor_ms:.1f} ms, "
        f"{result.ratio:.2f}x (target <= {TARGET_20X:.2f}x) {verdict}; peak {result.peak:.1f} MiB "
        f"({result.peak - result.floor_peak:+.1f} MiB)"
    )
    if not any(Path(env["XDG_CACHE_HOME"]).rglob("kb-*")):
        print("note: the command wrote no cache entry, so it was not warm (is the CLI on load_cached?)")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=15, help="in-process runs per measurement (default 15)")
    parser.add_argument(
        "--pairs", type=int, default=MIN_PAIRS, help=f"floor/command pairs at 20x (default {MIN_PAIRS})"
    )
    args = parser.parse_args(argv)
    scratch = tempfile.mkdtemp(prefix="hsm-guide-scale-")
    os.environ["XDG_CACHE_HOME"] = os.path.join(scratch, "in-process-cache")  # never the user's cache
    os.environ.pop("HSM_GUIDE_NO_CACHE", None)
    try:
        folder = Path(scratch)
        paths = {factor: generate(folder, factor) for factor in FACTORS}
        print(f"Python {sys.version.split()[0]}; in-process medians of {args.runs} runs (fewer cold runs at 5x, 20x)")
        try:
            growth_table(paths, max(args.runs, 3))
        except DataError as exc:
            print(f"a generated knowledge base is invalid: {exc}")
            return 0
        print()
        search_table(paths, max(3, args.runs // 3))
        print()
        wall_ratio(paths[20], max(args.pairs, MIN_PAIRS), scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
