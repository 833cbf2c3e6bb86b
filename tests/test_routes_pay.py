"""Local pay on every route: `path --from X --area STATE`, `related --area`, and the retail route.

Expected figures are read from the release extract itself (data/wages/oews-wages.csv, BLS's own
strings), and the routes' starting occupations from the knowledge base's YAML; never from the
views under test.
"""

from __future__ import annotations

import csv

import pytest
import yaml

from hsm_guide.knowledge import packaged_data_path

pytestmark = pytest.mark.usefixtures("warm_cache")  # pages here are read, not the cache (conftest.py)

DATA = packaged_data_path()
EXTRACT = DATA.parent / "wages" / "oews-wages.csv"


def rows() -> dict[tuple[str, str], dict[str, str]]:
    """(soc, state postal code or 'US') -> the all-industries row."""
    with EXTRACT.open(encoding="utf-8") as handle:
        return {
            (r["soc"], r["state"] or "US"): r
            for r in csv.DictReader(handle)
            if r["industry"] == "000000" and r["kind"] in ("national", "state")
        }


def backgrounds() -> list[dict]:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))["paths"]["backgrounds"]


def starts(route: dict) -> list[str]:
    return list(dict.fromkeys([*([route["soc"]] if route.get("soc") else []), *route.get("compare", [])]))


def dollars(text: str) -> str:
    return f"${int(text):,}"


def ask(run, question: str):
    """A question typed as words on the command line."""
    return run("search", *question.split())


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(
    ("background", "area", "state", "name"), [("nurse", "OH", "OH", "Ohio"), ("business", "texas", "TX", "Texas")]
)
def test_a_route_sets_its_starting_pay_beside_this_one_in_a_state(run, background, area, state, name) -> None:
    result = run("path", "--from", background, "--area", area, "--json")
    assert result.exit_code == 0, result.stderr
    import json

    blocks = json.loads(result.stdout)["sections"][0]["blocks"]
    heading = next(i for i, b in enumerate(blocks) if b["type"] == "heading" and b["text"].startswith("Pay now"))
    assert blocks[heading]["text"] == f"Pay now and as a manager, {name}, May 2025"
    table = blocks[heading + 1]
    by_soc = {row[1]: row for row in table["rows"]}
    route = next(r for r in backgrounds() if r["key"] == background)
    extract = rows()
    for soc in ["11-9111", *starts(route)]:
        expected = extract[(soc, state)]
        assert by_soc[soc][2] == float(expected["annual_median"]), soc
        assert by_soc[soc][5] == float(expected["employment"]), soc
    if background == "nurse":
        assert "29-1141" in by_soc  # registered nurses
    if background == "business":
        assert "13-0000" in by_soc  # the business and financial operations occupations


def test_every_route_sets_pay_now_against_pay_later(run) -> None:
    extract = rows()
    for route in backgrounds():
        out = flat(run("path", "--from", route["key"]).stdout)
        assert "Pay now and as a manager, United States, May 2025" in out, route["key"]
        assert starts(route), f"{route['key']} names no occupation it starts from"
        for soc in starts(route):
            assert f"{soc} {dollars(extract[(soc, 'US')]['annual_median'])}" in out, (route["key"], soc)


def test_a_metro_is_read_as_its_state_said_so_and_area_needs_a_route(run) -> None:
    # The other occupations' figures are kept by state: a metro's page uses its state's, and says so.
    result = run("path", "--from", "nurse", "--area", "boston")
    assert result.exit_code == 0
    out = flat(result.stdout)
    assert "Pay now and as a manager, Massachusetts, May 2025" in out
    assert "figures are by state: Massachusetts, for Boston-Cambridge-Newton, MA-NH" in out
    extract = rows()
    assert f"29-1141 {dollars(extract[('29-1141', 'MA')]['annual_median'])}" in out
    alone = run("path", "--area", "OH")
    assert alone.exit_code == 2 and "give --from BACKGROUND too" in alone.stderr
    unknown = run("path", "--from", "nurse", "--area", "zzyzx")
    assert unknown.exit_code == 2 and unknown.stdout == ""


def test_related_in_a_state_includes_registered_nurses_and_where_the_routes_start(run) -> None:
    out = flat(run("related", "--area", "TX").stdout)
    extract = rows()
    assert "Where the routes in start, Texas, May 2025" in out
    for soc in {s for r in backgrounds() for s in starts(r)}:
        assert f"{soc} {dollars(extract[(soc, 'TX')]['annual_median'])}" in out, soc
    assert f"Registered Nurses 29-1141 {dollars(extract[('29-1141', 'TX')]['annual_median'])}" in out


def test_related_labels_name_what_bls_counts(run, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # a table row on one line
    out = flat(run("related").stdout)
    extract = rows()
    for label, soc, title in (
        ("Administrative Services Manager", "11-3012", "Administrative Services Managers"),
        ("Facilities Manager", "11-3013", "Facilities Managers"),
        ("General and Operations Manager", "11-1021", "General and Operations Managers"),
        ("Chief Executive", "11-1011", "Chief Executives"),
    ):
        assert f"• {label}" in out
        assert f"{title} {soc}" in out
        assert (soc, "US") in extract
    assert "Administrative Services and Facilities Manager" not in out
    assert "General Manager and Top Executive" not in out


# -- the retail and hospitality route ----------------------------------------------


@pytest.mark.parametrize("said", ["retail", "hospitality", "store manager", "Store-Manager", "hotel manager"])
def test_retail_and_hospitality_managers_have_a_route(run, monkeypatch, said) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # a table row on one line
    result = run("path", "--from", said)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == run("path", "--from", "retail").stdout
    out = flat(result.stdout)
    assert "A route into health services management for a retail or hospitality manager" in out
    assert "First-Line Supervisors of Retail Sales Workers 41-1011" in out
    assert "Lodging Managers 11-9081" in out and "Food Service Managers 11-9051" in out
    assert "How long it takes" in out


def test_the_retail_route_is_cited_like_the_others(run) -> None:
    route = next(r for r in backgrounds() if r["key"] == "retail")
    assert all(step["sources"] for step in route["steps"])
    out = flat(run("path", "--from", "retail").stdout)
    assert "Sources" in out and "Occupational Employment and Wage Statistics, May 2025" in out


def test_search_names_the_retail_route(run) -> None:
    out = flat(ask(run, "can a store manager become a hospital administrator").stdout)
    assert "retail or hospitality manager" in out
    assert "hsm-guide path --from retail" in out
