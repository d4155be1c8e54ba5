"""Breadth check for candidate trigger forms (issue 11): how often each form occurs, with a few contexts,
over text no events rule was written from: PFSA-ID articles with index = 1 (mod 3) outside test7 / test8
and (issue 12) with index = 2 (mod 3) outside test9 / test10
(Kompas, CC BY-NC-SA: contexts are printed to the terminal only, never stored) and IndoSum dev folds.
Used to judge a lexicon row's precision before it is scored on the gold.

    python training/events/breadth.py mencopot dicopot "rapat terbatas" --show 3
"""
import argparse
import glob
import json
import re
from pathlib import Path

from warta.eval.events import pfsa_articles
from warta.io.indosum import article_text

HERE = Path(__file__).resolve().parent


def texts():
    held = {json.loads(l)["id"] for s in ("test7", "test8", "test9", "test10")
            for l in open(HERE / f"articles-{s}.jsonl")}
    for i, a in enumerate(pfsa_articles()):
        if i % 3 in (1, 2) and f"pfsa-{i}" not in held:
            yield "pfsa", a.text
    for f in sorted(glob.glob(str(HERE.parents[1].parent / "shared/data/indosum/dev.*.jsonl")))[:2]:
        for l in open(f):
            yield "indosum", article_text(json.loads(l)["paragraphs"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("forms", nargs="+")
    ap.add_argument("--show", type=int, default=3)
    args = ap.parse_args()
    pats = {f: re.compile(r"\b" + re.escape(f) + r"\b", re.I) for f in args.forms}
    hits = {f: {"pfsa": 0, "indosum": 0, "ctx": []} for f in args.forms}
    for src, t in texts():
        for f, p in pats.items():
            for m in p.finditer(t):
                hits[f][src] += 1
                if len(hits[f]["ctx"]) < args.show:
                    hits[f]["ctx"].append(f"[{src}] ..." + t[max(0, m.start() - 70):m.end() + 50].replace("\n", " ") + "...")
    for f, h in hits.items():
        print(f"{f}: pfsa {h['pfsa']}, indosum {h['indosum']}")
        for c in h["ctx"]:
            print("   ", c)


if __name__ == "__main__":
    main()
