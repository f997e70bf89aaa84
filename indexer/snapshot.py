"""A point-in-time view of the index: its Whoosh readers and its arrays.

Opened once per index generation and shared by all requests (the arrays are
read-only).  Whoosh readers are not safe to share between threads, so each
request checks one out of a small pool and gives it back when done; when
the index changes, a new Snapshot replaces this one and the old readers are
closed as they come back.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from .postings import SHARED_CACHE, Postings, read_postings
from .schema import FACET_FIELDS, NO_TIME
from .sequences import SegmentSequences, segment_sequences, window_counts
from .sidecar import SIDECAR_DIR, segment_arrays

__all__ = ["Snapshot", "FacetIndex", "Session", "StaleSnapshot"]


class StaleSnapshot(Exception):
    """This generation's files are gone (a writer merged them away): the
    engine must open the current one."""

_VN_OFFSET = 7 * 3600


@dataclass
class FacetIndex:
    """One facet field over the whole index: values and (doc, value) pairs."""

    values: list[str]
    ids: dict[str, int]
    pair_docs: np.ndarray  # sorted by doc
    pair_vals: np.ndarray
    doc_ptr: np.ndarray  # pairs of doc d: doc_ptr[d]:doc_ptr[d+1]
    docs_by_val: np.ndarray  # docs of value v: docs_by_val[val_ptr[v]:val_ptr[v+1]]
    val_ptr: np.ndarray

    @classmethod
    def build(cls, n_docs: int, values: list[str], docs: np.ndarray, vals: np.ndarray,
              aliases: dict[str, int] | None = None) -> "FacetIndex":
        """``aliases``: more names that stand for a value (its other case forms)."""
        order = np.lexsort((vals, docs))
        pair_docs = docs[order].astype(np.int32)
        pair_vals = vals[order].astype(np.int32)
        doc_ptr = np.searchsorted(pair_docs, np.arange(n_docs + 1)).astype(np.int64)
        by_val = np.argsort(pair_vals, kind="stable")
        docs_by_val = pair_docs[by_val]
        val_ptr = np.searchsorted(pair_vals[by_val], np.arange(len(values) + 1)).astype(np.int64)
        ids = {**(aliases or {}), **{v: i for i, v in enumerate(values)}}
        return cls(values, ids, pair_docs, pair_vals, doc_ptr, docs_by_val, val_ptr)

    def docs_of(self, value_id: int) -> np.ndarray:
        return self.docs_by_val[self.val_ptr[value_id]:self.val_ptr[value_id + 1]]

    def counts(self, mask: np.ndarray, docs: np.ndarray | None = None) -> np.ndarray:
        """Count of each value among the docs where ``mask`` is true.

        ``docs`` (the true positions of ``mask``) lets a small hit list be
        counted by its own pairs instead of scanning every pair.
        """
        if docs is not None and len(docs) * 8 < len(self.pair_docs):
            starts = self.doc_ptr[docs]
            lens = self.doc_ptr[docs + 1] - starts
            total = int(lens.sum())
            if total == 0:
                return np.zeros(len(self.values), dtype=np.int64)
            offsets = np.repeat(starts - np.cumsum(lens) + lens, lens) + np.arange(total)
            return np.bincount(self.pair_vals[offsets], minlength=len(self.values))
        return np.bincount(self.pair_vals[mask[self.pair_docs]], minlength=len(self.values))


class Snapshot:
    """Arrays and readers of one index generation."""

    def __init__(self, folder: Path, ix: Any) -> None:
        self.folder = folder
        self.ix = ix
        # Pin the commit: ix.reader() would open whatever a writer committed
        # since, whose documents the arrays below do not describe.
        self._toc = ix._read_toc()  # noqa: SLF001
        self.key = (folder.name, self._toc.generation)
        self.schema = self._toc.schema
        self.cache_scope = str(folder.parent)  # postings cache keys: the index, not the generation
        self._pool: list[Any] = []
        self._pool_lock = threading.Lock()
        self._retired = False
        self.memo: dict[str, Any] = {}  # lazily built per-snapshot data (suggestion maps); see memoized()
        self._memo_lock = threading.Lock()
        reader = self._open_reader()
        try:
            self._load_arrays(reader)
        except BaseException:
            reader.close()
            raise
        self._pool.append(reader)

    def _load_arrays(self, reader: Any) -> None:
        leaves = list(reader.leaf_readers())
        n = reader.doc_count_all()
        self.doc_count_all = n
        live = np.ones(n, dtype=bool)
        published = np.full(n, NO_TIME, dtype=np.int64)
        len_title = np.zeros(n, dtype=np.float32)
        len_body = np.zeros(n, dtype=np.float32)
        facet_parts: dict[str, list[tuple[list[str], np.ndarray, np.ndarray]]] = {f: [] for f in FACET_FIELDS}
        self.sequences: list[tuple[int, SegmentSequences]] = []
        self.location_parents: dict[str, str] = {}  # "" for a top-level province
        for segreader, offset in leaves:
            self.sequences.append((offset, segment_sequences(self.folder / SIDECAR_DIR, segreader)))
            arrays = segment_arrays(self.folder, segreader)
            end = offset + arrays.doc_count
            published[offset:end] = arrays.published
            len_title[offset:end] = arrays.len_title
            len_body[offset:end] = arrays.len_body
            if segreader.has_deletions():
                deleted = np.fromiter(segreader.deleted_docs_set, dtype=np.int64)
                live[deleted + offset] = False
            for field, (values, docs, vals) in arrays.facets.items():
                facet_parts[field].append((values, docs.astype(np.int64) + offset, vals))
            self.location_parents.update(zip(arrays.facets["location"][0], arrays.location_parents))
        self.live = live
        self.live_count = int(live.sum())
        self.published = published
        self.len_title = len_title
        self.len_body = len_body
        self.facets = {f: self._merge_facet(n, parts, fold_case=f != "location")
                       for f, parts in facet_parts.items()}
        has_time = published != NO_TIME
        days = np.where(has_time, (published + _VN_OFFSET) // 86400, 0)
        months = days.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)
        self.month_index = np.where(has_time, months, -1)  # months since 1970-01
        self.has_time = has_time

    @staticmethod
    def _merge_facet(n: int, parts: list[tuple[list[str], np.ndarray, np.ndarray]],
                     fold_case: bool = False) -> FacetIndex:
        """One value per name over all segments.  With ``fold_case`` the
        forms of a name that differ only in case are one value (``Khu Công
        nghiệp`` and ``Khu công nghiệp`` in two articles are one body), shown
        in the form most articles write; each form still selects it."""
        ids: dict[str, int] = {}  # key -> value id
        forms: list[dict[str, int]] = []  # value id -> written form -> articles
        all_docs = []
        all_vals = []
        for seg_values, docs, vals in parts:
            remap = np.array([ids.setdefault(v.casefold() if fold_case else v, len(ids)) for v in seg_values] or [0],
                             dtype=np.int32)
            per_value = np.bincount(vals, minlength=len(seg_values)) if len(vals) else np.zeros(len(seg_values))
            forms.extend({} for _ in range(len(ids) - len(forms)))
            for value, i, count in zip(seg_values, remap.tolist(), per_value.tolist()):
                forms[i][value] = forms[i].get(value, 0) + int(count)
            all_docs.append(docs)
            all_vals.append(remap[vals] if len(vals) else vals.astype(np.int32))
        values = [max(written.items(), key=lambda f: f[1])[0] for written in forms]
        docs = np.concatenate(all_docs) if all_docs else np.zeros(0, np.int64)
        vals = np.concatenate(all_vals) if all_vals else np.zeros(0, np.int32)
        aliases = {form: i for i, written in enumerate(forms) for form in written if len(written) > 1}
        if aliases and len(vals):  # an article holding two forms of one name counts once
            pairs = np.unique(docs.astype(np.int64) * len(values) + vals)
            docs, vals = pairs // len(values), (pairs % len(values)).astype(np.int32)
        return FacetIndex.build(n, values, docs, vals, aliases)

    def memoized(self, key: str, make: Callable[[], Any]) -> Any:
        """``memo[key]``, made once: threads that ask together for data a new
        snapshot has not built yet wait for one copy instead of each making
        their own (four copies of the did-you-mean maps at once is how a
        server's memory grew after every update)."""
        found = self.memo.get(key)
        if found is None:
            with self._memo_lock:
                found = self.memo.get(key)
                if found is None:
                    found = make()
                    self.memo[key] = found
        return found

    # -- readers -------------------------------------------------------------
    @contextmanager
    def session(self) -> Iterator["Session"]:
        """A Whoosh reader for this request alone, returned (or closed) after."""
        with self._pool_lock:
            reader = self._pool.pop() if self._pool else None
        if reader is None:
            reader = self._open_reader()
        try:
            yield Session(self, reader)
        finally:
            with self._pool_lock:
                if self._retired or len(self._pool) >= 8:
                    reader.close()
                else:
                    self._pool.append(reader)

    def _open_reader(self) -> Any:
        """A reader of this snapshot's commit, not of a later one."""
        toc = self._toc
        try:
            return type(self.ix)._reader(self.ix.storage, toc.schema, list(toc.segments), toc.generation)  # noqa: SLF001
        except OSError as exc:
            raise StaleSnapshot(str(exc)) from exc

    def retire(self) -> None:
        """Close idle readers now and busy ones as they come back."""
        with self._pool_lock:
            self._retired = True
            pool, self._pool = self._pool, []
        for reader in pool:
            reader.close()


class Session:
    """One request's access to a snapshot: cached postings, stored fields."""

    def __init__(self, snapshot: Snapshot, reader: Any) -> None:
        self.snapshot = snapshot
        self.reader = reader
        self._leaves = list(reader.leaf_readers())

    def postings(self, field: str, text: str) -> Postings:
        return read_postings(self._leaves, field, text, SHARED_CACHE, self.snapshot.cache_scope)

    def window_counts(self, docs: np.ndarray, windows: list[tuple[str, ...]],
                      title_only: bool = False) -> np.ndarray:
        """How often each run of folded syllables stands in each of ``docs``."""
        return window_counts(self.snapshot.sequences, docs, windows, title_only)

    def doc_frequency(self, field: str, text: str) -> int:
        return self.reader.doc_frequency(field, text)

    def stored(self, docnum: int) -> dict[str, Any]:
        return self.reader.stored_fields(docnum)

    def docnum_of(self, article_id: str) -> int | None:
        postings = self.postings("id", article_id)
        for docnum in postings.ids:
            if self.snapshot.live[docnum]:
                return int(docnum)
        return None
