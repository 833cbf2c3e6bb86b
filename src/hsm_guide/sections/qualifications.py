"""Qualifications and moving up: the education, licensure, certifications and advancement sections."""

from __future__ import annotations

from ..blocks import Document, Entry
from ..errors import UsageError
from ..model import Certification, Item, KnowledgeBase
from .builder import Builder
from .glossary import point


def education(kb: KnowledgeBase) -> Document:
    e = kb.education
    b = Builder(kb, "education", "Education")
    b.bullets("What employers expect", e.overview)
    for req in kb.quick_facts.entry_requirements:
        b.heading(f"Entry requirements: {req.editions}")
        b.facts(
            [
                ("Education", req.education, req.sources),
                ("Work experience", req.work_experience, req.sources),
                ("On-the-job training", req.on_the_job_training, req.sources),
            ]
        )
    for level in dict.fromkeys(d.level for d in e.degrees):
        b.entries(f"Degrees: {level}", [Entry(d.text, tuple(d.sources), d.name) for d in e.degrees if d.level == level])
    b.bullets("Common majors", e.majors)
    b.bullets("Typical courses", e.courses)
    b.bullets("Graduate programs", e.graduate_programs)
    b.bullets("In high school", e.high_school)
    b.bullets("After high school", e.postsecondary)
    b.bullets("Steps to enter the field", e.steps, ordered=True)
    point(b, "education")
    return b.document()


def licensure(kb: KnowledgeBase) -> Document:
    b = Builder(kb, "licensure", "Licenses")
    for lic in kb.licensure:
        b.heading(lic.name)
        b.facts([("Applies to", lic.applies_to, lic.sources), ("Required", lic.required, lic.sources)])
        b.bullets(None, lic.details)
    from .licensing import national

    national(b, kb)
    point(b, "licensure")
    return b.document()


def certifications(kb: KnowledgeBase) -> Document:
    c = kb.certifications
    b = Builder(kb, "certifications", "Certifications")
    b.bullets("About certification", c.notes)
    creds = c.credentials
    if creds:
        b.heading("Credentials")
        b.table(
            [
                ("Credential", "text"),
                ("Full name", "text"),
                ("Issuing body", "text"),
                ("Suits", "text"),
                ("Renews", "text"),
            ],
            [(x.code, x.name, x.body, x.suits, x.renews or _first(x.status)) for x in creds],
            sources=[i for x in creds for i in x.sources],
        )
        b.hint(
            "For eligibility, the exam, renewal, cost and the address of one, run: hsm-guide certifications CODE",
            paper="The guide has a page for each credential: who is eligible, the exam, renewal, cost and its address.",
        )
    point(b, "certifications")
    return b.document()


def certification(kb: KnowledgeBase, query: str) -> Document:
    """One credential: who issues it and who it suits, then each kind of fact with its own sources."""
    cert = find_certification(kb, query)
    b = Builder(kb, "certifications", f"{cert.code}: {cert.name}")
    b.facts(
        [
            ("Issuing body", cert.body, cert.sources),
            ("Suits", cert.suits, cert.sources),
            ("Required", _required(cert), cert.sources),
            ("Preparation", cert.preparation, cert.sources),
            ("Renews", cert.renews, cert.sources),
        ]
    )
    if cert.url:
        b.heading("Its page at the issuing body")
        b.link(cert.url)
    b.bullets("Status", cert.status)
    b.bullets("Who is eligible", cert.eligibility)
    b.bullets("The exam", cert.exam)
    b.bullets("Renewal", cert.renewal)
    b.bullets("Cost", cert.cost)
    missing = [name for name, facts in (("eligibility", cert.eligibility), ("renewal", cert.renewal)) if not facts]
    if missing and not cert.status:
        b.note(f"No {' or '.join(missing)} rules were found on a page the guide can cite; ask {cert.body}.")
    return b.document()


def find_certification(kb: KnowledgeBase, query: str) -> Certification:
    """Match on code or full name, case-insensitively; else a unique partial match."""
    creds = kb.certifications.credentials
    q = query.strip().casefold()
    for cert in creds:
        if q in (cert.code.casefold(), cert.name.casefold()):
            return cert
    partial = [c for c in creds if q and q in c.name.casefold()]
    if len(partial) == 1:
        return partial[0]
    from ..suggest import close

    names = {c.code.casefold(): c.code for c in creds} | {c.name.casefold(): c.code for c in creds}
    near = close(q, list(names), n=3, cutoff=0.5)
    suggestions = list(dict.fromkeys(names[m.casefold()] for m in near)) or [c.code for c in partial]
    hint = f"; did you mean {' or '.join(suggestions)}?" if suggestions else ""
    known = ", ".join(c.code for c in creds)
    raise UsageError(f"unknown certification '{query}'{hint} (known: {known})")


def advancement(kb: KnowledgeBase) -> Document:
    b = Builder(kb, "advancement", "Experience and advancement")
    b.bullets("Experience that leads in", kb.experience.routes)
    b.bullets("Moving up", kb.advancement)
    return b.document()


def _first(items: list[Item]) -> str | None:
    if not items:
        return None
    from .glossary import first_sentence

    clause = items[0].text.split(";")[0]
    sentence = first_sentence(clause)
    return sentence if sentence == clause else sentence[:-1]


def _required(cert: Certification) -> str:
    return "Required" if cert.required else "Optional"
