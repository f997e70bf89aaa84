"""Snippets: the passage that best shows why an article matched, HTML-escaped,
with the matching syllables wrapped in ``<mark>``.

Matching is on folded syllables, so a query without diacritics marks the
accented text it found; a run of matched syllables (a multi-syllable word,
a phrase) becomes one mark with the right offsets.
"""

from __future__ import annotations

from html import escape

from .analysis import fold_term, syllable_spans
from .query import Marks
from .vietnamese import normalize

__all__ = ["snippet", "mark"]

#: Syllables in a snippet window.
WINDOW = 36


def _marked(text: str, spans: list[tuple[str, int, int]], hits: list[int], start: int, end: int,
            lead: str, tail: str) -> str:
    """HTML of text[start:end] with the syllables ``hits`` marked."""
    out = [lead]
    pos = start
    hit_set = set(hits)
    i = 0
    while i < len(spans):
        if i not in hit_set or spans[i][1] < start or spans[i][2] > end:
            i += 1
            continue
        j = i
        # Extend over following matched syllables separated only by spaces.
        while j + 1 in hit_set and spans[j + 1][2] <= end and text[spans[j][2]:spans[j + 1][1]].strip() == "":
            j += 1
        a, b = spans[i][1], spans[j][2]
        out.append(escape(text[pos:a]))
        out.append("<mark>" + escape(text[a:b]) + "</mark>")
        pos = b
        i = j + 1
    out.append(escape(text[pos:end]))
    out.append(tail)
    return "".join(out)


def mark(text: str, marks: Marks) -> str:
    """All of ``text`` (a title), escaped, with matches marked."""
    text = normalize(text)
    spans = syllable_spans(text)
    hits = marks.positions([s for s, _, _ in spans])
    return _marked(text, spans, hits, 0, len(text), "", "")


def snippet(text: str, marks: Marks, window: int = WINDOW) -> str:
    """The best window of ``text``: most distinct query terms, then most matches."""
    text = normalize(text)
    spans = syllable_spans(text)
    if not spans:
        return escape(text[:240])
    folded = [fold_term(s) for s, _, _ in spans]
    hits = marks.positions([s for s, _, _ in spans])
    best_start = 0
    if hits:
        best_key = (-1, -1)
        for h in hits:
            start = max(0, h - window // 4)
            inside = [k for k in hits if start <= k < start + window]
            key = (len({folded[k] for k in inside}), len(inside))
            if key > best_key:
                best_key, best_start = key, start
    last = min(len(spans), best_start + window) - 1
    # Start at a sentence boundary when one is close.
    char_start = spans[best_start][1]
    if best_start > 0:
        head = text.rfind(". ", max(0, char_start - 60), char_start)
        char_start = head + 2 if head >= 0 else char_start
    at_end = last == len(spans) - 1
    char_end = len(text.rstrip()) if at_end else spans[last][2]
    lead = "… " if char_start > 0 else ""
    tail = "" if at_end else " …"
    return _marked(text, spans, hits, char_start, char_end, lead, tail)
