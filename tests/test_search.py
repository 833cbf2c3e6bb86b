"""Issue 19: one place resolver everywhere, no real word "corrected", cards chosen by what is asked,
an honest "not covered", comparisons in any wording, the answer on the first screen, a readable room.

Figures and names are read from the extract and the knowledge base, never from the program's output.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import yaml

from hsm_guide.knowledge import load, packaged_data_path
from hsm_guide.model import KnowledgeBase
from hsm_guide.wages.lookup import WageData, wage_data

from .conftest import ROOT

if TYPE_CHECKING:
    from hsm_guide.search.lexicon import Lexicon
    from hsm_guide.search.reading import Reading

pytestmark = pytest.mark.usefixtures("warm_cache")  # pages here are read, not the cache (conftest.py)

QUESTIONS = yaml.safe_load((Path(__file__).parent / "questions.yaml").read_text(encoding="utf-8"))
# One question per card and command led to, the longest (the most parts, so the most notes under the card):
# the first-screen rule is the card's, and running all 153 again costs the suite about 11 seconds.
FIT_CASES = list({c["leads"]: c for c in sorted(QUESTIONS, key=lambda c: len(c["q"]))}.values())


def readings(k: KnowledgeBase) -> Callable[[str], tuple[Reading, Lexicon]]:
    """A question as search reads it, the lexicon built once for the loop (search() would also rank
    every passage for each question, which these rules do not look at)."""
    from hsm_guide.search import index, vocabulary
    from hsm_guide.search.lexicon import lexicon
    from hsm_guide.search.reading import read

    lex = lexicon(k, vocabulary(k, index(k)))
    return lambda asked: (read(k, asked, lex), lex)


@cache
def kb() -> KnowledgeBase:
    return load(packaged_data_path())


def compiled() -> KnowledgeBase:
    """The shipped knowledge base as a run loads it, from the test's (warm) cache: the search index and
    the cards' table are read from it, not built again for each of a loop's questions."""
    from hsm_guide.knowledge import load_cached

    return load_cached(packaged_data_path())


@cache
def data() -> WageData:
    return wage_data(kb())


def regional(name: str) -> str:
    """The BLS area name the data's regional names give for `name`."""
    q = kb().questions
    assert q is not None
    code = next(p.area for p in q.places if name in p.names)
    return next(a.name for a in data().area_list if a.code == code)


def named(text: str) -> str:
    return " ".join(text.split())  # the terminal wraps long lines


def card(run, question: str) -> tuple[str, str]:
    """The card (as text, up to its Read on line) and the command it leads to."""
    result = run("search", *question.split(), "--json")
    assert result.exit_code == 0, result.stderr
    (document,) = json.loads(result.stdout)["sections"]
    blocks = document["blocks"]
    at = next(i for i, b in enumerate(blocks) if b["type"] == "note" and b["text"].startswith("Read on: hsm-guide "))
    return json.dumps(blocks[:at], ensure_ascii=False), blocks[at]["text"].removeprefix("Read on: hsm-guide ")


# -- one place resolver: the same answer for pay --area and search -----------------------------------


@pytest.mark.parametrize("typed", ["nyc", "dfw", "sf", "twin cities", "bay area", "philly", "la", "triangle"])
def test_an_abbreviation_or_regional_name_is_a_metro_for_pay_area(run, typed: str) -> None:
    result = run("pay", "--area", typed)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(f"Pay in {regional(typed)}, ")


def test_rural_state_is_its_nonmetro_areas_the_most_employing_first(run) -> None:
    rural = [r for r in data().metros("OH") if r.kind == "nonmetro" and r.state == "OH"]
    assert len(rural) > 1
    most = max(rural, key=lambda r: r.employment or 0)
    result = run("pay", "--area", "rural ohio")
    assert result.exit_code == 0 and result.stdout.startswith(f"Pay in {most.name}, ")
    said = named(result.stdout)
    assert f"Rural Ohio is {len(rural)} BLS nonmetropolitan areas" in said
    assert "hsm-guide pay --metros --area OH" in said


def test_a_misspelled_place_is_read_as_the_name_one_slip_away_and_says_so(run) -> None:
    (tucson,) = [a for a in data().area_list if a.name.startswith("Tucson")]
    page = run("pay", "--area", "tuscon")
    assert page.exit_code == 0 and page.stdout.startswith(f"Pay in {tucson.name}, ")
    assert f"Read 'tuscon' as {tucson.name}." in page.stdout
    text, leads = card(run, "salary in tuscon")
    assert tucson.name in text and leads == "pay --area tucson"  # named as a reader types it, never by code


def test_la_is_los_angeles_and_says_it_is_also_louisiana(run) -> None:
    los_angeles = regional("la")
    page = run("pay", "--area", "LA")
    assert page.stdout.startswith(f"Pay in {los_angeles}, ")
    assert "could also mean Louisiana (--area louisiana)" in named(page.stdout)
    text, _ = card(run, "pay in LA")
    assert los_angeles in text and "Louisiana" in text
    assert run("pay", "--metros", "--area", "LA").stdout.startswith("Pay by area in Louisiana")  # a state wanted


def test_washington_is_the_state_and_names_the_dc_area(run) -> None:
    dc = regional("dc area")
    page = run("pay", "--area", "washington")
    assert page.stdout.startswith("Pay in Washington, ")
    assert f"could also mean {dc}" in named(page.stdout)
    text, leads = card(run, "how much do managers make in washington")
    assert leads == "pay --area washington" and dc in text


@pytest.mark.parametrize(
    "typed", ["portland", "springfield", "washington", "LA", "nyc", "tuscon", "rural ohio", "boise"]
)
def test_pay_area_and_search_choose_the_same_area(run, typed: str) -> None:
    page = run("pay", "--area", typed)
    assert page.exit_code == 0, page.stderr
    title = page.stdout.splitlines()[0].removeprefix("Pay in ").rsplit(", May", 1)[0]
    text, _ = card(run, f"pay in {typed}")
    assert title in text


def test_a_comparison_of_two_cities_reads_la_as_a_city(run) -> None:
    text, _ = card(run, "nyc vs la pay")
    for name in (regional("nyc"), regional("la")):
        row = next(r for r in data().metros() if r.name == name)
        assert name in text and data().text(row, "annual_median") in text
    assert "Louisiana" not in text.split("could also mean")[0]


def test_related_area_takes_a_metro_and_says_its_state_is_used(run) -> None:
    result = run("related", "--area", "boston")
    assert result.exit_code == 0, result.stderr
    said = named(result.stdout)
    assert "Pay side by side, Massachusetts" in said
    assert "The related occupations' figures are by state: Massachusetts, for Boston" in said


def test_an_area_no_name_is_near_still_exits_2(run) -> None:
    result = run("pay", "--area", "zzyzx")
    assert result.exit_code == 2 and "no area matches 'zzyzx'" in result.stderr


# -- a real word is never "corrected" ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("is nurse management more stressful than bedside nursing", "bedside"),
        ("I was a retail manager", "retail"),
        ("bank manager switching to healthcare, a pay cut or raise", "cut"),
        ("a student who likes health care", "likes"),
        ("what is the next step up for me", "next"),
        ("do new grads get hired", "grads"),
        ("do I belong in management", "belong"),
        ("is there a shortage of managers", "shortage"),
        ("how much vacation do managers get", "vacation"),
    ],
)
def test_a_real_word_is_never_corrected(run, question: str, word: str) -> None:
    result = run("search", *question.split())
    assert "Showing results for" not in result.stdout, result.stdout
    assert f"you typed '{word}'" not in result.stdout


