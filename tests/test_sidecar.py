"""Sidecar arrays: written beside each segment by the writer, loaded by
readers, recomputed in memory when missing or stale."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest
from whoosh import index as whoosh_index

from indexer import writing
from indexer.engine import Engine
from indexer.model import SearchRequest
from indexer.schema import FACET_FIELDS, NO_TIME
from indexer.sidecar import SIDECAR_DIR, _load, _save, build_segment_arrays, segment_arrays, write_sidecars
from indexer.store import IndexDir

RECORDS = [
    {
        "id": f"bai-{n}",
        "title": title,
        "body": body,
        "published": published,
        "source": source,
    }
    for n, (title, body, published, source) in enumerate([
        ("Lũ quét ở Bát Xát", "UBND tỉnh Lào Cai chỉ đạo khắc phục hậu quả lũ quét tại huyện Bát Xát.",
         "2019-08-04T07:45:00+07:00", "Báo Lào Cai Thử"),
        ("Tiêm vắc xin ở Nghệ An", "Sở Y tế tỉnh Nghệ An tiêm vắc xin cho công nhân.",
         "2021-08-14T18:25:00+07:00", "Báo Nghệ An Thử"),
        ("Tin không ngày", "Ủy ban nhân dân thành phố Cần Thơ họp bàn.", None, "Báo Cần Thơ Thử"),
    ])
]


def arrays_equal(a, b) -> None:
    assert a.doc_count == b.doc_count
    assert np.array_equal(a.published, b.published)
    assert np.array_equal(a.len_title, b.len_title)
    assert np.array_equal(a.len_body, b.len_body)
    assert set(a.facets) == set(b.facets) == set(FACET_FIELDS)
    for field in FACET_FIELDS:
        values_a, docs_a, vals_a = a.facets[field]
        values_b, docs_b, vals_b = b.facets[field]
        pairs_a = sorted((int(d), values_a[v]) for d, v in zip(docs_a, vals_a))
        pairs_b = sorted((int(d), values_b[v]) for d, v in zip(docs_b, vals_b))
        assert pairs_a == pairs_b, field


@pytest.fixture()
def ix(tmp_path: Path, write_jsonl) -> Path:
    path = tmp_path / "ix"
    writing.build(path, [write_jsonl(tmp_path / "a.jsonl", RECORDS)], progress=False)
    return path


def leaves(folder: Path):
    ix = whoosh_index.open_dir(str(folder))
    reader = ix.reader()
    return ix, reader, list(reader.leaf_readers())


def sidecar_files(folder: Path) -> list[str]:
    """The arrays files (the token sequences beside them: tests/test_sequences.py)."""
    return sorted(p.name for p in (folder / SIDECAR_DIR).iterdir() if p.suffix == ".npz")


def test_the_writer_saves_one_sidecar_per_segment(ix: Path) -> None:
    folder = IndexDir(ix).current()
    wix, reader, segs = leaves(folder)
    try:
        assert sidecar_files(folder) == sorted(f"{seg.segment().segment_id()}.npz" for seg, _ in segs)
        assert write_sidecars(folder, reader) == 0  # nothing left to write
    finally:
        reader.close()
        wix.close()


def test_loaded_arrays_hold_dates_lengths_and_facets(ix: Path) -> None:
    folder = IndexDir(ix).current()
    wix, reader, segs = leaves(folder)
    try:
        (seg, _), = segs
        path = folder / SIDECAR_DIR / f"{seg.segment().segment_id()}.npz"
        loaded = _load(path)
        assert loaded is not None
        arrays_equal(loaded, build_segment_arrays(seg))
        assert loaded.doc_count == 3
        by_id = {seg.stored_fields(d)["id"]: d for d in range(3)}
        assert loaded.published[by_id["bai-2"]] == NO_TIME
        assert loaded.published[by_id["bai-0"]] == 1564879500  # 2019-08-04 07:45 +07:00
        assert loaded.len_title[by_id["bai-0"]] == pytest.approx(5, abs=1)
        assert loaded.len_body[by_id["bai-0"]] > loaded.len_title[by_id["bai-0"]]
        values, docs, vals = loaded.facets["source"]
        assert {values[v]: int(d) for d, v in zip(docs, vals)}["Báo Nghệ An Thử"] == by_id["bai-1"]
        values, docs, vals = loaded.facets["location"]
        assert "Lào Cai" in values
    finally:
        reader.close()
        wix.close()


def test_segment_arrays_recompute_a_missing_file_without_writing_it(ix: Path) -> None:
    folder = IndexDir(ix).current()
    wix, reader, segs = leaves(folder)
    try:
        (seg, _), = segs
        path = folder / SIDECAR_DIR / f"{seg.segment().segment_id()}.npz"
        saved = _load(path)
        path.unlink()
        recomputed = segment_arrays(folder, seg)
        arrays_equal(recomputed, saved)
        assert not path.exists()  # readers never write
    finally:
        reader.close()
        wix.close()


def test_a_stale_or_foreign_format_sidecar_is_recomputed(ix: Path, tmp_path: Path, write_jsonl) -> None:
    folder = IndexDir(ix).current()
    other = tmp_path / "other"
    writing.build(other, [write_jsonl(tmp_path / "b.jsonl", RECORDS[:1])], progress=False)
    other_folder = IndexDir(other).current()
    wix, reader, segs = leaves(folder)
    try:
        (seg, _), = segs
        path = folder / SIDECAR_DIR / f"{seg.segment().segment_id()}.npz"
        good = _load(path)
        # A sidecar of another segment (one document, not three) under this name: stale.
        shutil.copy(next((other_folder / SIDECAR_DIR).glob("*.npz")), path)
        assert _load(path).doc_count == 1
        arrays_equal(segment_arrays(folder, seg), good)
        # A sidecar of another format version.
        _save(path, good)
        with np.load(path) as data:
            fields = {k: data[k] for k in data.files}
        fields["format"] = np.array([999])
        np.savez(path.with_suffix(""), **fields)  # np.savez adds the .npz
        assert _load(path) is None
        arrays_equal(segment_arrays(folder, seg), good)
    finally:
        reader.close()
        wix.close()


def test_write_sidecars_restores_missing_files_and_drops_stale_ones(ix: Path) -> None:
    folder = IndexDir(ix).current()
    before = sidecar_files(folder)
    (folder / SIDECAR_DIR / before[0]).unlink()
    (folder / SIDECAR_DIR / "MAIN_gone.npz").write_bytes(b"left by a merged-away segment")
    wix, reader, _ = leaves(folder)
    try:
        assert write_sidecars(folder, reader) == 1
    finally:
        reader.close()
        wix.close()
    assert sidecar_files(folder) == before


def test_an_engine_works_the_same_without_sidecars(ix: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(ix, copy)
    shutil.rmtree(IndexDir(copy).current() / SIDECAR_DIR)
    request = SearchRequest(query="", sort="oldest")
    with_files, without = Engine(str(ix)), Engine(str(copy))
    try:
        a, b = with_files.search(request), without.search(request)
        assert [h.id for h in a.hits] == [h.id for h in b.hits] == ["bai-0", "bai-1", "bai-2"]
        assert a.facets == b.facets
        lu = SearchRequest(query="lũ quét")
        assert [h.score for h in with_files.search(lu).hits] == [h.score for h in without.search(lu).hits]
        assert not (IndexDir(copy).current() / SIDECAR_DIR).exists()  # the reader did not write them
    finally:
        with_files.close()
        without.close()


def test_add_writes_a_sidecar_for_its_new_segment(ix: Path, tmp_path: Path, write_jsonl) -> None:
    folder = IndexDir(ix).current()
    before = sidecar_files(folder)
    record = {"id": "moi", "title": "Bài mới về hạn mặn", "body": "Hạn mặn ở Bến Tre.", "published": "2024-03-01",
              "source": "Báo Bến Tre Thử"}
    writing.add(ix, [write_jsonl(tmp_path / "new.jsonl", [record])], progress=False)
    after = sidecar_files(folder)
    assert len(after) == len(before) + 1 and set(before) <= set(after)
    engine = Engine(str(ix))
    try:
        results = engine.search(SearchRequest(query="", sources=("Báo Bến Tre Thử",)))
        assert [h.id for h in results.hits] == ["moi"]
        assert [(v.value, v.count) for v in results.facets["year"]] == [("2024", 1)]
    finally:
        engine.close()


@pytest.mark.parametrize("damage", [b"", b"PK\x03\x04truncated"], ids=["empty", "truncated"])
def test_a_damaged_sidecar_is_recomputed(ix: Path, damage: bytes) -> None:
    folder = IndexDir(ix).current()
    name = sidecar_files(folder)[0]
    (folder / SIDECAR_DIR / name).write_bytes(damage)
    engine = Engine(str(ix))
    try:
        assert engine.search(SearchRequest(query="lũ")).total == 1
    finally:
        engine.close()
    writing.delete(ix, ["khong-co"])  # a writer repairs it
    assert _load(folder / SIDECAR_DIR / name) is not None
