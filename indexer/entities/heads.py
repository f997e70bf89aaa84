"""How an agency name starts: the heads, fields and word lists under ``data/``.

A head (``Sở``, ``Ủy ban nhân dân``, ``Đồn Biên phòng``...) is matched on the
abbreviation-expanded stream with its first word capitalised; the rest may
be written in any case (``Đồn biên phòng``), since the display name comes
from the table.  Matching skips the commas and hyphens that writers put
between the words of a name.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .abbreviations import Stream
from .text import tokenize

if TYPE_CHECKING:
    from .binding import Context

__all__ = ["DASH", "LOWER_FIRSTS", "SKIP", "Head", "head_at", "match", "own_title", "party_boards", "tables"]

_DATA = Path(__file__).with_name("data")
SKIP = frozenset({",", "-", "–"})
DASH = frozenset({"-", "–"})


@dataclass(frozen=True, slots=True)
class Head:
    words: tuple[str, ...]
    display: str
    type: str  # field, named, owned, place, party, fixed (see data/agency_heads.tsv)
    scope: str  # national, local or either
    rank: int  # 1 unit of a body ... 4 ministry: a comma-joined parent ranks higher

    @property
    def division(self) -> bool:
        """A court's division (``Tòa Hình sự``), whole in its head."""
        return self.words[0] == "tòa" and len(self.words) > 1 and self.words[1] != "án"


def _words_of(text: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in tokenize(text).words if w not in SKIP)


