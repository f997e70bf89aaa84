"""The Whoosh backend of the search API: ``Engine.search(SearchRequest)``.

Opened once per process; every call checks a reader out of the current
snapshot and gives it back, and the snapshot is replaced when a writer has
committed (checked at most once a second), so a long-running web app sees
new articles without a restart and never holds a searcher after a request.
"""

from __future__ import annotations

import contextlib
import gc
import math
import threading
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

import numpy as np
from whoosh import index as whoosh_index
from whoosh.filedb.filestore import FileStorage

from .errors import IndexUnavailable, InvalidRequest
from .facets import FacetFilters, date_mask, facet_counts, search_values
from .highlight import mark, snippet
from .model import MAX_PER_PAGE, MAX_WINDOW, Article, FacetValue, Hit, SearchRequest, SearchResults
from .phrases import phrase_docs
from .proximity import RERANK_DEPTH, RERANK_FULL_MATCHES, proximity_bonus, typed_runs
from .query import Marks, ParsedQuery, parse_query
from .schema import NO_TIME, SCHEMA_VERSION
from .scoring import score_query
from .snapshot import StaleSnapshot, Session, Snapshot
from .store import IndexDir, IndexError_
from .suggest import correct_spelling, restore_diacritics

__all__ = ["Engine", "MAX_PER_PAGE", "MAX_WINDOW"]

_FACET_NAMES = {"agency": "cơ quan", "location": "địa điểm", "source": "nguồn báo", "category": "chuyên mục"}
#: Queries of up to this many words need all of them.
SHORT_QUERY = 3
#: Most candidates the word-order pass looks at (deep pages keep first-pass order).
MAX_RERANK = 200


def _request_filters(request: SearchRequest, parsed: ParsedQuery) -> dict[str, list[str]]:
    selections = {
        "agency": list(request.agencies),
        "location": list(request.locations),
        "source": list(request.sources),
        "category": list(request.categories),
    }
    for name, values in parsed.filters.items():
        selections[name].extend(values)
    return selections


def _min_match(matched: np.ndarray, avail: np.ndarray, n: int) -> int:
    """How many of the ``n`` concepts a hit needs.

    Short queries (up to three words) want every word, relaxed one at a time
    only when nothing has them all.  Longer ones are questions or half-
    remembered sentences whose question words ("là gì", "như thế nào") are
    not in the answer: half of the words will do, and ranking sorts them.
    """
    if n > SHORT_QUERY:
        return math.ceil(n / 2)
    counts = np.bincount(matched[avail], minlength=n + 1)
    at_least = np.cumsum(counts[::-1])[::-1]
    m = n
    while m > 1 and at_least[m] == 0:
        m -= 1
    return m


def _warm_up(snapshot: Snapshot) -> None:
    """Load, while the index opens and the reader types, what the first
    query would otherwise wait for: pyvi's model (about a second) and the
    did-you-mean maps."""
    from .analysis import segment
    from .suggest import restore_maps

    with snapshot.session() as session:
        restore_maps(session)
    segment("khởi động")


class _Evaluation:
    """The intermediate state of one search (masks are one bool per document)."""

    def __init__(self, parsed: ParsedQuery) -> None:
        self.parsed = parsed
        self.notices: list[str] = list(parsed.notices)
        self.scores: np.ndarray | None = None
        self.matched: np.ndarray | None = None
        self.n_concepts = 0
        self.query_mask: np.ndarray
        self.final: np.ndarray
        self.filters: FacetFilters
        self.dates: np.ndarray | None = None
        self.date_from = None
        self.date_to = None


