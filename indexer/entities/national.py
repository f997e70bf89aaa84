"""Bodies with a fixed name: national ones (``Quốc hội``, ``Ngân hàng Nhà
nước``, ``Tòa án nhân dân tối cao``), the branch or seat a place after one
names, the committees named with their parent (``Ủy ban Pháp luật của Quốc
hội``), and Vietnam's missions abroad, known by where they sit.
"""

from __future__ import annotations

from .binding import Body, Context, forms, has_pair, mention_at
from .exclusions import foreign_after
from .heads import head_at
from .names import person_at, text_of

__all__ = ["fixed_body", "of_parent", "seat_abroad"]


def of_parent(c: Context, j: int, direct: bool = False) -> Body | None:
    """``của Quốc hội`` after a committee (or ``Quốc hội`` right after it
    with ``direct``): part of its official name.  The last item is the
    sub-unit's marker: "" when the parent came without ``của``."""
    s = c.s
    if not direct and (j + 1 >= len(s.words) or s.lows[j] != "của"):
        return None
    found = head_at(c, j if direct else j + 1)
    if found is None or " ".join(found[0].words) not in c.lists["of_parents"]:
        return None
    return found[0].display, found[1], None, "" if direct else None


def fixed_body(c: Context, name: str, j: int) -> Body | None:
    """A national body with a fixed name, or a mission abroad, ending at ``j``."""
    s = c.s
    n = len(s.words)
    if name.endswith(("quán Việt Nam", "vụ Việt Nam")):
        return seat_abroad(c, name, j)
    branch = j + 2 if j + 2 < n and s.lows[j] == "chi" and s.lows[j + 1] == "nhánh" else j
    m = mention_at(c, branch) if name.startswith("Ngân hàng Nhà nước") else None
    if m is not None and m.level == "province":  # Ngân hàng Nhà nước (chi nhánh) TP HCM: its branch
        return f"{name} chi nhánh {forms(c, m)[0]}", branch + (m.end - m.start), None, None
    if name.endswith("nhân dân tối cao") and j + 1 < n and s.lows[j] == "tại" \
            and (m := mention_at(c, j + 1)) is not None and m.level == "province":
        # TAND tối cao tại TP HCM: the supreme court's seat in that city (its appeal court)
        return f"{name} tại {m.display}", j + 1 + (m.end - m.start), None, None
    if name == "Ban Chấp hành Trung ương" and not (j < n and s.caps[j]) and not _youth_union(c):
        name = "Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam"  # the Party's, unless the story is the Union's
    of = of_parent(c, j) or of_parent(c, j, direct=True)
    if of is not None:  # Ủy ban Pháp luật của Quốc hội (and its bare twin is the same body)
        return f"{name} {'của ' if of[3] is None else ''}{of[0]}", of[1], None, name
    return None if foreign_after(c, j) or _of_countries(c, j) else (name, j, None, None)


def _youth_union(c: Context) -> bool:
    """The article is about the Youth Union (``Đoàn Thanh niên``, ``Trung ương Đoàn``)."""
    return has_pair(c, _YOUTH_UNION)


_YOUTH_UNION = frozenset({("đoàn", "thanh"), ("ương", "đoàn")})


def _of_countries(c: Context, j: int) -> bool:
    """``Chính phủ các nước châu Á``, ``Quốc hội 6 nước``: other countries'."""
    s = c.s
    return j + 1 < len(s.words) and (s.lows[j] in _MANY or s.words[j].isdigit()) and s.lows[j + 1] in ("nước", "quốc")


_MANY = frozenset({"các", "những", "nhiều", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"})


def seat_abroad(c: Context, name: str, j: int) -> Body | None:
    """``Đại sứ quán Việt Nam tại Ấn Độ``, ``Ban Quản lý lao động Việt Nam
    tại Malaysia``: a body abroad is known by where it sits (``tại``/``ở``
    and the country or city); without one, which is unsaid."""
    s = c.s
    if j + 1 >= len(s.words) or s.lows[j] not in ("tại", "ở") or not s.caps[j + 1]:
        return None
    e = j + 1
    while e < len(s.words) and e - j <= 4 and (s.caps[e] or s.lows[e] == "bang" and s.lows[e - 1] == "liên") \
            and not (e > j + 1 and person_at(c, e)):
        e += 1  # Hàn Quốc, Liên bang Nga (but not the ambassador's name after it)
    return f"{name} tại {text_of(s, j + 1, e)}", e, None, None
