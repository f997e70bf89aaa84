"""A term's postings as numpy arrays (doc numbers and term frequencies).

Whoosh's matchers walk postings one Python call per document; scoring an
archive that way costs a second on common words.  Here the codec's blocks
are decoded whole into arrays, so that ranking, counting and filtering are
vector operations.  This is the one module that knows Whoosh's on-disk
block layout (whoosh-reloaded 2.7.5, pinned); anything else falls back to
the public matcher interface.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

import numpy as np
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching.wrappers import FilterMatcher
from whoosh.reading import TermNotFound

__all__ = ["Postings", "read_postings", "segment_postings", "PostingsCache", "SHARED_CACHE", "EMPTY"]


class Postings:
    """Sorted global doc numbers and the term's frequency in each."""

    __slots__ = ("ids", "tf")

    def __init__(self, ids: np.ndarray, tf: np.ndarray) -> None:
        self.ids = ids
        self.tf = tf

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def nbytes(self) -> int:
        return int(self.ids.nbytes + self.tf.nbytes)


EMPTY = Postings(np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32))


def _leaf_arrays(matcher: object) -> tuple[np.ndarray, np.ndarray]:
    # Deleted documents are masked out by the snapshot's live array; read
    # the raw postings under Whoosh's deletion filter.
    while isinstance(matcher, FilterMatcher):
        matcher = matcher.child
    if isinstance(matcher, W3LeafMatcher) and not matcher._byteids:  # noqa: SLF001
        ids_parts = []
        tf_parts = []
        m = matcher
        while not m._atend:  # noqa: SLF001
            if m._data is None:  # noqa: SLF001
                m._read_data()  # noqa: SLF001
            raw_ids, raw_w, _values = m._data  # noqa: SLF001
            ids = np.cumsum(np.asarray(raw_ids, dtype=np.int64))
            if raw_w is None:
                w = np.ones(len(ids), dtype=np.float32)
            elif isinstance(raw_w, float):
                w = np.full(len(ids), raw_w, dtype=np.float32)
            else:
                w = np.asarray(raw_w, dtype=np.float32)
            ids_parts.append(ids)
            tf_parts.append(w)
            m._next_block()  # noqa: SLF001
        if not ids_parts:
            return np.zeros(0, np.int64), np.zeros(0, np.float32)
        return np.concatenate(ids_parts), np.concatenate(tf_parts)
    ids_list = []
    tf_list = []
    while matcher.is_active():  # type: ignore[attr-defined]
        ids_list.append(matcher.id())  # type: ignore[attr-defined]
        tf_list.append(matcher.weight())  # type: ignore[attr-defined]
        matcher.next()  # type: ignore[attr-defined]
    return np.asarray(ids_list, dtype=np.int64), np.asarray(tf_list, dtype=np.float32)


def segment_postings(segreader: object, field: str, text: str) -> Postings:
    """The postings of ``field:text`` in one segment, in its own doc numbers."""
    try:
        matcher = segreader.postings(field, text)  # type: ignore[attr-defined]
    except TermNotFound:
        return EMPTY
    ids, tf = _leaf_arrays(matcher)
    if not len(ids):
        return EMPTY
    return Postings(ids.astype(np.int32), tf)


def read_postings(leaves: list[tuple[object, int]], field: str, text: str,
                  cache: PostingsCache | None = None, scope: str = "") -> Postings:
    """The postings of ``field:text`` over all segments, in global doc numbers.

    ``cache`` holds each segment's part under the segment's id: a segment
    never changes once written (deletions are masked elsewhere), so its
    postings stay valid in the next generation an ``add`` makes, and a
    reader does not start cold again after every update."""
    parts = []
    for segreader, offset in leaves:
        key = (scope, segreader.segment().segment_id(), field, text)  # type: ignore[attr-defined]
        found = cache.get(key) if cache is not None else None
        if found is None:
            found = segment_postings(segreader, field, text)
            if cache is not None:
                cache.put(key, found)
        if len(found):
            parts.append((found, offset))
    if not parts:
        return EMPTY
    if len(parts) == 1 and parts[0][1] == 0:
        return parts[0][0]
    return Postings(np.concatenate([p.ids + np.int32(offset) for p, offset in parts]),
                    np.concatenate([p.tf for p, _ in parts]))


class PostingsCache:
    """Recently used postings, bounded by bytes (common words are asked for
    again and again; rare ones are cheap to read)."""

    def __init__(self, max_bytes: int = 128 * 1024 * 1024) -> None:
        self.max_bytes = max_bytes
        self._items: OrderedDict[tuple[str, ...], Postings] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: tuple[str, ...]) -> Postings | None:
        with self._lock:
            item = self._items.get(key)
            if item is not None:
                self._items.move_to_end(key)
            return item

    def put(self, key: tuple[str, ...], value: Postings) -> None:
        size = value.nbytes
        if size > self.max_bytes // 4:
            return
        with self._lock:
            if key in self._items:
                return
            self._items[key] = value
            self._bytes += size
            while self._bytes > self.max_bytes and self._items:
                _, old = self._items.popitem(last=False)
                self._bytes -= old.nbytes


#: One per process, shared by every generation of every index it opens
#: (keys carry the index folder and the segment id), so memory stays within
#: one bound however often the index is updated.
SHARED_CACHE = PostingsCache()
