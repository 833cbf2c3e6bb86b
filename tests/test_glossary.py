"""`hsm-guide explain`, the pointers pages carry to it, and how long a route takes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from hsm_guide.knowledge import load, packaged_data_path
from hsm_guide.sections.glossary import POINTERS, pointer
from hsm_guide.sections.timeline import timeline

from .test_features import complete

pytestmark = pytest.mark.usefixtures("warm_cache")  # pages here are read, not the cache (conftest.py)

KB = load(packaged_data_path())
TERMS = [t.term for t in KB.glossary]
ISSUE_TERMS = [
    "median", "mean", "percentile", "oews", "employment-projections", "location-quotient",
    "relative-standard-error", "job-zone", "svp", "dot", "holland-interests", "cahme", "cahiim",
    "ncca", "ait", "nab", "hse", "handbook-edition", "soc-code",
]  # fmt: skip


def flat(text: str) -> str:
    return " ".join(text.split())


def test_the_glossary_has_every_term_the_issue_lists() -> None:
    assert set(ISSUE_TERMS) <= set(TERMS)


@pytest.mark.parametrize("key", TERMS)
def test_explain_prints_the_term_its_text_and_its_sources(run, key: str) -> None:
    term = next(t for t in KB.glossary if t.term == key)
    result = run("explain", key)
    assert result.exit_code == 0, result.output
    out = flat(result.stdout)
    assert out.startswith(term.name)
    assert flat(term.text) in out
    assert "Sources" in out
    titles = {s.id: s.title for s in KB.sources}
    for sid in term.sources:
        assert flat(titles[sid]) in out, sid


@pytest.mark.parametrize(
    ("asked", "name"),
    [
        ("LQ", "Location quotient"),
        ("location quotient", "Location quotient"),  # two words, unquoted: the name
        ("Relative Standard Error (RSE)", "Relative standard error (RSE)"),
        ("rse", "Relative standard error (RSE)"),
        ("RIASEC", "Holland interests (RIASEC)"),
        ("OES", "OEWS (Occupational Employment and Wage Statistics)"),
        ("administrator-in-training", "AIT (administrator-in-training)"),
        ("job zone", "Job Zone (O*NET)"),  # a key's words with a space for the hyphen
        ("JOB ZONE", "Job Zone (O*NET)"),
        ("Location-Quotient", "Location quotient"),
        ("administrator in training", "AIT (administrator-in-training)"),
    ],
)
def test_explain_matches_key_name_or_alias_in_any_case(run, asked: str, name: str) -> None:
    result = run("explain", *asked.split())
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(name + "\n")


def test_explain_employment_projections_says_why_the_counts_differ(run) -> None:
    out = flat(run("explain", "ep").stdout)
    assert "self-employed" in out and "422,300" in out and "394,910" in out


def test_explain_holland_names_the_riasec_letters(run) -> None:
    out = flat(run("explain", "holland").stdout)
    for word in ("Realistic", "Investigative", "Artistic", "Social", "Enterprising", "Conventional"):
        assert word in out


def test_explain_alone_lists_every_term_with_one_line(run) -> None:
    result = run("explain")
    assert result.exit_code == 0
    out = flat(result.stdout)
    assert out.startswith("Glossary")
    for term in KB.glossary:
        assert f"hsm-guide explain {term.term} " in out
        assert term.name in out


def test_an_unknown_term_exits_2_with_a_suggestion(run) -> None:
    result = run("explain", "medain")
    assert result.exit_code == 2
    assert result.stderr.strip() == "hsm-guide: no term 'medain' in the glossary; did you mean 'median'?"
    far = run("explain", "zzzzqq")
    assert far.exit_code == 2
    assert far.stderr.strip() == "hsm-guide: no term 'zzzzqq' in the glossary; run hsm-guide explain for the list"


def test_completion_offers_the_terms() -> None:
    assert complete("hsm-guide explain h") == ["holland-interests", "hse", "handbook-edition", "hipaa"]
    assert complete("hsm-guide expl") == ["explain"]


def test_explain_saves_to_markdown_and_json(run, tmp_path: Path) -> None:
    out = tmp_path / "term.md"
    result = run("explain", "location-quotient", "-o", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Location quotient")
    assert "https://www.bls.gov/oes/highlight_location_quotients.htm" in text
    data = json.loads(run("explain", "nab", "--format", "json").stdout)
    assert "NAB" in json.dumps(data)


# -- validation -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("aliases: [lq, location quotients", "aliases: [median pay, location quotients", "already names the term"),
        ("    see: hsm-guide roles\n", "    see: hsm-guide nosuch\n", "does not name a hsm-guide command"),
        ("  - term: mean\n", "  - term: median\n", "already names the term 'median'"),
    ],
)
def test_validate_refuses_a_term_given_twice_or_a_bad_see(run, write_kb, shipped_text, old, new, message) -> None:
    assert old in shipped_text
    path = write_kb(shipped_text.replace(old, new, 1))
    result = run("validate", str(path))
    assert result.exit_code == 1
    assert message in result.stderr


# -- pointers ---------------------------------------------------------------------------


@pytest.mark.parametrize(("page", "keys"), sorted(POINTERS.items()))
def test_every_pointer_names_a_term_that_exists(page: str, keys: tuple[str, ...]) -> None:
    assert set(keys) <= set(TERMS), set(keys) - set(TERMS)
    assert pointer(KB, page) == f"See: hsm-guide explain {keys[0]}" + (
        f" (also: {', '.join(keys[1:])})" if keys[1:] else ""
    )


@pytest.mark.parametrize(
    ("args", "term"),
    [
        (["pay", "--area", "OH"], "location-quotient"),
        (["pay"], "median"),
        (["overview"], "soc-code"),
        (["outlook"], "employment-projections"),
        (["interests"], "holland-interests"),
        (["roles"], "dot"),
        (["education"], "cahme"),
        (["licensure"], "nab"),
        (["certifications"], "ncca"),
    ],
)
def test_pages_point_to_the_terms_they_use(run, args: list[str], term: str) -> None:
    out = flat(run(*args).stdout)
    assert f"See: hsm-guide explain {term}" in out
    assert run("explain", term).exit_code == 0


def test_a_knowledge_base_without_a_glossary_has_no_pointers(run, write_kb, shipped_text) -> None:
    start = shipped_text.index("\nglossary:\n")
    end = shipped_text.index("\nkey_points:\n")
    path = write_kb(shipped_text[:start] + shipped_text[end:])
    assert "hsm-guide explain" not in run("--data", str(path), "pay").stdout
    result = run("--data", str(path), "explain", "median")
    assert result.exit_code == 2
    assert "this knowledge base has no glossary" in result.stderr


# -- how long it takes --------------------------------------------------------------------

BACKGROUNDS = [b.key for b in KB.paths.backgrounds]
EXPECTED = {  # the research's arithmetic (research-durations.yaml), by background
    "student": (4, 10, 6, 13),
    "nurse": (0, 5, 2, 8),
    "clinician": (0, 5, 2, 8),
    "records-tech": (4, 10, 4, 10),
    "business": (0, 5, 2, 8),
    "retail": (0, 5, 6, 13),  # healthcare experience 0-5; with a bachelor's 4-5 and graduate study 2-3
    "career-changer": (0, 5, 6, 14),
}


@pytest.mark.parametrize("key", BACKGROUNDS)
def test_the_timeline_adds_up_the_steps_years(key: str) -> None:
    t = timeline(KB, key)
    steps = [s.duration for s in next(b for b in KB.paths.backgrounds if b.key == key).steps if s.duration]
    required = [d for d in steps if not d.optional]
    assert t.low_years == sum(d.years[0] for d in required)
    assert t.high_years == sum(d.years[1] for d in required)
    assert (t.optional_low_years, t.optional_high_years) == (
        sum(d.years[0] for d in steps),
        sum(d.years[1] for d in steps),
    )
    assert (t.low_years, t.high_years, t.optional_low_years, t.optional_high_years) == EXPECTED[key]
    if t.low_years == 0:  # experience already held: no least time to count
        assert t.phrase.startswith(f"up to about {t.high_years:g} years from ")
    else:
        assert t.phrase.startswith(f"about {t.low_years:g} to {t.high_years:g} years from ")
    if (t.optional_low_years, t.optional_high_years) != (t.low_years, t.high_years):
        assert f"{t.optional_low_years:g} to {t.optional_high_years:g} with the optional steps" in t.phrase
    assert t.sources and all(any(s.id == i for s in KB.sources) for i in t.sources)


@pytest.mark.parametrize("key", BACKGROUNDS)
def test_path_from_shows_the_timeline_and_its_sentence(run, key: str) -> None:
    t = timeline(KB, key)
    out = flat(run("path", "--from", key).stdout)
    assert "How long it takes" in out
    assert f"In all, {t.phrase}." in out
    table = json.dumps(json.loads(run("path", "--from", key, "--json").stdout))
    for row in t.rows:
        assert json.dumps(row.step + (" (optional)" if row.optional else "")) in table


def test_path_from_student_counts_from_high_school(run) -> None:
    out = flat(run("path", "--from", "student").stdout)
    assert re.search(r"In all, about 4 to 10 years from high school; 6 to 13 with the optional steps\.", out)
    assert "Master's degree (MHA, MPH or MBA) (optional)" in run("path", "--from", "student", "--json").stdout


def test_a_setting_adds_its_steps_to_the_timeline(run) -> None:
    t = timeline(KB, "student", "nursing-home")
    # a bachelor's 4-5 and experience 0-5, plus the AIT: Nevada's 20 weeks (0.4 of a year) to Virginia's
    # 2,000 hours (about a year full time)
    assert (t.low_years, t.high_years) == (4.4, 11)
    assert "Administrator-in-training (AIT) program" in [r.step for r in t.rows]
    ait = next(r for r in t.rows if r.step.startswith("Administrator-in-training"))
    assert ait.typical.startswith("varies by state: Nevada 1,000 hours over at least 20 weeks, Virginia 2,000 hours")
    assert "hsm-guide licensure --states" in ait.typical
    assert "varies by state" in flat(run("path", "--from", "student", "--setting", "nursing-home").stdout)


def test_an_unknown_background_exits_2() -> None:
    from hsm_guide.errors import UsageError

    with pytest.raises(UsageError, match="did you mean 'nurse'"):
        timeline(KB, "nures")


@pytest.mark.parametrize(
    ("asked", "key"),
    [("RN", "nurse"), ("registered-nurse", "nurse"), ("Registered Nurse", "nurse"), ("finance", "business")],
)
def test_path_from_takes_a_backgrounds_alias(run, asked: str, key: str) -> None:
    (route,) = [r for r in KB.paths.backgrounds if r.key == key]
    assert asked.lower().replace("-", " ") in route.aliases
    by_alias, by_key = run("path", "--from", asked), run("path", "--from", key)
    assert by_alias.exit_code == 0, by_alias.stderr
    assert by_alias.stdout == by_key.stdout


def test_completion_offers_the_background_keys_not_their_aliases() -> None:
    assert complete("hsm-guide path --from n") == ["nurse"]
    assert complete("hsm-guide path --from r") == ["records-tech", "retail"]


def test_validate_refuses_an_alias_of_two_routes(run, write_kb, shipped_text) -> None:
    aliases = "aliases: [bank, banking, banker, finance, financial, accounting, accountant, cpa]"
    assert aliases in shipped_text
    broken = shipped_text.replace(aliases, "aliases: [rn, accounting]", 1)
    result = run("validate", str(write_kb(broken)))
    assert result.exit_code == 1
    assert "paths.backgrounds[4].aliases: the alias 'rn' names another route too" in result.stderr


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Its share of all U.S. jobs. A value of 1 is even.", "Its share of all U.S. jobs."),
        ("The U.S. Department of Labor's catalog. It is old.", "The U.S. Department of Labor's catalog."),
        ("A mark (e.g. a median) of pay. More.", "A mark (e.g. a median) of pay."),
        ("Set by the NAB. It writes exams.", "Set by the NAB."),
        ("One sentence only.", "One sentence only."),
    ],
)
def test_a_first_sentence_runs_past_an_abbreviation(text: str, first: str) -> None:
    from hsm_guide.sections.glossary import first_sentence

    assert first_sentence(text) == first


def test_the_list_gives_whole_first_sentences_past_us(run) -> None:
    out = flat(run("explain").stdout)
    for key in ("location-quotient", "dot"):
        (term,) = [t for t in KB.glossary if t.term == key]
        assert "U.S." in term.text
        at = term.text.index("U.S.")
        first = term.text[: term.text.index(". ", at + 4) + 1]  # the period after U.S.'s own
        assert f"{term.name}: {first}" in out, key


def test_the_location_quotient_example_matches_the_wage_extract() -> None:
    """The example's figures are this occupation's, read from the extract, so an update that moves them fails here."""
    import re

    from hsm_guide.knowledge import load, packaged_data_path
    from hsm_guide.wages.lookup import wage_data

    kb = load(packaged_data_path())
    term = next(t for t in kb.glossary if t.term == "location-quotient")
    assert term.example is not None
    data = wage_data(kb)
    named = re.findall(r"(Rhode Island|Puerto Rico)'s (?:location quotient [^0-9]*)?was (\d+\.\d+)", term.example)
    assert len(named) == 2
    for state, value in named:
        row = next(r for r in data.states() if r.name == state)
        assert row.location_quotient == float(value), state
    assert data.label in term.example
