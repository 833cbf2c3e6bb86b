"""The rules the pay views state, each tested where it would break.

Expected values come from the release's own figures (data/wages/oews-wages.csv, read here), the
definition of a percentile (a figure at a published point sits at that point; between two points,
on the straight line joining them, as the guide says it places them) or a hand-worked example;
never from the program's own output.
"""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from .test_wages_views import BOUND, DATA, ROWS, flat, row

pytestmark = pytest.mark.usefixtures("warm_cache")  # pages here are read, not the cache (conftest.py)

NATION = row("0000000")
POINTS = (10, 25, 50, 75, 90)
KEYS = {10: "annual_p10", 25: "annual_p25", 50: "annual_median", 75: "annual_p75", 90: "annual_p90"}


def national(rank: int) -> float:
    return float(NATION[KEYS[rank]])


def on_the_line(rank: float) -> float:
    """The national figure at `rank`, on the straight line between the two published points around it."""
    low = max(p for p in POINTS if p <= rank)
    high = min(p for p in POINTS if p >= rank)
    if low == high:
        return national(low)
    return national(low) + (rank - low) / (high - low) * (national(high) - national(low))


def standing(run: Callable[..., object], offer: float) -> str:
    """The sentence that places an offer nationally: '$95,000 a year, ... : about the 25th percentile nationally.'"""
    result = run("pay", "--salary", f"{offer:.2f}")
    assert result.exit_code == 0, result.stderr  # type: ignore[attr-defined]
    out = flat(result.stdout)  # type: ignore[attr-defined]
    return out.split(" an hour: ", 1)[1].split(".", 1)[0]


def edited_extract(tmp_path: Path, edits: dict[tuple[str, str], dict[str, str]]) -> Path:
    """A copy of the shipped data with some wage rows changed ({(area, industry): {column: value}})."""
    kb = tmp_path / "occupation.yaml"
    shutil.copyfile(DATA / "occupation.yaml", kb)
    shutil.copytree(DATA / "wages", tmp_path / "wages")
    table = tmp_path / "wages" / "oews-wages.csv"
    rows = list(csv.DictReader(table.open(encoding="utf-8")))
    for r in rows:
        if r["soc"] == "11-9111":
            r.update(edits.get((r["area"], r["industry"]), {}))
    with table.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return kb


def area_with(column: str, value: str) -> dict[str, str]:
    return next(r for r in ROWS if r["soc"] == "11-9111" and r["industry"] == "000000" and r[column] == value)


# -- the location quotient: 0.95 to 1.05 is "about the same" -------------------------------


@pytest.mark.parametrize(
    ("lq", "sentence"),
    [
        ("0.94", "Location quotient 0.94: these jobs are 0.94 times as concentrated here as nationally (less common)."),
        ("0.95", "Location quotient 0.95: these jobs are about as concentrated here as nationally."),
        ("1.05", "Location quotient 1.05: these jobs are about as concentrated here as nationally."),
        ("1.06", "Location quotient 1.06: these jobs are 1.06 times as concentrated here as nationally (more common)."),
    ],
)
def test_a_location_quotient_from_095_to_105_reads_about_the_same(run, lq: str, sentence: str) -> None:
    area = area_with("location_quotient", lq)
    out = flat(run("pay", "--area", area["area"]).stdout)
    assert sentence in out


# -- a rough estimate: the job count's RSE at 25% or more, the mean wage's at 10% or more ----------


def test_an_estimate_is_rough_from_the_threshold_up(run, tmp_path: Path) -> None:
    kb = edited_extract(
        tmp_path,
        {
            ("3900000", "000000"): {"employment_rse": "25.0", "wage_rse": "9.9"},  # Ohio: the count at the line
            ("4800000", "000000"): {"employment_rse": "24.9", "wage_rse": "10.0"},  # Texas: the wage at the line
            ("0600000", "000000"): {"employment_rse": "24.9", "wage_rse": "9.9"},  # California: just under both
            ("3600000", "000000"): {"employment_rse": "30.0", "wage_rse": "12.5"},  # New York: both over
        },
    )
    ohio = flat(run("--data", str(kb), "pay", "--area", "OH").stdout)
    assert (
        "Treat these figures as rough: the job count's relative standard error is 25% "
        "(BLS's measure of sampling precision)." in ohio
    )
    texas = flat(run("--data", str(kb), "pay", "--area", "TX").stdout)
    assert (
        "Treat these figures as rough: the mean wage's relative standard error is 10% "
        "(BLS's measure of sampling precision)." in texas
    )
    assert "Treat these figures as rough" not in flat(run("--data", str(kb), "pay", "--area", "CA").stdout)
    new_york = flat(run("--data", str(kb), "pay", "--area", "NY").stdout)
    assert (
        "Treat these figures as rough: the job count's relative standard error is 30% and the mean wage's "
        "relative standard error is 12.5% (BLS's measure of sampling precision)." in new_york
    )


