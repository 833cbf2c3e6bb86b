"""Beyond reading a section: search, path, fit, pay history and salary, completion."""

from __future__ import annotations

import io
import json
import os
import pty
import re
import signal
import subprocess
import sys
import time

import pytest

from hsm_guide.knowledge import load, packaged_data_path

from .conftest import environment, run_in

pytestmark = pytest.mark.usefixtures("warm_cache")  # pages here are read, not the cache (conftest.py)


def flat(text: str) -> str:
    return " ".join(text.split())


# -- search -------------------------------------------------------------------------------


def test_search_finds_hipaa_and_says_where_to_read_it(run) -> None:
    result = run("search", "HIPAA")
    assert result.exit_code == 0
    out = flat(result.stdout)
    assert "Answer: HIPAA" in out and "Read on: hsm-guide explain hipaa" in out  # the glossary's entry first
    assert "Duties / The work in detail: HIPAA safeguards" in out  # then where the guide uses it
    assert "→ hsm-guide duties" in out


def searched(run, *args: str) -> dict:
    """A search's JSON, the one shape every view has: its document's count, corrections and hits."""
    payload = json.loads(run("search", *args, "--json").stdout)
    assert payload["schema_version"] == 1
    (document,) = payload["sections"]
    assert document["name"] == "search"
    blocks = document["blocks"]
    count = next(b["text"] for b in blocks if b["type"] == "paragraph" and re.match(r"\d+ match", b["text"]))
    notes = [b["text"] for b in blocks if b["type"] == "note"]
    corrections = dict(re.findall(r"Showing results for '(.+?)' \(you typed '(.+?)'\)", " ".join(notes)))
    hits = [b["entries"] for b in blocks if b["type"] == "bullets"][-1]  # after any answer card
    return {
        "total": int(count.split()[0]),
        "corrections": {typed: used for used, typed in corrections.items()},
        "hits": [{"where": h["label"], "text": h["text"], "command": h["detail"], "spans": h["marks"]} for h in hits],
    }


def test_search_ranks_passages_with_every_word_first(run) -> None:
    words = ("nursing", "home", "licens")
    payload = searched(run, "nursing", "home", "license")
    first = payload["hits"][0]
    assert all(w in f"{first['where']} {first['text']}".lower() for w in words)
    assert first["command"] == "hsm-guide licensure"
    counts = [sum(w in f"{h['where']} {h['text']}".lower() for w in words) for h in payload["hits"]]
    assert counts == sorted(counts, reverse=True)
    assert min(counts) >= 2, "a three-word search keeps hits matching at least two words"


def test_search_forgives_typos_and_says_so(run) -> None:
    result = run("search", "certfication")
    assert result.exit_code == 0
    assert "Showing results for 'certification' (you typed 'certfication')." in result.stdout
    payload = searched(run, "certfication")
    assert payload["corrections"] == {"certfication": "certification"}
    assert payload["total"] > 5


def test_search_accepts_us_and_british_spellings(run) -> None:
    us = searched(run, "license")
    uk = searched(run, "licence")
    assert us["total"] == uk["total"] > 5
    assert any("license" in h["text"] for h in us["hits"])
    for british, american in (("programme", "program"), ("organisation", "organization"), ("centre", "center")):
        typed = searched(run, british)
        assert typed["total"] == searched(run, american)["total"] > 0, british
        assert not typed["corrections"], "a British spelling is a synonym, not a typo"


def test_search_json_has_spans_and_commands(run) -> None:
    payload = searched(run, "CPHQ", "--all")
    assert payload["hits"][0]["command"] == "hsm-guide certifications CPHQ", "the credential's own page first"
    hit = payload["hits"][1]
    start, end = hit["spans"][0]
    assert hit["text"][start:end] == "CPHQ"
    assert hit["command"] == "hsm-guide certifications"
    commands = [h["command"] for h in payload["hits"]]
    assert commands.index("hsm-guide sources") > commands.index("hsm-guide resources"), "the catalog comes last"
    assert not any("For the detail of one" in h["text"] for h in payload["hits"]), "hints about the tool are not hits"


