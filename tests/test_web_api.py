"""The JSON API: the CLI's JSON for the same parameters; strict about bad ones."""

from __future__ import annotations

from datetime import date
from urllib.parse import quote, urlencode

import pytest

from indexer import SearchRequest

from .conftest import ODD_IDS, SEED, TRICKY_ID

SEED_IN = int(SEED.exists())


def api(client, path: str, params: list[tuple[str, str]] | None = None, status: int = 200) -> dict:
    response = client.get(path + (f"?{urlencode(params)}" if params else ""))
    assert response.status_code == status, response.get_data(as_text=True)[:300]
    assert response.mimetype == "application/json"
    return response.get_json()


def without_timing(data: dict) -> dict:
    return {k: v for k, v in data.items() if k != "took_ms"}


@pytest.mark.parametrize("params, request_", [
    ([("q", "khoa học")], SearchRequest(query="khoa học")),
    ([("q", "vac xin"), ("per_page", "5"), ("page", "2")], SearchRequest(query="vac xin", per_page=5, page=2)),
    ([("agency", "Bộ Y tế"), ("source", "Báo Nam Định"), ("source", "Báo Hà Tĩnh")],
     SearchRequest(agencies=("Bộ Y tế",), sources=("Báo Nam Định", "Báo Hà Tĩnh"), sort="newest")),
    ([("location", "Nghệ An"), ("category", "Giáo dục"), ("from", "2019-01-01"), ("to", "2023-12-31")],
     SearchRequest(locations=("Nghệ An",), categories=("Giáo dục",), date_from=date(2019, 1, 1),
                   date_to=date(2023, 12, 31), sort="newest")),
    ([("q", "lũ"), ("sort", "oldest")], SearchRequest(query="lũ", sort="oldest")),
    ([], SearchRequest(sort="newest")),
])
def test_search_is_the_cli_json(client, index, params, request_: SearchRequest) -> None:
    data = api(client, "/api/search", params)
    assert without_timing(data) == without_timing(index.search(request_).to_json())
    assert set(data) == {"query", "total", "page", "per_page", "sort", "hits", "facets", "suggestion", "notice",
                         "took_ms"}


def test_search_pins(client) -> None:
    data = api(client, "/api/search", [("q", "vắc xin"), ("per_page", "100")])
    assert data["total"] == 8 and len(data["hits"]) == 8
    assert all("vắc xin" in hit["title"].lower() for hit in data["hits"])
    assert [v["value"] for v in data["facets"]["year"]] == ["2021", "2022"]
    browse = api(client, "/api/search", [("per_page", "100")])
    assert browse["total"] == 60 + SEED_IN and browse["sort"] == "newest"
    suggestion = api(client, "/api/search", [("q", "vac xin")])
    assert suggestion["suggestion"] == "vắc xin"
    assert api(client, "/api/search", [("q", "xyzzyq")])["hits"] == []


def test_json_is_utf8_not_escaped(client) -> None:
    body = client.get("/api/search?q=l%C5%A9").get_data(as_text=True)
    assert "lũ" in body and "\\u" not in body


@pytest.mark.parametrize("query, needle", [
    ("page=99999999", "10.000"),
    ("page=-1", "trang"),
    ("per_page=100000", "100"),
    ("per_page=abc", "không phải là số"),
    ("from=2023-13-45", "2023-13-45"),
    ("sort=random", "random"),
    ("q=" + "a" * 401, "400"),
])
def test_bad_parameters_are_400_with_the_reason(client, query: str, needle: str) -> None:
    data = api(client, f"/api/search?{query}", status=400)
    assert data["status"] == 400 and needle in data["error"]


def test_pages_past_the_end_are_empty_not_errors(client) -> None:
    data = api(client, "/api/search", [("q", "lũ"), ("page", "9")])
    assert data["total"] == 10 and data["hits"] == [] and data["page"] == 9


def test_article_json_with_related(client, index) -> None:
    hit = index.search(SearchRequest(query='"Phố cổ Hội An"')).hits[0]
    data = api(client, f"/api/article/{hit.id}")
    assert data["id"] == hit.id and data["title"].startswith("Phố cổ Hội An")
    assert data["published"] == "2024-03-23T19:30:00+07:00" and data["source"] == "Duyên Hải"
    assert data["body"] and data["agencies"] and data["locations"]
    assert set(data) >= {"id", "title", "body", "published", "source", "authors", "url", "category", "agencies",
                         "locations", "provinces", "related"}
    related = data["related"]
    assert 1 <= len(related) <= 5 and hit.id not in {r["id"] for r in related}
    assert set(related[0]) == {"id", "title", "published", "source", "url", "category", "snippet", "agencies",
                               "locations", "score"}
    assert data == {**index.get(hit.id).to_json(), "related": related}


@pytest.mark.parametrize("article_id", [TRICKY_ID, *ODD_IDS])
def test_article_json_for_odd_ids(hostile_client, article_id: str) -> None:
    data = api(hostile_client, "/api/article/" + quote(article_id))
    assert data["id"] == article_id


@pytest.mark.parametrize("path", ["/api/article/nope", "/api/article/" + "x" * 2000, "/api/nothing-here",
                                  "/api/facet/nope?text=a"])
def test_unknown_is_a_json_404(client, path: str) -> None:
    data = api(client, path, status=404)
    assert data["status"] == 404 and data["error"]


def test_facet_filter_endpoint(client) -> None:
    data = api(client, "/api/facet/agency", [("text", "UBND"), ("q", "du lịch")])
    assert data["facet"] == "agency" and data["text"] == "UBND"
    values = data["values"]
    assert values and all(v["value"].startswith("Ủy ban nhân dân") and v["count"] > 0 for v in values)
    counts = [v["count"] for v in values]
    assert counts == sorted(counts, reverse=True)
    # Counts ignore the facet's own selection; a selected value is marked.
    chosen = values[0]["value"]
    again = api(client, "/api/facet/agency", [("text", "UBND"), ("q", "du lịch"), ("agency", chosen)])["values"]
    assert again[0] == {**values[0], "selected": True}
    # Another facet's selection narrows the counts.
    narrowed = api(client, "/api/facet/agency", [("text", "UBND"), ("q", "du lịch"), ("source", "Báo Nam Định")])
    assert sum(v["count"] for v in narrowed["values"]) < sum(v["count"] for v in values)


def test_facet_filter_edge_cases(client) -> None:
    assert api(client, "/api/facet/agency")["values"] == []
    assert api(client, "/api/facet/location", [("text", "nam dinh")])["values"][0]["value"]
    assert len(api(client, "/api/facet/agency", [("text", "a"), ("limit", "3")])["values"]) <= 3
    assert api(client, "/api/facet/agency", [("text", "a"), ("limit", "x")])["values"] is not None
    assert api(client, "/api/facet/agency", [("text", "a"), ("page", "-1")], status=400)["status"] == 400
