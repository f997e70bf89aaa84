"""Token sequences: written per segment, loaded memory-mapped, and counting
runs of syllables exactly as they stand."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from indexer import SearchRequest, open_backend, writing
from indexer.sequences import build_segment_sequences, load_sequences
from indexer.sidecar import SIDECAR_DIR
from indexer.store import IndexDir

RECORDS = [
    {"id": "a", "title": "Bão số 3 đổ bộ", "body": "Cơn bão số 3 gây mưa lớn. Bão, số liệu 3 ngày."},
    {"id": "b", "title": "Số liệu mới", "body": "Số 3 và bão."},
    {"id": "c", "title": "Khoa học", "body": "Khoa học và công nghệ. Khoa học."},
]


def _index(tmp_path: Path) -> Path:
    data = tmp_path / "a.jsonl"
    data.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in RECORDS), encoding="utf-8")
    writing.build(tmp_path / "ix", [data], progress=False)
    return tmp_path / "ix"


def test_sequences_are_written_and_loaded_memory_mapped(tmp_path: Path) -> None:
    ix = _index(tmp_path)
    backend = open_backend(str(ix))
    try:
        with backend.session() as session:
            [(offset, seqs)] = session.snapshot.sequences
            assert offset == 0 and isinstance(seqs.tokens, np.memmap)
            [(segreader, _)] = list(session.reader.leaf_readers())
            fresh = build_segment_sequences(segreader)
            assert np.array_equal(fresh.tokens, np.asarray(seqs.tokens)) and fresh.vocab == seqs.vocab
    finally:
        backend.close()
    files = sorted(p.name.split(".", 1)[1] for p in (IndexDir(ix).current() / SIDECAR_DIR).iterdir())
    assert files == ["npz", "starts.npy", "titles.npy", "tokens.npy", "vocab.txt"]


def test_a_new_snapshot_reuses_the_unchanged_segments_sequences(tmp_path: Path) -> None:
    ix = _index(tmp_path)
    backend = open_backend(str(ix))
    backend.refresh_seconds = 0.0  # type: ignore[attr-defined]
    try:
        with backend.session() as session:
            [(_, before)] = session.snapshot.sequences
        more = tmp_path / "b.jsonl"
        more.write_text(json.dumps({"id": "d", "title": "Mưa lớn", "body": "Mưa lớn kéo dài."}, ensure_ascii=False),
                        encoding="utf-8")
        writing.add(ix, [more], progress=False)
        with backend.session() as session:
            after = [seqs for _, seqs in session.snapshot.sequences]
            assert len(after) == 2 and after[0] is before  # the old segment is not read again
    finally:
        backend.close()


def test_window_counts_respect_order_documents_and_titles(tmp_path: Path) -> None:
    ix = _index(tmp_path)
    backend = open_backend(str(ix))
    try:
        with backend.session() as session:
            docs = np.array(sorted(session.docnum_of(r["id"]) for r in RECORDS))
            by_id = {session.stored(int(d))["id"]: i for i, d in enumerate(docs)}
            windows = [("bao", "so", "3"), ("so", "3"), ("khoa", "hoc"), ("nghe", "khoa"), ("hoc", "so"),
                       ("bo", "con")]
            counts = session.window_counts(docs, windows)
            a, b, c = by_id["a"], by_id["b"], by_id["c"]
            assert counts[0].tolist() == [2 if i == a else 0 for i in range(3)]  # not "bão, số liệu 3"
            assert counts[1, a] == 2 and counts[1, b] == 1 and counts[1, c] == 0
            assert counts[2, c] == 3
            assert counts[3, c] == 1  # punctuation is not a word: "nghệ. Khoa" stand together
            assert counts[4].sum() == 0  # never across documents ("học" ends c, "Số" starts b)
            assert counts[5].sum() == 0  # never from the title into the body ("bộ" / "Cơn")
            titles = session.window_counts(docs, windows, title_only=True)
            assert titles[0, a] == 1 and titles[2, c] == 1 and titles[1, b] == 0
            # An unknown syllable or an empty list of documents counts nothing.
            assert session.window_counts(docs, [("zzz", "bao")]).sum() == 0
            assert session.window_counts(docs[:0], windows).shape == (len(windows), 0)
    finally:
        backend.close()


def test_missing_sequence_files_are_rebuilt_in_memory(tmp_path: Path) -> None:
    ix = _index(tmp_path)
    for path in (IndexDir(ix).current() / SIDECAR_DIR).glob("*.tokens.npy"):
        path.unlink()
    backend = open_backend(str(ix))
    try:
        assert [h.id for h in backend.search(SearchRequest(query='"bão số 3"')).hits] == ["a"]
    finally:
        backend.close()
    segid = next((IndexDir(ix).current() / SIDECAR_DIR).glob("*.starts.npy")).name.split(".")[0]
    assert load_sequences(IndexDir(ix).current() / SIDECAR_DIR, segid, 3) is None  # readers never write
