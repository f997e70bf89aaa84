"""One state body read from where its head starts, written the house way
(``scanning.py`` walks the article and calls ``read_body`` at each head).

A body starts with a head (``Sở``, ``Ủy ban nhân dân``, ``Cục``... see
``data/agency_heads.tsv``) on the abbreviation-expanded token stream.  What
follows depends on the head: a field (``Sở`` + ``Tài chính``), a free name
read up to a verb or preposition (``Viện`` + ``Nghiên cứu và Phát triển
vùng``), a place (``Ủy ban nhân dân`` + ``tỉnh Nam Định``), or a parent body
(``Phòng Cảnh sát giao thông`` + ``Công an tỉnh Nam Định``).  Plural and
generic mentions (``UBND các huyện``), photo credits and venues
(``Hội trường Bộ Quốc phòng``) are dropped.
"""

from __future__ import annotations

import re

from .abbreviations import unit_names
from .article import note
from .belonging import anothers_committee, board_of, bracket_parent, submitted_to
from .binding import (
    GENERIC,
    Body,
    Context,
    bind,
    forms,
    kind_at,
    mention_at,
    place_at,
    placed_name,
)
from .exclusions import (
    foreign_after,
    foreign_name_at,
    institution_after,
    venue_at,
)
from .fields import field_at, field_match, official_name
from .gazetteer import accent_key
from .heads import DASH, Head, head_at, match, party_boards
from .locations import PlaceMention
from .lowercase import known_start, known_unit, lower_name_end
from .names import ROMAN, person_at, read_name, skip_bracket, stop_here, text_of
from .national import fixed_body, of_parent, seat_abroad
from .placing import (
    court_place,
    listed_places,
    place_in_name,
    plural_places,
    shared_place,
    supreme_trial,
)
from .unplaced import unplaced

__all__ = ["listed_fields", "read_body"]

_POLICE_CODE = re.compile(r"^(?:C|PC|PA|PV|A|X)\d{1,2}[a-c]?$")
_PARTY_KIND = {"tỉnh ủy": "tỉnh", "tỉnh đoàn": "tỉnh", "thành ủy": "thành phố",
               "thành đoàn": "thành phố", "huyện ủy": "huyện", "quận ủy": "quận", "thị ủy": "thị xã",
               "đảng ủy": "ward"}


def _a_case(c: Context, k: int, name: str) -> bool:
    """``Vụ`` + an abbreviation, a place or a person: a case (``vụ án``)."""
    first = name.split(" ")[1] if " " in name else ""
    return len(first) > 1 and first.isupper() or accent_key(name[3:]) in c.gaz.units_accented \
        or person_at(c, k + 1)  # Vụ Lương Quốc Dũng


def _parent_at(c: Context, k: int, depth: int) -> Body | None:
    """A whole body starting at ``k`` (a parent of the one being read)."""
    found = head_at(c, k) if depth < 2 else None
    return _read(c, k, found[0], found[1], depth + 1) if found else None


def listed_fields(c: Context, k: int, head: Head, j: int, joint: bool = False) -> list[Body]:
    """Fields listed after the first share its head: ``Bộ Giao thông vận
    tải, Tài chính, Kế hoạch và Đầu tư`` names three ministries; with
    ``joint`` (``liên bộ ... cùng ...``) ``cùng`` joins them too."""
    s = c.s
    out: list[Body] = []
    joiners = ("và", "&", "cùng") if joint else ("và", "&")
    while j + 1 < len(s.words) and (s.words[j] == "," or s.lows[j] in joiners) and s.caps[j + 1] \
            and (field := field_match(c, j + 1)) is not None \
            and (not head_at(c, j + 1) or head.words == ("bộ",) and place_at(c, field[0])[0] is None):
        # (a field that is also a head, Công an, lists a ministry only with no place after it)
        got = _read(c, k, head, j + 1)
        if got is None:
            break
        out.append(got)
        j = got[1]
    return out


