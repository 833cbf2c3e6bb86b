"""Every section command: its key facts, its sources, its JSON, its exit status."""

from __future__ import annotations

import json

import pytest

from hsm_guide.knowledge import load, packaged_data_path
from hsm_guide.views import SECTIONS

pytestmark = pytest.mark.usefixtures("warm_cache")  # pages here are read, not the cache (conftest.py)

KEY_FACTS = {
    "overview": [
        "SOC code",
        "11-9111",
        "Healthcare executive",
        "$123,860 a year, $59.55 an hour (OEWS, May 2025)",
        "597,080 in May 2025 (OEWS wage survey)",
        "562,700 in 2023 (Employment Projections)",
        "29% over 2023-2033 (much faster than average)",
        "Job Zone Five",
    ],
    "duties": [
        "Typical duties (BLS)",
        "Five areas of responsibility",
        "Financial management",
        "HIPAA safeguards",
        "Supervise and evaluate",
        "86",
        "Government regulators",
    ],
    "roles": [
        "Nursing home administrator",
        "Clinical manager",
        "Health information manager",
        "Pharmacy Services Director (DOT 074.167-010)",
        "Health informatics",
        "Nurse Manager",
    ],
    "settings": [
        "Largest employers, May 2025",
        "Offices of Physicians",
        "The handbook's 2021 grouping, of 480,700 jobs: hospitals 30%",
        "offices of physicians 12%",
        "on call",
        "Technological environment",
        "Surgery centers",
    ],
    "pay": [
        # the national May 2025 row of data/wages/oews-wages.csv (11-9111, area 0000000)
        "$123,860 a year, $59.55 an hour (OEWS, May 2025)",
        "$140,970 a year, $67.77 an hour",
        "597,080",
        "$73,390",
        "$224,340",
        "$107.86",
        "$205,620",
        "Largest employers",
        "General Medical and Surgical Hospitals",
        "$134,050",
        "Best-paying states",
        "New York",
        "$164,120",
        "Doubtful",
        "$160,000",
        "What moves pay",
        "Retirement plans",
    ],
    "outlook": [
        "Current projection (2023-2033)",
        "61,400",
        "160,600",
        "2014-24",
        "beside 7% for all occupations",
        "baby boomers",
        "Value-based care",
        "From an older edition",
    ],
    "education": [
        "Bachelor's degree",
        "Master of Health Administration (MHA)",
        "2 to 3 years",
        "bookkeeping, health, psychology and English",
        "also lists typing (keyboarding, today)",
        "Steps to enter the field",
        "1. Earn a degree",
    ],
    "licensure": [
        "Nursing home administrator license",
        "all states",
        "125 questions (100 scored, 25 unscored pretest) in 150 minutes",
        "75 questions (60 scored, 15 pretest) in 90 minutes",
        "HSE education pathway",
        "1,000-hour administrator-in-training program",
        "whose length varies by state",
        "State by state",
        "Assisted-living administrator license",
        "some states",
        "social worker",
    ],
    "certifications": [
        "CMPE",
        "Certified Medical Practice Executive",
        "CHFP",
        "CMM",
        "Certified Medical Manager",
        "PAHCOM",
        "CPHRM",
        "CPHIMS",
        "CPHQ",
        "FACHE",
        "CNHA",
        "CALA",
        "RHIA",
        "Every 3 years",
    ],
    "skills": ["Analytical skills", "Communication skills", "Detail orientation", "Compassion"],
    "interests": ["Helping", "Persuading", "Organizing", "Organized and detail-oriented"],
    "advancement": ["registered nurses", "Top executive posts usually require a master's degree."],
    "related": ["Financial Manager", "$74,000 to $159,000 a year", "City Manager", "Physician"],
    "resources": ["(AUPHA)", "(MGMA)", "(NAB)", "(CAHME)", "Medical Group Management Association"],
    "day": ["1. Morning", "incident reports", "no two days are alike"],
    "sources": [
        "Truity; career-profile page reproducing the BLS Occupational Outlook Handbook",
        "https://www.bls.gov/oes/2019/may/oes119111.htm",
        "Secondary sources",
        "Where the sources disagree",
        "Gives the wrong year",
    ],
}


def test_every_section_has_key_facts_listed() -> None:
    assert set(KEY_FACTS) == {s.name for s in SECTIONS}


@pytest.mark.parametrize("name", list(KEY_FACTS))
def test_section_shows_its_key_facts_and_sources(run, name: str) -> None:
    result = run(name)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    text = " ".join(result.stdout.split())  # wrapping must not hide a phrase
    for fact in KEY_FACTS[name]:
        assert " ".join(fact.split()) in text, fact
    if name != "sources":
        lines = result.stdout.splitlines()
        assert "Sources" in lines, "a section ends with its sources"
        after = lines[lines.index("Sources") + 1 :]
        assert after and all(line.startswith(("• ", "  ", "https://", "http://")) for line in after)


@pytest.mark.parametrize("name", list(KEY_FACTS))
def test_json_is_the_same_content_and_nothing_else(run, name: str) -> None:
    result = run(name, "--json")
    assert result.exit_code == 0
    payload = json.loads(result.stdout)
    assert payload["schema_version"] == 1
    (section,) = payload["sections"]
    assert section["name"] == name
    assert section["blocks"], "a section has content"
    cited = {s for block in section["blocks"] for s in _sources_in(block)}
    listed = [b for b in section["blocks"] if b["type"] == "sourcelist"]
    if name == "sources":
        kb = load(packaged_data_path())
        assert {e["id"] for block in listed for e in block["entries"]} == {s.id for s in kb.sources}
    else:
        assert {e["id"] for e in listed[0]["entries"]} == cited, "the Sources list is exactly what was cited"


