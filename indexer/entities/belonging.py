"""Whose a body is, when the words around it say so.

A board before a department after a comma is that department's (``Ban Thi
đua - Khen thưởng, Sở Nội vụ``); a board's parent may sit in brackets behind
``thuộc`` or a project code (``Ban Quản lý dự án (PMU 18 - Bộ GTVT)``); a bare
``UBND`` a plan is put to is the province's (``trình UBND``); a bare ``Đảng
ủy`` of a school or a company is no commune's.  Plain predicates over the
token stream, apart from the scanner that reads the bodies themselves.
"""

from __future__ import annotations

from .abbreviations import Stream
from .binding import Context
from .heads import DASH, Head
from .names import person_at

__all__ = ["anothers_committee", "board_of", "bracket_parent", "submitted_to"]


def bracket_parent(s: Stream, pj: int) -> int:
    """Where a board's parent starts inside its bracket: past ``(trực)
    thuộc`` and a project code (``(PMU 18 - Bộ GTVT)``)."""
    n = len(s.words)
    if s.lows[pj:pj + 2] == ["trực", "thuộc"]:
        return pj + 2
    if s.lows[pj:pj + 1] == ["thuộc"]:
        return pj + 1
    if pj + 2 < n and s.words[pj].isupper() and s.words[pj + 1] in DASH:
        return pj + 2
    if pj + 3 < n and s.words[pj].isupper() and s.words[pj + 1].isdigit() and s.words[pj + 2] in DASH:
        return pj + 3
    return pj


def submitted_to(s: Stream, k: int, j: int) -> bool:
    """A bare UBND or HĐND that a plan is put to (``trình UBND``, ``báo cáo
    HĐND``): the province's, unless a level or several follow."""
    before = " ".join(s.lows[k - 2:k]) if k > 1 else ""
    return (s.lows[k - 1:k] == ["trình"] or before in ("trình lên", "báo cáo", "kiến nghị", "đề nghị")) \
        and not (j < len(s.words) and s.lows[j] in ("cùng", "cấp", "các", ",", "và"))


def anothers_committee(c: Context, j: int) -> bool:
    """A bare ``Đảng ủy`` of a school, a company or a bloc, not of a commune."""
    s = c.s
    n = len(s.words)
    if j >= n:
        return False
    if s.lows[j] in _OWNER_WORDS or s.caps[j] and s.words[j].isalpha() and not person_at(c, j):
        return True
    return s.words[j] == "," and j + 1 < n and (
        s.lows[j + 1] in c.lists["title_words"] or " ".join(s.lows[j + 1:j + 3]) in c.lists["title_words"]
        or s.lows[j + 1] in ("cục", "hiệu", "tổng", "quyền", "viện")) \
        and not any(s.lows[x] in ("xã", "phường", "thị") for x in range(j + 1, min(j + 8, n)))


_OWNER_WORDS = frozenset({"của", "khối", "cơ", "nhà", "trường", "công", "cty", "tổng", "bộ", "sở", "tcty", "tct"})


def board_of(name: str, parent: Head) -> bool:
    """A board followed by a department after a comma is that department's
    (``Ban Thi đua - Khen thưởng, Sở Nội vụ``), but for national boards and
    those of a zone, which a comma only lists beside it."""
    low = f" {name.lower()} "
    return parent.words[0] in ("sở", "tổng", "đài", "bộ") and not any(
        x in low for x in (" quốc gia ", " trung ương ", " khu "))
