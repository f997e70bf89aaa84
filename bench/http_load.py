"""HTTP benchmark: ``python -m search_web`` under bounded load on loopback.

The server runs in its own process; this process is the load generator:
``C`` threads (1, 8, 32 by default), each with a keep-alive connection,
send ``/api/search`` requests from the committed query mix back to back for
a fixed duration per level (closed loop: a client waits for its answer
before the next request, so the load is bounded by the client count).
Reported per level: searches/s, p50/p95/p99 latency, errors (non-200 or a
failed connection), and the server's RSS (psutil) at start, peak and end.

Peer, same run, same client: SQLite FTS5 answering the same requests
(``queries.Fts5``: total, top 10 with snippets, facet counts) in a minimal
WSGI app served by waitress with the same 8 threads as search_web.

    python bench/http_load.py                      # 84k index, 20 s per level
    python bench/http_load.py --limit 300 --duration 2 --levels 1 4
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

sys.path.insert(0, str(Path(__file__).resolve().parent))

import build as B  # noqa: E402
import common as C  # noqa: E402
import servers as S  # noqa: E402

THREADS = 8


def fts5_app(db: Path) -> Any:
    """A WSGI app answering ``/api/search`` from the FTS5 peer (one connection per thread)."""
    from queries import Fts5

    local = threading.local()

    def app(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        if environ.get("PATH_INFO") != "/api/search":
            start_response("404 Not Found", [("Content-Type", "text/plain")])
            return [b"not found"]
        if not hasattr(local, "engine"):
            local.engine = Fts5(db)
        params: dict[str, list[str]] = {}
        for key, value in parse_qsl(environ.get("QUERY_STRING", "")):
            params.setdefault(key, []).append(value)
        query = C.BenchQuery("", (params.pop("q", [""]) or [""])[0], params)
        body = json.dumps(local.engine.answer(query), ensure_ascii=False).encode("utf-8")
        start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
        return [body]

    return app


def serve_fts5(db: Path, port: int) -> int:
    from waitress import serve

    serve(fts5_app(db), host="127.0.0.1", port=port, threads=THREADS, ident="fts5-peer")
    return 0


class Load:
    """Closed-loop clients for one level: latencies and errors."""

    def __init__(self, port: int, paths: list[str], clients: int, duration: float, max_requests: int) -> None:
        self.port, self.paths, self.clients = port, paths, clients
        self.duration, self.max_requests = duration, max_requests
        self.latencies: list[float] = []
        self.errors: dict[str, int] = {}
        self._lock = threading.Lock()
        self._sent = 0

    def _take(self) -> bool:
        with self._lock:
            self._sent += 1
            return self._sent <= self.max_requests

    def _worker(self, k: int, deadline: float) -> None:
        client = S.Client(self.port)
        i = k * len(self.paths) // max(1, self.clients)
        mine: list[float] = []
        while time.perf_counter() < deadline and self._take():
            seconds, err = client.get(self.paths[i % len(self.paths)])
            i += 1
            if err is None:
                mine.append(seconds)
            else:
                with self._lock:
                    self.errors[err] = self.errors.get(err, 0) + 1
        client.close()
        with self._lock:
            self.latencies.extend(mine)

    def run(self) -> float:
        deadline = time.perf_counter() + self.duration
        threads = [threading.Thread(target=self._worker, args=(k, deadline)) for k in range(self.clients)]
        t0 = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        return time.perf_counter() - t0


def drive(name: str, cmd: list[str], port: int, paths: list[str], args: argparse.Namespace) -> dict[str, Any]:
    """Start one server, warm it, run every level, stop it."""
    print(f"{name}: starting {' '.join(cmd[1:4])} ... on port {port}", file=sys.stderr)
    started = time.perf_counter()
    server = S.start_server(cmd, port, log=C.VAR / f"http-{name}.log")
    out: dict[str, Any] = {"ready_s": time.perf_counter() - started, "levels": {}}
    try:
        out["warmup_errors"] = S.warm(port, paths, args.warmup_clients)
        out["rss_start_mb"] = S.tree_rss_mb(server.pid)
        for clients in args.levels:
            load = Load(port, paths, clients, args.duration, args.max_requests)
            with C.TreeSampler(server.pid, interval=0.25, pss_every=10**9) as sampler:
                elapsed = load.run()
            stats = C.summary_ms(load.latencies)
            out["levels"][str(clients)] = {
                "clients": clients, "seconds": elapsed, "ok": len(load.latencies),
                "errors": sum(load.errors.values()), "error_kinds": load.errors,
                "searches_per_s": len(load.latencies) / elapsed if elapsed else 0.0,
                **{k: stats[k] for k in ("p50_ms", "p95_ms", "p99_ms", "max_ms")},
                "server_peak_rss_mb": sampler.peak_rss / 2**20}
            lv = out["levels"][str(clients)]
            print(f"  {name} x{clients}: {lv['searches_per_s']:.1f}/s p95 {lv['p95_ms']:.0f} ms "
                  f"errors {lv['errors']}", file=sys.stderr)
        out["rss_end_mb"] = S.tree_rss_mb(server.pid)
        out["memory_end_mb"] = S.tree_memory_mb(server.pid)
    finally:
        S.stop_server(server)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    C.add_index_args(parser, queries=True)
    parser.add_argument("--levels", type=int, nargs="+", default=[1, 8, 32], help="concurrent clients (default 1 8 32)")
    parser.add_argument("--duration", type=float, default=20.0, help="seconds per level (default 20)")
    parser.add_argument("--max-requests", type=int, default=100_000, help="cap on requests per level")
    parser.add_argument("--warmup-clients", type=int, default=8,
                        help="warm-up connections, each sending the whole mix once (default 8)")
    parser.add_argument("--skip-fts", action="store_true", help="no SQLite FTS5 peer")
    parser.add_argument("--output", type=Path, help="JSON path (default bench/results/http_load[-N].json)")
    parser.add_argument("--serve-fts5", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve_fts5:
        return serve_fts5(args.serve_fts5, args.port)

    info = C.machine()
    paths, index = B.built_index(args.limit, args.index)
    if not S.web_available():
        sys.exit("error: search_web/__main__.py is absent: the web app is not there yet")
    queries = C.load_queries(args.queries)
    urls = [f"/api/search?{C.web_query_string(q)}" for q in queries]
    print(C.machine_line(info))
    print(C.DATES_NOTE)
    print(f"index: {index}; {len(urls)} queries from {args.queries}; {args.duration:.0f} s per level; "
          f"closed-loop clients on loopback from this process (the server is another process)")

    results: dict[str, Any] = {}
    port = S.free_port()
    results["ours"] = drive("ours", [C.PYTHON, "-m", "search_web", "--index", str(index), "--host", "127.0.0.1",
                                     "--port", str(port)], port, urls, args)
    if not args.skip_fts:
        if not paths.fts_db.exists():
            print(f"building the FTS5 peer's database {paths.fts_db} ...", file=sys.stderr)
            B.fts5_build(B.prepare_input(paths.jsonl, args.limit), paths.fts_db)
        port = S.free_port()
        results["fts5"] = drive("fts5", [C.PYTHON, str(Path(__file__).resolve()), "--serve-fts5", str(paths.fts_db),
                                         "--port", str(port)], port, urls, args)

    names = list(results)
    rows = []
    for level in map(str, args.levels):
        row: list[Any] = [level]
        for n in names:
            lv = results[n]["levels"][level]
            row += [lv["searches_per_s"], lv["p50_ms"], lv["p95_ms"], lv["errors"], lv["server_peak_rss_mb"]]
        if "fts5" in results:
            a, b = results["ours"]["levels"][level], results["fts5"]["levels"][level]
            row += [C.fmt(C.ratio(a["searches_per_s"], b["searches_per_s"]), 2),
                    C.fmt(C.ratio(a["p95_ms"], b["p95_ms"]), 1)]
        rows.append(row)
    headers = ["clients"]
    for n in names:
        headers += [f"{n} /s", f"{n} p50", f"{n} p95", f"{n} err", f"{n} RSS MB"]
    if "fts5" in results:
        headers += ["/s ours/fts5", "p95 ours/fts5"]
    C.print_table("HTTP /api/search, searches/s and latency ms (peak server RSS during the level)", headers, rows)
    ours = results["ours"]
    mem = ours["memory_end_mb"]
    print(f"\nours server RSS: {ours['rss_start_mb']:.0f} MB after warm-up, {ours['rss_end_mb']:.0f} MB at the end "
          f"(USS {mem['uss']:.0f} MB private, PSS {mem['pss']:.0f} MB); ready {ours['ready_s']:.1f} s after start")
    if "8" in ours["levels"]:
        lv = ours["levels"]["8"]
        print(f"goal at 8 clients: >= 60 searches/s (got {lv['searches_per_s']:.1f}), p95 <= 250 ms "
              f"(got {lv['p95_ms']:.0f}), no errors (got {lv['errors']}), server RSS <= 1024 MB "
              f"(peak {max(v['server_peak_rss_mb'] for v in ours['levels'].values()):.0f})")
    name = "http_load" if args.limit is None else f"http_load-{args.limit}"
    C.write_json(name, {"benchmark": "http_load", "machine": info, "dates": C.DATES_NOTE, "index": str(index),
                        "duration_s": args.duration, "results": results}, args.output)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
