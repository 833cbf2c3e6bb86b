"""A part of a question read with the rest of it: a city that names several metros is the one in the state the
question names elsewhere; a postal code before a city outside its state is part of a name (UT Austin); a plus
before a question word joins two questions; a clause that points back ("is that this job?") is read with the
clause before it; who asks in an occupation the guide has no figures for is shown where their salary stands.
Figures are read from the extract, never copied from output."""

from __future__ import annotations

from .test_question_rules import card, median
from .test_wages_views import row
from .test_what_is_asked import page


def test_a_city_of_several_metros_is_the_one_in_the_state_named(run) -> None:
    """'rural west virginia ... vs in charleston': Charleston, WV beside the rural area, not the larger
    Charleston, SC, which is named as what the word could also mean."""
    asked = "respiratory therapist in rural west virginia, what do they pay vs in charleston"
    heading, facts, notes = card(run, asked)
    assert "Charleston, WV" in heading and "Charleston-North Charleston, SC" not in heading
    assert facts["Charleston, WV"].startswith(median(row("0016620")))
    assert any("'charleston' could also mean Charleston-North Charleston, SC" in n for n in notes)


def test_charleston_alone_is_still_the_one_with_most_jobs(run) -> None:
    """Without a state named beside it, the metro that employs the most of these managers is chosen."""
    heading, _, notes = card(run, "pay in charleston")
    assert heading.endswith("pay in Charleston-North Charleston, SC")
    assert any("could also mean Charleston, WV" in n for n in notes)


def test_a_postal_code_before_a_city_outside_its_state_is_no_state(run) -> None:
    """'a jr at ut austin': Austin, Texas, never Utah."""
    said = page(run, "im a jr at ut austin doing public health, do i need an MHA to run a hospital")
    assert "Utah" not in said
    assert "Austin-Round Rock-San Marcos, TX" in said


def test_a_state_code_before_a_city_in_it_stays_the_place(run) -> None:
    """'pay in TX Austin' names Texas' city: the code is no school's name there."""
    heading, _, _ = card(run, "pay in TX Austin")
    assert heading.endswith("pay in Austin-Round Rock-San Marcos, TX")
