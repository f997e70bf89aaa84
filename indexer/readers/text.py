"""Plain-text articles in the layout provincial newspapers' sites produce:
title, time line, body with photo captions, byline, then the site footer."""

from __future__ import annotations

from ..clean import outlet_from_masthead, split_byline, split_footer
from ..dates import parse_time_line
from ..model import Article
from ..vietnamese import normalize
from .base import make_article
from .decode import ReadFailure

__all__ = ["parse_text_article"]

#: How many non-empty lines after the title may hold the time line (a
#: category label or a sapo sometimes sits in between).
_TIME_LINE_WINDOW = 3


def parse_text_article(text: str, *, source: str | None = None) -> Article:
    """One article from its text; ``source`` is used when no masthead names it."""
    lines = normalize(text).split("\n")
    nonempty = [i for i, line in enumerate(lines) if line]
    if not nonempty:
        raise ReadFailure("empty file")
    title_at = nonempty[0]
    title = lines[title_at]

    published = None
    body_from = title_at + 1
    for i in nonempty[1 : 1 + _TIME_LINE_WINDOW]:
        when = parse_time_line(lines[i])
        if when is not None:
            published = when
            body_from = i + 1
            break

    article_lines, footer = split_footer(lines[body_from:])
    article_lines, authors = split_byline(article_lines)
    outlet = outlet_from_masthead(footer)
    if outlet is None and any("TTXVN" in line for line in lines[-12:]) and not source:
        outlet = "Thông tấn xã Việt Nam"
    body = "\n".join(article_lines)
    if not body.strip() and len(title) > 300:
        raise ReadFailure("no article layout found (no title line)")
    return make_article(
        title=title,
        body=body,
        published=published,
        source=outlet or source,
        authors=authors,
    )
