"""The nurse leaders' credentials and the data audit's corrections (issue 22), through the CLI.

Expected figures come from the issuing bodies' pages as recorded in tests/data/credential_pages.yaml,
from the knowledge base's YAML, or from the audit's own reading; never from the views under test.
"""

from __future__ import annotations

import json

import pytest
import yaml

from hsm_guide.knowledge import packaged_data_path

pytestmark = pytest.mark.usefixtures("warm_cache")  # pages here are read, not the cache (conftest.py)

DATA = yaml.safe_load(packaged_data_path().read_text(encoding="utf-8"))


def ask(run, question: str):
    """A question typed as words on the command line."""
    return run("search", *question.split())


def flat(text: str) -> str:
    return " ".join(text.split())


def catalog(source_id: str) -> dict:
    return next(s for s in DATA["sources"] if s["id"] == source_id)


# -- the nurse leaders' credentials ----------------------------------------------


def test_certifications_lists_the_nurse_leaders_credentials(run) -> None:
    payload = json.loads(run("certifications", "--json").stdout)
    table = next(b for b in payload["sections"][0]["blocks"] if b["type"] == "table")
    rows = {row[0]: row for row in table["rows"]}
    assert rows["CENP"][2] == "American Organization for Nursing Leadership (AONL)"
    assert rows["NE-BC"][2].startswith("American Nurses Credentialing Center (ANCC)")
    assert rows["CENP"][4] == "Every 3 years" and rows["NE-BC"][4] == "Every 5 years"


@pytest.mark.parametrize(
    ("typed", "title", "address", "figures"),
    [
        # AONL's recertification page: three years; the older AONE FAQ: two or four years, 45 hours
        ("cenp", "CENP: Certified in Executive Nursing Practice", "https://aonl.org/initiatives/cenp/recertification",
         ["two years in an executive nursing role", "four", "45 contact hours", "no later than 30 days"]),
        # ANCC's own page: 150 questions (125 scored, 25 pretest), 3 hours, 120-day window, 5 years
        ("ne-bc", "NE-BC: Nurse Executive, Board Certified",
         "https://anaprodsite1.healthynursehealthynation.org/our-certifications/nurse-executive",
         ["150 questions (125 scored, 25 unscored pretest) in 3 hours", "120-day window", "Valid for 5 years"]),
    ],
)  # fmt: skip
def test_a_nurse_leaders_credential_gives_its_facts_from_the_issuing_body(run, typed, title, address, figures) -> None:
    result = run("certifications", typed)
    assert result.exit_code == 0, result.stderr
    out = flat(result.stdout)
    assert out.startswith(title)
    assert f"Its page at the issuing body {address}" in out
    for heading in ("Who is eligible", "The exam", "Renewal", "Cost"):
        assert heading in out
    for figure in figures:
        assert figure in out


def test_what_rests_on_a_secondary_page_says_so(run) -> None:
    cenp = flat(run("certifications", "CENP").stdout)
    # the fee and the exam's size come only from a job board's summary: said so, and to check with AONL
    assert "$325 for AONL members and $450 for others, by a job board's summary (secondary)" in cenp
    assert "check it with AONL" in cenp
    assert "Vivian Health; job board's certification summary; data year not given (secondary" in cenp
    nebc = flat(run("certifications", "NE-BC").stdout)
    assert "a secondary summary (an undated education-guide article)" in nebc
    assert "Check the current fee with ANCC" in nebc


def test_the_nurse_route_names_the_nurse_leaders_credentials(run) -> None:
    out = flat(run("path", "--from", "nurse").stdout)
    assert "ANCC's Nurse Executive (NE-BC)" in out and "AONL's CENP" in out
    assert "hsm-guide certifications NE-BC, or CENP" in out


def test_search_finds_a_nurse_leaders_credential_by_its_code(run) -> None:
    out = flat(ask(run, "how much does the CENP cost").stdout)
    assert "Answer: what the CENP costs" in out and "$325" in out


# -- the audit's corrections ---------------------------------------------------


def test_fache_gives_its_exam_fee_from_ache(run) -> None:
    out = flat(run("certifications", "FACHE").stdout)
    # ache.org's Board of Governors Exam page: $225 each attempt, besides the $250 application fee
    assert "an exam registration fee of $225 for each attempt" in out
    assert "https://www.ache.org/fache/earn-my-fache/bog-exam" in out
    assert "230 multiple-choice questions (200 scored, 30 trial) in six hours" in out


def test_a_chapter_page_is_not_the_issuing_body(run) -> None:
    assert catalog("ache-fellow")["grade"] == "secondary"
    out = flat(run("certifications", "FACHE").stdout)
    assert "Eastern Pennsylvania chapter; a regional chapter's page, not ACHE itself" in out


def test_cmpe_175_items_are_dated_by_the_page_that_gives_them(run) -> None:
    out = flat(run("certifications", "CMPE").stdout)
    assert "175 items on the ACMPE page whose program criteria were effective through December 31, 2018" in out


def test_cnha_and_cala_cite_achcas_certification_site_as_their_page() -> None:
    for cert in DATA["certifications"]["credentials"]:
        if cert["code"] in ("CNHA", "CALA"):
            assert cert["url"] == "https://www.achcacertification.com"


def test_the_mha_example_whose_copies_disagree_is_gone(run) -> None:
    out = flat(run("explain", "mha").stdout)
    assert "Texas A&M" not in out and "Example" not in out


def test_the_projections_are_yearly_since_the_2019_29_set(run) -> None:
    out = flat(run("overview").stdout)
    assert "every year since the 2019-29 set" in out
    assert "publishes a new edition of the Occupational Outlook Handbook every two years" not in out


def test_pay_history_includes_may_2019(run) -> None:
    may_2019 = next(p for p in DATA["pay"]["percentiles"] if p["year"] == 2019 and p["basis"] == "annual")
    out = flat(run("pay", "--history").stdout)
    assert "May 2019 " in out and f"${may_2019['median']:,} BLS" in out  # $100,980, BLS's May 2019 page
    assert run("pay", "--year", "2019").exit_code == 0


def test_the_may_2020_source_says_its_address_is_dated_2019(run) -> None:
    out = flat(run("sources").stdout)
    assert "its address is dated 2019-11-21" in out
    assert "a later capture than its address says" in out


def test_grades_in_words_fit_each_source(run) -> None:
    out = flat(run("sources").stdout)
    # the blog quotes no one; Truity reproduces the handbook
    assert "A blog (not named in the copy); blog post; data year 2022 (secondary: not the agency or issuing" in out
    assert (
        "Truity; career-profile page reproducing the BLS Occupational Outlook Handbook; data year 2021 "
        "(secondary: another publisher quoting it)" in out
    )


def test_director_of_nursing_cites_onets_2021_list(run) -> None:
    nurse = next(b for b in DATA["paths"]["backgrounds"] if b["key"] == "nurse")
    step = next(s for s in nurse["steps"] if "Director of Nursing" in s["text"])
    assert "onet-summary-2021" in step["sources"]
    assert "Director of Nursing (its April 2021 list)" in flat(run("path", "--from", "nurse").stdout)


def test_the_related_careers_top_end_is_not_attributed_without_a_source(run) -> None:
    out = flat(run("related").stdout)
    assert "the top end is the figure for computer and information systems managers" not in out
    assert "carry over directly" not in flat(run("path", "--from", "business").stdout)
