"""Error listing for rule work on the read set only (issue 10: dev, dev2, test2, test3, test4): per
article, gold events and warta's events side by side, with unmatched triples marked. Refuses the check
set (dev3, test) and the held-out test5 / test6, which are only scored (``training/events/rulework.py``,
``warta eval events --split test5``).

    OMP_NUM_THREADS=1 python training/events/errors.py dev2 > /tmp/dev2-errors.txt
"""
import sys

from warta.eval.events import _triples, load_gold, match_triples
from warta.pipeline import load, prepare_doc

ALLOWED = {"dev", "dev2", "test2", "test3", "test4", "test7"}  # issue 11: test7 (after its blind scoring); never dev3, test, test5, test6, test8


def main(split: str):
    if split not in ALLOWED:
        raise SystemExit(f"errors.py lists rule-work splits only ({sorted(ALLOWED)}); held-out splits are only scored")
    nlp = load()
    for art in load_gold(None, split):
        doc = nlp(prepare_doc(nlp, art["text"], published=art.get("published")))
        preds = [e.model_dump(mode="json") for e in (doc._.events or [])]
        ments = {e.id: [m.text or "" for m in e.mentions] + [e.name] for e in (doc._.entities or [])}
        gt, pt = _triples(art["events"], None), _triples(preds, ments)
        pairs = match_triples(gt, pt)
        used = set(pairs.values())
        gmiss = [g for gi, g in enumerate(gt) if gi not in pairs]
        sents = list(doc.sents)
        print(f"### {art['id']}  gold={len(gt)} pred={len(pt)} tp={len(used)}")

        def a(x):
            return "-" if x is None else f"{x.get('text')}({x.get('country') or ''})"
        for e in art["events"]:
            print(f"  G s{e['sentence']} {e['type']} {a(e['source'])} > {a(e['target'])} | {e['trigger']['text']} | {e['status']}")
        for e in preds:
            print(f"  P s{e['sentence']} {e['type']} {a(e['source'])} > {a(e['target'])} | {e['trigger']['text']} | {e['status']}")
        print("  missed:", [(g[0], g[1] and sorted(g[1].names), g[2] and sorted(g[2].names)) for g in gmiss])
        print("  false :", [(p[0], p[1] and sorted(p[1].names)[:3], p[2] and sorted(p[2].names)[:3])
                            for k, p in enumerate(pt) if k not in used])
        for i, s in enumerate(sents):
            print(f"  [{i}] {s.text.strip()[:300]}")
        print()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "dev")
