"""`hsm-guide search`: ranked hits across every section, forgiving small typos.

The index is built from the same section documents the terminal shows, so
every hit can say which command shows it in full.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple, assert_never

from .blocks import (
    Address,
    Bands,
    Bars,
    Block,
    Bullets,
    Document,
    Entry,
    Facts,
    Heading,
    Note,
    Paragraph,
    SourceList,
    Table,
    TileMap,
    Tree,
    fmt,
)
from .errors import UsageError
from .model import KnowledgeBase

if TYPE_CHECKING:
    from .questions import Reading

_WORD = re.compile(r"\w+")


class Passage(NamedTuple):  # a tuple: tens of thousands are built for a large knowledge base
    section: str  # the section's name
    title: str  # the section's title
    heading: str
    text: str
    command: str  # what shows it in full
    words: frozenset[str]  # the text's own words
    context: frozenset[str]  # the words of its section title and heading


@dataclass(frozen=True)
class Hit:
    passage: Passage
    matched: int  # how many query words it matches
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Result:
    query: str
    words: tuple[str, ...]  # the words searched for, after corrections
    corrections: dict[str, str]
    hits: list[Hit]
    closest: list[str]  # suggestions when nothing matched
    reading: Reading | None = None  # the question, as questions.py read it (no rule within one section)
    unmatched: tuple[str, ...] = ()  # words no passage mentions, searched without them


def index(kb: KnowledgeBase) -> list[Passage]:
    """Every passage, kept beside the cached knowledge base (building it renders every section)."""
    from .cache import derived

    return derived.remember(kb, "passages", lambda: [tuple(p) for p in passages(kb)], _passages, list[Passage])


def _passages(rows: list[tuple[Any, ...]]) -> list[Passage]:
    return [Passage._make(row) for row in rows]


def passages(kb: KnowledgeBase) -> Iterator[Passage]:
    from .sections.paths import route
    from .sections.qualifications import certification
    from .views import SECTIONS

    docs: list[tuple[Document, str]] = [(s.build(kb), s.name) for s in SECTIONS]
    docs += [(certification(kb, c.code), f"certifications {c.code}") for c in kb.certifications.credentials]
    docs += [(route(kb, b.key, None), f"path --from {b.key}") for b in kb.paths.backgrounds]
    docs += [(route(kb, None, s.key), f"path --setting {s.key}") for s in kb.paths.settings]
    seen: set[str] = set()  # a text repeated in several places is listed once, where it comes first
    contexts: dict[tuple[str, str], frozenset[str]] = {}
    for doc, command in docs:
        heading = doc.title
        for block in doc.blocks:
            if isinstance(block, Heading):
                heading = block.text
                continue
            if isinstance(block, Note) and block.hint:
                continue  # directions about the tool are not content
            if isinstance(block, SourceList) and doc.name != "sources":
                continue  # each section's source list repeats the catalog that `sources` shows
            for text in _texts(block):
                if text not in seen:
                    seen.add(text)
                    words = frozenset(_WORD.findall(text.lower()))
                    context = contexts.get((doc.title, heading))
                    if context is None:
                        context = contexts[doc.title, heading] = frozenset(
                            _WORD.findall(f"{doc.title} {heading}".lower())
                        )
                    yield Passage(doc.name, doc.title, heading, text, command, words, context)


def _texts(block: Block) -> Iterator[str]:
    """What of a block is searched, one passage at a time, figures as a reader sees them.

    Exhaustive: a block type added to blocks.Block and not decided on here fails mypy at assert_never.
    """
    match block:
        case Paragraph() | Note():
            yield block.text
        case Bullets():
            yield from (f"{e.label}: {e.text}" if e.label else e.text for e in block.entries)
        case Facts():
            yield from (f"{f.label}: {f.value}" for f in block.rows)
        case Table():
            for row in block.rows:
                yield "; ".join(f"{c.name}: {fmt(v, c.kind)}" for c, v in zip(block.columns, row, strict=True))
        case Bars():
            yield from (f"{b.label}: {fmt(b.value, block.kind)}" for b in block.rows)
        case Bands():
            yield from (
                f"{b.label}: 10th {fmt(b.low, block.kind)}, median {fmt(b.mid, block.kind)}, "
                f"90th {fmt(b.high, block.kind)}"
                for b in block.rows
            )
        case SourceList():
            yield from (f"{r.title}, {r.publisher}" for r in block.entries)
        case Heading() | TileMap() | Tree() | Address():
            pass  # a heading is the context of what follows it (see passages); the others hold no passage
        case _:
            assert_never(block)


def search(kb: KnowledgeBase, query: str, section: str | None = None) -> Result:
    """Passages for the query's words, best first, and (across every section) how the question reads."""
    typed = _query_words(query, section)
    found = [p for p in index(kb) if section is None or p.section == section]
    vocabulary = set().union(*(p.words | p.context for p in found)) if found else set()
    reading, words = _question(kb, query, typed, vocabulary, answer=section is None)
    expanded, corrections = _expand(words, vocabulary, reading)
    if corrections and reading.rule is None and section is None:  # 'helth servises salery' asks about pay too
        fixed = " ".join(corrections.get(w.lower(), w) for w in _WORD.findall(query))
        again, _ = _question(kb, fixed, typed, vocabulary, answer=True)
        reading = again if again.rule is not None else reading
    unmatched = tuple(w for w, forms in zip(words, expanded, strict=True) if not forms)
    kept = [forms for forms in expanded if forms]
    hits = _ranked(found, kept) if kept else []
    closest = _closest(words, vocabulary, reading.known) if not hits and reading.rule is None else []
    searched = tuple(corrections.get(w, w) for w in words)
    return Result(query, searched, corrections, hits, closest, reading, unmatched if kept else ())