def test_a_misspelling_of_no_english_word_is_corrected(run) -> None:
    result = run("search", "helthcare", "adminstrator", "salery")
    for typed, meant in (("salery", "salary"), ("adminstrator", "administrator"), ("helthcare", "healthcare")):
        assert f"Showing results for '{meant}' (you typed '{typed}')." in result.stdout


def test_a_word_the_guide_lacks_and_no_dictionary_has_is_named(run) -> None:
    text, _ = card(run, "is the CHCIO worth getting")
    assert "The guide holds nothing on 'chcio'." in text


def test_a_long_question_is_read_up_to_its_cut_and_says_so(run) -> None:
    from hsm_guide.words import MOST_WORDS

    words = ["salary", "in", "ohio"] + ["nursing"] * 9_997
    result = run("search", *words)
    assert result.exit_code == 0
    ohio = data().find("OH")
    assert data().text(ohio, "annual_median") in result.stdout
    left = len(words) - MOST_WORDS
    assert f"The question was read up to its {MOST_WORDS}th word; the other {left:,} were left out." in named(
        result.stdout
    )


# -- cards chosen by what is asked; an honest "not covered" ----------------------------------------------


def gap(name: str) -> Any:
    q = kb().questions
    assert q is not None
    return next(g for g in q.gaps if g.name == name)


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("best mha programs ranking", "rankings"),
        ("how much does an MHA cost", "tuition"),
        ("can I work remotely as a health services manager", "remote-work"),
        ("are health services managers unionized", "unions"),
        ("where can I find job postings", "job-postings"),
        # the gap the question names, never another one its other words fit better ("best" is no ranking here)
        ("which job sites are best for finding healthcare admin jobs", "job-postings"),
        ("where are health services manager openings posted", "job-postings"),
        ("best places to find practice manager jobs", "job-postings"),
        ("top ranked mha programs in texas", "rankings"),
        ("does a nursing home administrator license transfer from pennsylvania to new jersey", "license-transfer"),
        ("is there reciprocity for NHA licenses", "license-transfer"),
        ("how does the cost of living compare with what hospital administrators earn", "cost-of-living"),
        ("is 50 too old to start a career as a health services manager", "age"),
        ("can i get H1B sponsorship as a hospital administrator from india", "visas"),
        ("could chatgpt or automation take over a practice manager's job", "automation"),
        ("does my time on active duty count toward healthcare management", "military"),
        ("which EHR system should a clinic manager learn", "software"),
        ("can I work in healthcare admin with a felony on my record", "criminal-record"),
        ("what's the pass rate on the NAB exam", "exam-prep"),
        ("is a 2.6 gpa too low for healthcare management", "grades"),
        ("internships for health admin students in chicago this summer", "internships"),
        ("which colleges near denver have accredited MHA programs", "program-lists"),
        ("what percent of health services managers are women", "demographics"),
    ],
)
def test_what_the_guide_does_not_hold_is_said_plainly_first(run, question: str, name: str) -> None:
    text, leads = card(run, question)
    found = gap(name)
    heading = f"Answer: {found.answer or 'not in this guide'}"  # a plain answer where the data gives one
    assert text.startswith(f'[{{"type": "heading", "text": {json.dumps(heading)}')
    assert found.text in text
    assert leads == (found.command or leads)


def test_which_states_license_assisted_living_administrators_is_read_from_the_state_table(run) -> None:
    """Each state in the row the state table puts it in (licensed, not, not verified), counted."""
    from hsm_guide.licensing.table import of

    table = of(kb())
    assert table is not None
    result = run("search", "do all states require a license for assisted living administrators?", "--json")
    assert result.exit_code == 0, result.stderr
    (document,) = json.loads(result.stdout)["sections"]
    rows = {r["label"]: r["value"] for b in document["blocks"] if b["type"] == "facts" for r in b["rows"]}
    for label, licensed in (("Licensed", True), ("Not licensed", False)):
        names = sorted(s.name for s in table.states.values() if s.facts.assisted_living.licensed is licensed)
        count, listed = rows[label].split(": ", 1)
        assert int(count) == len(names) and sorted(listed.split(", ")) == names


def test_where_the_most_jobs_are_asked_without_pay_the_counts_lead(run) -> None:
    """'Which states have the most ... jobs' (the occupation's name between 'most' and 'jobs'): the five
    states with the most jobs, most first, each with its count; asked with pay, the best-paying lead."""
    from hsm_guide.wages.states import TERRITORIES

    result = run("search", "which states have the most medical and health services manager jobs", "--json")
    assert result.exit_code == 0, result.stderr
    (document,) = json.loads(result.stdout)["sections"]
    rows = [r for b in document["blocks"] if b["type"] == "facts" for r in b["rows"] if r["label"] != "Source"]
    states = [r for r in data().states() if r.state not in TERRITORIES and r.employment]
    most = sorted(states, key=lambda r: -(r.employment or 0))[:5]
    assert [r["label"] for r in rows] == [r.name for r in most]
    for shown, state in zip(rows, most, strict=True):
        assert shown["value"].startswith(f"{data().text(state, 'employment', 'count')} jobs")
    text, _ = card(run, "which states have the most jobs and which pay best")
    assert "best-paying states" in text


@pytest.mark.parametrize(
    "question",
    ["do most healthcare managers work for the VA or for private hospitals", "VA hospital administrator pay"],
)
def test_the_va_of_a_facility_is_veterans_affairs_never_virginia(run, question: str) -> None:
    """'the VA', 'a VA hospital': the federal government's industry (Veterans Affairs), not the state;
    'pay in VA' alone is still Virginia."""
    federal = data().row("0000000", None, "999100")
    assert federal is not None
    result = run("search", question)
    assert result.exit_code == 0, result.stderr
    assert federal.industry_name in named(result.stdout) and "Virginia" not in result.stdout
    text, _ = card(run, "pay in VA")
    assert "Virginia" in text


def test_a_second_gap_named_is_said_under_the_first(run) -> None:
    """The gap card says one gap; another the question names is said in a note under it, not dropped."""
    result = run("search", "is epic or cerner better to learn, and where are clinic manager jobs posted", "--json")
    assert result.exit_code == 0, result.stderr
    (document,) = json.loads(result.stdout)["sections"]
    doc = document["blocks"]
    first, second = sorted((gap("software"), gap("job-postings")), key=lambda g: doc[1]["text"] != g.text)
    assert doc[0]["text"] == "Answer: not in this guide" and doc[1]["text"] == first.text  # either may lead
    notes = [b["text"] for b in doc if b["type"] == "note"]
    assert any(n.startswith(second.text) for n in notes), notes
    assert not any(n.startswith(first.text) for n in notes), "the gap the card says is not said again"


def test_every_card_answers_its_own_examples() -> None:
    """A card's example questions lead with that card: the data's examples are the cards' definition."""
    from hsm_guide.search.cards import ranked

    k = compiled()
    q = k.questions
    assert q is not None
    read = readings(k)
    for choice in (*q.cards, *q.gaps):
        for asked in choice.asks:
            reading, lex = read(asked)
            best = ranked(k, lex, reading)
            assert best and best[0][1].name == choice.name, (asked, best[0][1].name if best else None)


def test_a_part_the_card_does_not_use_is_named_not_dropped(run) -> None:
    text, leads = card(run, "how long does it take to become a manager in ohio")
    assert leads.startswith("path --from")
    assert "This answer is not by place; the guide's pay in Ohio: hsm-guide pay --area ohio" in text


