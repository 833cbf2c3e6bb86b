"""The passages search looks through, and how they are ranked.

The index is built from the same section documents the terminal shows, so
every hit can say which command shows it in full.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from typing import Annotated, Any, NamedTuple, assert_never

from msgspec import Meta

from ..blocks import (
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
    band_high,
    fmt,
)
from ..model import KnowledgeBase
from ..words import inflected, variants

_WORD = re.compile(r"\w+")


class Passage(NamedTuple):  # a tuple: tens of thousands are built for a large knowledge base
    section: str  # the section's name
    title: str  # the section's title
    heading: str
    text: str
    command: str  # what shows it in full
    words: frozenset[str]  # the text's own words
    context: frozenset[str]  # the words of its section title and heading


class Hit(NamedTuple):
    passage: Passage
    matched: int  # how many query words it matches
    spans: tuple[tuple[int, int], ...]


def index(kb: KnowledgeBase) -> list[Passage]:
    """Every passage, kept beside the cached knowledge base (building it renders every section)."""
    from ..cache import derived

    return derived.remember(kb, "passages", lambda: _stored(passages(kb)), _passages, _STORED)


# The passages as kept: each place a passage stands once (its section, title, heading, command and
# context words: 159 for 756 passages), then each passage's place, text and words.
_STORED = tuple[
    list[tuple[str, str, str, str, frozenset[str]]], list[tuple[Annotated[int, Meta(ge=0)], str, frozenset[str]]]
]


def _stored(found: Iterable[Passage]) -> tuple[list[tuple[Any, ...]], list[tuple[int, str, frozenset[str]]]]:
    places: dict[tuple[Any, ...], int] = {}
    rows = []
    for p in found:
        at = places.setdefault((p.section, p.title, p.heading, p.command, p.context), len(places))
        rows.append((at, p.text, p.words))
    return list(places), rows


def _passages(stored: tuple[list[tuple[Any, ...]], list[tuple[int, str, frozenset[str]]]]) -> list[Passage]:
    places, rows = stored
    found = []
    for at, text, words in rows:
        section, title, heading, command, context = places[at]
        found.append(Passage(section, title, heading, text, command, words, context))
    return found


def vocabulary(kb: KnowledgeBase, found: list[Passage] | None = None) -> frozenset[str]:
    """Every word of every passage (`found`: the index, where the caller has it), its title and heading
    (kept beside the cached knowledge base)."""
    from ..cache import derived

    def build() -> list[str]:
        return sorted(set().union(*(p.words | p.context for p in (found if found is not None else index(kb)))))

    return derived.remember(kb, "vocabulary", build, frozenset, list[str])


def passages(kb: KnowledgeBase) -> Iterator[Passage]:
    from ..sections.paths import route
    from ..sections.qualifications import certification
    from ..views import SECTIONS

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
            yield from map(_entry, block.entries)
        case Facts():
            yield from (f"{f.label}: {f.value}" for f in block.rows)
        case Table():
            yield from _rows(block)
        case Bars():
            yield from (f"{b.label}: {fmt(b.value, block.kind)}" for b in block.rows)
        case Bands():
            yield from _bands(block)
        case SourceList():
            yield from (f"{r.title}, {r.publisher}" for r in block.entries)
        case Heading() | TileMap() | Tree() | Address():
            pass  # a heading is the context of what follows it (see passages); the others hold no passage
        case _:
            assert_never(block)


def _entry(e: Entry) -> str:
    return f"{e.label}: {e.text}" if e.label else e.text


def _rows(block: Table) -> Iterator[str]:
    for row in block.rows:
        yield "; ".join(f"{c.name}: {fmt(v, c.kind)}" for c, v in zip(block.columns, row, strict=True))


def _bands(block: Bands) -> Iterator[str]:
    k = block.kind
    for b in block.rows:
        yield f"{b.label}: 10th {fmt(b.low, k)}, median {fmt(b.mid, k)}, 90th {band_high(b, k)}"


def ranked(index: list[Passage], expanded: list[frozenset[str]], loose: bool = False) -> list[Hit]:
    """The passages that match enough of the words, best first.

    Most words first; then the rarer words (a word every other passage holds says little); then
    passages whose page or heading is about them (a credential's own page before a passing mention);
    the source catalog last; then where the match comes in the text and shorter, more specific text.
    """
    found, seen = _matched(index, expanded, loose)
    weight = [math.log(1 + len(index) / (1 + n)) for n in seen]
    every_form = frozenset().union(*expanded)
    order = []
    pages: set[str] = set()
    for p, hits, in_context, in_its_text in found:
        if not in_its_text:  # a page about the words (its title or heading) is one hit, its first passage
            if p.command in pages:
                continue
            pages.add(p.command)
        spans = spans_of(p.text, every_form)
        first = spans[0][0] if spans else len(p.text)
        score = sum(w for w, h in zip(weight, hits, strict=True) if h)
        rank = (-sum(hits), -round(score, 1), -in_context, p.section == "sources", first, len(p.text))
        order.append((rank, Hit(p, sum(hits), spans)))
    order.sort(key=lambda pair: pair[0])
    return [hit for _, hit in order]


def _matched(
    index: list[Passage], expanded: list[frozenset[str]], loose: bool = False
) -> tuple[list[tuple[Passage, list[bool], int, bool]], list[int]]:
    """The passages that match at least half the words (`loose`, where a card answers and none does:
    those that match the most, so a long question still gets its passages), which words, in its
    heading how many, in its text at all; and how many passages each word is in."""
    needed = max(1, (len(expanded) + 1) // 2)  # all words first, then most of them
    every: list[tuple[Passage, list[bool], int, bool]] = []
    seen = [0] * len(expanded)
    every_form = frozenset().union(*expanded)
    for p in index:
        if every_form.isdisjoint(p.words) and every_form.isdisjoint(p.context):
            continue  # none of the words (most passages): nothing to count
        in_text = [not forms.isdisjoint(p.words) for forms in expanded]
        in_context = [not forms.isdisjoint(p.context) for forms in expanded]
        hits = [t or c for t, c in zip(in_text, in_context, strict=True)]
        seen = [n + h for n, h in zip(seen, hits, strict=True)]
        if any(hits):
            every.append((p, hits, sum(in_context), any(in_text)))
    most = max((sum(hits) for _, hits, _, _ in every), default=0)
    least = min(needed, most) if loose else needed
    return [m for m in every if sum(m[1]) >= least], seen


def expand(
    words: tuple[str, ...], synonyms: dict[str, tuple[str, ...]], vocabulary: frozenset[str]
) -> list[frozenset[str]]:
    """The indexed words each word matches: itself and its synonyms, the words they begin, its inflections."""
    return [matching(synonyms.get(w, (w,)), vocabulary) or inflected(w, vocabulary) for w in words]


def matching(words: tuple[str, ...], vocabulary: frozenset[str]) -> frozenset[str]:
    """The indexed words a query word (with its synonyms) matches: each or a spelling variant,
    or words they begin (a word under 3 letters only as itself)."""
    short = {f for w in words if len(w) < 3 for f in variants(w)}
    prefixes = tuple(f for w in words if len(w) >= 3 for f in variants(w))
    found = short & vocabulary
    if prefixes:
        found |= {v for v in vocabulary if v.startswith(prefixes)}
    return frozenset(found)


def spans_of(text: str, forms: frozenset[str]) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in _WORD.finditer(text) if m.group().lower() in forms)
