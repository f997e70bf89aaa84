"""Helpers shared by the benchmark scripts: where the data is, what machine
ran them, how a process tree's memory is sampled, percentiles, tables, JSON
(the web servers the HTTP benchmarks start are in ``servers.py``).

Every script prints the machine next to its figures because absolute times
on a shared 2-core box are noisy: the medians and the ratios to the peers
measured in the same run are what to compare.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import math
import os
import platform
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPORA = SHARED / "corpora"
VNTC = CORPORA / "vntc.jsonl.gz"
DANTRI = CORPORA / "dantri_unc.jsonl.gz"
#: Prepared inputs, indexes and peer stores (``BENCH_WORKDIR`` moves them, e.g. for the smoke tests).
VAR = Path(os.environ.get("BENCH_WORKDIR") or ROOT / "var" / "bench")
RESULTS = ROOT / "bench" / "results"
QUERIES = ROOT / "bench" / "queries.txt"
PYTHON = sys.executable

#: Said in every output that uses VNTC dates.
DATES_NOTE = ("VNTC has no publication dates: each article gets one derived from a BLAKE2b hash of its id, "
              "spread uniformly over 2005-01-01..2008-12-31, 06:00-22:59 Vietnam time (deterministic).")
VN_TZ = timezone(timedelta(hours=7))
_FIRST_DAY = date(2005, 1, 1)
_DAYS = (date(2008, 12, 31) - _FIRST_DAY).days + 1


def add_index_args(parser: argparse.ArgumentParser, what: str = "index folder", queries: bool = False) -> None:
    """``--limit``/``--index`` (and ``--queries``): every script that reads a
    built benchmark index takes them the same way."""
    parser.add_argument("--limit", type=int, help="use bench/build.py --limit N's index (default: the full corpus)")
    parser.add_argument("--index", type=Path, help=f"{what} (default var/bench/vntc[-N]-index)")
    if queries:
        parser.add_argument("--queries", type=Path, default=QUERIES, help="query mix (default bench/queries.txt)")


def need(path: Path) -> Path:
    """``path`` if it exists, else exit with a message saying what is missing."""
    if not path.exists():
        sys.exit(f"error: {path} is absent: the benchmarks read the workplace's shared data from "
                 f"../shared next to the repository (it is never copied into the repo)")
    return path


# -- machine ---------------------------------------------------------------
def machine() -> dict[str, Any]:
    """CPU model, cores, RAM, Python and the load at start (the CPU is shared)."""
    import psutil

    model = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        usable = os.cpu_count() or 1
    return {
        "cpu": model,
        "cores": os.cpu_count(),
        "usable_cores": usable,
        "ram_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_avg_at_start": [round(x, 2) for x in os.getloadavg()],
        "when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }


def machine_line(info: dict[str, Any]) -> str:
    return (f"machine: {info['cpu']}, {info['usable_cores']}/{info['cores']} cores, {info['ram_gb']} GB RAM, "
            f"Python {info['python']}, load average at start {info['load_avg_at_start']} "
            f"(the CPU is shared with other work: quote medians and ratios)")


# -- data --------------------------------------------------------------------
def assigned_date(article_id: str) -> datetime:
    """A deterministic publication time for a VNTC id (see DATES_NOTE)."""
    h = int.from_bytes(hashlib.blake2b(article_id.encode("utf-8"), digest_size=8).digest(), "big")
    day = _FIRST_DAY + timedelta(days=h % _DAYS)
    seconds = 6 * 3600 + (h // _DAYS) % (17 * 3600)
    return datetime(day.year, day.month, day.day, tzinfo=VN_TZ) + timedelta(seconds=seconds)


def read_records(path: Path, limit: int | None = None, skip: int = 0) -> Iterator[dict[str, Any]]:
    """Records of a shared .jsonl.gz; VNTC ones get ``published`` assigned."""
    with gzip.open(need(path), "rt", encoding="utf-8") as fh:
        n = 0
        for i, line in enumerate(fh):
            if i < skip:
                continue
            if limit is not None and n >= limit:
                return
            record = json.loads(line)
            if "date" not in record and "published" not in record:
                record["published"] = assigned_date(str(record["id"])).isoformat()
            n += 1
            yield record


def write_jsonl_gz(records: Sequence[dict[str, Any]] | Iterator[dict[str, Any]], path: Path) -> int:
    """Write records atomically (tmp file, then rename); returns the count."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    n = 0
    with gzip.open(tmp, "wt", encoding="utf-8", compresslevel=3) as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    tmp.replace(path)
    return n


def record_text(record: dict[str, Any]) -> str:
    return f"{record.get('title', '')}\n{record.get('body', '')}"


def record_day(record: dict[str, Any]) -> str:
    """YYYY-MM-DD of a record's date (assigned or real)."""
    return str(record.get("published") or record.get("date") or "")[:10]


# -- queries ----------------------------------------------------------------
@dataclass(frozen=True)
class BenchQuery:
    cls: str
    text: str
    params: dict[str, list[str]] = field(default_factory=dict)

    def first(self, key: str) -> str | None:
        values = self.params.get(key)
        return values[0] if values else None


def load_queries(path: Path = QUERIES) -> list[BenchQuery]:
    """``class<TAB>query<TAB>key=value&key=value`` lines; ``#`` starts a comment."""
    out: list[BenchQuery] = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 2:
            raise ValueError(f"{path}:{lineno}: expected class<TAB>query[<TAB>params]")
        params: dict[str, list[str]] = {}
        for key, value in parse_qsl(parts[2] if len(parts) > 2 else "", keep_blank_values=False):
            params.setdefault(key, []).append(value)
        out.append(BenchQuery(parts[0].strip(), parts[1].strip(), params))
    return out


