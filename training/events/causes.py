"""Count event-coding errors by cause over the rule-work splits (issue 8), so the largest general
causes are attacked first. Per article, gold and predicted (source, type, target) triples are matched as
in ``warta eval events``; each unmatched gold triple (miss) and predicted triple (false alarm) is put
in one bucket by comparing the events behind it:

* ``actor:<side>:<how>`` – an event of the same type with an overlapping trigger exists on the other
  side, but the source or target differs (``missing`` / ``extra`` / ``wrong``);
* ``type`` – an event with an overlapping trigger has another type;
* ``no-trigger`` (misses) – nothing predicted at the gold trigger, split (issue 9) into
  ``no-trigger:lexicon`` (no lexicon form matches there) and ``no-trigger:dropped:<reason>`` (a lexicon
  trigger was found and a filter of ``extract_events`` dropped it: ``no-actor``, ``conditional``,
  ``venue``, ``anaphoric-nominal``, ``inside-name`` ..., read from its ``trace``);
* ``spurious`` (false alarms) – no gold event at the predicted trigger; ``spurious:quiet-sentence``
  when the sentence has no gold event at all.

Issue 10: the errors are read only on the *read set* (dev, dev2, test2, test3, test4); the *check set*
(dev3, test) and the held-out test5 / test6 are only scored (``rulework.py``, ``warta eval events``), so
this script refuses them.

    OMP_NUM_THREADS=1 python training/events/causes.py dev dev2 test2 test3 test4 [-v]
"""
import sys
from collections import Counter

from warta.components.events import extract_events
from warta.eval.events import _overlap, _triples, actor_names, actors_match, load_gold, match_triples
from warta.pipeline import load, prepare_doc

ALLOWED = {"dev", "dev2", "test2", "test3", "test4", "test7", "test9"}  # issue 11: test7, issue 12: test9 (after their blind scoring); never dev3, test, test5, test6, test8, test10


def _actor_cause(mine, other, ments_m, ments_o):
    out = []
    for side in ("source", "target"):
        a, b = actor_names(mine.get(side), ments_m), actor_names(other.get(side), ments_o)
        if actors_match(a, b):
            continue
        how = "missing" if b is None else "extra" if a is None else "wrong"
        out.append(f"{side}:{how}")
    return out


def _cause(e, others, ments_e, ments_o, kind, gold, trace=()):
    """The bucket of one unmatched event ``e`` (kind "miss" or "false"), judged by the events on the
    other side (``others``) at an overlapping trigger; ``trace``: the triggers the extractor dropped."""
    same = [o for o in others if _overlap(o["trigger"], e["trigger"])]
    same_type = [o for o in same if o["type"] == e["type"]]
    if same_type:
        return f"{kind} actor:" + "+".join(_actor_cause(e, same_type[0], ments_e, ments_o) or ["dup"])
    if same:
        return f"{kind} type"
    if kind == "miss":
        t = e["trigger"]
        why = next((r for a, b, r in trace if a < t["end"] and t["start"] < b), None)
        return f"miss no-trigger:dropped:{why}" if why else "miss no-trigger:lexicon"
    if not any(g["sentence"] == e["sentence"] for g in gold):
        return "false spurious:quiet-sentence"
    return "false spurious"


def classify(gold, preds, ments, trace=()):
    gt, pt = _triples(gold, None), _triples(preds, ments)
    pairs = match_triples(gt, pt)
    used = set(pairs.values())

    def event_of(events, triple, m):
        return next(e for e in events
                    if (e["type"], actor_names(e.get("source"), m), actor_names(e.get("target"), m)) == triple)

    rows = []
    for gi, g in enumerate(gt):
        if gi not in pairs:
            e = event_of(gold, g, None)
            rows.append((_cause(e, preds, None, ments, "miss", gold, trace), e))
    for k, p in enumerate(pt):
        if k not in used:
            e = event_of(preds, p, ments)
            rows.append((_cause(e, gold, ments, None, "false", gold), e))
    return rows


def predict_traced(nlp, art):
    """warta's events of a gold article, each entity's mention texts, and the dropped triggers."""
    doc = nlp(prepare_doc(nlp, art["text"], published=art.get("published")))
    preds = [e.model_dump(mode="json") for e in (doc._.events or [])]
    ments = {e.id: [m.text or "" for m in e.mentions] + [e.name] for e in (doc._.entities or [])}
    comp = nlp.get_pipe("warta_events")
    trace: list = []
    extract_events(doc, comp.lexicon, comp.parser, use_doc_parse=comp.syntax != "off", trace=trace)
    return preds, ments, trace


def main(splits, verbose=False):
    nlp = load()
    tot = Counter()
    for split in splits:
        if split not in ALLOWED:
            raise SystemExit(f"rule-work splits only: {sorted(ALLOWED)}")
        c = Counter()
        for art in load_gold(None, split):
            preds, ments, trace = predict_traced(nlp, art)
            for cause, e in classify(art["events"], preds, ments, trace):
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
