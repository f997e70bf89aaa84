"""Postings as numpy arrays, and the process-wide cache that outlives an update."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from whoosh import index as whoosh_index

from indexer import writing
from indexer.analysis import fold_term
from indexer.postings import PostingsCache, read_postings, segment_postings
from indexer.store import IndexDir

LONG = " Người dân địa phương cho biết mưa lớn kéo dài nhiều ngày khiến nước sông dâng cao."


def _write(path: Path, records: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    return path


def _records(prefix: str, n: int) -> list[dict]:
    return [{"id": f"{prefix}-{i}", "title": f"Lũ lớn ở xã số {i} {prefix}", "body": f"Bài {prefix} số {i}." + LONG,
             "published": "2023-08-04T07:45:00+07:00"} for i in range(n)]


def _leaves(index: Path):
    ix = whoosh_index.open_dir(str(IndexDir(index).current()))
    reader = ix.reader()
    return reader, list(reader.leaf_readers())


def test_postings_over_segments_match_whoosh(tmp_path: Path) -> None:
    index = tmp_path / "ix"
    writing.build(index, [_write(tmp_path / "a.jsonl", _records("a", 5))], progress=False)
    writing.add(index, [_write(tmp_path / "b.jsonl", _records("b", 3))], progress=False)
    reader, leaves = _leaves(index)
    try:
        assert len(leaves) == 2
        term = fold_term("lũ")
        got = read_postings(leaves, "title_f", term)
        assert got.ids.tolist() == list(range(8))
        assert np.all(got.tf == 1)
        assert got.ids.tolist() == sorted(reader.postings("title_f", term).all_ids())
        seg, offset = leaves[1]
        local = segment_postings(seg, "title_f", term)
        assert offset == 5 and local.ids.tolist() == [0, 1, 2]
        assert len(read_postings(leaves, "title_f", "no-such-term")) == 0
    finally:
        reader.close()


def test_cache_keeps_a_segment_across_an_add(tmp_path: Path) -> None:
    index = tmp_path / "ix"
    writing.build(index, [_write(tmp_path / "a.jsonl", _records("a", 5))], progress=False)
    cache = PostingsCache()
    term = fold_term("lũ")
    reader, leaves = _leaves(index)
    first = read_postings(leaves, "title_f", term, cache, scope=str(index))
    reader.close()
    writing.add(index, [_write(tmp_path / "b.jsonl", _records("b", 3))], progress=False)
    reader, leaves = _leaves(index)
    try:
        old_key = (str(index), leaves[0][0].segment().segment_id(), "title_f", term)
        assert cache.get(old_key) is first  # the old segment was not read again
        both = read_postings(leaves, "title_f", term, cache, scope=str(index))
        assert both.ids.tolist() == list(range(8))
    finally:
        reader.close()


def test_cache_is_bounded_by_bytes() -> None:
    from indexer.postings import Postings

    cache = PostingsCache(max_bytes=4000)
    for i in range(20):
        cache.put(("s", str(i)), Postings(np.arange(100, dtype=np.int32), np.ones(100, dtype=np.float32)))
    assert cache.get(("s", "0")) is None and cache.get(("s", "19")) is not None
