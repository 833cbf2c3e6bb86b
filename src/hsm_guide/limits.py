"""Limits that keep a hostile knowledge base from costing time or memory.

The shipped knowledge base is ~90 KB, ~6,000 values and 6 levels deep.
"""

MAX_BYTES = 16 * 1024 * 1024
MAX_VALUES = 1_000_000  # counted after expanding YAML aliases (a "billion laughs" file)
MAX_DEPTH = 64
