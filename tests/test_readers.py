from __future__ import annotations

import string
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indexer.readers import ReadError, estimate_count, kind_of, read_paths
from indexer.readers.jsonl import record_to_article
from indexer.readers.text import parse_text_article
from indexer.readers.decode import ReadFailure

from .conftest import CORPUS


def test_kinds() -> None:
    assert kind_of(Path("a.txt")) == "text"
    assert kind_of(Path("a.JSONL.GZ")) == "jsonl"
    assert kind_of(Path("a.html")) == "html"
    assert kind_of(Path("a.tar.gz")) is None
    assert kind_of(Path("README")) is None


def test_folders_are_walked_recursively_and_stably() -> None:
    first = [a.id for a in read_paths([CORPUS])]
    assert len(first) == 60
    assert first == [a.id for a in read_paths([CORPUS])]
    assert estimate_count([CORPUS]) == 60


def test_bad_files_are_reported_by_name_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "latin1.txt").write_bytes("Tiêu đề\n\nnội dung".encode("utf-16-le"))
    (tmp_path / "good.txt").write_text("Tiêu đề\n\n24/07/2023\n\nNội dung tốt.\n", encoding="utf-8")
    (tmp_path / "utf16.txt").write_bytes("Tiêu đề hai\n\nNội dung.\n".encode("utf-16"))
    items = list(read_paths([tmp_path, tmp_path / "missing.txt", tmp_path / "notes.docx"]))
    errors = {Path(e.path).name: e.reason for e in items if isinstance(e, ReadError)}
    assert set(errors) == {"empty.txt", "binary.txt", "latin1.txt", "missing.txt", "notes.docx"}
    assert "empty" in errors["empty.txt"] and "binary" in errors["binary.txt"]
    assert [a.title for a in items if not isinstance(a, ReadError)] == ["Tiêu đề", "Tiêu đề hai"]


_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=600) | st.text(
    alphabet=string.printable + "ạảãàáâầấậẩẫăằắặẳẵđĐ\u0300\u0301\u00a0\u200b", max_size=600)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_text_reader_never_raises_on_arbitrary_text(text: str) -> None:
    try:
        parse_text_article(text)
    except ReadFailure:
        pass


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(["id", "title", "body", "date", "published", "authors", "source", "url"]),
                       st.one_of(st.none(), st.integers(), _TEXT, st.lists(_TEXT, max_size=3))))
def test_jsonl_records_never_raise(record: dict) -> None:
    try:
        record_to_article(record)
    except ReadFailure:
        pass


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=2000))
def test_read_paths_never_raises_on_arbitrary_bytes(tmp_path: Path, data: bytes) -> None:
    for name in ("x.txt", "x.jsonl", "x.html"):
        (tmp_path / name).write_bytes(data)
        list(read_paths([tmp_path / name]))
