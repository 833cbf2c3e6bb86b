"""Reading a question for `search`: its words, synonyms, the place, degrees, occupations,
setting and background it names, and the rule (from the knowledge base's `questions:`)
whose answer it leads with.

Recognition is exact (whole words, a state's name or postal code, a metro's whole city name
or a regional name from the data):
what is recognized here is never "corrected" as a typo.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace

from .model import Certification, Degree, KnowledgeBase, NamedIndustry, Organization, Region, Route, Rule, Term
from .wages.areas import Area, _listed_states, _strip_accents
from .wages.states import STATES

_WORD = re.compile(r"\w+")
_YEAR = re.compile(r"(19|20)\d\d")
_LONGEST_PLACE = 4  # words: "district of columbia", "salt lake city ut"


@dataclass(frozen=True)
class Reading:
    words: tuple[str, ...]  # the question's distinct words, lower case
    searched: tuple[str, ...]  # what the passages are searched for: no filler, no place
    synonyms: dict[str, tuple[str, ...]]  # a word -> every word of its group
    known: frozenset[str]  # words never corrected as typos
    place: Area | None = None
    also: tuple[Area, ...] = ()  # other areas the same words name (Springfield, IL; Springfield, MA; ...)
    other: Area | None = None  # a second place it names, to set beside the first
    degrees: tuple[Degree, ...] = ()
    occupations: tuple[str, ...] = ()  # SOC codes, in the order named
    own: str = ""  # this occupation's SOC code
    years: tuple[int, ...] = ()  # the years it names (2012, 2034), in order
    past_year: int | None = None  # the first it names that a past handbook edition gives pay for
    region: Region | None = None  # a group of states it names (the midwest), where it names no place
    organization: Organization | None = None  # a professional organization it names (ACHE, MGMA)
    setting: Route | None = None
    background: Route | None = None
    term: Term | None = None  # the glossary term the question names, by its name, key or an alias
    industries: tuple[str, ...] = ()  # the industries it names (questions.industries), in order
    role: Role | None = None  # a kind of manager or a job title of this occupation it names
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
    areas = _areas(kb)
    years = tuple(int(w) for w in words if _YEAR.fullmatch(w))
    named = _places(kb, areas)
    places, place_words = _place(typed, named, areas, filler | set(synonyms), vocabulary)
    rest = [t for t in typed if t.lower() not in place_words]  # a second place: "Florida vs Georgia"
    second, second_words = _place(rest, named, areas, filler | set(synonyms), vocabulary)
    place_words |= second_words
    singles = [singular(american(t.lower())) for t in typed]
    industries = _industries(q.industries if q else [], singles)
    # Words that name an industry ask nothing of their own: "long-term care" is not "how long".
    taken = {singles[i] for _, span in industries for i in span} - {singles[i] for i in _free(singles, industries)}
    asked = [w for w in words if singular(w) not in taken]
    present = frozenset(asked) | {synonyms[w][0] for w in asked if w in synonyms}
    region = None if places else _region(q.regions if q else [], singles)
    region_words = {w for name in region.names for w in name.split()} if region else set()
    occupations = _occupations(kb, singles, industries)
    reading = Reading(
        words=words,
        searched=tuple(w for w in words if w not in filler and w not in place_words and w not in region_words),
        synonyms=synonyms,
        known=_known(kb, areas, filler | set(synonyms)) | {w for w in words if w.isdigit()},  # a number is never a typo
        place=places[0] if places else None,
        also=tuple(places[1:]),
        other=second[0] if second and places and second[0] != places[0] else None,
        degrees=_degrees(kb, singles),
        occupations=occupations,
        own=kb.identity.soc_code,
        years=years,
        past_year=next((y for y in years if y in _past_years(kb)), None),
        setting=_route(kb.paths.settings, singles, phrase=True),
        background=_route(kb.paths.backgrounds, singles, phrase=False, ignore=frozenset(synonyms)),
        term=_term(kb, words),
        industries=tuple(code for code, _ in industries),
        role=_role(kb, singles),
        region=region,
        credential=_credential(kb, singles),
        organization=_organization(kb, singles),
        groups=present,
    )
    rule = next((r for r in (q.rules if q else []) if _applies(r, reading)), None)
    return replace(reading, rule=rule)


def _applies(rule: Rule, reading: Reading) -> bool:
    if not all(reading.groups.intersection(group) for group in rule.when):
        return False
    have = {
        "place": reading.place is not None,
        "two-places": reading.other is not None,
        "two-degrees": len(reading.degrees) >= 2,
        "degree": len(reading.degrees) >= 1,
        "past-year": reading.past_year is not None,
        "two-occupations": len(reading.occupations) >= 2,
        "another-occupation": len(reading.occupations) == 1 and reading.occupations[0] != reading.own,
        "setting": reading.setting is not None,
        "term": reading.term is not None,
        "role": reading.role is not None,
        "region": reading.region is not None,
        "background": reading.background is not None,
        "credential": reading.credential is not None,
        "organization": reading.organization is not None,
    }
    return all(have[need] for need in rule.needs)


def _past_years(kb: KnowledgeBase) -> set[int]:
    """The pay years of the handbook editions before the current wage release."""
    current = kb.wages.release.year if kb.wages else None
    return {e.pay_year for e in kb.quick_facts.editions} - {current}


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


def _key(text: str) -> tuple[str, ...]:
    """A name's words as a question's words are read: lower case, accents dropped."""
    return tuple(_WORD.findall(_strip_accents(text)))


_SPELLED = {"st": "saint", "saint": "st", "ft": "fort", "fort": "ft", "mt": "mount", "mount": "mt"}


@dataclass(frozen=True)
class Places:
    """What names a place in a question: a metro's whole cities, the regional names the data adds,
    and everyday words that are also a city's name."""

    cities: dict[tuple[str, ...], list[Area]]
    regional: dict[tuple[str, ...], list[Area]]
    ordinary: frozenset[str]
    employment: dict[str, float]  # area code -> this occupation's employment there


