"""The query language, parsed the way articles are analysed.

Plain words are the default; ``"quoted phrases"`` must appear as written;
``-word`` / ``-"phrase"`` exclude; ``OR`` between two words (pyvi words, so
``hỏa hoạn OR cháy rừng`` binds the compounds) accepts either; ``title:``,
``source:``, ``agency:``, ``location:``, ``category:`` restrict; ``date:2023``,
``date:2023-07``, ``from:2023-01-01``, ``to:2023-06-30`` limit dates.

Whoosh's own parser splits on spaces before analysis, which breaks
multi-syllable words and abbreviations; this parser never raises: anything
it cannot read is taken as plain words and a notice says so.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date

from .analysis import fold_term, segment
from .model import MAX_QUERY_CHARS
from .synonyms import find_expansions
from .vietnamese import SYLLABLE_RE, has_diacritics, normalize

__all__ = ["Concept", "Phrase", "ParsedQuery", "Marks", "parse_query", "MAX_QUERY_CHARS", "MAX_CONCEPTS"]

#: Free-text terms beyond this are dropped (a pasted article is not a query).
MAX_CONCEPTS = 32
FILTER_FIELDS = ("source", "agency", "location", "category")
_FIELD_ALIASES = {
    "title": "title", "tieude": "title", "tit": "title",
    "source": "source", "nguon": "source", "bao": "source",
    "agency": "agency", "coquan": "agency",
    "location": "location", "diadiem": "location", "noi": "location", "tinh": "location",
    "category": "category", "chuyenmuc": "category", "topic": "category",
    "date": "date", "ngay": "date", "nam": "date",
    "from": "from", "tu": "from", "since": "from",
    "to": "to", "den": "to", "until": "to",
}
_TOKEN_RE = re.compile(
    r'(?P<neg>-)?(?:(?P<field>[^\W\d_][\w]*):)?(?:"(?P<quoted>[^"]*)"|(?P<open>")(?P<rest>.*)$|(?P<word>[^\s"]+))',
    re.S,
)


@dataclass
class Concept:
    """One thing the reader asked for; a document matches it through any of
    its variants (an abbreviation's forms, or the sides of an ``OR``)."""

    variants: list[list[str]]  # lower-case syllables; [0] is what was typed
    title_only: bool = False
    #: typed variant's syllables are to be matched exactly (accented query)
    exact: bool = False


@dataclass
class Phrase:
    syllables: list[str]
    title_only: bool = False
    exact: bool = False


@dataclass
class ParsedQuery:
    text: str
    concepts: list[Concept] = field(default_factory=list)
    #: indexes into ``concepts`` of runs typed next to each other (for bigrams)
    runs: list[list[int]] = field(default_factory=list)
    words: list[str] = field(default_factory=list)  # pyvi compounds, for the words field
    phrases: list[Phrase] = field(default_factory=list)
    excluded: list[Phrase] = field(default_factory=list)
    filters: dict[str, list[str]] = field(default_factory=dict)
    date_from: date | None = None
    date_to: date | None = None
    accented: bool = False
    notices: list[str] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.concepts or self.phrases)

    def highlight_terms(self) -> "Marks":
        """What to mark in a snippet: each syllable the reader typed (with
        their diacritics if they typed any, so ``hàng`` does not mark
        ``hãng``), and the other forms of an abbreviation only where they
        stand whole (the "và" of "khoa học và công nghệ" alone is not marked)."""
        typed = {s for c in self.concepts for s in c.variants[0]}
        typed.update(s for p in self.phrases for s in p.syllables)
        sequences = {tuple(fold_term(s) for s in v) for c in self.concepts for v in c.variants[1:]}
        if self.accented:
            return Marks(exact=frozenset(typed), sequences=frozenset(sequences))
        return Marks(folded=frozenset(fold_term(s) for s in typed), sequences=frozenset(sequences))


