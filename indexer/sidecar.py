"""Per-segment arrays beside each Whoosh segment: publication times, field
lengths and facet values as numpy arrays.

Whoosh answers facet counts and date ranges by scoring every hit (about a
second a query at 100k articles).  These arrays make them a ``bincount``:
written once when a segment is created, loaded in milliseconds when the
index is opened, rebuilt in memory if a file is missing (a writer killed
between its commit and its sidecar, or a merge).
"""

from __future__ import annotations

import multiprocessing
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from whoosh.columns import NumericColumn

from .cores import usable_cores
from .schema import FACET_FIELDS, NO_TIME
from .sequences import write_sequences

__all__ = ["SegmentArrays", "segment_arrays", "write_sidecars", "SIDECAR_DIR"]

SIDECAR_DIR = "sidecar"
_FORMAT = 3
_SEP = "\x1e"


@dataclass
class SegmentArrays:
    """The arrays of one segment, indexed by the segment's own doc numbers."""

    doc_count: int
    published: np.ndarray  # int64 seconds, NO_TIME when unknown
    len_title: np.ndarray  # float32 syllables
    len_body: np.ndarray
    #: facet field -> (values, doc numbers, value numbers): one pair per (doc, value)
    facets: dict[str, tuple[list[str], np.ndarray, np.ndarray]]
    #: parent of each location value ("" for a top-level province), worked out
    #: by the writer so that readers need not load the gazetteer
    location_parents: list[str]


def _segment_id(segreader: object) -> str:
    return segreader.segment().segment_id()  # type: ignore[attr-defined]


def _column(segreader: object, field: str, typecode: str, default: int, n: int) -> np.ndarray:
    dtype = np.int64 if typecode == "q" else np.uint32
    if not segreader.has_column(field):  # type: ignore[attr-defined]
        return np.full(n, default, dtype=dtype)
    column = segreader.column_reader(field, NumericColumn(typecode, default=default))  # type: ignore[attr-defined]
    return np.fromiter((column[i] for i in range(n)), dtype=dtype, count=n)


def _facet_pairs(segreader: object, field: str) -> tuple[list[str], np.ndarray, np.ndarray]:
    values: list[str] = []
    docs: list[np.ndarray] = []
    vals: list[np.ndarray] = []
    if field in segreader.indexed_field_names():  # type: ignore[attr-defined]
        for text in segreader.field_terms(field):  # type: ignore[attr-defined]
            ids = np.fromiter(segreader.postings(field, text).all_ids(), dtype=np.int32)  # type: ignore[attr-defined]
            docs.append(ids)
            vals.append(np.full(len(ids), len(values), dtype=np.int32))
            values.append(text)
    if not docs:
        return [], np.zeros(0, np.int32), np.zeros(0, np.int32)
    return values, np.concatenate(docs), np.concatenate(vals)


def build_segment_arrays(segreader: object) -> SegmentArrays:
    from .places import location_parent

    n = segreader.doc_count_all()  # type: ignore[attr-defined]
    facets = {f: _facet_pairs(segreader, f) for f in FACET_FIELDS}
    return SegmentArrays(
        doc_count=n,
        published=_column(segreader, "published", "q", NO_TIME, n),
        len_title=_column(segreader, "n_title", "I", 0, n).astype(np.float32),
        len_body=_column(segreader, "n_body", "I", 0, n).astype(np.float32),
        facets=facets,
        location_parents=[location_parent(v) or "" for v in facets["location"][0]],
    )


#: Segments at least this big get their sidecar written in a process of their own.
_PARALLEL_MIN_DOCS = 5000


def _path(folder: Path, segreader: object) -> Path:
    return folder / SIDECAR_DIR / f"{_segment_id(segreader)}.npz"


def _save(path: Path, arrays: SegmentArrays) -> None:
    data: dict[str, np.ndarray] = {
        "format": np.array([_FORMAT]),
        "doc_count": np.array([arrays.doc_count]),
        "published": arrays.published,
        "len_title": arrays.len_title,
        "len_body": arrays.len_body,
    }
    data["location_parents"] = np.array([_SEP.join(arrays.location_parents)])
    for field, (values, docs, vals) in arrays.facets.items():
        data[f"{field}_values"] = np.array([_SEP.join(values)])
        data[f"{field}_docs"] = docs
        data[f"{field}_vals"] = vals
    path.parent.mkdir(exist_ok=True)
    tmp = path.with_name(f".{path.stem}.{os.getpid()}.tmp.npz")
    np.savez(tmp, **data)
    os.replace(tmp, path)


def _load(path: Path) -> SegmentArrays | None:
    try:
        with path.open("rb") as fh:
            data = np.load(fh, allow_pickle=False)
            if not hasattr(data, "files"):
                return None  # a single array under this name, not our archive
            with data:
                if int(data["format"][0]) != _FORMAT:
                    return None
                facets = {}
                for field in FACET_FIELDS:
                    joined = str(data[f"{field}_values"][0])
                    values = joined.split(_SEP) if joined else []
                    facets[field] = (values, data[f"{field}_docs"], data[f"{field}_vals"])
                parents = str(data["location_parents"][0]).split(_SEP) if facets["location"][0] else []
                return SegmentArrays(
                    doc_count=int(data["doc_count"][0]),
                    published=data["published"],
                    len_title=data["len_title"],
                    len_body=data["len_body"],
                    facets=facets,
                    location_parents=parents,
                )
    except (OSError, KeyError, ValueError, EOFError, zipfile.BadZipFile):
        return None


def segment_arrays(folder: Path, segreader: object) -> SegmentArrays:
    """The segment's arrays from its sidecar file, or computed if it is
    missing or stale (readers never write: the next writer saves it)."""
    arrays = _load(_path(folder, segreader))
    if arrays is None or arrays.doc_count != segreader.doc_count_all():  # type: ignore[attr-defined]
        arrays = build_segment_arrays(segreader)
    return arrays


def _write_segment(folder: Path, segreader: object) -> int:
    written = 0
    path = _path(folder, segreader)
    if _load(path) is None:
        _save(path, build_segment_arrays(segreader))
        written += 1
    written += write_sequences(folder / SIDECAR_DIR, segreader)
    return written


def write_sidecars(folder: Path, reader: object) -> int:
    """Save the arrays and token sequences of every segment that lacks them
    (big segments in parallel, one process each) and drop those of segments
    that no longer exist.  Returns how many files sets were written."""
    leaves = [segreader for segreader, _offset in reader.leaf_readers()]  # type: ignore[attr-defined]
    wanted = {_segment_id(s) for s in leaves}
    big = [s for s in leaves if s.doc_count_all() >= _PARALLEL_MIN_DOCS]
    written = 0
    if len(big) > 1 and usable_cores() > 1:
        ctx = multiprocessing.get_context("fork")
        procs = [ctx.Process(target=_write_segment, args=(folder, s)) for s in big]
        for proc in procs:
            proc.start()
        for proc in procs:
            proc.join()
        failed = [s for s, proc in zip(big, procs) if proc.exitcode != 0]
        leaves = [s for s in leaves if s not in big or s in failed]  # a failed one is done here
        written += len(big) - len(failed)
    for segreader in leaves:
        written += _write_segment(folder, segreader)
    side = folder / SIDECAR_DIR
    if side.is_dir():
        for stale in side.iterdir():
            if stale.name.split(".")[0] not in wanted:
                stale.unlink(missing_ok=True)
    return written