_PLACES: dict[int, tuple[object, Places]] = {}


def _places(kb: KnowledgeBase, areas: Sequence[Area]) -> Places:
    """What names a place, built once per knowledge base (about 4 ms) and kept beside its cache entry."""
    found = _PLACES.get(id(kb))
    if found is not None and found[0] is kb:
        return found[1]
    from .cache import derived

    by_code = {a.code: a for a in areas}

    def make(
        plain: tuple[dict[tuple[str, ...], list[str]], dict[tuple[str, ...], list[str]], dict[str, float]],
    ) -> Places:
        cities, regional, employment = plain
        q = kb.questions
        return Places(
            {k: [by_code[c] for c in v] for k, v in cities.items()},
            {k: [by_code[c] for c in v] for k, v in regional.items()},
            frozenset(q.ordinary if q else ()),
            employment,
        )

    shape = tuple[dict[tuple[str, ...], list[str]], dict[tuple[str, ...], list[str]], dict[str, float]]
    places: Places = derived.remember(kb, "places", lambda: _place_names(kb, areas), make, shape)
    _PLACES.clear()
    _PLACES[id(kb)] = (kb, places)
    return places


def _place_names(
    kb: KnowledgeBase, areas: Sequence[Area]
) -> tuple[dict[tuple[str, ...], list[str]], dict[tuple[str, ...], list[str]], dict[str, float]]:
    """The words that name each metro (its whole cities), the regional names, and each area's employment,
    by area code: plain values the derived cache can keep."""
    cities: dict[tuple[str, ...], list[str]] = {}
    for area in areas:
        if area.kind != "metro":
            continue
        parts = [p for p in re.split(r"[-/]", area.name.rsplit(", ", 1)[0]) if p.strip()]
        runs = [" ".join(parts[i:j]) for i in range(len(parts)) for j in range(i + 1, len(parts) + 1)]
        for city in runs:  # each city, and cities in a row: Winston-Salem, Dallas-Fort Worth
            key = _key(city)
            for form in {key, tuple(_SPELLED.get(w, w) for w in key)}:
                if form and area.code not in cities.setdefault(form, []):
                    cities[form].append(area.code)
    codes = {a.code for a in areas}
    regional: dict[tuple[str, ...], list[str]] = {}
    q = kb.questions
    for place in q.places if q else ():
        if place.area in codes:
            for name in place.names:
                regional[_key(name)] = [place.area]
    employment: dict[str, float] = {}
    if kb.wages is not None:
        from .wages.lookup import wage_data

        employment = {r.area: r.employment for r in wage_data(kb).areas() if r.employment is not None}
    return cities, regional, employment


