"""The base of every knowledge-base record: the YAML's and the wage extract's."""

from __future__ import annotations

from msgspec import Struct


class Record(Struct, forbid_unknown_fields=True, frozen=True, kw_only=True):
    """Base of every record: unknown keys are errors, values are immutable."""
