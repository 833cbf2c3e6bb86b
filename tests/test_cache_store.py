"""The store the caches share: the one code stamp in every key, the folder that is the guide's own
(mode 0700, its marker, only its own entries read or removed), sweeping what a killed writer left,
and `hsm-guide cache path` and `cache clear`."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hsm_guide.cache import folder as cache_folder
from hsm_guide.cache import pages, stamp, warm
from hsm_guide.environment import cache_folder as folder_of
from hsm_guide.knowledge import load, load_cached

from .conftest import ROOT, environment

HOUR_AGO = time.time() - 3600
PACKAGE = ROOT / "src" / "hsm_guide"


def folder() -> Path:
    where = folder_of(os.environ)
    assert where is not None
    return Path(where)


def save_page(data: Path, key: bytes, text: str) -> None:
    """What the ordinary path does after rendering a page from the bytes the warm path read for `key`."""
    env = environment()
    prepared = warm.Prepared(key, str(data), os.path.realpath(data), (data.read_bytes(), data.stat()), None)
    prepared.used = True
    env.warm = prepared
    pages.save(env, text.encode("utf-8"))


# -- the code stamp -----------------------------------------------------------------


def test_the_stamp_covers_every_module_of_the_package_and_the_libraries() -> None:
    """One rule for every cache: all the package's modules (the registries in sections/ and views/
    included, which validation reads) and each library by its distribution's record, Rich's too."""
    taken = stamp.take()
    stamped = {entry[0] for entry in taken if isinstance(entry, tuple)}
    modules = {str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py")}
    assert modules <= stamped
    assert {"views/__init__.py", "sections/__init__.py", "render/terminal.py"} <= modules
    import rich

    site = Path(rich.__file__).parents[1]
    (record,) = site.glob("rich-*.dist-info/RECORD")
    info = record.stat()
    assert ("rich", record.parent.name, info.st_size, info.st_mtime_ns) in taken, "Rich, all of it, by its record"


def stamp_of(package_parent: Path) -> str:
    code = "from hsm_guide.cache import stamp; print(repr(stamp.take()))"
    env = {**os.environ, "PYTHONPATH": str(package_parent)}
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("module", ["views/__init__.py", "sections/about.py", "render/charts.py"])
def test_an_edited_module_anywhere_in_the_package_is_a_new_stamp(tmp_path: Path, module: str) -> None:
    """A renamed section (views/), an edited builder or renderer: every cache key changes with it."""
    copy = tmp_path / "hsm_guide"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = stamp_of(tmp_path)
    edited = copy / module
    edited.write_text(edited.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert stamp_of(tmp_path) != before


# -- the folder is the guide's own -----------------------------------------------------


def test_the_folder_is_made_private_with_a_marker(kb_copy: Path) -> None:
    load_cached(kb_copy)
    assert stat.S_IMODE(folder().stat().st_mode) == 0o700
    marker = (folder() / "CACHEDIR.TAG").read_bytes()
    assert marker.startswith(b"Signature: 8a477f597d28d172789f06886806bc55\n"), "the cache-directory-tag convention"
    assert b"hsm-guide" in marker


def test_a_folder_of_other_files_is_never_used_or_emptied(
    kb_copy: Path, parses: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, run
) -> None:
    """HSM_GUIDE_CACHE_DIR pointed at a folder of one's own files: nothing there is read, written or removed."""
    shared = tmp_path / "documents"
    shared.mkdir()
    mine = {"notes.txt": b"mine", "kb-budget.bin": b"a spreadsheet", ".draft.tmp": b"half a letter"}
    for name, content in mine.items():
        (shared / name).write_bytes(content)
        os.utime(shared / name, (HOUR_AGO - 86400, HOUR_AGO - 86400))
    (shared / "output").mkdir()
    (shared / "output" / f"{'00' * 16}.txt").write_bytes(b"an old note")
    monkeypatch.setenv("HSM_GUIDE_CACHE_DIR", str(shared))
    before = sorted(p.relative_to(shared) for p in shared.rglob("*"))
    load_cached(kb_copy)
    load_cached(kb_copy)
    assert parses == [str(kb_copy), str(kb_copy)], "no cache: both loads parsed"
    save_page(kb_copy, b"\x01" * 16, "a page")
    result = run("cache", "clear")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith(f"hsm-guide: {shared}: not hsm-guide's cache folder")
    assert sorted(p.relative_to(shared) for p in shared.rglob("*")) == before
    assert all((shared / name).read_bytes() == content for name, content in mine.items())
    path = run("cache", "path")
    assert path.exit_code == 0 and path.stdout == f"{shared}\n" and "the cache is off" in path.stderr


