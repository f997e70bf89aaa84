"""``python -m search_web --index DIR``: serve the site with waitress.

Waitress is a production WSGI server that runs everywhere Python does (no
compiler, no fork), which suits one machine serving an archive read-only.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m search_web", description="Serve the news archive search site.")
    parser.add_argument("--index", default=os.environ.get("INDEX", "var/index"), metavar="DIR",
                        help="the index folder (default: $INDEX or var/index)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    parser.add_argument("--threads", type=int, default=8, help="worker threads (default: 8)")
    parser.add_argument("--url-prefix", default="", metavar="PATH",
                        help="path the site is served under behind a proxy, e.g. /search")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from waitress import serve

    from indexer.errors import IndexUnavailable

    from . import create_app
    from .backend import close_backend, get_backend

    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app = create_app({"INDEX": args.index})
    with app.app_context():
        try:
            articles = get_backend().stats().get("articles")
            print(f"search_web: index {args.index} ({articles} articles)", file=sys.stderr)
        except IndexUnavailable as exc:
            # Serve anyway: pages say the index is unavailable (503) until it is built.
            print(f"search_web: warning: {exc}", file=sys.stderr)
    print(f"search_web: http://{args.host}:{args.port}{args.url_prefix}/", file=sys.stderr)
    try:
        serve(app, host=args.host, port=args.port, threads=args.threads, url_prefix=args.url_prefix,
              ident="vnnews-search")
    except KeyboardInterrupt:
        pass
    finally:
        close_backend(app)
    return 0


if __name__ == "__main__":
    sys.exit(main())