def test_search_within_one_section(run) -> None:
    payload = searched(run, "nurse", "--section", "education")
    assert payload["hits"] and {h["where"].split(" / ")[0] for h in payload["hits"]} == {"Education"}
    result = run("search", "nurse", "--section", "nowhere")
    assert result.exit_code == 2 and "unknown section 'nowhere'" in result.stderr


def test_search_with_no_hits_exits_1_with_closest_terms(run) -> None:
    result = run("search", "nrsx")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == "hsm-guide: no matches for 'nrsx'; closest terms: nurse, owners, nurses\n"
    result = run("search", "zzyzx")
    assert result.exit_code == 1
    assert result.stderr == "hsm-guide: no matches for 'zzyzx'\n"


# -- path -----------------------------------------------------------------------------


def test_path_without_options_is_a_tree_of_routes(run) -> None:
    out = run("path").stdout
    for branch in ("├── Education", "├── Experience", "├── Certification (optional)", "├── License", "└── Advancement"):
        assert branch in out
    assert "Master of Science in Nursing (MSN)" in out and "CPHQ: Certified Professional in Healthcare Quality" in out
    assert "hsm-guide path --from student|nurse|clinician|records-tech|business|retail|career-changer" in flat(out)


def test_route_for_a_nurse(run) -> None:
    out = flat(run("path", "--from", "nurse").stdout)
    assert out.startswith("A route into health services management for a registered nurse ")
    assert "1. Experience:" in out and "MSN suits clinical management" in out and "CPHQ" in out
    assert "Sources" in out


def test_nursing_home_route_names_the_licence_exam_and_ait(run) -> None:
    out = flat(run("path", "--from", "nurse", "--setting", "nursing-home").stdout)
    assert "In this setting: Nursing homes and long-term care" in out
    assert "nursing home administrator license" in out
    assert "NAB's national exam" in out
    assert "administrator-in-training (AIT)" in out


@pytest.mark.parametrize("background", ["student", "nurse", "clinician", "records-tech", "business", "career-changer"])
def test_every_background_has_a_cited_route(run, background: str) -> None:
    payload = json.loads(run("path", "--from", background, "--json").stdout)
    blocks = payload["sections"][0]["blocks"]
    steps = next(b for b in blocks if b["type"] == "bullets")["entries"]
    assert len(steps) >= 4 and all(s["sources"] for s in steps)


@pytest.mark.parametrize(("option", "value"), [("--from", "astronaut"), ("--setting", "moon")])
def test_unknown_path_values_list_the_valid_ones(run, option: str, value: str) -> None:
    result = run("path", option, value)
    assert result.exit_code == 2
    valid = "student, nurse" if option == "--from" else "hospital, nursing-home, practice"
    assert f"unknown value '{value}' for {option} (valid: {valid}" in result.stderr


# -- fit --------------------------------------------------------------------------------


def statements() -> list:
    return load(packaged_data_path()).fit.statements


def test_fit_with_answers_option_scores_each_area(run) -> None:
    answers = ",".join("5" for _ in statements())
    result = run("fit", "--answers", answers)
    assert result.exit_code == 0, result.output
    out = flat(result.stdout)
    assert "reflection aid" in out and "not a validated assessment" in out
    assert "Helping (high)" in out and "Read more: hsm-guide interests" in out
    # the reverse statements turn round: 5 and 1 average to 3, a mixed score
    assert "On-call and long hours (mixed)" in out


def test_fit_json_scores(run) -> None:
    answers = [1 if s.reverse else 5 for s in statements()]
    payload = json.loads(run("fit", "--answers", ",".join(map(str, answers)), "--json").stdout)
    bars = next(b for b in payload["sections"][0]["blocks"] if b["type"] == "bars")
    assert {r["label"]: (r["value"], r["note"]) for r in bars["rows"]}["On-call and long hours"] == (5.0, "high")


def test_fit_reads_piped_answers_one_per_line(run) -> None:
    piped = "\n".join("3" for _ in statements()) + "\n"
    result = run("fit", input=piped)
    assert result.exit_code == 0
    assert "Helping (mixed)" in flat(result.stdout)


