"""One backend per app: opened once, shared by threads, closed at the end,
and an index built or rebuilt later is picked up without a restart."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest

from indexer import open_backend, writing
from search_web import create_app
from search_web.backend import close_backend, get_backend


class Counting:
    """Wraps the real backend, counting opens and closes."""

    opened = 0
    closed = 0

    def __init__(self, location: str) -> None:
        type(self).opened += 1
        self.inner = open_backend(location)

    def __getattr__(self, name: str):
        return getattr(self.inner, name)

    def close(self) -> None:
        type(self).closed += 1
        self.inner.close()


def test_opened_once_shared_by_threads_and_closed(index_dir: Path) -> None:
    Counting.opened = Counting.closed = 0
    app = create_app({"INDEX": str(index_dir), "BACKEND_FACTORY": Counting})
    assert Counting.opened == 0  # nothing is opened before it is needed
    client = app.test_client()
    statuses: list[int] = []

    def ask() -> None:
        local = app.test_client()
        statuses.extend(local.get("/?q=l%C5%A9").status_code for _ in range(3))

    threads = [threading.Thread(target=ask) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert statuses == [200] * 18
    assert client.get("/api/search").status_code == 200
    assert Counting.opened == 1
    with app.app_context():
        backend = get_backend()
    close_backend(app)
    assert Counting.closed == 1
    close_backend(app)  # twice is harmless
    assert Counting.closed == 1
    assert backend is not None
    assert client.get("/").status_code == 200  # asked again, it reopens
    assert Counting.opened == 2
    close_backend(app)


def write_articles(path: Path, *articles: tuple[str, str]) -> Path:
    """A JSON Lines file of (id, title) articles about hot-air balloons."""
    path.write_text("\n".join(json.dumps({
        "id": article_id, "title": title, "body": f"{title}. Bài viết thử nghiệm về khinh khí cầu.",
        "published": "2025-11-01T09:00:00+07:00", "source": "Báo Thử",
    }, ensure_ascii=False) for article_id, title in articles) + "\n", encoding="utf-8")
    return path


def balloon_total(client) -> int:
    response = client.get("/api/search?q=khinh+kh%C3%AD+c%E1%BA%A7u")
    assert response.status_code == 200, response.get_json()
    return response.get_json()["total"]


def wait_for_total(client, total: int) -> None:
    """The backend looks for a new commit at most once a second."""
    deadline = time.monotonic() + 10
    while balloon_total(client) != total:
        assert time.monotonic() < deadline, f"the index never reached {total} hits"
        time.sleep(0.2)


def test_index_built_later_then_rebuilt_and_added_to_without_restart(tmp_path: Path) -> None:
    index = tmp_path / "ix"
    app = create_app({"INDEX": str(index)})
    client = app.test_client()
    assert client.get("/").status_code == 503  # not built yet: a clear 503, and no restart needed
    writing.build(index, [write_articles(tmp_path / "a.jsonl", ("b-1", "Khinh khí cầu bay qua Huế"))],
                  progress=False)
    assert balloon_total(client) == 1
    writing.build(index, [write_articles(tmp_path / "b.jsonl", ("b-1", "Khinh khí cầu bay qua Huế"),
                                         ("b-2", "Lễ hội khinh khí cầu ở Đà Lạt"))], progress=False)
    wait_for_total(client, 2)
    writing.add(index, [write_articles(tmp_path / "c.jsonl", ("b-3", "Khinh khí cầu trên biển Nha Trang"))],
                progress=False)
    wait_for_total(client, 3)
    assert client.get("/article/b-3").status_code == 200
    close_backend(app)


def test_replaced_article_is_picked_up_without_restart(tmp_path: Path) -> None:
    index = tmp_path / "ix"
    writing.build(index, [write_articles(tmp_path / "a.jsonl", ("b-1", "Khinh khí cầu bay qua Huế"))],
                  progress=False)
    app = create_app({"INDEX": str(index)})
    client = app.test_client()
    assert balloon_total(client) == 1
    writing.add(index, [write_articles(tmp_path / "b.jsonl", ("b-1", "Khinh khí cầu bay qua cố đô Huế"))],
                progress=False)
    deadline = time.monotonic() + 10
    while True:
        response = client.get("/article/b-1")
        assert response.status_code == 200
        if "cố đô" in response.get_data(as_text=True):
            break
        assert time.monotonic() < deadline, "the replaced article never showed up"
        time.sleep(0.2)
    assert balloon_total(client) == 1
    close_backend(app)
