"""Limits that keep a hostile knowledge base from costing time or memory.

The shipped knowledge base is ~90 KB, ~6,000 values and 6 levels deep. Imports nothing:
the warm path reads MAX_BYTES too.
"""

MAX_BYTES = 16 * 1024 * 1024
MAX_VALUES = 1_000_000  # counted after expanding YAML aliases (a "billion laughs" file)
MAX_ALIAS_TEXT = 1024 * 1024  # characters YAML aliases may repeat beyond the file's own text
MAX_DEPTH = 64
MAX_INTEGER = 2**63 - 1  # a whole number is at most 19 digits long, either sign (what msgspec stores)
