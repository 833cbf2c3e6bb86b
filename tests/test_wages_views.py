"""The May 2025 pay views, checked against the shipped extract's own rows.

Each expected figure is read from data/wages/oews-wages.csv by the test (not
copied from the program's output), then looked for in what the command prints.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.usefixtures("warm_cache")  # pages here are read, not the cache (conftest.py)

DATA = Path(__file__).resolve().parents[1] / "data"
ROWS = list(csv.DictReader((DATA / "wages" / "oews-wages.csv").open(encoding="utf-8")))


def row(area: str, soc: str = "11-9111", industry: str = "000000") -> dict[str, str]:
    return next(r for r in ROWS if r["soc"] == soc and r["area"] == area and r["industry"] == industry)


def money(value: str) -> str:
    return f"${float(value):,.0f}"


# BLS's top-coding bound, from the release's own footnote 5 as the import recorded it.
BOUND = json.loads((DATA / "wages" / "oews-release.json").read_text(encoding="utf-8"))["top_coded"]


def wage(value: str) -> str:
    """A yearly wage as BLS means it: a figure at or above the bound is the bound 'or more'."""
    return f"${BOUND['annual']:,.0f} or more" if float(value) >= BOUND["annual"] else money(value)


def flat(text: str) -> str:
    return " ".join(text.split())


NATION = row("0000000")


@pytest.mark.parametrize(
    ("query", "area", "title"),
    [
        ("OH", "3900000", "Pay in Ohio, May 2025"),  # a student in Ohio
        ("ohio", "3900000", "Pay in Ohio, May 2025"),
        ("boston", "0014460", "Pay in Boston-Cambridge-Newton, MA-NH, May 2025"),  # a nurse in Boston
        ("PR", "7200000", "Pay in Puerto Rico, May 2025"),  # a counselor in Puerto Rico
        ("District of Columbia", "1100000", "Pay in District of Columbia, May 2025"),
        ("boise", "0014260", "Pay in Boise City, ID, May 2025"),
        ("TX", "4800000", "Pay in Texas, May 2025"),
    ],
)
def test_area_pay_shows_the_areas_own_row(run, query: str, area: str, title: str) -> None:
    result = run("pay", "--area", query)
    assert result.exit_code == 0, result.stderr
    out = flat(result.stdout)
    r = row(area)
    assert out.startswith(title)
    assert f"Median pay {money(r['annual_median'])} a year, ${float(r['hourly_median']):.2f} an hour" in out
    assert f"Mean pay {money(r['annual_mean'])} a year" in out
    assert f"Jobs {float(r['employment']):,.0f}" in out
    assert f"10th {money(r['annual_p10'])}, median {money(r['annual_median'])}, 90th {wage(r['annual_p90'])}" in out
    # the national band beside it, for comparison
    assert f"10th {money(NATION['annual_p10'])}, median {money(NATION['annual_median'])}" in out
    assert f"Location quotient {float(r['location_quotient']):g}" in out
    assert "Occupational Employment and Wage Statistics, May 2025" in out  # cited


def test_area_pay_says_how_it_compares_with_the_nation(run) -> None:
    ohio = row("3900000")
    diff = float(NATION["annual_median"]) - float(ohio["annual_median"])
    out = flat(run("pay", "--area", "OH").stdout)
    assert f"Against the nation ${diff:,.0f} ({diff / float(NATION['annual_median']):.0%}) below" in out
    assert "times as concentrated here as nationally" in out


def test_a_rough_estimate_is_flagged(run) -> None:
    rough = next(
        r
        for r in ROWS
        if r["soc"] == "11-9111"
        and r["kind"] == "metro"
        and r["employment_rse"] not in ("", "-")
        and float(r["employment_rse"]) >= 25
    )
    out = flat(run("pay", "--area", rough["area"]).stdout)
    assert f"the job count's relative standard error is {float(rough['employment_rse']):g}%" in out


def test_hourly_area_pay(run) -> None:
    ohio = row("3900000")
    out = flat(run("pay", "--area", "oh", "--hourly").stdout)
    assert "(hourly)" in out
    assert f"median ${float(ohio['hourly_median']):.2f}" in out


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("zzyzx", "no area matches 'zzyzx'"),
        ("portland oregn", "did you mean"),
        ("", "no area given"),
        ("x" * 10_000, "too long"),
    ],
)
def test_area_problems_exit_2_with_one_line(run, query: str, message: str) -> None:
    result = run("pay", "--area", query)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert message in result.stderr and result.stderr.count("\n") == 1
    assert len(result.stderr) < 700


def test_area_figures_in_json_are_numbers(run) -> None:
    payload = json.loads(run("pay", "--area", "OH", "--json").stdout)
    blocks = payload["sections"][0]["blocks"]
    table = next(b for b in blocks if b["type"] == "table" and b["caption"] == "Percentiles, May 2025")
    ohio = row("3900000")
    assert ["Median", float(ohio["hourly_median"]), float(ohio["annual_median"]), 59.55, 123860] in table["rows"]


# -- every state, the map, the metros ------------------------------------------------


def test_states_ranks_every_state_dc_and_pr_by_median(run) -> None:
    out = run("pay", "--states").stdout
    states = [r for r in ROWS if r["soc"] == "11-9111" and r["kind"] == "state"]
    assert len(states) >= 52
    ranked = sorted(states, key=lambda r: -float(r["annual_median"]))
    lines = [line for line in out.splitlines() if any(line.startswith(r["name"] + " ") for r in states)]
    names = [next(r["name"] for r in states if line.startswith(r["name"] + " ")) for line in lines]
    # "Virginia" is a prefix of "Virgin Islands"' row name only the other way round; keep the longest match
    assert names[0] == ranked[0]["name"] == "New York"
    top = ranked[0]
    assert f"{top['name']}" in out and money(top["annual_median"]) in out
    for code in ("OH", "TX", "NY", "DC", "PR", "CA", "HI", "AK"):
        assert code in out  # a tile on the map


@pytest.mark.parametrize("width", [40, 80])
@pytest.mark.parametrize("mode", ["plain", "color", "ascii"])
def test_the_map_fits_the_terminal(width: int, mode: str) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "COLUMNS": str(width), "HSM_GUIDE_NO_CACHE": "1"}
    env.pop("NO_COLOR", None)
    if mode == "plain":
        env["NO_COLOR"] = "1"
    if mode == "color":
        env["FORCE_COLOR"] = "1"
        env["COLORTERM"] = "truecolor"
    if mode == "ascii":
        env["NO_COLOR"] = "1"
        env["PYTHONIOENCODING"] = "ascii"
    out = subprocess.run(
        [sys.executable, "-m", "hsm_guide", "pay", "--states"], env=env, capture_output=True, check=True
    ).stdout.decode("utf-8")
    import re

    plain = re.sub(r"\x1b\[[0-9;]*m|\x1b\]8;[^\x1b]*\x1b\\", "", out)  # colors and OSC 8 links
    assert all(len(line) <= width for line in plain.splitlines() if not line.startswith("http"))
    map_part = plain.split("States ranked by median")[0]
    for code in ("OH", "ME", "AK", "HI", "FL", "WA", "DC", "PR"):
        assert code in map_part
    assert "1 of 5 (lowest)" in map_part and "5 of 5 (highest)" in map_part
    assert ("\x1b[" in out) == (mode == "color")
    if mode == "ascii":
        assert out.isascii()


def test_metros_best_and_worst(run) -> None:
    metros = [r for r in ROWS if r["soc"] == "11-9111" and r["kind"] == "metro" and r["annual_median"] != "-"]
    best = max(metros, key=lambda r: float(r["annual_median"]))
    worst = min(metros, key=lambda r: float(r["annual_median"]))
    out = flat(run("pay", "--metros").stdout)
    assert "Best-paying metro areas" in out and "Lowest-paying metro areas" in out
    assert best["name"] in out and money(best["annual_median"]) in out
    assert worst["name"] in out and money(worst["annual_median"]) in out


def test_metros_of_one_state_include_the_metros_that_reach_into_it(run) -> None:
    out = flat(run("pay", "--metros", "--area", "NH").stdout)
    assert out.startswith("Pay by area in New Hampshire, May 2025")
    assert "Boston-Cambridge-Newton, MA-NH" in out  # listed in MA, reaches NH
    assert "Manchester-Nashua, NH" in out
    assert "nonmetropolitan area" in out
    assert "Albany" not in out


def test_metros_area_must_be_a_state(run) -> None:
    result = run("pay", "--metros", "--area", "boston")
    assert result.exit_code == 2 and "takes a state" in result.stderr


# -- industries, salary, history ---------------------------------------------------


def test_industry_view_lists_the_largest_employers_and_the_best_paying(run) -> None:
    hospitals = row("0000000", industry="622100")
    out = flat(run("pay", "--industry").stdout)
    assert "General Medical and Surgical Hospitals" in out
    assert f"{float(hospitals['employment']):,.0f}" in out and money(hospitals["annual_median"]) in out
    assert "Best-paying industries" in out and "at least 1,000" in out
    assert "Hospitals, Privately Owned" not in out  # an ownership variant that overlaps its industry


def test_salary_in_an_area_and_nationally(run) -> None:
    boston = row("0014460")
    out = flat(run("pay", "--salary", "120000", "--area", "boston").stdout)
    assert out.startswith("Where a $120,000 offer stands in Boston-Cambridge-Newton, MA-NH (May 2025)")
    assert "percentile here" in out and "percentile nationally" in out
    diff = float(boston["annual_median"]) - 120000
    assert f"Against the median here ${diff:,.0f} ({diff / float(boston['annual_median']):.0%}) below it" in out
    assert "▲ $120,000" in out


def test_salary_area_and_an_older_year_do_not_mix(run) -> None:
    result = run("pay", "--salary", "90000", "--area", "OH", "--year", "2022")
    assert result.exit_code == 2 and "leave out --year" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["--states", "--industry"],
        ["--area", "OH", "--states"],
        ["--area", "OH", "--year", "2022"],
        ["--history", "--metros"],
    ],
)
def test_views_that_do_not_combine_say_so(run, args: list[str]) -> None:
    result = run("pay", *args)
    assert result.exit_code == 2 and result.stdout == "" and result.stderr.startswith("hsm-guide: ")


# -- the related occupations and the one a reader comes from ------------------------


def test_related_shows_each_occupations_pay_beside_this_one(run, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # a row on one line: "$239,200 or more" is wider than a figure
    out = flat(run("related").stdout)
    for soc in ("11-9111", "11-3031", "11-9151", "11-3021"):
        r = row("0000000", soc)
        assert f"{soc} {money(r['annual_median'])} {money(r['annual_p10'])} {wage(r['annual_p90'])}" in out
    assert "Financial Managers" in out


def test_related_in_one_state(run) -> None:
    out = flat(run("related", "--area", "TX").stdout)
    assert "Pay side by side, Texas, May 2025" in out
    r = row("4800000", "11-3031")
    assert money(r["annual_median"]) in out


def test_path_for_a_nurse_shows_nurses_pay_beside_managers(run) -> None:
    out = flat(run("path", "--from", "nurse").stdout)
    nurses = row("0000000", "29-1141")
    assert "Pay now and as a manager, United States, May 2025" in out
    assert f"Registered Nurses 29-1141 {money(nurses['annual_median'])}" in out
    assert money(NATION["annual_median"]) in out


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("hsm-guide pay --area Bos", "Boston-Cambridge-Newton,"),
        ("hsm-guide pay --area O", "OH"),
        ("hsm-guide related --area New", "New Hampshire"),
    ],
)
def test_area_completion_offers_codes_states_and_metros(words: str, expected: str) -> None:
    from tests.test_features import complete

    assert expected in complete(words) or expected in " ".join(complete(words))


def test_footnoted_figures_read_as_bls_says_never_as_zero(run, tmp_path: Path) -> None:
    """A '-' with footnote 8 reads "not released"; with footnote 5, the top-coding bound "or more"."""
    import shutil

    kb = tmp_path / "occupation.yaml"
    shutil.copyfile(DATA / "occupation.yaml", kb)
    shutil.copytree(DATA / "wages", tmp_path / "wages")
    table = tmp_path / "wages" / "oews-wages.csv"
    rows = list(csv.DictReader(table.open(encoding="utf-8")))
    ohio = next(r for r in rows if r["soc"] == "11-9111" and r["area"] == "3900000")
    ohio |= {"annual_median": "-", "hourly_median": "-", "annual_p90": "-", "hourly_p90": "-"}
    ohio["notes"] = "hourly_median=8;hourly_p90=5;annual_median=8;annual_p90=5"
    with table.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    result = run("--data", str(kb), "pay", "--area", "OH")
    assert result.exit_code == 0, result.stderr
    out = flat(result.stdout)
    assert "Median pay not released Mean pay" in out
    assert "Median Here, an hour: not released Here, a year: not released" in out  # the percentile table
    assert "90th Here, an hour: $115.00 or more Here, a year: $239,200 or more" in out
    assert "BLS: Estimate not released." in out
    assert "BLS: This wage is equal to or greater than $115.00 per hour or $239,200 per year." in out
    assert "$0 " not in out
    # ranked with the states that have a median, after them
    states = flat(run("--data", str(kb), "pay", "--states").stdout)
    assert "Ohio not released" in states


def test_a_past_year_is_history_when_the_wage_release_is_newer(run) -> None:
    """May 2023 was the handbook's newest pay; with the May 2025 release beside it, no edition is 'current'."""
    result = run("pay", "--year", "2023")
    assert result.exit_code == 0, result.stderr
    assert "(current)" not in result.stdout
    assert "until BLS publishes its own" not in result.stdout
    assert "$110,680" in result.stdout


