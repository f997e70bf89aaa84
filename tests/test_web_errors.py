"""Each error kind answered in one place: the right status, a Vietnamese page (or JSON)."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.errors import InvalidRequest
from search_web import create_app


class Refusing:
    """A backend whose every search is rejected (the core's own 400)."""

    def search(self, request):
        raise InvalidRequest("yêu cầu lạ <b>không</b> được")

    def close(self) -> None:
        pass


def test_core_invalid_request_is_400_with_its_message(index_dir: Path) -> None:
    client = create_app({"INDEX": str(index_dir), "BACKEND_FACTORY": lambda _: Refusing()}).test_client()
    page = client.get("/?q=x")
    assert page.status_code == 400
    text = page.get_data(as_text=True)
    assert "Yêu cầu không hợp lệ" in text and "yêu cầu lạ &lt;b&gt;không&lt;/b&gt; được" in text
    api = client.get("/api/search?q=x")
    assert api.status_code == 400 and api.get_json() == {"error": "yêu cầu lạ <b>không</b> được", "status": 400}


@pytest.mark.parametrize("path", ["/", "/?q=l%C5%A9", "/article/abc", "/feed.atom", "/export.csv"])
def test_missing_index_is_503_in_vietnamese(tmp_path: Path, path: str, caplog: pytest.LogCaptureFixture) -> None:
    client = create_app({"INDEX": str(tmp_path / "no-index")}).test_client()
    response = client.get(path)
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "60"
    page = response.get_data(as_text=True)
    assert "Tìm kiếm tạm thời không hoạt động" in page and "Chỉ mục tìm kiếm chưa sẵn sàng" in page
    assert str(tmp_path) not in page  # server paths stay in the log
    assert "no index at" in caplog.text


def test_missing_index_is_503_json_for_the_api(tmp_path: Path) -> None:
    response = create_app({"INDEX": str(tmp_path)}).test_client().get("/api/search")
    assert response.status_code == 503 and response.get_json()["status"] == 503


def test_error_pages_offer_a_way_on(client) -> None:
    page = client.get("/article/missing").get_data(as_text=True)
    assert 'lang="vi"' in page and '<a href="/">Về trang tìm kiếm</a>' in page
    assert 'id="mini-q"' in page  # the header search box


def test_api_errors_are_json(client) -> None:
    response = client.post("/api/search")
    assert response.status_code == 405 and response.get_json()["status"] == 405
