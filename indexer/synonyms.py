"""The abbreviation table (``data/abbreviations.tsv``), applied at query time.

Expanding at query time rather than index time keeps the index honest (an
article says what it says) and lets the table grow without a rebuild.
"""

from __future__ import annotations

import itertools
from functools import lru_cache
from importlib import resources

from .analysis import fold_term
from .vietnamese import SYLLABLE_RE, normalize

__all__ = ["Expansion", "find_expansions", "expand_name"]

_MAX_SPELLINGS = 32
#: (first syllable index, end index, forms of the group as syllable lists)
Expansion = tuple[int, int, list[list[str]]]


@lru_cache(maxsize=1)
def _table() -> tuple[dict[tuple[str, ...], int], list[list[list[str]]], int]:
    text = resources.files("indexer").joinpath("data/abbreviations.tsv").read_text(encoding="utf-8")
    groups: list[list[list[str]]] = []
    index: dict[tuple[str, ...], int] = {}
    longest = 1
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        forms = []
        for form in line.split("|"):
            sylls = [s.lower() for s in SYLLABLE_RE.findall(normalize(form))]
            if sylls and sylls not in forms:
                forms.append(sylls)
        for sylls in forms:
            key = tuple(fold_term(s) for s in sylls)
            index.setdefault(key, len(groups))
            longest = max(longest, len(key))
        groups.append(forms)
    return index, groups, longest


def find_expansions(syllables: list[str]) -> list[Expansion]:
    """Non-overlapping spans of ``syllables`` (lower case) that are a form in
    the table, longest match first, with all forms of their group."""
    index, groups, longest = _table()
    folded = [fold_term(s) for s in syllables]
    found: list[Expansion] = []
    i = 0
    while i < len(folded):
        for size in range(min(longest, len(folded) - i), 0, -1):
            group = index.get(tuple(folded[i : i + size]))
            if group is not None:
                found.append((i, i + size, groups[group]))
                i += size
                break
        else:
            i += 1
    return found


def expand_name(text: str) -> list[str]:
    """Every folded spelling of ``text`` under the table: ``UBND tỉnh`` →
    ``ubnd tinh``, ``uy ban nhan dan tinh`` (for searching facet names)."""
    sylls = [s.lower() for s in SYLLABLE_RE.findall(normalize(text))]
    spans = find_expansions(sylls)
    # Every span written as typed, every span in full (how names are
    # stored), then the other combinations while they are few.
    choices = [[[fold_term(s) for s in f] for f in forms] for _, _, forms in spans]
    longest = [max(c, key=len) for c in choices]
    variants: list[list[list[str]]] = [[c[0] for c in choices], longest]
    for choice in itertools.product(*choices):
        if len(variants) >= _MAX_SPELLINGS:
            break
        variants.append(list(choice))
    out = []
    for picked in variants:
        words: list[str] = []
        pos = 0
        for (start, end, _), form in zip(spans, picked):
            words.extend(fold_term(s) for s in sylls[pos:start])
            words.extend(form)
            pos = end
        words.extend(fold_term(s) for s in sylls[pos:])
        out.append(" ".join(words))
    return list(dict.fromkeys(out))
