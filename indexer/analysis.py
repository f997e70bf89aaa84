"""Analysis: how text becomes index terms, at index time and at query time.

One set of functions cuts text into terms; the Whoosh analyzer classes below
(pickled into the index's schema, hence top-level classes with no closures)
and the query parser both call them, so a query is analysed exactly as the
articles were.

Three term forms, each in its own fields so that ranking can tell them apart:

- *exact* syllables that carry a diacritic: lower case, NFC, traditional
  tone marks (``học``);
- *folded* syllables: no diacritics, ``đ`` → ``d``
  (``hoc``), so a query typed without Vietnamese input still matches;
  phrases and proximity are checked on the same folded syllables, kept in
  order in the forward index (``sequences.py``);
- pyvi *words* of two or more syllables (``khoa_học``), exact: the
  segmenter's view of the compound words.

(A field of syllable bigrams was tried for proximity: it tripled the index
and doubled the build time, since Whoosh writes every distinct term in
Python; the forward index of the top candidates does the same job.)
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from whoosh.analysis import Token, Tokenizer

from .vietnamese import SYLLABLE_RE, fold, normalize

__all__ = [
    "syllable_spans",
    "exact_terms",
    "marked_terms",
    "folded_terms",
    "fold_term",
    "word_terms",
    "segment",
    "SyllableAnalyzer",
    "WordAnalyzer",
]

#: Longest syllable indexed: longer runs are URLs, hashes or garbage.
MAX_SYLLABLE_CHARS = 40


@lru_cache(maxsize=200_000)
def fold_term(term: str) -> str:
    """Folded form of one lower-case syllable (memoised: the vocabulary is small)."""
    return fold(term)


_cache = threading.local()
_RECENT = 3  # an article's title, body, and title + body


def syllable_spans(text: str) -> list[tuple[str, int, int]]:
    """(lower-case syllable, start, end) for each syllable of ``text``.

    ``text`` is normalised first, so NFD or new-style input gives the same
    terms; offsets refer to the normalised text.  The last result is kept,
    because each article is analysed for several fields in a row.
    """
    recent = getattr(_cache, "recent", None)
    if recent is None:
        recent = _cache.recent = []
    for seen, spans in recent:
        if seen is text:
            return spans
    norm = normalize(text)
    lower = norm.lower()
    if len(lower) == len(norm):  # lower case first, in one pass, when offsets allow (not "İ")
        spans = [(s, m.start(), m.end()) for m in SYLLABLE_RE.finditer(lower)
                 if len(s := m.group()) <= MAX_SYLLABLE_CHARS]
    else:
        spans = [(s.lower(), m.start(), m.end()) for m in SYLLABLE_RE.finditer(norm)
                 if len(s := m.group()) <= MAX_SYLLABLE_CHARS]
    recent.insert(0, (text, spans))
    del recent[_RECENT:]
    return spans


def exact_terms(text: str) -> list[str]:
    return [s for s, _, _ in syllable_spans(text)]


def marked_terms(text: str) -> list[str]:
    """Exact syllables that carry a diacritic: the only ones whose exact form
    says more than their folded form (``má`` vs ``mà``; ``khoa`` is the
    folded ``khoa`` already), so the exact field keeps only these."""
    return [s for s, _, _ in syllable_spans(text) if fold_term(s) != s]


def folded_terms(text: str) -> list[str]:
    return [fold_term(s) for s, _, _ in syllable_spans(text)]


def _pyvi() -> Any:
    """pyvi's tokenizer, imported on first use.

    pyvi's model is a sklearn-crfsuite CRF, and sklearn-crfsuite imports all
    of scikit-learn (a second of start-up, most of a cold query) only for a
    base class it can do without: its ``compat`` module falls back to a
    plain class when scikit-learn is absent.  So scikit-learn is kept from
    loading while pyvi does; the model, the features and the tagger are
    pyvi's own, and segmentation is identical (tests/test_analysis.py).
    """
    global _TOKENIZER
    if _TOKENIZER is None:
        with _IMPORT_LOCK:
            if _TOKENIZER is None:
                block = "sklearn" not in sys.modules and "sklearn_crfsuite" not in sys.modules
                if block:
                    sys.modules["sklearn"] = None  # type: ignore[assignment]
                try:
                    from pyvi import ViTokenizer  # noqa: PLC0415 (deliberately lazy)
                finally:
                    if block and sys.modules.get("sklearn", 0) is None:
                        del sys.modules["sklearn"]
                _TOKENIZER = ViTokenizer
    return _TOKENIZER


_TOKENIZER: Any = None
_IMPORT_LOCK = threading.Lock()


def segment(text: str) -> str:
    """pyvi's segmentation of ``text`` (syllables of one word joined by ``_``).

    pyvi loads its model on first use, so it is imported here, lazily, and
    never for text that is not going to be segmented.
    """
    return _pyvi().tokenize(normalize(text))


def word_terms(text: str) -> list[str]:
    """pyvi words of two or more syllables, lower case (``khoa_học``)."""
    words = []
    for token in segment(text).split():
        if "_" in token:
            parts = SYLLABLE_RE.findall(token)
            if len(parts) > 1:
                words.append("_".join(parts).lower())
    return words


class _TermTokenizer(Tokenizer):
    """A Whoosh tokenizer over one of the term functions above."""

    def _terms(self, value: str) -> list[str]:  # pragma: no cover - abstract
        raise NotImplementedError

    def __call__(  # type: ignore[override]
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: object,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            token.text = value
            token.pos = start_pos
            yield token
            return
        for pos, term in enumerate(self._terms(value), start=start_pos):
            token.text = term
            token.boost = 1.0
            if positions:
                token.pos = pos
            yield token


class SyllableAnalyzer(_TermTokenizer):
    """Syllables without diacritics (``folded=True``), or the exact forms of
    those that carry one."""

    def __init__(self, folded: bool = False) -> None:
        self.folded = folded

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SyllableAnalyzer) and other.folded == self.folded

    def __hash__(self) -> int:
        return hash((type(self), self.folded))

    def _terms(self, value: str) -> list[str]:
        return folded_terms(value) if self.folded else marked_terms(value)


class WordAnalyzer(_TermTokenizer):
    """pyvi compound words (runs in Whoosh's writer processes at index time)."""

    def _terms(self, value: str) -> list[str]:
        return word_terms(value)
