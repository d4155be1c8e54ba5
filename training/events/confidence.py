"""Triple P/R/F1 of warta's events kept above each confidence threshold, on the named gold splits:
how far the `confidence` field works as a precision dial for users.

    OMP_NUM_THREADS=1 python training/events/confidence.py dev,dev2,dev3,test2
    OMP_NUM_THREADS=1 python training/events/confidence.py test,test3
"""
import sys
from collections import Counter

from warta.eval.events import _prf, load_gold, predict_article, score_article
from warta.pipeline import load

THRESHOLDS = (0.0, 0.6, 0.65, 0.7, 0.75, 0.8, 0.9)


def main(splits: str) -> None:
    nlp = load()
    rows = []
    for split in splits.split(","):
        for art in load_gold(None, split):
            rows.append((art, *predict_article(nlp, art)))
    for c in THRESHOLDS:
        tot: Counter = Counter()
        for art, preds, ments in rows:
            tot.update(score_article(art["events"], [p for p in preds if p["confidence"] >= c], ments))
        t = _prf(tot["triple_tp"], tot["triple_pred"], tot["triple_gold"])
        print(f"confidence >= {c:.2f}: P {t['p']:.3f} R {t['r']:.3f} F1 {t['f1']:.3f} ({t['pred']} events)")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "dev,dev2,dev3,test2")
