"""Pick IndoSum political / international articles for the events gold and pre-annotate them.

Selection (deterministic): distinct 'tajuk utama' (headline news) articles of 4-14 sentences
that mention at least two actor words from INTERNATIONAL or DOMESTIC below and at least
one lexicon trigger; 24 international + 24 domestic, random.Random(2024) order; alternating dev/test.
Output: training/events/review.txt (for hand-checking) and training/events/articles.jsonl.

Later held-out sets (issue 7) use the same criteria with a new seed and ``--blind``: articles already
in any ``tests/data/events-gold*.jsonl`` or quoted in ``tests/test_events.py`` are skipped, and only
the sentences are written (``sentences-<split>.txt``), so the annotator reads the text without
seeing warta's events. ``articles-<split>.jsonl`` holds the texts for ``build_gold.py``. The filter
"at least one event" still runs the frozen pipeline, as it did for the first gold.

    python training/events/select_gold.py --seed 7 --per-pool 8 --split test2 --blind
"""
import argparse
import glob
import json
import random
import re
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


def _excluded() -> tuple[set[str], list[str]]:
    """Ids already in a gold file, and sentences quoted by the events tests (both already seen)."""
    ids = set()
    for f in glob.glob(str(HERE.parents[1] / "tests/data/events-gold*.jsonl")):
        ids |= {json.loads(l)["id"] for l in open(f) if l.strip()}
    test_src = (HERE.parents[1] / "tests/test_events.py").read_text(encoding="utf-8")
    quoted = [q for q in re.findall(r'"([^"\n]{40,})"', test_src)]
    return ids, quoted


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--per-pool", type=int, default=24, help="articles per pool (international, domestic)")
    ap.add_argument("--split", default=None, help="one split name for all (default: alternate dev/test)")
    ap.add_argument("--blind", action="store_true", help="write sentences only, no warta events")
    args = ap.parse_args()
    skip_ids, quoted = _excluded() if args.blind else (set(), [])
    seen = {}
    for f in sorted(glob.glob(str(HERE.parents[1].parent / "shared/data/indosum/dev.*.jsonl"))):
        for line in open(f):
            d = json.loads(line)
            seen.setdefault(d["id"], d)
    rng = random.Random(args.seed)
    ids = sorted(seen)
    rng.shuffle(ids)
    nlp = load()
    intl, dom = [], []
    for i in ids:
        d = seen[i]
        if d["category"] != "tajuk utama" or i in skip_ids:
            continue
        n_sent = sum(len(p) for p in d["paragraphs"])
        if not 4 <= n_sent <= 14:
            continue
        text = article_text(d["paragraphs"])
        n_int = sum(k in text for k in INTERNATIONAL)
        n_dom = sum(k in text for k in DOMESTIC)
        if any(q[:60] in text for q in quoted):
            continue
        pool = intl if n_int >= 2 else dom if n_dom >= 2 else None
        if pool is None or len(pool) >= args.per_pool:
            continue
        doc = nlp(prepare_doc(nlp, text, published=published_from_id(i)))
        if not doc._.events:
            continue
        pool.append((i, text, doc))
        if len(intl) >= args.per_pool and len(dom) >= args.per_pool:
            break
    rows = []
    review = HERE / (f"sentences-{args.split}.txt" if args.blind else "review.txt")
    with open(review, "w") as out:
        for k, (i, text, doc) in enumerate([x for pair in zip(intl, dom) for x in pair]):
            split = args.split or ("dev" if k % 2 == 0 else "test")
            sents = list(doc.sents)
            out.write(f"### {i} {split}\n")
            for s_i, s in enumerate(sents):
                out.write(f"[{s_i}] {s.text.strip()}\n")
            for e in ([] if args.blind else doc._.events):
                def a(x):
                    return "-" if x is None else f"{x.text}({x.country or ''})"
                out.write(f"E {e.sentence} {e.type} {a(e.source)} > {a(e.target)} | {e.trigger.text} | {e.status}\n")
            out.write("\n")
            rows.append({"id": i, "split": split, "published": published_from_id(i), "text": text})
    with open(HERE / (f"articles-{args.split}.jsonl" if args.blind else "articles.jsonl"), "w") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(len(intl), len(dom))


if __name__ == "__main__":
    main()
