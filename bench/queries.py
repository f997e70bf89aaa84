"""Query benchmark: the committed mix (``bench/queries.txt``) run warm
through the Python API, facet counts on, next to SQLite FTS5 and tantivy
answering the same queries over the same records in the same run.

Ours: one warm-up pass, then ``--passes`` timed passes; p50/p95/p99 over
every (query, pass) sample, overall and per class.  Cold start: a fresh
interpreter per run (imports, opening the index, the first answer; the page
cache stays warm), median of ``--cold-runs``.

Peers (what they can express of the same request): the words AND-ed (quoted
phrases kept; a long question with no hit falls back to OR, as ours relaxes),
agency/location filters as phrases the text must contain (they have no entity
fields), source/category/date as column filters, ORDER BY bm25 (title x10)
or date, top 10 with snippets, the total, and facet counts by source,
category, year and month in one GROUP BY pass (tantivy: aggregations).

    python bench/queries.py                     # 84k index from bench/build.py
    python bench/queries.py --limit 300 --passes 1 --cold-runs 1
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import re
import sqlite3
import statistics
import subprocess
import sys
import time
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime, timezone
from datetime import time as dtime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import build as B  # noqa: E402
import common as C  # noqa: E402

Runner = Callable[[C.BenchQuery], int]


# -- peers' query translation ------------------------------------------------
def query_terms(q: C.BenchQuery) -> tuple[list[str], list[list[str]]]:
    """(AND-ed terms, OR-groups from agency/location filters), each a phrase."""
    text = unicodedata.normalize("NFC", q.text)
    phrases = re.findall(r'"([^"]+)"', text)
    words = re.findall(r"\w+", re.sub(r'"[^"]*"', " ", text))
    terms = [" ".join(re.findall(r"\w+", p)) for p in phrases] + words
    groups = [q.params[k] for k in ("agency", "location") if q.params.get(k)]
    return [t for t in terms if t], groups


def _fts_expr(terms: list[str], groups: list[list[str]], op: str) -> str:
    parts = [f'"{t}"' for t in terms]
    expr = f" {op} ".join(parts)
    if expr and op == "OR":
        expr = f"({expr})"
    for values in groups:
        group = " OR ".join('"' + " ".join(re.findall(r"\w+", v)) + '"' for v in values)
        expr = f"{expr} AND ({group})" if expr else f"({group})"
    return expr


def _day_bounds(q: C.BenchQuery) -> tuple[str | None, str | None]:
    lo, hi = q.first("from"), q.first("to")
    return (lo, f"{hi}T99" if hi else None)  # ISO strings sort; 'T99' ends the day


class Fts5:
    """SQLite FTS5 answering one query: total + facets in one GROUP BY, then top 10."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self.con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, check_same_thread=False)

    def __call__(self, q: C.BenchQuery) -> int:
        return int(self.answer(q)["total"])

    def answer(self, q: C.BenchQuery) -> dict[str, Any]:
        terms, groups = query_terms(q)
        result = self._run(q, _fts_expr(terms, groups, "AND"))
        if result["total"] == 0 and len(terms) > 3:
            result = self._run(q, _fts_expr(terms, groups, "OR"))
        return result

    def _run(self, q: C.BenchQuery, match: str) -> dict[str, Any]:
        where, args = [], []
        if match:
            where.append("docs MATCH ?")
            args.append(match)
        for key, col in (("source", "m.source"), ("category", "m.category")):
            if q.params.get(key):
                where.append(f"{col} IN ({','.join('?' * len(q.params[key]))})")
                args += q.params[key]
        lo, hi = _day_bounds(q)
        if lo:
            where.append("m.published >= ?")
            args.append(lo)
        if hi:
            where.append("m.published <= ?")
            args.append(hi)
        src = "docs JOIN meta m ON m.rowid = docs.rowid" if match else "meta m"
        cond = (" WHERE " + " AND ".join(where)) if where else ""
        facets: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        total = 0
        for source, category, month, n in self.con.execute(
                f"SELECT m.source, m.category, substr(m.published,1,7), count(*) FROM {src}{cond} GROUP BY 1,2,3",
                args):
            total += n
            facets["source"][source] += n
            facets["category"][category] += n
            facets["year"][month[:4]] += n
            facets["month"][month] += n
        sort = {"newest": "m.published DESC", "oldest": "m.published ASC"}.get(q.first("sort") or "")
        if match:
            cols = ("m.id, m.published, highlight(docs,0,'<mark>','</mark>'), "
                    "snippet(docs,1,'<mark>','</mark>','…',24)")
            order = sort or "bm25(docs, 10.0, 1.0)"
        else:
            cols, order = "m.id, m.published, NULL, NULL", sort or "m.published DESC"
        hits = self.con.execute(f"SELECT {cols} FROM {src}{cond} ORDER BY {order} LIMIT 10", args).fetchall()
        return {"query": q.text, "total": total,
                "hits": [{"id": h[0], "published": h[1], "title": h[2], "snippet": h[3]} for h in hits],
                "facets": {k: [{"value": v, "count": n} for v, n in sorted(d.items(), key=lambda x: -x[1])]
                           for k, d in facets.items()}}


