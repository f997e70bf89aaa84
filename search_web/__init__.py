"""The web front end: search page, article pages, JSON API, Atom and CSV.

It reads the index only through :mod:`indexer`'s public API and knows
nothing of Whoosh.  ``create_app()`` for ``flask --app search_web run``;
``python -m search_web --index DIR`` serves it with waitress.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from flask import Flask

__all__ = ["create_app"]


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """An app over the index folder ``config["INDEX"]`` (else ``$INDEX``, else ``var/index``)."""
    app = Flask(__name__)
    app.config.update(
        INDEX=os.environ.get("INDEX", "var/index"),
        MAX_CONTENT_LENGTH=64 * 1024,  # the site is read-only: no request needs a body
    )
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    app.json.sort_keys = False  # type: ignore[attr-defined]
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    if config:
        app.config.update(config)

    from . import api, backend, errors, feeds, security, views

    backend.init_app(app)
    security.init_app(app)
    errors.init_app(app)
    views.init_app(app)
    app.register_blueprint(views.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(feeds.bp)
    return app
