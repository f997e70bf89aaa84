"""Draw a new labelled-set sample of the shared corpora, reproducibly.

The entity sets under ``tests/data/`` are judged by hand-made labels; this
script makes the *choice* of articles a recipe anyone can rerun, so a new
development or held-out set is drawn the same way as the last one and never
overlaps it.  It prints one ``ref`` a line (``dantri_unc:<id>`` or
``vntc:<id>``); with ``--export DIR`` it also writes each article's title and
body to ``DIR/<n>.txt`` for the labellers.  Export outside the repository:
the text is the corpora's, only the labels are ours to commit.

The recipe (``tests/data/README.md`` describes it in words):

1. All text is normalised with ``indexer.vietnamese.normalize``; eligible
   articles have a body of 150–900 words.
2. A "keyword" article has a capitalised word or a number right after one of
   the agency or place heads in ``HEADS``; every other eligible article is a
   "no-keyword" article (they test precision).
3. Dân Trí: records sorted by id and grouped by category; per category a
   keyword pool and then a no-keyword pool are shuffled; keyword articles are
   taken round-robin over the sorted categories, then the first no-keyword
   article of the categories in ``NO_KEYWORD_CATEGORIES`` order.
4. VNTC: records sorted by id; the keyword pool and then the no-keyword pool
   are shuffled; the first keyword and no-keyword articles are taken.

    python bench/entity_sample.py --seed 52311 --dantri 40 4 --vntc 14 2 \\
        --export /tmp/label-dev2 > /tmp/dev2.refs
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer.vietnamese import normalize  # noqa: E402

HEADS = ("UBND", "Ủy ban nhân dân", "Sở", "Bộ", "Công an", "tỉnh", "huyện", "xã", "phường", "TAND",
         "Viện kiểm sát", "Cục", "Chi cục", "Tỉnh ủy", "Thành ủy", "Ban", "Trung tâm", "Hội đồng")
KEYWORD = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(h) for h in HEADS) + r")\s+(?:[A-ZĐÀ-Ỹ]|\d)")
NO_KEYWORD_CATEGORIES = ("the-gioi", "the-thao", "giai-tri", "suc-manh-so", "du-lich", "kinh-doanh")


def _eligible(path: Path, exclude: set[str], name: str) -> list[dict[str, str]]:
    rows = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if f"{name}:{rec['id']}" in exclude:
                continue
            body = normalize(rec.get("body") or "")
            if 150 <= len(body.split()) <= 900:
                title = normalize(rec.get("title") or "")
                rows.append({"id": rec["id"], "title": title, "body": body,
                             "group": rec.get("category") or "", "date": rec.get("date") or "",
                             "source": rec.get("source") or ""})
    rows.sort(key=lambda r: r["id"])
    return rows


def _split(rows: list[dict[str, str]], rng: random.Random) -> tuple[list, list]:
    keyword: list[dict[str, str]] = []
    plain: list[dict[str, str]] = []
    for r in rows:
        (keyword if KEYWORD.search(r["title"]) or KEYWORD.search(r["body"]) else plain).append(r)
    rng.shuffle(keyword)
    rng.shuffle(plain)
    return keyword, plain


def sample(shared: Path, seed: int, dantri: tuple[int, int], vntc: tuple[int, int],
           exclude: set[str]) -> list[tuple[str, dict[str, str]]]:
    """(ref, record) of the chosen articles, in the order of the recipe."""
    rng = random.Random(seed)
    chosen: list[tuple[str, dict[str, str]]] = []
    rows = _eligible(shared / "corpora" / "dantri_unc.jsonl.gz", exclude, "dantri_unc")
    groups = sorted({r["group"] for r in rows})
    pools = {g: _split([r for r in rows if r["group"] == g], rng) for g in groups}
    picked = 0
    while picked < dantri[0] and any(pools[g][0] for g in groups):
        for g in groups:
            if picked < dantri[0] and pools[g][0]:
                chosen.append(("dantri_unc:" + (rec := pools[g][0].pop(0))["id"], rec))
                picked += 1
    for g in [g for g in NO_KEYWORD_CATEGORIES if g in pools][:dantri[1]]:
        if pools[g][1]:
            chosen.append(("dantri_unc:" + (rec := pools[g][1].pop(0))["id"], rec))
    keyword, plain = _split(_eligible(shared / "corpora" / "vntc.jsonl.gz", exclude, "vntc"), rng)
    chosen += [("vntc:" + r["id"], r) for r in keyword[:vntc[0]] + plain[:vntc[1]]]
    return chosen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--dantri", type=int, nargs=2, default=(40, 4), metavar=("KEYWORD", "PLAIN"))
    parser.add_argument("--vntc", type=int, nargs=2, default=(14, 2), metavar=("KEYWORD", "PLAIN"))
    parser.add_argument("--exclude", type=Path, nargs="*", default=sorted((ROOT / "tests" / "data").glob("*.jsonl")),
                        help="label files (or files of bare refs) whose articles are left out "
                             "(default: every tests/data/*.jsonl)")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--export", type=Path, help="write each article's text to DIR/<n>.txt for labelling")
    args = parser.parse_args(argv)
    exclude: set[str] = set()
    for path in args.exclude:
        with open(path, encoding="utf-8") as fh:
            for line in fh:  # a label file's JSON lines, or bare refs one a line
                line = line.strip()
                if line:
                    exclude.add(json.loads(line)["ref"] if line.startswith("{") else line)
    chosen = sample(args.shared, args.seed, tuple(args.dantri), tuple(args.vntc), exclude)
    if args.export:
        args.export.mkdir(parents=True, exist_ok=True)
    for n, (ref, rec) in enumerate(chosen, 1):
        print(ref)
        if args.export:
            text = f"ref: {ref}\nsource: {rec['source']}\ndate: {rec['date'] or 'unknown'}\n\n{rec['title']}\n\n{rec['body']}\n"
            (args.export / f"{n:02d}.txt").write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
