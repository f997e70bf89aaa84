"""Finding place mentions in the tokens (resolution is ``locations.py``).

A mention is a kind word with a capitalised name (``xã Hải Dương``,
``TP.HCM``, ``quận 3``), a unit listed after one (``các xã Hải Anh, Hải
Xuân``), or a bare name: a province (``Nam Định``) or a district, which only
counts when the article's provinces contain it.  Bare names go through the
checks of ``data/stoplists.json``: streets, rivers, people, clubs, companies
and venues are not places.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from .abbreviations import _table
from .gazetteer import HUE_CITY, Gazetteer, Place, gazetteer, name_key
from .heads import tables
from .text import BREAKS, Tokens

__all__ = ["PlaceMention", "find_mentions", "KIND_LEVEL", "stoplists"]

#: Kind words (token sequences, lower case) and the kind they write.
_KIND_WORDS: dict[tuple[str, ...], str] = {
    ("tỉnh",): "tỉnh", ("thành", "phố"): "thành phố", ("thủ", "đô"): "thủ đô",
    ("huyện",): "huyện", ("quận",): "quận", ("thị", "xã"): "thị xã", ("xã",): "xã",
    ("phường",): "phường", ("thị", "trấn"): "thị trấn", ("đặc", "khu"): "đặc khu",
}
#: Abbreviated kinds, valid only when written in capitals and followed by ".".
_KIND_ABBR = {"TP": "thành phố", "Tp": "thành phố", "Q": "quận", "P": "phường",
              "TX": "thị xã", "TT": "thị trấn", "H": "huyện"}
_FIRST = {words[0] for words in _KIND_WORDS}
_TRIGGERS = frozenset(_FIRST | set(_KIND_ABBR))

#: The level a kind word names ("city": a province or a district).
KIND_LEVEL = {
    "tỉnh": "province", "thủ đô": "province", "thành phố": "city",
    "huyện": "district", "quận": "district", "thị xã": "district",
    "xã": "ward", "phường": "ward", "thị trấn": "ward", "đặc khu": "ward",
}
_HYPHENS = frozenset({"-", "–"})
_APOSTROPHES = frozenset({"'", "’"})


@dataclass(slots=True)
class PlaceMention:
    start: int  # first token (the kind word when there is one)
    end: int  # one past the last token
    kind: str | None  # the kind word as written, canonical ("thành phố" for "TP")
    level: str  # "province", "district" or "ward"
    name: str  # the name as written, display form
    akey: str  # accent key of the name
    candidates: list[Place] = field(default_factory=list)
    province: str | None = None  # resolved province key
    place: Place | None = None  # resolved unit (None for provinces)
    display: str = ""
    loose: bool = False  # bare or listed: needs the article's context to count
    usual_kind: str | None = None  # a bare name's kind where the article writes it with one

    @property
    def shown_kind(self) -> str | None:
        """The kind a unit is named with: as written, else as the article
        writes it elsewhere, else the gazetteer's."""
        return self.kind or self.usual_kind or (self.place.kind if self.place else None)


@lru_cache(maxsize=1)
def stoplists() -> dict[str, frozenset[str]]:
    path = Path(__file__).with_name("data") / "stoplists.json"
    with open(path, encoding="utf-8") as fh:
        raw = json.load(fh)
    return {k: frozenset(v) for k, v in raw.items() if not k.startswith("_")}


@lru_cache(maxsize=1)
def _bare_districts() -> tuple[frozenset[str], dict[str, list[Place]]]:
    """First words of district names, and districts by accent key."""
    districts: dict[str, list[Place]] = {}
    for akey, places in gazetteer().units_accented.items():
        kept = [p for p in places if p.level == "district" and p.era == "legacy"]
        if kept:
            districts[akey] = kept
    firsts = {p[0].name.split()[0].lower() for p in districts.values() if p[0].name}
    firsts.update(districts)  # a name written as one word: Đakrông
    return frozenset(firsts), districts


