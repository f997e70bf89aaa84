"""Atom feeds and CSV exports of any search."""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime
from urllib.parse import urlencode
from xml.etree import ElementTree as ET

import pytest

from indexer import SearchRequest
from search_web import feeds
from search_web.feeds import csv_cell

from .conftest import SEED, TRICKY_ID

SEED_IN = int(SEED.exists())
A = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$")


def fetch(client, path: str, params: list[tuple[str, str]] | None = None, status: int = 200):
    response = client.get(path + (f"?{urlencode(params)}" if params else ""))
    assert response.status_code == status, response.get_data(as_text=True)[:300]
    return response


def atom(client, params: list[tuple[str, str]] | None = None) -> ET.Element:
    response = fetch(client, "/feed.atom", params)
    assert response.mimetype == "application/atom+xml"
    return ET.fromstring(response.data)


def assert_valid_atom(feed: ET.Element) -> None:
    """RFC 4287's required elements (what the W3C validator checks first)."""
    assert feed.tag == f"{A}feed"
    for name in ("id", "title", "updated"):
        assert len(feed.findall(f"{A}{name}")) == 1, name
    assert RFC3339.match(feed.findtext(f"{A}updated"))
    links = {link.get("rel"): link for link in feed.findall(f"{A}link")}
    assert links["self"].get("href") == feed.findtext(f"{A}id")
    assert links["self"].get("href").startswith("http://localhost/feed.atom")
    assert feed.find(f"{A}author/{A}name").text  # so entries need no author of their own
    for entry in feed.findall(f"{A}entry"):
        for name in ("id", "title", "updated", "summary"):
            assert len(entry.findall(f"{A}{name}")) == 1, name
        assert RFC3339.match(entry.findtext(f"{A}updated"))
        link = entry.find(f"{A}link")
        assert link.get("rel") == "alternate" and link.get("href") == entry.findtext(f"{A}id")
        assert link.get("href").startswith("http://localhost/article/")


def test_feed_of_a_search(client) -> None:
    feed = atom(client, [("q", "lũ"), ("source", "Báo Nghệ An"), ("source", "Báo Hà Tĩnh")])
    assert_valid_atom(feed)
    assert feed.findtext(f"{A}title") == "Kho tin tức: “lũ”, Báo Nghệ An, Báo Hà Tĩnh"
    entries = feed.findall(f"{A}entry")
    assert len(entries) == 3
    updated = [entry.findtext(f"{A}updated") for entry in entries]
    assert updated == sorted(updated, reverse=True)  # newest first
    assert feed.findtext(f"{A}updated") == updated[0]
    assert "<mark>" not in entries[0].findtext(f"{A}summary")
    assert entries[0].find(f"{A}author/{A}name").text in ("Báo Nghệ An", "Báo Hà Tĩnh")


def test_feed_of_everything_is_the_newest_fifty(client) -> None:
    feed = atom(client, [("q", ""), ("page", "3"), ("per_page", "5"), ("sort", "oldest")])
    assert_valid_atom(feed)
    entries = feed.findall(f"{A}entry")
    assert len(entries) == min(feeds.FEED_ENTRIES, 60 + SEED_IN)
    assert entries[0].findtext(f"{A}title").startswith("Kết nối du lịch")
    assert feed.findtext(f"{A}title") == "Kho tin tức: bài mới nhất"


def test_feed_links_reach_the_articles(client) -> None:
    feed = atom(client, [("q", "vắc xin")])
    for entry in feed.findall(f"{A}entry")[:3]:
        path = entry.find(f"{A}link").get("href").removeprefix("http://localhost")
        assert fetch(client, path).status_code == 200


def test_empty_feed_is_still_valid(client) -> None:
    feed = atom(client, [("q", "xyzzyq")])
    assert_valid_atom(feed)
    assert feed.findall(f"{A}entry") == []


def test_feed_escapes_markup(hostile_client) -> None:
    response = fetch(hostile_client, "/feed.atom", [("q", "tin khẩn")])
    assert b"<script>" not in response.data
    feed = ET.fromstring(response.data)
    entry = feed.find(f"{A}entry")
    assert entry.findtext(f"{A}title") == "Tin khẩn <script>alert('xss')</script> về UBND tỉnh Nam Định"
    assert entry.find(f"{A}link").get("href").endswith("/article/Test_Full/Chinh%20tri%20Xa%20hoi/XH_NLD_T_%20(8962).txt")


def test_feed_bad_parameters_are_400(client) -> None:
    response = fetch(client, "/feed.atom", [("from", "2023-13-45")], status=400)
    assert "2023-13-45" in response.get_data(as_text=True)


# -- CSV -------------------------------------------------------------------------------
def read_csv(response) -> list[list[str]]:
    raw = response.data  # read first: a half-read stream would outlive its request context
    assert response.content_type == "text/csv; charset=utf-8"
    assert response.headers["Content-Disposition"].startswith('attachment; filename="tim-kiem-')
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel then reads UTF-8
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_csv_of_a_search(client, index) -> None:
    response = fetch(client, "/export.csv", [("q", "vắc xin"), ("sort", "newest")])
    assert response.is_streamed
    rows = read_csv(response)
    assert rows[0] == ["id", "published", "source", "title", "url", "agencies", "locations"]
    expected = index.search(SearchRequest(query="vắc xin", sort="newest", per_page=100)).hits
    assert [r[0] for r in rows[1:]] == [h.id for h in expected]
    first = rows[1]
    assert datetime.fromisoformat(first[1]) == expected[0].published
    assert first[3] == expected[0].title and first[5] == "; ".join(expected[0].agencies)
    assert first[6] == "; ".join(expected[0].locations)


def test_csv_of_everything_pages_through_the_index(client, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(feeds, "MAX_PER_PAGE", 7)  # many small pages instead of one
    rows = read_csv(fetch(client, "/export.csv"))[1:]
    assert len(rows) == 60 + SEED_IN and len({r[0] for r in rows}) == len(rows)
    published = [r[1] for r in rows]
    assert published == sorted(published, reverse=True)


def test_csv_rows_are_bounded(client, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(feeds, "MAX_PER_PAGE", 4)
    monkeypatch.setattr(feeds, "CSV_MAX_ROWS", 10)
    assert len(read_csv(fetch(client, "/export.csv"))) == 1 + 10


@pytest.mark.parametrize("value, expected", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("+84 912", "'+84 912"),
    ("-1", "'-1"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tcmd", "'\tcmd"),
    ("Báo Nam Định", "Báo Nam Định"),
    ("", ""),
    (None, ""),
])
def test_csv_cells_cannot_be_formulas(value: str | None, expected: str) -> None:
    assert csv_cell(value) == expected


def test_csv_defuses_hostile_cells(hostile_client) -> None:
    rows = read_csv(fetch(hostile_client, "/export.csv"))
    by_id = {r[0]: r for r in rows[1:]}
    assert by_id[TRICKY_ID][4] == "javascript:alert(1)"  # plain text in a cell; no formula
    assert all(r[2] == "'+Báo thử" for r in rows[1:] if r[0] != TRICKY_ID)


def test_csv_bad_parameters_are_400(client) -> None:
    fetch(client, "/export.csv", [("page", "abc")], status=400)
