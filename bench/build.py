"""Build benchmark: index the VNTC corpus with ``python -m indexer build`` and
put the figures next to the floor and the peers measured in the same run.

* ours: ``indexer build`` in a subprocess: wall time, CPU time of the whole
  process tree (CPU/wall near 2 means both cores worked), peak RSS and PSS of
  the tree, index size on disk, articles/s and MB/s of title+body text;
* floor: pyvi segmentation alone over the same titles+bodies, 2 forked
  processes (the model loaded once before the fork, as the indexer does);
  build/pyvi is the ratio the goal caps at 2.5;
* peers: SQLite FTS5 (``unicode61 remove_diacritics 2``, one thread, what
  SQLite offers) and tantivy (2 indexing threads) over the same records.

The input is VNTC with deterministic publication dates added (see
``common.DATES_NOTE``), written once to ``var/bench/`` and reused by the
other benchmarks, which also reuse the index and the peers' databases.

    python bench/build.py                 # full 84k corpus (several minutes)
    python bench/build.py --limit 300     # smoke run
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sqlite3
import sys
import time
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common as C  # noqa: E402

FTS_SCHEMA = ("CREATE VIRTUAL TABLE docs USING fts5(title, body, "
              "tokenize='unicode61 remove_diacritics 2')")
META_SCHEMA = ("CREATE TABLE meta(rowid INTEGER PRIMARY KEY, id TEXT UNIQUE, source TEXT, category TEXT, "
               "published TEXT)")


@dataclass(frozen=True)
class Paths:
    """Where one corpus size's prepared input, index and peer stores live."""

    jsonl: Path
    index: Path
    fts_db: Path
    tantivy: Path


def default_paths(limit: int | None) -> Paths:
    tag = "vntc" if limit is None else f"vntc-{limit}"
    return Paths(C.VAR / f"{tag}-dated.jsonl.gz", C.VAR / f"{tag}-index", C.VAR / f"fts5-{tag}.db",
                 C.VAR / f"tantivy-{tag}")


def built_index(limit: int | None, index: Path | None) -> tuple[Paths, Path]:
    """The benchmark paths and the index to read, or exit saying how to build it."""
    paths = default_paths(limit)
    index = index or paths.index
    if not (index / "CURRENT").exists():
        sys.exit(f"error: no index at {index}: run bench/build.py{' --limit %d' % limit if limit else ''}")
    return paths, index


def prepare_input(path: Path, limit: int | None, force: bool = False) -> Path:
    """VNTC (first ``limit`` records) with assigned dates, as .jsonl.gz."""
    if force or not path.exists():
        n = C.write_jsonl_gz(C.read_records(C.VNTC, limit), path)
        print(f"prepared {path} ({n:,} records with assigned dates)", file=sys.stderr)
    return path


def peer_rows(jsonl: Path) -> Iterator[tuple[str, str, str, str, str, str]]:
    """(id, title, body, source, category, published) for the peers, NFC as ours normalises."""
    nfc = lambda s: unicodedata.normalize("NFC", s or "")  # noqa: E731
    for r in C.read_records(jsonl):
        yield (nfc(str(r["id"])), nfc(r.get("title")), nfc(r.get("body")), r.get("source") or "",
               r.get("topic") or r.get("category") or "", str(r.get("published") or r.get("date") or ""))


# -- SQLite FTS5 ---------------------------------------------------------------
def fts5_insert(con: sqlite3.Connection, rows: Any) -> int:
    n = 0
    for rid, title, body, source, category, published in rows:
        cur = con.execute("INSERT OR REPLACE INTO meta(id, source, category, published) VALUES (?,?,?,?)",
                          (rid, source, category, published))
        con.execute("INSERT INTO docs(rowid, title, body) VALUES (?,?,?)", (cur.lastrowid, title, body))
        n += 1
    return n


def fts5_build(jsonl: Path, db: Path) -> dict[str, Any]:
    """The FTS5 peer's index of the same records (read and normalise included)."""
    started = time.perf_counter()
    tmp = db.with_name(db.name + ".tmp")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    con.execute("PRAGMA journal_mode=OFF")
    con.execute("PRAGMA synchronous=OFF")
    con.execute(META_SCHEMA)
    con.execute(FTS_SCHEMA)
    with con:
        n = fts5_insert(con, peer_rows(jsonl))
    con.execute("CREATE INDEX meta_published ON meta(published)")
    con.execute("INSERT INTO docs(docs) VALUES ('optimize')")
    con.commit()
    con.close()
    tmp.replace(db)
    return {"articles": n, "inner_s": time.perf_counter() - started}


# -- tantivy -----------------------------------------------------------------
def tantivy_schema() -> Any:
    import tantivy

    sb = tantivy.SchemaBuilder()
    sb.add_text_field("id", stored=True, tokenizer_name="raw")
    sb.add_text_field("title", stored=True, tokenizer_name="vi_fold")
    sb.add_text_field("body", stored=True, tokenizer_name="vi_fold")
    sb.add_text_field("source", stored=True, fast=True, tokenizer_name="raw")
    sb.add_text_field("category", stored=True, fast=True, tokenizer_name="raw")
    sb.add_date_field("published", stored=True, indexed=True, fast=True)
    sb.add_unsigned_field("year", indexed=True, fast=True)
    return sb.build()


