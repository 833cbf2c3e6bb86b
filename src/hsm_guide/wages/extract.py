"""Read and check the wage extract that sits beside the knowledge base.

`<knowledge base folder>/wages/oews-release.json` says where the figures come
from; `oews-wages.csv` holds them, one BLS estimate a line. Every problem is
one line naming the file, the line and the column, as the YAML's are. A
knowledge base without a `wages/` folder beside it simply has no wage extract.
"""

from __future__ import annotations

import re
from pathlib import Path

import msgspec

from ..errors import DataError, Problem
from ..limits import MAX_BYTES
from ..location import WAGE_FILES, WAGES_FOLDER, wage_files
from .model import MEASURES, NOT_RELEASED, Release, WageRow, Wages
from .states import STATES

FOLDER = WAGES_FOLDER
RELEASE_NAME, CSV_NAME = WAGE_FILES
COLUMNS = ("soc", "area", "kind", "state", "name", "industry", "industry_name", "industry_level", *MEASURES, "notes")
KINDS = ("national", "state", "metro", "nonmetro")
POSTAL = {postal for postal, _ in STATES.values()}
_SOC = re.compile(r"\d{2}-\d{4}")
_AREA = re.compile(r"\d{7}")
_NUMBER = re.compile(r"\d+(\.\d+)?")
# Every figure cell of a row at once: a number, "-" or empty, tab-joined (one match a row, not one a
# cell: 2,000 rows ask ~36,000 matches otherwise); a row that fails is checked cell by cell for its message.
_FIGURES = re.compile(r"(?:\d+(?:\.\d+)?|-|)(?:\t(?:\d+(?:\.\d+)?|-|))*")
_MAX_PROBLEMS = 50  # enough to fix a file by; a wholly wrong file would otherwise print thousands


def read(knowledge_base: Path) -> tuple[bytes, bytes] | None:
    """The extract's two files as bytes, read once (the caches hash what is parsed); None where there is none."""
    paths = wage_files(knowledge_base)
    if not any(p.exists() for p in paths):
        return None
    release, rows = (_read(p) for p in paths)
    return release, rows


def parse(raw: tuple[bytes, bytes], knowledge_base: Path, soc: str, every: bool = False) -> Wages:
    """The checked extract; a DataError carries the first problem, or with `every` all of them (up to a limit)."""
    release_file, csv_file = wage_files(knowledge_base)
    release = _release(raw[0], release_file)
    rows, problems = _rows(_decode(raw[1], csv_file), csv_file, release)
    if not problems and not any(r.soc == soc and r.kind == "national" and r.industry == "000000" for r in rows):
        problems.append(Problem(str(csv_file), f"no national row for SOC {soc}, the guide's own occupation"))
    if problems:
        raise DataError(problems if every else problems[:1])
    return Wages(release=release, rows=rows)


def _read(path: Path) -> bytes:
    name = str(path)
    try:
        if not path.is_file():
            raise DataError([Problem(name, "missing or not a file: the wage extract needs both of its files")])
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except PermissionError:
        raise DataError([Problem(name, "permission denied")]) from None
    except OSError as exc:
        raise DataError([Problem(name, f"cannot read: {exc.strerror or exc}")]) from None
    if len(raw) > MAX_BYTES:
        raise DataError([Problem(name, f"file is over the limit of {MAX_BYTES:,} bytes")])
    return raw


def _decode(raw: bytes, path: Path) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError([Problem(str(path), f"not UTF-8 text (byte {exc.start})")]) from None


def _release(raw: bytes, path: Path) -> Release:
    name = str(path)
    try:
        return msgspec.json.decode(raw, type=Release)
    except msgspec.ValidationError as exc:
        message, _, where = str(exc).partition(" - at `$")
        key = where.rstrip("`").lstrip(".")
        raise DataError([Problem(name, message, key)]) from None
    except msgspec.DecodeError as exc:
        raise DataError([Problem(name, f"not valid JSON: {exc}")]) from None