class Tantivy:
    """tantivy answering one query: count, top 10 (stored docs + snippets), aggregations."""

    AGGS = {"source": {"terms": {"field": "source"}}, "category": {"terms": {"field": "category"}},
            "year": {"terms": {"field": "year"}}}

    def __init__(self, path: Path) -> None:
        import tantivy

        self.t = tantivy
        self.index = B.tantivy_open(path)
        self.searcher = self.index.searcher()

    def __call__(self, q: C.BenchQuery) -> int:
        terms, groups = query_terms(q)
        total = self._run(q, terms, groups, conj=True)
        if total == 0 and len(terms) > 3:
            total = self._run(q, terms, groups, conj=False)
        return total

    def _stamp(self, day: str, end: bool) -> str:
        local = datetime.combine(date.fromisoformat(day), dtime.max if end else dtime.min, tzinfo=C.VN_TZ)
        return local.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

    def _run(self, q: C.BenchQuery, terms: list[str], groups: list[list[str]], conj: bool) -> int:
        text = " ".join(f'"{t}"' for t in terms)
        parts = []
        if text:
            parts.append(f"({text})" if conj else "(" + " OR ".join(f'"{t}"' for t in terms) + ")")
        for values in groups:
            parts.append("(" + " OR ".join(f'"{v}"' for v in values) + ")")
        for key in ("source", "category"):
            if q.params.get(key):
                parts.append("(" + " OR ".join(f'{key}:"{v}"' for v in q.params[key]) + ")")
        if q.first("from") or q.first("to"):
            lo = self._stamp(q.first("from") or "1900-01-01", False)
            hi = self._stamp(q.first("to") or "2100-12-31", True)
            parts.append(f"published:[{lo} TO {hi}]")
        if parts:
            query = self.index.parse_query(" AND ".join(parts), ["title", "body"], field_boosts={"title": 2.0},
                                           conjunction_by_default=True)
        else:
            query = self.t.Query.all_query()
        sort = q.first("sort")
        if sort in ("newest", "oldest") or not text:
            order = self.t.Order.Asc if sort == "oldest" else self.t.Order.Desc
            result = self.searcher.search(query, 10, count=True, order_by_field="published", order=order)
        else:
            result = self.searcher.search(query, 10, count=True)
        gen = self.t.SnippetGenerator.create(self.searcher, query, self.index.schema, "body") if text else None
        for _, addr in result.hits:
            doc = self.searcher.doc(addr)
            if gen is not None:
                gen.snippet_from_doc(doc).to_html()
        self.searcher.aggregate(query, self.AGGS)
        return result.count or 0


# -- measuring ---------------------------------------------------------------
def ours_runner(index: Path) -> tuple[Runner, Any]:
    from indexer import open_backend

    backend = open_backend(str(index))
    return (lambda q: backend.search(C.to_request(q)).total), backend


def time_mix(run: Runner, queries: list[C.BenchQuery], passes: int) -> tuple[list[list[float]], list[list[float]],
                                                                             list[int]]:
    """One warm-up pass, then ``passes`` timed ones: wall and process-CPU
    seconds per query per pass (CPU time is what a loaded box inflates least)."""
    totals = [run(q) for q in queries]
    wall: list[list[float]] = [[] for _ in queries]
    cpu: list[list[float]] = [[] for _ in queries]
    for _ in range(passes):
        for i, q in enumerate(queries):
            c0, t0 = time.process_time(), time.perf_counter()
            run(q)
            wall[i].append(time.perf_counter() - t0)
            cpu[i].append(time.process_time() - c0)
    return wall, cpu, totals


def by_class(queries: list[C.BenchQuery], samples: list[list[float]]) -> dict[str, dict[str, float]]:
    groups: dict[str, list[float]] = defaultdict(list)
    for q, s in zip(queries, samples):
        groups[q.cls].extend(s)
        groups["ALL"].extend(s)
    return {cls: C.summary_ms(v) for cls, v in groups.items()}


