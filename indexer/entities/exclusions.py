"""Heads that name no Vietnamese state body the article reports on.

A head can stand in a newspaper's name (``báo Công an nhân dân``), inside
another noun (``Học viện``, ``Đại học Bộ Nội vụ``, ``trái phiếu Chính
phủ``), for a venue (``Hội trường Bộ Quốc phòng``) or
a photo credit (``Ảnh: Sở Y tế Lào Cai``); a body can be a school's or a
company's (``Viện Báo chí, Học viện ...``) or another country's (``Bộ Y tế
Angola``).  The scanner asks these before and after reading a name.
"""

from __future__ import annotations

from .abbreviations import Stream
from .binding import Context, kind_at, mention_at
from .heads import head_at
from .names import foreign_at, starts_business
from .text import vietnamese_syllable

__all__ = ["foreign_after", "foreign_name_at", "institution_after", "not_a_body_before", "venue_at"]

_NUMERALS = frozenset({"I", "II", "III", "IV", "V"})
# Words before "Công an" that make it the police even in a football report (cơ quan điều tra Công an, bị Công an bắt).
_POLICE_BEFORE = frozenset({"quan", "cqđt", "tra", "sĩ", "bộ", "đốc", "bị", "phòng", "thuộc", "cáo", "trình", "tới"})


def not_a_body_before(c: Context, k: int) -> bool:
    """A head that names no body the article reports on: after ``báo`` (a
    newspaper), inside another noun (``Học viện``, ``Đại học Bộ Nội vụ``,
    ``trái phiếu Chính phủ``), after ``Hội trường`` (a venue), or in a photo
    credit (``Ảnh: Sở Y tế Lào Cai``)."""
    lows = c.s.lows
    before = lows[k - 1] if k else ""
    if before == "báo" and k > 1 and lows[k - 2] in ("trình", "thông", "tin", "khai", "tố", "cảnh"):
        before = ""  # trình báo Công an quận: reported to the police, not a newspaper
    if before in ("báo", "tờ", "chí", "giải", "cup", "cúp") \
            or before in c.lists["compound_before"] and c.s.lows[k] == "viện" and not _proposes(lows, k):
        return True  # a newspaper, a tournament (Cup VTV); Học viện, Thư viện, Hạ viện
    if before in c.lists["club_before"] and c.s.words[k - 1] == before \
            or k > 1 and f"{lows[k - 2]} {before}" in c.lists["club_before"] \
            or before == "đội" and c.s.words[k - 1] == "đội" and lows[k] == "công":
        return True  # a sports team named after a body: cầu thủ Sở Công nghiệp, đấu với Quân khu 4, đội Công an TP HCM
    if c.loc.football and lows[k:k + 2] == ["công", "an"] and before not in _POLICE_BEFORE \
            and (k + 2 >= len(lows) or c.s.words[k + 2] in ("TP", "Tp") or kind_at(c.s, k + 2) is None):
        return True  # in a football report, Công an Hà Nội, Công An TP.HCM: the club
    if before in ("/", "\n") and _credit_line(c, k):
        return True  # a credit line: "Theo Vân Thiêng", then "VOV" alone on the next line
    if k > 1 and f"{lows[k - 2]} {before}" in c.lists["venue_before"]:
        return True  # Hội trường Bộ Quốc phòng, Nhà tang lễ Bộ Quốc phòng: a building
    if k > 2 and f"{lows[k - 3]} {lows[k - 2]}" in ("trại giam", "tạm giam") and c.s.words[k - 1][:1].isupper() \
            and any(ch.isdigit() for ch in c.s.words[k - 1]):
        return True  # trại giam T16 Bộ Công an: a prison
    if k > 1 and f"{lows[k - 2]} {before}" in c.lists["name_before"] \
            or k > 2 and before == "của" and f"{lows[k - 3]} {lows[k - 2]}" in c.lists["name_before"]:
        return True  # Đại học Bộ Nội vụ (a school), trái phiếu (của) Chính phủ (a product)
    if _owned_institution(c, k):
        return True
    j = k - 1
    while j >= 0 and k - j <= 3 and c.s.words[j] in (":", "(", "-", "–"):
        j -= 1
    return j >= 0 and lows[j] in c.lists["credit_words"] and c.s.caps[j]


_OWNED = (("bệnh", "viện"), ("bv",), ("công", "ty"), ("nhà", "máy"), ("xí", "nghiệp"))


def _owned_institution(c: Context, k: int) -> bool:
    """The head at ``k`` ends the name of a hospital or company it owns
    (``Bệnh viện Công an TP Hà Nội``, ``Công ty Tây Nam Quân khu 7``)."""
    s = c.s
    i = k
    while i > 0 and k - i <= 6:
        for words in _OWNED:
            if tuple(s.lows[i - len(words):i]) == words and (s.caps[i - len(words)] or words[0] == "bệnh"):
                return True
        if not (s.caps[i - 1] and s.words[i - 1].isalpha() or s.words[i - 1].isdigit() or s.lows[i - 1] == "số"):
            return False
        i -= 1
    return False


