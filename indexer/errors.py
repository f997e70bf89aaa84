"""The core's errors: typed, so the CLI and the web map each to one message
or one HTTP status in one place."""

from __future__ import annotations

from .store import IndexBusy, IndexError_, IndexMissing

__all__ = ["SearchError", "InvalidRequest", "IndexUnavailable", "IndexBusy", "IndexError_", "IndexMissing"]


class SearchError(Exception):
    """Base of errors a search can end with."""


class InvalidRequest(SearchError, ValueError):
    """The request asks for something that cannot be answered (page too deep...)."""


class IndexUnavailable(SearchError):
    """No index, or a damaged one: say so instead of failing obscurely."""
