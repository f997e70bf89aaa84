"""Facets: counts over every hit, OR within a facet and AND across, counts
that ignore their own selection, the location tree, the date chart, and
searching a facet's values by any spelling."""

from __future__ import annotations

import calendar
from collections import Counter
from datetime import date

import pytest

from indexer.errors import InvalidRequest
from indexer.model import FACETS, FacetValue, SearchRequest
from indexer.vietnamese import fold

ATTR = {"agency": "agencies", "location": "locations", "source": "sources", "category": "categories"}
QUERIES = ["", "vắc xin", "lũ", "UBND", "du lich"]


def all_hits(index, **kwargs) -> list:
    results = index.search(SearchRequest(per_page=100, facets=False, **kwargs))
    assert results.total <= 100
    return list(results.hits)


def ids(index, **kwargs) -> set[str]:
    return {h.id for h in all_hits(index, **kwargs)}


def counts(values: tuple[FacetValue, ...]) -> dict[str, int]:
    return {v.value: v.count for v in values}


# -- counts -----------------------------------------------------------------------------------
def test_every_facet_is_returned_in_order(index) -> None:
    results = index.search(SearchRequest(query="vắc xin"))
    assert tuple(results.facets) == FACETS


def test_no_facets_when_not_asked(index) -> None:
    assert index.search(SearchRequest(query="vắc xin", facets=False)).facets == {}


@pytest.mark.parametrize("query", QUERIES)
def test_counts_cover_every_hit_not_one_page(index, query: str) -> None:
    results = index.search(SearchRequest(query=query, per_page=2, facet_limit=500))
    hits = all_hits(index, query=query)
    assert len(hits) == results.total
    assert counts(results.facets["source"]) == Counter(h.source for h in hits if h.source)
    assert counts(results.facets["agency"]) == Counter(a for h in hits for a in h.agencies)
    assert counts(results.facets["year"]) == Counter(f"{h.published.year:04d}" for h in hits if h.published)
    assert counts(results.facets["month"]) == Counter(h.published.strftime("%Y-%m") for h in hits if h.published)
    assert counts(results.facets["category"]) == Counter(h.category for h in hits if h.category)
    located = counts(results.facets["location"])
    assert all(located.get(place, 0) >= 1 for h in hits for place in h.locations)


@pytest.mark.parametrize("query", QUERIES)
def test_a_value_count_is_the_total_when_it_is_selected(index, query: str) -> None:
    results = index.search(SearchRequest(query=query, facet_limit=100))
    for name, attr in ATTR.items():
        for value in results.facets[name]:
            total = index.search(SearchRequest(query=query, facets=False, **{attr: (value.value,)})).total
            assert total == value.count, (name, value)
    for value in results.facets["year"]:
        year = int(value.value)
        total = index.search(SearchRequest(query=query, facets=False, date_from=date(year, 1, 1),
                                           date_to=date(year, 12, 31))).total
        assert total == value.count, value
    for value in results.facets["month"]:
        year, month = map(int, value.value.split("-"))
        last = calendar.monthrange(year, month)[1]
        total = index.search(SearchRequest(query=query, facets=False, date_from=date(year, month, 1),
                                           date_to=date(year, month, last))).total
        assert total == value.count, value


def test_facet_limit_bounds_each_facet(index) -> None:
    results = index.search(SearchRequest(facet_limit=3))
    assert len(results.facets["agency"]) == 3
    assert len(results.facets["source"]) == 3
    top = [v.count for v in results.facets["source"]]
    assert top == sorted(top, reverse=True)
    everything = index.search(SearchRequest(facet_limit=1000)).facets["source"]
    assert top == sorted((v.count for v in everything), reverse=True)[:3]


# -- combining selections -------------------------------------------------------------------------
def test_values_of_one_facet_combine_with_or(index) -> None:
    nghe_an = ids(index, sources=("Báo Nghệ An",))
    can_tho = ids(index, sources=("Báo Cần Thơ",))
    both = ids(index, sources=("Báo Nghệ An", "Báo Cần Thơ"))
    assert len(nghe_an) == 6 and len(can_tho) == 5
    assert both == nghe_an | can_tho
    hue = ids(index, locations=("Huế",))
    da_nang = ids(index, locations=("Đà Nẵng",))
    assert ids(index, locations=("Huế", "Đà Nẵng")) == hue | da_nang
    assert hue & da_nang  # overlapping values are not counted twice
    assert index.search(SearchRequest(locations=("Huế", "Đà Nẵng"))).total == len(hue | da_nang)


