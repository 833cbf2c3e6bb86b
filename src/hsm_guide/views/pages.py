"""The builders behind the registry's views: options in, a Document out.

Each takes the knowledge base, the view's name and its options by keyword;
the section builders themselves live in sections/.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import GuideError

if TYPE_CHECKING:
    from ..blocks import Document, Kind
    from ..environment import Environment
    from ..model import KnowledgeBase


class NoMatches(GuideError):
    """A search that found nothing: exit 1 with the closest terms."""


def section(kb: KnowledgeBase, name: str, brief: bool = False) -> Document:
    from . import BY_NAME

    return BY_NAME[name].whole_section(kb, brief)


def certifications(kb: KnowledgeBase, name: str, code: str | None = None, brief: bool = False) -> Document:
    from ..errors import UsageError

    if code is None:
        return section(kb, name, brief)
    if brief:
        raise UsageError("--brief shows the section's key points; use it without a credential's code")
    from ..sections.qualifications import certification

    return certification(kb, code)


def licensure(
    kb: KnowledgeBase, name: str, states: bool = False, state: str | None = None, brief: bool = False
) -> Document:
    """The national picture; with --states every state in one table, with --state one state's facts."""
    from ..errors import UsageError

    if state is None and not states:
        return section(kb, name, brief)
    if brief:
        raise UsageError("--brief shows the section's key points; use it without --state or --states")
    if state is not None and states:
        raise UsageError("give --state STATE for one state or --states for every state, not both")
    from ..sections import licensing

    return licensing.state_page(kb, state) if state is not None else licensing.states(kb)


def related(kb: KnowledgeBase, name: str, area: str | None = None, brief: bool = False) -> Document:
    from ..sections import brief as only_key_points
    from ..sections import with_key_points
    from ..sections.reference import related as related_careers

    document = with_key_points(kb, related_careers(kb, area))
    return only_key_points(document) if brief else document


def sections(kb: KnowledgeBase, name: str) -> Document:
    """Every section, then the other pages, from the registry; each can be saved with -o."""
    from ..sections.builder import Builder
    from . import SECTION_NAMES, VIEWS

    b = Builder(kb, "sections", "Sections")
    columns: list[tuple[str, Kind]] = [("Command", "code"), ("What it shows", "text")]
    b.table(columns, [(f"hsm-guide {v.name}", v.help) for v in VIEWS if v.name in SECTION_NAMES])
    b.heading("Other pages")
    others = [v for v in VIEWS if v.command and v.name not in SECTION_NAMES and v.name != name]
    b.table(columns, [(v.example, v.help) for v in others])
    b.hint("Save any of them with -o FILE (.md, .html, .json, .svg, .txt), or several with hsm-guide export.")
    return b.document(with_sources=False)


def handout(
    kb: KnowledgeBase, name: str, area: str | None = None, background: str | None = None, setting: str | None = None
) -> Document:
    from ..sections.handout import handout as sheet

    return sheet(kb, area, background, setting)


def snapshot(kb: KnowledgeBase, name: str) -> Document:
    from ..sections import snapshot as card

    return card(kb)


def path(
    kb: KnowledgeBase, name: str, background: str | None = None, setting: str | None = None, area: str | None = None
) -> Document:
    from ..errors import UsageError
    from ..sections.paths import route

    if area is not None and background is None:
        raise UsageError("--area sets a route's starting pay beside this one's: give --from BACKGROUND too")
    return route(kb, background, setting, area)


def explain(kb: KnowledgeBase, name: str, term: list[str] | None = None) -> Document:
    from ..sections.glossary import explain as glossary

    return glossary(kb, " ".join(term) if term else None)


def fit(kb: KnowledgeBase, name: str, answers: str | None = None, env: Environment | None = None) -> Document:
    """The result for --answers, else for answers asked at the terminal (a person is there), else
    read one per line from standard input."""
    from .. import fit as questionnaire
    from ..environment import Environment

    env = env or Environment.from_process()
    count = len(kb.fit.statements)
    if answers is not None:
        values = questionnaire.answers_from_option(answers, count)
    elif env.stdin_isatty:
        values = questionnaire.ask(kb, env)
    else:
        values = questionnaire.answers_from_lines(env.stdin, count)
    return questionnaire.result(kb, values)


def search(
    kb: KnowledgeBase,
    name: str,
    words: list[str] | None = None,
    section: str | None = None,
    limit: int | None = None,
    all: bool = False,
) -> Document:
    from .. import search as finder

    result = finder.search(kb, " ".join(words or []), section)
    if not result.hits and not result.leads:
        closest = f"; closest terms: {', '.join(result.closest)}" if result.closest else ""
        raise NoMatches(f"no matches for '{result.query[:80]}'{closest}")
    return finder.document(kb, result, all, limit)
