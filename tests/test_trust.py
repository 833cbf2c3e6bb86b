"""What a US reader sees: American spelling everywhere, no internal ids, whole addresses."""

from __future__ import annotations

import json
import re

import pytest

from hsm_guide.views import SECTIONS

from .conftest import ROOT

pytestmark = pytest.mark.usefixtures("warm_cache")  # pages here are read, not the cache (conftest.py)

# The British spellings the guide once used, as a reader would meet them.
BRITISH = re.compile(
    r"\b(licen[c]es?|programm[e]s?|organis(?:ation|ations|ational|ed|e|ing)|cent[r]es?|labo[u]r|ag[e]ing|"
    r"specialis(?:ation|ations)|behavio[u]r|enrol[m]ent|colo[u]r|counsel[l]ors?|a[t] (?:the )?weekends?)\b",
    re.IGNORECASE,
)


_OUTPUTS: dict[str, str] = {}  # made once per worker: three tests read the same pages


def every_output(run) -> dict[str, str]:
    """Every page a reader can ask for, in every format (a copy the caller may add to)."""
    if not _OUTPUTS:
        _OUTPUTS.update(_every_output(run))
    return dict(_OUTPUTS)


def _every_output(run) -> dict[str, str]:
    outputs = {"export all (markdown)": run("export", "all").stdout}
    outputs["export all (json)"] = run("export", "all", "--format", "json").stdout
    outputs["export all (html)"] = run("export", "all", "--format", "html").stdout
    outputs["card"] = run().stdout
    outputs["help"] = run("--help").stdout
    for s in SECTIONS:
        outputs[s.name] = run(s.name).stdout
        outputs[f"{s.name} --help"] = run(s.name, "--help").stdout
    for extra in (["path"], ["path", "--from", "nurse", "--setting", "nursing-home"], ["sections"]):
        outputs[" ".join(extra)] = run(*extra).stdout
    for code in ("CMM", "CPHQ", "CMPE", "CHFP", "FACHE", "CNHA"):
        outputs[f"certifications {code}"] = run("certifications", code).stdout
    for key in ("student", "nurse", "clinician", "records-tech", "business", "career-changer"):
        outputs[f"path --from {key}"] = run("path", "--from", key).stdout
    for key in ("hospital", "nursing-home", "practice", "health-information", "public-health"):
        outputs[f"path --setting {key}"] = run("path", "--setting", key).stdout
    outputs["fit"] = run("fit", "--answers", ",".join("3" for _ in range(14))).stdout
    for words in (["seed"], ["source"], ["BLS"], ["renewal"]):
        outputs[f"search {words[0]}"] = run("search", *words, "--limit", "200").stdout
    outputs["pay --history"] = run("pay", "--history").stdout
    outputs["pay --salary"] = run("pay", "--salary", "95000").stdout
    return outputs


def test_no_british_spelling_in_any_output(run) -> None:
    found = []
    for name, text in every_output(run).items():
        found += [f"{name}: {m.group()}" for m in BRITISH.finditer(" ".join(text.split()))]
    assert not found, found


def test_no_british_spelling_in_readme_docs_or_json_keys(run) -> None:
    texts = [ROOT.joinpath("README.md").read_text(encoding="utf-8")]
    texts += [p.read_text(encoding="utf-8") for p in sorted(ROOT.joinpath("docs").glob("*.md"))]
    assert not [m.group() for t in texts for m in BRITISH.finditer(t)]


def test_no_british_spelling_in_the_data_or_its_field_names(shipped_text) -> None:
    """The knowledge base a maintainer edits, and the schema's field names (which --json and errors show)."""
    from hsm_guide import model
    from hsm_guide.wages import model as wages

    records = [
        c for m in (model, wages) for c in vars(m).values() if isinstance(c, type) and issubclass(c, model.Record)
    ]
    fields = " ".join(f.replace("_", " ") for c in records for f in c.__struct_fields__)
    assert not [m.group() for m in BRITISH.finditer(fields)]
    assert not [m.group() for m in BRITISH.finditer(shipped_text.replace("_", " "))]


