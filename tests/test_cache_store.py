"""The store both caches share: the code stamp in the knowledge-base key, sweeping what a killed
writer left, and the folder and clearing that `hsm-guide cache path` and `cache clear` use."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from hsm_guide import cache, warm
from hsm_guide.cache import knowledge as kb_cache
from hsm_guide.cache import pages
from hsm_guide.knowledge import load, load_cached

HOUR_AGO = time.time() - 3600


def folder() -> Path:
    where = cache.folder()
    assert where is not None
    return Path(where)


def save_page(data: Path, key: bytes, text: str) -> None:
    """What the ordinary path does after rendering a page the warm path computed the key of."""
    warm.CURRENT[:] = [(key, os.path.realpath(data))]
    try:
        pages.save(data, text, "utf-8")
    finally:
        warm.CURRENT.clear()


# -- the code stamp -----------------------------------------------------------------


def test_edited_code_is_never_served_an_old_entry(
    kb_copy: Path, parses: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A checkout whose validation code changed must re-check the YAML, not trust the old entry."""
    module = tmp_path / "validity.py"
    module.write_text("LIMIT = 1\n", encoding="utf-8")
    monkeypatch.setattr(kb_cache, "CODE", (*kb_cache.CODE, str(module)))
    load_cached(kb_copy)
    parses.clear()
    load_cached(kb_copy)
    assert parses == []  # served from the entry
    module.write_text("LIMIT = 100\n", encoding="utf-8")  # the code changed; the data did not
    assert load_cached(kb_copy) == load(kb_copy)
    assert parses == [str(kb_copy), str(kb_copy)]  # load_cached parsed again (then load did)


def test_the_stamp_covers_every_module_of_the_model_and_the_loader() -> None:
    stamped = {Path(entry[0]) for entry in kb_cache.code_stamp()}
    here = Path(kb_cache.__file__).parents[1]
    for package in ("model", "knowledge"):
        modules = set((here / package).glob("*.py"))
        assert modules and modules <= stamped, package
    assert {here / "record.py", here / "cache" / "store.py", here / "cache" / "knowledge.py"} <= stamped


# -- sweeping temporary files a killed process left --------------------------------------


def leftovers(where: Path) -> tuple[Path, Path]:
    """An old temporary file (its writer was killed) and a fresh one (a writer still at work)."""
    where.mkdir(parents=True, exist_ok=True)
    old = where / ".entry.bin.4242.0badf00d.tmp"
    fresh = where / ".entry.bin.4343.feedf00d.tmp"
    for path in (old, fresh):
        path.write_bytes(b"half an entry")
    os.utime(old, (HOUR_AGO, HOUR_AGO))
    return old, fresh


def test_a_knowledge_base_write_sweeps_old_temporary_files(kb_copy: Path) -> None:
    old, fresh = leftovers(folder())
    mine = folder() / "notes.tmp"  # not named as the writer names its files
    mine.write_text("keep", encoding="utf-8")
    os.utime(mine, (HOUR_AGO, HOUR_AGO))
    load_cached(kb_copy)
    assert not old.exists()
    assert fresh.exists() and mine.exists()
    assert len(list(folder().glob("kb-*.bin"))) == 1


def test_a_page_write_sweeps_old_temporary_files(kb_copy: Path) -> None:
    old, fresh = leftovers(folder() / "output")
    save_page(kb_copy, b"\x07" * 16, "a page")
    assert not old.exists() and fresh.exists()
    assert len(list((folder() / "output").glob("*.txt"))) == 1


def test_without_a_write_nothing_is_swept(kb_copy: Path, parses: list[str]) -> None:
    load_cached(kb_copy)
    old, _ = leftovers(folder())
    load_cached(kb_copy)  # served: reads stay cheap
    assert parses == [str(kb_copy)] and old.exists()


# -- cache path and cache clear ----------------------------------------------------------


def test_folder_is_the_platform_folder_or_the_variable(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.folder() == str(tmp_path / "xdg" / "hsm-guide")
    monkeypatch.setenv("HSM_GUIDE_CACHE_DIR", str(tmp_path / "mine"))
    assert cache.folder() == str(tmp_path / "mine")
    monkeypatch.delenv("HSM_GUIDE_CACHE_DIR")
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.delenv("HOME", raising=False)
    assert cache.folder() is None


def test_clear_removes_both_caches_and_keeps_other_files(
    kb_copy: Path, parses: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    shared = tmp_path / "shared"  # a folder the user pointed the cache at, holding their own files
    shared.mkdir()
    (shared / "notes.txt").write_text("mine", encoding="utf-8")
    monkeypatch.setenv("HSM_GUIDE_CACHE_DIR", str(shared))
    load_cached(kb_copy)
    save_page(kb_copy, b"\x01" * 16, "page one")
    save_page(kb_copy, b"\x02" * 16, "page two")
    leftovers(shared)
    assert cache.clear() == 5  # one knowledge-base entry, two pages, two temporary files
    assert sorted(p.name for p in shared.iterdir()) == ["notes.txt"]
    parses.clear()
    load_cached(kb_copy)
    assert parses == [str(kb_copy)]  # nothing left to serve
    assert cache.clear() == 1
    assert cache.clear() == 0


def test_clear_without_a_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    assert not folder().exists()
    assert cache.clear() == 0
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.delenv("HOME", raising=False)
    assert cache.clear() == 0
