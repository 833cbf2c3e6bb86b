"""How `search` reads a question, stated as rules and tested only through the command's output
(`hsm-guide search ... --json`): the reading's internals are free to change.

Figures are read here from the release's extract (data/wages) and the knowledge base's YAML.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
import yaml

from .test_pay_rules import industries, jobs
from .test_wages_views import DATA, ROWS, money, row

pytestmark = pytest.mark.usefixtures("warm_cache")  # pages here are read, not the cache (conftest.py)

YAML = yaml.safe_load((DATA / "occupation.yaml").read_text(encoding="utf-8"))
TERRITORIES = {"PR", "GU", "VI"}


def card(run: Callable[..., Any], question: str) -> tuple[str, dict[str, str], list[str]]:
    """The answer card's heading, its facts (label: value) and the notes on the page."""
    result = run("search", *question.split(), "--json")
    assert result.exit_code == 0, result.stderr
    (document,) = json.loads(result.stdout)["sections"]
    blocks = document["blocks"]
    heading = next((b["text"] for b in blocks if b["type"] == "heading" and b["text"].startswith("Answer:")), "")
    facts = next((b for b in blocks if b["type"] == "facts"), {"rows": []})
    notes = [b["text"] for b in blocks if b["type"] == "note"]
    return heading, {r["label"]: r["value"] for r in facts["rows"]}, notes


def median(r: dict[str, str]) -> str:
    return f"{money(r['annual_median'])} a year, ${float(r['hourly_median']):.2f} an hour"


# -- degrees ---------------------------------------------------------------------------------------


def test_one_degree_named_is_not_a_comparison_of_two(run) -> None:
    heading, _, _ = card(run, "is an MBA useful")
    assert heading.startswith("Answer: MBA") and "side by side" not in heading


@pytest.mark.parametrize(
    ("question", "heading"),
    [("mha vs mba", "Answer: MHA and MBA side by side"), ("mba vs mha", "Answer: MBA and MHA side by side")],
)
def test_two_degrees_are_set_side_by_side_in_the_order_named(run, question: str, heading: str) -> None:
    assert card(run, question)[0] == heading


# -- years -------------------------------------------------------------------------------------------


def years_held() -> list[int]:
    """Every year the knowledge base or the release gives some pay figure for."""
    pay = YAML["pay"]
    years = {e["pay_year"] for e in YAML["quick_facts"]["editions"]}
    years |= {x["year"] for part in ("percentiles", "by_industry", "by_area", "means") for x in pay.get(part, [])}
    release = json.loads((DATA / "wages" / "oews-release.json").read_text(encoding="utf-8"))
    return sorted(years | {release["year"]})


@pytest.mark.parametrize("year", [1999, 1950, 2031])
def test_a_year_the_guide_has_no_pay_for_is_said(run, year: int) -> None:
    _, _, notes = card(run, f"pay in {year}")
    held = ", ".join(map(str, years_held()))
    assert f"The guide has no pay figures for {year}; the years it holds: {held}." in notes


def test_a_past_year_leads_with_that_years_handbook_and_the_current_one_with_the_release(run) -> None:
    edition = next(e for e in YAML["quick_facts"]["editions"] if e["pay_year"] == 2021)
    heading, facts, _ = card(run, "pay in 2021")
    assert heading == "Answer: pay in May 2021, from the handbook of the time"
    assert facts["Median pay"].startswith(f"{money(edition['median_annual'])} a year")
    release = json.loads((DATA / "wages" / "oews-release.json").read_text(encoding="utf-8"))
    heading, facts, _ = card(run, f"pay in {release['year']}")
    assert heading == "Answer: Medical and Health Services Managers, pay in the United States"
    assert facts[f"Median pay, {release['release']}"] == median(row("0000000"))


