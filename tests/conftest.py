"""Shared fixtures: a small real index built from the project's own corpus.

Everything is real: pyvi segments, Whoosh indexes, the web app reads the
index through the same API as in production.  Built once per session.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "bao-nam-dinh-2023-07-24.txt"


def needs_shared(path: Path = SHARED) -> pytest.MarkDecorator:
    """Skip a test when the workplace's ../shared data is absent."""
    return pytest.mark.skipif(not path.exists(), reason=f"{path} is absent (real data lives outside the repository)")


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index of corpus/ (and the seed article when ../shared is here)."""
    from indexer import writing

    path = tmp_path_factory.mktemp("index") / "ix"
    sources = [CORPUS] + ([SEED] if SEED.exists() else [])
    writing.build(path, sources, progress=False)
    return path


@pytest.fixture(scope="session")
def index(index_dir: Path):
    """The search API over the corpus index (opened once)."""
    from indexer import open_backend

    backend = open_backend(str(index_dir))
    yield backend
    backend.close()


@pytest.fixture()
def app(index_dir: Path):
    from search_web import create_app

    app = create_app({"INDEX": str(index_dir), "TESTING": True})
    yield app


@pytest.fixture()
def client(app):
    return app.test_client()


# -- web front end (search_web) ---------------------------------------------------
#: An id as some corpora name articles: slashes, spaces, parentheses.
TRICKY_ID = "Test_Full/Chinh tri Xa hoi/XH_NLD_T_ (8962).txt"
#: Ids that need quoting in a URL path ("?", "#", "%", "+", "&", a double slash).
ODD_IDS = ("a?b#c%20d+e&f", "x//y/ z", "quote\"apos'<lt>")
XSS = "<script>alert('xss')</script>"


@pytest.fixture(scope="session")
def hostile_index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small index of hostile articles: odd ids, markup and formulas in every field."""
    import json

    from indexer import writing

    folder = tmp_path_factory.mktemp("hostile")
    records = [
        {
            "id": TRICKY_ID,
            "title": f"Tin khẩn {XSS} về UBND tỉnh Nam Định",
            "body": (f"Ủy ban nhân dân tỉnh Nam Định họp bàn {XSS} phòng chống bão. "
                     "<img src=x onerror=alert(1)> Sở Y tế tỉnh Nam Định tham dự.\n\n"
                     "Đoạn hai nói về \"dấu ngoặc\" & ký hiệu <b>đậm</b>."),
            "published": "2023-07-24T08:00:00+07:00",
            "source": f"Báo {XSS}",
            "url": "javascript:alert(1)",
            "category": "=HYPERLINK(\"http://evil.example\")",
            "authors": ["<i>Phóng viên</i>"],
        },
        *[
            {
                "id": odd,
                "title": f"Bài số {n}: bão số 3 tại Nam Định",
                "body": "Ủy ban nhân dân tỉnh Nam Định chỉ đạo khắc phục hậu quả bão số 3 ở huyện Giao Thủy.",
                "published": f"2024-09-0{n + 1}T10:00:00+07:00",
                "source": "+Báo thử",
                "url": "https://example.org/bai?x=1&y=2",
            }
            for n, odd in enumerate(ODD_IDS)
        ],
    ]
    source = folder / "hostile.jsonl"
    source.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    path = folder / "ix"
    writing.build(path, [source], progress=False)
    return path


@pytest.fixture()
def hostile_client(hostile_index_dir: Path):
    """A test client over the hostile index."""
    from search_web import create_app

    return create_app({"INDEX": str(hostile_index_dir), "TESTING": True}).test_client()

SEED_TITLE = "Nâng cao hơn nữa hiệu quả hoạt động khoa học và công nghệ cấp cơ sở"


def page_hits(page: str) -> list[tuple[str, str]]:
    """(id, title text) of each hit on a rendered search page, in order."""
    import html
    import re

    found = re.findall(r'<li class="hit" data-id="([^"]*)">\s*<h2 class="hit-title"><a [^>]*>(.*?)</a></h2>', page, re.S)
    return [(html.unescape(i), html.unescape(re.sub(r"</?mark>", "", t))) for i, t in found]


@pytest.fixture(scope="session")
def write_jsonl():
    """``write_jsonl(path, records)``: article records (dicts with id, title,
    body, published, source...) written as a JSON Lines file; returns path."""
    import json

    def write(path: Path, records: list[dict]) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        return path

    return write
