from __future__ import annotations

import json
from pathlib import Path

from indexer.pipeline import Deduper, IngestReport, body_key, ingest

from .conftest import CORPUS, SEED, needs_shared


def _jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_exact_duplicate_bodies_are_detected(tmp_path: Path) -> None:
    body = "Nội dung dài của bài báo. " * 20
    path = _jsonl(tmp_path / "d.jsonl", [
        {"id": "1", "title": "Bài gốc", "body": body},
        {"id": "2", "title": "Bài đăng lại", "body": body},
        {"id": "3", "title": "Tin ngắn", "body": "Ngắn."},
        {"id": "4", "title": "Tin ngắn khác", "body": "Ngắn."},
    ])
    report = IngestReport()
    ids = [a.id for a in ingest([path], report, with_entities=False, deduper=Deduper())]
    assert ids == ["1", "3", "4"]  # short bodies are never duplicates
    assert report.duplicates == 1 and report.articles == 3


def test_an_article_read_twice_is_kept_once(tmp_path: Path) -> None:
    body = "Nội dung dài của bài báo. " * 20
    path = _jsonl(tmp_path / "d.jsonl", [{"id": "1", "title": "A", "body": body}])
    report = IngestReport()
    assert len(list(ingest([path, path], report, with_entities=False, deduper=Deduper(bodies=False)))) == 1
    assert report.duplicates == 1


def test_known_digests_from_an_index_count(tmp_path: Path) -> None:
    body = "Nội dung dài của bài báo. " * 20
    path = _jsonl(tmp_path / "d.jsonl", [{"id": "new", "title": "A", "body": body}])
    [article] = list(ingest([path], IngestReport(), with_entities=False))
    deduper = Deduper(known=lambda key: "old" if key == body_key(article) else None)
    report = IngestReport()
    assert list(ingest([path], report, with_entities=False, deduper=deduper)) == []
    assert report.duplicates == 1


def test_errors_are_collected_per_file(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01" * 50)
    report = IngestReport()
    articles = list(ingest([tmp_path, CORPUS / "jsonl"], report, with_entities=False))
    assert len(articles) == 6
    assert report.failed_files == {str(tmp_path / "bad.txt")}
    assert "1 errors in 1 files" in report.summary()


@needs_shared(SEED)
def test_seed_entities_come_from_the_body_only() -> None:
    [article] = list(ingest([SEED], IngestReport()))
    assert set(article.agencies) == {
        "Sở Khoa học và Công nghệ tỉnh Nam Định",
        "Ủy ban nhân dân tỉnh Nam Định",
        "Bộ Khoa học và Công nghệ",
        "Viện Nghiên cứu và Phát triển vùng",
        "Sở Tài chính tỉnh Nam Định",
    }
    assert "Bộ Thông tin và Truyền thông" not in article.agencies  # the footer's ministry
    assert article.provinces == ["Nam Định"]
