"""The seam between the core and its users (the CLI, the web app).

Plain dataclasses in, plain dataclasses out; nothing from Whoosh crosses
it.  A second backend (OpenSearch for archives past one machine) implements
``SearchBackend`` over the same analysis and is chosen in ``open_backend``.
"""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

from .model import Article, FacetValue, Hit, SearchRequest, SearchResults

__all__ = ["SearchBackend", "open_backend"]


@runtime_checkable
class SearchBackend(Protocol):
    def search(self, request: SearchRequest) -> SearchResults: ...

    def get(self, article_id: str) -> Article | None: ...

    def related(self, article_id: str, limit: int = 5) -> tuple[Hit, ...]: ...

    def facet_search(self, request: SearchRequest, facet: str, text: str, limit: int = 20) -> list[FacetValue]: ...

    def stats(self) -> dict[str, Any]: ...

    def close(self) -> None: ...


def open_backend(location: str, **options: Any) -> SearchBackend:
    """The backend for ``location``: today an index folder (Whoosh)."""
    from .engine import Engine

    return Engine(location, **options)
