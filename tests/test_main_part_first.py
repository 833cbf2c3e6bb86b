"""The main thing asked, first: of two questions the first leads (the second answered in brief), a dash ends a
clause, advice alone is no second question; and the cards that answer what readers ask beside who they are
(a past year beside today's pay, how long to the top, the work's physical side, a pay cut in plain words).
Figures are read from the extract and the data, never copied from output."""

from __future__ import annotations

from .test_question_rules import YAML, card, money
from .test_wages_views import NATION, ROWS
from .test_what_is_asked import page


def _rural(state: str) -> list[dict[str, str]]:
    return [r for r in ROWS if r["soc"] == "11-9111" and r["kind"] == "nonmetro" and r["state"] == state]


def test_of_two_questions_the_first_leads_and_the_second_follows_in_brief(run) -> None:
    """'... our SNF - what should I offer in rural Tennessee and does the person need to be licensed': the pay
    asked first leads (every rural area of Tennessee, so no note names the others again); the license
    follows, read on for Tennessee."""
    asked = (
        "hiring an assistant administrator for our SNF - what should I offer in rural Tennessee"
        " and does the person need to be licensed"
    )
    heading, facts, _ = card(run, asked)
    assert heading == "Answer: pay in the rural (nonmetropolitan) areas of Tennessee, May 2025"
    areas = _rural("TN")
    assert len(areas) > 1 and all(a["name"] in facts for a in areas)
    said = page(run, asked)
    assert "You also asked: Licenses" in said and "Read on: hsm-guide licensure --state TN" in said
    assert "this one has the most of these jobs" not in said  # the card lists them all
    asked = "does the person need to be licensed in tennessee and what should I offer there"  # the other way round
    heading, _, _ = card(run, asked)
    assert heading == "Answer: Licenses, key points" and "Read on: hsm-guide licensure --state TN" in page(run, asked)


def test_one_question_after_a_statement_is_read_whole(run) -> None:
    """'I'm a pharmacist, how do I move into management' is one question: the pharmacist's route, not the
    clause's own card (moving up, for anyone)."""
    heading, _, _ = card(run, "I'm a pharmacist, how do I move into management")
    assert heading.startswith("Answer: the route for a clinician")


def test_a_first_question_the_lead_already_answers_keeps_the_lead(run) -> None:
    """'is nurse manager counted as a health services manager and how does pay compare': nurses' and managers'
    pay side by side say how BLS counts them too, so that card leads and nothing is said twice."""
    asked = (
        "RN thinking of becoming a nurse manager. is nurse manager counted as a health services manager"
        " and how does pay compare to staying bedside?"
    )
    heading, facts, _ = card(run, asked)
    assert heading.startswith("Answer: Registered Nurses and Medical and Health Services Managers, pay side by side")
    assert "How BLS counts them" in facts
    assert "You also asked: Who BLS counts" not in page(run, asked)


def test_advice_alone_is_no_second_question(run) -> None:
    """'administrative fellowship after MHA - is it worth it': the fellowship leads (a term of the glossary), the
    advice is said in its note, and 'is it worth it' is not answered again with some other card."""
    asked = "administrative fellowship after MHA - is it worth it"
    heading, _, notes = card(run, asked)
    assert heading == "Answer: Administrative fellowship"
    assert " ".join(YAML["questions"]["advice"]["text"].split()) in notes
    assert "You also asked" not in page(run, asked)


def test_a_past_years_pay_is_set_beside_todays_and_inflation_is_said_not_held(run) -> None:
    edition = next(e for e in YAML["quick_facts"]["editions"] if e["pay_year"] == 2020)
    asked = "median pay 2025 vs 2020 - have wages gone up faster than inflation"
    heading, facts, notes = card(run, asked)
    assert heading == "Answer: pay in May 2020, from the handbook of the time"
    then, now = float(edition["median_annual"]), float(NATION["annual_median"])
    assert (
        f"{money(str(now - then))} ({(now - then) / then:.0%}) above May 2020's, before inflation"
        in facts["Now, May 2025"]
    )
    inflation = next(g for g in YAML["questions"]["gaps"] if g["name"] == "inflation")
    assert any(" ".join(inflation["text"].split()) in n for n in notes)
    heading, _, _ = card(run, "has pay kept up with inflation")
    assert heading == "Answer: not in this guide"


def test_how_long_to_a_top_post_says_the_years_reach_a_first_management_post(run) -> None:
    heading, _, notes = card(run, "how long does it take to become a hospital CEO")
    assert heading.startswith("Answer: how long it takes")
    assert any(n.startswith("These years reach a first management post") for n in notes)
    _, _, notes = card(run, "how long does it take to become a practice manager")
    assert not any(n.startswith("These years reach a first management post") for n in notes)


def test_everyday_words_for_pay_and_schooling_and_the_body_find_their_cards(run) -> None:
    """'would I lose money going into admin' asks of pay; 'associate degree then transfer' of schooling; 'limits
    standing/walking ... physically' of where and how the work is done (not the student's route)."""
    heading, _, _ = card(
        run, "nurse practitioner thinking about becoming a clinic director - would I lose money going into admin?"
    )
    assert heading.startswith("Answer: Nurse Practitioners and Medical and Health Services Managers, pay side by side")
    heading, _, _ = card(run, "community college student - associate degree then transfer?")
    assert heading.startswith("Answer: the education it takes")
    heading, _, _ = card(
        run, "a student whose disability limits standing/walking - is health care management a good option physically"
    )
    assert heading == "Answer: where the work is done, and what it is"


