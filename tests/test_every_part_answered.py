"""Every part of a question answered, or said not held: a ranking asked after a comparison, the schooling
asked beside two occupations' pay, the jobs people start in, an everyday phrase for starting, and the
not-held cards that say where to look (each rule with a question it decides, and one it leaves alone)."""

from __future__ import annotations

from .test_question_rules import ROWS, YAML, card, money, row
from .test_what_is_asked import page


def _best_metro() -> dict[str, str]:
    metros = [r for r in ROWS if r["soc"] == "11-9111" and r["kind"] == "metro" and r["industry"] == "000000"]
    return max((r for r in metros if r["annual_median"]), key=lambda r: float(r["annual_median"]))


def test_a_ranking_asked_after_two_places_compared_is_answered_second(run) -> None:
    """'texas vs california, and which cities pay the most': the two states side by side, then the best-paying
    metros in brief, where the ranking was dropped (both are pay; the ranking is its own answer)."""
    asked = "health services manager pay texas vs california, and which cities pay the most"
    heading, _, _ = card(run, asked)
    assert heading == "Answer: Texas and California, pay side by side, May 2025"
    said = page(run, asked)
    best = _best_metro()
    assert "You also asked: The best-paying metro areas, May 2025." in said
    assert f"{best['name']}: {money(best['annual_median'])} a year" in said


def test_a_question_that_only_compares_gets_no_ranking_and_a_clause_that_is_no_which_question_none(run) -> None:
    """No ranking is added where none is asked in so many words: two places alone, or rural pay asked after
    a place (a clause read alone would rank metros)."""
    for asked in (
        "health services manager pay texas vs california",
        "client in rural eastern montana interested in healthcare admin. what does it pay in non-metro areas out there",
    ):
        assert "The best-paying metro areas" not in page(run, asked), asked


def test_schooling_asked_beside_two_occupations_pay_says_what_is_held_and_the_route_between(run) -> None:
    """'pay and schooling difference': the guide holds this occupation's entry education, none for the other
    occupation, and the route from it where it has one; without schooling asked, no such note."""
    said = page(run, "health information technician vs health services manager - pay and schooling difference")
    assert "Schooling: Medical and Health Services Managers usually start with a bachelor's degree" in said
    assert "the guide holds none for Medical Records Specialists" in said
    assert "The route from that work into this one: hsm-guide path --from records-tech" in said
    said = page(run, "do nurses need more school than health services managers")
    assert "the guide holds none for Registered Nurses" in said and "path --from nurse" in said
    said = page(run, "do respiratory therapists need more schooling than health services managers")
    assert "The route from that work into this one: hsm-guide path --from clinician" in said  # who asks's route
    said = page(run, "im a teacher. medical records specialists vs health services managers, pay and schooling")
    assert "The route from that work into this one: hsm-guide path --from records-tech." in said  # not the teacher's
    assert "Schooling:" not in page(run, "health information technician vs health services manager pay")


def test_an_everyday_phrase_for_starting_asks_for_starting_pay(run) -> None:
    """'right out of college', 'new grad': starting pay is asked, so the pay card says BLS has no starting wage
    and gives the 10th percentile; a question without one does not."""
    for asked in ("medical and health services manager salary right out of college", "what do new grads make"):
        heading, facts, _ = card(run, asked)
        assert heading == "Answer: Medical and Health Services Managers, pay in the United States", asked
        assert facts["Starting pay"].startswith("BLS publishes no starting wage"), asked
    assert "Starting pay" not in card(run, "medical and health services manager salary in college towns")[1]


def test_what_to_study_for_a_title_is_the_education_and_jobs_by_a_year_the_outlook(run) -> None:
    """A title named beside 'what do I need to study' asks for the education, not what the title is; 'how many
    jobs will there be by 2034' asks for the projection."""
    assert card(run, "what do u need to study to be a hospital administator")[0] == "Answer: the education it takes"
    outlook = "Answer: Job outlook, key points"
    assert card(run, "how many health services manager jobs will there be by 2034")[0] == outlook


