"""What a question asks, told apart from who asks and from how it is worded: a postal code that is also
a name, a gap or credential named before the route of who asks, the clause answered second and the
context it borrows, and the figures a card adds for what is asked (each rule with a question it decides)."""

from __future__ import annotations

from .test_question_rules import ROWS, card, median, money, row


def page(run, question: str) -> str:
    """What `search` prints for the question, as one line (the terminal wraps long lines)."""
    return " ".join(run("search", *question.split()).stdout.split())


def leads(run, *asked: tuple[str, str]) -> None:
    """Each question leads with the heading beside it."""
    for question, heading in asked:
        assert card(run, question)[0] == heading, question


def shows(run, questions: tuple[str, ...], heading: str, *texts: str) -> None:
    """Each question leads with the heading, and its page says each of the texts."""
    for asked in questions:
        assert card(run, asked)[0] == heading, asked
        said = page(run, asked)
        assert all(text in said for text in texts), asked


def test_a_postal_code_that_is_also_a_name_after_a_determiner_is_the_name_and_elsewhere_the_state(run) -> None:
    """'a PA' is a physician assistant, 'an MD' a doctor and 'any VA' Veterans Affairs; 'requirements PA',
    'pay in VA' and 'that PA pays more than NJ' are the states."""
    clinician = "Answer: the route for a clinician or allied health professional"
    for asked in ("I'm a PA wanting to move into management", "can an MD become a hospital ceo"):
        heading, facts, _ = card(run, asked)
        assert heading.startswith(clinician)
        assert not any("Pennsylvania" in v or "Maryland" in v for v in facts.values())
    _, facts, _ = card(run, "any VA/federal hiring info??")
    assert "Federal Executive Branch (OEWS Designation)" in facts and not any("Virginia" in v for v in facts.values())
    leads(
        run,
        ("is it true that PA pays more than NJ", "Answer: Pennsylvania and New Jersey, pay side by side, May 2025"),
        (
            "nursing home administrator license requirements PA",
            "Answer: the nursing home administrator license in Pennsylvania",
        ),
        ("health services manager pay in VA", "Answer: Medical and Health Services Managers, pay in Virginia"),
    )


def test_a_second_question_is_answered_for_the_place_another_clause_names(run) -> None:
    """'career changer in ohio. how do i get in, and what would i make': the pay asked second is Ohio's, not the
    nation's; a teacher asking what they would make in Ohio (no teachers' figures) is shown Ohio's pay first."""
    said = page(run, "career changer in ohio. how do i get into healthcare admin, and what would i make")
    assert "You also asked: Medical and Health Services Managers, pay in Ohio." in said
    assert f"Median pay, May 2025: {median(row('3900000'))}" in said
    heading, facts, _ = card(run, "teacher career change to healthcare admin in ohio, what would i make")
    assert heading == "Answer: Medical and Health Services Managers, pay in Ohio"
    assert facts["Median pay, May 2025"] == median(row("3900000"))


def test_a_gap_the_question_names_leads_before_a_card_of_the_whole_field_but_not_before_pay_asked(run) -> None:
    """'too late at 45' is answered by what the sources say of age before the route in; pay asked for keeps
    its figures first, the gap said under them; a gap that fits the question far less than the card does not
    lead ('find a job after graduating' is the outlook, not job postings)."""
    leads(
        run,
        (
            "career change at 45 into healthcare management, is it worth it or too late",
            "Answer: none of the guide's sources sets an age limit",
        ),
        (
            "client is 55 and was laid off. realistic to get into healthcare management at that age?",
            "Answer: none of the guide's sources sets an age limit",
        ),
        (
            "which states pay health care managers the most, and is that just cost of living?",
            "Answer: the best-paying states (and DC), May 2025",
        ),
        ("how much do hospital CEOs at mayo clinic make", "Answer: Chief Executives, pay in the United States"),
        ("will i be able to find a job after graduating", "Answer: Job outlook, key points"),
    )


