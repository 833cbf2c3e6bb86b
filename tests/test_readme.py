"""The README and docs: generated parts up to date, readers first, maintainers in docs/."""

from __future__ import annotations

import subprocess
import sys

from .conftest import ROOT

GENERATED = ["README.md", "docs/commands.md", "docs/maintainers.md"]


def test_readme_and_docs_are_current_with_cog() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "cogapp", "--check", *GENERATED], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, (
        "out of date: run `cog -r " + " ".join(GENERATED) + "`\n" + result.stdout + result.stderr
    )


def test_the_command_reference_is_generated_in_docs() -> None:
    commands = (ROOT / "docs" / "commands.md").read_text(encoding="utf-8")
    assert "[[[cog" in commands and "## hsm-guide certifications" in commands and "--brief" in commands


def test_readme_is_for_readers_and_docs_for_maintainers() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    headings = [line for line in readme.splitlines() if line.startswith("## ")]
    assert headings[:2] == ["## A short tour", "## Questions people bring"]
    for moved in ("## Performance", "## Security", "## Command reference", "### Updating the data"):
        assert moved not in readme
    maintainers = (ROOT / "docs" / "maintainers.md").read_text(encoding="utf-8")
    for kept in ("## Performance", "## Security", "## Updating the data", "## The knowledge base", "cache"):
        assert kept in maintainers
    assert "docs/maintainers.md" in readme and "docs/commands.md" in readme


def test_readme_opens_with_the_install_and_test_commands() -> None:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()[:20]
    blocks = [lines[i + 1] for i, line in enumerate(lines) if line == "```sh"]
    assert blocks[0].endswith("pip install . && hsm-guide")
    assert "python -m pytest" in blocks[1]
