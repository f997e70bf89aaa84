from __future__ import annotations

import json
from pathlib import Path

import pytest

from indexer.cli import main
from indexer.model import Article

from .conftest import CORPUS, SHARED, needs_shared

FIELDS = ["id", "title", "published", "source", "authors", "url", "category", "body", "agencies", "locations", "provinces"]


def test_parse_prints_one_article_a_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(CORPUS)]) == 0
    out, err = capsys.readouterr()
    lines = [json.loads(line) for line in out.splitlines()]
    assert len(lines) == 60
    assert all(list(line) == FIELDS for line in lines)
    assert all(Article.from_json(line).id == line["id"] for line in lines)
    assert "parsed: 60 articles" in err


def test_parse_reports_bad_files_and_goes_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" * 30)
    assert main(["parse", str(tmp_path), str(CORPUS / "jsonl")]) == 1
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 6
    error_lines = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(error_lines) == 2
    assert any("empty.txt: empty file" in line for line in error_lines)
    assert any("binary.txt: binary" in line for line in error_lines)
    assert "Traceback" not in err


def test_missing_path_is_a_clean_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "/nonexistent/folder"]) == 1
    assert "no such file or folder" in capsys.readouterr().err


@needs_shared()
def test_parse_a_shared_corpus_counts_records_and_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--no-entities", str(SHARED / "corpora" / "dantri_unc.jsonl.gz")]) == 0
    out, err = capsys.readouterr()
    assert len(out.splitlines()) + int(err.split("articles, ")[1].split(" ")[0]) == 2653
    assert "0 errors" in err