def agency_acronym(tok: Tokens, i: int) -> bool:
    """The word at ``i`` abbreviates (part of) an agency name (``UBND``,
    ``TDTT``): a place right after it is the body's place."""
    w = tok.words[i]
    return w.isupper() and (w in stoplists()["acronyms_before_place"] or w in _abbreviation_words())


@lru_cache(maxsize=1)
def _abbreviation_words() -> frozenset[str]:
    """Capitalised words of the agency abbreviations (``Sở TDTT Nghệ An``:
    the place after an agency's abbreviation is a place)."""
    return frozenset(w for entries in _table().values() for pattern, _ in entries for w in pattern)


def _kind_at(tok: Tokens, i: int) -> tuple[str, int] | None:
    """The kind word starting at token ``i`` and the index after it."""
    word = tok.words[i]
    n = len(tok.words)
    if word in _KIND_ABBR and i + 1 < n and tok.words[i + 1] == ".":
        return _KIND_ABBR[word], i + 2
    if word in ("TP", "Tp"):
        return "thành phố", i + 1
    if word == "TX" and i + 1 < n and tok.caps[i + 1]:
        return "thị xã", i + 1  # TX Cửa Lò (the name must still be a thị xã of the gazetteer)
    low = tok.lows[i]
    if i + 1 < n:
        kind = _KIND_WORDS.get((low, tok.lows[i + 1]))
        if kind is not None:
            return kind, i + 2
    kind = _KIND_WORDS.get((low,))
    if kind == "xã" and i and tok.lows[i - 1] in ("bà", "ông", "tác", "văn"):
        return None  # bà xã, ông xã: a spouse; hợp tác xã: a cooperative; văn xã: culture and society
    return (kind, i + 1) if kind is not None else None


def _name_words(tok: Tokens, j: int, digits: bool) -> list[int]:
    """Indices of the capitalised words from ``j`` (hyphens skipped, an
    apostrophe joins: ``Cư M'gar``)."""
    out: list[int] = []
    words, caps = tok.words, tok.caps
    n = len(words)
    while j < n and len(out) < 5:
        w = words[j]
        if caps[j] or (digits and not out and w.isdigit()):
            out.append(j)
            j += 1
            if digits and w.isdigit():
                break
            if j + 1 < n and words[j] in _APOSTROPHES and words[j + 1].isalpha():
                out.append(j + 1)
                j += 2
        elif w in _HYPHENS and out and j + 1 < n and caps[j + 1]:
            j += 1
        else:
            break
    return out


def display_name(tok: Tokens, idx: list[int]) -> str:
    parts: list[str] = []
    prev = None
    for k in idx:
        w = tok.words[k]
        if prev is not None and k == prev + 2 and tok.words[k - 1] in _APOSTROPHES:
            parts[-1] += "'" + w
        else:
            if prev is not None and k != prev + 1:
                parts.append("-")
            parts.append(w if w.isupper() or w.isdigit() else w[:1].upper() + w[1:])
        prev = k
    return " ".join(parts)


def _owned(tok: Tokens, start: int, owners: frozenset[str], stop: dict[str, frozenset[str]]) -> bool:
    """True when the name closes the name of a company, club or venue
    (``Công ty Dệt Nam Định``, ``Sân bay Cam Ranh``)."""
    j = start - 1
    lows, caps = tok.lows, tok.caps
    proper = True  # only the words of a proper name so far: a long name may go on
    while j >= 0 and (start - j <= 6 or proper and start - j <= 10):
        low = lows[j]
        if low in ("-", "–") and j and caps[j - 1] and caps[j + 1]:
            j -= 1
            continue  # Bệnh viện Hữu nghị Việt Nam - Cu Ba Đồng Hới
        if low in BREAKS or low in stop["walk_back_stop"] or not low.isalnum() \
                or j and f"{lows[j - 1]} {low}" in stop["walk_back_stop"]:
            return False
        if low in owners or (j and f"{lows[j - 1]} {low}" in owners) \
                or (j > 1 and f"{lows[j - 2]} {lows[j - 1]} {low}" in owners):
            return True
        proper = proper and (caps[j] or j > 0 and caps[j - 1])  # Hữu nghị: still one name
        j -= 1
    return False


