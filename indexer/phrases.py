"""Quoted phrases: positions checked, but only where they can match.

Whoosh's Phrase query walks the positions of every document holding all the
words (p95 about 0.8 s at 100k articles).  Here the candidates come first
from the syllables' postings as arrays (documents holding every syllable),
and positions are read only for those, up to a bound; past it (a phrase of
very common words) the syllable match stands, and the proximity pass still
ranks the true phrase matches first.
"""

from __future__ import annotations

import numpy as np

from .analysis import fold_term
from .query import Phrase
from .scoring import phrase_candidates
from .snapshot import Session

__all__ = ["phrase_docs", "VERIFY_LIMIT"]

#: Most candidates whose positions are read for one phrase.
VERIFY_LIMIT = 3000


def _verify(session: Session, field: str, terms: list[str], docs: np.ndarray) -> set[int]:
    """The ``docs`` where ``terms`` stand at consecutive positions."""
    positions = [session.positions(field, t, docs) for t in terms]
    found: set[int] = set()
    for doc in set(positions[0]).intersection(*positions[1:]):
        starts = set(positions[0][doc])
        for i, term_positions in enumerate(positions[1:], start=1):
            starts &= {p - i for p in term_positions[doc]}
            if not starts:
                break
        if starts:
            found.add(doc)
    return found


def phrase_docs(session: Session, phrase: Phrase) -> np.ndarray:
    """Documents where the phrase occurs, syllables adjacent and in order.

    Positions are kept for folded syllables only; a phrase typed with
    diacritics must also find each of its exact syllables in the document.
    """
    candidates = phrase_candidates(session, phrase)
    if phrase.exact and len(candidates):
        keep = np.ones(len(candidates), dtype=bool)
        for syll in phrase.syllables:
            present = np.zeros(session.snapshot.doc_count_all, dtype=bool)
            for field in ("title",) if phrase.title_only else ("title", "body"):
                present[session.postings(field, syll).ids] = True
            keep &= present[candidates]
        candidates = candidates[keep]
    if len(phrase.syllables) < 2 or len(candidates) > VERIFY_LIMIT or not len(candidates):
        return candidates
    folded = [fold_term(s) for s in phrase.syllables]
    fields = ("title_f",) if phrase.title_only else ("title_f", "body_f")
    found: set[int] = set()
    for field in fields:
        found |= _verify(session, field, folded, candidates)
    return np.array(sorted(found), dtype=np.int64)
