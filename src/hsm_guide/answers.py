"""The answer card a question leads with: the figure, its year and source, then where to read on.

Which card, and which view it leads to, is the knowledge base's choice (`questions.rules`,
read by questions.py); each card here only shows what the data holds, with its sources.
A card that the data cannot give (no wage extract, no estimate) is left out, and the
passages stand alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from .blocks import Bullets, Entry
from .model import Certification, Degree, KnowledgeBase, Route, Rule
from .questions import Reading
from .sections.builder import Builder, FactRow

if TYPE_CHECKING:
    from .model.careers import Duration
    from .wages.lookup import WageData
    from .wages.model import WageRow

Card = Callable[[Builder, KnowledgeBase, Reading], bool]


def lead(b: Builder, kb: KnowledgeBase, reading: Reading) -> bool:
    """Add the card for the question's rule; False when there is none to give."""
    rule = reading.rule
    if rule is None:
        return False
    if not CARDS[rule.answer](b, kb, reading):
        return False
    b.hint(f"Read on: hsm-guide {command(rule, reading)}")
    return True


def command(rule: Rule, reading: Reading) -> str:
    """The rule's command with the place, setting and background the question named."""
    place = reading.place
    where = "" if place is None else (place.state if place.kind == "state" else place.code)
    values = {
        "year": str(reading.past_year or ""),
        "place": where,
        "setting": reading.setting.key if reading.setting else "",
        "background": reading.background.key if reading.background else "student",
        "term": reading.term.term if reading.term else "",
        "credential": reading.credential.code if reading.credential else "",
    }
    return (rule.command or rule.view).format(**values)


def _source_row(kb: KnowledgeBase, source_id: str) -> FactRow:
    return _sources_row(kb, [source_id])


def _sources_row(kb: KnowledgeBase, ids: Iterable[str]) -> FactRow:
    """The sources a card's figures come from, by publisher and short title."""
    wanted = list(dict.fromkeys(ids))
    found = [s for i in wanted for s in kb.sources if s.id == i]
    names = list(dict.fromkeys(f"{s.publisher}, {short_title(s.title)}" for s in found))
    shown = "; ".join(names[:SOURCES_NAMED])
    if len(names) > SOURCES_NAMED:  # the page read on with lists them all; a card stays short
        shown += f"; and {len(names) - SOURCES_NAMED} more, cited on the page named below"
    return ("Source" if len(names) == 1 else "Sources", shown, wanted)


def short_title(title: str) -> str:
    """A title up to its first ': ' outside brackets, so a label never leaves a bracket open:
    'Relative standard error (Health, United States: definitions)' stays whole."""
    return before(title, ": ")


def before(text: str, mark: str) -> str:
    """`text` up to the first `mark` outside brackets; all of it where there is none."""
    depth = 0
    for i, c in enumerate(text):
        depth += (c in "([{") - (c in ")]}")
        if depth == 0 and text.startswith(mark, i):
            return text[:i]
    return text


STARTING = "starting"  # the synonym group of a question about starting pay
LOWEST = "lowest"  # the synonym group of a question about the lowest pay
PERCENTILES = frozenset({"10", "10th", "90", "90th", "percent", "percentile", "percentiles"})
RANKED = 5  # areas or industries a ranking card lists
SOURCES_NAMED = 3  # sources a card names; the view it leads to cites every one