def test_an_empty_folder_or_an_older_cache_is_taken_over(kb_copy: Path, parses: list[str]) -> None:
    """A folder that holds nothing, or only the names an older hsm-guide wrote, becomes the guide's."""
    where = folder()
    (where / "output").mkdir(parents=True)
    (where / "kb-0123.bin").write_bytes(b"HSMGKB\x00\x02" + bytes(40))
    load_cached(kb_copy)
    assert (where / "CACHEDIR.TAG").is_file()
    parses.clear()
    load_cached(kb_copy)
    assert parses == []


def assert_parsed_afresh(kb_copy: Path, parses: list[str]) -> None:
    """The entry was not used: load_cached parsed the YAML itself (load() parses too, so it is called after)."""
    parses.clear()
    served = load_cached(kb_copy)
    assert parses == [str(kb_copy)], "the entry was read"
    assert served == load(kb_copy)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="giving a file away needs root")
def test_entries_owned_by_another_user_are_ignored(kb_copy: Path, parses: list[str]) -> None:
    load_cached(kb_copy)
    (entry,) = folder().glob("kb-*.bin")
    os.chown(entry, 4242, -1)
    assert_parsed_afresh(kb_copy, parses)


@pytest.mark.parametrize("mode", [0o666, 0o660], ids=["anyone", "the-group"])
def test_entries_writable_by_others_are_ignored(kb_copy: Path, parses: list[str], mode: int) -> None:
    load_cached(kb_copy)
    (entry,) = folder().glob("kb-*.bin")
    entry.chmod(mode)
    assert_parsed_afresh(kb_copy, parses)


def test_a_link_at_an_entrys_path_is_not_followed(kb_copy: Path, parses: list[str]) -> None:
    """A symbolic link where an entry belongs, pointing at a good entry: never read through."""
    load_cached(kb_copy)
    (entry,) = folder().glob("kb-*.bin")
    kept = entry.with_name("elsewhere.dat")
    entry.rename(kept)
    entry.symlink_to(kept)
    assert_parsed_afresh(kb_copy, parses)


def test_a_folder_writable_by_others_is_not_read(kb_copy: Path, parses: list[str]) -> None:
    load_cached(kb_copy)
    folder().chmod(0o777)
    parses.clear()
    load_cached(kb_copy)
    assert parses == [str(kb_copy)]


# -- sweeping temporary files a killed process left --------------------------------------


def leftovers(where: Path) -> tuple[Path, Path]:
    """An old temporary file (its writer was killed) and a fresh one (a writer still at work)."""
    where.mkdir(parents=True, exist_ok=True)
    old = where / ".hsm-guide-4242-0badf00d.tmp"
    fresh = where / ".hsm-guide-4343-feedf00d.tmp"
    for path in (old, fresh):
        path.write_bytes(b"half an entry")
    os.utime(old, (HOUR_AGO, HOUR_AGO))
    return old, fresh


def test_a_knowledge_base_write_sweeps_old_temporary_files(kb_copy: Path) -> None:
    old, fresh = leftovers(folder())
    load_cached(kb_copy)
    assert not old.exists()
    assert fresh.exists()
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


def test_folder_is_the_platform_folder_or_the_variable(tmp_path: Path) -> None:
    assert folder_of({"XDG_CACHE_HOME": str(tmp_path / "xdg")}) == str(tmp_path / "xdg" / "hsm-guide")
    mine = {"XDG_CACHE_HOME": str(tmp_path / "xdg"), "HSM_GUIDE_CACHE_DIR": str(tmp_path / "mine")}
    assert folder_of(mine) == str(tmp_path / "mine")
    assert folder_of({}) is None


def test_clear_leaves_a_copy_of_an_entry_that_others_can_write(kb_copy: Path) -> None:
    """An entry's name and header are not enough: a file others could have written is not provably the guide's."""
    load_cached(kb_copy)
    (entry,) = folder().glob("kb-*.bin")
    planted = folder() / "kb-planted.bin"
    planted.write_bytes(entry.read_bytes())
    planted.chmod(0o666)
    assert cache_folder.clear(str(folder())) == 1  # the entry the guide wrote
    assert sorted(p.name for p in folder().iterdir()) == ["CACHEDIR.TAG", "kb-planted.bin"]


