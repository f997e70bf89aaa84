"""More like this: an article's most telling terms as a query.

Key syllables are picked by tf·idf from the stored text (no pyvi: a request
never segments more than the reader's own query).
"""

from __future__ import annotations

import math
from collections import Counter

from .analysis import fold_term, syllable_spans
from .query import Concept, ParsedQuery
from .snapshot import Session

__all__ = ["key_terms_query"]

_SYLLABLES = 15
_MAX_SHARE = 0.3


def key_terms_query(session: Session, title: str, body: str) -> ParsedQuery:
    text = title + "\n" + title + "\n" + body  # the title counts twice
    folded = [fold_term(s) for s, _, _ in syllable_spans(text)]
    words = [f for f in folded if f.isalpha() and len(f) > 1]
    n_docs = max(1, session.snapshot.live_count)

    def best(counter: Counter[str], field: str, k: int) -> list[str]:
        scored = []
        for term, tf in counter.most_common(200):
            df = session.doc_frequency(field, term)
            # Words in most articles say nothing of this one; a subject the
            # archive covers often (vaccination) still does.
            if 1 < df <= n_docs * _MAX_SHARE:
                scored.append((tf * math.log(n_docs / df), term))
        return [t for _, t in sorted(scored, reverse=True)[:k]]

    concepts = [Concept([[s]]) for s in best(Counter(words), "body_f", _SYLLABLES)]
    return ParsedQuery(text="", concepts=concepts, runs=[])
