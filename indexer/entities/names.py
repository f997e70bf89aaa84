"""Reading the free part of an agency name, and writing a span out.

After heads such as ``Viện``, ``Cục`` or ``Phòng`` comes a name with no
table: it runs over capitalised words and a few lower-case ones (``Viện
Nghiên cứu và Phát triển vùng``) and stops at a verb, a preposition, a
place, a person's name or a parent body.  A few prepositions belong to
fixed phrases of unit names and do not stop it (``Cảnh sát điều tra tội
phạm về ma túy``, ``phòng, chống``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .abbreviations import Stream
from .binding import kind_at, mention_at
from .heads import DASH, LOWER_FIRSTS, head_at

if TYPE_CHECKING:
    from .binding import Context

__all__ = [
    "foreign_at",
    "lower_start",
    "person_at",
    "read_name",
    "skip_bracket",
    "starts_business",
    "stop_here",
    "text_of",
]

_JOIN = frozenset({"và", "&", ",", "-", "–", "/"})
_NAME_ENDS = frozenset({("việt", "nam"), ("trung", "ương")})
# ... and the words a name ends with before "và" and another body (... Quốc gia và Bộ Y tế).
_ENDS_BEFORE_AND = _NAME_ENDS | {("quốc", "gia")}
# Lower-case words a name may go on with after "Quốc gia" (Ban Chỉ đạo Quốc gia phòng, chống dịch).
_AFTER_NATIONAL = frozenset({"phòng", "về", "chống", "cấp", "mang"})  # ... mang tên Puskin
# Verbs that are part of a fixed name after these words (Cảnh sát điều tra).
_KEEP_AFTER = frozenset({("cảnh", "sát"), ("an", "ninh"), ("cơ", "quan")})
# ... and the ones of them a police unit is named after (but Cảnh sát kết luận: a verb).
_POLICE_FIELDS = frozenset({"điều tra", "bảo vệ", "hỗ trợ", "quản lý", "phòng chống", "truy nã", "cơ động"})

# Verbs that end a name when a proper name comes before them (... Huế quản lý).
_VERBS_AFTER_NAMES = frozenset({"quản lý"})
#: Roman numerals that number a body (Trung tâm ... Quốc gia I).
ROMAN = frozenset({"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"})


def stop_here(c: Context, j: int) -> bool:
    """True when the word at ``j`` ends a free name (a verb, a preposition)."""
    s = c.s
    low = s.lows[j]
    if j and f"{s.lows[j - 1]} {low}" in c.lists["name_keep_pairs"]:
        return False
    if j > 1 and s.lows[j - 2:j + 2] == ["chỉ", "đạo", "công", "tác"]:
        return False  # Ban Chỉ đạo công tác phòng, chống dịch
    if low == "về" and s.lows[j - 2:j] == ["điều", "tra"] and s.lows[j + 1:j + 3] in (["tội", "phạm"], ["phòng", "chống"],
                                                                                  ["phòng", ","]):
        return False  # Cục Cảnh sát điều tra về tội phạm ma túy
    pair = f"{low} {s.lows[j + 1]}" if j + 1 < len(s.words) else ""
    if low in c.lists["name_stop"]:
        return pair not in _NAME_PAIRS  # (chuyên viên ends a name; Phòng Giáo dục chuyên nghiệp goes on)
    if j > 1 and (s.lows[j - 2], s.lows[j - 1]) in _KEEP_AFTER:
        return pair in c.lists["name_stop_pairs"] and pair not in _POLICE_FIELDS  # Tổng cục Cảnh sát kết luận
    if pair in c.lists["name_stop_pairs"]:
        return True
    # "do Trung tâm ... Huế quản lý": after a proper name, a verb, not more of the name.
    return j > 0 and s.caps[j - 1] and pair in _VERBS_AFTER_NAMES


# Words that start a pair that is part of a name although the word alone ends one.
_NAME_PAIRS = frozenset({"chuyên nghiệp", "chuyên ngành", "chuyên trách"})


def lower_start(c: Context, j: int) -> bool:
    """A unit's field written in lower case (``Đội cảnh sát``, ``Đồn biên
    phòng``): the name may start here although it is not capitalised."""
    s = c.s
    return j + 1 < len(s.words) and f"{s.lows[j]} {s.lows[j + 1]}" in c.lists["lower_name_starts"]


def starts_business(c: Context, j: int) -> bool:
    """A company, bank or cooperative starts at ``j`` (``hợp tác xã``)."""
    lows, first = c.s.lows, c.lists["business_first"]
    return j + 1 < len(lows) and (lows[j] in first or f"{lows[j]} {lows[j + 1]}" in first
                                  or " ".join(lows[j:j + 3]) in first)


# Surnames that also start words of names (Cao su, Lâm nghiệp, Mai Sơn): a
# person's only with two more capitalised words.
_NAME_LIKE_SURNAMES = frozenset({"cao", "mai", "lâm", "thái", "châu", "tô", "tăng", "khổng"})


def person_at(c: Context, k: int) -> bool:
    """A person's name (``Nguyễn Hoàng Linh``): a common surname and two more
    capitalised words, or one more and then no lower-case word."""
    s = c.s
    n = len(s.words)
    if k + 1 >= n or not s.caps[k + 1]:
        return False
    if s.lows[k] in _NAME_LIKE_SURNAMES:  # Cục Quản lý dược Cao Minh Quang (but Viện Cao su, Lâm Đồng)
        return k + 2 < n and s.caps[k + 2] and s.words[k + 2].isalpha() and mention_at(c, k) is None
    if s.lows[k] not in c.lists["agency_surnames"]:
        return False
    return k + 2 >= n or s.caps[k + 2] or not s.words[k + 2].isalpha()


def foreign_at(c: Context, k: int) -> bool:
    s = c.s
    low = s.lows[k]
    if low in c.lists["foreign_after"]:
        return True
    return k + 1 < len(s.words) and f"{low} {s.lows[k + 1]}" in c.lists["foreign_pairs"]


def read_name(c: Context, j: int, is_parent: Callable[[int], bool], lower_ok: bool = False) -> int:
    """End of a free name starting at ``j`` (empty unless capitalised, a
    unit's field in lower case, or ``lower_ok`` after a long head: ``Ban
    Chỉ đạo phòng, chống ...``).  ``is_parent(k)``: a whole body starts at
    ``k``, which ends the name."""
    s, lists = c.s, c.lists
    words, lows, caps = s.words, s.lows, s.caps
    n = len(words)
    if j >= n or mention_at(c, j) or starts_business(c, j) or is_parent(j) or lows[j] in ("trưởng", "phó"):
        return j  # ... or a title: Vụ Trưởng, Cục phó
    if not (caps[j] or words[j].isdigit() or lower_start(c, j)
            or (lower_ok and words[j].isalpha() and not stop_here(c, j))):
        return j
    if words[j].isdigit():
        return j + 1  # Quân khu 7, Đội 2: the number is the whole name
    end = k = j
    lower = 0
    while k < n and k - j < 20:
        w, low = words[k], lows[k]
        if k > j:
            if mention_at(c, k) or kind_at(s, k):
                break
            if caps[k] and (foreign_at(c, k) or person_at(c, k) or low in lists["title_words"]
                            or k + 1 < n and f"{low} {lows[k + 1]}" in lists["title_words"]):
                break  # a country, a person's name or a title after the body's
            if caps[k] and k > j + 1 and (lows[k - 2], lows[k - 1]) in _NAME_ENDS and low != "đảng":
                break  # ... Trung ương Phùng Xuân Nhạ: the name ended
            if low in c.heads and (caps[k] or low in LOWER_FIRSTS) and is_parent(k):
                break  # a parent, or another body listed after this one (công an TP HCM in lower case too)
            if caps[k] and starts_business(c, k):
                break  # Trung tâm SME Gia Định | Ngân hàng VP Bank: the owner, a bank
            if k > j + 1 and words[k - 1] in ROMAN:
                break  # Trung tâm Huấn luyện Thể thao Quốc gia I (Nhổn): the number ends it
            if w.isdigit() and k + 2 < n and words[k + 1] in (".", ",") and words[k + 2].isdigit():
                break  # Hải quan cửa khẩu Tân Thanh 300.000 đồng: an amount after the name
        if caps[k] or (w.isdigit() and (caps[k - 1] or lows[k - 1] in ("số", "-"))):
            k += 1
            end, lower = k, 0
        elif k == j and lower_start(c, k):
            k += 1
            end, lower = k, 1
        elif low in _JOIN:
            if k + 1 >= n or mention_at(c, k + 1) or (k > j + 1 and (lows[k - 2], lows[k - 1]) in _ENDS_BEFORE_AND):
                break  # ... Ban Chỉ đạo Quốc gia và Bộ Y tế, ... trung ương và Thủ tướng: the name ended
            if w == "," and lows[k - 2:k] == ["tuần", "tra"] and lows[k + 1:k + 3] == ["kiểm", "soát"]:
                k += 3  # Đội Tuần tra, kiểm soát giao thông
                end = k
                continue
            if w == "," and "chống" in lows[j:k] and not caps[k + 1] and _closes(c, k + 1):
                k += 1  # Ban Chỉ đạo phòng, chống AIDS và ma túy, mại dâm Hà Nội: the things fought, listed
                continue
            if w == "," and (head_at(c, k + 1) or lows[k + 1] not in lists["comma_continue"]
                             and (caps[k + 1] or "phạm về" not in " ".join(lows[j:k]))
                             and not _listed_field(c, k + 1)):
                break  # commas end free names but for "phòng, chống", "tội phạm về A, B", "A, B và C"
            if (w in DASH or low in ("và", "&")) and head_at(c, k + 1):
                break  # Cục ... - Bộ Y tế: the parent follows; ... và Ban ...: another body
            if w in DASH and words[k + 1].isdigit():
                k += 1  # COVID-19
                continue
            if w in DASH and not caps[k + 1] and k > j + 1 and lows[k + 1] == lows[k - 2] and lower:
                k += 1  # Cảnh sát giao thông đường bộ - đường sắt: the same word starts both halves
                continue
            if low == "và" and not caps[k + 1] and stop_here(c, k + 1) and (m := _and_field(c, k + 1)):
                lower += m - k - 1
                k = end = m  # Vụ Tác động và đánh giá môi trường (Bộ ...): a field after "và", closed by a bracket
                continue
            if not caps[k + 1] and (w not in (",", "và") or stop_here(c, k + 1)
                                    or not words[k + 1].isalnum()):
                break
            k += 1
        elif low == "số" and k + 1 < n and words[k + 1].isdigit():
            k += 1  # Đội Quản lý thị trường số 2
        elif k > j + 1 and (lows[k - 2], lows[k - 1]) == ("quốc", "gia") and low == "về" \
                and k + 1 < n and words[k + 1].isalpha() and not stop_here(c, k + 1):
            k += 1  # Ban Chỉ đạo quốc gia về công nghệ thông tin
            end, lower = k, lower + 1
        elif k > j + 1 and (lows[k - 2], lows[k - 1]) == ("quốc", "gia") and low not in _AFTER_NATIONAL \
                and not w.isdigit():  # (but Trung tâm Huấn luyện Thể thao quốc gia 3)
            break  # Ban Chỉ đạo Quốc gia điện ...: a verb, but Ban Chỉ đạo Quốc gia phòng, chống dịch
        elif w.isdigit() and k + 1 < n and not caps[k + 1] and words[k + 1].isalpha() and lows[k + 1] not in _JOIN \
                and not stop_here(c, k + 1) and (lows[k + 1], lows[k + 2] if k + 2 < n else "") not in _ENDS_BEFORE_AND:
            break  # ... 15 doanh nghiệp: a count after the name (not Quân khu 7 cho biết, ... 127 trung ương)
        elif w.isalnum() and lower < 14 and not stop_here(c, k) and (lows[k - 2], lows[k - 1]) not in _NAME_ENDS \
                and (lower or k - j < 2 or not (caps[k - 1] and caps[k - 2]) or low in lists["cap_pair_tails"]):
            k += 1
            end, lower = k, lower + 1
        else:
            break
    return _comma_items(c, j, end, is_parent) if end < n and words[end] == "," and end > j else end


def _comma_items(c: Context, j: int, end: int, is_parent: Callable[[int], bool]) -> int:
    """A name that runs over commas (``Cục Quản lý trại giam, cơ sở giáo
    dục, trường giáo dưỡng (Bộ Công an)``, ``Vụ Tài chính, Kế toán Bộ Công
    nghiệp``): up to four short items after ``end``, kept only when they
    lead to something that closes the name, a parent body or a place
    written with its kind word; else ``end``."""
    s = c.s
    n = len(s.words)
    k = end
    for _ in range(4):
        if k >= n or s.words[k] not in (",", "và"):
            return end
        i = k + 1
        while i < n and i - k <= 5 and s.words[i].isalpha() and s.lows[i] != "và" and not (
                mention_at(c, i) or kind_at(s, i) or head_at(c, i) or stop_here(c, i)
                or s.caps[i] and person_at(c, i)):
            i += 1
        if i == k + 1 or i == k + 2 and not s.caps[k + 1]:
            return end
        k = i
        if k >= n:
            return end
        m = mention_at(c, k)
        if is_parent(k + 1 if s.words[k] in ("(", "-", "–") else k) or m is not None and m.kind is not None:
            return k
    return end


def _closes(c: Context, k: int) -> bool:
    """A few lower-case words from ``k`` and then a place or a national
    scope: the last item of a list inside a name (``..., mại dâm Hà Nội``)."""
    s = c.s
    for m in range(k, min(k + 5, len(s.words))):
        if mention_at(c, m) or kind_at(s, m) or s.lows[m:m + 2] in (["trung", "ương"], ["quốc", "gia"]):
            return m > k
        if s.caps[m] or not s.words[m].isalpha() or stop_here(c, m):
            return False
    return False


# Words that, after "và", start a clause rather than the second field of a name.
_CLAUSE_FIRST = frozenset({"đã", "đang", "sẽ", "được", "bị", "là", "có", "cho", "các", "những", "của", "với", "tại",
                           "ở", "theo", "trong", "khi", "từ", "để", "vào", "ra", "không", "cũng", "vẫn", "còn", "mới",
                           "rất", "hay", "hoặc", "nhưng", "mà", "thì", "này", "đó", "ông", "bà", "anh", "chị", "người",
                           "ngày", "năm", "tháng", "một", "hai", "ba", "bốn", "nhiều", "mọi", "mỗi", "họ", "tôi",
                           "chúng", "do", "bởi", "qua", "sau", "trước", "lúc", "nay", "đến", "tới", "đi", "lên", "về",
                           # people and acts beside a body (... và lãnh đạo tỉnh, ... và đề nghị UBND)
                           "lãnh", "đại", "giám", "cơ", "báo", "đề", "trình", "hoàn", "chủ", "phó", "trưởng", "cán",
                           "nhân", "chuyên", "phóng", "bộ", "ký", "gửi", "yêu", "kiến"})


def _and_field(c: Context, i: int) -> int:
    """After "và", a lower-case field that starts with a verb-like word
    (``và đánh giá môi trường``, ``và tự nhiên``, ``và hỗ trợ khách du
    lịch``): its end when two to eight such words run up to a bracket, a
    dash, the sentence's end, a place or a parent body; else 0."""
    s = c.s
    n = len(s.words)
    if s.lows[i] in _CLAUSE_FIRST:
        return 0
    m = i
    while m < n and m - i < 8 and s.words[m].isalpha() and not s.caps[m] and s.lows[m] != "và" \
            and (m - i < 2 or not stop_here(c, m)) and not mention_at(c, m) and not kind_at(s, m):
        m += 1
    if m - i < 2:
        return 0
    if m >= n or s.words[m] in ("(", ".", "-", "–", "…", ")", "\n") or mention_at(c, m) or kind_at(s, m) \
            or head_at(c, m):
        return m
    return 0


