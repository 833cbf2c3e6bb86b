"""Who asks and what they ask, told apart: a state named twice is never an occupation's initials; the first
question is read with who asks ("RN... if I become a nurse manager, do I make more"); a clause shares more
than plain words with the card that answers it; a short question naming a degree is answered; jobs open
each year are the outlook's openings; and what the guide does not hold (overtime rules, the cost of a
degree) is said plainly. Figures are read from the extract and the data, never copied from output."""

from __future__ import annotations

from .test_question_rules import YAML, card, median, money
from .test_wages_views import row
from .test_what_is_asked import page


def _gap(name: str) -> dict:
    return next(g for g in YAML["questions"]["gaps"] if g["name"] == name)


def _source(key: str) -> dict:
    return next(s for s in YAML["sources"] if s["id"] == key)


def test_a_state_named_twice_is_the_state_both_times(run) -> None:
    """'... in Pennsylvania ... which setting pays more in PA?': the second PA is the state again, never
    physician assistants; the license asked first leads, for Pennsylvania, and the pay follows."""
    asked = (
        "Im a home health agency administrator in Pennsylvania. Would moving to a nursing facility admin job"
        " need a new license, and which setting pays more in PA?"
    )
    heading, _, _ = card(run, asked)
    assert heading == "Answer: the nursing home administrator license in Pennsylvania"
    said = page(run, asked)
    assert "Physician Assistants" not in said
    assert "You also asked: Medical and Health Services Managers, pay in Pennsylvania" in said
    assert money(row("4200000")["annual_median"]) in said  # Pennsylvania's median, from the extract
    assert "No passage mentions 'pa'" not in said  # the second PA is read as the place it names


def test_the_first_question_is_read_with_who_asks(run) -> None:
    """'RN ... If I become a nurse manager do I actually make more ...? Also is the MSN or MHA better': the
    first question, read with the RN who asks, leads (nurses' and managers' pay side by side); the degrees
    follow in brief, the joining 'also' passed over."""
    asked = (
        "RN with 10 years in the ICU, charge nurse for 3. If I become a nurse manager do I actually make more"
        " than staying bedside with overtime? Also is the MSN or MHA better for that?"
    )
    heading, facts, _ = card(run, asked)
    assert heading.startswith("Answer: Registered Nurses and Medical and Health Services Managers, pay side by side")
    assert facts["Registered Nurses"] == f"{median(row('0000000', '29-1141'))} (median)"
    said = page(run, asked)
    assert "You also asked: MSN and MHA side by side" in said


def test_a_card_sharing_only_plain_words_with_a_clause_does_not_answer_it(run) -> None:
    """'will I take a paycut' shares only 'take' with 'what courses should I take': no courses are offered."""
    asked = "physical therapist thinking about becoming a rehab director, will I take a paycut? I make 98k in Phoenix"
    heading, _, _ = card(run, asked)
    assert heading.startswith("Answer: Physical Therapists and Medical and Health Services Managers")
    said = page(run, asked)
    assert "Courses to take" not in said
    assert "The guide holds nothing on 'paycut'" not in said  # a pay cut in one word is read


def test_a_short_question_naming_a_degree_is_answered_after_the_pay(run) -> None:
    """'... what do they pay out here vs Kansas City, and do I need a bachelor's?': the two places lead; the
    degree, asked in words the guide counts as filler around its name, is answered in brief."""
    asked = (
        "Radiology tech here in rural Kansas. Imaging manager jobs - what do they pay out here vs Kansas City,"
        " and do I need a bachelor's?"
    )
    heading, _, _ = card(run, asked)
    assert heading.startswith("Answer: Kansas nonmetropolitan area and Kansas City, MO-KS, pay side by side")
    assert "You also asked: The education it takes" in page(run, asked)


def test_jobs_open_each_year_are_the_outlooks_openings(run) -> None:
    """'how many manager jobs open each year': the outlook, with the openings a year of the newest
    projection (not how long a degree takes, for 'each year')."""
    facts = YAML["quick_facts"]
    newest = next(e for e in facts["editions"] if e["pay_year"] == facts["current_edition"])  # the handbook's edition
    heading, _, _ = card(run, "how many manager jobs open each year")
    assert heading == "Answer: Job outlook, key points"
    assert f"{newest['openings_per_year']:,} openings a year" in page(run, "how many manager jobs open each year")