def test_not_held_cards_say_where_to_look(run) -> None:
    """A list of accredited programs: none held, and CAHME lists them; benefits: none held, and BLS's National
    Compensation Survey says what share of workers get them, never for one occupation."""
    asked = "list of cahme accredited mha programs in the midwest"
    assert card(run, asked)[0] == "Answer: not in this guide"
    said = page(run, asked)
    assert "The guide holds no list of schools or programs." in said and "lists them on its site" in said
    said = page(run, "typical bonus and benefits for a hospital department director")
    assert "The guide holds no figures on benefits, bonuses or time off." in said
    assert "National Compensation Survey (bls.gov/ncs/ebs)" in said


def test_the_roles_page_lists_the_jobs_people_start_in(run) -> None:
    said = " ".join(run("roles").stdout.split())
    assert "Jobs people start in" in said
    assert "Administrative assistant in a healthcare office" in said
    assert "Financial clerk in a healthcare office" in said


def test_pay_asked_of_a_credential_says_bls_has_none_by_credential(run) -> None:
    """'do CPHQ holders earn more': the credential's card, and a line that BLS has no pay by credential, with
    this occupation's median; asked second ('FACHE requirements and does it raise your salary'), the pay card
    reads the credential from the other clause and says the same in a row."""
    national = money(row("0000000")["annual_median"])
    said = page(run, "do CPHQ holders earn more")
    assert "What the CPHQ adds to pay is not in the guide: BLS publishes pay by occupation, place and industry" in said
    assert f"This occupation's median, May 2025: {national} a year." in said
    asked = "FACHE requirements and does it actually raise your salary"
    said = page(run, asked)
    assert card(run, asked)[0].startswith("Answer: what the FACHE")
    assert "By credential: BLS publishes pay by occupation, place and industry, not by credential" in said
    assert "no figure for what the FACHE adds" in said
    assert "not by credential" not in page(run, "what does the CPHQ exam cover")


def test_a_salary_named_beside_rural_pay_is_placed_among_the_areas_percentiles(run) -> None:
    """'am I underpaid ... in rural western kansas making 82k': the state's nonmetro area, and where $82,000
    stands among its percentiles."""
    nonmetro = next(r for r in ROWS if r["soc"] == "11-9111" and r["kind"] == "nonmetro" and r["state"] == "KS")
    _, facts, _ = card(run, "am i underpaid? clinic mgr in rural western kansas making 82k")
    assert facts["Your pay"].startswith("$82,000 a year, $39.42 an hour; about the ")
    assert facts["Your pay"].endswith(f"percentile in {nonmetro['name']}")
    assert "Your pay" not in card(run, "clinic mgr pay in rural western kansas")[1]


def test_a_pay_increase_asked_is_the_pay_side_by_side_and_a_day_asked_of_two_jobs_is_the_day(run) -> None:
    """'pay increase worth it' asks the two occupations' pay (a bump, an increase), not the education; 'what's
    a day like for a clinical director vs charge nurse' asks of the day, not the pay; entry-level jobs for
    someone with a bachelor's are the titles, not starting pay."""
    assert card(run, "respiratory therapist to department manager pay increase worth it?")[0].startswith(
        "Answer: Respiratory Therapists and Medical and Health Services Managers, pay side by side"
    )
    asked = "what's a day like for a clinical director vs charge nurse, less patient contact?"
    assert card(run, asked)[0] == "Answer: A day in the life, key points"
    assert card(run, "charge nurse vs unit manager pay")[0].startswith("Answer: Registered Nurses and Medical")
    asked = "entry level jobs in health admin for new grads with just a bachelor's"
    assert card(run, asked)[0] == "Answer: job titles to search for"


def test_another_answer_of_the_same_page_asked_second_is_given_but_not_for_pay(run) -> None:
    """Two answers of one page ('CMPE requirements and how does it compare to FACHE': the pair, then what the
    CMPE takes) are both given; pay is not (a place's pay under two places' pay repeats the lead)."""
    said = page(run, "CMPE requirements and how does it compare to FACHE for a practice administrator")
    assert "You also asked: What the CMPE takes: who is eligible, the exam." in said
    asked = "career change at 50 into nursing home administration. how long does it take to get licensed in Ohio"
    said = page(run, asked)
    # how long it takes is given, first or second, for the changer in nursing homes, with Ohio's license named
    assert "how long it takes, a career changer from another field, in nursing homes" in said.lower()
    assert "hsm-guide licensure --state OH" in said
    asked = "clinic mgr in Boise, husband got a job in Seattle. how much does health services manager pay change"
    said = page(run, asked)
    assert "You also asked" not in said


