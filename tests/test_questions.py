"""`search` answers the questions people bring: the card it leads with, and the failures of issue 14.

The questions are data (tests/questions.yaml); every figure a card must show is read here from
the knowledge base and the wage extract, never copied from the output.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from hsm_guide import search as finder
from hsm_guide.blocks import money, percent
from hsm_guide.knowledge import load, packaged_data_path
from hsm_guide.model import KnowledgeBase
from hsm_guide.model.careers import Duration
from hsm_guide.sections.builder import current_edition
from hsm_guide.sections.timeline import timeline, years
from hsm_guide.wages.lookup import WageData, wage_data

pytestmark = pytest.mark.usefixtures("warm_cache")  # pages here are read, not the cache (conftest.py)

QUESTIONS = yaml.safe_load((Path(__file__).parent / "questions.yaml").read_text(encoding="utf-8"))


@cache
def kb() -> KnowledgeBase:
    return load(packaged_data_path())


@cache
def compiled() -> KnowledgeBase:
    """The shipped knowledge base as a run loads it, from the first test's warm cache (kept for the whole
    run): the search index is read from it, not built again for each question."""
    from hsm_guide.knowledge import load_cached

    return load_cached(packaged_data_path())


@cache
def data() -> WageData:
    return wage_data(kb())


def answer(run, question: str, *options: str) -> tuple[list[dict[str, Any]], str, list[dict[str, Any]]]:
    """The card's blocks, the command it leads to and the blocks after it, from the JSON output."""
    result = run("search", *question.split(), *options, "--json")
    assert result.exit_code == 0, result.stderr
    (document,) = json.loads(result.stdout)["sections"]
    blocks = document["blocks"]
    at = next(i for i, b in enumerate(blocks) if b["type"] == "note" and b["text"].startswith("Read on: hsm-guide "))
    return blocks[:at], blocks[at]["text"].removeprefix("Read on: hsm-guide "), blocks[at + 1 :]


def whole(label: str) -> bool:
    """Every bracket the label opens, it closes."""
    depth = 0
    for c in label:
        depth += (c == "(") - (c == ")")
        if depth < 0:
            return False
    return depth == 0


