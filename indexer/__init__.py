"""Vietnamese news archive search: ingestion, analysis, index and queries.

The public API is :mod:`indexer.api` (``open_backend``) and the plain types
of :mod:`indexer.model`; nothing else is meant to be imported from outside.
"""

from __future__ import annotations

from .api import SearchBackend, open_backend
from .errors import IndexUnavailable, InvalidRequest, SearchError
from .model import Article, FacetValue, Hit, SearchRequest, SearchResults

__all__ = [
    "Article",
    "FacetValue",
    "Hit",
    "IndexUnavailable",
    "InvalidRequest",
    "SearchBackend",
    "SearchError",
    "SearchRequest",
    "SearchResults",
    "open_backend",
]