def _rows(text: str, path: Path, release: Release) -> tuple[list[WageRow], list[Problem]]:
    import csv  # only when parsing: a cached run never needs it

    name = str(path)
    reader = csv.reader(text.splitlines())
    problems: list[Problem] = []
    header = next(reader, None)
    if header is None:
        return [], [Problem(name, "empty file: expected a header line", line=1)]
    unknown = [c for c in header if c not in COLUMNS]
    missing = [c for c in COLUMNS if c not in header]
    if unknown or missing or tuple(header) != COLUMNS:
        detail = (
            f"unknown column '{unknown[0][:40]}'"
            if unknown
            else f"missing column '{missing[0]}'"
            if missing
            else "columns out of order"
        )
        return [], [Problem(name, f"{detail}; expected: {', '.join(COLUMNS)}", line=1)]
    rows: list[WageRow] = []
    seen: dict[tuple[str, str, str], int] = {}
    for cells in reader:
        line = reader.line_num
        found = _row(cells, release)
        if isinstance(found, str):
            problems.append(Problem(name, found, line=line))
            if len(problems) >= _MAX_PROBLEMS:
                break
            continue
        key = (found.soc, found.area, found.industry)
        if key in seen:
            problems.append(Problem(name, f"the same estimate as line {seen[key]}", line=line))
            continue
        seen[key] = line
        rows.append(found)
    return rows, problems


def _row(cells: list[str], release: Release) -> WageRow | str:
    """A checked row, or the one-line reason it is wrong."""
    if len(cells) != len(COLUMNS):
        return f"{len(cells)} fields; expected {len(COLUMNS)}"
    soc, area, kind, state, area_name, industry, industry_name, level = cells[:8]
    if not _SOC.fullmatch(soc):
        return f"soc: '{soc[:20]}' is not a SOC code such as 11-9111"
    if soc not in release.occupations:
        return f"soc: {soc} is not among the release's occupations"
    if not _AREA.fullmatch(area):
        return f"area: '{area[:20]}' is not a 7-digit BLS area code"
    if kind not in KINDS:
        return f"kind: '{kind[:20]}' is not one of {', '.join(KINDS)}"
    if (kind == "national") != (state == ""):
        return "state: the nation has no state, and every other area has one"
    if state and state not in POSTAL:
        return f"state: '{state[:20]}' is not a state, DC or territory postal code"
    if not area_name.strip() or not industry_name.strip():
        return "name: an area and an industry need names"
    if not level.isdigit():
        return f"industry_level: '{level[:20]}' is not a whole number"
    notes = _notes(cells[-1], release)
    if isinstance(notes, str):
        return notes
    figures = cells[8:-1]
    if "-" not in figures and _FIGURES.fullmatch("\t".join(figures)):  # the usual row: every cell a figure or empty
        values: dict[str, float | None] | str = {
            m: float(t) if t else None for m, t in zip(MEASURES, figures, strict=True)
        }
    else:
        values = _values(figures, notes)
    if isinstance(values, str):
        return values
    return WageRow(
        soc=soc,
        area=area,
        kind=kind,  # type: ignore[arg-type]  # checked against KINDS above
        state=state,
        name=area_name,
        industry=industry,
        industry_name=industry_name,
        industry_level=int(level),
        notes=notes,
        **values,
    )


def _values(figures: list[str], notes: dict[str, str]) -> dict[str, float | None] | str:
    """Each measure's figure, cell by cell, or the one-line reason a cell is wrong."""
    values: dict[str, float | None] = {}
    for measure, text in zip(MEASURES, figures, strict=True):
        if text in ("", "-"):
            if text == "-" and measure not in notes:
                return f"{measure}: '-' without a footnote saying why (expected {measure}={NOT_RELEASED} in notes)"
            values[measure] = None
        elif _NUMBER.fullmatch(text):
            values[measure] = float(text)
        else:
            return f"{measure}: '{text[:20]}' is not a number"
    return values


def _notes(text: str, release: Release) -> dict[str, str] | str:
    notes: dict[str, str] = {}
    for part in filter(None, text.split(";")):
        measure, _, code = part.partition("=")
        if measure not in MEASURES:
            return f"notes: '{measure[:20]}' is not a measure"
        if code not in release.footnotes:
            return f"notes: footnote '{code[:10]}' is not in the release's footnotes"
        notes[measure] = code
    return notes
