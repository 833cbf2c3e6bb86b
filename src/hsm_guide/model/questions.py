"""How `search` reads a question: filler words, synonyms and the rules that lead to an answer.

Kept as data (the `questions:` section of the knowledge base) so that a new way of asking
is an edit to the YAML, not to the code. A rule names the view its answer leads to; the
figures in an answer come from the knowledge base and the wage extract, with their sources.
"""

from typing import Annotated, Literal

from msgspec import Meta

from ..record import Record
from .common import SourceId

Word = Annotated[str, Meta(pattern=r"^[a-z0-9][a-z0-9']*$")]
Words = Annotated[list[Word], Meta(min_length=1)]

# What an answer card shows; the rule's view says where to read on.
#   pay: the median nationally or in the place the question names, and in the industries it names
#        (`industries` below), nationally; for a question about starting pay, the 10th percentile too;
#   ranking: the five best-paying states (or metro areas), or the five lowest-paying;
#   jobs: how many of these jobs there are, by each BLS program that counts them;
#   employers: the industries that employ the most of these managers;
#   timeline: how long a route in takes; degrees / occupations: two side by side (one named: alone,
#             or beside this occupation);
#   certifications: those suited to the setting named; key-points: the view's key points;
#   term: the glossary's entry for the term the question names;
#   organization: what the professional organization named is for; best-industries: the best-paying industries;
#   places: two areas' medians side by side; education-list: one list of the education section (`part`);
#   region-pay: the median in each state of the region named; rural-pay: the nonmetropolitan areas' range;
#   past-pay: the median in the year a past handbook edition gives pay for;
#   role: what the kind of manager the question names does, or that a job title it names is this occupation's;
#   route: the background's (else the setting's) first steps in short and how long it takes;
#   degree-length: how long the degree named takes; credential-cost / -eligibility / -renewal:
#   those facts of the credential named (its main facts where the data has none), credential: its main facts.
Answer = Literal[
    "pay",
    "ranking",
    "jobs",
    "employers",
    "timeline",
    "degrees",
    "occupations",
    "certifications",
    "key-points",
    "term",
    "role",
    "past-pay",
    "route",
    "degree-length",
    "credential",
    "credential-cost",
    "credential-eligibility",
    "credential-renewal",
    "region-pay",
    "rural-pay",
    "places",
    "education-list",
    "organization",
    "best-industries",
]
Needs = Literal[
    "place",
    "degree",
    "two-degrees",
    "two-occupations",
    "another-occupation",
    "setting",
    "term",
    "role",
    "past-year",
    "background",
    "credential",
    "region",
    "two-places",
    "organization",
]


class Rule(Record, frozen=True, kw_only=True):
    """When a question leads with an answer: every group in `when` has a word in the question
    (after synonyms), and whatever `needs` names was recognized in it."""

    name: Annotated[str, Meta(pattern=r"^[a-z][a-z0-9-]*$")]
    when: list[Words] = []
    needs: list[Needs] = []
    answer: Answer
    view: Annotated[str, Meta(pattern=r"^[a-z][a-z0-9-]*$")]  # the view the answer leads to
    command: str | None = None  # the full command, with {place}, {setting}, {background}, {credential}, {year}
    sources: list[SourceId] = []  # where the rule itself states a fact
    part: Literal["majors", "courses", "high_school", "postsecondary"] | None = None  # education-list: which list


Phrase = Annotated[str, Meta(pattern=r"^[a-z0-9']+( [a-z0-9']+)*$")]


class Place(Record, frozen=True, kw_only=True):
    """A name people use for a metro area that is not in BLS's name of it ("twin cities", "bay area");
    validation checks the area is in the wage extract."""

    names: Annotated[list[Phrase], Meta(min_length=1)]  # lower-case words, as a question has them
    area: Annotated[str, Meta(pattern=r"^[0-9]{7}$")]  # the BLS area code


class Region(Record, frozen=True, kw_only=True):
    """A region a question can name ("the midwest", "new england"): a pay card lists its states."""

    names: Annotated[list[Phrase], Meta(min_length=1)]  # lower-case words, as a question has them
    name: str  # as a card titles it: "the Midwest (Census region)"
    states: Annotated[list[Annotated[str, Meta(pattern=r"^[A-Z]{2}$")]], Meta(min_length=1)]  # postal codes
    sources: list[SourceId]


class NamedIndustry(Record, frozen=True, kw_only=True):
    """An industry a question can name (a hospital, a nursing home): a pay card adds its national pay."""

    said: Annotated[list[Phrase], Meta(min_length=1)]  # the ways a question names it
    industry: Annotated[str, Meta(pattern=r"^[0-9]{6}$")]  # its code in the wage extract (NAICS)


class Questions(Record, frozen=True, kw_only=True):
    filler: list[Word]  # words a question carries that no passage is searched for
    synonyms: list[Annotated[list[Word], Meta(min_length=2)]]  # the first word of a group names it
    rules: list[Rule]
    industries: list[NamedIndustry] = []
    places: list[Place] = []  # regional names of metro areas
    regions: list[Region] = []  # groups of states a question can name
    ordinary: list[Word] = []  # metro city names that are everyday words: a place only with a capital or the state
