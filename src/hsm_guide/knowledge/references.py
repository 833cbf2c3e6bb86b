"""Reference problems: the rules a type cannot express, each a named check.

Citations resolve to a catalogued source, ids and keys are unique, shares add up, the
current edition exists, key points name a real section once, and the wage extract agrees
with the knowledge base.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Sequence
from pathlib import Path
from typing import Any

from ..errors import Problem
from ..location import wage_files
from ..model import KnowledgeBase, NamedOccupation, Record, UnheldOccupation
from ..wages.model import Wages
from .problems import Found, located


def iter_records(obj: Any, path: list[str | int] | None = None) -> Iterator[tuple[list[str | int], Record]]:
    """Every record in a knowledge base with its key path, depth first."""
    path = path or []
    if isinstance(obj, Record):
        yield path, obj
        for name in obj.__struct_fields__:
            yield from iter_records(getattr(obj, name), [*path, name])
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            yield from iter_records(item, [*path, i])


def reference_problems(kb: KnowledgeBase, text: str, name: str) -> list[Problem]:
    """Every check's problems, in the order of CHECKS, located in the YAML."""
    return located(text, name, [problem for check in CHECKS for problem in check(kb)])


def _repeats(values: Sequence[Hashable]) -> Iterator[tuple[int, Any]]:
    """(index, value) of every value that appeared before it."""
    seen: set[Hashable] = set()
    for i, value in enumerate(values):
        if value in seen:
            yield i, value
        seen.add(value)


def unique_source_ids(kb: KnowledgeBase) -> list[Found]:
    ids = [s.id for s in kb.sources]
    return [(f"source id '{sid}' is defined twice", ["sources", i, "id"]) for i, sid in _repeats(ids)]


def known_citations(kb: KnowledgeBase) -> list[Found]:
    known = {s.id for s in kb.sources}
    return [
        (f"cites unknown source '{sid}'", [*path, "sources", j])
        for path, record in iter_records(kb)
        for j, sid in enumerate(getattr(record, "sources", None) or [])
        if isinstance(sid, str) and sid not in known
    ]


def editions(kb: KnowledgeBase) -> list[Found]:
    """Each pay year once, and the current edition among them."""
    years = [e.pay_year for e in kb.quick_facts.editions]
    found: list[Found] = [
        (f"edition {year} is listed twice", ["quick_facts", "editions", i, "pay_year"]) for i, year in _repeats(years)
    ]
    current = kb.quick_facts.current_edition
    if current not in years:
        found.append((f"no edition has pay_year {current}", ["quick_facts", "current_edition"]))
    return found


def employer_shares(kb: KnowledgeBase) -> list[Found]:
    total = sum(r.percent for r in kb.settings.employer_shares.rows)
    if total > 100:
        return [(f"employer shares add up to {total:g}%, more than 100%", ["settings", "employer_shares", "rows"])]
    return []


def unique_keys(kb: KnowledgeBase) -> list[Found]:
    """Backgrounds, settings and fit areas are chosen by key: each key once; a route's key or alias names one route."""
    found: list[Found] = []
    for where, keys in (
        (["paths", "backgrounds"], [x.key for x in kb.paths.backgrounds]),
        (["paths", "settings"], [x.key for x in kb.paths.settings]),
        (["fit", "areas"], [x.key for x in kb.fit.areas]),
    ):
        found += [(f"key '{key}' is listed twice", [*where, i, "key"]) for i, key in _repeats(keys)]
    for where, routes in ((["paths", "backgrounds"], kb.paths.backgrounds), (["paths", "settings"], kb.paths.settings)):
        keys = [r.key.replace("-", " ") for r in routes]  # repeated keys are reported above
        aliases = [(i, a.replace("-", " ")) for i, r in enumerate(routes) for a in r.aliases]
        found += [
            (f"the alias '{name}' names another route too", [*where, aliases[j - len(keys)][0], "aliases"])
            for j, name in _repeats([*keys, *(a for _, a in aliases)])
            if j >= len(keys)
        ]
    return found