def test_the_release_year_is_answered_by_the_release_even_where_a_handbook_edition_gives_it(
    run, write_kb, shipped_text: str, tmp_path
) -> None:
    """The release is the newer figure: a handbook edition of the same pay year never stands in for it."""
    import shutil

    release = json.loads((DATA / "wages" / "oews-release.json").read_text(encoding="utf-8"))
    edition = f"    - pay_year: {release['year']}\n      median_annual: 50000\n      sources: [bls-ooh-2023]\n"
    kb = write_kb(shipped_text.replace("  editions:\n", "  editions:\n" + edition, 1))
    for folder in ("wages", "licensure"):
        shutil.copytree(DATA / folder, tmp_path / folder)
    result = run("--data", str(kb), "search", "pay", "in", str(release["year"]), "--json")
    assert result.exit_code == 0, result.stderr
    (document,) = json.loads(result.stdout)["sections"]
    headings = [b["text"] for b in document["blocks"] if b["type"] == "heading"]
    assert headings[0] == "Answer: Medical and Health Services Managers, pay in the United States"


def test_a_number_that_is_no_year_asks_nothing(run) -> None:
    """'the next 10 years' names no year: the question is the outlook's, as without the number."""
    assert card(run, "what is the outlook for the next 10 years")[0] == card(run, "what is the outlook")[0]
    assert card(run, "what is the outlook for the next 10 years")[0].startswith("Answer: Job outlook")


# -- places ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "place"),
    [
        ("pay in IN", "Indiana"),  # a postal code typed in capitals
        ("pay in in", None),  # a word
        ("pay in Mobile", "Mobile, AL"),  # a city that is also a word, typed with a capital
        ("mobile pay", None),
        ("pay in salt lake city ut", "Salt Lake City-Murray, UT"),  # four words
        ("is the pay good in ok", "Oklahoma"),  # a lower-case postal code where a place is expected
        ("is the pay ok", None),  # ...and a word where none is
        ("HOW MUCH DO THEY MAKE IN OHIO", "Ohio"),  # in a question typed in capitals, IN is a word
        ("pay in va", "Virginia"),  # a place's name is also an industry's (the VA): the place, no name being longer
    ],
)
def test_a_place_is_read_only_where_the_words_name_one(run, question: str, place: str | None) -> None:
    heading, _, _ = card(run, question)
    assert heading.endswith(f"pay in {place or 'the United States'}")


def test_a_places_words_name_nothing_else(run) -> None:
    """'va' is Virginia's code and the VA's: read as the place, it is not also the federal industry."""
    heading, facts, _ = card(run, "pay in va")
    assert heading.endswith("pay in Virginia")
    assert "Industry, United States" not in facts


def test_of_several_metros_one_name_fits_the_one_with_most_of_these_jobs_comes_first(run) -> None:
    portlands = [r for r in ROWS if r["soc"] == "11-9111" and r["kind"] == "metro" and r["name"].startswith("Portland")]
    first, *others = sorted(portlands, key=lambda r: -jobs(r))
    heading, _, notes = card(run, "pay in portland")
    assert heading.endswith(f"pay in {first['name']}")
    assert any(o["name"] in n for o in others for n in notes if n.startswith("'portland' could also mean"))


# -- what a pay card says ---------------------------------------------------------------------------------


def test_the_top_and_lowest_tenth_and_starting_pay_are_said_plainly(run) -> None:
    nation = row("0000000")
    _, facts, _ = card(run, "what do the top 10% earn")
    assert facts["Top-paid 10%"] == f"earned over {money(nation['annual_p90'])} a year"
    assert facts["Lowest-paid 10%"] == f"earned under {money(nation['annual_p10'])} a year"
    _, facts, _ = card(run, "starting pay")
    assert facts["Starting pay"] == (
        f"BLS publishes no starting wage; the lowest-paid 10% earned under {money(nation['annual_p10'])} a year"
    )
    assert "Top-paid 10%" not in facts


def test_the_education_a_background_needs_says_what_experience_counts(run) -> None:
    """ "Without going back to school": the education card for a retail manager gives the route's education
    step, why it is optional, and the first experience step the route counts."""
    retail = next(b for b in YAML["paths"]["backgrounds"] if b["key"] == "retail")
    experience = next(s for s in retail["steps"] if s["kind"] == "experience")
    education = next(s for s in retail["steps"] if s["kind"] == "education")
    heading, facts, _ = card(run, "can a retail store manager run a clinic without going back to school")
    assert heading == "Answer: the education it takes, for a retail or hospitality manager"
    assert facts["Your experience"] == experience["text"]
    step = education["duration"]["step"]
    said = f"{education['text']} (optional on this route: {step[0].lower() + step[1:]})"
    assert facts["For a retail or hospitality manager"] == said


