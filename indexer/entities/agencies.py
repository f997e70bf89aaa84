"""State bodies named in an article, written the house way.

A body starts with a head (``Sở``, ``Ủy ban nhân dân``, ``Cục``... see
``data/agency_heads.tsv``) on the abbreviation-expanded token stream.  What
follows depends on the head: a field (``Sở`` + ``Tài chính``), a free name
read up to a verb or preposition (``Viện`` + ``Nghiên cứu và Phát triển
vùng``), a place (``Ủy ban nhân dân`` + ``tỉnh Nam Định``), or a parent body
(``Phòng Cảnh sát giao thông`` + ``Công an tỉnh Nam Định``).  Plural and
generic mentions (``UBND các huyện``, ``Hội đồng ... cấp huyện``) are dropped.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from ..vietnamese import fold
from .abbreviations import Stream
from .binding import GENERIC, Context, bind, forms, kind_at, mention_at, place_at
from .gazetteer import gazetteer
from .locations import LocationScan, PlaceMention
from .text import tokenize

__all__ = ["scan_agencies"]

_DATA = Path(__file__).with_name("data")
_SKIP = frozenset({",", "-", "–"})
_DASH = frozenset({"-", "–"})
_JOIN = frozenset({"và", "&", ",", "-", "–", "/"})
_NATIONAL_MARKS = ("quốc gia", "trung ương", "việt nam", "nhà nước", "chính phủ", "quốc hội")
# Letters no Vietnamese syllable has: a foreign name (Vụ Watergate).
_FOREIGN_LETTERS = re.compile(r"[fjwzFJWZ]")
_NAME_ENDS = frozenset({("việt", "nam"), ("trung", "ương")})
_PARTY_KIND = {"tỉnh ủy": "tỉnh", "tỉnh đoàn": "tỉnh", "thành ủy": "thành phố",
               "thành đoàn": "thành phố", "huyện ủy": "huyện", "quận ủy": "quận", "thị ủy": "thị xã",
               "đảng ủy": "ward"}
# Verbs that are part of a fixed name after these words (Cảnh sát điều tra).
_KEEP_AFTER = frozenset({("cảnh", "sát"), ("an", "ninh"), ("cơ", "quan")})


@dataclass(frozen=True, slots=True)
class _Head:
    words: tuple[str, ...]
    display: str
    type: str
    scope: str


def _words_of(text: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in tokenize(text).words if w not in _SKIP)


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, list[_Head]], dict[str, list[tuple[tuple[str, ...], str]]],
                       dict[str, frozenset[str]]]:
    heads: dict[str, list[_Head]] = {}
    for line in (_DATA / "agency_heads.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            text, kind, scope = line.split("\t")[:3]
            words = _words_of(text)
            heads.setdefault(words[0], []).append(_Head(words, text, kind, scope))
    for entries in heads.values():
        entries.sort(key=lambda h: -len(h.words))
    fields: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for line in (_DATA / "agency_fields.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            words = _words_of(line.strip())
            fields.setdefault(words[0], []).append((words, line.strip()))
    for options in fields.values():
        options.sort(key=lambda f: -len(f[0]))
    with open(_DATA / "agency_words.json", encoding="utf-8") as fh:
        raw = json.load(fh)
    lists = {k: frozenset(v) for k, v in raw.items() if not k.startswith("_")}
    return heads, fields, lists


def _match(s: Stream, k: int, words: tuple[str, ...], loose: bool = False) -> int | None:
    """End of ``words`` matched at ``k``: commas and hyphens between words
    are skipped, and ``&`` or a hyphen may stand for ``và``; with ``loose``
    (fields) a missing ``và`` is forgiven (``Lao động Thương binh Xã hội``)."""
    n = len(s.words)
    j = k
    for idx, w in enumerate(words):
        if idx and w == "và" and j < n and s.words[j] in ("&", "-", "–"):
            j += 1
            continue
        if idx:
            while j < n and s.words[j] in _SKIP:
                j += 1
        if j < n and s.lows[j] == w:
            j += 1
        elif not (loose and w == "và" and idx):
            return None
    return j


def _head_at(c: Context, k: int) -> tuple[_Head, int] | None:
    if k >= len(c.s.words) or not c.s.caps[k]:
        return None
    for head in c.heads.get(c.s.lows[k], ()):
        end = _match(c.s, k, head.words)
        if end is not None:
            return head, end
    return None


def _stop_here(c: Context, j: int) -> bool:
    s = c.s
    low = s.lows[j]
    if j and f"{s.lows[j - 1]} {low}" in c.lists["name_keep_pairs"]:
        return False
    if low in c.lists["name_stop"]:
        return True
    if j > 1 and (s.lows[j - 2], s.lows[j - 1]) in _KEEP_AFTER:
        return False
    return j + 1 < len(s.words) and f"{low} {s.lows[j + 1]}" in c.lists["name_stop_pairs"]


def _parent_at(c: Context, k: int, depth: int) -> tuple[str, int, int | None] | None:
    """A whole body starting at ``k`` (a parent of the one being read)."""
    found = _head_at(c, k) if depth < 2 else None
    return _read(c, k, found[0], found[1], depth + 1) if found else None


def _starts_business(c: Context, j: int) -> bool:
    s = c.s
    return j + 1 < len(s.words) and (s.lows[j] in c.lists["business_first"]
                                     or f"{s.lows[j]} {s.lows[j + 1]}" in c.lists["business_first"])


def _person_at(c: Context, k: int) -> bool:
    """A person's name (``Nguyễn Hoàng Linh``): a common surname and two more
    capitalised words, or one more and then no lower-case word."""
    s = c.s
    n = len(s.words)
    if s.lows[k] not in c.lists["agency_surnames"] or k + 1 >= n or not s.caps[k + 1]:
        return False
    return k + 2 >= n or s.caps[k + 2] or not s.words[k + 2].isalpha()


def _foreign_at(c: Context, k: int) -> bool:
    s = c.s
    low = s.lows[k]
    if low in c.lists["foreign_after"]:
        return True
    return k + 1 < len(s.words) and f"{low} {s.lows[k + 1]}" in c.lists["foreign_pairs"]


def _read_name(c: Context, j: int, depth: int, lower_ok: bool = False) -> int:
    """End of a free name starting at ``j`` (empty unless capitalised, or
    ``lower_ok`` after a two-word head: ``Ban Chỉ đạo phòng, chống ...``)."""
    s, lists = c.s, c.lists
    words, lows, caps = s.words, s.lows, s.caps
    n = len(words)
    if j >= n or mention_at(c, j) or _starts_business(c, j) or _parent_at(c, j, depth):
        return j
    if not (caps[j] or words[j].isdigit() or (lower_ok and words[j].isalpha() and not _stop_here(c, j))):
        return j
    end = k = j
    lower = 0
    while k < n and k - j < 16:
        w, low = words[k], lows[k]
        if k > j:
            if mention_at(c, k) or kind_at(s, k):
                break
            if caps[k] and (_foreign_at(c, k) or _person_at(c, k)):
                break  # a country, or a person's name after the body's
            if caps[k] and words[k - 1] not in _JOIN and low in c.heads and _parent_at(c, k, depth):
                break
        if caps[k] or (w.isdigit() and (caps[k - 1] or lows[k - 1] in ("số", "-"))):
            k += 1
            end, lower = k, 0
        elif low in _JOIN:
            if k + 1 >= n or mention_at(c, k + 1):
                break
            if w == "," and lows[k + 1] not in ("chống", "chữa", "cứu", "phòng"):
                break  # commas end free names but for "phòng, chống"
            if w in _DASH and _head_at(c, k + 1):
                break  # Cục ... - Bộ Y tế: the parent follows
            if w in _DASH and words[k + 1].isdigit():
                k += 1  # COVID-19
                continue
            if not caps[k + 1] and (w not in (",", "và") or _stop_here(c, k + 1)
                                    or not words[k + 1].isalnum()):
                break
            k += 1
        elif low == "số" and k + 1 < n and words[k + 1].isdigit():
            k += 1  # Đội Quản lý thị trường số 2
        elif w.isalnum() and lower < 10 and not _stop_here(c, k) and (lows[k - 2], lows[k - 1]) not in _NAME_ENDS \
                and (lower or k - j < 2 or not (caps[k - 1] and caps[k - 2]) or low in lists["cap_pair_tails"]):
            k += 1
            end, lower = k, lower + 1
        else:
            break
    return end


def _skip_bracket(s: Stream, j: int) -> int:
    """Past an abbreviation in brackets right after a name: ``Trung tâm
    Kiểm soát bệnh tật (CDC) Hà Nam`` still has its place."""
    if j + 2 >= len(s.words) or s.words[j] != "(":
        return j
    k = j + 1
    while k < len(s.words) and k - j < 8 and (s.words[k].isupper() or s.words[k] in ("và", "&", "-", ",")):
        k += 1
    return k + 1 if k > j + 1 and k < len(s.words) and s.words[k] == ")" else j


def _text(s: Stream, i: int, j: int) -> str:
    out = ""
    for w in s.words[i:j]:
        if w == "&":
            w = "và"
        if w == "," or not out:
            out += w
        elif w in _DASH:
            out += " -"
        elif out.endswith("/") or w == "/":
            out += w
        elif out.endswith("-") and w.isdigit():
            out = out[:-2] + "-" + w if out.endswith(" -") else out + w  # COVID-19
        else:
            out += " " + w
    return out


def _foreign(c: Context, j: int) -> bool:
    """A national-looking body followed by a foreign country (``Bộ Y tế
    Angola``, ``Chính phủ Mỹ``)."""
    s = c.s
    if j >= len(s.words) or not s.caps[j] or s.words[j].isupper():
        return False
    low = s.lows[j]
    if _foreign_at(c, j):
        return True
    if low in c.lists["agency_surnames"] or low == "việt" or mention_at(c, j) or kind_at(s, j) or _head_at(c, j):
        return False
    if j + 1 < len(s.words) and s.caps[j + 1]:
        return False  # a person's name (Văn phòng Chính phủ Mai Tiến Dũng)
    return not (j and s.words[j - 1] in (".", ":", "\n"))


def _shared_place(c: Context, j: int) -> PlaceMention | None:
    """The place of the next body in a list of bodies that share it:
    ``HĐND, UBND tỉnh Quảng Ninh``."""
    s = c.s
    n = len(s.words)
    for _ in range(3):
        if j + 1 >= n or not (s.words[j] == "," or s.lows[j] in ("và", "&")):
            return None
        found = _head_at(c, j + 1)
        if found is None or found[0].type not in ("place", "party"):
            return None
        place, _ = place_at(c, found[1])
        if isinstance(place, PlaceMention):
            return place
        j = found[1]
    return None


def _read(c: Context, k: int, head: _Head, end: int, depth: int = 0) -> tuple[str, int, int | None] | None:
    """One body at ``k``: (display name, end, start of a parent body the
    scanner should still visit) or None."""
    s, lists = c.s, c.lists
    n = len(s.words)
    name, j = head.display, end
    if head.type == "fixed" and head.scope == "national":
        return None if _foreign(c, j) else (name, j, None)
    if head.type == "field":
        for words, display in c.fields.get(s.lows[j] if j < n else "", ()):
            fend = _match(s, j, words, loose=True)
            if fend is not None:
                name, j = f"{name} {display}", fend
                if fend + 1 < n and s.lows[fend] in ("và", "&") and s.caps[fend + 1] \
                        and not _head_at(c, fend + 1) and not mention_at(c, fend + 1) \
                        and not _starts_business(c, fend + 1):
                    return None  # a field we do not know: Bộ Du lịch và Cổ vật
                break
        else:
            # Sở + a field we do not list, only if it starts like one (Sở GTCC, Sở Giáo dục).
            ok = head.words == ("sở",) and j < n and (s.words[j].isupper() or s.lows[j] in c.fields)
            nend = _read_name(c, j, depth) if ok else j
            if nend == j:
                return None
            name, j = f"{name} {_text(s, j, nend)}", nend
    elif head.type in ("named", "owned"):
        nend = _read_name(c, j, depth, lower_ok=len(head.words) > 2)
        if nend > j:
            name, j = f"{name} {_text(s, j, nend)}", nend
    low_name = name.lower()
    if any(low_name == x or low_name.startswith(x + " ") for x in lists["not_agency_names"]) \
            or any(f" {w} " in f" {low_name} " for w in lists["foreign_name_words"]):
        return None  # Ban Tổ chức (of an event), Đài Loan, ... Liên bang
    j = _skip_bracket(s, j)
    if head.words[-2:] == ("cấp", "cao") and j + 1 < n and s.lows[j] == "tại":
        m = mention_at(c, j + 1)
        if m is not None:  # Tòa án nhân dân cấp cao tại TP Hồ Chí Minh
            return f"{name} tại {m.display}", j + 1 + (m.end - m.start), None
    if head.scope != "local" and _foreign(c, j):
        return None
    if head.type == "field" and head.scope == "national":
        return name, j, None
    place, after = place_at(c, j)
    if place is GENERIC:
        return None
    if isinstance(place, PlaceMention):
        if place.start >= 0 and place.kind is None and (" Khu " in f" {name} " or place.level != "province"):
            # Khu kinh tế Quảng Ninh, ... di sản văn hóa Hội An: part of the name
            return f"{name} {_text(s, j, after)}", after, None
        agency_form, party_form = forms(c, place)
        party = head.type == "party" and head.words != ("đảng", "ủy")
        return f"{name} {party_form if party else agency_form}", after, None
    if isinstance(place, str):
        # A kind word we cannot bind: the body of some unknown place.
        return None if head.type in ("party", "place") else (name, after, None)
    if head.type == "fixed":
        return name, j, None
    if depth < 2 and head.type in ("named", "owned", "place"):
        pj = j + 1 if j < n and s.words[j] in _DASH else j
        got = _parent_at(c, pj, depth)
        if got is not None:
            return f"{name} {got[0]}", got[1], None
    if head.type == "place":
        shared = _shared_place(c, j)
        if shared is not None:  # HĐND, UBND tỉnh Quảng Ninh
            return f"{name} {forms(c, shared)[0]}", j, None
    if head.type == "party":
        kind = _PARTY_KIND.get(" ".join(head.words))
        bound = bind(c, kind, s.orig[k]) if kind else None
        if bound is None:
            return None
        return f"{name} {forms(c, bound)[0 if kind == 'ward' else 1]}", j, None
    if head.type == "place":
        return (name, j, None) if head.scope == "either" else None
    if j == end and head.type in ("named", "owned"):
        return None
    written = name.split()
    first = written[len(head.words)] if len(written) > len(head.words) else ""
    if head.type == "named" and not first.isupper() and (
            _FOREIGN_LETTERS.search(first) or len(written) - len(head.words) < 2 and not written[-1].isdigit()):
        return None  # Vụ Watergate, Viện Serum: a foreign name
    if any(f" {w} " in f" {name} " for w in lists["institution_words"]):
        return None  # a school's or a company's centre
    if head.type == "owned" and not any(mark in name.lower() for mark in _NATIONAL_MARKS):
        return None
    if head.type == "named" and len(head.words) > 2 and sum(w[:1].isupper() for w in name.split()) < 4 \
            and not any(mark in name.lower() for mark in _NATIONAL_MARKS):
        return None  # Ban Quản lý dự án, with no place or proper name: generic
    if name.lower() in lists["not_agency_names"]:
        return None
    if head.scope == "local":
        bound = bind(c, "any", s.orig[k])
        if bound is not None:
            return f"{name} {forms(c, bound)[0]}", j, None
    return name, j, None


def scan_agencies(stream: Stream, loc: LocationScan, published: datetime | None = None,
                  home: str | None = None) -> list[str]:
    """Display names of the bodies in ``stream``, by first mention."""
    heads, fields, lists = _tables()
    c = Context(stream, loc, gazetteer(), published, home, heads, fields, lists)
    out: list[str] = []
    seen: set[str] = set()
    lows, caps, orig = stream.lows, stream.caps, stream.orig
    covered = loc.covered
    starts = [k for k, low in enumerate(lows) if low in heads and caps[k] and orig[k] not in covered]
    resume = 0
    for k in starts:
        if k < resume:
            continue
        found = _head_at(c, k)
        if found is None:
            continue
        head, end = found
        before = lows[k - 1] if k else ""
        if before in lists["generic_before"] or before in ("báo", "tờ", "chí"):
            resume = end
            continue
        got = _read(c, k, head, end)
        if got is None:
            resume = end
            continue
        display, stop, parent = got
        key = fold(display)
        if key not in seen:
            seen.add(key)
            out.append(display)
        resume = parent if parent is not None else max(stop, k + 1)
    return _drop_placeless_twins(out)


_PLACE_WORDS = ("tỉnh ", "thành phố ", "huyện ", "quận ", "thị xã ", "xã ", "phường ", "thị trấn ")


def _drop_placeless_twins(names: list[str]) -> list[str]:
    """``Trung tâm Y tế`` next to ``Trung tâm Y tế thành phố Hạ Long``: the
    same body named again without its place."""
    if len(names) < 2:
        return names
    out = []
    for a in names:
        prefix = a + " "
        if not any(b.startswith(prefix) and b[len(prefix):].startswith(_PLACE_WORDS) for b in names):
            out.append(a)
    return out
