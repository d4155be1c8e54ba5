"""Every events split in one process, as markdown table cells: triple P / R / F1, type F1, status
accuracy on matched events with the always-"asserted" baseline. The held-out test4 is scored only with
``--with-test4`` (issue 9: once at the frozen code, once at the end).

    OMP_NUM_THREADS=1 python training/events/all_splits.py                  # rule-work splits
    OMP_NUM_THREADS=1 PYTHONPATH=<worktree>/src python training/events/all_splits.py --with-test4
"""
import sys

from warta.eval.events import evaluate, load_gold
from warta.pipeline import load

SPLITS = ("dev", "dev2", "test2", "test3", "dev3", "test")


def main():
    splits = (("test4",) if "--with-test4" in sys.argv else ()) + SPLITS
    nlp = load()
    for s in splits:
        r = evaluate(nlp, load_gold(None, s))
        t, y = r["triples"], r["type"]
        print(f"| {s} ({t['gold']}) | {t['p']:.3f} / {t['r']:.3f} / **{t['f1']:.3f}** | {y['f1']:.3f} | "
              f"{r['status_accuracy']:.3f} ({r['status_matched']}) / {r['status_baseline_all_asserted']:.3f} |", flush=True)


if __name__ == "__main__":
    main()
