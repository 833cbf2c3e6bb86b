"""Loaded by every Python process the mapping run starts (this folder is on its PYTHONPATH): a
command a test runs in a child process is recorded for that test too (see mutation/tracer.py)."""

import os

if os.environ.get("MUTATION_MAP") and os.environ.get("MUTATION_TEST"):
    import atexit
    import json
    import sys
    from types import CodeType, FrameType
    from typing import Any

    _codes: set[CodeType] = set()
    _test = os.environ["MUTATION_TEST"]

    def _trace(frame: FrameType, event: str, arg: Any) -> None:
        _codes.add(frame.f_code)

    def _write() -> None:
        sys.settrace(None)
        from mutation.keys import function_key  # the copy's root is on PYTHONPATH too

        keys = sorted({k for c in _codes if (k := function_key(c, os.environ["MUTATION_SOURCE"]))})
        if keys:
            path = os.path.join(os.environ["MUTATION_MAP"], f"child-{os.getpid()}.json")
            with open(path, "w", encoding="utf-8") as f:
                json.dump({"test": _test, "functions": keys}, f)

    atexit.register(_write)
    sys.settrace(_trace)
