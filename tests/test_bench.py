"""Smoke test: every benchmark script runs end to end on a tiny input.

No timing assertions (absolute times belong to the benchmarks' own output):
only that each script exits 0, prints its table and writes its JSON.  The
scripts read ../shared, so the tests skip where it is absent.  Everything
they write goes to a temporary folder (``BENCH_WORKDIR`` and ``--output``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
SHARED = ROOT.parent / "shared" / "corpora"
LIMIT = 40

pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not (SHARED / "vntc.jsonl.gz").exists() or not (SHARED / "dantri_unc.jsonl.gz").exists(),
                       reason=f"{SHARED} is absent (the benchmarks read real data from outside the repository)"),
]


def _run(workdir: Path, script: str, *args: str, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BENCH_WORKDIR": str(workdir)}
    proc = subprocess.run([sys.executable, str(BENCH / script), *args], cwd=ROOT, env=env, text=True,
                          capture_output=True, timeout=timeout)
    assert proc.returncode == 0, f"{script} failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    assert "machine:" in proc.stdout
    return proc


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny index and peer stores built by bench/build.py (shared by the tests below)."""
    path = tmp_path_factory.mktemp("bench")
    out = path / "build.json"
    proc = _run(path, "build.py", "--limit", str(LIMIT), "--output", str(out))
    assert "ours/fts5" in proc.stdout and "indexing / pyvi" in proc.stdout
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["articles"] == LIMIT
    assert {"ours", "pyvi", "fts5"} <= set(data["results"])
    assert data["results"]["ours"]["indexed_docs"] > 0
    return path


@pytest.fixture(scope="module")
def small_mix(workdir: Path) -> Path:
    """One query of each class from the committed mix (the full mix is for real runs)."""
    sys.path.insert(0, str(BENCH))
    import common

    seen: dict[str, str] = {}
    for line in (BENCH / "queries.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            seen.setdefault(line.split("\t")[0], line)
    path = workdir / "mix.txt"
    path.write_text("\n".join(seen.values()) + "\n", encoding="utf-8")
    assert len(common.load_queries(path)) == len(seen)
    return path


def test_committed_mix_is_large_and_labelled() -> None:
    sys.path.insert(0, str(BENCH))
    import common

    queries = common.load_queries()
    assert len(queries) >= 200
    classes = {q.cls for q in queries}
    assert {"word", "words", "phrase", "nodiac", "question", "location", "agency", "date", "sorted"} <= classes
    for q in queries:
        common.to_request(q)  # every line is a valid request (dates, sort)


def test_queries_script(workdir: Path, small_mix: Path) -> None:
    out = workdir / "queries.json"
    proc = _run(workdir, "queries.py", "--limit", str(LIMIT), "--queries", str(small_mix), "--passes", "1",
                "--cold-runs", "1", "--output", str(out))
    assert "p50 ours/fts5" in proc.stdout
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["results"]["ours"]["classes"]["ALL"]["n"] > 0
    assert data["results"]["ours"]["cold"].get("median_s") is not None


def test_incremental_script(workdir: Path) -> None:
    out = workdir / "incremental.json"
    _run(workdir, "incremental.py", "--limit", str(LIMIT), "--add", "5", "--delete", "2", "--timeout", "30",
         "--output", str(out))
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["added"] == 5 and data["deleted"] == 2
    assert isinstance(data["results"]["ours"]["add"]["api_visible_after_s"], float)


@pytest.mark.skipif(not (ROOT / "search_web" / "__main__.py").exists(), reason="the web app is not there yet")
def test_http_load_script(workdir: Path, small_mix: Path) -> None:
    out = workdir / "http.json"
    _run(workdir, "http_load.py", "--limit", str(LIMIT), "--queries", str(small_mix), "--duration", "1",
         "--levels", "1", "2", "--warmup-clients", "1", "--output", str(out))
    data = json.loads(out.read_text(encoding="utf-8"))
    level = data["results"]["ours"]["levels"]["2"]
    assert level["ok"] > 0 and level["errors"] == 0


def test_soak_script(workdir: Path) -> None:
    out = workdir / "soak.json"
    env = {**os.environ, "BENCH_WORKDIR": str(workdir)}
    # Exit status 1 only means a goal was missed (a tiny run's memory is noisy): check the report.
    subprocess.run([sys.executable, str(BENCH / "soak.py"), "--limit", str(LIMIT), "--duration", "6",
                    "--clients", "2", "--add", "5", "--warmup-clients", "1", "--output", str(out)], cwd=ROOT, env=env, text=True,
                   capture_output=True, timeout=180)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["served"] > 0
    assert not data["errors"], data["errors"]
    assert data["add"]["returncode"] == 0 and data["add"]["visible_after_s"] is not None
    assert set(data["phases"]) == {"before", "during", "after"}


@pytest.mark.parametrize("script", ["build.py", "queries.py", "incremental.py", "http_load.py", "soak.py"])
def test_help(script: str) -> None:
    proc = subprocess.run([sys.executable, str(BENCH / script), "--help"], cwd=ROOT, text=True,
                          capture_output=True, timeout=60)
    assert proc.returncode == 0 and "usage:" in proc.stdout
