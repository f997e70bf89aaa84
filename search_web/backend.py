"""The one place that opens and closes the search backend (flaskr's db.py).

One backend per app, opened on first use and shared by every request: the
backend checks a searcher out per call and gives it back, and reopens
itself when the index is rebuilt, so nothing here caches results.  If the
index is missing when the app starts, each request tries again (and gets
:class:`~indexer.errors.IndexUnavailable`, a 503, until the index exists),
so the site recovers without a restart once the index is built.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable

from flask import Flask, current_app

from indexer.api import SearchBackend, open_backend

__all__ = ["init_app", "get_backend", "close_backend"]

_KEY = "vnnews_backend"


class _Holder:
    """The app's backend, opened once under a lock (requests run in threads)."""

    def __init__(self, location: str, opener: Callable[[str], SearchBackend]) -> None:
        self.location = location
        self.opener = opener
        self.backend: SearchBackend | None = None
        self.lock = threading.Lock()

    def get(self) -> SearchBackend:
        backend = self.backend
        if backend is None:
            with self.lock:
                if self.backend is None:
                    self.backend = self.opener(self.location)
                backend = self.backend
        return backend

    def close(self) -> None:
        with self.lock:
            backend, self.backend = self.backend, None
        if backend is not None:
            backend.close()


def init_app(app: Flask) -> None:
    """Attach a (not yet opened) backend for ``app.config["INDEX"]``.

    ``app.config["BACKEND_FACTORY"]`` may replace :func:`indexer.open_backend`
    (another backend, or a test double).  The backend is closed when the
    app is garbage-collected or the process exits, or by :func:`close_backend`.
    """
    opener: Callable[[str], SearchBackend] = app.config.get("BACKEND_FACTORY") or open_backend
    holder = _Holder(str(app.config["INDEX"]), opener)
    app.extensions[_KEY] = holder
    weakref.finalize(app, holder.close)


def get_backend() -> SearchBackend:
    """The current app's backend (opening it on first use)."""
    holder: _Holder = current_app.extensions[_KEY]
    return holder.get()


def close_backend(app: Flask) -> None:
    """Close the app's backend now (the server is shutting down)."""
    holder: _Holder | None = app.extensions.get(_KEY)
    if holder is not None:
        holder.close()
