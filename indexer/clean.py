"""Cleaning: what is article and what is the page around it.

Scraped and dumped articles carry a site footer (masthead, licence, editors,
address, phone), a byline, and photo captions that the page printed twice.
None of that is what the article is about: left in, the footer's ministry
becomes an "agency" and every article of an outlet matches its address.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from .vietnamese import fold, normalize

__all__ = [
    "split_footer",
    "split_byline",
    "dedupe_consecutive",
    "outlet_from_masthead",
    "outlet_name",
    "paragraphs_to_body",
    "split_glued_title",
    "stable_id",
]

# What a site footer's lines hold (matched on folded text).
_FOOTER_KEY_RE = re.compile(
    r"\b(giay phep|tong bien tap|pho tong bien tap|toa soan|tru so|dia chi|"
    r"dien thoai|hotline|email|e-mail|fax|co quan chu quan|chiu trach nhiem|"
    r"ban quyen|copyright|ghi ro nguon|cam sao chep|lien he quang cao|"
    r"van phong dai dien|thu ky toa soan)\b|©"
)
#: Share of a masthead's following lines that must be footer lines.
_FOOTER_SHARE = 0.6

# Bylines: "Tin, ảnh: X", "Bài và ảnh: X", "Ảnh: X", "Theo X" ...
_BYLINE_RE = re.compile(
    r"^(?:(?:tin|bai|anh|video|clip|tin va anh|bai va anh|tin, anh|bai, anh|"
    r"bai va clip|nhom pv|pv|ctv|thuc hien|ghi chep)\s*:\s*)(?P<names>.+)$"
)
_AGENCY_BYLINE_RE = re.compile(r"^(?P<names>[^()]{2,60}?)\s*\((?P<agency>TTXVN|TTXVN/VNA|VNA|TTXVN/Vietnam\+)\)\s*$")
_NAME_SPLIT_RE = re.compile(r"\s*(?:,|;|\s-\s|\s–\s|\s&\s|\svà\s)\s*")
_MAX_BYLINE_CHARS = 80


def _folded(line: str) -> str:
    return fold(line).strip()


def _is_masthead(line: str) -> bool:
    """A short line in capitals, like ``BÁO NAM ĐỊNH ĐIỆN TỬ``."""
    letters = [ch for ch in line if ch.isalpha()]
    if len(letters) < 4 or len(line) > 80 or len(line.split()) < 2 or line.rstrip().endswith("."):
        return False
    return all(ch.isupper() for ch in letters)


def _is_footer_key(line: str) -> bool:
    return bool(_FOOTER_KEY_RE.search(_folded(line)))


def split_footer(lines: Sequence[str]) -> tuple[list[str], list[str]]:
    """Split ``lines`` into (article, footer).

    The footer starts at the last masthead (a short line in capitals) that is
    followed mostly by footer lines (licence, editors, address, phone...);
    without a masthead, at the trailing run of lines that start with such a
    key.  A body sentence that mentions a phone number stays in the body.
    """
    nonempty = [i for i, line in enumerate(lines) if line]
    start = None
    for k in range(len(nonempty) - 1, -1, -1):
        i = nonempty[k]
        if not _is_masthead(lines[i]):
            continue
        after = [lines[j] for j in nonempty[k + 1 :]]
        if after and sum(map(_is_footer_key, after)) >= _FOOTER_SHARE * len(after):
            start = i
            break
    if start is None:
        for k in range(len(nonempty) - 1, -1, -1):
            line = lines[nonempty[k]]
            match = _FOOTER_KEY_RE.search(_folded(line))
            if match and match.start() == 0:
                start = nonempty[k]
            else:
                break
    if start is None:
        return list(lines), []
    body = list(lines[:start])
    while body and not body[-1]:
        body.pop()
    return body, [ln for ln in lines[start:] if ln]


_OUTLET_SUFFIX_RE = re.compile(r"\s*[-–|]?\s*(điện tử|online|điện tử\s*[-–].*)$", re.IGNORECASE)


def outlet_name(raw: str) -> str | None:
    """An outlet's display name: ``BÁO NAM ĐỊNH ĐIỆN TỬ`` → ``Báo Nam Định``."""
    name = _OUTLET_SUFFIX_RE.sub("", normalize(raw).strip()).strip(" -–|")
    if not name:
        return None
    return " ".join(_title_word(w) for w in name.split())