def test_jobs_per_thousand_are_said_per_thousand(run) -> None:
    ohio = row("3900000")
    out = flat(run("pay", "--area", "OH").stdout)
    assert f"{float(ohio['jobs_per_1000']):g} of every 1,000 jobs here are in this occupation." in out


def test_blss_footnotes_are_given_in_their_own_order(run, tmp_path: Path) -> None:
    """Footnote 5 (a top-coded wage) before footnote 8 (not released), whatever order the row names them in."""
    kb = edited_extract(
        tmp_path,
        {
            ("3900000", "000000"): {
                "annual_median": "-",
                "hourly_median": "-",
                "annual_p90": "-",
                "hourly_p90": "-",
                "notes": "hourly_median=8;hourly_p90=5;annual_median=8;annual_p90=5",
            }
        },
    )
    out = flat(run("--data", str(kb), "pay", "--area", "OH").stdout)
    five, eight = out.find("BLS: This wage is equal to or greater than"), out.find("BLS: Estimate not released.")
    assert 0 <= five < eight


# -- where an offer stands ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rank", "words"),
    [
        (10, "about the 10th percentile"),
        (25, "about the 25th percentile"),
        (50, "at the median"),
        (75, "about the 75th percentile"),
        (90, "about the 90th percentile"),
    ],
)
def test_an_offer_exactly_on_a_published_percentile_is_placed_there(run, rank: int, words: str) -> None:
    assert standing(run, national(rank)) == f"{words} nationally"


def test_an_offer_outside_the_published_points_says_which_end(run) -> None:
    assert standing(run, national(10) - 1) == "below the 10th percentile nationally"
    assert standing(run, national(90) + 1) == "above the 90th percentile nationally"


@pytest.mark.parametrize(
    ("rank", "words"),
    [
        (49.4, "about the 49th percentile"),
        (49.6, "at the median"),  # rounds to the 50th: the median
        (50.4, "at the median"),
        (50.6, "about the 51st percentile"),
    ],
)
def test_at_the_median_is_a_rank_that_rounds_to_50(run, rank: float, words: str) -> None:
    assert standing(run, on_the_line(rank)) == f"{words} nationally"


@pytest.mark.parametrize(
    ("rank", "ordinal"),
    [(11, "11th"), (12, "12th"), (13, "13th"), (21, "21st"), (22, "22nd"), (23, "23rd"), (33, "33rd"), (61, "61st")],
)
def test_a_rank_is_said_with_its_ordinal_suffix(run, rank: int, ordinal: str) -> None:
    """Placed on the straight line between the published points: 21 is 11/15 of the way from the 10th to the 25th."""
    assert standing(run, on_the_line(rank)) == f"about the {ordinal} percentile nationally"


@pytest.mark.parametrize(
    ("offset", "words"), [(0, "the same as it"), (1, "$1 (0%) above it"), (-3, "$3 (0%) below it")]
)
def test_an_offer_against_the_median_says_by_how_much(run, offset: int, words: str) -> None:
    out = flat(run("pay", "--salary", str(int(national(50)) + offset)).stdout)
    assert f"Against the median nationally {words}" in out


def test_an_hourly_offer_is_placed_as_2080_hours_a_year(run) -> None:
    """BLS's full-time year is 2,080 hours: $50 an hour is $104,000 a year."""
    out = flat(run("pay", "--salary", "50", "--hourly").stdout)
    assert out.startswith("Where a $104,000 offer stands in the United States")
    assert "$104,000 a year, $50.00 an hour:" in out


