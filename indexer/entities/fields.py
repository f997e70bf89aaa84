"""The field after ``Bộ`` or ``Sở`` (``Tài chính``, ``Khoa học và Công nghệ``).

Fields come from ``data/agency_fields.tsv`` in their official spelling and
are matched however the article writes them: in any case, with commas,
hyphens or ``&`` between the words, or with a ``và`` left out.  A unit's
free name that is a known field or unit name takes its official spelling
too (``official_name``).
"""

from __future__ import annotations

import re
from datetime import date

from .abbreviations import official_forms, unit_names
from .binding import Context, mention_at
from .heads import Head, head_at, match
from .names import starts_business

__all__ = ["field_at", "field_match", "official_name"]

# Steering and command boards write "phòng, chống" with its comma, in the
# case their official names use (Ban Chỉ đạo phòng, chống dịch ...; Ban Chỉ
# huy Phòng, chống thiên tai ..., but the older Ban Chỉ huy phòng, chống lụt bão).
_PREVENTION = re.compile(r"^((?:[Qq]uốc gia |[Tt]rung ương )?)[Pp]hòng,? chống\b")  # (Ban Chỉ đạo Quốc gia phòng, chống ...)
_PREVENTION_ANY = re.compile(r"\b([Pp])hòng chống\b")
# Pairs of acts written with a comma in official names (Phòng cháy, chữa cháy; cứu nạn, cứu hộ).
_PAIRED_ACTS = re.compile(r"\b([Pp]hòng cháy|[Cc]ứu nạn) (chữa cháy|cứu hộ)\b")
_PREVENTION_CASE = {"Ban Chỉ đạo": "phòng, chống", "Ban Chỉ huy": "Phòng, chống"}
# A border post is named after its gate in lower case, then the gate's name.
_BORDER_GATE = re.compile(r"^[Cc]ửa khẩu(?: [Qq]uốc tế)?\b")
# Fields written short, by the body of the time: before the ministries merged in March 2025, and after.
_SHORT_FIELDS = {("nông", "nghiệp"): ("Nông nghiệp và Phát triển nông thôn", "Nông nghiệp và Môi trường"),
                 ("kế", "hoạch"): ("Kế hoạch và Đầu tư", None)}
_MERGED = date(2025, 3, 1)
# Bodies a ministry or department works with, after "và" (Bộ Công nghiệp và Hiệp hội Dệt may).
_PARTNERS = frozenset({"hiệp hội", "hội", "liên đoàn", "tập đoàn", "quỹ", "trường", "đại học", "học viện",
                       "bệnh viện", "nhà máy", "liên hiệp", "tổng hội", "mặt trận", "báo", "đài"})
# Fields of ministries that no longer exist alone, written short for the one that took them in.
_OLD_SHORT = {"Lao động": "Lao động - Thương binh và Xã hội"}
# A district's office keeps "và" where the old ministry had a dash.
_UNIT_FIELDS = {("Phòng", "Văn hóa - Thông tin"): "Văn hóa và Thông tin",
                ("Phòng", "Văn hóa, Thông tin"): "Văn hóa và Thông tin"}