def test_overtime_rules_are_said_not_held_with_where_to_look(run) -> None:
    """Overtime and exempt status: the guide says it holds no such rules, says what the federal rule turns on
    and that BLS's wages leave overtime out, and cites the regulation and BLS's pay terms."""
    asked = "do nurse managers get paid overtime or are they salaried exempt, and do I lose my shift differentials?"
    heading, _, _ = card(run, asked)
    assert heading == "Answer: not in this guide"
    said = page(run, asked)
    gap = _gap("overtime")
    assert gap["text"] in said
    assert "leave out overtime pay and shift differentials" in said
    for key in gap["sources"]:
        assert _source(key)["publisher"] in said


def test_the_cost_of_a_degree_in_other_words_is_said_not_held(run) -> None:
    """'parents worry about student debt. typical cost of MHA': no tuition held, said first (never the MHA's
    definition in its place)."""
    asked = (
        "student wants healthcare admin but parents worry about student debt. typical cost of MHA vs expected salary?"
    )
    heading, _, _ = card(run, asked)
    assert heading == "Answer: not in this guide"
    assert _gap("tuition")["text"] in page(run, asked)


def test_a_license_asked_of_several_settings_leads_with_the_license(run) -> None:
    """'do u need a license to be a hospital administrator or just for nursing homes?': the license, not the
    job title's card."""
    asked = (
        "do u need a license to be a hospital administrator or just for nursing homes? also what about assisted living"
    )
    assert card(run, asked)[0] == "Answer: Licenses, key points"


def test_pt_is_a_physical_therapist(run) -> None:
    """'pt to rehab director salary': physical therapists' pay beside this occupation's."""
    heading, facts, _ = card(run, "pt to rehab director salary")
    assert heading.startswith("Answer: Physical Therapists and Medical and Health Services Managers")
    assert facts["Physical Therapists"] == f"{median(row('0000000', '29-1123'))} (median)"


def test_a_state_said_just_after_a_place_in_it_says_where_the_place_is(run) -> None:
    """'San Antonio or near Fort Liberty in NC': the Army post's metro (Fayetteville, NC) beside San Antonio,
    'in NC' saying where it is, never North Carolina as a third place, as 'NY' just before 'Albany' is; with
    another word between ('Fayetteville NC vs North Carolina', 'NY vs albany') the two are compared."""
    asked = (
        "Retiring from the Army next year after 20 yrs, last job was an S4 logistics officer. Could I get into"
        " hospital operations management, and would I make more in San Antonio or near Fort Liberty in NC?"
    )
    heading, facts, _ = card(run, asked)
    assert heading == "Answer: San Antonio-New Braunfels, TX and Fayetteville, NC, pay side by side, May 2025"
    assert "North Carolina" not in facts
    heading, _, _ = card(run, "pay in fayetteville nc vs north carolina")
    assert heading == "Answer: Fayetteville, NC and North Carolina, pay side by side, May 2025"
    heading, _, _ = card(run, "pay in NY vs albany")  # a word between: the state and the metro compared
    assert heading == "Answer: New York and Albany-Schenectady-Troy, NY, pay side by side, May 2025"
    heading, _, _ = card(run, "clinic manager in upstate NY (Albany area) vs NYC - pay difference")  # just before
    assert heading.startswith("Answer: Albany-Schenectady-Troy, NY and New York-Newark-Jersey City, NY-NJ, pay side")


def test_a_second_question_inside_the_only_question_is_still_answered(run) -> None:
    """'I'm a pharmacist ... Would I take a pay cut, and is home health or hospitals a better setting': one
    question (after a statement) leads with the pharmacist's pay beside this occupation's; the settings'
    pay follows in brief."""
    asked = (
        "I'm a pharmacist thinking about hospital administration. Would I take a pay cut, and is home health or"
        " hospitals a better setting for someone switching from clinical?"
    )
    heading, _, _ = card(run, asked)
    assert heading.startswith("Answer: Pharmacists and Medical and Health Services Managers")
    assert "You also asked: Pay by industry" in page(run, asked)