@lru_cache(maxsize=1)
def tables() -> tuple[dict[str, list[Head]], dict[str, list[tuple[tuple[str, ...], str]]],
                      dict[str, frozenset[str]]]:
    """Heads by first word (longest first), fields by first word, word lists."""
    heads: dict[str, list[Head]] = {}
    for line in (_DATA / "agency_heads.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            cols = line.split("\t")
            words = _words_of(cols[0])
            rank = int(cols[3]) if len(cols) > 3 and cols[3].strip() else 2
            display = cols[4].strip() if len(cols) > 4 and cols[4].strip() else cols[0]
            heads.setdefault(words[0], []).append(Head(words, display, cols[1], cols[2].strip(), rank))
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


def match(s: Stream, k: int, words: tuple[str, ...], loose: bool = False) -> int | None:
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
            while j < n and s.words[j] in SKIP:
                j += 1
        if j < n and s.lows[j] == w:
            j += 1
        elif not (loose and w == "và" and idx):
            return None
    return j


# Heads that may be written in lower case, when a place with its kind word
# follows (``Trưởng công an quận Bình Thạnh``): the place makes them one body.
_LOWER_PLACE_HEADS = frozenset({("công", "an"), ("ủy", "ban", "nhân", "dân"), ("hội", "đồng", "nhân", "dân"),
                                ("tòa", "án", "nhân", "dân"), ("viện", "kiểm", "sát", "nhân", "dân")})
# "cơ quan" before an investigating police unit (cơ quan CSĐT Công an huyện ...).
_INVESTIGATORS = (("cảnh", "sát", "điều", "tra"), ("an", "ninh", "điều", "tra"))
#: First words of the heads that head_at may find in lower case.
LOWER_FIRSTS = frozenset({w[0] for w in _LOWER_PLACE_HEADS} | {"phòng", "cơ", "sở", "văn", "thanh", "bộ", "trung", "đại", "đồn", "ban", "đài",
                                                                  "tỉnh", "thành", "huyện", "quận", "thị", "vụ", "cục",
                                                                  "viện", "quân"})
# Party committees, one word in any case: tỉnh ủy is never anything else.
_LOWER_PARTY = frozenset({("tỉnh", "ủy"), ("thành", "ủy"), ("huyện", "ủy"), ("quận", "ủy"), ("thị", "ủy")})
# Words before "thanh tra" that make it the act of inspecting, not the office.
_INSPECTION_BEFORE = frozenset({"đoàn", "cuộc", "đợt", "luận", "quả", "hành", "được", "bị", "tổ", "việc", "công"})


def own_title(s: Stream, start: int, words: tuple[str, ...]) -> bool:
    """The head starting at ``start`` comes right after its own title
    (``Vụ trưởng Vụ ...``, ``Tổng cục trưởng Tổng cục ...``), which vouches
    for a name written in lower case."""
    return start > 1 and s.lows[start - 1] in ("trưởng", "phó") and s.lows[start - 2] == words[-1]


def _person_at(c: Context, k: int) -> bool:
    from .names import person_at  # (names needs the heads)

    return person_at(c, k)


def head_at(c: Context, k: int) -> tuple[Head, int] | None:
    """The longest head starting at stream index ``k`` and its end: with
    its first word capitalised, or in lower case before a place
    (``công an quận Bình Thạnh``), after a title (``Trưởng phòng Kinh tế
    thị xã ...``, ``Chánh văn phòng Cơ quan CSĐT``), before an investigating
    unit (``cơ quan CSĐT``) or a department's field (``các sở Y tế, Tài
    chính``)."""
    s = c.s
    if k >= len(s.words) or not (s.caps[k] or s.lows[k] in LOWER_FIRSTS):
        return None
    if s.lows[k] == "hải" and k and s.lows[k - 1] == "cục":
        return None  # (Chi) cục Hải quan ...: the name of the Cục, not customs of a place
    if k + 1 < len(s.words) and s.lows[k + 1] == s.lows[k]:
        return None  # Viện VKSND tối cao: the head written twice, once expanded
    for head in c.heads.get(s.lows[k], ()):
        end = match(s, k, head.words)
        if end is not None and head.type == "party" and end != k + len(head.words):
            continue  # huyện, UBND TP: a place word and the next body, not Huyện ủy
        if end is not None:
            if not s.caps[k] and not _lower_ok(c, k, head, end):
                return None
            return head, end
    return None


def _lower_ok(c: Context, k: int, head: Head, end: int) -> bool:
    """A head found in lower case names one body only in the contexts
    ``head_at`` lists."""
    # Imported here: binding needs the locations, which need the heads.
    from .binding import kind_at, mention_at

    s = c.s
    if head.words == ("cơ", "quan"):
        if s.lows[end:end + 2] == ["điều", "tra"]:  # cơ quan điều tra Công an Hà Nội: the police's
            at = end + 2
            if at < len(s.words) and (s.words[at] == "," or s.words[at] in DASH):
                at += 1  # (cơ quan điều tra, Bộ Công an)
            found = head_at(c, at)
            if found is None and at < len(s.words):
                return mention_at(c, at) is not None or kind_at(s, at) is not None  # ... TP HCM
            return found is not None and (found[0].display == "Công an" or s.lows[at:at + 3] == ["bộ", "công", "an"])
        return tuple(s.lows[end:end + 4]) in _INVESTIGATORS
    if head.words == ("sở",):  # các sở Giao thông công chính và Kế hoạch và Đầu tư (but cơ sở, trụ sở)
        return not (k and s.lows[k - 1] in ("cơ", "trụ")) and end < len(s.words) and s.caps[end] \
            and s.lows[end] in c.fields  # (sở thông tin chính thức: "the department informs")
    if head.words == ("văn", "phòng"):  # Chánh văn phòng Cơ quan CSĐT ...; văn phòng Bộ GTVT, UBND TP
        found = head_at(c, end) if end < len(s.words) and s.caps[end] else None
        if found is None:
            return False
        after = found[1]
        named = found[0].type in ("fixed", "party") or after < len(s.words) and (
            s.caps[after] if found[0].type == "field" else kind_at(s, after) is not None or mention_at(c, after) is not None)
        return k > 0 and s.lows[k - 1] == "chánh" or found[0].rank >= 3 and named  # (not văn phòng UBND và văn phòng Sở)
    if head.words in _LOWER_PARTY:
        return True
    if head.words in (("vụ",), ("cục",), ("viện",)):  # Vụ trưởng vụ Kế hoạch, chuyên viên vụ Pháp chế
        return (own_title(s, k, head.words) or s.lows[k - 2:k] == ["chuyên", "viên"]) \
            and end < len(s.words) and s.caps[end]
    if head.words == ("bộ",):  # các bộ Kế hoạch đầu tư và Thương mại: ministries listed in lower case
        after_name = k > 1 and s.words[k - 1] == ","  # Cục Đầu tư nước ngoài, bộ Kế hoạch và Đầu tư
        return k > 0 and (s.lows[k - 1] in ("các", "liên", "hai", "ba", "bốn") or after_name) \
            and end < len(s.words) and s.caps[end] \
            and s.lows[end] in c.fields
    if head.words == ("trung", "tâm"):  # trung tâm y tế huyện An Phú: a field in lower case, then a place
        if end >= len(s.words) or s.lows[end] not in c.fields:
            return False  # (trung tâm và khu vực phường ...: the centre of town)
        i = end
        while i < len(s.words) and i - end < 6 and (not s.caps[i] or i == end) and s.words[i].isalpha() \
                and mention_at(c, i) is None:
            i += 1  # (the field's first syllable may be capitalised: trung tâm Y tế huyện Đông Anh)
        m = mention_at(c, i) if i > end + 1 else None
        return m is not None and m.kind is not None
    if head.words[:2] == ("thanh", "tra"):
        if k and s.lows[k - 1] in ("chánh", "ban"):  # Phó chánh thanh tra TP HCM, Phó ban thanh tra giao thông Hà Nội
            m = mention_at(c, end)
            if m is not None and (m.kind is not None or m.level == "province") \
                    or end < len(s.words) and s.words[end] in ("TP", "Tp") or s.lows[end:end + 1] == ["tỉnh"]:
                return True
        # Chánh thanh tra Sở GTVT, thanh tra Sở Xây dựng, thanh tra Ngân hàng Nhà nước: its inspectorate;
        # thanh tra tỉnh, thanh tra TP: the province's
        return head.words == ("thanh", "tra") and not (k and s.lows[k - 1] in _INSPECTION_BEFORE) \
            and end < len(s.words) and (s.caps[end] and s.lows[end] in ("sở", "bộ", "tổng", "ngân")
                                        or s.lows[end] in ("tp", "tỉnh") or s.lows[end:end + 2] == ["thành", "phố"])
    if head.words == ("phòng",):
        if not (k > 0 and s.lows[k - 1] in ("trưởng", "phó") and end < len(s.words)):
            return False
        if s.caps[end]:
            return head_at(c, end) is None  # trưởng phòng Phòng ...: the capitalised one is the head
        # Trưởng phòng quản lý dược, Sở Y tế; Trưởng phòng nghiệp vụ y (Sở Y tế ...); Trưởng phòng cảnh
        # sát giao thông Hà Nội: a name in lower case, then its parent or its place
        i = end
        while i < len(s.words) and i - end < 14 and (s.words[i].isalpha() or s.words[i] in "-,("):
            m = mention_at(c, i)
            if m is not None:
                return i > end and (m.kind is not None or m.level == "province")
            if i > end and (s.caps[i] or s.lows[i] in LOWER_FIRSTS) and head_at(c, i) is not None:
                return True
            if s.caps[i]:
                return False
            i += 1
        return False
    if head.words[0] == "đài":  # Ban Văn nghệ đài truyền hình Việt Nam, đài truyền hình Bình Dương
        return len(head.words) > 2 and end < len(s.words) and (
            head.scope == "national" or mention_at(c, end) is not None)
    if head.words[0] == "ban":  # Phó ban tuyên giáo trung ương, Trưởng ban quản lý ...: a title, then its board
        if k > 0 and s.lows[k - 1] in ("trưởng", "phó"):
            return s.lows[end:end + 2] != ["thanh", "tra"] and not (
                head.words != ("ban",) and end < len(s.words) and s.caps[end] and _person_at(c, end))
        if head.words == ("ban",):  # chỉ đạo ban thường vụ Quận ủy Tân Bình: the committee's board
            for _, words, _ in party_boards():
                after = match(s, end, words)
                if after is not None:
                    found = head_at(c, after)
                    return found is not None and found[0].type == "party"
        return False
    if head.words[:2] == ("đồn", "biên"):
        return True  # đồn biên phòng cửa khẩu Nghi Sơn
    if head.words[:2] in (("quân", "khu"), ("quân", "chủng")):
        # Phó tư lệnh quân khu 4, chính ủy quân chủng ... (Bộ Tư lệnh quân khu 7 is one name)
        return k > 1 and s.lows[k - 2:k] in (["tư", "lệnh"], ["chính", "ủy"]) and s.lows[k - 3:k - 2] != ["bộ"]
    if head.words[:3] == ("đại", "sứ", "quán"):
        return True  # đại sứ quán Việt Nam tại Malaysia (named by where it sits, or not at all)
    if head.division:  # thẩm phán tòa dân sự TAND tỉnh Bắc Ninh (Chánh tòa dân sự, TAND ...): a court's division
        found = head_at(c, end + 1 if s.words[end:end + 1] == [","] else end)
        return found is not None and found[0].display.startswith("Tòa án")
    if head.words not in _LOWER_PLACE_HEADS:
        return False
    m = mention_at(c, end)  # (a province needs no kind word: bị công an Hải Phòng bắt)
    if m is not None:
        return m.kind is not None or m.level == "province" and m.province is not None
    kind = kind_at(s, end) if head.words == ("công", "an") and s.lows[k - 1:k] != ["lượng"] else None
    # công an xã, công an tỉnh: the police of the place of that kind the article names (not công an quận
    # huyện, nor lực lượng công an huyện: the force)
    return kind is not None and (kind[1] >= len(s.words) or not s.caps[kind[1]]) and kind_at(s, kind[1]) is None


# Boards whose official name is not their phrase capitalised.
_BOARD_NAMES = {"tư tưởng văn hóa": "Tư tưởng - Văn hóa"}


@lru_cache(maxsize=1)
def party_boards() -> tuple[tuple[str, tuple[str, ...], str], ...]:
    """(board, its words, as written in a name), longest first."""
    boards = sorted(tables()[2]["party_boards"], key=len, reverse=True)
    return tuple((b, tuple(b.replace(",", " ").split()),
                  _BOARD_NAMES.get(b, b if b.startswith("cán sự") else b[:1].upper() + b[1:])) for b in boards)