@dataclass(frozen=True)
class Marks:
    """Syllables to mark anywhere (exact or folded), and folded sequences to
    mark only whole."""

    exact: frozenset[str] = frozenset()
    folded: frozenset[str] = frozenset()
    sequences: frozenset[tuple[str, ...]] = frozenset()

    def positions(self, syllables: list[str]) -> list[int]:
        """Indexes of the (lower-case) ``syllables`` to mark."""
        folded = [fold_term(s) for s in syllables]
        hits = {i for i, s in enumerate(syllables) if s in self.exact}
        hits.update(i for i, f in enumerate(folded) if f in self.folded)
        for seq in self.sequences:
            size = len(seq)
            for i, f in enumerate(folded):
                if f == seq[0] and tuple(folded[i : i + size]) == seq:
                    hits.update(range(i, i + size))
        return sorted(hits)


def _syllables(text: str) -> list[str]:
    return [s.lower() for s in SYLLABLE_RE.findall(text)]


def _parse_date(value: str, end: bool) -> date | None:
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", value.strip())
    if not m:
        m2 = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", value.strip())
        if not m2:
            return None
        day, month, year = (int(g) for g in m2.groups())
    else:
        year = int(m.group(1))
        month = int(m.group(2)) if m.group(2) else (12 if end else 1)
        day = int(m.group(3)) if m.group(3) else None
        if day is None:
            if not 1 <= month <= 12:
                return None
            day = calendar.monthrange(year, month)[1] if end else 1
    try:
        return date(year, month, day)
    except ValueError:
        return None