# -- what a question names decides its card (issue 19's classes of unseen questions) ------------------


def test_a_card_that_needs_a_named_part_is_preferred_and_one_with_no_use_for_it_set_back() -> None:
    from hsm_guide.search import search
    from hsm_guide.search.cards import named, table

    result = search(kb(), "banker wanting to become a hospital administrator, what do I need")
    assert result.reading is not None and result.lexicon is not None
    found = table(kb(), result.lexicon)
    index = {c.name: i for i, c in enumerate(found.cards)}
    things = named(result.reading)
    assert found.parts(index["route-from-a-background"], things) > 0  # needs the background named
    assert found.parts(index["hours"], things) < 0  # has no use for the banker
    assert found.parts(index["pay"], things) < 0  # nor does the pay card
    assert found.parts(index["tuition"], things) == 0  # a gap's card is set back by nothing


def test_every_part_a_card_uses_is_one_its_answer_declares() -> None:
    """What a card says it used (its notes leave those out) is among what its answer can use (by which
    it is scored); an occupation the extract does not hold is scored as an occupation."""
    from hsm_guide.search.answer import function
    from hsm_guide.search.families import FAMILIES
    from hsm_guide.sections.builder import Builder

    k = compiled()
    q = k.questions
    assert q is not None
    read = readings(k)
    for choice in q.cards:
        for asked in choice.asks:
            reading, _ = read(asked)
            answered = function(choice.answer)(Builder(k, "search", asked), k, reading, choice)
            if answered is not None:
                assert answered.used - FAMILIES[choice.answer].uses <= {"unheld", "two-places"}, (asked, choice.name)


@pytest.mark.parametrize(
    "question",
    [
        "ekg tech wanting to become a practice manager, where do I start",
        "I'm a tech at a hospital, how do I get into management",
    ],
)
def test_a_word_of_several_backgrounds_names_none_of_them_alone(run, question: str) -> None:
    """'tech' is in the records technician's key and in the names of others' occupations (rad tech, lab
    tech): alone, it is no records technician."""
    records = next(b for b in kb().paths.backgrounds if b.key == "records-tech")
    text, leads = card(run, question)
    assert records.who not in text and "--from records-tech" not in leads


@pytest.mark.parametrize("typed", ["rad tech", "med lab tech"])
def test_a_name_with_shorthand_is_read_as_the_question_spells_it_out(run, typed: str) -> None:
    """'rad' is read as radiology and 'med' as medical; a name holding them (rad tech) is read the same
    way, so the question still names that occupation."""
    q = kb().questions
    assert q is not None
    said = [o.name for o in q.unheld.occupations if typed in o.said]
    said += [data().occupation_name(o.soc) for o in q.occupations if typed in o.said]
    assert len(said) == 1
    text, _ = card(run, f"{typed} vs practice manager pay")
    assert said[0] in text


def test_an_occupation_the_guide_does_not_hold_is_said_first_never_stood_in_for(run) -> None:
    text, leads = card(run, "how much do social workers make in ohio")
    assert "Answer: the guide has no figures for social workers" in text
    ohio = data().row("3900000")
    registered_nurses = data().row("3900000", "29-1141")  # no other occupation's figures as theirs
    assert ohio is not None and registered_nurses is not None
    assert data().text(ohio, "annual_median") in text and data().occupation_name(data().soc) in text
    assert data().text(registered_nurses, "annual_median") not in text
    assert leads.endswith(" --area ohio")  # read on in Ohio: its pay, or beside other occupations


def test_a_clinician_the_extract_holds_is_shown_as_itself_never_as_a_neighbor(run) -> None:
    """A nurse practitioner is no registered nurse, a physician assistant no physician: each has its own
    BLS figures in the extract, and a question naming one shows those."""
    text, _ = card(run, "how much do nurse practitioners make in ohio")
    practitioners, nurses = data().row("3900000", "29-1171"), data().row("3900000", "29-1141")
    assert practitioners is not None and nurses is not None
    assert text.startswith('[{"type": "heading", "text": "Answer: Nurse Practitioners')  # alone or beside this one
    assert data().text(practitioners, "annual_median") in text
    assert data().text(nurses, "annual_median") not in text
    text, _ = card(run, "do physician assistants make more than hospital administrators")
    assistants = data().national("29-1071")
    assert data().text(assistants, "annual_median") in text
    assert data().occupation_name("29-1210") not in text  # a physician assistant is no physician


def test_another_occupations_state_figure_is_set_beside_this_ones_state_figure(run) -> None:
    """Registered nurses are kept by state: a rural question compares Montana with Montana, and says
    this occupation's nonmetro figure apart."""
    text, _ = card(run, "rural montana nurse pay vs managers")
    nurses, managers = data().row("3000000", "29-1141"), data().row("3000000")
    assert nurses is not None and managers is not None
    assert nurses.annual_median is not None and managers.annual_median is not None
    for row in (nurses, managers):
        assert data().text(row, "annual_median") in text
    assert f"${managers.annual_median - nurses.annual_median:,.0f} a year more" in text
    rural = [r for r in data().metros("MT") if r.kind == "nonmetro"]
    local = max(rural, key=lambda r: r.employment or 0)  # the nonmetro area with the most of these jobs
    assert f"{local.name} alone" in text and data().text(local, "annual_median") in text


def test_college_courses_are_not_the_high_school_list(run) -> None:
    for question in (
        "what college classes should I take for healthcare management",
        "which courses should I take in college",
    ):
        text, _ = card(run, question)
        assert all(item.text in text for item in kb().education.courses)
        assert not any(item.text in text for item in kb().education.high_school)


def after_the_card(run, question: str) -> list[str]:
    """The notes after the card's Read on line that answer another clause."""
    blocks = json.loads(run("search", *question.split(), "--json").stdout)["sections"][0]["blocks"]
    at = next(i for i, b in enumerate(blocks) if b["type"] == "note" and b["text"].startswith("Read on: hsm-guide "))
    end = next(i for i, b in enumerate(blocks) if b["type"] == "heading" and b["text"] == "Passages")
    return [b["text"] for b in blocks[at + 1 : end] if b["type"] == "note" and "You also asked" in b["text"]]


def test_a_question_that_asks_two_things_answers_the_second_in_brief(run) -> None:
    """The first question leads (a reader asks the main thing first); the second clause's own card follows
    under it: its first rows with their source and where to read on."""
    text, leads = card(run, "how much do they make and how many openings are there")
    nation = data().national()
    assert leads == "pay" and data().text(nation, "annual_median") in text
    assert "You also asked" not in text
    (brief,) = after_the_card(run, "how much do they make and how many openings are there")
    assert brief.startswith("You also asked: Job outlook") and "61,400" in brief
    assert brief.endswith("Read on: hsm-guide outlook")
    text, leads = card(run, "how many openings are there and how much do they make")  # the other way round
    assert leads == "outlook" and "61,400" in text
    (brief,) = after_the_card(run, "how many openings are there and how much do they make")
    assert brief.startswith("You also asked: ") and "pay in the United States" in brief
    assert f"Median pay, May 2025: {data().text(nation, 'annual_median')} a year" in brief
    assert "U.S. Bureau of Labor Statistics" in brief and brief.endswith("Read on: hsm-guide pay")
    text, _ = card(run, "difference between an MHA and an MPH")  # a pair compared asks one thing
    assert "You also asked" not in text + " ".join(after_the_card(run, "difference between an MHA and an MPH"))


