"""Count event-coding errors by cause over the rule-work splits (issue 8), so the largest general
causes are attacked first. Per article, gold and predicted (source, type, target) triples are matched as
in ``warta eval events``; each unmatched gold triple (miss) and predicted triple (false alarm) is put
in one bucket by comparing the events behind it:

* ``actor:<side>:<how>`` – an event of the same type with an overlapping trigger exists on the other
  side, but the source or target differs (``missing`` / ``extra`` / ``wrong``);
* ``type`` – an event with an overlapping trigger has another type;
* ``no-trigger`` (misses) – nothing predicted at the gold trigger (the lexicon or a filter missed it);
* ``spurious`` (false alarms) – no gold event at the predicted trigger; ``spurious:quiet-sentence``
  when the sentence has no gold event at all.

    OMP_NUM_THREADS=1 python training/events/causes.py dev dev2 dev3 test2 [-v]
"""
import sys
from collections import Counter

from warta.eval.events import _triples, actor_names, actors_match, load_gold
from warta.pipeline import load, prepare_doc

ALLOWED = {"dev", "dev2", "dev3", "test2"}


def _ov(a, b):
    return a["start"] < b["end"] and b["start"] < a["end"]


def _actor_cause(mine, other, ments_m, ments_o):
    out = []
    for side in ("source", "target"):
        a, b = actor_names(mine.get(side), ments_m), actor_names(other.get(side), ments_o)
        if actors_match(a, b):
            continue
        how = "missing" if b is None else "extra" if a is None else "wrong"
        out.append(f"{side}:{how}")
    return out


def classify(gold, preds, ments):
    gt, pt = _triples(gold, None), _triples(preds, ments)
    used, miss = set(), []
    for g in gt:
        k = next((k for k, p in enumerate(pt) if k not in used and p[0] == g[0]
                  and actors_match(g[1], p[1]) and actors_match(g[2], p[2])), None)
        if k is None:
            miss.append(g)
        else:
            used.add(k)
    false = [p for k, p in enumerate(pt) if k not in used]
    rows = []
    for g in miss:
        e = next(e for e in gold if (e["type"], actor_names(e.get("source")), actor_names(e.get("target"))) == g)
        same = [p for p in preds if _ov(p["trigger"], e["trigger"])]
        st = [p for p in same if p["type"] == e["type"]]
        if st:
            cause = "miss actor:" + "+".join(_actor_cause(e, st[0], None, ments) or ["dup"])
        elif same:
            cause = "miss type"
        else:
            cause = "miss no-trigger"
        rows.append((cause, e))
    for p in false:
        e = next(e for e in preds if (e["type"], actor_names(e.get("source"), ments), actor_names(e.get("target"), ments)) == p)
        same = [g for g in gold if _ov(g["trigger"], e["trigger"])]
        st = [g for g in same if g["type"] == e["type"]]
        if st:
            cause = "false actor:" + "+".join(_actor_cause(e, st[0], ments, None) or ["dup"])
        elif same:
            cause = "false type"
        elif not any(g["sentence"] == e["sentence"] for g in gold):
            cause = "false spurious:quiet-sentence"
        else:
            cause = "false spurious"
        rows.append((cause, e))
    return rows


def main(splits, verbose=False):
    nlp = load()
    tot = Counter()
    for split in splits:
        if split not in ALLOWED:
            raise SystemExit(f"rule-work splits only: {sorted(ALLOWED)}")
        c = Counter()
        for art in load_gold(None, split):
            doc = nlp(prepare_doc(nlp, art["text"], published=art.get("published")))
            preds = [e.model_dump(mode="json") for e in (doc._.events or [])]
            ments = {e.id: [m.text or "" for m in e.mentions] + [e.name] for e in (doc._.entities or [])}
            for cause, e in classify(art["events"], preds, ments):
                c[cause] += 1
                if verbose:
                    def a(x):
                        return "-" if x is None else x.get("text")
                    print(f"{split} {cause:34s} s{e['sentence']} {e['type']} {a(e.get('source'))} > "
                          f"{a(e.get('target'))} | {e['trigger']['text']}")
        tot.update(c)
        print(split, dict(sorted(c.items())), file=sys.stderr)
    for k, v in tot.most_common():
        print(f"{v:4d}  {k}", file=sys.stderr)


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    main(args or sorted(ALLOWED), verbose="-v" in sys.argv)