def _place(
    typed: Sequence[str], places: Places, areas: Sequence[Area], common: frozenset[str], vocabulary: set[str]
) -> tuple[list[Area], frozenset[str]]:
    """The places a question names, best first, and the words that name them: a state by name,
    or by its postal code typed in capitals or not a common word; a metro by a whole city of its
    name or a regional name, optionally followed by its state. Where several metros match, the
    one that employs the most of this occupation comes first."""
    if not areas:
        return [], frozenset()
    for start, end in _spans(typed):
        span = [w.lower() for w in typed[start:end]]
        code = len(span) == 1 and typed[start] in _STATE_CODES  # a postal code typed in capitals: IN, OR
        after = len(span) > 1 and span[-1].upper() in _STATE_CODES  # a city's state: portland me, salem or
        if (span[0] in common or (span[-1] in common and not after)) and not code:
            continue
        found = _named(typed[start:end], start, places, areas, vocabulary)
        if found:
            found.sort(key=lambda a: -places.employment.get(a.code, -1.0))
            return found, frozenset(span)
    return [], frozenset()


def _state(words: Sequence[str], typed: Sequence[str]) -> str | None:
    """The state `words` name: its name, or its postal code (one word)."""
    text = " ".join(words)
    if text in _STATE_NAMES:
        return _STATE_NAMES[text]
    return text.upper() if len(typed) == 1 and text.upper() in _STATE_CODES else None


def _named(typed: Sequence[str], start: int, places: Places, areas: Sequence[Area], vocabulary: set[str]) -> list[Area]:
    words = [_strip_accents(w) for w in typed]
    state = _state(words, typed)
    if state is not None:
        return [a for a in areas if a.kind == "state" and a.state == state]
    for n in range(min(3, len(words) - 1), 0, -1):  # a metro's city or regional name, then its state
        state = _state(words[-n:], typed[-n:])
        if state is not None:
            rest = tuple(words[:-n])
            found = places.regional.get(rest) or places.cities.get(rest, [])
            return [a for a in found if state in _listed_states(a)]
    key = tuple(words)
    if key in places.regional:
        return list(places.regional[key])
    if len(key) == 1:
        word = key[0]
        if word in vocabulary or len(word) < 4:
            return []  # one word the guide uses itself ('college', 'state') is not taken for a metro
        if word in places.ordinary and not (start > 0 and typed[0][:1].isupper()):
            return []  # 'mobile' is a word; 'pay in Mobile' and 'mobile al' name the metro
    return list(places.cities.get(key, []))


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
    found += [(_LISTING.sub("", t.text), own) for t in (*kb.roles.title_examples, *kb.roles.onet_titles)]
    found += [(r.key.replace("-", " "), r.soc) for r in kb.paths.backgrounds if r.soc]  # "nurse": registered nurses
    return [([singular(w) for w in _WORD.findall(t.lower()) if w != "and"], soc) for t, soc in found]


@dataclass(frozen=True)
class Role:
    """A kind of manager (with what it does), a specialization, or a job title of this occupation
    that a question names."""

    name: str
    text: str | None  # what a kind of manager does, or what a specialization is; None for a title
    sources: tuple[str, ...]
    specialization: bool = False


_LISTING = re.compile(r"\s*\(.*\)$")  # "Director of Nursing (April 2021 listing)": the note is not the title


