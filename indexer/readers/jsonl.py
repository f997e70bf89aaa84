"""JSON Lines exports (plain or gzip): one article object a line.

Read as a stream, so an 80 MB archive never sits in memory, and line by line,
so one broken line is reported with its number and the rest still count.
"""

from __future__ import annotations

import gzip
import io
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from ..clean import split_glued_title
from ..dates import parse_date_value
from ..model import Article
from .base import ReadError, make_article
from .decode import ReadFailure

__all__ = ["read_jsonl"]

_GZIP_MAGIC = b"\x1f\x8b"
_MAX_LINE_CHARS = 8 * 1024 * 1024


def _open_lines(path: Path) -> IO[str]:
    with path.open("rb") as raw:
        head = raw.read(4)
    if head.startswith(_GZIP_MAGIC):
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8-sig", errors="strict")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return io.TextIOWrapper(path.open("rb"), encoding="utf-16", errors="strict")
    return io.TextIOWrapper(path.open("rb"), encoding="utf-8-sig", errors="strict")


def _authors(value: object) -> list[str]:
    if isinstance(value, str):
        return [a.strip() for a in value.split(",") if a.strip()]
    if isinstance(value, list):
        return [str(a) for a in value if isinstance(a, (str, int)) and str(a).strip()]
    return []


def record_to_article(record: object) -> Article:
    """One decoded JSON value to an Article; ReadFailure says what is wrong."""
    if not isinstance(record, dict):
        raise ReadFailure(f"expected a JSON object, got {type(record).__name__}")
    for key in ("title", "body"):
        if key not in record:
            raise ReadFailure(f"missing required field {key!r}")
        if not isinstance(record[key], str):
            raise ReadFailure(f"field {key!r} must be a string")
    title, lead = split_glued_title(record["title"].strip())
    body = record["body"]
    if lead:
        body = lead + "\n\n" + body
    if not title.strip() and not body.strip():
        raise ReadFailure("empty title and body")
    published = parse_date_value(record.get("published", record.get("date")))
    return make_article(
        title=title or body.strip().split("\n", 1)[0][:200],
        body=body,
        record_id=record.get("id"),
        published=published,
        source=record.get("source"),
        authors=_authors(record.get("authors", record.get("author"))),
        url=record.get("url"),
        category=record.get("category", record.get("topic")),
    )


def read_jsonl(path: Path) -> Iterator[Article | ReadError]:
    """Articles and per-line errors of one JSON Lines file, in file order."""
    name = str(path)
    lineno = 0
    seen_any = False
    try:
        with _open_lines(path) as stream:
            for lineno, line in enumerate(stream, start=1):
                if not line.strip():
                    continue
                seen_any = True
                if len(line) > _MAX_LINE_CHARS:
                    yield ReadError(name, "line too long", lineno)
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    truncated = not line.endswith("\n")
                    reason = "truncated JSON (file ends mid-record)" if truncated else f"invalid JSON: {exc.msg}"
                    yield ReadError(name, reason, lineno)
                    continue
                try:
                    yield record_to_article(record)
                except ReadFailure as exc:
                    yield ReadError(name, str(exc), lineno)
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        yield ReadError(name, f"truncated or corrupt gzip data ({exc})", lineno + 1 or None)
        return
    except UnicodeDecodeError as exc:
        yield ReadError(name, f"not UTF-8 ({exc.reason})", lineno + 1)
        return
    if not seen_any:
        yield ReadError(name, "empty file")
