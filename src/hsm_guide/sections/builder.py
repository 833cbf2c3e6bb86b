"""A small helper that section builders share: add blocks, remember citations.

Every block that shows knowledge-base content records the source ids it drew
on, so each section can end with a Sources list that is exactly right.
Empty lists add nothing, so an edited knowledge base never prints a bare heading.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from msgspec.structs import replace

from ..blocks import (
    Address,
    Band,
    Bands,
    Bar,
    Bars,
    Block,
    Bullets,
    Column,
    Document,
    Entry,
    Fact,
    Facts,
    Heading,
    Kind,
    Node,
    Note,
    Paragraph,
    SourceList,
    SourceRef,
    Table,
    Tile,
    TileMap,
    Tree,
    Value,
    percent,
    yearly_and_hourly,
)
from ..model import Edition, Item, KnowledgeBase, Named
from .sourcing import plain_names, short_name, source_ref

FactRow = tuple[str, str | None, Iterable[str]]  # label, value (None: the row is left out), source ids


class Builder:
    def __init__(self, kb: KnowledgeBase, name: str, title: str) -> None:
        self.kb = kb
        self.name = name
        self.title = title
        self.blocks: list[Block] = []
        self._cited: set[str] = set()

    @property
    def cited(self) -> tuple[str, ...]:
        """The sources cited so far."""
        return tuple(self._cited)

    def cite(self, ids: Iterable[str]) -> tuple[str, ...]:
        ids = tuple(ids)
        self._cited.update(ids)
        return ids

    def heading(self, text: str, level: int = 2) -> None:
        self.blocks.append(Heading(text, level))

    def paragraph(self, item: Item) -> None:
        self.text(item.text, item.sources)

    def plain(self, text: str) -> str:
        """Text with any internal source name ("seed 002") said the way a reader knows it."""
        return plain_names(self.kb, text)

    def text(self, text: str, sources: Iterable[str] = ()) -> None:
        self.blocks.append(Paragraph(self.plain(text), self.cite(sources)))

    def note(self, text: str, sources: Iterable[str] = ()) -> None:
        self.cite(sources)
        self.blocks.append(Note(self.plain(text)))

    def link(self, url: str) -> None:
        """A web address on its own, shown whole (and as a link where the output can)."""
        self.blocks.append(Address(url))

    def hint(self, text: str, paper: str | None = None) -> None:
        """Where to go next in the tool: shown like a note, left out of search. On paper it reads
        `paper` (what the command leads to, in words), or is left out."""
        self.blocks.append(Note(text, hint=True, paper=self.plain(paper) if paper else None))

    def bullets(self, heading: str | None, items: Sequence[Item | Named], ordered: bool = False) -> None:
        if not items:
            return
        if heading:
            self.heading(heading)
        entries = tuple(
            Entry(self.plain(i.text), self.cite(i.sources), i.name if isinstance(i, Named) else None) for i in items
        )
        self.blocks.append(Bullets(entries, ordered))

    def entries(self, heading: str | None, entries: Sequence[Entry], ordered: bool = False) -> None:
        if not entries:
            return
        if heading:
            self.heading(heading)
        for e in entries:
            self.cite(e.sources)
        plain = tuple(e if e.marks else replace(e, text=self.plain(e.text)) for e in entries)
        self.blocks.append(Bullets(plain, ordered))

    def facts(self, rows: Sequence[FactRow]) -> None:
        kept = tuple(Fact(label, self.plain(value), self.cite(src)) for label, value, src in rows if value)
        if kept:
            self.blocks.append(Facts(kept))

    def table(
        self,
        columns: Sequence[tuple[str, Kind]],
        rows: Sequence[Sequence[Value]],
        caption: str | None = None,
        sources: Iterable[str] = (),
    ) -> None:
        if not rows:
            return
        cols = tuple(Column(name, kind) for name, kind in columns)
        cells = tuple(tuple(self.plain(v) if isinstance(v, str) else v for v in r) for r in rows)
        caption = self.plain(caption) if caption else caption
        self.blocks.append(Table(cols, cells, caption, self.cite(sources)))

    def bars(
        self,
        rows: Sequence[tuple[str, float, str | None]],
        kind: Kind,
        headings: tuple[str, ...],
        caption: str | None = None,
        sources: Iterable[str] = (),
        maximum: float | None = None,
    ) -> None:
        if not rows:
            return
        bars = tuple(Bar(label, value, self.plain(note) if note else note) for label, value, note in rows)
        named = caption or (f"{headings[1]} by {headings[0][:1].lower()}{headings[0][1:]}" if all(headings) else None)
        sources = self.cite(sources)
        self.blocks.append(Bars(bars, kind, self.credited(named, sources), sources, headings, maximum))

    def bands(
        self,
        rows: Sequence[Band],
        kind: Kind,
        caption: str | None = None,
        sources: Iterable[str] = (),
        heading: str = "Area",
    ) -> None:
        if rows:
            sources = self.cite(sources)
            self.blocks.append(Bands(tuple(rows), kind, self.credited(caption, sources), sources, heading))

    def tilemap(
        self,
        tiles: Sequence[Tile],
        kind: Kind = "money",
        caption: str | None = None,
        sources: Iterable[str] = (),
        heading: str = "Figure",
    ) -> None:
        """A US tile-grid map, one tile per area (a None value draws as no data)."""
        if tiles:
            sources = self.cite(sources)
            self.blocks.append(TileMap(tuple(tiles), kind, self.credited(caption, sources), sources, heading))

    def credited(self, caption: str | None, ids: Sequence[str]) -> str | None:
        """A chart's caption with where its figures come from and their year: '... (BLS, 2025)'."""
        if caption is None or not ids:
            return caption
        wanted = set(ids)
        said = dict.fromkeys(
            f"{short_name(s)}, {s.data_year}" if s.data_year else f"{short_name(s)}, year not given"
            for s in self.kb.sources
            if s.id in wanted
        )
        return f"{self.plain(caption)} ({'; '.join(said)})" if said else self.plain(caption)

    def tree(self, root: Node) -> None:
        def cite_all(node: Node) -> None:
            self.cite(node.sources)
            for child in node.children:
                cite_all(child)

        cite_all(root)
        self.blocks.append(Tree(root))

    def document(
        self, with_sources: bool = True, brief_sources: bool = False, more: Sequence[SourceRef] = ()
    ) -> Document:
        blocks = list(self.blocks)  # `more`: sources outside the catalog (a state's licensing pages)
        if with_sources and (self._cited or more):
            refs = (*(source_ref(s) for s in self.kb.sources if s.id in self._cited), *dict.fromkeys(more))
            blocks.append(SourceList(refs, brief=brief_sources))
        return Document(self.name, self.title, tuple(blocks))


