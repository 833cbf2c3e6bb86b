"""Did you mean: the one helper every "unknown X" message uses for its suggestion."""

from __future__ import annotations

from collections.abc import Iterable


def close(word: str, choices: Iterable[str], n: int = 1, cutoff: float = 0.6) -> list[str]:
    """The choices `word` begins (`cert`: certifications), else the nearest by spelling; each as given."""
    import difflib

    by_key = {c.casefold(): c for c in choices}
    typed = word.strip().casefold()
    found = [k for k in by_key if len(typed) >= 2 and k.startswith(typed)][:n]
    if not found:
        found = difflib.get_close_matches(typed, list(by_key), n=n, cutoff=cutoff)
    return [by_key[m] for m in found]


def hint(word: str, choices: Iterable[str], n: int = 1, cutoff: float = 0.6) -> str:
    """The "; did you mean 'x'?" to append to an error message, or "" when nothing is close."""
    found = close(word, choices, n, cutoff)
    quoted = " or ".join(f"'{f}'" for f in found)
    return f"; did you mean {quoted}?" if found else ""
