"""The query string of a search, read into a :class:`SearchState` and back.

Every state of the search page is a bookmarkable URL, so this is the one
place that turns ``?q=...&agency=A&agency=B&from=...`` into a
:class:`~indexer.model.SearchRequest` and a state into a URL again.

Pages for people are lenient: a malformed value is corrected and a message
in Vietnamese says what was changed.  The JSON API and the exports are
strict: the same messages become an :class:`~indexer.errors.InvalidRequest`
(answered with 400 by :mod:`search_web.errors`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Protocol
from urllib.parse import parse_qsl, urlencode, urlsplit

from werkzeug.datastructures import MultiDict

from indexer.errors import InvalidRequest
from indexer.model import MAX_PER_PAGE, MAX_QUERY_CHARS, MAX_WINDOW, SORTS, SearchRequest

__all__ = [
    "FACET_PARAMS",
    "MAX_PER_PAGE",
    "MAX_QUERY_CHARS",
    "MAX_WINDOW",
    "SearchState",
    "parse_state",
    "safe_back",
]

DEFAULT_PER_PAGE = 10
#: A URL is not a place to paste a spreadsheet: bound the work one request asks for.
MAX_VALUES_PER_FACET = 20
MAX_VALUE_CHARS = 200

#: URL parameter -> SearchRequest field, in the order URLs list them.
FACET_PARAMS: dict[str, str] = {
    "agency": "agencies",
    "location": "locations",
    "source": "sources",
    "category": "categories",
}
#: Names of the facets as the page says them.
FACET_LABELS: dict[str, str] = {
    "agency": "Cơ quan",
    "location": "Địa điểm",
    "source": "Nguồn báo",
    "category": "Chuyên mục",
}
SORT_LABELS: dict[str, str] = {"relevance": "Liên quan nhất", "newest": "Mới nhất", "oldest": "Cũ nhất"}

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_INT_RE = re.compile(r"[+-]?\d{1,12}")


class _Args(Protocol):
    """What a Werkzeug ``MultiDict`` offers (``request.args``)."""

    def get(self, key: str, default: Any = None) -> Any: ...

    def getlist(self, key: str) -> list[str]: ...


def clean_text(value: str) -> str:
    """Control characters out (they break XML feeds and terminals), edges trimmed."""
    return _CONTROL_RE.sub(" ", value).strip()


@dataclass(frozen=True)
class SearchState:
    """One search as its URL says it; defaults are left out of URLs."""

    q: str = ""
    agency: tuple[str, ...] = ()
    location: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    category: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    #: "" means the default for the query (relevance, or newest when browsing).
    sort: str = ""
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE

    @property
    def effective_sort(self) -> str:
        """What the results are ordered by: browsing without words is newest first."""
        if not self.q:
            return self.sort if self.sort == "oldest" else "newest"
        return self.sort or "relevance"

    @property
    def has_filters(self) -> bool:
        return any(self.selected(name) for name in FACET_PARAMS) or bool(self.date_from or self.date_to)

    def selected(self, facet: str) -> tuple[str, ...]:
        values: tuple[str, ...] = getattr(self, facet)
        return values

    def to_request(self, **overrides: Any) -> SearchRequest:
        values: dict[str, Any] = {
            "query": self.q,
            "date_from": self.date_from,
            "date_to": self.date_to,
            "sort": self.effective_sort,
            "page": self.page,
            "per_page": self.per_page,
        }
        values.update({field_name: self.selected(name) for name, field_name in FACET_PARAMS.items()})
        values.update(overrides)
        return SearchRequest(**values)

    # -- URLs ----------------------------------------------------------------
    def items(self, *, paging: bool = True) -> list[tuple[str, str]]:
        """The query-string pairs of this state (without defaults)."""
        pairs: list[tuple[str, str]] = []
        if self.q:
            pairs.append(("q", self.q))
        for name in FACET_PARAMS:
            pairs.extend((name, value) for value in self.selected(name))
        if self.date_from:
            pairs.append(("from", self.date_from.isoformat()))
        if self.date_to:
            pairs.append(("to", self.date_to.isoformat()))
        if self.sort and self.sort != ("relevance" if self.q else "newest"):
            pairs.append(("sort", self.sort))
        if paging:
            if self.per_page != DEFAULT_PER_PAGE:
                pairs.append(("per_page", str(self.per_page)))
            if self.page != 1:
                pairs.append(("page", str(self.page)))
        return pairs

    def query_string(self, *, paging: bool = True) -> str:
        return urlencode(self.items(paging=paging))

    def change(self, **changes: Any) -> SearchState:
        """A new search from this one; any change but paging starts at page 1."""
        if "page" not in changes:
            changes["page"] = 1
        return replace(self, **changes)

    def adding(self, facet: str, value: str) -> SearchState:
        values = self.selected(facet)
        return self.change(**{facet: values if value in values else values + (value,)})

    def removing(self, facet: str, value: str) -> SearchState:
        return self.change(**{facet: tuple(v for v in self.selected(facet) if v != value)})

    def toggling(self, facet: str, value: str) -> SearchState:
        if value in self.selected(facet):
            return self.removing(facet, value)
        return self.adding(facet, value)

    def without_filters(self) -> SearchState:
        return self.change(**{name: () for name in FACET_PARAMS}, date_from=None, date_to=None)


def _parse_date(args: _Args, name: str, label: str, messages: list[str]) -> date | None:
    raw = clean_text(args.get(name) or "")
    if not raw:
        return None
    if _DATE_RE.fullmatch(raw):
        try:
            return date.fromisoformat(raw)
        except ValueError:
            pass
    messages.append(f"Ngày {label} “{raw[:40]}” không hợp lệ (cần dạng NNNN-TT-NN, ví dụ 2023-07-24) nên đã bị bỏ qua.")
    return None


def _parse_int(args: _Args, name: str, default: int, messages: list[str], label: str) -> int:
    raw = (args.get(name) or "").strip()
    if not raw:
        return default
    if _INT_RE.fullmatch(raw):
        return int(raw)
    messages.append(f"{label} “{raw[:20]}” không phải là số; đã dùng {default}.")
    return default


def _parse_facet(args: _Args, name: str, messages: list[str]) -> tuple[str, ...]:
    values: list[str] = []
    for raw in args.getlist(name):
        value = clean_text(raw)
        if len(value) > MAX_VALUE_CHARS:
            messages.append(f"Một giá trị lọc {FACET_LABELS[name].lower()} dài quá {MAX_VALUE_CHARS} ký tự nên đã bị cắt bớt.")
            value = value[:MAX_VALUE_CHARS].strip()
        if value and value not in values:
            values.append(value)
    if len(values) > MAX_VALUES_PER_FACET:
        messages.append(f"Chỉ lọc được tối đa {MAX_VALUES_PER_FACET} giá trị {FACET_LABELS[name].lower()} một lúc; "
                        "các giá trị sau đã bị bỏ.")
        values = values[:MAX_VALUES_PER_FACET]
    return tuple(values)


def parse_state(args: _Args, *, strict: bool = False) -> tuple[SearchState, list[str]]:
    """Read a search from query-string ``args``, correcting what is malformed.

    Returns the state and the corrections made (Vietnamese, for the reader).
    With ``strict`` any correction raises :class:`InvalidRequest` instead.
    """
    messages: list[str] = []
    q = clean_text(args.get("q") or "")
    if len(q) > MAX_QUERY_CHARS:
        messages.append(f"Câu tìm dài quá {MAX_QUERY_CHARS} ký tự nên đã được cắt bớt.")
        q = q[:MAX_QUERY_CHARS].strip()
    facets = {name: _parse_facet(args, name, messages) for name in FACET_PARAMS}
    date_from = _parse_date(args, "from", "bắt đầu", messages)
    date_to = _parse_date(args, "to", "kết thúc", messages)
    if date_from and date_to and date_from > date_to:
        messages.append("Ngày bắt đầu sau ngày kết thúc nên hai ngày đã được đổi chỗ.")
        date_from, date_to = date_to, date_from
    sort = clean_text(args.get("sort") or "")
    if sort and sort not in SORTS:
        messages.append(f"Không có cách sắp xếp “{sort[:30]}”; dùng một trong: {', '.join(SORTS)}.")
        sort = ""
    per_page = _parse_int(args, "per_page", DEFAULT_PER_PAGE, messages, "Số bài mỗi trang")
    if per_page < 1:
        messages.append(f"Số bài mỗi trang phải từ 1 đến {MAX_PER_PAGE}; đã dùng {DEFAULT_PER_PAGE}.")
        per_page = DEFAULT_PER_PAGE
    elif per_page > MAX_PER_PAGE:
        messages.append(f"Mỗi trang hiện tối đa {MAX_PER_PAGE} bài.")
        per_page = MAX_PER_PAGE
    page = _parse_int(args, "page", 1, messages, "Số trang")
    if page < 1:
        messages.append("Số trang phải từ 1 trở lên; đang hiện trang 1.")
        page = 1
    deepest = MAX_WINDOW // per_page
    if page > deepest:
        messages.append(f"Chỉ xem được {MAX_WINDOW:,} kết quả đầu tiên".replace(",", ".")
                        + f"; đang hiện trang {deepest}. Hãy thu hẹp tìm kiếm bằng bộ lọc.")
        page = deepest
    if strict and messages:
        raise InvalidRequest(" ".join(messages))
    state = SearchState(q=q, date_from=date_from, date_to=date_to, sort=sort, page=page, per_page=per_page,
                        **facets)
    return state, messages


def safe_back(value: str | None, search_path: str = "/") -> str | None:
    """The "back to results" target if it is a search-page URL of this site.

    Anything else (another host, ``//evil``, ``javascript:``, another path)
    is dropped: the parameter is echoed into a link, so it must not become
    an open redirect.  The query is re-read and re-written, so what comes
    back is always a well-formed search.
    """
    if not value or len(value) > 4000 or "\\" in value or any(c < " " or c == "\x7f" for c in value):
        return None
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or parts.path != search_path:
        return None
    state, _ = parse_state(MultiDict(parse_qsl(parts.query)))
    query = state.query_string()
    return f"{search_path}?{query}" if query else search_path