class _Parser:
    def __init__(self, text: str) -> None:
        self.q = ParsedQuery(text=text)
        self.accented = False  # set from the words and phrases, not the filters
        self._ranges: dict[str, tuple[date, date]] = {}
        # ("text", text, title_only), ("phrase", index in q.phrases, False),
        # ("OR", "", False) and ("|", "", False)
        # (a phrase or operator that breaks a run of words), in typed order
        self.items: list[tuple[str, str, bool]] = []

    def notice(self, message: str) -> None:
        if message not in self.q.notices:
            self.q.notices.append(message)

    def run(self) -> ParsedQuery:
        text = self.q.text
        for m in _TOKEN_RE.finditer(text):
            self._token(m)
        self.accented = any(has_diacritics(t) for kind, t, _ in self.items if kind == "text") or any(
            p.exact for p in self.q.phrases)
        self.q.accented = self.accented
        self._build_concepts()
        if (self.q.date_from and self.q.date_to and self.q.date_from > self.q.date_to
                and "from" in self._ranges and "to" in self._ranges and "date" not in self._ranges):
            self.q.date_from, self.q.date_to = self._ranges["to"][0], self._ranges["from"][1]
            self.notice("Ngày bắt đầu sau ngày kết thúc: đã đổi chỗ hai ngày.")
        return self.q

    def _token(self, m: re.Match[str]) -> None:
        neg = bool(m.group("neg"))
        field_name = m.group("field")
        if m.group("open") is not None:
            self.notice("Dấu ngoặc kép chưa đóng: phần sau dấu ngoặc được tìm như từ thường.")
            self._plain(m.group("rest"), neg=False)
            return
        quoted = m.group("quoted")
        word = m.group("word")
        value = quoted if quoted is not None else word or ""
        if field_name:
            key = _FIELD_ALIASES.get(fold_term(field_name.lower()))
            if key is None:
                self.notice(f"Không có trường “{field_name}:”; đã tìm như từ thường.")
                self._plain(f"{field_name} {value}", neg)
                return
            self._field(key, value, neg, quoted is not None)
            return
        if quoted is not None:
            sylls = _syllables(quoted)
            if not sylls:
                return
            phrase = Phrase(sylls, exact=has_diacritics(quoted))
            if neg:
                self.q.excluded.append(phrase)
                self.items.append(("|", "", False))
            else:
                self.items.append(("phrase", str(len(self.q.phrases)), False))
                self.q.phrases.append(phrase)
            return
        if word and word.endswith(":") and _FIELD_ALIASES.get(fold_term(word[:-1].lower())):
            self.notice(f"Trường “{word}” cần một giá trị; đã bỏ qua.")
            return
        if word == "OR" and not neg:
            self.items.append(("OR", "", False))
            return
        if neg and word:
            sylls = _syllables(word)
            if sylls:
                self.q.excluded.append(Phrase(sylls, exact=has_diacritics(word)))
            else:
                self._plain(word, False)
            return
        self._plain(word or "", neg=False)

    def _plain(self, text: str, neg: bool, title_only: bool = False) -> None:
        if not _syllables(text):
            return
        last = self.items[-1] if self.items else None
        if last is not None and last[0] == "text" and last[2] == title_only:
            self.items[-1] = ("text", last[1] + " " + text, title_only)
        else:
            self.items.append(("text", text, title_only))

    def _field(self, key: str, value: str, neg: bool, quoted: bool) -> None:
        if not value.strip():
            self.notice(f"Trường “{key}:” cần một giá trị; đã bỏ qua.")
            return
        if key == "title":
            sylls = _syllables(value)
            if not sylls:
                return
            phrase = Phrase(sylls, title_only=True, exact=has_diacritics(value))
            if neg:
                self.q.excluded.append(phrase)
            elif quoted:
                self.q.phrases.append(phrase)
            else:
                self._plain(value, False, title_only=True)
            return
        if key in ("date", "from", "to"):
            start = _parse_date(value, end=False)
            end = _parse_date(value, end=True)
            if start is None or end is None:
                self.notice(f"Không hiểu ngày “{value}” (dùng YYYY, YYYY-MM hoặc YYYY-MM-DD); đã bỏ qua.")
                return
            if key in ("date", "from"):
                self.q.date_from = max(filter(None, (self.q.date_from, start)))
            if key in ("date", "to"):
                self.q.date_to = min(filter(None, (self.q.date_to, end)))
            self._ranges[key] = (start, end)
            return
        if neg:
            self.notice(f"Không hỗ trợ loại trừ “-{key}:”; đã bỏ qua.")
            return
        self.q.filters.setdefault(key, []).append(normalize(value).strip())

    # -- free text -------------------------------------------------------------
    def _units(self, text: str) -> list[tuple[list[str], list[list[str]] | None]]:
        """(typed syllables, abbreviation forms or None) units of a text run:
        abbreviation spans, then pyvi words (accented text) or syllables."""
        sylls = _syllables(text)
        units: list[tuple[list[str], list[list[str]] | None]] = []
        spans = find_expansions(sylls)
        pos = 0
        for start, end, forms in [*spans, (len(sylls), len(sylls), [])]:
            if start > pos:
                units.extend((w, None) for w in self._words(sylls[pos:start]))
            if end > start:
                typed = sylls[start:end]
                others = [f for f in forms if [fold_term(s) for s in f] != [fold_term(s) for s in typed]]
                units.append((typed, [typed, *others]))
            pos = end
        return units

    def _words(self, sylls: list[str]) -> list[list[str]]:
        if not self.accented or len(sylls) < 2:
            return [[s] for s in sylls]
        words = []
        for token in segment(" ".join(sylls)).split():
            parts = _syllables(token.replace("_", " "))
            if parts:
                words.append(parts)
        return words

    def _build_concepts(self) -> None:
        q = self.q
        pending_or = False
        runs: list[list[_Unit]] = []
        last_phrase: int | None = None  # the item just before was this phrase
        or_phrases: set[int] = set()  # phrases that became a side of an OR
        for kind, text, title_only in self.items:
            if kind == "OR":
                if not ((runs and runs[-1]) or last_phrase is not None):
                    self.notice("“OR” cần một từ ở mỗi bên; đã bỏ qua.")
                    continue
                pending_or = True
                continue
            if kind == "|":
                runs.append([])
                if pending_or:
                    self.notice("“OR” cần một từ hoặc một cụm trong ngoặc kép ở mỗi bên; đã bỏ qua.")
                pending_or, last_phrase = False, None
                continue
            if kind == "phrase":
                index = int(text)
                sylls = q.phrases[index].syllables
                if pending_or:
                    if last_phrase is not None:
                        left = q.phrases[last_phrase].syllables
                        or_phrases.add(last_phrase)
                        runs.append([])
                    else:
                        left = runs[-1].pop()[0]
                    runs[-1].append((left, [left, sylls], False))
                    or_phrases.add(index)
                else:
                    runs.append([])
                pending_or, last_phrase = False, index
                continue
            units = [(typed, forms, title_only) for typed, forms in self._units(text)]
            if pending_or and units and last_phrase is not None:
                left = q.phrases[last_phrase].syllables
                right_typed, right_forms, _ = units.pop(0)
                or_phrases.add(last_phrase)
                runs.append([(left, [left, *(right_forms or [right_typed])], False), *units])
            elif pending_or and runs and runs[-1] and units:
                runs[-1].append(_join_or(runs[-1], units))
                runs[-1].extend(units)
            else:
                runs.append(units)
            pending_or, last_phrase = False, None
        if pending_or:
            self.notice("“OR” ở cuối câu tìm không nối gì; đã bỏ qua.")
        q.phrases = [p for i, p in enumerate(q.phrases) if i not in or_phrases]
        full = False
        for run in runs:
            indexes = []
            for typed, forms, title_only in run:
                if forms is None:
                    if len(typed) > 1:
                        q.words.append("_".join(typed))
                    new = [Concept([[syll]], title_only, self.accented) for syll in typed]
                else:
                    new = [Concept(forms, title_only, self.accented)]
                for concept in new:
                    if len(q.concepts) >= MAX_CONCEPTS:
                        full = True
                        break
                    indexes.append(len(q.concepts))
                    q.concepts.append(concept)
            if indexes:
                q.runs.append(indexes)
        if full:
            self.notice(f"Câu tìm quá dài: chỉ dùng {MAX_CONCEPTS} từ đầu tiên.")


