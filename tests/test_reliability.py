"""Index safety: killed builds and adds, two writers, readers during writes,
no leaked searchers, damaged indexes.  Real processes, real signals."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from indexer import IndexUnavailable, SearchRequest, open_backend, writing
from indexer.readers import read_paths
from indexer.store import IndexDir

from .conftest import CORPUS

ROOT = Path(__file__).resolve().parent.parent


def _synthetic(path: Path, count: int, prefix: str, seed: int = 1) -> Path:
    """``count`` articles recombined from the corpus's own paragraphs."""
    paragraphs = [p for a in read_paths([CORPUS]) for p in a.body.split("\n\n") if len(p) > 80]
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as fh:
        for i in range(count):
            body = "\n\n".join(rng.sample(paragraphs, 4))
            record = {"id": f"{prefix}-{i}", "title": f"Bài tổng hợp số {i} {prefix}", "body": body,
                      "published": f"20{20 + i % 5}-0{1 + i % 9}-1{i % 9}T08:00:00+07:00", "source": "Tin Tổng Hợp"}
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def _cli(*args: str, wait: bool = True, **kw) -> subprocess.Popen[str] | subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "indexer", *args]
    if wait:
        return subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=600, **kw)
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, **kw)


def _count(index: Path, query: str = "") -> int:
    backend = open_backend(str(index))
    try:
        return backend.search(SearchRequest(query=query, per_page=1, facets=False)).total
    finally:
        backend.close()


@pytest.fixture()
def live_index(tmp_path: Path) -> Path:
    index = tmp_path / "ix"
    writing.build(index, [CORPUS / "jsonl"], progress=False)
    return index


def test_a_build_killed_at_any_moment_leaves_the_old_index_and_a_rerun_completes(
        tmp_path: Path, live_index: Path) -> None:
    big = _synthetic(tmp_path / "big.jsonl", 1800, "kill")
    for delay in (0.3, 1.5, 3.0, 6.0):
        proc = _cli("build", "--quiet", "--index", str(live_index), str(big), wait=False)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        store = IndexDir(live_index)
        if store.current_name() == "gen-000001":
            assert _count(live_index) == 6, f"old index damaged after a kill at {delay}s"
        else:  # the build finished before the kill: the new index must be whole
            assert _count(live_index) == 1800
    done = _cli("build", "--quiet", "--index", str(live_index), str(big))
    assert done.returncode == 0, done.stderr
    assert _count(live_index) == 1800
    assert _count(live_index, '"Bài tổng hợp số 1799"') >= 1
    # Only the live generation and the one before it remain.
    assert len(IndexDir(live_index).generations()) <= 2


def test_a_killed_add_changes_nothing_and_rerunning_adds_each_article_once(tmp_path: Path, live_index: Path) -> None:
    extra = _synthetic(tmp_path / "extra.jsonl", 1600, "add")
    proc = _cli("add", "--quiet", "--index", str(live_index), str(extra), wait=False)
    time.sleep(2.0)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert _count(live_index) in (6, 1606)  # nothing, or (if it finished) everything
    for _ in range(2):
        done = _cli("add", "--quiet", "--index", str(live_index), str(extra))
        assert done.returncode == 0, done.stderr
        assert _count(live_index) == 1606


def test_a_second_writer_stops_with_a_clear_message_or_waits(tmp_path: Path, live_index: Path) -> None:
    extra = _synthetic(tmp_path / "one.jsonl", 3, "w2")
    with IndexDir(live_index).write_lock():
        busy = _cli("add", "--index", str(live_index), str(extra))
        assert busy.returncode == 2
        assert busy.stderr.startswith("error: another indexer is writing to")
        assert "Traceback" not in busy.stderr
        waiting = _cli("add", "--quiet", "--wait", "--index", str(live_index), str(extra), wait=False)
        time.sleep(1.0)
        assert waiting.poll() is None  # still waiting for the lock
    assert waiting.wait(timeout=120) == 0
    assert _count(live_index) == 9


