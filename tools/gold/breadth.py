"""Breadth check for the times and places stages on IndoSum articles that are in no gold split.

    OMP_NUM_THREADS=1 python tools/gold/breadth.py [--n 600] [--seed 77] [--out tools/gold/breadth.txt]
    OMP_NUM_THREADS=1 python tools/gold/breadth.py --ntrex --out tools/gold/breadth-ntrex.txt --dump …
      (the translated NTREX documents outside test12-test15 and the events helper's test6)

Runs the full pipeline over ``--n`` distinct IndoSum dev-fold articles (any length, shuffled with
``--seed``, skipping every article of ``tp_articles.jsonl``) and lists, most frequent first:

- time words from ``lang/time_*.tsv`` (weekdays, month names, "pukul", "lalu/depan" after a unit)
  that no predicted time covers, with the words around them: candidate misses;
- predicted times without a value (vague or unnormalised);
- LOC spans of the NER that no predicted place covers: candidate ungeocoded places;
- predicted places outside every NER LOC span: candidate false alarms;
- the most frequent (mention -> gazetteer row) pairs, to spot a systematic wrong geocode.

Nothing here is gold: the lists only point at general causes to check by reading articles.
"""
from __future__ import annotations

import argparse
import json
import random
import re
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=600)
    ap.add_argument("--seed", type=int, default=77)
    ap.add_argument("--out", type=Path, default=HERE / "breadth.txt")
    ap.add_argument("--skip-seen", action="store_true", help="also skip every id in breadth-seen.txt (fresh articles only)")
    ap.add_argument("--ntrex", action="store_true",
                    help="the NTREX-128 documents outside test12-test15 and events test6 (ntrex-docs.tsv) instead of IndoSum")
    ap.add_argument("--dump", type=Path, help="also write each article's text, NER LOC spans, times and places (JSONL)")
    args = ap.parse_args()

    import warta
    from warta.io.indosum import article_text, distinct_rows
    from warta.lang import table
    from warta.pipeline import prepare_doc
    from times_places import _published

    gold = {json.loads(line)["id"] for line in open(HERE / "tp_articles.jsonl", encoding="utf-8")}
    if args.skip_seen:
        gold |= {line.strip() for line in open(HERE / "breadth-seen.txt", encoding="utf-8")
                 if line.strip() and not line.startswith("#")}
    if args.ntrex:   # translated news; every document outside the two held-out NTREX splits, in order
        import ntrex

        held = {i for ids in {**ntrex.select(), **ntrex.select(7)}.values() for i in ids}
        test6 = ntrex.events_test6_lines()   # the events helper's held-out documents: never read here
        lines = ntrex.source_lines()
        pool = [{"id": d["id"], "published": d["published"], "text": ntrex.article_text(d, lines)}
                for d in ntrex.docs() if d["id"] not in held
                and not test6 & set(range(d["first"], d["last"] + 1))][: args.n]
    else:
        pool = [a for a in distinct_rows(ROOT.parent / "shared/data/indosum") if a["id"] not in gold]
        pool.sort(key=lambda a: a["id"])
        random.Random(args.seed).shuffle(pool)
        pool = pool[: args.n]
        for a in pool:
            a["text"], a["published"] = article_text(a["paragraphs"]), _published(a["id"])

    words = {f for f, *_ in table("time_weekdays.tsv")} | {f for f, *_ in table("time_months.tsv")}
    cue = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True))
                     + r"|pukul|[Tt]ahun\s+\d{4}|(?:hari|pekan|minggu|bulan|tahun)\s+(?:lalu|depan|kemarin|ini|mendatang))\b")
    nlp = warta.load()
    miss_t, novalue, miss_p, extra_p, geo = Counter(), Counter(), Counter(), Counter(), Counter()
    ctx_t, ctx_p = {}, {}
    dump = open(args.dump, "w", encoding="utf-8") if args.dump else None
    for a in pool:
        text = a["text"]
        doc = nlp(prepare_doc(nlp, text, published=a["published"]))
        tspans = [(t.start, t.end) for t in doc._.times or []]
        for m in cue.finditer(text):
            if not any(s <= m.start() < e for s, e in tspans):
                left = text[max(0, m.start() - 25):m.start()].split()
                right = text[m.end():m.end() + 25].split()
                key = f"{(left[-1] if left else '')} [{m.group()}] {(right[0] if right else '')}"
                miss_t[key] += 1
                ctx_t.setdefault(key, f"{a['id'][:40]}: …{text[max(0, m.start() - 80):m.end() + 60]}…".replace("\n", " "))
        for t in doc._.times or []:
            if t.value is None:
                novalue[t.text.lower()] += 1
        pspans = [(p.start, p.end) for p in doc._.places or []]
        locs = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "LOC"]
        for s, e in locs:
            if not any(ps < e and s < pe for ps, pe in pspans):
                miss_p[text[s:e]] += 1
                ctx_p.setdefault(text[s:e], f"{a['id'][:40]}: …{text[max(0, s - 80):e + 60]}…".replace("\n", " "))
        if dump:
            dump.write(json.dumps({"id": a["id"], "published": a["published"], "text": text, "locs": locs,
                                   "ents": [(e.start_char, e.end_char, e.label_) for e in doc.ents],
                                   "times": [t.model_dump(mode="json") for t in doc._.times or []],
                                   "places": [p.model_dump(mode="json") for p in doc._.places or []]},
                                  ensure_ascii=False) + "\n")
        for p in doc._.places or []:
            geo[(p.text, p.name, p.country, p.feature)] += 1
            if not any(s < p.end and p.start < e for s, e in locs):
                extra_p[(p.text, p.name, p.country)] += 1
                ctx_p.setdefault(("x",) + (p.text, p.name, p.country),
                                 f"{a['id'][:40]}: …{text[max(0, p.start - 80):p.end + 60]}…".replace("\n", " "))
    what = "NTREX documents outside test12-test15 and events test6" if args.ntrex else f"IndoSum articles outside the gold (seed {args.seed})"
    out = [f"# {len(pool)} {what}", "", "## time words outside every predicted time"]
    out += [f"{n:4d}  {k}    | {ctx_t[k]}" for k, n in miss_t.most_common(150)]
    out += ["", "## predicted times without a value"] + [f"{n:4d}  {k}" for k, n in novalue.most_common(40)]
    out += ["", "## NER LOC spans without a place"] + [f"{n:4d}  {k}    | {ctx_p[k]}" for k, n in miss_p.most_common(150)]
    out += ["", "## places outside every NER LOC span"] + [
        f"{n:4d}  {k}    | {ctx_p[('x',) + k]}" for k, n in extra_p.most_common(120)]
    out += ["", "## most frequent geocodes"] + [f"{n:4d}  {k}" for k, n in geo.most_common(150)]
    args.out.write_text("\n".join(out) + "\n", encoding="utf-8")
    # the ids read here are no longer unseen: append them to breadth-seen.txt before drawing a split
    args.out.with_suffix(".ids").write_text("".join(a["id"] + "\n" for a in pool), encoding="utf-8")
    print(f"wrote {args.out} and {args.out.with_suffix('.ids')}")


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(HERE))
    main()