COLD_CODE = {
    "ours": ("from indexer import open_backend, SearchRequest\n"
             "b = open_backend(sys.argv[1]); r = b.search(SearchRequest(query=sys.argv[2]))\n"
             "print(r.total, flush=True)"),
    "fts5": ("import sqlite3\ncon = sqlite3.connect(sys.argv[1])\n"
             "words = ' AND '.join('\"%s\"' % w for w in sys.argv[2].split())\n"
             "q = 'FROM docs JOIN meta m ON m.rowid = docs.rowid WHERE docs MATCH ?'\n"
             "n = sum(c for *_, c in con.execute('SELECT m.source, m.category, substr(m.published,1,7), count(*) '"
             " + q + ' GROUP BY 1,2,3', (words,)))\n"
             "con.execute('SELECT m.id, snippet(docs,1,\"<mark>\",\"</mark>\",\"…\",24) ' + q +"
             " ' ORDER BY bm25(docs,10.0,1.0) LIMIT 10', (words,)).fetchall()\nprint(n, flush=True)"),
    "tantivy": ("sys.path.insert(0, sys.argv[3]); import build\n"
                "from pathlib import Path\nix = build.tantivy_open(Path(sys.argv[1])); s = ix.searcher()\n"
                "r = s.search(ix.parse_query(sys.argv[2], ['title', 'body'], conjunction_by_default=True), 10)\n"
                "[s.doc(a) for _, a in r.hits]; print(r.count, flush=True)"),
}


