"""Ranking, first pass: BM25F over exact and folded syllables and pyvi
words, computed as dense vectors over the whole index.

Per query syllable, term frequencies of the title and body fields are
weighted, length-normalised and summed *before* saturation (true BM25F, not
a sum of per-field BM25s), once over folded forms and, when the reader typed
diacritics, once over exact forms; the exact share is what puts ``má``
before ``mà``.  Scores are plain numpy vectors of one float per document: a
common word costs a vector add, not a Python loop over its postings.  Word
order is the second pass's business (``proximity``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .analysis import fold_term
from .phrases import adjacent_docs
from .query import Concept, ParsedQuery
from .snapshot import Session

__all__ = ["RankParams", "QueryScores", "score_query"]


@dataclass(frozen=True)
class RankParams:
    """Textbook BM25F values (Robertson & Zaragoza), not fitted to any sample."""

    k1: float = 1.2
    title_weight: float = 2.5
    b_title: float = 0.5
    b_body: float = 0.75
    #: share of a syllable's score that needs the reader's own diacritics
    exact_share: float = 0.5
    word_weight: float = 0.5
    #: weight of an adjacent query pair found adjacent in the text (second pass)
    proximity_weight: float = 1.0


DEFAULT_PARAMS = RankParams()


@dataclass
class QueryScores:
    score: np.ndarray  # float32 per document
    matched: np.ndarray  # uint8: how many concepts each document matches
    required: np.ndarray | None  # bool: phrases all present (None: no phrases)
    n_concepts: int


def _norms(session: Session, params: RankParams) -> dict[str, np.ndarray]:
    snap = session.snapshot

    def make() -> dict[str, np.ndarray]:
        live = snap.live
        norms = {}
        for name, lengths, b in (
            ("title", snap.len_title, params.b_title),
            ("body", snap.len_body, params.b_body),
            ("all", snap.len_title + snap.len_body, params.b_body),
        ):
            avg = float(lengths[live].mean()) if live.any() else 1.0
            avg = avg or 1.0
            norms[name] = (1.0 / (1.0 - b + b * lengths / avg)).astype(np.float32)
        return norms

    return snap.memoized(f"norms:{params}", make)


def _idf(n_docs: int, df: int) -> float:
    return math.log(1.0 + (n_docs - df + 0.5) / (df + 0.5))


class _Scorer:
    def __init__(self, session: Session, params: RankParams) -> None:
        self.session = session
        self.params = params
        self.n = session.snapshot.doc_count_all
        self.n_live = max(1, session.snapshot.live_count)
        self.norms = _norms(session, params)
        self._cache: dict[tuple[str, bool, bool], tuple[np.ndarray, np.ndarray]] = {}

    def _acc(self, fields: tuple[tuple[str, str, float], ...]) -> np.ndarray:
        acc = np.zeros(self.n, dtype=np.float32)
        for field, text, weight in fields:
            p = self.session.postings(field, text)
            if len(p):
                acc[p.ids] += weight * p.tf * self.norms["title" if field.startswith("title") else "body"][p.ids]
        return acc

    def _bm25(self, acc: np.ndarray) -> np.ndarray:
        df = int(np.count_nonzero(acc))
        if df == 0:
            return acc
        return (_idf(self.n_live, df) * acc / (self.params.k1 + acc)).astype(np.float32)

    def syllable(self, syll: str, exact: bool, title_only: bool) -> tuple[np.ndarray, np.ndarray]:
        """(score vector, presence mask) of one query syllable."""
        key = (syll, exact, title_only)
        found = self._cache.get(key)
        if found is not None:
            return found
        tw = self.params.title_weight
        folded = fold_term(syll)
        f_fields = (("title_f", folded, tw),) if title_only else (("title_f", folded, tw), ("body_f", folded, 1.0))
        acc = self._acc(f_fields)
        present = acc > 0
        score = self._bm25(acc)
        if exact and folded != syll:  # only marked syllables have exact terms
            e_fields = (("title", syll, tw),) if title_only else (("title", syll, tw), ("body", syll, 1.0))
            share = self.params.exact_share
            score = (1.0 - share) * score + share * self._bm25(self._acc(e_fields))
        self._cache[key] = (score, present)
        return score, present

    def word_score(self, word: str) -> np.ndarray:
        p = self.session.postings("words", word)
        acc = np.zeros(self.n, dtype=np.float32)
        if len(p):
            acc[p.ids] = p.tf * self.norms["all"][p.ids]
        return self.params.word_weight * self._bm25(acc)

    def variant(self, sylls: list[str], exact: bool, title_only: bool,
                adjacent: bool = False) -> tuple[np.ndarray, np.ndarray]:
        """Score and match of one form of a concept: all its syllables, and
        with ``adjacent`` only where they stand together."""
        score = np.zeros(self.n, dtype=np.float32)
        match = np.ones(self.n, dtype=bool)
        for syll in sylls:
            s, present = self.syllable(syll, exact, title_only)
            score += s
            match &= present
        if adjacent and len(sylls) > 1:
            match = np.zeros(self.n, dtype=bool)
            match[adjacent_docs(self.session, sylls, title_only)] = True
            score *= match
        return score, match

    def concept(self, concept: Concept) -> tuple[np.ndarray, np.ndarray]:
        best = None
        match = None
        # A concept with several forms (an abbreviation, the sides of an OR)
        # takes each form as a unit: its syllables must stand together.
        for i, sylls in enumerate(concept.variants):
            s, m = self.variant(sylls, concept.exact and i == 0, concept.title_only,
                                adjacent=len(concept.variants) > 1)
            best = s if best is None else np.maximum(best, s)
            match = m if match is None else (match | m)
        assert best is not None and match is not None
        return best, match


def score_query(session: Session, query: ParsedQuery, phrase_docs: list[np.ndarray],
                params: RankParams = DEFAULT_PARAMS) -> QueryScores:
    """Score every document for the query's concepts, phrases and words."""
    scorer = _Scorer(session, params)
    n = scorer.n
    score = np.zeros(n, dtype=np.float32)
    matched = np.zeros(n, dtype=np.uint8)
    for concept in query.concepts:
        s, m = scorer.concept(concept)
        score += s
        matched += m
    if query.accented:
        for word in query.words:
            score += scorer.word_score(word)
    required = None
    for phrase, docs in zip(query.phrases, phrase_docs):
        s, _ = scorer.variant(phrase.syllables, phrase.exact, phrase.title_only)
        score += s
        mask = np.zeros(n, dtype=bool)
        mask[docs] = True
        required = mask if required is None else (required & mask)
    return QueryScores(score, matched, required, len(query.concepts))
