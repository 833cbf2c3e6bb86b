"""A pytest plugin for mutation/run.py, active only under MUTATION_SELECT=FILE: only the tests whose
ids the file lists (one per line) run, in the file's order."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


class Selector:
    def __init__(self, wanted: dict[str, int]) -> None:
        self.wanted = wanted

    def pytest_collection_modifyitems(self, config: pytest.Config, items: list[pytest.Item]) -> None:
        kept = sorted((i for i in items if i.nodeid in self.wanted), key=lambda i: self.wanted[i.nodeid])
        dropped = [i for i in items if i.nodeid not in self.wanted]
        if dropped:
            config.hook.pytest_deselected(items=dropped)
        items[:] = kept


def pytest_configure(config: pytest.Config) -> None:
    select = os.environ.get("MUTATION_SELECT")
    if select:
        listed = Path(select).read_text(encoding="utf-8").splitlines()
        config.pluginmanager.register(Selector({test: n for n, test in enumerate(listed)}), "mutation-selector")
