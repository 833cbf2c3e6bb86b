"""The wheel carries the knowledge base: the guide works with no checkout around it."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT


@pytest.fixture(scope="module")
def unpacked_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the wheel offline (hatchling comes with the test extras) and unpack it."""
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = out.glob("hsm_guide-*.whl")
    site = out / "site"
    with zipfile.ZipFile(wheel) as archive:
        assert "hsm_guide/data/occupation.yaml" in archive.namelist()
        archive.extractall(site)
    return site


def run_from(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(site), "COLUMNS": "80", "NO_COLOR": "1"}
    env.pop("HSM_GUIDE_DATA", None)
    return subprocess.run(
        [sys.executable, "-m", "hsm_guide", *args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


def test_installed_wheel_loads_its_own_data(unpacked_wheel: Path, tmp_path: Path) -> None:
    result = run_from(unpacked_wheel, tmp_path, "validate")
    assert result.returncode == 0, result.stderr
    packaged = unpacked_wheel / "hsm_guide" / "data" / "occupation.yaml"
    assert result.stdout.startswith(f"{packaged}: valid: ")


def test_installed_wheel_prints_a_section_from_anywhere(unpacked_wheel: Path, tmp_path: Path) -> None:
    result = run_from(unpacked_wheel, tmp_path, "pay")
    assert result.returncode == 0, result.stderr
    assert "$123,860 a year" in result.stdout  # from the wage extract the wheel carries


def test_the_wheel_data_is_the_checkout_data(unpacked_wheel: Path) -> None:
    packaged = unpacked_wheel / "hsm_guide" / "data" / "occupation.yaml"
    assert packaged.read_bytes() == (ROOT / "data" / "occupation.yaml").read_bytes()
