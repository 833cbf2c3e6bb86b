"""Golden files: the rendered text of a few sections at 80 and at 40 columns.

The expected files live in tests/__snapshots__/test_golden/ (one .txt per case and width) and were read line by
line before they were checked in. After an intended change, refresh them with
`python -m pytest tests/test_golden.py --snapshot-update` and read the diff.
"""

from __future__ import annotations

import pytest
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

pytestmark = pytest.mark.usefixtures("warm_cache")  # pages here are read, not the cache (conftest.py)


class TextSnapshot(SingleFileSnapshotExtension):
    """Plain .txt files named after the case, so they read well in a diff."""

    _write_mode = WriteMode.TEXT
    file_extension = "txt"

    @classmethod
    def get_snapshot_name(cls, *, test_location, index=0):  # type: ignore[no-untyped-def,override]
        return str(index)


@pytest.fixture
def golden(snapshot):
    return snapshot.use_extension(TextSnapshot)


CASES = {
    "snapshot": [],
    "settings": ["settings"],
    "certifications": ["certifications"],
    "certification-cphq": ["certifications", "CPHQ"],
    "pay-2021": ["pay", "--year", "2021"],
    "day": ["day"],
}


@pytest.mark.parametrize("width", [80, 40])
@pytest.mark.parametrize("case", list(CASES))
def test_rendered_text_matches_the_golden_file(run, monkeypatch, golden, case: str, width: int) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    result = run(*CASES[case])
    assert result.exit_code == 0
    assert result.stdout == golden(name=f"{case}-{width}")
