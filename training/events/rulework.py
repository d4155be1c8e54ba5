"""Triple F1 on the four rule-work splits (dev, dev2, dev3, test2) and their sum, in one process: the
gate for a rule change in issue 8 (a change is kept only if the sum does not drop). Held-out splits
(test, test3) are refused here; score them with ``warta eval events --split``.

    OMP_NUM_THREADS=1 python training/events/rulework.py
"""
from warta.eval.events import evaluate, load_gold
from warta.pipeline import load

SPLITS = ("dev", "dev2", "dev3", "test2")


def main():
    nlp = load()
    total = 0.0
    row = []
    for s in SPLITS:
        r = evaluate(nlp, load_gold(None, s))
        t = r["triples"]
        total += t["f1"]
        row.append(f"{s} {t['f1']:.3f} (P {t['p']:.3f} R {t['r']:.3f} tp {t['tp']}/{t['pred']}/{t['gold']})")
    print(" | ".join(row))
    print(f"sum {total:.3f}")


if __name__ == "__main__":
    main()