def _question(
    kb: KnowledgeBase, query: str, typed: tuple[str, ...], vocabulary: set[str], answer: bool
) -> tuple[Reading, tuple[str, ...]]:
    """How the question reads (with no answer card within one section), and the words searched for."""
    from dataclasses import replace

    from .questions import read

    reading = read(kb, query, vocabulary)
    if not answer:
        reading = replace(reading, rule=None)
    return reading, reading.searched or (() if reading.rule else typed)  # a question of filler alone keeps its words


def _closest(words: tuple[str, ...], vocabulary: set[str], known: frozenset[str]) -> list[str]:
    """Terms close to the words, where none matched; none for a known place or term (never 'teams' for 'texas')."""
    import difflib

    closest = [c for w in words if w not in known for c in difflib.get_close_matches(w, vocabulary, n=3, cutoff=0.6)]
    return list(dict.fromkeys(closest))[:5]


def _query_words(query: str, section: str | None) -> tuple[str, ...]:
    """The query's distinct words in lower case (UsageError when none, or when the section is unknown)."""
    words = tuple(dict.fromkeys(w.lower() for w in _WORD.findall(query)))
    if not words:
        raise UsageError("give one or more words to search for")
    if section is not None:
        from .views import SECTION_NAMES

        if section not in SECTION_NAMES:
            from .suggest import hint

            valid = ", ".join(SECTION_NAMES)
            raise UsageError(f"unknown section '{section}'{hint(section, SECTION_NAMES)} (valid: {valid})")
    return words


def _expand(
    words: tuple[str, ...], vocabulary: set[str], reading: Reading | None
) -> tuple[list[frozenset[str]], dict[str, str]]:
    """The indexed words each query word matches (with its synonyms), and the corrections made
    for words that match none: never for a word the question reading knows (a place, a term)."""
    synonyms = reading.synonyms if reading else {}
    known = reading.known if reading else frozenset()
    corrections: dict[str, str] = {}
    expanded: list[frozenset[str]] = []
    for word in words:
        found = _matching(synonyms.get(word, (word,)), vocabulary) or _inflected(word, vocabulary)
        if not found and word not in known:
            import difflib

            close = [c for c in difflib.get_close_matches(word, vocabulary, n=3, cutoff=0.75) if _typo(word, c)]
            if close:
                corrections[word] = close[0]
                found = _matching(synonyms.get(close[0], (close[0],)), vocabulary)
        expanded.append(found)
    return expanded, corrections


def _typo(typed: str, word: str) -> bool:
    """Whether `word` can be what was meant by `typed`: a typo keeps the first letter (classes is
    not passes), and a word inside another, or around it, with 2 or more letters more is another
    word (replace is not place), not a slip of the keys."""
    if typed[:1] != word[:1]:
        return False
    return not (abs(len(typed) - len(word)) >= 2 and (typed in word or word in typed))


# A regular inflection, undone (cities -> city, employs -> employ, specialize -> specializ), and
# what the stem takes to make the words the passages hold (employer, specialization).
_UNDONE = (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("d", ""), ("ing", ""), ("ing", "e"), ("e", ""))
_ENDINGS = ("", "s", "es", "ed", "d", "e", "er", "ers", "ing", "ment", "ments", "ation", "ations")
_STEM = 4  # letters a stem keeps at least: 'cites' is not an inflection of 'cities'


def _inflected(word: str, vocabulary: set[str]) -> frozenset[str]:
    """The indexed words that are a regular inflection of the same stem as `word`, or of its
    American spelling (a British -ise form finds the -ization words)."""
    found: set[str] = set()
    for form in _variants(word):
        for ending, put in _UNDONE:
            stem = form[: -len(ending)] + put if form.endswith(ending) else ""
            if len(stem) >= _STEM and stem != form:
                found.update(w for e in _ENDINGS if (w := stem + e) in vocabulary)
    return frozenset(found)