def _bare_ok(tok: Tokens, start: int, end: int, level: str, stop: dict[str, frozenset[str]]) -> bool:
    """A capitalised name without kind word: reject streets, rivers, people,
    clubs, companies and longer proper names it is only part of."""
    words, lows, caps = tok.words, tok.lows, tok.caps
    if start > 0:
        p = lows[start - 1]
        if p in stop["not_place_before"] and not (start > 1 and f"{lows[start - 2]} {p}" in stop["place_before_pairs"]):
            return False  # (but Chi cục thú y Hà Nội: not Đại học Y Hà Nội)
        if start > 1 and f"{lows[start - 2]} {p}" in stop["not_place_before"]:
            return False
        if caps[start - 1] and p in stop["person_name_parts"]:
            return False
        if len(words[start - 1]) > 1 and words[start - 1].isupper() and not agency_acronym(tok, start - 1):
            return False  # HA Gia Lai, SHB Đà Nẵng: a club or a company
        if words[start - 1].isdigit() and (start == 1 or lows[start - 2] in (",", "số", "nhà", "\n")):
            return False  # "số 2 Hải Phòng", ", 2 Hải Phòng": a house on a street named after it
        if _road_end(tok, start, stop):
            return False
    if _owned(tok, start, stop["name_owners"], stop):
        return False
    if level == "district" and _owned(tok, start, stop["district_owners"], stop):
        return False
    if end < len(words):
        if caps[end] and not words[end].isupper():
            # Part of a longer name (Thái Bình Dương) unless a person's name
            # follows (Sở Y tế Hà Nội Nguyễn Văn A).
            if lows[end] not in stop["surnames"] or end + 1 >= len(words) or not caps[end + 1]:
                return False
        if lows[end] in stop["not_place_after"] or " ".join(lows[start:end + 1]) in stop["place_compounds"]:
            return False
        if level == "province" and words[end] == "," and _foreign_region_at(tok, end + 1):
            return False  # Trịnh Châu (Hà Nam, Trung Quốc)
    return True


_REGION_WORDS = frozenset({"miền", "phía", "vùng", "tây", "đông", "nam", "bắc", "trung"})


def _foreign_region_at(tok: Tokens, k: int) -> bool:
    """A foreign country, maybe after a region of it (``miền Trung Trung
    Quốc``), starts at ``k``: the province before it is that country's."""
    for j in range(k, min(k + 4, len(tok.words))):
        if _foreign_at(tok, j):
            return True
        if tok.lows[j] not in _REGION_WORDS:
            return False
    return False


def _foreign_at(tok: Tokens, k: int) -> bool:
    """A foreign country's name starts at ``k``."""
    lists = tables()[2]
    lows = tok.lows
    if any("".join(lows[k:k + size]) in gazetteer().bare_provinces for size in (2, 3)):
        return False  # Lào Cai is no Laos
    if k >= len(lows) or not tok.caps[k]:
        return False
    if k + 1 < len(lows) and f"{lows[k]} {lows[k + 1]}" in lists["foreign_pairs"]:
        return True
    return lows[k] in lists["foreign_after"] and not (
        k + 1 < len(lows) and tok.caps[k + 1] and tok.words[k + 1].isalpha())  # Đức Linh is no Germany


