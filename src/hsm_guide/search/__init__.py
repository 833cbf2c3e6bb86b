"""`hsm-guide search`: a question in a reader's own words, answered first by the card it asks for,
then the passages that mention its words, each with the command that shows it in full.

The room, in reading order: `reading.py` reads a question into a `Reading` (`asked.py`; its words in
`..words`, misspellings in `spelling.py` with the English word list in `dictionary.py`, the parts it
names in `parts.py`, a pay figure asked for in `figures.py`, the places through `..places`);
`scoring.py` scores it against every card and `cards.py` chooses the one that leads; `answer.py` leads
with the card (one module per family: pay, compare, rankings, routes, credentials, reference, gaps)
and says what it did not use; `corpus.py` holds the passages and ranks them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from ..errors import UsageError
from ..words import MOST_WORDS, THOUSANDS, WORD
from .corpus import Hit, Passage, index, passages, vocabulary

if TYPE_CHECKING:
    from ..blocks import Document
    from ..model import KnowledgeBase
    from ..sections.builder import Builder
    from .cards import Choice
    from .lexicon import Lexicon
    from .reading import Reading

__all__ = ["Hit", "Passage", "Result", "document", "index", "passages", "search"]
PASSAGES = 5  # passages shown after a card by default; --all shows every one
SENTENCE = 5  # words from which a query is a question: where no card fits, its closest passages are shown


class Result(NamedTuple):
    query: str
    words: tuple[str, ...]  # the words the passages were searched for, after corrections
    corrections: dict[str, str]
    hits: list[Hit]
    closest: list[str]  # suggestions when nothing matched
    reading: Reading | None = None  # the question as read (no card within one section)
    unmatched: tuple[str, ...] = ()  # words no passage mentions, searched without them
    choices: tuple[Choice, ...] = ()  # the cards that can lead, best first (ranked once a run)
    lexicon: Lexicon | None = None  # what the question was read against

    @property
    def leads(self) -> bool:
        return bool(self.choices)


def search(kb: KnowledgeBase, query: str, section: str | None = None) -> Result:
    """The question as read, and the passages for its words, best first (within one section: no card)."""
    from .corpus import expand
    from .lexicon import lexicon
    from .reading import read

    _check(query, section)
    everything = index(kb)
    found = [p for p in everything if section is None or p.section == section]
    lex = lexicon(kb, vocabulary(kb, everything))
    reading = read(kb, query, lex)
    words = _searched(reading, lex)
    forms = expand(words, lex.synonyms, _words_of(found) if section else lex.vocabulary)
    kept = [f for f in forms if f]
    choices = _choices(kb, lex, reading) if section is None else ()
    hits = _hits(found, kept, loose=_loose(reading, choices))
    unmatched = tuple(w for w, f in zip(words, forms, strict=True) if not f) if kept else ()
    closest = [] if hits or choices else _closest(words, lex)
    asked = reading if section is None else None
    return Result(query, words, reading.corrections, hits, closest, asked, unmatched, choices, lex)


def _hits(found: list[Passage], kept: list[frozenset[str]], loose: bool) -> list[Hit]:
    """The passages for the words' forms (`kept`: those of the words that have any), best first."""
    from .corpus import ranked

    return ranked(found, kept, loose=loose) if kept else []


def _loose(reading: Reading, choices: tuple[Choice, ...]) -> bool:
    """Whether the passages matching the most words are shown where none match half (ranked's rule gives the
    same hits as strict ones whenever any match half): under a card, or under the card that says none fits
    a whole sentence (never "no matches" for one)."""
    return bool(choices) or len(reading.lower) >= SENTENCE


def _choices(kb: KnowledgeBase, lex: Lexicon, reading: Reading) -> tuple[Choice, ...]:
    """The cards the question can lead with; where the whole scores for none, those of its best clause
    (a long question of several parts often asks its question in one of them)."""
    from .cards import for_asker
    from .cards import ranked as cards
    from .clauses import best_clause, first_asked

    if kb.questions is None:
        return ()
    found = tuple(choice for _, choice in first_asked(kb, lex, reading, cards(kb, lex, reading)))
    return found or best_clause(kb, lex, reading) or for_asker(kb, lex, reading)


