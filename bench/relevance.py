"""Relevance benchmark: known-item search on VNTC and question retrieval on
ViNewsQA, ours next to SQLite FTS5 measured in the same run.

Known-item (a reader looking for an article they remember): a random
sample of VNTC articles is indexed; for random targets among them, queries
are made of 2-4 of the target's most discriminative pyvi words (tf-idf
over the sample), typed five ways:

- exact: the words as the article writes them;
- no diacritics: the same, folded (``khoa hoc``);
- other tone: the same words in the other tone-mark convention (only
  targets with an ``oa``/``oe``/``uy`` syllable among their words);
- phrase: a remembered run of 4-6 syllables from the body, around one of
  the salient words (what a reader remembers is the passage about what
  made the article memorable);
- phrase, no diacritics.

Questions: the ViNewsQA dev questions against its 500 health articles mixed
into VNTC distractors.  Metrics: MRR@10 and success@1 per variant.

The peer is SQLite FTS5 with ``unicode61 remove_diacritics 2`` and bm25,
the query's words joined with OR (FTS5's implicit AND returns nothing for
most questions).  Nothing here is tuned to the sample: targets, words and
phrases are drawn with a fixed seed, and the engine runs with its defaults.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import multiprocessing
import random
import re
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from indexer.vietnamese import fold, normalize  # noqa: E402

_WORD_RE = re.compile(r"^[^\W\d_]+(?:_[^\W\d_]+)*$")
_TONED = {"a": "áàảãạ", "e": "éèẻẽẹ", "y": "ýỳỷỹỵ"}
_FIRST = {"o": "óòỏõọ", "u": "úùủũụ"}
_TRADITIONAL_RE = re.compile(r"([óòỏõọÓÒỎÕỌ](?=[aeAE])|[úùủũụÚÙỦŨỤ](?=[yY]))([aeyAEY])(?![^\W\d_])")


def _read_jsonl(path: Path) -> Iterator[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            yield json.loads(line)


def _to_new_style(match: re.Match[str]) -> str:
    first, second = match.groups()
    if first.lower() in _FIRST["u"] and match.start() and match.string[match.start() - 1] in "qQ":
        return match.group(0)  # quý
    base = "o" if first.lower() in _FIRST["o"] else "u"
    tone = _FIRST[base].index(first.lower())
    toned = _TONED[second.lower()][tone]
    return (base.upper() if first.isupper() else base) + (toned.upper() if second.isupper() else toned)


def other_tone_convention(text: str) -> str:
    """The text in the other tone-mark convention: traditional ``hòa`` →
    new-style ``hoà``, and new-style back to traditional."""
    new_style = _TRADITIONAL_RE.sub(_to_new_style, text)
    return new_style if new_style != text else normalize(text)


def has_tone_variant(text: str) -> bool:
    return other_tone_convention(text) != text


# -- sampling ------------------------------------------------------------------

def sample_vntc(n: int, seed: int, corpus: str = "vntc") -> list[dict]:
    """``n`` random articles of a shared corpus with a body, no two with the same body."""
    records = [r for r in _read_jsonl(SHARED / "corpora" / f"{corpus}.jsonl.gz") if len(r["body"].split()) >= 80]
    rng = random.Random(seed)
    rng.shuffle(records)
    seen: set[str] = set()
    out = []
    for r in records:
        key = r["body"].strip()
        if key in seen:
            continue
        seen.add(key)
        out.append({"id": r["id"], "title": r["title"], "body": r["body"], "source": r["source"]})
        if len(out) == n:
            break
    return out


def _segment(text: str) -> list[str]:
    from pyvi import ViTokenizer

    return [w for w in ViTokenizer.tokenize(normalize(text)).split() if _WORD_RE.match(w) and len(w) > 1]


def segment_all(texts: list[str], procs: int = 2) -> list[list[str]]:
    with multiprocessing.get_context("fork").Pool(procs) as pool:
        return pool.map(_segment, texts, chunksize=64)


def known_item_queries(sample: list[dict], n_targets: int, seed: int) -> dict[str, list[tuple[str, str]]]:
    """Queries per variant: (query, target id)."""
    rng = random.Random(seed)
    texts = [r["title"] + "\n" + r["body"] for r in sample]
    print(f"segmenting {len(texts)} articles with pyvi for tf-idf ...", file=sys.stderr)
    words = segment_all(texts)
    df: Counter[str] = Counter()
    for ws in words:
        df.update({w.lower() for w in ws})
    n_docs = len(sample)
    targets = rng.sample(range(len(sample)), n_targets)
    variants: dict[str, list[tuple[str, str]]] = {k: [] for k in
                                                  ("exact", "no_diacritics", "other_tone", "phrase", "phrase_no_diacritics")}
    for t in targets:
        record = sample[t]
        tf = Counter(w.lower() for w in words[t])
        forms = {}
        for w in words[t]:
            forms.setdefault(w.lower(), w)
        scored = sorted(tf, key=lambda w: (-tf[w] * math.log(n_docs / df[w]), w))
        top = [forms[w].replace("_", " ") for w in scored[:8] if df[w] < n_docs * 0.05]
        if len(top) >= 2:
            chosen = rng.sample(top, min(len(top), rng.randint(2, 4)))
            query = " ".join(chosen)
            variants["exact"].append((query, record["id"]))
            variants["no_diacritics"].append((fold(query), record["id"]))
        toned = [w for w in top if has_tone_variant(w)]
        if toned and len(top) >= 2:
            others = [w for w in top if w not in toned]
            chosen = [rng.choice(toned)] + rng.sample(others, min(len(others), rng.randint(1, 3)))
            rng.shuffle(chosen)
            variants["other_tone"].append((other_tone_convention(" ".join(chosen)), record["id"]))
        phrase = remembered_phrase(record["body"], rng, top)
        if phrase:
            variants["phrase"].append((phrase, record["id"]))
            variants["phrase_no_diacritics"].append((fold(phrase), record["id"]))
    return variants


def remembered_phrase(body: str, rng: random.Random, salient: list[str]) -> str | None:
    """A run of 4-6 syllables inside one sentence, letters only, around one
    of the article's salient words: what a reader remembers is the passage
    about the thing that made the article memorable, not "của các"."""
    text = normalize(body)
    sentences = [s.split() for s in re.split(r"[.!?;:\n,()\"]", text) if len(s.split()) >= 6]
    words_of = {tuple(normalize(w).lower().split()) for w in salient}
    spans = []
    for words in sentences:
        lower = [w.lower() for w in words]
        for size in (4, 5, 6):
            for start in range(0, len(words) - size + 1):
                run = words[start:start + size]
                if not all(re.fullmatch(r"[^\W\d_]+", w) for w in run):
                    continue
                window = lower[start:start + size]
                if any(tuple(window[i:i + len(k)]) == k for k in words_of for i in range(size - len(k) + 1)):
                    spans.append(" ".join(run))
    return rng.choice(spans) if spans else None


def vinewsqa() -> tuple[list[dict], list[tuple[str, str]]]:
    base = SHARED / "eval"
    corpus = [{"id": r["id"], "title": r["title"], "body": r["body"], "source": "ViNewsQA"}
              for r in _read_jsonl(base / "vinewsqa_dev_corpus.jsonl.gz")]
    queries = {r["id"]: r["text"] for r in _read_jsonl(base / "vinewsqa_dev_queries.jsonl.gz")}
    qrels = {}
    with gzip.open(base / "vinewsqa_dev_qrels.tsv.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 4 and parts[3] != "0":
                qrels[parts[0]] = parts[2]
    return corpus, [(queries[q], doc) for q, doc in qrels.items() if q in queries]


# -- systems ---------------------------------------------------------------------

def build_ours(records: list[dict], folder: Path) -> Callable[[str], list[str]]:
    from indexer import SearchRequest, open_backend, writing

    if not (folder / "index" / "CURRENT").exists():
        data = folder / "articles.jsonl.gz"
        with gzip.open(data, "wt", encoding="utf-8") as fh:
            for r in records:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        writing.build(folder / "index", [data], progress=False, keep_duplicates=True)
    backend = open_backend(str(folder / "index"))

    def search(query: str) -> list[str]:
        results = backend.search(SearchRequest(query=query, per_page=10, facets=False))
        return [h.id for h in results.hits]

    return search


def build_fts5(records: list[dict], folder: Path) -> Callable[[str], list[str]]:
    path = folder / "fts.db"
    fresh = not path.exists()
    db = sqlite3.connect(str(path), check_same_thread=False)
    if not fresh:
        return _fts_search(db)
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body, "
               "tokenize='unicode61 remove_diacritics 2')")
    db.executemany("INSERT INTO docs VALUES (?, ?, ?)", [(r["id"], r["title"], r["body"]) for r in records])
    db.commit()
    return _fts_search(db)


def _fts_search(db: sqlite3.Connection) -> Callable[[str], list[str]]:
    def search(query: str) -> list[str]:
        tokens = re.findall(r"[^\W_]+", query)
        if not tokens:
            return []
        match = " OR ".join(f'"{t}"' for t in tokens)
        rows = db.execute("SELECT id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT 10", (match,))
        return [r[0] for r in rows]

    return search


def evaluate(search: Callable[[str], list[str]], queries: list[tuple[str, str]]) -> dict[str, float]:
    rr = 0.0
    s1 = 0
    times = []
    for query, target in queries:
        started = time.perf_counter()
        hits = search(query)
        times.append(time.perf_counter() - started)
        if target in hits:
            rank = hits.index(target) + 1
            rr += 1.0 / rank
            s1 += rank == 1
    n = max(1, len(queries))
    times.sort()
    return {"mrr@10": rr / n, "success@1": s1 / n, "queries": len(queries),
            "median_ms": 1000 * times[len(times) // 2] if times else 0.0}


GOALS = {"exact": 0.80, "no_diacritics": 0.70, "other_tone": 0.75, "phrase": 0.92,
         "phrase_no_diacritics": 0.90, "questions": 0.65}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sample", type=int, default=10_000, help="VNTC articles indexed for known-item search")
    parser.add_argument("--targets", type=int, default=300, help="known-item targets")
    parser.add_argument("--distractors", type=int, default=5_000, help="VNTC articles mixed into ViNewsQA")
    parser.add_argument("--questions", type=int, default=0, help="use only this many questions (0: all)")
    parser.add_argument("--seed", type=int, default=20261126)
    parser.add_argument("--corpus", default="vntc", choices=["vntc", "dantri_unc"],
                        help="known-item corpus (dantri_unc: another outlet and decade, 2,653 articles)")
    parser.add_argument("--skip-fts", action="store_true")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "relevance.json")
    parser.add_argument("--workdir", type=Path, help="keep the indexes and queries here and reuse them next time")
    args = parser.parse_args(argv)
    if not (SHARED / "corpora" / "vntc.jsonl.gz").exists():
        print(f"{SHARED} is absent: the benchmark needs the shared corpora", file=sys.stderr)
        return 2

    results: dict[str, dict[str, dict[str, float]]] = {}
    with tempfile.TemporaryDirectory(prefix="relevance-") as tmp:
        tmp_path = args.workdir or Path(tmp)
        tmp_path.mkdir(parents=True, exist_ok=True)
        sample = sample_vntc(args.sample, args.seed, args.corpus)
        cached = tmp_path / "queries.json"
        if cached.exists():
            variants = json.loads(cached.read_text(encoding="utf-8"))
        else:
            variants = known_item_queries(sample, args.targets, args.seed)
            cached.write_text(json.dumps(variants, ensure_ascii=False), encoding="utf-8")
        (tmp_path / "ki").mkdir(exist_ok=True)
        print(f"indexing {len(sample)} {args.corpus} articles ...", file=sys.stderr)
        systems = {"ours": build_ours(sample, tmp_path / "ki")}
        if not args.skip_fts:
            systems["fts5"] = build_fts5(sample, tmp_path / "ki")
        for name, queries in variants.items():
            results[name] = {system: evaluate(fn, queries) for system, fn in systems.items()}

        corpus, questions = vinewsqa()
        if args.questions:
            questions = random.Random(args.seed).sample(questions, min(args.questions, len(questions)))
        distractors = sample_vntc(args.sample + args.distractors, args.seed + 1)[-args.distractors:]
        (tmp_path / "qa").mkdir(exist_ok=True)
        print(f"indexing {len(corpus)} ViNewsQA articles + {len(distractors)} VNTC distractors ...", file=sys.stderr)
        qa_systems = {"ours": build_ours(corpus + distractors, tmp_path / "qa")}
        if not args.skip_fts:
            qa_systems["fts5"] = build_fts5(corpus + distractors, tmp_path / "qa")
        results["questions"] = {system: evaluate(fn, questions) for system, fn in qa_systems.items()}

    print(f"\nknown-item: {len(sample):,} {args.corpus} articles, {args.targets} targets (seed {args.seed}); "
          f"questions: ViNewsQA dev + {args.distractors:,} VNTC distractors")
    header = f"{'variant':<22}{'n':>6}{'MRR@10':>9}{'S@1':>7}{'FTS5 MRR':>10}{'FTS5 S@1':>10}{'goal':>7}  met"
    print(header)
    print("-" * len(header))
    for name, by_system in results.items():
        ours = by_system["ours"]
        fts = by_system.get("fts5", {"mrr@10": float("nan"), "success@1": float("nan")})
        met = ours["mrr@10"] >= GOALS[name] and (args.skip_fts or ours["mrr@10"] > fts["mrr@10"])
        print(f"{name:<22}{ours['queries']:>6}{ours['mrr@10']:>9.3f}{ours['success@1']:>7.3f}"
              f"{fts['mrr@10']:>10.3f}{fts['success@1']:>10.3f}{GOALS[name]:>7.2f}  {'yes' if met else 'NO'}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"args": {k: str(v) for k, v in vars(args).items()}, "results": results},
                                   ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
