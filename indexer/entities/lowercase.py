"""Names written in lower case after a short head.

Newsrooms often write a unit's name in lower case (``Trung tâm tin học
Tổng cục Thuế``, ``Cục bảo vệ thực vật``).  Read freely, lower-case words
after ``Trung tâm`` are as often a shopping mall or a town centre, so such a
name counts only when something official closes it: a place, a parent body
or a national scope.  Which heads may be written so is ``anchored_lower_heads``
in ``data/agency_words.json``.
"""

from __future__ import annotations

from collections.abc import Callable

from .abbreviations import official_forms, unit_names
from .binding import GENERIC, Context, mention_at, place_at
from .fields import field_match
from .heads import DASH, Head, own_title
from .locations import PlaceMention
from .names import read_name
from .placing import plural_places
from .text import BREAKS

__all__ = ["known_start", "known_unit", "lower_name_end"]

# Words after a lower-case "phòng" that make it "prevent" (phòng cháy, phòng chống dịch).
_PREVENTION = frozenset({"cháy", "chống", "tránh", "ngừa", "bệnh", "dịch", "hộ", "thủ", "vệ", "lây"})
# Heads whose own title before them (Vụ trưởng, Viện trưởng, Tổng cục trưởng) vouches for a lower-case name.
_TITLED = frozenset({("vụ",), ("viện",), ("cục",), ("tổng", "cục")})


def known_unit(c: Context, start: int, j: int, nend: int, longer: bool = False) -> int:
    """End of the longest known name (an abbreviation's expansion or a unit
    of ``data/unit_names.tsv``: ``official_forms``) from ``start`` that ends
    by ``nend`` or up to six words past it (a long name in lower case outruns
    the free reading), else 0; with ``longer`` only an end past ``nend``
    counts."""
    official = official_forms()
    for end in range(min(nend + 6, len(c.s.words)), nend if longer else j, -1):
        if " ".join(c.s.lows[start:end]) in official:
            return end
    return 0


def known_start(c: Context, start: int, j: int, nend: int) -> int:
    """End of a known unit name (``data/unit_names.tsv``) that a free name
    starts with when only lower-case words follow it (``Cục Điện ảnh chọn
    chiếu``: the verb after the name), else ``nend``."""
    official = unit_names()
    lows, words = c.s.lows, c.s.words
    for end in range(nend - 1, j, -1):
        if not (words[end].isalpha() and words[end].islower()):
            return nend  # Cục Thú y vùng VI, ... Phòng chống HIV/AIDS: more of the name
        if " ".join(lows[start:end]) in official:
            return end
    return nend


def lower_name_end(c: Context, head: Head, j: int, is_parent: Callable[[int], bool]) -> int:
    """End of a name written in lower case after a short head, or ``j``
    (``is_parent(k)``: a whole body starts at ``k``).
    Only a name that something official closes counts: a place (``Trung tâm
    cai nghiện Bình Phước``), a parent body (``Trung tâm tin học Tổng cục
    Thuế``) or a national scope (``Trung tâm dự báo khí tượng thủy văn Quốc
    gia``, ``... Việt Nam``); alone, ``Trung tâm thương mại`` is a shopping mall."""
    s = c.s
    if j >= len(s.words) or s.caps[j] or not s.words[j].isalpha() or s.lows[j] == "chống":
        return j  # (Ban Chỉ đạo) Phòng chống dịch ...: prevention, not an office
    start = j - len(head.words)
    titled = start > 0 and s.lows[start - 1] in ("trưởng", "phó")  # Trưởng phòng quản lý dược, Sở Y tế
    nend = read_name(c, j, is_parent, lower_ok=True)
    known = known_unit(c, start, j, nend)
    if known:
        return known  # Tổng cục du lịch, Trung tâm chiếu phim quốc gia: a unit known by that name
    if head.words == ("phòng",) and field_match(c, j) is None and not titled:
        # Phòng cháy, Phòng tránh ...: a Phòng in lower case names its field (Phòng giáo dục), or
        # its parent closes it (Phòng xây dựng phong trào ... (Công an tỉnh An Giang))
        pj = nend + 1 if nend < len(s.words) and s.words[nend] == "(" else nend
        return nend if nend - j >= 2 and s.lows[j] not in _PREVENTION and is_parent(pj) else j
    if nend - j < 2:
        return j
    # Vụ trưởng Vụ chính sách thuế, Viện trưởng viện nghiên cứu ...: the head's own title vouches for it
    if own_title(s, start, head.words) and head.words in _TITLED \
            or head.words == ("vụ",) and s.lows[start - 2:start] == ["chuyên", "viên"]:
        return nend
    if head.words == ("vụ",):
        # Vụ thể thao thành tích cao 1; Vụ chính sách thuế Bộ Tài chính (not "Vụ hè thu 2005" opening a sentence)
        if start == 0 or s.words[start - 1] in BREAKS:
            return j
        pj = nend + 1 if nend < len(s.words) and (s.words[nend] in DASH or s.words[nend] in ("(", ",")) else nend
        return nend if s.words[nend - 1].isdigit() or is_parent(pj) else j
    if head.words in (("cục",), ("tổng", "cục")) and start > 0 and s.words[start - 1] not in BREAKS:
        # Cục bảo vệ thực vật: a ministry's (foreign ones are dropped later; not Cục nóng ... of a sentence);
        # nothing closes it, so it ends before "và" (Cục bảo vệ thực vật và cam ngâm thuốc ...)
        return next((i for i in range(j + 2, nend) if s.lows[i] == "và"), nend)
    tail = " ".join(s.lows[nend - 2:nend])
    if nend - j > 2 and (tail in ("quốc gia", "trung ương") or tail == "việt nam" and head.words != ("trung", "tâm")):
        return nend  # not Trung tâm quốc gia alone (which one is unsaid), nor a private Trung tâm ... Việt Nam
    place, _ = place_at(c, nend)
    if head.words == ("ban",):
        # a board in lower case only with a national scope (Ban khoa giáo trung ương) or its
        # province written out (Ban an toàn giao thông tỉnh Vĩnh Long)
        m = mention_at(c, nend) if nend < len(s.words) else None  # (or a district's: Ban bồi thường ... quận Bình Tân)
        return nend if m is not None and (m.level == "province" and (m.kind is not None or nend - j >= 3)
                                          or m.kind is not None and nend - j >= 3) else j
        # (Ban an toàn giao thông Đồng Nai: a province closes a board of three words or more)
    pj = nend + 1 if nend < len(s.words) and (s.words[nend] in DASH or s.words[nend] == "("
                                              or titled and s.words[nend] == ",") else nend
    # (Viện nghiên cứu Văn hóa - Viện Hàn lâm ...; Phòng xây dựng ... (Công an tỉnh); Trưởng phòng quản lý dược, Sở Y tế)
    if isinstance(place, PlaceMention) or is_parent(pj) or place is GENERIC and plural_places(c, nend)[0]:
        return nend  # (Trung tâm y tế các huyện Lý Nhân, Thanh Liêm)
    return j