def _match_after_kind(tok: Tokens, gaz: Gazetteer, i: int, kind: str, level: str,
                      idx: list[int], published: datetime | None) -> PlaceMention | None:
    for k in range(len(idx), 0, -1):
        words = idx[:k]
        key = "".join(tok.fold(w) for w in words)
        name = display_name(tok, words)
        akey = "".join(tok.lows[w] for w in words)
        end = words[-1] + 1
        if level in ("province", "city"):
            prov = gaz.kind_provinces.get(key)
            if prov is not None and (level == "province" or gaz.is_city(prov, published)
                                     or key not in gaz.units):
                return PlaceMention(i, end, kind, "province", name, akey, province=prov)
            if level == "province":
                continue
        want = "ward" if level == "ward" else "district"
        cands = [p for p in gaz.units.get(key, ()) if p.level == want]
        if cands:
            return PlaceMention(i, end, kind, want, name, akey, cands)
    return None


def _road(tok: Tokens, start: int, end: int, stop: dict[str, frozenset[str]]) -> bool:
    """A place that starts a road's name (``cao tốc TPHCM - Long Thành``,
    ``quốc lộ Hà Nội - Lạng Sơn``): a road word before, a dash after."""
    lows = tok.lows
    before = start and (lows[start - 1] in stop["road_words"]
                        or start > 1 and f"{lows[start - 2]} {lows[start - 1]}" in stop["road_words"])
    return bool(before) and end < len(lows) and lows[end] in ("-", "–")


def _road_end(tok: Tokens, start: int, stop: dict[str, frozenset[str]]) -> bool:
    """A place that ends a road's or a railway's name (``đường sắt Cát Linh -
    Hà Đông``, ``cao tốc Hà Nội - Bắc Giang``): a dash before, and the first
    end's name after a road word."""
    lows, caps = tok.lows, tok.caps
    if start < 3 or lows[start - 1] not in ("-", "–"):
        return False
    j = start - 2
    while j > 0 and caps[j] and start - j <= 6:
        j -= 1
    return j < start - 2 and (lows[j] in stop["road_words"]
                              or j > 0 and f"{lows[j - 1]} {lows[j]}" in stop["road_words"])


def _trailing_person(tok: Tokens, end: int, stop: dict[str, frozenset[str]]) -> bool:
    """Capitalised words right after a unit's name that are not a person's
    name: the name was longer (``bà xã Phan Mạnh Quỳnh``)."""
    if end >= len(tok.words) or not tok.caps[end] or tok.words[end].isupper():
        return False
    return tok.lows[end] not in stop["surnames"]


def _listed(tok: Tokens, gaz: Gazetteer, m: PlaceMention) -> list[PlaceMention]:
    """Units listed after a kind mention: ``xã Hải Anh, Hải Xuân và Hải Đông``."""
    out: list[PlaceMention] = []
    words = tok.words
    j = m.end
    n = len(words)
    while j + 1 < n and (words[j] == "," or tok.lows[j] == "và"):
        idx = _name_words(tok, j + 1, digits=m.kind in ("quận", "phường"))
        if not idx:
            break
        key = "".join(tok.fold(w) for w in idx)
        units = gaz.units.get(key, ())
        cands = [p for p in units if p.level == m.level]
        if not cands or key in gaz.kind_provinces:
            break
        end = idx[-1] + 1
        if m.level == "ward" and any(p.level == "district" for p in units) and not (
                end + 1 < n and (words[end] == "," or tok.lows[end] == "và") and _kind_at(tok, end + 1) is None
                and "".join(tok.fold(w) for w in _name_words(tok, end + 1, False)) not in gaz.kind_provinces):
            break  # "xã A, Thốt Nốt, Cần Thơ", "xã A, Mỹ Tho, tỉnh Tiền Giang": the district of A
        # "thành phố Huế, A Lưới": a listed unit of another kind keeps its own.
        kind = m.kind if any(p.kind in (m.kind, None) for p in cands) else None
        out.append(PlaceMention(j + 1, end, kind, m.level, display_name(tok, idx),
                                "".join(tok.lows[w] for w in idx), cands, loose=True))
        j = end
    return out


