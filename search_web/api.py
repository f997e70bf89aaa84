"""The JSON API: the same search as the page, for scripts and the page's JS.

``/api/search`` returns exactly ``SearchResults.to_json()`` (what
``indexer search --json`` prints), so one client works with both.  Unlike
the page, the API does not correct a malformed parameter: it answers 400
with the reason (a script should learn it sent nonsense).
"""

from __future__ import annotations


from flask import Blueprint, Response, abort, jsonify, request


from .backend import get_backend
from .params import FACET_PARAMS, clean_text, parse_state

__all__ = ["bp"]

bp = Blueprint("api", __name__, url_prefix="/api")

MAX_FILTER_TEXT = 100
MAX_FACET_VALUES = 50
MAX_ID_CHARS = 1000


@bp.get("/search")
def search() -> Response:
    state, _ = parse_state(request.args, strict=True)
    return jsonify(get_backend().search(state.to_request()).to_json())


@bp.get("/article/<path:article_id>", merge_slashes=False)
def article(article_id: str) -> Response:
    backend = get_backend()
    found = backend.get(article_id) if len(article_id) <= MAX_ID_CHARS else None
    if found is None:
        abort(404)
    return jsonify({**found.to_json(), "related": [h.to_json() for h in backend.related(article_id, 5)]})


@bp.get("/facet/<facet>")
def facet(facet: str) -> Response:
    """Values of one facet matching ``text`` under the current search (the
    agency list is too long to scroll; the page's filter box calls this)."""
    if facet not in FACET_PARAMS:
        abort(404)
    state, _ = parse_state(request.args, strict=True)
    text = clean_text(request.args.get("text") or "")[:MAX_FILTER_TEXT]
    try:
        limit = min(MAX_FACET_VALUES, max(1, int(request.args.get("limit") or 20)))
    except ValueError:
        limit = 20
    values = get_backend().facet_search(state.to_request(facets=False), facet, text, limit) if text else []
    chosen = set(state.selected(facet))
    return jsonify({
        "facet": facet,
        "text": text,
        "values": [{"value": v.value, "count": v.count, **({"selected": True} if v.value in chosen else {})}
                   for v in values if v.count or v.value in chosen],
    })
