"""Where a body is: the place written after its name, or the one it is bound to.

``Ủy ban nhân dân tỉnh Nam Định`` names its place; ``UBND tỉnh`` and ``Sở
Tài chính`` do not, and belong to the article's province: the outlet's home
province when the article names it or names no other, else the nearest place
of the right kind the article names.  Places are written the way agency
names write them (``tỉnh Nam Định``, ``thành phố Hà Nội``, ``huyện Giao Thủy
(Nam Định)``).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from .abbreviations import Stream
from .gazetteer import Gazetteer
from .locations import KIND_LEVEL, LocationScan, PlaceMention

if TYPE_CHECKING:
    from .heads import Head

__all__ = ["GENERIC", "Body", "Context", "bind", "district_before", "forms", "has_pair", "kind_at", "mention_at",
           "place_at", "placed_name", "skip_to"]

GENERIC = "generic"
_KIND1 = {"tỉnh": "tỉnh", "huyện": "huyện", "quận": "quận", "xã": "xã", "phường": "phường"}
_KIND2 = {("thành", "phố"): "thành phố", ("thị", "xã"): "thị xã", ("thị", "trấn"): "thị trấn"}

#: (display, end, where the scanner resumes or None, the sub-unit's own name when a parent was joined)
Body = tuple[str, int, "int | None", "str | None"]


@dataclass(slots=True)
class Context:
    """One article as the agency scanner sees it."""

    s: Stream
    loc: LocationScan
    gaz: Gazetteer
    published: datetime | None
    home: str | None
    heads: dict
    fields: dict
    lists: dict[str, frozenset[str]]
    #: Token index of the sentence that first names a foreign country, in an
    #: article that names no Vietnamese place nor Việt Nam (its bodies that
    #: are not local from that point on are the foreign country's); None
    #: otherwise.
    foreign_from: int | None = None
    #: The city the outlet means by a bare ``TP`` (Tuổi Trẻ: Ho Chi Minh City), as a gazetteer key.
    city: str | None = None
    #: (head index, name without place, display, bound?, kind word) of each
    #: local body read: a bound one is matched against the written ones.
    notes: list[tuple[int, str, str, bool, str | None]] = field(default_factory=list)
    #: Head index -> the bodies of the same kind of the other places listed
    #: after its own (``Sở Du lịch TP Hà Nội, TP.HCM, Hải Phòng``).
    listed: dict[int, list[Body]] = field(default_factory=dict)
    #: The article's adjacent word pairs, in lower case (gathered on first use by ``has_pair``).
    word_pairs: frozenset[tuple[str, str]] | None = None


def has_pair(c: Context, pairs: frozenset[tuple[str, str]]) -> bool:
    """The article holds one of these two-word phrases somewhere (``bị cáo``,
    ``cả nước``): what a whole story is about, asked by several rules."""
    if c.word_pairs is None:
        c.word_pairs = frozenset(zip(c.s.lows, c.s.lows[1:]))
    return not c.word_pairs.isdisjoint(pairs)


def kind_at(s: Stream, j: int) -> tuple[str, int] | None:
    """A place kind word at ``j`` and the index after it (``Tỉnh ủy`` and
    ``xã hội`` are not places)."""
    n = len(s.words)
    if j >= n:
        return None
    if s.words[j] in ("TP", "Tp"):
        return "thành phố", j + (2 if j + 1 < n and s.words[j + 1] == "." else 1)
    if j + 1 < n:
        kind = _KIND2.get((s.lows[j], s.lows[j + 1]))
        if kind:
            return kind, j + 2
        if s.lows[j + 1] in ("hội", "ủy", "đoàn"):
            return None
    kind = _KIND1.get(s.lows[j])
    return (kind, j + 1) if kind else None


def mention_at(c: Context, j: int) -> PlaceMention | None:
    """The resolved place mention starting at stream index ``j``."""
    if j >= len(c.s.words) or (j and c.s.orig[j - 1] == c.s.orig[j]):
        return None
    return c.loc.by_start.get(c.s.orig[j])


def skip_to(c: Context, j: int, orig_end: int) -> int:
    """The first stream index at or past source token ``orig_end``."""
    while j < len(c.s.words) and c.s.orig[j] < orig_end:
        j += 1
    return j


def forms(c: Context, m: PlaceMention) -> tuple[str, str]:
    """A place as agency names write it: ``tỉnh Nam Định`` and, for party
    committees, ``Nam Định``; lower units add their province in brackets."""
    if m.level == "province":
        assert m.province is not None
        name = c.gaz.province_name(m.province, c.published)
        short = name[3:] if name.startswith("TP ") else name
        kind = "thành phố" if c.gaz.is_city(m.province, c.published) else "tỉnh"
        # Thành ủy thành phố Hồ Chí Minh: the bare name would be the person's.
        return f"{kind} {short}", (f"{kind} {short}" if short == "Hồ Chí Minh" else short)
    unit, _, prov = m.display.rpartition(", ")
    kind = m.shown_kind or ""
    bare = unit[len(kind):].strip() if unit.startswith(kind) else unit
    if bare.isdigit():
        bare = unit  # Quận ủy quận 5: "Quận ủy 5" names nothing
    return f"{unit} ({prov})", f"{bare} ({prov})"


def placed_name(c: Context, head: Head, name: str, place: PlaceMention) -> str:
    """A body's display with its place written the agency way."""
    agency_form, party_form = forms(c, place)
    if head.type == "owned" and any(name.lower().startswith(u) for u in c.lists["police_units"]):
        agency_form = f"Công an {agency_form}"  # Cơ quan Cảnh sát điều tra (Công an) tỉnh X
    party = head.type == "party" and head.words != ("đảng", "ủy")
    return f"{name} {party_form if party else agency_form}"


