"""The province an outlet covers, for bodies an article names without place.

A provincial paper writes ``UBND tỉnh`` and means its own province.  Papers
called after their province (``Báo Nam Định``, ``Báo Quảng Ninh điện tử``)
need no table; ``data/outlets.tsv`` lists the others and the national ones.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..vietnamese import fold, normalize
from .gazetteer import accent_key, gazetteer, name_key

__all__ = ["home_city_key", "home_province", "home_province_key"]

_PREFIX_RE = re.compile(
    r"^(?:báo\s+điện\s+tử|báo|tạp\s+chí|cổng\s+thông\s+tin\s+điện\s+tử|"
    r"đài\s+phát\s+thanh\s*(?:-|và)\s*truyền\s+hình|đài\s+pt\s*-?\s*th|truyền\s+hình)\s+",
    re.IGNORECASE,
)
_SUFFIX_RE = re.compile(r"\s+(?:điện\s+tử|online|điện\s+tử\s+online)$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str | None], dict[str, str]]:
    """Folded outlet -> home province (None: national); -> its city."""
    table: dict[str, str | None] = {}
    cities: dict[str, str] = {}
    path = Path(__file__).with_name("data") / "outlets.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            outlet, province, *city = line.split("\t")
            table[fold(normalize(outlet))] = None if province.strip() == "-" else province.strip()
            if city and city[0].strip():
                cities[fold(normalize(outlet))] = city[0].strip()
    return table, cities


def _table() -> dict[str, str | None]:
    return _tables()[0]


def _listed(name: str) -> str | None:
    """The folded key under which ``outlets.tsv`` lists an outlet, written
    with or without its ``Báo`` (``Báo Tuổi Trẻ`` is ``Tuổi Trẻ``)."""
    table = _table()
    return next((key for key in (fold(name), fold(_PREFIX_RE.sub("", name))) if key in table), None)


@lru_cache(maxsize=1024)
def home_city_key(source: str | None) -> str | None:
    """The gazetteer key of the city a national outlet means by a bare
    ``TP`` (Tuổi Trẻ's is Ho Chi Minh City), else None."""
    key = _listed(normalize(source).strip()) if source else None
    city = _tables()[1].get(key) if key else None
    return gazetteer().key_of_name.get(city) if city else None


@lru_cache(maxsize=1024)
def home_province_key(source: str | None) -> str | None:
    """The gazetteer key of the outlet's province (None for national outlets)."""
    if not source:
        return None
    gaz = gazetteer()
    name = normalize(source).strip()
    key = _listed(name)
    if key is not None:
        province = _table()[key]
        return gaz.key_of_name.get(province) if province else None
    bare = _SUFFIX_RE.sub("", _PREFIX_RE.sub("", name)).strip()
    if bare == name:
        return None  # not named like a provincial outlet
    return gaz.bare_provinces.get(accent_key(bare)) or gaz.kind_provinces.get(name_key(bare))


def home_province(source: str | None) -> str | None:
    """``Báo Nam Định`` -> ``Nam Định``; national outlets -> None."""
    key = home_province_key(source)
    return gazetteer().province_name(key) if key else None
