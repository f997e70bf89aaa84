"""The index's fields, and an article turned into them.

Exact and folded syllables live in separate fields (folding merges different
words: ``nhỏ`` folded matches twice as many articles), so ranking can put a
match with the reader's own diacritics first.  Facet values are indexed as
whole strings; publication time is a numeric column (no DateRange queries:
dates are filtered and faceted from an array, see ``facets``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from whoosh.analysis import Token, Tokenizer
from whoosh.columns import NumericColumn
from whoosh.fields import COLUMN, ID, STORED, TEXT, Schema

from . import whoosh_patches  # noqa: F401 - applied before any index is written or read
from .analysis import SyllableAnalyzer, WordAnalyzer
from .model import Article

__all__ = [
    "SCHEMA_VERSION",
    "build_schema",
    "document_fields",
    "FACET_FIELDS",
    "TEXT_FIELDS",
    "NO_TIME",
    "VALUE_SEP",
]

#: Bumped whenever fields change meaning; an index of another version is rebuilt.
SCHEMA_VERSION = 3
#: Separator of facet values inside one field value (values contain commas).
VALUE_SEP = "\x1f"
#: Column value of an article without a publication time.
NO_TIME = -(2**62)
#: Facet field name -> Article attribute it comes from.
FACET_FIELDS = ("agency", "location", "source", "category")
#: Fields searched for text, with their folded counterparts.
TEXT_FIELDS = ("title", "title_f", "body", "body_f", "words")


def syllable_count(text: str) -> int:
    """About how many syllables ``text`` has (Vietnamese writes one syllable
    per space-separated token); cheap enough for the writer's main process."""
    return len(text.split())


class ValuesAnalyzer(Tokenizer):
    """Facet values separated by VALUE_SEP, each kept whole as one term."""

    def __call__(  # type: ignore[override]
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: object,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        parts = value.split(VALUE_SEP) if tokenize else [value]
        for pos, part in enumerate(p for p in parts if p):
            token.text = part
            token.boost = 1.0
            token.pos = start_pos + pos
            yield token


def _unscored(field: Any) -> Any:
    """Whoosh keeps a length per document of scorable fields and looks it
    up for every posting it writes; ranking here keeps its own lengths
    (the n_title / n_body columns), so Whoosh need not."""
    field.scorable = False
    return field


def build_schema() -> Schema:
    # No field stores positions: word order is read from the forward index
    # (sequences.py), and positions made every postings block several times
    # larger to write and to unpickle (version 3 dropped them).
    return Schema(
        id=ID(stored=True, unique=True),
        body_hash=ID(),
        title=_unscored(TEXT(analyzer=SyllableAnalyzer(), phrase=False, stored=True)),
        title_f=_unscored(TEXT(analyzer=SyllableAnalyzer(folded=True), phrase=False)),
        body=_unscored(TEXT(analyzer=SyllableAnalyzer(), phrase=False, stored=True)),
        body_f=_unscored(TEXT(analyzer=SyllableAnalyzer(folded=True), phrase=False)),
        words=_unscored(TEXT(analyzer=WordAnalyzer(), phrase=False)),
        agency=_unscored(TEXT(analyzer=ValuesAnalyzer(), phrase=False)),
        location=_unscored(TEXT(analyzer=ValuesAnalyzer(), phrase=False)),
        source=_unscored(TEXT(analyzer=ValuesAnalyzer(), phrase=False)),
        category=_unscored(TEXT(analyzer=ValuesAnalyzer(), phrase=False)),
        published=COLUMN(NumericColumn("q", default=NO_TIME)),
        n_title=COLUMN(NumericColumn("I", default=0)),
        n_body=COLUMN(NumericColumn("I", default=0)),
        meta=STORED(),
    )


def document_fields(
    article: Article, location_values: list[str], body_hash: str | None = None
) -> dict[str, Any]:
    """Whoosh field values for one article.

    ``location_values`` are the location facet's terms (the article's places
    plus the provinces they roll up to).  The same string object is passed to
    the exact and folded fields so that it is tokenised once.
    """
    full = article.title + "\n" + article.body
    return {
        "id": article.id,
        "body_hash": body_hash or "",
        "title": article.title,
        "title_f": article.title,
        "body": article.body,
        "body_f": article.body,
        "words": full,
        "agency": VALUE_SEP.join(article.agencies),
        "location": VALUE_SEP.join(location_values),
        "source": article.source or "",
        "category": article.category or "",
        "published": int(article.published.timestamp()) if article.published else NO_TIME,
        "n_title": syllable_count(article.title),
        "n_body": syllable_count(article.body),
        "meta": {
            "published": article.published.isoformat() if article.published else None,
            "source": article.source,
            "authors": article.authors,
            "url": article.url,
            "category": article.category,
            "agencies": article.agencies,
            "locations": article.locations,
            "provinces": article.provinces,
        },
    }