def test_readers_keep_searching_during_a_build_and_see_it_after(tmp_path: Path, live_index: Path) -> None:
    big = _synthetic(tmp_path / "big.jsonl", 600, "read")
    backend = open_backend(str(live_index))
    backend.refresh_seconds = 0.0  # type: ignore[attr-defined]
    try:
        proc = _cli("build", "--quiet", "--index", str(live_index), str(big), wait=False)
        answers = 0
        while proc.poll() is None:
            results = backend.search(SearchRequest(query="vắc xin", per_page=5))
            assert results.total >= 0
            answers += 1
        assert proc.returncode == 0
        assert answers > 5
        assert backend.search(SearchRequest(per_page=1)).total == 600
    finally:
        backend.close()


def test_a_busy_snapshot_reads_its_own_commit_while_an_add_lands(tmp_path: Path, live_index: Path) -> None:
    """Until it refreshes, a snapshot answers from the commit it opened, even
    when every pooled reader is busy and a new one must be opened after an
    ``add`` committed more documents (which once overran its arrays: a 500)."""
    backend = open_backend(str(live_index))
    backend.refresh_seconds = 3600.0  # type: ignore[attr-defined]
    try:
        before = backend.search(SearchRequest(query="vắc xin", per_page=5)).total
        articles = backend.search(SearchRequest(per_page=1)).total
        with backend.session():  # holds the pooled reader
            writing.add(live_index, [_synthetic(tmp_path / "more.jsonl", 30, "busy")], progress=False)
            results = backend.search(SearchRequest(query="vắc xin", per_page=5))
            assert results.total == before
            assert backend.search(SearchRequest(per_page=1)).total == articles
        backend.refresh_seconds = 0.0  # type: ignore[attr-defined]
        assert backend.search(SearchRequest(per_page=1)).total == articles + 30
    finally:
        backend.close()


def _open_files() -> int:
    return len(os.listdir("/proc/self/fd"))


@pytest.mark.skipif(not Path("/proc/self/fd").exists(), reason="needs /proc to count open files")
def test_no_searcher_is_leaked_over_thousands_of_requests_and_refreshes(tmp_path: Path, live_index: Path) -> None:
    backend = open_backend(str(live_index))
    backend.refresh_seconds = 0.0  # type: ignore[attr-defined]
    try:
        queries = ["lũ", "vắc xin", "du lich", '"khoa học"', "", "tiêm -trẻ"]
        for q in queries:
            backend.search(SearchRequest(query=q))
        before = _open_files()
        for i in range(2000):
            backend.search(SearchRequest(query=queries[i % len(queries)], page=1 + i % 2))
            if i % 500 == 0:
                backend.get("tth-2019-0001")
                backend.related("tth-2019-0001")
        assert _open_files() <= before + 2
        for i in range(3):  # three commits, each seen by the open backend
            writing.add(live_index, [_synthetic(tmp_path / f"r{i}.jsonl", 2, f"r{i}", seed=10 + i)], progress=False)
            assert backend.search(SearchRequest(per_page=1)).total == 8 + 2 * i
        assert _open_files() <= before + 12
    finally:
        backend.close()


def test_a_damaged_index_gives_a_clear_error(live_index: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from indexer.cli import main

    folder = IndexDir(live_index).current()
    for toc in folder.glob("_MAIN_*.toc"):
        toc.write_bytes(b"\x00garbage")
    with pytest.raises(IndexUnavailable, match="cannot be opened"):
        open_backend(str(live_index))
    assert main(["search", "--index", str(live_index), "lũ"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "Traceback" not in err


def test_a_missing_index_gives_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from indexer.cli import main

    assert main(["stats", "--index", str(tmp_path / "nowhere")]) == 2
    assert "no index at" in capsys.readouterr().err
    (tmp_path / "ix2").mkdir()
    (tmp_path / "ix2" / "CURRENT").write_text("gen-000009\n")
    with pytest.raises(IndexUnavailable, match="damaged"):
        open_backend(str(tmp_path / "ix2"))