def test_a_long_question_naming_a_salary_or_a_credential_leads_with_it(run) -> None:
    """Many words lower every card's share: a salary named still leads with where it stands, and a credential
    that is also a glossary term with its own card, never a degree's."""
    heading, _, _ = card(
        run, "I run a 6-doc ortho practice in Tampa. The board wants to know if my $92k is under market"
    )
    assert heading.startswith("Answer: where a $92,000 salary stands, Tampa")
    heading, _, _ = card(
        run, "ops director at a 300-bed community hospital aiming for COO, is the FACHE worth the hassle?"
    )
    assert "FACHE" in heading


def test_how_many_jobs_in_a_state_gives_the_states_count_and_says_the_projection_is_national(run) -> None:
    florida, nation = row("1200000"), row("0000000")
    heading, facts, notes = card(run, "how many health services managers are there in florida and is it growing")
    assert heading == "Answer: how many of these jobs there are, and in Florida"
    share = float(florida["employment"]) / float(nation["employment"])
    assert (
        facts["Employed in Florida, May 2025"] == f"{float(florida['employment']):,.0f} ({share:.1%} of the nation's)"
    )
    said = (
        "The guide's projections are national, none by state or metro area; each state's labor market agency "
        "publishes its own, gathered at projectionscentral.org."  # where a state's own projection is
    )
    assert said in notes
    heading, facts, _ = card(run, "how many jobs are there")
    assert heading == "Answer: how many of these jobs there are" and not any(k.startswith("Employed in") for k in facts)


def test_a_code_with_a_digit_is_never_said_to_be_unheld_and_short_forms_read_as_words(run) -> None:
    """'68W' (an army job code) or '45yo' is no word the guide 'holds nothing on'; 'BS' is a bachelor's and
    'MHSM' this occupation's own short name."""
    for asked in ("ex army 68W, what jobs", "teacher 45yo in columbus, what does it pay", "a BS in biology, MHSM?"):
        result = run("search", *asked.split())
        said = " ".join(result.stdout.split())
        assert result.exit_code == 0 and "holds nothing on" not in said and "Showing results for" not in said, asked


def test_a_card_of_pay_alone_leads_only_where_pay_is_asked(run) -> None:
    """Settings named without a word of pay ask for something else: a license, or who employs the most."""
    asked = "thinking of leaving my clinic mgr job to be an assisted living ED. "
    heading, _, _ = card(run, asked + "do they need a license like nursing home admins do?")
    assert heading and not heading.startswith("Answer: pay by industry")
    heading, _, _ = card(run, "what industries employ the most health services managers")
    assert heading.startswith("Answer: the largest employers")
    heading, _, _ = card(run, "hospital vs physician practice pay")
    assert heading.startswith("Answer: pay by industry")


def test_two_of_a_kind_named_lead_with_the_card_that_sets_them_side_by_side(run) -> None:
    """ "Which cert first, FACHE or CMPE?" names two credentials: the card that compares them leads, not one
    credential's card that would drop the other; two places beside a license question keep the license."""
    for asked in (
        "which cert should a student get first, FACHE or CMPE?",
        "which cert should i tell students about first, FACHE or CMPE? or neither yet",
    ):
        heading, _, _ = card(run, asked)
        assert heading == "Answer: the FACHE and the CMPE side by side", asked
    heading, _, _ = card(run, "nursing home administrator license requirements florida vs georgia")
    assert "license" in heading


def test_three_credentials_named_are_all_set_side_by_side(run) -> None:
    """'CMPE vs FACHE vs CHFP': all three, whom each suits (from the data), none dropped; of two, who is
    eligible is on the card too."""
    heading, facts, _ = card(run, "CMPE vs FACHE vs CHFP which helps most")
    assert heading == "Answer: the CMPE, the FACHE and the CHFP side by side"
    credentials = {c["code"]: c for c in YAML["certifications"]["credentials"]}
    for code in ("CMPE", "FACHE", "CHFP"):
        assert facts[code] == f"{credentials[code]['name']}. Suits {_lowered(credentials[code]['suits'])}.", code
        assert "Eligible" not in facts[code]
    _, facts, _ = card(run, "CMPE vs FACHE")
    assert "Eligible: " in facts["CMPE"] and "Eligible: " in facts["FACHE"]


