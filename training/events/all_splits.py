"""Every events split in one process, as markdown table cells: triple P / R / F1, type F1, status
accuracy on matched events with the always-"asserted" baseline. The held-out splits of issue 10, test5
(IndoSum) and test6 (NTREX, translated from English), are scored only with ``--with-held-out`` (test5
at the start and the end of the round, test6 once at the end); test4 became a read split in issue 10.
Issue 11: test7 (PFSA-ID, Kompas; blind, scored once before any change, then read) joins the rule-work
splits; test8 (PFSA-ID, blind) is scored only with ``--with-test8``, once, at the end of the round.
Issue 12: test9 (PFSA-ID, index = 2 mod 3; blind, scored once before any change, then read) joins the
rule-work splits, test8 is a check split; test10 (PFSA-ID, blind) is scored only with ``--with-test10``,
once, at the end of the round.

    OMP_NUM_THREADS=1 python training/events/all_splits.py                  # rule-work splits
    OMP_NUM_THREADS=1 PYTHONPATH=<worktree>/src python training/events/all_splits.py --with-held-out
    OMP_NUM_THREADS=1 python training/events/all_splits.py --with-held-out --with-test10  # end of issue 12
    ... --all-events     every event, also those below the learned-confidence threshold (min_confidence 0)
"""
import sys

from warta.eval.events import evaluate, load_gold
from warta.pipeline import load

SPLITS = ("test9", "test8", "test7", "test4", "dev", "dev2", "test2", "test3", "dev3", "test")
HELD_OUT = ("test5", "test6")


def main():
    splits = (("test10",) if "--with-test10" in sys.argv else ()) + (HELD_OUT if "--with-held-out" in sys.argv else ()) + SPLITS
    nlp = load()
    if "--all-events" in sys.argv:
        nlp.get_pipe("warta_events").min_confidence = 0.0
    for s in splits:
        r = evaluate(nlp, load_gold(None, s))
        t, y = r["triples"], r["type"]
        print(f"| {s} ({t['gold']}) | {t['p']:.3f} / {t['r']:.3f} / **{t['f1']:.3f}** | {y['f1']:.3f} | "
              f"{r['status_accuracy']:.3f} ({r['status_matched']}) / {r['status_baseline_all_asserted']:.3f} |", flush=True)


if __name__ == "__main__":
    main()