def test_growth_asked_of_a_state_says_the_projections_are_national(run) -> None:
    text, leads = card(run, "whats the job growth in florida for health services managers")
    assert leads == "outlook"
    assert "The guide's projections are national, none by state or metro area; each state's labor market" in text
    assert "gathered at projectionscentral.org; the guide's pay in Florida" in text


@pytest.mark.parametrize(
    "question",
    [
        "i have a psychology degree, can i get into healthcare management",
        "i have a biology degree, what do managers make in ohio",
        "I studied psychology in college, what does a practice manager do",
    ],
)
def test_a_clause_a_card_fits_only_loosely_is_not_answered_again(run, question: str) -> None:
    """ "I have a biology degree, what do managers make in Ohio": the first clause says who asks; no card
    fits it well (the education card, loosely), so nothing is answered beside the lead."""
    text, _ = card(run, question)
    assert "You also asked" not in text and not after_the_card(run, question)


def test_a_second_answer_that_does_not_fit_the_screen_is_named_instead(run, monkeypatch) -> None:
    """Where not even the second card's first row fits under the first, a note names its command."""
    from hsm_guide.search import second

    monkeypatch.setattr(second, "SCREEN", 9)
    text, _ = card(run, "how much do they make and how many openings are there")
    assert "You also asked about" in text and "hsm-guide outlook" in text
    assert not after_the_card(run, "how much do they make and how many openings are there")


@pytest.mark.parametrize(
    "question",
    [
        "is an MHA worth it for me with 5 yrs of nursing experience",
        "should I get the CPHQ or the CMPE with 3 yrs experience",
    ],
)
def test_advice_gets_the_facts_and_says_the_guide_gives_no_advice(run, question: str) -> None:
    text, _ = card(run, question)
    advice = kb().questions.advice  # type: ignore[union-attr]
    assert advice is not None and named(advice.text) in text
    assert "yrs" not in text  # a short form of an everyday word is read as the word, never named as unknown


def test_what_a_credential_takes_is_who_is_eligible_and_its_exam(run) -> None:
    text, leads = card(run, "what do I need to get my FACHE")
    fache = next(c for c in kb().certifications.credentials if c.code == "FACHE")
    assert leads == "certifications FACHE"
    assert all(item.text in text for item in (*fache.eligibility, *fache.exam))  # the Board of Governors Exam too


# -- comparisons in any wording ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "do nurse managers make more than nurses in ohio",
        "rn vs manager pay in ohio",
        "which pays better in ohio, registered nurse or health services manager",
    ],
)
def test_an_rn_beside_this_occupation_locally(run, question: str) -> None:
    text, leads = card(run, question)
    for soc in ("29-1141", kb().identity.soc_code):
        row = data().row("3900000", soc)
        assert row is not None
        assert data().occupation_name(soc) in text and data().text(row, "annual_median") in text
    assert leads == "related --area ohio"


@pytest.mark.parametrize(
    "question",
    ["cmpe or fache", "CMPE vs FACHE", "difference between the cmpe and the fache", "which is better, cmpe or fache"],
)
def test_two_credentials_side_by_side(run, question: str) -> None:
    text, _ = card(run, question)
    for code in ("CMPE", "FACHE"):
        credential = next(c for c in kb().certifications.credentials if c.code == code)
        assert credential.name in text and credential.suits[1:] in text


@pytest.mark.parametrize("question", ["MBA or MHA", "mba vs mha", "which is better an mba or an mha"])
def test_two_degrees_side_by_side_in_any_wording(run, question: str) -> None:
    text, leads = card(run, question)
    assert leads == "education"
    for code in ("MBA", "MHA"):
        degree = next(d for d in kb().education.degrees if f"({code})" in d.name)
        assert degree.name in text and degree.text in text


def test_two_places_and_two_industries_side_by_side(run) -> None:
    text, _ = card(run, "which is better, boston or chicago")
    for name in ("boston", "chicago"):
        row = data().find(name)
        assert row.name in text and data().text(row, "annual_median") in text
    text, _ = card(run, "do hospitals pay more than nursing homes")
    for code in ("622100", "623100"):
        row = data().row("0000000", None, code)
        assert row is not None and row.industry_name in text and data().text(row, "annual_median") in text


def test_three_places_are_all_compared_and_the_highest_named(run) -> None:
    text, _ = card(run, "healthcare manager pay in the bay area vs sacramento vs LA")
    rows = [data().find("san francisco"), data().find("sacramento"), data().find("los angeles")]
    for row in rows:
        assert row.name in text and data().text(row, "annual_median") in text  # none of the three dropped
    high, low = max(rows, key=lambda r: r.annual_median), min(rows, key=lambda r: r.annual_median)
    gap = f"${high.annual_median - low.annual_median:,.0f}"
    assert f"{high.name}, {gap} a year more at the median than {low.name}" in text


def test_compared_places_give_their_jobs_and_a_gap_named_beside_them_is_said(run) -> None:
    """ "Texas vs California pay, and the cost of living": both places with how many of these jobs each has
    (the extract's count), and the cost of living said plainly not held, never silently dropped."""
    text, _ = card(
        run, "how much do health care managers make in texas vs california, and is it worth the cost of living"
    )
    for name in ("texas", "california"):
        row = data().find(name)
        assert row.employment
        assert f"{data().text(row, 'employment', 'count')} jobs" in text
    assert gap("cost-of-living").text in text


def test_every_setting_listed_is_compared(run) -> None:
    text, _ = card(
        run, "which pays managers the most: hospitals, outpatient centers, nursing homes, govt or physician offices"
    )
    for code in ("622100", "621400", "623100", "999001", "621100"):  # the data's codes for the five settings named
        row = data().row("0000000", None, code)
        assert row is not None and row.industry_name in text and data().text(row, "annual_median") in text


def test_a_term_the_question_asks_about_leads(run) -> None:
    text, leads = card(
        run, "whats an administrative fellowship after grad school and do i need one to get a hospital job"
    )
    term = next(t for t in kb().glossary if t.term == "administrative-fellowship")
    assert text.startswith(f'[{{"type": "heading", "text": "Answer: {term.name}"')
    assert leads == f"explain {term.term}"


@pytest.mark.parametrize(("typed", "word"), [("svcs", "services"), ("hosp", "hospital"), ("w", "with")])
def test_a_short_form_reads_as_its_word_and_is_never_unknown(run, typed: str, word: str) -> None:
    result = run("search", "health", typed, "admin", "pay")
    assert result.exit_code == 0
    assert f"'{typed}'" not in result.stdout  # never "the guide holds nothing on 'svcs'"


@pytest.mark.parametrize(
    ("question", "route", "typed"),
    [
        ("rn with a bsn, 6 years in the icu, how do i move into management", "nurse", ("bsn", "icu")),
        ("ot in a rehab hospital wanting to move into management", "clinician", ("ot",)),
        ("rt looking at management, what route", "clinician", ("rt",)),
    ],
)
def test_a_clinicians_abbreviations_name_their_background(
    run, question: str, route: str, typed: tuple[str, ...]
) -> None:
    """BSN, ICU, OT, RT are the asker's own background: its route leads, and none is unknown or corrected."""
    result = run("search", *question.split())
    text, leads = card(run, question)
    assert leads.startswith(f"path --from {route}")
    who = next(r for r in kb().paths.backgrounds if r.key == route)
    assert f"Answer: the route for {who.name[0].lower()}{who.name[1:]}" in text
    said = " ".join(result.stdout.split())
    unknown = said.split("holds nothing on ")[1].split(".")[0] if "holds nothing on " in said else ""
    for word in typed:
        assert f"'{word}'" not in unknown and f"you typed '{word}'" not in said