def test_different_facets_combine_with_and(index) -> None:
    health = ids(index, agencies=("Bộ Y tế",))
    nam_dinh = ids(index, sources=("Báo Nam Định",))
    assert len(health) == 9
    assert ids(index, agencies=("Bộ Y tế",), sources=("Báo Nam Định",)) == health & nam_dinh
    assert ids(index, query="vắc xin", agencies=("Bộ Y tế",), sources=("Báo Nam Định",)) == (
        health & nam_dinh & ids(index, query="vắc xin"))


def test_query_language_filters_add_to_the_request_selection(index) -> None:
    by_request = ids(index, sources=("Báo Nghệ An", "Báo Cần Thơ"))
    mixed = ids(index, query='source:"Báo Cần Thơ"', sources=("Báo Nghệ An",))
    assert mixed == by_request


def test_counts_ignore_their_own_selection(index) -> None:
    plain = index.search(SearchRequest(query="vắc xin", facet_limit=100))
    picked = index.search(SearchRequest(query="vắc xin", sources=("Báo Nam Định",), facet_limit=100))
    assert picked.total == 1
    assert counts(picked.facets["source"]) == counts(plain.facets["source"])
    assert [v.value for v in picked.facets["source"] if v.selected] == ["Báo Nam Định"]
    # Every other facet is counted over the selected source's hits only.
    hits = all_hits(index, query="vắc xin", sources=("Báo Nam Định",))
    assert counts(picked.facets["agency"]) == Counter(a for h in hits for a in h.agencies)


def test_two_selected_values_are_both_flagged(index) -> None:
    results = index.search(SearchRequest(query="vắc xin", sources=("Báo Nam Định", "Báo Nghệ An")))
    assert results.total == 2
    assert sorted(v.value for v in results.facets["source"] if v.selected) == ["Báo Nam Định", "Báo Nghệ An"]


def test_a_selected_value_is_present_even_without_hits_or_beyond_the_limit(index) -> None:
    results = index.search(SearchRequest(query="vắc xin", sources=("Báo Hà Tĩnh",), facet_limit=2))
    assert results.total == 0
    source = {v.value: v for v in results.facets["source"]}
    assert source["Báo Hà Tĩnh"] == FacetValue("Báo Hà Tĩnh", 0, True)
    assert len(results.facets["source"]) == 3  # the top two, and the selected one
    results = index.search(SearchRequest(locations=("Bến Tre",), facet_limit=1))
    location = {v.value: v for v in results.facets["location"]}
    assert location["Bến Tre"].selected and location["Bến Tre"].count == 1


def test_an_unknown_selected_value_is_explained_and_matches_nothing(index) -> None:
    results = index.search(SearchRequest(query="lũ", agencies=("Sở Không Có",)))
    assert results.total == 0
    assert results.notice and "“Sở Không Có”" in results.notice
    assert results.notice != fold(results.notice)  # said in Vietnamese


def test_selections_are_matched_by_any_spelling(index) -> None:
    full = ids(index, agencies=("Ủy ban nhân dân tỉnh Nghệ An",))
    assert len(full) == 5
    assert ids(index, agencies=("UBND tỉnh Nghệ An",)) == full
    assert ids(index, agencies=("uy ban nhan dan tinh nghe an",)) == full
    assert ids(index, sources=("bao nghe an",)) == ids(index, sources=("Báo Nghệ An",))


@pytest.mark.parametrize("value, stranger", [("Hà", "tth-2023-0005"), ("Hòa", "ad491333f054d786")])
def test_a_partial_filter_value_matches_whole_syllables(index, value: str, stranger: str) -> None:
    assert stranger not in ids(index, locations=(value,))


# -- the location tree ------------------------------------------------------------------------------
def test_location_facet_lists_provinces_then_their_places(index) -> None:
    values = index.search(SearchRequest(facet_limit=30)).facets["location"]
    stack: list[str] = []
    for v in values:
        while stack and stack[-1] != v.parent:
            stack.pop()
        if v.parent is not None:
            assert stack, f"{v.value} comes before its parent {v.parent}"
        stack.append(v.value)
    by_value = {v.value: v for v in values}
    assert by_value["Ninh Bình"].parent is None
    assert by_value["Nam Định"].parent == "Ninh Bình"  # a former province inside its 2025 one
    assert by_value["Thừa Thiên Huế"].parent == "Huế"
    assert by_value["Bình Dương"].parent == "TP Hồ Chí Minh"
    assert by_value["huyện Giao Thủy, Nam Định"].parent == "Nam Định"
    for v in values:
        if v.parent in by_value:
            assert v.count <= by_value[v.parent].count