def _listed_field(c: Context, k: int) -> bool:
    """``Thể thao và Truyền thanh`` after ``Văn hóa,``: the last items of a
    unit's field listed as "A, B và C" (a capitalised word, then ``và`` and
    another within a few words, with no other comma or place between; in
    lower case only words that start a field: ``xã hội, kinh tế và môi
    trường``)."""
    s = c.s
    lower = not s.caps[k]  # xã hội, kinh tế và môi trường: fields in lower case

    def field_word(at: int) -> bool:
        return at + 1 < len(s.words) and f"{s.lows[at]} {s.lows[at + 1]}" in c.lists["field_words"]

    if lower and not field_word(k) or mention_at(c, k):
        return False
    last = k  # the start of the item being read: "A, B, C và D" may list a few
    for m in range(k + 1, min(k + 12, len(s.words) - 1)):
        if s.words[m] == "," and m - last < 4 and (field_word(m + 1) if lower else s.caps[m + 1]) \
                and not head_at(c, m + 1) and not mention_at(c, m + 1):
            last = m + 1
            continue  # Văn hóa, Giáo dục, Thanh niên, Thiếu niên và Nhi đồng
        if s.words[m] in (",", ".") or mention_at(c, m) or kind_at(s, m) or m - last >= 4:
            return False
        if s.lows[m] == "và":
            nxt = m + 1
            return (field_word(nxt) if lower else s.caps[nxt]) and not head_at(c, nxt) \
                and not mention_at(c, nxt)
    return False


