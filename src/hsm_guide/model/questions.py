"""How `search` reads a question: filler words, synonyms, the cards a question is scored against,
what the guide does not hold, and the names of industries, occupations, places and regions.

Kept as data (the `questions:` section of the knowledge base) so that a new way of asking
is an example question added to a card, not a rule in the code. A card names the view its
answer leads to; the figures in an answer come from the knowledge base and the wage extract.
"""

from typing import Annotated, Literal

from msgspec import Meta

from ..record import Record
from .common import SourceId

Word = Annotated[str, Meta(pattern=r"^[a-z0-9][a-z0-9']*$")]
Words = Annotated[list[Word], Meta(min_length=1)]
Phrase = Annotated[str, Meta(pattern=r"^[a-z0-9']+( [a-z0-9']+)*$")]

# What an answer card shows (one function each, in search/; the card's view says where to read on).
#   pay: the median nationally or in the place named (with its state and the nation beside it), in the
#        industries named, of another occupation named (beside this one's); starting pay and the ends said;
#   places / industries / occupations: two side by side (an occupation beside this one, locally where
#        the release has it); ranking: the five best- or lowest-paying states or metro areas;
#   region-pay, rural-pay: each state of a region, a state's (or the nation's) nonmetropolitan areas;
#   past-pay: a past handbook edition's median; best-industries; jobs; employers;
#   route: a background's (and setting's) first steps and how long it takes; timeline: each step's time;
#   degree-length; degree-needed: whether a degree is needed (the education and advancement facts);
#   degrees / credentials: two side by side; credential, credential-cost / -eligibility / -renewal;
#   certifications: those suited to the setting named; hours: the schedules; related: the related
#   occupations' pay; advancement: how managers move up; key-points: the view's key points (`part`: which
#   list of the education section, for education-list); term, role, organization: one named statement;
#   titles: the job titles to search for and how a first job is found.
Answer = Literal[
    "pay",
    "ranking",
    "jobs",
    "employers",
    "titles",
    "timeline",
    "degrees",
    "degree-needed",
    "occupations",
    "industries",
    "credentials",
    "certifications",
    "key-points",
    "hours",
    "environment",
    "experience",
    "related",
    "advancement",
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
    "state-license",
    "assisted-living-states",
    "offer",
    "roles",
    "scope",
    "terms",
]
# The parts a question can name, which a card may need.
Needs = Literal[
    "place",
    "two-places",
    "degree",
    "two-degrees",
    "occupation",
    "two-occupations",
    "industry",
    "two-industries",
    "setting",
    "background",
    "credential",
    "two-credentials",
    "term",
    "two-terms",
    "role",
    "two-roles",
    "region",
    "organization",
    "past-year",
    "rural",
    "licensed-role",  # a setting whose route names a license, or a term that sends the reader to licensure
    "amount",  # a yearly salary: an offer to place among the percentiles
    "pay",  # a word of pay (salary, earn, pays) or a pay figure: a card of pay alone leads only where pay is asked
]
Asked = Annotated[str, Meta(min_length=2, max_length=200)]


class Card(Record, frozen=True, kw_only=True):
    """An answer a question can lead with: the questions it answers, in readers' words (a question is
    scored against every card's), and the parts it needs the question to name."""

    name: Annotated[str, Meta(pattern=r"^[a-z][a-z0-9-]*$")]
    asks: Annotated[list[Asked], Meta(min_length=2)]  # example questions
    needs: list[Needs] = []
    answer: Answer
    view: Annotated[str, Meta(pattern=r"^[a-z][a-z0-9-]*$")]  # the view the answer leads to
    command: str | None = None  # the view's command: {place}, {setting}, {background}, {credential}, {term}, {year}
    part: Literal["majors", "courses", "high_school", "postsecondary"] | None = None  # education-list: which list


class Gap(Record, frozen=True, kw_only=True):
    """Something the guide does not hold (tuition, rankings, job postings): said plainly, with where to look."""

    name: Annotated[str, Meta(pattern=r"^[a-z][a-z0-9-]*$")]
    said: Annotated[list[Phrase], Meta(min_length=1)]  # the words that name it in a question
    asks: Annotated[list[Asked], Meta(min_length=2)]  # example questions
    text: str  # what the guide does not hold
    answer: str | None = None  # the card's heading, where a plain answer fits ("none of ... sets an age limit")
    look: str | None = None  # where to look instead, or the closest the guide holds
    command: str | None = None  # a command of the guide that helps
    sources: list[SourceId] = []  # where `look` comes from


class NamedOccupation(Record, frozen=True, kw_only=True):
    """Another way a question names an occupation of the wage extract (an rn, a bank branch manager)."""

    said: Annotated[list[Phrase], Meta(min_length=1)]
    soc: Annotated[str, Meta(pattern=r"^[0-9]{2}-[0-9]{4}$")]
    background: str | None = None  # the key of the route in it starts from (paths.backgrounds)


class UnheldOccupation(Record, frozen=True, kw_only=True):
    """An occupation a reader may name that the wage extract does not hold (nurse practitioners)."""

    name: Annotated[str, Meta(min_length=2)]  # as a card says it: "nurse practitioners"
    said: Annotated[list[Phrase], Meta(min_length=1)]  # the ways a question names it
    background: str | None = None  # the key of the route in it starts from (paths.backgrounds)


class Unheld(Record, frozen=True, kw_only=True):
    """The occupations the guide has no figures for that readers name: a card says so plainly and what it
    shows instead, never another occupation's figures as theirs."""

    occupations: Annotated[list[UnheldOccupation], Meta(min_length=1)]
    look: str  # where their figures are
    sources: list[SourceId]


class Advice(Record, frozen=True, kw_only=True):
    """How a question asks for advice on a choice ("is it worth it for me", "should i"): the card gives the
    facts that bear on it, and `text` says the guide gives facts, not advice."""

    said: Annotated[list[Phrase], Meta(min_length=1)]
    text: str


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
    cards: list[Card]
    gaps: list[Gap] = []  # what the guide does not hold, said plainly
    industries: list[NamedIndustry] = []
    occupations: list[NamedOccupation] = []  # other names of the extract's occupations
    unheld: Unheld | None = None  # occupations readers name that the extract does not hold
    advice: Advice | None = None  # how a question asks for advice, and what the guide says to it
    places: list[Place] = []  # regional names of metro areas
    regions: list[Region] = []  # groups of states a question can name
    ordinary: list[Word] = []  # metro city names that are everyday words: a place only with a capital or the state