def expected(case: dict[str, Any]) -> list[str]:
    """What the card must contain, from the data."""
    k, wages = kb(), data()
    want: list[str] = []
    if "median" in case:
        soc = case.get("soc")
        row = wages.national(soc) if case["median"] == "national" else wages.find(case["median"])
        want.append(wages.text(row, "annual_median"))
        want += [wages.text(row, "hourly_median", "hourly")] if case.get("hourly") else []
        want.append(wages.label)
    elif "soc" in case:
        want += [wages.text(wages.national(s), "annual_median") for s in case["soc"]]
        want += [wages.occupation_name(s) for s in case["soc"]] + [wages.label]
    if "industry" in case:
        row = wages.row("0000000", None, case["industry"])
        assert row is not None
        want += [row.industry_name, wages.text(row, "annual_median")]
    if case.get("starting"):
        row = wages.national() if case["median"] == "national" else wages.find(case["median"])
        want += ["no starting wage", wages.text(row, "annual_p10")]
    if "ranking" in case:
        want += ranking(*case["ranking"])
    if case.get("jobs"):
        e = current_edition(k)
        want += [f"{wages.national().employment:,.0f}", f"{e.jobs:,}", "OEWS", "Employment Projections"]
    if case.get("employers"):
        largest = sorted(wages.industries(), key=lambda r: r.employment or 0, reverse=True)[:5]
        want += [x for r in largest for x in (r.industry_name, f"{r.employment:,.0f}")]
    if "term" in case:
        term = next(t for t in k.glossary if t.term == case["term"])
        want += [term.name, term.text]
    if "region" in case:
        region = next(r for r in k.questions.regions if case["region"] in r.names) if k.questions else None
        assert region is not None
        rows = [r for r in wages.states() if r.state in region.states]
        ranked = sorted(rows, key=lambda r: r.annual_median or 0, reverse=True)
        want += [region.name] + [x for r in ranked for x in (r.name, wages.text(r, "annual_median"))]
    if case.get("rural"):
        state = case["rural"] if isinstance(case["rural"], str) else None
        rural = sorted(
            (r for r in wages.metros(state) if r.kind == "nonmetro" and r.annual_median), key=lambda r: r.annual_median
        )
        want += ["nonmetropolitan", rural[-1].name, wages.text(rural[-1], "annual_median"), rural[0].name]
    if "places" in case:
        for name in case["places"]:
            row = wages.find(name)
            want += [row.name, wages.text(row, "annual_median"), wages.text(row, "annual_p10")]
    if "part" in case:
        want += [item.text for item in getattr(k.education, case["part"])]
    if case.get("best_industries"):
        sized = [r for r in wages.industries() if (r.employment or 0) >= 1000 and r.annual_median]
        best = sorted(sized, key=lambda r: r.annual_median or 0, reverse=True)[:5]
        want += [x for r in best for x in (r.industry_name, wages.text(r, "annual_median"))]
    if "org" in case:
        org = next(o for o in k.organizations if o.abbreviation == case["org"])
        want += [org.name, org.purpose]
    if case.get("ends"):
        row = wages.national()
        want += [wages.text(row, "annual_p10"), wages.text(row, "annual_p90"), "Top-paid 10%"]
    if "status" in case:
        credential = next(c for c in k.certifications.credentials if c.code == case["status"])
        want += [credential.code, credential.status[0].text]
    if "past" in case:
        e = next(e for e in k.quick_facts.editions if e.pay_year == case["past"])
        want += [f"May {case['past']}", money(e.median_annual)]
    if "role" in case:
        kind = next((m for m in (*k.roles.manager_types, *k.roles.specializations) if m.name == case["role"]), None)
        if kind:
            want += [case["role"], kind.text]
        else:  # a title: this occupation's, and what the occupation does
            duties = next(p.points[0].text for p in k.key_points if p.section == "duties")
            want += [case["role"], f"One of the job titles of {k.identity.title}", duties]
    if "route" in case:
        route = next(r for r in k.paths.backgrounds if r.key == case["route"])
        want += [_in_a_sentence(route.name), "years", timeline(k, route.key).phrase]
        want += [_first_clause(route.steps[0].text)] if case.get("steps") else []
    if "setting" in case:
        setting = next(r for r in k.paths.settings if r.key == case["setting"])
        want += [_in_a_sentence(setting.name)] + ([_first_clause(setting.steps[0].text)] if case.get("steps") else [])
    lengths = [_duration(k, step) for step in case.get("durations", [])]
    want += [f"{d.step}" for d in lengths] + [d.text.split("; ")[0] for d in lengths]
    if case.get("total"):
        want.append(f"{years(sum(d.years[0] for d in lengths), sum(d.years[1] for d in lengths))} in all")
    if "degree" in case:
        want.append(next(d.name for d in k.education.degrees if f"({case['degree']})" in d.name))
    if "credential" in case:
        cred = next(c for c in k.certifications.credentials if c.code == case["credential"])
        items = getattr(cred, case["facts"]) if "facts" in case else []
        want += [cred.code, *(i.text for i in items)] + ([] if items else [cred.body, cred.suits])
    for code in case.get("degrees", []):
        degree = next(d for d in k.education.degrees if f"({code})" in d.name)
        want += [degree.name, degree.text]
    if "key_point" in case:
        want.append(next(p.points[0].text for p in k.key_points if p.section == case["key_point"]))
    if case.get("growth"):
        e = current_edition(k)
        assert e.growth_percent is not None
        want += [percent(e.growth_percent), str(e.growth_start)]
    return want + case.get("terms", [])


TERRITORIES = {"PR", "GU", "VI"}


def ranking(kind: str, order: str) -> list[str]:
    """The five areas a ranking card lists, best (or lowest) first, each name then its median."""
    wages = data()
    rows = wages.metros() if kind == "metros" else [r for r in wages.states() if r.state not in TERRITORIES]
    ranked = sorted((r for r in rows if r.annual_median), key=lambda r: r.annual_median or 0, reverse=True)
    shown = ranked[:5] if order == "best" else ranked[::-1][:5]
    return [x for r in shown for x in (r.name, wages.text(r, "annual_median"))]