def pay(b: Builder, kb: KnowledgeBase, reading: Reading) -> bool:
    """The median (yearly and hourly) nationally or in the place named, the range, starting pay when
    asked about, and the national pay in the industries the question names."""
    if kb.wages is None:
        return False
    from .wages.lookup import wage_data

    data = wage_data(kb)
    others = [s for s in reading.occupations if s != data.soc]
    soc = others[0] if len(others) == 1 else data.soc
    place = reading.place
    row = data.national(soc) if place is None or place.kind == "national" else data.row(place.code, soc)
    where = place.name if place is not None and place.kind != "national" else "the United States"
    src = [data.source]
    b.heading(f"Answer: {data.occupation_name(soc)}, pay in {where}")
    rows: list[FactRow] = []
    if row is None:
        rows.append((f"Median pay, {data.label}", f"BLS publishes no estimate for {where}", src))
    else:
        rows.append((f"Median pay, {data.label}", data.yearly_and_hourly(row, "median"), src))
        rows.append(("Middle 80%", f"{data.text(row, 'annual_p10')} to {data.text(row, 'annual_p90')} a year", src))
        if PERCENTILES & set(reading.words):  # "what do the top 10% earn": each end said plainly
            rows.append(("Lowest-paid 10%", f"earned under {data.text(row, 'annual_p10')} a year", src))
            rows.append(("Top-paid 10%", f"earned over {data.text(row, 'annual_p90')} a year", src))
        if STARTING in reading.groups:  # BLS has no starting wage; the 10th percentile is the nearest figure
            p10 = data.text(row, "annual_p10")
            rows.append(
                ("Starting pay", f"BLS publishes no starting wage; the lowest-paid 10% earned under {p10} a year", src)
            )
    industries = reading.industries if soc == data.soc else ()
    for code in industries:
        industry = data.row("0000000", soc, code)
        if industry is not None:  # the name in the value: a long name as a label would stack the card
            value = f"{industry.industry_name}: {data.yearly_and_hourly(industry, 'median')} (median)"
            rows.append(("Industry, United States", value, src))
    rows.append(_source_row(kb, data.source))
    b.facts(rows)
    _pay_notes(b, kb, data, row, reading)
    return True


LOCAL = frozenset({"local", "locally", "near", "nearby", "around"})  # "pay near me", "local salaries"
MINE = frozenset({"my", "our"})  # "in my area", "in our state"


def _pay_notes(b: Builder, kb: KnowledgeBase, data: WageData, row: WageRow | None, reading: Reading) -> None:
    """A rough estimate's warning, the other areas the place's words name, and years the guide has no pay for."""
    if row is not None and (rough := data.rough(row)):
        b.note(rough, [data.source])
    if reading.also:
        listed = "; ".join(a.name for a in reading.also[:3]) + ("; and more" if len(reading.also) > 3 else "")
        b.note(f"Other areas match too ({listed}): add the state to choose one.")
    words = set(reading.words)
    if reading.place is None and (
        words & LOCAL or (words & MINE and words & {"area", "city", "town", "state", "county"})
    ):
        b.note(
            "Name your state or city for its own figures: "
            "hsm-guide search pay in Columbus Ohio, or hsm-guide pay --area OH."
        )
    from .sections.pay.editions import pay_years

    held = pay_years(kb)
    for year in (y for y in reading.years if y not in held):
        b.note(f"The guide has no pay figures for {year}; the years it holds: {', '.join(map(str, held))}.")
    role = reading.role
    if role is not None and role.specialization:  # "health informatics manager pay": counted here, not apart
        b.note(
            f"The guide's sources name {role.name.lower()} as one of this occupation's specializations; "
            "BLS publishes no separate figure for it.",
            [*role.sources, data.source],
        )
    if reading.place is not None and reading.past_year is not None:  # past editions are national only
        year = reading.past_year
        b.note(
            f"For {year} the guide has national figures only: hsm-guide pay --year {year}. These are {data.label}'s."
        )


def past_pay(b: Builder, kb: KnowledgeBase, reading: Reading) -> bool:
    """The median a past handbook edition gives for the year the question names."""
    from .sections.builder import median_text

    year = reading.past_year
    edition = next((e for e in kb.quick_facts.editions if e.pay_year == year), None)
    if edition is None:
        return False
    b.heading(f"Answer: pay in May {year}, from the handbook of the time")
    b.facts([("Median pay", median_text(edition), edition.sources), _sources_row(kb, edition.sources)])
    if kb.wages is not None:
        b.note(f"The current figures are for {kb.wages.release.release}: hsm-guide pay")
    return True


