"""'Is X this occupation?': the scope card says who BLS counts here (its definition), how the guide's sources
place a role named (a specialization, a kind of manager), each other occupation named as counted apart, this
occupation's pay in an industry named, and how BLS decides; read from the data, never copied from output."""

from __future__ import annotations

from .test_question_rules import YAML, card, money
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


def test_an_industry_named_is_counted_here_with_this_ones_pay_there_and_who_asks_is_not_set_apart(run) -> None:
    """'dental hygienist who wants to manage a dental office': BLS counts these managers in dentists' offices
    (their count and median there); the hygienist is who asks, not an occupation asked about."""
    heading, facts, _ = card(run, "dental hygienist who wants to manage a dental office, is that covered here")
    assert heading == SCOPE
    dentists = row("0000000", industry="621200")
    said = facts["Offices of Dentists"]
    assert said.startswith("Counted here") and money(dentists["annual_median"]) in said
    assert f"{int(dentists['employment']):,} jobs" in said
    assert "Apart" not in facts
    _, facts, _ = card(run, "I'm a paralegal. Is compliance management part of this career?")
    assert "Apart" not in facts
    _, facts, _ = card(run, "are clinical lab techs the same occupation as health services managers")
    assert facts["Apart"].startswith("Clinical Laboratory Technologists and Technicians (29-2010)")


def test_a_setting_named_is_one_this_occupation_works_in(run) -> None:
    _, facts, _ = card(run, "is health information management the same as health services management")
    assert facts["Health information departments"].startswith("Counted here: one of the settings")


def test_a_credential_named_does_not_take_the_lead_from_the_question_of_scope(run) -> None:
    """'is health information management (RHIA) the same as health services management' asks of scope; the
    RHIA alone ('what is the RHIA') keeps its own card."""
    heading, _, _ = card(run, "is health information management RHIA the same as health services management")
    assert heading == SCOPE
    asked = (
        "student asked me about health information management RHIA - is that the same as health services management?"
    )
    heading, _, _ = card(run, asked)
    assert heading == SCOPE
    heading, _, _ = card(run, "what is the RHIA")
    assert heading != SCOPE and "RHIA" in heading


def test_a_kind_of_manager_bls_names_is_said_so_and_a_pay_question_keeps_the_pay_card(run) -> None:
    heading, facts, _ = card(run, "is a clinical manager counted in this occupation or a different one")
    assert heading == SCOPE
    assert facts["Clinical manager"].startswith("Counted here: one of the kinds of manager BLS names")
    heading, _, _ = card(run, "how much does a clinical manager make")
    assert heading != SCOPE


def test_a_setting_inside_a_roles_name_is_the_roles(run) -> None:
    """'is a practice manager counted here': the practice of 'practice manager' is the title's, no setting row."""
    _, facts, _ = card(run, "is a practice manager counted in this occupation or another one")
    assert "Practice Manager" in facts and not any(label.startswith("Physicians") for label in facts)