def official_name(c: Context, head: Head, j: int, nend: int, written: str) -> str:
    """A free name that is a known field or unit name, written the official
    way: ``Phòng Giáo dục đào tạo`` is ``Phòng Giáo dục và Đào tạo``,
    ``Phòng Cảnh sát Hình sự`` is ``Phòng Cảnh sát hình sự``, ``Ban Chỉ
    đạo Phòng chống dịch`` is ``Ban Chỉ đạo phòng, chống dịch``."""
    found = field_match(c, j)
    if found is not None and found[0] == nend:
        return _UNIT_FIELDS.get((head.display, found[1]), found[1])
    if head.display == "Ban Quản lý" and written.startswith("khu "):  # Ban Quản lý Khu kinh tế ...
        written = "K" + written[1:]
    if "Biên phòng" in head.display:  # Đồn Biên phòng cửa khẩu quốc tế Lào Cai
        written = _BORDER_GATE.sub(lambda m: m.group(0).lower(), written)
    official = official_forms()
    whole = official.get(f"{head.display} {written}".lower())  # Trung tâm Kiểm soát Bệnh tật (CDC)
    if whole is not None and whole.startswith(head.display + " "):
        return whole[len(head.display) + 1:]
    known = official.get(written.lower())
    if known is None and "," in written:  # Cục Quản lý Khám, chữa bệnh
        known = official.get(written.lower().replace(",", ""))
    written = known or _official_start(official, written)
    if head.display in _PREVENTION_CASE and _PREVENTION.match(written):
        form = _PREVENTION_CASE[head.display]
        if "thiên tai" not in written.lower():
            form = form.lower()  # the command boards of old (Ban Chỉ huy phòng, chống lụt bão)
        written = _PREVENTION.sub(lambda m: m.group(1) + form, written)
    elif not (known and written.lower() in unit_names()):  # Đội Cảnh sát phòng, chống ma túy (a known
        # unit keeps its name: Cục Y tế dự phòng và Phòng chống HIV/AIDS)
        written = _PREVENTION_ANY.sub(lambda m: f"{m.group(1)}hòng, chống", written)
    written = _PAIRED_ACTS.sub(r"\1, \2", written)  # Đội Phòng cháy chữa cháy quận 11
    if written.endswith(" trung ương"):  # Trung tâm Nghiên cứu ong Trung ương
        written = written[:-len("trung ương")] + "Trung ương"
    return written


def field_at(c: Context, j: int) -> tuple[str, int] | None | bool:
    """The field after ``Bộ``/``Sở`` in its official spelling, however the
    article writes it (``Sở Văn hóa Thể thao`` is ``Sở Văn hóa và Thể
    thao``): (display, end), None if there is none, False for a field we do
    not know (``Bộ Du lịch và Cổ vật``)."""
    s = c.s
    n = len(s.words)
    found = field_match(c, j) or _short_field(c, j)
    if found is None:
        return None
    fend, display = found
    if display in _OLD_SHORT and _before_merger(c) \
            and not (fend < n and s.lows[fend] in ("và", "&", "-")):
        display = _OLD_SHORT[display]  # Bộ Lao động: the ministry of labour, invalids and social affairs
    if fend + 1 < n and s.lows[fend] in ("và", "&") and s.caps[fend + 1] and not head_at(c, fend + 1) \
            and not mention_at(c, fend + 1) and not starts_business(c, fend + 1) and not field_match(c, fend + 1) \
            and " ".join(s.lows[fend + 1:fend + 3]) not in _PARTNERS and s.lows[fend + 1] not in _PARTNERS:
        return False  # (but Bộ Thương mại và Hiệp hội chè: the ministry and its partner)
    return display, fend


def _short_field(c: Context, j: int) -> tuple[int, str] | None:
    """A ministry or department written by the first words of its field
    (``Bộ Nông nghiệp``, ``Sở Kế hoạch``): the body of that field at the
    time, when nothing else follows that could be more of the name."""
    s = c.s
    forms = _SHORT_FIELDS.get(tuple(s.lows[j:j + 2]))
    if forms is None:
        return None
    after = j + 2
    if after < len(s.words) and s.caps[after] and s.words[after].isalpha() \
            and not (mention_at(c, after) or head_at(c, after)):
        return None  # Bộ Nông nghiệp Mỹ; Sở Kế hoạch Đầu tư (read as a field)
    display = forms[0] if _before_merger(c) else forms[1]
    return (after, display) if display else None


def _before_merger(c: Context) -> bool:
    """Published before the ministries merged in March 2025 (undated: before)."""
    return c.published is None or c.published.date() < _MERGED


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


def _official_start(official: dict[str, str], written: str) -> str:
    """``written`` with its longest start that is a known name in that
    name's official case: ``Cảnh sát Điều tra tội phạm về ...`` is
    ``Cảnh sát điều tra tội phạm về ...``."""
    words = written.split(" ")
    for m in range(len(words) - 1, 1, -1):
        known = official.get(" ".join(words[:m]).lower())
        if known is not None and known.count(" ") == m - 1:
            return " ".join([known, *words[m:]])
    return written