def test_a_gap_the_question_names_answers_where_no_card_it_scored_can(run) -> None:
    """The assisted-living licenses card scores for 'licensing' but needs that administrator named; the
    criminal-record gap the question names answers instead of 'no card fits'."""
    asked = "client with a felony record wants to be a nursing home administrator, will that block licensing?"
    heading, _, _ = card(run, asked)
    assert heading == "Answer: not in this guide"
    said = page(run, asked)
    assert "The guide holds nothing on background checks or criminal records." in said


def test_part_time_work_is_a_gap_said_with_what_bls_does_say_and_an_accountant_has_figures(run) -> None:
    asked = "are there part-time jobs in healthcare management"
    heading, _, _ = card(run, asked)
    assert heading == "Answer: not in this guide"
    said = page(run, asked)
    assert "no count of part-time posts" in said and "most of these managers work full time" in said
    heading, facts, _ = card(run, "i'm a CPA, would i make more as a practice administrator")
    assert heading.startswith("Answer: Accountants and Auditors and Medical and Health Services Managers")
    assert facts["Accountants and Auditors"].startswith(money(row("0000000", soc="13-2011")["annual_median"]))


def test_a_credential_named_leads_before_the_route_of_who_asks(run) -> None:
    """'can a nurse use the CPHQ...': the nurse is who asks; the CPHQ is what is asked about."""
    heading, _, _ = card(run, "what is the CPHQ and can a nurse use it to move into a quality director role")
    assert "CPHQ" in heading
    heading, _, _ = card(run, "rn to director of nursing what do i need")  # no credential: the nurse's route
    assert heading == "Answer: the route for a registered nurse moving into management"


def test_a_certificate_is_schooling_not_a_certification(run) -> None:
    heading, _, _ = card(
        run, "would a healthcare management certificate from a community college be enough or do i need a degree"
    )
    assert heading.startswith("Answer: the education it takes")


def test_the_second_question_answered_is_one_asked_not_a_statement_of_who_asks(run) -> None:
    asked = "army veteran, was a logistics officer. how do i become a nursing home administrator in Florida"
    asked += " and what does it pay"
    said = page(run, asked)
    assert "You also asked: Medical and Health Services Managers, pay in Florida." in said


def test_pay_asked_again_beside_a_comparison_is_said_for_the_place_named_and_not_without_one(run) -> None:
    """The rad tech's figures beside this occupation's are the state's; the metro's pay for this occupation
    follows in brief. With no place named, the side by side already answers 'would i make more'."""
    asked = "rad tech looking at imaging department manager jobs in the Twin Cities, what's the salary range"
    said = page(run, asked)
    assert "You also asked: Medical and Health Services Managers, pay in Minneapolis-St. Paul-Bloomington" in said
    said = page(run, "im a store manager at target, would i make more running a clinic")
    assert "Answer: First-Line Supervisors of Retail Sales Workers and Medical and Health Services Managers" in said
    assert "You also asked: Medical and Health Services Managers, pay in" not in said
    asked = "physical therapist, would i take a pay cut as a manager? and do managers make more in hospitals or SNFs"
    said = page(run, asked)
    assert "You also asked: Pay by industry, United States" in said  # the industries: not in the side by side


def test_an_entry_level_job_asked_puts_the_first_job_before_the_managers_titles(run) -> None:
    heading, facts, _ = card(run, "what entry level jobs in healthcare administration should i search for")
    assert heading == "Answer: job titles to search for"
    assert list(facts)[:3] == ["Jobs people start in", "A first job", "Job titles"]
    assert "administrative assistant in a healthcare office" in facts["Jobs people start in"]
    for asked in ("what jobs can i get right out of college", "i'm a new grad, what titles should i apply for"):
        assert next(iter(card(run, asked)[1])) == "Jobs people start in", asked  # an everyday phrase for starting
    heading, facts, _ = card(run, "what job titles should i search for")
    assert heading == "Answer: job titles to search for" and next(iter(facts)) == "Job titles"
    assert list(facts)[-2] == "Jobs people start in"  # still shown, after the managers' titles


