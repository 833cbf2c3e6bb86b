"""`hsm-guide licensure --states` and `--state XX`: nursing home administrator licensing state by state.

Every cell comes from the state table (licensing/): a figure the table states as a number,
a yes or no, or the first clause of the fact in the guide's words; "not verified" where no
page was found; "(secondary)" where part of it rests on a secondary page only. One state's
page gives each fact whole, with the pages it cites and the day each was read.
"""

from __future__ import annotations

import datetime as dt

from ..blocks import Document, Entry, SourceList, SourceRef
from ..errors import UsageError
from ..licensing.checks import PRIMARY, ROWS
from ..licensing.model import NOT_VERIFIED, Exam, Fact, Licensing, Page, Renewal, State, Training
from ..licensing.table import find_state, of
from ..model import KnowledgeBase
from .builder import Builder
from .glossary import first_sentence

LABELS = {
    "degree": "Degree",
    "ait": "Administrator in training (AIT)",
    "state_exam": "State exam",
    "nab_exams": "NAB's exams",
    "ce": "Continuing education to renew",
    "assisted_living": "Assisted-living administrators licensed",
}
SHORT = ("Degree", "AIT", "State exam", "NAB exams", "CE to renew", "Assisted living")  # the table's columns
KIND_WORDS = {"board": "the licensing board's own page", "rule": "the state's rule", "secondary": "secondary page"}
STANDING = {
    "board": "primary: the state's licensing board itself",
    "rule": "primary: the text of the state's statute or rule",
    "secondary": "secondary: another publisher, not the board or the rule",
}


def table_of(kb: KnowledgeBase) -> Licensing:
    found = of(kb)
    if found is None:
        raise UsageError(
            "this knowledge base has no state table beside it (licensure/states.json); "
            "see the data update guide in docs/"
        )
    return found


def states(kb: KnowledgeBase) -> Document:
    """The 50 states and DC in one table, each cell short; the state pages give each fact whole."""
    table = table_of(kb)
    b = Builder(kb, "licensure", "Nursing home administrator licensing, state by state")
    rows = [(ROWS[code], *cells(table.states.get(code))) for code in ROWS]
    b.table(
        [("State", "text"), *((label, "text") for label in SHORT)],
        rows,
        caption=(
            "Each cell from the state board's own page or the state's rule (AIT: administrator in training; "
            "CE: continuing education). Not verified: no such page states it; (secondary): the figure rests "
            "on a secondary page only, not the board's page or the rule"
        ),
    )
    done = [code for code in ROWS if code in table.states]
    if len(done) < len(ROWS):
        b.note(f"{len(ROWS) - len(done)} of the 51 (the 50 states and DC) are not yet researched: every cell says so.")
    b.hint("One state's facts, each with its pages and the day they were read: hsm-guide licensure --state VA")
    return b.document()


def national(b: Builder, kb: KnowledgeBase) -> None:
    """The licensure section's pointer to the state table, with what the table shows in a few figures."""
    table = of(kb)
    if table is None:
        return
    found = table.states
    b.heading("State by state")
    hours = sorted(
        (s.facts.ait.hours, s.name)
        for s in found.values()
        if s.facts.ait.hours is not None and not s.facts.ait.secondary and primary(s, s.facts.ait)
    )
    exams = [s for s in found.values() if s.facts.state_exam.required and primary(s, s.facts.state_exam)]
    assisted = [s for s in found.values() if s.facts.assisted_living.licensed and primary(s, s.facts.assisted_living)]
    parts = [f"The guide's state table holds {len(found)} of the 51 (the 50 states and DC)"]
    if hours:
        (low, low_state), (high, high_state) = hours[0], hours[-1]
        parts.append(
            f"where a state's board page or rule sets the administrator-in-training program in hours, it runs "
            f"from {low:,} ({low_state}) to {high:,} ({high_state}), across {len(hours)} states"
        )
    parts.append(
        f"{len(exams)} add a state exam of their own to NAB's, and {len(assisted)} also license "
        "assisted-living administrators, by their board pages or rules"
    )
    b.note("; ".join(parts) + ". Each figure is cited, with the day its page was read, in the table.")
    b.hint("Every state in one table: hsm-guide licensure --states; one state: hsm-guide licensure --state VA")


def primary(state: State, fact: Fact) -> bool:
    return any(state.pages[s].kind in PRIMARY for s in fact.sources)


def cells(state: State | None) -> tuple[str, ...]:
    """A state's six cells, in LABELS' order; all 'not verified' for a state not yet researched."""
    if state is None:
        return (NOT_VERIFIED,) * len(LABELS)
    f, p = state.facts, state.pages
    return (
        cell(f.degree, None, p),
        cell(f.ait, training(f.ait), p),
        cell(f.state_exam, yes_no(f.state_exam.required), p),
        cell(f.nab_exams, None, p),
        cell(f.ce, renewal(f.ce), p),
        cell(f.assisted_living, yes_no(f.assisted_living.licensed), p),
    )


