"""Fit the learned confidence of coded events (``src/warta/models/events_confidence.json``).

Each event warta predicts on the gold splits gets its run-time features
(``warta.components.events.event_features``) and a label: does its (source, type, target) triple match a
gold triple as ``warta eval events`` matches them (``warta.eval.events.match_triples``). A logistic
regression with a strong L2 penalty (numpy, Newton steps) turns the features into P(event is right).

Evaluation is leave-one-split-out over the 7 non-held-out splits: inside each fold the penalty and the
drop threshold are chosen by an inner leave-one-split-out over the fold's 6 training splits (their
out-of-fold probabilities), then the model is fitted on the 6 splits and scored on the 7th: log-loss and a
reliability table for the learned probability against the hand-set confidence, and triple P/R/F1 of all
events and of the events kept at the fold's threshold. The held-out test5 / test6 are never read here.

    OMP_NUM_THREADS=1 nice python training/events/fit_confidence.py            # collect, CV, write the model
    OMP_NUM_THREADS=1 nice python training/events/fit_confidence.py --cached   # reuse the collected events

Data: the project's own events gold (``tests/data/events-gold*.jsonl``), our annotations.
"""
from __future__ import annotations

import json
import math
import sys
import tempfile
from collections import Counter
from pathlib import Path

import numpy as np

from warta.eval.events import _prf, _triples, actor_names, load_gold, match_triples, score_article

HERE = Path(__file__).resolve().parent
DATA = Path(tempfile.gettempdir()) / "warta-confidence-data.jsonl"   # cache of the collected events (not kept)
MODEL = HERE.parents[1] / "src" / "warta" / "models" / "events_confidence.json"
SPLITS = ("dev", "dev2", "dev3", "test", "test2", "test3", "test4")
HELD_OUT = ("test5", "test6")
LAMBDAS = (1.0, 3.0, 10.0, 30.0, 100.0)
THRESHOLDS = tuple(round(0.05 * k, 2) for k in range(0, 15))   # 0.00 .. 0.70
MIN_COUNT = 5      # a categorical feature enters the model only if seen this often in the fitting data
BINS = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0001)
#: ``--core`` fits only the core features (PLOVER type, voice, status, whether a source and a target were
#: found): on the same CV as good as the full set (out-of-fold log-loss 0.598 vs 0.605, F1 lift +0.012
#: vs +0.014), but coarser, and its threshold drops whole classes (sourceless negated or claimed events);
#: the shipped model is the full set, fitted first (ablate_confidence.py, docs/accuracy.md).
CORE = ("type", "voice", "status")


def core_feature(name: str) -> bool:
    return name in ("src", "tgt") or name.split("=", 1)[0] in CORE


def KEEP(name: str) -> bool:   # noqa: N802 - replaced by core_feature with --core
    return True


# ----------------------------------------------------------------------------- data
def labels(gold_events: list[dict], preds: list[dict], ments: dict) -> list[int]:
    """1 for each predicted event whose triple the eval matches to a gold triple, else 0."""
    gt, pt = _triples(gold_events, None), _triples(preds, ments)
    matched = set(match_triples(gt, pt).values())
    index = {k: i for i, k in enumerate(pt)}
    return [int(index[(e["type"], actor_names(e.get("source"), ments), actor_names(e.get("target"), ments))] in matched)
            for e in preds]


def article_rows(nlp, art: dict) -> dict:
    """warta's events of one gold article with their features and labels."""
    from warta.components.events import extract_events
    from warta.pipeline import prepare_doc

    doc = nlp(prepare_doc(nlp, art["text"], published=art.get("published")))
    comp = nlp.get_pipe("warta_events")
    feats: list[dict] = []
    evs = extract_events(doc, comp.lexicon, comp.parser, use_doc_parse=comp.syntax != "off", features=feats,
                         min_confidence=0.0)
    preds = [e.model_dump(mode="json") for e in evs]
    shipped = [(e.type, e.trigger.start) for e in doc._.events or []]
    assert shipped == [(p["type"], p["trigger"]["start"]) for p in preds], art["id"]
    ments = {e.id: [m.text or "" for m in e.mentions] + [e.name] for e in (doc._.entities or [])}
    return {"split": art["split"], "id": art["id"], "gold": art["events"], "preds": preds, "ments": ments,
            "features": feats, "labels": labels(art["events"], preds, ments)}


