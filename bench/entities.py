"""Quality and speed of the entity extractor against the labelled sets.

Reads ``tests/data/entities_corpus.jsonl`` (refs ``corpus/<path>`` or
``corpus/jsonl/<file>#<id>``, read with the project's readers) and
``tests/data/entities_shared.jsonl`` (refs ``dantri_unc:<id>`` / ``vntc:<id>``,
read from ``../shared/corpora``), runs ``extract_entities`` on each article
and prints micro-averaged precision, recall and F1 for agencies, locations and
provinces, with the median extraction time per article.  Names are compared
after ``normalize``, with the first letter's case ignored; nothing fuzzier.

    python bench/entities.py [--set corpus|shared|all] [--show-errors]
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer.entities import extract_entities  # noqa: E402
from indexer.vietnamese import normalize  # noqa: E402

TYPES = ("agencies", "locations", "provinces")
LABEL_FILES = {"corpus": "entities_corpus.jsonl", "shared": "entities_shared.jsonl"}
SHARED_CORPORA = {"dantri_unc": "dantri_unc.jsonl.gz", "vntc": "vntc.jsonl.gz"}


def _key(name: str) -> str:
    name = normalize(name).strip()
    return name[:1].lower() + name[1:]


def _load_labels(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _corpus_articles(refs: list[str]) -> dict[str, tuple[str, str, str | None, datetime | None]]:
    """Articles of the project's corpus by ref, through the lead's readers."""
    from indexer.readers import read_paths  # the readers normalise and clean

    out: dict[str, tuple[str, str, str | None, datetime | None]] = {}
    by_file: dict[str, set[str]] = {}
    for ref in refs:
        path, _, rid = ref.partition("#")
        by_file.setdefault(path, set()).add(rid)
    for path, ids in by_file.items():
        full = ROOT / path
        if not full.exists():
            continue
        for art in read_paths([full]):
            if not hasattr(art, "body"):
                continue
            rid = art.id if "" not in ids else ""
            if rid in ids:
                ref = f"{path}#{rid}" if rid else path
                out[ref] = (art.title, art.body, art.source, art.published)
    return out


def _shared_articles(refs: list[str], shared: Path) -> dict[str, tuple[str, str, str | None, datetime | None]]:
    out: dict[str, tuple[str, str, str | None, datetime | None]] = {}
    wanted: dict[str, set[str]] = {}
    for ref in refs:
        name, _, rid = ref.partition(":")
        wanted.setdefault(name, set()).add(rid)
    for name, ids in wanted.items():
        path = shared / "corpora" / SHARED_CORPORA.get(name, f"{name}.jsonl.gz")
        if not path.exists():
            continue
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                if rec.get("id") in ids:
                    date = rec.get("date")
                    published = datetime.fromisoformat(date) if date else None
                    out[f"{name}:{rec['id']}"] = (normalize(rec.get("title", "")), normalize(rec.get("body", "")),
                                                   rec.get("source"), published)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", choices=("corpus", "shared", "all"), default="all",
                        help="which label file to score (default: all)")
    parser.add_argument("--labels", type=Path, default=ROOT / "tests" / "data",
                        help="folder of the label files (default: tests/data)")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                        help="the shared data folder (default: ../shared beside the repo)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "entities.json",
                        help="where to write the JSON results")
    parser.add_argument("--repeat", type=int, default=5,
                        help="timing runs per article; the median is reported (default: 5)")
    parser.add_argument("--show-errors", action="store_true",
                        help="print the missed and spurious names of each article")
    args = parser.parse_args(argv)

    sets = ("corpus", "shared") if args.set == "all" else (args.set,)
    labels: list[tuple[str, dict[str, Any]]] = []
    articles: dict[str, tuple[str, str, str | None, datetime | None]] = {}
    files_used: list[str] = []
    for name in sets:
        path = args.labels / LABEL_FILES[name]
        if not path.exists():
            print(f"skip {name}: {path} does not exist")
            continue
        rows = _load_labels(path)
        refs = [row["ref"] for row in rows]
        if name == "shared":
            if not args.shared.is_dir():
                print(f"skip shared: {args.shared} is missing (the shared corpora live beside the repo)")
                continue
            articles.update(_shared_articles(refs, args.shared))
        else:
            articles.update(_corpus_articles(refs))
        labels.extend((name, row) for row in rows)
        files_used.append(str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path))
    if not labels:
        print("no label files to score")
        return 1

    counts = {(s, t): [0, 0, 0] for s in (*sets, "all") for t in TYPES}  # tp, fp, fn
    times: list[float] = []
    missing: list[str] = []
    per_article: list[dict[str, Any]] = []
    for set_name, row in labels:
        ref = row["ref"]
        art = articles.get(ref)
        if art is None:
            missing.append(ref)
            continue
        title, body, source, published = art
        runs = []
        for _ in range(max(1, args.repeat)):
            t0 = time.perf_counter()
            ents = extract_entities(title, body, source, published)
            runs.append(time.perf_counter() - t0)
        times.append(statistics.median(runs))
        detail: dict[str, Any] = {"ref": ref}
        for t in TYPES:
            got = {_key(x) for x in getattr(ents, t)}
            want = {_key(x) for x in row.get(t, [])}
            tp, fp, fn = len(got & want), len(got - want), len(want - got)
            for s in (set_name, "all"):
                c = counts[(s, t)]
                c[0] += tp
                c[1] += fp
                c[2] += fn
            detail[t] = {"missed": sorted(want - got), "spurious": sorted(got - want)}
            if args.show_errors and (fp or fn):
                print(f"{ref} [{t}]\n   missed:   {sorted(want - got)}\n   spurious: {sorted(got - want)}")
        per_article.append(detail)

    def prf(c: list[int]) -> dict[str, float]:
        tp, fp, fn = c
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                "tp": tp, "fp": fp, "fn": fn}

    results: dict[str, Any] = {"label_files": files_used, "articles": len(times),
                               "missing_refs": missing, "scores": {}}
    print(f"\n{'set':8} {'type':10} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}")
    for s in (*sets, "all") if len(sets) > 1 else sets:
        if not any(counts[(s, t)] != [0, 0, 0] for t in TYPES):
            continue
        results["scores"][s] = {}
        for t in TYPES:
            m = prf(counts[(s, t)])
            results["scores"][s][t] = m
            print(f"{s:8} {t:10} {m['precision']:6.3f} {m['recall']:6.3f} {m['f1']:6.3f} "
                  f"{m['tp']:5d} {m['fp']:5d} {m['fn']:5d}")
    median_ms = statistics.median(times) * 1000 if times else 0.0
    results["median_ms_per_article"] = round(median_ms, 3)
    results["per_article"] = per_article
    print(f"\narticles scored: {len(times)}; median extraction time {median_ms:.3f} ms per article")
    if missing:
        print(f"not found ({len(missing)}): {', '.join(missing[:10])}{' ...' if len(missing) > 10 else ''}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