def find_mentions(tok: Tokens, published: datetime | None
                  ) -> tuple[list[PlaceMention], list[tuple[int, str]]]:
    """Place mentions in text order, and bare ``tỉnh``/``thành phố`` words."""
    gaz = gazetteer()
    stop = stoplists()
    dist_firsts, bare_districts = _bare_districts()
    prov_firsts = gaz.bare_firsts
    hue = published is not None and published.replace(tzinfo=None) >= HUE_CITY
    mentions: list[PlaceMention] = []
    bare_kinds: list[tuple[int, str]] = []
    words, lows, caps = tok.words, tok.lows, tok.caps
    n = len(words)
    i = 0
    while i < n:
        found = _kind_at(tok, i) if (lows[i] in _TRIGGERS or words[i] in _TRIGGERS) else None
        if found is not None:
            kind, j = found
            if j < n and kind == "huyện" and lows[j] == "đảo":
                j += 1
            idx = _name_words(tok, j, digits=kind in ("quận", "phường"))
            m = _match_after_kind(tok, gaz, i, kind, KIND_LEVEL[kind], idx, published)
            if m is not None and m.level == "province" and (
                    _owned(tok, i, stop["kind_name_owners"], stop) or _road(tok, i, m.end, stop)
                    or m.end + 1 < n and words[m.end] == "," and _foreign_region_at(tok, m.end + 1)):
                m = None  # Sở Giao dịch Chứng khoán TPHCM, cao tốc TPHCM - Long Thành, tỉnh Hà Nam, Trung Quốc
            if m is not None and not (m.level != "province" and _trailing_person(tok, m.end, stop)):
                mentions.append(m)
                if m.level != "province":
                    mentions.extend(_listed(tok, gaz, m))
                i = mentions[-1].end
                continue
            if not idx and kind in ("tỉnh", "thành phố") and words[i] not in _KIND_ABBR:
                before = lows[i - 1] if i else ""
                after = lows[j] if j < n else ""
                if before not in stop["bare_kind_not_before"] and after not in stop["bare_kind_not_after"]:
                    bare_kinds.append((i, kind))
            i = j if not idx else i + 1
            continue
        if caps[i] and (lows[i] in prov_firsts or lows[i] in dist_firsts or (hue and lows[i] == "huế")):
            m = _match_bare(tok, gaz, i, dist_firsts, bare_districts, stop, hue)
            if m is not None:
                mentions.append(m)
                i = m.end
                continue
        i += 1
    return mentions, bare_kinds


def _match_bare(tok: Tokens, gaz: Gazetteer, i: int, dist_firsts: frozenset[str],
                bare_districts: dict[str, list[Place]], stop: dict[str, frozenset[str]],
                hue: bool) -> PlaceMention | None:
    idx = _name_words(tok, i, digits=False)
    for k in range(min(len(idx), 4), 0, -1):
        words = idx[:k]
        akey = "".join(tok.lows[w] for w in words)
        prov = gaz.bare_provinces.get(akey) or ("thanhphohue" if hue and akey == "huế" else None)
        end = words[-1] + 1
        if prov is not None:
            if k == 1 and not tok.words[i].isupper() and akey not in ("daklak", "kontum", "huế"):
                continue
            if i and tok.caps[i - 1] and tok.words[i - 1].isalpha() and not tok.words[i - 1].isupper() \
                    and name_key(" ".join(tok.words[i - 1:end])) in gaz.units:
                return None  # Hiệp Bình Phước: a ward whose name ends like a province
            if _bare_ok(tok, i, end, "province", stop):
                return PlaceMention(i, end, None, "province", display_name(tok, words), akey,
                                    province=prov)
            return None
        if tok.lows[i] in dist_firsts and akey in bare_districts and (
                k >= 2 or " " in (bare_districts[akey][0].name or "")):  # Đakrông
            if _bare_ok(tok, i, end, "district", stop):
                return PlaceMention(i, end, None, "district", display_name(tok, words), akey,
                                    list(bare_districts[akey]), loose=True)
            return None
    return None
