"""``python -m search_web --index DIR``: serve the site in production.

Searching is CPU work in Python, so one process uses one core however many
threads it runs.  On POSIX systems the site is served by gunicorn with one
worker process per core (threads inside each), every worker opening the
index itself after the fork; elsewhere, or with ``--workers 1``, by
waitress in a single process.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from typing import Any

from indexer.cores import usable_cores

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m search_web", description="Serve the news archive search site.")
    parser.add_argument("--index", default=os.environ.get("INDEX", "var/index"), metavar="DIR",
                        help="the index folder (default: $INDEX or var/index)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    parser.add_argument("--workers", type=int, default=usable_cores(),
                        help="worker processes (default: one per core; 1 serves with waitress)")
    parser.add_argument("--threads", type=int, default=4, help="threads per worker (default: 4)")
    parser.add_argument("--url-prefix", default="", metavar="PATH",
                        help="path the site is served under behind a proxy, e.g. /search")
    return parser


def _announce(args: argparse.Namespace) -> None:
    """Say what is served, without opening the index here: the workers open
    it after they are forked (a reader's files must not be shared)."""
    from indexer.store import IndexDir, IndexError_

    try:
        IndexDir(args.index).current()
        articles = IndexDir(args.index).info().get("articles", "?")
        print(f"search_web: index {args.index} ({articles} articles)", file=sys.stderr)
    except IndexError_ as exc:
        # Serve anyway: pages say the index is unavailable (503) until it is built.
        print(f"search_web: warning: {exc}", file=sys.stderr)
    print(f"search_web: http://{args.host}:{args.port}{args.url_prefix}/ "
          f"({args.workers} worker{'s' if args.workers > 1 else ''} x {args.threads} threads)", file=sys.stderr)


def _limit_malloc_arenas() -> None:
    """glibc gives each thread its own arena; large per-request arrays then
    pin memory in every one of them.  Two arenas keep a worker's memory flat."""
    try:
        import ctypes

        ctypes.CDLL(None).mallopt(-8, 2)  # M_ARENA_MAX
    except (OSError, AttributeError):  # pragma: no cover - not glibc
        pass


def _serve_waitress(args: argparse.Namespace) -> None:
    from waitress import serve

    from . import create_app
    from .backend import close_backend

    _limit_malloc_arenas()
    app = create_app({"INDEX": args.index})
    try:
        serve(app, host=args.host, port=args.port, threads=args.threads, url_prefix=args.url_prefix,
              ident="vnnews-search")
    finally:
        close_backend(app)


def _serve_gunicorn(args: argparse.Namespace) -> None:
    from gunicorn.app.base import BaseApplication

    class Server(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            settings = {
                "bind": f"{args.host}:{args.port}",
                "workers": args.workers,
                "worker_class": "sync",
                "threads": args.threads,
                "timeout": 60,
                "graceful_timeout": 10,
                "keepalive": 5,
                "accesslog": None,
                "errorlog": "-",
                "loglevel": "warning",
                "post_worker_init": _worker_ready,
                "proc_name": "vnnews-search",
            }
            for key, value in settings.items():
                self.cfg.set(key, value)

        def load(self) -> Any:
            from werkzeug.middleware.dispatcher import DispatcherMiddleware

            from . import create_app

            global _WORKER_APP
            _WORKER_APP = create_app({"INDEX": args.index})  # in the worker, after the fork
            if args.url_prefix:
                return DispatcherMiddleware(_not_found, {args.url_prefix: _WORKER_APP})
            return _WORKER_APP

    Server().run()


_WORKER_APP: Any = None


def _not_found(environ: dict[str, Any], start_response: Any) -> list[bytes]:
    start_response("404 Not Found", [("Content-Type", "text/plain; charset=utf-8")])
    return [b"Not found"]


def _worker_ready(worker: Any) -> None:
    """Open the index as soon as a worker starts, not at its first request."""
    from indexer.errors import IndexUnavailable

    from .backend import get_backend

    _limit_malloc_arenas()
    if _WORKER_APP is None:
        return
    try:
        with _WORKER_APP.app_context():
            get_backend()
    except IndexUnavailable:
        pass  # served as 503 pages until the index is built


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    _announce(args)
    try:
        if args.workers > 1 and os.name == "posix":
            _serve_gunicorn(args)
        else:
            _serve_waitress(args)
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