def skip_bracket(s: Stream, j: int) -> int:
    """Past an abbreviation or a police unit's code in brackets right after
    a name: ``Trung tâm Kiểm soát bệnh tật (CDC) Hà Nam`` still has its
    place."""
    if j + 2 >= len(s.words) or s.words[j] != "(":
        return j
    k = j + 1
    while k < len(s.words) and k - j < 8 and (s.words[k].isupper() or s.words[k] in ("và", "&", "-", ",")
                                              or s.words[k].isdigit() and k > j + 1):  # (PC 26): a police code
        k += 1
    return k + 1 if k > j + 1 and k < len(s.words) and s.words[k] == ")" else j


def text_of(s: Stream, i: int, j: int, capitalise: bool = False) -> str:
    """Tokens ``i:j`` written out (``&`` as ``và``, ``COVID-19`` kept whole);
    ``capitalise``: the first letter upper case, for a field written in
    lower case (``Đội cảnh sát ...``)."""
    out = ""
    for w in s.words[i:j]:
        if w == "&":
            w = "và"
        if w == "," or not out:
            out += w
        elif w in DASH:
            out += " -"
        elif out.endswith("/") or w == "/":
            out += w
        elif out.endswith("-") and w.isdigit():
            out = out[:-2] + "-" + w if out.endswith(" -") else out + w  # COVID-19
        else:
            out += " " + w
    return out[:1].upper() + out[1:] if capitalise else out
