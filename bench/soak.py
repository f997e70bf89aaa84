"""Soak test: the web app under steady load while the archive is updated.

Serves a copy of the index with ``python -m search_web`` on loopback, drives
``/api/search`` with the committed query mix from concurrent clients in this
process for ``--duration`` seconds, and a third of the way through runs
``python -m indexer add`` of ``--add`` new articles (Dân Trí records) into
the served index.  Reports requests served, errors (goal: none), p50/p95
latency before, during and after the add, whether the added articles became
searchable without a restart, and the server's memory (RSS and PSS of the
process tree) after the warm-up, under load just before the add, every 10 s,
and at the end; the goal (no growth beyond 10 %) compares the end with the
warm server under load before the add.

    python bench/soak.py                       # 5 minutes, 16 clients, 1,000 articles added
    python bench/soak.py --duration 20 --clients 4 --add 20 --limit 300   # a smoke run
"""

from __future__ import annotations

import argparse
import http.client
import json
import shutil
import sys
import threading
import time
import unicodedata
import urllib.parse
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common as C  # noqa: E402
import servers as S  # noqa: E402


class Load:
    """Closed-loop keep-alive clients; each latency is filed under the
    phase (before / during / after the add) in which its request started."""

    def __init__(self, port: int, paths: list[str], clients: int) -> None:
        self.port = port
        self.paths = paths
        self.clients = clients
        self.phase = "before"
        self.latencies: dict[str, list[float]] = {"before": [], "during": [], "after": []}
        self.errors: dict[str, int] = {}
        self.served = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()

    def _client(self, k: int) -> None:
        client = S.Client(self.port)
        i = k * 31
        while not self._stop.is_set():
            phase = self.phase
            seconds, error = client.get(self.paths[i % len(self.paths)])
            i += 1
            with self._lock:
                if error is None:
                    self.served += 1
                    self.latencies[phase].append(seconds)
                else:
                    self.errors[error] = self.errors.get(error, 0) + 1
        client.close()

    def start(self) -> None:
        self._threads = [threading.Thread(target=self._client, args=(k,), daemon=True) for k in range(self.clients)]
        for thread in self._threads:
            thread.start()

    def stop(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=70)


