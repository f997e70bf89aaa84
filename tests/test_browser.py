"""The search page in a real browser: headless Chromium driven by Playwright.

Debian's ``/usr/bin/chromium`` is driven through ``executable_path`` (no
Playwright browser download); the app runs in a background thread behind
werkzeug's WSGI server on a free loopback port.  Set
``VNNEWS_SCREENSHOT=docs/screenshot.png`` to save the screenshot for the docs.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from .conftest import SEED

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SEED_IN = int(SEED.exists())

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is absent (apt-get install -y chromium)"),
]


@pytest.fixture(scope="module")
def live_server(index_dir: Path) -> Iterator[str]:
    """The app over the corpus index, served on a free loopback port."""
    from werkzeug.serving import make_server

    from search_web import create_app
    from search_web.backend import close_backend

    app = create_app({"INDEX": str(index_dir)})
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=10)
    server.server_close()
    close_backend(app)


@pytest.fixture(scope="module")
def playwright() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e .[test])")
    sync_playwright = sync_api.sync_playwright

    with sync_playwright() as pw:
        yield pw


def _context(playwright: Any, profile: Path, **options: Any) -> Any:
    context = playwright.chromium.launch_persistent_context(
        user_data_dir=str(profile), executable_path=str(CHROMIUM), headless=True, args=ARGS,
        viewport={"width": 1280, "height": 1000}, locale="vi-VN", **options)
    context.set_default_timeout(10_000)
    return context


@pytest.fixture(scope="module")
def browser(playwright: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A Chromium context with a fresh profile."""
    context = _context(playwright, tmp_path_factory.mktemp("chromium-profile"))
    yield context
    context.close()


