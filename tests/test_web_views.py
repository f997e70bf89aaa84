"""The search page and article pages, through Flask's test client, against
the real corpus index (totals and titles observed from it, then pinned)."""

from __future__ import annotations

import html
import re
from datetime import date
from urllib.parse import parse_qs, quote, urlencode, urlsplit

import pytest
from markupsafe import escape

from indexer import SearchRequest

from .conftest import ODD_IDS, SEED, SEED_TITLE, TRICKY_ID, XSS, page_hits

#: The seed article is indexed too when ../shared is present.
SEED_IN = int(SEED.exists())
NEWEST = 'Kết nối du lịch "cao nguyên - biển xanh" sau hợp nhất'
OLDEST = "Hải Hậu đẩy nhanh tiến độ gieo cấy lúa xuân"


def get_page(client, params: list[tuple[str, str]] | str = "", status: int = 200) -> str:
    query = params if isinstance(params, str) else urlencode(params)
    response = client.get("/" + (f"?{query}" if query else ""))
    assert response.status_code == status, response.get_data(as_text=True)[:500]
    return response.get_data(as_text=True)


def total_of(page: str) -> int:
    found = re.search(r'id="total" data-total="(\d+)"', page)
    assert found, "no total on the page"
    return int(found.group(1))


# -- what a reader finds ---------------------------------------------------------------
SEARCHES = [
    pytest.param([("q", "khoa học")], 4 + SEED_IN,
                 ["Kỷ niệm Ngày Khoa học và Công nghệ Việt Nam"] + ([SEED_TITLE] if SEED_IN else [])
                 + ["Ứng dụng công nghệ sinh học trong sản xuất nấm"], id="khoa-hoc"),
    pytest.param([("q", "vắc xin")], 8, None, id="vac-xin"),
    pytest.param([("q", "vac xin")], 8, None, id="vac-xin-unaccented"),
    pytest.param([("q", '"bão số 3"')], 2,
                 ["Dồn lực khắc phục hậu quả bão số 3", "Giao Thủy khắc phục hậu quả bão số 3"], id="phrase"),
    pytest.param([("q", "du lịch"), ("source", "Báo Nam Định"), ("source", "Báo Quảng Ninh")], 6,
                 ["Vân Đồn thu hút nhà đầu tư", "Vịnh Hạ Long đón lượng khách kỷ lục"], id="two-sources-or"),
    pytest.param([("agency", "Bộ Y tế")], 9, ["Cẩm Xuyên khoanh vùng, xử lý ổ dịch sốt xuất huyết"], id="agency"),
    pytest.param([("category", "Du lịch")], 2,
                 ["Phố cổ Hội An đông khách trong đêm rằm tháng Hai", "Du lịch hè Khánh Hòa sôi động trở lại"],
                 id="category"),
    pytest.param([("from", "2021-01-01"), ("to", "2021-12-31")], 7,
                 ["Bắt đầu tiêm vắc xin phòng COVID-19 cho học sinh"], id="one-year"),
    pytest.param([("agency", "Ủy ban nhân dân tỉnh Nghệ An"), ("location", "Nghệ An"),
                  ("from", "2020-01-01"), ("to", "2020-12-31")], 1,
                 ["Thanh Chương: Nước sông Lam lên nhanh"], id="agency-province-year"),
    pytest.param([("q", "tiêm vắc xin"), ("location", "Nghệ An"), ("location", "Đắk Lắk")], 2,
                 ["Triển khai tiêm vắc xin COVID-19 cho trẻ", "Tiêm vắc xin phòng COVID-19 cho công nhân"],
                 id="two-places-or"),
    pytest.param([], 60 + SEED_IN, [NEWEST, "Thành phố Cần Thơ mới đẩy mạnh liên kết"], id="browse-newest"),
    pytest.param([("sort", "oldest")], 60 + SEED_IN, [OLDEST, "Vịnh Hạ Long đón lượng khách kỷ lục"],
                 id="browse-oldest"),
    pytest.param([("q", "lũ"), ("sort", "newest")], 10, [NEWEST], id="query-newest"),
    pytest.param([("q", "xyzzyq")], 0, [], id="nothing"),
]


@pytest.mark.parametrize("params, total, titles", SEARCHES)
def test_search_finds(client, params, total: int, titles: list[str] | None) -> None:
    page = get_page(client, params)
    assert total_of(page) == total
    hits = page_hits(page)
    assert len(hits) == min(total, 10)
    if titles is not None:
        assert len(hits) >= len(titles)
        for (_, title), expected in zip(hits, titles):
            assert title.startswith(expected)


