"""A part of a question read with the rest of it: a city that names several metros is the one in the state the
question names elsewhere; a postal code before a city outside its state is part of a name (UT Austin); a plus
before a question word joins two questions; a clause that points back ("is that this job?") is read with the
clause before it; who asks in an occupation the guide has no figures for is shown where their salary stands.
Figures are read from the extract, never copied from output."""

from __future__ import annotations

from .test_question_rules import ROWS, YAML, card, median, money
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
    """'pay in TX Austin' names Texas' city: the code is no school's name there; 'ME portland' is Portland,
    Maine, not the larger Portland in Oregon, which is named as what the word could also mean."""
    heading, _, _ = card(run, "pay in TX Austin")
    assert heading.endswith("pay in Austin-Round Rock-San Marcos, TX")
    heading, _, notes = card(run, "pay in ME portland")
    assert heading.endswith("pay in Portland-South Portland, ME")
    assert any("'portland' could also mean Portland-Vancouver-Hillsboro, OR-WA" in n for n in notes)


def test_a_plus_before_a_question_word_joins_two_questions(run) -> None:
    """'... a bachelors + how long does it take': the time is answered too, though every word of that clause
    is filler but 'long'."""
    asked = "do i need an MHA to run a hospital or can i get in with just a bachelors + how long does it take"
    said = page(run, asked)
    assert "You also asked: How long it takes" in said


def test_a_plus_in_a_list_splits_nothing(run) -> None:
    """'MBA + MHA' is a pair, not two questions: no second answer comes of 'MHA' alone."""
    said = page(run, "is an MBA + MHA worth it")
    assert "You also asked" not in said


def test_a_clause_that_points_back_is_read_with_the_one_before(run) -> None:
    """'thinking DON or nurse mgr... is that this job?': how BLS counts a nurse manager, answered beside
    the degrees asked after it."""
    asked = "RN 15 yrs, charge nurse now, thinking DON or nurse mgr... is that this job? and do i need an MSN or MHA"
    heading, _, _ = card(run, asked)
    assert heading == "Answer: MSN and MHA side by side"
    said = page(run, asked)
    assert "You also asked: Who BLS counts as Medical and Health Services Managers" in said
    assert "Nurse Manager: Counted here" in said
    assert ".;" not in said  # a row's sentence ends where the next row starts, once


def test_who_asks_without_figures_sees_where_their_salary_stands(run) -> None:
    """A teacher (no figures in the extract) making 85k asks of a pay cut: where $85,000 stands among these
    managers in the Inland Empire, and that the guide has no teachers' figures."""
    asked = (
        "Im a high school english teacher in the Inland Empire making 85k. would I take a pay cut going into"
        " hospital admin"
    )
    heading, facts, _ = card(run, asked)
    assert heading == "Answer: where an $85,000 salary stands, Riverside-San Bernardino-Ontario, CA, May 2025"
    riverside = row("0040140")
    assert facts["Median, Riverside-San Bernardino-Ontario, CA"].startswith(money(riverside["annual_median"]))
    said = page(run, asked)
    assert "The guide has no figures for teachers" in said
    assert 'Read on: hsm-guide pay --salary 85000 --area "inland empire"' in said


def test_who_asks_without_figures_and_no_salary_sees_the_pay_once(run) -> None:
    """'teacher in denver, what would i make': this occupation's pay in Denver leads, and is not answered a
    second time under itself."""
    heading, facts, _ = card(run, "teacher in denver, what would i make")
    assert heading == "Answer: Medical and Health Services Managers, pay in Denver-Aurora-Centennial, CO"
    assert facts["Median pay, May 2025"] == median(row("0019740"))
    said = page(run, "teacher in denver, what would i make")
    assert "The guide has no figures for teachers" in said
    assert "You also asked" not in said