def test_a_2025_province_finds_the_articles_of_the_former_one(index) -> None:
    ninh_binh = ids(index, locations=("Ninh Bình",))
    nam_dinh = ids(index, locations=("Nam Định",))
    assert "8d3602a925f97294" in nam_dinh  # Hải Hậu, 2019, before the merger
    assert nam_dinh <= ninh_binh
    assert "a803bf2254a6ae31" in ninh_binh  # xã Giao Phúc (Ninh Bình), 2025
    hue = ids(index, locations=("Huế",))
    assert ids(index, locations=("Thừa Thiên Huế",)) < hue
    assert "654f2a4ada7e6801" in hue  # Huế, 2025


def test_a_selected_place_is_flagged_with_its_parent(index) -> None:
    results = index.search(SearchRequest(query="vắc xin", locations=("Nam Định",)))
    selected = [v for v in results.facets["location"] if v.selected]
    assert selected == [FacetValue("Nam Định", selected[0].count, True, "Ninh Bình")]
    assert selected[0].count == results.total == 1


# -- the date chart ---------------------------------------------------------------------------
def test_years_and_months_are_in_date_order(index) -> None:
    facets = index.search(SearchRequest()).facets
    years = [v.value for v in facets["year"]]
    months = [v.value for v in facets["month"]]
    assert years == sorted(years) and years[0] == "2019" and years[-1] == "2025"
    assert months == sorted(months) and months[0] == "2019-02"
    assert sum(v.count for v in facets["year"]) == sum(v.count for v in facets["month"])
    assert not any(v.selected for v in facets["year"] + facets["month"])


def test_the_date_range_is_flagged_on_the_chart(index) -> None:
    results = index.search(SearchRequest(date_from=date(2021, 8, 1), date_to=date(2022, 4, 30),
                                         sources=tuple(v.value for v in index.search(SearchRequest(
                                             facet_limit=100)).facets["source"])))
    years = {v.value: v.selected for v in results.facets["year"]}
    assert years["2021"] and years["2022"]
    assert not years["2020"] and not years["2023"]
    months = {v.value: v.selected for v in results.facets["month"]}
    assert months["2021-08"] and months["2021-10"] and months["2022-04"]
    assert not months["2021-07"] and not months["2022-05"]


def test_a_from_date_alone_flags_everything_after(index) -> None:
    results = index.search(SearchRequest(query="date:2024", sources=("Báo Quảng Ninh", "Báo Nam Định")))
    assert {v.value for v in results.facets["year"] if v.selected} == {"2024"}
    assert {v.value for v in results.facets["month"] if v.selected} == {"2024-09", "2024-12"}


def test_the_chart_with_a_facet_selected_shows_the_whole_timeline(index) -> None:
    everything = index.search(SearchRequest(sources=("Báo Nam Định",)))
    ranged = index.search(SearchRequest(sources=("Báo Nam Định",), date_from=date(2022, 1, 1),
                                        date_to=date(2022, 12, 31)))
    assert [(v.value, v.count) for v in ranged.facets["year"]] == [(v.value, v.count) for v in everything.facets["year"]]
    assert ranged.total == 1


def test_the_chart_shows_the_whole_timeline_around_the_range(index) -> None:
    everything = index.search(SearchRequest())
    ranged = index.search(SearchRequest(date_from=date(2021, 8, 1), date_to=date(2022, 4, 30)))
    assert [(v.value, v.count) for v in ranged.facets["year"]] == [(v.value, v.count) for v in everything.facets["year"]]


# -- facet_search --------------------------------------------------------------------------------
def test_facet_search_finds_agencies_by_abbreviation(index) -> None:
    found = index.facet_search(SearchRequest(), "agency", "UBND", limit=100)
    assert len(found) > 10
    assert all(fold(v.value).startswith("uy ban nhan dan") for v in found)
    assert found[0] == FacetValue("Ủy ban nhân dân tỉnh Nghệ An", 5)
    assert [v.count for v in found] == sorted((v.count for v in found), reverse=True)
    assert {v.value for v in found} == {v.value for v in index.facet_search(SearchRequest(), "agency",
                                                                             "Ủy ban nhân dân", limit=100)}


@pytest.mark.parametrize(
    "facet, text, expected",
    [
        ("agency", "Sở KH&CN", "Sở Khoa học và Công nghệ tỉnh Nam Định"),
        ("agency", "so khcn", "Sở Khoa học và Công nghệ tỉnh Thừa Thiên Huế"),
        ("agency", "bo y te", "Bộ Y tế"),
        ("agency", "Sở GD&ĐT TP.HCM", "Sở Giáo dục và Đào tạo thành phố Hồ Chí Minh"),
        ("location", "TP.HCM", "TP Hồ Chí Minh"),
        ("location", "thanh pho Ho Chi Minh", "TP Hồ Chí Minh"),
        ("location", "giao thuy", "huyện Giao Thủy, Nam Định"),
        ("source", "nghe an", "Báo Nghệ An"),
        ("category", "du lich", "Du lịch"),
    ],
)
def test_facet_search_by_any_spelling(index, facet: str, text: str, expected: str) -> None:
    assert expected in [v.value for v in index.facet_search(SearchRequest(), facet, text, limit=50)]