def unexpected(case: dict[str, Any]) -> list[str]:
    """What the card must not contain: a question that names a background never gets the student's route."""
    student = kb().paths.backgrounds[0]
    return [_in_a_sentence(student.name)] if case.get("route", student.key) != student.key or "setting" in case else []


def _in_a_sentence(name: str) -> str:
    return name[0].lower() + name[1:]


def _first_clause(text: str) -> str:
    return text.split(": ")[0].split("; ")[0].rstrip(".")


def _duration(k: KnowledgeBase, step: str) -> Duration:
    """The first duration in the routes with this step name."""
    for route in [*k.paths.backgrounds, *k.paths.settings]:
        for s in route.steps:
            if s.duration is not None and s.duration.step == step:
                return s.duration
    raise AssertionError(f"no duration is called {step!r}")


def test_there_are_thirty_questions_or_more() -> None:
    assert len(QUESTIONS) >= 30
    assert len({c["q"] for c in QUESTIONS}) == len(QUESTIONS)


@pytest.mark.parametrize("case", QUESTIONS, ids=[c["q"] for c in QUESTIONS])
def test_a_question_leads_with_its_answer(run, case: dict[str, Any]) -> None:
    card, leads, rest = answer(run, case["q"])
    assert card[0]["type"] == "heading" and card[0]["text"].startswith("Answer: "), "the card comes first"
    assert leads == case["leads"]
    text = json.dumps(card, ensure_ascii=False)
    at = 0
    for want in expected(case):
        found = text.find(json.dumps(want, ensure_ascii=False)[1:-1], at if "ranking" in case else 0)
        assert found >= 0, f"{want!r} not in the card" + (" (in its place)" if "ranking" in case else "")
        at = found
    if case.get("no_industry"):
        named = kb().questions.industries if kb().questions else []
        names = [r.industry_name for n in named if (r := data().row("0000000", None, n.industry))]
        assert not [n for n in names if n in text], "an industry the question does not name"
    assert "Source" in text, "a card names its source"
    for block in (b for b in card if b["type"] == "facts"):
        for row in (r for r in block["rows"] if r["label"] in ("Source", "Sources")):
            assert row["value"].count("; ") <= 3, f"a card names three sources at most: {row['value']!r}"
    for block in (b for b in card if b["type"] == "facts"):
        for row in (r for r in block["rows"] if r["label"] in ("Source", "Sources")):
            assert whole(row["value"]), f"a source label is cut inside brackets: {row['value']!r}"
    for never in unexpected(case):
        assert json.dumps(never, ensure_ascii=False)[1:-1] not in text, f"{never!r} in the card"
    assert not any(b["type"] == "note" and "Showing results for" in b["text"] for b in rest), "nothing corrected"


# -- the failures the issue lists --------------------------------------------------------------


def test_a_pay_question_is_answered_not_met_with_closest_terms(run) -> None:
    result = run("search", "how", "much", "do", "nursing", "home", "administrators", "make")
    assert result.exit_code == 0
    assert "closest terms" not in result.stdout + result.stderr
    assert result.stdout.splitlines()[2].startswith("Answer: Medical and Health Services Managers, pay")
    assert data().text(data().national(), "annual_median") in result.stdout


def test_salary_leads_with_the_pay_not_with_how_sources_quote_it(run) -> None:
    card, leads, _ = answer(run, "salary")
    assert leads == "pay"
    assert data().text(data().national(), "annual_median") in json.dumps(card)
    assert "How the sources quote pay" not in json.dumps(card)


def test_texas_is_texas_never_teams(run) -> None:
    for args in (("texas",), ("texas", "--section", "duties"), ("nursing", "home", "pay", "in", "texas")):
        result = run("search", *args)
        assert "teams" not in result.stdout + result.stderr, args
    card, leads, _ = answer(run, "texas")
    assert leads == "pay --area texas" and "Texas" in card[0]["text"]


