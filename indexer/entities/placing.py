"""A body's place found beyond its own name: the place a list of bodies
shares (``HĐND, UBND tỉnh Quảng Ninh``), a place that is part of a proper
name rather than the body's own (``Ban Quản lý Khu kinh tế Quảng Ninh``),
and the court whose place a trial's bare ``VKS`` takes.
"""

from __future__ import annotations

from .abbreviations import unit_names
from .binding import Context, has_pair, kind_at, mention_at, place_at, skip_to
from .fields import field_at
from .heads import Head, head_at
from .locations import PlaceMention
from .names import text_of

__all__ = ["court_place", "listed_places", "place_in_name", "plural_places", "shared_place", "supreme_trial"]


def listed_places(c: Context, j: int, first: PlaceMention) -> tuple[list[PlaceMention], int]:
    """More places of ``first``'s level listed right after it, each one more
    body of the same kind: ``Sở Du lịch TP Hà Nội, TP.HCM, Hải Phòng``,
    ``Công an huyện A, huyện B (Nghệ An)``.  Returns them and where they end."""
    s = c.s
    n = len(s.words)
    out: list[PlaceMention] = []
    while j + 1 < n and (s.words[j] == "," or s.lows[j] == "và"):
        m = mention_at(c, j + 1)
        if m is None and (kind := kind_at(s, j + 1)) is not None:
            m = mention_at(c, kind[1])
        if m is None or m.level != first.level or m.province is None or (
                first.level != "province" and m.province != first.province) or m in out or m is first:
            break
        out.append(m)
        j = skip_to(c, j + 1, m.end)
    return out, j


# Words before a kind word that make it several places (các huyện, hai quận).
_PLURAL = frozenset({"các", "hai", "ba", "bốn", "năm"})


def plural_places(c: Context, j: int) -> tuple[list[PlaceMention], int]:
    """The places after ``các tỉnh`` or ``hai quận`` (``Sở Tư pháp các tỉnh
    Hà Tĩnh, Quảng Bình``, ``Trung tâm y tế các huyện Lý Nhân, Thanh Liêm``):
    one body of each; none when no name follows (``các Sở Y tế``: every
    province's)."""
    s = c.s
    if j + 2 >= len(s.words) or s.lows[j] not in _PLURAL or (kind := kind_at(s, j + 1)) is None:
        return [], j
    p = kind[1]
    if p + 1 < len(s.words) and s.words[p] in (",", "và") and (other := kind_at(s, p + 1)) is not None:
        p = other[1]  # các tỉnh, thành phố: ...
    if p < len(s.words) and s.words[p] == ":":
        p += 1
    first = mention_at(c, j + 1) or mention_at(c, kind[1]) or mention_at(c, p)
    if first is None or first.province is None:
        return [], j
    more, end = listed_places(c, skip_to(c, j + 1, first.end), first)
    return [first, *more], end


def shared_place(c: Context, j: int) -> PlaceMention | None:
    """The place of the next body in a list of bodies that share it:
    ``HĐND, UBND tỉnh Quảng Ninh``, ``HĐND-UBND TP Cần Thơ``."""
    s = c.s
    n = len(s.words)
    for _ in range(3):
        if j + 1 >= n or not (s.words[j] in (",", "-", "–") or s.lows[j] in ("và", "&")):
            return None
        found = head_at(c, j + 1)
        if found is None or found[0].type not in ("place", "party", "field") \
                or found[0].type == "field" and found[0].scope != "local":
            return None
        end = found[1]
        if found[0].type == "field":  # Bộ Chỉ huy Quân sự và Sở Y tế tỉnh Hòa Bình
            got = field_at(c, end)
            if not isinstance(got, tuple):
                return None
            end = got[1]
        place, _ = place_at(c, end)
        if isinstance(place, PlaceMention):
            return place
        j = end
    return None


def place_in_name(c: Context, head: Head, name: str, j: int, place: PlaceMention, after: int) -> str | None:
    """The place written the way the name writes it, when it is part of a
    proper name (``Ban Quản lý Khu kinh tế Quảng Ninh``, ``Đồn Biên phòng
    cửa khẩu quốc tế Lào Cai``, ``Viện Pasteur TP Hồ Chí Minh``); None when it
    is the body's own place."""
    s = c.s
    if place.start < 0 or not s.orig[j] <= place.start < (s.orig[after] if after < len(s.words) else 1 << 30):
        return None  # bound from a bare kind word (Ban quản lý khu công nghiệp tỉnh): not part of the name
    low = f" {name.lower()[len(head.display):]} "  # (the head's own words do not count: Khu Quản lý ... TP HCM)
    named = any(f" {w} " in low for w in c.lists["name_place_words"]) \
        or " ".join(head.words) in c.lists["place_name_heads"]
    if place.kind is None:
        if not named:
            return None  # Trung tâm Y tế Đông Anh: the centre of huyện Đông Anh
        if place.level != "province":
            return text_of(c.s, j, after)
        written = text_of(c.s, j, after)
        if not written.startswith(("TP", "Tp")) and not any(w.isupper() for w in written.split()):
            return written  # Chi cục Hải quan cảng Sài Gòn: the port's name as written, not the city's
        kind = "TP" if place.display.startswith("TP ") else ""
    elif not named or place.level != "province":
        return None
    else:
        kind = "TP" if c.s.words[j] in ("TP", "Tp") else " ".join(c.s.words[j:j + len(place.kind.split())])
    if kind == "TP" and name.lower() in c.lists["city_in_full"]:
        kind = "Thành phố"  # Viện Pasteur Thành phố Hồ Chí Minh, its official name
    elif kind == "TP" and head.words[-1] == "viện" and name.lower() not in unit_names():
        kind = "thành phố"  # Viện Kinh tế TP.HCM: the city's own institute (but Viện Sinh học nhiệt đới TP HCM)
    return f"{kind} {place.display.removeprefix('TP ')}".strip()