def test_the_settings_and_related_key_points_come_from_the_release(run) -> None:
    """The largest employer and the related careers' range are computed from the May 2025 extract,
    not the 2021 figures the sources quoted."""
    from hsm_guide.knowledge import load, packaged_data_path
    from hsm_guide.sections.routes import related_socs
    from hsm_guide.wages.lookup import wage_data

    kb = load(packaged_data_path())
    data = wage_data(kb)
    top = max(data.industries(), key=lambda r: r.employment or 0)
    settings = " ".join(run("settings", "--brief").stdout.split())
    assert top.industry_name.lower() in settings and data.label in settings
    assert f"{top.employment / data.national().employment:.0%}" in settings
    medians = [r for s in related_socs(kb) if (r := data.row("0000000", s)) and r.annual_median]
    related = " ".join(run("related", "--brief").stdout.split())
    for row in (min(medians, key=lambda r: r.annual_median), max(medians, key=lambda r: r.annual_median)):
        assert data.text(row, "annual_median") in related and data.occupation_name(row.soc) in related
    assert "May 2021" not in related


def test_a_wage_at_or_above_the_top_coding_bound_reads_as_bls_means_it(run, monkeypatch) -> None:
    """BLS's footnote 5: a wage at or above $239,200 a year ($115.00 an hour) is that or more. The extract
    publishes Boston's 90th percentile above the bound; the guide never shows it as an exact figure."""
    boston = row("0014460")
    assert float(boston["annual_p90"]) >= BOUND["annual"] and float(boston["hourly_p90"]) >= BOUND["hourly"]
    monkeypatch.setenv("COLUMNS", "120")  # the percentile table as a table
    out = flat(run("pay", "--area", "boston").stdout)
    assert "90th $239,200 or more" in out  # the band's end
    assert "90th $115.00 or more $239,200 or more" in out  # the percentile table, hourly then yearly
    assert money(boston["annual_p90"]) not in out
    assert "BLS: This wage is equal to or greater than $115.00 per hour or $239,200 per year." in out
    payload = json.loads(run("pay", "--area", "boston", "--json").stdout)
    table = next(b for b in payload["sections"][0]["blocks"] if b["type"] == "table")
    assert table["rows"][-1][:3] == ["90th", "$115.00 or more", "$239,200 or more"]
