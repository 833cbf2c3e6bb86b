"""The glossary: the field's terms and the figures' jargon, each explained and cited."""

from typing import Annotated

from msgspec import Meta

from ..record import Record
from .common import Sources, Text

TermKey = Annotated[str, Meta(pattern=r"^[a-z][a-z0-9-]*$")]


class Term(Record, frozen=True, kw_only=True):
    """One term: `hsm-guide explain KEY` (or any alias) prints it."""

    term: TermKey
    name: Text
    aliases: list[Text] = []  # other words a reader may type: matched case-insensitively
    text: Text
    example: Text | None = None
    see: Text | None = None  # a command to run next; validation checks it names a real one
    sources: Sources
