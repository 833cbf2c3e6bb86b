"""How a function is named in the coverage map: its file and outermost qualified name."""

from __future__ import annotations

import os
from types import CodeType


def function_key(code: CodeType, source: str) -> str | None:
    """'src/hsm_guide/fit.py::scores' for code in a file under `source` (the copy's src folder), naming the
    outermost function that holds it; '<module>' for a module's own code; None for code elsewhere."""
    if not code.co_filename.startswith(source + os.sep):
        return None
    name = code.co_qualname.split(".<locals>", 1)[0]
    if name.startswith("<"):  # the module's own code, or a comprehension at module level
        name = "<module>"
    return f"{os.path.relpath(code.co_filename, os.path.dirname(source))}::{name}"
