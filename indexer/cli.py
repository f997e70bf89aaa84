"""``python -m indexer``: parse, build, add, delete, stats, search.

A user's mistake (a missing index, a busy writer, an unreadable file) is one
line on stderr and a non-zero exit status, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from typing import Any

from .model import SORTS, SearchRequest, SearchResults
from .pipeline import IngestReport, ingest

__all__ = ["main"]


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {value!r} (use YYYY-MM-DD)") from None


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m indexer", description="Vietnamese news archive indexer and search.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("parse", help="print cleaned articles as JSON Lines")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (.txt, .html, .jsonl[.gz])")
    p.add_argument("--no-entities", action="store_true", help="skip agency and location extraction")
    p.add_argument("--keep-duplicates", action="store_true", help="print exact duplicate bodies too")

    for name, help_text in (("build", "build a new index (the old one stays live until it is done)"),
                            ("add", "add or replace articles in an index")):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("--index", required=True, metavar="DIR")
        p.add_argument("paths", nargs="+", metavar="PATH")
        p.add_argument("--wait", action="store_true", help="wait for another writer instead of stopping")
        p.add_argument("--quiet", action="store_true", help="no progress bar")
        if name == "build":
            p.add_argument("--keep-duplicates", action="store_true", help="index exact duplicate bodies too")

    p = sub.add_parser("delete", help="delete articles by id")
    p.add_argument("--index", required=True, metavar="DIR")
    p.add_argument("ids", nargs="+", metavar="ID")
    p.add_argument("--wait", action="store_true")

    p = sub.add_parser("stats", help="print index statistics as JSON")
    p.add_argument("--index", required=True, metavar="DIR")

    p = sub.add_parser("search", help="search an index")
    p.add_argument("--index", required=True, metavar="DIR")
    p.add_argument("query", nargs="*", help="the query (empty: newest articles)")
    p.add_argument("--agency", action="append", default=[])
    p.add_argument("--location", action="append", default=[])
    p.add_argument("--source", action="append", default=[])
    p.add_argument("--category", action="append", default=[])
    p.add_argument("--from", dest="date_from", type=_date)
    p.add_argument("--to", dest="date_to", type=_date)
    p.add_argument("--sort", choices=SORTS, default="relevance")
    p.add_argument("--page", type=_positive, default=1)
    p.add_argument("--per-page", type=_positive, default=10)
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument("--batch", action="store_true", help="read one query a line from stdin, print one JSON line each")
    p.add_argument("--no-facets", action="store_true", help="skip facet counts (faster)")
    return parser


def _report_errors(report: IngestReport) -> None:
    for error in report.errors:
        print(f"error: {error}", file=sys.stderr)


def _cmd_parse(args: argparse.Namespace) -> int:
    from .pipeline import Deduper

    report = IngestReport()
    deduper = Deduper(bodies=not args.keep_duplicates)
    out = sys.stdout
    for article in ingest(args.paths, report, with_entities=not args.no_entities, deduper=deduper):
        out.write(json.dumps(article.to_json(), ensure_ascii=False) + "\n")
    _report_errors(report)
    print(f"parsed: {report.summary()}", file=sys.stderr)
    return 1 if report.errors else 0


def _cmd_write(args: argparse.Namespace) -> int:
    from . import writing

    if args.command == "build":
        result = writing.build(args.index, args.paths, wait=args.wait, progress=not args.quiet,
                               keep_duplicates=args.keep_duplicates)
    else:
        result = writing.add(args.index, args.paths, wait=args.wait, progress=not args.quiet)
    _report_errors(result.report)
    rate = result.report.articles / result.seconds if result.seconds else 0.0
    print(f"{args.command}: {result.report.summary()}; the index holds {result.index_articles} articles "
          f"({result.generation}); {result.seconds:.1f} s, {rate:.0f} articles/s", file=sys.stderr)
    return 1 if result.report.errors else 0


def _cmd_delete(args: argparse.Namespace) -> int:
    from . import writing

    result = writing.delete(args.index, args.ids, wait=args.wait)
    for missing in result.missing:
        print(f"error: no article with id {missing!r}", file=sys.stderr)
    print(f"delete: {result.deleted} deleted; the index holds {result.index_articles} articles", file=sys.stderr)
    return 1 if result.missing else 0


def _request(args: argparse.Namespace, query: str) -> SearchRequest:
    return SearchRequest(
        query=query,
        agencies=tuple(args.agency),
        locations=tuple(args.location),
        sources=tuple(args.source),
        categories=tuple(args.category),
        date_from=args.date_from,
        date_to=args.date_to,
        sort=args.sort,
        page=args.page,
        per_page=args.per_page,
        facets=not args.no_facets,
    )


def _print_human(results: SearchResults) -> None:
    import html
    import re

    plain = lambda s: html.unescape(re.sub(r"</?mark>", "*", s))  # noqa: E731
    print(f"{results.total} kết quả ({results.took_ms:.0f} ms)")
    if results.suggestion:
        print(f"Có phải bạn muốn tìm: {results.suggestion}")
    if results.notice:
        print(results.notice)
    for n, hit in enumerate(results.hits, start=(results.request.page - 1) * results.request.per_page + 1):
        when = hit.published.strftime("%d/%m/%Y %H:%M") if hit.published else "không rõ ngày"
        print(f"\n{n}. {hit.title}  [{hit.id}]\n   {when} · {hit.source or ''}\n   {plain(hit.snippet)}")
    for name, values in results.facets.items():
        if values:
            shown = ", ".join(f"{v.value} ({v.count})" for v in values[:8])
            print(f"\n{name}: {shown}")


def _cmd_search(args: argparse.Namespace) -> int:
    from .engine import Engine
    from .errors import InvalidRequest

    engine = Engine(args.index)
    try:
        if args.batch:
            for line in sys.stdin:
                try:
                    payload: dict[str, Any] = engine.search(_request(args, line.rstrip("\n"))).to_json()
                except InvalidRequest as exc:
                    payload = {"query": line.rstrip("\n"), "error": str(exc)}
                sys.stdout.write(json.dumps(payload, ensure_ascii=False) + "\n")
                sys.stdout.flush()
            return 0
        results = engine.search(_request(args, " ".join(args.query)))
        if args.json:
            print(json.dumps(results.to_json(), ensure_ascii=False, indent=1))
        else:
            _print_human(results)
        return 0
    finally:
        engine.close()


def _cmd_stats(args: argparse.Namespace) -> int:
    from .engine import Engine

    engine = Engine(args.index)
    try:
        print(json.dumps(engine.stats(), ensure_ascii=False, indent=1))
    finally:
        engine.close()
    return 0


_COMMANDS = {
    "parse": _cmd_parse,
    "build": _cmd_write,
    "add": _cmd_write,
    "delete": _cmd_delete,
    "stats": _cmd_stats,
    "search": _cmd_search,
}


def main(argv: Sequence[str] | None = None) -> int:
    from .errors import IndexError_, SearchError

    args = _build_parser().parse_args(argv)
    try:
        return _COMMANDS[args.command](args)
    except (IndexError_, SearchError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted; the live index is unchanged", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
