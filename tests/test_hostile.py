"""Hostile input: anything anyone can type or upload gets a sensible answer
or a clear refusal, never a crash, and the work it causes stays bounded."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indexer import InvalidRequest, SearchRequest
from indexer.model import MAX_QUERY_CHARS
from indexer.query import MAX_CONCEPTS, parse_query
from indexer.readers import ReadError, read_paths

# Characters that matter to the query language, plus Vietnamese and junk.
_QUERY_ALPHABET = st.sampled_from(
    list('"“”-():*?~^!&|\\/[]{}<>=+@#%\' \t\n\x00\x07\u200b\u00a0') +
    list("aăâeêioôơuưyđAĐ") + ["OR", "AND", "title:", "agency:", "date:", "from:", "to:", "foo:", "ạ", "ờ", "\u0301"]
)
QUERIES = st.lists(_QUERY_ALPHABET, max_size=60).map("".join) | st.text(max_size=300)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(QUERIES)
def test_any_query_is_answered_by_the_core(index, text: str) -> None:
    parsed = parse_query(text)
    assert len(parsed.concepts) <= MAX_CONCEPTS and len(parsed.text) <= MAX_QUERY_CHARS
    results = index.search(SearchRequest(query=text, per_page=5))
    assert results.total >= len(results.hits)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(st.dictionaries(
    st.sampled_from(["q", "agency", "location", "source", "category", "from", "to", "sort", "page", "per_page", "x"]),
    QUERIES | st.integers(-10**12, 10**12).map(str),
    max_size=6))
def test_any_api_request_is_200_or_400(client, params: dict[str, str]) -> None:
    response = client.get("/api/search?" + urlencode(params))
    assert response.status_code in (200, 400), response.data[:300]
    body = json.loads(response.data)
    assert ("error" in body) if response.status_code == 400 else ("hits" in body)


@pytest.mark.parametrize(
    "text",
    [
        "khoa học " * 5000,  # very long
        "\x00\x01\x02 lũ \x1b[31m",  # control characters
        '"lũ quét', 'lũ" quét"', "((lũ", "lũ))", "[lũ]",  # unbalanced quotes and brackets
        "OR OR - - \"\" () :", "-", "- - -", "OR",  # only operators
        "và của các là những", "của",  # only stop words
        "foo:bar baz:", "title:", "agency:", "date:99999",  # unknown or empty fields
        "*", "?", "a*", "*:*", "**", "%", "_",  # wildcards: plain characters here
        "<script>alert(1)</script>", "'; DROP TABLE docs; --",
    ],
)
def test_hostile_queries_get_sensible_answers(index, client, text: str) -> None:
    results = index.search(SearchRequest(query=text, per_page=10))
    assert results.total >= 0
    page = client.get("/?" + urlencode({"q": text}))
    assert page.status_code == 200
    assert b"<script>alert(1)" not in page.data
    api = client.get("/api/search?" + urlencode({"q": text}))
    assert api.status_code in (200, 400)


def test_a_wildcard_does_not_expand_to_everything(index) -> None:
    everything = index.search(SearchRequest(per_page=1)).total
    assert index.search(SearchRequest(query="*", per_page=1)).total in (0, everything)  # browse, or nothing
    assert index.search(SearchRequest(query="a*", per_page=1)).total < everything


@pytest.mark.parametrize(("page", "per_page"), [(10**9, 10), (1, 10**9), (-5, 10), (0, 0), (101, 100)])
def test_absurd_paging_is_refused_by_the_core(index, page: int, per_page: int) -> None:
    with pytest.raises(InvalidRequest):
        index.search(SearchRequest(query="lũ", page=page, per_page=per_page))


@pytest.mark.parametrize("article_id", ["../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "/etc/passwd",
                                        "%00", "a" * 5000, "<script>"])
def test_article_ids_cannot_reach_files(client, article_id: str) -> None:
    response = client.get("/article/" + article_id)
    assert response.status_code in (404, 400)
    assert b"root:" not in response.data
    assert b"Traceback" not in response.data


# -- documents ------------------------------------------------------------------------------
def test_an_enormous_file_is_refused_by_name(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.seek(70 * 1024 * 1024)
        fh.write(b"x")
    (tmp_path / "ok.txt").write_text("Tiêu đề\n\n24/07/2023\n\nNội dung.\n", encoding="utf-8")
    items = list(read_paths([tmp_path]))
    errors = [i for i in items if isinstance(i, ReadError)]
    assert len(errors) == 1 and errors[0].path.endswith("big.txt") and "too large" in errors[0].reason
    assert [a.title for a in items if not isinstance(a, ReadError)] == ["Tiêu đề"]


def test_zero_width_and_nfd_text_is_searchable(tmp_path: Path) -> None:
    import unicodedata

    from indexer import open_backend, writing

    text = unicodedata.normalize("NFD", "Khoa\u200b học\u00a0và công\u200d nghệ ở Hoà Bình")
    records = [{"id": "zw", "title": text, "body": text + " " + "nội dung " * 30}]
    path = tmp_path / "zw.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    writing.build(tmp_path / "ix", [path], progress=False)
    backend = open_backend(str(tmp_path / "ix"))
    try:
        for query in ("khoa học và công nghệ", "hòa bình", "hoa binh", "Hoà Bình"):
            assert [h.id for h in backend.search(SearchRequest(query=query)).hits] == ["zw"], query
    finally:
        backend.close()


def test_mixed_encodings_in_one_folder(tmp_path: Path) -> None:
    article = "Tiêu đề bài\n\n24/07/2023\n\nNội dung có dấu tiếng Việt.\n"
    (tmp_path / "utf8.txt").write_text(article, encoding="utf-8")
    (tmp_path / "utf8bom.txt").write_text(article, encoding="utf-8-sig")
    (tmp_path / "utf16.txt").write_text(article, encoding="utf-16")
    (tmp_path / "cp1258.txt").write_bytes("Tiêu đề\n\nCó dấu".encode("cp1258", errors="replace"))
    items = list(read_paths([tmp_path]))
    good = [i for i in items if not isinstance(i, ReadError)]
    bad = [i for i in items if isinstance(i, ReadError)]
    assert len(good) == 3 and all(a.title == "Tiêu đề bài" for a in good)
    assert [Path(b.path).name for b in bad] == ["cp1258.txt"] and "not UTF-8" in bad[0].reason