def outlet_from_masthead(footer: Sequence[str]) -> str | None:
    """The outlet's name from the footer's masthead line, if it has one."""
    for line in footer:
        if _is_masthead(line):
            name = outlet_name(line)
            if name:
                return name
    return None


def _title_word(word: str) -> str:
    return word[:1].upper() + word[1:].lower() if word.isupper() else word


def _split_names(names: str) -> list[str]:
    parts = [p.strip(" .") for p in _NAME_SPLIT_RE.split(names)]
    return [p for p in parts if p and len(p) <= 60]


def _byline_names(line: str) -> list[str] | None:
    """Author names if ``line`` is a byline, else None."""
    if len(line) > _MAX_BYLINE_CHARS:
        return None
    match = _BYLINE_RE.match(_folded(line))
    if match:
        # Take the names from the original line (same length after fold).
        names = line[match.start("names"):]
        return _split_names(names)
    match = _AGENCY_BYLINE_RE.match(line)
    if match:
        return _split_names(match.group("names"))
    return None


def split_byline(lines: Sequence[str]) -> tuple[list[str], list[str]]:
    """Split trailing byline lines off the article: (article, authors)."""
    body = list(lines)
    authors: list[str] = []
    while body and not body[-1]:
        body.pop()
    # Up to three trailing credit lines ("Bài: A" / "Ảnh: B" / "X (TTXVN)").
    for _ in range(3):
        while body and not body[-1]:
            body.pop()
        if not body:
            break
        names = _byline_names(body[-1])
        if names is None:
            break
        body.pop()
        authors = names + [a for a in authors if a not in names]
    return body, authors


def dedupe_consecutive(lines: Sequence[str]) -> list[str]:
    """Keep a line printed twice in a row (a photo caption) once."""
    out: list[str] = []
    last = None
    for line in lines:
        if line and line == last:
            continue
        out.append(line)
        if line:
            last = line
    return out


def paragraphs_to_body(lines: Sequence[str]) -> str:
    """Join lines into a body with one blank line between paragraphs."""
    paragraphs = [ln for ln in dedupe_consecutive(lines) if ln]
    return "\n\n".join(paragraphs)


_SENTENCE_END_RE = re.compile(r"[.!?…](?=\s+\S)")
_LONG_TITLE_WORDS = 25
_SPLIT_WITHIN = 20
# Words after which a capital starts a name inside the sentence, not a new one.
_JOINING_WORDS = frozenset(
    "va cua o tai voi cho cac nhung tu den ve theo thuoc truong bo so phong ong ba anh chi em".split()
)


def split_glued_title(title: str) -> tuple[str, str]:
    """(title, lead) for a title line with the lead paragraph glued on.

    Some archives (VNTC) lost the line break between title and lead.  Titles
    run to about 20 words; past that, cut at the first sentence start that is
    not a proper name (a capitalised word followed by a lower-case one, after
    a lower-case word that does not join names, such as "và"), else at the
    first full stop.  Short titles are kept.
    """
    words = title.split()
    if len(words) <= _LONG_TITLE_WORDS:
        return title, ""
    for k in range(4, min(len(words) - 1, _SPLIT_WITHIN)):
        prev, word, nxt = words[k - 1], words[k], words[k + 1]
        if (prev[:1].islower() and word[:1].isupper() and nxt[:1].islower()
                and fold(prev.strip(",;:")) not in _JOINING_WORDS):
            return " ".join(words[:k]), " ".join(words[k:])
    match = _SENTENCE_END_RE.search(title)
    if match and match.end() < len(title):
        return title[: match.end()].strip(), title[match.end():].strip()
    return title, ""


def stable_id(
    record_id: object = None,
    url: str | None = None,
    source: str | None = None,
    title: str = "",
    published: str | None = None,
) -> str:
    """The article's id: its own id, else one derived from its URL, else from
    outlet + title + date, so that ingesting the same article twice gives the
    same id (and the index replaces instead of duplicating)."""
    if record_id not in (None, ""):
        return normalize(str(record_id)).replace("\n", " ")
    if url:
        key = "url|" + url.strip()
    else:
        key = "|".join(("doc", fold(source or ""), fold(title), (published or "")[:10]))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
