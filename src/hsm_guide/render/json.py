"""Blocks to JSON: the same content the terminal shows, with figures kept numeric."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ..blocks import Document

SCHEMA_VERSION = 1


def document_dict(doc: Document) -> dict[str, Any]:
    import msgspec

    # Structs to plain data: the "type" tag first, then every field, None included.
    return {"name": doc.name, "title": doc.title, "blocks": msgspec.to_builtins(doc.blocks)}


def render(docs: Sequence[Document]) -> str:
    """One JSON document whatever the number of sections, UTF-8, not ASCII-escaped."""
    payload = {"schema_version": SCHEMA_VERSION, "sections": [document_dict(d) for d in docs]}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
