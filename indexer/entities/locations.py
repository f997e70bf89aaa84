"""Resolving place mentions to units and provinces, and naming them.

A lower unit is resolved by, in order: the unit it is chained to (``xã A,
huyện B, tỉnh C``), the article's era (before or after the 2025
reorganisation), the kind word, the provinces the article names or the
outlet covers, and the spelling.  A mention that stays ambiguous between
provinces is dropped, and so is a bare or listed name outside the article's
provinces: a wrong place costs more than a missing one in a facet.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from .gazetteer import REFORM_2025, Gazetteer, Place, gazetteer
from .heads import DASH, tables
from .mentions import KIND_LEVEL, PlaceMention, agency_acronym, find_mentions, stoplists
from .text import Tokens

__all__ = ["PlaceMention", "LocationScan", "scan_locations", "KIND_LEVEL"]

_CONNECTORS = frozenset({",", "(", ")", "-", "–", "thuộc", "của"})
_ORDER = {"ward": 0, "district": 1, "province": 2}


@dataclass(slots=True)
class LocationScan:
    mentions: list[PlaceMention]  # resolved only, in text order
    bare_kinds: list[tuple[int, str]]  # ("tỉnh"/"thành phố" without a name)
    locations: list[str]
    provinces: list[str]  # display names
    province_keys: list[str]
    by_start: dict[int, PlaceMention]
    covered: frozenset[int]  # tokens inside resolved mentions
    football: bool = False  # a football report: its bare place names are clubs


@lru_cache(maxsize=65536)
def _akey(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isalnum())


def _chains(tok: Tokens, mentions: list[PlaceMention]) -> list[int | None]:
    """For each mention, the index of the next mention it is chained to
    (``xã A, huyện B``): only connectors in between, and a higher level."""
    nxt: list[int | None] = [None] * len(mentions)
    for a in range(len(mentions) - 1):
        m, o = mentions[a], mentions[a + 1]
        gap = range(m.end, o.start)
        if len(gap) <= 2 and all(tok.lows[g] in _CONNECTORS for g in gap) \
                and _ORDER[o.level] > _ORDER[m.level]:
            nxt[a] = a + 1
    return nxt


def _in_foreign_list(tok: Tokens, m: PlaceMention, starts: set[int], covered: set[int]) -> bool:
    """A bare district among other capitalised names that are not places
    (``gồm Chu Văn An, Cầu Giấy, Nghĩa Tân``: schools)."""
    for j, k in ((m.start - 1, m.start - 2), (m.end, m.end + 1)):
        if 0 <= k < len(tok.words) and 0 <= j and (tok.words[j] == "," or tok.lows[j] == "và"):
            if tok.caps[k] and k not in covered and k not in starts:
                return True
    return False


def _resolve(mentions: list[PlaceMention], tok: Tokens, gaz: Gazetteer,
             published: datetime | None, home: str | None) -> None:
    """Resolve districts first, then wards, so that the provinces of the
    districts an article names are context for its communes."""
    named: dict[str, int] = {}
    for m in mentions:
        if m.level == "province" and m.province:
            named[m.province] = named.get(m.province, 0) + 1
    new_era = published is not None and published.replace(tzinfo=None) >= REFORM_2025
    nxt = _chains(tok, mentions)
    starts = {m.start for m in mentions}
    covered = {t for m in mentions for t in range(m.start, m.end)}
    for level in ("district", "ward"):
        rolled = {gaz.rollup(p) for p in named}
        for a in range(len(mentions) - 1, -1, -1):
            m = mentions[a]
            if m.level != level:
                continue
            up = mentions[nxt[a]] if nxt[a] is not None else None
            if up is not None and up.province is None:
                up = None

            def score(p: Place, ward: bool = level == "ward") -> tuple[int, ...]:
                chain = 0
                if up is not None:
                    if up.place is not None and p.district and up.place.district == p.district:
                        chain = 2
                    elif p.province == up.province:
                        chain = 1
                era = int((p.era == "2025") == new_era)
                kind = 1 if m.kind is None or p.kind is None else (2 if p.kind == m.kind else 0)
                ctx = 2 if p.province in named else int(gaz.rollup(p.province) in rolled)
                accent = 1 if p.name is None else (2 if _akey(p.name) == m.akey else 0)
                if ward:  # a commune's kind changes over the years (xã, thị trấn, phường): the article's
                    return chain, era, ctx, kind, int(p.province == home), named.get(p.province, 0), accent
                # provinces say more; a district's kind does not change (thị xã Hoàng Mai is Nghệ An's)
                return chain, era, kind, ctx, int(p.province == home), named.get(p.province, 0), accent

            scored = [(score(p), p) for p in m.candidates]
            best = max(s for s, _ in scored)
            top = [p for s, p in scored if s == best]
            if len({p.province for p in top}) != 1:
                continue
            if m.loose and best[0] == 0 and best[2 if level == "ward" else 3] == 0 and best[4] == 0:
                continue  # a bare or listed name outside the article's provinces
            if m.kind is None and best[0] == 0 and _in_foreign_list(tok, m, starts, covered):
                continue
            named_places = [p for p in top if p.name]
            m.place = named_places[0] if named_places else top[0]
            m.province = top[0].province
        if level == "district":
            for m in mentions:
                if m.level == "district" and m.province:
                    named[m.province] = named.get(m.province, 0) + 1


def _chained(tok: Tokens, found: list[PlaceMention]) -> set[int]:
    """Mentions next to another with only a comma or a bracket between
    (``Bình Liêu, Quảng Ninh``): an address, not a club."""
    out: set[int] = set()
    for i in range(len(found) - 1):
        gap = range(found[i].end, found[i + 1].start)
        if 1 <= len(gap) <= 2 and all(tok.lows[g] in _CONNECTORS and tok.lows[g] not in DASH for g in gap):
            out.update((i, i + 1))  # (not a dash: Bình Dương - Bình Định 1-0 is a match)
    return out


def _after_a_body(tok: Tokens, start: int) -> bool:
    """The place closes an agency's name (``Sở Công an Hà Nội``, ``Sở TDTT
    Nam Định``): an agency's acronym right before it, or an agency's head
    a few words before with nothing but its name in between."""
    if agency_acronym(tok, start - 1):
        return True
    heads = tables()[0]
    for k in range(start - 1, max(-1, start - 6), -1):
        if not tok.words[k].isalnum():
            return False
        if tok.caps[k] and tok.lows[k] in heads and tok.lows[k] not in ("đội", "trung"):
            return not (k + 2 == start and tok.lows[k] == "công" and tok.lows[k + 1] == "an")
        # (Công an Hà Nội in a football report is the club; Sở Công an Hà Nội is not)
    return False


def _football(tok: Tokens) -> bool:
    """A football report: its bare province names are clubs (``thua 0-1 trước
    Bình Dương``, ``Than Quảng Ninh``), so only places with a kind word or
    after ``tại``/``ở`` count."""
    text = f" {' '.join(tok.lows)} "
    return sum(f" {w} " in text for w in stoplists()["football_words"]) >= 3


def _former_province(tok: Tokens, mentions: list[PlaceMention], gaz: Gazetteer,
                     published: datetime | None) -> None:
    """An article of its time that names a province since dissolved (``Hà
    Tây``, part of Hà Nội from 2008): the units it ties to that province
    (``huyện Thường Tín, Hà Tây`` and the communes of that district) are
    shown under it, as the article's readers knew them.  Without such a tie,
    when the article never names the province it became part of, its rural
    units (huyện, thị xã, xã, thị trấn) are the former province's."""
    for key, (parent, until) in gaz.historical.items():
        if published is not None and published.replace(tzinfo=None) >= until:
            continue
        named = [i for i, m in enumerate(mentions) if m.level == "province" and m.province == key]
        if not named:
            continue
        tied: set[str] = set()
        for i in named:
            for j in (i - 1, i + 1):
                if 0 <= j < len(mentions) and mentions[j].province == parent and mentions[j].level != "province":
                    a, b = sorted((mentions[j], mentions[i]), key=lambda m: m.start)
                    if all(tok.lows[g] in _CONNECTORS for g in range(a.end, b.start)):
                        tied.add(_district_of(mentions[j]))
        parent_named = any(m.level == "province" and m.province == parent for m in mentions)
        for m in mentions:
            if m.province != parent or m.level == "province":
                continue
            if _district_of(m) in tied or not parent_named and m.shown_kind in _RURAL_KINDS:
                m.province = key


