"""The search index kept beside the cached knowledge base: used when it matches, never stale or trusted when damaged."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from hsm_guide import search
from hsm_guide.cache import derived
from hsm_guide.cache import knowledge as kb_cache
from hsm_guide.environment import cache_folder
from hsm_guide.knowledge import load, load_cached

from .conftest import environment

WORD = "Healthcare executive"  # in the shipped data; searched for as 'executive'
EDITED = "Healthcare zyxwvutsr"  # same length, so the file's size does not change


def derived_files() -> list[Path]:
    where = cache_folder(os.environ)
    sub = Path(where) / "derived" if where else None
    return sorted(sub.iterdir()) if sub is not None and sub.is_dir() else []


def index_files() -> list[Path]:
    """The search index's entries (the place names keep an entry of their own beside them)."""
    return [f for f in derived_files() if f.name.startswith("passages-")]


def edit_in_place(path: Path, old: str, new: str) -> None:
    """Change the text but keep the size and the modification time."""
    before = path.stat()
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many times the index was built from the sections (not served from the cache)."""
    calls: list[int] = []
    from hsm_guide.search import corpus

    real = corpus.passages

    def counting(kb: object) -> Iterator[search.Passage]:
        calls.append(1)
        return real(kb)  # type: ignore[arg-type]

    monkeypatch.setattr(corpus, "passages", counting)
    return calls


def hits(path: Path, query: str) -> list[str]:
    return [h.passage.text for h in search.search(load_cached(path), query).hits]


def test_a_second_search_reads_the_index_instead_of_building_it(kb_copy: Path, builds: list[int]) -> None:
    first = hits(kb_copy, "executive")
    assert builds == [1] and len(index_files()) == 1
    assert hits(kb_copy, "executive") == first  # a new load of the same bytes: same hits, from the entry
    assert builds == [1]


def test_an_edited_data_file_rebuilds_the_index(kb_copy: Path, builds: list[int]) -> None:
    assert hits(kb_copy, "executive")
    edit_in_place(kb_copy, WORD, EDITED)  # same size, same time: only the bytes differ
    found = hits(kb_copy, "zyxwvutsr")
    assert any("zyxwvutsr" in text.lower() for text in found)
    assert builds == [1, 1]


def test_new_code_rebuilds_the_index(kb_copy: Path, builds: list[int]) -> None:
    """The index is keyed by the knowledge base's entry, whose key holds the code stamp."""
    search.search(load_cached(kb_copy, environment(code_stamp=("this code",))), "executive")
    search.search(load_cached(kb_copy, environment(code_stamp=("this code",))), "executive")
    assert builds == [1]
    search.search(load_cached(kb_copy, environment(code_stamp=("a section builder was edited",))), "executive")
    assert builds == [1, 1]


def test_a_damaged_entry_is_rebuilt(kb_copy: Path, builds: list[int]) -> None:
    first = hits(kb_copy, "executive")
    (entry,) = index_files()
    blob = bytearray(entry.read_bytes())
    blob[-10] ^= 0xFF
    entry.write_bytes(bytes(blob))
    assert hits(kb_copy, "executive") == first
    assert builds == [1, 1]
    assert entry.read_bytes() != bytes(blob)  # written again, whole


def test_a_payload_this_code_cannot_use_is_a_miss(kb_copy: Path) -> None:
    kb = load_cached(kb_copy)
    assert derived.remember(kb, "probe", lambda: [1, 2, 3], list, list[int]) == [1, 2, 3]

    def refuse(value: object) -> list[int]:
        raise TypeError("not the shape this code writes")

    made: list[object] = []

    def make(value: object) -> object:
        made.append(value)
        if len(made) == 1:
            refuse(value)
        return value

    assert derived.remember(kb, "probe", lambda: [4], make, list[int]) == [4]  # the stored [1, 2, 3] refused
    assert made == [[1, 2, 3], [4]]


def test_a_knowledge_base_not_from_the_cache_is_never_given_an_entry(kb_copy: Path, builds: list[int]) -> None:
    kb = load(kb_copy)  # parsed, not served: it has no key to file an index under
    assert kb_cache.slot_of(kb) is None
    search.search(kb, "executive")
    search.search(kb, "executive")
    assert builds == [1, 1]
    assert index_files() == []


def test_no_cache_switch_writes_no_index(kb_copy: Path, builds: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HSM_GUIDE_NO_CACHE", "1")
    hits(kb_copy, "executive")
    hits(kb_copy, "executive")
    assert builds == [1, 1]
    assert index_files() == []


def test_cache_clear_removes_the_index(kb_copy: Path, run) -> None:
    hits(kb_copy, "executive")
    assert len(index_files()) == 1
    kept = len(derived_files())
    assert kept >= 1
    result = run("cache", "clear")
    assert result.exit_code == 0, result.output
    assert f"Removed {1 + kept} cache entries" in result.output  # the knowledge base's and what derives from it
    assert derived_files() == []
    assert not (Path(cache_folder(os.environ) or "") / "derived").exists()


def test_the_place_names_are_kept_and_follow_an_edit(tmp_path: Path) -> None:
    """The place names (whole cities, regional names) come from the cache the second time, and an
    edited regional name is read at once: the entry is keyed by the data's bytes."""
    import shutil

    from hsm_guide.knowledge import packaged_data_path

    shutil.copytree(packaged_data_path().parent, tmp_path / "data")
    copy = tmp_path / "data" / packaged_data_path().name
    first = search.search(load_cached(copy), "pay in the twin cities").reading
    assert first is not None and first.place is not None and first.place.area.code == "0033460"
    assert any(f.name.startswith("places-") for f in derived_files())
    again = search.search(load_cached(copy), "pay in the twin cities").reading
    assert again is not None and again.place == first.place
    edit_in_place(copy, "names: [twin cities]", "names: [twin citiez]")
    edited = search.search(load_cached(copy), "pay in the twin citiez").reading
    assert edited is not None and edited.place is not None and edited.place.area.code == "0033460"


def test_a_payload_of_another_shape_is_a_miss(kb_copy: Path) -> None:
    """Entries decode into the type the caller names, or not at all: numbers never pass for words."""
    kb = load_cached(kb_copy)
    assert derived.remember(kb, "shape", lambda: [1, 2, 3], list, list[int]) == [1, 2, 3]
    assert derived.remember(kb, "shape", lambda: ["words"], list, list[str]) == ["words"]
    assert derived.remember(kb, "shape", lambda: ["built"], list, list[str]) == ["words"], "now stored as words"
