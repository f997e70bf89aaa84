"""Agencies, locations and provinces of an article (house style:
``docs/entities.md``).

Pure Python over one token list per article: places first (they resolve the
places inside agency names), then agencies on the abbreviation-expanded
tokens.  The gazetteer and the small tables under ``data/`` load on first use
in each process, so the function is safe to call from a process pool.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime

from ..vietnamese import normalize
from .abbreviations import defined_abbreviations, expand
from .gazetteer import location_province, province_rollup
from .locations import scan_locations
from .outlets import home_city_key, home_province, home_province_key
from .scanning import scan_agencies
from .text import tokenize

__all__ = [
    "Entities",
    "extract_entities",
    "home_province",
    "province_rollup",
    "location_province",
]


# A site's licence line ("Giấy phép số 95/GP-BTTTT do Bộ Thông tin và Truyền
# thông cấp"): footer text that names a ministry the article is not about.
_LICENCE_RE = re.compile(r"Giấy phép[^\n]{0,60}(?:GP-|BTTTT|Bộ Thông tin)", re.IGNORECASE)


@dataclass(frozen=True)
class Entities:
    """Display names, each list by first mention and without duplicates."""

    agencies: list[str] = field(default_factory=list)
    locations: list[str] = field(default_factory=list)
    provinces: list[str] = field(default_factory=list)


def extract_entities(title: str, body: str, source: str | None = None,
                     published: datetime | None = None) -> Entities:
    """Entities of one cleaned article.  ``source`` gives the outlet's home
    province for bodies named without place; ``published`` picks the names
    of the time (before or after the 2025 reorganisation)."""
    text = f"{title or ''}\n{body or ''}"
    if not unicodedata.is_normalized("NFC", text):
        text = normalize(text)  # readers normalise; this guards direct callers
    if "&amp" in text:
        text = text.replace("&amp;", "&").replace("&amp", "&")  # an HTML entity left in some archives
    if "iấy phép" in text:
        text = "\n".join(line for line in text.split("\n") if not _LICENCE_RE.search(line))
    tok = tokenize(text)
    home = home_province_key(source)
    loc = scan_locations(tok, published, home)
    stream = expand(tok, defined_abbreviations(tok), loc.by_start)
    agencies = scan_agencies(stream, loc, published, home, home_city_key(source))
    return Entities(agencies, loc.locations, loc.provinces)
