"""The README's generated parts (command reference, example output) are up to date."""

from __future__ import annotations

import subprocess
import sys

from .conftest import ROOT


def test_readme_is_current_with_cog() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "cogapp", "--check", "README.md"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, "README.md is out of date: run `cog -r README.md`\n" + result.stdout + result.stderr


def test_readme_opens_with_the_install_and_test_commands() -> None:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()[:20]
    blocks = [lines[i + 1] for i, line in enumerate(lines) if line == "```sh"]
    assert blocks[0].endswith("pip install . && hsm-guide")
    assert "python -m pytest" in blocks[1]