def _probe(port: int, record: dict[str, Any]) -> bool:
    """Is this added article among the hits of a phrase search for the first
    ten words of its title?"""
    words = record["title"].replace('"', " ").split()[:10]
    query = urllib.parse.urlencode({"q": '"' + " ".join(words) + '"', "per_page": 20})
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", f"/api/search?{query}")
        body = json.loads(conn.getresponse().read())
        wanted = unicodedata.normalize("NFC", record["id"])
        return any(hit.get("id") == wanted for hit in body.get("hits", []))
    finally:
        conn.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    C.add_index_args(parser, what="index to copy and serve")
    parser.add_argument("--duration", type=float, default=300.0, help="seconds of load (default 300)")
    parser.add_argument("--clients", type=int, default=16, help="concurrent clients (default 16)")
    parser.add_argument("--add", type=int, default=1000, help="articles added part-way (default 1000)")
    parser.add_argument("--warmup-clients", type=int, default=8,
                        help="warm-up connections, each sending the whole mix once before memory is first read "
                             "(default 8; 0: none)")
    parser.add_argument("--output", type=Path, help="JSON path (default bench/results/soak[-N].json)")
    args = parser.parse_args(argv)

    source = args.index or C.VAR / (f"vntc-{args.limit}-index" if args.limit else "vntc-index")
    if not (source / "CURRENT").exists():
        print(f"no index at {source}: run bench/build.py{' --limit ' + str(args.limit) if args.limit else ''} first",
              file=sys.stderr)
        return 2
    C.need(C.DANTRI)
    info = C.machine()
    print(C.machine_line(info))
    work = C.VAR / "soak"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    index = work / "index"
    shutil.copytree(source, index)
    new = [r for r in C.read_records(C.DANTRI) if len(r.get("title", "").split()) >= 4][:args.add]
    new_file = work / "new.jsonl.gz"
    C.write_jsonl_gz(new, new_file)
    paths = ["/api/search?" + C.web_query_string(q) for q in C.load_queries()]

    port = S.free_port()
    server = S.start_server([C.PYTHON, "-m", "search_web", "--index", str(index), "--port", str(port)], port,
                            log=work / "server.log")
    try:
        S.warm(port, paths, args.warmup_clients)
        memory_start = S.tree_memory_mb(server.pid)
        load = Load(port, paths, args.clients)
        started = time.monotonic()
        series: list[dict[str, Any]] = []
        sampling = threading.Event()

        def sample() -> None:  # the server's memory through the run, every 10 s
            while not sampling.wait(10.0):
                series.append({"t": round(time.monotonic() - started), "phase": load.phase,
                               **S.tree_memory_mb(server.pid)})

        sampler = threading.Thread(target=sample, daemon=True)
        load.start()
        sampler.start()
        time.sleep(args.duration / 3)
        memory_loaded = S.tree_memory_mb(server.pid)  # warm and under load, just before the add
        load.phase = "during"
        add_started = time.monotonic()
        added = C.run_measured([C.PYTHON, "-m", "indexer", "add", "--quiet", "--index", str(index), str(new_file)])
        add_seconds = time.monotonic() - add_started
        load.phase = "after"
        visible_after = None
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if _probe(port, new[len(new) // 2]):
                visible_after = time.monotonic() - add_started - add_seconds
                break
            time.sleep(0.1)
        time.sleep(max(0.0, started + args.duration - time.monotonic()))
        load.stop()
        sampling.set()
        memory_end = S.tree_memory_mb(server.pid)
        total_s = time.monotonic() - started
    finally:
        S.stop_server(server)

    phases = {name: C.summary_ms(values) for name, values in load.latencies.items()}
    growth = (memory_end["pss"] / memory_loaded["pss"] - 1) * 100 if memory_loaded["pss"] else float("nan")
    C.print_table(
        f"Soak: {args.clients} clients for {args.duration:.0f} s, `indexer add` of {len(new):,} articles "
        f"a third of the way through",
        ["phase", "requests", "p50 ms", "p95 ms", "p99 ms"],
        [[name, s["n"], s["p50_ms"], s["p95_ms"], s["p99_ms"]] for name, s in phases.items()],
    )
    print(f"\nrequests served {load.served:,} ({load.served / total_s:.1f}/s), errors {sum(load.errors.values())}"
          f" {load.errors or ''}")
    print(f"indexer add: exit {added.returncode}, {add_seconds:.1f} s; a new article searchable "
          f"{'%.1f s after it finished' % visible_after if visible_after is not None else 'NOT within 20 s'}"
          f" (no restart)")
    print(f"server memory after the warm-up: RSS {memory_start['rss']:.0f} MB, PSS {memory_start['pss']:.0f} MB")
    print(f"server memory under load before the add -> at the end: RSS {memory_loaded['rss']:.0f} -> "
          f"{memory_end['rss']:.0f} MB, PSS {memory_loaded['pss']:.0f} -> {memory_end['pss']:.0f} MB "
          f"({growth:+.1f} %; goal: within +10 %)")
    print("PSS MB every 10 s: " + " ".join(f"{m['pss']:.0f}{'*' if m['phase'] == 'during' else ''}" for m in series)
          + "  (* while the add runs)")
    payload: dict[str, Any] = {
        "benchmark": "soak", "machine": info, "dates": C.DATES_NOTE, "index": str(source),
        "clients": args.clients, "duration_s": args.duration, "added": len(new),
        "phases": phases, "served": load.served, "errors": load.errors,
        "add": {"returncode": added.returncode, "seconds": add_seconds, "visible_after_s": visible_after,
                "stderr": added.stderr[-2000:]},
        "memory_start_mb": memory_start, "memory_loaded_mb": memory_loaded, "memory_end_mb": memory_end,
        "pss_growth_pct": growth, "memory_series_mb": series,
    }
    C.write_json(f"soak-{args.limit}" if args.limit else "soak", payload, args.output)
    ok = not load.errors and added.returncode == 0 and visible_after is not None and growth <= 10
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
