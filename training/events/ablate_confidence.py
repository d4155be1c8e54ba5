"""Ablations of the learned event confidence, with the same leave-one-split-out protocol as
``fit_confidence.py`` (inner CV for penalty and threshold): which feature groups carry it. Reported in
``docs/accuracy.md`` (Events, Learned confidence); the shipped model is not chosen from these.

    OMP_NUM_THREADS=1 python training/events/fit_confidence.py          # first: collects the events
    OMP_NUM_THREADS=1 python training/events/ablate_confidence.py
"""
import json

import numpy as np

import fit_confidence as fc

fc.KEEP = lambda name: True   # the variants below select the features themselves

VARIANTS = {
    "all features (shipped)": lambda f: f,
    "hand confidence only (calibrated)": lambda f: {k: v for k, v in f.items() if k == "hand"},
    "without trigger words (lemma=)": lambda f: {k: v for k, v in f.items() if not k.startswith("lemma=")},
    "without the hand confidence": lambda f: {k: v for k, v in f.items() if k != "hand"},
    "without fallback-rule tags (how=)": lambda f: {k: v for k, v in f.items() if not k.startswith("how=")},
    "core: type, voice, status, source/target present (--core)": lambda f: {
        k: v for k, v in f.items() if fc.core_feature(k)},
}


def main() -> None:
    base = [json.loads(l) for l in open(fc.DATA, encoding="utf-8")]
    print("| variant | pooled out-of-fold log-loss | mean triple-F1 change at the fold's threshold (per fold) |")
    print("|---|---|---|")
    for name, fn in VARIANTS.items():
        rows = [dict(r, features=[fn(f) for f in r["features"]]) for r in base]
        ps, ys, gains = [], [], []
        for s in fc.SPLITS:
            tr = [r for r in rows if r["split"] != s]
            te = [r for r in rows if r["split"] == s]
            lam, thr = fc.choose(tr)
            vocab, m = fc.train(tr, lam)
            p = fc.probs(vocab, m, te)
            ps.append(np.concatenate(p))
            ys.append(np.concatenate([np.array(r["labels"], float) for r in te]))
            gains.append(fc.triple_prf(te, p, thr)["f1"] - fc.triple_prf(te, p, 0.0)["f1"])
        print(f"| {name} | {fc.log_loss(np.concatenate(ps), np.concatenate(ys)):.3f} | {np.mean(gains):+.4f} "
              f"({', '.join(f'{g:+.3f}' for g in gains)}) |", flush=True)


if __name__ == "__main__":
    main()