def test_the_spelling_check_can_fail() -> None:
    assert BRITISH.search("a state-approved training programme")
    assert BRITISH.search("Licence")
    assert BRITISH.search("in the evenings and at weekends")
    assert not BRITISH.search("a license and a program at the center")


def test_no_internal_id_or_file_name_reaches_a_reader(run, shipped_text) -> None:
    from hsm_guide.knowledge import load, packaged_data_path

    kb = load(packaged_data_path())
    ids = {s.id for s in kb.sources if "-" in s.id}
    internal = re.compile(r"\bseeds? ?-?\d{3}\b|\b\d{3}_[0-9a-f]{16}\.txt\b|\bfile \S+\.txt", re.IGNORECASE)
    outputs = {k: v for k, v in every_output(run).items() if "json" not in k}
    outputs["export all (svg)"] = run("export", "sources", "--format", "svg").stdout
    found = []
    for name, text in outputs.items():
        found += [f"{name}: {m.group()}" for m in internal.finditer(text)]
        found += [f"{name}: {i}" for i in ids if re.search(rf"(?<![\w/.-]){re.escape(i)}(?![\w/.-])", text)]
    assert not found, found
    assert "seed-002" in run("export", "sources", "--format", "json").stdout, "ids stay in JSON for tools"


def test_the_sources_view_lists_disagreements_and_folds_agreements(run) -> None:
    out = " ".join(run("sources").stdout.split())
    disagreements = out[out.index("Where the sources disagree") :]
    assert "Gives the wrong year" in disagreements and "Doubtful" in disagreements
    assert "Agrees with BLS." not in disagreements
    assert "The other 8 readings agree with the BLS figure for their year" in disagreements


# -- credentials: complete, dated, cited -------------------------------------------------


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("code", ["CMPE", "CHFP", "CMM", "CPHRM", "CPHIMS", "CPHQ", "FACHE", "RHIA"])
def test_each_credential_shows_eligibility_renewal_and_its_address(run, code: str) -> None:
    from hsm_guide.knowledge import load, packaged_data_path

    cert = next(c for c in load(packaged_data_path()).certifications.credentials if c.code == code)
    result = run("certifications", code)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    for heading in ("Who is eligible", "Renewal", "Its page at the issuing body"):
        assert heading in lines, (code, heading)
    assert cert.url in [line.strip() for line in lines], "the address, whole, on a line of its own"
    assert "three to nine" not in result.stdout, "general program lengths are not an exam's preparation"


def test_renewal_rules_from_the_issuing_bodies(run) -> None:
    assert "45 continuing-education credits, at least 25 of them from HIMSS" in flat(
        run("certifications", "CPHIMS").stdout
    )
    cphrm = flat(run("certifications", "CPHRM").stdout)
    assert "45 hours of continuing education earned within the 3-year certification period" in cphrm
    assert "$135 for AHA members, $225 for non-members" in cphrm and "CPHRM Prep" not in cphrm
    assert "NAHQ Professional Assessment at least once in each cycle" in flat(run("certifications", "CPHQ").stdout)
    fache = flat(run("certifications", "FACHE").stdout)
    assert "A master's or other post-baccalaureate degree." in fache and "four volunteer activities" in fache
    cmm = flat(run("certifications", "CMM").stdout)
    assert "only while PAHCOM membership has been continuous" in cmm and "describes a yearly cycle" in cmm


def test_status_of_cnha_and_cala_is_the_relaunch_cited_to_achcas_certification_site(run) -> None:
    for code in ("CNHA", "CALA"):
        out = flat(run("certifications", code).stdout)
        assert "Its page at the issuing body https://www.achcacertification.com" in out
        assert "Relaunched: ACHCA's certification site" in out and "2025" in out
        # the trade press's figures, said as theirs (McKnight's quoting ACHCA's chief executive)
        assert "a 100-question core exam, and a 50-question exam for each line of service" in out
        assert "Trade press on the relaunch (secondary)" in out


