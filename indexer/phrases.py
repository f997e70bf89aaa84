"""Syllables that must stand together: quoted phrases, the long forms of an
abbreviation (``trung học phổ thông`` for ``THPT``), the sides of an ``OR``.

Whoosh's Phrase query walks the positions of every document holding all the
words (p95 about 0.8 s at 100k articles).  Here the candidates come first
from the syllables' postings as arrays, then pyvi's compound words narrow
them (``trung_học`` and ``phổ_thông`` must be there, not ``khoa học`` and
``phổ biến``), and word order is checked on the articles' token sequences
(``sequences``) for what is left, up to a bound; past it (a phrase of very
common words) the narrowed set stands, and the proximity pass still ranks
the true phrase matches first.  Results are cached per index snapshot: the
same expansions come back query after query.
"""

from __future__ import annotations

import re
from collections import OrderedDict

import numpy as np

from .analysis import fold_term, word_terms
from .query import Phrase
from .snapshot import Session

__all__ = ["phrase_docs", "adjacent_docs", "VERIFY_LIMIT"]

#: Most candidates whose word order is checked for one phrase.
VERIFY_LIMIT = 20_000
#: Most candidates whose stored text is read to check exact diacritics.
EXACT_LIMIT = 100
_CACHE_SIZE = 512


def _present(session: Session, fields: tuple[str, ...], terms: list[str]) -> np.ndarray:
    """Documents holding every term in one of ``fields``."""
    n = session.snapshot.doc_count_all
    match = np.ones(n, dtype=bool)
    for term in terms:
        found = np.zeros(n, dtype=bool)
        for field in fields:
            found[session.postings(field, term).ids] = True
        match &= found
    return match


def _cache(session: Session) -> OrderedDict[tuple[object, ...], np.ndarray]:
    return session.snapshot.memo.setdefault("adjacent", OrderedDict())


def adjacent_docs(session: Session, syllables: list[str], title_only: bool = False) -> np.ndarray:
    """Sorted documents where ``syllables`` (folded) stand together, in order."""
    folded = [fold_term(s) for s in syllables]
    key = (tuple(folded), title_only, tuple(syllables))
    cache = _cache(session)
    found = cache.get(key)
    if found is not None:
        cache.move_to_end(key)
        return found
    fields = ("title_f",) if title_only else ("title_f", "body_f")
    match = _present(session, fields, folded)
    if len(folded) > 1 and match.sum() > VERIFY_LIMIT:
        compounds = [w for w in word_terms(" ".join(syllables)) if w.count("_") >= 1]
        if compounds:
            match &= _present(session, ("words",), compounds)
    candidates = np.flatnonzero(match)
    if len(folded) > 1 and 0 < len(candidates) <= VERIFY_LIMIT:
        counts = session.window_counts(candidates, [tuple(folded)], title_only)
        candidates = candidates[counts[0] > 0]
    cache[key] = candidates
    while len(cache) > _CACHE_SIZE:
        cache.popitem(last=False)
    return candidates


def _exact_in_text(session: Session, docs: np.ndarray, syllables: list[str], title_only: bool) -> np.ndarray:
    """The ``docs`` whose stored text holds ``syllables`` as typed (diacritics
    and all, any punctuation between), read from the text itself since the
    index keeps no exact positions."""
    pattern = re.compile(r"(?<![^\W_])" + r"[\W_]+".join(map(re.escape, syllables)) + r"(?![^\W_])", re.IGNORECASE)
    keep = []
    for doc in docs.tolist():
        stored = session.stored(doc)
        text = stored.get("title", "") if title_only else stored.get("title", "") + "\n" + stored.get("body", "")
        if pattern.search(text):
            keep.append(doc)
    return np.array(keep, dtype=np.int64)


def phrase_docs(session: Session, phrase: Phrase) -> np.ndarray:
    """Documents where a quoted phrase occurs.  Typed with diacritics, the
    phrase must also match them: checked on the stored text for a bounded
    few, else on the presence of each exact syllable."""
    docs = adjacent_docs(session, phrase.syllables, phrase.title_only)
    if not phrase.exact or not len(docs):
        return docs
    if len(docs) <= EXACT_LIMIT:
        return _exact_in_text(session, docs, phrase.syllables, phrase.title_only)
    fields = ("title",) if phrase.title_only else ("title", "body")
    marked = [s for s in phrase.syllables if fold_term(s) != s]  # exact fields keep only these
    return docs[_present(session, fields, marked)[docs]]
