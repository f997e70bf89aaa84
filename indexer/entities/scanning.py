"""The scan over one article: every head in the token stream, each read
into a body (``agencies.read_body``), then one display per body.

Plural and generic mentions (``UBND các huyện``, ``các Sở Y tế``), a
department in lower case with no place, and the short form of a name just
read in brackets are dropped here; so are bodies named only as another's
parent.  Forms of one body that differ in case are one, shown as the article
writes it most often.
"""

from __future__ import annotations

from datetime import datetime

from ..vietnamese import fold
from .abbreviations import Stream
from .agencies import listed_fields, read_body
from .article import foreign_from, same_as_written, tidy
from .binding import Context
from .exclusions import not_a_body_before
from .gazetteer import gazetteer
from .heads import LOWER_FIRSTS, head_at, tables
from .locations import LocationScan

__all__ = ["scan_agencies"]


def scan_agencies(stream: Stream, loc: LocationScan, published: datetime | None = None,
                  home: str | None = None, city: str | None = None) -> list[str]:
    """Display names of the bodies in ``stream``, by first mention."""
    heads, fields, lists = tables()
    c = Context(stream, loc, gazetteer(), published, home, heads, fields, lists, foreign_from(stream, loc, lists),
                city=city)
    out: list[str] = []
    read: list[tuple[int, str]] = []
    children: set[str] = set()
    forms_of: dict[str, dict[str, int]] = {}  # folded key -> written forms and how often
    lows, caps, orig = stream.lows, stream.caps, stream.orig
    covered = loc.covered
    starts = [k for k, low in enumerate(lows)
              if low in heads and (caps[k] or low in LOWER_FIRSTS) and orig[k] not in covered]
    # liên bộ Tài chính, Y tế: ministries issuing a joint act, written in lower case.
    joint = {k for k in range(1, len(lows) - 1) if lows[k] == "bộ" and lows[k - 1] == "liên" and caps[k + 1]}
    joint_head = next(h for h in heads["bộ"] if h.words == ("bộ",))
    starts = sorted(set(starts) | joint)
    resume = last_stop = 0
    for k in starts:
        if k < resume:
            continue
        found = (joint_head, k + 1) if k in joint else head_at(c, k)
        if found is None:
            continue
        head, end = found
        plural = k > 0 and lows[k - 1] in lists["generic_before"]
        got = None if not_a_body_before(c, k) or plural and head.type != "field" else read_body(c, k, head, end)
        if got is None:
            resume = end
            continue
        bodies = [got, *listed_fields(c, k, head, got[1], k in joint)] if head.type == "field" else [got]
        bodies += c.listed.pop(k, [])
        if not caps[k] and head.words == ("sở",) and len(bodies) < 2 \
                and not any(o in covered for o in range(orig[k], orig[min(bodies[-1][1], len(orig)) - 1] + 1)):
            resume = end
            continue  # giám đốc sở GDĐT: "the department" in lower case names a body only with its place
        if plural and len(bodies) < (1 if head.scope == "national" else 2):
            resume = end
            continue  # các Sở Y tế: one kind of body in every province; các Bộ Y tế, Tài chính: named
        if k and lows[k - 1] == "(" and k - 1 == last_stop and read and len(bodies) == 1 \
                and fold(got[0]) in fold(read[-1][1]):
            resume = got[1]
            continue  # Thanh tra Sở TT&TT Bình Dương (Sở TT-TT): the short form of a name just read
        for display, _, _, child in bodies:
            if child is not None:
                children.add(fold(child))
            read.append((k, display))
        stop, parent = bodies[-1][1], got[2]
        last_stop = stop
        resume = parent if parent is not None else max(stop, k + 1)
    same = same_as_written(c)
    for k, display in read:
        display = same.get((k, display), display)
        key = fold(display)
        written = forms_of.get(key)
        if written is None:
            forms_of[key] = {display: 1}
            out.append(key)
        else:
            written[display] = written.get(display, 0) + 1
    # One display per body: the form the article writes most often, the first on a tie.
    return _same_customs(tidy([max(forms_of[key].items(), key=lambda f: f[1])[0] for key in out], children))


def _same_customs(names: list[str]) -> list[str]:
    """``Hải quan cửa khẩu Tân Thanh`` (or ``Chi cục Hải quan Mộc Bài``)
    beside ``Chi cục Hải quan cửa khẩu Tân Thanh``: the same branch written
    short."""
    full = [d for d in names if d.startswith("Chi cục Hải quan cửa khẩu ")]
    if not full:
        return names

    def key(d: str) -> str:
        return d.removeprefix("Chi cục ").replace(" cửa khẩu ", " ")

    keys = {key(d) for d in full}
    return [d for d in names if d in full or not (d.startswith(("Hải quan ", "Chi cục Hải quan ")) and key(d) in keys)]