_RURAL_KINDS = frozenset({"huyện", "thị xã", "xã", "thị trấn"})


def _district_of(m: PlaceMention) -> str:
    """The key of the district a unit is (or is in)."""
    if m.place is None:
        return m.akey
    return (m.place.district or m.akey) if m.level == "ward" else m.akey


def scan_locations(tok: Tokens, published: datetime | None = None,
                   home: str | None = None) -> LocationScan:
    """Find, resolve and name the places of one article (``home`` is the
    outlet's province key)."""
    gaz = gazetteer()
    found, bare_kinds = find_mentions(tok, published)
    football = _football(tok)
    if football:
        after = stoplists()["football_places_after"]
        chained = _chained(tok, found)
        found = [m for i, m in enumerate(found) if m.kind is not None or i in chained
                 or m.start and (tok.lows[m.start - 1] in after or _after_a_body(tok, m.start))]
    _resolve(found, tok, gaz, published, home)
    mentions = [m for m in found if m.province is not None]
    _former_province(tok, mentions, gaz, published)
    # A unit written once with its kind keeps that kind where the article
    # names it bare (quận Thủ Đức ... TAND Thủ Đức: not today's thành phố).
    written = {(m.province, m.level, m.akey): m.kind for m in mentions
               if m.kind and m.place is not None and m.level != "province"}
    for m in mentions:
        if m.kind is None and m.place is not None:
            m.usual_kind = written.get((m.province, m.level, m.akey))
    locations: list[str] = []
    provinces: list[str] = []
    keys: list[str] = []
    seen: set[str] = set()

    def add_province(key: str) -> None:
        name = gaz.province_name(key, published)
        if name not in seen:
            seen.add(name)
            locations.append(name)
        if name not in provinces:
            provinces.append(name)
            keys.append(key)

    for m in mentions:
        assert m.province is not None
        prov_name = gaz.province_name(m.province, published)
        if m.level == "province":
            m.display = prov_name
            add_province(m.province)
            continue
        kind = m.shown_kind or ""
        # The gazetteer's spelling when it knows the unit (Đa Krông, Đăk Glong).
        name = m.place.name if m.place and m.place.name else m.name
        m.display = f"{kind} {name}, {prov_name}".strip()
        if m.display not in seen:
            seen.add(m.display)
            locations.append(m.display)
        add_province(m.province)
    if bare_kinds and home is not None and not keys:
        add_province(home)
    covered = frozenset(t for m in mentions for t in range(m.start, m.end))
    return LocationScan(mentions, bare_kinds, locations, provinces, keys,
                        {m.start: m for m in mentions}, covered, football)