def test_a_word_of_a_gap_names_no_background_but_a_whole_key_still_does(run) -> None:
    """The record of 'a felony on my record' is no medical records technician: no route of theirs is pointed
    to under the card; 'student', a whole key, still names the student (its route is the read-on)."""
    text, _ = card(run, "can u work in healthcare admin with a felony on ur record")
    assert "records-tech" not in text  # the card and its notes: the passages may quote any page
    _, leads = card(run, "as a student, what should I do first to become a healthcare manager")
    assert leads.startswith("path --from student")


def test_a_gap_named_beside_who_asks_leads_and_the_askers_route_follows(run) -> None:
    """ "A teacher at 42, too late? what degree?": the plain answer to what is asked first (no source sets an
    age limit), then the degree asked second, for the career changer the first clause says the asker is."""
    asked = "HS teacher, 42 yrs old. too late to get into healthcare management? what degree would i need"
    text, leads = card(run, asked)
    assert text.startswith(json.dumps([{"type": "heading", "text": f"Answer: {gap('age').answer}", "level": 2}])[:-1])
    assert gap("age").text in text and leads == gap("age").command
    result = run("search", *asked.split())
    brief = "You also asked: The education it takes, for a career changer from another field."
    assert result.exit_code == 0 and brief in named(result.stdout)
    text, leads = card(run, "as a nursing student, will AI wipe out hospital admin jobs")
    assert gap("automation").text in text and leads == gap("automation").command


def test_a_kind_of_manager_bls_names_is_said_to_be_of_this_occupation(run) -> None:
    """ "Health services manager vs health information manager": the kind of manager, and that BLS counts it
    in this occupation; a specialization the sources name (not BLS) is not said to be one."""
    him = next(m for m in kb().roles.manager_types if m.name == "Health information manager")
    text, _ = card(run, "health services manager vs health information manager whats the difference")
    assert him.text in text and f"One of the kinds of manager BLS counts among {kb().identity.title}" in text
    text, _ = card(run, "what does a hospital administration specialist do")
    assert "BLS counts" not in text


def test_the_employers_card_gives_each_industrys_share_and_the_one_asked_of(run) -> None:
    """ "What percent work in hospitals": each industry's jobs as a share of the occupation's national jobs
    (the release's counts, worked here by hand); an industry named beyond the five largest follows them."""
    nation = data().national().employment
    hospitals = data().row("0000000", None, "622100")
    assert hospitals is not None and hospitals.employment and nation
    text, leads = card(run, "what percent of health services managers work in hospitals")
    assert leads == "pay --industry"
    share = round(100 * hospitals.employment / nation)
    assert f"{data().text(hospitals, 'employment', 'count')} jobs ({share}% of all these jobs)" in text
    home = data().row("0000000", None, "621600")
    assert home is not None and home not in data().largest_industries()[:5]
    text, _ = card(run, "how many managers work in home health")
    assert home.industry_name in text and data().text(home, "employment", "count") in text


def test_an_assisted_living_license_question_gets_the_states_answer(run) -> None:
    """ "Do I need a license to manage an assisted living facility in Texas": the state's license card, with
    whether the state licenses assisted-living administrators (the licensing table's own answer)."""
    import json as _json

    table = _json.loads((ROOT / "data" / "licensure" / "states.json").read_text(encoding="utf-8"))
    licensed = table["states"]["TX"]["facts"]["assisted_living"]["licensed"]
    text, leads = card(run, "do i need to be licensed to manage an assisted living facility in texas")
    assert leads == "licensure --state TX"
    assert f'Assisted-living administrators licensed", "value": "{"yes" if licensed else "no"}"' in text


def test_continuing_education_is_asked_of_a_credentials_renewal(run) -> None:
    fache = next(c for c in kb().certifications.credentials if c.code == "FACHE")
    text, leads = card(run, "what continuing education does the fache require")
    assert leads == "certifications FACHE" and "renewing the FACHE" in text
    assert all(item.text in text for item in fache.renewal)


def test_a_salary_asked_of_in_a_setting_is_still_placed(run) -> None:
    """ "Is 150k realistic for a hospital director in Chicago": the setting says where, the amount is placed."""
    text, leads = card(run, "is 150k realistic for a hospital director in chicago")
    assert leads == "pay --salary 150000 --area chicago"
    chicago = data().find("chicago")
    assert f"{data().text(chicago, 'annual_median')} a year: your salary is" in text


def test_two_titles_asked_of_in_a_place_get_that_places_one_figure(run) -> None:
    """ "How do nurse managers and practice managers differ in pay in Texas": the titles side by side, and the
    one figure BLS publishes for them, Texas's."""
    texas = data().find("TX")
    text, leads = card(run, "how do nurse managers and practice managers differ in pay in texas")
    assert leads == "roles"
    assert f"BLS publishes one figure for all of them: {data().yearly_and_hourly(texas, 'median')}" in text
    assert "median in Texas" in text


def test_a_salary_asked_of_is_no_offer(run) -> None:
    text, leads = card(run, "i manage a 5 doctor practice in ohio, am i underpaid at 72k")
    assert leads == "pay --salary 72000 --area ohio"
    assert "where a $72,000 salary stands, Ohio" in text and "offer" not in text


def test_whether_a_certification_is_needed_is_said_first(run) -> None:
    """ "Do practice managers need a certification": the certifications section's own answer (optional)
    heads the setting's credentials."""
    point = next(p.points[0] for p in kb().key_points if p.section == "certifications")
    text, leads = card(run, "do practice managers need a certification")
    assert leads == "path --setting practice"
    assert point.text in text and text.index(point.text) < text.index("CMPE")


def test_a_contractions_first_half_is_not_searched_for(run) -> None:
    """ "don't", "doesn't": the halves an apostrophe leaves are no words the passages are searched for."""
    result = run("search", "what states don't require a license for assisted living administrators")
    assert "'don'" not in result.stdout


def test_a_gap_named_in_a_route_question_is_said_under_the_route(run) -> None:
    """ "A navy veteran, how do I move into hospital administration": a route leads, and under it that the
    guide holds no route written for service members."""
    text, leads = card(run, "i'm a navy veteran, how do i move into hospital administration")
    assert leads.startswith("path ")
    assert text.startswith('[{"type": "heading", "text": "Answer: the route')
    assert gap("military").text in text


def test_pay_by_experience_is_said_not_held_with_the_middle_half(run) -> None:
    """BLS publishes no pay by experience: the card says so and gives the 25th to 75th percentiles;
    "10 years" is no percentile (the 10% ends are not shown for it)."""
    text, _ = card(run, "how much will i make with 10 years experience as a practice manager")
    nation = data().national()
    assert "no pay by years of experience" in text
    assert f"{data().text(nation, 'annual_p25')} to {data().text(nation, 'annual_p75')}" in text
    assert "Top-paid 10%" not in text
    text, _ = card(run, "what do the top 10% earn")
    assert "Top-paid 10%" in text and "experience" not in text


def test_a_clause_after_a_comma_that_asks_again_is_answered(run) -> None:
    """ "I run a store, would I make more...": the pay of the two occupations leads; the route in for a
    store manager, which the first clause asks, follows in brief."""
    result = run("search", "im a store manager at target, would i make more running a clinic")
    assert result.exit_code == 0
    (brief,) = after_the_card(run, "im a store manager at target, would i make more running a clinic")
    assert brief.startswith("You also asked: The route for a retail") and brief.endswith("hsm-guide path --from retail")
    listed = run("search", "do hospitals, nursing homes or government pay more")  # a list: one question
    assert "You also asked" not in listed.stdout