def _medians(data: WageData, rows: Iterable[WageRow]) -> list[FactRow]:
    """One row an area: its name, and its median a year and an hour."""
    return [(r.name, data.yearly_and_hourly(r, "median") + " (median)", [data.source]) for r in rows]


def ranking(b: Builder, kb: KnowledgeBase, reading: Reading) -> bool:
    """The five best-paying states and DC (metro areas, when the rule leads to pay --metros), or the five lowest."""
    if kb.wages is None:
        return False
    from .sections.pay.states import ranked
    from .wages.lookup import wage_data
    from .wages.states import TERRITORIES

    data = wage_data(kb)
    metros = "--metros" in (reading.rule.command or "") if reading.rule else False
    lowest = LOWEST in reading.groups
    areas = data.metros() if metros else [r for r in data.states() if r.state not in TERRITORIES]
    order = [r for r in ranked(data, areas, False) if r.annual_median]
    shown = order[-RANKED:][::-1] if lowest else order[:RANKED]
    kind = "metro areas" if metros else "states (and DC)"
    b.heading(f"Answer: the {'lowest' if lowest else 'best'}-paying {kind}, {data.label}")
    b.facts([*_medians(data, shown), _source_row(kb, data.source)])
    return True


def region_pay(b: Builder, kb: KnowledgeBase, reading: Reading) -> bool:
    """The median in each state of the region named, highest first (BLS publishes none for a region)."""
    region = reading.region
    if kb.wages is None or region is None:
        return False
    from .sections.pay.states import ranked
    from .wages.lookup import wage_data

    data = wage_data(kb)
    states = ranked(data, [r for r in data.states() if r.state in region.states], False)
    b.heading(f"Answer: pay in {region.name}, by state, {data.label}")
    src = [data.source]
    rows = _medians(data, states)
    b.facts([*rows, _sources_row(kb, [data.source, *region.sources])])
    b.note("BLS publishes no figure for a region as a whole: these are its states' own medians.", src)
    return True


def places(b: Builder, kb: KnowledgeBase, reading: Reading) -> bool:
    """Two areas' medians and middle 80% side by side."""
    if kb.wages is None or reading.place is None or reading.other is None:
        return False
    from .wages.lookup import wage_data

    data = wage_data(kb)
    pair = [(a, data.row(a.code)) for a in (reading.place, reading.other)]
    b.heading(f"Answer: {pair[0][0].name} and {pair[1][0].name}, pay side by side, {data.label}")
    src = [data.source]
    rows: list[FactRow] = []
    for area, row in pair:
        if row is None:
            rows.append((area.name, "BLS publishes no estimate", src))
            continue
        middle = f"middle 80% {data.text(row, 'annual_p10')} to {data.text(row, 'annual_p90')}"
        rows.append((area.name, f"{data.yearly_and_hourly(row, 'median')} (median); {middle}", src))
    b.facts([*rows, _source_row(kb, data.source)])
    return True


_PARTS = {
    "majors": "Bachelor's majors that lead here",
    "courses": "Courses to take",
    "high_school": "In high school",
    "postsecondary": "After high school",
}


def education_list(b: Builder, kb: KnowledgeBase, reading: Reading) -> bool:
    """One list of the education section (the majors, the courses, what to do in high school), as it gives it."""
    part = reading.rule.part if reading.rule else None
    items = list(getattr(kb.education, part)) if part else []
    if part is None or not items:
        return False
    b.bullets(f"Answer: {_PARTS[part]}", items)
    b.facts([_sources_row(kb, [i for item in items for i in item.sources])])
    return True


