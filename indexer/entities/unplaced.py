"""Bodies written with no place and no parent after them.

``Sở Tài chính`` alone is the article's province's; ``Cục Quản lý Dược``
alone is the ministry's and stands as written; ``Ban Quản lý dự án`` alone
names no single body, and ``Vụ Watergate`` or ``Viện Pasteur Senegal`` are
foreign.  The name itself decides which.
"""

from __future__ import annotations

import re
from itertools import pairwise

from .abbreviations import unit_names
from .article import note
from .binding import Body, Context, bind, district_before, forms, has_pair
from .heads import Head
from .names import ROMAN
from .placing import court_place
from .text import vietnamese_syllable

__all__ = ["unplaced"]

_NATIONAL_MARKS = ("quốc gia", "trung ương", "việt nam", "nhà nước", "chính phủ", "quốc hội")
# Letters no Vietnamese syllable has: a foreign name (Vụ Watergate).
_FOREIGN_LETTERS = re.compile(r"[fjwzFJWZ]")


def unplaced(c: Context, k: int, head: Head, name: str, j: int, end: int) -> Body | None:
    """A named body with no place or parent after it: kept when its name
    makes it one state body, bound to the article's province when local."""
    lists = c.lists
    if head.division and head.words[1] != "phúc":
        court = court_place(c, k)  # Tòa Lao động, in an article on TAND TP HCM: that court's division
        # (not Tòa phúc thẩm: the appeal is a higher court's)
        return (f"{name} Tòa án nhân dân {forms(c, court)[0]}", j, None, None) if court is not None else None
    if j == end and head.type in ("named", "owned"):
        return None
    written = name.split()
    rest = written[len(head.words):]
    first = rest[0] if rest else ""
    if rest and all(w.isupper() and not w.isdigit() and len(w) > 1 or w in ROMAN for w in rest):
        return None  # only an abbreviation we cannot expand (Trung tâm HLTTQG I)
    if head.type in ("named", "owned") and len(rest) > 1 and len(rest[-1]) > 2 and rest[-1].isupper() \
            and rest[-1].isalpha() and rest[-1] not in ROMAN:
        return None  # ... chất lượng cao HUTECH: a school's or a company's unit, named after it
    post = head.words != ("viện",) and " ".join(head.words) in lists["place_name_heads"] \
        and vietnamese_syllable(first)  # Đồn Biên phòng Nhâm
    if head.type == "named" and not (first.isupper() and len(first) > 1) and (
            _FOREIGN_LETTERS.search(first) or len(rest) < 2 and not written[-1].isdigit() and not post
            and first.lower() not in lists["single_word_names"]):
        return None  # Vụ Watergate, Viện Serum: a foreign name (but Tổng cục Thuế, Viện Pasteur)
    if any(w[:1].isupper() and w.isalpha() and not w.isupper() and not vietnamese_syllable(w)
           and w.lower() not in lists["single_word_names"] for w in rest[1:]):
        return None  # Đài Truyền thanh Frederick: a foreign name inside
    last = written[-1]
    if head.scope != "local" and last[:1].isupper() and last.isalpha() and not last.isupper() \
            and not vietnamese_syllable(last) and last.lower() not in lists["single_word_names"]:
        return None  # Viện Pasteur Senegal: a foreign place closes the name
    low = name.lower()
    if low in lists["district_bodies"]:
        m = district_before(c, c.s.orig[k])
        return (f"{name} {forms(c, m)[0]}", j, None, None) if m is not None else None
    national = any(mark in low for mark in _NATIONAL_MARKS)
    if not national and any(low.startswith(b) for b in lists["bound_boards"]):
        # Ban Chỉ đạo phòng, chống dịch written bare: the district's named just before, else the province's
        after = c.s.lows[j:j + 2]
        if after[:1] == ["các"] or after[:1] == ["của"] and after[1:] and after[1] in lists["generic_before"]:
            return None  # ... các cấp, ... của các đơn vị: every one of them
        m = district_before(c, c.s.orig[k])
        if m is not None:
            return f"{name} {forms(c, m)[0]}", j, None, None
        bound = bind(c, "any", c.s.orig[k])
        return (f"{name} {forms(c, bound)[0]}", j, None, None) if bound is not None else None
    if head.type == "owned" and not national and not _force_unit(c, name):
        return None
    proper = post or any(b[:1].isupper() and not a[:1].isupper() and vietnamese_syllable(b)
                         for a, b in pairwise(rest))
    if head.type == "named" and len(head.words) > 2 and sum(w[:1].isupper() for w in written) < 4 \
            and not national and not written[-1].isdigit() and written[-1] not in ROMAN and not proper:
        return None  # Ban Quản lý dự án, with no place or proper name (but ... dự án Đường sắt): generic
    if low in lists["not_agency_names"]:
        return None
    if head.words == ("trung", "tâm") and len(rest) <= 2 and (not national or " ".join(rest).lower() in _NATIONAL_MARKS) \
            and low not in lists["province_bodies"] and low not in unit_names():
        return None  # Trung tâm Thành Long, Trung tâm Kỹ thuật: a venue, a firm or one centre of many
    regional = len(written) > 1 and (written[-2] == "vùng" or written[-3:-1] == ["khu", "vực"]) \
        and (written[-1] in ROMAN or written[-1].isdigit())
    # (Chi cục Thú y vùng VI, Chi cục Hải quan khu vực 1 serve several places, and one named after its
    # border gate or airport is known by it: no province of their own)
    gate = head.words == ("chi", "cục") and proper and low not in unit_names()  # Chi cục Hải quan Nội Bài: its gate's
    if (head.scope == "local" or low in lists["province_bodies"]) and not regional and not gate:
        bound = bind(c, "any", c.s.orig[k])
        if bound is not None:
            display = f"{name} {forms(c, bound)[0]}"
            note(c, k, name, display, True, None)
            return display, j, None, None
        if head.words == ("sở",) and _nationwide(c):
            return None  # Giám đốc các Sở GD&ĐT ... yêu cầu Sở GD&ĐT: any province's, in a story on all of them
    return name, j, None, None


def _nationwide(c: Context) -> bool:
    """The article speaks of every province (``các sở``, ``cả nước``, ``các địa phương``)."""
    return has_pair(c, _NATIONWIDE)


_NATIONWIDE = frozenset({("các", "sở"), ("các", "tỉnh"), ("cả", "nước"), ("toàn", "quốc"), ("các", "địa")})


def _force_unit(c: Context, name: str) -> bool:
    """A unit of the border guard, police or army with a proper name of its
    own (``Đội Cơ động biên phòng Bản Lầu``): a state body without place."""
    low = f" {name.lower()} "
    if not any(f" {w} " in low for w in c.lists["force_words"]):
        return False
    words = name.split()
    last_lower = max((i for i, w in enumerate(words) if not w[:1].isupper()), default=-1)
    return 0 < last_lower < len(words) - 1