def test_a_median_with_its_percentile_range_is_the_pay_card_not_the_term(run) -> None:
    text, leads = card(
        run, "what is the median annual wage for health services managers and the 10th-90th percentile range"
    )
    nation = data().national()
    assert leads == "pay" and data().text(nation, "annual_p10") in text and data().text(nation, "annual_p90") in text


def test_cali_is_california_and_a_snf_is_a_nursing_home(run) -> None:
    text, _ = card(run, "how much do hospital administrators make in texas vs cali")
    for name in ("texas", "california"):
        assert data().text(data().find(name), "annual_median") in text
    text, _ = card(run, "asst administrator at a SNF in minnesota, what do i need to become the licensed administrator")
    assert text.startswith('[{"type": "heading", "text": "Answer: the nursing home administrator license in Minnesota"')


def test_a_question_naming_its_asker_still_gets_the_card_it_asks_for(run) -> None:
    """ "A physical therapist ... which certifications are worth getting": the certifications, not the route."""
    _, leads = card(
        run, "physical therapist wanting to move into rehab director role. which certifications are worth getting"
    )
    assert leads == "certifications"


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("an offer of 95k", 95_000),
        ("offered $95,000 in boston", 95_000),
        ("is 95,000 fair", 95_000),
        ("is 95000 fair", 95_000),
        ("$82.5k", 82_500),
        ("pay in 2025", None),  # a year
        ("10 years of experience", None),
        ("how many of the 597,080 jobs", None),  # a count with commas is read only where it is a salary's size
        ("$45 an hour", 93_600),  # a rate, made yearly as BLS does: 45 x 2,080 hours
        ("making like 3k a week", 156_000),  # 3,000 x 52 weeks
        ("8,000 a month", 96_000),  # 8,000 x 12
        ("40 hours a week", None),  # hours, not money
        ("I work 12 hour shifts", None),
        ("$4 an hour", None),  # 8,320 a year: below any yearly salary
        ("$5,000,000,000", None),  # beyond any
    ],
)
def test_an_amount_is_read_only_where_it_is_a_yearly_salary(text: str, amount: float | None) -> None:
    from hsm_guide.words import amount as read_amount

    assert read_amount(text) == amount


def test_a_pay_named_beside_another_occupation_is_placed_among_this_ones(run) -> None:
    """'Making 3k a week as a travel nurse, would I take a pay cut': the nurses' and managers' medians,
    and the asker's pay made yearly (3,000 x 52) where it would stand; 'a week' is the pay's, no hours asked."""
    text, _ = card(run, "I'm a travel nurse making like 3k a week, would I take a big pay cut moving into management?")
    nurses, managers = data().row("0000000", "29-1141"), data().national()
    assert nurses is not None
    for row in (nurses, managers):
        assert data().text(row, "annual_median") in text
    assert "Your pay" in text and "$156,000 a year, $75.00 an hour" in text  # 156,000 / 2,080 hours
    assert f"among {data().occupation_name(data().soc)}" in text
    hours = next(c for c in kb().questions.cards if c.name == "hours")  # type: ignore[union-attr]
    whole = run(
        "search", "I'm a travel nurse making like 3k a week, would I take a big pay cut moving into management?"
    )
    assert f"Read on: hsm-guide {hours.view}" not in named(whole.stdout)  # no second answer on the hours


def test_an_offer_is_placed_among_the_percentiles_there_and_nationally(run) -> None:
    """The rank is worked here from the release's percentiles by straight-line interpolation (the
    definition `pay --salary` documents): Denver's 10th and 25th bracket $95,000."""
    text, leads = card(run, "got an offer for practice administrator in denver, 95k. is that fair or lowballing?")
    denver = data().find("denver")
    p10, p25 = denver.annual_p10, denver.annual_p25
    assert p10 is not None and p25 is not None and p10 < 95_000 < p25
    rank = round(10 + 15 * (95_000 - p10) / (p25 - p10))
    assert f"Answer: where a $95,000 offer stands, {denver.name}" in text
    assert f"about the {rank}th percentile here" in text
    below = denver.annual_median - 95_000
    assert f"${below:,.0f} ({below / denver.annual_median:.0%}) below it" in text
    assert leads == "pay --salary 95000 --area denver"
    text, _ = card(run, "is 82k a good salary for a clinic manager")
    assert "where an $82,000 salary stands" in text  # "an eighty-two thousand"; a salary asked of, no offer


def test_a_background_the_question_denies_is_not_named(run) -> None:
    """ "I don't want to be a nurse" names no nurse: no nurse's route, no nurse's pay."""
    from hsm_guide.search import search

    denied = search(kb(), "do I need to be good at science? I dont want to be a nurse")
    assert denied.reading is not None and not denied.reading.every("background")
    named = search(kb(), "do I need to be good at science? I am a nurse")
    assert named.reading is not None and named.reading.every("background")
    _, leads = card(run, "do u need to be good at science/bio to be a health services manager? dont want to be a nurse")
    assert leads == "skills"


def test_a_pay_cut_from_another_occupation_compares_the_two(run) -> None:
    text, _ = card(run, "pharmacist thinking of going into hospital admin, would that be a pay cut??")
    for soc in ("29-1051", "11-9111"):  # pharmacists, and this occupation
        row = data().row("0000000", soc)
        assert row is not None and data().text(row, "annual_median") in text


def test_two_kinds_of_manager_side_by_side_say_bls_pays_them_as_one(run) -> None:
    text, leads = card(
        run, "whats the difference between health informatics and a health information manager, which pays more"
    )
    kinds = {m.name: m.text for m in (*kb().roles.manager_types, *kb().roles.specializations)}
    for name in ("Health informatics", "Health information manager"):
        assert name in kinds and kinds[name] in text
    assert f"one figure for all of them: {data().yearly_and_hourly(data().national(), 'median')}" in text
    assert leads == "roles"


@pytest.mark.parametrize(
    "question",
    ["do i need a license to manage a clinic in texas", "can i be a healthcare administrator with a psychology degree"],
)
def test_a_question_that_names_no_gap_is_never_answered_by_one(run, question: str) -> None:
    shown = " ".join(run("search", question).stdout.split())
    q = kb().questions
    assert q is not None
    assert "Answer: not in this guide" not in shown
    assert not any(" ".join(g.text.split()) in shown for g in q.gaps)


def test_a_state_beside_a_licensed_role_points_to_its_license_when_another_card_leads(run) -> None:
    text, leads = card(run, "can an LPN become a nursing home administrator in ohio")
    assert leads.startswith("path --from")
    assert "The nursing home administrator license in Ohio: hsm-guide licensure --state OH" in text
    assert "This answer is not by place" not in text


def test_nonmetro_alone_names_no_place_and_one_state_rural_pay_sits_beside_the_state_and_nation(run) -> None:
    result = run("pay", "--area", "nonmetro")
    assert result.exit_code != 0 and "add the state" in result.stderr  # never one state's area picked for it
    text, _ = card(run, "client lives in rural montana, do managers make much less in nonmetro areas? any data")
    assert "Kansas" not in text
    montana, nation = data().find("MT"), data().national()
    assert "All of Montana" in text and data().text(montana, "annual_median") in text
    assert data().text(nation, "annual_median") in text


