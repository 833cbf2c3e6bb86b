"""'Is X this occupation?': the scope card says who BLS counts here (its definition), how the guide's sources
place a role named (a specialization, a kind of manager), each other occupation named as counted apart, this
occupation's pay in an industry named, and how BLS decides; read from the data, never copied from output."""

from __future__ import annotations

from .test_question_rules import YAML, card, median
from .test_wages_views import row

SCOPE = "Answer: who BLS counts as Medical and Health Services Managers"


def _term(key: str) -> dict[str, str]:
    return next(t for t in YAML["glossary"] if t["term"] == key)


def _spaced(text: str) -> str:
    return " ".join(text.split())


def test_is_it_this_job_names_the_definition_the_role_and_the_rule(run) -> None:
    heading, facts, _ = card(run, "I work in IT, is health informatics management this job or a different one?")
    assert heading == SCOPE
    informatics = next(s for s in YAML["roles"]["specializations"] if s["name"] == "Health informatics")
    assert facts["Health informatics"].startswith("Counted here: a specialization")
    assert _spaced(informatics["text"]) in facts["Health informatics"]
    assert facts["This one, 11-9111"] == _spaced(_term("soc-code")["example"])
    assert facts["How BLS decides"] == _spaced(_term("soc-coding")["text"])


def test_another_occupation_is_counted_apart_and_an_industry_named_gets_this_ones_pay_there(run) -> None:
    heading, facts, _ = card(run, "dental hygienist who wants to manage a dental office, is that covered here")
    assert heading == SCOPE
    assert facts["Apart"].startswith("Dental Hygienists (29-1292), an occupation of its own")
    dentists = row("0000000", industry="621200")
    assert median(dentists) in facts["Industry, United States"]


def test_a_credential_named_does_not_take_the_lead_from_the_question_of_scope(run) -> None:
    """'is health information management (RHIA) the same as health services management' asks of scope; the
    RHIA alone ('what is the RHIA') keeps its own card."""
    heading, _, _ = card(run, "is health information management RHIA the same as health services management")
    assert heading == SCOPE
    heading, _, _ = card(run, "what is the RHIA")
    assert heading != SCOPE and "RHIA" in heading


def test_a_kind_of_manager_bls_names_is_said_so_and_a_pay_question_keeps_the_pay_card(run) -> None:
    heading, facts, _ = card(run, "is a clinical manager counted in this occupation or a different one")
    assert heading == SCOPE
    assert facts["Clinical manager"].startswith("Counted here: one of the kinds of manager BLS names")
    heading, _, _ = card(run, "how much does a clinical manager make")
    assert heading != SCOPE
