"""The start-up cache never changes what a command shows: stale, corrupt or unusable entries are misses."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import msgspec
import pytest

from hsm_guide import knowledge
from hsm_guide.cache import knowledge as cache
from hsm_guide.environment import cache_folder
from hsm_guide.errors import DataError
from hsm_guide.knowledge import load, load_cached

from .conftest import environment

ORIGINAL = "Healthcare executive"
EDITED = "Healthcare EXECUTIVE"  # same length: the file's size does not change


def folder() -> Path:
    where = cache_folder(os.environ)
    assert where is not None
    return Path(where)


def entries() -> list[Path]:
    """The knowledge-base entries (pages and derived values keep folders of their own; the marker is not one)."""
    where = folder()
    kept = ("output", "derived", "CACHEDIR.TAG")
    return sorted(p for p in where.iterdir() if p.name not in kept) if where.is_dir() else []


def edit_in_place(path: Path, old: str, new: str) -> None:
    """Change the text but keep the size and the modification time."""
    assert len(old.encode()) == len(new.encode())
    before = path.stat()
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)


def warm(path: Path) -> Path:
    load_cached(path)
    (entry,) = entries()
    return entry


# -- the happy path ---------------------------------------------------------------


def test_a_warm_cache_serves_the_same_knowledge_base(kb_copy: Path, parses: list[str]) -> None:
    expected = load(kb_copy)
    parses.clear()
    assert load_cached(kb_copy) == expected  # cold: parsed, then stored
    assert parses == [str(kb_copy)]
    assert load_cached(kb_copy) == expected  # warm: no parse
    assert parses == [str(kb_copy)]
    assert len(entries()) == 1


def test_the_shipped_data_and_its_wage_extract_come_back_whole(tmp_path: Path, parses: list[str]) -> None:
    """Every record, the wage rows (stored without walking their fields) and the nested ones alike."""
    import shutil

    source = knowledge.packaged_data_path()
    shutil.copytree(source.parent, tmp_path / "data")
    copy = tmp_path / "data" / source.name
    expected = load(copy)
    assert expected.wages is not None and len(expected.wages.rows) > 1000
    load_cached(copy)
    parses.clear()
    served = load_cached(copy)
    assert parses == []  # from the entry
    assert served == expected
    assert type(served.wages.rows[0]) is type(expected.wages.rows[0])  # records, not the stored dicts


def test_an_edit_with_the_same_size_and_mtime_is_never_served_stale(kb_copy: Path, parses: list[str]) -> None:
    warm(kb_copy)
    edit_in_place(kb_copy, ORIGINAL, EDITED)
    kb = load_cached(kb_copy)
    assert kb.identity.alternative_titles[0].text == EDITED
    assert kb == load(kb_copy)


def test_other_code_is_a_miss(kb_copy: Path, parses: list[str]) -> None:
    """Another version, an edited module or an upgraded library is another code stamp: never served."""
    load_cached(kb_copy, environment(code_stamp=("this code",)))
    parses.clear()
    load_cached(kb_copy, environment(code_stamp=("this code",)))
    assert parses == []  # served
    assert load_cached(kb_copy, environment(code_stamp=("other code",))) == load(kb_copy)
    assert parses == [str(kb_copy), str(kb_copy)]  # parsed again (then load did)


def test_validate_always_reads_the_yaml(kb_copy: Path, parses: list[str]) -> None:
    warm(kb_copy)
    parses.clear()
    knowledge.validate(kb_copy)
    assert parses == [str(kb_copy)]


def test_a_bad_file_raises_the_same_error_and_is_not_stored(write_kb, shipped_text: str) -> None:
    bad = write_kb(shipped_text.replace("schema_version: 1", "schema_version: 2", 1))
    with pytest.raises(DataError) as plain:
        load(bad)
    with pytest.raises(DataError) as cached:
        load_cached(bad)
    assert cached.value.problems == plain.value.problems
    assert entries() == []


def test_a_missing_file_raises_the_same_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="no such file"):
        load_cached(tmp_path / "absent.yaml")


# -- damaged entries: each a silent miss, and rebuilt ---------------------------------


def _flip_last_byte(blob: bytes) -> bytes:
    return blob[:-1] + bytes([blob[-1] ^ 0xFF])


@pytest.mark.parametrize(
    "damage",
    [
        _flip_last_byte,
        lambda blob: blob.replace(ORIGINAL.encode(), EDITED.encode()),  # still loads: only the payload hash knows
        lambda blob: blob[: len(blob) // 2],  # truncated
        lambda blob: blob[:10],  # truncated inside the header
        lambda blob: b"",
        lambda blob: b'{"schema_version": 1}',  # another format
        lambda blob: b"PK\x03\x04" + bytes(200),  # a zip file's start
        lambda blob: cache.MAGIC + bytes(32) + blob[40:],  # right magic, wrong key and digest
    ],
    ids=["corrupt", "altered-text", "truncated", "truncated-header", "empty", "json", "zip", "foreign-key"],
)
def test_a_damaged_entry_is_a_miss_and_is_rebuilt(
    kb_copy: Path, parses: list[str], damage: Callable[[bytes], bytes]
) -> None:
    entry = warm(kb_copy)
    entry.write_bytes(damage(entry.read_bytes()))
    parses.clear()
    assert load_cached(kb_copy) == load(kb_copy)
    parses.clear()
    assert load_cached(kb_copy) == load(kb_copy)
    assert parses == [str(kb_copy)]  # the second load_cached was warm again: only load() parsed


@pytest.mark.parametrize(
    "payload",
    [
        msgspec.msgpack.encode(["not", "a knowledge base"]),
        msgspec.msgpack.encode({"schema_version": "one"}),
        b"\xdd\xff\xff\xff\xff",  # an array that claims four billion items
        b"\x91" * 100_000,  # arrays nested 100,000 deep
    ],
    ids=["a-list", "wrong-types", "huge-length", "deep-nesting"],
)
def test_a_sealed_payload_that_is_not_a_knowledge_base_is_a_miss(kb_copy: Path, payload: bytes) -> None:
    """The right header and digests around what is not a knowledge base of this model: a miss, never a crash."""
    entry = warm(kb_copy)
    header = entry.read_bytes()[: len(cache.MAGIC) + 16]
    entry.write_bytes(header + cache.blake2b(payload, digest_size=16).digest() + payload)
    assert load_cached(kb_copy) == load(kb_copy)


def test_a_folder_or_fifo_at_the_entry_path_is_a_miss(kb_copy: Path) -> None:
    entry = warm(kb_copy)
    entry.unlink()
    entry.mkdir()
    assert load_cached(kb_copy) == load(kb_copy)
    entry.rmdir()
    if hasattr(os, "mkfifo"):
        os.mkfifo(entry)  # opening it for reading must not block
        assert load_cached(kb_copy) == load(kb_copy)


# -- unusable folders -----------------------------------------------------------------


def test_a_file_where_the_cache_folder_should_be(kb_copy: Path) -> None:
    folder().parent.mkdir(parents=True)
    folder().write_text("not a folder")
    assert load_cached(kb_copy) == load(kb_copy)
    assert folder().read_text() == "not a folder"


def test_a_file_where_xdg_cache_home_should_be(kb_copy: Path) -> None:
    folder().parent.write_text("not a folder")
    assert load_cached(kb_copy) == load(kb_copy)


@pytest.fixture
def read_only_folder(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The cache folder, read-only; root ignores the mode bits, so creating files in it is refused too."""
    where = folder()
    where.mkdir(parents=True, exist_ok=True)
    monkeypatch.setattr(os, "open", _refuse_creating_in(where))
    where.chmod(0o555)
    yield where
    where.chmod(0o700)