def test_a_salary_in_a_metro_is_set_beside_its_state_too(run) -> None:
    """'... in Phoenix making 78k ... Phoenix vs the state overall?': Phoenix's, Arizona's and the nation's
    medians, each from the extract."""
    asked = (
        "Practice manager for a 6-doc orthopedic group in Phoenix making 78k. Is that low? What do people in my"
        " role make in Phoenix vs the state overall?"
    )
    heading, facts, _ = card(run, asked)
    assert heading.startswith("Answer: where a $78,000 salary stands, Phoenix-Mesa-Chandler, AZ")
    assert facts["Median, Arizona"].startswith(f"{money(row('0400000')['annual_median'])} a year")
    assert facts["Median, Phoenix-Mesa-Chandler, AZ"].startswith(f"{money(row('0038060')['annual_median'])} a year")


def test_this_job_or_a_different_one_asks_how_bls_counts_them(run) -> None:
    """'accountant ... is that this job or a different one?': how BLS counts the two occupations is said."""
    first = "accountant wanting to go into healthcare finance - is that this job or a different one?"
    first += " revenue cycle director pay"
    for asked, code in (
        (first, "13-2011"),
        ("is a hospital CFO a different occupation", "11-3031"),
        ("accountant here, is healthcare finance a different job", "13-2011"),
    ):
        _, facts, _ = card(run, asked)
        assert code in facts["How BLS counts them"] and "11-9111" in facts["How BLS counts them"], asked


def test_pay_asked_beside_what_the_guide_does_not_hold_is_given(run) -> None:
    """'typical cost of MHA vs expected salary': no tuition held, said first; the pay asked beside it follows in
    brief (the national median, from the extract). A gap that itself points to pay adds none."""
    asked = (
        "student wants healthcare admin but parents worry about student debt. typical cost of MHA vs expected salary?"
    )
    said = page(run, asked)
    assert said.index(_gap("tuition")["text"]) < said.index("You also asked: Medical and Health Services Managers, pay")
    assert money(row("0000000")["annual_median"]) in said
    for asked in (
        "has pay kept up with inflation, and what is that in real terms",  # the gap leads to pay itself
        "how much does an MHA cost, and can I get financial aid",  # no pay asked
    ):
        assert "You also asked" not in page(run, asked), asked


def test_a_nurse_denied_with_an_apostrophe_is_no_nurse(run) -> None:
    """'she doesn't want to be a nurse' ('doesn' and 't' as read) names no nurse: the route in hospitals,
    never the registered nurse's; a nurse who is one keeps hers. 'chicagoland' is Chicago's metro."""
    leads_with = {
        "she doesn't want to be a nurse, how does she get into hospital management": "Answer: the route in hospitals",
        "he didn't want to become a nurse, what degree for healthcare management": "Answer: the education it takes",
        "I'm a nurse and want to move into management": "Answer: the route for a registered nurse moving into"
        " management",
    }
    for asked, heading in leads_with.items():
        assert card(run, asked)[0] == heading, asked
    assert (
        card(run, "pay in chicagoland")[0]
        == "Answer: Medical and Health Services Managers, pay in " + (row("0016980")["name"])
    )


def test_who_is_hiring_is_asked_of_job_postings(run) -> None:
    """'who is hiring ... in boston' asks for postings, which the guide does not hold: it says so first, never
    the largest employers as if they were hiring."""
    asked = "who is hiring health services managers in boston"
    heading, _, _ = card(run, asked)
    assert heading == "Answer: not in this guide"
    assert _gap("job-postings")["text"] in page(run, asked)


def test_whether_a_degree_pays_off_is_said_to_be_beyond_the_guide(run) -> None:
    """'is an MHA worth it if it costs like 60k? how long until it pays off': the guide holds no tuition or
    payback, and says so (the gap's own words, from the data)."""
    said = page(run, "is an MHA worth it if it costs like 60k? how long until it pays off")
    assert _gap("tuition")["text"] in said
