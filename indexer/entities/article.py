"""What only the whole article tells about its bodies.

Three decisions wait for the article: whether it is about another country
(its bare ``Bộ Tư pháp`` is that country's), which written body a bare one
stands for (``Sở Y tế TP Hải Phòng`` ... ``Sở Y tế đề nghị``), and which
names are the same body twice: one written without its place next to the
one with it (``Trung tâm Y tế`` and ``Trung tâm Y tế thành phố Hạ Long``),
or a sub-unit named once with its parent and once alone.  The house style
lists each body once, in its fuller form.
"""

from __future__ import annotations

from ..vietnamese import fold
from .abbreviations import Stream
from .binding import Context
from .locations import LocationScan

__all__ = ["foreign_from", "note", "same_as_written", "tidy"]

_PLACE_WORDS = ("tỉnh ", "thành phố ", "huyện ", "quận ", "thị xã ", "xã ", "phường ", "thị trấn ")


def foreign_from(s: Stream, loc: LocationScan, lists: dict[str, frozenset[str]]) -> int | None:
    """Where an article about another country starts naming it: the start of
    the sentence with the first of two foreign country names (``Theo Trung
    tâm Kiểm soát dịch bệnh, ... tại Hoa Kỳ``), when the article names no
    Vietnamese place and never says Việt Nam.  None for every other
    article.  A country word after another capitalised word is part of a
    name (``Nguyễn Hoàng Anh``)."""
    if loc.mentions:
        return None
    lows, caps = s.lows, s.caps
    n = len(lows)
    found: list[int] = []
    for k, low in enumerate(lows):
        if low == "việt" and k + 1 < n and lows[k + 1] == "nam":
            return None
        if caps[k] and (low in lists["foreign_after"] or k + 1 < n and f"{low} {lows[k + 1]}" in lists["foreign_pairs"]) \
                and not (k and caps[k - 1] and s.words[k - 1].isalpha()):
            found.append(k)
    if len(found) < 2:
        return None
    k = found[0]
    while k and s.words[k - 1] not in (".", "!", "?", "\n"):
        k -= 1
    return k


def note(c: Context, k: int, name: str, display: str, bound: bool, kind: str | None) -> None:
    c.notes.append((k, name, display, bound, "thành phố" if kind == "thành" else kind))


def same_as_written(c: Context) -> dict[tuple[int, str], str]:
    """A body written without its place is the one the article introduced
    with its place (``Sở Y tế TP Hải Phòng`` ... ``Sở Y tế đề nghị``), not
    the one of the last province named in passing: (head index, bound
    display) -> the display of the nearest such body written before it."""
    written = [note for note in c.notes if not note[3]]
    out: dict[tuple[int, str], str] = {}
    if not written:
        return out
    for k, name, display, bound, kind in c.notes:
        if not bound:
            continue
        same = [w for w in written if w[1] == name and (kind is None or w[4] == kind)]
        before = [w for w in same if w[0] < k]
        if before:
            out[(k, display)] = before[-1][2]
    return out


def tidy(names: list[str], children: set[str]) -> list[str]:
    """``names`` without placeless twins (``Cục Đăng kiểm`` beside ``Cục
    Đăng kiểm Việt Nam``) and without the sub-units (folded keys in
    ``children``) that were also written with their parent."""
    if len(names) < 2:
        return names
    out = []
    for a in names:
        if children and fold(a) in children:
            continue
        prefix = a + " "
        if not any(b.startswith(prefix) and (b[len(prefix):].startswith(_PLACE_WORDS) or b == prefix + "Việt Nam")
                   for b in names):
            out.append(a)
    return out