def test_an_unwritable_cache_folder(kb_copy: Path, read_only_folder: Path) -> None:
    assert load_cached(kb_copy) == load(kb_copy)
    assert list(read_only_folder.iterdir()) == []


def test_an_unwritable_folder_still_serves_its_entry_and_never_a_stale_one(
    kb_copy: Path, parses: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    warm(kb_copy)
    where = folder()
    monkeypatch.setattr(os, "open", _refuse_creating_in(where))
    where.chmod(0o555)
    try:
        parses.clear()
        assert load_cached(kb_copy).identity.alternative_titles[0].text == ORIGINAL
        assert parses == []  # served
        edit_in_place(kb_copy, ORIGINAL, EDITED)
        assert load_cached(kb_copy).identity.alternative_titles[0].text == EDITED
    finally:
        where.chmod(0o700)


def _refuse_creating_in(where: Path) -> Callable[..., int]:
    real_open = os.open

    def refusing_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & os.O_CREAT and Path(path).parent == where:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    return refusing_open


@pytest.mark.parametrize("failing", ["write", "replace"])
def test_a_failed_write_leaves_no_temporary_file(kb_copy: Path, monkeypatch: pytest.MonkeyPatch, failing: str) -> None:
    def full_disk(*args: Any, **kwargs: Any) -> Any:
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as m:
        m.setattr(os, failing, full_disk)
        kb = load_cached(kb_copy)
    assert kb == load(kb_copy)
    assert entries() == []  # no entry and no .tmp file


@pytest.mark.parametrize("xdg", [None, "", "relative/cache"])
def test_no_home_and_no_usable_xdg_cache_home(kb_copy: Path, monkeypatch: pytest.MonkeyPatch, xdg: str | None) -> None:
    monkeypatch.delenv("HOME", raising=False)
    if xdg is None:
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    monkeypatch.chdir(kb_copy.parent)
    assert cache_folder(os.environ) is None
    assert load_cached(kb_copy) == load(kb_copy)
    assert sorted(p.name for p in kb_copy.parent.iterdir()) == ["occupation.yaml"]  # nothing written here


def test_home_is_used_without_xdg_cache_home(kb_copy: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_folder(os.environ) == str(tmp_path / "home" / ".cache" / "hsm-guide")
    warm(kb_copy)


# -- the switch ---------------------------------------------------------------------


def test_no_cache_switch_neither_writes_nor_reads(
    kb_copy: Path, parses: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HSM_GUIDE_NO_CACHE", "1")
    assert load_cached(kb_copy) == load(kb_copy)
    assert not folder().exists()
    monkeypatch.delenv("HSM_GUIDE_NO_CACHE")
    warm(kb_copy)
    monkeypatch.setenv("HSM_GUIDE_NO_CACHE", "1")
    parses.clear()
    load_cached(kb_copy)
    assert parses == [str(kb_copy)]


# -- through the CLI --------------------------------------------------------------------


def test_the_cli_shows_an_edit_after_warming_the_cache(run, kb_copy: Path) -> None:
    first = run("--data", str(kb_copy), "overview")
    assert first.exit_code == 0 and ORIGINAL in first.stdout
    assert len(entries()) == 1  # the CLI warmed the cache
    edit_in_place(kb_copy, ORIGINAL, EDITED)
    second = run("--data", str(kb_copy), "overview")
    assert second.exit_code == 0
    assert EDITED in second.stdout and ORIGINAL not in second.stdout


def test_the_warm_paths_digests_give_the_same_entry(kb_copy: Path, parses: list[str]) -> None:
    """A run whose warm path hashed the files reuses those hashes for the knowledge base's key:
    the same key as hashing the bytes again, so either kind of run serves the other's entry."""
    from hsm_guide.cache import warm as warm_path

    env = environment(environ={"HSM_GUIDE_DATA": str(kb_copy)})
    env.warm = warm_path.prepare(env, ["day"])
    load_cached(kb_copy, env)
    assert env.warm is not None and env.warm.used and env.warm.digests
    parses.clear()
    load_cached(kb_copy)  # no warm path: hashes the bytes itself
    assert parses == []