def test_pay_asked_of_two_degrees_or_credentials_says_bls_has_none_by_either(run) -> None:
    national = money(row("0000000")["annual_median"])
    for asked, kind in (("mha vs mba which one pays more", "degree"), ("CMPE or FACHE, which pays more", "credential")):
        _, _, notes = card(run, asked)
        said = [n for n in notes if "Which pays more is not in the guide" in n]
        assert said and f"not by {kind}." in said[0] and f"{national} a year" in said[0]
    _, _, notes = card(run, "mha vs mba")
    assert not any("Which pays more" in n for n in notes)
    said = page(run, "CMPE or FACHE, which pays more")
    assert "You also asked" not in said  # the line above answers the pay asked: no brief of the pay card


def test_the_top_ten_percent_asked_of_two_places_says_each_end_plainly(run) -> None:
    """'what does the top 10% make in denver and cleveland': each place's 90th percentile named as the top
    tenth's floor, not only as the end of the middle 80%; without it, the middle 80%."""
    _, facts, _ = card(run, "what does the top 10% make in denver and cleveland")
    cleveland = row("0017410")
    said = facts["Cleveland, OH"]
    assert f"lowest-paid 10% under {money(cleveland['annual_p10'])}" in said
    assert f"top-paid 10% {money(cleveland['annual_p90'])} or more" in said
    _, facts, _ = card(run, "pay in denver vs cleveland")
    assert f"middle 80% {money(cleveland['annual_p10'])} to {money(cleveland['annual_p90'])}" in facts["Cleveland, OH"]


def test_a_med_tech_is_a_clinical_laboratory_technologist_and_him_technologists_have_figures(run) -> None:
    heading, _, _ = card(run, "lab manager salary vs med tech salary")
    assert heading.startswith("Answer: Clinical Laboratory Technologists and Technicians and Medical and Health")
    heading, facts, _ = card(run, "health services managers vs health information technologists")
    assert "Health Information Technologists and Medical Registrars" in heading
    assert facts["Health Information Technologists and Medical Registrars"].startswith(
        money(row("0000000", soc="29-9021")["annual_median"])
    )


def test_rural_asked_of_two_states_shows_the_nonmetro_areas_of_both_not_the_states_side_by_side(run) -> None:
    rural = [
        r["name"]
        for r in ROWS
        if r["soc"] == "11-9111"
        and r["kind"] == "nonmetro"
        and r["industry"] == "000000"
        and r["state"] in ("MT", "WY")
    ]
    heading, facts, _ = card(run, "rural student in montana or wyoming, are there health admin jobs near home")
    assert heading == "Answer: pay in the rural (nonmetropolitan) areas of Montana and Wyoming, May 2025"
    assert sorted(k for k in facts if k not in ("Source", "Sources")) == sorted(rural)


def test_rural_pay_of_several_states_fits_a_screen_and_a_state_with_no_rural_area_is_said(run) -> None:
    rural = [r for r in ROWS if r["soc"] == "11-9111" and r["kind"] == "nonmetro" and r["industry"] == "000000"]
    both = sorted(
        (r for r in rural if r["state"] in ("TX", "GA") and r["annual_median"] not in ("", "-")),
        key=lambda r: -float(r["annual_median"]),
    )
    assert len(both) > 6  # the release's own count: the cut is needed
    heading, facts, notes = card(run, "rural pay in texas vs georgia")
    assert heading == "Answer: pay in the rural (nonmetropolitan) areas of Texas and Georgia, May 2025"
    assert [k for k in facts if k not in ("Source", "Sources")] == [r["name"] for r in (*both[:3], *both[-3:])]
    assert any(f"it gives {len(both)} nonmetropolitan areas their own" in n for n in notes)
    heading, facts, notes = card(run, "rural pay in new jersey vs delaware")
    assert heading == "Answer: pay in the rural (nonmetropolitan) areas of Delaware, May 2025"
    assert any(n.startswith("New Jersey: BLS counts every part of it in a metro area") for n in notes)
    assert any("it gives one nonmetropolitan area its own" in n for n in notes)