def _parent(c: Context, head: Head, name: str, k: int, j: int, depth: int) -> Body | None:
    """A parent body right after the name (``Phòng CSGT Công an tỉnh``, ``Cục
    ... - Bộ Y tế``, ``Cục ... của Bộ Y tế``), or after a comma when it ranks
    higher (``Cục Hồ sơ nghiệp vụ, Tổng cục Cảnh sát``; after a person's
    title, an office's centre or department too: ``Phó phòng Dự báo, Đài
    Khí tượng thủy văn khu vực Nam Bộ``)."""
    s = c.s
    n = len(s.words)
    if depth >= 2 or j >= n:
        return None
    comma = s.words[j] == ","
    titled = head.rank == 1 and k > 0 and s.lows[k - 1] in ("trưởng", "phó")
    of = s.lows[j] in ("của", "thuộc") and head.type in ("named", "owned")  # (Vụ ... thuộc Bộ Bưu chính, Viễn thông)
    pj = j + 1 if s.words[j] in DASH or comma or of else j
    if head.type in ("named", "owned") and s.lows[j:j + 2] == ["trực", "thuộc"]:
        of, pj = True, j + 2  # Ban Quản lý dự án trực thuộc Sở ...
    found = head_at(c, pj)
    if found is not None and head.type == "place" and found[0].type in ("place", "party"):
        return None  # HĐND - UBND tỉnh: two bodies sharing a place
    if of and (found is None or found[0].rank < ((3 if head.rank == 1 else 4) if s.lows[j] == "của" else 2)
               or found[0].rank <= head.rank):
        return None  # ... của Bộ Y tế joins a ministry's unit to it (thuộc any higher body); other owners stay apart
    team_office = found is not None and head.words[0] in ("đội", "trạm") and found[0].words == ("phòng",)
    if comma and (found is None or head.type not in ("named", "owned")
                  or found[0].rank < (2 if name[-1:].isdigit() or titled or head.rank == 1 else 3) and not team_office
                  or found[0].rank <= head.rank and not team_office  # (Đội 1, Phòng CSGT ...: a team's office)
                  or name == head.display and not head.division
                  or head.words[0] in ("hội", "ủy") or head.words[0] == "ban" and not board_of(name, found[0])
                  or head.scope == "national" and found[0].scope == "local"):
        return None  # a list: Bộ Y tế, Bộ Tài chính; Ban Quản lý Khu kinh tế, Sở ...; Cục Lãnh sự, Sở Ngoại vụ
    got = _parent_at(c, pj, depth)
    if got is None:
        return None
    if head.division and got[1] + 1 < n and s.lows[got[1]] == "tại" and (m := mention_at(c, got[1] + 1)) is not None:
        # Tòa Phúc thẩm TAND tối cao tại TP HCM: the division sits in that city
        return f"{name} {got[0]} tại {m.display}", got[1] + 1 + (m.end - m.start), None, name
    return f"{name} {got[0]}", got[1], None, name


def _party_parent(c: Context, j: int, depth: int) -> Body | None:
    """``Đảng ủy Công an tỉnh``, and ``Đảng ủy, Ban Giám đốc Công an tỉnh``
    (a parent shared with a leadership named next to it)."""
    s = c.s
    n = len(s.words)
    got = _parent_at(c, j, depth)
    if got is not None:
        return f"Đảng ủy {got[0]}", got[1], None, None
    if j + 1 < n and (s.words[j] == "," or s.lows[j] == "và"):
        for size in (3, 2):
            if " ".join(s.lows[j + 1:j + 1 + size]) in c.lists["leadership"]:
                got = _parent_at(c, j + 1 + size, depth)
                if got is not None:
                    return f"Đảng ủy {got[0]}", j + 1 + size, j + 1 + size, None
    return None


def _party_board(c: Context, j: int, depth: int) -> Body | None:
    """A board of a party committee after ``Ban`` (``Ban Thường vụ Thành ủy
    Hải Phòng``, ``Ban dân vận Thành ủy``, ``Ban Tổ chức Trung ương``,
    ``Ban cán sự đảng UBND TP``, ``Ban cán sự của Bộ GTVT``): a body only
    with its committee after it, so the board's name may be in lower case."""
    s = c.s
    n = len(s.words)
    for phrase, words, written in party_boards():
        end = match(s, j, words)
        if end is None:
            continue
        if end + 1 < n and s.lows[end] == "trung" and s.lows[end + 1] == "ương":  # (in any case)
            return f"Ban {written} Trung ương", end + 2, None, None
        cadre = phrase.startswith("cán sự")  # the party cadre board of any body, of it with "của"
        if cadre and end + 1 < n and s.lows[end] == "của":
            end += 1
        found = head_at(c, end)
        if found is None or found[0].type != "party" and not cadre:
            return None
        got = _read(c, end, found[0], found[1], depth + 1)
        return (f"Ban {written} {got[0]}", got[1], None, f"Ban {written}") if got else None
    return None