def tantivy_open(path: Path, create: bool = False) -> Any:
    """Open (or create) the tantivy peer's index with its folding analyzer
    (simple tokenizer, lower case, ASCII folding: the same matching as FTS5's)."""
    import tantivy

    if create:
        shutil.rmtree(path, ignore_errors=True)
        path.mkdir(parents=True)
    index = tantivy.Index(tantivy_schema(), path=str(path), reuse=not create)
    analyzer = (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple()).filter(tantivy.Filter.lowercase())
                .filter(tantivy.Filter.ascii_fold()).build())
    index.register_tokenizer("vi_fold", analyzer)
    return index


def tantivy_doc(rid: str, title: str, body: str, source: str, category: str, published: str) -> Any:
    from datetime import datetime, timezone

    import tantivy

    when = datetime.fromisoformat(published).astimezone(timezone.utc).replace(tzinfo=None)
    doc = tantivy.Document(id=rid, title=title, body=body, source=source, category=category, published=when)
    doc.add_unsigned("year", when.year)
    return doc


def tantivy_build(jsonl: Path, path: Path, threads: int = 2) -> dict[str, Any]:
    started = time.perf_counter()
    index = tantivy_open(path, create=True)
    writer = index.writer(heap_size=256 * 2**20, num_threads=threads)
    n = 0
    for row in peer_rows(jsonl):
        writer.add_document(tantivy_doc(*row))
        n += 1
    writer.commit()
    writer.wait_merging_threads()
    return {"articles": n, "inner_s": time.perf_counter() - started}


# -- pyvi floor ----------------------------------------------------------------
_TEXTS: list[str] = []


def _segment_range(bounds: tuple[int, int]) -> int:
    from indexer.analysis import segment

    return sum(len(segment(t)) for t in _TEXTS[bounds[0]:bounds[1]])


def pyvi_floor(jsonl: Path, procs: int = 2) -> dict[str, Any]:
    """pyvi alone over the same title+body texts (reading excluded, model
    loaded before the fork so the workers share it, as in ``indexer build``)."""
    import multiprocessing as mp

    from indexer.analysis import segment

    _TEXTS[:] = [C.record_text(r) for r in C.read_records(jsonl)]
    segment("khởi động")
    started = time.perf_counter()
    step = 200
    chunks = [(i, min(i + step, len(_TEXTS))) for i in range(0, len(_TEXTS), step)]
    if procs > 1:
        with mp.get_context("fork").Pool(procs) as pool:
            out = sum(pool.imap_unordered(_segment_range, chunks))
    else:
        out = sum(map(_segment_range, chunks))
    return {"articles": len(_TEXTS), "inner_s": time.perf_counter() - started, "chars_out": out}


PEERS = {"fts5": fts5_build, "tantivy": tantivy_build}


def _run_peer(args: argparse.Namespace) -> int:
    """Hidden mode: run one peer in this (measured) child process, print JSON."""
    jsonl = Path(args.jsonl)
    if args.peer == "pyvi":
        result = pyvi_floor(jsonl, args.procs)
    else:
        result = PEERS[args.peer](jsonl, Path(args.out))
    print(json.dumps(result))
    return 0


def measure_peer(name: str, jsonl: Path, out: Path | None, procs: int = 2) -> dict[str, Any]:
    cmd = [C.PYTHON, str(Path(__file__).resolve()), "--peer", name, "--jsonl", str(jsonl), "--procs", str(procs)]
    if out is not None:
        cmd += ["--out", str(out)]
    m = C.run_measured(cmd)
    if m.returncode != 0:
        print(m.stderr, file=sys.stderr)
        return {"error": m.stderr.strip().splitlines()[-1:] or ["failed"], "wall_s": m.wall_s}
    inner = json.loads(m.stdout.strip().splitlines()[-1])
    size = None
    if out is not None:
        size = C.dir_size_mb(out) if out.is_dir() else out.stat().st_size / 2**20
    return {**inner, "wall_s": m.wall_s, "cpu_s": m.cpu_s, "peak_rss_mb": m.peak_rss_mb,
            "peak_pss_mb": m.peak_pss_mb, "size_mb": size}


def live_size_mb(index: Path) -> float:
    """Size of the live generation (the folder also keeps the one before it)."""
    current = index / "CURRENT"
    live = index / current.read_text().strip() if current.exists() else index
    return C.dir_size_mb(live)


