"""Every fact in the knowledge base is reachable from some command.

Walks every record of the shipped knowledge base and checks that each text
and each figure shows up in the JSON of some command (which carries exactly
the blocks the terminal draws).
"""

from __future__ import annotations

import json

import msgspec
import pytest

from hsm_guide.knowledge import iter_records, load, packaged_data_path
from hsm_guide.sections.pay.editions import pay_years
from hsm_guide.sections.sourcing import STATUS_WORDS, plain_names
from hsm_guide.views import SECTIONS

pytestmark = pytest.mark.usefixtures("warm_cache")  # pages here are read, not the cache (conftest.py)

# Fields that classify rather than state a fact; they shape headings and layout.
STRUCTURAL = {
    "basis",
    "kind",
    "topic",
    "unit",
    "statistic",
    "schema_version",
    "current_edition",
    "required",
    "sources",
}


def all_output(run) -> str:
    commands = [[s.name] for s in SECTIONS]
    kb = load(packaged_data_path())
    commands += [["certifications", c.code] for c in kb.certifications.credentials]
    commands += [["pay", "--year", str(y)] for y in pay_years(kb)] + [["pay", "--history"]]
    commands += [["path"]] + [["path", "--from", b.key] for b in kb.paths.backgrounds]
    commands += [["path", "--setting", s.key] for s in kb.paths.settings]
    commands += [["path", "--from", "student", "--setting", s.key] for s in kb.paths.settings]  # their durations
    commands += [["explain"]] + [["explain", t.term] for t in kb.glossary]
    statements = kb.fit.statements
    for high in (True, False):  # every area high, then every area low
        answers = [(5 if high else 1) if not s.reverse else (1 if high else 5) for s in statements]
        commands.append(["fit", "--answers", ",".join(map(str, answers))])
    commands.append(["fit", "--answers", ",".join("3" for _ in statements)])  # every area mixed
    commands.append(["fit", "--answers", ",".join(str(1 + i % 5) for i in range(len(statements)))])  # every answer
    texts = [run(*args, "--json").stdout for args in commands]
    return "\n".join(json.dumps(json.loads(t), ensure_ascii=False) for t in texts)


# How a few fields are displayed: shortened under a heading that says the rest.
DISPLAYED = {
    ("Edition", "growth_descriptor"): lambda record, v: v.removesuffix(" than average"),  # under "Vs average"
    ("Edition", "growth_end"): lambda record, v: f"{record.growth_start}-{v % 100:02d}",  # periods read 2023-33
    ("Reading", "status"): lambda record, v: STATUS_WORDS[v],  # a verdict in words, starting its sentence
    ("Fit", "scale"): lambda record, v: v.lower(),  # "4 (quite like me)"
}
# Identifiers that join records together rather than state anything.
# short: how sentences name it; a route's aliases: other names a reader may type for its key (rn for nurse).
INTERNAL = {("FitArea", "key"), ("FitStatement", "area"), ("Source", "short"), ("Route", "aliases")}


def shown(value: object, out: str) -> bool:
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)[1:-1] in out
    if isinstance(value, bool):
        return True
    if isinstance(value, (int, float)):
        forms = {repr(value), f"{value:,.0f}", f"{value:,.2f}", f"{value:g}", str(int(value))}
        return any(form in out for form in forms)
    return True


def test_every_text_and_figure_is_shown_somewhere(run) -> None:
    out = all_output(run)
    kb = load(packaged_data_path())
    missing = []
    checked = 0
    # The wage extract's figures are checked row by row against the views in test_wages.py.
    # questions: is how search reads a question, not facts (tests/test_questions.py holds it to its answers).
    for path, record in iter_records(msgspec.structs.replace(kb, wages=None, questions=None)):
        for name in record.__struct_fields__:
            value = getattr(record, name)
            values = value if isinstance(value, list) and name not in STRUCTURAL else [value]
            for v in values:
                if name in STRUCTURAL or v is None or not isinstance(v, (str, int, float)):
                    continue
                if (type(record).__name__, name) in INTERNAL:
                    continue
                checked += 1
                display = DISPLAYED.get((type(record).__name__, name))
                if display:
                    v = display(record, v)
                elif isinstance(v, str):
                    v = plain_names(kb, v)  # readers see "the blog post", never "seed 001"
                if not shown(v, out):
                    missing.append(f"{path}.{name}: {v!r}")
    assert not missing, "\n".join(missing)
    assert checked > 800
