"""`fit` in a pipe and on an absolute scale: it reads only the answers it needs, says how
many it expected, and draws every score against the same 1-5 scale."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from hsm_guide.knowledge import load, packaged_data_path

pytestmark = pytest.mark.usefixtures("warm_cache")  # pages here are read, not the cache (conftest.py)

KB = load(packaged_data_path())
COUNT = len(KB.fit.statements)


def answers(high: bool | None) -> str:
    """Every area at 5 (high), at 1 (low) or at 3 (None), reverse statements turned round."""
    if high is None:
        return ",".join("3" for _ in KB.fit.statements)
    return ",".join(("5" if high else "1") if not s.reverse else ("1" if high else "5") for s in KB.fit.statements)


def bar_length(out: str, area: str) -> int:
    line = next(line for line in out.splitlines() if line.startswith(area + " "))
    return line.count("█")


def test_an_endless_pipe_of_answers_is_read_only_as_far_as_needed() -> None:
    env = {**os.environ, "HSM_GUIDE_NO_CACHE": "1"}
    source = subprocess.Popen(["yes", "3"], stdout=subprocess.PIPE)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "hsm_guide", "fit"], stdin=source.stdout, capture_output=True, env=env, timeout=60
        )
    finally:
        source.kill()
        source.wait()
    assert done.returncode == 0, done.stderr
    flat = " ".join(done.stdout.decode("utf-8").split())
    assert "Your answers" in flat and flat.count(f"3 ({KB.fit.scale[2].lower()})") == COUNT


def test_too_few_answers_is_a_usage_error_naming_how_many(run) -> None:
    result = run("fit", input="3\n4\n\n5\n")
    assert result.exit_code == 2
    assert result.stderr == f"hsm-guide: expected {COUNT} answers, one per statement, got 3\n"
    assert result.stdout == ""


def test_bars_share_one_absolute_scale(run) -> None:
    top = run("fit", "--answers", answers(True)).stdout
    middle = run("fit", "--answers", answers(None)).stdout
    bottom = run("fit", "--answers", answers(False)).stdout
    for area in KB.fit.areas:
        full, three, one = (bar_length(out, area.name) for out in (top, middle, bottom))
        assert full > three > one > 0
        assert abs(three / full - 3 / 5) < 0.05, "all 3s draw three fifths of a full bar, not a full one"
    assert "Each bar on the same 1-5 scale: a full bar is 5" in top


def test_a_summary_sentence_leads_the_result(run) -> None:
    n = len(KB.fit.areas)
    assert f"Overall: {n} of {n} areas point toward this career" in " ".join(
        run("fit", "--answers", answers(True)).stdout.split()
    )
    low = " ".join(run("fit", "--answers", answers(False)).stdout.split())
    assert f"Overall: 0 of {n} areas point toward this career; 0 mixed, {n} against: on balance, a poor match" in low


def test_the_summary_names_the_areas_that_point_toward_the_career(run) -> None:
    n = len(KB.fit.areas)
    named = ", ".join(a.name.lower() for a in KB.fit.areas)
    out = " ".join(run("fit", "--answers", answers(True)).stdout.split())
    assert f"Overall: {n} of {n} areas point toward this career ({named}); 0 mixed, 0 against" in out


def test_the_result_saves_like_any_view(run, tmp_path) -> None:
    out = tmp_path / "fit.md"
    result = run("fit", "--answers", answers(None), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# ") and "Overall:" in text and "| Area | Score |" in text


def test_the_svg_bars_share_the_scale_too() -> None:
    """In a handout as in the terminal: a score of 3 draws three fifths of a full bar."""
    import xml.etree.ElementTree as ET

    from hsm_guide.blocks import Bars
    from hsm_guide.fit import result
    from hsm_guide.render.svgcharts import chart

    block = next(b for b in result(KB, [3] * COUNT).blocks if isinstance(b, Bars))
    full = next(b for b in result(KB, [int(a) for a in answers(True).split(",")]).blocks if isinstance(b, Bars))
    widths = [
        [float(r.get("width", 0)) for r in ET.fromstring(chart(b)).iter("rect") if r.get("height") == "14"]
        for b in (block, full)
    ]
    assert widths[0] and len(widths[0]) == len(widths[1])
    assert all(abs(three / five - 3 / 5) < 0.02 for three, five in zip(*widths, strict=True))


# -- the bands: a mean of 3.5 or more points toward the career, 2.5 or less against ----------------


def answers_for(means: dict[str, tuple[int, int]]) -> list[int]:
    """Answers giving each area (two statements each) the pair of effective scores asked for, a reverse
    statement answered 6 minus its score; an area not named scores 3, 3."""
    given: dict[str, list[int]] = {}
    out = []
    for s in KB.fit.statements:
        pair = means.get(s.area, (3, 3))
        score = pair[len(given.setdefault(s.area, []))]
        given[s.area].append(score)
        out.append(6 - score if s.reverse else score)
    return out


def scores(run, answers: list[int]) -> dict[str, tuple[float, str]]:
    result = run("fit", "--answers", ",".join(map(str, answers)), "--json")
    assert result.exit_code == 0, result.stderr
    blocks = json.loads(result.stdout)["sections"][0]["blocks"]
    bars = next(b for b in blocks if b["type"] == "bars")
    return {r["label"]: (r["value"], r["note"]) for r in bars["rows"]}


def test_every_area_has_two_statements_one_reversed_somewhere() -> None:
    """What the band tests below rely on: a mean of exactly 3.5 or 2.5 needs an even count."""
    counts = {a.key: sum(1 for s in KB.fit.statements if s.area == a.key) for a in KB.fit.areas}
    assert set(counts.values()) == {2} and any(s.reverse for s in KB.fit.statements)


def test_the_bands_meet_at_35_and_25(run) -> None:
    areas = [a.key for a in KB.fit.areas]
    reversed_area = next(s.area for s in KB.fit.statements if s.reverse)
    plain = [a for a in areas if a != reversed_area]
    wanted = {plain[0]: (3, 4), plain[1]: (2, 3), plain[2]: (3, 3), reversed_area: (4, 3), plain[3]: (1, 2)}
    found = scores(run, answers_for(wanted))
    name = {a.key: a.name for a in KB.fit.areas}
    assert found[name[plain[0]]] == (3.5, "high")
    assert found[name[reversed_area]] == (3.5, "high"), "a reverse statement is turned round before the mean"
    assert found[name[plain[1]]] == (2.5, "low")
    assert found[name[plain[2]]] == (3.0, "mixed")
    assert found[name[plain[3]]] == (1.5, "low")


@pytest.mark.parametrize(
    ("high", "low", "verdict"),
    [
        (3, 2, "a mixed picture"),  # 3 toward against 2 against and 2 mixed (half weight each): a tie
        (2, 3, "a mixed picture"),
        (4, 2, "on balance, a good match"),
        (2, 4, "on balance, a poor match"),
    ],
)
def test_the_summary_weighs_mixed_areas_at_half(run, high: int, low: int, verdict: str) -> None:
    areas = [a.key for a in KB.fit.areas]
    wanted = {a: (5, 5) for a in areas[:high]} | {a: (1, 1) for a in areas[high : high + low]}
    result = run("fit", "--answers", ",".join(map(str, answers_for(wanted))))
    out = " ".join(result.stdout.split())
    mixed = len(areas) - high - low
    assert f"{mixed} mixed, {low} against: {verdict}" in out


@pytest.mark.parametrize("bad", ["0", "6"])
def test_an_answer_outside_1_to_5_is_refused(run, bad: str) -> None:
    result = run("fit", "--answers", ",".join([bad] + ["3"] * (COUNT - 1)))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == f"hsm-guide: answer 1: '{bad}' is not a whole number from 1 to 5\n"


def test_one_answer_too_many_is_refused(run) -> None:
    result = run("fit", "--answers", ",".join(["3"] * (COUNT + 1)))
    assert result.exit_code == 2
    assert result.stderr == f"hsm-guide: expected {COUNT} answers, one per statement, got {COUNT + 1}\n"