def test_how_long_and_degree_comparisons_find_their_answers(run) -> None:
    assert answer(run, "how long does it take")[1].startswith("path --from ")
    card, leads, _ = answer(run, "difference between mha and mba")
    assert leads == "education" and "MHA and MBA" in card[0]["text"]


# -- never correct a known place or term; say which words matched ---------------------------------


@pytest.mark.parametrize(
    "word",
    [
        *(a.name.lower() for a in data().area_list if a.kind == "state"),
        *(a.state.lower() for a in data().area_list if a.kind == "state"),
        "boston",
        "tucson",
        "spokane",
    ],
)
def test_a_known_place_is_never_corrected(word: str) -> None:
    result = finder.search(compiled(), f"nursing {word}")
    assert word not in result.corrections, f"'{word}' was 'corrected' to '{result.corrections.get(word)}'"


def test_known_terms_are_never_corrected() -> None:
    for term in ("MHA", "MPH", "MSN", "CPHQ", "CMPE", "financial"):
        assert term.lower() not in finder.search(compiled(), f"{term} zzyzq degree").corrections, term


def test_a_typo_is_still_corrected(run) -> None:
    assert finder.search(compiled(), "certfication").corrections == {"certfication": "certification"}


def test_when_only_some_words_match_it_says_which(run) -> None:
    result = run("search", "hybrid", "degree")
    assert result.exit_code == 0
    assert "No passage mentions 'hybrid'; showing 'degree'." in result.stdout


def test_a_question_within_one_section_has_no_card(run) -> None:
    result = run("search", "salary", "--section", "pay", "--json")
    blocks = json.loads(result.stdout)["sections"][0]["blocks"]
    assert not any(b["type"] == "heading" and b["text"].startswith("Answer") for b in blocks)


# -- the rules are data, validated --------------------------------------------------------------


def test_a_card_must_lead_to_a_view_that_exists(run, shipped_text, write_kb) -> None:
    broken = shipped_text.replace(
        "answer: key-points\n      view: licensure", "answer: key-points\n      view: licenses", 1
    )
    broken = broken.replace('command: "pay --area {place}"', 'command: "salary --area {place}"', 1)
    broken = broken.replace("  - name: day\n", "  - name: hours\n", 1)
    assert broken.count("- name: hours\n") == 2
    result = run("validate", str(write_kb(broken)))
    assert result.exit_code == 1
    cards = kb().questions.cards if kb().questions else []
    at = {c.name: i for i, c in enumerate(cards)}
    assert f"questions.cards[{at['license']}].view: no view is called 'licenses'" in result.stderr
    assert f"questions.cards[{at['pay']}].command: the command 'salary --area {{place}}' is not one of view 'pay'" in (
        result.stderr
    )
    assert f"questions.cards[{at['day']}].name: card 'hours' is defined twice" in result.stderr


def test_a_knowledge_base_without_questions_still_searches(run, shipped_text, write_kb) -> None:
    start = shipped_text.index("questions:\n")
    kb = write_kb(shipped_text[:start] + shipped_text[shipped_text.index("sources:\n", start) :])
    result = run("--data", str(kb), "search", "salary")
    assert result.exit_code == 0 and "Answer" not in result.stdout and "matches" in result.stdout


def test_a_place_several_areas_share_says_so_and_the_state_chooses(run) -> None:
    springfields = [a for a in data().area_list if a.name.startswith("Springfield, ")]
    assert len(springfields) > 1
    card, _, _ = answer(run, "pay in springfield")
    text = json.dumps(card)
    assert "'springfield' could also mean" in text and sum(a.name in text for a in springfields) >= 2
    card, leads, _ = answer(run, "pay in springfield ma")
    (chosen,) = [a for a in springfields if a.state == "MA"]
    assert leads == 'pay --area "springfield ma"' and chosen.name in card[0]["text"]
    assert "could also mean" not in json.dumps(card)


