"""Draw the articles of the tone gold (``tests/data/tone-gold.jsonl``) from IndoSum.

    python training/tone/select_articles.py --seed 4242 --n 80 --skip-breadth-seen > training/tone/articles.jsonl

Articles are deduplicated by id, kept when 80–700 words long, and exclude every article of any
other gold file in ``tests/data`` and of the times/places breadth lists, so the tone gold shares no
article with another gold set. The draw is stratified by IndoSum category (round-robin over the
shuffled categories) so sport, entertainment and technology news are not swamped by politics, and
each article is assigned to ``dev`` or ``test`` alternately after a second shuffle.

The first draw (dev/test, at commit cc1d554) was made with ``--skip-breadth-seen``; by the
second, the times/places breadth lists covered every IndoSum article, and since they concern
times and places only, later draws skip just the gold files (which include the first tone gold):

    python training/tone/select_articles.py --seed 4343 --n 60 --split test2 > training/tone/articles-test2.jsonl
"""
from __future__ import annotations

import argparse
import glob
import json
import random
import re
from collections import defaultdict
from pathlib import Path

from warta.io.indosum import article_text, published_from_id

ROOT = Path(__file__).resolve().parents[2]


def used_ids() -> set[str]:
    ids: set[str] = set()
    for path in glob.glob(str(ROOT / "tests/data/*.jsonl")) + glob.glob(str(ROOT / "training/events/articles*.jsonl")) \
            + glob.glob(str(ROOT / "tools/gold/tp_articles.jsonl")):
        for line in open(path, encoding="utf-8"):
            ids.update(re.findall(r'"(1[45]\d{8}-[^"]+)"', line))
    return ids


def breadth_seen() -> set[str]:
    seen = ROOT / "tools/gold/breadth-seen.txt"
    return {w for w in seen.read_text().split() if re.match(r"1[45]\d{8}-", w)} if seen.exists() else set()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=4242)
    ap.add_argument("--n", type=int, default=80)
    ap.add_argument("--skip-breadth-seen", action="store_true",
                    help="also skip the articles the times/places breadth runs listed (used for the first draw)")
    ap.add_argument("--split", default=None, help="put every article in this split (default: alternate dev / test)")
    ap.add_argument("--indosum", default=str(ROOT.parent / "shared/data/indosum"))
    args = ap.parse_args()
    taken = used_ids() | (breadth_seen() if args.skip_breadth_seen else set())
    by_cat: dict[str, list[dict]] = defaultdict(list)
    seen: set[str] = set()
    for path in sorted(glob.glob(f"{args.indosum}/dev.*.jsonl")):
        for line in open(path, encoding="utf-8"):
            row = json.loads(line)
            if row["id"] in seen or row["id"] in taken:
                continue
            seen.add(row["id"])
            text = article_text(row["paragraphs"])
            if 80 <= len(text.split()) <= 700:
                by_cat[row["category"]].append({"id": row["id"], "category": row["category"],
                                                "published": published_from_id(row["id"]), "text": text})
    rng = random.Random(args.seed)
    cats = sorted(by_cat)
    for c in cats:
        rng.shuffle(by_cat[c])
    picked: list[dict] = []
    while len(picked) < args.n and any(by_cat.values()):
        for c in cats:
            if by_cat[c] and len(picked) < args.n:
                picked.append(by_cat[c].pop())
    rng.shuffle(picked)
    for k, art in enumerate(picked):
        art["split"] = args.split or ("dev" if k % 2 == 0 else "test")
        print(json.dumps(art, ensure_ascii=False, default=str))


if __name__ == "__main__":
    main()
