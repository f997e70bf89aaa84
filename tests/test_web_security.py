"""Security headers on every response, and pages that need no inline code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from search_web.security import CONTENT_SECURITY_POLICY

WEB = Path(__file__).resolve().parent.parent / "search_web"
TEMPLATES = sorted((WEB / "templates").glob("*.html"))
STATIC = sorted((WEB / "static").iterdir())


@pytest.mark.parametrize("path, status", [
    ("/", 200),
    ("/?q=l%C5%A9&agency_q=UBND", 200),
    ("/article/no-such-id", 404),
    ("/api/search?q=x", 200),
    ("/api/search?page=abc", 400),
    ("/api/facet/agency?text=UBND", 200),
    ("/feed.atom", 200),
    ("/export.csv?q=l%C5%A9", 200),
    ("/static/style.css", 200),
    ("/static/app.js", 200),
    ("/static/../../setup.cfg", 404),
])
def test_every_response_has_the_headers(client, path: str, status: int) -> None:
    response = client.get(path)
    response.close()
    assert response.status_code == status
    headers = response.headers
    assert headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "same-origin"


def test_policy_is_restrictive() -> None:
    directives = dict(d.split(" ", 1) for d in CONTENT_SECURITY_POLICY.split("; "))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'" and directives["object-src"] == "'none'"
    assert "unsafe" not in CONTENT_SECURITY_POLICY and "*" not in CONTENT_SECURITY_POLICY


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.name)
def test_templates_hold_no_inline_code_or_style(template: Path) -> None:
    text = template.read_text(encoding="utf-8")
    assert not re.search(r"<script(?![^>]*\bsrc=)", text), "inline <script>"
    assert "<style" not in text and not re.search(r"\sstyle=", text)
    assert not re.search(r"\son[a-z]+=", text), "inline event handler"
    assert "|safe" not in text or set(re.findall(r"([\w.]+)\|safe", text)) <= {"hit.snippet", "hit.title_html"}


@pytest.mark.parametrize("path", ["/", "/?q=du+l%C3%A1%BB%8Bch&source=B%C3%A1o+Nam+%C4%90%E1%BB%8Bnh", "/nope"])
def test_pages_load_nothing_from_elsewhere(client, path: str) -> None:
    page = client.get(path).get_data(as_text=True)
    sources = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert sources and all(s.startswith(("/", "#")) and not s.startswith("//") for s in sources)


@pytest.mark.parametrize("asset", STATIC, ids=lambda p: p.name)
def test_static_files_are_small_and_offline(asset: Path) -> None:
    text = asset.read_text(encoding="utf-8")
    assert len(text.encode()) < 20_000
    assert "@import" not in text and "@font-face" not in text
    assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", text)


def test_a_crash_is_a_plain_500_without_details(index_dir, caplog: pytest.LogCaptureFixture) -> None:
    from search_web import create_app

    class Broken:
        def search(self, request):
            raise RuntimeError("secret internal detail")

        def close(self) -> None:
            pass

    app = create_app({"INDEX": str(index_dir), "BACKEND_FACTORY": lambda location: Broken()})
    client = app.test_client()
    response = client.get("/?q=x")
    page = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "Đã có lỗi xảy ra" in page
    assert "secret" not in page and "Traceback" not in page and "RuntimeError" not in page
    assert response.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    api = client.get("/api/search?q=x")
    assert api.status_code == 500 and api.get_json()["error"] and "secret" not in api.get_data(as_text=True)
    assert "secret internal detail" in caplog.text  # ... but the log has it


def test_debug_mode_shows_the_error(index_dir) -> None:
    from search_web import create_app

    class Broken:
        def search(self, request):
            raise RuntimeError("boom")

        def close(self) -> None:
            pass

    app = create_app({"INDEX": str(index_dir), "BACKEND_FACTORY": lambda location: Broken(), "DEBUG": True})
    with pytest.raises(RuntimeError, match="boom"):
        app.test_client().get("/")
