"""The base of every knowledge-base record, the YAML's and the wage extract's, and the types both use."""

from typing import Annotated

from msgspec import Meta, Struct

# A web address: http or https, one line, no spaces, no control characters and no bidirectional
# overrides, any of which would reach a page or a terminal raw inside a link.
ADDRESS_PATTERN = r"^https?://[^\s\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]+\Z"
Address = Annotated[str, Meta(pattern=ADDRESS_PATTERN)]


class Record(Struct, forbid_unknown_fields=True, frozen=True, kw_only=True):
    """Base of every record: unknown keys are errors, values are immutable."""
