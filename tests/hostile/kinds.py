"""The kinds of hostile case: each a generator of Cases from a seeded random source."""

from __future__ import annotations

import os
import random
import signal
from collections.abc import Iterator
from pathlib import Path

from .harness import ENTRY, Case, Result, base_env

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data" / "occupation.yaml"
COMMANDS = ["overview", "duties", "pay", "settings", "certifications", "path", "explain", "search", "sections",
            "related", "fit", "export", "validate", "cache", "day", "sources", "outlook", ""]  # fmt: skip
OPTIONS = ["--area", "--year", "--hourly", "--states", "--metros", "--industry", "--history", "--salary", "--brief",
           "--from", "--setting", "--format", "-f", "--json", "--pager", "-o", "--force", "--data", "--answers",
           "--limit", "--section", "--help", "--version", "--", "-", "--data="]  # fmt: skip
HOSTILE = ["", " ", "-", "--", "0", "-1", "99999999999999999999", "1e309", "nan", "OH", "boston", "all", "x" * 5000,
           "\x1b[31mred", "[bold]b[/bold]", "\u202egnp.exe", "é\u0301", "\x00", "\n", "$(rm -rf ~)", "../../etc/passwd",
           "%s%n", "💥", "a\tb", "\udcff"]  # fmt: skip


def _word(rng: random.Random, folder: Path) -> str:
    pick = rng.random()
    if pick < 0.3:
        return rng.choice(OPTIONS)
    if pick < 0.45:
        return str(folder / "out" / rng.choice(["a.md", "b.html", "c.json", "d.svg", "e.txt", "f.pdf", "x" * 240]))
    if pick < 0.7:
        return rng.choice(HOSTILE)
    return "".join(chr(rng.choice([rng.randint(32, 126), rng.randint(0, 0x2FFF)])) for _ in range(rng.randint(1, 12)))


def arguments(rng: random.Random, n: int, folder: Path) -> Iterator[Case]:
    (folder / "out").mkdir(exist_ok=True)
    for _ in range(n):
        argv = [rng.choice(COMMANDS)] + [_word(rng, folder) for _ in range(rng.randint(0, 6))]
        argv = [a for a in argv if a] or ["--version"]
        argv = [a.replace("\x00", "") if "\x00" in a else a for a in argv]  # argv cannot carry NUL
        yield Case("arguments", argv, stdin=rng.choice([b"", b"3\n" * 20, "closed", None]), folder=folder)


def queries(rng: random.Random, n: int, folder: Path) -> Iterator[Case]:
    words = ["how", "much", "pay", "nurse", "ohio", "in", "the", "hipaa", "license", "vs", "boston", "cphq", "?",
             "a" * 300, "年収", "\u202e", "\x1b]8;;http://x\x1b\\", "*", ".*", "(", "[", "\\", "'", '"']  # fmt: skip
    for _ in range(n):
        query = [rng.choice(words + HOSTILE[1:]) for _ in range(rng.randint(1, 30))]
        query = [q.replace("\x00", "") for q in query if q.replace("\x00", "")] or ["?"]
        extra = rng.choice([[], ["--limit", str(rng.randint(1, 50))], ["--section", rng.choice(COMMANDS)], ["--json"]])
        yield Case("queries", ["search", *query, *extra], folder=folder)


def _mutated(rng: random.Random) -> str:
    text = DATA.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    choice = rng.randrange(10)
    if choice == 0:  # aliases that multiply text
        size = rng.choice([1000, 50_000, 400_000])
        return (
            text
            + f"x_anchor: &t '{'w' * size}'\nx_many: &m [{', '.join(['*t'] * 64)}]\n"
            + (f"x_more: [{', '.join(['*m'] * 64)}]\n")
        )
    if choice == 1:  # a duplicate key in a flow mapping
        return text.replace("{id: ", "{id: dup, id: ", 1)
    if choice == 2:  # a huge whole number
        return text.replace("schema_version: 1", f"schema_version: {'9' * rng.choice([20, 4301, 50_000])}", 1)
    if choice == 3:  # a control or space character in an address
        odd = rng.choice(["\\x1b[2J", "\\x07", " a", "\\u202e", "\\x85"])
        return text.replace('url: "https://', f'url: "https://{odd}', 1)
    if choice == 4:  # nesting
        depth = rng.choice([60, 70, 5000])
        return text + "x_deep: " + "[" * depth + "]" * depth + "\n"
    if choice == 5:  # bytes flipped
        raw = bytearray(text.encode())
        for _ in range(rng.randint(1, 20)):
            raw[rng.randrange(len(raw))] = rng.randrange(256)
        return raw.decode("utf-8", "surrogateescape")
    if choice == 6:
        return "".join(lines[: rng.randrange(len(lines))])
    if choice == 7:  # a merge key, a tag, another document
        return text + rng.choice(["x: &b {a: 1}\ny:\n  <<: *b\n", "x: !!python/name:os.system\n", "---\na: 1\n"])
    if choice == 8:  # a line moved
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
        return "".join(lines)
    return text.replace(": ", ": .inf #", 1) if rng.random() < 0.5 else text.replace("\n", "\n ", 1)