def rural_pay(b: Builder, kb: KnowledgeBase, reading: Reading) -> bool:
    """Rural pay: BLS's nonmetropolitan areas, the three best- and lowest-paid (no single rural figure exists)."""
    if kb.wages is None:
        return False
    from .sections.pay.states import ranked
    from .wages.lookup import wage_data

    data = wage_data(kb)
    state = reading.place.state if reading.place is not None and reading.place.kind == "state" else None
    rural = [r for r in data.metros(state) if r.kind == "nonmetro"]
    areas = [r for r in ranked(data, rural, False) if r.annual_median]
    if not areas:
        return False
    where = f" of {reading.place.name}" if state and reading.place else ""
    b.heading(f"Answer: pay in the rural (nonmetropolitan) areas{where}, {data.label}")
    src = [data.source]
    shown = [*areas[:3], *areas[-3:]] if len(areas) > 6 else areas
    rows = _medians(data, shown)
    b.facts([*rows, _source_row(kb, data.source)])
    which = "the three best- and lowest-paid are shown" if len(shown) < len(areas) else "all are shown"
    more = f"--area {state}" if state else "--area STATE (a state's own)"
    b.note(
        f"BLS publishes no single rural figure: it gives {len(areas)} nonmetropolitan areas their own; {which}. "
        f"Every area with its metros: hsm-guide pay --metros {more}",
        src,
    )
    return True


def organization(b: Builder, kb: KnowledgeBase, reading: Reading) -> bool:
    """What the professional organization the question names is for, as the resources page gives it."""
    o = reading.organization
    if o is None:
        return False
    name = f"{o.name} ({o.abbreviation})" if o.abbreviation else o.name
    return _entry(b, kb, name, o.abbreviation or o.name, o.purpose, o.sources)


def best_industries(b: Builder, kb: KnowledgeBase, reading: Reading) -> bool:
    """The best-paying industries with enough of these jobs to rank by, as pay --industry ranks them."""
    if kb.wages is None:
        return False
    from .sections.pay.industry import BEST_PAYING_FLOOR, best_paying
    from .wages.lookup import wage_data

    data = wage_data(kb)
    best = best_paying(data, False)[:RANKED]
    if not best:
        return False
    b.heading(f"Answer: the best-paying industries, {data.label}")
    jobs = [data.text(r, "employment", "count") for r in best]
    rows: list[FactRow] = [
        (r.industry_name, f"{data.text(r, 'annual_median')} a year (median); {n} jobs", [data.source])
        for r, n in zip(best, jobs, strict=True)
    ]
    b.facts([*rows, _source_row(kb, data.source)])
    b.note(f"Ranked among industries with at least {BEST_PAYING_FLOOR:,} of these jobs.", [data.source])
    return True


def jobs(b: Builder, kb: KnowledgeBase, reading: Reading) -> bool:
    """How many of these jobs there are: the OEWS count and the handbook's projection, each by its program."""
    from .sections.builder import current_edition, pay_facts, projection_facts

    edition = current_edition(kb)
    counted = [row for row in pay_facts(kb, edition) if row[0] == "Employed"]
    projected = [row for row in projection_facts(edition) if row[0] in ("Jobs", "Job outlook", "Employment change")]
    rows = [row for row in (*counted, *projected) if row[1]]
    if not rows:
        return False
    b.heading("Answer: how many of these jobs there are")
    b.facts([*rows, _sources_row(kb, [i for row in rows for i in row[2]])])
    b.hint("Why the two counts differ: hsm-guide explain employment-projections")
    return True


def employers(b: Builder, kb: KnowledgeBase, reading: Reading) -> bool:
    """The industries that employ the most of these managers, with each one's median."""
    if kb.wages is None:
        return False
    from .wages.lookup import wage_data

    data = wage_data(kb)
    largest = sorted(data.industries(), key=lambda r: r.employment or 0, reverse=True)[:RANKED]
    if not largest:
        return False
    b.heading(f"Answer: the largest employers, {data.label}")
    src = [data.source]
    rows: list[FactRow] = [
        (r.industry_name, f"{data.text(r, 'employment', 'count')} jobs; median {data.text(r, 'annual_median')}", src)
        for r in largest
    ]
    b.facts([*rows, _source_row(kb, data.source)])
    return True