def _proposes(lows: list[str], k: int) -> bool:
    """``đề nghị Viện kiểm sát`` (asks the procuracy), not ``Nghị viện``."""
    return k > 1 and lows[k - 1] == "nghị" and lows[k - 2] in ("đề", "kiến")


def _credit_line(c: Context, k: int) -> bool:
    """The head at ``k`` is all of a short line, right after a line that
    starts with ``Theo`` (the source): a credit, not a body reported on."""
    words = c.s.words
    end = k
    while end < len(words) and words[end] != "\n":
        end += 1
    if c.s.orig[end - 1] - c.s.orig[k] > 2:  # (in source tokens: VOV is written as one)
        return False
    start = k - 1
    while start > 0 and words[start - 1] != "\n":
        start -= 1
    return words[start] == "Theo" or words[k - 1] == "/"


def _in_a_list(s: Stream, k0: int) -> bool:
    """``k0`` is an item of a list its sentence opens with ``gồm``, ``như``
    or a colon."""
    k = k0 - 1
    while k >= 0 and k0 - k < 80 and s.words[k] not in (".", "!", "?", "\n"):
        if s.words[k] == ":" or s.lows[k] in ("gồm", "như"):
            return True
        k -= 1
    return False


def institution_after(c: Context, k0: int, j: int) -> bool:
    """The owner written right after a name (the body starts at ``k0``) is a
    school, hospital or company (``Viện Báo chí, Học viện Báo chí ...``,
    ``... thuộc Công ty X``); not when the body is an item of a list (``gồm:
    Viện Pasteur, ..., Trung tâm ..., Bệnh viện Chợ Rẫy``)."""
    s = c.s
    k = j
    while k < len(s.words) and k - j < 2 and s.lows[k] in (",", "-", "–", "(", "thuộc", "của"):
        k += 1
    if k == j and starts_business(c, j) and not head_at(c, j):
        return True  # Trung tâm SME Gia Định Ngân hàng VP Bank: a bank's centre
    if k > j and k + 1 < len(s.words) and s.lows[k] == "trường" and s.caps[k + 1]:
        return True  # ... của trường Đại học Manchester: a school's
    if k == j or k + 1 >= len(s.words) or not s.caps[k]:
        return False
    if s.words[j] == "," and k0 and s.words[k0 - 1] in (",", ":", ";") and _in_a_list(s, k0):
        return False  # an item of a list (but "ngày 2/4, Trung tâm Sơ sinh, Bệnh viện ...")
    if s.words[k].startswith("ĐH") and s.words[k].isupper():
        return True  # ... - ĐHQGHN: a university's centre
    return s.words[k] in c.lists["institution_words"] or f"{s.words[k]} {s.lows[k + 1]}".capitalize() in {
        w.capitalize() for w in c.lists["institution_words"]}


def foreign_after(c: Context, j: int) -> bool:
    """A national-looking body followed by a foreign country (``Bộ Y tế
    Angola``, ``Chính phủ Mỹ``, ``... của NASA``, ``... thuộc quân đội Trung
    Quốc``)."""
    s = c.s
    if j + 1 < len(s.words) and s.lows[j] in ("của", "thuộc"):
        k = j + 1
        while k < len(s.words) and k - j <= 2 and not s.caps[k] and s.words[k].isalpha():
            k += 1
        if k < len(s.words) and foreign_at(c, k):
            return True  # ... của NASA, thuộc quân đội Trung Quốc
    if j >= len(s.words) or not s.caps[j] or s.words[j].isupper():
        return False
    low = s.lows[j]
    if mention_at(c, j):
        return False  # Lào Cai is no Laos
    if foreign_at(c, j):
        return True
    if low in c.lists["agency_surnames"] or low == "việt" or kind_at(s, j) or head_at(c, j):
        return False
    if j + 1 < len(s.words) and s.caps[j + 1]:
        return False  # a person's name (Văn phòng Chính phủ Mai Tiến Dũng)
    if j and s.words[j - 1] in _NUMERALS and vietnamese_syllable(s.words[j]):
        return False  # Trung tâm ... Quốc gia I Nhổn: a numbered body's Vietnamese site
    return not (j and s.words[j - 1] in (".", ":", "\n"))


def venue_at(c: Context, k: int, low_name: str) -> bool:
    """A centre named only as where something happens or where someone goes
    (``tập trung ở Trung tâm Huấn luyện Thể thao Quốc gia I``, ``xuống
    Trung tâm ...``): a venue, not a body at work."""
    return k > 0 and c.s.lows[k - 1] in ("ở", "tại", "đến", "tới", "về", "xuống", "lên") and any(
        low_name.startswith(v) for v in c.lists["venue_names"])


def foreign_name_at(c: Context, j: int) -> bool:
    """A local body's name followed by a foreign proper name (``Sở Giáo dục
    Saitama``, ``Sở Tài chính John Hancock``): another country's office or a
    company, not a Vietnamese department."""
    s = c.s
    if j >= len(s.words) or not s.caps[j] or not s.words[j].isalpha() or s.words[j].isupper():
        return False
    return mention_at(c, j) is None and not vietnamese_syllable(s.words[j])
