"""The loader and the schema: every kind of bad file gets one clear line and exit 1."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from hsm_guide import knowledge
from hsm_guide.errors import DataError

Write = Callable[..., Path]


def one_error_line(result) -> str:
    """The command failed with status 1, printed nothing on stdout and one line on stderr."""
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_the_shipped_knowledge_base_is_valid(run) -> None:
    result = run("validate")
    assert result.exit_code == 0, result.output
    summary = re.search(
        r"valid: (\d+) sections, (\d+) items, (\d+) figures, (\d+) sources, (\d+) citations", result.stdout
    )
    assert summary, result.stdout
    sections, items, figures, sources, citations = map(int, summary.groups())
    assert sections == 22 and items > 300 and figures > 100 and sources >= 29 and citations > items


def test_missing_file(run, tmp_path: Path) -> None:
    line = one_error_line(run("--data", str(tmp_path / "absent.yaml"), "duties"))
    assert line == f"hsm-guide: {tmp_path / 'absent.yaml'}: no such file"


def test_a_folder_is_not_a_file(run, tmp_path: Path) -> None:
    line = one_error_line(run("--data", str(tmp_path), "duties"))
    assert line.endswith("is a folder, not a knowledge base file")


def test_unreadable_file(run, write_kb: Write, shipped_text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_kb(shipped_text)

    def refuse(self: Path, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)  # chmod means nothing to root, so simulate it
    assert one_error_line(run("--data", str(path), "pay")) == f"hsm-guide: {path}: permission denied"


def test_not_utf8_names_the_line_and_byte(run, write_kb: Write) -> None:
    path = write_kb(b"schema_version: 1\nidentity:\n  title: Caf\xe9\n")
    line = one_error_line(run("--data", str(path), "duties"))
    assert line == f"hsm-guide: {path}:3: not UTF-8 text (byte 0xe9 at offset 40)"


def test_yaml_syntax_error_names_the_line(run, write_kb: Write, shipped_text: str) -> None:
    broken = shipped_text.replace("  factors:\n", "  factors: [unclosed\n", 1)
    path = write_kb(broken)
    line = one_error_line(run("--data", str(path), "duties"))
    assert line.startswith(f"hsm-guide: {path}:")
    assert "YAML syntax error" in line
    number = int(line.split(":")[2])
    assert abs(number - line_of(broken, "  factors: [unclosed")) <= 2


@pytest.mark.parametrize(
    ("old", "new", "path", "message"),
    [
        (
            '        - {industry: "Outpatient care centers", annual: 99540}',
            '        - {industry: "Outpatient care centers", annual: "a lot"}',
            "pay.by_industry[0].rows[2].annual",
            "expected a number, got text",
        ),
        ("  factors:\n", "  factorz:\n", "pay.factorz", "unknown key"),
        ('  soc_code: "11-9111"\n', "", "identity", "missing required key 'soc_code'"),
        ("percent: 30}", "percent: 130}", "settings.employer_shares.rows[0].percent", "must be at most 100"),
        ('  soc_code: "11-9111"', '  soc_code: "119111"', "identity.soc_code", "does not match the pattern"),
        (
            "    - pay_year: 2010\n",
            "    - pay_year: 1776\n",
            "quick_facts.editions[0].pay_year",
            "must be at least 1900",
        ),
        (
            "  current_edition: 2023",
            "  current_edition: 2031",
            "quick_facts.current_edition",
            "no edition has pay_year 2031",
        ),
    ],
)
def test_schema_violation_names_file_line_and_key_path(
    run, write_kb: Write, shipped_text: str, old: str, new: str, path: str, message: str
) -> None:
    assert old in shipped_text
    text = shipped_text.replace(old, new, 1)
    kb = write_kb(text)
    line = one_error_line(run("--data", str(kb), "duties"))
    match = re.fullmatch(rf"hsm-guide: {re.escape(str(kb))}:(\d+): {re.escape(path)}: (.*)", line)
    assert match, line
    assert message in match.group(2)
    if new:  # the line points at the changed text, or the mapping holding it
        assert abs(int(match.group(1)) - line_of(text, new.strip().splitlines()[0])) <= 1


def test_unknown_source_id_is_an_error(run, write_kb: Write, shipped_text: str) -> None:
    text = shipped_text.replace(
        '{text: "Patients", sources: [seed-002, seed-000]}', '{text: "Patients", sources: [seed-002, seed-999]}', 1
    )
    kb = write_kb(text)
    line = one_error_line(run("--data", str(kb), "overview"))
    assert line == (
        f"hsm-guide: {kb}:{line_of(text, 'seed-999')}: duties.works_with[4].sources[1]: cites unknown source 'seed-999'"
    )


def test_employer_shares_may_not_exceed_100(run, write_kb: Write, shipped_text: str) -> None:
    kb = write_kb(shipped_text.replace("percent: 12}", "percent: 72}", 1))
    line = one_error_line(run("--data", str(kb), "settings"))
    assert "settings.employer_shares.rows: employer shares add up to 126%, more than 100%" in line


def test_duplicate_source_ids_are_an_error(write_kb: Write, shipped_text: str) -> None:
    kb = write_kb(shipped_text.replace("  - id: seed-001\n", "  - id: seed-000\n", 1))
    with pytest.raises(DataError) as caught:
        knowledge.load(kb)
    assert "source id 'seed-000' is defined twice" in str(caught.value)


def test_credential_codes_are_unique(run, write_kb: Write, shipped_text: str) -> None:
    """`certifications CODE` finds a credential by its code: a second credential with the code would be hidden."""
    text = shipped_text.replace("    - code: CHFP\n", "    - code: CMPE\n", 1)
    kb = write_kb(text)
    second = [i for i, line in enumerate(text.splitlines(), 1) if line == "    - code: CMPE"][1]
    line = one_error_line(run("--data", str(kb), "certifications"))
    assert line == (
        f"hsm-guide: {kb}:{second}: certifications.credentials[1].code: certification code 'CMPE' is listed twice"
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "the file is empty; expected a mapping of sections"),
        ("- a\n- b\n", "the top level is a list; expected a mapping of sections"),
        ("42\n", "the top level is a number; expected a mapping of sections"),
        ("null\n", "the document is null (nothing but `null` or `~`); expected a mapping of sections"),
        ("# just a comment\n", "the file is empty; expected a mapping of sections"),
        ("a: 1\n---\nb: 2\n", "the file holds more than one YAML document; a knowledge base is one"),
    ],
)
def test_documents_that_are_not_a_knowledge_base(run, write_kb: Write, content: str, message: str) -> None:
    kb = write_kb(content)
    assert one_error_line(run("--data", str(kb), "duties")).endswith(message)


def test_python_object_tags_are_refused(run, write_kb: Write) -> None:
    kb = write_kb("schema_version: !!python/object/apply:os.system ['echo pwned']\n")
    line = one_error_line(run("--data", str(kb), "duties"))
    assert f"{kb}:1:" in line and "python/object" in line


def test_validate_reports_every_problem_not_only_the_first(run, write_kb: Write, shipped_text: str) -> None:
    text = (
        shipped_text.replace("annual: 99540}", 'annual: "x"}', 1)
        .replace("  factors:\n", "  factorz:\n", 1)
        .replace("percent: 30}", "percent: -5}", 1)
    )
    kb = write_kb(text)
    result = run("validate", str(kb))
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert any("pay.by_industry[0].rows[2].annual: expected a number" in line for line in lines)
    assert any("pay.factorz: unknown key" in line for line in lines)
    assert any("pay: missing required key 'factors'" in line for line in lines)
    assert any("settings.employer_shares.rows[0].percent: must be at least 0" in line for line in lines)
    assert lines[-1] == f"hsm-guide: {kb}: 4 problems found"


def test_validate_takes_the_file_in_use(run, write_kb: Write, shipped_text: str) -> None:
    kb = write_kb(shipped_text)
    result = run("--data", str(kb), "validate")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"{kb}: valid: ")


def test_environment_variable_selects_the_data(run, write_kb: Write, shipped_text: str, monkeypatch) -> None:
    kb = write_kb(shipped_text.replace("title: Medical and Health Services Managers", "title: Renamed Managers", 1))
    monkeypatch.setenv("HSM_GUIDE_DATA", str(kb))
    assert "Renamed Managers" in run("overview").stdout
    # --data wins over the environment variable
    assert (
        "Medical and Health Services Managers" in run("--data", str(knowledge.packaged_data_path()), "overview").stdout
    )


def test_fit_statements_must_name_a_known_area(write_kb: Write, shipped_text: str) -> None:
    kb = write_kb(shipped_text.replace("- {area: detail, text:", "- {area: detial, text:", 1))
    with pytest.raises(DataError) as caught:
        knowledge.load(kb)
    assert "fit.statements[8].area: no fit area has key 'detial'" in str(caught.value)


def test_route_keys_are_unique(write_kb: Write, shipped_text: str) -> None:
    kb = write_kb(shipped_text.replace("    - key: clinician\n", "    - key: nurse\n", 1))
    with pytest.raises(DataError) as caught:
        knowledge.load(kb)
    assert "paths.backgrounds[2].key: key 'nurse' is listed twice" in str(caught.value)


def test_python_tags_name_the_tag(run, write_kb: Write) -> None:
    kb = write_kb("schema_version: !!python/object/apply:os.system ['echo pwned']\n")
    line = one_error_line(run("--data", str(kb), "duties"))
    assert line == (
        f"hsm-guide: {kb}:1: the YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' "
        "is not allowed: only plain data is read (safe loading)"
    )


def test_duplicate_keys_are_an_error_not_a_silent_overwrite(run, write_kb: Write, shipped_text: str) -> None:
    text = shipped_text.replace(
        "      median_hourly: 53.21\n", "      median_hourly: 53.21\n      median_hourly: 9.99\n", 1
    )
    kb = write_kb(text)
    first = line_of(text, "      median_hourly: 53.21")
    line = one_error_line(run("--data", str(kb), "pay"))
    import yaml

    editions = yaml.safe_load(shipped_text)["quick_facts"]["editions"]
    at = next(i for i, e in enumerate(editions) if e.get("median_hourly") == 53.21)
    path = f"quick_facts.editions[{at}].median_hourly"
    assert line == f"hsm-guide: {kb}:{first + 1}: {path}: duplicate key 'median_hourly' (first at line {first})"


def test_growth_is_a_percentage(run, write_kb: Write, shipped_text: str) -> None:
    kb = write_kb(shipped_text.replace("growth_percent: 29", "growth_percent: 250", 1))
    line = one_error_line(run("--data", str(kb), "outlook"))
    assert line.endswith("quick_facts.editions[6].growth_percent: must be at most 100")


def test_validate_lists_schema_and_citation_problems_together(run, write_kb: Write, shipped_text: str) -> None:
    text = shipped_text.replace("annual: 99540}", 'annual: "x"}', 1).replace(
        '{text: "Vendors", sources: [seed-001]}', '{text: "Vendors", sources: [nope-src]}', 1
    )
    result = run("validate", str(write_kb(text)))
    assert result.exit_code == 1
    assert "pay.by_industry[0].rows[2].annual: expected a number, got text" in result.stderr
    assert "duties.works_with[8].sources[0]: cites unknown source 'nope-src'" in result.stderr
    assert result.stderr.splitlines()[-1].endswith(": 2 problems found")


def test_the_data_option_leaves_readability_to_the_loader(run, write_kb: Write, shipped_text: str, monkeypatch) -> None:
    """Click's own readable check would exit 2 with usage text; the loader says it in one line with 1."""
    path = write_kb(shipped_text)
    monkeypatch.setattr(os, "access", lambda *args, **kwargs: False)  # what an unreadable file looks like

    def refuse(self: Path, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    assert one_error_line(run("--data", str(path), "duties")) == f"hsm-guide: {path}: permission denied"
    result = run("validate", str(path))
    assert result.exit_code == 1 and f"hsm-guide: {path}: permission denied" in result.stderr


def test_an_occupation_a_question_names_must_name_a_background_route_that_exists(
    run, write_kb: Write, shipped_text: str
) -> None:
    """An occupation of the extract read as a reader's background ("a dental hygienist") names its route in
    by key: a key no route has is a one-line error at its line, for held and unheld occupations alike."""
    held = '    - {said: [dental hygienist], soc: "29-1292", background: clinician}'
    items = [line for line in _list_lines(shipped_text, "  occupations:\n") if line.startswith("    - ")]
    text = shipped_text.replace(held, held.replace("clinician", "hygiene"), 1)
    kb = write_kb(text)
    line = one_error_line(run("--data", str(kb), "duties"))
    at = line_of(text, held.replace("clinician", "hygiene"))
    assert line == (
        f"hsm-guide: {kb}:{at}: questions.occupations[{items.index(held)}].background: "
        "no background route is called 'hygiene'"
    )


def _list_lines(text: str, key: str) -> list[str]:
    """The lines of the list under `key` (in `questions`), up to the next key."""
    start = text.index(key, text.index("\nquestions:\n")) + len(key)
    lines = []
    for line in text[start:].splitlines():
        if line.startswith("  ") and not line.startswith("   "):
            break
        lines.append(line)
    return lines