def test_an_offer_is_read_as_people_write_it_and_refused_when_it_is_none(run) -> None:
    assert "Where a $95,000 offer stands" in run("pay", "--salary", "95k").stdout
    assert run("pay", "--salary", "2000", "--hourly").exit_code == 0  # high, but an hourly rate some earn
    zero = run("pay", "--salary", "0")
    assert zero.exit_code == 2 and "a salary must be a positive amount" in zero.stderr
    small = run("pay", "--salary", "500")
    assert small.exit_code == 2 and "$500 a year looks like an hourly rate" in small.stderr


def test_without_a_wage_release_an_offer_is_placed_in_the_latest_year_with_percentiles(run, kb_copy: Path) -> None:
    data = yaml.safe_load(kb_copy.read_text(encoding="utf-8"))
    latest = max(s["year"] for s in data["pay"]["percentiles"] if s["basis"] == "annual")
    medians = max(t["year"] for t in data["pay"]["by_industry"] if t["statistic"] == "median")
    out = flat(run("--data", str(kb_copy), "pay", "--salary", "95000").stdout)
    assert out.startswith(f"Where a $95,000 offer stands (May {latest})")
    assert f"Median by industry, May {medians}" in out


# -- rankings: highest first, the largest employers by jobs ------------------------------------------


def first_names(run: Callable[..., object], *args: str, after: str) -> list[str]:
    """The first column of the table or chart that follows the heading `after`, from the JSON output."""
    result = run(*args, "--json")
    blocks = json.loads(result.stdout)["sections"][0]["blocks"]  # type: ignore[attr-defined]
    at = next(i for i, b in enumerate(blocks) if b["type"] == "heading" and b["text"] == after)
    block = next(b for b in blocks[at + 1 :] if b["type"] in ("table", "bars"))
    return [r["label"] for r in block["rows"]] if block["type"] == "bars" else [r[0] for r in block["rows"]]


def test_states_are_ranked_by_median_highest_first_unreleased_last(run, tmp_path: Path) -> None:
    kb = edited_extract(tmp_path, {("3900000", "000000"): {"annual_median": "-", "notes": "annual_median=8"}})
    states = [r for r in ROWS if r["soc"] == "11-9111" and r["kind"] == "state" and r["industry"] == "000000"]
    released = sorted((r for r in states if r["area"] != "3900000"), key=lambda r: -float(r["annual_median"]))
    ranked = first_names(run, "--data", str(kb), "pay", "--states", after="States ranked by median")
    assert ranked == [*(r["name"] for r in released), "Ohio"]


def test_the_metros_are_the_ten_best_and_the_ten_lowest_paid_lowest_first(run) -> None:
    metros = [r for r in ROWS if r["soc"] == "11-9111" and r["kind"] in ("metro", "nonmetro")]
    by_median = sorted(
        (r for r in metros if r["annual_median"] not in ("", "-")), key=lambda r: -float(r["annual_median"])
    )
    names = [r["name"] for r in by_median]
    assert first_names(run, "pay", "--metros", after="Best-paying metro areas") == names[:10]
    assert first_names(run, "pay", "--metros", after="Lowest-paying metro areas") == names[::-1][:10]


def jobs(r: dict[str, str]) -> float:
    """The job count, 0 where BLS released none."""
    return float(r["employment"]) if r["employment"] not in ("", "-") else 0.0


def industries() -> list[dict[str, str]]:
    """The national industry rows that partition employment (4-digit NAICS codes and the government designations)."""
    return [
        r
        for r in ROWS
        if r["soc"] == "11-9111"
        and r["area"] == "0000000"
        and r["industry_level"] == "4"
        and r["industry"].endswith("00")
        and r["industry"] != "000000"
    ]


def test_the_largest_employers_are_listed_by_jobs_most_first(run) -> None:
    names = [r["industry_name"] for r in sorted(industries(), key=lambda r: -jobs(r))]
    assert first_names(run, "pay", "--industry", after="Largest employers") == names[:10]
    assert first_names(run, "pay", after="Largest employers") == names[:5]