def fit_statement_areas(kb: KnowledgeBase) -> list[Found]:
    areas = {a.key for a in kb.fit.areas}
    return [
        (f"no fit area has key '{s.area}'", ["fit", "statements", i, "area"])
        for i, s in enumerate(kb.fit.statements)
        if s.area not in areas
    ]


def unique_credential_codes(kb: KnowledgeBase) -> list[Found]:
    """`certifications CODE` finds a credential by its code, so two with one code would hide one."""
    codes = [c.code for c in kb.certifications.credentials]
    return [
        (f"certification code '{code}' is listed twice", ["certifications", "credentials", i, "code"])
        for i, code in _repeats(codes)
    ]


def key_point_sections(kb: KnowledgeBase) -> list[Found]:
    """Key points name a real section, and each section has them once."""
    from ..views import SECTION_NAMES  # the registry only: no builder is imported

    found: list[Found] = []
    seen: set[str] = set()
    for i, points in enumerate(kb.key_points):
        if points.section not in SECTION_NAMES:
            found.append((f"no section is called '{points.section}'", ["key_points", i, "section"]))
        elif points.section in seen:
            found.append((f"section '{points.section}' has key points twice", ["key_points", i, "section"]))
        seen.add(points.section)
    return found


def glossary_terms(kb: KnowledgeBase) -> list[Found]:
    """`explain WORD` finds one term: each key, name and alias belongs to one term only."""
    found: list[Found] = []
    owner: dict[str, int] = {}
    for i, term in enumerate(kb.glossary):
        words: list[tuple[list[str | int], str]] = [(["term"], term.term), (["name"], term.name)]
        words += [(["aliases", j], a) for j, a in enumerate(term.aliases)]
        for where, word in words:
            path: list[str | int] = ["glossary", i, *where]
            held = owner.setdefault(word.casefold(), i)
            if held != i:
                found.append((f"'{word}' already names the term '{kb.glossary[held].term}'", path))
        found += _see_problems(term.see, ["glossary", i, "see"])
    return found


def _see_problems(see: str | None, path: list[str | int]) -> list[Found]:
    """A `see` is "hsm-guide COMMAND ...", and COMMAND is one the guide has."""
    if see is None:
        return []
    from ..views import VIEWS  # the registry only: no builder is imported

    commands = {v.name for v in VIEWS if v.command} | {"export", "validate", "cache"}
    words = see.split()
    if len(words) < 2 or words[0] != "hsm-guide" or words[1] not in commands:
        return [(f"see '{see}' does not name a hsm-guide command", path)]
    return []


def question_cards(kb: KnowledgeBase) -> list[Found]:
    """Each card leads to a view that exists, by a command of that view, under a name of its own;
    a card or a gap's command is a command of the guide."""
    from ..views import BY_NAME

    if kb.questions is None:
        return []
    found: list[Found] = []
    names: list[str] = []
    for i, card in enumerate(kb.questions.cards):
        at: list[str | int] = ["questions", "cards", i]
        names.append(card.name)
        if card.view not in BY_NAME:
            found.append((f"no view is called '{card.view}'", [*at, "view"]))
        if card.command is not None and card.command.split(" ")[0] != card.view:
            found.append((f"the command '{card.command}' is not one of view '{card.view}'", [*at, "command"]))
    for i, gap in enumerate(kb.questions.gaps):
        names.append(gap.name)
        if gap.command is not None and gap.command.split(" ")[0] not in BY_NAME:
            found.append((f"no view is called '{gap.command.split(' ')[0]}'", ["questions", "gaps", i, "command"]))
    found += [(f"card '{n}' is defined twice", ["questions", "cards", i, "name"]) for i, n in _repeats(names)]
    return found


def unheld_backgrounds(kb: KnowledgeBase) -> list[Found]:
    """Each occupation a question may name, held by the extract or not, names a route in that exists, where
    it names one."""
    q = kb.questions
    keys = {b.key for b in kb.paths.backgrounds}
    lists: list[tuple[list[str | int], Sequence[NamedOccupation | UnheldOccupation]]] = [
        (["questions", "occupations"], q.occupations if q else []),
        (["questions", "unheld", "occupations"], q.unheld.occupations if q and q.unheld else []),
    ]
    return [
        (f"no background route is called '{o.background}'", [*where, i, "background"])
        for where, found in lists
        for i, o in enumerate(found)
        if o.background is not None and o.background not in keys
    ]