def test_clear_removes_the_caches_and_only_the_guides_own_files(kb_copy: Path, parses: list[str]) -> None:
    load_cached(kb_copy)
    save_page(kb_copy, b"\x01" * 16, "page one")
    save_page(kb_copy, b"\x02" * 16, "page two")
    leftovers(folder())
    planted = folder() / "kb-planted.bin"  # the guide's name, not its header: not provably the guide's
    planted.write_bytes(b"something else")
    assert cache_folder.clear(str(folder())) == 5  # one knowledge-base entry, two pages, two temporary files
    assert sorted(p.name for p in folder().iterdir()) == ["CACHEDIR.TAG", "kb-planted.bin"]
    planted.unlink()
    parses.clear()
    load_cached(kb_copy)
    assert parses == [str(kb_copy)]  # nothing left to serve
    assert cache_folder.clear(str(folder())) == 1
    assert not folder().exists(), "the folder goes with its last entry"
    assert cache_folder.clear(str(folder())) == 0


# -- which folder is the guide's: each rule on its own ------------------------------------


def _used(kb_copy: Path, parses: list[str]) -> bool:
    """Whether the cache served the second of two loads (it wrote and then read an entry)."""
    parses.clear()
    load_cached(kb_copy)
    load_cached(kb_copy)
    return parses == [str(kb_copy)]


def test_a_cache_directory_tag_another_program_wrote_is_not_the_guides(kb_copy: Path, parses: list[str]) -> None:
    """The marker must be the guide's own text: another program's tag (the same signature line, as the
    convention asks) in a folder of one's files does not make it the guide's."""
    where = folder()
    where.mkdir(parents=True, mode=0o700)
    tag = (
        b"Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by another tool.\n"
    )
    (where / "CACHEDIR.TAG").write_bytes(tag)
    (where / "notes.txt").write_bytes(b"mine")
    assert not _used(kb_copy, parses)
    assert sorted(p.name for p in where.iterdir()) == ["CACHEDIR.TAG", "notes.txt"]
    assert (where / "CACHEDIR.TAG").read_bytes() == tag


@pytest.mark.parametrize("name", ["draft.tmp", "budget.bin", "output"])
def test_a_folder_holding_one_file_that_only_looks_like_the_guides_is_not_taken(
    kb_copy: Path, parses: list[str], name: str
) -> None:
    """The guide's names are exact: its temporary files start with '.', its entries with 'kb-', and
    'output' is its pages' folder, never a file. A folder holding such a look-alike stays the user's."""
    where = folder()
    where.mkdir(parents=True, mode=0o700)
    (where / name).write_bytes(b"mine")
    os.utime(where / name, (HOUR_AGO, HOUR_AGO))
    assert not _used(kb_copy, parses)
    assert sorted(p.name for p in where.iterdir()) == [name] and (where / name).read_bytes() == b"mine"


def test_an_adopted_folder_is_made_private(kb_copy: Path, parses: list[str]) -> None:
    """An empty folder readable by others (mode 0755) becomes the guide's with mode 0700."""
    where = folder()
    where.mkdir(parents=True)
    where.chmod(0o755)
    assert _used(kb_copy, parses)
    assert stat.S_IMODE(where.stat().st_mode) == 0o700


def test_the_pages_folder_is_private(kb_copy: Path) -> None:
    save_page(kb_copy, b"\x03" * 16, "a page")
    assert stat.S_IMODE((folder() / "output").stat().st_mode) == 0o700


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="giving a file away needs root")
def test_another_users_empty_folder_is_left_alone(kb_copy: Path, parses: list[str]) -> None:
    where = folder()
    where.mkdir(parents=True)
    where.chmod(0o755)
    os.chown(where, 4242, -1)
    assert not _used(kb_copy, parses)
    assert list(where.iterdir()) == [] and stat.S_IMODE(where.stat().st_mode) == 0o755


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="giving a file away needs root")
def test_another_users_temporary_file_is_neither_swept_nor_cleared(kb_copy: Path) -> None:
    """A temporary file named as the guide names them, an hour old, but another user's: no write sweeps
    it and cache clear keeps it."""
    load_cached(kb_copy)
    theirs = folder() / ".hsm-guide-4242-0badf00d.tmp"
    theirs.write_bytes(b"half an entry")
    os.chown(theirs, 4242, -1)
    os.utime(theirs, (HOUR_AGO, HOUR_AGO))
    save_page(kb_copy, b"\x04" * 16, "a page")  # a write: it sweeps the folder it writes in
    (entry,) = folder().glob("kb-*.bin")
    entry.unlink()
    load_cached(kb_copy)  # a knowledge-base write sweeps the top folder
    assert theirs.exists()
    cache_folder.clear(str(folder()))
    assert theirs.exists()


