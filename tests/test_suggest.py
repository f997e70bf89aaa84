""""Did you mean": diacritics restored to unaccented queries, typos corrected
when nothing matches; the maps are saved by the writer and rebuilt if lost."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest

from indexer import writing
from indexer.engine import Engine
from indexer.model import SearchRequest
from indexer.store import IndexDir
from indexer.suggest import RESTORE_FILE, build_restore_maps, correct_spelling, restore_diacritics
from indexer.vietnamese import fold


def suggestion(engine, query: str) -> str | None:
    return engine.search(SearchRequest(query=query, facets=False)).suggestion


@pytest.mark.parametrize(
    "query, expected",
    [
        ("khoa hoc cong nghe", "khoa học công nghệ"),
        ("vac xin", "vắc xin"),
        ("du lich", "du lịch"),
        ("ca phe", "cà phê"),
        ("lu quet", "lũ quét"),
        ("sot xuat huyet", "sốt xuất huyết"),
        ("khach du lich", "khách du lịch"),
        ("chong ngap truoc mua mua bao", "chống ngập trước mùa mưa bão"),
        ("KHOA HOC", "khoa học"),
    ],
)
def test_diacritics_are_restored_to_an_unaccented_query(index, query: str, expected: str) -> None:
    results = index.search(SearchRequest(query=query, facets=False))
    assert results.suggestion == expected
    assert results.total > 0  # the folded fields found the articles anyway


@pytest.mark.parametrize("query", ["khoa học công nghệ", "vắc xin", "lũ quét", "Hòa", ""])
def test_no_suggestion_for_an_accented_query_with_hits(index, query: str) -> None:
    assert suggestion(index, query) is None


@pytest.mark.parametrize("query", ["covid", "ubnd", "19", "tp hcm"])
def test_no_suggestion_when_nothing_changes(index, query: str) -> None:
    assert suggestion(index, query) is None


def test_a_suggestion_for_filters_only_is_none(index) -> None:
    assert suggestion(index, 'source:"Báo Nghệ An"') is None
    assert suggestion(index, "-lu") is None


@pytest.mark.parametrize("query, expected", [("bao so 3", "bão số 3"), ("nong do con", "nồng độ cồn")])
def test_restored_diacritics_follow_the_phrases_of_the_archive(index, query: str, expected: str) -> None:
    assert suggestion(index, query) == expected


def test_a_typo_is_corrected_when_nothing_matches(index) -> None:
    results = index.search(SearchRequest(query="tiêmm", facets=False))
    assert results.total == 0
    assert results.suggestion is not None
    assert fold(results.suggestion) == "tiem"


def test_two_typos_are_corrected(index) -> None:
    results = index.search(SearchRequest(query="vắcc xinn", facets=False))
    assert results.total == 0
    assert fold(results.suggestion or "") == "vac xin"


@pytest.mark.parametrize("query, expected", [("tiêmm", "tiêm"), ("vắcc xinn", "vắc xin")])
def test_a_corrected_typo_keeps_the_diacritics(index, query: str, expected: str) -> None:
    assert suggestion(index, query) == expected


def test_nothing_to_correct_gives_no_suggestion(index) -> None:
    results = index.search(SearchRequest(query="qwrtpz", facets=False))
    assert (results.total, results.suggestion) == (0, None)


def test_session_functions(index) -> None:
    with index.session() as session:
        assert restore_diacritics(session, ["vac", "xin"]) == "vắc xin"
        assert restore_diacritics(session, ["covid"]) is None
        assert restore_diacritics(session, []) is None
        assert correct_spelling(session, ["lũ"]) is None  # known: nothing to correct
        assert correct_spelling(session, ["2023"]) is None  # not letters
        corrected = correct_spelling(session, ["lũ", "qét"])
        assert corrected is not None and fold(corrected) == "lu quet"
        assert corrected.split()[0] == "lũ"  # known syllables are kept as typed


def test_the_nearest_correction_wins(index) -> None:
    with index.session() as session:
        assert fold(correct_spelling(session, ["huyếtt"]) or "") == "huyet"


# -- the maps on disk -------------------------------------------------------------------------
def test_the_writer_saves_the_maps_and_readers_rebuild_them_if_lost(index_dir: Path, tmp_path: Path) -> None:
    folder = IndexDir(index_dir).current()
    with (folder / RESTORE_FILE).open("rb") as fh:
        _version, maps = pickle.load(fh)
    assert maps.forms["hoc"][0][0] == "học"
    assert maps.words["khoa_hoc"] == "khoa_học"
    assert all(fold(k) == k for k in maps.forms)
    copy = tmp_path / "copy"
    shutil.copytree(index_dir, copy)
    (IndexDir(copy).current() / RESTORE_FILE).unlink()
    engine = Engine(str(copy))
    try:
        assert suggestion(engine, "khoa hoc cong nghe") == "khoa học công nghệ"
        assert suggestion(engine, "vac xin") == "vắc xin"
    finally:
        engine.close()
    assert not (IndexDir(copy).current() / RESTORE_FILE).exists()  # readers never write


def test_a_damaged_map_file_is_rebuilt_in_memory(index_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(index_dir, copy)
    (IndexDir(copy).current() / RESTORE_FILE).write_bytes(b"\x80\x05not a pickle")
    engine = Engine(str(copy))
    try:
        assert suggestion(engine, "vac xin") == "vắc xin"
    finally:
        engine.close()


MA = [
    {"id": "ma-1", "title": "Chuyện má tôi", "body": "Má tôi dậy sớm.", "published": "2023-01-02"},
    {"id": "ma-2", "title": "Điều mà tôi nghĩ", "body": "Việc mà ai cũng làm.", "published": "2023-01-03"},
    {"id": "ma-3", "title": "Những gì mà ta có", "body": "Nhưng mà không dễ.", "published": "2023-01-04"},
]


def test_the_most_frequent_accented_form_wins(tmp_path: Path, write_jsonl) -> None:
    path = tmp_path / "ix"
    writing.build(path, [write_jsonl(tmp_path / "ma.jsonl", MA)], progress=False)
    engine = Engine(str(path), refresh_seconds=0)
    try:
        with engine.session() as session:
            maps = build_restore_maps(session.reader)
        assert maps.forms["ma"][0][0] == "mà"  # in two articles; "má" in one
        assert suggestion(engine, "ma") == "mà"
        # New vocabulary added later is restored too (the writer refreshes the maps).
        new = {"id": "dn", "title": "Đắk Nông mùa mưa", "body": "Mưa lớn ở Đắk Nông.", "published": "2023-02-01"}
        writing.add(path, [write_jsonl(tmp_path / "dn.jsonl", [new])], progress=False)
        assert suggestion(engine, "dak nong") == "đắk nông"
    finally:
        engine.close()