def _sources_in(block: dict) -> set[str]:
    if block["type"] == "sourcelist":
        return set()
    found = set(block.get("sources", ()))
    for key in ("entries", "rows"):
        for item in block.get(key, ()):
            if isinstance(item, dict):
                found |= set(item.get("sources", ()))
    return found


def test_json_keeps_figures_numeric(run) -> None:
    payload = json.loads(run("pay", "--year", "2021", "--json").stdout)
    blocks = payload["sections"][0]["blocks"]
    bars = next(b for b in blocks if b["type"] == "bars")
    assert {"label": "Government", "value": 117000, "note": None} in bars["rows"]
    assert bars["kind"] == "money"
    current = json.loads(run("pay", "--json").stdout)["sections"][0]["blocks"]
    percentiles = next(b for b in current if b["type"] == "table" and b["caption"] == "Percentiles, May 2025")
    assert ["Median", 59.55, 123860] in percentiles["rows"]


def test_snapshot_card_without_a_command(run) -> None:
    result = run()
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("Medical and Health Services Managers (SOC 11-9111)\n")
    for fact in [
        "run the business side of healthcare",
        "$123,860 a year",
        "562,700 in 2023",
        "Bachelor's degree",
        "Go further",
        "hsm-guide pay",
        "hsm-guide sections",
        "Sources",
    ]:
        assert fact in out


def test_sections_lists_every_section(run) -> None:
    result = run("sections")
    assert result.exit_code == 0
    for section in SECTIONS:
        assert f"hsm-guide {section.name}" in result.stdout
        assert " ".join(section.help.split()[:3]) in " ".join(result.stdout.split())


def test_pay_for_one_year(run) -> None:
    result = run("pay", "--year", "2021")
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("Pay in 2021")
    assert "$101,340 a year (May 2021)" in out and "$60,780" in out and "$83,550" in out
    assert "$110,680" not in out and "May 2019" not in out


def test_pay_hourly_uses_given_hourly_figures_and_says_when_it_converts(run) -> None:
    out = " ".join(run("pay", "--hourly").stdout.split())
    assert "Pay, May 2025 (hourly)" in out
    assert "10th $35.29, median $59.55, 90th $107.86" in out  # BLS's own hourly percentiles, May 2025
    assert "divided by 2,080" not in out
    older = " ".join(run("pay", "--hourly", "--year", "2021").stdout.split())
    assert "Pay in 2021 (hourly)" in older
    assert "$57.43" in older  # May 2021 hospitals median: 119,450 / 2,080
    assert "divided by 2,080 hours" in older
    assert "$48.55" in " ".join(run("pay", "--hourly", "--year", "2019").stdout.split())  # as BLS gives it


def test_unknown_year_lists_the_years(run) -> None:
    result = run("pay", "--year", "1999")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "hsm-guide: no pay figures for 1999; years available: "
        "2010, 2015, 2016, 2019, 2020, 2021, 2022, 2023, 2024, 2025\n"
    )


@pytest.mark.parametrize(
    "query", ["CPHQ", "cphq", "certified professional in healthcare quality", "Healthcare Quality"]
)
def test_one_certification_by_code_or_name(run, query: str) -> None:
    result = run("certifications", query)
    assert result.exit_code == 0
    out = " ".join(result.stdout.split())
    assert out.startswith("CPHQ: Certified Professional in Healthcare Quality")
    assert "National Association for Healthcare Quality" in out and "30 continuing-education" in out


def test_unknown_certification_suggests_the_closest(run) -> None:
    result = run("certifications", "CPHX")
    assert result.exit_code == 2
    assert result.stderr.startswith("hsm-guide: unknown certification 'CPHX'; did you mean CPHQ")
    codes = [c.code for c in load(packaged_data_path()).certifications.credentials]
    assert len(codes) > 10 and f"(known: {', '.join(codes)})" in result.stderr  # every one, in the data's order
    assert len(result.stderr.splitlines()) == 1


def test_unknown_command_suggests_one(run) -> None:
    result = run("dutis")
    assert result.exit_code == 2
    assert "'dutis'" in result.stderr and "Did you mean 'duties'?" in result.stderr


def test_every_command_has_help_and_an_example(run) -> None:
    for name in [s.name for s in SECTIONS] + ["sections", "export", "validate"]:
        result = run(name, "-h")
        assert result.exit_code == 0
        assert f"hsm-guide {name}" in result.stdout.splitlines()[0]
        assert "Example: hsm-guide" in result.stdout


def test_version(run) -> None:
    from hsm_guide import __version__

    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout == f"hsm-guide {__version__}\n"


def test_pager_option_shows_the_section(run, monkeypatch) -> None:
    monkeypatch.setenv("PAGER", "cat")
    result = run("day", "--pager")
    assert result.exit_code == 0
    assert "incident reports" in result.stdout


def test_an_unexpected_error_is_one_line_not_a_traceback(run, monkeypatch) -> None:
    def broken(path, env=None):
        raise RuntimeError("something unforeseen")

    monkeypatch.setattr("hsm_guide.cache.knowledge.load_cached", broken)
    result = run("duties")
    assert result.exit_code == 1
    assert result.stderr == (
        "hsm-guide: internal error: RuntimeError: something unforeseen (set HSM_GUIDE_DEBUG=1 to see the traceback)\n"
    )
    monkeypatch.setenv("HSM_GUIDE_DEBUG", "1")
    with pytest.raises(RuntimeError):
        run("duties")
