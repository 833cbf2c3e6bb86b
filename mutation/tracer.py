"""A pytest plugin for mutation/run.py's map, active only under MUTATION_MAP=FOLDER: for each test,
the functions of the package's source it ran (by file and outermost qualified name) and how long it
took; each process writes its own file in FOLDER. A change here needs `run.py --remap`.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import CodeType, FrameType
from typing import Any

import pytest

from mutation.keys import function_key

MAP_VAR = "MUTATION_MAP"
SOURCE_VAR = "MUTATION_SOURCE"  # the folder whose code is recorded (the copy's src/)


class Recorder:
    """Which functions each test runs: a call-only trace (no line events), so the suite runs at near full speed."""

    def __init__(self, folder: Path, source: str) -> None:
        self.folder = folder
        self.source = source
        self.codes: set[CodeType] = set()
        self.tests: dict[str, dict[str, Any]] = {}

    def _trace(self, frame: FrameType, event: str, arg: Any) -> None:
        self.codes.add(frame.f_code)

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_protocol(self, item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
        self.codes.clear()
        os.environ["MUTATION_TEST"] = item.nodeid  # for the child processes a test starts (child/sitecustomize.py)
        started = time.perf_counter()
        threading.settrace(self._trace)
        sys.settrace(self._trace)
        try:
            yield
        finally:
            sys.settrace(None)
            threading.settrace(None)  # type: ignore[arg-type,unused-ignore]
            os.environ.pop("MUTATION_TEST", None)
        keys = {k for c in self.codes if (k := function_key(c, self.source))}
        self.tests[item.nodeid] = {"seconds": round(time.perf_counter() - started, 3), "functions": sorted(keys)}

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        if self.tests:
            (self.folder / f"tests-{os.getpid()}.json").write_text(json.dumps(self.tests), encoding="utf-8")


def pytest_configure(config: pytest.Config) -> None:
    folder = os.environ.get(MAP_VAR)
    if folder:
        config.pluginmanager.register(Recorder(Path(folder), os.environ[SOURCE_VAR]), "mutation-recorder")
