"""Any search as an Atom feed (to follow it) or a CSV file (for staff reports).

Both take the search page's parameters and, like the API, answer a
malformed one with 400.  The feed is the newest matches; the CSV is every
match up to ``CSV_MAX_ROWS``, streamed page by page so a large export never
sits in memory, with a BOM so Excel reads Vietnamese as UTF-8, and cells
that a spreadsheet would run as a formula defused.
"""

from __future__ import annotations

import csv
import dataclasses
import html
import io
import re
from collections.abc import Iterator
from datetime import datetime, timezone
from xml.etree import ElementTree as ET

from flask import Blueprint, Response, request, stream_with_context, url_for

from indexer.model import Hit, SearchRequest

from .backend import get_backend
from .params import MAX_PER_PAGE, MAX_WINDOW, SearchState, parse_state

__all__ = ["bp", "csv_cell", "FEED_ENTRIES", "CSV_MAX_ROWS"]

bp = Blueprint("feeds", __name__)

FEED_ENTRIES = 50
#: The core pages no deeper than MAX_WINDOW, and a report of more is not read.
CSV_MAX_ROWS = MAX_WINDOW
CSV_COLUMNS = ("id", "published", "source", "title", "url", "agencies", "locations")
ATOM_NS = "http://www.w3.org/2005/Atom"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_MARK_RE = re.compile(r"</?mark>")


def _state() -> SearchState:
    state, _ = parse_state(request.args, strict=True)
    return state


# -- Atom --------------------------------------------------------------------------
def _text(value: str | None) -> str:
    return _XML_INVALID.sub("", value or "")


def _plain(snippet_html: str) -> str:
    """The snippet without its markup (Atom ``type="text"`` is escaped by ET)."""
    return html.unescape(_MARK_RE.sub("", snippet_html))


def _feed_title(state: SearchState) -> str:
    parts = [f"“{state.q}”"] if state.q else []
    for name in ("agency", "location", "source", "category"):
        parts.extend(state.selected(name))
    return "Kho tin tức: " + (", ".join(parts) if parts else "bài mới nhất")


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", attrs)
    if text is not None:
        element.text = _text(text)
    return element


def _iso(value: datetime | None, fallback: datetime) -> str:
    return (value or fallback).isoformat(timespec="seconds")


@bp.get("/feed.atom")
def atom() -> Response:
    state = _state()
    results = get_backend().search(state.to_request(sort="newest", page=1, per_page=FEED_ENTRIES, facets=False))
    now = datetime.now(timezone.utc).replace(microsecond=0)
    newest = max((h.published for h in results.hits if h.published), default=None)
    query = state.query_string(paging=False)
    self_url = url_for("feeds.atom", _external=True) + (f"?{query}" if query else "")
    page_url = url_for("views.search", _external=True) + (f"?{query}" if query else "")
    ET.register_namespace("", ATOM_NS)
    feed = ET.Element(f"{{{ATOM_NS}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "vi"})
    _sub(feed, "id", self_url)
    _sub(feed, "title", _feed_title(state))
    _sub(feed, "updated", _iso(newest, now))
    _sub(feed, "link", rel="self", type="application/atom+xml", href=self_url)
    _sub(feed, "link", rel="alternate", type="text/html", href=page_url)
    _sub(_sub(feed, "author"), "name", "Kho tin tức địa phương")
    _sub(feed, "generator", "vnnews-search")
    for hit in results.hits:
        entry = _sub(feed, "entry")
        link = url_for("views.article", article_id=hit.id, _external=True)
        _sub(entry, "id", link)
        _sub(entry, "title", hit.title or hit.id)
        _sub(entry, "updated", _iso(hit.published, now))
        if hit.published:
            _sub(entry, "published", _iso(hit.published, now))
        _sub(entry, "link", rel="alternate", type="text/html", href=link)
        if hit.source:
            _sub(_sub(entry, "author"), "name", hit.source)
        if hit.category:
            _sub(entry, "category", term=_text(hit.category))
        _sub(entry, "summary", _plain(hit.snippet), type="text")
    body = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return Response(body, mimetype="application/atom+xml", headers={"Cache-Control": "no-cache"})


# -- CSV ---------------------------------------------------------------------------
def csv_cell(value: str | None) -> str:
    """A cell a spreadsheet shows as text: ``=HYPERLINK(...)`` gets a leading quote."""
    text = value or ""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _row(hit: Hit) -> list[str]:
    return [csv_cell(v) for v in (
        hit.id,
        hit.published.isoformat() if hit.published else "",
        hit.source,
        hit.title,
        hit.url,
        "; ".join(hit.agencies),
        "; ".join(hit.locations),
    )]


def _csv_lines(request_: SearchRequest, first: tuple[Hit, ...], total: int) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")

    def flush() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    writer.writerow(CSV_COLUMNS)
    yield "\ufeff" + flush()
    hits, page, written = first, 1, 0
    backend = get_backend()
    while hits and written < CSV_MAX_ROWS:
        for hit in hits[: CSV_MAX_ROWS - written]:
            writer.writerow(_row(hit))
        written += min(len(hits), CSV_MAX_ROWS - written)
        yield flush()
        page += 1
        if written >= min(total, CSV_MAX_ROWS) or page * MAX_PER_PAGE > MAX_WINDOW:
            break
        hits = backend.search(dataclasses.replace(request_, page=page)).hits


@bp.get("/export.csv")
def export_csv() -> Response:
    state = _state()
    search_request = state.to_request(page=1, per_page=MAX_PER_PAGE, facets=False)
    # The first page is fetched before streaming starts, so a bad request or
    # a missing index is still a proper 400/503 rather than a broken download.
    first = get_backend().search(search_request)
    stamp = datetime.now().strftime("%Y%m%d-%H%M")
    return Response(
        stream_with_context(_csv_lines(search_request, first.hits, first.total)),
        mimetype="text/csv",
        headers={
            "Content-Disposition": f'attachment; filename="tim-kiem-{stamp}.csv"',
            "Cache-Control": "no-store",
        },
    )
