"""Before/after snapshot of times and places over breadth text, for reading what a rule change moves.

    OMP_NUM_THREADS=1 python tools/gold/snapshot.py OUT.jsonl [--places] [--n 1500] [--seed 5]
    OMP_NUM_THREADS=1 python tools/gold/snapshot.py OUT.jsonl --pfsa   # PFSA-ID breadth (eighth round)
    python tools/gold/snapshot.py --diff A.jsonl B.jsonl

Text: ``--n`` IndoSum articles outside the gold (seed ``--seed``, as ``breadth.py``) and every NTREX
document outside the held-out splits (test12-test15) and outside the events helper's test6. Times come
from ``find_times`` alone (fast); with ``--places`` the full pipeline runs and places are written too.
Nothing here is gold: a diff only lists what moved, to be read.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))


def pool(n: int, seed: int) -> list[dict]:
    import ntrex
    from times_places import _published
    from warta.io.indosum import article_text, distinct_rows

    gold = {json.loads(line)["id"] for line in open(HERE / "tp_articles.jsonl", encoding="utf-8")}
    rows = [a for a in distinct_rows(ROOT.parent / "shared/data/indosum") if a["id"] not in gold]
    rows.sort(key=lambda a: a["id"])
    random.Random(seed).shuffle(rows)
    out = [{"id": a["id"], "published": str(_published(a["id"])), "text": article_text(a["paragraphs"])}
           for a in rows[:n]]
    held = {i for ids in {**ntrex.select(), **ntrex.select(7)}.values() for i in ids}
    test6 = ntrex.events_test6_lines()
    lines = ntrex.source_lines()
    out += [{"id": d["id"], "published": d["published"], "text": ntrex.article_text(d, lines)}
            for d in ntrex.docs() if d["id"] not in held and not test6 & set(range(d["first"], d["last"] + 1))]
    return out


def pfsa_pool() -> list[dict]:
    """PFSA-ID dev-40 articles of this helper's share (index = 0 mod 3) outside test16/test17, with their
    nominal dates (tools/gold/pfsa.py; the three without a "(d/m/yyyy)" date are left out)."""
    import pfsa

    held = pfsa.held_out_ids()
    out = []
    for i, text in enumerate(pfsa.articles()):
        doc_id = f"pfsa-{i}"
        if i % 3 or doc_id in held or pfsa.published(doc_id, text) is None:
            continue
        out.append({"id": doc_id, "published": pfsa.published(doc_id, text), "text": text})
    return out


def snap(path: Path, n: int, seed: int, places: bool, use_pfsa: bool = False) -> None:
    from datetime import date, datetime

    from warta.components.times import find_times

    nlp = prepare = None
    if places:
        import warta
        from warta.pipeline import prepare_doc as prepare

        nlp = warta.load()
    with open(path, "w", encoding="utf-8") as fh:
        for a in (pfsa_pool() if use_pfsa else pool(n, seed)):
            p = a["published"]
            pub = datetime.fromisoformat(p) if "T" in p or " " in p else date.fromisoformat(p)
            rec = {"id": a["id"]}
            if places:
                doc = nlp(prepare(nlp, a["text"], published=pub))
                rec["times"] = [(t.start, t.end, t.text, t.value) for t in doc._.times or []]
                rec["places"] = [(x.start, x.end, x.text, x.name, x.country) for x in doc._.places or []]
            else:
                rec["times"] = [(t.start, t.end, t.text, t.value) for t in find_times(a["text"], published=pub)]
            rec["text"] = a["text"]
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def diff(a: Path, b: Path) -> None:
    A = {json.loads(x)["id"]: json.loads(x) for x in open(a, encoding="utf-8")}
    B = {json.loads(x)["id"]: json.loads(x) for x in open(b, encoding="utf-8")}
    counts = {}
    for i, rb in B.items():
        ra = A.get(i)
        if ra is None:
            continue
        for kind in ("times", "places"):
            sa = {tuple(x) for x in ra.get(kind, [])}
            sb = {tuple(x) for x in rb.get(kind, [])}
            for x in sorted(sa ^ sb, key=lambda x: x[0]):
                sign = "+" if x in sb else "-"
                src = "ntrex" if i.startswith("ntrex") else "pfsa" if i.startswith("pfsa") else "indosum"
                counts[(kind, src)] = counts.get((kind, src), 0) + 1
                t = rb["text"]
                print(f"{sign} {kind[0]} {i[:28]:28} {x[2:]!s:60.60} | …{t[max(0, x[0] - 70):x[1] + 40]}…".replace("\n", " "))
    print("changed items:", counts)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("out", nargs="?")
    ap.add_argument("--places", action="store_true")
    ap.add_argument("--n", type=int, default=1500)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--diff", nargs=2, type=Path)
    ap.add_argument("--pfsa", action="store_true", help="PFSA-ID breadth articles instead (full pipeline)")
    args = ap.parse_args()
    if args.diff:
        diff(*args.diff)
    else:
        snap(Path(args.out), args.n, args.seed, args.places or args.pfsa, args.pfsa)