def test_facet_search_counts_follow_the_request_but_not_its_own_selection(index) -> None:
    plain = {v.value: v.count for v in index.facet_search(SearchRequest(query="vắc xin"), "agency", "y te")}
    assert plain["Bộ Y tế"] == 7 or plain["Bộ Y tế"] == len(ids(index, query="vắc xin", agencies=("Bộ Y tế",)))
    picked = index.facet_search(SearchRequest(query="vắc xin", agencies=("Sở Y tế tỉnh Nam Định",)), "agency", "y te")
    assert {v.value: v.count for v in picked} == plain
    other = {v.value: v.count for v in index.facet_search(
        SearchRequest(query="vắc xin", sources=("Báo Nam Định",)), "agency", "y te")}
    assert other["Bộ Y tế"] == 1


def test_facet_search_matches_at_word_starts(index) -> None:
    found = [v.value for v in index.facet_search(SearchRequest(), "agency", "bệnh", limit=200)]
    assert "Trung tâm Kiểm soát bệnh tật tỉnh Nam Định" in found
    assert not index.facet_search(SearchRequest(), "agency", "ệnh tật")  # not inside a word
    assert not index.facet_search(SearchRequest(), "agency", "iểm soát")


def test_facet_search_for_so_does_not_find_kiem_soat(index) -> None:
    found = [v.value for v in index.facet_search(SearchRequest(), "agency", "Sở", limit=200)]
    assert found
    assert not [v for v in found if "Kiểm soát" in v and not v.startswith("Sở")]


def test_facet_search_lists_only_values_with_hits(index) -> None:
    found = index.facet_search(SearchRequest(query="vắc xin"), "agency", "UBND", limit=100)
    assert found and all(v.count > 0 for v in found)
    assert {v.value for v in found} <= {a for h in all_hits(index, query="vắc xin") for a in h.agencies}


def test_facet_search_limit_and_nothing_found(index) -> None:
    assert len(index.facet_search(SearchRequest(), "agency", "UBND", limit=3)) == 3
    assert index.facet_search(SearchRequest(), "agency", "không có cơ quan này") == []
    assert index.facet_search(SearchRequest(), "source", "") == []
    assert index.facet_search(SearchRequest(), "source", "!!!") == []


@pytest.mark.parametrize("facet", ["year", "month", "title", ""])
def test_facet_search_of_an_unknown_facet_is_invalid(index, facet: str) -> None:
    with pytest.raises(InvalidRequest):
        index.facet_search(SearchRequest(), facet, "x")


# -- one body, written in two cases -------------------------------------------------------------
PARK = "Ban Quản lý Khu {} nghệ cao Hòa Lạc cho biết dự án số {} đã khởi công tại Hà Nội. " + "Nhà máy sẽ tuyển kỹ sư. " * 20


def test_a_name_written_in_two_cases_is_one_value(tmp_path, write_jsonl) -> None:
    from indexer import writing
    from indexer.engine import Engine

    def article(n: int, case: str) -> dict:
        return {"id": f"hl-{n}", "title": f"Tin Hòa Lạc số {n}", "body": PARK.format(case, n),
                "published": f"2024-05-0{n}T08:00:00+07:00", "source": "Báo Thử"}

    writing.build(tmp_path / "ix", [write_jsonl(tmp_path / "a.jsonl", [article(1, "Công"), article(2, "Công")])],
                  progress=False)
    writing.add(tmp_path / "ix", [write_jsonl(tmp_path / "b.jsonl", [article(3, "công")])], progress=False)
    engine = Engine(str(tmp_path / "ix"))
    try:
        upper, lower = "Ban Quản lý Khu Công nghệ cao Hòa Lạc", "Ban Quản lý Khu công nghệ cao Hòa Lạc"
        results = engine.search(SearchRequest())
        assert counts(results.facets["agency"]) == {upper: 3}  # the form most articles write
        for form in (upper, lower):  # either form selects all three
            assert engine.search(SearchRequest(agencies=(form,))).total == 3
        assert [v.value for v in engine.facet_search(SearchRequest(), "agency", "khu cong nghe")] == [upper]
    finally:
        engine.close()