def test_the_best_paying_industries_need_1000_jobs(run, tmp_path: Path) -> None:
    """Ranked highest median first among the industries with at least 1,000 of these jobs: exactly 1,000
    is enough, 999 is not. (The edited medians stay under BLS's top-coding bound, where a median is
    no longer a figure to rank by, and over every industry's own.)"""
    small = sorted((r for r in industries() if jobs(r) > 0), key=jobs)[:2]
    top = BOUND["annual"]
    kb = edited_extract(
        tmp_path,
        {
            ("0000000", small[0]["industry"]): {"employment": "1000", "annual_median": f"{top - 1000:.0f}"},
            ("0000000", small[1]["industry"]): {"employment": "999", "annual_median": f"{top - 500:.0f}"},
        },
    )
    sized = [r for r in industries() if r not in small and jobs(r) >= 1000 and r["annual_median"] not in ("", "-")]
    names = [r["industry_name"] for r in sorted(sized, key=lambda r: -float(r["annual_median"]))]
    ranked = first_names(run, "--data", str(kb), "pay", "--industry", after="Best-paying industries")
    assert ranked == [small[0]["industry_name"], *names[:9]]


def test_the_best_paying_states_are_the_top_five(run) -> None:
    states = [r for r in ROWS if r["soc"] == "11-9111" and r["kind"] == "state" and r["industry"] == "000000"]
    names = [r["name"] for r in sorted(states, key=lambda r: -float(r["annual_median"]))]
    assert first_names(run, "pay", after="Best-paying states") == names[:5]


# -- an offer against the knowledge base's own percentiles (no wage release beside it) ----------------


