"""Ranking, second pass: word order among the best first-pass candidates.

For each pair of syllables the reader typed next to each other, count how
often they stand next to each other in the article (folded positions, title
and body) and score the pair like a term: BM25 saturation, with the idf of
the pair estimated as if its syllables were independent (the sum of their
idfs), since the index keeps no statistics of pairs.
Only the top candidates are examined, so the cost is bounded whatever the
query: this is what lets a remembered phrase rank its article first.
"""

from __future__ import annotations

import math

import numpy as np

from .analysis import fold_term
from .query import ParsedQuery
from .scoring import DEFAULT_PARAMS, RankParams
from .snapshot import Session

__all__ = ["adjacent_pairs", "proximity_bonus", "RERANK_DEPTH"]

#: First-pass candidates whose word order is examined.
RERANK_DEPTH = 100
_FIELDS = (("title_f", 2.0), ("body_f", 1.0))


def adjacent_pairs(query: ParsedQuery) -> list[tuple[str, str]]:
    """Folded syllable pairs the reader typed next to each other."""
    pairs: list[tuple[str, str]] = []
    for run in query.runs:
        sylls: list[str] = []
        for index in run:
            sylls.extend(query.concepts[index].variants[0])
        pairs.extend(zip(sylls, sylls[1:]))
    for phrase in query.phrases:
        pairs.extend(zip(phrase.syllables, phrase.syllables[1:]))
    return list(dict.fromkeys((fold_term(a), fold_term(b)) for a, b in pairs if fold_term(a) != fold_term(b)))


def proximity_bonus(session: Session, pairs: list[tuple[str, str]], docs: np.ndarray,
                    params: RankParams = DEFAULT_PARAMS) -> np.ndarray:
    """A bonus for each of ``docs`` (sorted) from adjacent query pairs."""
    bonus = np.zeros(len(docs), dtype=np.float32)
    if not pairs or not len(docs):
        return bonus
    index_of = {int(d): i for i, d in enumerate(docs)}
    n_live = max(1, session.snapshot.live_count)
    terms = {t for pair in pairs for t in pair}
    idf = {}
    for t in terms:
        df = max(1, session.doc_frequency("body_f", t))
        idf[t] = math.log(1.0 + (n_live - df + 0.5) / (df + 0.5))
    for field, weight in _FIELDS:
        positions = {t: session.positions(field, t, docs) for t in terms}
        for a, b in pairs:
            pa, pb = positions[a], positions[b]
            for doc in pa.keys() & pb.keys():
                following = {p - 1 for p in pb[doc]}
                hits = sum(1 for p in pa[doc] if p in following)
                if hits:
                    tf = weight * hits
                    bonus[index_of[doc]] += params.proximity_weight * (idf[a] + idf[b]) * tf / (params.k1 + tf)
    return bonus
