"""Mean tone per IndoSum category under raw InSet and the shipped news lexicon (a sanity check
without gold: main news should read more negative than technology).

    python training/tone/categories.py [--n 1500]
"""
import argparse
import glob
import json
import statistics
from collections import defaultdict
from pathlib import Path

from warta.components.tone import inset_lexicon, tone_of_words
from warta.io.indosum import article_text
from warta.tokenizer import blank

ROOT = Path(__file__).resolve().parents[2]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1500)
    ap.add_argument("--indosum", default=str(ROOT.parent / "shared/data/indosum"))
    args = ap.parse_args()
    nlp, seen = blank(), set()
    by = defaultdict(lambda: ([], []))
    for path in sorted(glob.glob(f"{args.indosum}/dev.*.jsonl")):
        for line in open(path, encoding="utf-8"):
            art = json.loads(line)
            if art["id"] in seen or len(seen) >= args.n:
                continue
            seen.add(art["id"])
            words = [t.lower_ for t in nlp.make_doc(article_text(art["paragraphs"])) if t.is_alpha]
            by[art["category"]][0].append(tone_of_words(words, inset_lexicon()).score)
            by[art["category"]][1].append(tone_of_words(words).score)
    for cat, (raw, news) in sorted(by.items()):
        print(f"{cat:12s} n={len(raw):4d}  inset mean {statistics.mean(raw):6.2f}  news mean {statistics.mean(news):6.2f}"
              f"  news share < 0: {sum(x < 0 for x in news) / len(news):.2f}")


if __name__ == "__main__":
    main()