def test_license_rules_by_state_lead_to_the_table_of_every_state(run) -> None:
    said = page(run, "nursing home administrator license requirements by state")
    assert "Read on: hsm-guide licensure --states" in said
    assert "Read on: hsm-guide licensure --states" not in page(run, "do i need a license to run a nursing home")


def test_starting_pay_asked_comes_first_on_the_pay_card(run) -> None:
    _, facts, _ = card(run, "mha salary entry level")
    assert next(iter(facts)) == "Starting pay" and money(NATION["annual_p10"]) in facts["Starting pay"]
    _, facts, _ = card(run, "mha salary")
    assert "Starting pay" not in facts


def test_a_license_asked_first_in_a_state_leads_and_the_pay_asked_after_follows(run) -> None:
    """'do i need a license for that in maine and what does the job pay there': the license asked first leads
    with Maine's (the clause's own card is the general one; the whole's card of the same page, by state, is
    taken); the pay follows, never the license's key points again."""
    asked = (
        "occupational therapist in Maine interested in running an assisted living facility."
        " do i need a license for that in maine and what does the job pay there"
    )
    heading, _, _ = card(run, asked)
    assert heading == "Answer: the nursing home administrator license in Maine"
    said = page(run, asked)
    assert "You also asked: Medical and Health Services Managers, pay in Maine" in said
    assert "You also asked: Licenses, key points" not in said
    # under a card of another page the license's key points are the answer: "what does a practice manager make"
    said = page(run, "what does a practice manager make, and do i need a license")
    assert "You also asked: Licenses, key points" in said


def test_a_place_alone_does_not_put_pay_before_what_the_guide_does_not_hold(run) -> None:
    """'best colleges for healthcare management in texas' asks for rankings, not pay: the gap leads; pay asked
    in so many words still leads with pay."""
    heading, _, _ = card(run, "best colleges for healthcare management in texas")
    assert heading == "Answer: not in this guide"
    heading, _, _ = card(run, "best colleges in texas and what do managers make there")
    assert heading.startswith("Answer: Medical and Health Services Managers, pay in Texas")


def test_and_before_a_question_word_starts_a_new_question_even_beside_a_comparison(run) -> None:
    """'...go back to school full time, and would I make more than my $62k teacher salary?': 'more than'
    compares, yet 'and would' asks anew; the schooling is answered under the salary's card, not the
    high-school classes a statement of who asks ('teach high school biology') would bring."""
    asked = (
        "I'm 45 and teach high school biology. Is it too late to go into health care management?"
        " Would I have to go back to school full time, and would I make more than my $62k teacher salary?"
    )
    said = page(run, asked)
    assert "You also asked: The education it takes" in said
    assert "You also asked: In high school" not in said


def test_whether_a_nurse_must_come_first_and_how_managers_feel_are_answered_for_what_they_ask(run) -> None:
    """'LPN ... or do I need to be RN first' asks of the experience that leads in, not only the LPN's route
    (said under it); 'will I miss patient care? what do ex-nurses say' leads with what the work is, and says
    the accounts asked for are not held; asked for accounts alone, that leads."""
    heading, _, notes = card(run, "LPN can I become a health services manager or do I need to be RN first")
    assert heading == "Answer: the experience that leads in"
    assert any("hsm-guide path --from clinician" in n for n in notes)
    accounts = next(g for g in YAML["questions"]["gaps"] if g["name"] == "personal-accounts")
    asked = "will I miss patient care if i move to management? what do ex-nurses say about it"
    heading, _, _ = card(run, asked)
    assert heading == "Answer: where the work is done, and what it is"  # what the work is, held
    assert accounts["text"] in page(run, asked)  # the accounts asked for, said not held
    heading, _, _ = card(run, "what do former nurses say about moving into admin")
    assert heading == "Answer: not in this guide"


def test_a_dash_ends_the_statement_before_the_first_question(run) -> None:
    """'assistant administrator at a nursing home in texas - what would i make and do i need a license': the
    dash ends who asks, so the pay asked first leads (without it the statement and the first question are one
    clause, no question of their own, and the whole question's best card leads)."""
    heading, _, _ = card(
        run, "assistant administrator at a nursing home in texas - what would i make and do i need a license"
    )
    assert heading == "Answer: Medical and Health Services Managers, pay in Texas"


def test_a_first_question_of_the_leads_own_page_keeps_the_lead_read_whole(run) -> None:
    """'home health agency director vs hospital department director - which pays better': the clause alone
    would ask the nation's pay; the whole sets the two industries side by side, and leads; a ranking of
    industries is not added under two compared ('which setting pays the most' of the two named)."""
    asked = "home health agency director vs hospital director - which pays better and which has more job security"
    heading, _, _ = card(run, asked)
    assert heading == "Answer: pay by industry, United States, May 2025"
    for asked in (
        "hospital vs nursing home vs home health - which setting pays managers the most",
        "hospital vs nursing home - which pays most",
    ):
        assert "You also asked: The best-paying" not in page(run, asked), asked