def collect() -> list[dict]:
    from warta.pipeline import load

    nlp = load()
    nlp.get_pipe("warta_events").min_confidence = 0.0   # every event, whatever threshold is shipped
    rows = []
    for split in SPLITS:
        for art in load_gold(None, split):
            rows.append(article_rows(nlp, art))
        print(f"collected {split}", file=sys.stderr, flush=True)
    with open(DATA, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return rows


# ----------------------------------------------------------------------------- model
def vocabulary(feats: list[dict]) -> list[str]:
    """Numeric and flag features always; a categorical value only when seen MIN_COUNT times."""
    from warta.components.events import CATEGORICAL_FEATURES

    c = Counter(k for f in feats for k in f if KEEP(k))
    return sorted(k for k, n in c.items() if n >= MIN_COUNT or k.split("=", 1)[0] not in CATEGORICAL_FEATURES)


def matrix(feats: list[dict], vocab: list[str]) -> np.ndarray:
    col = {k: i for i, k in enumerate(vocab)}
    X = np.zeros((len(feats), len(vocab)))
    for r, f in enumerate(feats):
        for k, v in f.items():
            if k in col:
                X[r, col[k]] = v
    return X


def fit(X: np.ndarray, y: np.ndarray, lam: float) -> tuple[float, np.ndarray]:
    """L2-penalised logistic regression (bias not penalised), Newton's method."""
    n, d = X.shape
    A = np.hstack([np.ones((n, 1)), X])
    w = np.zeros(d + 1)
    P = np.eye(d + 1) * lam
    P[0, 0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-A @ w))
        g = A.T @ (p - y) + P @ w
        H = (A * (p * (1 - p))[:, None]).T @ A + P + 1e-9 * np.eye(d + 1)
        step = np.linalg.solve(H, g)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return float(w[0]), w[1:]


def predict(model: tuple, X: np.ndarray) -> np.ndarray:
    b, w = model
    return 1 / (1 + np.exp(-(b + X @ w)))


def log_loss(p: np.ndarray, y: np.ndarray) -> float:
    p = np.clip(p, 0.01, 0.99)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def train(rows: list[dict], lam: float) -> tuple[list[str], tuple]:
    feats = [f for r in rows for f in r["features"]]
    y = np.array([l for r in rows for l in r["labels"]], dtype=float)
    vocab = vocabulary(feats)
    return vocab, fit(matrix(feats, vocab), y, lam)


def probs(vocab: list[str], model: tuple, rows: list[dict]) -> list[np.ndarray]:
    return [predict(model, matrix(r["features"], vocab)) if r["features"] else np.zeros(0) for r in rows]


def triple_prf(rows: list[dict], ps: list[np.ndarray], thr: float) -> dict:
    tot: Counter = Counter()
    for r, p in zip(rows, ps):
        keep = [e for e, q in zip(r["preds"], p) if q >= thr]
        tot.update(score_article(r["gold"], keep, r["ments"]))
    return _prf(tot["triple_tp"], tot["triple_pred"], tot["triple_gold"])


def oof(rows: list[dict], lam: float) -> list[np.ndarray]:
    """Leave-one-split-out probabilities for every row."""
    out: list = [None] * len(rows)
    for s in sorted({r["split"] for r in rows}):
        tr = [r for r in rows if r["split"] != s]
        vocab, m = train(tr, lam)
        idx = [i for i, r in enumerate(rows) if r["split"] == s]
        for i, p in zip(idx, probs(vocab, m, [rows[i] for i in idx])):
            out[i] = p
    return out