def test_ppl_is_people_never_a_word_the_guide_holds_nothing_on(run) -> None:
    asked = "does the VA hire health admin ppl with just a bachelors"
    result = run("search", *asked.split())
    assert result.exit_code == 0 and "'ppl'" not in result.stdout


def test_the_best_and_the_lowest_paying_states_asked_together_are_both_listed_with_their_ranks(run) -> None:
    """'which pay the most and which pay the least': the five best-paying states and DC, ranked from 1, then
    the five lowest, ranked from the last, each with its median (territories are not ranked)."""
    states = [
        r
        for r in ROWS
        if r["soc"] == "11-9111" and r["kind"] == "state" and r["industry"] == "000000" and r["annual_median"]
    ]
    states = [r for r in states if r["state"] not in ("PR", "GU", "VI", "AS", "MP")]
    order = sorted(states, key=lambda r: -float(r["annual_median"]))
    for asked in (
        "which states pay health services managers the most and which pay the least",
        "highest and lowest paying states",
    ):
        heading, facts, _ = card(run, asked)
        assert heading == "Answer: the best- and lowest-paying states (and DC), May 2025", asked
        shown = [label for label in facts if label != "Source"]
        expected = [f"{i}. {r['name']}" for i, r in enumerate(order[:5], 1)]
        expected += [f"{len(order) - i}. {r['name']}" for i, r in enumerate(order[::-1][:5])]
        assert shown == expected
        assert facts[expected[0]].startswith(f"{money(order[0]['annual_median'])} a year")
        assert facts[expected[-1]].startswith(f"{money(order[-5]['annual_median'])} a year")
    heading, facts, _ = card(run, "lowest paying states")
    assert heading == "Answer: the lowest-paying states (and DC), May 2025"
    assert next(iter(facts)) == order[-1]["name"]


def test_a_credential_named_leads_before_a_card_of_the_whole_field_and_two_named_are_set_side_by_side(run) -> None:
    """'no degree, can I still get the CHFP' asks what the CHFP takes, not what the field's education is;
    'which certs matter? FACHE? CPHQ?' sets the two named side by side rather than listing every one."""
    leads(
        run,
        (
            "billing supervisor without a degree, can I still get the CHFP?",
            "Answer: what the CHFP takes: who is eligible, the exam",
        ),
        (
            "medical assistant with no degree, could I still sit for the CMPE",
            "Answer: what the CMPE takes: who is eligible, the exam",
        ),
        (
            "which certs matter most for a department manager? FACHE? CPHQ?",
            "Answer: the FACHE and the CPHQ side by side",
        ),
        (
            "lab tech moving up, which certs actually matter, FACHE? CPHQ?",
            "Answer: the FACHE and the CPHQ side by side",
        ),
    )


def test_whether_a_move_pays_is_answered_by_the_two_occupations_pay_side_by_side(run) -> None:
    """'is the pay bump worth it' from an occupational therapist: the therapists' median beside the managers',
    the figures the choice turns on (the guide holds no answer to 'worth it' beyond them)."""
    heading, facts, _ = card(run, "occupational therapist eyeing a rehab manager job, is the pay bump worth it")
    assert heading.startswith(
        "Answer: Occupational Therapists and Medical and Health Services Managers, pay side by side"
    )
    assert facts["Occupational Therapists"].startswith(median(row("0000000", "29-1122")))
    assert facts["Medical and Health Services Managers"].startswith(median(row("0000000")))


def test_a_credential_of_another_field_is_said_not_held_under_the_card_of_the_one_the_guide_holds(run) -> None:
    """'CPHQ vs a Six Sigma black belt for a nurse': the CPHQ leads, not the nurse's pay (the nurse is who
    asks, and no pay is asked), and the page says the guide holds no Six Sigma belt; a CPA kept beside the
    CHFP is said not held too, never dropped in silence."""
    not_held = "The guide holds only this field's own credentials, none of another's"
    for asked, heading in (
        (
            "nurse going into quality improvement: CPHQ vs six sigma black belt, which one?",
            "Answer: what the CPHQ takes",
        ),
        ("CPHIMS vs PMP for a nurse going into informatics", "Answer: what the CPHIMS takes"),
        ("accountant moving to hospital finance, is the CHFP worth it or is my CPA enough", "Answer: the CHFP"),
    ):
        said = page(run, asked)
        assert card(run, asked)[0].startswith(heading), asked
        assert not_held in said, asked
    assert not_held not in page(run, "is the CPHQ worth it for a nurse")
    leads(
        run,
        (
            "do nurses make more than managers",
            "Answer: Registered Nurses and Medical and Health Services Managers, pay side by side, the United States, "
            "May 2025",
        ),
    )


