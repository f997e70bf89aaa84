"""The field after ``Bộ`` or ``Sở`` (``Tài chính``, ``Khoa học và Công nghệ``).

Fields come from ``data/agency_fields.tsv`` in their official spelling and
are matched however the article writes them: in any case, with commas,
hyphens or ``&`` between the words, or with a ``và`` left out.
"""

from __future__ import annotations

from .binding import Context, mention_at
from .heads import head_at, match
from .names import starts_business

__all__ = ["field_at", "field_match"]


def field_at(c: Context, j: int) -> tuple[str, int] | None | bool:
    """The field after ``Bộ``/``Sở`` in its official spelling, however the
    article writes it (``Sở Văn hóa Thể thao`` is ``Sở Văn hóa và Thể
    thao``): (display, end), None if there is none, False for a field we do
    not know (``Bộ Du lịch và Cổ vật``)."""
    s = c.s
    n = len(s.words)
    found = field_match(c, j)
    if found is None:
        return None
    fend, display = found
    if fend + 1 < n and s.lows[fend] in ("và", "&") and s.caps[fend + 1] and not head_at(c, fend + 1) \
            and not mention_at(c, fend + 1) and not starts_business(c, fend + 1) and not field_match(c, fend + 1):
        return False
    return display, fend


def field_match(c: Context, j: int) -> tuple[int, str] | None:
    """(end, official display) of the longest field at ``j``, a match with
    every word preferred to one that forgives a missing ``và``."""
    s = c.s
    options = c.fields.get(s.lows[j] if j < len(s.words) else "", ())
    found = [(e, strict, d) for w, d in options for strict in (True, False)
             if (e := match(s, j, w, loose=not strict)) is not None]
    if not found:
        return None
    fend, _, display = max(found, key=lambda f: (f[0], f[1]))
    return fend, display
