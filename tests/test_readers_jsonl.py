from __future__ import annotations

import gzip
import json
from pathlib import Path

from indexer.readers import ReadError, read_paths

from .conftest import CORPUS, SHARED, needs_shared


def _write(path: Path, lines: list[str], gz: bool = False) -> Path:
    data = "".join(line + "\n" for line in lines).encode("utf-8")
    if gz:
        path.write_bytes(gzip.compress(data))
    else:
        path.write_bytes(data)
    return path


def test_records_keep_their_ids_and_fields(tmp_path: Path) -> None:
    record = {"id": "a-1", "title": "Tiêu đề", "body": "Nội dung", "date": "2021-05-02",
              "source": "Dân Trí", "url": "https://example.vn/a", "topic": "xa-hoi", "authors": ["A", "B"]}
    path = _write(tmp_path / "a.jsonl.gz", [json.dumps(record, ensure_ascii=False)], gz=True)
    [article] = list(read_paths([path]))
    assert article.id == "a-1"
    assert article.published.isoformat() == "2021-05-02T00:00:00+07:00"
    assert (article.source, article.url, article.category, article.authors) == (
        "Dân Trí", "https://example.vn/a", "xa-hoi", ["A", "B"])


def test_broken_lines_are_reported_with_numbers_and_the_rest_is_read(tmp_path: Path) -> None:
    good = json.dumps({"title": "Một", "body": "Nội dung một"}, ensure_ascii=False)
    lines = [good, "{not json", json.dumps({"title": "Thiếu nội dung"}), "[1, 2]",
             json.dumps({"title": 5, "body": "x"}), good.replace("Một", "Hai")]
    items = list(read_paths([_write(tmp_path / "b.jsonl", lines)]))
    errors = [i for i in items if isinstance(i, ReadError)]
    articles = [i for i in items if not isinstance(i, ReadError)]
    assert [a.title for a in articles] == ["Một", "Hai"]
    assert [(e.line, e.reason.split(" ")[0]) for e in errors] == [
        (2, "invalid"), (3, "missing"), (4, "expected"), (5, "field")]
    assert all(e.path.endswith("b.jsonl") for e in errors)


def test_truncated_gzip_keeps_what_was_read(tmp_path: Path) -> None:
    lines = [json.dumps({"id": str(i), "title": f"Bài {i}", "body": "x " * 200}) for i in range(400)]
    whole = gzip.compress("".join(line + "\n" for line in lines).encode())
    path = tmp_path / "c.jsonl.gz"
    path.write_bytes(whole[: len(whole) // 2])
    items = list(read_paths([path]))
    errors = [i for i in items if isinstance(i, ReadError)]
    assert len(errors) == 1 and "gzip" in errors[0].reason
    assert 0 < len(items) - 1 < 400


def test_truncated_last_line(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"title": "A", "body": "B"}) + '\n{"title": "C", "bo', encoding="utf-8")
    items = list(read_paths([path]))
    assert items[0].title == "A"
    assert isinstance(items[1], ReadError) and "truncated" in items[1].reason and items[1].line == 2


def test_long_vntc_style_title_is_split_into_title_and_lead(tmp_path: Path) -> None:
    title = ("Tàu du lịch cao tốc mới ra mắt Công ty vận tải thủy vừa đưa vào hoạt động tàu khách cao tốc hiện đại "
             "phục vụ hành khách tuyến đường sông dài hơn hai trăm cây số mỗi ngày.")
    path = _write(tmp_path / "e.jsonl", [json.dumps({"title": title, "body": "Thân bài."}, ensure_ascii=False)])
    [article] = list(read_paths([path]))
    assert article.title == "Tàu du lịch cao tốc mới ra mắt"
    assert article.body.startswith("Công ty vận tải thủy") and article.body.endswith("Thân bài.")


def test_corpus_jsonl() -> None:
    articles = list(read_paths([CORPUS / "jsonl"]))
    assert len(articles) == 6 and all(not isinstance(a, ReadError) for a in articles)
    assert {a.id for a in articles} >= {"tth-2019-0001", "tth-2024-0006"}


@needs_shared()
def test_dantri_parses_with_dates_and_urls() -> None:
    items = list(read_paths([SHARED / "corpora" / "dantri_unc.jsonl.gz"]))
    assert len(items) == 2653
    assert not [i for i in items if isinstance(i, ReadError)]
    assert all(a.published is not None and a.url for a in items)
