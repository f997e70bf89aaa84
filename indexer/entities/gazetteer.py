"""Vietnam's administrative units, loaded from the ``vietnamadminunits`` data.

The package's JSON files are read directly (its parser modules import geopy
and shapely and cost seconds), once per process and lazily, so a worker of a
process pool loads them on first use.  Everything is indexed by the folded
name without spaces, the form the package's own keywords use, which also
carries the names of units merged away before 2025 (``huyenmyloc``,
``xahaiduong``): an archive article names units as they were then.
"""

from __future__ import annotations

import importlib.util
import json
import re
import threading
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..vietnamese import fold, normalize

__all__ = [
    "Place",
    "Gazetteer",
    "gazetteer",
    "province_rollup",
    "location_province",
    "name_key",
    "accent_key",
    "REFORM_2025",
    "HUE_CITY",
]

#: The day the 34 provinces started (units were named the old way before).
REFORM_2025 = datetime(2025, 7, 1)
#: Huế became a centrally-run city, leaving the name Thừa Thiên Huế.
HUE_CITY = datetime(2025, 1, 1)

_DATA = Path(__file__).with_name("data")

# Package keyword prefixes (folded) and the unit kind they stand for.
_PREFIXES = {
    "huyen": "huyện",
    "quan": "quận",
    "thixa": "thị xã",
    "tx": "thị xã",
    "thanhpho": "thành phố",
    "tp": "thành phố",
    "xa": "xã",
    "phuong": "phường",
    "thitran": "thị trấn",
    "tt": "thị trấn",
}
_DISTRICT_KINDS = frozenset({"huyện", "quận", "thị xã", "thành phố"})


@dataclass(frozen=True, slots=True)
class Place:
    """One way a unit can be named.  ``name`` is None for a former name the
    package keeps only folded (the article's spelling is used then)."""

    level: str  # "district" or "ward"
    kind: str | None  # "huyện", "xã"...; None when the former kind is unknown
    name: str | None
    province: str  # the package's province key
    district: str | None  # district key (legacy units only)
    era: str  # "legacy" (before 7/2025), "2025", or "former" (merged away)


def name_key(text: str) -> str:
    """Folded, without spaces or hyphens: the key every index here uses."""
    return "".join(ch for ch in fold(text) if ch.isalnum())


def accent_key(text: str) -> str:
    """Lower case with diacritics kept, without spaces or hyphens."""
    return "".join(ch for ch in normalize(text).lower() if ch.isalnum())


def _short(short: str, kind: str) -> str:
    """The name without its kind: the package writes numbered units in full
    (``Quận 1``, ``Phường 12``)."""
    short = normalize(short)
    if short.lower().startswith(kind + " ") and short[len(kind) + 1:].isdigit():
        return short[len(kind) + 1:]
    return short


def _package_data_dir() -> Path:
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the gazetteer package vietnamadminunits is not installed")
    return Path(list(spec.submodule_search_locations)[0]) / "data"


def _load(name: str) -> dict[str, Any]:
    with open(_package_data_dir() / name, encoding="utf-8") as fh:
        return json.load(fh)


def _split_keyword(keyword: str, keywords: set[str]) -> tuple[str | None, str]:
    """``huyenmyloc`` -> ("huyện", "myloc") when ``myloc`` is a keyword too;
    names that merely start like a prefix (``quanguyen``) stay whole."""
    for prefix, kind in _PREFIXES.items():
        if keyword.startswith(prefix) and keyword[len(prefix):] in keywords:
            return kind, keyword[len(prefix):]
    return None, keyword