def test_a_third_question_is_answered_too(run) -> None:
    """'how much ... in ohio, how long does it take, and do i need a license': Ohio's pay leads; the time and
    the license follow, each in brief, neither dropped."""
    asked = "how much do they make in ohio, how long does it take, and do i need a license"
    heading, facts, _ = card(run, asked)
    assert heading == "Answer: Medical and Health Services Managers, pay in Ohio"
    assert facts["Median pay, May 2025"] == median(row("3900000"))
    said = page(run, asked)
    assert "You also asked: How long it takes" in said
    assert "You also asked: Licenses" in said
    assert said.index("You also asked: How long it takes") < said.index("You also asked: Licenses")  # as asked


def test_a_statement_is_no_third_question(run) -> None:
    """'career changer in ohio. how do i get in, and what would i make': the route and Ohio's pay; the
    statement of who asks is answered by neither a third card nor the route again."""
    said = page(run, "career changer in ohio. how do i get into healthcare admin, and what would i make")
    assert said.count("You also asked") == 1


def test_diff_is_read_as_difference(run) -> None:
    """'whats the diff between an MHA and an MBA' compares the two; 'diff' is never a word the guide lacks."""
    heading, _, _ = card(run, "whats the diff between an MHA and an MBA")
    assert heading == "Answer: MHA and MBA side by side"
    assert "nothing on 'diff'" not in page(run, "whats the diff between an MHA and an MBA")


def test_another_post_named_beside_the_administrators_license_is_told_apart(run) -> None:
    """'do I need an NHA license to be a director of nursing': New York's administrator license, and under it
    that it is the administrator's, with what the guide holds of other posts' licenses (from the data)."""
    heading, _, notes = card(run, "do I need an NHA license to be a director of nursing in new york")
    assert heading == "Answer: the nursing home administrator license in New York"
    other = [lic for lic in YAML["licensure"] if lic["required"] in ("some positions", "not usually")]
    held = " ".join(d["text"] for lic in other for d in lic["details"])
    assert any(n.startswith("The license above is a nursing home administrator's") and held in n for n in notes)
    _, _, notes = card(run, "nursing home administrator license in ohio")
    assert not any("license above" in n for n in notes)


def test_one_question_after_a_statement_leads_where_the_best_cards_tie(run) -> None:
    """'my daughter is a senior in high school ..., what should she major in': the majors, not the high-school
    courses the statement's words chose; a statement naming who asks keeps the card for them (the pharmacist's
    route, not moving up in general)."""
    heading, _, _ = card(
        run, "my daughter is a senior in high school and wants to run a hospital someday, what should she major in"
    )
    assert heading == "Answer: Bachelor's majors that lead here"
    heading, _, _ = card(run, "I'm a pharmacist, how do I move into management")
    assert heading.startswith("Answer: the route for a clinician")


def test_a_clause_pointing_to_a_credential_is_no_route_question(run) -> None:
    """'Is FACHE still worth it ... and how long does it take': the time asked is the FACHE's, which its card
    gives; no student's route is offered as if it were."""
    said = page(run, "Is FACHE still worth it in 2025 or is it just an expensive club? and how long does it take")
    assert "How long it takes, a student" not in said


def test_the_leads_own_answer_is_not_given_again(run) -> None:
    """A teacher's salary asked of twice ('is it too late ... would I make more than my $62k teacher salary')
    is placed once, by the card that leads."""
    asked = (
        "I'm 45 and teach high school biology. Is it too late to go into health care management? Would I have to"
        " go back to school full time, and would I make more than my $62k teacher salary?"
    )
    heading, _, _ = card(run, asked)
    assert heading == "Answer: where a $62,000 salary stands, the United States, May 2025"
    assert page(run, asked).lower().count("where a $62,000 salary stands") == 1


