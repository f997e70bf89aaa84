"""What every reader shares: the error type and turning fields into an Article."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..clean import paragraphs_to_body, stable_id
from ..model import Article
from ..vietnamese import normalize

__all__ = ["ReadError", "make_article"]


@dataclass(frozen=True)
class ReadError:
    """One file, or one line of a file, that could not be read."""

    path: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.reason}"


def _clean_line(value: object) -> str | None:
    if value is None:
        return None
    text = normalize(str(value)).replace("\n", " ").strip()
    return text or None


def make_article(
    *,
    title: str,
    body: str,
    record_id: object = None,
    published: datetime | None = None,
    source: object = None,
    authors: list[str] | None = None,
    url: object = None,
    category: object = None,
) -> Article:
    """Normalise every field and derive the stable id."""
    title_n = _clean_line(title) or ""
    lines = normalize(body).split("\n")
    source_n = _clean_line(source)
    url_n = _clean_line(url)
    published_iso = published.isoformat() if published else None
    return Article(
        id=stable_id(record_id, url_n, source_n, title_n, published_iso),
        title=title_n,
        body=paragraphs_to_body(lines),
        published=published,
        source=source_n,
        authors=[a for a in (_clean_line(a) for a in (authors or [])) if a],
        url=url_n,
        category=_clean_line(category),
    )
