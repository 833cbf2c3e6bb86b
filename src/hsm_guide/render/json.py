"""Blocks to JSON: the same content the terminal shows, with figures kept numeric."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from typing import Any

from ..blocks import Document

SCHEMA_VERSION = 1


def _block(block: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"type": type(block).__name__.lower()}
    out.update(dataclasses.asdict(block))
    return out


def document_dict(doc: Document) -> dict[str, Any]:
    return {"name": doc.name, "title": doc.title, "blocks": [_block(b) for b in doc.blocks]}


def render(docs: Sequence[Document]) -> str:
    """One JSON document whatever the number of sections, UTF-8, not ASCII-escaped."""
    payload = {"schema_version": SCHEMA_VERSION, "sections": [document_dict(d) for d in docs]}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