@pytest.mark.parametrize(
    ("piped", "message"),
    [
        ("3\n7\n", "line 2: '7' is not a whole number from 1 to 5"),
        ("3\n3\n", "expected 14 answers, one per statement, got 2"),
        ("three\n", "line 1: 'three' is not a whole number from 1 to 5"),
    ],
)
def test_fit_rejects_bad_piped_answers(run, piped: str, message: str) -> None:
    result = run("fit", input=piped)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"hsm-guide: {message}\n"


def test_fit_rejects_a_bad_answers_option(run) -> None:
    result = run("fit", "--answers", "5,4,9")
    assert result.exit_code == 2 and "answer 3: '9' is not a whole number from 1 to 5" in result.stderr


def test_fit_asks_again_on_an_invalid_interactive_answer() -> None:
    typed = "9\nmaybe\n" + "\n".join("4" for _ in statements()) + "\n"
    result = run_in(environment(typed.encode(), stdin_isatty=True), "fit")
    assert result.exit_code == 0
    assert result.stderr.count("Please answer with a whole number from 1 to 5.") == 2
    assert "[....................] 1/14" in result.stderr and "14/14" in result.stderr
    assert "Helping (high)" in flat(result.stdout)
    assert "Your answer (1-5)" not in result.stdout, "prompts go to stderr, the result to stdout"


def test_fit_at_a_real_terminal_stops_with_130_on_ctrl_c() -> None:
    main, child = pty.openpty()
    env = {**os.environ, "COLUMNS": "80"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "hsm_guide", "fit"], stdin=child, stdout=child, stderr=child, env=env
    )
    os.close(child)
    seen = b""
    deadline = time.monotonic() + 20
    while b"Your answer (1-5): " not in seen and time.monotonic() < deadline:
        seen += os.read(main, 4096)
    os.write(main, b"5\n")
    while seen.count(b"Your answer (1-5): ") < 2 and time.monotonic() < deadline:
        seen += os.read(main, 4096)
    proc.send_signal(signal.SIGINT)  # what Ctrl-C at the terminal delivers
    assert proc.wait(timeout=20) == 130
    rest = b""
    try:
        while chunk := os.read(main, 4096):
            rest += chunk
    except OSError:
        pass
    os.close(main)
    assert b"Traceback" not in rest and b"Aborted" not in rest
    assert rest.replace(b"^C", b"") == b"\r\n", "a newline, so the shell's prompt starts on its own line"


class CtrlC(io.BytesIO):
    """A keyboard whose next key is Ctrl-C."""

    def readline(self, size: int | None = -1) -> bytes:
        raise KeyboardInterrupt


def test_fit_ctrl_c_in_process_prints_nothing_on_stdout() -> None:
    env = environment(stdin_isatty=True)
    env.stdin = CtrlC()
    result = run_in(env, "fit")
    assert result.exit_code == 130
    assert result.stdout == ""
    assert result.stderr.endswith("Your answer (1-5): \n"), "the prompt's line is ended; nothing else is said"


# -- pay history and salary --------------------------------------------------------------


def test_pay_history_charts_every_edition_with_its_source(run) -> None:
    out = run("pay", "--history").stdout
    for line in (
        "May 2010",
        "$84,270  BLS",
        "May 2021",
        "$101,340  Truity's copy of the BLS handbook (secondary)",
        "$117,960  CareerLaunchKit (secondary)",
    ):
        assert line in out
    assert "May 2025 █" in out and "$123,860  BLS" in out  # the May 2025 release, last
    assert "+$39,590 (+47%), from $84,270 to $123,860" in out
    assert "May 2024: $117,960 from CareerLaunchKit (secondary)" in out  # shown, left out of the change


def test_salary_against_the_latest_percentiles_and_industries(run) -> None:
    out = flat(run("pay", "--salary", "95000").stdout)
    assert "Where a $95,000 offer stands in the United States (May 2025)" in out
    # May 2025: 25th percentile $94,700, median $123,860
    assert "$95,000 a year, $45.67 an hour: about the 25th percentile nationally." in out
    assert "Against the median nationally $28,860 (23%) below it" in out
    assert "25th $94,700" in out
    older = flat(run("pay", "--salary", "95000", "--year", "2022").stdout)
    assert "Percentile, May 2022 about the 39th" in older
    assert "Nursing and residential care facilities $83,550 $11,450 (14%) above" in older