class Engine:
    """Search, fetch and facet one index folder."""

    def __init__(self, path: str, *, refresh_seconds: float = 1.0) -> None:
        self.store = IndexDir(path)
        self.refresh_seconds = refresh_seconds
        self._lock = threading.Lock()
        self._checked = 0.0
        self._snapshot: Snapshot | None = None
        self._snapshot = self._open()
        threading.Thread(target=_warm_up, args=(self._snapshot,), name="warm-up", daemon=True).start()

    # -- index life cycle ----------------------------------------------------
    def _open(self) -> Snapshot:
        # Whoosh leaves a damaged table-of-contents file open when it fails
        # to read it; the file is closed (quietly) once the error is gone.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ResourceWarning)
            try:
                folder = self.store.current()
                version = self.store.info().get("schema_version", SCHEMA_VERSION)
                if version != SCHEMA_VERSION:
                    raise IndexError_(f"the index at {self.store.path} was built by another version of this "
                                      "tool; rebuild it with `python -m indexer build`")
                ix = whoosh_index.open_dir(str(folder))
                for _ in range(9):
                    try:
                        return Snapshot(folder, ix)
                    except StaleSnapshot:  # committed over while opening: read the new commit
                        time.sleep(0.05)
                return Snapshot(folder, ix)
            except IndexError_ as exc:
                failure = str(exc)
            except Exception as exc:  # noqa: BLE001 - Whoosh raises many kinds on a damaged index
                failure = f"the index at {self.store.path} cannot be opened ({exc.__class__.__name__}); rebuild it"
            gc.collect()
        raise IndexUnavailable(failure)

    def _current_key(self) -> tuple[str, int] | None:
        try:
            name = self.store.current_name()
            if name is None:
                return None
            storage = FileStorage(str(self.store.path / name))
            return name, whoosh_index.TOC._latest_generation(storage, whoosh_index._DEF_INDEX_NAME)  # noqa: SLF001
        except (OSError, IndexError_):
            return None

    def snapshot(self, *, recheck: bool = False) -> Snapshot:
        """The current snapshot, reopened if a writer has committed since."""
        now = time.monotonic()
        snap = self._snapshot
        if snap is not None and now - self._checked < self.refresh_seconds and not recheck:
            return snap
        with self._lock:
            # Threads that queued here behind the one that reopened the
            # index must take its snapshot, not open one each.
            snap = self._snapshot
            if snap is not None and time.monotonic() - self._checked < self.refresh_seconds and not recheck:
                return snap
            self._checked = time.monotonic()
            key = self._current_key()
            if snap is not None and (key is None or key == snap.key):
                return snap
            fresh = self._open()
            old, self._snapshot = self._snapshot, fresh
            if old is not None:
                old.retire()
            return fresh

    @contextmanager
    def session(self) -> Iterator[Session]:
        with contextlib.ExitStack() as stack:
            try:
                session = stack.enter_context(self.snapshot().session())
            except StaleSnapshot:
                # A writer merged this commit's segments away while the
                # snapshot had no reader to spare: read the new commit.
                try:
                    session = stack.enter_context(self.snapshot(recheck=True).session())
                except StaleSnapshot as exc:
                    raise IndexUnavailable("the index is being rewritten; try again in a moment") from exc
            yield session

    def close(self) -> None:
        if self._snapshot is not None:
            self._snapshot.retire()
            self._snapshot = None

    # -- search --------------------------------------------------------------
    def _evaluate(self, session: Session, request: SearchRequest, parsed: ParsedQuery) -> "_Evaluation":
        """Which documents match, with what scores, under which filters."""
        snap = session.snapshot
        ev = _Evaluation(parsed)
        ev.date_from = max(filter(None, (request.date_from, parsed.date_from)), default=None)
        ev.date_to = min(filter(None, (request.date_to, parsed.date_to)), default=None)
        ev.filters = FacetFilters(snap, _request_filters(request, parsed))
        for facet_name, name in ev.filters.unknown:
            ev.notices.append(f"Không có {_FACET_NAMES[facet_name]} “{name}” trong kho.")
        ev.dates = date_mask(snap, ev.date_from, ev.date_to)
        query_mask = snap.live.copy()
        for phrase in parsed.excluded:
            query_mask[phrase_docs(session, phrase)] = False
        if not parsed.is_empty:
            qs = score_query(session, parsed, [phrase_docs(session, p) for p in parsed.phrases])
            ev.scores = qs.score
            ev.matched, ev.n_concepts = qs.matched, qs.n_concepts
            if qs.required is not None:
                query_mask &= qs.required
            if qs.n_concepts:
                avail = ev.filters.combined(query_mask)
                if ev.dates is not None:
                    avail = avail & ev.dates
                need = _min_match(qs.matched, avail, qs.n_concepts)
                query_mask &= qs.matched >= need
                if need < qs.n_concepts <= SHORT_QUERY and (avail & query_mask).any():
                    ev.notices.append("Không có bài nào chứa đủ mọi từ; đây là các bài chứa một phần.")
        ev.query_mask = query_mask
        final = ev.filters.combined(query_mask)
        ev.final = final if ev.dates is None else final & ev.dates
        return ev

    def search(self, request: SearchRequest) -> SearchResults:
        started = time.perf_counter()
        if request.page < 1 or not 1 <= request.per_page <= MAX_PER_PAGE:
            raise InvalidRequest(f"Trang phải từ 1 trở lên và số kết quả mỗi trang từ 1 đến {MAX_PER_PAGE}.")
        if request.page * request.per_page > MAX_WINDOW:
            raise InvalidRequest(
                f"Chỉ xem được {MAX_WINDOW:,} kết quả đầu tiên; hãy thu hẹp tìm kiếm.".replace(",", ".")
            )
        parsed = parse_query(request.query)
        with self.session() as session:
            snap = session.snapshot
            ev = self._evaluate(session, request, parsed)
            candidates = np.flatnonzero(ev.final)
            sort = request.sort if ev.scores is not None else ("oldest" if request.sort == "oldest" else "newest")
            window = request.page * request.per_page
            if sort == "relevance" and ev.scores is not None:
                ev.scores = self._rerank(session, parsed, ev, candidates, window)
            top = self._order(snap, candidates, ev.scores, sort, window)
            page_docs = top[(request.page - 1) * request.per_page:]
            terms = parsed.highlight_terms()
            hits = tuple(self._hit(session, int(d), terms, ev.scores) for d in page_docs)
            facets: dict[str, tuple[FacetValue, ...]] = {}
            if request.facets:
                facets = facet_counts(snap, ev.query_mask, ev.filters, ev.dates, request.facet_limit,
                                      ev.date_from, ev.date_to)
            suggestion = self._suggest(session, parsed, len(candidates))
        return SearchResults(
            request=request,
            total=len(candidates),
            hits=hits,
            facets=facets,
            suggestion=suggestion,
            notice=" ".join(ev.notices) or None,
            took_ms=(time.perf_counter() - started) * 1000,
        )

    def _rerank(self, session: Session, parsed: ParsedQuery, ev: "_Evaluation", candidates: np.ndarray,
                window: int) -> np.ndarray:
        """Second pass: word-order bonus for the best first-pass candidates,
        and for the best of those holding every word."""
        scores = ev.scores
        assert scores is not None
        runs = typed_runs(parsed)
        if not runs or not len(candidates):
            return scores
        depth = min(len(candidates), max(RERANK_DEPTH, window), MAX_RERANK)
        head = self._order(session.snapshot, candidates, scores, "relevance", depth)
        if ev.matched is not None and ev.n_concepts:
            complete = candidates[ev.matched[candidates] == ev.n_concepts]
            head = np.union1d(head, self._order(session.snapshot, complete, scores, "relevance", RERANK_FULL_MATCHES))
        head = np.sort(head)
        reranked = scores.copy()
        reranked[head] += proximity_bonus(session, runs, head)
        return reranked

    @staticmethod
    def _order(snap: Snapshot, docs: np.ndarray, scores: np.ndarray | None, sort: str, k: int) -> np.ndarray:
        if not len(docs):
            return docs
        published = snap.published[docs]
        if sort == "relevance" and scores is not None:
            primary = -scores[docs].astype(np.float64)
            secondary = -published
        elif sort == "oldest":
            primary = np.where(published == NO_TIME, 2**62, published)
            secondary = np.zeros(len(docs), dtype=np.int64)
        else:
            primary = -published
            secondary = np.zeros(len(docs), dtype=np.int64)
        if k < len(docs):
            # Keep everything tied with the k-th, so that the order (and so
            # paging) is total: ties fall back to the document number.
            kth = np.partition(primary, k - 1)[k - 1]
            keep = primary <= kth
            docs, primary, secondary = docs[keep], primary[keep], secondary[keep]
        order = np.lexsort((docs, secondary, primary))
        return docs[order][:k]

    def _hit(self, session: Session, docnum: int, terms: Marks, scores: np.ndarray | None) -> Hit:
        fields = session.stored(docnum)
        meta = fields.get("meta") or {}
        published = meta.get("published")
        return Hit(
            id=fields["id"],
            title=fields.get("title", ""),
            published=datetime.fromisoformat(published) if published else None,
            source=meta.get("source"),
            url=meta.get("url"),
            snippet=snippet(fields.get("body", ""), terms, trusted=True),
            agencies=tuple(meta.get("agencies") or ()),
            locations=tuple(meta.get("locations") or ()),
            score=float(scores[docnum]) if scores is not None else 0.0,
            category=meta.get("category"),
            title_html=mark(fields.get("title", ""), terms, trusted=True),
        )

    @staticmethod
    def _suggest(session: Session, parsed: ParsedQuery, total: int) -> str | None:
        typed = [s for c in parsed.concepts for s in c.variants[0]]
        if not typed:
            return None
        fixed = correct_spelling(session, typed, parsed.accented) if total == 0 else None
        if not parsed.accented:
            return restore_diacritics(session, fixed.split() if fixed else typed)
        return fixed

    # -- articles ------------------------------------------------------------
    def get(self, article_id: str) -> Article | None:
        with self.session() as session:
            docnum = session.docnum_of(article_id)
            if docnum is None:
                return None
            return self._article(session.stored(docnum))

    @staticmethod
    def _article(fields: dict[str, Any]) -> Article:
        meta = fields.get("meta") or {}
        return Article.from_json({**meta, "id": fields["id"], "title": fields.get("title", ""),
                                  "body": fields.get("body", "")})

    def related(self, article_id: str, limit: int = 5) -> tuple[Hit, ...]:
        """Articles most like this one (more-like-this on its key terms)."""
        from .related import key_terms_query

        with self.session() as session:
            docnum = session.docnum_of(article_id)
            if docnum is None:
                return ()
            fields = session.stored(docnum)
            parsed = key_terms_query(session, fields.get("title", ""), fields.get("body", ""))
            if parsed.is_empty:
                return ()
            qs = score_query(session, parsed, [])
            mask = session.snapshot.live & (qs.matched >= min(2, qs.n_concepts))
            mask[docnum] = False
            top = self._order(session.snapshot, np.flatnonzero(mask), qs.score, "relevance", limit)
            terms = parsed.highlight_terms()
            return tuple(self._hit(session, int(d), terms, qs.score) for d in top)

    def facet_search(self, request: SearchRequest, facet: str, text: str, limit: int = 20) -> list[FacetValue]:
        """Values of a facet whose name matches ``text``, counted over the
        request's hits without that facet's own selection (the agency list
        is too long to scroll)."""
        if facet not in ("agency", "location", "source", "category"):
            raise InvalidRequest(f"Không có bộ lọc “{facet}”.")
        with self.session() as session:
            ev = self._evaluate(session, request, parse_query(request.query))
            mask = ev.filters.combined(ev.query_mask, skip=facet)
            if ev.dates is not None:
                mask &= ev.dates
            return search_values(session.snapshot, facet, mask, text, limit)

    def stats(self) -> dict[str, Any]:
        snap = self.snapshot()
        size = sum(p.stat().st_size for p in snap.folder.rglob("*") if p.is_file())
        info = self.store.info()
        return {
            "index": str(self.store.path),
            "generation": snap.folder.name,
            "articles": snap.live_count,
            "deleted": snap.doc_count_all - snap.live_count,
            "segments": len(snap.ix._segments()),  # noqa: SLF001
            "size_bytes": size,
            "size_mb": round(size / 1e6, 1),
            "fields": sorted(snap.schema.names()),
            "built": info.get("built"),
            "last_update": info.get("updated"),
            "sources": len(snap.facets["source"].values),
            "agencies": len(snap.facets["agency"].values),
            "locations": len(snap.facets["location"].values),
        }