def test_a_british_spelling_reads_as_the_american_word(run) -> None:
    """The rules' synonyms are American only; the one spelling table turns a typed British form round."""
    british = "".join(("licen", "ce"))  # built from parts, as the table does
    out = run("search", "--json", f"do I need a {british} to run a nursing home")
    assert out.exit_code == 0
    assert '"Answer: ' in out.stdout and "licensure" in out.stdout


def test_the_term_named_first_is_the_one_explained(run) -> None:
    """'what does RSE mean' asks about RSE: the glossary also has 'mean', later in the question."""
    card, leads, _ = answer(run, "what does RSE mean")
    assert leads == "explain relative-standard-error"
    assert "Mean (average)" not in json.dumps(card)


def test_an_industry_a_question_names_must_be_in_the_wage_extract(run, tmp_path: Path) -> None:
    import shutil

    folder = tmp_path / "data"
    shutil.copytree(packaged_data_path().parent, folder)
    copy = folder / packaged_data_path().name
    text = copy.read_text(encoding="utf-8")
    assert '{said: [hospital, general hospital], industry: "622100"}' in text
    copy.write_text(text.replace('industry: "622100"}', 'industry: "999999"}', 1), encoding="utf-8")
    result = run("validate", str(copy))
    assert result.exit_code == 1
    assert "questions.industries[0].industry: industry 999999 has no national figures in the wage extract" in (
        result.stderr
    )
    line = next(i for i, t in enumerate(copy.read_text(encoding="utf-8").splitlines(), 1) if '"999999"' in t)
    assert f"occupation.yaml:{line}:" in result.stderr  # the line of the YAML that names it


def test_a_year_is_never_corrected_into_another(run) -> None:
    result = run("search", "job", "outlook", "2034")
    assert result.exit_code == 0
    assert "Showing results for" not in result.stdout  # not '2033'
    assert "No passage mentions '2034'" in result.stdout


# -- what names a place: a metro's whole city, a regional name, never an everyday word ---------


@pytest.mark.parametrize(
    "word",
    [
        *("worth", "bay", "twin", "falls", "city", "lake", "park", "beach", "grand", "springs", "haven"),
        *("mobile", "reading"),
    ],
)
def test_an_everyday_word_alone_names_no_place(word: str) -> None:
    reading = finder.search(compiled(), f"is an mha {word} it").reading
    assert reading is not None and reading.place is None, f"'{word}' read as {reading.place}"


def test_is_an_mha_worth_it_is_not_about_dallas(run) -> None:
    result = run("search", "is an mha worth it")
    assert result.exit_code == 0
    assert "Dallas" not in result.stdout and "pay --area" not in result.stdout


@pytest.mark.parametrize(
    ("question", "city"),
    [
        ("pay in Boston", "Boston"),
        ("Cleveland", "Cleveland"),
        ("Austin", "Austin"),
        ("Kansas City", "Kansas City"),
        ("Los Angeles", "Los Angeles"),
        ("Minneapolis", "Minneapolis"),
        ("saint louis", "St. Louis"),
        ("mobile al", "Mobile"),
    ],
)
def test_a_whole_city_names_its_metro(question: str, city: str) -> None:
    reading = finder.search(compiled(), question).reading
    assert reading is not None and reading.place is not None, question
    area = reading.place.area
    assert area.kind == "metro" and city in area.name.rsplit(", ", 1)[0].split("-")


def test_an_ambiguous_city_leads_with_the_area_that_employs_the_most(run) -> None:
    portlands = [r for r in data().metros() if r.name.startswith("Portland-")]
    assert len(portlands) > 1
    most = max(portlands, key=lambda r: r.employment or 0)
    card, leads, _ = answer(run, "pay in portland")
    assert leads == "pay --area portland" and most.name in card[0]["text"]
    others = [r.name for r in portlands if r is not most]
    assert "'portland' could also mean" in json.dumps(card) and all(n in json.dumps(card) for n in others)
    page = run("pay", "--area", "portland")  # the command chooses the same area and says the same
    assert page.exit_code == 0 and page.stdout.startswith(f"Pay in {most.name}")
    assert all(n in " ".join(page.stdout.split()) for n in others)


