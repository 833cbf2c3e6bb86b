"""The knowledge base schema: typed, frozen msgspec Structs.

msgspec does the type checking (unknown keys, required fields, types, ranges);
knowledge/references.py adds the cross-field rules a type cannot express
(source ids resolve, employer shares add up to at most 100%). The records are
grouped by area: common.py (value types, statements, sources), work.py (what
the job is and pays) and careers.py (getting in, moving up, fit). Every class
is re-exported here.

The model's modules do not use `from __future__ import annotations`: msgspec then reads
each annotation as an object rather than evaluating a string, which builds the typed
decoder of the knowledge-base cache in about 1.5 ms instead of about 6.
"""

from typing import Annotated, Literal

from msgspec import Meta

from ..record import Record as Record  # re-exported: every schema module builds on it
from ..wages.model import Wages
from .careers import Career as Career
from .careers import Certification as Certification
from .careers import Certifications as Certifications
from .careers import Degree as Degree
from .careers import Duration as Duration
from .careers import Education as Education
from .careers import Experience as Experience
from .careers import Fit as Fit
from .careers import FitArea as FitArea
from .careers import FitStatement as FitStatement
from .careers import Interests as Interests
from .careers import Key as Key
from .careers import KeyPoints as KeyPoints
from .careers import License as License
from .careers import Organization as Organization
from .careers import Paths as Paths
from .careers import RelatedGroup as RelatedGroup
from .careers import Route as Route
from .careers import Skills as Skills
from .careers import Step as Step
from .careers import StepKind as StepKind
from .common import SCHEMA_VERSION as SCHEMA_VERSION
from .common import Count as Count
from .common import Grade as Grade
from .common import Growth as Growth
from .common import Item as Item
from .common import Money as Money
from .common import Named as Named
from .common import Percent as Percent
from .common import Source as Source
from .common import SourceId as SourceId
from .common import Sources as Sources
from .common import Text as Text
from .common import Year as Year
from .glossary import Term as Term
from .questions import Advice as Advice
from .questions import Card as Card
from .questions import Gap as Gap
from .questions import NamedIndustry as NamedIndustry
from .questions import NamedOccupation as NamedOccupation
from .questions import Place as Place
from .questions import Questions as Questions
from .questions import Region as Region
from .questions import Unheld as Unheld
from .questions import UnheldOccupation as UnheldOccupation
from .work import AreaPay as AreaPay
from .work import AreaRow as AreaRow
from .work import DotRole as DotRole
from .work import Duties as Duties
from .work import Edition as Edition
from .work import EmployerShare as EmployerShare
from .work import EmployerShares as EmployerShares
from .work import EntryRequirements as EntryRequirements
from .work import Environment as Environment
from .work import Identity as Identity
from .work import IndustryPay as IndustryPay
from .work import IndustryRow as IndustryRow
from .work import MeanPay as MeanPay
from .work import Outlook as Outlook
from .work import Pay as Pay
from .work import Percentiles as Percentiles
from .work import QuickFacts as QuickFacts
from .work import Reading as Reading
from .work import Roles as Roles
from .work import Settings as Settings
from .work import Task as Task


class KnowledgeBase(Record, frozen=True, kw_only=True):
    schema_version: Literal[1]
    identity: Identity
    quick_facts: QuickFacts
    readings: list[Reading]
    duties: Duties
    roles: Roles
    settings: Settings
    pay: Pay
    outlook: Outlook
    education: Education
    experience: Experience
    advancement: list[Item]
    licensure: list[License]
    certifications: Certifications
    skills: Skills
    interests: Interests
    related: list[RelatedGroup]
    organizations: list[Organization]
    paths: Paths
    fit: Fit
    glossary: list[Term] = []  # `hsm-guide explain`: terms, each with its aliases and sources
    key_points: list[KeyPoints] = []  # what each section opens with and --brief prints
    questions: Questions | None = None  # how search reads a question (model/questions.py)
    sources: Annotated[list[Source], Meta(min_length=1)]
    wages: Wages | None = None  # read from the extract beside the file (wages/), never from the YAML
    # The state table beside the file (licensure/states.json), never from the YAML: its bytes, checked when
    # read cold and decoded only by the pages that show it (licensing.table.of), so every other command's
    # compiled knowledge base stays as small and quick to rebuild as before.
    licensing: bytes | None = None