def _named_by_parent(c: Context, end: int, j: int) -> bool:
    """``Cơ quan Điều tra`` names a body when its parent follows: written
    capitalised, or the police's in any case (``Cơ quan điều tra (CQĐT), Bộ
    Công an``)."""
    s = c.s
    pj = skip_bracket(s, j)
    if pj < len(s.words) and (s.words[pj] == "," or s.words[pj] in DASH):
        pj += 1  # (Cơ quan điều tra - Bộ Công an)
    parent = _parent_at(c, pj, 1)
    if parent is None:
        place, _ = place_at(c, j)  # Cơ quan điều tra TP HCM, ... tỉnh Hưng Yên: the police's of the place
        return isinstance(place, PlaceMention)
    return (s.caps[end] and pj == j) or parent[0].startswith(("Công an", "Bộ Công an", "Bộ Quốc phòng"))


def _read(c: Context, k: int, head: Head, end: int, depth: int = 0) -> Body | None:
    """One body at ``k`` or None."""
    s, lists = c.s, c.lists
    n = len(s.words)
    name, j = head.display, end
    if head.scope != "local" and c.foreign_from is not None and k >= c.foreign_from:
        return None  # Bộ Tư pháp in an article on the Philippines, Trung tâm Nghiên cứu ... of Turkey
    if head.type == "fixed" and head.words[0] == "ủy" and head.rank == 3 and j + 1 < n:
        if s.lows[j] == "và" and s.caps[j + 1] and head_at(c, j + 1) is None or s.lows[j:j + 2] == ["xã", "hội"]:
            return None  # Ủy ban Kinh tế và Xã hội (of the UN), Ủy ban Kinh tế xã hội châu Á: another body
        found = head_at(c, j) if depth < 2 else None
        if found is not None and found[0].type == "party":
            got = _read(c, j, found[0], found[1], depth + 1)  # Ủy ban kinh tế Thị ủy Vĩnh Yên: the committee's
            if got is not None:
                return f"{name} {got[0]}", got[1], None, None
    if head.type == "fixed":
        if j < n and (s.lows[j] in lists["concept_after"]
                      or j + 1 < n and f"{s.lows[j]} {s.lows[j + 1]}" in lists["concept_after"]):
            return None  # Chính phủ số, Chính phủ điện tử: an idea, not the body
        if head.scope == "national":
            return fixed_body(c, name, j)
    if head.words == ("ban",) and depth < 2:
        board = _party_board(c, j, depth)
        if board is not None:
            return board
    lowered = False
    if head.type == "field":
        got = field_at(c, j)
        if got is False:
            return None
        if got is not None:
            name, j = f"{name} {got[0]}", got[1]
        else:
            # Sở + a field we do not list, only if it starts like one (Sở GTCC, Sở Giáo dục).
            ok = head.words == ("sở",) and j < n and (s.words[j].isupper() or s.lows[j] in c.fields)
            nend = read_name(c, j, lambda x: _parent_at(c, x, depth) is not None) if ok else j
            if nend == j or any(foreign_name_at(c, x) for x in range(j + 1, nend)):
                return None  # ... or Sở Giáo dục Saitama: a foreign office
            name, j = f"{name} {text_of(s, j, nend)}", nend
    elif head.type in ("named", "owned"):
        if j < n and s.words[j].isdigit() and (" ".join(head.words) not in lists["numbered_heads"] or (
                j + 1 < n and s.words[j + 1].isalpha() and not s.caps[j + 1] and not kind_at(s, j + 1)
                and s.lows[j + 1] not in ("của", "và", "thuộc", "tại") and not head_at(c, j + 1)
                and (not stop_here(c, j + 1) or s.lows[j + 1] == "người"))):
            return None  # Trung tâm 145 giường, Ban Chỉ đạo 5 người: a count, not a name
        nend = read_name(c, j, lambda x: _parent_at(c, x, depth) is not None, lower_ok=len(head.words) > 2) \
            if head.words != ("đoàn", "chủ", "tịch") else j  # (a presidium is named by its parent alone)
        if nend == j and " ".join(head.words) in c.lists["anchored_lower_heads"]:
            nend = lower_name_end(c, head, j, lambda x: _parent_at(c, x, depth) is not None)
        elif nend > j:
            nend = known_unit(c, k, j, nend, longer=True) or known_start(c, k, j, nend)
            # (a long known name outruns the free reading; a verb after a known one is not part of it)
        if nend > j:
            lowered = not s.caps[j] and len(head.words) <= 2 and not (head.words == ("cơ", "quan")
                                                                      and s.lows[j] == "điều")
            # (but Cơ quan điều tra keeps the case it is written in)
            stop = nend - 1 if nend - j > 1 and _POLICE_CODE.match(s.words[nend - 1]) else nend
            # (Cục Cảnh sát điều tra tội phạm về trật tự xã hội C14: the force's code is no part of the name)
            name, j = f"{name} {official_name(c, head, j, stop, text_of(s, j, stop, capitalise=lowered))}", nend
    if head.words == ("cơ", "quan") and name == head.display:
        return None  # Cơ quan Công an TP HCM: "the agency" of the police, which is read on its own
    if head.words == ("vụ",) and _a_case(c, k, name):
        return None  # Vụ NH Tân Việt, Vụ Cần Giờ: a case, not a ministry's department
    low_name = name.lower()
    if any(low_name == x or low_name.startswith(x + " ") and name.split()[len(x.split())][:1].isupper()
           for x in lists["named_by_parent"]) and _named_by_parent(c, end, j):  # (... Điều tra Hình sự Quân khu 5)
        pass  # Cơ quan Điều tra Công an quận 1: capitalised, with its parent, it is that parent's
    elif (any(low_name == x or low_name.startswith(x + " ") for x in lists["not_agency_names"])
          and low_name not in unit_names()) or any(f" {w} " in f" {low_name} " for w in lists["foreign_name_words"]):
        return None  # Ban Tổ chức (of an event), Đài Loan, ... Liên bang
    if name.endswith(" Việt Nam") and j + 1 < n and s.lows[j] == "tại" and mention_at(c, j + 1) is None \
            and head.type in ("named", "owned"):
        abroad = seat_abroad(c, name, j)  # Ban Quản lý lao động Việt Nam tại Malaysia
        if abroad is not None:
            return abroad
    if venue_at(c, k, low_name):
        return None
    if head.type in ("named", "owned") and ((any(f" {w} " in f" {name} " for w in lists["institution_words"])
                                             and low_name not in unit_names()) or institution_after(c, k, j)):
        return None  # a school's or a company's centre (but Vụ Đại học và Sau đại học, a ministry's)
    j = skip_bracket(s, j)
    if head.words[-2:] == ("nước", "ngoài") and j + 1 < n and s.lows[j] == "tại" \
            and (m := mention_at(c, j + 1)) is not None:  # Ủy ban về người Việt Nam ở nước ngoài tại TP HCM
        return placed_name(c, head, name, m), j + 1 + (m.end - m.start), None, None
    if head.words[-2:] == ("cấp", "cao") and j + 1 < n and s.lows[j] == "tại":
        m = mention_at(c, j + 1)
        if m is not None:  # Tòa án nhân dân cấp cao tại TP Hồ Chí Minh
            return f"{name} tại {m.display}", j + 1 + (m.end - m.start), None, None
    if foreign_after(c, j) if head.scope != "local" else foreign_name_at(c, j):
        return None  # Bộ Y tế Angola; Sở Giáo dục Saitama, Sở Tài chính John Hancock
    if head.type == "field" and head.scope == "national":
        return name, j, None, None
    if head.type in ("named", "owned", "fixed"):
        of = of_parent(c, j)
        if of is not None:  # Ủy ban Kinh tế của Quốc hội
            return f"{name} của {of[0]}", of[1], None, None
    if head.scope != "national" and j + 1 < n and s.lows[j] == "của":
        m = mention_at(c, j + 1)
        kind = kind_at(s, j + 1) if m is None else None
        if m is not None and m.level == "province" or kind and kind[0] in ("tỉnh", "thành phố") and (
                kind[1] >= n or not s.caps[kind[1]]) or plural_places(c, j + 1)[0]:
            j += 1  # Ban Chỉ đạo ... của Hà Nội, ... của Thành phố (the article's city), ... của hai quận A và B
    place, after = place_at(c, j)
    more: list[PlaceMention] = []
    if place is GENERIC:
        more, after = plural_places(c, j) if depth == 0 else ([], j)
        if not more:
            return None
        place = more.pop(0)  # Sở Tư pháp các tỉnh Hà Tĩnh, Quảng Bình: one each
    if isinstance(place, PlaceMention):
        written = place_in_name(c, head, name, j, place, after)
        if written is not None:
            if s.lows[after:after + 2] == ["khu", "vực"] and after + 2 < n \
                    and (s.words[after + 2].isdigit() or s.words[after + 2] in ROMAN):
                written, after = f"{written} khu vực {s.words[after + 2]}", after + 3  # ... cảng Sài Gòn khu vực 1
            return f"{name} {written}", after, None, None
        stop = after
        written_kind = kind_at(s, j)
        if depth == 0 and place.start >= 0 and not more and not (
                written_kind and written_kind[0] == "tỉnh" and place.level != "province"):
            more, stop = listed_places(c, after, place)  # (not Công an tỉnh Bà Rịa, Vũng Tàu: one province)
        display = placed_name(c, head, name, place)
        if more:
            c.listed.setdefault(k, []).extend((placed_name(c, head, name, m), stop, None, None) for m in more)
        if depth == 0 and place.level == "province":
            bound = place.start < s.orig[j] or after < n and place.start >= s.orig[after]
            note(c, k, name, display, bound,
                 written_kind[0] if bound and written_kind else forms(c, place)[0].split(" ")[0])
        return display, stop, None, None
    if isinstance(place, str):
        # A kind word we cannot bind: the body of some unknown place.
        return None if head.type in ("party", "place") else (name, after, None, None)
    if head.type == "fixed":
        return name, j, None, None
    if head.type in ("named", "owned", "place"):
        got = _parent(c, head, name, k, j, depth)
        if got is not None:
            return got
    if head.type == "place" or head.type == "field" and head.scope == "local":
        shared = shared_place(c, j)
        if shared is not None and (head.type == "place" or shared.level == "province"):
            # HĐND, UBND tỉnh Quảng Ninh; Sở GD-ĐT, Đài PTTH, Sở Du lịch tỉnh Bình Thuận
            display = f"{name} {forms(c, shared)[0]}"
            if depth == 0 and shared.level == "province":
                note(c, k, name, display, False, display[len(name) + 1:].split(" ")[0])
            return display, j, None, None
    if head.type == "party":
        if head.words == ("đảng", "ủy") and depth < 2:
            got = _party_parent(c, j, depth)
            if got is not None:
                return got
        kind = _PARTY_KIND.get(" ".join(head.words))
        if head.words == ("đảng", "ủy") and anothers_committee(c, j):
            return None  # Đảng ủy của trường, Đảng ủy khối ...: another body's committee, not a commune's
        bound = bind(c, kind, s.orig[k]) if kind else None
        if bound is None:
            return None
        display = f"{name} {forms(c, bound)[0 if kind == 'ward' else 1]}"
        if depth == 0:
            note(c, k, name, display, True, kind)
        return display, j, None, None
    if head.type == "place":
        if head.scope == "either":  # Cục Thuế written bare: the province's if it is one (unplaced decides)
            return unplaced(c, k, head, name, j, end)
        if head.display == "Viện kiểm sát nhân dân" and depth == 0:
            supreme = supreme_trial(c, k)
            if supreme is not None:  # TAND tối cao tại TP HCM xử phúc thẩm ... VKS: the supreme procuracy
                return supreme, j, None, None
            court = court_place(c, k)
            if court is not None:  # Tòa án nhân dân TP HCM xét xử ... VKS đề nghị: the procuracy of that court
                return f"{name} {forms(c, court)[0]}", j, None, None
        if head.display in ("Ủy ban nhân dân", "Hội đồng nhân dân") and depth == 0 and submitted_to(s, k, j):
            bound = bind(c, "any", s.orig[k])  # Sở ... trình UBND: the province's
            if bound is not None:
                return f"{name} {forms(c, bound)[0]}", j, None, None
        if " ".join(head.words) in lists["bare_bound_heads"] and len(c.loc.province_keys) == 1 and not (
                k and (s.lows[k - 1] in lists["generic_before"] or s.lows[k - 1] in ("lượng", "ngày"))):
            bound = bind(c, "any", s.orig[k])  # Bộ đội Biên phòng, in an article on one province: its own
            if bound is not None:
                return f"{name} {forms(c, bound)[0]}", j, None, None
        return None
    board = head.type == "named" and head.words[0] == "ban"
    if (head.type == "owned" or board) and name != head.display and j + 1 < n and s.words[j] == "(" and depth < 2:
        pj = bracket_parent(s, j + 1) if board else j + 1
        found = head_at(c, pj)
        if found is not None and found[0].rank > head.rank:
            got = _read(c, pj, found[0], found[1], depth + 1)
            if got is not None and got[1] < n and s.words[got[1]] in (")", ";"):
                # Phòng Thanh tra hành chính (Thanh tra Bộ Tư pháp), Ban Quản lý dự án (thuộc Sở GTVT): an
                # office is known by its parent; the parent in brackets is read on its own too.
                return f"{name} {got[0]}", got[1] + 1, pj, name
    return unplaced(c, k, head, name, j, end)


def read_body(c: Context, k: int, head: Head, end: int) -> Body | None:
    """The body whose head starts at ``k`` and ends at ``end``: (display,
    end, where a parent in brackets starts, the sub-unit's own name)."""
    return _read(c, k, head, end)