def test_query_words_are_marked_in_titles_and_snippets(client) -> None:
    page = get_page(client, [("q", "vắc xin")])
    hits = page_hits(page)
    assert all("vắc xin" in title.lower() for _, title in hits)
    assert page.count('<p class="snippet">') == 8
    assert "<mark>vắc xin</mark>" in page.lower() or "<mark>vắc</mark>" in page.lower()


def test_filters_combine_or_within_and_across_facets(client, index) -> None:
    one = total_of(get_page(client, [("q", "du lịch"), ("source", "Báo Nam Định")]))
    other = total_of(get_page(client, [("q", "du lịch"), ("source", "Báo Quảng Ninh")]))
    both = total_of(get_page(client, [("q", "du lịch"), ("source", "Báo Nam Định"), ("source", "Báo Quảng Ninh")]))
    assert (one, other, both) == (4, 2, 6)
    narrowed = total_of(get_page(client, [("q", "du lịch"), ("source", "Báo Nam Định"), ("source", "Báo Quảng Ninh"),
                                          ("from", "2024-01-01")]))
    assert narrowed == index.search(SearchRequest(query="du lịch", sources=("Báo Nam Định", "Báo Quảng Ninh"),
                                                  date_from=date(2024, 1, 1))).total == 1


# -- facets --------------------------------------------------------------------------------
def facet_values(page: str, facet: str) -> dict[str, tuple[int, bool]]:
    """value -> (count, checked) of the checkboxes of one facet."""
    found = re.findall(
        rf'<input type="checkbox" name="{facet}" value="([^"]*)"( checked)?> <span class="value">[^<]*</span> '
        r'<span class="count">([\d.]+)</span>', page)
    return {html.unescape(v): (int(c.replace(".", "")), bool(on)) for v, on, c in found}


def test_facet_sidebar_lists_counts(client) -> None:
    page = get_page(client, [("q", "du lịch")])
    sources = facet_values(page, "source")
    assert sources["Báo Nam Định"] == (4, False)
    assert sources["Báo Quảng Ninh"] == (2, False)
    assert sum(count for count, _ in sources.values()) == 19
    for facet in ("agency", "location", "source", "category"):
        assert f'id="facet-{facet}"' in page
    assert "<legend>Cơ quan</legend>" in page and "<legend>Thời gian</legend>" in page


def test_ticked_values_are_checked_and_counts_are_disjunctive(client) -> None:
    before = get_page(client, [("q", "du lịch")])
    after = get_page(client, [("q", "du lịch"), ("source", "Báo Nam Định")])
    sources_before, sources_after = facet_values(before, "source"), facet_values(after, "source")
    assert sources_after["Báo Nam Định"] == (4, True)
    # A facet's counts ignore its own selection: the other outlets still show what they would add.
    assert sources_after["Báo Quảng Ninh"] == sources_before["Báo Quảng Ninh"] == (2, False)
    # Other facets count only the filtered hits.
    assert sum(c for c, _ in facet_values(after, "category").values()) <= 4
    assert total_of(after) == 4


def test_selected_values_are_always_shown(client) -> None:
    rare = "Ban Quản lý Vườn quốc gia Xuân Thủy"
    page = get_page(client, [("q", "lũ"), ("agency", rare)])
    assert facet_values(page, "agency")[rare][1] is True
    # A value that matches nothing: the core says so, and the filter row offers to drop it.
    page = get_page(client, [("q", "lũ"), ("agency", "Không có cơ quan này")])
    assert "Không có cơ quan “Không có cơ quan này” trong kho" in page and total_of(page) == 0
    assert 'href="/?q=l%C5%A9" title="Bỏ bộ lọc này">' in page


def test_long_facets_hide_the_rest_behind_show_more(client) -> None:
    page = get_page(client)
    agency_box = page.split('id="facet-agency"')[1].split("</fieldset>")[0]
    assert '<details class="more">' in agency_box and "Xem thêm" in agency_box
    assert agency_box.split("<details")[0].count('type="checkbox"') == 8


def test_locations_nest_provinces_and_places(client) -> None:
    page = get_page(client, [("location", "Nam Định")])
    assert re.search(r'class="depth-1 on"><label><input type="checkbox" name="location" value="Nam Định" checked>', page)
    assert re.search(r'class="depth-2"><label><input type="checkbox" name="location" '
                     r'value="huyện Giao Thủy, Nam Định"> <span class="value">huyện Giao Thủy</span>', page)