def test_practice_managers_see_every_credential_they_meet(run) -> None:
    out = flat(run("path", "--setting", "practice").stdout)
    assert "CMPE" in out and "CHFP" in out and "CMM" in out
    assert "the practice manager's credential" not in out


def test_nab_exams_as_they_are_since_july_2022_and_both_hse_pathways(run) -> None:
    out = flat(run("licensure").stdout)
    assert "Since July 2022 the CORE exam has 125 questions (100 scored, 25 unscored pretest) in 150 minutes" in out
    assert "75 questions (60 scored, 15 pretest) in 90 minutes" in out
    assert "Before the July 2022 change" in out, "the 2017 structure only as history"
    assert "career pathway" in out and "HSE education pathway" in out
    nursing_home = flat(run("path", "--setting", "nursing-home").stdout)
    assert "(50 items)" not in nursing_home and "60 scored and 15 pretest" in nursing_home


# -- the audit's other errors ------------------------------------------------------------


def test_related_pay_range_says_its_year(run) -> None:
    out = flat(run("related").stdout)
    assert "year not given" not in out and "$74,000, was BLS's May 2021 median" in out
    # the top end's occupation and year come from no source the guide holds: said so, not guessed
    assert "no source the guide holds says which occupation or year its $159,000 top end is" in out
    assert "mixes editions" in flat(run("sources").stdout), "the career-guide article's entry says it mixes editions"


def test_the_day_adds_no_time_the_source_does_not_give(run) -> None:
    out = run("day").stdout
    assert "Afternoon" not in out and "board meeting on expanding" in flat(out)


def test_citations_point_at_the_pages_that_hold_the_facts(run) -> None:
    def entries(*args: str) -> list[dict]:
        payload = json.loads(run(*args, "--json").stdout)
        return [e for b in payload["sections"][0]["blocks"] if b["type"] == "bullets" for e in b["entries"]]

    april = [e for e in entries("roles") if "April 2021 listing" in e["text"]]
    assert april and all(e["sources"] == ["onet-summary-2021"] for e in april)
    dc = [e for e in entries("licensure") if "District of Columbia" in e["text"]]
    assert dc and all("seed-002" not in e["sources"] and "nab-programs" in e["sources"] for e in dc)
    duties = json.loads(run("duties", "--json").stdout)["sections"][0]["blocks"]
    assert set(next(b for b in duties if b["type"] == "bars")["sources"]) == {"onet-details"}
    assert "webarchive.library.unt.edu/web/20210428005148" in run("roles").stdout


def test_employer_shares_carry_their_year_wherever_they_appear(run) -> None:
    share = re.compile(r"\babout (?:30|12|8)% ")
    outputs = every_output(run)
    outputs.update(
        {f"path --setting {k}": run("path", "--setting", k).stdout for k in ("hospital", "practice", "public-health")}
    )
    undated = [  # each clause (text between periods and semicolons) that gives a share
        f"{name}: {clause}"
        for name, text in outputs.items()
        for clause in re.split(r"[.;]", flat(text))
        if share.search(clause) and "2021" not in clause
    ]
    assert not undated, undated


def test_seed_facts_that_were_missing(run) -> None:
    overview = flat(run("overview").stdout)
    assert "half the workers in the occupation earned more than it and half earned less" in overview
    assert "every two years" in overview
    assert "every year since the 2019-29 set" in overview  # the projections archive: yearly since then
    assert "forty-hour weeks" in flat(run("settings").stdout)


