"""Readers: files of any supported kind to Articles, errors reported per file.

``read_paths`` is the one entry point: give it files and folders (walked
recursively, in a stable order) and it yields an Article per article and a
ReadError per file or line it could not read, never raising for bad input.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..model import Article
from .base import ReadError
from .decode import MAX_FILE_BYTES, ReadFailure, decode_bytes
from .html import parse_html_article
from .jsonl import read_jsonl
from .text import parse_text_article

__all__ = ["read_paths", "read_file", "ReadError", "ReadFailure", "kind_of", "iter_files", "estimate_count"]

_KINDS = {
    ".txt": "text",
    ".text": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".html": "html",
    ".htm": "html",
}


def kind_of(path: Path) -> str | None:
    """The reader for a path by its name (``.jsonl.gz`` counts as JSON Lines)."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
        return "jsonl" if suffixes and _KINDS.get(suffixes[-1]) == "jsonl" else None
    return _KINDS.get(suffixes[-1]) if suffixes else None


def iter_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path | ReadError]:
    """Every readable file under ``paths``; unknown kinds inside folders are
    skipped quietly, named ones are reported."""
    for item in paths:
        path = Path(item)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    child = Path(root) / name
                    if not name.startswith(".") and kind_of(child):
                        yield child
        elif not path.exists():
            yield ReadError(str(path), "no such file or folder")
        elif kind_of(path) is None:
            yield ReadError(str(path), "unknown file type (expected .txt, .html, .jsonl or .jsonl.gz)")
        else:
            yield path


def _read_text(path: Path) -> str:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ReadFailure(f"file too large ({size // (1024 * 1024)} MB; the limit is {MAX_FILE_BYTES // (1024 * 1024)} MB)")
    return decode_bytes(path.read_bytes())


def read_file(path: Path) -> Iterator[Article | ReadError]:
    """Articles of one file; its failures as ReadErrors, never exceptions."""
    kind = kind_of(path)
    try:
        if kind == "jsonl":
            yield from read_jsonl(path)
        elif kind == "html":
            yield parse_html_article(_read_text(path))
        else:
            yield parse_text_article(_read_text(path))
    except ReadFailure as exc:
        yield ReadError(str(path), str(exc))
    except OSError as exc:
        yield ReadError(str(path), exc.strerror or str(exc))


def read_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Article | ReadError]:
    """Articles and errors of all files under ``paths``, in a stable order."""
    for item in iter_files(paths):
        if isinstance(item, ReadError):
            yield item
        else:
            yield from read_file(item)


def estimate_count(paths: Iterable[str | os.PathLike[str]]) -> int:
    """About how many articles ``paths`` hold (for a progress bar's ETA):
    one per text or HTML file, one per line of JSON Lines."""
    import gzip

    total = 0
    for item in iter_files(paths):
        if isinstance(item, ReadError):
            continue
        if kind_of(item) != "jsonl":
            total += 1
            continue
        try:
            with item.open("rb") as raw:
                gz = raw.read(2) == b"\x1f\x8b"
            opener = gzip.open if gz else open
            with opener(item, "rb") as fh:  # type: ignore[operator]
                total += sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
        except (OSError, EOFError, ValueError):
            continue
    return total