def _lowered(text: str) -> str:
    return text[:1].lower() + text[1:]


def test_chat_shorthand_is_filler_and_short_forms_are_their_words(run) -> None:
    """'lol' is never corrected to 'low', nor 'pls' to 'plus'; 'dev' is a developer and 'pct' a percentile."""
    asked = (
        "RRT wanting to be dept director, MHA vs MBA lol which one",
        "outlook for managers pls",
        "resp therapist to manager",
    )
    for question in asked:
        result = run("search", *question.split())
        assert result.exit_code == 0 and "Showing results for" not in result.stdout
    store = "I ran a $6M store for 12 years, can I manage a clinic"
    result = run("search", *store.split())
    assert "'6m'" not in result.stdout.lower()  # an amount, never a word the guide holds nothing on
    heading, _, _ = card(run, "software dev vs health services manager pay")
    assert heading.startswith("Answer: Software Developers and Medical and Health Services Managers")
    ohio = row("3900000")
    _, facts, _ = card(run, "75th pct pay in ohio")
    assert f"75th {money(ohio['annual_p75'])}" in facts["Percentiles"]


def test_a_move_between_two_places_sets_them_side_by_side(run) -> None:
    heading, facts, _ = card(run, "relocating from Boise to Seattle, how would my salary change")
    assert heading.startswith("Answer: Boise City, ID and Seattle-Tacoma-Bellevue, WA, pay side by side")
    assert facts["Boise City, ID"].startswith(median(row("0014260")))


def test_the_triangle_is_raleigh(run) -> None:
    heading, _, _ = card(run, "salary in the Triangle NC")
    assert heading == "Answer: Medical and Health Services Managers, pay in Raleigh-Cary, NC"


def test_a_percentile_or_the_mean_asked_by_name_is_the_figure_not_the_terms_definition(run) -> None:
    """ "The 90th percentile salary" asks for the figure: the pay card, every percentile BLS publishes in a
    row; "average" (and "avg") asks for BLS's mean beside the median. "What is a percentile" still
    defines it."""
    texas, nation, ohio = row("4800000"), row("0000000"), row("3900000")
    heading, facts, _ = card(run, "75th percentile salary texas")
    assert heading == "Answer: Medical and Health Services Managers, pay in Texas"
    points = ", ".join(f"{n}th {money(texas[f'annual_p{n}'])}" for n in (10, 25, 75, 90))
    assert facts["Percentiles"] == f"{points} a year"
    assert "Top-paid 10%" not in facts  # the row says each end already
    heading, facts, _ = card(run, "what is the 90th percentile pay for health services managers")
    assert heading == "Answer: Medical and Health Services Managers, pay in the United States"
    assert f"90th {money(nation['annual_p90'])}" in facts["Percentiles"]
    _, facts, _ = card(run, "average salary in ohio")
    assert facts["Mean pay"] == f"{money(ohio['annual_mean'])} a year, ${float(ohio['hourly_mean']):.2f} an hour"
    _, facts, _ = card(run, "whats the avg salary for a healthcare admin")
    assert facts["Mean pay"].startswith(money(nation["annual_mean"]))
    _, facts, _ = card(run, "salary in ohio")
    assert "Mean pay" not in facts and "Percentiles" not in facts
    heading, _, _ = card(run, "what is a percentile")
    assert heading.startswith("Answer: Percentile")
    for asked in ("what does median pay mean", "what does average salary mean"):  # asked to be defined
        heading, _, _ = card(run, asked)
        assert heading.startswith(("Answer: Median", "Answer: Mean")), asked


