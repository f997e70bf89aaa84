"""From paths to finished articles: read, clean, extract entities, drop
exact duplicates.  Shared by ``parse``, ``build`` and ``add`` so that every
command sees the same articles."""

from __future__ import annotations

import dataclasses
import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from .model import Article
from .readers import ReadError, read_paths

__all__ = ["IngestReport", "Deduper", "enrich", "ingest", "body_key"]


@dataclass
class IngestReport:
    """What a batch did: counted as it goes, printed at the end."""

    articles: int = 0
    duplicates: int = 0
    errors: list[ReadError] = field(default_factory=list)
    failed_files: set[str] = field(default_factory=set)

    def summary(self) -> str:
        return (
            f"{self.articles} articles, {self.duplicates} exact duplicates skipped, "
            f"{len(self.errors)} errors in {len(self.failed_files)} files"
        )


def enrich(article: Article) -> Article:
    """Fill agencies, locations and provinces from the article's own text."""
    from .entities import extract_entities

    found = extract_entities(article.title, article.body, article.source, article.published)
    return dataclasses.replace(
        article,
        agencies=list(found.agencies),
        locations=list(found.locations),
        provinces=list(found.provinces),
    )


def body_key(article: Article) -> str | None:
    """A digest of the body, to find exact duplicates (None for short bodies:
    briefs and title-only records are not duplicates of each other)."""
    if len(article.body) < 200:
        return None
    return hashlib.blake2b(article.body.encode("utf-8"), digest_size=16).hexdigest()


class Deduper:
    """Remembers ids and body digests: an article read twice in one batch
    (overlapping paths, a record repeated in an export), or whose body was
    seen under another id, is a duplicate.  ``known`` looks a digest up in
    an existing index."""

    def __init__(self, known: Callable[[str], str | None] | None = None, bodies: bool = True) -> None:
        self.seen: dict[str, str] = {}
        self.ids: set[str] = set()
        self.known = known
        self.bodies = bodies

    def is_duplicate(self, article: Article) -> bool:
        if article.id in self.ids:
            return True
        self.ids.add(article.id)
        key = body_key(article) if self.bodies else None
        if key is None:
            return False
        owner = self.seen.get(key)
        if owner is None and self.known is not None:
            owner = self.known(key)
        if owner is not None and owner != article.id:
            return True
        self.seen[key] = article.id
        return False


def ingest(
    paths: Iterable[str | os.PathLike[str]],
    report: IngestReport,
    *,
    with_entities: bool = True,
    deduper: Deduper | None = None,
) -> Iterator[Article]:
    """Articles under ``paths``, enriched; errors and duplicates go to ``report``.
    Without a ``deduper`` every article is kept."""
    for item in read_paths(paths):
        if isinstance(item, ReadError):
            report.errors.append(item)
            report.failed_files.add(item.path)
            continue
        if deduper is not None and deduper.is_duplicate(item):
            report.duplicates += 1
            continue
        report.articles += 1
        yield enrich(item) if with_entities else item
