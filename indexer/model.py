"""The plain values that cross the core's boundary.

Nothing here imports Whoosh or Flask: the CLI, the web app and any other
backend (OpenSearch, say) speak only these types.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

__all__ = [
    "Article",
    "SearchRequest",
    "SearchResults",
    "Hit",
    "FacetValue",
    "SORTS",
    "FACETS",
    "MAX_PER_PAGE",
    "MAX_WINDOW",
    "MAX_QUERY_CHARS",
]

Sort = Literal["relevance", "newest", "oldest"]
SORTS: tuple[str, ...] = ("relevance", "newest", "oldest")
#: Facet names, in the order the API returns them.
FACETS: tuple[str, ...] = ("agency", "location", "source", "category", "year", "month")
#: Bounds every backend keeps: results per page, deepest result reachable by
#: paging (page × per_page), and characters of a query.
MAX_PER_PAGE = 100
MAX_WINDOW = 10_000
MAX_QUERY_CHARS = 400


@dataclass
class Article:
    """One cleaned article, as ``indexer parse`` prints it and the index stores it."""

    id: str
    title: str
    published: datetime | None = None
    source: str | None = None
    authors: list[str] = field(default_factory=list)
    url: str | None = None
    category: str | None = None
    body: str = ""
    agencies: list[str] = field(default_factory=list)
    locations: list[str] = field(default_factory=list)
    provinces: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["published"] = self.published.isoformat() if self.published else None
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Article":
        values = {f.name: data.get(f.name) for f in dataclasses.fields(cls)}
        if isinstance(values["published"], str):
            values["published"] = datetime.fromisoformat(values["published"])
        for name in ("authors", "agencies", "locations", "provinces"):
            values[name] = list(values[name] or [])
        return cls(**values)


@dataclass(frozen=True)
class SearchRequest:
    """What a reader asked for.  Several values of one facet combine with OR,
    different facets with AND.  An empty query browses everything."""

    query: str = ""
    agencies: tuple[str, ...] = ()
    locations: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    sort: Sort = "relevance"
    page: int = 1
    per_page: int = 10
    #: Compute facet counts (the CLI's batch mode and feeds can skip them).
    facets: bool = True
    #: How many values each facet returns (selected values always come too).
    facet_limit: int = 30


@dataclass(frozen=True)
class FacetValue:
    value: str
    count: int
    selected: bool = False
    #: For nested facets (a place inside a province), the parent's value.
    parent: str | None = None


@dataclass(frozen=True)
class Hit:
    id: str
    title: str
    published: datetime | None
    source: str | None
    url: str | None
    #: HTML: the text is escaped, matches are wrapped in ``<mark>``.
    snippet: str
    agencies: tuple[str, ...]
    locations: tuple[str, ...]
    score: float
    category: str | None = None
    #: Title with matches marked, HTML-escaped like the snippet.
    title_html: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "source": self.source,
            "url": self.url,
            "category": self.category,
            "snippet": self.snippet,
            "agencies": list(self.agencies),
            "locations": list(self.locations),
            "score": round(self.score, 4),
        }


@dataclass(frozen=True)
class SearchResults:
    request: SearchRequest
    total: int
    hits: tuple[Hit, ...]
    facets: dict[str, tuple[FacetValue, ...]]
    suggestion: str | None = None
    #: A message for the reader, e.g. that a malformed query was read as plain words.
    notice: str | None = None
    took_ms: float = 0.0

    @property
    def pages(self) -> int:
        per = max(1, self.request.per_page)
        return max(1, -(-self.total // per))

    def to_json(self) -> dict[str, Any]:
        """The JSON shape shared by ``indexer search --json`` and ``/api/search``."""
        return {
            "query": self.request.query,
            "total": self.total,
            "page": self.request.page,
            "per_page": self.request.per_page,
            "sort": self.request.sort,
            "hits": [h.to_json() for h in self.hits],
            "facets": {
                name: [
                    {
                        "value": v.value,
                        "count": v.count,
                        **({"selected": True} if v.selected else {}),
                        **({"parent": v.parent} if v.parent else {}),
                    }
                    for v in values
                ]
                for name, values in self.facets.items()
            },
            "suggestion": self.suggestion,
            "notice": self.notice,
            "took_ms": round(self.took_ms, 1),
        }