def test_a_clinician_named_as_the_asker_is_set_beside_this_occupation_with_their_own_figures(run) -> None:
    """ "A dental hygienist thinking of becoming a dental office manager": the hygienists' BLS median, this
    occupation's, and this occupation's in the industry the question names (offices of dentists)."""
    hygienists, managers = row("0000000", "29-1292"), row("0000000")
    dentists = row("0000000", industry="621200")
    heading, facts, _ = card(run, "dental hygienist thinking about a dental office manager job, would I earn less")
    assert heading.startswith("Answer: Dental Hygienists and Medical and Health Services Managers, pay side by side")
    assert facts["Dental Hygienists"] == median(hygienists) + " (median)"
    assert facts["Medical and Health Services Managers"] == median(managers) + " (median)"
    said = f"Medical and Health Services Managers in {dentists['industry_name']}: {median(dentists)} (median)"
    assert facts["Industry, United States"] == said
    gap = money(str(float(hygienists["annual_median"]) - float(dentists["annual_median"])))
    assert facts["Difference there"] == f"Dental Hygienists (all industries) {gap} a year more at the median"
    _, facts, _ = card(run, "do hospital ceos make more than practice managers")
    assert "Industry, United States" not in facts  # the hospital of "hospital ceos", the practice of a title


def test_a_word_that_is_also_a_clinicians_shorthand_or_a_place_code_is_read_as_the_question_means_it(run) -> None:
    """'nights + OT' is overtime, not occupational therapists; an 'OR nurse' works in the operating room, not
    in Oregon; 'VA admins' work for Veterans Affairs, not in Virginia; '&' joins a name as 'and' does."""
    heading, facts, _ = card(run, "ICU RN making $62/hr with nights + OT in san diego, would management be a pay cut")
    assert heading.startswith("Answer: Registered Nurses and Medical and Health Services Managers")
    assert "Occupational Therapists" not in facts
    heading, _, _ = card(run, "OR nurse in montana, what do managers make compared to nurses")
    assert "Oregon" not in heading and "Montana" in heading
    heading, _, _ = card(run, "what do VA admins make")
    assert "Virginia" not in heading
    _, facts, _ = card(run, "social & community service manager vs health services manager pay")
    assert "Social and Community Service Managers" in facts


def test_a_reader_from_an_occupation_the_guide_has_no_figures_for_gets_this_ones_pay_where_they_live(run) -> None:
    """ "I'm a teacher in Denver, what would I make": who asks has no figures in the guide (said under the
    heading), and the card is this occupation's pay there; "how much do teachers make" is asked of teachers."""
    denver, asked = row("0019740"), "I'm a high school teacher in Denver, what would I make as a clinic manager"
    heading, facts, _ = card(run, asked)
    assert heading == "Answer: Medical and Health Services Managers, pay in Denver-Aurora-Centennial, CO"
    assert facts["Median pay, May 2025"] == median(denver)
    result = run("search", *asked.split())
    assert "The guide has no figures for teachers." in " ".join(result.stdout.split())
    heading, _, _ = card(run, "how much do teachers make in denver")
    assert heading == "Answer: the guide has no figures for teachers"


def test_a_question_of_how_bls_counts_an_occupation_says_each_code(run) -> None:
    _, facts, _ = card(run, "would a pharmacist running the pharmacy be classified as a health services manager")
    counted = facts["How BLS counts them"]
    assert "Pharmacists (29-1051)" in counted and "Medical and Health Services Managers (11-9111)" in counted
    heading, facts, _ = card(run, "is a pharmacist the same occupation as a health services manager")
    assert heading == "Answer: who BLS counts as Medical and Health Services Managers"  # the scope card
    assert "Pharmacists (29-1051)" in facts["Apart"] and "11-9111" in " ".join(facts)
    for asked in ("do pharmacists make more than health services managers", "do pharmacists make the same as managers"):
        _, facts, _ = card(run, asked)
        assert "How BLS counts them" not in facts, asked


def test_another_occupations_pay_question_is_answered_with_its_figures(run) -> None:
    nurses = row("0000000", "29-1141")
    heading, facts, _ = card(run, "how much do registered nurses make")
    assert heading == "Answer: Registered Nurses, pay in the United States"
    assert facts["Median pay, May 2025"] == median(nurses)


def test_this_occupation_named_beside_another_is_what_the_other_is_set_against(run) -> None:
    """Every question is about this occupation: naming it too never makes it the occupation asked about."""
    nurses, own = row("0000000", "29-1141"), row("0000000")
    heading, facts, _ = card(run, "how much does a registered nurse make as a health services manager")
    assert heading == "Answer: Registered Nurses, pay in the United States"
    assert facts["Median pay, May 2025"] == median(nurses)
    assert facts["Medical and Health Services Managers, the United States"] == median(own)