_Unit = tuple[list[str], "list[list[str]] | None", bool]


def _join_or(left_run: list[_Unit], right_run: list[_Unit]) -> _Unit:
    """One unit for ``A OR B``, taken off the end of ``left_run`` and the
    start of ``right_run``.  Each side is a pyvi word, grown by its
    neighbours to the other side's length: pyvi does not always join
    "cháy rừng", but "hỏa hoạn OR cháy rừng" means two two-syllable things."""
    left = [left_run.pop()]
    right = [right_run.pop(0)]

    def size(side: list[_Unit]) -> int:
        return sum(len(u[0]) for u in side)

    while size(left) < size(right) and left_run:
        left.insert(0, left_run.pop())
    while size(right) < size(left) and right_run:
        right.append(right_run.pop(0))

    def forms(side: list[_Unit]) -> list[list[str]]:
        if len(side) == 1 and side[0][1]:
            return list(side[0][1])
        return [[s for u in side for s in u[0]]]

    both = forms(left) + forms(right)
    return both[0], both, left[0][2]


def parse_query(text: str) -> ParsedQuery:
    """Parse what the reader typed; never raises."""
    text = normalize(text or "").replace("\n", " ")
    for a, b in (("“", '"'), ("”", '"'), ("„", '"'), ("«", '"'), ("»", '"')):
        text = text.replace(a, b)
    notices = []
    if len(text) > MAX_QUERY_CHARS:
        text = text[:MAX_QUERY_CHARS]
        notices.append(f"Câu tìm dài quá {MAX_QUERY_CHARS} ký tự nên đã được cắt bớt.")
    parsed = _Parser(text).run()
    parsed.notices[:0] = notices
    return parsed
