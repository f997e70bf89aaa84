"""Abbreviations in agency names, expanded before agencies are read.

``Sở KH&CN``, ``Sở KH và CN`` and ``Sở Khoa học và Công nghệ`` must become
one value, so the agency scanner reads a token stream in which known
abbreviations (``data/abbreviations.tsv``) and the ones an article defines in
brackets (``Sở Khoa học và Công nghệ (KH và CN)``) are replaced by their
expansion.  Each stream token remembers the source token it came from, so
place mentions found on the source tokens can still be looked up.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .text import Tokens, fold_word, tokenize

__all__ = ["Stream", "expand", "defined_abbreviations", "official_forms", "unit_names"]

_Pattern = tuple[str, ...]


@dataclass(slots=True)
class Stream:
    words: list[str]
    lows: list[str]
    caps: list[bool]
    orig: list[int]  # index of the source token each word stands for

    def __len__(self) -> int:
        return len(self.words)


def _split(text: str) -> _Pattern:
    return tuple(tokenize(text).words)


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, list[tuple[_Pattern, _Pattern]]], frozenset[_Pattern], dict[str, str]]:
    """First word -> (written tokens, expansion tokens), longest first; the
    abbreviations expanded only before a place (``CDC Thái Bình``: a bare
    ``CDC`` in world news is the American one); and the expansions as
    officially written, by their lower case."""
    table: dict[str, list[tuple[_Pattern, _Pattern]]] = {}
    placed: set[_Pattern] = set()
    official: dict[str, str] = {}
    path = Path(__file__).with_name("data") / "abbreviations.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        pattern = _split(cols[0].strip())
        table.setdefault(pattern[0], []).append((pattern, _split(cols[1].strip())))
        official.setdefault(cols[1].strip().lower(), cols[1].strip())
        if len(cols) > 2 and cols[2].strip() == "place":
            placed.add(pattern)
    for entries in table.values():
        entries.sort(key=lambda e: -len(e[0]))
    official.update(unit_names())
    return table, frozenset(placed), official


@lru_cache(maxsize=1)
def unit_names() -> dict[str, str]:
    """Lower-cased unit name or other spelling -> the official name
    (``data/unit_names.tsv``)."""
    out: dict[str, str] = {}
    path = Path(__file__).with_name("data") / "unit_names.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, *others = (col.strip() for col in line.split("\t"))
            for form in (name, *others):
                out[form.lower()] = name
    return out


def official_forms() -> dict[str, str]:
    """Lower-cased expansion or unit name (``data/unit_names.tsv``) -> the
    name as officially written: a unit's name spelled out in other capitals
    (``Phòng Cảnh sát Hình sự``) is still written the official way
    (``Phòng Cảnh sát hình sự``)."""
    return _tables()[2]


def _table() -> dict[str, list[tuple[_Pattern, _Pattern]]]:
    return _tables()[0]


_JOINERS = {"và": "&", "&": "&"}
_SKIP = frozenset({",", "-", "–"})


def _letters(pattern: _Pattern) -> list[str] | None:
    """``("KH", "và", "CN")`` -> ``["k", "h", "&", "c", "n"]``; None when the
    bracket does not look like an abbreviation."""
    out: list[str] = []
    upper = 0
    for w in pattern:
        if w in _JOINERS:
            out.append("&")
        elif w in _SKIP:
            continue
        elif w.isalpha() and w.isupper() and len(w) <= 6:
            out.extend(fold_word(ch) for ch in w)
            upper += 1
        elif w[:1].isupper() and w[1:].islower():
            out.append("=" + w.lower())  # a whole word written out (Sở GTVT)
        else:
            return None
    return out if upper else None


def defined_abbreviations(tok: Tokens) -> list[tuple[_Pattern, _Pattern, int]]:
    """Abbreviations the article defines: a bracket whose capitals are the
    initials of the words just before it."""
    found: list[tuple[_Pattern, _Pattern]] = []
    words = tok.words
    n = len(words)
    for i, w in enumerate(words):
        if w != "(" or i == 0:
            continue
        close = next((j for j in range(i + 1, min(n, i + 8)) if words[j] == ")"), None)
        if close is None or close == i + 1:
            continue
        inner = tuple(words[i + 1:close])
        letters = _letters(inner)
        if letters is None:
            continue
        k = _initials_start(tok, i, letters, compound=False)
        if k is None:
            k = _initials_start(tok, i, letters, compound=True)
        if k is not None:
            expansion = tuple(words[k + 1:i])
            if inner != expansion:
                found.append((inner, expansion, i + 1))
    return found


def _initials_start(tok: Tokens, i: int, letters: list[str], compound: bool) -> int | None:
    """Walk back from the bracket at ``i``, one letter a word, and return the
    index before the first word of the expansion, or None.  ``compound``:
    a letter stands for a capitalised word and up to two lower-case
    syllables after it (``Tiêu chuẩn Đo lường Chất lượng (TĐC)``)."""
    words = tok.words
    k = i - 1
    pos = len(letters) - 1
    tail = 0
    while pos >= 0 and k >= 0:
        if words[k] in _SKIP:
            k -= 1
            continue
        low = tok.lows[k]
        want = letters[pos]
        if want == "&":
            ok = low in ("và", "&")
        elif want.startswith("="):
            ok = low == want[1:]
        else:
            ok = tok.fold(k)[:1] == want and words[k].isalpha() and (tok.caps[k] or not compound)
        if not ok:
            if compound and not tok.caps[k] and words[k].isalpha() and low not in _JOINERS and tail < 2 \
                    and len(want) == 1:
                tail += 1
                k -= 1
                continue
            return None
        tail = 0
        pos -= 1
        k -= 1
    return k if pos < 0 and (not compound or tail == 0) else None


def expand(tok: Tokens, defined: list[tuple[_Pattern, _Pattern, int]],
           place_starts: Container[int] = ()) -> Stream:
    """The token stream with abbreviations written out (but for the bracket
    that defines one and a known one alone in brackets, which restate the
    name before them and stay as written, and those that need a place where
    ``place_starts``, the first tokens of place mentions, has none)."""
    table, placed, _ = _tables()
    local: dict[str, list[tuple[_Pattern, _Pattern]]] = {}
    keep = {at for _, _, at in defined}
    for pattern, expansion, _ in defined:
        local.setdefault(pattern[0], []).append((pattern, expansion))
    for entries in local.values():
        entries.sort(key=lambda e: -len(e[0]))
    words_in = tok.words
    starts = [i for i, w in enumerate(words_in) if (w in table or w in local) and i not in keep]
    if not starts:
        return Stream(words_in, tok.lows, tok.caps, list(range(len(words_in))))
    words: list[str] = []
    orig: list[int] = []
    done = 0
    for i in starts:
        if i < done:
            continue
        w = words_in[i]
        if i > 1 and words_in[i - 1] in ("-", "/") and words_in[i - 2].isupper():
            continue  # the issuer's code in a document number (Quyết định 148/QĐ-UB), not a body
        for pattern, expansion in local.get(w, []) + table.get(w, []):
            m = len(pattern)
            alone = 0 < i and words_in[i - 1] == "(" and i + m < len(words_in) and words_in[i + m] == ")"
            if tuple(words_in[i:i + m]) == pattern and (pattern not in placed or i + m in place_starts) \
                    and not (alone and local.get(w) is None):  # "Ban ... Đường sắt (QLDA)": the name's short form
                words.extend(words_in[done:i])
                orig.extend(range(done, i))
                words.extend(expansion)
                orig.extend([i] * len(expansion))
                done = i + m
                break
    words.extend(words_in[done:])
    orig.extend(range(done, len(words_in)))
    lows = [w.lower() for w in words]
    caps = [w[0].isupper() for w in words]
    return Stream(words, lows, caps, orig)
