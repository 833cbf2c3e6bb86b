"""What the knowledge-base cache keeps beside a compiled knowledge base for a first question: the wage
extract's rows (the guide's own occupation in the entry, decoded when first read; the other occupations
in an entry of their own) and the names a question may use. Served as parsed and built, and never
trusted when missing, damaged or planted: a miss, parsed or built again."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import msgspec
import pytest

from hsm_guide import knowledge
from hsm_guide.cache import derived, folder, store
from hsm_guide.cache import knowledge as kb_cache
from hsm_guide.knowledge import load, load_cached
from hsm_guide.model import KnowledgeBase
from hsm_guide.search import dictionary, parts
from hsm_guide.wages import extract
from hsm_guide.wages.lookup import wage_data
from hsm_guide.wages.model import WageRow

OWN = "11-9111"  # Medical and Health Services Managers, the guide's own occupation
RN = "29-1141"  # Registered Nurses, another occupation the extract holds


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """The shipped knowledge base with its wage extract and state table, in a folder of its own."""
    source = knowledge.packaged_data_path()
    shutil.copytree(source.parent, tmp_path / "data")
    return tmp_path / "data" / source.name


@pytest.fixture
def extract_parses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many times the wage extract was parsed from its files."""
    calls: list[int] = []
    real = extract.parse

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(extract, "parse", counting)
    return calls


def served(path: Path) -> KnowledgeBase:
    """The knowledge base as a second run gets it: from the cache."""
    load_cached(path)
    return load_cached(path)


def beside(kb: KnowledgeBase, name: str) -> tuple[Path, bytes]:
    slot = kb_cache.slot_of(kb)
    assert slot is not None
    file, key = folder.beside(slot.root, slot.file, slot.key, name)
    return Path(file), key


def plant(kb: KnowledgeBase, name: str, magic: bytes, value: Any) -> Path:
    """A sealed entry under the very key the cache would read, holding `value`."""
    file, key = beside(kb, name)
    file.write_bytes(store.seal(magic, key, msgspec.msgpack.encode(value)))
    return file


def rows_of(kb: KnowledgeBase, soc: str) -> list[WageRow]:
    assert kb.wages is not None
    return [r for r in kb.wages.rows if r.soc == soc]


def runs_of(rows: list[WageRow]) -> dict[str, msgspec.Raw]:
    """Each occupation's rows encoded as the cache keeps a run."""
    socs = dict.fromkeys(r.soc for r in rows)
    return {soc: msgspec.Raw(msgspec.msgpack.encode([r for r in rows if r.soc == soc])) for soc in socs}


# -- the wage rows ------------------------------------------------------------------------------


def test_a_served_extract_gives_each_occupation_its_parsed_rows(data: Path, parses: list[str]) -> None:
    expected = load(data)
    parses.clear()
    kb = served(data)
    assert parses == [str(data)]  # the first load only
    assert kb.wages is not None and expected.wages is not None
    for soc in (OWN, RN):
        assert wage_data(kb).areas(soc) == wage_data(expected).areas(soc)
        assert wage_data(kb).national(soc) == wage_data(expected).national(soc)
    assert wage_data(kb).row("0000039", RN) == wage_data(expected).row("0000039", RN)  # Ohio
    assert wage_data(kb).industries() == wage_data(expected).industries()
    assert list(kb.wages.rows) == list(expected.wages.rows)
    assert kb == expected


def test_the_guides_own_occupation_never_reads_the_others(data: Path, extract_parses: list[int]) -> None:
    """With the other occupations' entry gone, the guide's own pay is still served from the cache; asking
    for another occupation then parses the extract, as a miss would, and gives its rows."""
    expected = load(data)
    kb = served(data)
    others, _ = beside(kb, kb_cache.OTHERS)
    others.unlink()
    extract_parses.clear()
    assert wage_data(kb).areas() == wage_data(expected).areas()
    assert extract_parses == []
    assert wage_data(kb).areas(RN) == wage_data(expected).areas(RN)
    assert extract_parses == [1]


@pytest.mark.parametrize(
    "damage",
    [
        "flipped",  # a byte of the payload changed: its digest fails
        "too-few",  # one run fewer than the entry names
        "another-occupation",  # the nurses' rows where another occupation's stand
        "not-rows",  # runs that are no wage rows
    ],
)
def test_a_damaged_or_planted_others_entry_is_parsed_again(data: Path, damage: str, extract_parses: list[int]) -> None:
    expected = load(data)
    kb = served(data)
    assert expected.wages is not None
    others, _ = beside(kb, kb_cache.OTHERS)
    runs = [run for soc, run in runs_of(list(expected.wages.rows)).items() if soc != OWN]
    if damage == "flipped":
        blob = bytearray(others.read_bytes())
        blob[-10] ^= 0xFF
        others.write_bytes(bytes(blob))
    elif damage == "too-few":
        plant(kb, kb_cache.OTHERS, kb_cache.OTHERS_MAGIC, runs[:-1])
    elif damage == "another-occupation":
        nurses = runs_of(list(expected.wages.rows))[RN]
        plant(kb, kb_cache.OTHERS, kb_cache.OTHERS_MAGIC, [nurses for _ in runs])
    else:
        plant(kb, kb_cache.OTHERS, kb_cache.OTHERS_MAGIC, [msgspec.Raw(msgspec.msgpack.encode(["x"])) for _ in runs])
    extract_parses.clear()
    assert wage_data(kb).areas(RN) == wage_data(expected).areas(RN)
    assert kb.wages is not None and list(kb.wages.rows) == list(expected.wages.rows)
    assert extract_parses == [1]


