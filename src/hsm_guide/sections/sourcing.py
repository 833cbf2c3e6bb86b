"""How the guide names its sources: a grade in words, a short label for a table cell, a seed's
number turned into what the source is, and one source's reading of a figure."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..blocks import Entry, SourceRef, money, percent
from ..model import KnowledgeBase, Reading, Source

# Words by which the catalog says a secondary source quotes a primary one ("CareerLaunchKit, quoting BLS").
_QUOTES = ("quoting", "reproducing", "citing", "restating")


def standing(s: Source) -> str:
    """The grade as a reader understands it, in words that fit the source: only a source the catalog
    says quotes another is called one (a blog quoting no one is simply not the issuing body)."""
    if s.grade == "primary":
        return "primary: the agency or issuing body itself"
    said = f"{s.publisher} {s.kind or ''}".casefold()
    if any(word in said for word in _QUOTES):
        return "secondary: another publisher quoting it"
    return "secondary: not the agency or issuing body itself"


def source_ref(s: Source) -> SourceRef:
    return SourceRef(s.id, s.title, s.publisher, s.grade, s.data_year, s.url, s.file, s.note, s.kind, standing(s))


_SEED_NAME = re.compile(r"\b([Ss])eeds? (\d{3})\b|\b([Tt])he seed(?=('s)?\b)")


def plain_names(kb: KnowledgeBase, text: str) -> str:
    """Replace "seed 002" (and "the seed") in data text with what the source is, so no
    internal id reaches a reader. A name at the start of a sentence gets a capital."""
    if "eed" not in text:
        return text
    names = {s.id.removeprefix("seed-"): sentence_name(s) for s in kb.sources if s.grade == "seed"}

    def swap(m: re.Match[str]) -> str:
        name = names.get(m.group(2), "the source") if m.group(2) else "the source"
        capital = (m.group(1) or m.group(3) or "").isupper()
        return name[:1].upper() + name[1:] if capital else name

    return _SEED_NAME.sub(swap, text)


def sentence_name(s: Source) -> str:
    """How a sentence names a source: "the blog post", "BLS"."""
    return s.short or short_name(s)


def grade_of(kb: KnowledgeBase, ids: Iterable[str]) -> str:
    """The best grade among the cited sources: primary > seed > secondary."""
    grades = {s.id: s.grade for s in kb.sources}
    found = {grades.get(i, "secondary") for i in ids}
    return next((g for g in ("primary", "seed", "secondary") if g in found), "secondary")


def source_names(kb: KnowledgeBase, ids: Iterable[str]) -> str:
    """Short human names for cited sources, for notes inside a table or chart."""
    wanted = set(ids)
    return ", ".join(dict.fromkeys(short_name(s) for s in kb.sources if s.id in wanted))


def source_label(kb: KnowledgeBase, ids: Iterable[str]) -> str:
    """Source names for a table cell, flagged when the best of them is only secondary."""
    ids = list(ids)
    names = source_names(kb, ids)
    return f"{names} (secondary)" if grade_of(kb, ids) != "primary" else names


def short_name(s: Source) -> str:
    """A short label for a table cell or chart note."""
    if s.short:
        label = s.short.removeprefix("the ")
        return label[:1].upper() + label[1:]
    if s.publisher.startswith("U.S. Bureau of Labor Statistics"):
        return "BLS"
    if s.publisher.startswith("O*NET"):
        return "O*NET"
    return s.publisher.split(",")[0]


def reading_entry(kb: KnowledgeBase, r: Reading) -> Entry:
    """One source's own reading of a figure, with what the guide makes of it."""
    value = money(r.value) if r.unit == "USD a year" else percent(r.value)
    label = f"{value} ({source_names(kb, r.sources)})"
    text = f"{r.stated_as}. {STATUS_WORDS[r.status]}. {r.note}"
    return Entry(plain_names(kb, text), tuple(r.sources), label)


# How a reading's status reads (the data's own value stays as it is, for tools).
STATUS_WORDS = {
    "agrees": "Agrees with BLS",
    "older edition": "From an older edition",
    "mislabeled year": "Gives the wrong year",
    "doubtful": "Doubtful",
}