def test_a_license_asked_for_a_student_is_the_licenses_not_the_students_route(run) -> None:
    """'does my student need a license to work as a health services manager': the licenses (nursing home
    administrators need one; most other posts none), not the route a student takes."""
    heading, _, _ = card(run, "does my student need a license to work as a health services manager")
    assert heading == "Answer: Licenses, key points"
    assert "Nursing home administrators need a license in every state" in page(
        run, "do you need a license to be a hospital administrator"
    )


def test_pay_asked_second_of_the_two_places_named_sets_them_side_by_side(run) -> None:
    """'licensed in Ohio, moving to Arizona ... do administrators there make more?': the two states' pay side by
    side in brief under the license card, not Ohio's alone."""
    said = page(
        run, "Licensed NHA in Ohio, moving to Arizona. Does my license transfer? And do administrators there make more?"
    )
    assert "You also asked: Ohio and Arizona, pay side by side, May 2025." in said
    assert "You also asked: Medical and Health Services Managers, pay in Ohio" not in said


def test_everyday_words_are_read_as_meant(run) -> None:
    """'hs' and 'highschool' are high school; 'paid fairly at 105k' asks whether a salary is fair (the offer's
    command, with the place the other clause names); 'doesn't mean' names no glossary term; 'what range should I
    post' for a hire asks for the place's pay."""
    for asked in ("wat classes should i take in hs to become a healthcare manager", "classes in highschool for this"):
        assert card(run, asked)[0] == "Answer: In high school", asked
    asked = "practice admin in Tampa. CMPE or FACHE, which fits? and am I paid fairly at 105k?"
    assert "hsm-guide pay --salary 105000 --area tampa" in page(run, asked)
    asked = "HIM director, RHIT only, no bachelor's. Any path to RHIA that doesn't mean starting a whole 4-yr degree?"
    assert card(run, asked)[0] != "Answer: Mean (average) wage"
    assert card(run, "what is the mean wage")[1]["Mean pay"].startswith("$")
    asked = "hiring a practice administrator in Boise — what range should I post?"
    assert card(run, asked)[0] == "Answer: Medical and Health Services Managers, pay in Boise City, ID"


def test_whether_the_figures_include_another_occupation_says_how_bls_counts_them(run) -> None:
    """'do the BLS numbers for this occupation include hospital CEOs': the two side by side, and that BLS
    counts them apart, each under its own code."""
    asked = "Do the BLS numbers for this occupation include hospital CEOs? 90th pct for Boston seems low for our execs."
    _, facts, _ = card(run, asked)
    assert facts["How BLS counts them"].startswith("As separate occupations, each with its own code: Chief Executives")
    assert "How BLS counts them" not in card(run, "hospital ceo vs health services manager pay")[1]


def test_several_terms_asked_are_each_defined_and_one_more_is_named(run) -> None:
    """'what is an MHA, CAHME, AIT': each term's glossary text on one card (not the first alone); a fourth
    term named is sent on to its own entry; one term asked keeps the card of one."""
    glossary = {t["term"]: t for t in YAML["glossary"]}
    heading, facts, _ = card(run, "glossary terms: what is an MHA, CAHME, AIT")
    assert heading == "Answer: MHA, CAHME and AIT, in a few words"
    for key, label in (("mha", "MHA"), ("cahme", "CAHME"), ("ait", "AIT")):
        assert facts[label] == " ".join(glossary[key]["text"].split())
    _, _, notes = card(run, "what do MHA, CAHME, AIT and HIPAA mean")
    assert "HIPAA: hsm-guide explain hipaa" in notes
    assert "You also asked" not in page(run, "what do mha, cahme, ait and nha mean")  # each term said once
    heading, _, _ = card(run, "what is CAHME")
    assert "in a few words" not in heading