def test_a_write_sweeps_only_the_guides_own_temporary_names(kb_copy: Path) -> None:
    """'.hsm-guide-notes.tmp' is not a name the guide makes (PID-8HEX): an hour old, it stays."""
    where = folder()
    load_cached(kb_copy)
    mine = where / ".hsm-guide-notes.tmp"
    mine.write_bytes(b"mine")
    os.utime(mine, (HOUR_AGO, HOUR_AGO))
    (entry,) = where.glob("kb-*.bin")
    entry.unlink()
    load_cached(kb_copy)
    assert mine.read_bytes() == b"mine"


def test_clear_removes_in_the_pages_folder_only_the_pages_names(kb_copy: Path) -> None:
    """A copy of a page under another name is not a name the guide writes: cache clear keeps it."""
    save_page(kb_copy, b"\x05" * 16, "a page")
    (page,) = (folder() / "output").glob("*.txt")
    copy = folder() / "output" / "page.bak"
    copy.write_bytes(page.read_bytes())
    assert cache_folder.clear(str(folder())) == 1  # the page
    assert [p.name for p in (folder() / "output").iterdir()] == ["page.bak"]


# -- prune: the oldest pages beyond the limit, and only the guide's own -------------------


def test_prune_keeps_the_newest_pages_and_only_removes_its_own(kb_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With room for two pages, a third write drops the oldest page; a file with a page's name but
    not its header, and a copy of a page under another name, are kept, and neither counts."""
    monkeypatch.setattr(pages, "MAX_ENTRIES", 2)
    output = folder() / "output"
    save_page(kb_copy, b"\x01" * 16, "page one")
    (first,) = output.glob("*.txt")
    planted = output / f"{'ab' * 16}.txt"
    planted.write_bytes(b"a note of mine")
    copy = output / "first.bak"
    copy.write_bytes(first.read_bytes())
    for age, path in enumerate((copy, planted, first)):  # oldest first: the copy, the note, page one
        os.utime(path, (HOUR_AGO - 3600 + age, HOUR_AGO - 3600 + age))
    save_page(kb_copy, b"\x02" * 16, "page two")
    ours = {p.name for p in output.iterdir()} - {planted.name, copy.name}
    assert len(ours) == 2 and first.name in ours  # two pages, the limit: nothing dropped
    save_page(kb_copy, b"\x03" * 16, "page three")
    assert first.name not in {p.name for p in output.iterdir()}, "the oldest page dropped"
    assert len({p.name for p in output.iterdir()} - {planted.name, copy.name}) == 2
    assert planted.read_bytes() == b"a note of mine" and copy.exists()


# -- the switch and where the folder is, as `hsm-guide` reads them -------------------------


@pytest.mark.parametrize(("value", "used"), [("0", True), ("1", False), ("yes", False)])
def test_hsm_guide_no_cache_is_off_only_when_unset_or_0(
    run, kb_copy: Path, monkeypatch: pytest.MonkeyPatch, value: str, used: bool
) -> None:
    monkeypatch.setenv("HSM_GUIDE_NO_CACHE", value)
    assert run("--data", str(kb_copy), "overview").exit_code == 0
    assert bool(list(folder().glob("kb-*.bin"))) is used


def test_a_relative_cache_folder_is_never_used(run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """HSM_GUIDE_CACHE_DIR and XDG_CACHE_HOME name a folder only as an absolute path; a relative
    XDG_CACHE_HOME falls back to ~/.cache."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HSM_GUIDE_CACHE_DIR", "relative")
    result = run("cache", "path")
    assert result.exit_code == 1 and result.stdout == "" and "HSM_GUIDE_CACHE_DIR" in result.stderr
    monkeypatch.delenv("HSM_GUIDE_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", "relative")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert run("cache", "path").stdout == f"{tmp_path / 'home' / '.cache' / 'hsm-guide'}\n"
