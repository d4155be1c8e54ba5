"""Triple F1 on the rule-work splits and two sums, in one process: the gate for a rule change (issues
9-10). *Read set* (issue 10: dev, dev2, test2, test3, test4): errors may be read (``causes.py``,
``errors.py``). *Check set* (dev3, test): scored only, errors never read. A change is kept only if
neither sum drops, so a rule that helps only the articles it was written from shows up as a flat or
falling check sum. The held-out test5 and test6 are never scored here; they are scored with
``warta eval events --split test5`` at the start (test5) and the end (both) of the round.

Issue 11: test7 (PFSA-ID, scored once blind at the start) joins the read set; test8 is never scored here.
Issue 12: test9 (PFSA-ID, scored once blind at the start) joins the read set; test8 (scored once at the end
of issue 11, never read) joins the check set; test10 is never scored here.

    OMP_NUM_THREADS=1 python training/events/rulework.py
"""
from warta.eval.events import evaluate, load_gold
from warta.pipeline import load

READ = ("dev", "dev2", "test2", "test3", "test4", "test7", "test9")
CHECK = ("dev3", "test", "test8")
SPLITS = READ + CHECK


def main():
    nlp = load()
    sums = {"read": 0.0, "check": 0.0}
    row = []
    for s in SPLITS:
        r = evaluate(nlp, load_gold(None, s))
        t = r["triples"]
        sums["read" if s in READ else "check"] += t["f1"]
        row.append(f"{s} {t['f1']:.3f} (P {t['p']:.3f} R {t['r']:.3f} tp {t['tp']}/{t['pred']}/{t['gold']})")
    print(" | ".join(row))
    print(f"read sum {sums['read']:.3f} | check sum {sums['check']:.3f}")


if __name__ == "__main__":
    main()