def knowledge(rng: random.Random, n: int, folder: Path) -> Iterator[Case]:
    for i in range(n):
        kb = folder / f"kb{i}" / "kb.yaml"
        kb.parent.mkdir(exist_ok=True)
        kb.write_bytes(_mutated(rng).encode("utf-8", "surrogateescape"))
        command = rng.choice([["overview"], ["pay"], ["validate"], ["search", "pay"], ["duties", "-f", "html"]])
        yield Case("knowledge", ["--data", str(kb), *command], folder=folder)


def _same_as_fresh(folder: Path, argv: list[str], env: dict[str, str]) -> object:
    import subprocess
    import sys

    fresh = subprocess.run(
        [sys.executable, "-c", ENTRY, *argv],
        env={**base_env(folder), **env, "HSM_GUIDE_NO_CACHE": "1"},
        capture_output=True,
        cwd=folder,
        check=False,
    ).stdout

    def check(result: Result) -> list[str]:
        return [] if result.stdout == fresh else ["the cached output differs from a fresh run"]

    return check


def _damage(rng: random.Random, cache: Path) -> None:
    entries = [p for p in cache.rglob("*") if p.is_file() and p.name != "CACHEDIR.TAG"]
    if not entries:
        return
    entry = rng.choice(entries)
    blob = entry.read_bytes()
    how = rng.randrange(8)
    if how == 0:
        entry.write_bytes(blob[: rng.randrange(len(blob) + 1)])
    elif how == 1:
        raw = bytearray(blob)
        raw[rng.randrange(len(raw))] ^= 0xFF
        entry.write_bytes(bytes(raw))
    elif how == 2:
        entry.write_bytes(blob[:40] + os.urandom(rng.randint(0, 5000)))
    elif how == 3:
        entry.chmod(0o666)
    elif how == 4:
        entry.unlink()
        entry.symlink_to(rng.choice(entries) if len(entries) > 1 else "/dev/zero")
    elif how == 5:
        entry.unlink()
        os.mkfifo(entry)
    elif how == 6:
        other = rng.choice(entries)
        if other != entry and other.is_file():
            entry.write_bytes(other.read_bytes())  # another key's entry under this name
    else:
        (cache / "CACHEDIR.TAG").write_bytes(b"Signature: 8a477f597d28d172789f06886806bc55\n")


def cache(rng: random.Random, n: int, folder: Path) -> Iterator[Case]:
    """Warm a cache, damage one entry, run again: the output is what a run without a cache prints."""
    own = folder / "cache"
    foreign = folder / "documents"
    foreign.mkdir(exist_ok=True)
    for name in ("notes.txt", "kb-budget.bin", ".old.tmp"):
        (foreign / name).write_bytes(b"mine")
    kept = {p.name: p.read_bytes() for p in foreign.iterdir()}

    def untouched(result: Result) -> list[str]:
        now = {p.name: p.read_bytes() for p in foreign.iterdir() if p.is_file()}
        return [] if now == kept else ["a folder of the user's files was changed"]

    pages = [["duties"], ["pay", "--area", "OH"], ["search", "hipaa"], ["certifications", "CPHQ"], ["day"]]
    for i in range(n):
        argv = rng.choice(pages)
        env = {"HSM_GUIDE_CACHE_DIR": str(own)}
        yield Case("cache", argv, env=env, folder=folder)  # warms it
        if own.exists():
            _damage(rng, own)
        check = _same_as_fresh(folder, argv, env)
        yield Case("cache", argv, env=env, checks=[check], folder=folder)  # type: ignore[list-item]
        if i % 4 == 0:
            action = rng.choice(["clear", "path"])
            yield Case("cache", ["cache", action], env={"HSM_GUIDE_CACHE_DIR": str(foreign)}, checks=[untouched])
            yield Case("cache", argv, env={"HSM_GUIDE_CACHE_DIR": str(foreign)}, checks=[untouched])


def concurrency(rng: random.Random, n: int, folder: Path) -> Iterator[Case]:
    """Several writers of one new file at once, without --force: exactly one succeeds, and the
    file is whole; several first runs filling one empty cache at once all print the page."""
    for i in range(n):
        copies = rng.randint(2, 6)
        if rng.random() < 0.5:
            target = folder / f"race{i}" / rng.choice(["page.md", "page.html", "page.txt"])
            target.parent.mkdir(exist_ok=True)
            argv = [rng.choice(["day", "duties", "pay"]), "-o", str(target)]
            yield Case("concurrency", argv, copies=copies, checks=[_one_winner(target)], folder=folder)
        else:
            env = {"HSM_GUIDE_CACHE_DIR": str(folder / f"cache{i}")}
            argv = [rng.choice(["day", "duties", "pay"])]
            yield Case("concurrency", argv, env=env, copies=copies, checks=[_all_alike], folder=folder)