def test_a_question_of_blood_or_patients_is_answered_by_where_the_work_is_done_and_what_it_is(run) -> None:
    """'passes out when he sees blood, would a manager job be hands-on?': the settings' place of work (offices)
    and the duties' key points, none of them care of patients, where before no card fit or a list of titles led."""
    shows(
        run,
        (
            "my son wants to work in healthcare but passes out when he sees blood, would a manager job be hands-on?",
            "do health services managers have to deal with patients directly",
        ),
        "Answer: where the work is done, and what it is",
        "Most work in offices: the administrative offices of hospitals",
        "Lead staff: recruit, train, schedule and supervise them.",
    )


def test_a_field_of_study_named_like_a_setting_asks_which_majors_lead_here(run) -> None:
    """'major in public health' names a major, not the public-health setting's route: the majors card leads,
    and public health and business administration are among them."""
    shows(
        run,
        (
            "can you major in public health and still become a hospital manager?",
            "is a public health major ok for hospital management",
        ),
        "Answer: Bachelor's majors that lead here",
        "• Public health",
        "• Business administration",
    )


def test_pay_asked_second_under_a_long_card_gives_its_figures_not_a_pointer(run) -> None:
    """Under the education card of a hotel manager (a long card), 'what would I make starting out' is answered
    with the median, the middle 80% and the starting pay the release allows, on the first screen."""
    nation = row("0000000")
    said = page(
        run,
        "hotel manager for 15 yrs, could I run a medical office without going back to school, "
        "and what would I make starting out?",
    )
    assert "You also asked: Medical and Health Services Managers, pay in the United States." in said
    assert f"Median pay, May 2025: {median(nation)}" in said
    assert f"the lowest-paid 10% earned under {money(nation['annual_p10'])} a year" in said


def test_the_jobs_one_would_start_in_are_the_titles_to_search_for_not_starting_pay(run) -> None:
    """'what jobs would I start in' asks for first jobs: the job titles lead; 'starting pay' keeps the pay card."""
    leads(
        run,
        ("what jobs would I start in", "Answer: job titles to search for"),
        ("what is the starting pay", "Answer: Medical and Health Services Managers, pay in the United States"),
    )


def test_whether_a_clinical_background_is_needed_is_answered_by_the_experience_that_leads_in(run) -> None:
    """'do you need a clinical background': the experience the sources say leads in, administrative or clinical
    work and people from other fields moving across, not one route (a nurse's) or the ladder up."""
    shows(
        run,
        (
            "is clinical experience required to become a practice manager",
            "do you need a clinical background to be a health services manager",
        ),
        "Answer: the experience that leads in",
        "Many employers want prior administrative or clinical work in a hospital or other healthcare facility.",
        "Clinicians and people from unrelated fields, especially with management experience, move across",
    )


def test_which_states_employ_the_most_asked_beside_pay_adds_the_most_jobs_to_the_ranking(run) -> None:
    """'which pay the most, and which employ the most': the best-paying states, then the states with the most
    of these jobs, the largest first, where the second half was dropped."""
    states = [r for r in ROWS if r["soc"] == "11-9111" and r["kind"] == "state" and r["industry"] == "000000"]
    largest = max((r for r in states if r["employment"]), key=lambda r: float(r["employment"]))
    heading, facts, _ = card(run, "which states pay health services managers the most, and which employ the most?")
    assert heading == "Answer: the best-paying states (and DC), May 2025"
    assert facts["Most of these jobs"].startswith(f"{largest['name']} ({float(largest['employment']):,.0f})")
