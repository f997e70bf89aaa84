"""Snippets: the passage that best shows why an article matched, HTML-escaped,
with the matching syllables wrapped in ``<mark>``.

The query's syllables become one regular expression: exact forms when the
reader typed diacritics (``hàng`` does not mark ``hãng``), otherwise each
letter stands for all its accented forms (``hang`` marks ``hàng`` and
``hãng``); an abbreviation's long form matches only whole.  Matching runs
in the regex engine over the raw text, so a snippet costs a scan, not a
tokenisation of the article; a run of matched syllables (a multi-syllable
word, a phrase) becomes one mark.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from html import escape

from .query import Marks
from .vietnamese import SYLLABLE_RE, fold, normalize

__all__ = ["snippet", "mark", "WINDOW"]

#: Syllables in a snippet window.
WINDOW = 36
_BETWEEN = r"[\W_]+"
_GAP_RE = re.compile(r"\s*")


@lru_cache(maxsize=1)
def _letter_classes() -> dict[str, str]:
    """Each plain letter and the class of every letter that folds to it."""
    groups: dict[str, set[str]] = {}
    for code in list(range(0x41, 0x7B)) + list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)):
        ch = unicodedata.normalize("NFC", chr(code))
        if len(ch) != 1 or not ch.isalpha():
            continue
        base = fold(ch)
        if len(base) == 1 and base.isascii():
            groups.setdefault(base, set()).update({ch.lower(), ch.upper()})
    return {base: "[" + "".join(sorted(chars)) + "]" for base, chars in groups.items()}


def _folded_pattern(syllable: str) -> str:
    classes = _letter_classes()
    return "".join(classes.get(ch, re.escape(ch)) for ch in syllable)


@lru_cache(maxsize=512)
def _pattern(marks: Marks) -> re.Pattern[str] | None:
    parts = [re.escape(s) for s in sorted(marks.exact, key=len, reverse=True)]
    parts += [_folded_pattern(s) for s in sorted(marks.folded, key=len, reverse=True)]
    sequences = sorted(marks.sequences, key=len, reverse=True)
    parts = [_BETWEEN.join(_folded_pattern(s) for s in seq) for seq in sequences] + parts
    if not parts:
        return None
    return re.compile(r"(?<![^\W_])(?:" + "|".join(parts) + r")(?![^\W_])", re.IGNORECASE)


def _spans(text: str, marks: Marks) -> list[tuple[int, int]]:
    """Matched spans, runs separated only by spaces joined into one."""
    pattern = _pattern(marks)
    if pattern is None:
        return []
    spans: list[tuple[int, int]] = []
    for m in pattern.finditer(text):
        start, end = m.span()
        if spans and _GAP_RE.fullmatch(text, spans[-1][1], start):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def _html(text: str, spans: list[tuple[int, int]], start: int, end: int) -> str:
    out = []
    pos = start
    for a, b in spans:
        if b <= start or a >= end:
            continue
        a, b = max(a, start), min(b, end)
        out.append(escape(text[pos:a]))
        out.append("<mark>" + escape(text[a:b]) + "</mark>")
        pos = b
    out.append(escape(text[pos:end]))
    return "".join(out)


def mark(text: str, marks: Marks, trusted: bool = False) -> str:
    """All of ``text`` (a title), escaped, with matches marked.  ``trusted``
    text is already normalised (the index stores it so)."""
    if not trusted:
        text = normalize(text)
    return _html(text, _spans(text, marks), 0, len(text))


def _best_anchor(text: str, spans: list[tuple[int, int]], reach: int) -> int:
    """Where the window with the most distinct matched syllables starts (then
    the longest single match, a phrase found whole; then the tightest)."""
    best_rank, best = (-1, -1, -1), spans[0][0]
    keys = [set(SYLLABLE_RE.findall(fold(text[a:b]))) for a, b in spans]
    sizes = [len(k) for k in keys]
    seen: dict[str, int] = {}
    j = 0
    for i, (a, _) in enumerate(spans):  # two pointers: spans[i:j] start within reach of a
        while j < len(spans) and spans[j][0] < a + reach:
            for key in keys[j]:
                seen[key] = seen.get(key, 0) + 1
            j += 1
        rank = (len(seen), max(sizes[i:j]), a - spans[j - 1][0])
        if rank > best_rank:
            best_rank, best = rank, a
        for key in keys[i]:
            seen[key] -= 1
            if not seen[key]:
                del seen[key]
    return best


def _back(text: str, pos: int, syllables: int) -> int:
    """The start of the word ``syllables`` words before ``pos``."""
    for _ in range(syllables):
        space = text.rfind(" ", 0, max(0, pos - 1))
        if space < 0:
            return 0
        pos = space + 1
    return pos


def snippet(text: str, marks: Marks, window: int = WINDOW, trusted: bool = False) -> str:
    """The best window of ``text`` (about ``window`` syllables): most distinct
    query terms, then most matches, starting at a sentence when one is near."""
    if not trusted:
        text = normalize(text)
    if SYLLABLE_RE.search(text) is None:
        return escape(text[:240])
    spans = _spans(text, marks)
    start = 0
    if spans:
        anchor = _best_anchor(text, spans, 3 * window)  # characters: syllables are short
        before = sum(1 for _ in SYLLABLE_RE.finditer(text, 0, anchor)) if anchor < 8 * window else window
        # From the start when the match fits in the first window, else a
        # quarter of a window before it.
        start = 0 if before <= window - window // 4 else _back(text, anchor, window // 4)
        if start > 0:
            sentence = text.rfind(". ", max(0, start - 60), start)
            start = sentence + 2 if sentence >= 0 else start
    end = len(text)
    for count, m in enumerate(SYLLABLE_RE.finditer(text, start), start=1):
        if count == window:
            end = m.end()
            break
    for a, b in spans:  # never cut a match in two
        if a < end < b:
            end = b
    at_end = SYLLABLE_RE.search(text, end) is None
    if at_end:
        end = len(text.rstrip())
    lead = "… " if start > 0 else ""
    tail = "" if at_end else " …"
    return lead + _html(text, spans, start, end) + tail