def _synthetic(key: str) -> PlaceMention:
    return PlaceMention(-1, -1, None, "province", "", "", province=key)


# Words before a place that make it where a person comes from or lives
# (``sinh năm 1980, quê Đắk Lắk``), not where the story's bodies are.
_HOMETOWN_BEFORE = frozenset({"quê", "trú", "ngụ", "quán"})


def hometown(c: Context, m: PlaceMention) -> bool:
    """``m`` is a person's home or address: no body written bare is bound to it."""
    s = c.s
    i = bisect_left(s.orig, m.start)
    if i >= len(s.words) or s.orig[i] != m.start:
        return False
    before = s.lows[i - 1] if i else ""
    if before in ("tại", "ở") and i > 1:
        before = s.lows[i - 2]
    return before in _HOMETOWN_BEFORE


def bind(c: Context, kind: str, at: int) -> PlaceMention | None:
    """The place a body written without its name belongs to.  ``kind`` is a
    kind word, or "any" for a body of any province (``Sở Y tế``)."""
    level = kind if kind in ("any", "ward") else KIND_LEVEL[kind]
    gaz, pub, home = c.gaz, c.published, c.home

    def fits(m: PlaceMention) -> bool:
        if level == "any":
            return m.province is not None
        if level == "province":
            return m.province is not None and not gaz.is_city(m.province, pub)
        if level == "city":
            # a district-level city, else a centrally-run one (also through one
            # of its districts or wards: quận Bình Tân ... UBND TP)
            return m.level == "district" and m.shown_kind == "thành phố" or gaz.is_city(m.province or "", pub)
        return m.level == level and (m.shown_kind == kind or kind == "ward")

    home_fits = home is not None and (
        level == "any" or (level in ("province", "city") and (level == "city") == gaz.is_city(home, pub)))
    named = c.loc.province_keys
    if home_fits and (home in named or not named):
        return _synthetic(home)  # type: ignore[arg-type]
    if kind == "thành phố" and home is None and c.city in named:
        return _synthetic(c.city)  # type: ignore[arg-type]  # Sở GTCC TP in Tuổi Trẻ, which names TP HCM
    pick = None
    for m in c.loc.mentions:
        if fits(m) and not hometown(c, m):
            if m.start < at or pick is None:
                pick = m
            if m.start >= at:
                break
    if pick is not None:
        if pick.level != "province" and (level in ("province", "any") or level == "city" and not (
                pick.level == "district" and pick.shown_kind == "thành phố")):
            return _synthetic(pick.province)  # type: ignore[arg-type]
        return pick
    return _synthetic(home) if home_fits else None  # type: ignore[arg-type]


# What ``cấp`` must precede to mean a level (``UBND các cấp``, ``UBND cấp
# huyện``); before anything else it is the verb "grant" (``Sở Y tế cấp
# phép``, ``UBND tỉnh cấp giấy``) and the body is a real one.
_LEVEL_AFTER_CAP = frozenset({"tỉnh", "huyện", "xã", "quận", "phường", "thành", "thị", "trung", "cơ",
                              "trên", "dưới", "ủy", "bộ", "ngành", "tổng", "cục", "sở", "phòng", "có"})


def _generic(c: Context, j: int) -> bool:
    """The word at ``j`` makes the body before it every one of its kind."""
    s = c.s
    if s.lows[j] not in c.lists["generic_after"]:
        return False
    if s.lows[j] == "cấp":
        return j + 1 < len(s.words) and s.lows[j + 1] in _LEVEL_AFTER_CAP
    return True


def place_at(c: Context, j: int) -> tuple[object, int]:
    """A place right after a name: (mention | GENERIC | kind word | None,
    next index).  A kind word without a name is bound (``UBND tỉnh``); one
    that cannot be bound comes back as the bare kind word."""
    s = c.s
    n = len(s.words)
    if j >= n:
        return None, j
    m = mention_at(c, j)
    if m is not None:
        return m, skip_to(c, j, m.end)
    if _generic(c, j):
        return GENERIC, j
    found = kind_at(s, j)
    if found is None:
        return None, j
    kind, after = found
    if after < n:
        if _generic(c, after):
            return GENERIC, j
        if s.words[after] == "," and kind_at(s, after + 1):
            return GENERIC, j  # "UBND huyện, thành phố"
        m = mention_at(c, after)
        if m is not None:
            return m, skip_to(c, after, m.end)
        if s.caps[after] and not (s.lows[after] in c.lists["agency_surnames"] and after + 1 < n
                                  and s.caps[after + 1]):
            return None, j  # a name we could not resolve (but Chủ tịch UBND tỉnh Nguyễn Văn A: a person's)
    bound = bind(c, kind, s.orig[j])
    if bound is None:
        return (kind if KIND_LEVEL[kind] in ("province", "city") else None), after
    return bound, after


def district_before(c: Context, at: int, window: int = 80) -> PlaceMention | None:
    """The district (or district-level city) named last before source token
    ``at``, within ``window`` tokens: whose ``Trung tâm Y tế`` a bare one is."""
    pick = None
    for m in c.loc.mentions:
        if m.start >= at:
            break
        if m.level == "district" and at - m.start <= window:
            pick = m
    return pick