def test_agency_filter_box_works_without_javascript(client) -> None:
    page = get_page(client, [("q", "du lịch"), ("agency_q", "UBND")])
    values = facet_values(page, "agency")
    assert values and all(v.startswith("Ủy ban nhân dân") for v in values)
    assert all(count > 0 for count, _ in values.values())
    assert 'value="UBND"' in page  # the box keeps what was typed
    page = get_page(client, [("q", "du lịch"), ("agency_q", "zzzz")])
    assert "Không có cơ quan nào khớp" in page


def test_date_chart_years_then_months(client) -> None:
    page = get_page(client, [("q", "vắc xin")])
    years = re.findall(r'aria-label="Năm (\d{4}): (\d+) bài"', page)
    assert years == [("2021", "7"), ("2022", "1")]
    assert 'href="/?q=v%E1%BA%AFc+xin&amp;from=2021-01-01&amp;to=2021-12-31"' in page
    assert "Số bài theo tháng" not in page  # two years: no month chart yet
    page = get_page(client, [("q", "vắc xin"), ("from", "2021-01-01"), ("to", "2021-12-31")])
    months = re.findall(r'title="Tháng (\d+)/2021: (\d+) bài"', page)
    assert len(months) == 12 and sum(int(c) for _, c in months) == 7
    assert 'href="/?q=v%E1%BA%AFc+xin&amp;from=2021-08-01&amp;to=2021-08-31"' in page
    assert '<li class="bar on">' in page  # the chosen year is highlighted
    assert 'value="2021-01-01"' in page and 'value="2021-12-31"' in page


# -- sort, paging, summary, messages --------------------------------------------------------
def test_sort_switch(client) -> None:
    page = get_page(client, [("q", "lũ")])
    assert re.search(r'<a aria-current="true" class="current" href="[^"]*">Liên quan nhất</a>', page)
    assert 'href="/?q=l%C5%A9&amp;sort=newest">Mới nhất</a>' in page
    assert 'href="/?q=l%C5%A9&amp;sort=oldest">Cũ nhất</a>' in page
    browse = get_page(client)
    assert "Liên quan nhất" not in browse  # no words, nothing to be relevant to
    assert re.search(r'aria-current="true" class="current" href="/">Mới nhất</a>', browse)


def test_pagination(client) -> None:
    first, second = get_page(client), get_page(client, "page=2")
    ids_first, ids_second = [i for i, _ in page_hits(first)], [i for i, _ in page_hits(second)]
    assert len(ids_second) == 10 and not set(ids_first) & set(ids_second)
    assert 'rel="next" href="/?page=2"' in first and 'rel="prev"' not in first
    assert 'rel="prev" href="/"' in second and 'aria-current="page"' in second
    last = get_page(client, "page=7")
    assert len(page_hits(last)) == (1 if SEED_IN else 10)
    assert 'rel="next"' not in last
    wide = get_page(client, "per_page=100")
    assert len(page_hits(wide)) == 60 + SEED_IN and 'class="pagination"' not in wide


def test_summary_shows_total_and_time(client) -> None:
    page = get_page(client, [("q", "lũ")])
    assert re.search(r"Tìm thấy\s+<strong>10</strong> bài\s+<span class=\"took\">\(\d+,\d\d giây\)</span>", page)


def test_did_you_mean_links_to_the_suggestion(client) -> None:
    page = get_page(client, [("q", "vac xin"), ("source", "Báo Nghệ An")])
    assert re.search(r'Có phải bạn muốn tìm:\s*<a href="/\?q=v%E1%BA%AFc\+xin&amp;source=B%C3%A1o\+Ngh%E1%BB%87\+An" '
                     r'id="suggestion">vắc xin</a>', page)


def test_core_notice_is_shown(client) -> None:
    page = get_page(client, [("q", "khao học")])
    assert "Không có bài nào chứa đủ mọi từ" in page


def test_empty_state_helps(client) -> None:
    page = get_page(client, [("q", "xyzzyq"), ("source", "Báo Nghệ An")])
    assert 'id="empty"' in page and "Không tìm thấy bài nào cho “xyzzyq”" in page
    assert 'href="/?q=xyzzyq">Bỏ mọi bộ lọc</a>' in page
    assert "Xem các bài mới nhất" in page


