"""Each article's folded syllables in order, one memory-mapped array per
segment: where word order is checked.

Whoosh keeps positions inside its postings, but reaching them costs a
Python call per document and block (70 ms a query for the proximity pass at
80k articles).  This forward index answers "how often does this run of
syllables stand in these documents" with a few vectorised comparisons over
the documents' token arrays: the proximity pass, quoted phrases and the
adjacency of an abbreviation's long form all use it.

Layout per segment, beside the other sidecar files: ``<segid>.tokens.npy``
(uint32 syllable ids; title, a separator, body), ``<segid>.starts.npy``
(where each document's tokens start, plus the end), ``<segid>.titles.npy``
(where each document's title ends) and ``<segid>.vocab.txt`` (the folded
syllables, id = line number + 1; 0 is the separator).
"""

from __future__ import annotations

import os
import threading
import weakref
from array import array
from pathlib import Path

import numpy as np

from .analysis import fold_term
from .vietnamese import SYLLABLE_RE

__all__ = ["SegmentSequences", "segment_sequences", "write_sequences", "window_counts"]

SEP = 0
_SUFFIXES = ("tokens.npy", "starts.npy", "titles.npy", "vocab.txt")


class SegmentSequences:
    """One segment's sequences; the vocabulary is read on first use (most
    queries never need word order, and opening the index should be quick)."""

    def __init__(self, tokens: np.ndarray, starts: np.ndarray, title_ends: np.ndarray,
                 vocab: dict[str, int] | None = None, vocab_path: Path | None = None) -> None:
        self.tokens = tokens  # uint32, usually a read-only memory map
        self.starts = starts  # int64, doc_count + 1
        self.title_ends = title_ends  # int64, doc_count
        self._vocab = vocab
        self._vocab_path = vocab_path
        self._lock = threading.Lock()

    @property
    def vocab(self) -> dict[str, int]:
        if self._vocab is None:
            with self._lock:
                if self._vocab is None:
                    assert self._vocab_path is not None
                    words = self._vocab_path.read_text(encoding="utf-8").split("\n")
                    self._vocab = {w: i for i, w in enumerate(words, start=1) if w}
        return self._vocab


def _ids(text: str, vocab: dict[str, int], out: array) -> None:
    for syllable in SYLLABLE_RE.findall(text.lower()):
        folded = fold_term(syllable)
        term_id = vocab.get(folded)
        if term_id is None:
            term_id = vocab[folded] = len(vocab) + 1
        out.append(term_id)


def build_segment_sequences(segreader: object) -> SegmentSequences:
    """Read every stored title and body of the segment once, in order."""
    vocab: dict[str, int] = {}
    tokens = array("I")  # 4 bytes a syllable, not a Python int each
    n = segreader.doc_count_all()  # type: ignore[attr-defined]
    starts = np.zeros(n + 1, dtype=np.int64)
    title_ends = np.zeros(n, dtype=np.int64)
    for docnum in range(n):
        starts[docnum] = len(tokens)
        fields = segreader.stored_fields(docnum)  # type: ignore[attr-defined]
        _ids(fields.get("title", ""), vocab, tokens)
        title_ends[docnum] = len(tokens)
        tokens.append(SEP)
        _ids(fields.get("body", ""), vocab, tokens)
    starts[n] = len(tokens)
    return SegmentSequences(np.frombuffer(tokens, dtype=np.uint32).copy(), starts, title_ends, vocab)


def _paths(folder: Path, segid: str) -> list[Path]:
    return [folder / f"{segid}.{suffix}" for suffix in _SUFFIXES]