def timeline(b: Builder, kb: KnowledgeBase, reading: Reading) -> bool:
    from .sections.timeline import timeline as route_timeline

    route = reading.background or kb.paths.backgrounds[0]
    found = route_timeline(kb, route.key)
    b.heading(f"Answer: how long it takes, {route.name[0].lower()}{route.name[1:]}")
    b.facts([("Route", route.name, []), ("How long", found.phrase, found.sources), _sources_row(kb, found.sources)])
    return True


def degrees(b: Builder, kb: KnowledgeBase, reading: Reading) -> bool:
    """Two degrees side by side."""
    first, second = reading.degrees[:2]
    b.heading(f"Answer: {_short(first.name)} and {_short(second.name)} side by side")
    pair = (first, second)
    b.facts([*((d.name, d.text, d.sources) for d in pair), _sources_row(kb, [i for d in pair for i in d.sources])])
    return True


def _short(name: str) -> str:
    return name[name.index("(") + 1 : name.index(")")] if "(" in name else name


def occupations(b: Builder, kb: KnowledgeBase, reading: Reading) -> bool:
    """Two occupations' national medians side by side (one named: with this occupation), from the wage extract."""
    if kb.wages is None:
        return False
    from .wages.lookup import wage_data

    data = wage_data(kb)
    pair = list(reading.occupations[:2]) if len(reading.occupations) >= 2 else [*reading.occupations, data.soc]
    names = [data.occupation_name(s) for s in pair]
    b.heading(f"Answer: {names[0]} and {names[1]}, pay side by side")
    rows: list[FactRow] = []
    for soc, name in zip(pair, names, strict=True):
        row = data.national(soc)
        rows.append((f"{name}, median, {data.label}", data.yearly_and_hourly(row, "median"), [data.source]))
    rows.append(_source_row(kb, data.source))
    b.facts(rows)
    return True


def certifications(b: Builder, kb: KnowledgeBase, reading: Reading) -> bool:
    """The credentials the setting's route names, each with whom it suits."""
    setting = reading.setting
    if setting is None:  # pragma: no cover - the rule needs a setting
        return False
    named = " ".join(s.text for s in setting.steps if s.kind == "certification")
    found = [c for c in kb.certifications.credentials if c.code in named.replace(",", " ").replace(".", " ").split()]
    if not found:
        return False
    b.heading(f"Answer: certifications for {setting.name[0].lower()}{setting.name[1:]}")
    rows: list[FactRow] = [(c.code, f"{c.name} ({c.body}): {c.suits}", c.sources) for c in found]
    notes = [(c.code, c.status[0]) for c in found if c.status]  # the latest statement on a credential in doubt
    b.facts([*rows, _sources_row(kb, [i for c in found for i in c.sources])])
    for code, status in notes:
        b.note(f"{code}: {status.text}", status.sources)
    licenses = [s for s in setting.steps if s.kind == "license"]
    if licenses:  # a required license matters more than an optional credential
        b.note(f"This setting also needs a license: {licenses[0].text}", licenses[0].sources)
    return True


def key_points(b: Builder, kb: KnowledgeBase, reading: Reading) -> bool:
    """The key points of the rule's view, as its --brief shows them."""
    from .views import SECTIONS

    rule = reading.rule
    section = next((s for s in SECTIONS if rule and s.name == rule.view), None)
    if section is None:
        return False
    brief = section.brief(kb)
    points = next((block for block in brief.blocks if isinstance(block, Bullets)), None)
    if points is None:
        return False
    b.entries(f"Answer: {brief.title}, key points", points.entries)
    b.facts([_sources_row(kb, [i for e in points.entries for i in e.sources])])
    return True


def _entry(b: Builder, kb: KnowledgeBase, heading: str, label: str, text: str, sources: Iterable[str]) -> bool:
    """A card of one named statement: a term's, a kind of manager's, an organization's."""
    cited = list(sources)
    b.heading(f"Answer: {heading}")
    b.facts([(label, text, cited), _sources_row(kb, cited)])
    return True