def _kb(kb_copy: Path) -> dict:  # type: ignore[type-arg]
    return yaml.safe_load(kb_copy.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _latest_set(kb_copy: Path) -> dict[str, float]:
    sets = [s for s in _kb(kb_copy)["pay"]["percentiles"] if s["basis"] == "annual" and s.get("p25")]
    return max(sets, key=lambda s: s["year"])  # type: ignore[no-any-return]


def test_an_offer_outside_the_knowledge_bases_points_names_its_tenth(run, kb_copy: Path) -> None:
    """Below the 10th percentile is the lowest-paid tenth, above the 90th the best-paid tenth."""
    s = _latest_set(kb_copy)
    low = flat(run("--data", str(kb_copy), "pay", "--salary", str(s["p10"] - 1000)).stdout)
    assert f"below the 10th percentile (${s['p10']:,}): among the lowest-paid tenth" in low
    high = flat(run("--data", str(kb_copy), "pay", "--salary", str(s["p90"] + 1000)).stdout)
    assert f"above the 90th percentile (${s['p90']:,}): among the best-paid tenth" in high


def test_the_share_of_managers_an_offer_beats_is_a_whole_percent(run, kb_copy: Path) -> None:
    """An offer 45% of the way from the 25th percentile to the median sits, on the straight line, at
    25 + 0.45 x 25 = 36.25: about the 36th, more than about 36% of managers."""
    s = _latest_set(kb_copy)
    offer = s["p25"] + 0.45 * (s["median"] - s["p25"])
    out = flat(run("--data", str(kb_copy), "pay", "--salary", f"{offer:.2f}").stdout)
    assert "about the 36th: you would earn more than about 36% of managers" in out


def test_an_offer_is_set_beside_the_latest_industry_medians(run, kb_copy: Path) -> None:
    """With an older table of industry medians added (May 2015), the offer is compared with the newer one."""
    text = kb_copy.read_text(encoding="utf-8")
    older = (
        "  by_industry:\n"
        "    - year: 2015\n"
        "      statistic: median\n"
        '      rows: [{industry: "Older table", annual: 90000}]\n'
        "      sources: [seed-002]\n"
    )
    assert text.count("  by_industry:\n") == 1
    kb_copy.write_text(text.replace("  by_industry:\n", older), encoding="utf-8")
    newest = max(t["year"] for t in _kb(kb_copy)["pay"]["by_industry"] if t["statistic"] == "median")
    out = flat(run("--data", str(kb_copy), "pay", "--salary", "95000").stdout)
    assert f"Median by industry, May {newest}" in out and "Older table" not in out


def _blocks(run: Callable[..., object], *args: str) -> list[dict]:  # type: ignore[type-arg]
    return json.loads(run(*args, "--json").stdout)["sections"][0]["blocks"]  # type: ignore[attr-defined, no-any-return]


def test_only_a_later_edition_is_said_to_wait_for_bls(run, kb_copy: Path) -> None:
    """The note 'a ... source gives $X for May Y' is for editions after the current one, never the current."""
    facts = _kb(kb_copy)["quick_facts"]
    later = [e["pay_year"] for e in facts["editions"] if e["pay_year"] > facts["current_edition"]]
    notes = [b["text"] for b in _blocks(run, "--data", str(kb_copy), "pay") if b["type"] == "note"]
    said = [n for n in notes if " source gives $" in n]
    assert later and len(said) == len(later) and all(f"for May {y};" in n for y, n in zip(later, said, strict=True))


def test_the_current_edition_is_marked_in_the_editions_table(run, kb_copy: Path) -> None:
    facts = _kb(kb_copy)["quick_facts"]
    blocks = _blocks(run, "--data", str(kb_copy), "pay")
    at = next(i for i, b in enumerate(blocks) if b["type"] == "heading" and b["text"] == "Median pay by edition")
    years = [r[0] for r in next(b for b in blocks[at:] if b["type"] == "table")["rows"]]
    assert [y for y in years if y.endswith(" (current)")] == [f"May {facts['current_edition']} (current)"]


def test_a_band_from_a_secondary_source_is_marked(run, kb_copy: Path) -> None:
    """May 2022's percentiles come from a secondary source only, May 2019's from BLS: the bands say so."""
    data = _kb(kb_copy)
    grades = {s["id"]: s.get("grade") for s in data["sources"]}
    sets = {s["year"]: s["sources"] for s in data["pay"]["percentiles"] if s["basis"] == "annual"}
    assert {grades[i] for i in sets[2022]} == {"secondary"} and {grades[i] for i in sets[2019]} == {"primary"}
    blocks = _blocks(run, "--data", str(kb_copy), "pay")
    labels = [r["label"] for r in next(b for b in blocks if b["type"] == "bands")["rows"]]
    assert "May 2022 (secondary)" in labels and "May 2019" in labels


def test_an_hourly_view_says_an_hour(run) -> None:
    (bars,) = [b for b in _blocks(run, "pay", "--industry", "--hourly") if b["type"] == "bars"]
    assert bars["headings"][2] == "Median, an hour" and "median an hour" in bars["caption"]


def test_the_metro_list_is_offered_on_a_states_page_only(run) -> None:
    hint = "Metro and nonmetro areas in"
    assert hint in flat(run("pay", "--area", "OH").stdout)
    metro = run("pay", "--area", "Abilene, TX")
    assert metro.exit_code == 0 and "Abilene" in metro.stdout and hint not in flat(metro.stdout)


@pytest.mark.parametrize(
    ("annual", "hourly", "shown"),
    [
        ("239200", "115.00", ["$115.00 or more", "$239,200 or more"]),  # exactly at the bound: that or more
        ("239199", "114.99", [114.99, 239199]),  # a dollar (a cent) under it: the exact figures
    ],
    ids=["at-the-bound", "just-under"],
)
def test_a_wage_exactly_at_the_top_coding_bound_is_that_or_more(
    run, tmp_path: Path, annual: str, hourly: str, shown: list[object]
) -> None:
    """BLS's footnote 5 reads 'equal to or greater than $115.00 per hour or $239,200 per year': a 90th
    percentile published at the bound itself is not an exact figure, and one just under it is."""
    kb = edited_extract(tmp_path, {("3900000", "000000"): {"annual_p90": annual, "hourly_p90": hourly}})
    blocks = json.loads(run("--data", str(kb), "pay", "--area", "OH", "--json").stdout)["sections"][0]["blocks"]
    table = next(b for b in blocks if b["type"] == "table")
    assert table["rows"][-1][:3] == ["90th", *shown]  # Ohio's hourly, then yearly


def test_a_blank_cell_without_a_footnote_gives_no_reason(run, tmp_path: Path) -> None:
    """'not published' is BLS's reason only where a footnote gives one; an empty cell without a note is
    left empty, never given a reason the release does not state."""
    kb = edited_extract(tmp_path, {("3900000", "000000"): {"annual_p90": "", "hourly_p90": ""}})
    blocks = json.loads(run("--data", str(kb), "pay", "--area", "OH", "--json").stdout)["sections"][0]["blocks"]
    table = next(b for b in blocks if b["type"] == "table")
    assert table["rows"][-1][:3] == ["90th", None, None]