def test_active_filters_can_be_removed_one_by_one(client) -> None:
    page = get_page(client, [("q", "lũ"), ("source", "Báo Nghệ An"), ("from", "2020-01-01")])
    assert 'href="/?q=l%C5%A9&amp;from=2020-01-01" title="Bỏ bộ lọc này">' in page
    assert 'href="/?q=l%C5%A9&amp;source=B%C3%A1o+Ngh%E1%BB%87+An" title="Bỏ bộ lọc này">' in page
    assert "01/01/2020 – …" in page


def test_hit_chips_add_a_filter(client) -> None:
    page = get_page(client, [("q", "du lịch"), ("source", "Báo Nam Định")])
    assert ('href="/?q=du+l%E1%BB%8Bch&amp;agency=B%E1%BB%99+Y+t%E1%BA%BF&amp;source=B%C3%A1o+Nam+%C4%90%E1%BB%8Bnh"'
            in page)
    assert 'class="chip place"' in page


def test_exports_keep_the_search(client) -> None:
    page = get_page(client, [("q", "lũ"), ("source", "Báo Nghệ An"), ("page", "1")])
    assert 'href="/export.csv?q=l%C5%A9&amp;source=B%C3%A1o+Ngh%E1%BB%87+An"' in page
    assert 'href="/feed.atom?q=l%C5%A9&amp;source=B%C3%A1o+Ngh%E1%BB%87+An"' in page
    assert 'type="application/atom+xml"' in page


# -- bad input: corrected with a message, or 4xx; never 500 ------------------------------------
@pytest.mark.parametrize("query, status, needle", [
    ("page=99999999", 200, "Chỉ xem được 10.000 kết quả đầu tiên"),
    ("page=-1", 200, "Số trang phải từ 1 trở lên"),
    ("page=50", 200, "Không có trang 50; đang hiện trang cuối (7)"),
    ("q=l%C5%A9&page=3", 200, "Không có trang 3; đang hiện trang cuối (1)"),
    ("per_page=100000", 200, "Mỗi trang hiện tối đa 100 bài"),
    ("per_page=0", 200, "Số bài mỗi trang phải từ 1 đến 100"),
    ("from=2023-13-45", 200, "Ngày bắt đầu “2023-13-45” không hợp lệ"),
    ("to=2023-02-30", 200, "Ngày kết thúc “2023-02-30” không hợp lệ"),
    ("from=2024-01-01&to=2020-01-01", 200, "đổi chỗ"),
    ("sort=random", 200, "Không có cách sắp xếp “random”"),
    ("q=" + "l%C5%A9+" * 300, 200, "dài quá 400 ký tự"),
    ("q=%FF%FE%00", 200, ""),
    ("q=%22unclosed+(phrase", 200, ""),
    ("q=title%3A+OR+-+AND+NOT+*+%3F", 200, ""),
    ("q=" + "%E1%BB%B9" * 2000, 200, "dài quá 400 ký tự"),
    ("&".join(["agency=X"] * 500), 200, ""),
    ("page=1&page=2&sort=oldest&sort=bogus", 200, ""),
])
def test_bad_input_is_corrected_never_a_500(client, query: str, status: int, needle: str) -> None:
    page = get_page(client, query, status)
    assert needle in page
    if needle:
        assert 'class="notice correction"' in page


def test_page_depth_is_bounded(client) -> None:
    page = get_page(client, "page=99999999&per_page=100")
    assert "Chỉ xem được 10.000 kết quả đầu tiên" in page
    assert len(page_hits(page)) == 60 + SEED_IN  # corrected to the last page there is


def test_method_not_allowed_is_a_page(client) -> None:
    response = client.post("/", data={"q": "x"})
    assert response.status_code == 405
    assert "Phương thức không được hỗ trợ" in response.get_data(as_text=True)


# -- echoes are escaped --------------------------------------------------------------------------
@pytest.mark.parametrize("query", [XSS, '"><img src=x onerror=alert(1)>', "</title><script>x</script>",
                                   "{{ 7*7 }}", "' onmouseover='alert(1)"])
def test_the_query_is_escaped_everywhere(client, query: str) -> None:
    page = get_page(client, [("q", query), ("agency", query), ("agency_q", query)])
    assert "<script>" not in page.replace('<script src="/static/app.js" defer></script>', "")
    assert "<img src=x" not in page and "onmouseover='" not in page
    assert str(escape(query)) in page  # echoed, escaped as Jinja does