def court_place(c: Context, k: int) -> PlaceMention | None:
    """The place of the court an article names (the nearest one before
    ``k``, else the first after): a trial's bare ``VKS`` is the procuracy
    of the same place, unless the article names a procuracy with its place.
    With no court named, the police of a place that hands a case over
    (``Công an Lào Cai đề nghị VKS truy tố``) give theirs."""
    s = c.s
    pick = police = None
    for i in range(len(s.words) - 4):
        if s.lows[i] not in ("tòa", "viện", "công", "cơ") or i == k:
            continue
        found = head_at(c, i)
        if found is None:
            continue
        display = found[0].display
        if display == "Công an" or display == "Cơ quan" and _investigates(c, i):
            place = _police_place(c, i, found[1])
            if place is not None and place.level != "ward" and (police is None or i < k):  # (no commune has a VKS)
                police = place
            continue
        if display not in ("Tòa án nhân dân", "Viện kiểm sát nhân dân"):
            continue
        place, _ = place_at(c, found[1])
        if not isinstance(place, PlaceMention) or place.start < 0:
            continue
        if display == "Viện kiểm sát nhân dân":
            return None  # VKS quận Gò Vấp ... VKS: the procuracy the article named
        if pick is None or i < k:
            pick = place
    if pick is not None or police is None or s.lows[k] != "viện" or _at_trial(c, k):
        return pick
    return police


def supreme_trial(c: Context, k: int) -> str | None:
    """The name of the supreme procuracy when the court an article names
    nearest before ``k`` (else first after) is the supreme court: an
    appeal's bare ``VKS`` (``TAND tối cao tại TP HCM ... VKS``) is
    ``Viện kiểm sát nhân dân tối cao tại TP Hồ Chí Minh``."""
    s = c.s
    pick: str | None = None
    seen = False  # a court before k was found (pick is its procuracy, None if not the supreme one)
    for i in range(len(s.words) - 3):
        if s.lows[i] not in ("tòa", "viện") or i == k:
            continue
        found = head_at(c, i)
        if found is not None and found[0].display.startswith("Viện kiểm sát nhân dân") and (
                found[0].display != "Viện kiểm sát nhân dân" or isinstance(place_at(c, found[1])[0], PlaceMention)):
            return None  # the article names its procuracy: a bare VKS is that one (or the court's)
        if found is None or not found[0].display.startswith("Tòa án nhân dân"):
            continue
        supreme = found[0].display == "Tòa án nhân dân tối cao"
        if not supreme and not isinstance(place_at(c, found[1])[0], PlaceMention):
            continue
        seat = ""
        if supreme and s.lows[found[1]:found[1] + 1] == ["tại"] and (m := mention_at(c, found[1] + 1)) is not None:
            seat = f" tại {m.display}"
        name = f"Viện kiểm sát nhân dân tối cao{seat}" if supreme else None
        if i > k:
            return pick if seen else name
        pick, seen = name, True
    return pick


def _at_trial(c: Context, k: int) -> bool:
    """A trial, whose procuracy is the court's, not the police's; or the
    procuracy as one of a list of branches (``công an, VKS, tòa án``)."""
    s = c.s
    if s.words[k - 1:k] in (["("], [","]) or k + 1 < len(s.words) and s.words[k + 1] == ",":
        return True
    return "hđxx" in s.lows or has_pair(c, _TRIAL_PAIRS)


def _investigates(c: Context, i: int) -> bool:
    """``Cơ quan (Cảnh sát / An ninh) điều tra`` at ``i``."""
    return "điều" in c.s.lows[i + 2:i + 5]


def _police_place(c: Context, i: int, j: int) -> PlaceMention | None:
    """The place of the police whose head ends at ``j``: right after it, or
    after an investigating unit's name (``Cơ quan CSĐT Công an tỉnh Phú
    Yên``, ``Cơ quan Cảnh sát điều tra Cà Mau``)."""
    s = c.s
    at = j
    while True:
        place, _ = place_at(c, at)
        if isinstance(place, PlaceMention) and place.start >= 0:
            return place
        if at >= len(s.words) or at - j > 4 or s.lows[at] not in _POLICE_WORDS:
            return None
        at += 1


_TRIAL_PAIRS = frozenset({("bị", "cáo"), ("phiên", "tòa"), ("phiên", "xử"), ("xét", "xử")})
_POLICE_WORDS = frozenset({"cảnh", "sát", "an", "ninh", "điều", "tra", "công"})
