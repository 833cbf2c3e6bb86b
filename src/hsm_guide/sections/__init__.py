"""The section builders, one module per family, and what every section shares.

Which sections there are, in reading order, is the view registry's (views/SECTION_LIST):
each section is a view naming its builder here. A builder is imported when its section
is built, never when the CLI starts: `--help` and `--version` never pay for the model.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..blocks import Document
    from ..model import KnowledgeBase


def with_key_points(kb: KnowledgeBase, document: Document) -> Document:
    """The section opening with its key points; their sources join the section's Sources list."""
    from ..blocks import Bullets, Document, Heading, SourceList
    from .keypoints import key_points
    from .sourcing import source_ref

    points = key_points(kb, document.name)
    if not points:
        return document
    blocks = [Heading(f"{document.title}: key points"), Bullets(tuple(points)), *document.blocks]
    last = blocks[-1]
    if isinstance(last, SourceList) and not last.detailed:
        cited = {r.id for r in last.entries} | {i for e in points for i in e.sources}
        blocks[-1] = SourceList(tuple(source_ref(s) for s in kb.sources if s.id in cited))
    return Document(document.name, document.title, tuple(blocks))


def brief(document: Document) -> Document:
    """Only a section's key points (with their figures' years), and where to read the rest:
    what tldr taught command-line users to expect."""
    from ..blocks import Bullets, Document, Heading, Note

    blocks = document.blocks
    at = next((i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.text.endswith(": key points")), None)
    points = blocks[at + 1] if at is not None and at + 1 < len(blocks) else None
    kept = [points] if isinstance(points, Bullets) else []
    more = Note(
        f"Run hsm-guide {document.name} for the whole section and its sources.",
        hint=True,
        paper=f'The whole section, with its sources, is "{document.title}" in the full guide.',
    )
    return Document(document.name, document.title, (*kept, more))


def snapshot(kb: KnowledgeBase) -> Document:
    """The card `hsm-guide` prints with no command: what, how much, where next."""
    from .builder import Builder, current_edition, quick_facts, quick_facts_heading

    ident = kb.identity
    b = Builder(kb, "snapshot", f"{ident.title} (SOC {ident.soc_code})")
    b.paragraph(ident.summary)
    edition = current_edition(kb)
    b.heading(quick_facts_heading(kb, edition))
    quick_facts(b, edition)
    b.heading("Go further")
    rows = [
        ("hsm-guide path --from nurse", "A route into the job from where you are (student, nurse, career changer...)."),
        ("hsm-guide fit", "A short questionnaire: is this career for you?"),
        ("hsm-guide pay --area OH", "Pay in your state, metro or nonmetro area (May 2025)."),
        ("hsm-guide pay --salary 95000", "Where a salary or an offer stands against the pay range."),
    ]
    rows += [
        ("hsm-guide search HIPAA", "Find any word in every section."),
        ("hsm-guide certifications CMPE", "One credential: eligibility, exam, renewal, cost, its address."),
        ("hsm-guide duties --brief", "Any section's key points; drop --brief for the whole section."),
        ("hsm-guide sections", "Every section, with a one-line description."),
    ]
    b.table([("Command", "code"), ("What it shows", "text")], rows)
    return b.document()


def guide_meta(kb: KnowledgeBase, docs: Sequence[Document] | None = None) -> tuple[str, str]:
    """The guide's title and the line saying which data year its figures are: the pay release
    only where `docs` show pay, the projection decade only where they show projections (all
    documents, when none are given)."""
    from .builder import current_edition

    e = current_edition(kb)
    title = f"{kb.identity.title} (SOC {kb.identity.soc_code}): a career guide"
    pay, projections = shown(docs)
    said = []
    if pay:
        release = f"{kb.wages.release.release} (BLS OEWS)" if kb.wages else f"May {e.pay_year}"
        said.append(f"pay figures are for {release}")
    if projections:
        said.append(f"projections for {e.growth_start}-{e.growth_end}")
    line = " and ".join(said) + " unless another year is given; " if said else ""
    several = docs is None or len(docs) > 1
    line += "each section lists its sources." if several else "the sources are listed at the end."
    return title, line[:1].upper() + line[1:]


def data_years(kb: KnowledgeBase, docs: Sequence[Document] | None = None) -> str:
    """The years of the figures `docs` show, in a few words, for a handout's header line."""
    from .builder import current_edition

    e = current_edition(kb)
    pay, projections = shown(docs)
    said = []
    if pay:
        said.append(f"Pay figures: {f'BLS OEWS {kb.wages.release.release}' if kb.wages else f'May {e.pay_year}'}")
    if projections:
        said.append(f"projections {e.growth_start}-{e.growth_end}")
    return "; ".join(said)


# A pay figure in words: "$106,140 a year", "$51.03 an hour", "a median of $98,000" (a fee is not pay).
_PAY = re.compile(r"\$[\d,.]+ (?:a year|an hour)|\bmedian\b[^.;]*\$\d|\$\d[^.;]*\bmedian\b", re.IGNORECASE)
_PROJECTED = re.compile(r"\bprojected\b|\bprojections\b|\bopenings\b", re.IGNORECASE)


def shown(docs: Sequence[Document] | None) -> tuple[bool, bool]:
    """Whether the documents show pay (a dollar figure, or a chart or table of pay) and
    projections (a projected growth or openings), their sources aside; both, when no
    documents are named."""
    if docs is None:
        return True, True
    import msgspec

    words: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, str):
            words.append(node)
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list | tuple):
            for value in node:
                walk(value)

    from ..blocks import SourceList

    walk(msgspec.to_builtins([b for d in docs for b in d.blocks if not isinstance(b, SourceList)]))
    every = "\n".join(words)
    pay = bool(_PAY.search(every)) or any(w in ("money", "hourly") for w in words)
    return pay, bool(_PROJECTED.search(every))