CHECKS: tuple[Callable[[KnowledgeBase], list[Found]], ...] = (
    unique_source_ids,
    known_citations,
    editions,
    employer_shares,
    unique_keys,
    fit_statement_areas,
    unique_credential_codes,
    key_point_sections,
    glossary_terms,
    question_cards,
    unheld_backgrounds,
)


def raw_citation_problems(data: Any, text: str, name: str) -> list[Problem]:
    """Citations of unknown sources in a document that did not fit the schema (validate only)."""
    if not isinstance(data, dict) or not isinstance(data.get("sources"), list):
        return []
    known = {s["id"] for s in data["sources"] if isinstance(s, dict) and isinstance(s.get("id"), str)}
    found: list[Found] = []
    for node, path in _mappings(data):
        found += _unknown_citations(node, path, known)
    found.sort(key=lambda problem: str(problem[1]))
    return located(text, name, found)


def _mappings(data: dict[str, Any]) -> Iterator[tuple[dict[str, Any], list[str | int]]]:
    """Every mapping below the top level, with its path, skipping the source list itself."""
    stack: list[tuple[Any, list[str | int]]] = [(v, [k]) for k, v in data.items() if k != "sources"]
    while stack:
        node, path = stack.pop()
        if isinstance(node, dict):
            yield node, path
            stack += [(v, [*path, k]) for k, v in node.items() if k != "sources"]
        elif isinstance(node, list):
            stack += [(v, [*path, i]) for i, v in enumerate(node)]


def _unknown_citations(node: dict[str, Any], path: list[str | int], known: set[str]) -> list[Found]:
    cited = node.get("sources")
    if not isinstance(cited, list):
        return []
    return [
        (f"cites unknown source '{sid}'", [*path, "sources", j])
        for j, sid in enumerate(cited)
        if isinstance(sid, str) and sid not in known
    ]


def place_problems(kb: KnowledgeBase, wages: Wages) -> list[Found]:
    """Each regional name of a metro (questions.places) names an area the extract has."""
    if kb.questions is None:
        return []
    codes = {r.area for r in wages.rows}
    return [
        (f"no area has the code '{place.area}' in the wage extract", ["questions", "places", i, "area"])
        for i, place in enumerate(kb.questions.places)
        if place.area not in codes
    ]


def wage_problems(kb: KnowledgeBase, wages: Wages, name: str, text: str) -> list[Problem]:
    """The extract against the knowledge base (`text`, read from `name`): its source is catalogued and
    primary, its occupations named, and every industry a question can name has national figures."""
    release_file = str(wage_files(Path(name))[0])
    source = next((s for s in kb.sources if s.id == wages.release.source), None)
    if source is None:
        return [Problem(release_file, f"cites unknown source '{wages.release.source}'", "source")]
    if source.grade != "primary":
        return [Problem(release_file, f"source '{source.id}' must be graded primary (it is BLS's own data)", "source")]
    named = {kb.identity.soc_code}
    named |= {c.soc for g in kb.related for c in g.careers if c.soc}
    named |= {r.soc for r in kb.paths.backgrounds if r.soc} | {c for r in kb.paths.backgrounds for c in r.compare}
    named |= {o.soc for o in kb.questions.occupations} if kb.questions else set()
    missing = sorted(named - set(wages.release.occupations))
    if missing:
        return [Problem(release_file, f"SOC {missing[0]} is named in {name} but not in the extract; re-run the import")]
    national = {r.industry for r in wages.rows if r.soc == kb.identity.soc_code and r.kind == "national"}
    industries = kb.questions.industries if kb.questions else []
    found: list[Found] = [
        (
            f"industry {n.industry} has no national figures in the wage extract",
            ["questions", "industries", i, "industry"],
        )
        for i, n in enumerate(industries)
        if n.industry not in national
    ]
    return located(text, name, found)
