"""Tokens for the entity scanners: syllables and punctuation with offsets.

Both scanners walk the same token list, so the text is cut once per article.
Folding a syllable is the costly step (Unicode decomposition), hence the
module-level memo: news vocabulary is a few ten thousand syllables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..vietnamese import fold

__all__ = ["BREAKS", "Tokens", "fold_word", "tokenize", "vietnamese_syllable"]

# A run of letters/digits, a line break, or one punctuation character.
_TOKEN_RE = re.compile(r"[^\W_]+|\n|[^\w\s]")

#: Tokens that end a sentence or a heading line.
BREAKS = frozenset({".", "!", "?", "\n", ":", ";", "…"})

# One syllable's shape, folded: initial consonant, vowels, final consonant.
# Two-letter onsets and a final k cover the highlands' names (Krông, Đắk).
_SYLLABLE_RE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx]{1,2})?"
                          r"(?:y?[aeiou]{1,3}|y|[aeiou]{1,2}y|uy[aeu]?)(?:ch|ng|nh|[cmnptk])?")

_FOLD_CACHE: dict[str, str] = {}
_FOLD_CACHE_MAX = 300_000


def fold_word(word: str) -> str:
    """``fold`` with a memo, for single syllables."""
    hit = _FOLD_CACHE.get(word)
    if hit is None:
        hit = fold(word)
        if len(_FOLD_CACHE) < _FOLD_CACHE_MAX:
            _FOLD_CACHE[word] = hit
    return hit


@dataclass(slots=True)
class Tokens:
    """Parallel lists over one text (cheaper than an object per token)."""

    words: list[str]
    lows: list[str]
    caps: list[bool]

    def __len__(self) -> int:
        return len(self.words)

    def fold(self, i: int) -> str:
        """Token ``i`` folded (``Định`` -> ``dinh``)."""
        low = self.lows[i]
        hit = _FOLD_CACHE.get(low)
        return hit if hit is not None else fold_word(low)

    def sentence_start(self, i: int) -> bool:
        """True when token ``i`` opens a sentence, a line or a quotation,
        where a capital letter says nothing about proper names."""
        j = i - 1
        while j >= 0 and self.words[j] in ("\"", "“", "”", "'", "‘", "’", "(", "-", "–", "*", "•"):
            j -= 1
        return j < 0 or self.words[j] in BREAKS


def tokenize(text: str) -> Tokens:
    words = _TOKEN_RE.findall(text)
    lows = _TOKEN_RE.findall(text.lower())
    if len(lows) != len(words):  # a letter whose lower case is two characters
        lows = [w.lower() for w in words]
    caps = [w[0].isupper() for w in words]
    return Tokens(words, lows, caps)


def vietnamese_syllable(word: str) -> bool:
    """True when ``word`` could be one Vietnamese syllable (``Nghiên``,
    ``Mỹ``); False for most foreign names (``Senegal``, ``Pasteur``)."""
    return _SYLLABLE_RE.fullmatch(fold_word(word.lower())) is not None
