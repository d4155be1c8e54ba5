"""The learned confidence on the held-out splits test5 (IndoSum) and test6 (NTREX-128, English news
translated into Indonesian), scored once at the end of the round with the final code: triple P/R/F1 of
the default output (events below the shipped threshold left out), of every event and of the
events at or above the threshold the CV chose (``threshold_chosen``), and the reliability
of the learned confidence beside the hand-set one (the ``hand`` feature) on every event.

    OMP_NUM_THREADS=1 python training/events/heldout_confidence.py test5 test6
"""
import sys
from collections import Counter

import numpy as np

from fit_confidence import article_rows, fmt_rel, log_loss, reliability
from warta.eval.events import _prf, load_gold, score_article
from warta.pipeline import load


def main(splits: list[str]) -> None:
    nlp = load()
    pipe = nlp.get_pipe("warta_events")
    thr = pipe.min_confidence
    from warta.components.events import load_confidence_model

    shipped = load_confidence_model().threshold if thr is None else thr
    import json
    from warta.components.events import CONFIDENCE_MODEL

    chosen = json.loads(CONFIDENCE_MODEL.read_text(encoding="utf-8"))["threshold_chosen"]
    pipe.min_confidence = 0.0   # every event; the default output is the events at or above `shipped`
    for split in splits:
        rows = [article_rows(nlp, a) for a in load_gold(None, split)]
        p = np.array([e["confidence"] for r in rows for e in r["preds"]])
        h = np.array([f["hand"] for r in rows for f in r["features"]])
        y = np.array([l for r in rows for l in r["labels"]], dtype=float)
        for name, keep in (("every event", 0.0), (f"default (≥ {shipped:.2f})", shipped),
                           (f"CV-chosen threshold (≥ {chosen:.2f}), not the default", chosen)):
            tot: Counter = Counter()
            for r in rows:
                tot.update(score_article(r["gold"], [e for e in r["preds"] if e["confidence"] >= keep], r["ments"]))
            t = _prf(tot["triple_tp"], tot["triple_pred"], tot["triple_gold"])
            print(f"{split} {name}: triples P {t['p']:.3f} R {t['r']:.3f} F1 {t['f1']:.3f} "
                  f"(tp {t['tp']} pred {t['pred']} gold {t['gold']})")
        print(f"{split}: {len(y)} events, {int(y.sum())} right; log-loss learned {log_loss(p, y):.3f}, hand {log_loss(h, y):.3f}")
        print(f"{split} reliability learned: {fmt_rel(reliability(p, y))}")
        print(f"{split} reliability hand:    {fmt_rel(reliability(h, y))}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:] or ["test5", "test6"])