def save_sequences(folder: Path, segid: str, seqs: SegmentSequences) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    words = [""] * len(seqs.vocab)
    for word, term_id in seqs.vocab.items():
        words[term_id - 1] = word
    arrays = (seqs.tokens, seqs.starts, seqs.title_ends)
    for path, values in zip(_paths(folder, segid), arrays):
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp.npy")
        np.save(tmp, values)
        os.replace(tmp, path)
    vocab_path = _paths(folder, segid)[3]
    tmp = vocab_path.with_name(f".{vocab_path.name}.{os.getpid()}.tmp")
    tmp.write_text("\n".join(words), encoding="utf-8")
    os.replace(tmp, vocab_path)


def load_sequences(folder: Path, segid: str, doc_count: int) -> SegmentSequences | None:
    paths = _paths(folder, segid)
    try:
        tokens = np.load(paths[0], mmap_mode="r")
        starts = np.load(paths[1])
        title_ends = np.load(paths[2])
    except (OSError, ValueError, EOFError):
        return None
    if (len(starts) != doc_count + 1 or len(title_ends) != doc_count or starts[-1] != len(tokens)
            or not paths[3].is_file()):
        return None
    return SegmentSequences(tokens, starts, title_ends, vocab_path=paths[3])


#: Sequences in use by some snapshot: a segment never changes once written,
#: so the next snapshot (after an add) takes the same memory map and loaded
#: vocabulary instead of reading them again.
_LOADED: weakref.WeakValueDictionary[tuple[str, str, int], SegmentSequences] = weakref.WeakValueDictionary()
_LOADED_LOCK = threading.Lock()


def segment_sequences(folder: Path, segreader: object) -> SegmentSequences:
    """The segment's sequences from disk, or computed (readers never write)."""
    segid = segreader.segment().segment_id()  # type: ignore[attr-defined]
    key = (str(folder), segid, segreader.doc_count_all())  # type: ignore[attr-defined]
    with _LOADED_LOCK:
        found = _LOADED.get(key)
    if found is None:
        found = load_sequences(folder, segid, key[2])
        if found is None:
            return build_segment_sequences(segreader)
        with _LOADED_LOCK:
            found = _LOADED.setdefault(key, found)
    return found


def write_sequences(folder: Path, segreader: object) -> bool:
    """Save the segment's sequences unless already there; True if written."""
    segid = segreader.segment().segment_id()  # type: ignore[attr-defined]
    if load_sequences(folder, segid, segreader.doc_count_all()) is not None:  # type: ignore[attr-defined]
        return False
    save_sequences(folder, segid, build_segment_sequences(segreader))
    return True


def window_counts(leaves: list[tuple[int, SegmentSequences]], docs: np.ndarray,
                  windows: list[tuple[str, ...]], title_only: bool = False) -> np.ndarray:
    """How often each window (folded syllables) stands, in order, in each of
    ``docs`` (sorted global numbers): an array of shape (windows, docs)."""
    counts = np.zeros((len(windows), len(docs)), dtype=np.int32)
    if not len(docs) or not windows:
        return counts
    for offset, seqs in leaves:
        n = len(seqs.title_ends)
        lo, hi = np.searchsorted(docs, [offset, offset + n])
        if lo == hi:
            continue
        local = docs[lo:hi] - offset
        begin = seqs.starts[local]
        end = seqs.title_ends[local] if title_only else seqs.starts[local + 1]
        lengths = end - begin
        total = int(lengths.sum())
        if total == 0:
            continue
        index = np.repeat(begin - np.cumsum(lengths) + lengths, lengths) + np.arange(total)
        tokens = np.asarray(seqs.tokens[index])
        owner = np.repeat(np.arange(len(local)), lengths)
        for w, window in enumerate(windows):
            ids = [seqs.vocab.get(term) for term in window]
            size = len(ids)
            if None in ids or size > total:
                continue
            span = total - size + 1
            match = tokens[:span] == ids[0]
            for k in range(1, size):
                match &= tokens[k:k + span] == ids[k]
            if size > 1:
                match &= owner[:span] == owner[size - 1:size - 1 + span]
            counts[w, lo:hi] = np.bincount(owner[:span][match], minlength=len(local))
    return counts
