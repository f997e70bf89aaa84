"""Query string -> SearchState -> SearchRequest, corrections and URLs (no index needed)."""

from __future__ import annotations

from datetime import date
from urllib.parse import parse_qsl

import pytest
from werkzeug.datastructures import MultiDict

from indexer.errors import InvalidRequest
from search_web import params
from search_web.params import SearchState, parse_state, safe_back


def state_of(query: str, strict: bool = False) -> tuple[SearchState, list[str]]:
    return parse_state(MultiDict(parse_qsl(query, keep_blank_values=True)), strict=strict)


def test_bounds_are_the_core_ones() -> None:
    from indexer import model

    assert (params.MAX_PER_PAGE, params.MAX_WINDOW, params.MAX_QUERY_CHARS) == (
        model.MAX_PER_PAGE, model.MAX_WINDOW, model.MAX_QUERY_CHARS)


def test_full_state_round_trip() -> None:
    query = ("q=kh%C3%B4ng+d%E1%BA%A5u&agency=A&agency=B&location=L&source=S&category=C"
             "&from=2023-01-01&to=2023-12-31&sort=oldest&per_page=20&page=3")
    state, messages = state_of(query)
    assert messages == []
    assert state == SearchState(q="không dấu", agency=("A", "B"), location=("L",), source=("S",),
                                category=("C",), date_from=date(2023, 1, 1), date_to=date(2023, 12, 31),
                                sort="oldest", page=3, per_page=20)
    again, _ = state_of(state.query_string())
    assert again == state
    request = state.to_request()
    assert request.agencies == ("A", "B") and request.categories == ("C",)
    assert (request.page, request.per_page, request.sort) == (3, 20, "oldest")


def test_defaults_are_left_out_of_urls() -> None:
    assert SearchState().query_string() == ""
    assert SearchState(q="x", sort="relevance").query_string() == "q=x"
    assert SearchState(sort="newest").query_string() == ""
    assert SearchState(q="x", sort="newest").query_string() == "q=x&sort=newest"
    assert SearchState(q="x", page=4).query_string(paging=False) == "q=x"


@pytest.mark.parametrize("state, expected", [
    (SearchState(), "newest"),
    (SearchState(sort="relevance"), "newest"),  # nothing to be relevant to: newest first
    (SearchState(sort="oldest"), "oldest"),
    (SearchState(q="x"), "relevance"),
    (SearchState(q="x", sort="newest"), "newest"),
])
def test_effective_sort(state: SearchState, expected: str) -> None:
    assert state.effective_sort == expected
    assert state.to_request().sort == expected


def test_toggling_and_changes_reset_the_page() -> None:
    state = SearchState(q="x", agency=("A",), page=5)
    added = state.toggling("agency", "B")
    assert added.agency == ("A", "B") and added.page == 1
    assert added.toggling("agency", "A").agency == ("B",)
    assert state.adding("agency", "A").agency == ("A",)
    assert state.removing("agency", "A").has_filters is False
    assert state.change(sort="oldest").page == 1
    assert state.without_filters() == SearchState(q="x")


@pytest.mark.parametrize("query, fixed, needle", [
    ("page=99999999", {"page": 1000}, "10.000"),
    ("page=99999999&per_page=100", {"page": 100, "per_page": 100}, "10.000"),
    ("page=-1", {"page": 1}, "trang"),
    ("page=0", {"page": 1}, "trang"),
    ("page=abc", {"page": 1}, "không phải là số"),
    ("page=1e3", {"page": 1}, "không phải là số"),
    ("page=" + "9" * 5000, {"page": 1}, "không phải là số"),
    ("per_page=100000", {"per_page": 100}, "tối đa 100"),
    ("per_page=0", {"per_page": 10}, "từ 1 đến 100"),
    ("per_page=-5", {"per_page": 10}, "từ 1 đến 100"),
    ("per_page=ten", {"per_page": 10}, "không phải là số"),
    ("from=2023-13-45", {"date_from": None}, "2023-13-45"),
    ("to=2023-02-30", {"date_to": None}, "2023-02-30"),
    ("from=20230101", {"date_from": None}, "NNNN-TT-NN"),  # fromisoformat would take it; the URL format is one
    ("from=yesterday", {"date_from": None}, "yesterday"),
    ("from=2024-01-01&to=2023-01-01", {"date_from": date(2023, 1, 1), "date_to": date(2024, 1, 1)}, "đổi chỗ"),
    ("sort=random", {"sort": ""}, "random"),
    ("q=" + "a" * 450, {"q": "a" * 400}, "400"),
])
def test_malformed_values_are_corrected_with_a_message(query: str, fixed: dict, needle: str) -> None:
    state, messages = state_of(query)
    for name, value in fixed.items():
        assert getattr(state, name) == value
    assert len(messages) == 1 and needle in messages[0]
    with pytest.raises(InvalidRequest):
        state_of(query, strict=True)


def test_facet_values_are_cleaned_deduplicated_and_bounded() -> None:
    many = "&".join(f"agency=A{n}" for n in range(30))
    state, messages = state_of(f"agency=%20A%20&agency=A&agency=&location=x%00y&{many}")
    assert state.agency[0] == "A" and len(state.agency) == params.MAX_VALUES_PER_FACET
    assert state.location == ("x y",)
    assert len(messages) == 1 and "tối đa" in messages[0]
    long_value, messages = state_of("source=" + "b" * 500)
    assert long_value.source == ("b" * params.MAX_VALUE_CHARS,) and messages


def test_blank_and_unknown_parameters_are_ignored() -> None:
    state, messages = state_of("q=&from=&to=&sort=&page=&per_page=&agency_q=UBND&utm_source=x")
    assert state == SearchState() and messages == []


def test_control_characters_leave_the_query() -> None:
    state, _ = state_of("q=%00%1b%5B31m+l%C5%A9%07")
    assert state.q == "[31m lũ"


@pytest.mark.parametrize("back, expected", [
    ("/?q=l%C5%A9&page=2", "/?q=l%C5%A9&page=2"),
    ("/", "/"),
    ("/?q=x&sort=relevance&junk=1", "/?q=x"),  # re-written from the parsed state
    ("/?page=-3", "/"),
    ("https://evil.example/?q=x", None),
    ("//evil.example/?q=x", None),
    ("/\\evil.example", None),
    ("javascript:alert(1)", None),
    ("/article/x?q=1", None),
    ("/?q=x\n", None),
    ("", None),
    (None, None),
])
def test_back_links_only_lead_to_this_search_page(back: str | None, expected: str | None) -> None:
    assert safe_back(back) == expected
