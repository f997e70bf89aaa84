"""Saved article pages: main text and metadata through trafilatura, which
knows far more page layouts (menus, related links, comment blocks) than any
regex we would write."""

from __future__ import annotations

from ..clean import outlet_name, split_byline
from ..dates import parse_date_value
from ..model import Article
from ..vietnamese import normalize
from .base import make_article
from .decode import ReadFailure

__all__ = ["parse_html_article"]

#: Less than this is a menu or a placeholder, not an article.
_MIN_TEXT_CHARS = 40
_DATE_PARAMS = {
    "extensive_search": True,
    "original_date": True,
    "outputformat": "%Y-%m-%dT%H:%M:%S%z",
}


def parse_html_article(html: str, *, url: str | None = None) -> Article:
    """One article from one page; ReadFailure if the page holds no article text."""
    import trafilatura  # heavy import, only when HTML is read

    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params=_DATE_PARAMS,
        )
    except (ValueError, TypeError, RecursionError) as exc:
        raise ReadFailure(f"HTML could not be parsed ({exc.__class__.__name__})") from None
    if doc is None or len((doc.text or "").strip()) < _MIN_TEXT_CHARS:
        raise ReadFailure("no article text found in the HTML page")
    title = normalize(doc.title or "").strip()
    lines = normalize(doc.text).split("\n")
    if lines and title and lines[0].strip() == title:
        lines = lines[1:]  # the page's <h1> repeats the title
    lines, byline_authors = split_byline(lines)
    authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()] or byline_authors
    if not title:
        title = next((ln for ln in lines if ln.strip()), "")[:200]
    return make_article(
        title=title,
        body="\n".join(lines),
        published=parse_date_value(doc.date),
        source=outlet_name(doc.sitename) if doc.sitename else None,
        authors=authors,
        url=doc.url or url,
        category=(doc.categories or [None])[0],
    )