def _role(kb: KnowledgeBase, singles: Sequence[str]) -> Role | None:
    """The kind of manager, specialization or job title named first (the longest where two start together)."""
    roles = kb.roles
    named: list[tuple[str, str | None, list[str], bool]] = [
        (m.name, m.text, m.sources, False) for m in roles.manager_types
    ]
    named += [(m.name, m.text, m.sources, True) for m in roles.specializations]
    named += [(_LISTING.sub("", t.text), None, t.sources, False) for t in (*roles.title_examples, *roles.onet_titles)]
    found: list[tuple[int, int, Role]] = []
    seen: set[str] = set()
    for name, text, sources, special in named:  # a kind of manager comes before a title of the same name
        words = [singular(w) for w in _WORD.findall(name.lower())]
        if name.lower() in seen or (at := _contains(singles, words)) is None:
            continue
        seen.add(name.lower())
        found.append((at, -len(words), Role(name, text, tuple(sources), special)))
    return min(found, key=lambda hit: hit[:2])[2] if found else None


def _region(regions: Sequence[Region], singles: Sequence[str]) -> Region | None:
    """The region named first; the longest name where two start together ("west coast" over "west")."""
    at = [
        (i, -len(words), region)
        for region in regions
        for name in region.names
        if (i := _contains(singles, words := [singular(w) for w in name.split()])) is not None
    ]
    return min(at, key=lambda hit: hit[:2])[2] if at else None


def _free(singles: Sequence[str], industries: Sequence[tuple[str, range]]) -> list[int]:
    """The positions of the words outside every industry's span."""
    taken = {i for _, span in industries for i in span}
    return [i for i in range(len(singles)) if i not in taken]


def _industries(named: Sequence[NamedIndustry], singles: Sequence[str]) -> list[tuple[str, range]]:
    """The industry codes the question names ("nursing homes", "a physician practice"), in the order
    named, each with the words that name it (the longest phrase where two overlap)."""
    at = [
        (range(i, i + len(words)), n.industry)
        for n in named
        for said in n.said
        if (i := _contains(singles, words := [singular(w) for w in said.split()])) is not None
    ]
    at.sort(key=lambda hit: (hit[0].start, -len(hit[0])))
    found: dict[str, range] = {}
    for span, code in at:
        if code not in found and not any(span.start in r for r in found.values()):
            found[code] = span
    return list(found.items())


def _occupations(
    kb: KnowledgeBase, singles: Sequence[str], industries: Sequence[tuple[str, range]] = ()
) -> tuple[str, ...]:
    """The occupations named, in order; a title inside a longer one names nothing ("nurse" in "nurse manager"),
    nor one inside the words that name an industry ("physician" in "a physician practice")."""
    taken = {i for _, span in industries for i in span}
    at = [
        (i, i + len(words), soc)
        for words, soc in _titles(kb)
        if (i := _contains(singles, words)) is not None and not taken.intersection(range(i, i + len(words)))
    ]
    kept = [a for a in at if not any(b[0] <= a[0] and a[1] <= b[1] and b[1] - b[0] > a[1] - a[0] for b in at)]
    return tuple(dict.fromkeys(soc for _, _, soc in sorted(kept)))


def _route(
    routes: Sequence[Route], singles: Sequence[str], phrase: bool, ignore: frozenset[str] = frozenset()
) -> Route | None:
    """The route the question names first: a setting by its key's words in a row (nursing home,
    practice); a background by any word of its key but the common ones (nurse, records, changer);
    either by an alias's words in a row (rn, registered nurse, finance)."""
    at = []
    for route in routes:
        parts = [singular(p) for p in route.key.split("-") if p not in ignore]
        i = _contains(singles, parts) if phrase else next((n for n, w in enumerate(singles) if w in parts), None)
        found = [i, *(_contains(singles, [singular(w) for w in _WORD.findall(a)]) for a in route.aliases)]
        named = [n for n in found if n is not None]
        if named:
            at.append((min(named), route))
    return min(at, key=lambda pair: pair[0])[1] if at else None


def _organization(kb: KnowledgeBase, singles: Sequence[str]) -> Organization | None:
    """The professional organization named first, by its abbreviation (ache) or its full name."""
    at = []
    for o in kb.organizations:
        for form in (o.abbreviation, o.name):
            if form and (i := _contains(singles, [singular(w) for w in _WORD.findall(form.lower())])) is not None:
                at.append((i, o))
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
    for place in kb.questions.places if kb.questions else ():
        words.update(w for name in place.names for w in name.split())
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