def choose(rows: list[dict]) -> tuple[float, float]:
    """Penalty (inner log-loss) and threshold (inner triple F1) from out-of-fold probabilities."""
    y = np.concatenate([np.array(r["labels"], float) for r in rows])
    best = None
    for lam in LAMBDAS:
        ps = oof(rows, lam)
        ll = log_loss(np.concatenate(ps), y)
        if best is None or ll < best[0]:
            best = (ll, lam, ps)
    _, lam, ps = best
    thr = max(THRESHOLDS, key=lambda t: (round(triple_prf(rows, ps, t)["f1"], 6), -t))
    return lam, thr


def reliability(p: np.ndarray, y: np.ndarray) -> list[tuple]:
    out = []
    for a, b in zip(BINS, BINS[1:]):
        m = (p >= a) & (p < b)
        out.append((a, min(b, 1.0), int(m.sum()), float(p[m].mean()) if m.any() else float("nan"),
                    float(y[m].mean()) if m.any() else float("nan")))
    return out


def fmt_rel(rel: list[tuple]) -> str:
    return " | ".join(f"{a:.1f}-{b:.1f}: {n} ({mp:.2f}→{obs:.2f})" if n else f"{a:.1f}-{b:.1f}: 0" for a, b, n, mp, obs in rel)


def cross_validate(rows: list[dict]) -> None:
    print("| held-out split | events | right | log-loss learned / hand | λ, threshold (inner CV) | "
          "all events P / R / F1 | kept ≥ thr P / R / F1 (events) |")
    print("|---|---|---|---|---|---|---|")
    all_p, all_h, all_y, gains, rel_lines = [], [], [], [], []
    tot_all: Counter = Counter()
    tot_kept: Counter = Counter()
    hand_gains = []
    for s in SPLITS:
        tr = [r for r in rows if r["split"] != s]
        te = [r for r in rows if r["split"] == s]
        lam, thr = choose(tr)
        vocab, m = train(tr, lam)
        ps = probs(vocab, m, te)
        p = np.concatenate(ps)
        h = np.array([f["hand"] for r in te for f in r["features"]])
        y = np.concatenate([np.array(r["labels"], float) for r in te])
        a, k = triple_prf(te, ps, 0.0), triple_prf(te, ps, thr)
        # baseline: a threshold on the hand-set confidence, chosen on the fold's training splits
        hand_tr = [np.array([f["hand"] for f in r["features"]]) for r in tr]
        hand_te = [np.array([f["hand"] for f in r["features"]]) for r in te]
        hthr = max(sorted({0.0, *np.concatenate(hand_tr).round(2).tolist()}),
                   key=lambda t: (round(triple_prf(tr, hand_tr, t)["f1"], 6), -t))
        hand_gains.append(triple_prf(te, hand_te, hthr)["f1"] - a["f1"])
        gains.append(k["f1"] - a["f1"])
        for key in ("tp", "pred", "gold"):
            tot_all[key] += a[key]
            tot_kept[key] += k[key]
        rel_lines.append(f"{s}: learned {fmt_rel(reliability(p, y))}\n{s}: hand    {fmt_rel(reliability(h, y))}")
        all_p.append(p), all_h.append(h), all_y.append(y)
        print(f"| {s} | {len(y)} | {int(y.sum())} | {log_loss(p, y):.3f} / {log_loss(h, y):.3f} | {lam:g}, {thr:.2f} | "
              f"{a['p']:.3f} / {a['r']:.3f} / {a['f1']:.3f} | {k['p']:.3f} / {k['r']:.3f} / {k['f1']:.3f} ({k['pred']}) |",
              flush=True)
    p, h, y = np.concatenate(all_p), np.concatenate(all_h), np.concatenate(all_y)
    print(f"\npooled out-of-fold: {len(y)} events, {int(y.sum())} right; log-loss learned {log_loss(p, y):.3f}, "
          f"hand {log_loss(h, y):.3f}, constant base rate {log_loss(np.full_like(y, y.mean()), y):.3f}")
    print(f"mean triple-F1 change from the threshold over the {len(gains)} folds: {np.mean(gains):+.4f} "
          f"(per fold: {', '.join(f'{g:+.3f}' for g in gains)})")
    print(f"baseline, a threshold on the hand confidence chosen the same way: mean triple-F1 change "
          f"{np.mean(hand_gains):+.4f} (per fold: {', '.join(f'{g:+.3f}' for g in hand_gains)})")
    a, k = _prf(tot_all["tp"], tot_all["pred"], tot_all["gold"]), _prf(tot_kept["tp"], tot_kept["pred"], tot_kept["gold"])
    print(f"pooled over the folds: all events P {a['p']:.3f} R {a['r']:.3f} F1 {a['f1']:.3f} ({a['pred']} triples); "
          f"kept at each fold's threshold P {k['p']:.3f} R {k['r']:.3f} F1 {k['f1']:.3f} ({k['pred']} triples)")
    print("per-fold reliability (bin: events (mean predicted → observed right)):")
    print("\n".join(rel_lines))
    print("pooled reliability, learned (bin: events (mean predicted → observed right)):", fmt_rel(reliability(p, y)))
    print("pooled reliability, hand     (bin: events (mean predicted → observed right)):", fmt_rel(reliability(h, y)))
    return float(np.mean(gains))


