"""The wage extract's rows as the knowledge-base cache serves them: an occupation's rows decoded when first read.

The cached entry keeps each run of one occupation's rows (the extract lists an occupation's rows
together) as MessagePack of its own (cache/knowledge.py). Decoding every row is most of what loading
the entry costs (3,219 rows, about 5 ms in a fresh process), and most commands read only the guide's
own occupation (743 of them), so the others are decoded only when a page compares with them.

Every reader sees the rows the parsed extract gives, in its order. A run that does not decode as this
model's rows of its occupation (no entry this code writes: one planted under the right key) is a miss
found late: the rows are then parsed again from the extract's own bytes, as a miss would have been.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, overload

import msgspec

from .model import WageRow

Run = tuple[str, msgspec.Raw | None]  # an occupation's SOC code and its rows as stored, None: kept elsewhere


def runs(rows: Iterable[WageRow]) -> list[tuple[str, list[WageRow]]]:
    """The rows as runs of one occupation, in order (an occupation listed twice apart is two runs)."""
    found: list[tuple[str, list[WageRow]]] = []
    for row in rows:
        if not found or found[-1][0] != row.soc:
            found.append((row.soc, []))
        found[-1][1].append(row)
    return found


def of(rows: Sequence[WageRow], soc: str) -> Sequence[WageRow]:
    """One occupation's rows, in the extract's order: from a cached extract, only these are decoded."""
    return rows.of(soc) if isinstance(rows, Rows) else [r for r in rows if r.soc == soc]


class Rows(Sequence[WageRow]):
    """The rows of a cached extract, each run decoded when first read. A run stored as None is one of
    those `elsewhere` gives, in order, read when one is first wanted (None: they cannot be read); `parse`
    gives every row from the extract's bytes, for a run that cannot be read or does not decode."""

    def __init__(
        self,
        stored: list[Run],
        elsewhere: Callable[[], list[msgspec.Raw] | None],
        parse: Callable[[], Sequence[WageRow]],
    ) -> None:
        self._runs: list[tuple[str, msgspec.Raw | list[WageRow] | None]] = list(stored)
        self._elsewhere = elsewhere
        self._parse = parse
        self._of: dict[str, list[WageRow]] = {}
        self._all: list[WageRow] | None = None

    def of(self, soc: str) -> list[WageRow]:
        found = self._of.get(soc)
        if found is None:
            found = self._of[soc] = self._read(
                lambda: [r for i, run in enumerate(self._runs) if run[0] == soc for r in self._run(i)]
            )
        return found

    def _every(self) -> list[WageRow]:
        if self._all is None:
            self._all = self._read(lambda: [r for i in range(len(self._runs)) for r in self._run(i)])
        return self._all

    def _read(self, read: Callable[[], list[WageRow]]) -> list[WageRow]:
        try:
            return read()
        except _Undecodable:  # parsed again, every run is decoded: the second read cannot fail
            self._runs = [(soc, rows) for soc, rows in runs(self._parse())]
            self._of.clear()
            return read()

    def _run(self, i: int) -> list[WageRow]:
        soc, stored = self._runs[i]
        if isinstance(stored, list):
            return stored
        if stored is None:
            self._fetch()
            soc, stored = self._runs[i]
        assert isinstance(stored, msgspec.Raw)  # fetched: a stored run, not yet decoded
        rows = _decoded(soc, stored)
        if rows is None:
            raise _Undecodable
        self._runs[i] = (soc, rows)
        return rows

    def _fetch(self) -> None:
        """The runs kept elsewhere, in their places; _Undecodable when they cannot be read or do not fit."""
        missing = [i for i, (_, stored) in enumerate(self._runs) if stored is None]
        found = self._elsewhere()
        if found is None or len(found) != len(missing):
            raise _Undecodable
        for i, stored in zip(missing, found, strict=True):
            self._runs[i] = (self._runs[i][0], stored)

    def __iter__(self) -> Iterator[WageRow]:
        return iter(self._every())

    def __len__(self) -> int:
        return len(self._every())

    @overload
    def __getitem__(self, index: int) -> WageRow: ...

    @overload
    def __getitem__(self, index: slice) -> list[WageRow]: ...

    def __getitem__(self, index: int | slice) -> WageRow | list[WageRow]:
        return self._every()[index]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence):
            return NotImplemented
        return self._every() == list(other)

    __hash__ = None  # type: ignore[assignment]  # a list's equality, a list's unhashability

    def __repr__(self) -> str:
        return repr(self._every())


class _Undecodable(Exception):
    """A stored run that is not this model's rows of its occupation."""


def _decoded(soc: str, stored: msgspec.Raw) -> list[WageRow] | None:
    """A run's rows, each of its occupation; None for anything else."""
    try:
        rows: Any = msgspec.msgpack.decode(stored, type=list[WageRow])
    except (msgspec.DecodeError, msgspec.ValidationError, RecursionError, MemoryError):
        return None
    return rows if rows and all(r.soc == soc for r in rows) else None
