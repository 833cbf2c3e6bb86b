"""Loaded by every Python process the mapping run starts (this folder is on its PYTHONPATH): a
command a test runs in a child process is recorded for that test too (see mutation/tracer.py).
It imports only built-in modules before the command runs, so the command starts as it would
(a benchmark that times imports sees the same ones)."""

from __future__ import annotations

import os

if os.environ.get("MUTATION_MAP") and os.environ.get("MUTATION_TEST"):
    import atexit
    import sys

    _codes: set[object] = set()  # code objects
    _test = os.environ["MUTATION_TEST"]

    def _trace(frame, event, arg):  # type: ignore[no-untyped-def]
        _codes.add(frame.f_code)

    def _write() -> None:
        sys.settrace(None)
        import json

        from mutation.keys import function_key  # the copy's root is on PYTHONPATH too

        source = os.environ["MUTATION_SOURCE"]
        keys = sorted({k for c in _codes if (k := function_key(c, source))})  # type: ignore[arg-type]
        if keys:
            path = os.path.join(os.environ["MUTATION_MAP"], f"child-{os.getpid()}.json")
            with open(path, "w", encoding="utf-8") as f:
                json.dump({"test": _test, "functions": keys}, f)

    atexit.register(_write)
    sys.settrace(_trace)