def to_request(query: BenchQuery, facets: bool = True) -> Any:
    """The API request a query line stands for (web parameter names)."""
    from indexer import SearchRequest

    p = query.params
    day = lambda k: date.fromisoformat(p[k][0]) if k in p else None  # noqa: E731
    return SearchRequest(
        query=query.text,
        agencies=tuple(p.get("agency", ())),
        locations=tuple(p.get("location", ())),
        sources=tuple(p.get("source", ())),
        categories=tuple(p.get("category", ())),
        date_from=day("from"),
        date_to=day("to"),
        sort=(p.get("sort") or ["relevance"])[0],  # type: ignore[arg-type]
        facets=facets,
    )


# -- measuring -------------------------------------------------------------
def percentile(values: Sequence[float], q: float) -> float:
    """Linear-interpolated percentile (q in 0..100); NaN for no values."""
    if not values:
        return math.nan
    xs = sorted(values)
    k = (len(xs) - 1) * q / 100
    lo, hi = math.floor(k), math.ceil(k)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def summary_ms(seconds: Sequence[float]) -> dict[str, float]:
    ms = [s * 1000 for s in seconds]
    return {"n": len(ms), "p50_ms": percentile(ms, 50), "p95_ms": percentile(ms, 95),
            "p99_ms": percentile(ms, 99), "max_ms": max(ms) if ms else math.nan,
            "mean_ms": sum(ms) / len(ms) if ms else math.nan}


class TreeSampler:
    """Samples the RSS (and, less often, PSS) of a process and its descendants.

    RSS summed over forked workers counts shared pages once per process, so
    it overstates; PSS shares them out and is the fairer total.
    """

    def __init__(self, pid: int, interval: float = 0.25, pss_every: int = 20) -> None:
        import psutil

        self.root = psutil.Process(pid)
        self.interval = interval
        self.pss_every = pss_every
        self.peak_rss = 0
        self.peak_pss = 0
        self.peak_procs = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        import psutil

        tick = 0
        while not self._stop.is_set():
            try:
                procs = [self.root] + self.root.children(recursive=True)
            except psutil.Error:
                return
            rss = pss = 0
            for proc in procs:
                try:
                    if tick % self.pss_every == 0:
                        full = proc.memory_full_info()
                        rss += full.rss
                        pss += full.pss
                    else:
                        rss += proc.memory_info().rss
                except psutil.Error:
                    continue
            self.peak_rss = max(self.peak_rss, rss)
            self.peak_pss = max(self.peak_pss, pss)
            self.peak_procs = max(self.peak_procs, len(procs))
            tick += 1
            self._stop.wait(self.interval)


@dataclass
class Measured:
    returncode: int
    wall_s: float
    cpu_s: float
    peak_rss_mb: float
    peak_pss_mb: float
    peak_procs: int
    stdout: str
    stderr: str


def run_measured(cmd: Sequence[str], *, cwd: Path = ROOT, stdin: str | None = None,
                 env: dict[str, str] | None = None) -> Measured:
    """Run ``cmd``: wall time, CPU time of the tree, peak RSS/PSS of the tree."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    with TreeSampler(proc.pid) as sampler:
        out, err = proc.communicate(stdin)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Measured(proc.returncode, wall, cpu, sampler.peak_rss / 2**20, sampler.peak_pss / 2**20,
                    sampler.peak_procs, out, err)


def dir_size_mb(path: Path) -> float:
    total = 0
    for root, _, files in os.walk(path):
        for name in files:
            try:
                total += (Path(root) / name).stat().st_size
            except OSError:
                pass
    return total / 2**20


# -- output ------------------------------------------------------------------
def fmt(value: Any, digits: int = 1) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        if math.isnan(value):
            return "-"
        return f"{value:,.{digits}f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def ratio(ours: float | None, peer: float | None) -> float | None:
    if ours is None or peer is None or not peer or math.isnan(ours) or math.isnan(peer):
        return None
    return ours / peer


def print_table(title: str, headers: Sequence[str], rows: Sequence[Sequence[Any]], digits: int = 1) -> None:
    """A plain fixed-width table (numbers right-aligned)."""
    cells = [[fmt(c, digits) for c in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) if cells else len(h) for i, h in enumerate(headers)]
    print(f"\n{title}")
    print("  ".join(h.ljust(w) if i == 0 else h.rjust(w) for i, (h, w) in enumerate(zip(headers, widths))))
    print("  ".join("-" * w for w in widths))
    for row in cells:
        print("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))))


def write_json(name: str, payload: dict[str, Any], out: Path | None = None) -> Path:
    """Write ``payload`` to ``bench/results/<name>.json`` (or ``out``)."""
    path = out or RESULTS / f"{name}.json"
    path.parent.mkdir(parents=True, exist_ok=True)

    def clean(value: Any) -> Any:
        if isinstance(value, float) and math.isnan(value):
            return None
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [clean(v) for v in value]
        return value

    path.write_text(json.dumps(clean(payload), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"\nwrote {path}")
    return path


def web_query_string(query: BenchQuery, **extra: str) -> str:
    """``/api/search`` parameters of a query line (``q`` plus its filters)."""
    from urllib.parse import urlencode

    pairs = [("q", query.text)] + [(k, v) for k, vs in query.params.items() for v in vs]
    pairs += list(extra.items())
    return urlencode(pairs)
