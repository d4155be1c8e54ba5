"""Pick IndoSum political / international articles for the events gold and pre-annotate them.

Selection (deterministic): distinct 'tajuk utama' (headline news) articles of 4-14 sentences
that mention at least two actor words from INTERNATIONAL or DOMESTIC below and at least
one lexicon trigger; 24 international + 24 domestic, random.Random(2024) order; alternating dev/test.
Output: training/events/review.txt (for hand-checking) and training/events/preannotated.jsonl.
"""
import glob
import json
import random
import sys
from pathlib import Path

from warta.io.indosum import article_text, published_from_id
from warta.pipeline import load, prepare_doc

INTERNATIONAL = ["Korea Utara", "Trump", "Rusia", "Suriah", "Israel", "Palestina", "PBB", "Myanmar",
                 "Rohingya", "Tiongkok", "China", "Iran", "Amerika Serikat", "Putin", "Turki", "Qatar",
                 "Arab Saudi", "Filipina", "Malaysia", "ISIS", "Jepang", "Korea Selatan", "Venezuela", "Inggris"]
DOMESTIC = ["KPK", "DPR", "polisi", "Polri", "Jokowi", "demo", "unjuk rasa", "ditangkap", "tersangka",
            "Presiden", "Menteri", "Gubernur", "TNI", "Kejaksaan", "Ahok", "Pilkada"]

HERE = Path(__file__).resolve().parent


def main():
    seen = {}
    for f in sorted(glob.glob(str(HERE.parents[1].parent / "shared/data/indosum/dev.*.jsonl"))):
        for line in open(f):
            d = json.loads(line)
            seen.setdefault(d["id"], d)
    rng = random.Random(2024)
    ids = sorted(seen)
    rng.shuffle(ids)
    nlp = load()
    intl, dom = [], []
    for i in ids:
        d = seen[i]
        if d["category"] != "tajuk utama":
            continue
        n_sent = sum(len(p) for p in d["paragraphs"])
        if not 4 <= n_sent <= 14:
            continue
        text = article_text(d["paragraphs"])
        n_int = sum(k in text for k in INTERNATIONAL)
        n_dom = sum(k in text for k in DOMESTIC)
        pool = intl if n_int >= 2 else dom if n_dom >= 2 else None
        if pool is None or len(pool) >= 24:
            continue
        doc = nlp(prepare_doc(nlp, text, published=published_from_id(i)))
        if not doc._.events:
            continue
        pool.append((i, text, doc))
        if len(intl) >= 24 and len(dom) >= 24:
            break
    rows = []
    with open(HERE / "review.txt", "w") as out:
        for k, (i, text, doc) in enumerate([x for pair in zip(intl, dom) for x in pair]):
            split = "dev" if k % 2 == 0 else "test"
            sents = list(doc.sents)
            out.write(f"### {i} {split}\n")
            for s_i, s in enumerate(sents):
                out.write(f"[{s_i}] {s.text.strip()}\n")
            for e in doc._.events:
                def a(x):
                    return "-" if x is None else f"{x.text}({x.country or ''})"
                out.write(f"E {e.sentence} {e.type} {a(e.source)} > {a(e.target)} | {e.trigger.text} | {e.status}\n")
            out.write("\n")
            rows.append({"id": i, "split": split, "published": published_from_id(i), "text": text})
    with open(HERE / "articles.jsonl", "w") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(len(intl), len(dom))


if __name__ == "__main__":
    main()
