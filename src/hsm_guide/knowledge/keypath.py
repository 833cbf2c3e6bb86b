"""A key path as a reader writes it: sources[3].id."""

from __future__ import annotations


def format_path(path: list[str | int]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out