# -- facts shared by several sections -----------------------------------------


def current_edition(kb: KnowledgeBase) -> Edition:
    year = kb.quick_facts.current_edition
    return next(e for e in kb.quick_facts.editions if e.pay_year == year)


def growth_text(e: Edition) -> str | None:
    if e.growth_percent is None:
        return None
    text = percent(e.growth_percent)
    if e.growth_start and e.growth_end:
        text += f" over {e.growth_start}-{e.growth_end}"
    if e.growth_descriptor:
        text += f" ({e.growth_descriptor.lower()})"
    return text


def median_text(e: Edition) -> str:
    """An edition's median: '$104,830 a year, $50.40 an hour (May 2023)'."""
    return f"{yearly_and_hourly(e.median_annual, e.median_hourly)} (May {e.pay_year})"


def quick_facts_heading(kb: KnowledgeBase, edition: Edition) -> str:
    """Which program and year each kind of figure comes from, in the heading over them."""
    pay = f"OEWS {kb.wages.release.release}" if kb.wages else f"May {edition.pay_year}"
    return f"Quick facts (pay: {pay}; projections: {edition.growth_start}-{edition.growth_end})"


def quick_facts(b: Builder, edition: Edition) -> None:
    """Pay and employment from the current OEWS release (or the edition's), projections from the
    current handbook edition, each labeled with its program; then the entry requirements."""
    rows = [*pay_facts(b.kb, edition), *projection_facts(edition)]
    for r in b.kb.quick_facts.entry_requirements[:1]:  # the first set is the current one
        rows += [
            ("Entry education", r.education, r.sources),
            ("Work experience", r.work_experience, r.sources),
            ("On-the-job training", r.on_the_job_training, r.sources),
        ]
    b.facts(rows)


def pay_facts(kb: KnowledgeBase, edition: Edition) -> list[FactRow]:
    """The median (and the count employed) from the current OEWS release, else the edition's median."""
    wages = kb.wages
    if wages is None:
        return [("Median pay", median_text(edition), edition.sources)]
    from ..wages.lookup import wage_data  # the one place that reads the extract

    data = wage_data(kb)
    row = data.national()
    median = data.median_text(row) if row.annual_median else None
    employed = f"{row.employment:,.0f} in {wages.release.release} (OEWS wage survey)" if row.employment else None
    return [("Median pay", median, [wages.release.source]), ("Employed", employed, [wages.release.source])]


def projection_facts(edition: Edition) -> list[FactRow]:
    """The projection rows of an edition: the one definition the quick facts and the outlook share."""
    src = edition.sources
    jobs = f"{edition.jobs:,} in {edition.jobs_year} (Employment Projections)" if edition.jobs is not None else None
    return [
        ("Jobs", jobs, src),
        ("Job outlook", growth_text(edition), src),
        ("Employment change", f"{edition.employment_change:,}" if edition.employment_change else None, src),
        ("Openings a year", f"{edition.openings_per_year:,}" if edition.openings_per_year else None, src),
    ]
