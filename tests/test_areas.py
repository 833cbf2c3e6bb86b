"""--area: what a user types turns into one BLS OEWS area, or one line that says what to type instead.

The areas are real BLS OEWS May 2025 names and codes, copied from the area table.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hsm_guide.errors import UsageError
from hsm_guide.wages.areas import Area, AreaIndex, area_words, candidates, find_area, show
from hsm_guide.wages.states import STATES, postal

AREAS = (
    Area("0000000", "National", "national", ""),
    Area("0012060", "Atlanta-Sandy Springs-Roswell, GA", "metro", "GA"),
    Area("0014460", "Boston-Cambridge-Newton, MA-NH", "metro", "MA"),
    Area("0017660", "Coeur d'Alene, ID", "metro", "ID"),
    Area("0017980", "Columbus, GA-AL", "metro", "GA"),
    Area("0018020", "Columbus, IN", "metro", "IN"),
    Area("0018140", "Columbus, OH", "metro", "OH"),
    Area("0019100", "Dallas-Fort Worth-Arlington, TX", "metro", "TX"),
    Area("0021660", "Eugene-Springfield, OR", "metro", "OR"),
    Area("0028140", "Kansas City, MO-KS", "metro", "MO"),
    Area("0034580", "Mount Vernon-Anacortes, WA", "metro", "WA"),
    Area("0035620", "New York-Newark-Jersey City, NY-NJ", "metro", "NY"),
    Area("0038860", "Portland-South Portland, ME", "metro", "ME"),
    Area("0038900", "Portland-Vancouver-Hillsboro, OR-WA", "metro", "OR"),
    Area("0041180", "St. Louis, MO-IL", "metro", "MO"),
    Area("0041420", "Salem, OR", "metro", "OR"),
    Area("0041980", "San Juan-Bayamon-Caguas, PR", "metro", "PR"),
    Area("0044100", "Springfield, IL", "metro", "IL"),
    Area("0044140", "Springfield, MA", "metro", "MA"),
    Area("0044180", "Springfield, MO", "metro", "MO"),
    Area("0044220", "Springfield, OH", "metro", "OH"),
    Area("0047900", "Washington-Arlington-Alexandria, DC-VA-MD-WV", "metro", "DC"),
    Area("0049180", "Winston-Salem, NC", "metro", "NC"),
    Area("1100000", "District of Columbia", "state", "DC"),
    Area("1700000", "Illinois", "state", "IL"),
    Area("2000000", "Kansas", "state", "KS"),
    Area("2000006", "Kansas nonmetropolitan area", "nonmetro", "KS"),
    Area("2300000", "Maine", "state", "ME"),
    Area("2900000", "Missouri", "state", "MO"),
    Area("3300000", "New Hampshire", "state", "NH"),
    Area("3300001", "Northern New Hampshire nonmetropolitan area", "nonmetro", "NH"),
    Area("3600000", "New York", "state", "NY"),
    Area("3600001", "Capital/Northern New York nonmetropolitan area", "nonmetro", "NY"),
    Area("3900000", "Ohio", "state", "OH"),
    Area("3900003", "Eastern Ohio nonmetropolitan area", "nonmetro", "OH"),
    Area("3900004", "Southern Ohio nonmetropolitan area", "nonmetro", "OH"),
    Area("4100000", "Oregon", "state", "OR"),
    Area("4100008", "Eastern Oregon nonmetropolitan area", "nonmetro", "OR"),
    Area("5300000", "Washington", "state", "WA"),
    Area("5300007", "Eastern Washington nonmetropolitan area", "nonmetro", "WA"),
    Area("6600000", "Guam", "state", "GU"),
    Area("7200000", "Puerto Rico", "state", "PR"),
    Area("7200006", "Puerto Rico nonmetropolitan area", "nonmetro", "PR"),
    Area("7800000", "Virgin Islands", "state", "VI"),
)


def code(query: str, areas: tuple[Area, ...] = AREAS) -> str:
    return find_area(query, areas).code


def refused(query: str, areas: tuple[Area, ...] = AREAS) -> str:
    with pytest.raises(UsageError) as caught:
        find_area(query, areas)
    assert caught.value.exit_code == 2
    message = str(caught.value)
    assert "\n" not in message and message.isprintable(), message
    return message


# -- states ------------------------------------------------------------------------------------


def test_the_state_table_covers_the_50_states_dc_and_three_territories() -> None:
    assert len(STATES) == 54
    assert STATES["39"] == ("OH", "Ohio")
    assert STATES["11"] == ("DC", "District of Columbia")
    assert postal("72") == "PR" and postal("66") == "GU" and postal("78") == "VI"
    assert postal("00") is None and postal("3") is None
    assert len({p for p, _ in STATES.values()}) == 54


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("NY", "3600000"),
        ("ny", "3600000"),
        ("Pr", "7200000"),
        ("DC", "1100000"),
        ("D.C.", "1100000"),
        ("gu", "6600000"),
        ("VI", "7800000"),
        ("new york", "3600000"),
        ("District of Columbia", "1100000"),
        ("puerto rico", "7200000"),
        ("  PUERTO   rico ", "7200000"),
        ("virgin islands", "7800000"),
        ("U.S. Virgin Islands", "7800000"),
        ("washington state", "5300000"),
        ("ohio", "3900000"),
    ],
)
def test_a_state_by_postal_code_or_name(query: str, expected: str) -> None:
    assert code(query) == expected


def test_a_state_wins_over_a_metro_that_shares_its_name() -> None:
    # Without the rule these are ambiguous: the metros' names start with the same words.
    assert candidates("washington", AREAS) == [AREAS[38]]
    assert candidates("new york", AREAS) == [AREAS[31]]
    assert find_area("washington", AREAS).kind == "state"
    # ...and the metros are a longer name away.
    assert code("washington-arlington") == "0047900"
    assert code("new york-newark") == "0035620"
    # ...or the way an address reads: city, state.
    assert code("New York, NY") == code("new york, new york") == "0035620"


def test_nonmetro_areas_do_not_crowd_a_state_name() -> None:
    assert code("ohio") == "3900000"
    assert code("new hamp") == "3300000"  # not also Northern New Hampshire nonmetropolitan area
    assert code("puerto") == "7200000"


# -- metros --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("boston", "0014460"),
        ("BOSTON", "0014460"),
        ("cambridge", "0014460"),
        ("dallas", "0019100"),
        ("fort worth", "0019100"),
        ("worth fort", "0019100"),  # any order
        ("ft worth", "0019100"),
        ("dall ft", "0019100"),  # starts of words
        ("san juan", "0041980"),
        ("bayamon", "0041980"),
        ("Bayamón", "0041980"),
        ("kansas city", "0028140"),
        ("st louis", "0041180"),
        ("St. Louis", "0041180"),
        ("saint louis", "0041180"),
        ("coeur d'alene", "0017660"),
        ("coeur d alene", "0017660"),
        ("Coeur d\u2019Alene", "0017660"),
        ("mt vernon", "0034580"),
        ("new york-newark-jersey city", "0035620"),
        ("Portland-South Portland, ME", "0038860"),
        ("springfield, ma", "0044140"),
    ],
)
def test_a_metro_by_any_part_of_its_name(query: str, expected: str) -> None:
    assert code(query) == expected


def test_accents_in_the_name_fold_too() -> None:
    accented = (*AREAS[:16], Area("0041980", "San Juan-Bayamón-Caguas, PR", "metro", "PR"))
    assert code("bayamon", accented) == code("BAYAMÓN", accented) == "0041980"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("portland me", "0038860"),
        ("portland, maine", "0038860"),
        ("portland or", "0038900"),
        ("portland, oregon", "0038900"),
        ("portland wa", "0038900"),  # a metro counts for every state its name lists
        ("springfield il", "0044100"),
        ("Springfield, Illinois", "0044100"),
        ("springfield oh", "0044220"),
        ("springfield or", "0021660"),
        ("columbus oh", "0018140"),
        ("columbus ga", "0017980"),
        ("columbus al", "0017980"),
        ("columbus, in", "0018020"),
        ("kansas city ks", "0028140"),
        ("salem or", "0041420"),
        ("washington dc", "0047900"),  # the metro: the state's name is District of Columbia
        ("washington, d.c.", "0047900"),
    ],
)
def test_a_trailing_state_narrows(query: str, expected: str) -> None:
    assert code(query) == expected


def test_ambiguous_lists_the_candidates_and_how_to_narrow() -> None:
    message = refused("portland")
    assert message == (
        "'portland' matches 2 areas: 'Portland-South Portland, ME', 'Portland-Vancouver-Hillsboro, OR-WA'; "
        "add the state: 'portland me' or 'portland or'"
    )
    message = refused("Springfield")
    assert message.startswith(
        "'Springfield' matches 5 areas: 'Springfield, IL', 'Springfield, MA', 'Springfield, MO', 'Springfield, OH', "
        "'Eugene-Springfield, OR'; add the state: 'springfield il', 'springfield ma' or 'springfield mo'"
    )
    assert "'Columbus, GA-AL', 'Columbus, IN', 'Columbus, OH'" in refused("columbus")
    assert "'salem or' or 'salem nc'" in refused("salem")


def test_ambiguous_offers_only_narrowings_that_work() -> None:
    # "kans ks" would still match Kansas and Kansas City, MO-KS: not offered.
    assert refused("kans").endswith("add the state: 'kans mo'")
    # Every candidate in one state: the hint is a full name.
    message = refused("ohio nonmetro")
    assert "'Eastern Ohio nonmetropolitan area', 'Southern Ohio nonmetropolitan area'" in message
    assert message.endswith("type more of the name, such as 'Eastern Ohio nonmetropolitan area'")


def test_ambiguous_names_at_most_eight() -> None:
    message = refused("s")
    assert message.startswith(f"'s' matches {len(candidates('s', AREAS))} areas: ")
    listed, rest = message.split(" and ")
    assert listed.count("', '") == 7 and rest.startswith(f"{len(candidates('s', AREAS)) - 8} more; add the state: ")


def test_candidates_best_first() -> None:
    names = [a.name for a in candidates("springfield", AREAS)]
    assert names[-1] == "Eugene-Springfield, OR"  # its name does not start with the query
    assert [a.code for a in candidates("boston", AREAS)] == ["0014460"]
    assert candidates("", AREAS) == [] and candidates("\x1b[2J", AREAS) == [] and candidates("x" * 10_000, AREAS) == []


# -- nonmetro, national, codes -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("eastern ohio nonmetropolitan", "3900003"),
        ("Eastern Ohio nonmetropolitan area", "3900003"),
        ("eastern ohio", "3900003"),
        ("southern ohio nonmetro", "3900004"),
        ("eastern oregon", "4100008"),
        ("eastern washington nonmetro", "5300007"),
        ("kansas nonmetro", "2000006"),
        ("puerto rico nonmetropolitan area", "7200006"),
        ("capital new york", "3600001"),
    ],
)
def test_nonmetro_areas(query: str, expected: str) -> None:
    assert code(query) == expected


@pytest.mark.parametrize("query", ["national", "National", "us", "US", "U.S.", "usa", "U.S.A.", "united states"])
def test_the_nation(query: str) -> None:
    assert code(query) == "0000000"


def test_the_nation_only_if_present() -> None:
    assert "no area matches 'usa'" in refused("usa", AREAS[1:])


@pytest.mark.parametrize(
    ("query", "expected"), [("0014460", "0014460"), ("14460", "0014460"), ("3900000", "3900000"), ("39", "3900000")]
)
def test_a_bls_code(query: str, expected: str) -> None:
    assert code(query) == expected


def test_an_unknown_code() -> None:
    assert refused("9999999").startswith("no area has the code '9999999'; type a state (OH or Ohio)")


# -- unknown and hostile -------------------------------------------------------------------------


def test_unknown_suggests_the_closest_names() -> None:
    assert refused("bostn") == "no area matches 'bostn'; did you mean 'Boston-Cambridge-Newton, MA-NH'?"
    assert refused("ohiio") == "no area matches 'ohiio'; did you mean 'Ohio'?"
    assert refused("atlantis") == "no area matches 'atlantis'; did you mean 'Atlanta-Sandy Springs-Roswell, GA'?"
    assert "did you mean 'Portland-" in refused("portland oregn")


def test_unknown_with_nothing_close_says_what_to_type() -> None:
    assert refused("zzyzx") == (
        "no area matches 'zzyzx'; type a state (OH or Ohio), a metro area (Boston) or a BLS area code (0014460)"
    )


@pytest.mark.parametrize("query", ["", "   ", "\t"])
def test_no_area(query: str) -> None:
    assert refused(query).startswith("no area given; type a state")


def test_a_very_long_query_is_cut_in_the_message() -> None:
    message = refused("a" * 10_000)
    assert message.startswith(
        "the area 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\u2026' is too long (10,000 characters)"
    )
    assert len(message) < 200


def test_control_characters_are_escaped_not_echoed() -> None:
    message = refused("bos\x1b[31mton")
    assert message.startswith("the area 'bos\\x1b[31mton' contains control characters; type a state")
    assert "\x1b" not in message
    assert "\\u202e" in refused("\u202eboston")  # a right-to-left override
    assert "\\udcff" in refused("bost\udcffn")  # an undecodable byte from argv


def test_wide_spaces_are_spaces_but_invisible_characters_are_refused() -> None:
    assert code("new\u00a0york") == "3600000"  # a no-break space pasted from a web page
    assert code("san\u2003juan") == "0041980"
    assert "\\u200b" in refused("bos\u200bton")  # a zero-width space would hide what was typed


def test_no_letters() -> None:
    assert refused("!!!").startswith("the area '!!!' has no letters A-Z or digits")


def test_show_cuts_and_escapes() -> None:
    assert show("boston") == "'boston'"
    assert show("x" * 41) == "'" + "x" * 39 + "\u2026'"
    assert show("\x00" * 100) == "'" + ("\\x00" * 10)[:39] + "\u2026'"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_an_area_or_one_clean_line(query: str) -> None:
    try:
        area = find_area(query, AREAS)
    except UsageError as error:
        message = str(error)
        assert message.isprintable() and len(message) < 1000
    else:
        assert area in AREAS
    assert len(candidates(query, AREAS)) <= len(AREAS)


# -- completion and speed ------------------------------------------------------------------------


def test_area_words_for_completion() -> None:
    words = area_words(AREAS)
    assert words[:3] == ["DC", "IL", "KS"]
    assert "Boston-Cambridge-Newton, MA-NH" in words and "0014460" in words and "Ohio" in words
    assert len(words) == len(set(words))


def test_the_index_is_built_once_per_sequence() -> None:
    from hsm_guide.wages.areas import index

    assert index(AREAS) is index(AREAS)
    assert index(list(AREAS)) is not index(AREAS)
    assert AreaIndex(AREAS).find("boston") == find_area("boston", AREAS)


def test_a_lookup_among_600_areas_takes_well_under_5_ms() -> None:
    many = list(AREAS) + [
        Area(f"00{10000 + i}", f"Place{i}-Town{i % 50}, {st_}", "metro", st_)
        for i, st_ in zip(range(560), [p for p, _ in STATES.values()] * 11, strict=False)
    ]
    find_area("boston", many)  # builds the index
    queries = ["boston", "portland me", "fort worth", "ohio", "eastern ohio nonmetro", "town7 oh", "0014460"]
    start = time.perf_counter()
    for _ in range(20):
        for query in queries:
            candidates(query, many)
    per_lookup = (time.perf_counter() - start) / (20 * len(queries))
    assert per_lookup < 0.001, f"{per_lookup * 1000:.2f} ms"
