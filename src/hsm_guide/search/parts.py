"""The parts a question names, found by one matcher: every name the knowledge base gives a degree,
credential, setting, background, glossary term, kind of manager or job title, organization,
industry, occupation (held by the wage extract or not), region or gap (something the guide does not
hold), matched as whole words.

A name inside a longer one names nothing of its own ("nurse" in "nurse manager"), except where the
shorter one says where the longer one works ("nursing home" in "nursing home administrator").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple

from msgspec import Meta

from ..places import RURAL
from ..sections.timeline import short_name
from ..words import SHORT, WORD, singular

if TYPE_CHECKING:
    from ..model import KnowledgeBase, NamedOccupation, Route, UnheldOccupation

NESTED = frozenset({"industry", "setting", "gap", "degree", "credential"})  # may stand inside a longer name
_LISTING = re.compile(r"\s*\(.*\)$")  # "Director of Nursing (April 2021 listing)": the note is not the title


class Role(NamedTuple):
    """A kind of manager (with what it does), a specialization, or a job title of this occupation."""

    name: str
    text: str | None  # what a kind of manager does, or what a specialization is; None for a title
    sources: tuple[str, ...]
    specialization: bool = False


class Part(NamedTuple):
    kind: str
    value: Any  # the record it names (a Degree, a Route...), an industry code or an occupation's SOC code
    start: int  # its words' positions in the question
    end: int


Entry = tuple[tuple[str, ...], str, Any]


def phrase(text: str) -> tuple[str, ...]:
    """A name's words as a question's are read: shorthand spelled out (rad tech: radiology tech), singular."""
    return tuple(singular(SHORT.get(w, w)) for w in WORD.findall(text.lower()))


def named(kb: KnowledgeBase) -> list[Entry]:
    """`entries(kb)`, kept beside the cached knowledge base (building them is about 3 ms of a first
    question): each record as its place in the list of its kind (`_records`), a code or word as it is."""
    from ..cache import derived

    records = _records(kb)

    def plain() -> list[tuple[tuple[str, ...], str, int | str]]:
        return [(words, kind, _place(records, kind, value)) for words, kind, value in entries(kb)]

    def make(rows: list[tuple[tuple[str, ...], str, int | str]]) -> list[Entry]:
        return [(words, kind, _record(records, kind, at)) for words, kind, at in rows]

    return derived.remember(kb, "names", plain, make, list[tuple[tuple[str, ...], str, Place]])


# a record's position in its list (msgspec refuses a negative one), or a code or word as it is
Place = Annotated[int, Meta(ge=0)] | str
_CODES = frozenset({"occupation", "industry", "rural"})  # kinds that name a code or a word, not a record


def _records(kb: KnowledgeBase) -> dict[str, Sequence[Any]]:
    """The list each kind of record a name names comes from."""
    q = kb.questions
    return {
        "degree": kb.education.degrees,
        "credential": kb.certifications.credentials,
        "term": getattr(kb, "glossary", None) or (),
        "role": roles(kb),
        "organization": kb.organizations,
        "region": q.regions if q else (),
        "gap": q.gaps if q else (),
        "unheld": _unheld(kb),
        "setting": kb.paths.settings,
        "background": kb.paths.backgrounds,
    }


def _place(records: dict[str, Sequence[Any]], kind: str, value: Any) -> int | str:
    if kind in _CODES:
        return str(value)
    listed = records[kind]
    same = [i for i, record in enumerate(listed) if record is value]  # the very record; a role, an equal one
    return same[0] if same else listed.index(value)


def _record(records: dict[str, Sequence[Any]], kind: str, at: int | str) -> Any:
    """What a stored name names; an error (the entry is then a miss) for a place this code never writes."""
    if kind in _CODES:
        if not isinstance(at, str):
            raise TypeError(f"a {kind} is named by its code")
        return at
    if isinstance(at, str):
        raise TypeError(f"a {kind} is named by its place")
    return records[kind][at]


def entries(kb: KnowledgeBase) -> list[Entry]:
    """Every name the question may use, with its kind and what it names."""
    named = [*_studies(kb), *_reference(kb), *_asked(kb)]
    found = [(phrase(name), kind, value) for kind, value, name in named]
    # a name's "and" may be typed "&", which is no word: "social & community service manager" names it too
    found += [
        (tuple(w for w in words if w != "and"), kind, value) for words, kind, value in found if "and" in words[1:-1]
    ]
    found += list(_routes(kb))
    found += [((w,), "rural", w) for w in RURAL]  # rural pay: the nonmetropolitan areas
    return [e for e in found if e[0]]


def _studies(kb: KnowledgeBase) -> Iterator[tuple[str, Any, str]]:
    """Degrees by short and full name, credentials by code and name."""
    for d in kb.education.degrees:
        yield from (("degree", d, f) for f in (short_name(d), _LISTING.sub("", d.name)) if f)
    yield from (("credential", c, f) for c in kb.certifications.credentials for f in (c.code, c.name))


def _reference(kb: KnowledgeBase) -> Iterator[tuple[str, Any, str]]:
    """Glossary terms, kinds of manager and job titles, organizations, occupation titles."""
    glossary = getattr(kb, "glossary", None) or ()
    # A term's key that is a question's everyday word ("mean": "does that mean...") names it only by its name
    # and aliases ("mean wage", "average salary").
    everyday = {w for group in (kb.questions.synonyms if kb.questions else ()) for w in group}
    keys = {t.term: t.term.replace("-", " ") for t in glossary if t.term not in everyday}
    yield from (("term", t, f) for t in glossary for f in (t.name, keys.get(t.term), *t.aliases) if f)
    yield from (("role", r, r.name) for r in roles(kb))
    yield from (("organization", o, f) for o in kb.organizations for f in (o.abbreviation, o.name) if f)
    yield from (("occupation", soc, t) for t, soc in _titles(kb))


def _asked(kb: KnowledgeBase) -> Iterator[tuple[str, Any, str]]:
    """The names the questions data gives: industries, regions, gaps, occupations the extract does not hold
    (its other occupations' names are with the titles)."""
    q = kb.questions
    if q is None:
        return
    yield from (("industry", n.industry, s) for n in q.industries for s in n.said)
    yield from (("region", r, s) for r in q.regions for s in r.names)
    yield from (("gap", g, s) for g in q.gaps for s in g.said)
    yield from (("unheld", o, s) for o in _unheld(kb) for s in o.said)


def _routes(kb: KnowledgeBase) -> Iterator[Entry]:
    """A setting by its key's words in a row; a background by any word of its key but the common ones and
    those of another background's names (nurse, records, business); either by an alias's words in a row
    (rn, registered nurse, finance); a background also by the name of any occupation it starts from (a
    pharmacist: a clinician), held by the wage extract or not (a teacher: a career changer)."""
    for s in kb.paths.settings:
        yield phrase(s.key.replace("-", " ")), "setting", s
        yield from ((phrase(a), "setting", s) for a in s.aliases)
    yield from _backgrounds(kb)


def _backgrounds(kb: KnowledgeBase) -> Iterator[Entry]:
    """Each background by the words of its key that name it alone, and by its names."""
    titles = _titles(kb)
    names = {b.key: [*map(phrase, b.aliases), *map(phrase, _starts(kb, b, titles))] for b in kb.paths.backgrounds}
    common = {w for group in kb.questions.synonyms for w in group} if kb.questions else set()
    gapped = {w for g in (kb.questions.gaps if kb.questions else ()) for said in g.said for w in phrase(said)}
    for b in kb.paths.backgrounds:
        yield from (((w,), "background", b) for w in _key_words(b, names, common, gapped))
        yield from ((name, "background", b) for name in names[b.key])


def _key_words(
    background: Route, names: dict[str, list[tuple[str, ...]]], common: set[str], gapped: set[str]
) -> list[str]:
    """The words of a background's key that name it alone: no everyday word (`common`), and no word another
    background's names use, which names neither alone (the tech of 'rad tech'); in a longer key, no word
    of something the guide does not hold (the record of 'a felony on my record'; 'student', a whole key,
    still names one)."""
    others = {w for key, found in names.items() if key != background.key for name in found for w in name}
    key = background.key.split("-")
    words = {singular(p) for p in key if p not in common} - others
    return [w for w in sorted(words) if len(key) == 1 or w not in gapped]


def _starts(kb: KnowledgeBase, background: Route, titles: list[tuple[str, str]]) -> Iterator[str]:
    """The names of the occupations a background starts from: the extract's (not a group of occupations),
    and any other occupation, held by the extract or not, that names it as its route in."""
    starts = {c for c in (background.soc, *background.compare) if c and not c.endswith("0000")}
    yield from (t for t, soc in titles if soc in starts)
    others: list[NamedOccupation | UnheldOccupation] = [
        *_unheld(kb),
        *(kb.questions.occupations if kb.questions else []),
    ]
    yield from (s for o in others if o.background == background.key for s in o.said)


def _unheld(kb: KnowledgeBase) -> list[UnheldOccupation]:
    unheld = kb.questions.unheld if kb.questions else None
    return list(unheld.occupations) if unheld else []


def roles(kb: KnowledgeBase) -> list[Role]:
    """The kinds of manager, the specializations and the job titles, each name once (a kind first)."""
    r = kb.roles
    found = [Role(m.name, m.text, tuple(m.sources)) for m in r.manager_types]
    found += [Role(m.name, m.text, tuple(m.sources), True) for m in r.specializations]
    found += [Role(_LISTING.sub("", t.text), None, tuple(t.sources)) for t in (*r.title_examples, *r.onet_titles)]
    return list({x.name.lower(): x for x in reversed(found)}.values())[::-1]


def _titles(kb: KnowledgeBase) -> list[tuple[str, str]]:
    """Every occupation title a question may name (and the other names the questions data gives), with its
    SOC code."""
    own = kb.identity.soc_code
    found = [(t, s) for s, t in (kb.wages.release.occupations.items() if kb.wages else ())]
    found += [(s, n.soc) for n in (kb.questions.occupations if kb.questions else ()) for s in n.said]
    found += [(kb.identity.title, own)] + [(t.text, own) for t in kb.identity.alternative_titles]
    found += [(r.name, own) for r in roles(kb) if not r.specialization]
    return found


def by_first_word(names: Sequence[Entry]) -> dict[str, list[Entry]]:
    found: dict[str, list[Entry]] = {}
    for entry in names:
        found.setdefault(entry[0][0], []).append(entry)
    return found


def find(names: dict[str, list[Entry]], singles: Sequence[str], taken: set[int]) -> tuple[Part, ...]:
    """The parts named, in order: each name wherever its words stand in a row, outside those `taken` (a place)."""
    found: list[Part] = []
    for i, first in enumerate(singles):
        for words, kind, value in names.get(first, ()):
            end = i + len(words)
            if tuple(singles[i:end]) == words and not taken.intersection(range(i, end)):
                found.append(Part(kind, value, i, end))
    kept = [p for p in found if not any(_inside(p, q) and (p.kind not in NESTED or q.kind in _WHOLE) for q in found)]
    unique = {(p.kind, id(p.value) if not isinstance(p.value, str) else p.value, p.start): p for p in kept}
    return tuple(sorted(unique.values(), key=lambda p: (p.start, p.start - p.end)))


_WHOLE = frozenset({"gap", "organization"})  # names whose words name nothing of their own: Cleveland Clinic's clinic


def _inside(inner: Part, outer: Part) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end and outer.end - outer.start > inner.end - inner.start