def term(b: Builder, kb: KnowledgeBase, reading: Reading) -> bool:
    """The glossary's entry for the term the question names, as `explain` gives it."""
    found = reading.term
    if found is None:
        return False
    short = found.name.split(" (")[0]  # the heading names it in full; a long label would squeeze the text
    return _entry(b, kb, found.name, short, found.text, found.sources)


def role(b: Builder, kb: KnowledgeBase, reading: Reading) -> bool:
    """What a kind of manager does; or, for a job title, that it is one of this occupation's titles."""
    found = reading.role
    if found is None:
        return False
    if found.text is not None:
        return _entry(b, kb, found.name, found.name, found.text, found.sources)
    b.heading(f"Answer: {found.name}")
    from .sections.keypoints import key_points

    what = f"One of the job titles of {kb.identity.title}: the same occupation, under another name"
    duties = key_points(kb, "duties")  # what the title's holder does is what the occupation does
    cited = [*found.sources, *(i for e in duties for i in e.sources)]
    b.facts([(found.name, what, list(found.sources))])
    if duties:
        b.entries("What the occupation does", duties)
    b.facts([_sources_row(kb, cited)])
    return True


# -- routes, a degree's length, a credential's facts ------------------------------------------


def route(b: Builder, kb: KnowledgeBase, reading: Reading) -> bool:
    """The background's route (else the setting's): its first steps in short, and how long it takes.

    A background's total is its timeline's (`path --from KEY`); a setting's adds its own steps'
    durations to the lengths of the degrees its steps name (a nursing home's bachelor's degree)."""
    from .sections.paths import KIND_LABELS
    from .sections.timeline import timeline as route_timeline

    who = reading.background
    where = None if who else reading.setting
    chosen = who or where
    if chosen is None:
        return False
    if who is not None:
        entries = [Entry(_in_short(s.text, ": "), tuple(s.sources), KIND_LABELS[s.kind]) for s in who.steps[:2]]
        found = route_timeline(kb, who.key)
        total, total_sources = (found.phrase, list(found.sources)) if found.rows else ("", [])
    else:
        entries, lengths = _setting_entries(kb, chosen)
        total, total_sources = _total(lengths), [i for d in lengths for i in d.sources]
    name = f"{chosen.name[0].lower()}{chosen.name[1:]}"
    b.entries(f"Answer: the route for {name}" if who else f"Answer: the route in {name}", entries, ordered=True)
    sources = [i for e in entries for i in e.sources] + total_sources
    b.facts([("How long", total, total_sources), _sources_row(kb, sources)])
    return True


def _in_short(text: str, mark: str) -> str:
    """A text's first clause, up to the first `mark` (": " or "; ") outside brackets, as a sentence."""
    clause = before(text, mark)
    return clause if clause.endswith(".") else f"{clause}."


def _setting_entries(kb: KnowledgeBase, setting: Route, most: int = 4) -> tuple[list[Entry], list[Duration]]:
    """A setting's steps in short, each length it names in its place (the lengths of the degrees a
    step names, then the step's own duration); every length is kept, other steps while there is room."""
    from .questions import _degrees, singular
    from .sections.paths import KIND_LABELS

    found: list[tuple[Entry, Duration | None]] = []
    for step in setting.steps:
        label = KIND_LABELS[step.kind]
        singles = [singular(w) for w in re.findall(r"\w+", step.text.lower())]
        lengths = [d for g in _degrees(kb, singles) if (d := degree_duration(kb, g)) and d is not step.duration]
        lengths += [step.duration] if step.duration else []
        for d in lengths:
            text = f"{d.step}{' (optional)' if d.optional else ''}: {_in_short(d.text, '; ')}"
            found.append((Entry(text, tuple(d.sources), label), d))
        if not lengths:
            found.append((Entry(_in_short(step.text, ": "), tuple(step.sources), label), None))
    room = most - sum(1 for _, d in found if d is not None)
    kept = []
    for entry, d in found:
        if d is None and room <= 0:
            continue
        room -= d is None
        kept.append((entry, d))
    return [e for e, _ in kept], [d for _, d in kept if d is not None]