def test_no_sentence_is_lifted_from_a_seed() -> None:
    """Facts come from the sources; sentences never do. No run of eight words in the data
    repeats a seed, apart from proper names (a law's, a body's or a credential's)."""
    from hsm_guide.knowledge import iter_records, load, packaged_data_path

    from .conftest import SEEDS

    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    kb = load(packaged_data_path())
    names = [c.name for c in kb.certifications.credentials] + [o.name for o in kb.organizations]
    names += ["Health Insurance Portability and Accountability Act"]

    def runs(text: str) -> set[str]:
        for name in names:
            text = text.replace(name, " | ")
        words = re.findall(r"[a-z0-9$%']+|\|", text.lower())
        return {" ".join(words[i : i + 8]) for i in range(len(words) - 7)} - {""}

    seeds: set[str] = set()
    for path in SEEDS.glob("*.txt"):
        seeds |= runs(path.read_text(encoding="utf-8"))
    lifted = []
    for path, record in iter_records(kb):
        if path[:1] in (["sources"], ["readings"], ["pay"], ["quick_facts"]):
            continue  # catalog entries, and the sections another change owns
        for name in record.__struct_fields__:
            value = getattr(record, name)
            if isinstance(value, str):
                lifted += [f"{path}.{name}: {r}" for r in runs(value) & seeds if "|" not in r]
    assert not lifted, lifted


# -- shorter where it should be -----------------------------------------------------------

YEAR = re.compile(r"\b(?:19|20)\d\d\b")


@pytest.mark.parametrize("name", [s.name for s in SECTIONS])
def test_brief_prints_only_the_key_points_in_ten_lines(run, monkeypatch, name: str) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    result = run(name, "--brief")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert 4 <= len(lines) <= 10, lines
    assert "Sources" not in lines[1:], "only the key points"
    points = [line for line in lines if line.startswith("• ")]
    assert points, "a section has key points"
    for point in flat(result.stdout).split("• ")[1:]:
        if re.search(r"\$\d|\d%|\d,\d{3}", point.split("Run hsm-guide")[0]):
            assert YEAR.search(point), f"a figure without its year: {point}"
    assert run(name).stdout.splitlines()[2].endswith(": key points"), "the section opens with its key points"
    payload = json.loads(run(name, "--brief", "--json").stdout)
    assert [b["type"] for b in payload["sections"][0]["blocks"]] == ["bullets", "note"]


def test_brief_rejects_other_pay_options(run) -> None:
    result = run("pay", "--brief", "--year", "2021")
    assert result.exit_code == 2 and "--brief" in result.stderr


def test_duties_says_the_budgets_point_once(run) -> None:
    out = run("duties").stdout.lower()
    assert len(re.findall(r"\bbudget", out)) == 1


def test_the_card_shows_what_people_miss(run) -> None:
    out = flat(run().stdout)
    for command in ("hsm-guide path", "hsm-guide fit", "hsm-guide search", "hsm-guide pay --salary"):
        assert command in out, command
    from hsm_guide.views import BY_NAME

    if "area" in {o.name for o in BY_NAME["pay"].options}:
        assert "hsm-guide pay --area" in out


def test_dated_advice_is_the_sources_and_dated(run) -> None:
    for args in (["education"], ["settings"], ["path", "--from", "student"]):
        out = flat(run(*args).stdout)
        for dated in ("typing", "fax machines", "rate charts"):
            if dated in out:
                sentence = out[: out.index(dated)].rsplit("•", 1)[-1]
                assert "2022 reference-book profile" in sentence, (args, dated)


def test_key_points_name_real_sections(run, shipped_text, write_kb) -> None:
    kb = write_kb(shipped_text.replace("  - section: duties\n", "  - section: dutys\n", 1))
    result = run("validate", str(kb))
    assert result.exit_code == 1 and "key_points[1].section: no section is called 'dutys'" in result.stderr


def test_the_secondary_means_cite_the_pages_that_hold_them() -> None:
    """May 2022's mean is on the metro page, May 2023's on the state page; never the site's root."""
    from hsm_guide.knowledge import load, packaged_data_path

    kb = load(packaged_data_path())
    urls = {s.id: s.url for s in kb.sources}
    cited = {m.year: [urls[i] for i in m.sources] for m in kb.pay.means}
    assert all(u and u.rstrip("/") != "https://commentary.healthguideusa.org" for us in cited.values() for u in us)
    assert any("metro-areas" in u for u in cited[2022]) and any("states" in u for u in cited[2023])
