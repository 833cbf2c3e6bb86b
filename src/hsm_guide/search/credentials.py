"""A credential's facts (its cost, who is eligible, its renewal, or its main facts) and the
credentials a setting's route names."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .card import Answered, in_short, no_pay_by, sources_row

if TYPE_CHECKING:
    from ..model import Card, Certification, KnowledgeBase, Route
    from ..sections.builder import Builder, FactRow
    from .reading import Reading

# the facts a credential card leads with: its answer -> (the credential's fields, the heading, the word for
# none); what it takes to earn one is who may sit the exam and the exam itself
_FACETS = {
    "credential-cost": (("cost",), "Answer: what the {code} costs", "fee"),
    "credential-eligibility": (
        ("eligibility", "exam"),
        "Answer: what the {code} takes: who is eligible, the exam",
        "eligibility rules",
    ),
    "credential-renewal": (("renewal",), "Answer: renewing the {code}", "renewal rules"),
}
USED = frozenset({"credential", "term", "organization", "role"})


def credential(b: Builder, kb: KnowledgeBase, reading: Reading, card: Card) -> Answered | None:
    """The facts the question asks of the credential it names (cost, eligibility, renewal), each with
    its sources as `certifications CODE` gives them; its main facts where the data has none of those."""
    c: Certification | None = reading.first("credential")
    if c is None:
        return None
    facet = _FACETS.get(card.answer)
    if facet is None:
        b.heading(f"Answer: the {c.code}, {c.name}")
        needed = optional(kb)
        b.facts([*main_facts(c), *needed, sources_row(kb, [*c.sources, *(i for _, _, s in needed for i in s)])])
        _unpaid(b, kb, reading, c)
        return Answered(USED)
    fields, heading, none = facet
    items = [item for field in fields for item in getattr(c, field)]
    b.heading(heading.format(code=c.code))
    if items:
        b.bullets(None, items)
        b.facts([sources_row(kb, [i for item in items for i in item.sources])])
    else:
        b.text(f"The guide's sources give no {none} for the {c.code} ({c.name}).")
        b.facts([*main_facts(c), sources_row(kb, c.sources)])
    _unpaid(b, kb, reading, c)
    return Answered(USED)


def _unpaid(b: Builder, kb: KnowledgeBase, reading: Reading, c: Certification) -> None:
    """Pay asked of the credential ("do CPHQ holders earn more"): none by credential, said under its facts."""
    unpaid = no_pay_by(kb, reading, "credential", f"What the {c.code} adds to pay")
    if unpaid:
        b.note(*unpaid)


def optional(kb: KnowledgeBase) -> list[FactRow]:
    """Whether a certification is needed, as the certifications section's first key point says (optional)."""
    from ..sections.keypoints import in_words

    return [("Needed?", p.text, list(p.sources)) for p in in_words(kb, "certifications")[:1]]


def main_facts(c: Certification) -> list[FactRow]:
    """Who issues it and whom it suits, who may sit it (every rule, in short) and its exam (its first
    fact in short), how long it takes to prepare, how often it renews, and its status where in doubt."""
    status = c.status[0] if c.status else None
    eligible = [(eligibility(c), [s for i in c.eligibility for s in i.sources])]
    exam = [(in_short(c.exam[0].text, "; "), c.exam[0].sources)] if c.exam else []
    return [
        ("Issuing body", c.body, c.sources),
        ("Suits", c.suits, c.sources),
        *(("Eligible", text, sources) for text, sources in eligible if text),
        *(("Exam", text, sources) for text, sources in exam),
        ("Preparation", c.preparation or "", c.sources),
        ("Renews", c.renews or "", c.sources),
        *([("Status", status.text, status.sources)] if status else []),
    ]


def eligibility(c: Certification) -> str:
    """Every rule of eligibility, each in short: the first alone hid FACHE's master's degree."""
    return " ".join(in_short(i.text, "; ") for i in c.eligibility)


def certifications(b: Builder, kb: KnowledgeBase, reading: Reading, card: Card) -> Answered | None:
    """The credentials the setting's route names, each with whom it suits."""
    setting: Route | None = reading.first("setting")
    if setting is None:
        return None
    from ..sections.routes import setting_credentials

    found = setting_credentials(kb, setting)
    if not found:
        return None
    b.heading(f"Answer: certifications for {setting.name[0].lower()}{setting.name[1:]}")
    rows = [*optional(kb), *((c.code, f"{c.name} ({c.body}): {c.suits}", c.sources) for c in found)]
    b.facts([*rows, sources_row(kb, [i for _, _, s in rows for i in s])])
    for c in found:
        if c.status:  # the latest statement on a credential in doubt
            b.note(f"{c.code}: {c.status[0].text}", c.status[0].sources)
    licenses = [s for s in setting.steps if s.kind == "license"]
    if licenses:  # a required license matters more than an optional credential
        b.note(f"This setting also needs a license: {licenses[0].text}", licenses[0].sources)
    return Answered(frozenset({"setting", "industry", "role", "occupation", "credential"}))