def test_a_town_the_guide_lacks_is_read_with_its_state(run) -> None:
    """'in kalispell mt': Montana's pay, and a line that the town names no BLS metro area, never 'holds nothing'
    alone and the nation's figures."""
    heading, facts, notes = card(run, "how much do hospital administrators make in kalispell mt")
    assert heading == "Answer: Medical and Health Services Managers, pay in Montana"
    assert facts["Median pay, May 2025"] == median(row("3000000"))
    assert any(n.startswith("'kalispell' names no BLS metro area: the figures are Montana's") for n in notes)
    assert not any("holds nothing on 'kalispell'" in n for n in notes)
    assert "Oregon" not in page(run, "pay in kalispell or nearby")  # 'or' after a town is a word, never Oregon


def test_a_small_town_is_the_states_rural_areas(run) -> None:
    """'a small town in iowa': Iowa's nonmetropolitan areas, each with its own figures."""
    heading, facts, _ = card(run, "what do practice managers make in a small town in iowa")
    assert heading == "Answer: pay in the rural (nonmetropolitan) areas of Iowa, May 2025"
    rural = [r for r in ROWS if r["soc"] == "11-9111" and r["kind"] == "nonmetro" and r["state"] == "IA"]
    rural = [r for r in rural if r["industry"] == "000000"]
    assert rural and all(r["name"] in facts for r in rural)


def test_a_cost_asked_is_no_pay_question(run) -> None:
    """'what certs should a new practice manager get and how much do they cost': the certifications, and no
    pay card for 'how much' (it shares only filler with it)."""
    said = page(run, "what certs should a new practice manager get and how much do they cost")
    assert "You also asked: Medical and Health Services Managers, pay" not in said


def test_two_credentials_in_a_long_question_are_set_side_by_side(run) -> None:
    """A long question no card fits whole ('Rad tech here ... Would CMPE, CHFP, or an AHIMA credential help
    more...'): the two credentials named side by side, never the first alone."""
    asked = (
        "Rad tech here. My hospital will pay for a certification but not a full master's. Would CMPE, CHFP, or an"
        " AHIMA credential help more for getting an imaging department manager job?"
    )
    heading, _, _ = card(run, asked)
    assert heading == "Answer: the CMPE and the CHFP side by side"


def test_a_metro_named_beside_rural_pay_is_set_beside_it(run) -> None:
    """'... out here in the nonmetro areas vs in wichita': Kansas' rural area and Wichita, each its median."""
    asked = "therapist in rural western kansas. what do managers make out here in the nonmetro areas vs in wichita"
    heading, facts, _ = card(run, asked)
    assert heading == "Answer: pay in the rural (nonmetropolitan) areas of Kansas, May 2025"
    wichita = next(
        r for r in ROWS if r["soc"] == "11-9111" and r["industry"] == "000000" and r["name"] == "Wichita, KS"
    )
    assert facts["Wichita, KS"].startswith(median(wichita))


def test_a_license_asked_in_a_state_reads_on_to_that_states_license(run) -> None:
    """'do i need a license to run a home health agency in michigan': the note under the card points to
    Michigan's license, never to Michigan's pay as if the card were about pay."""
    _, _, notes = card(run, "do i need a license to run a home health agency in michigan")
    assert any(n.endswith("in Michigan: hsm-guide licensure --state MI") for n in notes)
    assert not any("This answer is not by place" in n for n in notes)


def test_someone_elses_job_is_not_who_asks(run) -> None:
    """'im 17 in boise idaho, my mom is a CNA ... what would i make here vs if i moved to seattle': the mother's
    job is not the asker's background (no clinician's route); Boise's and Seattle's pay lead."""
    asked = (
        "im 17 in boise idaho, my mom is a CNA and we dont have much money. can i become a hospital manager without"
        " going to a 4 year school, and what would i make here vs if i moved to seattle?"
    )
    heading, _, _ = card(run, asked)
    assert heading == "Answer: Boise City, ID and Seattle-Tacoma-Bellevue, WA, pay side by side, May 2025"
    assert "route for a clinician" not in page(run, asked)