@pytest.mark.parametrize("amount", ["95,000", "$95,000", "95k", "95000.00"])
def test_salary_accepts_the_ways_people_write_it(run, amount: str) -> None:
    assert "Where a $95,000 offer stands" in run("pay", "--salary", amount).stdout


def test_salary_for_another_year_and_hourly(run) -> None:
    out = flat(run("pay", "--salary", "45", "--hourly", "--year", "2019").stdout)
    assert "Where a $93,600 offer stands (May 2019)" in out and "Percentile, May 2019" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--salary", "-5"], "a salary must be a positive amount, not '-5'"),
        (["--salary", "lots"], "not a salary: 'lots'; give an amount such as 95000"),
        (["--salary", "50"], "$50 a year looks like an hourly rate; add --hourly if it is one"),
        (["--salary", "95000", "--year", "2015"], "no percentiles for 2015; years with percentiles: 2019, 2021, 2022"),
        (["--salary", "95000", "--history"], "--history and --salary show different things; use one at a time"),
    ],
)
def test_salary_nonsense_is_a_clear_error(run, args: list[str], message: str) -> None:
    result = run("pay", *args)
    assert result.exit_code == 2
    assert result.stderr == f"hsm-guide: {message}\n"


# -- completion ---------------------------------------------------------------------------


def complete(words: str, env_extra: dict[str, str] | None = None) -> list[str]:
    env = {
        **os.environ,
        "_HSM_GUIDE_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
    }
    env.update(env_extra or {})
    out = subprocess.run([sys.executable, "-m", "hsm_guide"], env=env, capture_output=True, text=True, check=True)
    return out.stdout.split()


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("hsm-guide certifications CP", ["CPHRM", "CPHIMS", "CPHQ"]),
        ("hsm-guide path --from n", ["nurse"]),
        ("hsm-guide path --setting h", ["hospital", "health-information"]),
        ("hsm-guide pay --year 202", ["2020", "2021", "2022", "2023", "2024", "2025"]),
        ("hsm-guide export a", ["all", "advancement"]),
        ("hsm-guide search x --section s", ["settings", "skills", "sources"]),
        ("hsm-guide sett", ["settings"]),
    ],
)
def test_completion_comes_from_the_knowledge_base(words: str, expected: list[str]) -> None:
    assert complete(words) == expected


def in_bash(*args: str) -> list[str]:
    """The guide run from a bash shell, as a reader installs completion: it finds the shell it runs
    under among the processes above it (a suite started detached from any shell has none)."""
    return ["bash", "-c", '"$@"; exit $?', "bash", sys.executable, "-m", "hsm_guide", *args]


def test_show_completion_prints_a_script() -> None:
    out = subprocess.run(
        in_bash("--show-completion", "bash"),
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "SHELL": "/bin/bash"},
    ).stdout
    assert "_hsm_guide_completion" in out


def test_install_completion_writes_the_script_for_the_shell(tmp_path) -> None:
    env = {**os.environ, "HOME": str(tmp_path), "SHELL": "/bin/bash"}
    result = subprocess.run(
        in_bash("--install-completion", "bash"),
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    script = tmp_path / ".bash_completions" / "hsm-guide.sh"
    assert "_hsm_guide_completion" in script.read_text()
    assert str(script) in (tmp_path / ".bashrc").read_text()


def test_completion_reads_the_knowledge_base_named_by_data(tmp_path) -> None:
    other = tmp_path / "other.yaml"
    other.write_text(packaged_data_path().read_text(encoding="utf-8").replace("code: CPHQ", "code: CPXQ"))
    assert complete(f"hsm-guide --data {other} certifications CP") == ["CPHRM", "CPHIMS", "CPXQ"]


def test_fit_prompts_wrap_to_a_narrow_terminal() -> None:
    typed = "\n".join("3" for _ in statements()) + "\n"
    result = run_in(environment(typed.encode(), stdin_isatty=True, width=40), "fit")
    assert result.exit_code == 0
    assert max(len(line) for line in result.stderr.splitlines()) <= 40


def test_a_salary_beyond_the_band_is_still_labelled(run, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    out = run("pay", "--salary", "300000").stdout
    assert "$300,000 ▲" in out
    assert max(len(line) for line in out.splitlines() if not line.startswith("http")) <= 60