class Gazetteer:
    """Indexes over provinces and lower units (built once, read-only)."""

    def __init__(self) -> None:
        legacy = _load("parser_legacy.json")
        new = _load("parser_from_2025.json")
        converter = _load("converter_2025.json")
        with open(_DATA / "places.json", encoding="utf-8") as fh:
            extra = json.load(fh)

        #: province key -> display name before 2025 (as papers name it).
        self.province_names: dict[str, str] = {}
        #: province key -> display name from 2025 on (the 34 and the old ones).
        self.province_names_2025: dict[str, str] = {}
        #: province key -> key of the 2025 province it belongs to.
        self.rollup_key: dict[str, str] = {}
        #: provinces dissolved before the legacy list: key -> (legacy province it joined, the day it ceased)
        self.historical: dict[str, tuple[str, datetime]] = {}
        self.cities: frozenset[str] = frozenset(extra["cities"])
        self.cities_2025: frozenset[str] = self.cities | frozenset(extra["cities_from_2025"])
        #: accent key -> province key, for names that count without a kind word.
        self.bare_provinces: dict[str, str] = {}
        #: folded key -> province key, for names after "tỉnh"/"thành phố".
        self.kind_provinces: dict[str, str] = {}
        #: folded key -> places (districts and wards, all eras).
        self.units: dict[str, list[Place]] = {}

        for key, info in legacy["DICT_PROVINCE"].items():
            short = normalize(info["provinceShort"])
            self.province_names[key] = extra["display"].get(key, short)
            self.province_names_2025[key] = extra["display_from_2025"].get(key, self.province_names[key])
            self.bare_provinces[accent_key(short)] = key
            self.kind_provinces[name_key(short)] = key
        for new_key, old_keys in converter["DICT_PROVINCE"].items():
            for old in old_keys:
                self.rollup_key[old] = new_key
        for key, info in extra["historical"].items():
            self.province_names[key] = self.province_names_2025[key] = normalize(info["name"])
            self.rollup_key[key] = self.rollup_key[info["part_of"]]
            self.historical[key] = (info["part_of"], datetime.fromisoformat(info["until"]))
        for form, info in extra["province_aliases"].items():
            if info["bare"]:
                self.bare_provinces[accent_key(form)] = info["key"]
            else:  # Hồ Chí Minh alone is the person; Huế alone the city
                self.bare_provinces.pop(accent_key(form), None)
            self.kind_provinces[name_key(form)] = info["key"]
        #: Lower-case first words of those names (a cheap test before lookups).
        self.bare_firsts: frozenset[str] = frozenset(
            re.split(r"[\s.\-–]+", normalize(form).lower())[0]
            for form in [*(normalize(i["provinceShort"]) for i in legacy["DICT_PROVINCE"].values()),
                         *(f for f, i in extra["province_aliases"].items() if i["bare"])]
        )

        self._load_legacy_units(legacy)
        for unit in extra["former_districts"]:
            name = normalize(unit["name"])
            self._add(name_key(name), Place("district", unit["kind"], name, unit["province"], unit["district"],
                                            "legacy"))
        self._load_2025_units(new)
        # Accent-exact index over the units whose spelling is known.
        self.units_accented: dict[str, list[Place]] = {}
        for places in self.units.values():
            for place in places:
                if place.name:
                    self.units_accented.setdefault(accent_key(place.name), []).append(place)

        # Every display name a province may carry -> its key.
        self.key_of_name: dict[str, str] = {}
        for key in self.province_names:
            self.key_of_name[self.province_names[key]] = key
            self.key_of_name.setdefault(self.province_names_2025[key], key)

    def _add(self, key: str, place: Place) -> None:
        bucket = self.units.setdefault(key, [])
        if place not in bucket:
            bucket.append(place)

    def _load_legacy_units(self, legacy: dict[str, Any]) -> None:
        for prov, districts in legacy["DICT_PROVINCE_DISTRICT"].items():
            for dkey, info in districts.items():
                kind = normalize(info["districtType"]).lower()
                name = _short(info["districtShort"], kind)
                self._add(name_key(name), Place("district", kind, name, prov, dkey, "legacy"))
                self._add_keywords(info["districtKeywords"], "district", kind, name, prov, dkey)
        for prov, districts in legacy["DICT_PROVINCE_DISTRICT_WARD_NO_ACCENTED"].items():
            for dkey, wards in districts.items():
                for info in wards.values():
                    if not isinstance(info.get("wardType"), str):
                        continue  # island districts without wards
                    kind = normalize(info["wardType"]).lower()
                    name = _short(info["wardShort"], kind)
                    self._add(name_key(name), Place("ward", kind, name, prov, dkey, "legacy"))
                    self._add_keywords(info["wardKeywords"], "ward", kind, name, prov, dkey)
        for prov, districts in legacy["DICT_PROVINCE_DISTRICT_WARD_ACCENTED"].items():
            for dkey, wards in districts.items():
                for info in wards.values():
                    kind = normalize(info["wardType"]).lower()
                    name = _short(info["wardShort"], kind)
                    self._add(name_key(name), Place("ward", kind, name, prov, dkey, "legacy"))
        for prov, divided in legacy["DICT_PROVINCE_DISTRICT_DIVIDED"].items():
            for old_key, info in divided.items():
                keywords = set(info["dividedDistrictKeywords"])
                old_kind, _ = _split_keyword(old_key, keywords | {old_key[len(p):] for p in _PREFIXES})
                for kw in keywords:
                    kind, bare = _split_keyword(kw, keywords)
                    self._add(bare, Place("district", kind or old_kind, None, prov, None, "former"))
                for new_dkey, sub in info["districts"].items():
                    words = set(sub["wardKeywords"])
                    for kw in words:
                        kind, bare = _split_keyword(kw, words)
                        self._add(bare, Place("ward", kind, None, prov, new_dkey, "former"))

    def _add_keywords(self, keywords: list[str], level: str, kind: str, name: str,
                      prov: str, dkey: str) -> None:
        words = set(keywords)
        own = name_key(name)
        for kw in words:
            if not kw.isascii():
                continue
            k, bare = _split_keyword(kw, words)
            if bare == own or len(bare) < 3 or not bare.isalpha() and level == "district":
                continue
            if k is not None and (k in _DISTRICT_KINDS) != (level == "district"):
                continue
            if k is None and len(bare) < 4:
                continue
            self._add(bare, Place(level, k, None, prov, dkey if level == "ward" else None, "former"))

    def _load_2025_units(self, new: dict[str, Any]) -> None:
        for prov, wards in new["DICT_PROVINCE_WARD_NO_ACCENTED"].items():
            for info in wards.values():
                kind = normalize(info["wardType"]).lower()
                name = _short(info["wardShort"], kind)
                self._add(name_key(name), Place("ward", kind, name, prov, None, "2025"))
        for prov, wards in new["DICT_PROVINCE_WARD_ACCENTED"].items():
            for info in wards.values():
                kind = normalize(info["wardType"]).lower()
                name = _short(info["wardShort"], kind)
                self._add(name_key(name), Place("ward", kind, name, prov, None, "2025"))

    # -- names ----------------------------------------------------------------

    def province_name(self, key: str, published: datetime | None = None) -> str:
        """The province's display name as it was called at ``published``."""
        if published is not None and _naive(published) >= HUE_CITY:
            return self.province_names_2025[key]
        return self.province_names[key]

    def is_city(self, key: str, published: datetime | None = None) -> bool:
        """Centrally-run city: its bodies are written ``thành phố X``."""
        if published is not None and _naive(published) >= HUE_CITY:
            return key in self.cities_2025
        return key in self.cities

    def rollup(self, key: str) -> str:
        """Key of the 2025 province a province key belongs to."""
        return self.rollup_key.get(key, key)