def entry_of(kb: KnowledgeBase) -> Path:
    slot = kb_cache.slot_of(kb)
    assert slot is not None
    return Path(slot.file)


def replant(kb: KnowledgeBase, change: Callable[[kb_cache.Stored], kb_cache.Stored]) -> None:
    """The knowledge-base entry sealed again under its own key, its payload changed."""
    entry = entry_of(kb)
    blob = entry.read_bytes()
    stored = msgspec.msgpack.decode(blob[store.HEADER :], type=kb_cache.Stored)
    entry.write_bytes(store.seal(blob[:8], blob[8 : 8 + store.DIGEST], msgspec.msgpack.encode(change(stored))))


def test_an_entry_holding_another_occupations_rows_as_the_guides_is_parsed_again(
    data: Path, parses: list[str], extract_parses: list[int]
) -> None:
    expected = load(data)
    assert expected.wages is not None
    kb = served(data)
    nurses = runs_of(list(expected.wages.rows))[RN]
    replant(kb, lambda s: msgspec.structs.replace(s, own=[nurses]))
    parses.clear()
    extract_parses.clear()
    again = load_cached(data)
    assert parses == []  # the entry was read; its rows are not trusted
    assert wage_data(again).areas() == wage_data(expected).areas()
    assert extract_parses == [1]


@pytest.mark.parametrize("change", ["an-own-run-more", "no-own-run"])
def test_an_entry_whose_runs_do_not_fit_its_order_is_a_miss(data: Path, parses: list[str], change: str) -> None:
    expected = load(data)
    kb = served(data)
    if change == "an-own-run-more":
        replant(kb, lambda s: msgspec.structs.replace(s, own=[*s.own, s.own[0]]))
    else:
        replant(kb, lambda s: msgspec.structs.replace(s, own=[]))
    parses.clear()
    assert load_cached(data) == expected
    assert parses == [str(data)]


# -- the names a question may use ---------------------------------------------------------------


def same_names(found: list[parts.Entry], built: list[parts.Entry]) -> bool:
    """The same words and kinds, each naming the very record (a role: an equal one) or the same code."""
    if [(w, k) for w, k, _ in found] != [(w, k) for w, k, _ in built]:
        return False
    return all(
        a is b or (isinstance(a, (str, parts.Role)) and a == b)
        for (_, _, a), (_, _, b) in zip(found, built, strict=True)
    )


def test_the_names_come_back_naming_the_same_records(data: Path) -> None:
    kb = served(data)
    parts.named(kb)
    entry, _ = beside(kb, "names")
    assert entry.is_file()
    found = parts.named(kb)  # from the entry
    assert same_names(found, parts.entries(kb))
    kinds = {k for _, k, _ in found}
    assert {"degree", "credential", "role", "organization", "occupation", "setting", "background"} <= kinds


@pytest.mark.parametrize(
    "planted",
    [
        [(("mha",), "degree", 10_000)],  # a place past the end of its list
        [(("mha",), "degree", "mha")],  # a code where a record stands
        [(("nurse",), "occupation", 0)],  # a place where a code stands
        [(("mha",), "degree", -1)],  # no place
        [(("mha",), "planet", 0)],  # no kind this code writes
    ],
    ids=["past-the-end", "code-for-record", "place-for-code", "negative", "unknown-kind"],
)
def test_a_names_entry_this_code_never_writes_is_built_again(data: Path, planted: list[Any]) -> None:
    kb = served(data)
    built = parts.entries(kb)
    entry = plant(kb, "names", derived.MAGIC, planted)
    assert same_names(parts.named(kb), built)
    assert entry.read_bytes() != store.seal(derived.MAGIC, beside(kb, "names")[1], msgspec.msgpack.encode(planted))


def test_a_word_of_one_letter_or_with_a_digit_is_looked_up_as_any_other(data: Path) -> None:
    """The English list is kept one entry for each first two letters: a one-letter word has its own, and a
    word that does not start with two letters is in no entry of the list's words."""
    kb = served(data)
    found = dictionary.counts(kb, ["a", "b2b", "bedside"])
    assert found["a"] > 0 and found["bedside"] > 0
    assert found["b2b"] == 0
    dictionary._SHARDS.clear()
    assert dictionary.counts(kb, ["a", "b2b", "bedside"]) == found  # from the entries