def test_a_regional_name_must_name_an_area_of_the_extract(run, shipped_text, tmp_path) -> None:
    import shutil

    from hsm_guide.knowledge import packaged_data_path

    shutil.copytree(packaged_data_path().parent / "wages", tmp_path / "wages")
    path = tmp_path / "kb.yaml"
    path.write_text(shipped_text.replace('area: "0033460"}', 'area: "0099999"}', 1), encoding="utf-8")
    result = run("validate", str(path))
    assert result.exit_code == 1
    assert "questions.places[0].area: no area has the code '0099999' in the wage extract" in result.stderr
    assert "Traceback" not in result.stderr


# -- an inflection matches its own word; a real word is never "corrected" into another ---------


def vocabulary() -> frozenset[str]:
    return finder.vocabulary(kb())


@pytest.mark.parametrize(
    ("typed", "matches"),
    [
        ("cities", "city"),
        ("employs", "employer"),
        ("specialise", "specialization"),
        ("organise", "organized"),
    ],
)
def test_an_inflection_matches_the_words_of_its_stem(run, typed: str, matches: str) -> None:
    from hsm_guide.search.corpus import expand

    (forms,) = expand((typed,), {}, vocabulary())
    assert matches in forms, forms
    assert finder.search(compiled(), typed).corrections == {}
    result = run("search", typed)
    assert result.exit_code == 0 and "Showing results for" not in result.stdout


@pytest.mark.parametrize(
    "typed",
    [
        "classes",
        "replace",
        "cities",
        "employs",
        "specialise",
        "dont",
        "cant",
        "doesnt",
        "bio",
        "asst",
        "med",
        "surg",
        "vp",
    ],
)
def test_a_real_word_is_not_corrected_into_another(typed: str) -> None:
    assert finder.search(compiled(), f"{typed} finance").corrections == {}


def test_a_word_with_nothing_to_match_is_left_unmatched(run) -> None:
    result = run("search", "which", "lectures", "cover", "finance")  # 'classes' is a synonym of 'courses'
    assert result.exit_code == 0
    assert "No passage mentions 'lectures'; showing 'cover', 'finance'." in result.stdout
    assert "lecturer" not in result.stdout


@pytest.mark.parametrize(
    ("typed", "word", "slip"),
    [
        ("replace", "place", False),  # another word inside it, 2 letters dropped
        ("managerial", "manager", False),  # another word around which it adds 3 letters
        ("classes", "passes", False),  # a typo keeps the first letter
        ("salery", "salary", True),
        ("adminstration", "administration", True),
        ("helthcare", "healthcare", True),
        ("tuscon", "tucson", True),  # two letters swapped
        ("bostn", "boston", True),
        ("cut", "count", False),  # a short word: one letter at most
    ],
)
def test_a_correction_is_a_slip_of_the_keys(typed: str, word: str, slip: bool) -> None:
    from hsm_guide.words import slip as is_slip

    assert is_slip(typed, word) is slip


def test_real_typos_are_still_corrected() -> None:
    result = finder.search(compiled(), "salery adminstration helthcare")
    assert result.corrections == {"salery": "salary", "adminstration": "administration", "helthcare": "healthcare"}


def test_every_source_label_a_card_can_show_is_whole() -> None:
    """A card names a source by its title up to a ': ' outside brackets (answers.short_title)."""
    from hsm_guide.search.card import short_title

    titles = [s.title for s in kb().sources]
    assert any(":" in t[t.find("(") :] for t in titles if "(" in t), "a title has a colon inside brackets"
    for title in titles:
        short = short_title(title)
        assert whole(short) and title.startswith(short), title
    rse = next(s for s in kb().sources if "(Health, United States: definitions)" in s.title)
    assert short_title(rse.title) == rse.title


def test_a_misspelled_question_still_gets_its_card(run) -> None:
    card, leads, _ = answer(run, "helth servises manger salery")
    assert leads == "pay"
    assert data().text(data().national(), "annual_median") in json.dumps(card)
