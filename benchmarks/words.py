"""The English word list `search` uses to never "correct" a real word (issue 19), and a long question.

    python benchmarks/words.py [--runs N] [--quick]

Measures, with the interpreter hsm-guide is installed in, each in a fresh process (median of runs):
- what each candidate package costs to import and to answer its first look-up: pyspellchecker
  (`SpellChecker().known(...)`), wordfreq (`zipf_frequency`) and symspellpy (loading its English
  dictionary); a package that is not installed is left out (only pyspellchecker is a dependency);
- what the guide pays: reading pyspellchecker's list itself (its gzip JSON, no import of the package),
  and reading the list back from the cache beside the knowledge base (the entry of one word's first two letters);
- a first-time question with a word the guide does not hold ("bedside"), in process, cache warm;
- a 10,000-word question, in process: the question is read up to its cut (words.MOST_WORDS);
  target: LONG_TARGET_MS (issue 19: "within a second or two").
Exits 1 when the guide's own way of reading the list fails or the target is missed; --quick runs
each measure once, as the test suite does, to show the script still works (no timing judged there).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence

CANDIDATES = {
    "pyspellchecker": "from spellchecker import SpellChecker; SpellChecker().known(['bedside'])",
    "wordfreq": "from wordfreq import zipf_frequency; zipf_frequency('bedside', 'en')",
    "symspellpy": (
        "import importlib.resources as r, symspellpy; s = symspellpy.SymSpell(); "
        "s.load_dictionary(str(r.files('symspellpy') / 'frequency_dictionary_en_82_765.txt'), 0, 1)"
    ),
    "the guide, from the package's file": (
        "import gzip, json, os, importlib.util as u; "
        "p = os.path.join(u.find_spec('spellchecker').submodule_search_locations[0], 'resources', 'en.json.gz'); "
        "json.loads(gzip.open(p).read())"
    ),
}


def process_ms(statement: str, runs: int) -> float | None:
    """Wall time of `python -c statement` less `python -c pass`, in milliseconds (median of runs)."""
    found = []
    for _ in range(runs):
        times = []
        for code in ("pass", statement):
            start = time.perf_counter()
            done = subprocess.run([sys.executable, "-c", code], capture_output=True, check=False)
            times.append(time.perf_counter() - start)
            if done.returncode != 0:
                return None
        found.append((times[1] - times[0]) * 1000)
    return statistics.median(found)


def in_process_ms(call: object, runs: int) -> float:
    found = []
    for _ in range(runs):
        start = time.perf_counter()
        call()  # type: ignore[operator]
        found.append((time.perf_counter() - start) * 1000)
    return statistics.median(found)


LONG_TARGET_MS = 2000.0
GUIDE = "the guide, from the package's file"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="each measure once; no target judged")
    args = parser.parse_args(argv)
    if args.quick:
        args.runs = 1
    failed = False
    print("import and first look-up, in a fresh process (less bare Python start-up):")
    for name, statement in CANDIDATES.items():
        cost = process_ms(statement, args.runs)
        print(f"  {name:<36} {'not installed' if cost is None else f'{cost:7.1f} ms'}")
        if cost is None and name == GUIDE:
            print(f"ERROR: {GUIDE} could not read the word list")
            failed = True

    from hsm_guide import search
    from hsm_guide.cache import knowledge
    from hsm_guide.knowledge import packaged_data_path
    from hsm_guide.search import dictionary

    path = packaged_data_path()
    kb = knowledge.load_cached(path)
    search.search(kb, "bedside")  # fills the caches: the index, the place names, the word list
    shard = in_process_ms(lambda: (dictionary._SHARDS.clear(), dictionary.counts(kb, ["bedside"])), args.runs)
    print(f"the word list read back from the cache, the entry of one word's first two letters: {shard:.1f} ms")
    asked = in_process_ms(lambda: search.search(kb, "is management more stressful than bedside nursing"), args.runs)
    print(f"a question with a word the guide lacks, in process: {asked:.1f} ms")
    long = " ".join(["salary", "in", "ohio"] + ["nursing"] * 9_997)
    took = in_process_ms(lambda: search.search(kb, long), args.runs)
    verdict = "" if args.quick else (" (target met)" if took <= LONG_TARGET_MS else " MISS")
    print(f"a 10,000-word question, in process: {took:.1f} ms; target {LONG_TARGET_MS:.0f} ms{verdict}")
    return 1 if failed or (not args.quick and took > LONG_TARGET_MS) else 0


if __name__ == "__main__":
    sys.exit(main())