def cell(fact: Fact, figure: str | None = None, pages: dict[str, Page] | None = None) -> str:
    """A figure (hours, yes or no) or the fact's first clause; 'not verified' where no primary page states it."""
    said = fact.text.casefold().startswith(NOT_VERIFIED)
    short = figure or (None if said else first_clause(fact.text))
    primary = pages is not None and any(pages[s].kind in PRIMARY for s in fact.sources)
    if not fact.sources or short in (None, NOT_VERIFIED) or (pages is not None and not primary):
        return f"{NOT_VERIFIED} (secondary: {short})" if fact.sources and short and figure else NOT_VERIFIED
    return f"{short} (secondary)" if fact.secondary else short


def training(fact: Training) -> str | None:
    if fact.hours is None:
        return None
    weeks = f" over at least {fact.weeks} weeks" if fact.weeks else ""
    return f"{fact.hours:,} hours{weeks}"


def renewal(fact: Renewal) -> str | None:
    if fact.hours is None:
        return None
    if fact.cycle_years is None:
        return f"{fact.hours} hours a cycle"
    return f"{fact.hours} hours {'a year' if fact.cycle_years == 1 else f'every {fact.cycle_years} years'}"


def yes_no(value: bool | None) -> str | None:
    return None if value is None else ("yes" if value else "no")


CELL_WORDS = 16  # a cell's summary at most; the state's page gives the fact whole


def first_clause(text: str) -> str:
    """The fact's first sentence up to its first ';' outside brackets, at most CELL_WORDS words."""
    sentence = first_sentence(text)
    depth = 0
    for i, c in enumerate(sentence):
        depth += (c in "([") - (c in ")]")
        if depth == 0 and c == ";" and sentence[i + 1 : i + 2] == " ":
            sentence = sentence[:i]
            break
    words = sentence.removesuffix(".").split()
    return " ".join(words) if len(words) <= CELL_WORDS else " ".join(words[:CELL_WORDS]).rstrip(",:;") + "..."


def state_page(kb: KnowledgeBase, query: str) -> Document:
    """One state's facts, each with the pages it cites and the day they were read."""
    code = find_state(query)
    state = table_of(kb).states.get(code)
    name = ROWS[code]
    b = Builder(kb, "licensure", f"Nursing home administrator license: {name}")
    if state is None:
        b.note(f"The guide has no verified facts for {name} yet: every fact is not verified; ask the state's board.")
        b.hint("Every state at once: hsm-guide licensure --states")
        return b.document()
    b.facts([("Licensing board", state.board.name, ())])
    if state.board.url:
        b.link(state.board.url)
    entries = [entry(state, name, getattr(state.facts, name)) for name in LABELS]
    b.entries("What the license asks", entries)
    cited = dict.fromkeys(s for name in LABELS for s in getattr(state.facts, name).sources)
    refs = tuple(page_ref(code, pid, state.pages[pid]) for pid in cited)
    if refs:
        b.heading("Pages cited")
        b.blocks.append(SourceList(refs, detailed=True))
    b.hint("Every state at once: hsm-guide licensure --states")
    return b.document(with_sources=False)


def entry(state: State, name: str, fact: Fact) -> Entry:
    """A fact whole, marked where it rests on a secondary page, with the pages it cites on the line below."""
    label = LABELS[name]
    if not fact.sources:
        return Entry("not verified: no page found that states it", (), label)
    text = fact.text
    if isinstance(fact, Exam) and fact.required is None and not text.casefold().startswith(NOT_VERIFIED):
        text = f"Not verified. {text}"
    if fact.secondary:
        text += " (Part of this rests on a secondary page only.)"
    pages = [state.pages[s] for s in fact.sources]
    cited = "; ".join(f"{p.publisher}, {p.title} ({KIND_WORDS[p.kind]}, read {day(p.read)})" for p in pages)
    return Entry(text, (), label, detail=f"Cited: {cited}")


def page_ref(code: str, page_id: str, page: Page) -> SourceRef:
    grade = "primary" if page.kind in PRIMARY else "secondary"
    return SourceRef(
        f"{code.lower()}:{page_id}",
        page.title,
        page.publisher,
        grade,
        url=page.url,
        kind=KIND_WORDS[page.kind],
        standing=STANDING[page.kind],
        read=day(page.read),
    )


def day(iso: str) -> str:
    """'2026-12-06' -> 'December 6, 2026'."""
    d = dt.date.fromisoformat(iso)
    return f"{d:%B} {d.day}, {d.year}"