def test_a_long_question_no_card_fits_whole_leads_with_its_best_clause(run) -> None:
    _, leads = card(
        run,
        "army medical service corps officer getting out near the DMV, how do i translate that into a hospital"
        " admin job? what titles do i search for",
    )
    assert leads.startswith("roles")  # the job titles, asked in the last clause


def test_an_employer_named_is_said_not_held_and_its_city_is_no_place(run) -> None:
    text, leads = card(
        run, "how do you get one of those admin fellowships at mayo or cleveland clinic after grad school"
    )
    assert leads == "explain administrative-fellowship"
    assert gap("health-systems").text in text
    assert "Cleveland, OH" not in text  # Cleveland Clinic is no pay in Cleveland
    # No card scores enough for a long question of few asking words: the card of the thing it names (the
    # fellowship) still comes before the gap it names.
    asked = "my cousin keeps going on about admin fellowships at mayo or cleveland clinic and honestly i have no clue"
    text, leads = card(run, asked)
    assert leads == "explain administrative-fellowship" and gap("health-systems").text in text


def test_a_list_of_programs_is_said_not_held(run) -> None:
    text, _ = card(
        run, "is there a list of accredited healthcare administration programs in indiana i can give a student"
    )
    assert text.startswith('[{"type": "heading", "text": "Answer: not in this guide"')
    assert gap("program-lists").text in text


def test_abq_is_albuquerque_and_a_lab_tech_is_an_occupation_of_the_extract(run) -> None:
    text, _ = card(run, "salary for a clinic manager in abq")
    assert data().find("albuquerque").name in text
    text, _ = card(run, "do lab techs make more than health services managers")
    row = data().row("0000000", "29-2010")
    assert row is not None and data().text(row, "annual_median") in text


def test_the_states_with_most_jobs_are_given_when_asked_beside_the_best_paid(run) -> None:
    text, _ = card(run, "which states have the most jobs for medical and health services managers? and which pay best")
    states = [r for r in data().states() if r.employment]
    top = max(states, key=lambda r: r.employment or 0)
    assert f"{top.name} ({data().text(top, 'employment', 'count')})" in text
    text, _ = card(run, "which states pay the most")
    assert "Most of these jobs" not in text


def test_the_best_paying_industries_name_where_most_work(run) -> None:
    text, _ = card(run, "what are the highest paying industries / settings for health services managers")
    largest = max(data().industries(), key=lambda r: r.employment or 0)
    assert f"{largest.industry_name}, {data().text(largest, 'annual_median')}" in text


def test_a_clinician_asking_about_a_credential_gets_the_credential(run) -> None:
    _, leads = card(run, "respiratory therapist doing QI projects, is the CPHQ worth getting to move into quality")
    assert leads == "certifications CPHQ"


def test_a_summary_for_a_handout_gives_the_overview_and_names_the_handout(run) -> None:
    text, leads = card(
        run, "need a quick summary of 11-9111 for a career fair handout: duties, education, pay, outlook"
    )
    assert leads == "overview"
    assert data().text(data().national(), "annual_median") in text
    assert "hsm-guide handout" in text
    text, _ = card(run, "what is a soc code")
    assert "hsm-guide handout" not in text


def test_a_command_is_named_once_under_a_card(run) -> None:
    """The clause that asks for pay in a place and the note for the place the card did not use lead to the
    same command: it is said once."""
    shown = " ".join(
        run(
            "search", "RN in philly w/ 8 yrs ICU experience, how do i become a nurse manager, do i need an MSN or MHA"
        ).stdout.split()
    )
    assert shown.count("hsm-guide pay --area philly") == 1


def test_a_license_note_names_every_state_a_move_names(run) -> None:
    text, _ = card(run, "licensed NHA in PA moving to NJ, is there reciprocity or do i have to retest")
    assert "hsm-guide licensure --state PA" in text and "hsm-guide licensure --state NJ" in text


def test_a_cfo_is_a_financial_manager_never_corrected_to_ceo(run) -> None:
    shown = run("search", "could i be a hospital cfo without a clinical background").stdout
    assert "you typed 'cfo'" not in shown


def test_a_question_only_its_askers_background_fits_gets_that_route_not_no_matches(run) -> None:
    _, leads = card(
        run,
        "i work in commercial banking in charlotte nc - would my skills transfer to healthcare admin,"
        " maybe revenue cycle or finance side?",
    )
    assert leads == "path --from business"


def test_a_ceo_is_a_chief_executive_of_the_extract(run) -> None:
    text, _ = card(run, "how much do hospital ceos make")
    row = data().row("0000000", "11-1011")
    assert row is not None
    assert data().occupation_name("11-1011") in text and data().text(row, "annual_median") in text


def test_three_occupations_side_by_side_and_growth_said_for_this_one_only(run) -> None:
    text, _ = card(
        run,
        "compare health services managers vs human resources managers vs social and community service managers"
        " pay and growth",
    )
    for soc in ("11-9111", "11-3121", "11-9151"):  # this one, human resources, social and community service
        row = data().row("0000000", soc)
        assert row is not None and data().occupation_name(soc) in text and data().text(row, "annual_median") in text
    edition = next(e for e in kb().quick_facts.editions if e.pay_year == kb().quick_facts.current_edition)
    assert f"{edition.growth_percent:g}%" in text and "no projection for the others" in text  # the data holds percent


def test_a_long_question_naming_a_credential_leads_with_that_credential(run) -> None:
    """Many words lower every card's share of the question: the card for the thing it names still leads."""
    text, leads = card(run, "Can a new grad get FACHE or is that for experienced people only")
    assert leads == "certifications FACHE"
    text, leads = card(run, "CPA wanting to get into hospital finance side - what is CHFP and who gives it")
    assert leads == "certifications CHFP"
    assert "cna" not in text.lower()  # an accountant's CPA is no nursing assistant's CNA


def test_a_long_question_naming_a_gap_says_the_guide_does_not_hold_it(run) -> None:
    result = run("search", "how much does an online MHA cost and can I do it part time while working", "--json")
    assert result.exit_code == 0
    (document,) = json.loads(result.stdout)["sections"]
    assert document["blocks"][0]["text"] == "Answer: not in this guide"


def test_a_question_no_passage_half_matches_still_shows_the_closest_passages(run) -> None:
    """Seven words the passages never hold together, one a credential: its card, and under it the
    passages holding the most of the words, not an error."""
    result = run("search", "wanting", "hospital", "finance", "side", "chfp", "gives", "whatever")
    assert result.exit_code == 0, result.stderr
    assert "CHFP" in result.stdout


def test_two_credentials_side_by_side_give_every_eligibility_rule(run) -> None:
    text, _ = card(run, "cmpe or fache which is better")
    assert "master's or other post-baccalaureate degree" in text  # FACHE's third rule
    assert "Pathway 3" in text  # the CMPE's fourth


def test_two_places_with_a_title_of_this_occupation_are_compared_not_one_dropped(run) -> None:
    text, _ = card(run, "how much do hospital administrators make in texas vs california")
    for name in ("texas", "california"):
        row = data().find(name)
        assert row.name in text and data().text(row, "annual_median") in text


def test_an_acronym_typed_in_capitals_is_never_corrected_into_another(run) -> None:
    result = run("search", "RHIA", "vs", "RHIT", "-", "whats", "the", "difference", "--json")
    assert result.exit_code == 0, result.stderr
    assert "you typed 'rhit'" not in result.stdout and "Showing results for 'rhia'" not in result.stdout
    (document,) = json.loads(result.stdout)["sections"]
    assert "RHIA" in document["blocks"][0]["text"]  # the credential it holds leads