def _one_winner(target: Path) -> object:
    def check(result: Result) -> list[str]:
        statuses = sorted(r.status or 0 for r in [result, *result.others])
        found = [] if statuses.count(0) == 1 else [f"{statuses.count(0)} writers reported success"]
        losers = [r for r in [result, *result.others] if r.status == 1]
        if any("already exists" not in r.stderr for r in losers):
            found.append("a writer that lost did not say the file exists")
        return found + _whole_or_absent(target)(result)  # type: ignore[operator]

    return check


def _all_alike(result: Result) -> list[str]:
    outputs = {r.stdout for r in [result, *result.others]}
    return [] if len(outputs) == 1 else ["writers filling one cache printed different pages"]


def signals(rng: random.Random, n: int, folder: Path) -> Iterator[Case]:
    """SIGINT, SIGTERM or SIGHUP at a random moment of an export: the file whole or absent, nothing left."""
    for i in range(n):
        signum = rng.choice([signal.SIGINT, signal.SIGTERM, signal.SIGHUP])
        target = folder / f"sig{i}" / rng.choice(["all.html", "all.md", "all.json", "x" * 230 + ".md"])
        target.parent.mkdir(exist_ok=True)
        argv = rng.choice([["export", "all", "-o", str(target)], ["fit"], ["pay", "--states", "-o", str(target)]])
        stdin = b"" if argv[0] != "fit" else b"3\n"  # fit waits for the rest of its answers
        check = _whole_or_absent(target)
        yield Case("signals", argv, send=(signum, rng.uniform(0.0, 1.2)), stdin=stdin, checks=[check], folder=folder)


def _whole_or_absent(target: Path) -> object:
    def check(result: Result) -> list[str]:
        if not target.exists():
            return []
        text = target.read_bytes()
        whole = text.rstrip().endswith((b"</html>", b"}", b"]")) or text.endswith(b"\n")
        return [] if whole else [f"a partial file: {target.name} ends {text[-40:]!r}"]

    return check


ENVIRONMENTS = {
    "PYTHONIOENCODING": ["ascii", "latin-1", "utf-16", "utf-8", "cp1252", "utf-32"],
    "LANG": ["C", "POSIX", "en_US.UTF-8", "tr_TR.UTF-8", "garbage"],
    "LC_ALL": ["C", "", "POSIX"],
    "TERM": ["dumb", "xterm-256color", "", "unknown"],
    "COLUMNS": ["0", "1", "5", "40", "100000", "-3", "abc"],
    "NO_COLOR": ["1", ""],
    "FORCE_COLOR": ["1", ""],
    "HSM_GUIDE_CACHE_DIR": ["relative", "/dev/null", "/proc/nowhere"],
    "HOME": ["", "/nonexistent"],
    "HSM_GUIDE_NO_CACHE": ["1", "0"],
}


def environments(rng: random.Random, n: int, folder: Path) -> Iterator[Case]:
    """Odd variables and streams; each case run twice, so the second is served from the cache."""
    for _ in range(n):
        env = {k: rng.choice(v) for k, v in ENVIRONMENTS.items() if rng.random() < 0.3}
        argv = rng.choice([["duties"], ["pay", "--states"], ["day"], ["search", "pay", "ohio"], ["--help"], []])
        stdout = rng.choice([None, None, None, "closed", "/dev/full"])
        stdin = rng.choice([b"", "closed"])
        checks = [_ascii_when_asked(env)] if stdout is None else []
        if stdout is None:
            checks.append(_replays_the_same(folder, argv, env))  # type: ignore[arg-type]
        yield Case("environments", argv, env=env, stdin=stdin, stdout=stdout, checks=checks, folder=folder)


def _without_link_ids(text: bytes) -> bytes:
    """Rich numbers each terminal hyperlink (OSC 8 `id=`) at random, run by run."""
    import re

    return re.sub(rb"\x1b\]8;id=[0-9]+;", b"\x1b]8;;", text)


def _ascii_when_asked(env: dict[str, str]) -> object:
    encoding = env.get("PYTHONIOENCODING", "utf-8").replace("-", "")

    def check(result: Result) -> list[str]:
        if encoding in ("ascii", "latin1", "cp1252") and not result.stdout.isascii():
            return [f"non-ASCII on a {encoding} stream"]
        return []

    return check


def _replays_the_same(folder: Path, argv: list[str], env: dict[str, str]) -> object:
    import subprocess
    import sys

    def check(result: Result) -> list[str]:
        again = subprocess.run(
            [sys.executable, "-c", ENTRY, *argv], env={**base_env(folder), **env}, capture_output=True, cwd=folder
        )
        same = _without_link_ids(again.stdout) == _without_link_ids(result.stdout)
        return [] if same else ["a second (cached) run printed other bytes"]

    return check


KINDS = {
    "arguments": arguments,
    "queries": queries,
    "knowledge": knowledge,
    "cache": cache,
    "concurrency": concurrency,
    "signals": signals,
    "environments": environments,
}
