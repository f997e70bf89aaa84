"""Quality and speed of the entity extractor against the labelled sets.

Thirty-four label files live in ``tests/data/``: ``entities_corpus.jsonl`` (the
project's corpus, refs ``corpus/<path>`` or ``corpus/jsonl/<file>#<id>``,
read with the project's readers), ``entities_dev.jsonl`` (the development
set), and ``entities_shared.jsonl`` and ``entities_test2.jsonl`` to
``entities_test32.jsonl`` (the thirty-two held-out test sets; refs
``dantri_unc:<id>`` / ``vntc:<id>``, read from ``../shared/corpora``).  Runs
``extract_entities`` on each article and prints micro-averaged precision,
recall and F1 for agencies, locations and provinces, one table per set plus
"held-out" (the held-out sets pooled, what the goals are judged on) and
"all", with the median extraction time per article.  Names are compared
after ``normalize``, with the first letter's case ignored; nothing fuzzier.

The test sets are for measuring, not tuning: ``--show-errors`` lists the
per-article errors of the corpus and dev sets only, and the JSON keeps the
test sets' scores without their per-article errors, unless
``--show-test-errors`` is given on purpose.

    python bench/entities.py                       # every set, a table each
    python bench/entities.py --set dev --show-errors
    python bench/entities.py --labels my_labels.jsonl
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
#: The held-out sets beside ``shared``: test2 to test32, drawn and labelled over the sessions.
HELD_OUT = tuple(f"test{n}" for n in range(2, 33))
LABEL_FILES = {"corpus": "entities_corpus.jsonl", "dev": "entities_dev.jsonl",
               "shared": "entities_shared.jsonl", **{name: f"entities_{name}.jsonl" for name in HELD_OUT}}
ALIASES = {"test": "shared"}
TEST_SETS = frozenset({"shared", *HELD_OUT})
SHARED_CORPORA = {"dantri_unc": "dantri_unc.jsonl.gz", "vntc": "vntc.jsonl.gz"}

Article = tuple[str, str, "str | None", "datetime | None"]


def _key(name: str) -> str:
    name = normalize(name).strip()
    return name[:1].lower() + name[1:]


def _load_labels(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _is_shared_ref(ref: str) -> bool:
    return not ref.startswith("corpus/") and ":" in ref.split("#")[0]


def _corpus_articles(refs: list[str]) -> dict[str, Article]:
    """Articles of the project's corpus by ref, through the lead's readers."""
    from indexer.readers import read_paths  # the readers normalise and clean

    out: dict[str, Article] = {}
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


def _shared_articles(refs: list[str], shared: Path) -> dict[str, Article]:
    out: dict[str, Article] = {}
    wanted: dict[str, set[str]] = {}
    for ref in refs:
        name, _, rid = ref.partition(":")
        wanted.setdefault(name, set()).add(rid)
    for name, ids in wanted.items():
        path = shared / "corpora" / SHARED_CORPORA.get(name, f"{name}.jsonl.gz")
        if not path.exists():
            continue
        left = len(ids)
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                if rec.get("id") in ids:
                    date = rec.get("date")
                    published = datetime.fromisoformat(date) if date else None
                    out[f"{name}:{rec['id']}"] = (normalize(rec.get("title", "")), normalize(rec.get("body", "")),
                                                   rec.get("source"), published)
                    left -= 1
                    if not left:
                        break
    return out


def _label_files(paths: list[Path], sets: list[str]) -> list[tuple[str, Path]]:
    """(set name, file) to score.  A folder gives the standard files of the
    chosen sets; a file is scored under the name in ``entities_<name>.jsonl``
    (or its stem)."""
    out: list[tuple[str, Path]] = []
    for path in paths:
        if path.is_dir():
            for name in sets:
                file = path / LABEL_FILES[name]
                if file.exists():
                    out.append((name, file))
                else:
                    print(f"skip {name}: {file} does not exist")
        elif path.exists():
            stem = path.name.removesuffix(".jsonl")
            name = stem.removeprefix("entities_") if stem.startswith("entities_") else stem
            out.append((ALIASES.get(name, name), path))
        else:
            print(f"skip {path}: it does not exist")
    return out


def _prf(c: list[int]) -> dict[str, float]:
    tp, fp, fn = c
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="\n\n".join(__doc__.split("\n\n")[2:]))
    parser.add_argument("--set", nargs="+", choices=(*LABEL_FILES, *ALIASES, "all"), default=["all"],
                        help="which label sets to score: corpus, dev, shared (= test) and test2 to test32 (the held-out sets) "
                             "or all (default: all)")
    parser.add_argument("--labels", nargs="+", type=Path, default=[ROOT / "tests" / "data"], metavar="PATH",
                        help="label files, or folders holding the standard ones (default: tests/data)")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                        help="the shared data folder (default: ../shared beside the repo)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "entities.json",
                        help="where to write the JSON results")
    parser.add_argument("--repeat", type=int, default=5,
                        help="timing runs per article; the median is reported (default: 5)")
    parser.add_argument("--show-errors", action="store_true",
                        help="print the missed and spurious names of each article (corpus and dev sets)")
    parser.add_argument("--show-test-errors", action="store_true",
                        help="also print and store the per-article errors of the held-out test set "
                             "(for the final report only: never tune on them)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _parse_args(argv)
    chosen = [ALIASES.get(s, s) for s in args.set]
    sets = list(LABEL_FILES) if "all" in chosen else list(dict.fromkeys(chosen))
    files = _label_files(args.labels, sets)  # a file named on purpose is scored whatever --set says
    labels: list[tuple[str, dict[str, Any]]] = []
    files_used: list[str] = []
    for name, path in files:
        rows = _load_labels(path)
        if any(_is_shared_ref(r["ref"]) for r in rows) and not args.shared.is_dir():
            print(f"skip {name}: {args.shared} is missing (the shared corpora live beside the repo)")
            continue
        labels.extend((name, row) for row in rows)
        files_used.append(str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path))
    if not labels:
        print("no label files to score")
        return 1
    refs = [row["ref"] for _, row in labels]
    articles = _shared_articles([r for r in refs if _is_shared_ref(r)], args.shared)
    articles.update(_corpus_articles([r for r in refs if not _is_shared_ref(r)]))

    names = list(dict.fromkeys(name for name, _ in labels))
    # "held-out": every held-out set pooled, the figure the goals are judged on.
    pooled = ("held-out",) if len(TEST_SETS & set(names)) > 1 else ()
    counts = {(s, t): [0, 0, 0] for s in (*names, *pooled, "all") for t in TYPES}  # tp, fp, fn
    times: dict[str, list[float]] = {s: [] for s in (*names, *pooled, "all")}
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
        into = (set_name, *(pooled if set_name in TEST_SETS else ()), "all")
        for s in into:
            times[s].append(statistics.median(runs))
        sealed = set_name in TEST_SETS and not args.show_test_errors
        detail: dict[str, Any] = {"set": set_name, "ref": ref}
        for t in TYPES:
            got = {_key(x) for x in getattr(ents, t)}
            want = {_key(x) for x in row.get(t, [])}
            tp, fp, fn = len(got & want), len(got - want), len(want - got)
            for s in into:
                c = counts[(s, t)]
                c[0] += tp
                c[1] += fp
                c[2] += fn
            detail[t] = {"missed": sorted(want - got), "spurious": sorted(got - want)}
            if args.show_errors and not sealed and (fp or fn):
                print(f"{ref} [{t}]\n   missed:   {sorted(want - got)}\n   spurious: {sorted(got - want)}")
        if not sealed:
            per_article.append(detail)

    results: dict[str, Any] = {"label_files": files_used, "articles": len(times["all"]),
                               "missing_refs": missing, "scores": {}, "median_ms": {}}
    print(f"\n{'set':9} {'type':10} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5} {'n':>4} {'ms':>6}")
    for s in (*names, *pooled, "all") if len(names) > 1 else names:
        if not times[s]:
            continue
        results["scores"][s] = {}
        ms = statistics.median(times[s]) * 1000
        results["median_ms"][s] = round(ms, 3)
        for i, t in enumerate(TYPES):
            m = _prf(counts[(s, t)])
            results["scores"][s][t] = m
            extra = f" {len(times[s]):4d} {ms:6.2f}" if i == 0 else ""
            print(f"{s:9} {t:10} {m['precision']:6.3f} {m['recall']:6.3f} {m['f1']:6.3f} "
                  f"{m['tp']:5d} {m['fp']:5d} {m['fn']:5d}{extra}")
    median_ms = statistics.median(times["all"]) * 1000 if times["all"] else 0.0
    results["median_ms_per_article"] = round(median_ms, 3)
    results["per_article"] = per_article
    if any(s in TEST_SETS for s in names) and not args.show_test_errors:
        results["per_article_withheld"] = sorted(TEST_SETS & set(names))
    print(f"\narticles scored: {len(times['all'])}; median extraction time {median_ms:.3f} ms per article")
    if missing:
        print(f"not found ({len(missing)}): {', '.join(missing[:10])}{' ...' if len(missing) > 10 else ''}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
