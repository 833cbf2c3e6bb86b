"""Renderers: each turns section blocks into one output format."""

import re

# Characters that must never reach an output as themselves: C0 and C1 controls (escape
# sequences start with one) and the bidirectional embeddings, overrides and isolates that
# can make text display in an order other than the one it has. The plain left-to-right and
# right-to-left marks (U+200E, U+200F) are ordinary text. Tab and newline are left to each renderer.
UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
