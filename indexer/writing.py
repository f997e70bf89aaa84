"""Writing the index: build a new generation, add to it, delete from it.

Only these functions write.  Each holds the folder's write lock for its whole
run, so a second writer stops with a clear message (or waits with
``wait=True``) instead of meeting Whoosh's LockError half-way.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.writing import IndexWriter

from .cores import usable_cores
from .model import Article
from .pipeline import Deduper, IngestReport, body_key, ingest
from .places import location_values
from .readers import estimate_count
from .schema import SCHEMA_VERSION, build_schema, document_fields
from .sidecar import write_sidecars
from .store import IndexDir, IndexError_
from .suggest import TitlePairs, load_restore_maps, write_restore_maps

__all__ = ["build", "add", "delete", "WriteResult"]

#: Below this many articles one process is faster than a pool (pool start-up
#: and pyvi's model load in each worker cost more than they save).
PARALLEL_MIN_ARTICLES = 1500
#: More segments than this and an ``add`` merges the small ones.
MAX_SEGMENTS = 8


@dataclass
class WriteResult:
    report: IngestReport
    index_articles: int
    seconds: float
    generation: str
    deleted: int = 0
    missing: tuple[str, ...] = ()


@contextmanager
def _progress(total: int | None, desc: str, enabled: bool) -> Iterator[Any]:
    from tqdm import tqdm

    bar = tqdm(total=total or None, desc=desc, unit=" articles", file=sys.stderr,
               disable=not enabled, smoothing=0.1, dynamic_ncols=True)
    try:
        yield bar
    finally:
        bar.close()


def _writer(ix: Any, articles: int) -> IndexWriter:
    """A writer for ``articles`` articles.  Segments are written as plain
    files, not Whoosh's compound file: whoosh-reloaded copies a compound
    segment's memory map into the heap for every reader (half a gigabyte
    each at 84k articles)."""
    procs = usable_cores()
    if procs > 1 and articles >= PARALLEL_MIN_ARTICLES:
        # Load pyvi's model once here: the writer's processes are forked and
        # share it instead of each loading their own.
        from .analysis import segment

        segment("khởi động")
        return ix.writer(procs=procs, multisegment=True, limitmb=256, batchsize=250, compound=False)
    return ix.writer(limitmb=256, compound=False)


def _index_articles(writer: IndexWriter, articles: Iterable[Article], bar: Any, update: bool,
                    titles: TitlePairs) -> None:
    put = writer.update_document if update else writer.add_document
    for article in articles:
        put(**document_fields(article, location_values(article), body_key(article)))
        titles.observe(article.title)
        bar.update(1)


def build(
    index: str | os.PathLike[str],
    paths: Iterable[str | os.PathLike[str]],
    *,
    wait: bool = False,
    progress: bool = True,
    keep_duplicates: bool = False,
) -> WriteResult:
    """Index ``paths`` into a new generation and make it live when complete.

    The live index keeps answering until the switch; if this process dies,
    the half-written generation is removed by the next build.
    """
    started = time.perf_counter()
    paths = list(paths)
    store = IndexDir(index)
    store.check_usable()
    report = IngestReport()
    with store.write_lock(wait=wait):
        store.remove_unfinished()
        folder = store.new_generation()
        try:
            ix = whoosh_index.create_in(str(folder), build_schema())
            expected = estimate_count(paths)
            writer = _writer(ix, expected)
            titles = TitlePairs()
            try:
                deduper = Deduper(bodies=not keep_duplicates)
                with _progress(expected, "indexing", progress) as bar:
                    _index_articles(writer, ingest(paths, report, deduper=deduper), bar, update=False,
                                    titles=titles)
            except BaseException:
                writer.cancel()
                raise
            if report.articles == 0:
                writer.cancel()
                raise IndexError_("no articles could be read; the index was not changed")
            writer.commit()
            with ix.reader() as reader:
                write_sidecars(folder, reader)
                write_restore_maps(folder, reader, titles)
                count = reader.doc_count()
            ix.close()
            now = time.strftime("%Y-%m-%dT%H:%M:%S%z")
            store.switch_to(folder, {
                "schema_version": SCHEMA_VERSION,
                "built": now,
                "updated": now,
                "articles": count,
            })
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        store.remove_stale()
    return WriteResult(report, count, time.perf_counter() - started, folder.name)


def _open_live(store: IndexDir) -> tuple[Path, Any]:
    folder = store.current()
    info = store.info()
    if info.get("schema_version", SCHEMA_VERSION) != SCHEMA_VERSION:
        raise IndexError_(
            f"the index at {store.path} was made by another version of this tool; rebuild it with `indexer build`"
        )
    return folder, whoosh_index.open_dir(str(folder))


def _finish_write(store: IndexDir, folder: Path, ix: Any, titles: TitlePairs | None = None) -> int:
    """Sidecars for new segments, the did-you-mean maps extended by what an
    ``add`` wrote (``titles``), and the info file."""
    with ix.reader() as reader:
        write_sidecars(folder, reader)
        if titles is not None:
            write_restore_maps(folder, reader, titles, extends=load_restore_maps(folder))
        count = reader.doc_count()
    ix.close()
    store.touch_info(articles=count)
    return count


def add(
    index: str | os.PathLike[str],
    paths: Iterable[str | os.PathLike[str]],
    *,
    wait: bool = False,
    progress: bool = True,
) -> WriteResult:
    """Add (or replace, by id) the articles under ``paths``.

    Idempotent: adding the same articles again replaces them.  Nothing is
    visible until the commit, so a killed ``add`` leaves the index as it was.
    """
    started = time.perf_counter()
    paths = list(paths)
    store = IndexDir(index)
    store.current()  # no index: say so before creating anything
    report = IngestReport()
    with store.write_lock(wait=wait):
        folder, ix = _open_live(store)
        expected = estimate_count(paths)
        with ix.searcher() as searcher:
            def known(key: str) -> str | None:
                fields = searcher.document(body_hash=key)
                return fields["id"] if fields else None

            deduper = Deduper(known)
            writer = _writer(ix, expected)
            titles = TitlePairs()
            try:
                with _progress(expected, "adding", progress) as bar:
                    _index_articles(writer, ingest(paths, report, deduper=deduper), bar, update=True,
                                    titles=titles)
            except BaseException:
                writer.cancel()
                raise
        segments = len(ix._segments())  # noqa: SLF001 - Whoosh has no public count
        writer.commit(merge=segments >= MAX_SEGMENTS)
        count = _finish_write(store, folder, ix, titles)
    return WriteResult(report, count, time.perf_counter() - started, folder.name)


def delete(index: str | os.PathLike[str], ids: Iterable[str], *, wait: bool = False) -> WriteResult:
    """Delete articles by id; ids not in the index are reported, not fatal."""
    started = time.perf_counter()
    store = IndexDir(index)
    store.current()  # no index: say so before creating anything
    deleted = 0
    missing = []
    with store.write_lock(wait=wait):
        folder, ix = _open_live(store)
        writer = ix.writer(compound=False)
        try:
            for article_id in ids:
                n = writer.delete_by_term("id", article_id)
                if n:
                    deleted += n
                else:
                    missing.append(article_id)
        except BaseException:
            writer.cancel()
            raise
        writer.commit(merge=False)
        count = _finish_write(store, folder, ix)
    return WriteResult(IngestReport(), count, time.perf_counter() - started, folder.name,
                       deleted=deleted, missing=tuple(missing))