@pytest.fixture(scope="module")
def browser_without_js(playwright: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    context = _context(playwright, tmp_path_factory.mktemp("chromium-nojs"), java_script_enabled=False)
    yield context
    context.close()


def _watched_page(context: Any) -> Iterator[Any]:
    """A tab whose console errors (a CSP violation, a 404 asset, a JS error) fail the test."""
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    yield page
    page.close()
    assert problems == []


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    yield from _watched_page(browser)


@pytest.fixture()
def page_without_js(browser_without_js: Any) -> Iterator[Any]:
    yield from _watched_page(browser_without_js)


# -- helpers ----------------------------------------------------------------------------------
def total(page: Any) -> int:
    return int(page.locator("#total").get_attribute("data-total"))


def facet_box(page: Any, facet: str, value: str) -> Any:
    return page.locator(f'#facet-{facet} input[type="checkbox"][value="{value}"]').first


def facet_count(page: Any, facet: str, value: str) -> int:
    item = page.locator(f"#facet-{facet} li", has=page.locator(f'input[value="{value}"]')).first
    return int(item.locator(".count").inner_text().replace(".", ""))


def visible_counts(page: Any, facet: str) -> dict[str, int]:
    items = page.locator(f"#facet-{facet}-values li")
    return {items.nth(i).locator("input").get_attribute("value"): int(items.nth(i).locator(".count").inner_text())
            for i in range(items.count())}


def query_of(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


# -- the reader's path ------------------------------------------------------------------------
def test_search_tick_two_facets_read_and_come_back(page: Any, live_server: str) -> None:
    page.goto(live_server + "/")
    assert total(page) == 60 + SEED_IN
    search_box = page.get_by_label("Từ khóa tìm kiếm")
    assert search_box.evaluate("el => el === document.activeElement")  # autofocus on the empty page
    search_box.fill("du lịch")
    with page.expect_navigation():
        search_box.press("Enter")
    assert query_of(page.url) == {"q": ["du lịch"]}
    assert total(page) == 19
    agencies_before = visible_counts(page, "agency")
    assert facet_count(page, "source", "Báo Nam Định") == 4
    assert facet_count(page, "source", "Báo Quảng Ninh") == 2

    with page.expect_navigation():  # a tick applies at once (JS); click: the page goes away
        facet_box(page, "source", "Báo Nam Định").click()
    assert total(page) == 4
    assert facet_box(page, "source", "Báo Nam Định").is_checked()
    assert facet_count(page, "source", "Báo Quảng Ninh") == 2  # disjunctive: still what it would add
    assert visible_counts(page, "agency") != agencies_before  # other facets follow the hits
    assert set(page.locator(".hit .source").all_inner_texts()) == {"Báo Nam Định"}

    with page.expect_navigation():
        facet_box(page, "source", "Báo Quảng Ninh").click()
    assert total(page) == 6
    assert query_of(page.url)["source"] == ["Báo Nam Định", "Báo Quảng Ninh"]
    assert set(page.locator(".hit .source").all_inner_texts()) == {"Báo Nam Định", "Báo Quảng Ninh"}
    assert page.locator(".active-filters .chip").count() == 2
    search_url = page.url

    shot = os.environ.get("VNNEWS_SCREENSHOT")
    if shot:
        page.screenshot(path=shot, full_page=False)

    first = page.locator(".hit-title a").first
    title = first.inner_text()
    with page.expect_navigation():
        first.click()
    assert "/article/" in page.url
    assert page.locator("h1#article-title").inner_text() == title
    assert page.locator(".related li").count() >= 1
    with page.expect_navigation():
        page.get_by_role("link", name="← Quay lại kết quả tìm kiếm").click()
    assert query_of(page.url) == query_of(search_url)
    assert total(page) == 6
    assert facet_box(page, "source", "Báo Nam Định").is_checked()
    assert facet_box(page, "source", "Báo Quảng Ninh").is_checked()


def test_agency_filter_box_suggests_as_you_type(page: Any, live_server: str) -> None:
    page.goto(live_server + "/?q=du+l%E1%BB%8Bch")
    page.get_by_label("Tìm cơ quan").fill("UBND")
    results = page.locator("#agency-filter-results li")
    results.first.wait_for()
    names = results.locator(".value").all_inner_texts()
    assert names and all(name.startswith("Ủy ban nhân dân") for name in names)
    chosen = names[0]
    with page.expect_navigation():
        results.first.locator("input").click()  # the page navigates away: click, not check
    assert query_of(page.url) == {"q": ["du lịch"], "agency": [chosen]}  # once, and no filter-box text
    assert 0 < total(page) < 19
    assert facet_box(page, "agency", chosen).is_checked()
    # Enter in the box asks the server instead (the no-JS list, kept in the URL).
    box = page.get_by_label("Tìm cơ quan")
    box.fill("Sở Y tế")
    with page.expect_navigation():
        box.press("Enter")
    assert query_of(page.url)["agency_q"] == ["Sở Y tế"]
    names = page.locator("#facet-agency-values .value").all_inner_texts()
    assert chosen in names and all(n == chosen or n.startswith("Sở Y tế") for n in names)


def test_show_more_date_chart_and_sort(page: Any, live_server: str) -> None:
    page.goto(live_server + "/")
    more = page.locator("#facet-agency details.more")
    hidden_value = more.locator("input").first
    assert not hidden_value.is_visible()
    more.locator("summary").click()
    assert hidden_value.is_visible()
    with page.expect_navigation():
        page.get_by_role("link", name="Năm 2021: 7 bài").click()
    assert total(page) == 7
    assert page.locator(".bars.months .bar").count() == 12
    with page.expect_navigation():
        page.get_by_role("link", name="Cũ nhất").click()
    dates = page.locator(".hit time").evaluate_all("els => els.map(e => e.getAttribute('datetime'))")
    assert dates == sorted(dates) and dates[0].startswith("2021")


def test_keyboard_only(page: Any, live_server: str) -> None:
    page.goto(live_server + "/?q=v%E1%BA%AFc+xin")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Bỏ qua, đến nội dung chính"
    box = facet_box(page, "source", "Báo Nghệ An")
    box.focus()
    with page.expect_navigation():
        page.keyboard.press("Space")
    assert query_of(page.url)["source"] == ["Báo Nghệ An"] and total(page) == 1
    unlabelled = page.evaluate("""() => [...document.querySelectorAll('input:not([type=hidden]), button, select')]
        .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !el.textContent.trim())
        .map(el => el.outerHTML)""")
    assert unlabelled == []


def test_phone_width(browser: Any, live_server: str) -> None:
    for page in _watched_page(browser):
        page.set_viewport_size({"width": 375, "height": 740})
        for path in ("/?q=du+l%E1%BB%8Bch&source=B%C3%A1o+Nam+%C4%90%E1%BB%8Bnh", "/article/tth-2022-0004"):
            page.goto(live_server + path)
            assert page.evaluate("document.documentElement.scrollWidth") <= 375, path
        page.goto(live_server + "/?q=du+l%E1%BB%8Bch")
        assert page.get_by_label("Từ khóa tìm kiếm").is_visible()
        results = page.locator("#results").bounding_box()
        filters = page.locator("#filters").bounding_box()
        assert results["y"] < filters["y"]  # one column: results first, filters below


def test_works_without_javascript(page_without_js: Any, live_server: str) -> None:
    page = page_without_js
    page.goto(live_server + "/?q=du+l%E1%BB%8Bch")
    facet_box(page, "source", "Báo Nam Định").check()
    facet_box(page, "source", "Báo Quảng Ninh").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Áp dụng bộ lọc").click()
    assert total(page) == 6
    assert query_of(page.url)["source"] == ["Báo Nam Định", "Báo Quảng Ninh"]
    page.get_by_label("Tìm cơ quan").fill("UBND")
    with page.expect_navigation():
        page.locator("#facet-agency .facet-filter button").click()
    names = page.locator("#facet-agency-values .value").all_inner_texts()
    assert names and all(name.startswith("Ủy ban nhân dân") for name in names)
    assert total(page) == 6
