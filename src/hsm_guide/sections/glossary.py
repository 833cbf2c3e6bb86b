"""`hsm-guide explain`: the glossary, and the pointers other pages carry to it.

A term is found by its key, its name or any alias, case-insensitively, with spaces or hyphens
between its words. POINTERS is
the one place that says which page points to which terms; `point` adds that hint.
"""

from __future__ import annotations

import re

from ..blocks import Document
from ..errors import UsageError
from ..model import KnowledgeBase, Term
from .builder import Builder

# Page (a view's name, or "pay-area" for `pay --area`) -> the terms it first uses.
POINTERS: dict[str, tuple[str, ...]] = {
    "overview": ("soc-code", "job-zone"),
    "duties": ("hipaa",),
    "roles": ("dot",),
    "pay": ("median", "percentile", "oews"),
    "pay-area": ("location-quotient", "relative-standard-error"),
    "outlook": ("employment-projections", "handbook-edition"),
    "education": ("cahme", "cahiim"),
    "licensure": ("nab", "ait", "hse"),
    "certifications": ("ncca",),
    "interests": ("holland-interests",),
}


def pointer(kb: KnowledgeBase, page: str) -> str | None:
    """The hint naming the terms `page` uses, for the terms this knowledge base explains."""
    known = {t.term for t in kb.glossary}
    keys = [k for k in POINTERS.get(page, ()) if k in known]
    if not keys:
        return None
    more = f" (also: {', '.join(keys[1:])})" if len(keys) > 1 else ""
    return f"See: hsm-guide explain {keys[0]}{more}"


def point(b: Builder, page: str) -> None:
    """Add the page's glossary pointer as a hint (nothing when the glossary lacks its terms)."""
    text = pointer(b.kb, page)
    if text:
        terms = {t.term: t.name for t in b.kb.glossary}
        named = [terms[k] for k in POINTERS.get(page, ()) if k in terms]
        b.hint(text, paper="In the guide's glossary of terms: " + ", ".join(named) + ".")


def find_term(kb: KnowledgeBase, query: str) -> Term:
    """The term whose key, name or alias is `query`; else exit 2 with the closest term."""
    from .routes import words as spoken

    wanted = spoken(query)  # 'job zone', 'Job-Zone' and 'job-zone' alike
    for term in kb.glossary:
        if wanted in {spoken(w) for w in (term.term, term.name, *term.aliases)}:
            return term
    from ..suggest import hint

    words = [t.term for t in kb.glossary] + [a for t in kb.glossary for a in t.aliases]
    found = hint(query, words)
    listing = "; run hsm-guide explain for the list" if kb.glossary else "; this knowledge base has no glossary"
    raise UsageError(f"no term '{query}' in the glossary{found or listing}")


def explain(kb: KnowledgeBase, query: str | None) -> Document:
    """One term in full, or every term with its first sentence."""
    if query is None or not query.strip():
        return terms_list(kb)
    term = find_term(kb, query)
    b = Builder(kb, "explain", term.name)
    b.text(term.text, term.sources)
    if term.example:
        b.heading("Example")
        b.text(term.example, term.sources)
    if term.aliases:
        b.note("Also called: " + ", ".join(term.aliases))
    if term.see:
        b.hint(f"See: {term.see}")
    return b.document()


def terms_list(kb: KnowledgeBase) -> Document:
    b = Builder(kb, "explain", "Glossary")
    if not kb.glossary:
        b.note("This knowledge base has no glossary.")
        return b.document(with_sources=False)
    rows = [(f"hsm-guide explain {t.term}", f"{t.name}: {first_sentence(t.text)}") for t in kb.glossary]
    b.table([("Command", "code"), ("Term", "text")], rows)
    b.hint("A term can also be asked by its name or an abbreviation: hsm-guide explain LQ")
    return b.document(with_sources=False)


_PERIOD = re.compile(r"\.\s+")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)*[A-Za-z]")  # U.S, e.g, i.e, a lone initial
_ABBREVIATIONS = frozenset({"dr", "mr", "mrs", "ms", "st", "jr", "sr", "vs", "no", "inc", "co", "etc"})


def first_sentence(text: str) -> str:
    """The text up to the first period that ends a sentence: not the one of an abbreviation
    (U.S., e.g., i.e., Dr., an initial), which leaves 'its share of all U.S. jobs' whole."""
    for end in _PERIOD.finditer(text):
        word = text[: end.start()].rsplit(None, 1)[-1].lstrip("(['\"")
        if not (_INITIALS.fullmatch(word) or word.casefold() in _ABBREVIATIONS):
            return text[: end.start() + 1]
    return text