def test_article_content_is_escaped(hostile_client) -> None:
    page = get_page(hostile_client, [("q", "tin khẩn")])
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(" in page
    article = hostile_client.get(f"/article/{quote(TRICKY_ID)}").get_data(as_text=True)
    assert "<script>alert" not in article and "<img src=x" not in article and "<b>đậm</b>" not in article
    assert "&lt;b&gt;đậm&lt;/b&gt;" in article and "&lt;i&gt;Phóng viên&lt;/i&gt;" in article
    assert "javascript:" not in article  # a non-http URL is not made a link


# -- article pages -------------------------------------------------------------------------------
def first_hit_link(page: str) -> str:
    found = re.search(r'<h2 class="hit-title"><a href="([^"]+)">', page)
    assert found
    return html.unescape(found.group(1))


def test_article_page_shows_metadata_and_links(client) -> None:
    page = get_page(client, [("q", '"Phố cổ Hội An"')])
    link = first_hit_link(page)
    response = client.get(link)
    assert response.status_code == 200
    article = response.get_data(as_text=True)
    assert '<h1 id="article-title">Phố cổ Hội An đông khách trong đêm rằm tháng Hai</h1>' in article
    assert '<time datetime="2024-03-23T19:30:00+07:00">23/03/2024 19:30</time>' in article
    assert '<a href="/?source=Duy%C3%AAn+H%E1%BA%A3i">Duyên Hải</a>' in article
    assert '<a href="/?category=Du+l%E1%BB%8Bch">Du lịch</a>' in article
    assert 'href="https://duyenhai.example/du-lich/hoi-an-pho-co-don-khach-dem-ram.html" rel="noopener' in article
    assert 'class="chip agency" href="/?agency=' in article and 'class="chip place" href="/?location=' in article
    assert article.count('<p>') >= 3
    related = re.findall(r'<li><a href="(/article/[^"]+)">', article)
    assert 1 <= len(related) <= 5
    assert client.get(html.unescape(related[0])).status_code == 200


def test_back_to_results_returns_to_the_same_search(client) -> None:
    search = [("q", "lũ"), ("source", "Báo Nghệ An"), ("sort", "newest")]
    page = get_page(client, search)
    link = first_hit_link(page)
    assert "back=" in link
    article = client.get(link).get_data(as_text=True)
    back = html.unescape(re.search(r'<a id="back" href="([^"]+)">← Quay lại kết quả tìm kiếm', article).group(1))
    assert back == "/?" + urlencode(search)
    assert page_hits(get_page(client, back.removeprefix("/?"))) == page_hits(page)
    # Related articles keep the way back.
    related = re.findall(r'<li><a href="(/article/[^"]+)">', article)
    assert related and all(parse_qs(urlsplit(html.unescape(r)).query)["back"] == [back] for r in related)


@pytest.mark.parametrize("back", ["https://evil.example/", "//evil.example/x", "javascript:alert(1)", "/admin"])
def test_back_link_is_never_foreign(client, index, back: str) -> None:
    any_id = index.search(SearchRequest(per_page=1)).hits[0].id
    article = client.get(f"/article/{any_id}?{urlencode({'back': back})}").get_data(as_text=True)
    assert '<a id="back" href="/">← Trang tìm kiếm</a>' in article
    assert "evil" not in article and "javascript:" not in article


@pytest.mark.parametrize("article_id", [TRICKY_ID, *ODD_IDS])
def test_any_id_round_trips_through_its_url(hostile_client, article_id: str) -> None:
    from flask import url_for

    app = hostile_client.application
    with app.test_request_context():
        link = url_for("views.article", article_id=article_id)
    response = hostile_client.get(link)
    assert response.status_code == 200, link
    page = response.get_data(as_text=True)
    assert re.search(r'<h1 id="article-title">(Tin khẩn|Bài số \d)', page)


def test_links_on_the_page_reach_odd_ids(hostile_client) -> None:
    page = get_page(hostile_client, [("q", "bão số 3")])
    links = re.findall(r'<h2 class="hit-title"><a href="([^"]+)">', page)
    assert len(links) == len(ODD_IDS)
    for link in links:
        assert hostile_client.get(html.unescape(link)).status_code == 200


@pytest.mark.parametrize("path", [
    "/article/no-such-id",
    "/article/../../etc/passwd",
    "/article/%2e%2e/%2e%2e/etc/passwd",
    "/article/" + "x" * 5000,
    "/article/Test_Full/Chinh%20tri%20Xa%20hoi/XH_NLD_T_%20(8962).txt",  # not in this index
    "/no/such/page",
])
def test_unknown_ids_and_pages_are_404(client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    page = response.get_data(as_text=True)
    assert "Không tìm thấy trang" in page and "Traceback" not in page
