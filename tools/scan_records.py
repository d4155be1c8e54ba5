"""Records for a fixed random sample of IndoSum articles, to compare two versions of warta.

    PYTHONPATH=<src of version A> python tools/scan_records.py --out a.json [--n 400] [--seed 1]
    PYTHONPATH=<src of version B> python tools/scan_records.py --out b.json
    python tools/scan_records.py --diff a.json b.json      # speakers and entities that changed

Used for the breadth checks of the fourth session's quote and entity changes (docs/accuracy.md):
nothing here is gold; each listed change was read by hand.
"""
from __future__ import annotations

import argparse
import glob
import json
import random
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def scan(out: str, n: int, seed: int, indosum: str) -> None:
    from warta.io.indosum import article_text, published_from_id
    from warta.pipeline import load, prepare_doc, record_from_doc

    seen, arts = set(), []
    for path in sorted(glob.glob(f"{indosum}/dev.*.jsonl")):
        for line in open(path, encoding="utf-8"):
            art = json.loads(line)
            if art["id"] not in seen:
                seen.add(art["id"])
                arts.append(art)
    random.Random(seed).shuffle(arts)
    nlp = load()
    rows = []
    for art in arts[:n]:
        text = article_text(art["paragraphs"])
        rec = record_from_doc(nlp(prepare_doc(nlp, text, published=published_from_id(art["id"]))))
        rows.append({"id": art["id"], "text": text, "record": json.loads(rec.to_json())})
    Path(out).write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")


def diff(a_path: str, b_path: str) -> None:
    a, b = json.loads(Path(a_path).read_text()), json.loads(Path(b_path).read_text())
    spk, ents_a, ents_b = 0, Counter(), Counter()
    for x, y in zip(a, b):
        na = {e["id"]: e["name"] for e in x["record"]["entities"]}
        nb = {e["id"]: e["name"] for e in y["record"]["entities"]}
        qa = {(q["start"], q["kind"]): q for q in x["record"]["quotes"]}
        for q in y["record"]["quotes"]:
            old = qa.get((q["start"], q["kind"]))
            if old is not None and na.get(old["speaker"]) != nb.get(q["speaker"]):
                spk += 1
                print(f"speaker  {na.get(old['speaker'])!r} -> {nb.get(q['speaker'])!r}  | {q['text'][:60]!r}")
        ents_a.update((e["name"], e["type"]) for e in x["record"]["entities"])
        ents_b.update((e["name"], e["type"]) for e in y["record"]["entities"])
    print(f"{spk} speakers changed; entities only in A: {sum((ents_a - ents_b).values())}, only in B: "
          f"{sum((ents_b - ents_a).values())}")
    for (name, typ), k in (ents_b - ents_a).most_common(30):
        print(f"  + {typ} {name} ×{k}")
    for (name, typ), k in (ents_a - ents_b).most_common(30):
        print(f"  - {typ} {name} ×{k}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out")
    ap.add_argument("--n", type=int, default=400)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--indosum", default=str(ROOT.parent / "shared/data/indosum"))
    ap.add_argument("--diff", nargs=2)
    args = ap.parse_args()
    if args.diff:
        diff(*args.diff)
    else:
        scan(args.out, args.n, args.seed, args.indosum)


if __name__ == "__main__":
    main()