def measure_ours(jsonl: Path, index: Path) -> dict[str, Any]:
    m = C.run_measured([C.PYTHON, "-m", "indexer", "build", "--quiet", "--index", str(index), str(jsonl)])
    if m.returncode != 0:
        sys.exit(f"error: indexer build failed ({m.returncode}):\n{m.stderr[-3000:]}")
    summary = [line for line in m.stderr.splitlines() if line.startswith("build:")]
    found = re.search(r"the index holds (\d+) articles", summary[-1] if summary else "")
    docs = int(found.group(1)) if found else None
    return {"wall_s": m.wall_s, "cpu_s": m.cpu_s, "peak_rss_mb": m.peak_rss_mb, "peak_pss_mb": m.peak_pss_mb,
            "peak_procs": m.peak_procs, "size_mb": live_size_mb(index), "indexed_docs": docs,
            "summary": summary[-1] if summary else m.stderr.strip()[-300:]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, help="only the first N VNTC articles (default: all 84,132)")
    parser.add_argument("--index", type=Path, help="index folder to build and keep (default var/bench/vntc[-N]-index)")
    parser.add_argument("--jsonl", type=Path,
                        help="prepared input with dates (default var/bench/vntc[-N]-dated.jsonl.gz)")
    parser.add_argument("--prepare-only", action="store_true", help="write the dated input and stop")
    parser.add_argument("--skip-fts", action="store_true", help="no SQLite FTS5 peer")
    parser.add_argument("--skip-tantivy", action="store_true", help="no tantivy peer")
    parser.add_argument("--skip-pyvi", action="store_true", help="no pyvi floor")
    parser.add_argument("--procs", type=int, default=2, help="processes for the pyvi floor (default 2)")
    parser.add_argument("--output", type=Path, help="JSON path (default bench/results/build[-N].json)")
    parser.add_argument("--peer", choices=["pyvi", *PEERS], help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.peer:
        return _run_peer(args)

    C.need(C.VNTC)
    info = C.machine()
    paths = default_paths(args.limit)
    jsonl = prepare_input(args.jsonl or paths.jsonl, args.limit)
    if args.prepare_only:
        return 0
    index = args.index or paths.index
    records = sum(1 for _ in C.read_records(jsonl))
    text_mb = sum(len(C.record_text(r).encode("utf-8")) for r in C.read_records(jsonl)) / 2**20
    print(C.machine_line(info))
    print(C.DATES_NOTE)
    print(f"input: {jsonl} ({records:,} articles, {text_mb:,.1f} MB of title+body UTF-8)")

    print("building ours (python -m indexer build) ...", file=sys.stderr)
    ours = measure_ours(jsonl, index)
    results: dict[str, dict[str, Any]] = {"ours": ours}
    if not args.skip_pyvi:
        print("pyvi floor ...", file=sys.stderr)
        results["pyvi"] = measure_peer("pyvi", jsonl, None, args.procs)
    if not args.skip_fts:
        print("SQLite FTS5 ...", file=sys.stderr)
        results["fts5"] = measure_peer("fts5", jsonl, paths.fts_db)
    if not args.skip_tantivy:
        try:
            import tantivy  # noqa: F401
        except ImportError:
            print("tantivy is not installed: skipped", file=sys.stderr)
        else:
            print("tantivy ...", file=sys.stderr)
            results["tantivy"] = measure_peer("tantivy", jsonl, paths.tantivy)

    for r in results.values():
        t = r.get("inner_s") if "inner_s" in r else r.get("wall_s")
        r["time_s"] = t
        r["articles_per_s"] = records / t if t else None
        r["mb_per_s"] = text_mb / t if t else None
        r["cpu_per_wall"] = r["cpu_s"] / r["wall_s"] if r.get("cpu_s") and r.get("wall_s") else None
    names = list(results)
    rows = []
    for label, key, digits in (("time s (ours: wall)", "time_s", 1), ("process wall s", "wall_s", 1),
                               ("articles/s", "articles_per_s", 0), ("MB/s", "mb_per_s", 2),
                               ("CPU s (tree)", "cpu_s", 1), ("CPU/wall (cores used)", "cpu_per_wall", 2),
                               ("peak RSS MB (tree sum)", "peak_rss_mb", 0),
                               ("peak PSS MB (tree)", "peak_pss_mb", 0), ("size on disk MB", "size_mb", 1)):
        vals = [results[n].get(key) for n in names]
        rows.append([label, *[C.fmt(v, digits) for v in vals],
                     *[C.fmt(C.ratio(vals[0], results[n].get(key)), 2) for n in names[1:]]])
    C.print_table(f"Build: {records:,} VNTC articles", ["", *names, *[f"ours/{n}" for n in names[1:]]], rows)
    if "pyvi" in results and "time_s" in results["pyvi"]:
        ratio = C.ratio(ours["time_s"], results["pyvi"]["time_s"])
        print(f"\nindexing / pyvi segmentation alone = {C.fmt(ratio, 2)} (goal <= 2.5)")
    print(f"goals: wall <= 420 s (got {ours['wall_s']:.0f}), peak RSS <= 2048 MB "
          f"(tree RSS sum {ours['peak_rss_mb']:.0f}, PSS {ours['peak_pss_mb']:.0f}), "
          f"both cores (CPU/wall {C.fmt(ours['cpu_per_wall'], 2)})")
    print(f"ours: {ours['summary']}")
    name = "build" if args.limit is None else f"build-{args.limit}"
    C.write_json(name, {"benchmark": "build", "machine": info, "dates": C.DATES_NOTE, "input": str(jsonl),
                        "articles": records, "text_mb": text_mb, "index": str(index), "results": results},
                 args.output)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