def _total(lengths: list[Duration]) -> str:
    """The durations added up, the optional ones apart (as a route's timeline does); empty when no
    required step has one."""
    from .sections.timeline import added_up, phrase, row

    if all(d.optional for d in lengths):
        return ""
    return phrase(*added_up(row(d) for d in lengths), "in all")


def degree_duration(kb: KnowledgeBase, degree: Degree) -> Duration | None:
    """The first route step's duration that names the degree (MHA; a bachelor's degree), in the data's order."""
    from .questions import _abbreviation, singular

    short = _abbreviation(degree)
    for r in [*kb.paths.backgrounds, *kb.paths.settings]:
        for step in r.steps:
            d = step.duration
            if d is not None and short in [singular(w) for w in re.findall(r"\w+", d.step.lower())]:
                return d
    return None


def degree_length(b: Builder, kb: KnowledgeBase, reading: Reading) -> bool:
    """How long the degree the question names takes, as a route's step gives it."""
    degree = reading.degrees[0] if reading.degrees else None
    found = degree_duration(kb, degree) if degree else None
    if degree is None or found is None:
        return False
    b.heading(f"Answer: how long it takes, {degree.name}")
    b.facts([(found.step, found.text, found.sources), _sources_row(kb, found.sources)])
    return True


# the facts a credential card leads with: its answer -> (the credential's field, the heading, the word for none)
_FACETS = {
    "credential-cost": ("cost", "Answer: what the {code} costs", "fee"),
    "credential-eligibility": ("eligibility", "Answer: who is eligible for the {code}", "eligibility rules"),
    "credential-renewal": ("renewal", "Answer: renewing the {code}", "renewal rules"),
}


def credential(b: Builder, kb: KnowledgeBase, reading: Reading) -> bool:
    """The facts the question asks of the credential it names (cost, eligibility, renewal), each with
    its sources as `certifications CODE` gives them; its main facts where the data has none of those."""
    c = reading.credential
    if c is None:
        return False
    facet = _FACETS.get(reading.rule.answer) if reading.rule else None
    if facet is None:
        b.heading(f"Answer: the {c.code}, {c.name}")
        b.facts([*_main_facts(c), _sources_row(kb, c.sources)])
        return True
    field, heading, none = facet
    items = list(getattr(c, field))
    b.heading(heading.format(code=c.code))
    if items:
        b.bullets(None, items)
        b.facts([_sources_row(kb, [i for item in items for i in item.sources])])
    else:
        b.text(f"The guide's sources give no {none} for the {c.code} ({c.name}).")
        b.facts([*_main_facts(c), _sources_row(kb, c.sources)])
    return True


def _main_facts(c: Certification) -> list[FactRow]:
    status = c.status[0] if c.status else None
    return [
        ("Issuing body", c.body, c.sources),
        ("Suits", c.suits, c.sources),
        ("Preparation", c.preparation or "", c.sources),
        ("Renews", c.renews or "", c.sources),
        *([("Status", status.text, status.sources)] if status else []),
    ]


CARDS: dict[str, Card] = {
    "pay": pay,
    "ranking": ranking,
    "jobs": jobs,
    "employers": employers,
    "timeline": timeline,
    "degrees": degrees,
    "occupations": occupations,
    "certifications": certifications,
    "key-points": key_points,
    "term": term,
    "role": role,
    "past-pay": past_pay,
    "region-pay": region_pay,
    "rural-pay": rural_pay,
    "organization": organization,
    "best-industries": best_industries,
    "places": places,
    "education-list": education_list,
    "route": route,
    "degree-length": degree_length,
    "credential": credential,
    "credential-cost": credential,
    "credential-eligibility": credential,
    "credential-renewal": credential,
}