def cold_start(kind: str, store: Path, query: str, runs: int) -> dict[str, Any]:
    """Median time from spawning a fresh interpreter to its first answer."""
    code = "import sys\n" + COLD_CODE[kind]
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.Popen([C.PYTHON, "-c", code, str(store), query, str(Path(__file__).parent)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=C.ROOT)
        line = proc.stdout.readline() if proc.stdout else ""
        times.append(time.perf_counter() - t0)
        _, err = proc.communicate()
        if proc.returncode != 0 or not line.strip():
            return {"error": err.strip().splitlines()[-1:] or ["failed"]}
    return {"runs": runs, "median_s": statistics.median(times), "min_s": min(times), "max_s": max(times)}


def profile_class(run: Runner, queries: list[C.BenchQuery], cls: str, out: Path) -> Path:
    """Profile one class's queries (3 repetitions): pyinstrument's call tree
    when installed (sampling, little overhead), else cProfile's top functions."""
    chosen = [q for q in queries if q.cls == cls]
    head = f"class {cls}: {len(chosen)} queries x 3\n"
    try:
        from pyinstrument import Profiler
    except ImportError:
        Profiler = None  # noqa: N806
    if Profiler is not None:
        profiler = Profiler(interval=0.0005)
        profiler.start()
        for _ in range(3):
            for q in chosen:
                run(q)
        profiler.stop()
        out.write_text(head + profiler.output_text(unicode=True, color=False), encoding="utf-8")
        return out
    prof = cProfile.Profile()
    prof.enable()
    for _ in range(3):
        for q in chosen:
            run(q)
    prof.disable()
    buf = io.StringIO(head)
    buf.seek(0, io.SEEK_END)
    stats = pstats.Stats(prof, stream=buf).strip_dirs()
    stats.sort_stats("cumulative").print_stats(30)
    stats.sort_stats("tottime").print_stats(20)
    out.write_text(buf.getvalue(), encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    C.add_index_args(parser, queries=True)
    parser.add_argument("--passes", type=int, default=3, help="timed passes after the warm-up (default 3)")
    parser.add_argument("--cold-runs", type=int, default=5, help="fresh-process cold starts (default 5)")
    parser.add_argument("--cold-query", default="giá vàng tăng", help="the cold start's first query")
    parser.add_argument("--skip-fts", action="store_true", help="no SQLite FTS5 peer")
    parser.add_argument("--skip-tantivy", action="store_true", help="no tantivy peer")
    parser.add_argument("--profile", type=int, default=0, metavar="K",
                        help="cProfile our K slowest classes into bench/results/queries-profile-CLASS.txt")
    parser.add_argument("--output", type=Path, help="JSON path (default bench/results/queries[-N].json)")
    args = parser.parse_args(argv)

    info = C.machine()
    paths, index = B.built_index(args.limit, args.index)
    queries = C.load_queries(args.queries)
    print(C.machine_line(info))
    print(C.DATES_NOTE)
    print(f"index: {index}; {len(queries)} queries from {args.queries}; 1 warm-up pass + {args.passes} timed passes")

    runners: dict[str, Runner] = {}
    run, backend = ours_runner(index)
    runners["ours"] = run
    if not args.skip_fts:
        if not paths.fts_db.exists():
            print(f"building the FTS5 peer's database {paths.fts_db} ...", file=sys.stderr)
            B.fts5_build(B.prepare_input(paths.jsonl, args.limit), paths.fts_db)
        runners["fts5"] = Fts5(paths.fts_db)
    if not args.skip_tantivy:
        try:
            if not (paths.tantivy / "meta.json").exists():
                print(f"building the tantivy peer's index {paths.tantivy} ...", file=sys.stderr)
                B.tantivy_build(B.prepare_input(paths.jsonl, args.limit), paths.tantivy)
            runners["tantivy"] = Tantivy(paths.tantivy)
        except ImportError:
            print("tantivy is not installed: skipped", file=sys.stderr)

    results: dict[str, Any] = {}
    for name, runner in runners.items():
        print(f"running the mix: {name} ...", file=sys.stderr)
        samples, cpu, totals = time_mix(runner, queries, args.passes)
        results[name] = {"classes": by_class(queries, samples), "cpu_classes": by_class(queries, cpu),
                         "totals": totals,
                         "zero_hits": sum(1 for t in totals if t == 0),
                         "per_query_p50_ms": [C.percentile(s, 50) * 1000 for s in samples]}
    stores = {"ours": index, "fts5": paths.fts_db, "tantivy": paths.tantivy}
    for name in runners:
        print(f"cold start: {name} ...", file=sys.stderr)
        results[name]["cold"] = cold_start(name, stores[name], args.cold_query, args.cold_runs)

    names = list(runners)
    classes = list(results["ours"]["classes"])
    classes.remove("ALL")
    rows = []
    for cls in [*classes, "ALL"]:
        row: list[Any] = [cls, results["ours"]["classes"][cls]["n"], results["ours"]["cpu_classes"][cls]["p50_ms"]]
        for name in names:
            s = results[name]["classes"][cls]
            row += [s["p50_ms"], s["p95_ms"]] if name != "ours" else [s["p50_ms"], s["p95_ms"], s["p99_ms"]]
        for name in names[1:]:
            row.append(C.fmt(C.ratio(results["ours"]["classes"][cls]["p50_ms"],
                                     results[name]["classes"][cls]["p50_ms"]), 1))
        rows.append(row)
    headers = ["class", "samples", "ours CPU p50", "ours p50", "ours p95", "ours p99"]
    for name in names[1:]:
        headers += [f"{name} p50", f"{name} p95"]
    headers += [f"p50 ours/{n}" for n in names[1:]]
    C.print_table("Warm query latency, ms, wall clock unless marked CPU (facet counts on)", headers, rows)
    cold_rows = [[n, results[n]["cold"].get("median_s"), results[n]["cold"].get("min_s"),
                  results[n]["cold"].get("max_s"), results[n]["zero_hits"]] for n in names]
    C.print_table("Cold start: fresh process to first answer, s (page cache warm); zero-hit queries in the mix",
                  ["engine", "median", "min", "max", "zero-hit queries"], cold_rows, digits=3)
    slow = sorted(zip(results["ours"]["per_query_p50_ms"], queries), key=lambda x: -x[0])[:10]
    print("\nslowest queries (ours, p50 ms):")
    for ms, q in slow:
        print(f"  {ms:8.1f}  {q.cls:9s} {q.text!r} {dict(q.params) or ''}")
    zero = [q for q, t in zip(queries, results["ours"]["totals"]) if t == 0]
    if zero:
        print("\nqueries with no hit (ours): " + "; ".join(f"{q.text!r} {dict(q.params) or ''}" for q in zero))
    a = results["ours"]["classes"]["ALL"]
    print(f"\ngoals: p50 <= 30 ms (got {a['p50_ms']:.1f}), p95 <= 100 ms (got {a['p95_ms']:.1f}), "
          f"cold start <= 1.5 s (got {C.fmt(results['ours']['cold'].get('median_s'), 2)})")

    if args.profile:
        worst = sorted(classes, key=lambda c: -results["ours"]["classes"][c]["p95_ms"])[:args.profile]
        for cls in worst:
            out = profile_class(runners["ours"], queries, cls, C.RESULTS / f"queries-profile-{cls}.txt")
            print(f"profile of class {cls}: {out}")
    backend.close()
    name = "queries" if args.limit is None else f"queries-{args.limit}"
    C.write_json(name, {"benchmark": "queries", "machine": info, "dates": C.DATES_NOTE, "index": str(index),
                        "queries": [{"class": q.cls, "text": q.text, "params": q.params} for q in queries],
                        "passes": args.passes, "results": results}, args.output)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