def _naive(moment: datetime) -> datetime:
    return moment.replace(tzinfo=None) if moment.tzinfo else moment


_LOCK = threading.Lock()
_INSTANCE: Gazetteer | None = None


def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built on first use (about 0.3 s)."""
    global _INSTANCE
    if _INSTANCE is None:
        with _LOCK:
            if _INSTANCE is None:
                _INSTANCE = Gazetteer()
    return _INSTANCE


@lru_cache(maxsize=4096)
def province_rollup(province: str) -> str:
    """The 2025 province a province display name now belongs to
    (``Nam Định`` -> ``Ninh Bình``); unknown names come back unchanged."""
    gaz = gazetteer()
    name = normalize(province).strip()
    key = gaz.key_of_name.get(name) or gaz.bare_provinces.get(accent_key(name))
    if key is None:
        key = gaz.kind_provinces.get(name_key(name))
    if key is None:
        return name
    return gaz.province_names_2025[gaz.rollup(key)]


@lru_cache(maxsize=16384)
def location_province(location: str) -> str | None:
    """The province a location display name lies in: the part after the last
    comma of a lower unit, or the name itself for a province."""
    gaz = gazetteer()
    name = normalize(location).strip()
    if ", " in name:
        name = name.rsplit(", ", 1)[1]
    return name if name in gaz.key_of_name else None
