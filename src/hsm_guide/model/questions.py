"""How `search` reads a question: filler words, synonyms and the rules that lead to an answer.

Kept as data (the `questions:` section of the knowledge base) so that a new way of asking
is an edit to the YAML, not to the code. A rule names the view its answer leads to; the
figures in an answer come from the knowledge base and the wage extract, with their sources.
"""

from __future__ import annotations

from typing import Annotated, Literal

from msgspec import Meta

from ..record import Record
from .common import SourceId

Word = Annotated[str, Meta(pattern=r"^[a-z0-9][a-z0-9']*$")]
Words = Annotated[list[Word], Meta(min_length=1)]

# What an answer card shows; the rule's view says where to read on.
#   pay: the median nationally or in the place the question names, and in nursing care facilities;
#   timeline: how long a route in takes; degrees / occupations: two side by side;
#   certifications: those suited to the setting named; key-points: the view's key points;
#   term: the glossary's entry for the term the question names;
#   route: the background's (else the setting's) first steps in short and how long it takes;
#   degree-length: how long the degree named takes; credential-cost / -eligibility / -renewal:
#   those facts of the credential named (its main facts where the data has none), credential: its main facts.
Answer = Literal[
    "pay",
    "timeline",
    "degrees",
    "occupations",
    "certifications",
    "key-points",
    "term",
    "route",
    "degree-length",
    "credential",
    "credential-cost",
    "credential-eligibility",
    "credential-renewal",
]
Needs = Literal["place", "two-degrees", "two-occupations", "setting", "term", "background", "degree", "credential"]


class Rule(Record, frozen=True, kw_only=True):
    """When a question leads with an answer: every group in `when` has a word in the question
    (after synonyms), and whatever `needs` names was recognized in it."""

    name: Annotated[str, Meta(pattern=r"^[a-z][a-z0-9-]*$")]
    when: list[Words] = []
    needs: list[Needs] = []
    answer: Answer
    view: Annotated[str, Meta(pattern=r"^[a-z][a-z0-9-]*$")]  # the view the answer leads to
    # the full command, with {place}, {setting}, {background}, {credential}; default: the view
    command: str | None = None
    industries: list[Annotated[str, Meta(pattern=r"^[0-9]{6}$")]] = []  # pay: also these industries, nationally
    sources: list[SourceId] = []  # where the rule itself states a fact


class Questions(Record, frozen=True, kw_only=True):
    filler: list[Word]  # words a question carries that no passage is searched for
    synonyms: list[Annotated[list[Word], Meta(min_length=2)]]  # the first word of a group names it
    rules: list[Rule]
