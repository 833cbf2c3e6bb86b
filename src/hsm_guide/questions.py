"""Reading a question for `search`: its words, synonyms, the place, degrees, occupations,
setting and background it names, and the rule (from the knowledge base's `questions:`)
whose answer it leads with.

Recognition is exact (whole words, a state's name or postal code, a metro's name words):
what is recognized here is never "corrected" as a typo.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace

from .model import Certification, Degree, KnowledgeBase, Route, Rule, Term
from .wages.areas import Area, candidates
from .wages.states import STATES

_WORD = re.compile(r"\w+")
_LONGEST_PLACE = 4  # words: "district of columbia", "salt lake city ut"


@dataclass(frozen=True)
class Reading:
    words: tuple[str, ...]  # the question's distinct words, lower case
    searched: tuple[str, ...]  # what the passages are searched for: no filler, no place
    synonyms: dict[str, tuple[str, ...]]  # a word -> every word of its group
    known: frozenset[str]  # words never corrected as typos
    place: Area | None = None
    also: tuple[Area, ...] = ()  # other areas the same words name (Springfield, IL; Springfield, MA; ...)
    degrees: tuple[Degree, ...] = ()
    occupations: tuple[str, ...] = ()  # SOC codes, in the order named
    setting: Route | None = None
    background: Route | None = None
    term: Term | None = None  # the glossary term the question names, by its name, key or an alias
    credential: Certification | None = None  # the credential the question names, by its code or name
    rule: Rule | None = None
    groups: frozenset[str] = field(default=frozenset())


def singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def read(kb: KnowledgeBase, query: str, vocabulary: set[str]) -> Reading:
    """What a question asks; `vocabulary` is every word the passages hold (a metro's single
    word that also appears in them, such as 'college', is not taken for a place)."""
    from .search import american  # one table of British spellings serves the passages and the rules

    typed = _WORD.findall(query)
    words = tuple(dict.fromkeys(american(w.lower()) for w in typed))
    q = kb.questions
    filler = frozenset(q.filler) if q else frozenset()
    groups = {g[0]: tuple(g) for g in q.synonyms} if q else {}
    synonyms = {w: group for group in groups.values() for w in group}
    present = frozenset(words) | {synonyms[w][0] for w in words if w in synonyms}
    areas = _areas(kb)
    places, place_words = _place(typed, areas, filler | set(synonyms), vocabulary)
    singles = [singular(w) for w in (t.lower() for t in typed)]
    occupations = _occupations(kb, singles)
    reading = Reading(
        words=words,
        searched=tuple(w for w in words if w not in filler and w not in place_words),
        synonyms=synonyms,
        known=_known(kb, areas, filler | set(synonyms)),
        place=places[0] if places else None,
        also=tuple(places[1:]),
        degrees=_degrees(kb, singles),
        occupations=occupations,
        setting=_route(kb.paths.settings, singles, phrase=True),
        background=_route(kb.paths.backgrounds, singles, phrase=False, ignore=frozenset(synonyms)),
        term=_term(kb, words),
        credential=_credential(kb, singles),
        groups=present,
    )
    rule = next((r for r in (q.rules if q else []) if _applies(r, reading)), None)
    return replace(reading, rule=rule)


def _applies(rule: Rule, reading: Reading) -> bool:
    if not all(reading.groups.intersection(group) for group in rule.when):
        return False
    have = {
        "place": reading.place is not None,
        "two-degrees": len(reading.degrees) >= 2,
        "two-occupations": len(reading.occupations) >= 2,
        "setting": reading.setting is not None,
        "term": reading.term is not None,
        "background": reading.background is not None,
        "degree": bool(reading.degrees),
        "credential": reading.credential is not None,
    }
    return all(have[need] for need in rule.needs)


def _term(kb: KnowledgeBase, words: tuple[str, ...]) -> Term | None:
    """The glossary term the question names first ("what does RSE mean" asks about RSE, not the
    mean), by its name, key or an alias as whole words; the longest form where two start together."""
    said = f" {' '.join(words)} "
    found: list[tuple[int, int, Term]] = []
    for term in kb.glossary:
        for form in (term.name, term.term.replace("-", " "), *term.aliases):
            at = said.find(f" {' '.join(_WORD.findall(form.lower()))} ")
            if at >= 0:
                found.append((at, -len(form), term))
    return min(found, key=lambda hit: hit[:2])[2] if found else None


# -- places ---------------------------------------------------------------------------


def _areas(kb: KnowledgeBase) -> Sequence[Area]:
    if kb.wages is None:
        return ()
    from .wages.lookup import wage_data

    return wage_data(kb).area_list


_STATE_NAMES = {name.lower(): code for code, name in STATES.values()}
_STATE_CODES = {code for code, _ in STATES.values()}


def _spans(typed: Sequence[str]) -> Iterator[tuple[int, int]]:
    """(start, end) of every run of words, the longest first."""
    for size in range(min(_LONGEST_PLACE, len(typed)), 0, -1):
        for start in range(len(typed) - size + 1):
            yield start, start + size


def _place(
    typed: Sequence[str], areas: Sequence[Area], common: frozenset[str], vocabulary: set[str]
) -> tuple[list[Area], frozenset[str]]:
    """The places a question names, best first, and the words that name them: a state by name,
    or by its postal code typed in capitals or not a common word; a metro by whole words of its name."""
    if not areas:
        return [], frozenset()
    for start, end in _spans(typed):
        span = [w.lower() for w in typed[start:end]]
        code = len(span) == 1 and typed[start] in _STATE_CODES  # a postal code typed in capitals: IN, OR
        if (span[0] in common or span[-1] in common) and not code:
            continue
        found = _named(" ".join(span), typed[start:end], areas, vocabulary)
        if found:
            return found, frozenset(span)
    return [], frozenset()


def _named(text: str, typed: Sequence[str], areas: Sequence[Area], vocabulary: set[str]) -> list[Area]:
    code = _STATE_NAMES.get(text) or (text.upper() if text.upper() in _STATE_CODES and len(typed) == 1 else None)
    if code is not None:
        return [a for a in areas if a.kind == "state" and a.state == code]
    if len(typed) == 1 and (text in vocabulary or len(text) < 4):
        return []  # one word the guide uses itself ('college', 'state') is not taken for a metro
    found = [a for a in candidates(text, areas) if a.kind in ("metro", "nonmetro")]
    return [a for a in found if set(text.split()) <= set(_WORD.findall(a.name.lower()))]


# -- degrees, occupations, routes ---------------------------------------------------------


def _contains(words: Sequence[str], phrase: Sequence[str]) -> int | None:
    """Where `phrase` starts in `words`, or None."""
    n = len(phrase)
    return next((i for i in range(len(words) - n + 1) if list(words[i : i + n]) == list(phrase)), None)


def _abbreviation(degree: Degree) -> str | None:
    found = re.search(r"\(([A-Z]{2,5})\)", degree.name)
    if found:
        return found.group(1).lower()
    return "bachelor" if degree.level == "bachelor's" else None


def _degrees(kb: KnowledgeBase, singles: Sequence[str]) -> tuple[Degree, ...]:
    named = [(singles.index(a), d) for d in kb.education.degrees if (a := _abbreviation(d)) and a in singles]
    return tuple(d for _, d in sorted(named, key=lambda pair: pair[0]))


def _titles(kb: KnowledgeBase) -> list[tuple[list[str], str]]:
    """Every occupation title a question may name, as singular words, with its SOC code."""
    own = kb.identity.soc_code
    found = [(t, s) for s, t in (kb.wages.release.occupations.items() if kb.wages else ())]
    found += [(kb.identity.title, own)] + [(t.text, own) for t in kb.identity.alternative_titles]
    found += [(m.name, own) for m in kb.roles.manager_types]
    return [([singular(w) for w in _WORD.findall(t.lower()) if w != "and"], soc) for t, soc in found]


def _occupations(kb: KnowledgeBase, singles: Sequence[str]) -> tuple[str, ...]:
    at = [(i, soc) for words, soc in _titles(kb) if (i := _contains(singles, words)) is not None]
    return tuple(dict.fromkeys(soc for _, soc in sorted(at)))


def _route(
    routes: Sequence[Route], singles: Sequence[str], phrase: bool, ignore: frozenset[str] = frozenset()
) -> Route | None:
    """The route the question names first: a setting by its key's words in a row (nursing home,
    practice); a background by any word of its key but the common ones (nurse, records, changer),
    or by one of its aliases (rn; without a healthcare background), words in a row."""
    at = []
    for route in routes:
        parts = [singular(p) for p in route.key.split("-") if p not in ignore]
        i = _contains(singles, parts) if phrase else next((n for n, w in enumerate(singles) if w in parts), None)
        if i is not None:
            at.append((i, route))
        for alias in route.aliases:
            if (n := _contains(singles, [singular(w) for w in _WORD.findall(alias)])) is not None:
                at.append((n, route))
    return min(at, key=lambda pair: pair[0])[1] if at else None


def _credential(kb: KnowledgeBase, singles: Sequence[str]) -> Certification | None:
    """The credential the question names first, by its code (fache, CPHQ) or its full name."""
    at = []
    for c in kb.certifications.credentials:
        for form in (c.code, c.name):
            if (i := _contains(singles, [singular(w) for w in _WORD.findall(form.lower())])) is not None:
                at.append((i, c))
    return min(at, key=lambda pair: pair[0])[1] if at else None


def _known(kb: KnowledgeBase, areas: Sequence[Area], common: frozenset[str]) -> frozenset[str]:
    """Words that are a place, an occupation, a degree, a credential, a background's alias or a glossary term."""
    words = set(common) | set(_STATE_NAMES) | {c.lower() for c in _STATE_CODES}
    for name in {a.name for a in areas}:
        words.update(_WORD.findall(name.lower()))
    for title, _ in _titles(kb):
        words.update(title)
    words.update(a for d in kb.education.degrees if (a := _abbreviation(d)))
    words.update(c.code.lower() for c in kb.certifications.credentials)
    for route in kb.paths.backgrounds:
        words.update(w for alias in route.aliases for w in _WORD.findall(alias))
    for term in getattr(kb, "glossary", None) or ():  # the glossary, where the knowledge base has one
        for attr in ("key", "term", "name"):
            words.update(_WORD.findall(str(getattr(term, attr, "")).lower()))
    return frozenset(words)