def write_model(rows: list[dict], use_threshold: bool) -> None:
    lam, thr = choose(rows)
    ps = oof(rows, lam)
    print("\nall 7 splits, out-of-fold probabilities (the shipped threshold's choice): triple F1 kept at " +
          ", ".join(f"≥{t:.2f} {triple_prf(rows, ps, t)['f1']:.3f}" for t in THRESHOLDS))
    vocab, (b, w) = train(rows, lam)
    from warta.components.events import known_feature

    assert all(known_feature(k) for k in vocab)
    out = {
        "about": "Learned confidence of warta_events: logistic regression, P(the event's (source, type, target) "
                 "triple matches the gold as `warta eval events` matches it).",
        "trained_with": "OMP_NUM_THREADS=1 python training/events/fit_confidence.py"
                        + (" --core" if "--core" in sys.argv else ""),
        "data": f"warta's own events gold (tests/data/events-gold*.jsonl), splits {', '.join(SPLITS)}: "
                f"{len(rows)} articles, {sum(len(r['labels']) for r in rows)} predicted events, "
                f"{sum(r['labels'].count(1) for r in rows)} right; test5, test6 held out; PFSA-ID test7 / test8 (CC BY-NC-SA) never used",
        "licence": "our own annotations (same licence as the project)",
        "l2": lam,
        "threshold": thr if use_threshold else 0.0,
        "threshold_chosen": thr,
        "bias": round(b, 6),
        "features": vocab,
        "weights": [round(float(x), 6) for x in w],
    }
    MODEL.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"\nwrote {MODEL} (λ={lam:g}, threshold chosen {thr:.2f}, "
          f"{'applied' if use_threshold else 'not applied: keeps every event'}; {len(vocab)} features)")
    for k, x in sorted(zip(vocab, w), key=lambda kw: kw[1]):
        print(f"  {k:24s} {x:+.3f}")
    print(f"  {'(bias)':24s} {b:+.3f}")


def main() -> None:
    global KEEP
    if "--core" in sys.argv:
        KEEP = core_feature
    if "--cached" in sys.argv and DATA.exists():
        rows = [json.loads(l) for l in open(DATA, encoding="utf-8")]
    else:
        rows = collect()
    assert not {r["split"] for r in rows} & set(HELD_OUT)
    gain = cross_validate(rows)
    write_model(rows, use_threshold=gain >= 0.01)


if __name__ == "__main__":
    main()
