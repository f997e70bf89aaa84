from __future__ import annotations

from pathlib import Path

from indexer.readers import ReadError, read_paths

from .conftest import CORPUS


def test_corpus_html_pages() -> None:
    articles = list(read_paths([CORPUS / "html"]))
    assert len(articles) == 2
    for article in articles:
        assert not isinstance(article, ReadError)
        assert article.title and article.published is not None and article.published.year == 2024
        assert article.source and article.authors
        assert len(article.body) > 500
        # Navigation, related links and the site footer are not the article.
        assert "Giấy phép" not in article.body
        assert "Trang chủ" not in article.body


def test_page_without_article_text_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>x</title></head><body><nav>Menu</nav></body></html>", encoding="utf-8")
    [item] = list(read_paths([path]))
    assert isinstance(item, ReadError) and "no article text" in item.reason


def test_deeply_nested_html_does_not_crash(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 5000 + "<p>Nội dung sâu.</p>" + "</div>" * 5000 + "</body></html>",
                    encoding="utf-8")
    items = list(read_paths([path]))
    assert len(items) == 1