@pytest.mark.parametrize(("question", "lowest"), [("best paying states", False), ("lowest paying states", True)])
def test_a_ranking_card_lists_five_states_or_dc(run, question: str, lowest: bool) -> None:
    states = [r for r in ROWS if r["soc"] == "11-9111" and r["kind"] == "state" and r["state"] not in TERRITORIES]
    ranked = sorted(states, key=lambda r: float(r["annual_median"]), reverse=not lowest)[:5]
    _, facts, _ = card(run, question)
    assert [k for k in facts if k not in ("Source", "Sources")] == [r["name"] for r in ranked]
    assert all(facts[r["name"]] == f"{median(r)} (median)" for r in ranked)


def test_rural_pay_shows_the_three_best_and_three_lowest_paid_nonmetro_areas(run) -> None:
    rural = [r for r in ROWS if r["soc"] == "11-9111" and r["kind"] == "nonmetro" and r["industry"] == "000000"]
    ranked = sorted((r for r in rural if r["annual_median"] not in ("", "-")), key=lambda r: -float(r["annual_median"]))
    _, facts, notes = card(run, "rural pay")
    assert [k for k in facts if k not in ("Source", "Sources")] == [r["name"] for r in (*ranked[:3], *ranked[-3:])]
    assert any(f"it gives {len(ranked)} nonmetropolitan areas their own" in n for n in notes)


def test_the_largest_employers_card_lists_five_by_jobs(run) -> None:
    ranked = sorted(industries(), key=lambda r: -jobs(r))[:5]
    heading, facts, _ = card(run, "who employs them")
    assert heading == "Answer: the largest employers, May 2025"
    assert [k for k in facts if k not in ("Source", "Sources")] == [r["industry_name"] for r in ranked]


# -- terms, routes, sources ------------------------------------------------------------------------------------


def test_the_term_a_question_names_first_is_the_one_answered(run) -> None:
    """'what does RSE mean': the question is about RSE, not the mean."""
    assert card(run, "what does rse mean")[0] == "Answer: Relative standard error (RSE)"


def test_how_long_for_a_background_is_that_backgrounds_route(run) -> None:
    heading, _, _ = card(run, "how long does it take for a nurse")
    nurse = next(b for b in YAML["paths"]["backgrounds"] if b["key"] == "nurse")
    assert heading == f"Answer: how long it takes, {nurse['name'][0].lower()}{nurse['name'][1:]}"


@pytest.mark.parametrize("said", ["business", "businesses"])
def test_a_word_in_ss_is_no_plural_and_its_plural_is_the_word(run, said: str) -> None:
    """'businesses' is the plural of 'business' (a background's key), which is no plural of 'busines'."""
    heading, _, _ = card(run, f"how long does it take from {said}")
    business = next(b for b in YAML["paths"]["backgrounds"] if b["key"] == "business")
    assert heading == f"Answer: how long it takes, {business['name'][0].lower()}{business['name'][1:]}"


def test_a_card_names_three_sources_and_counts_the_rest(run) -> None:
    _, facts, _ = card(run, "how long does it take")
    sources = facts["Sources"]
    named, _, rest = sources.partition("; and ")
    assert named.count("; ") == 2 and rest.endswith("more, cited on the page named below")


def test_a_source_title_is_cut_at_its_first_colon_outside_brackets(run) -> None:
    """'Relative standard error (Health, United States: definitions)' keeps its brackets whole."""
    _, facts, _ = card(run, "what does rse mean")
    title = next(s["title"] for s in YAML["sources"] if s["id"] == "cdc-rse")
    assert ": " in title.split("(", 1)[1]  # the colon inside the brackets, where a plain cut would break it
    assert title in facts["Sources"]


def metro(named: str, state: str) -> str:
    """The extract's name of the metro area whose name starts with `named` and lists `state`."""
    (found,) = {
        r["name"]
        for r in ROWS
        if r["kind"] == "metro" and r["name"].startswith(named) and state in r["name"].rsplit(", ", 1)[1].split("-")
    }
    return found


