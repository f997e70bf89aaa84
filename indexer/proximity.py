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

__all__ = ["typed_runs", "proximity_bonus", "RERANK_DEPTH", "RERANK_FULL_MATCHES"]

#: First-pass candidates whose word order is examined.
RERANK_DEPTH = 100
#: Also examined: this many of the best candidates holding every word (the
#: article of a remembered phrase may trail in the first pass).
RERANK_FULL_MATCHES = 400
#: Sizes of the windows of typed syllables looked for in the text.
_WINDOWS = (2, 3)


def typed_runs(query: ParsedQuery) -> list[list[str]]:
    """Folded syllables the reader typed next to each other (two or more)."""
    runs = []
    for run in query.runs:
        sylls: list[str] = []
        for index in run:
            sylls.extend(query.concepts[index].variants[0])
        runs.append(sylls)
    runs.extend(phrase.syllables for phrase in query.phrases)
    return [[fold_term(s) for s in run] for run in runs if len(run) > 1]


def proximity_bonus(session: Session, runs: list[list[str]], docs: np.ndarray,
                    params: RankParams = DEFAULT_PARAMS) -> np.ndarray:
    """A bonus for each of ``docs`` (sorted) from the order of typed words.

    Every two- and three-syllable window of what the reader typed, and the
    whole of it, found as written scores like a term (as Solr's pf2, pf3
    and pf): BM25 saturation, with its idf estimated as the sum of its
    syllables' (the index keeps no statistics of word sequences).  The
    article holding a remembered sentence collects every window of it and
    the whole; one that repeats two of its words, only a pair.  Windows are
    counted on the articles' token sequences, in one vectorised pass per
    window, and in the title count as much as a title's words do.
    """
    bonus = np.zeros(len(docs), dtype=np.float32)
    if not runs or not len(docs):
        return bonus
    n_live = max(1, session.snapshot.live_count)
    terms = {t for run in runs for t in run}
    idf = {}
    for t in terms:
        df = max(1, session.doc_frequency("body_f", t))
        idf[t] = math.log(1.0 + (n_live - df + 0.5) / (df + 0.5))
    windows = list(dict.fromkeys(
        tuple(run[i:i + size]) for run in runs for size in _WINDOWS for i in range(len(run) - size + 1)
    ))
    # And each whole run longer than the windows (the whole remembered phrase).
    windows += [tuple(run) for run in runs if len(run) > max(_WINDOWS)]
    windows = [w for w in windows if len(set(w)) == len(w)]
    counts = session.window_counts(docs, windows).astype(np.float32)
    # In the title, a window counts as in BM25F: title_weight times.
    counts += (params.title_weight - 1.0) * session.window_counts(docs, windows, title_only=True)
    whole = {tuple(run) for run in runs}
    for w, window in enumerate(windows):
        tf = counts[w]
        # A window weighs what its syllables weigh on average (each syllable
        # sits in several windows); a whole run found as typed, their sum.
        weight = sum(idf[t] for t in window) / (1 if window in whole else len(window))
        bonus += params.proximity_weight * weight * tf / (params.k1 + tf)
    return bonus
