"""The typo-correction step of `search`: difflib (standard library) against rapidfuzz (issue 14).

    python benchmarks/fuzzy.py [--repeat N] [--quick]

Measures, with the interpreter hsm-guide is installed in:
- import cost: `python -X importtime -c "import re; import difflib"` against `... "import re;
  import rapidfuzz.process, rapidfuzz.fuzz"`: the cumulative microseconds of the top-level imports
  after `re`, which search.py has already loaded (median of several runs);
- time per query: the correction search makes for a word no passage holds, over the shipped
  vocabulary (every word of every passage, as search.py builds it): difflib.get_close_matches(word,
  vocabulary, n=1, cutoff=0.75) against rapidfuzz.process.extractOne(word, vocabulary,
  scorer=fuzz.ratio, score_cutoff=75);
- what each suggests for the same typos, so that a faster library is not a worse one.

rapidfuzz is not a dependency of hsm-guide; without it installed, only difflib is measured. It
holds no timing target (it informs the choice of library); it exits 1 when it cannot measure
difflib, and where rapidfuzz is installed, when the two suggest different words (the choice rests
on their agreeing). --quick measures once; the test suite runs it, so a broken benchmark is caught.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence

TYPOS = ["certfication", "licnse", "nursng", "adminstrator", "salery", "hospitl", "medcal", "oewss", "zzyzx", "teaxs"]
# What each adds to a process that already imported `re` (search.py does, for its word pattern).
IMPORTS = {"difflib": "import difflib", "rapidfuzz": "import rapidfuzz.process, rapidfuzz.fuzz"}


def import_us(statement: str, runs: int = 7) -> float | None:
    """The cumulative import time of `statement`'s modules, in microseconds (median of runs)."""
    found = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", f"import re; {statement}"], capture_output=True, text=True
        )
        if done.returncode != 0:
            return None
        lines = done.stderr.splitlines()
        # after `re`, or after `site` where a sitecustomize loaded `re` before the command ran
        after = max(i for i, line in enumerate(lines) if line.endswith(("| re", "| site")))
        total = 0
        for line in lines[after + 1 :]:
            fields = line.split("|")
            if len(fields) == 3 and not fields[2].startswith("  "):  # a top-level import: its cumulative time
                total += int(fields[1])
        found.append(total)
    return statistics.median(found)


def vocabulary() -> list[str]:
    from hsm_guide import search
    from hsm_guide.knowledge import load, packaged_data_path

    kb = load(packaged_data_path())
    words: set[str] = set()
    for p in search.passages(kb):
        words |= p.words | p.context
    return sorted(words)


def per_query_us(correct: Callable[[str], str | None], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for word in TYPOS:
            correct(word)
        times.append((time.perf_counter() - start) / len(TYPOS))
    return statistics.median(times) * 1e6


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--quick", action="store_true", help="one repeat and one import run")
    args = parser.parse_args(argv)
    runs = 1 if args.quick else 7
    if args.quick:
        args.repeat = 1
    import difflib

    vocab = vocabulary()
    if not vocab:
        print("fuzzy: the shipped knowledge base gave no vocabulary to correct against", file=sys.stderr)
        return 1
    print(f"vocabulary: {len(vocab):,} words (the shipped knowledge base's passages)")
    correctors: dict[str, Callable[[str], str | None]] = {
        "difflib": lambda w: next(iter(difflib.get_close_matches(w, vocab, n=1, cutoff=0.75)), None),
    }
    try:
        from rapidfuzz import fuzz, process

        def by_rapidfuzz(word: str) -> str | None:
            found = process.extractOne(word, vocab, scorer=fuzz.ratio, score_cutoff=75)
            return found[0] if found else None

        correctors["rapidfuzz"] = by_rapidfuzz
    except ImportError:
        print("rapidfuzz: not installed (pip install rapidfuzz to compare)")
    print(f"{'library':<10} {'import':>10} {'per query':>10}  suggestions")
    suggested = {}
    for name, correct in correctors.items():
        imported = import_us(IMPORTS[name], runs)
        if imported is None and name == "difflib":
            print("fuzzy: could not time importing difflib", file=sys.stderr)
            return 1
        cost = f"{imported / 1000:.1f} ms" if imported is not None else "-"
        suggested[name] = [correct(w) for w in TYPOS]
        listed = ", ".join(f"{w}->{s or '-'}" for w, s in zip(TYPOS, suggested[name], strict=True))
        print(f"{name:<10} {cost:>10} {per_query_us(correct, args.repeat) / 1000:>7.2f} ms  {listed}")
    if len(set(map(tuple, suggested.values()))) > 1:
        print("MISS: the libraries suggest different words; the choice of difflib rests on their agreeing")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
