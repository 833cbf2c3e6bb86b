"""Words read as the reader meant them: MS and MA as a master's degree where a degree is meant (after 'an' or
'my', or before 'in' and a field), a state otherwise; a postal code inside a credential's letters (RT(R)(CT))
is no state; of two backgrounds named, the more specific one's route (a retail manager's, not any changer's)."""

from __future__ import annotations

import pytest

from .test_question_rules import card

MISSISSIPPI = "Answer: Medical and Health Services Managers, pay in Mississippi"


@pytest.mark.parametrize(
    "asked",
    ["is an MS in health administration worth it", "MS in healthcare management or an MBA", "my MA is in psychology"],
)
def test_ms_or_ma_meaning_a_degree_is_no_state(run, asked: str) -> None:
    heading, _, notes = card(run, asked)
    assert "Mississippi" not in heading + " ".join(notes) and "Massachusetts" not in heading + " ".join(notes)


@pytest.mark.parametrize(
    "asked", ["pay in MS", "health services manager salary MS", "jobs in MS in the delta", "pay in MS in nursing homes"]
)
def test_ms_where_a_place_is_meant_stays_mississippi(run, asked: str) -> None:
    heading, _, _ = card(run, asked)
    assert heading == MISSISSIPPI


def test_a_postal_code_inside_a_credentials_letters_is_no_state(run) -> None:
    """RT(R)(CT) reads rt r ct: no Connecticut; 'e.g. CA' is letters of an abbreviation, then California."""
    heading, _, notes = card(run, "I have RT(R)(CT) and want to manage imaging")
    assert "Connecticut" not in heading + " ".join(notes)
    heading, _, _ = card(run, "pay in CT")
    assert heading == "Answer: Medical and Health Services Managers, pay in Connecticut"
    heading, _, _ = card(run, "what do managers make in a big state, e.g. CA")
    assert heading == "Answer: Medical and Health Services Managers, pay in California"


def test_the_more_specific_background_named_gives_the_route(run) -> None:
    heading, _, _ = card(run, "switching from retail store manager to healthcare admin, where do i start")
    assert heading == "Answer: the route for a retail or hospitality manager (a store, a hotel, a restaurant)"
    heading, _, _ = card(run, "switching careers to healthcare admin, where do i start")
    assert heading == "Answer: the route for a career changer from another field"
