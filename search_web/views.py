"""The pages people see: the search page (``/``) and article pages.

The page is one GET form, so every state is a URL and everything works
without JavaScript; the helpers here turn :class:`SearchResults` into what
the templates draw (facet lists, the date chart, page links) so the
templates stay free of arithmetic.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, datetime
from urllib.parse import urlsplit

from flask import Blueprint, Flask, abort, render_template, request, url_for

from indexer.model import FacetValue, SearchResults

from .backend import get_backend
from .params import FACET_LABELS, FACET_PARAMS, MAX_WINDOW, SORT_LABELS, SearchState, clean_text, parse_state, safe_back

__all__ = ["bp", "init_app", "search_url"]

bp = Blueprint("views", __name__)

#: Sidebar order: short lists first, the long agency and place lists last.
SIDEBAR_ORDER = ("source", "category", "agency", "location")
#: Facet values listed before "show more" (selected values are always listed).
SHOWN_VALUES = 8
#: Location groups (a province and the places in it) listed before "show more".
SHOWN_GROUPS = 5
MAX_ID_CHARS = 1000
FACET_FILTER_LIMIT = 30
#: Values per facet the page asks for (the JSON API keeps the core's default).
PAGE_FACET_LIMIT = 20


# -- formatting ----------------------------------------------------------------
def vn_int(number: int) -> str:
    """1234567 -> "1.234.567" (Vietnamese groups thousands with dots)."""
    return f"{number:,}".replace(",", ".")


def vn_datetime(value: datetime | None) -> str:
    if value is None:
        return "không rõ ngày"
    if (value.hour, value.minute) == (0, 0):
        return value.strftime("%d/%m/%Y")
    return value.strftime("%d/%m/%Y %H:%M")


def vn_seconds(ms: float) -> str:
    return f"{ms / 1000:.2f}".replace(".", ",") + " giây"


def http_url(value: str | None) -> str | None:
    """Only http(s) links are rendered (``javascript:`` in a feed is not a link)."""
    if value and urlsplit(value).scheme.lower() in ("http", "https"):
        return value
    return None


def search_url(state: SearchState, **changes: object) -> str:
    """The search page URL of ``state`` (with ``changes`` applied)."""
    if changes:
        state = state.change(**changes) if "page" not in changes else replace(state, **changes)
    query = state.query_string()
    return url_for("views.search") + (f"?{query}" if query else "")


def article_url(article_id: str, back: str | None = None) -> str:
    return url_for("views.article", article_id=article_id, back=back)


# -- view models -----------------------------------------------------------------
@dataclass(frozen=True)
class FacetItem:
    value: str
    label: str
    count: int
    selected: bool
    depth: int


@dataclass(frozen=True)
class FacetBox:
    name: str
    label: str
    shown: list[FacetItem]
    more: list[FacetItem]


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    #: 0-10, drawn by CSS classes (the CSP allows no inline style)
    height: int
    href: str | None
    selected: bool
    title: str


def _location_label(value: str, parent: str | None) -> str:
    if parent and value.endswith(", " + parent):
        return value[: -len(parent) - 2]
    return value


def _items(name: str, values: tuple[FacetValue, ...] | list[FacetValue], state: SearchState) -> list[FacetItem]:
    chosen = set(state.selected(name))
    depths: dict[str, int] = {}
    items = []
    for v in values:
        depth = depths.get(v.parent, -1) + 1 if v.parent else 0
        depths[v.value] = depth
        label = _location_label(v.value, v.parent) if name == "location" else v.value
        items.append(FacetItem(v.value, label, v.count, v.selected or v.value in chosen, depth))
    return items


def _split(name: str, items: list[FacetItem]) -> tuple[list[FacetItem], list[FacetItem]]:
    """What is listed at once and what hides behind "show more"."""
    if name != "location":
        shown = [i for n, i in enumerate(items) if n < SHOWN_VALUES or i.selected]
        return shown, [i for n, i in enumerate(items) if not (n < SHOWN_VALUES or i.selected)]
    groups: list[list[FacetItem]] = []
    for item in items:
        if item.depth == 0 or not groups:
            groups.append([])
        groups[-1].append(item)
    shown, more = [], []
    for n, group in enumerate(groups):
        (shown if n < SHOWN_GROUPS or any(i.selected for i in group) else more).extend(group)
    return shown, more


def facet_boxes(results: SearchResults, state: SearchState,
                agency_matches: list[FacetValue] | None = None) -> list[FacetBox]:
    boxes = []
    for name in SIDEBAR_ORDER:
        values: tuple[FacetValue, ...] | list[FacetValue] = results.facets.get(name, ())
        if name == "agency" and agency_matches is not None:
            found = {v.value for v in agency_matches}
            values = [v for v in values if v.selected and v.value not in found] + list(agency_matches)
        items = _items(name, values, state)
        shown, more = _split(name, items) if agency_matches is None or name != "agency" else (items, [])
        boxes.append(FacetBox(name, FACET_LABELS[name], shown, more))
    return boxes


def _height(count: int, top: int) -> int:
    return 0 if not count or not top else max(1, round(10 * count / top))


def year_bars(results: SearchResults, state: SearchState) -> list[Bar]:
    values = results.facets.get("year", ())
    top = max((v.count for v in values), default=0)
    bars = []
    for v in values:
        year = int(v.value)
        href = search_url(state, date_from=date(year, 1, 1), date_to=date(year, 12, 31))
        bars.append(Bar(v.value, v.count, _height(v.count, top), href, v.selected,
                        f"Năm {v.value}: {vn_int(v.count)} bài"))
    return bars


def month_bars(results: SearchResults, state: SearchState) -> tuple[int, list[Bar]] | None:
    """The twelve months of one year, when the range (or the hits) lie in one year."""
    years = [int(v.value) for v in results.facets.get("year", ())]
    if state.date_from and state.date_to and state.date_from.year == state.date_to.year:
        year = state.date_from.year
    elif len(years) == 1:
        year = years[0]
    else:
        return None
    counts = {v.value: v for v in results.facets.get("month", ()) if v.value.startswith(f"{year:04d}-")}
    top = max((v.count for v in counts.values()), default=0)
    bars = []
    for month in range(1, 13):
        v = counts.get(f"{year:04d}-{month:02d}")
        count = v.count if v else 0
        last = calendar.monthrange(year, month)[1]
        href = search_url(state, date_from=date(year, month, 1), date_to=date(year, month, last)) if count else None
        bars.append(Bar(f"{month}", count, _height(count, top), href, bool(v and v.selected),
                        f"Tháng {month}/{year}: {vn_int(count)} bài"))
    return year, bars


def page_numbers(state: SearchState, results: SearchResults) -> list[int | None]:
    """Page links around the current page; ``None`` is a gap ("…")."""
    last = min(results.pages, max(1, MAX_WINDOW // state.per_page))
    wanted = {1, last} | set(range(max(1, state.page - 2), min(last, state.page + 2) + 1))
    numbers: list[int | None] = []
    for n in sorted(wanted):
        if numbers and numbers[-1] is not None and n - numbers[-1] > 1:  # type: ignore[operator]
            numbers.append(None)
        numbers.append(n)
    return numbers


def last_page(state: SearchState, results: SearchResults) -> int:
    return min(results.pages, max(1, MAX_WINDOW // state.per_page))


def active_filters(state: SearchState) -> list[tuple[str, str, str]]:
    """(facet label, value, URL without it) for each filter in use."""
    chips = [(FACET_LABELS[name], value, search_url(state.removing(name, value)))
             for name in FACET_PARAMS for value in state.selected(name)]
    if state.date_from or state.date_to:
        span = f"{_vn_date(state.date_from) or '…'} – {_vn_date(state.date_to) or '…'}"
        chips.append(("Thời gian", span, search_url(state, date_from=None, date_to=None)))
    return chips


def _vn_date(value: date | None) -> str | None:
    return value.strftime("%d/%m/%Y") if value else None


# -- routes ----------------------------------------------------------------------
@bp.get("/")
def search() -> str:
    state, messages = parse_state(request.args)
    backend = get_backend()
    results = backend.search(state.to_request(facet_limit=PAGE_FACET_LIMIT))
    last = last_page(state, results)
    if results.total and state.page > last:
        messages.append(f"Không có trang {vn_int(state.page)}; đang hiện trang cuối ({vn_int(last)}).")
        state = replace(state, page=last)
        results = backend.search(state.to_request(facet_limit=PAGE_FACET_LIMIT))
    agency_q = clean_text(request.args.get("agency_q") or "")[:100]
    agency_matches = None
    if agency_q:
        chosen = set(state.agency)
        agency_matches = [v for v in backend.facet_search(state.to_request(), "agency", agency_q, FACET_FILTER_LIMIT)
                          if v.count or v.value in chosen]
    here = search_url(state)
    return render_template(
        "search.html",
        state=state,
        results=results,
        messages=messages,
        facets=facet_boxes(results, state, agency_matches),
        agency_q=agency_q,
        years=year_bars(results, state),
        months=month_bars(results, state),
        pages=page_numbers(state, results),
        last_page=last,
        filters=active_filters(state),
        sorts=SORT_LABELS,
        here=here,
        feed_query=state.query_string(paging=False),
    )


@bp.get("/article/<path:article_id>", merge_slashes=False)
def article(article_id: str) -> str:
    if len(article_id) > MAX_ID_CHARS:
        abort(404)
    backend = get_backend()
    found = backend.get(article_id)
    if found is None:
        abort(404)
    related = backend.related(article_id, 5)
    back = safe_back(request.args.get("back"), url_for("views.search"))
    paragraphs = [line.strip() for line in found.body.splitlines() if line.strip()]
    return render_template("article.html", article=found, related=related, back=back, paragraphs=paragraphs,
                           state=SearchState(), source_url=http_url(found.url))


def init_app(app: Flask) -> None:
    """Template helpers: Vietnamese numbers and dates, URL builders."""
    app.add_template_filter(vn_int)
    app.add_template_filter(vn_datetime)
    app.add_template_filter(vn_seconds)
    app.add_template_global(search_url)
    app.add_template_global(article_url)