def _searched(reading: Reading, lex: Lexicon) -> tuple[str, ...]:
    """The words the passages are searched for: no filler, no place or region, nothing the guide lacks;
    a question of filler alone keeps its words."""
    spans = [(p.start, p.end) for p in reading.places + reading.again] + [
        (p.start, p.end) for p in reading.parts if p.kind == "region"
    ]
    named = {i for start, end in spans for i in range(start, end)}
    filler = lex.common - frozenset(lex.synonyms)
    kept = (w for i, w in enumerate(reading.lower) if i not in named and w not in filler)
    asked = tuple(dict.fromkeys(w for w in kept if w not in reading.unknown and not THOUSANDS.fullmatch(w)))
    return asked or (() if reading.places else tuple(dict.fromkeys(reading.lower)))


def _words_of(found: list[Passage]) -> frozenset[str]:
    return frozenset().union(*(p.words | p.context for p in found)) if found else frozenset()


def _check(query: str, section: str | None) -> None:
    """A UsageError when the query has no words, or the section is unknown."""
    if not WORD.search(query):
        raise UsageError("give one or more words to search for")
    if section is not None:
        from ..views import SECTION_NAMES

        if section not in SECTION_NAMES:
            from ..suggest import hint

            valid = ", ".join(SECTION_NAMES)
            raise UsageError(f"unknown section '{section}'{hint(section, SECTION_NAMES)} (valid: {valid})")


def _closest(words: tuple[str, ...], lex: Lexicon) -> list[str]:
    """Terms close to the words, where none matched; none for a known place or term (never 'teams' for 'texas')."""
    import difflib

    near = (difflib.get_close_matches(w, lex.vocabulary, n=3, cutoff=0.6) for w in words if w not in lex.known)
    closest = [c for found in near for c in found]
    return list(dict.fromkeys(closest))[:5]


def document(kb: KnowledgeBase, result: Result, every: bool = False, limit: int | None = None) -> Document:
    """The card, what was corrected or left out, then the passages (PASSAGES of them, or every one)."""
    from ..sections.builder import Builder

    b = Builder(kb, "search", f"Search: {result.query}")
    reading = result.reading
    answered = False
    if reading is not None and result.lexicon is not None:
        from .answer import lead

        answered = lead(b, kb, reading, result.lexicon, result.choices, bool(result.hits))
    _said(b, result)
    if not (answered and not result.words):
        _passages(b, result, len(result.hits) if every else (limit or PASSAGES), answered)
    return b.document(with_sources=False)


def _said(b: Builder, result: Result) -> None:
    """What of the question was left unread, corrected, or matched by no passage."""
    ignored = result.reading.ignored if result.reading else 0
    if ignored:
        b.note(f"The question was read up to its {MOST_WORDS}th word; the other {ignored:,} were left out.")
    for typed, used in result.corrections.items():
        b.note(f"Showing results for '{used}' (you typed '{typed}').")
    if result.unmatched:
        shown_words = [w for w in result.words if w not in result.unmatched]
        b.note(f"No passage mentions {_quoted(result.unmatched)}; showing {_quoted(shown_words)}.")


def _passages(b: Builder, result: Result, most: int, answered: bool) -> None:
    from ..blocks import Entry

    shown = _shown(result.hits, most)
    count = len(result.hits)
    if answered:
        b.heading("Passages")
    more = f"; the best {len(shown)} shown (--all for every one)." if count > len(shown) else "."
    b.text(f"{count} match{'es' if count != 1 else ''}" + more)
    entries = []
    for hit in shown:
        p = hit.passage
        where = f"{p.title} / {p.heading}" if p.heading != p.title else p.title
        entries.append(Entry(p.text, (), where, hit.spans, f"hsm-guide {p.command}"))
    b.entries(None, entries)


def _shown(hits: list[Hit], most: int) -> list[Hit]:
    """The best hits, at most two from one page while others wait (no block of one credential's rules)."""
    if most >= len(hits):
        return hits
    first: list[Hit] = []
    counted: dict[str, int] = {}
    for hit in hits:
        if counted.get(hit.passage.command, 0) < 2:
            counted[hit.passage.command] = counted.get(hit.passage.command, 0) + 1
            first.append(hit)
        if len(first) == most:
            return first
    rest = [h for h in hits if h not in first]
    return first + rest[: most - len(first)]


def _quoted(words: tuple[str, ...] | list[str]) -> str:
    return ", ".join(f"'{w}'" for w in words)