def test_the_current_releases_year_is_never_said_to_be_another(run) -> None:
    year = data().release.year  # the release every pay figure is for
    result = run("search", "top", "paying", "states", str(year))
    assert result.exit_code == 0 and f"not for {year}" not in result.stdout
    result = run("search", "top", "paying", "states", str(year - 6))
    assert f"The answer is not for {year - 6}" in named(result.stdout)


def test_three_degrees_side_by_side(run) -> None:
    text, _ = card(run, "MHA vs MBA vs MPH which is best for hospital admin")
    degrees = {d.name: d for d in kb().education.degrees}
    for short in ("MHA", "MBA", "MPH"):
        degree = next(d for name, d in degrees.items() if f"({short})" in name)
        assert degree.name in text and degree.text in text


def test_rural_pay_named_with_two_states_is_the_rural_card_in_the_order_named(run) -> None:
    text, _ = card(run, "rural pay in wyoming or montana")
    assert "rural (nonmetropolitan) areas of Wyoming and Montana" in text
    for state in ("WY", "MT"):
        for r in (r for r in data().metros(state) if r.kind == "nonmetro" and r.annual_median):
            assert r.name in text


@pytest.mark.parametrize(("nickname", "metro"), [("big apple", "New York-Newark"), ("windy city", "Chicago-")])
def test_a_citys_nickname_is_its_metro(run, nickname: str, metro: str) -> None:
    result = run("pay", "--area", nickname)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(f"Pay in {metro}")


def test_rural_pay_in_two_states_lists_each_states_nonmetro_areas_with_their_jobs(run) -> None:
    text, _ = card(
        run, "are there health admin jobs in rural areas like eastern montana or wyoming and what do they pay"
    )
    for state in ("MT", "WY"):
        rural = [r for r in data().metros(state) if r.kind == "nonmetro" and r.annual_median]
        assert rural
        for r in rural:
            assert r.name in text and data().text(r, "annual_median") in text
            assert f"{round(r.employment):,} jobs" in text
    assert "Montana and Wyoming" in text


def test_every_eligibility_rule_of_a_credential_is_in_its_card(run) -> None:
    """FACHE asks a master's degree among four rules: a card that gave only the first hid it."""
    text, leads = card(run, "is FACHE worth getting or should I just do an MHA")
    assert leads == "certifications FACHE"
    assert "master's or other post-baccalaureate degree" in text
    assert "5 or more years of healthcare management experience" in text


def test_a_title_in_a_setting_that_licenses_someone_else_keeps_the_titles_route(run) -> None:
    text, leads = card(run, "how to become director of nursing at a nursing home")
    assert leads == "path --from nurse"  # the nurse's route, not the administrator's
    assert "Answer: the route to Director of Nursing" in text
    assert "separate credential" in text and "nursing home administrator license" in text
    text, leads = card(run, "how to become a nursing home administrator")
    assert leads == "path --setting nursing-home"  # the setting's license is this title's own


def test_job_titles_are_answered_with_titles_and_a_first_job(run) -> None:
    text, leads = card(run, "what entry level job titles should a new health admin bachelors grad search for")
    assert leads == "roles"
    roles = kb().roles
    for t in (*roles.title_examples, *(t for t in roles.onet_titles if "listing" not in t.text)):
        assert t.text in text
    assert "April 2021" not in text  # an older list's titles left out
    assert text.count("Hospital Administrator") + text.count("Hospital administrator") == 1  # each title once


# -- the answer first, on one screen --------------------------------------------------------------


CARD_LINES = 25
# Two questions in one, each second answer in brief under the first card (with the first card's Read on line)
TWO_PARTS = [
    "how long does it take to become one? and what is the pay in denver",
    "what do practice managers make in chicago and what certification should i get",
    "how much do they make and how many openings are there",
]
# Cards whose rows or notes grow with what is named: several states' rural areas, pay asked of two credentials
GROWING = ["rural pay in texas vs georgia", "FACHE or CMPE, which is better for pay", "CMPE or FACHE, which pays more"]


def test_every_card_fits_on_the_first_screen(run, monkeypatch: pytest.MonkeyPatch) -> None:
    """At 100 columns the card, from its Answer heading to its Read on line, is 25 lines or fewer; at most
    5 passages follow; no read-on command names a place by its BLS code."""
    monkeypatch.setenv("COLUMNS", "100")
    for case in [*FIT_CASES, *({"q": q} for q in (*TWO_PARTS, *GROWING))]:
        result = run("search", *case["q"].split())
        lines = result.stdout.splitlines()
        start = next(i for i, line in enumerate(lines) if line.startswith("Answer: "))
        passages = lines.index("Passages") if "Passages" in lines else len(lines)
        end = max(i for i, line in enumerate(lines[:passages]) if "Read on: hsm-guide " in line)
        assert end - start + 1 <= CARD_LINES, (case["q"], end - start + 1)
        assert sum(1 for line in lines if line.startswith("  → hsm-guide ")) <= 5, case["q"]
        assert not re.search(r"--area \d{7}", lines[end]), lines[end]


def test_all_shows_every_passage(run) -> None:
    every = json.loads(run("search", "fache", "--all", "--json").stdout)["sections"][0]["blocks"]
    shown = json.loads(run("search", "fache", "--json").stdout)["sections"][0]["blocks"]
    count = int(next(b["text"] for b in every if b["type"] == "paragraph" and "match" in b["text"]).split()[0])
    listed = [e for b in every if b["type"] == "bullets" for e in b["entries"] if e.get("detail")]
    assert count > 5 and len(listed) == count
    assert len([e for b in shown if b["type"] == "bullets" for e in b["entries"] if e.get("detail")]) == 5


# -- a room a newcomer can read -------------------------------------------------------------------------

ROOMS = [ROOT / "src" / "hsm_guide" / "search", ROOT / "src" / "hsm_guide" / "places"]


def modules() -> dict[str, Path]:
    return {f"{room.name}.{p.stem}": p for room in ROOMS for p in room.glob("*.py")}


def test_no_module_of_search_or_places_is_over_350_lines() -> None:
    for name, path in modules().items():
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 350, name


def test_search_and_places_import_in_no_circle() -> None:
    """Every import between their modules, at the top or inside a function, goes one way."""
    graph: dict[str, set[str]] = {}
    for name, path in modules().items():
        room, stem = name.split(".")
        edges = graph.setdefault(name, set())
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = room if node.level == 1 else ""
                if node.module is None:  # from . import gaps
                    targets = [f"{base}.{a.name}" for a in node.names]
                else:  # from .card import Answered; from ..places import RURAL
                    module = node.module.split(".")
                    targets = [f"{base}.{module[0]}" if base else f"{module[0]}.{'.'.join(module[1:]) or '__init__'}"]
                edges.update(t for t in targets if t != f"{room}.{stem}")
    edges_of = {k: {t for t in v if t in graph} for k, v in graph.items()}
    seen: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        seen[node] = 1
        for nxt in edges_of[node]:
            assert seen.get(nxt) != 1, " -> ".join([*trail, node, nxt])
            if nxt not in seen:
                visit(nxt, [*trail, node])
        seen[node] = 2

    for node in graph:
        if node not in seen:
            visit(node, [])


def test_no_function_of_search_or_places_is_above_complexity_15() -> None:
    rooms = [str(room) for room in ROOMS]
    command = [sys.executable, "-m", "ruff", "check", "--select", "C901", "--config", "lint.mccabe.max-complexity=15"]
    result = subprocess.run([*command, *rooms], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout
