"""Incremental benchmark: add 1,000 articles to the 84k index and delete 100,
then measure how long until readers that were already open see the change.

Works on a copy of the index from ``bench/build.py`` (the original stays as
built).  New articles are Dân Trí records (real dates, 2019-2021, never in
VNTC); the deleted ids are VNTC articles present in the index.  Watchers,
started before the writes and polled every 50 ms:

* an open ``open_backend`` in this process (the API's snapshot refresh);
* a running ``python -m search_web`` over ``/api/search`` (if the web app exists).

Probe: a phrase search for the last new article's title must return its id
(add), and a search for a deleted article's title must not (delete).  Peers
doing the same inserts and deletes: SQLite FTS5 (one transaction, seen by a
second connection) and tantivy (commit, then a reader reload).

    python bench/incremental.py
    python bench/incremental.py --limit 300 --add 30 --delete 5
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import sys
import time
import unicodedata
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import build as B  # noqa: E402
import common as C  # noqa: E402
import servers as S  # noqa: E402

Probe = Callable[[], bool]


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def pick_new(n: int, out: Path) -> list[dict[str, Any]]:
    """The first ``n`` Dân Trí records with a usable title, written to ``out``."""
    records = [r for r in C.read_records(C.DANTRI) if len(r.get("title", "").split()) >= 4][:n]
    C.write_jsonl_gz(records, out)
    return records


def pick_deleted(backend: Any, jsonl: Path, n: int) -> list[dict[str, Any]]:
    """``n`` VNTC records (every 53rd, then any on a small corpus) in the index
    (not dropped as duplicates) that a phrase search for their title finds,
    so that the delete probe means something."""
    chosen: dict[str, dict[str, Any]] = {}
    for stride in (53, 1):
        for i, record in enumerate(C.read_records(jsonl)):
            rid = nfc(record["id"])
            if len(chosen) == n:
                return list(chosen.values())
            if (i % stride == 7 % stride and rid not in chosen and len(record["title"].split()) >= 4
                    and backend.get(rid) is not None and api_probe(backend, title_query(record), rid, True)()):
                chosen[rid] = record
    return list(chosen.values())


def title_query(record: dict[str, Any]) -> str:
    words = nfc(record["title"]).replace('"', " ").split()[:10]
    return '"' + " ".join(words) + '"'


def api_probe(backend: Any, query: str, rid: str, present: bool) -> Probe:
    from indexer import SearchRequest

    request = SearchRequest(query=query, per_page=20, facets=False)
    return lambda: any(h.id == rid for h in backend.search(request).hits) == present


def web_probe(port: int, query: str, rid: str, present: bool) -> Probe:
    from urllib.parse import urlencode

    url = f"http://127.0.0.1:{port}/api/search?" + urlencode({"q": query, "per_page": 20})

    def probe() -> bool:
        try:
            with urllib.request.urlopen(url, timeout=30) as resp:
                hits = json.load(resp).get("hits", [])
        except urllib.error.HTTPError as exc:  # an answer, not a connection problem: report it
            raise RuntimeError(f"HTTP {exc.code} from /api/search") from None
        return any(h.get("id") == rid for h in hits) == present

    return probe


def wait_visible(probes: dict[str, Probe], since: float, timeout: float) -> dict[str, Any]:
    """Seconds after ``since`` at which each probe first held (None: never
    within ``timeout``); a probe that raises is reported as ``error`` and dropped."""
    seen: dict[str, Any] = {name: None for name in probes}
    pending = dict(probes)
    while pending and time.perf_counter() - since < timeout:
        for name, probe in list(pending.items()):
            try:
                held = probe()
            except OSError:
                continue
            except Exception as exc:  # noqa: BLE001 - a failing reader is a finding, not a crash
                seen[name] = f"error: {exc.__class__.__name__}: {exc}"
                del pending[name]
                continue
            if held:
                seen[name] = time.perf_counter() - since
                del pending[name]
        time.sleep(0.05)
    return seen


def run_ours(index: Path, new_file: Path, new: list[dict[str, Any]], gone: list[dict[str, Any]],
             watch_web: bool, timeout: float) -> dict[str, Any]:
    from indexer import open_backend

    backend = open_backend(str(index))
    add_q, add_id = title_query(new[-1]), nfc(new[-1]["id"])
    del_q, del_id = title_query(gone[-1]), nfc(gone[-1]["id"])
    server = None
    port = S.free_port()
    if watch_web:
        server = S.start_server([C.PYTHON, "-m", "search_web", "--index", str(index), "--host", "127.0.0.1",
                                 "--port", str(port)], port, log=C.VAR / "incremental-web.log")
    try:
        out: dict[str, Any] = {}
        for step, cmd, query, rid, present in (
                ("add", [C.PYTHON, "-m", "indexer", "add", "--quiet", "--index", str(index), str(new_file)],
                 add_q, add_id, True),
                ("delete", [C.PYTHON, "-m", "indexer", "delete", "--index", str(index),
                            *[nfc(r["id"]) for r in gone]], del_q, del_id, False)):
            probes = {"api": api_probe(backend, query, rid, present)}
            if server is not None:
                probes["web"] = web_probe(port, query, rid, present)
            for probe in probes.values():  # warm: the probe's own first run is not the write's cost
                probe()
            m = C.run_measured(cmd)
            if m.returncode != 0:
                raise RuntimeError(f"{' '.join(cmd[:4])} failed: {m.stderr[-2000:]}")
            seen = wait_visible(probes, time.perf_counter(), timeout)
            out[step] = {"command_s": m.wall_s, "peak_rss_mb": m.peak_rss_mb,
                         **{f"{k}_visible_after_s": v for k, v in seen.items()},
                         "summary": m.stderr.strip().splitlines()[-1:]}
        try:
            out["articles_after"] = backend.stats().get("articles")
        except Exception as exc:  # noqa: BLE001 - reported, as the probes' errors are
            out["articles_after"] = f"error: {exc.__class__.__name__}: {exc}"
        return out
    finally:
        backend.close()
        if server is not None:
            S.stop_server(server)


def run_fts5(db: Path, new: list[dict[str, Any]], gone: list[dict[str, Any]], timeout: float) -> dict[str, Any]:
    writer = sqlite3.connect(db)
    reader = sqlite3.connect(db)
    match = lambda r: '"' + " ".join(__import__("re").findall(r"\w+", nfc(r["title"])))[:200] + '"'  # noqa: E731

    def probe(record: dict[str, Any], present: bool) -> Probe:
        sql = "SELECT m.id FROM docs JOIN meta m ON m.rowid = docs.rowid WHERE docs MATCH ? LIMIT 50"
        return lambda: (nfc(record["id"]) in {r[0] for r in reader.execute(sql, (match(record),))}) == present

    out: dict[str, Any] = {}
    rows = [(nfc(str(r["id"])), nfc(r["title"]), nfc(r["body"]), r.get("source") or "",
             r.get("category") or "", r.get("date") or "") for r in new]
    t0 = time.perf_counter()
    with writer:
        B.fts5_insert(writer, rows)
    out["add"] = {"command_s": time.perf_counter() - t0, **_seen(probe(new[-1], True), timeout)}
    t0 = time.perf_counter()
    with writer:
        for r in gone:
            writer.execute("DELETE FROM docs WHERE rowid IN (SELECT rowid FROM meta WHERE id = ?)", (nfc(r["id"]),))
            writer.execute("DELETE FROM meta WHERE id = ?", (nfc(r["id"]),))
    out["delete"] = {"command_s": time.perf_counter() - t0, **_seen(probe(gone[-1], False), timeout)}
    writer.close()
    reader.close()
    return out


def _seen(probe: Probe, timeout: float) -> dict[str, Any]:
    return {"api_visible_after_s": wait_visible({"p": probe}, time.perf_counter(), timeout)["p"]}


def run_tantivy(path: Path, new: list[dict[str, Any]], gone: list[dict[str, Any]], timeout: float) -> dict[str, Any]:
    index = B.tantivy_open(path)

    def probe(record: dict[str, Any], present: bool) -> Probe:
        words = " ".join(__import__("re").findall(r"\w+", nfc(record["title"])))

        def check() -> bool:
            index.reload()
            searcher = index.searcher()
            query = index.parse_query(f'"{words}"', ["title"])
            ids = {searcher.doc(a)["id"][0] for _, a in searcher.search(query, 50).hits}
            return (nfc(record["id"]) in ids) == present
        return check

    out: dict[str, Any] = {}
    t0 = time.perf_counter()
    writer = index.writer(heap_size=128 * 2**20, num_threads=2)
    for r in new:
        writer.add_document(B.tantivy_doc(nfc(str(r["id"])), nfc(r["title"]), nfc(r["body"]), r.get("source") or "",
                                          r.get("category") or "", r["date"] + "T00:00:00+07:00"))
    writer.commit()
    out["add"] = {"command_s": time.perf_counter() - t0, **_seen(probe(new[-1], True), timeout)}
    t0 = time.perf_counter()
    for r in gone:
        writer.delete_documents_by_term("id", nfc(r["id"]))
    writer.commit()
    out["delete"] = {"command_s": time.perf_counter() - t0, **_seen(probe(gone[-1], False), timeout)}
    writer.wait_merging_threads()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    C.add_index_args(parser, what="the built index to copy")
    parser.add_argument("--add", type=int, default=1000, help="articles to add (default 1000, from Dân Trí)")
    parser.add_argument("--delete", type=int, default=100, help="articles to delete (default 100)")
    parser.add_argument("--timeout", type=float, default=60.0, help="give up waiting for visibility after S s")
    parser.add_argument("--no-web", action="store_true", help="do not start search_web as a watcher")
    parser.add_argument("--skip-fts", action="store_true", help="no SQLite FTS5 peer")
    parser.add_argument("--skip-tantivy", action="store_true", help="no tantivy peer")
    parser.add_argument("--output", type=Path, help="JSON path (default bench/results/incremental[-N].json)")
    args = parser.parse_args(argv)

    C.need(C.DANTRI)
    info = C.machine()
    paths, source = B.built_index(args.limit, args.index)
    work = C.VAR / "incremental"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    t0 = time.perf_counter()
    live = source / (source / "CURRENT").read_text().strip()
    (work / "index").mkdir()
    shutil.copytree(live, work / "index" / live.name)
    shutil.copy2(source / "CURRENT", work / "index" / "CURRENT")
    print(f"copied the live generation of {source} in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    new = pick_new(args.add, work / "new.jsonl.gz")
    from indexer import open_backend

    backend = open_backend(str(work / "index"))
    gone = pick_deleted(backend, paths.jsonl, args.delete)
    backend.close()
    watch_web = S.web_available() and not args.no_web
    print(C.machine_line(info))
    print(C.DATES_NOTE)
    print(f"index: copy of {source}; adding {len(new)} Dân Trí articles, deleting {len(gone)} VNTC articles; "
          f"watchers: open API backend{', running search_web' if watch_web else ' (search_web absent: not watched)'}")
    results: dict[str, Any] = {"ours": run_ours(work / "index", work / "new.jsonl.gz", new, gone, watch_web,
                                                args.timeout)}
    if not args.skip_fts and paths.fts_db.exists():
        shutil.copy2(paths.fts_db, work / "fts5.db")
        results["fts5"] = run_fts5(work / "fts5.db", new, gone, args.timeout)
    if not args.skip_tantivy and (paths.tantivy / "meta.json").exists():
        try:
            shutil.copytree(paths.tantivy, work / "tantivy")
            results["tantivy"] = run_tantivy(work / "tantivy", new, gone, args.timeout)
        except ImportError:
            print("tantivy is not installed: skipped", file=sys.stderr)

    names = list(results)
    rows = []
    for step in ("add", "delete"):
        for key, label in (("command_s", "command wall s"), ("api_visible_after_s", "open API sees it after s"),
                           ("web_visible_after_s", "running web app sees it after s")):
            vals = [results[n][step].get(key) for n in names]
            if all(v is None for v in vals):
                continue
            rows.append([f"{step} {len(new) if step == 'add' else len(gone)}: {label}", *vals,
                         *[C.fmt(C.ratio(vals[0], v), 1) for v in vals[1:]]])
    C.print_table("Incremental updates (ours: `python -m indexer add/delete` processes; peers: in-process)",
                  ["", *names, *[f"ours/{n}" for n in names[1:]]], rows, digits=2)
    add = results["ours"]["add"]
    waits = [v for k, v in add.items() if k.endswith("visible_after_s")]
    worst = None if any(not isinstance(v, float) for v in waits) else max(waits, default=None)
    print(f"\ngoal: added articles searchable within 10 s of `indexer add` finishing, no restart "
          f"(got {C.fmt(worst, 2)} s); index holds {results['ours']['articles_after']} articles after")
    name = "incremental" if args.limit is None else f"incremental-{args.limit}"
    C.write_json(name, {"benchmark": "incremental", "machine": info, "dates": C.DATES_NOTE, "index": str(source),
                        "added": len(new), "deleted": len(gone), "web_watched": watch_web, "results": results},
                 args.output)
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