def _ranked(index: list[Passage], expanded: list[frozenset[str]]) -> list[Hit]:
    """The passages that match enough of the words, best first.

    Most words first; then passages whose page or heading is about them (a credential's
    own page before a passing mention); the source catalog last; then where the match
    comes in the text (a label or code early on) and shorter, more specific text.
    """
    needed = max(1, (len(expanded) + 1) // 2)  # all words first, then most of them
    every_form = frozenset().union(*expanded)
    ranked = []
    pages: set[str] = set()
    for p in index:
        in_text = sum(1 for forms in expanded if not forms.isdisjoint(p.words))
        in_context = sum(1 for forms in expanded if not forms.isdisjoint(p.context))
        matched = sum(1 for forms in expanded if not (forms.isdisjoint(p.words) and forms.isdisjoint(p.context)))
        if matched < needed:
            continue
        if not in_text:  # a page about the words (its title or heading) is one hit, its first passage
            if p.command in pages:
                continue
            pages.add(p.command)
        spans = _spans(p.text, every_form)
        first = spans[0][0] if spans else len(p.text)
        rank = (-matched, -in_context, p.section == "sources", first, len(p.text))
        ranked.append((rank, Hit(p, matched, spans)))
    ranked.sort(key=lambda pair: pair[0])
    return [hit for _, hit in ranked]


# Search synonyms: the guide is written in American English, and a reader who types the
# British spelling of a word still finds it. Each row is (American, stem, British ending):
# the British form is stem + ending, built here so that a scan of the code for British
# spellings (which must find none in what readers see) does not trip over this table.
_SPELLING_ROWS = (
    ("license", "licen", "ce"),
    ("program", "program", "me"),
    ("center", "cent", "re"),
    ("labor", "labo", "ur"),
    ("behavior", "behavio", "ur"),
    ("color", "colo", "ur"),
    ("aging", "age", "ing"),
    ("enrollment", "enrol", "ment"),
    ("counselor", "counsel", "lor"),
    ("iz", "i", "s"),
    ("yz", "y", "s"),
)
_SYNONYMS = tuple((us, stem + ending) for us, stem, ending in _SPELLING_ROWS)


def american(word: str) -> str:
    """A word in the guide's American spelling, the British form of any row above turned round."""
    for us, uk in _SYNONYMS:
        if uk in word and len(uk) > 2:  # the -ise/-yse rows are for matching, not for rewriting whole words
            return word.replace(uk, us)
    return word


def _variants(word: str) -> set[str]:
    found = {word}
    for us, uk in _SYNONYMS:
        for a, b in ((us, uk), (uk, us)):
            if a in word:
                found.add(word.replace(a, b))
    return found


def _matching(words: tuple[str, ...], vocabulary: set[str]) -> frozenset[str]:
    """The indexed words a query word (with its synonyms) matches: each or a spelling variant,
    or words they begin (a word under 3 letters only as itself)."""
    short = {f for w in words if len(w) < 3 for f in _variants(w)}
    prefixes = tuple(f for w in words if len(w) >= 3 for f in _variants(w))
    found = short & vocabulary
    if prefixes:
        found |= {v for v in vocabulary if v.startswith(prefixes)}
    return frozenset(found)


def _spans(text: str, forms: frozenset[str]) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in _WORD.finditer(text) if m.group().lower() in forms)


def document(kb: KnowledgeBase, result: Result, limit: int) -> Document:
    from .sections.builder import Builder

    b = Builder(kb, "search", f"Search: {result.query}")
    answered = False
    if result.reading is not None:
        from .answers import lead

        answered = lead(b, kb, result.reading)
    for typed, used in result.corrections.items():
        b.note(f"Showing results for '{used}' (you typed '{typed}').")
    if result.unmatched:
        shown_words = [w for w in result.words if w not in result.unmatched]
        b.note(f"No passage mentions {_quoted(result.unmatched)}; showing {_quoted(shown_words)}.")
    if answered and not result.words:
        return b.document(with_sources=False)
    shown = result.hits[:limit]
    count = len(result.hits)
    if answered:
        b.heading("Passages")
    b.text(f"{count} match{'es' if count != 1 else ''}" + (f"; the best {limit} shown." if count > limit else "."))
    entries = []
    for hit in shown:
        p = hit.passage
        where = f"{p.title} / {p.heading}" if p.heading != p.title else p.title
        entries.append(Entry(p.text, (), where, hit.spans, f"hsm-guide {p.command}"))
    b.entries(None, entries)
    return b.document(with_sources=False)


def _quoted(words: tuple[str, ...] | list[str]) -> str:
    return ", ".join(f"'{w}'" for w in words)