def test_a_city_followed_by_its_state_is_that_states_metro(run) -> None:
    """'portland me' is Maine's Portland, though Oregon's has more of these jobs."""
    assert card(run, "pay in portland me")[0].endswith(f"pay in {metro('Portland', 'ME')}")


@pytest.mark.parametrize("reverse", [False, True])
def test_two_places_are_set_side_by_side_in_the_order_named(run, reverse: bool) -> None:
    """The longer name is found first; the card still follows the question's order."""
    names = ["ohio", "salt lake city ut"][:: -1 if reverse else 1]
    shown = ["Ohio", metro("Salt Lake City", "UT")][:: -1 if reverse else 1]
    heading, _, _ = card(run, f"pay in {names[0]} vs {names[1]}")
    assert heading.startswith(f"Answer: {shown[0]} and {shown[1]}, pay side by side")


# -- what the guide does not hold ---------------------------------------------------------------------------


def test_every_occupation_the_guide_has_no_figures_for_is_named_first(run) -> None:
    unheld = {o["name"]: o for o in YAML["questions"]["unheld"]["occupations"]}
    assert {"teachers", "professors"} <= unheld.keys()
    heading, _, _ = card(run, "how much do teachers and professors make")
    assert heading == "Answer: the guide has no figures for teachers and professors"


def test_a_gap_card_says_what_the_guide_lacks_and_where_to_look(run) -> None:
    tuition = next(g for g in YAML["questions"]["gaps"] if g["name"] == "tuition")
    result = run("search", "is", "tuition", "covered", "--json")
    assert result.exit_code == 0, result.stderr
    (document,) = json.loads(result.stdout)["sections"]
    texts = [b.get("text") for b in document["blocks"]]
    assert texts[:3] == ["Answer: not in this guide", tuition["text"], " ".join(tuition["look"].split())]


@pytest.mark.parametrize("word", ["mgma", "rural", "cahme"])
def test_a_word_the_guide_knows_is_never_offered_a_closest_term(run, word: str) -> None:
    """An organization or a kind of place the guide names, matched by no passage of a section: said so,
    never 'did you mean' another word ('rural' is no slip for 'rule')."""
    result = run("search", word, "--section", "duties")
    assert result.exit_code == 1
    assert result.stderr.strip() == f"hsm-guide: no matches for '{word}'"


def passages(run, *args: str) -> list[str]:
    """The command each passage shown leads to, in order."""
    result = run("search", *args, "--json")
    assert result.exit_code == 0, result.stderr
    (document,) = json.loads(result.stdout)["sections"]
    return [e["detail"] for b in document["blocks"] if b["type"] == "bullets" for e in b["entries"]]


def test_the_best_five_passages_take_at_most_two_from_one_page_while_others_wait(run) -> None:
    ranked = passages(run, "nursing", "home", "--all")
    shown, taken = [], dict[str, int]()
    for command in ranked:  # the rule by hand, over the full ranking
        if taken.get(command, 0) < 2 and len(shown) < 5:
            taken[command] = taken.get(command, 0) + 1
            shown.append(command)
    assert max(ranked[:5].count(c) for c in ranked) > 2  # the rule has work to do
    assert passages(run, "nursing", "home") == shown


def test_a_question_sharing_a_word_or_two_with_a_card_leads_with_none(run) -> None:
    """'study' is in a card's examples; the rest of the question is nobody's: no card leads, and the
    search says so plainly, with the closest passages under it (a whole sentence never ends in "no
    matches"); two words that match nothing still do."""
    question = "my cat likes to sleep on the keyboard while I study management"
    heading, facts, _ = card(run, question)
    assert heading == "Answer: no card of this guide fits the question" and not facts
    result = run("search", "xqzv", "plorf")
    assert result.exit_code == 1 and result.stderr.startswith("hsm-guide: no matches for 'xqzv plorf'")


@pytest.mark.parametrize("typed", ["budgte", "mangr"])
def test_a_word_under_seven_letters_is_corrected_only_one_letter_away(run, typed: str) -> None:
    """'budgte' is two edits from 'budgets' and 'mangr' two from 'manage': neither is read as them."""
    result = run("search", typed, "duties")
    assert "Showing results for" not in result.stdout
